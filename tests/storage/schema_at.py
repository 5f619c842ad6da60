"""A library left at an older schema revision, for the tests of the migrations that follow it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from sqlalchemy import Connection, create_engine, text

from briefing_app.storage import migrate
from briefing_app.storage.target import is_server_url, server_url

NOW = "2026-12-01 10:00:00.000000"


@contextmanager
def schema_at(target: str, revision: str) -> Iterator[Connection]:
    """A connection to ``target`` (a file path or a server URL) migrated up to ``revision``, in one transaction."""
    engine = create_engine(server_url(target) if is_server_url(target) else f"sqlite:///{target}")
    cfg = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            yield conn
    finally:
        engine.dispose()


def insert_article(conn: Connection, body: str, *, title: str, outlet: str = "", published: str = "",
                   status: str = "in_review") -> None:
    """Article 1 as a schema of revisions 0001–0006 stores it."""
    conn.execute(text(
        "INSERT INTO article (id, title, outlet, author, url, published, source_path, format, text, text_hash, "
        "status, analysis_mode, created_at, updated_at) VALUES (1, :title, :outlet, '', '', :published, '', "
        "'txt', :t, 'h', :status, 'model', :now, :now)"),
        {"t": body, "title": title, "outlet": outlet, "published": published, "status": status, "now": NOW})
