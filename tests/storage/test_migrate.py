"""The fast path's head constant matches the Alembic scripts."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.storage import backup, migrate


def test_head_constant_matches_the_migration_scripts() -> None:
    assert migrate.HEAD_REVISION == migrate.head_revision()
    assert migrate.HEAD_REVISION in migrate.known_revisions()


def _baseline_database(db_path: Path) -> None:
    """A database exactly as the previous version (schema 0001) left it, with rows in every table."""
    from alembic import command
    from sqlalchemy import create_engine, event

    from briefing_app.storage.database import _set_pragmas

    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", _set_pragmas)
    cfg = migrate.alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001")
    now = "2026-11-30 09:00:00.000000"
    with engine.begin() as conn:
        for i in (1, 2, 3):
            conn.exec_driver_sql(
                "INSERT INTO article (id, title, outlet, author, url, published, source_path, format, text, "
                "text_hash, status, analysis_mode, created_at, updated_at) VALUES "
                f"({i}, 'Article {i}', 'The Hindu', '', '', '', '', 'txt', "
                f"'Article {i}. Ministers met in Delhi about quokka{i} trade.', 'hash{i}', 'new', 'model', "
                f"'{now}', '{now}')")
            conn.exec_driver_sql(
                "INSERT INTO annotation (article_id, kind, start, \"end\", label, text, entity_id, role, origin, "
                "status, confidence, why, original, created_by, created_at, updated_at) VALUES "
                f"({i}, 'entity', 32, 37, 'GPE', 'Delhi', 'GPE:delhi', '', 'model', 'suggested', 0.9, '', '', "
                f"'', '{now}', '{now}')")
        conn.exec_driver_sql(
            "INSERT INTO note (article_id, start, \"end\", body, created_at, updated_at) "
            f"VALUES (2, 0, 9, 'Check this', '{now}', '{now}')")
        for b in (1, 2):
            conn.exec_driver_sql(
                "INSERT INTO briefing (title, subject, \"to\", from_, date, reference, classification, caveat, "
                "summary, assessment, next_steps, created_at, updated_at) VALUES "
                f"('Briefing {b}', '', '', '', '2026-11-30', '', 'UNCLASSIFIED', '', '[]', '', '[]', "
                f"'{now}', '{now}')")
        conn.exec_driver_sql(
            "INSERT INTO briefingitem (briefing_id, article_id, start, \"end\", text, pillar_id, position, "
            f"comment, created_at) VALUES (2, 1, 0, 10, 'Article 1.', 'defence', 0, '', '{now}')")
        conn.exec_driver_sql(
            "INSERT INTO canonicalentity (key, name, label, role, aliases, updated_at) "
            f"VALUES ('GPE:delhi', 'Delhi', 'GPE', '', '[]', '{now}')")
    engine.dispose()


#: Made valid JSON by 0005 ("" becomes [] or NULL): checked by tests/storage/test_json_columns_migration.py.
JSON_COLUMNS = {"why", "original", "aliases", "summary", "next_steps", "keywords", "actor_edits"}


def _dump(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db_path) as conn:
        out = {}
        for table in ("article", "annotation", "note", "briefing", "briefingitem", "canonicalentity"):
            names = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in JSON_COLUMNS]
            out[table] = conn.execute(f"SELECT {', '.join(map(repr, names))} FROM {table} ORDER BY 1").fetchall()
        return out


def _fts_ids(conn: sqlite3.Connection, word: str) -> list[int]:
    return [r[0] for r in conn.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH ?", (word,))]


def test_a_database_of_the_previous_version_gets_ids_that_are_never_reused(db_path: Path) -> None:
    _baseline_database(db_path)
    before = _dump(db_path)

    services = Services.open(db_path)  # migrates 0001 -> head
    try:
        assert backup.list_backups(db_path, ("pre-migration",)), "a backup was taken before the update"
        # every row kept, with its id (later migrations may append columns)
        after = {t: [row[:len(before[t][0])] if before[t] else row for row in rows]
                 for t, rows in _dump(db_path).items()}
        assert after == before, "every row kept, with its id"
        assert services.db.integrity_check() == ["ok"]
        with services.db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1, "foreign keys back on"
        # The newest briefing is deleted and a new one made: it gets a fresh id.
        services.briefings.delete(2)
        fresh = services.briefings.create(title="After the update")
        assert fresh.id == 3
        # The full-text index and its triggers still work (search, insert, update, delete).
        assert [hit[0] for hit in services.articles.search("quokka2")] == [2]
        services.articles.update_metadata(2, title="Renamed wallaby")
        assert [hit[0] for hit in services.articles.search("wallaby")] == [2]
        services.articles.delete(3)
        added = services.articles.add(ImportedDocument(title="New numbat", text="New numbat text.",
                                                       source_path=""))
        assert added.id == 4, "the deleted article's id is not handed out again"
        assert [hit[0] for hit in services.articles.search("numbat")] == [4]
        assert services.articles.search("quokka3") == []
    finally:
        services.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO article_fts(article_fts) VALUES('integrity-check')")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.HEAD_REVISION
        assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")} == {
            "article_ai", "article_ad", "article_au", "article_clock_ai", "article_clock_ad"}
        # The annotation and item of the kept articles survived the recreation of their parent tables.
        assert conn.execute("SELECT count(*) FROM annotation").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM note").fetchone()[0] == 1
        assert _fts_ids(conn, "quokka1") == [1]


def test_a_migration_that_fails_half_way_changes_nothing(db_path: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """One transaction with foreign keys off: a failure after the tables were recreated rolls all back."""
    from sqlalchemy import create_engine, event

    from briefing_app.storage.database import _set_pragmas

    _baseline_database(db_path)
    before = _dump(db_path)
    broken = tmp_path / "migrations"
    shutil.copytree(Path(migrate.__file__).parent / "migrations", broken, ignore=shutil.ignore_patterns("__pycache__"))
    script = broken / "versions" / "0002_autoincrement_ids.py"
    script.write_text(script.read_text(encoding="utf-8").replace(
        "    _recreate(autoincrement=True)\n",
        "    _recreate(autoincrement=True)\n    op.execute('SELECT no_such_function()')\n"), encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS", str(broken))  # Alembic takes a folder path here too
    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", _set_pragmas)
    try:
        with pytest.raises(Exception, match="no_such_function"):
            migrate.upgrade(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
    assert _dump(db_path) == before
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert "AUTOINCREMENT" not in conn.execute("SELECT sql FROM sqlite_master WHERE name='article'").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger'").fetchone()[0] == 3
