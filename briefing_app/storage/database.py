"""One SQLite file: engine with the PRAGMAs of DESIGN §4, migrations on open, sessions.

Opening is careful with the officer's data: the file is ``quick_check``-ed
first (a damaged file is reported, never replaced), a backup is taken before
any schema migration and put back if the migration fails, and a database on
a read-only medium is opened read-only (``Database.read_only``) instead of
failing on the first write.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, create_engine

from briefing_app.domain.tempfiles import remove_stale
from briefing_app.storage import migrate
from briefing_app.storage.backup import (
    KEEP_PRE_MIGRATION,
    SIDE_SUFFIXES,
    SQLITE_HEADER,
    _fsync,
    _fsync_dir,
    backup_copy,
    finish_interrupted_restore,
    make_backup,
    restore_backup,
    restore_temp_patterns,
)
from briefing_app.storage.errors import (
    MIN_FREE_BYTES,
    DatabaseCorrupt,
    DatabaseTooNew,
    StaleEdit,
    StorageError,
    check_free_space,
    disk_full,
    is_disk_full,
    remove_quietly,
    storage_error_from,
)
from briefing_app.storage.target import describe as describe_target
from briefing_app.storage.target import is_server_url, sqlite_path
from briefing_app.storage.text_decoding import install_tolerant_text

__all__ = ["Database", "backup_copy", "check_file", "open_database", "read_only_reason"]

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def default_officer() -> str:
    """The officer's name until Services.open is told one: the operating-system user."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "officer"


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk before we report it, so a crash loses nothing acknowledged.
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _set_read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # Belt and braces: even a bug cannot write through this connection.
        cursor.execute("PRAGMA query_only=ON")
    finally:
        cursor.close()


def _uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{path.as_uri()}?{query}" if query else path.as_uri()


