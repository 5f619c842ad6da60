"""Opening and closing the database safely around the window's lifetime.

``open_safely`` takes the one-instance lock, opens the database and, when the
file is damaged, hands over to the recovery dialog; ``arm_backups`` shows the
read-only banner or schedules the daily backup; ``close_safely`` releases the
database, takes the backup on exit and drops the lock.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing_app.gui.instance_lock import DeskSession, InstanceLock
from briefing_app.gui.read_only_banner import show_read_only_banner
from briefing_app.storage.errors import DatabaseCorrupt, DiskFull, StorageError
from briefing_app.storage.target import is_server_url

if TYPE_CHECKING:
    from briefing_app.services import Services

log = logging.getLogger(__name__)

#: How often the running app checks whether the daily backup is due.
BACKUP_CHECK_MS = 60 * 60 * 1000


def open_safely(db_path: Path | str, parent: QWidget | None = None
                ) -> tuple[Services, InstanceLock | DeskSession] | None:
    """Lock and open ``db_path``; None (after telling the officer why) when the app cannot start."""
    lock = lock_safely(db_path, parent)
    if lock is None:
        return None
    services = open_locked(lock, parent)
    return (services, lock) if services is not None else None


def lock_safely(db_path: Path | str, parent: QWidget | None = None) -> InstanceLock | DeskSession | None:
    """Take the one-instance lock of ``db_path`` (cheap: done before the first paint); None after
    telling the officer why not. A desk database URL needs no lock (:class:`DeskSession`)."""
    if is_server_url(db_path):
        return DeskSession(str(db_path))
    lock = InstanceLock(Path(db_path))
    try:
        acquired = lock.acquire()
    except StorageError as exc:
        QMessageBox.critical(parent, "Cannot open the database", str(exc))
        print(f"briefing-app: error: {exc}", file=sys.stderr)
        return None
    if not acquired:
        message = lock.message()
        QMessageBox.warning(parent, "Database already open", message)
        print(f"briefing-app: error: {message.splitlines()[0].rstrip(':')}: {lock.db_path}", file=sys.stderr)
        return None
    return lock


def open_locked(lock: InstanceLock | DeskSession, parent: QWidget | None = None,
                officer: str = "") -> Services | None:
    """Open the locked database (offering recovery when damaged); None, lock released, on failure."""
    from briefing_app.services import Services

    for _attempt in range(2):
        try:
            return Services.open(lock.db_path, officer=officer)
        except DatabaseCorrupt as exc:
            print(f"briefing-app: error: {exc}", file=sys.stderr)
            if isinstance(lock, DeskSession):  # no file, no backups to offer: the server's administrator
                QMessageBox.critical(parent, "Cannot open the database", str(exc))
                break
            if not offer_recovery(lock.db_path, str(exc), parent):
                break
        except StorageError as exc:
            # A full disk is not damage: no restore is offered, nothing is changed.
            title = "The disk is full" if isinstance(exc, DiskFull) else "Cannot open the database"
            QMessageBox.critical(parent, title, str(exc))
            print(f"briefing-app: error: {exc}", file=sys.stderr)
            break
    lock.release()
    return None


def offer_recovery(db_path: Path, problem: str, parent: QWidget | None = None) -> bool:
    """The recovery dialog of ``gui.recovery`` (imported when a database is damaged: it and the
    backup module are not needed before the window paints)."""
    from briefing_app.gui.recovery import offer_recovery as offer

    return offer(db_path, problem, parent)


def arm_backups(window: QWidget, services: Services) -> None:
    """Banner for a read-only database; otherwise a backup now if due and a daily check while open."""
    from briefing_app.storage import backup

    db = services.db
    if db.read_only:
        show_read_only_banner(window, db.read_only_reason or "the database cannot be written")  # type: ignore[arg-type]
        return
    path = db.path
    if path is None:  # a desk database: its server is backed up by its administrator (pg_dump)
        return
    tasks = getattr(window, "tasks", None)

    def check() -> None:
        if tasks is None:
            backup.backup_if_due(path)
        elif not tasks.is_busy("backup"):
            tasks.start("backup", lambda _p, _c: backup.backup_if_due(path), lambda _r: None)

    timer = QTimer(window)
    timer.setObjectName("dailyBackupTimer")
    timer.setInterval(BACKUP_CHECK_MS)
    timer.timeout.connect(check)
    timer.start()
    check()


def close_safely(services: Services, lock: InstanceLock | DeskSession) -> None:
    """Release the database, back it up (on exit) and give the lock up."""
    from briefing_app.storage import backup

    read_only = services.db.read_only
    path = services.db.path
    services.close()
    if not read_only and path is not None:
        backup.backup_on_exit(path)
    lock.release()
