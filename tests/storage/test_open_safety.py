"""Opening with care: truncated files refused, migration backup and roll-back, read-only media."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.storage import backup, migrate
from briefing_app.storage.database import open_database
from briefing_app.storage.errors import DatabaseCorrupt, StorageError


def _filled(db_path: Path, n: int = 30) -> None:
    services = Services.open(db_path)
    for i in range(n):
        services.articles.add(ImportedDocument(
            title=f"Article {i}", text=f"Article number {i}. " + "Defence ministers met in Delhi. " * 40,
            source_path=""))
    services.close()


def test_truncated_database_is_refused_and_left_untouched(db_path: Path) -> None:
    _filled(db_path)
    data = db_path.read_bytes()
    assert len(data) > 20_000
    db_path.write_bytes(data[: len(data) // 2])
    truncated = db_path.read_bytes()
    with pytest.raises(DatabaseCorrupt):
        open_database(db_path)
    assert db_path.read_bytes() == truncated


def test_foreign_sqlite_file_is_not_adopted(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ambassador')")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseCorrupt, match="another program"):
        open_database(db_path)
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert tables == {"contacts"}


@pytest.fixture
def old_schema_db(db_path: Path) -> Path:
    """A database whose stamp says it predates the newest migration (as after an app update)."""
    _filled(db_path, 3)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'pre'")
    conn.commit()
    conn.close()
    return db_path


@pytest.fixture
def pending_migration(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Pretend the app ships a migration 'pre' -> head; tests decide what it does."""
    calls: list[str] = []
    real_known = migrate.known_revisions
    monkeypatch.setattr(migrate, "known_revisions", lambda: real_known() | {"pre"})
    yield calls


def test_migration_takes_a_backup_first(old_schema_db: Path, pending_migration: list[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def upgrade(engine: Engine) -> None:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{migrate.head_revision()}'")

    monkeypatch.setattr(migrate, "upgrade", upgrade)
    db = open_database(old_schema_db)
    db.close()
    pre = backup.list_backups(old_schema_db, ("pre-migration",))
    assert len(pre) == 1
    with sqlite3.connect(pre[0].path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "pre"
        assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == 3


def test_failed_migration_is_rolled_back_from_its_backup(old_schema_db: Path, pending_migration: list[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def half_done_then_crash(engine: Engine) -> None:
        # SQLite DDL through pysqlite is not reliably transactional: leave real damage behind.
        raw = sqlite3.connect(old_schema_db, isolation_level=None)
        raw.execute("DROP TABLE note")
        raw.execute("ALTER TABLE article ADD COLUMN half_done TEXT")
        raw.execute("DELETE FROM article WHERE id > 1")
        raw.close()
        raise RuntimeError("simulated failure in migration 0002")

    monkeypatch.setattr(migrate, "upgrade", half_done_then_crash)
    with pytest.raises(StorageError, match="put back exactly as it was") as info:
        open_database(old_schema_db)
    assert "simulated failure" in str(info.value)
    with sqlite3.connect(old_schema_db) as conn:
        assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == 3
        columns = [r[1] for r in conn.execute("PRAGMA table_info(article)")]
        assert "half_done" not in columns
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='note'").fetchone()[0] == 1
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "pre"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The failed half-migrated file is kept for diagnosis, not deleted.
    assert backup.list_backups(old_schema_db, ("damaged",))


def test_file_marked_read_only_opens_read_only(db_path: Path) -> None:
    _filled(db_path, 2)
    os.chmod(db_path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        services = Services.open(db_path)
        try:
            assert services.db.read_only
            assert "read-only" in (services.db.read_only_reason or "")
            assert len(services.articles.list_summaries()) == 2
            with pytest.raises(Exception, match="readonly|read-only|query_only|attempt to write"):
                services.articles.set_status(services.articles.list_summaries()[0].id, "reviewed")
        finally:
            services.close()
    finally:
        os.chmod(db_path, stat.S_IRUSR | stat.S_IWUSR)
    with sqlite3.connect(db_path) as conn:
        assert {r[0] for r in conn.execute("SELECT status FROM article")} == {"new"}


def test_read_only_folder_without_database_is_refused_clearly(tmp_path: Path) -> None:
    folder = tmp_path / "cdrom"
    folder.mkdir()
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(StorageError, match="Cannot create a database.*read-only"):
            open_database(folder / "briefing.db")
    finally:
        os.chmod(folder, stat.S_IRWXU)


def _can_mount() -> bool:
    return os.geteuid() == 0 and subprocess.run(["which", "mount"], capture_output=True).returncode == 0


def test_database_on_a_read_only_mount_opens_read_only(db_path: Path, tmp_path: Path) -> None:
    """A real read-only medium (a read-only bind mount) where the OS refuses every write."""
    if not _can_mount():
        pytest.skip("needs root to create a read-only mount")
    _filled(db_path, 2)
    mount_point = tmp_path / "ro"
    mount_point.mkdir()
    bind = subprocess.run(["mount", "--bind", str(db_path.parent), str(mount_point)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip(f"mount not permitted here: {bind.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mount_point)], check=True, capture_output=True)
        services = Services.open(mount_point / db_path.name)
        try:
            assert services.db.read_only
            assert "read-only medium" in (services.db.read_only_reason or "")
            assert len(services.articles.list_summaries()) == 2
        finally:
            services.close()
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)
