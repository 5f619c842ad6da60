"""A full disk is not damage: starting and restoring on a full disk say so and change nothing.

Real full disks come from a small tmpfs (tests/fulldisk.py, skipped where mounting
is not permitted); the rest simulate ENOSPC / SQLITE_FULL by monkeypatching.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.storage import backup, database, errors
from briefing_app.storage.database import open_database
from briefing_app.storage.errors import DatabaseCorrupt, DiskFull, StorageError
from tests.fulldisk import fill, free_up, listing, small_disk


def _library(db_path: Path, n: int = 3, size: int = 200) -> list[str]:
    services = Services.open(db_path)
    titles = []
    for i in range(n):
        services.articles.add(ImportedDocument(title=f"Article {i}", source_path="",
                                               text=f"Article {i} on defence and trade. " * size))
        titles.append(f"Article {i}")
    services.close()
    return titles


def _titles(db_path: Path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM article ORDER BY id")]
    finally:
        conn.close()


def test_starting_on_a_full_disk_says_the_disk_is_full_and_changes_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        db_path = disk / "x.db"
        titles = _library(db_path)
        before = listing(disk)
        fill(disk)
        with pytest.raises(DiskFull) as err:
            open_database(db_path)
        message = str(err.value)
        assert not isinstance(err.value, DatabaseCorrupt), "a full disk is not damage"
        assert "disk is full" in message and "x.db" in message and str(disk) in message
        assert "free" in message and "damaged" not in message
        assert listing(disk) == before, "nothing was created, moved or changed"
        free_up(disk)
        services = Services.open(db_path)
        assert [s.title for s in services.articles.list_summaries()][::-1] == titles or \
            sorted(s.title for s in services.articles.list_summaries()) == titles
        services.close()


def test_restoring_on_a_full_disk_leaves_the_database_where_it_was(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        db_path = disk / "x.db"
        _library(db_path, n=4, size=400)
        made = backup.make_backup(db_path, "auto")
        fill(disk, leave=64 * 1024)
        before = listing(disk)
        with pytest.raises(DiskFull, match="disk is full"):
            backup.restore_backup(db_path, made)
        assert listing(disk) == before, "the original stays exactly where it was; no half copy is left"
        assert backup.list_backups(db_path, ("damaged",)) == []
        free_up(disk)
        assert _titles(db_path) == [f"Article {i}" for i in range(4)]


def test_open_reports_a_full_disk_even_when_sqlite_only_says_io_error(db_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _library(db_path, n=1)
    before = db_path.read_bytes()
    monkeypatch.setattr(errors, "free_bytes", lambda _path: 4096)
    with pytest.raises(DiskFull, match="disk is full"):
        open_database(db_path)
    assert db_path.read_bytes() == before
    # And the mapping itself: an I/O error on a disk with no room is a full disk, not damage.
    io_error = sqlite3.OperationalError("disk I/O error")
    assert errors.is_disk_full(io_error, db_path)
    converted = errors.storage_error_from(io_error, db_path)
    assert isinstance(converted, DiskFull) and converted.reason.startswith("the disk is full (briefing.db")


def test_a_restore_that_fails_midway_keeps_the_original_in_place(db_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _library(db_path, n=2)
    made = backup.make_backup(db_path, "auto")
    before = db_path.read_bytes()

    def no_room(_src: Path, target: Path) -> Path:
        target.write_bytes(b"SQLite format 3\x00" + b"\0" * 100)  # a half-written copy
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "backup_copy", no_room)
    with pytest.raises(DiskFull):
        backup.restore_backup(db_path, made)
    assert db_path.read_bytes() == before
    assert backup.list_backups(db_path, ("damaged",)) == []
    left = {p.name for p in db_path.parent.iterdir() if p.is_file()} - {f"{db_path.name}-wal", f"{db_path.name}-shm"}
    assert left == {db_path.name}, "no temporary copy is left beside the database"


def test_a_restore_interrupted_before_the_swap_leaves_the_original(db_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _library(db_path, n=2)
    made = backup.make_backup(db_path, "auto")
    before = db_path.read_bytes()
    real_replace = os.replace

    def interrupted(src: object, dst: object) -> None:
        if Path(str(dst)) == db_path:
            raise KeyboardInterrupt  # stands for the process dying at this instant
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(backup.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        backup.restore_backup(db_path, made)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.restoring*")) and not list(db_path.parent.glob("*journal"))


def test_a_stale_wal_of_the_replaced_database_is_never_replayed_into_the_restored_copy(db_path: Path) -> None:
    _library(db_path, n=1)
    made = backup.make_backup(db_path, "auto")
    # The database changes after the backup and its last changes sit in the WAL (a crash left it there).
    holder = sqlite3.connect(db_path)
    holder.execute("PRAGMA wal_autocheckpoint=0")
    holder.execute("UPDATE article SET title='changed after the backup'")
    holder.commit()
    wal = db_path.with_name(db_path.name + "-wal")
    saved_wal = wal.read_bytes()
    holder.close()
    wal.write_bytes(saved_wal)  # as a killed process leaves it
    kept = backup.restore_backup(db_path, made)
    assert not wal.exists()
    assert _titles(db_path) == ["Article 0"]
    assert kept is not None and kept.with_name(kept.name + "-wal").read_bytes() == saved_wal, \
        "the replaced database is kept whole, with its WAL"
    services = Services.open(db_path)
    assert services.db.integrity_check() == ["ok"]
    services.close()


def test_messages_name_the_space_needed_and_where(tmp_path: Path) -> None:
    err = errors.disk_full(tmp_path / "x.db", needed=3 * 1024 * 1024)
    assert str(err).startswith("The disk is full: x.db needs at least 3.0 MB of free space in ")
    assert str(tmp_path) in str(err) and "Nothing was changed" in str(err)
    assert err.reason.startswith("the disk is full (x.db needs")
    assert isinstance(err, StorageError)


def test_half_made_checks_never_hide_the_real_storage_error(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Creating a database on a full disk says so (and leaves no file behind)."""
    # the disk fills while the new database is being built (its schema written)
    monkeypatch.setattr(database.migrate, "upgrade",
                        lambda _engine: (_ for _ in ()).throw(sqlite3.OperationalError("database or disk is full")))
    with pytest.raises(DiskFull, match="creating briefing.db"):
        open_database(db_path)
    assert list(db_path.parent.iterdir()) == []
