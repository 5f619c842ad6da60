"""Rolling backups of the database through SQLite's online backup API, and restoring one.

Backups live in ``backups/`` next to the database (the user data folder for the
default database). File names carry their kind and time, e.g.
``briefing-auto-20250314-181502.db``:

* ``auto`` — taken on exit and at most once a day while the app runs; only the
  newest ``keep`` are kept, one per calendar day.
* ``pre-migration`` — taken before a schema upgrade (the newest few are kept).
* ``damaged`` — a database that failed its integrity check, moved aside when
  the officer restored a backup. Never deleted by the app.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from briefing_app.domain.tempfiles import remove_stale
from briefing_app.storage.errors import (
    MIN_FREE_BYTES,
    DatabaseCorrupt,
    StorageError,
    check_free_space,
    free_bytes,
    remove_quietly,
    storage_error_from,
)
from briefing_app.storage.paths import backups_dir

log = logging.getLogger(__name__)

#: Rolling (``auto``) backups kept per database.
KEEP_AUTO = 7
#: Pre-migration backups kept per database.
KEEP_PRE_MIGRATION = 3
#: Minimum age of the newest automatic backup before the periodic check takes another.
DAILY = timedelta(days=1)

_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>auto|pre-migration|damaged)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.db$")
SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLite's files beside a database; they belong to that database file only.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_SIDE = r"(?:-journal|-wal|-shm)?"
#: Half-written copies (``<target>.<pid>.part``; older versions wrote ``<target>.part``).
PART_PATTERNS = (re.compile(r".+\.(?P<pid>\d+)\.part" + _SIDE), re.compile(r".+\.db\.part" + _SIDE))


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file of a database."""

    path: Path
    kind: str
    created: datetime

    @property
    def label(self) -> str:
        """Human description, e.g. "14 Mar 2025 18:15 (automatic backup)"."""
        kinds = {"auto": "automatic backup", "pre-migration": "taken before an update",
                 "damaged": "damaged copy"}
        return f"{self.created:%d %b %Y %H:%M} ({kinds.get(self.kind, self.kind)})"


def backup_copy(source: Path, target: Path) -> Path:
    """Copy a live database with SQLite's online backup API (consistent even while in use).

    The copy is written to a temporary name (with this process's id) and renamed
    into place, so a crash never leaves a half-written file under a backup's name;
    half-written copies that killed processes left behind are removed first.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target.parent, PART_PATTERNS)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    remove_quietly(tmp)
    # Through SQLite, never a plain open: SQLite shares its locks between its connections in one
    # process and keeps their descriptors open, so this cannot drop the window's own locks.
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            # A backup is a plain single file: no WAL beside it that could get separated.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        _fsync(tmp)
        os.replace(tmp, target)
    except BaseException:
        remove_quietly(tmp, tmp.with_name(tmp.name + "-journal"))
        raise
    finally:
        src.close()
    _fsync_dir(target.parent)
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not supported everywhere (e.g. Windows)
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def backup_path(db_path: Path, kind: str, when: datetime | None = None) -> Path:
    """A new, unused backup file name of ``kind`` for ``db_path``."""
    stamp = (when or datetime.now()).strftime(_STAMP)
    folder = backups_dir(db_path)
    candidate = folder / f"{db_path.stem}-{kind}-{stamp}.db"
    n = 1
    while candidate.exists():
        candidate = folder / f"{db_path.stem}-{kind}-{stamp}-{n}.db"
        n += 1
    return candidate


def list_backups(db_path: Path, kinds: tuple[str, ...] = ("auto", "pre-migration")) -> list[BackupInfo]:
    """Backups of ``db_path`` of the given kinds, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or match["stem"] != db_path.stem or match["kind"] not in kinds or not entry.is_file():
            continue
        created = datetime.strptime(match["stamp"], _STAMP)
        found.append(BackupInfo(entry, match["kind"], created))
    found.sort(key=lambda b: (b.created, b.path.stat().st_mtime_ns, b.path.name), reverse=True)
    return found


def is_good_backup(path: Path) -> bool:
    """True when ``path`` is an SQLite file that passes ``quick_check`` and holds our schema."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return False
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return False
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False
    return {"article", "annotation", "alembic_version"} <= tables


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of ``db_path`` that passes its integrity check, or None."""
    for info in list_backups(db_path):
        if is_good_backup(info.path):
            return info
        log.warning("Skipping damaged backup %s", info.path)
    return None


