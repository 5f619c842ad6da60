"""Migration 0004: briefings of a 0003 library get a 2-page budget; their items quote the whole passage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from briefing_app.services import Services
from briefing_app.storage import migrate

NOW = "2026-12-01 10:00:00.000000"
TEXT = "WASHINGTON D.C.: India and the United States agreed to expand their defence ties this year."


def _library_at_0003(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(text(
            "INSERT INTO article (id, title, outlet, author, url, published, source_path, format, text, text_hash, "
            "status, analysis_mode, created_at, updated_at) VALUES (1, 'Old', 'Wire', '', '', '2020-02-20', '', "
            "'txt', :t, 'h', 'reviewed', 'model', :now, :now)"), {"t": TEXT, "now": NOW})
        for b in (1, 2):
            conn.execute(text(
                "INSERT INTO briefing (id, title, subject, \"to\", from_, date, reference, classification, caveat, "
                "summary, assessment, next_steps, created_at, updated_at) VALUES (:b, 'Note', '', '', '', "
                "'2026-12-01', '', 'OFFICIAL', '', '[]', '', '[]', :now, :now)"), {"b": b, "now": NOW})
        conn.execute(text(
            "INSERT INTO briefingitem (briefing_id, article_id, start, \"end\", text, pillar_id, position, comment, "
            "created_at) VALUES (2, 1, 17, :e, :x, 'defence', 0, 'keep', :now)"),
            {"e": len(TEXT), "x": TEXT[17:], "now": NOW})
    engine.dispose()


def test_a_0003_library_keeps_its_briefings_with_the_new_defaults(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _library_at_0003(path)
    services = Services.open(path)
    try:
        briefing = services.briefings.get(2)
        assert briefing is not None and briefing.classification == "OFFICIAL"
        assert (briefing.page_budget, briefing.newest_first, briefing.actor_edits) == (2.0, False, {})  # JSON since 0005
        (item,) = services.briefings.items(2)
        assert (item.comment, item.quote, item.paraphrase) == ("keep", "", "")
        doc = services.briefings.document(2)
        assert doc.sections[0].items[0].text.endswith("this year [2020].")
        # ids stay never reused after the migration
        services.briefings.delete(2)
        assert services.briefings.create(title="New").id == 3
    finally:
        services.close()
    with sqlite3.connect(path) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'briefingitem'").fetchone()[0]
    assert "AUTOINCREMENT" in sql.upper()
