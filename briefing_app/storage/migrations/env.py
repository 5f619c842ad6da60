"""Alembic environment: always run with a connection handed in by briefing_app.storage."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from briefing_app.domain import models  # noqa: F401  (registers the tables)

target_metadata = SQLModel.metadata


def run_migrations() -> None:
    """Run migrations on the connection in ``config.attributes`` (batch mode for SQLite)."""
    connection = context.config.attributes.get("connection")
    if connection is None:
        url = context.config.get_main_option("sqlalchemy.url")
        from sqlalchemy import create_engine

        with create_engine(url).connect() as conn:
            _configure_and_run(conn)
            conn.commit()
        return
    _configure_and_run(connection)


def _configure_and_run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
