"""Migration 0005: the seven JSON-as-text columns become JSON columns, every stored value kept.

The library is built at 0005 (after the budget columns of 0004 and the created_at index of 0005), so the briefing budget columns (0004) hold values the rebuild must keep."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from briefing_app.services import Services
from briefing_app.storage import migrate

TEXT = "Modi met Trump in Washington. Both sides will deepen defence ties."
NOW = "2026-12-01 10:00:00.000000"


def _library_at_0004(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        conn.execute(text(
            "INSERT INTO article (id, title, outlet, author, url, published, source_path, format, text, text_hash, "
            "status, analysis_mode, created_at, updated_at) VALUES (1, 'Call', '', '', '', '', '', 'txt', :t, 'h', "
            "'in_review', 'model', :now, :now)"), {"t": TEXT, "now": NOW})
        rows = [  # kind, start, end, label, text, why, original
            ("entity", 0, 4, "PERSON", "Modi", "you tagged this name before", ""),
            ("entity", 9, 14, "PERSON", "Trump", "", json.dumps({"label": "ORG", "status": "suggested"})),
            ("pillar", 30, 66, "defence", TEXT[30:66], json.dumps(["defence", "ties"]), ""),
            ("pillar", 0, 29, "diplomacy", TEXT[0:29], "", ""),
        ]
        for kind, start, end, label, surface, why, original in rows:
            conn.execute(text(
                'INSERT INTO annotation (article_id, kind, start, "end", label, text, entity_id, role, origin, status, '
                "confidence, why, original, created_by, created_at, updated_at) VALUES (1, :k, :s, :e, :l, :x, '', "
                "'', 'model', 'suggested', 0.5, :w, :o, '', :now, :now)"),
                {"k": kind, "s": start, "e": end, "l": label, "x": surface, "w": why, "o": original, "now": NOW})
        conn.execute(text("INSERT INTO canonicalentity (key, name, label, role, aliases, updated_at) VALUES "
                          "('PERSON:narendra modi', 'Narendra Modi', 'PERSON', '', :a, :now)"),
                     {"a": json.dumps(["Modi", "PM Modi"]), "now": NOW})
        conn.execute(text("INSERT INTO briefing (id, title, subject, \"to\", from_, date, reference, classification, "
                          "caveat, summary, assessment, next_steps, page_budget, newest_first, actor_edits, "
                          "created_at, updated_at) VALUES (1, 'Note', '', '', '', '', '', 'OFFICIAL', '', :s, '', '', "
                          "1.5, 1, :a, :now, :now)"),
                     {"s": json.dumps(["First point", "Second"]), "now": NOW,
                      "a": json.dumps({"PERSON:narendra modi": {"role": "Prime Minister", "name": "", "removed": False}})})
        conn.execute(text("INSERT INTO briefing (id, title, subject, \"to\", from_, date, reference, classification, "
                          "caveat, summary, assessment, next_steps, page_budget, newest_first, actor_edits, "
                          "created_at, updated_at) VALUES (2, 'Empty', '', '', '', '', '', 'OFFICIAL', '', '', '', '', "
                          "0, 0, '', :now, :now)"), {"now": NOW})
        conn.execute(text('INSERT INTO briefingitem (briefing_id, article_id, start, "end", text, pillar_id, position, '
                          "comment, quote, paraphrase, created_at) VALUES (1, 1, 30, 66, :x, 'defence', 0, '', "
                          ":q, 'They will work together on defence.', :now)"),
                     {"x": TEXT[30:66], "q": "Both sides will deepen […] ties", "now": NOW})
        conn.execute(text("INSERT INTO pillar (id, name, colour, description, keywords, position) VALUES "
                          "('defence', 'Defence', '#123456', '', :k, 0)"), {"k": json.dumps({"navy": 1.5})})
    engine.dispose()


def test_json_text_becomes_json_values_and_nothing_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _library_at_0004(path)
    services = Services.open(path)  # migrates 0003 -> head
    try:
        anns = {a.text: a for a in services.annotations.for_article(1)}
        assert anns["Modi"].why == "you tagged this name before"  # an entity's reason stays free text
        assert anns["Modi"].original is None  # never edited
        assert anns["Trump"].original == {"label": "ORG", "status": "suggested"}
        assert anns[TEXT[30:66]].why == ["defence", "ties"]
        assert anns[TEXT[0:29]].why == []
        assert services.entities.canonical("PERSON:narendra modi").aliases == ["Modi", "PM Modi"]  # type: ignore[union-attr]
        briefing = services.briefings.get(1)
        assert briefing is not None
        assert briefing.summary == ["First point", "Second"]
        assert briefing.next_steps == []
        # 0004's columns survive the table rebuild; actor_edits is a dict now
        assert briefing.page_budget == 1.5 and briefing.newest_first is True
        assert briefing.actor_edits == {"PERSON:narendra modi": {"role": "Prime Minister", "name": "", "removed": False}}
        empty = services.briefings.get(2)
        assert empty is not None and empty.actor_edits == {} and empty.page_budget == 0
        items = services.briefings.items(1)
        assert [(i.quote, i.paraphrase) for i in items] == [
            ("Both sides will deepen […] ties", "They will work together on defence.")]
        assert {p.id: p.keywords for p in services.pillars.all()} == {"defence": {"navy": 1.5}}
        # the recreated tables still never reuse ids
        services.briefings.delete(2)
        assert services.briefings.create("New").id == 3
    finally:
        services.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.HEAD_REVISION
        types = {r[1]: r[2] for r in conn.execute("PRAGMA table_info(annotation)")}
        assert types["why"] == types["original"] == "JSON"
        types = {r[1]: r[2] for r in conn.execute("PRAGMA table_info(briefing)")}
        assert types["actor_edits"] == types["summary"] == "JSON"
        assert "AUTOINCREMENT" in conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'annotation'").fetchone()[0]


def test_downgrade_puts_the_text_back(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _library_at_0004(path)
    Services.open(path).close()
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        whys = dict(conn.execute(text("SELECT text, why FROM annotation")).fetchall())
        originals = dict(conn.execute(text("SELECT text, original FROM annotation")).fetchall())
        edits = dict(conn.execute(text("SELECT id, actor_edits FROM briefing")).fetchall())
    engine.dispose()
    assert whys["Modi"] == "you tagged this name before"
    assert originals["Modi"] == ""
    assert json.loads(edits[1]) == {"PERSON:narendra modi": {"role": "Prime Minister", "name": "", "removed": False}}
    assert edits[2] == "{}"