# The plain opens below (header reads, the write probe) run only in open_database, before the
# engine exists: closing any descriptor of the database drops every SQLite (POSIX) lock this
# process holds on it. Never call them on a database that is open (see storage/db_lock.py).
def _is_wal_file(path: Path) -> bool:
    with path.open("rb") as handle:
        header = handle.read(20)
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def check_file(path: Path, immutable: bool = False) -> None:
    """Raise DatabaseCorrupt unless ``path`` is absent, empty or passes ``quick_check``.

    ``immutable`` reads a file on a read-only medium without creating lock files.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != SQLITE_HEADER:
        raise DatabaseCorrupt(f"{path.name} is not a Briefing Builder database (not an SQLite file).")
    params = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
    try:
        try:
            rows = _query(_uri(path, **params), "PRAGMA quick_check")
        except sqlite3.OperationalError as exc:
            if immutable or not _needs_recovery(exc):
                raise
            # A process killed with the database open left a WAL whose index must be rebuilt first,
            # which a read-only connection may not do; a normal one does (the file itself is unchanged).
            rows = _query(str(path), "PRAGMA quick_check")
    except sqlite3.OperationalError as exc:
        if is_disk_full(exc, path):
            raise disk_full(path) from exc
        if "locked" in str(exc) or "busy" in str(exc):
            raise StorageError(f"{path.name} is busy in another program ({exc}); try again.") from exc
        raise DatabaseCorrupt(f"{path.name} is damaged and cannot be read ({exc}).") from exc
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc, path):
            raise disk_full(path) from exc
        raise DatabaseCorrupt(f"{path.name} is damaged and cannot be read ({exc}).") from exc
    if rows != [("ok",)]:
        detail = "; ".join(str(r[0]) for r in rows[:3])
        raise DatabaseCorrupt(f"{path.name} failed its integrity check: {detail}")


def _query(target: str, sql: str) -> list[Any]:
    conn = sqlite3.connect(target, uri=target.startswith("file:"), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _needs_recovery(exc: sqlite3.OperationalError) -> bool:
    """SQLITE_READONLY_RECOVERY and friends: a read-only connection met a WAL that needs recovering."""
    code = getattr(exc, "sqlite_errorcode", None)
    return (code is not None and code & 0xFF == 8) or "readonly database" in str(exc)


def read_only_reason(path: Path) -> str | None:
    """Why ``path`` (or its folder) cannot be written, or None when it can.

    Checks the medium (``statvfs``), the permission bits (also meaningful when
    running as an administrator, who would otherwise bypass them) and a real
    open for writing.
    """
    folder = path.parent
    probe = path if path.exists() else folder
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(probe).f_flag & os.ST_RDONLY:
            return f"{folder} is on a read-only medium"
    if path.exists():
        if not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
            return f"{path.name} is marked read-only"
        try:
            with path.open("r+b"):
                pass
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return f"{path.name} cannot be written ({exc.strerror})"
            raise
    if folder.exists() and (
        not folder.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(folder, os.W_OK)
    ):
        # SQLite needs to create its -wal/-shm files beside the database.
        return f"the folder {folder} is read-only"
    return None


class Database:
    """An open database (an SQLite file or a desk server). Services get one of these and open short sessions."""

    def __init__(self, path: Path | None, engine: Engine, read_only_reason: str | None = None,
                 location: str | None = None) -> None:
        #: The SQLite file (None for a desk database on a server).
        self.path = path
        self.engine = engine
        #: Why the database was opened read-only (None: writable).
        self.read_only_reason = read_only_reason
        #: Where it is, for messages and per-database memory: the file, or the URL without password.
        self.location = location if location is not None else str(path)
        #: Who writes through this connection: recorded in ``changed_by`` (Services.open sets it).
        self.officer = default_officer()
        #: (model, id) -> the version of each versioned row as this officer last read it (desk mode:
        #: an edit of a row another officer changed since is refused; services/desk.py).
        self.seen: dict[tuple[type, Any], int] = {}
        #: Moves at each of this process's edits that may change which tags the officer stands behind
        #: (a tag accepted or edited, an article's review status, their undo and redo): part of the
        #: lessons' version (services/lessons.LessonService.version), so what is checked against those
        #: tags is read again once, not at each analysis. On a desk server another officer's tag
        #: edits move it too, as their notices arrive (services/live.ChangeListener).
        self.verdicts = 0
        #: May withdraw any officer's lesson: always on one's own file; on a desk server, a member of
        #: the ``desk_lead`` role (storage/server.py).
        self.desk_lead = True

    def verdicts_moved(self) -> None:
        """An edit may have changed which tags the officer stands behind (see :attr:`verdicts`)."""
        self.verdicts += 1

    @property
    def is_server(self) -> bool:
        """True for a desk database on a server (no file: no file lock, backups or file checks)."""
        return self.path is None

    @property
    def name(self) -> str:
        """A short name for messages."""
        return self.path.name if self.path is not None else describe_target(self.location)

    @property
    def read_only(self) -> bool:
        """True when edits cannot be saved (read-only medium or file)."""
        return self.read_only_reason is not None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work; objects stay usable after it closes (no expiry)."""
        with Session(self.engine, expire_on_commit=False, info={"db": self}) as session:
            try:
                yield session
            except StaleDataError as exc:
                # The row changed between this session's read and its write (another officer).
                raise StaleEdit("this item") from exc

    def integrity_check(self) -> list[str]:
        """Full ``PRAGMA integrity_check`` rows (["ok"] when healthy); a server checks its own pages."""
        if self.is_server:
            return ["ok"]
        with self.engine.connect() as conn:
            return [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]

    def close(self) -> None:
        """Release every connection (checkpoints the WAL)."""
        self.engine.dispose()


