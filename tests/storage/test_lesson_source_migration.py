"""Migration 0013: the lessons of a 0012 library get an empty ``source`` (their own) and keep everything else."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from briefing_app.services import Services
from briefing_app.storage import migrate
from tests.storage.schema_at import NOW, schema_at


def test_a_0012_library_keeps_its_lessons_with_no_source(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with schema_at(str(path), "0012") as conn:
        conn.execute(text(
            "INSERT INTO lesson (id, action, text, label, from_label, from_text, canonical, entity_key, context, "
            "\"left\", \"right\", created_at, updated_at, withdrawn, taught_by, changed_by, version) VALUES "
            "(7, 'add', 'Harbour Shield Initiative', 'LAW', '', '', '', '', '', '', '', :now, :now, 0, '', '', 1)"),
            {"now": NOW})
    services = Services.open(path)
    try:
        (lesson,) = services.lessons.all()
        assert (lesson.id, lesson.text, lesson.source) == (7, "Harbour Shield Initiative", "")
    finally:
        services.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.HEAD_REVISION
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'lesson'").fetchone()[0]
    assert "AUTOINCREMENT" in sql.upper()
