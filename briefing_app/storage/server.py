"""A desk database on a PostgreSQL server (issue 19): open, check, migrate.

What an SQLite file needs and a server does not, and what replaces it:

* the file lock (storage/db_lock.py): many officers write at once; the server's own row locks
  and the ``version`` columns (optimistic concurrency) keep their edits apart;
* WAL, ``quick_check``/``integrity_check``, the pre-migration backup and file recovery: the
  server has its own write-ahead log and checksums, and its administrator backs it up
  (``pg_dump``); a migration runs in one transaction, so a failed one leaves nothing behind;
* free-space checks: the server reports a full disk as an error of the write that failed.

No password is ever kept by the app: libpq reads it from ``~/.pgpass`` (or ``PGPASSWORD``/
``PGSERVICE``); a URL that spells one out is used for this connection only and shown without it.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from briefing_app.storage import database, migrate
from briefing_app.storage.database import Database
from briefing_app.storage.errors import DatabaseCorrupt, DatabaseTooNew, StorageError
from briefing_app.storage.sql import install_qmark_placeholders
from briefing_app.storage.target import describe, server_url, without_password
from briefing_app.storage.view_reads import VIEW_READ_LOCK_TIMEOUT_MS, in_view_read, is_plain_read

log = logging.getLogger(__name__)

#: Seconds to wait for the server before telling the officer it cannot be reached.
CONNECT_TIMEOUT_S = 10


def open_server(target: str) -> Database:
    """Connect to the desk database at ``target`` (a SQLAlchemy URL), create or upgrade its schema.

    Raises :class:`StorageError` with one readable sentence when the server cannot be reached,
    refuses the officer, or holds another program's tables.
    """
    location = without_password(target)
    name = describe(target)
    url = server_url(target)
    try:
        # Times in UTC whatever the server's zone: the app stores aware UTC timestamps. A write that
        # waits for another officer's row lock gives up after the busy timeout SQLite uses (the
        # server's default waits for ever, and the window with it); storage/errors says "busy".
        options = f"-c timezone=UTC -c lock_timeout={int(database.BUSY_TIMEOUT_MS)}"
        engine = create_engine(url, pool_pre_ping=True,
                               connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "options": options})
    except (SQLAlchemyError, ValueError, ImportError) as exc:
        raise StorageError(f"{location} is not a database address this app can use ({exc}).") from exc
    install_qmark_placeholders(engine)
    install_view_read_timeout(engine)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"Cannot reach {name}: {_first_line(exc)}") from exc
    try:
        current, head = migrate.needs_upgrade(engine)
        if current != head:
            if current is None:
                _refuse_foreign(engine, name)
            log.info("Upgrading %s from schema %s to %s", location, current, head)
            migrate.upgrade(engine)
    except (StorageError, DatabaseTooNew):
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"Could not prepare {name}: {_first_line(exc)}") from exc
    db = Database(None, engine, location=location)
    db.desk_lead = _is_desk_lead(engine)
    return db


#: How long a desk operation the officer started and watches (bringing a copy back, taking one)
#: waits for another officer's locks: an edit holds its row for milliseconds and a migration its
#: tables for seconds, so the 5 s of an edit would cut (and roll back) a minute's bring-back; yet
#: not for ever (0, as a migration waits), since the Stop button is heard only between rows, and a
#: session left open on a locked row must still end in the busy database's words.
LONG_LOCK_TIMEOUT_MS = 120_000


def allow_long_waits(conn: Connection) -> None:
    """Within ``conn``'s transaction, wait up to :data:`LONG_LOCK_TIMEOUT_MS` for locks (``SET LOCAL``:
    the session's busy timeout is back at its end). Nothing on SQLite (its busy timeout is per file)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"SET LOCAL lock_timeout = {int(LONG_LOCK_TIMEOUT_MS)}"))
        conn.info[_TIMEOUT_SET] = _LONG  # (a view's read in it does not shorten it)


#: ``conn.info`` key: the lock_timeout this transaction set with ``SET LOCAL`` (absent: the session's).
_TIMEOUT_SET = "briefing_app.lock_timeout"
_SHORT, _LONG, _EDIT = "view read", "long wait", "edit"


def install_view_read_timeout(engine: Engine) -> None:
    """A plain read inside :func:`~briefing_app.storage.view_reads.view_reads` (a view filled on the GUI
    thread) waits :data:`~briefing_app.storage.view_reads.VIEW_READ_LOCK_TIMEOUT_MS` for a held lock
    instead of the edits' 5 s; a write or locking SELECT later in the same transaction sets the edits'
    timeout back first, for the rest of the transaction. ``SET LOCAL``: the connection goes back to the pool with the session's."""

    @event.listens_for(engine, "begin")
    def _begun(conn: Connection) -> None:
        conn.info.pop(_TIMEOUT_SET, None)  # a new transaction: the session's timeout again

    @event.listens_for(engine, "before_cursor_execute")
    def _choose(conn: Connection, cursor: Any, statement: str, _parameters: Any, _context: Any,
                _executemany: bool) -> None:
        was = conn.info.get(_TIMEOUT_SET)
        if was is _LONG or was is _EDIT or (was is None and not in_view_read()):
            return  # (every statement outside a view's read: one dictionary and one context look-up)
        if not is_plain_read(statement):
            # A write or a lock for one: the transaction is an edit from here on, its later reads too (one
            # given up on at the short timeout would roll the edit back, and be said as a read not made).
            wanted: str | None = _EDIT
        else:
            wanted = _SHORT if in_view_read() else None
        if wanted is was:
            return
        if was is _SHORT or wanted is _SHORT:  # (None and _EDIT: the session's own, the edits')
            timeout = VIEW_READ_LOCK_TIMEOUT_MS if wanted is _SHORT else database.BUSY_TIMEOUT_MS
            cursor.execute(f"SET LOCAL lock_timeout = {int(timeout)}")
        conn.info[_TIMEOUT_SET] = wanted


#: The PostgreSQL role whose members lead the desk (may withdraw any officer's lesson).
DESK_LEAD_ROLE = "desk_lead"


def _is_desk_lead(engine: Engine) -> bool:
    """Whether the connected login is a member of :data:`DESK_LEAD_ROLE` (False when it does not exist)."""
    with engine.connect() as conn:
        return bool(conn.execute(text(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :role) "
            "THEN pg_has_role(session_user, :role, 'MEMBER') ELSE false END"), {"role": DESK_LEAD_ROLE}).scalar())


def _refuse_foreign(engine: Engine, name: str) -> None:
    """An unversioned database that already has tables belongs to another program: leave it alone."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    if tables:
        raise DatabaseCorrupt(f"{name} holds tables of another program ({', '.join(sorted(tables)[:3])}…), "
                              "not a Briefing Builder library; it was left untouched.")


def _first_line(exc: BaseException) -> str:
    """The driver's own message (SQLAlchemy wraps it), first line only."""
    orig = getattr(exc, "orig", None) or exc
    text_ = str(orig).strip()
    return text_.splitlines()[0] if text_ else type(orig).__name__
