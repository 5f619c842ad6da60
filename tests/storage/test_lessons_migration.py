"""Migration 0002: a library made before the lesson store keeps what it was taught (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from briefing_app.services import Services
from briefing_app.storage import migrate

TEXT = "Rep. Jordan met officials in Kochi. Laughter followed.\nBoth navies will patrol the Gulf."
NOW = "2026-12-01 10:00:00.000000"


def _old_library(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text(
            "INSERT INTO article (id, title, outlet, author, url, published, source_path, format, text, text_hash, "
            "status, analysis_mode, created_at, updated_at) VALUES (1, 'Old', '', '', '', '', '', 'txt', :t, 'h', "
            "'in_review', 'model', :now, :now)"), {"t": TEXT, "now": NOW})

        def ann(kind: str, phrase: str, label: str, origin: str, status: str, original: dict[str, str] | None) -> None:
            start = TEXT.index(phrase)
            conn.execute(text(
                'INSERT INTO annotation (article_id, kind, start, "end", label, text, entity_id, role, origin, status, '
                "confidence, why, original, created_by, created_at, updated_at) VALUES (1, :k, :s, :e, :l, :x, '', '', "
                ":o, :st, 1.0, '', :orig, '', :now, :now)"),
                {"k": kind, "s": start, "e": start + len(phrase), "l": label, "x": phrase, "o": origin, "st": status,
                 "orig": json.dumps(original) if original else "", "now": NOW})

        ann("entity", "Kochi", "GPE", "model", "rejected", {"label": "GPE"})
        ann("entity", "Laughter", "EVENT", "user", "accepted", None)
        ann("entity", "Jordan", "PERSON", "model", "accepted", {"label": "GPE"})
        ann("pillar", "Both navies will patrol the Gulf.", "security", "model", "rejected", {"label": "security"})
        ann("pillar", "Laughter followed.", "people", "user", "accepted", None)
        conn.execute(text("INSERT INTO canonicalentity (key, name, label, role, aliases, updated_at) VALUES "
                          "('PERSON:joe biden', 'Joe Biden', 'PERSON', '', :a, :now)"),
                     {"a": json.dumps(["Joseph R. Biden Jr."]), "now": NOW})
    engine.dispose()


def test_existing_corrections_become_lessons(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_library(path)
    services = Services.open(path)
    try:
        got = {(x.action, x.text, x.label, x.from_label, x.left, x.right, x.entity_key)
               for x in services.lessons.all()}
        services.articles.delete(1)
        kept = len(services.lessons.all())
    finally:
        services.close()
    assert got == {
        ("reject", "Kochi", "GPE", "", "in", ".", ""),
        ("add", "Laughter", "EVENT", "", "Kochi.", "followed.", ""),
        ("relabel", "Jordan", "PERSON", "GPE", "Rep.", "met", ""),
        ("pillar_remove", "Both navies will patrol the Gulf.", "security", "", "", "", ""),
        ("pillar_add", "Laughter followed.", "people", "", "", "", ""),
        ("alias", "Joseph R. Biden Jr.", "PERSON", "", "", "", "PERSON:joe biden"),
    }
    assert kept == 6, "lessons outlive the article they came from"
