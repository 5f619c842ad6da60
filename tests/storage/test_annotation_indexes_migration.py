"""Migration 0008: a library of the previous schema gets the per-article tag indexes, its rows kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from briefing_app.services import Services
from briefing_app.storage import migrate
from tests.storage.schema_at import NOW, insert_article, schema_at

TEXT = "Modi met Trump in Washington. Both sides will deepen defence ties."


def _library_at_0006(path: Path) -> None:
    with schema_at(str(path), "0006") as conn:
        insert_article(conn, TEXT, title="Call")
        for kind, start, end, label, status in (("entity", 0, 4, "PERSON", "suggested"),
                                                ("entity", 9, 14, "PERSON", "accepted"),
                                                ("pillar", 30, 66, "defence", "suggested")):
            conn.execute(text(
                'INSERT INTO annotation (article_id, kind, start, "end", label, text, entity_id, role, origin, status, '
                "confidence, why, original, created_by, created_at, updated_at) VALUES (1, :k, :s, :e, :l, :x, :i, "
                "'', 'model', :st, 0.5, '[]', NULL, '', :now, :now)"),
                {"k": kind, "s": start, "e": end, "l": label, "x": TEXT[start:end], "st": status, "now": NOW,
                 "i": f"{label}:{TEXT[start:end].lower()}" if kind == "entity" else ""})


def test_a_library_of_the_previous_schema_gets_the_indexes_and_keeps_its_tags(db_path: Path) -> None:
    _library_at_0006(db_path)
    services = Services.open(db_path)
    try:
        assert services.annotations.open_counts(1) == {"entity": 1, "pillar": 1}
        assert [g.name for g in services.entities.groups(1, {"PERSON:trump"})] == ["Trump"]
    finally:
        services.close()
    conn = sqlite3.connect(db_path)
    try:
        indexes = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'annotation'")}
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        (rows,) = conn.execute("SELECT count(*) FROM annotation").fetchone()
    finally:
        conn.close()
    assert {"ix_annotation_counts", "ix_annotation_entity"} <= indexes
    assert revision == migrate.HEAD_REVISION
    assert rows == 3
