"""Storage errors whose ``str()`` is a one-line message a user can act on.

This module is also the one place where low-level failures (``sqlite3`` and
SQLAlchemy errors, ``OSError``) are turned into those messages: a full disk,
a database held busy by another program, a read-only file. The command line
and the window both call :func:`storage_error_from` / :func:`describe_storage_error`,
so they say the same thing. No Qt here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from briefing_app.storage.view_reads import is_plain_read


class StorageError(Exception):
    """Base class of user-facing storage problems."""


class DatabaseTooNew(StorageError):
    """The database was written by a newer version of the app."""


class DatabaseCorrupt(StorageError):
    """The file is not a healthy SQLite database."""


class DatabaseLocked(StorageError):
    """Another Briefing Builder window already uses this database."""


class DiskFull(StorageError):
    """The disk holding the database (or a file being written) has no room; nothing was changed.

    ``reason`` is the same message as a lower-case clause ("the disk is full (…)")
    for composing sentences such as "Imported 3 of 5 files; stopped: <reason>".
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class StaleEdit(StorageError):
    """Another officer changed the row since this officer last saw it (desk mode): nothing was written."""

    def __init__(self, what: str, officer: str = "", when: datetime | None = None) -> None:
        by = f"by {officer}" if officer else "by another officer"
        at = f" at {when.astimezone(UTC):%H:%M:%S} UTC on {when.astimezone(UTC):%d %b %Y}" if when else ""
        super().__init__(f"Not saved: {what} was changed {by}{at}. You now see their version; "
                         "make your change again if it still applies.")
        self.officer = officer
        self.when = when


class DatabaseBusy(StorageError):
    """Another program kept the database locked for longer than the busy timeout."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


#: Below this much free space next to the database the app does not start writing:
#: SQLite needs room for its shared-memory file and the write-ahead log of one edit.
MIN_FREE_BYTES = 1 << 20

_SQLITE_FULL = 13
_SQLITE_IOERR = 10
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6

#: PostgreSQL's "try again" refusals (SQLSTATE): deadlock_detected, serialization_failure and
#: lock_not_available (a ``lock_timeout`` reached): the write was rolled back, as SQLite's busy one.
_PG_BUSY_STATES = frozenset({"40P01", "40001", "55P03"})


def human_size(n: int) -> str:
    """``1536`` -> ``"1.5 KB"`` (powers of 1024, one decimal under 10)."""
    size = float(max(n, 0))
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            if unit == "bytes":
                return f"{int(size)} bytes"
            return f"{size:.1f} {unit}" if size < 10 else f"{size:.0f} {unit}"
        size /= 1024
    return f"{size:.0f} GB"  # pragma: no cover - loop always returns


def free_bytes(path: Path) -> int | None:
    """Free space usable by this process on the disk holding ``path`` (its folder if absent)."""
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        if hasattr(os, "statvfs"):
            st = os.statvfs(probe)
            # An administrator may also use the blocks reserved for root.
            blocks = st.f_bfree if hasattr(os, "geteuid") and os.geteuid() == 0 else st.f_bavail
            return int(blocks * st.f_frsize)
        return int(shutil.disk_usage(probe).free)
    except OSError:
        return None


def disk_full(path: Path, needed: int = MIN_FREE_BYTES, doing: str = "") -> DiskFull:
    """The :class:`DiskFull` error for the file ``path`` needing ``needed`` bytes free in its folder.

    ``doing`` names the step as the sentence's subject (default: the file's name),
    e.g. "restoring the backup".
    """
    folder = path.parent
    free = free_bytes(folder)
    free_text = f", {human_size(free)} free now" if free is not None else ""
    detail = f"{doing or path.name} needs at least {human_size(needed)} of free space in {folder}{free_text}"
    return DiskFull(f"The disk is full: {detail}. Nothing was changed; free some space and try again.",
                    f"the disk is full ({detail})")


def check_free_space(path: Path, needed: int = MIN_FREE_BYTES, doing: str = "") -> None:
    """Raise :class:`DiskFull` when the disk holding ``path`` has less than ``needed`` bytes free."""
    free = free_bytes(path)
    if free is not None and free < needed:
        raise disk_full(path, needed, doing)


def _driver_chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and the driver errors inside it: SQLAlchemy wraps them as ``.orig``, else ``__cause__``."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The ``sqlite3`` error inside ``exc``, if any."""
    return next((e for e in _driver_chain(exc) if isinstance(e, sqlite3.Error)), None)


def _sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a PostgreSQL driver error inside ``exc`` (psycopg's ``sqlstate``), if any."""
    states = (getattr(e, "sqlstate", None) for e in _driver_chain(exc))
    return next((state for state in states if isinstance(state, str)), None)


def _os_error(exc: BaseException) -> OSError | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError):
            return current
        current = current.__cause__ or current.__context__
    return None