def open_database(path: str | Path) -> Database:
    """Open (creating if needed) and migrate the database at ``path``: a file, or a server URL.

    Raises a :class:`StorageError` subclass with a user-facing message when the
    file is corrupt, newer than this app, or cannot be written. A database on a
    read-only medium is opened read-only (see :attr:`Database.read_only`).
    A URL (``postgresql+psycopg://officer@deskserver/briefings``) opens a desk
    database: see :func:`briefing_app.storage.server.open_server`.
    """
    if is_server_url(path):
        from briefing_app.storage.server import open_server

        return open_server(str(path))
    db_path = sqlite_path(path).expanduser().resolve()
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Cannot create the folder for {db_path}: {exc.strerror}") from exc
    reason = read_only_reason(db_path)
    if reason is not None:
        return _open_read_only(db_path, reason)
    # A full disk is not damage: say so before SQLite touches anything (it would report an I/O error).
    check_free_space(db_path)
    with contextlib.suppress(OSError):
        finish_interrupted_restore(db_path)
        remove_stale(db_path.parent, restore_temp_patterns(db_path))
    check_file(db_path)
    existed = db_path.exists() and db_path.stat().st_size > 0
    if not existed or _half_made(db_path):
        _create_fresh(db_path)
        existed = True
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "connect", install_tolerant_text)
    try:
        current, head = migrate.needs_upgrade(engine)
        if current != head:
            if existed and current is None:
                _refuse_foreign(engine, db_path)
            _migrate(engine, db_path, existed)
        db = Database(db_path, engine)
    except StorageError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise _storage_error(db_path, exc) from exc
    return db


def _storage_error(db_path: Path, exc: BaseException) -> BaseException:
    converted = storage_error_from(exc, db_path)
    if converted is not None:
        return converted
    # SQLAlchemy wraps driver errors; unwrap for a readable message.
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.DatabaseError) and "malformed" in str(orig):
        return DatabaseCorrupt(f"{db_path.name} is damaged: {orig}")
    if isinstance(orig, sqlite3.OperationalError):
        return StorageError(f"Cannot open {db_path.name}: {orig}")
    return exc


def _refuse_foreign(engine: Engine, db_path: Path) -> None:
    """An unversioned, non-empty SQLite file belongs to another program: do not add tables to it."""
    with engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables - {"sqlite_sequence"}:
        raise DatabaseCorrupt(
            f"{db_path.name} is an SQLite database of another program, not a Briefing Builder database; "
            "it was left untouched."
        )


def _migrate(engine: Engine, db_path: Path, existed: bool) -> None:
    """Upgrade the schema; back up first and put the backup back if anything fails."""
    backup: Path | None = None
    if existed:
        check_free_space(db_path, db_path.stat().st_size + MIN_FREE_BYTES,
                         doing=f"updating {db_path.name} (a backup is taken first)")
        try:
            backup = make_backup(db_path, "pre-migration", KEEP_PRE_MIGRATION)
        except (OSError, sqlite3.Error, StorageError) as exc:
            if is_disk_full(exc, db_path):
                raise disk_full(db_path, db_path.stat().st_size + MIN_FREE_BYTES,
                                doing=f"updating {db_path.name} (a backup is taken first)") from exc
            raise StorageError(
                f"{db_path.name} needs an update for this version, but no backup could be taken first "
                f"({exc}); nothing was changed."
            ) from exc
    try:
        migrate.upgrade(engine)
    except Exception as exc:
        engine.dispose()
        log.exception("Migration of %s failed", db_path)
        if backup is None:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            raise StorageError(f"Could not create the database {db_path.name}: {exc}") from exc
        try:
            kept = restore_backup(db_path, backup)
        except Exception as restore_exc:  # the backup itself stays where it is, intact
            raise StorageError(
                f"Updating {db_path.name} failed ({exc}) and putting it back also failed ({restore_exc}). "
                f"Your data is safe in the backup {backup}."
            ) from exc
        raise StorageError(
            f"Updating {db_path.name} to this version failed ({exc}). It was put back exactly as it was "
            f"from the backup taken just before ({backup.name}); the failed copy is kept as "
            f"{kept.name if kept else 'nothing'}. Please report this problem."
        ) from exc


def _app_tables() -> set[str]:
    from sqlmodel import SQLModel

    from briefing_app.domain import models  # noqa: F401  (registers the tables)

    return set(SQLModel.metadata.tables) | {"article_fts", "alembic_version", "change_clock"}


#: Tables whose rows are not the officer's work (filled by the app itself).
_NOT_USER_DATA = {"pillar", "alembic_version", "article_fts", "change_clock"}


