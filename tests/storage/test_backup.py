"""Rolling backups through the backup API, choosing the newest good one, restoring without loss."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.storage import backup
from briefing_app.storage.database import open_database
from briefing_app.storage.errors import DatabaseCorrupt
from briefing_app.storage.paths import backups_dir

# Backups are copies of the SQLite file (a desk server is backed up by its administrator).
pytestmark = pytest.mark.sqlite_only


def _add_article(services: Services, text: str) -> int:
    article = services.articles.add(ImportedDocument(title=text[:20], text=text, source_path=""))
    assert article.id is not None
    return article.id


def _titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM article ORDER BY id")]
    finally:
        conn.close()


def _backdate(info_path: Path, when: datetime) -> Path:
    """Rename a backup so its time stamp says ``when`` (as if taken then)."""
    stem, kind = info_path.name.split("-")[0], "auto"
    target = info_path.with_name(f"{stem}-{kind}-{when:%Y%m%d-%H%M%S}.db")
    os.replace(info_path, target)
    return target


def test_backup_of_an_open_database_holds_committed_data(services: Services, db_path: Path) -> None:
    _add_article(services, "First article about defence cooperation.")
    # The database is open with a WAL; the backup API still sees every committed row.
    made = backup.make_backup(db_path)
    assert made.parent == backups_dir(db_path) == db_path.parent / "backups"
    assert backup.is_good_backup(made)
    assert _titles(made) == ["First article about"]
    # A backup is one self-contained file (no WAL that could be separated from it).
    assert not Path(f"{made}-wal").exists()
    with sqlite3.connect(made) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_rolling_backups_keep_one_per_day_and_the_last_n(services: Services, db_path: Path) -> None:
    _add_article(services, "Some text to back up.")
    today = datetime.now()
    for days_ago in range(10, 0, -1):
        _backdate(backup.make_backup(db_path, keep=100), today - timedelta(days=days_ago))
    assert len(backup.list_backups(db_path)) == 10
    # Two exits today: only the newest of today's backups stays, then the newest 7 days in total.
    backup.backup_on_exit(db_path, keep=7)
    backup.backup_on_exit(db_path, keep=7)
    autos = backup.list_backups(db_path, ("auto",))
    assert len(autos) == 7
    days = [b.created.date() for b in autos]
    assert days == sorted(set(days), reverse=True)
    assert days[0] == today.date()
    assert days[-1] == (today - timedelta(days=6)).date()


def test_backup_is_due_at_most_daily(services: Services, db_path: Path) -> None:
    assert backup.backup_due(db_path)
    first = backup.backup_if_due(db_path)
    assert first is not None
    assert not backup.backup_due(db_path)
    assert backup.backup_if_due(db_path) is None
    assert backup.backup_due(db_path, now=datetime.now() + timedelta(days=1, minutes=1))


def test_newest_good_backup_skips_damaged_ones(services: Services, db_path: Path) -> None:
    _add_article(services, "Version one of the library.")
    old = _backdate(backup.make_backup(db_path), datetime.now() - timedelta(days=2))
    _add_article(services, "Version two of the library.")
    newer = _backdate(backup.make_backup(db_path), datetime.now() - timedelta(days=1))
    # The newer backup gets truncated (e.g. disk full while copying it by hand).
    newer.write_bytes(newer.read_bytes()[:3000])
    best = backup.newest_good_backup(db_path)
    assert best is not None and best.path == old


def test_restore_keeps_the_damaged_file_and_brings_back_the_backup(services: Services, db_path: Path) -> None:
    _add_article(services, "An article the officer must not lose.")
    made = backup.make_backup(db_path)
    services.close()
    damaged_bytes = b"SQLite format 3\x00" + os.urandom(4096)
    db_path.write_bytes(damaged_bytes)
    with pytest.raises(DatabaseCorrupt):
        open_database(db_path)
    kept = backup.restore_backup(db_path, made)
    assert kept is not None and kept.read_bytes() == damaged_bytes, "the damaged file is kept, never deleted"
    reopened = Services.open(db_path)
    try:
        assert [a.title for a in reopened.articles.list_summaries()] == ["An article the offic"]
        assert reopened.db.integrity_check() == ["ok"]
    finally:
        reopened.close()


def test_a_damaged_backup_is_never_restored(services: Services, db_path: Path, tmp_path: Path) -> None:
    _add_article(services, "Text.")
    services.close()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="damaged too"):
        backup.restore_backup(db_path, bad)
    assert db_path.read_bytes() == before


def test_backup_failure_on_exit_is_logged_not_raised(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    bogus = tmp_path / "briefing.db"
    bogus.write_bytes(b"not a database at all" * 50)
    assert backup.backup_on_exit(bogus) is None
    assert "Backup on exit" in caplog.text
    assert backup.list_backups(bogus) == []
