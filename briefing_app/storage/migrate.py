"""Alembic migrations run programmatically on open; newer databases are refused."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from briefing_app.storage.errors import DatabaseTooNew

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    """An Alembic config pointing at the bundled migration scripts."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest revision this app knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, or None for a new/unversioned file."""
    return MigrationContext.configure(connection).get_current_revision()


def known_revisions() -> set[str]:
    """Every revision id in the bundled scripts."""
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def needs_upgrade(engine: Engine) -> tuple[str | None, str]:
    """Return (current, head); raise DatabaseTooNew when current is unknown to this app."""
    with engine.connect() as connection:
        current = current_revision(connection)
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(
            f"This database was created by a newer Briefing Builder (schema {current}); "
            f"this version understands schema {head}. Please update the app."
        )
    return current, head


def upgrade(engine: Engine) -> None:
    """Bring the database to the head revision in one transaction."""
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