def is_disk_full(exc: BaseException, path: Path | None = None) -> bool:
    """True when ``exc`` means "no space left": ENOSPC, SQLITE_FULL, or an I/O error on a full disk."""
    if isinstance(exc, DiskFull):
        return True
    os_err = _os_error(exc)
    if os_err is not None and os_err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return True
    err = _sqlite_error(exc)
    if err is None:
        return False
    code = getattr(err, "sqlite_errorcode", None)
    text = str(err).lower()
    if (code is not None and code & 0xFF == _SQLITE_FULL) or "disk is full" in text:
        return True
    io_error = (code is not None and code & 0xFF == _SQLITE_IOERR) or "disk i/o error" in text
    if io_error and path is not None:
        # SQLite reports a shared-memory file it could not grow as a plain I/O error.
        free = free_bytes(path)
        return free is not None and free < MIN_FREE_BYTES
    return False


def is_busy(exc: BaseException) -> bool:
    """True when ``exc`` is SQLite giving up on a lock another connection held too long, or
    PostgreSQL refusing a write to try again (deadlock, serialization failure, lock timeout)."""
    if isinstance(exc, DatabaseBusy):
        return True
    if _sqlstate(exc) in _PG_BUSY_STATES:
        return True
    err = _sqlite_error(exc)
    if err is None:
        return False
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return True
    text = str(err).lower()
    return "database is locked" in text or "database is busy" in text


def is_read_only(exc: BaseException) -> bool:
    """True when ``exc`` is a write refused because the database is read-only."""
    err = _sqlite_error(exc)
    return err is not None and "readonly" in str(err).lower().replace("-", "").replace(" ", "")


def storage_error_from(exc: BaseException, db_path: Path | None = None) -> StorageError | None:
    """The user-facing :class:`StorageError` for a low-level failure, or None if it is not one.

    ``db_path`` names the database (or file) concerned in the message.
    """
    if isinstance(exc, StorageError):
        return exc
    name = db_path.name if db_path is not None else "the database"
    if is_disk_full(exc, db_path):
        os_err = _os_error(exc)
        if os_err is not None and os_err.filename:  # the file that could not be written
            return disk_full(Path(os.fsdecode(os_err.filename)))
        if db_path is not None:
            return disk_full(db_path)
        return DiskFull("The disk is full. Nothing was changed; free some space and try again.",
                        "the disk is full")
    if is_busy(exc):
        reason = (f"the database is busy: another program kept {name} locked for too long "
                  "(close it or wait, then try again)")
        return DatabaseBusy(f"The database is busy: another program kept {name} locked for too long. "
                            "Nothing was changed; close that program or wait a moment and try again.", reason)
    if is_read_only(exc):
        return StorageError(f"{name} is read-only, so nothing was changed.")
    return None


def reason_clause(exc: BaseException) -> str:
    """``exc`` as a lower-case clause to follow "stopped: " (the reason of a DiskFull/Busy error)."""
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str):
        return reason
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def describe_storage_error(exc: BaseException, db_path: Path | None = None) -> str | None:
    """One sentence for a storage failure of an edit (what was not saved), or None."""
    err = storage_error_from(exc, db_path)
    if err is None:
        return None
    if isinstance(err, DiskFull):
        return f"The change was not saved: {err.reason}. Free some space and try again."
    if isinstance(err, DatabaseBusy):
        return f"The change was not saved: {err.reason}."
    if is_read_only(exc):
        return "This database is read-only, so the change was not saved."
    return str(err)


def is_read(exc: BaseException) -> bool:
    """True when the statement that failed only read (a SELECT taking no lock for a write): SQLAlchemy
    keeps it on its error."""
    statements = (getattr(e, "statement", None) for e in _driver_chain(exc))
    statement = next((s for s in statements if isinstance(s, str)), None)
    return statement is not None and is_plain_read(statement)


def describe_busy_read(exc: BaseException, db_path: Path | None = None, cleared: str | None = None) -> str | None:
    """One sentence for a read the database held busy (PostgreSQL: another officer's migration or
    bring-back held the table past the session's lock_timeout, SQLSTATE 55P03), or None.

    Nothing was lost: the window keeps what it showed and reads again at the officer's next step.
    ``cleared``: what of the article now shown could not be read (its entities, its notes), no longer
    showing another article's in its place, and read again by itself (gui/storage_guard.ArticleRows)."""
    if not is_busy(exc):
        return None
    err = storage_error_from(exc, db_path)
    reason = reason_clause(err) if err is not None else "the database is busy"
    if cleared is not None:
        return f"Not read just now: {reason}. The {cleared} of this article will show once the database answers."
    return f"Not read just now: {reason}. The window shows what it showed before; it reads again at your next step."


def remove_quietly(*paths: Path) -> None:
    """Delete files that may or may not exist, ignoring every error."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