def make_backup(db_path: Path, kind: str = "auto", keep: int = KEEP_AUTO) -> Path:
    """Back ``db_path`` up now and prune old backups of the same kind.

    For ``auto`` backups only the newest of each calendar day is kept, then the
    newest ``keep`` days.
    """
    target = backup_copy(db_path, backup_path(db_path, kind))
    if not is_good_backup(target):
        # Never let a bad copy displace good ones.
        target.unlink(missing_ok=True)
        raise StorageError(f"The backup of {db_path.name} could not be verified; older backups were kept.")
    prune(db_path, kind, keep)
    log.info("Backed up %s to %s", db_path, target)
    return target


def prune(db_path: Path, kind: str, keep: int) -> list[Path]:
    """Delete the older backups of ``kind`` beyond ``keep`` (auto: one per day); returns deleted paths."""
    backups = list_backups(db_path, (kind,))
    kept: list[BackupInfo] = []
    removed = []
    days: set[object] = set()
    for info in backups:  # newest first
        day = info.created.date()
        if len(kept) < keep and (kind != "auto" or day not in days):
            kept.append(info)
            days.add(day)
            continue
        with contextlib.suppress(OSError):
            info.path.unlink()
            removed.append(info.path)
    return removed


def backup_due(db_path: Path, now: datetime | None = None, interval: timedelta = DAILY) -> bool:
    """True when the newest automatic backup is older than ``interval`` (or there is none)."""
    autos = list_backups(db_path, ("auto",))
    if not autos:
        return True
    return (now or datetime.now()) - autos[0].created >= interval


def backup_if_due(db_path: Path, keep: int = KEEP_AUTO) -> Path | None:
    """Take an automatic backup if none was taken in the last day; never raises."""
    try:
        if db_path.exists() and backup_due(db_path):
            return make_backup(db_path, "auto", keep)
    except (OSError, sqlite3.Error, StorageError) as exc:
        log.error("Daily backup of %s failed: %s", db_path, exc)
    return None


def backup_on_exit(db_path: Path, keep: int = KEEP_AUTO) -> Path | None:
    """Back up when the app closes (today's earlier automatic backup is replaced); never raises."""
    try:
        if db_path.exists():
            return make_backup(db_path, "auto", keep)
    except (OSError, sqlite3.Error, StorageError) as exc:
        log.error("Backup on exit of %s failed: %s", db_path, exc)
    return None


def _restore_journal(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".restore-journal")


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def finish_interrupted_restore(db_path: Path) -> None:
    """Complete or undo a restore that a crash interrupted (see :func:`restore_backup`).

    If the restored copy had already been renamed into place, the old database's
    leftover ``-wal``/``-shm`` files are removed (they would be replayed into the
    restored copy); otherwise the old database is still whole and only the
    temporary copy is removed.
    """
    journal = _restore_journal(db_path)
    if not journal.exists():
        return
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
        new_inode = int(plan["new_inode"])
        new_name = str(plan["new"])
        kept = [str(k) for k in plan.get("kept", [])]
    except (OSError, ValueError, KeyError, TypeError):
        plan = None
    if plan is not None:
        try:
            current = db_path.stat().st_ino if db_path.exists() else None
        except OSError:
            current = None
        if current == new_inode:  # the swap happened: finish it
            remove_quietly(*(db_path.with_name(db_path.name + s) for s in SIDE_SUFFIXES))
            log.warning("Finished the interrupted restore of %s", db_path)
        else:  # the swap never happened: the old file is untouched
            remove_quietly(db_path.with_name(new_name))
            for name in kept:  # extra names of the untouched old file, made for this restore
                remove_quietly(backups_dir(db_path) / name)
            log.warning("Undid the interrupted restore of %s; the database was left as it was", db_path)
    remove_quietly(journal)
    _fsync_dir(db_path.parent)