def _half_made(db_path: Path) -> bool:
    """True for a file a killed first start left behind: only our tables, not at head, no user data.

    Such a file (an SQLite header with no tables, part of the schema, or a
    schema whose version was never stamped) holds nothing of the officer's and
    is rebuilt rather than refused.
    """
    try:
        # Read-write: a WAL left by a killed process may need recovering first (this changes no data).
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            tables = {t for t in tables if not t.startswith("sqlite_") and not t.startswith("article_fts_")}
            if tables - _app_tables():
                return False  # another program's database: refused later, never rebuilt
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if row is not None and (row[0] == migrate.HEAD_REVISION or row[0] not in migrate.known_revisions()):
                    return False  # complete, or made by a newer version (refused later)
            for table in sorted(tables - _NOT_USER_DATA):
                if conn.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None:
                    return False
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def _create_fresh(db_path: Path) -> None:
    """Build a complete new database under a temporary name, then put it in place in one step.

    A kill at any instant leaves either no database (or the half-made one that
    was there), which the next start builds again, or the complete one.
    """
    folder = db_path.parent
    tmp = db_path.with_name(f"{db_path.name}.creating-{os.getpid()}")
    remove_quietly(tmp, *(tmp.with_name(tmp.name + s) for s in SIDE_SUFFIXES))
    engine = create_engine(f"sqlite:///{tmp}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    # A single file while building (no WAL that could be separated from it by the rename).
    event.listen(engine, "connect", _set_creation_pragmas)
    try:
        try:
            migrate.upgrade(engine)  # (the default pillars are seeded by the pillar service on open)
        finally:
            engine.dispose()
        _fsync(tmp)
        existing = db_path.exists()
        if existing:
            # Only a half-made or empty file is ever replaced; its side files hold nothing of ours.
            remove_quietly(*(db_path.with_name(db_path.name + s) for s in SIDE_SUFFIXES))
            os.replace(tmp, db_path)
        else:
            try:
                os.link(tmp, db_path)  # never overwrites a database another process just made
            except FileExistsError:
                pass
            except OSError:
                os.replace(tmp, db_path)
        _fsync_dir(folder)
    except Exception as exc:
        log.exception("Creating %s failed", db_path)
        if is_disk_full(exc, db_path):
            raise disk_full(db_path, doing=f"creating {db_path.name}") from exc
        converted = storage_error_from(exc, db_path)
        raise (converted or StorageError(f"Could not create the database {db_path.name}: {exc}")) from exc
    finally:
        remove_quietly(tmp, *(tmp.with_name(tmp.name + s) for s in SIDE_SUFFIXES))
    log.info("Created %s", db_path)


def _set_creation_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=DELETE")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _open_read_only(db_path: Path, reason: str) -> Database:
    """Open a database that cannot be written; refuse clearly when that is impossible."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        raise StorageError(f"Cannot create a database at {db_path}: {reason}.")
    immutable = False
    if _is_wal_file(db_path) and not Path(f"{db_path}-shm").exists():
        wal = Path(f"{db_path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise StorageError(
                f"{db_path.name} cannot be opened: {reason} and it holds changes that were never "
                "written back into the file. Copy the whole folder to a writable place and open it there."
            )
        # No shared-memory file can be made on this medium and nothing is pending in a WAL.
        immutable = True
    check_file(db_path, immutable=immutable)
    params = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
    uri = _uri(db_path, **params)
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False),
    )
    event.listen(engine, "connect", _set_read_only_pragmas)
    event.listen(engine, "connect", install_tolerant_text)
    try:
        current, head = migrate.needs_upgrade(engine)
        if current is None:
            raise DatabaseCorrupt(f"{db_path.name} is not a Briefing Builder database; it was left untouched.")
        if current != head:
            raise StorageError(
                f"{db_path.name} was made by an older Briefing Builder and must be updated, but {reason}. "
                "Copy it to a writable folder and open it there."
            )
    except (StorageError, DatabaseTooNew):
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise _storage_error(db_path, exc) from exc
    log.warning("Opened %s read-only: %s", db_path, reason)
    return Database(db_path, engine, read_only_reason=reason)

