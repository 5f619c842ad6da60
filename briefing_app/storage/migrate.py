"""Alembic migrations run programmatically on open; newer databases are refused.

Alembic itself is imported only when a database is not already at
:data:`HEAD_REVISION`: on an ordinary start that saves ~130 ms before the
window can show (DESIGN §6). A test keeps the constant equal to the scripts' head.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from briefing_app.storage.errors import DatabaseTooNew

if TYPE_CHECKING:
    from alembic.config import Config

#: The bundled migration scripts as package data ("package:folder"; Alembic finds them with
#: importlib.resources, so a wheel and a frozen app work like a checkout).
MIGRATIONS = "briefing_app.storage:migrations"
#: The newest revision in migrations/versions (checked by tests/storage/test_migrate.py).
HEAD_REVISION = "0013"


def alembic_config() -> Config:
    """An Alembic config pointing at the bundled migration scripts."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    return cfg


def head_revision() -> str:
    """The newest revision of the bundled scripts (reads them with Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, or None for a new/unversioned file."""
    if connection.dialect.name != "sqlite" and not inspect(connection).has_table("alembic_version"):
        return None  # (a failed SELECT would abort a PostgreSQL transaction)
    try:
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    except OperationalError:  # no alembic_version table: a new file
        return None
    return str(row[0]) if row is not None else None


def known_revisions() -> set[str]:
    """Every revision id in the bundled scripts."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def needs_upgrade(engine: Engine) -> tuple[str | None, str]:
    """Return (current, head); raise DatabaseTooNew when current is unknown to this app."""
    with engine.connect() as connection:
        current = current_revision(connection)
    if current == HEAD_REVISION:
        return current, HEAD_REVISION
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(
            f"This database was created by a newer Briefing Builder (schema {current}); "
            f"this version understands schema {head}. Please update the app."
        )
    return current, head


def upgrade(engine: Engine) -> None:
    """Bring the database to the head revision in one transaction, with foreign keys off.

    This is SQLite's procedure for schema changes (lang_altertable.html, "other
    kinds of table schema changes"): with foreign keys on, recreating a parent
    table in batch mode would cascade-delete its children. The pragma only
    works outside a transaction, so it is set first; the transaction is begun
    explicitly (pysqlite would otherwise run DDL outside any transaction), and
    ``foreign_key_check`` must pass before the commit. The connection gets its
    foreign keys back before it returns to the pool.
    """
    from alembic import command

    cfg = alembic_config()
    if engine.dialect.name != "sqlite":
        _upgrade_server(engine)
        return
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the updated database breaks {len(broken)} foreign key(s): {broken[:3]}")
                connection.commit()
            except BaseException:
                connection.rollback()
                raise
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


#: pg_advisory_xact_lock key held while a desk database is upgraded (any constant of our own).
_UPGRADE_LOCK = 0x42524646  # "BRFF"


def _upgrade_server(engine: Engine) -> None:
    """Upgrade a desk database (PostgreSQL): DDL is transactional there, so one transaction;
    an advisory lock makes a second officer's app, started at the same moment, wait and then
    find the schema already at head instead of running the migrations twice."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as connection:
        # An upgrade may wait for another officer's (or for their open transactions, its DDL): the
        # session's lock_timeout (storage/server.py, for edits) is lifted for this transaction only.
        connection.execute(text("SET LOCAL lock_timeout = 0"))
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
        if current_revision(connection) == HEAD_REVISION:
            return
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
