"""Alembic migrations run programmatically on open; newer databases are refused.

Alembic itself is imported only when a database is not already at
:data:`HEAD_REVISION`: on an ordinary start that saves ~130 ms before the
window can show (DESIGN §6). A test keeps the constant equal to the scripts' head.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from briefing_app.storage.errors import DatabaseTooNew

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The newest revision in migrations/versions (checked by tests/storage/test_migrate.py).
HEAD_REVISION = "0002_lessons"


def alembic_config() -> Config:
    """An Alembic config pointing at the bundled migration scripts."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest revision of the bundled scripts (reads them with Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, or None for a new/unversioned file."""
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
    """Bring the database to the head revision in one transaction."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
