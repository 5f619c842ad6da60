"""Who may open a database file: one window alone, or any number of command-line tasks.

Why a lock of our own when SQLite already locks? SQLite on Linux and macOS uses
POSIX advisory locks, and the kernel drops *all* of a process's POSIX locks on a
file as soon as *any* descriptor of that file is closed in that process. A Qt
file dialog showing the database's folder (icon provider, mime sniffing) opens
and closes ``x.db``, and the window silently loses its locks; a second process
(``briefing-app import``) then believes it is alone, checkpoints and deletes the
window's WAL, and the database is damaged (SQLite's "How To Corrupt An SQLite
Database File", §2.2; DESIGN §5).

So every process of this app first takes a lock on ``<db>.lock`` beside the
database. It is held with ``flock`` (POSIX) or ``msvcrt.locking`` (Windows):
such a lock belongs to the one open file description and is *not* dropped when
another descriptor is closed, and the kernel releases it when the process dies
(no stale-lock guessing). The holder writes its pid, host and role into the
file so a refusal can say who holds it.

Modes:

* the **window** takes the lock *exclusively*: it keeps the database open for
  hours while the officer browses files, so nothing else of ours may touch it;
* **command-line tasks** take it *shared*: each is short and opens no dialogs,
  so two of them can safely run together (SQLite's own locking suffices
  between them), but never beside a window. On Windows ``msvcrt`` has no
  shared mode, so there every holder is exclusive (SQLite's Windows locks are
  not dropped by closing a descriptor anyway; the lock only keeps the
  one-writer story).

Written by hand rather than with ``filelock``: that library has no shared mode
and no holder information, which are the two things needed here.

Other programs (an SQLite browser, the ``sqlite3`` shell) know nothing of this
lock; opening the database with one while a window runs stays unsafe.
On an NFS mount Linux emulates ``flock`` with POSIX locks, so there
the lock has the same weakness as SQLite's; SQLite itself warns against
network file systems.

The lock file is removed on a clean release. An acquirer re-checks after
locking that the path still names the file it locked (someone may have
removed it meanwhile) and retries otherwise, so removal is race-free. Earlier
versions used Qt's ``QLockFile`` on the same path, which also holds an
``flock``: a window of such a version is still respected while it runs.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from briefing_app.storage.errors import StorageError

log = logging.getLogger(__name__)

#: Role written by the window; command-line tasks write e.g. ``briefing-app import``.
WINDOW = "window"
_MAX_INFO = 4096


def lock_path(db_path: Path) -> Path:
    """The lock file of ``db_path`` (``briefing.db`` -> ``briefing.db.lock``)."""
    return db_path.with_name(db_path.name + ".lock")


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a database lock, as written into the lock file."""

    pid: int
    host: str
    role: str

    @property
    def is_window(self) -> bool:
        """True when the holder is a Briefing Builder window."""
        return self.role == WINDOW

    @property
    def where(self) -> str:
        """``process 1234``, with `` on HOST`` when another machine shares the folder."""
        return f"process {self.pid}" if self.host == socket.gethostname() else f"process {self.pid} on {self.host}"

    def describe(self) -> str:
        """E.g. ``Briefing Builder (process 1234)`` or ``briefing-app import (process 99)``."""
        return f"{'Briefing Builder' if self.is_window else self.role} ({self.where})"


