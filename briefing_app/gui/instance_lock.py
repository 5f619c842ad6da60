"""One window per database, and no command-line task beside it.

A thin GUI wrapper around :class:`briefing_app.storage.db_lock.DatabaseLock`
(see there why a lock of our own is needed at all): the window holds the
database's lock exclusively for its whole life. A second window, or a
``briefing-app`` task still running, is named in the message instead. A lock
left by a crashed process is released by the kernel, so it never blocks.
"""

from __future__ import annotations

from pathlib import Path

from briefing_app.storage.db_lock import WINDOW, DatabaseLock, lock_path

__all__ = ["DeskSession", "InstanceLock", "lock_path"]


class InstanceLock(DatabaseLock):
    """Exclusive use of one database file by one window."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(db_path, role=WINDOW, exclusive=True)

    def message(self) -> str:
        """What to tell the officer when :meth:`acquire` returned False."""
        who = self.holder()
        if who is not None and not who.is_window:
            return (
                f"This database is in use by the command-line task {who.describe()}:\n{self.db_path}\n\n"
                "Wait until it has finished, then start Briefing Builder again."
            )
        where = f" ({who.where})" if who is not None else ""
        return (
            f"Briefing Builder is already open on this database{where}:\n{self.db_path}\n\n"
            "Only one window may work on a database at a time, so that no edit is lost. "
            "Switch to the window that is already open, or close it and start again."
        )


class DeskSession:
    """The stand-in for :class:`InstanceLock` on a desk database (a server URL): there is no file to
    lock, and many windows may work on it at once (the server's locks and the rows' versions keep
    their edits apart), so acquiring always succeeds."""

    def __init__(self, url: str) -> None:
        self.db_path = url

    def acquire(self) -> bool:
        """Nothing to take."""
        return True

    def release(self) -> None:
        """Nothing to give back."""

    def message(self) -> str:
        """Never refused."""
        return ""
