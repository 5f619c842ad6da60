"""One window per database: a QLockFile beside the database file.

Two instances writing the same file would each show a different picture of
the officer's work; the second one is told which process holds the database
instead. A lock left behind by a crashed instance is recognised (its process
is gone) and taken over.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLockFile

log = logging.getLogger(__name__)


def lock_path(db_path: Path) -> Path:
    """The lock file of ``db_path`` (``briefing.db`` -> ``briefing.db.lock``)."""
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    """Exclusive use of one database file by one running app."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path).expanduser().resolve()
        self.path = lock_path(self.db_path)
        self._lock = QLockFile(str(self.path))
        # Never age out a live instance's lock; a dead process's lock is still detected as stale.
        self._lock.setStaleLockTime(0)
        self.held = False
        #: True when no lock file can be made (read-only medium): nobody can write there anyway.
        self.unavailable = False

    def acquire(self) -> bool:
        """Take the lock; False when another running instance holds it."""
        if self.held:
            return True
        if self._lock.tryLock(0):
            self.held = True
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return False
        # Permission/unknown errors: the folder cannot hold a lock file (e.g. read-only medium).
        log.warning("No lock file could be created at %s (%s)", self.path, self._lock.error())
        self.unavailable = True
        return True

    def holder(self) -> tuple[int, str, str] | None:
        """(pid, host, application) of the instance holding the lock, if readable."""
        info = self._lock.getLockInfo()
        if not info or not isinstance(info, tuple) or len(info) != 3:
            return None
        pid, host, app = info
        return int(pid), str(host), str(app)

    def message(self) -> str:
        """What to tell the officer when :meth:`acquire` returned False."""
        who = self.holder()
        where = f" (process {who[0]} on {who[1]})" if who else ""
        return (
            f"Briefing Builder is already open on this database{where}:\n{self.db_path}\n\n"
            "Only one window may work on a database at a time, so that no edit is lost. "
            "Switch to the window that is already open, or close it and start again."
        )

    def release(self) -> None:
        """Give the lock up (on exit)."""
        if self.held:
            self._lock.unlock()
            self.held = False