def _keep_old(db_path: Path) -> tuple[Path | None, list[str]]:
    """Give the current database (and its side files) a second name in the backups folder.

    Hard links need no space; where they are not possible the files are copied
    only if there is room. Returns the kept path (None when it could not be
    kept) and the names made.
    """
    kept = backup_path(db_path, "damaged")
    kept.parent.mkdir(parents=True, exist_ok=True)
    sides = [s for s in SIDE_SUFFIXES if db_path.with_name(db_path.name + s).exists()]
    pairs = [(db_path, kept)] + [(db_path.with_name(db_path.name + s), kept.with_name(kept.name + s))
                                 for s in sides]
    made: list[str] = []
    try:
        for src, dst in pairs:
            os.link(src, dst)
            made.append(dst.name)
        return kept, made
    except OSError:
        remove_quietly(*(kept.parent / name for name in made))
        made = []
    try:
        needed = sum(src.stat().st_size for src, _dst in pairs) + MIN_FREE_BYTES
        free = free_bytes(kept.parent)
        if free is not None and free < needed:
            log.warning("No room to keep a copy of %s before restoring", db_path)
            return None, []
        for src, dst in pairs:
            shutil.copyfile(src, dst)
            _fsync(dst)
            made.append(dst.name)
    except OSError as exc:
        log.warning("Could not keep a copy of %s before restoring: %s", db_path, exc)
        remove_quietly(*(kept.parent / name for name in made))
        return None, []
    return kept, made


def restore_backup(db_path: Path, backup: Path) -> Path | None:
    """Replace ``db_path`` with ``backup``; the replaced file is kept in the backups folder.

    Returns where the old file (if any) was kept (None if there was no old file
    or no way to keep it). The app must not have the database open. Raises
    :class:`DatabaseCorrupt` if ``backup`` is not good and :class:`StorageError`
    (``DiskFull``) when it cannot be copied; then nothing was changed.

    Crash-safe: the backup is first copied to a temporary file in the same
    folder, synced and checked; only then is it renamed over the database in
    one step, so at every instant the database's name holds either the old or
    the restored file. A small journal lets the next start finish or undo the
    last step (removing the old file's ``-wal``/``-shm``).
    """
    finish_interrupted_restore(db_path)
    if not is_good_backup(backup):
        raise DatabaseCorrupt(f"The backup {backup.name} is damaged too; it was not restored.")
    folder = db_path.parent
    remove_stale(folder, restore_temp_patterns(db_path))
    check_free_space(db_path, backup.stat().st_size + MIN_FREE_BYTES, doing=f"restoring {backup.name}")
    tmp = db_path.with_name(f"{db_path.name}.restoring-{os.getpid()}")
    try:
        backup_copy(backup, tmp)
        if not is_good_backup(tmp):
            raise StorageError(f"The copy of {backup.name} could not be verified; nothing was changed.")
    except BaseException as exc:
        remove_quietly(tmp)
        converted = storage_error_from(exc, db_path) if isinstance(exc, Exception) else None
        if converted is not None and converted is not exc:
            raise converted from exc
        if isinstance(exc, sqlite3.Error):
            raise StorageError(f"The backup {backup.name} could not be copied ({exc}); nothing was changed.") from exc
        raise
    journal = _restore_journal(db_path)
    kept: Path | None = None
    try:
        plan: dict[str, object] = {"new": tmp.name, "new_inode": tmp.stat().st_ino, "kept": []}
        _write_atomically(journal, json.dumps(plan).encode("utf-8"))
        if db_path.exists():
            kept, made = _keep_old(db_path)
            if made:
                plan["kept"] = made
                _write_atomically(journal, json.dumps(plan).encode("utf-8"))
        os.replace(tmp, db_path)  # the one step that swaps old for new
        _fsync_dir(folder)
    except BaseException:
        finish_interrupted_restore(db_path)  # undoes everything unless the swap happened
        raise
    finish_interrupted_restore(db_path)  # removes the old file's -wal/-shm and the journal
    log.warning("Restored %s from %s (old file kept as %s)", db_path, backup, kept)
    return kept


def restore_temp_patterns(db_path: Path) -> tuple[re.Pattern[str], ...]:
    """Names of the temporary files made beside ``db_path`` when creating or restoring it."""
    name = re.escape(db_path.name)
    return (
        re.compile(name + r"\.(?:creating|restoring)-(?P<pid>\d+)(?:\.\d+\.part)?" + _SIDE),
        re.compile(name + r"\.restoring(?:\.part)?" + _SIDE),  # written by older versions
    )