class DatabaseLock:
    """The lock on one database file for this process (see the module docstring)."""

    def __init__(self, db_path: Path, role: str = WINDOW, exclusive: bool | None = None) -> None:
        self.db_path = Path(db_path).expanduser().resolve()
        self.path = lock_path(self.db_path)
        self.role = role
        #: Exclusive for the window, shared for command-line tasks unless told otherwise.
        self.exclusive = role == WINDOW if exclusive is None else exclusive
        if sys.platform == "win32":
            self.exclusive = True  # msvcrt has no shared mode
        self.held = False
        #: True when no lock file can be made (read-only medium): nobody can write there anyway.
        self.unavailable = False
        self._fd: int | None = None

    # -- taking and giving up -----------------------------------------------------------------
    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process holds it in a conflicting mode.

        True also when no lock file can be made at all (:attr:`unavailable`, a
        read-only medium). Raises :class:`StorageError` for other failures.
        """
        if self.held or self.unavailable:
            return True
        for _attempt in range(20):
            fd = self._open()
            if fd is None:
                return True  # unavailable: logged by _open
            if not _try_lock(fd, self.exclusive):
                os.close(fd)
                return False
            if _same_file(fd, self.path):
                self._fd = fd
                self.held = True
                self._write_info(fd)
                return True
            # The file was removed (by its previous holder's release) between our open and our lock.
            os.close(fd)
        raise StorageError(f"Could not take the lock {self.path}: it keeps being replaced; try again.")

    def release(self) -> None:
        """Give the lock up; the lock file is removed when no other process shares it."""
        if self._fd is None:
            self.held = False
            return
        fd, self._fd = self._fd, None
        self.held = False
        if sys.platform != "win32":
            # Remove the file only if we can hold it alone (other shared holders keep it).
            if self.exclusive or _try_lock(fd, exclusive=True):
                with contextlib.suppress(OSError):
                    if _same_file(fd, self.path):
                        self.path.unlink()
        os.close(fd)  # the kernel drops the lock with the last descriptor of this open file
        if sys.platform == "win32":
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

    # -- who holds it -------------------------------------------------------------------------
    def holder(self) -> Holder | None:
        """Who holds the lock (read from the lock file), if it says so and is still running."""
        try:
            with self.path.open("rb") as handle:
                data = handle.read(_MAX_INFO)
        except OSError:
            return None
        lines = data.decode("utf-8", "replace").splitlines()
        if len(lines) < 3 or not lines[0].strip().isdigit():
            return None
        found = Holder(pid=int(lines[0]), role=lines[1].strip(), host=lines[2].strip())
        if found.host == socket.gethostname() and not _alive(found.pid):
            return None  # lines left by a finished task that shared the lock with the real holder
        return found

    def refusal(self) -> str:
        """One line for a command-line task that could not take the lock."""
        who = self.holder()
        name = self.db_path.name
        if who is not None and not who.is_window:
            return f"{name} is in use by {who.describe()}; try again when it has finished"
        by = who.describe() if who is not None else "Briefing Builder"
        return f"{name} is open in {by}; close the window first, or use File → Import… in the window"

    # -- internals ------------------------------------------------------------------------------
    def _open(self) -> int | None:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(self.path, flags, 0o644)
        except OSError as exc:
            if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOENT):
                raise StorageError(f"Cannot create the lock file {self.path}: {exc.strerror}") from exc
            first = exc
        # A read-only medium may still carry a lock file made when it was writable: lock that.
        with contextlib.suppress(OSError):
            return os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
        log.info("No lock file can be created at %s (%s)", self.path, first)
        self.unavailable = True
        return None

    def _write_info(self, fd: int) -> None:
        """Write pid, role and host, one a line, for whoever is refused.

        Shared holders overwrite each other's lines (the last one to start is
        named); a refusal checks that the named process is still alive.
        """
        info = f"{os.getpid()}\n{self.role}\n{socket.gethostname()}\n".encode()
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, info)
            if sys.platform != "win32":
                os.ftruncate(fd, len(info))


#: On Windows the locked byte lies far beyond the holder lines, which stay readable to others.
_WIN_LOCK_OFFSET = 1 << 30


def _try_lock(fd: int, exclusive: bool) -> bool:
    """Take (or convert) the lock on ``fd`` without waiting; False when it is held elsewhere."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True
    import fcntl

    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return False
        raise
    return True


def _alive(pid: int) -> bool:
    """True when a process ``pid`` exists on this machine (or cannot be checked)."""
    if sys.platform == "win32":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _same_file(fd: int, path: Path) -> bool:
    """True when ``path`` still names the file open as ``fd``."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    own = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)
