"""Migration 0007: briefings of a 0006 library get an empty ``drafted`` object and keep everything else."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from briefing_app.export.formatting import key_points
from briefing_app.services import Services
from briefing_app.storage import migrate
from tests.storage.schema_at import NOW, insert_article, schema_at

TEXT = "India and Japan agreed to launch a joint working group on critical minerals by March 2027."


def _library_at_0006(path: Path) -> None:
    with schema_at(str(path), "0006") as conn:
        insert_article(conn, TEXT, title="Later", outlet="Nikkei", published="2026-02-02", status="reviewed")
        for b in (1, 2):
            conn.execute(text(
                "INSERT INTO briefing (id, title, subject, \"to\", from_, date, reference, classification, caveat, "
                "summary, assessment, next_steps, page_budget, newest_first, actor_edits, created_at, updated_at) "
                "VALUES (:b, 'Note', '', '', '', '2026-12-01', '', 'OFFICIAL', '', '[\"Typed line\"]', '', '[]', "
                "1.5, 0, '{}', :now, :now)"), {"b": b, "now": NOW})
        conn.execute(text(
            "INSERT INTO briefingitem (briefing_id, article_id, start, \"end\", text, pillar_id, position, comment, "
            "quote, paraphrase, created_at) VALUES (2, 1, 0, :e, :x, 'economy', 0, 'keep', '', '', :now)"),
            {"e": len(TEXT), "x": TEXT, "now": NOW})


def test_a_0006_library_keeps_its_briefings_and_gets_empty_drafted_lines(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _library_at_0006(path)
    services = Services.open(path)
    try:
        briefing = services.briefings.get(2)
        assert briefing is not None
        assert (briefing.drafted, briefing.summary, briefing.page_budget) == ({}, ["Typed line"], 1.5)
        (item,) = services.briefings.items(2)
        assert item.comment == "keep"
        doc = services.briefings.document(2)
        assert [k for k, _c in key_points(doc)] == [
            "Typed line"]  # the officer's typed summary is the note's key points
        services.briefings.delete(2)
        assert services.briefings.create(title="New").id == 3  # ids stay never reused
    finally:
        services.close()
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'briefing'").fetchone()[0]
    assert version == migrate.HEAD_REVISION
    assert "AUTOINCREMENT" in sql.upper()
