"""The database file: PRAGMAs, migrations, refusal of newer schemas, corruption."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefing_app.storage.database import open_database
from briefing_app.storage.errors import DatabaseCorrupt, DatabaseTooNew, StorageError
from briefing_app.storage.migrate import head_revision


def test_new_database_is_migrated_and_configured(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
        assert db.integrity_check() == ["ok"]
    finally:
        db.close()


def test_services_seed_the_default_pillars_once(db_path: Path) -> None:
    from briefing_app.services import Services

    svc = Services.open(db_path)  # seeding is a service's job: storage knows tables, not the taxonomy
    assert list(svc.pillars.ids()) == ["defence", "security", "trade", "technology", "energy", "health", "people",
                                       "diplomacy"]
    assert svc.pillars.seed_defaults() is False
    svc.close()


def test_reopening_keeps_data(db_path: Path) -> None:
    from briefing_app.services import Services

    Services.open(db_path).close()
    db = open_database(db_path)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE pillar SET name='Defence & Security' WHERE id='defence'")
    db.close()
    db = open_database(db_path)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM pillar WHERE id='defence'").scalar() == "Defence & Security"
    db.close()


def test_newer_database_is_refused_with_a_clear_message(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num='9999_future'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNew, match="newer Briefing Builder"):
        open_database(db_path)


def test_a_non_database_file_is_refused_and_left_alone(db_path: Path) -> None:
    db_path.write_bytes(b"this is a letter, not a database" * 100)
    with pytest.raises(DatabaseCorrupt, match="not a Briefing Builder database"):
        open_database(db_path)
    assert db_path.read_bytes().startswith(b"this is a letter")


def test_unwritable_folder_gives_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError):
        open_database(blocker / "sub" / "db.sqlite")
