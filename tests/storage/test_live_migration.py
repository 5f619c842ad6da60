"""Migration 0010 (live changes) on both engines: a 0009 library with rows gains the library clock,
keeps every row, and the clock counts the articles added and deleted after the upgrade."""

from __future__ import annotations

from sqlalchemy import text

from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.services.live import ChangeFeed
from briefing_app.storage import migrate
from tests.storage.schema_at import insert_article, schema_at

TEXT = "Modi met Trump in Washington. Both sides will deepen defence ties."


def test_a_0009_library_with_rows_gains_the_clock_and_keeps_its_rows(empty_target: str) -> None:
    with schema_at(empty_target, "0009") as conn:
        insert_article(conn, TEXT, title="Washington call")
        if conn.dialect.name == "postgresql":  # (article 1 was given its id: move the sequence past it)
            conn.execute(text("SELECT setval(pg_get_serial_sequence('article', 'id'), 1)"))
        assert conn.execute(text("SELECT count(*) FROM article")).scalar_one() == 1
    services = Services.open(empty_target)
    try:
        with services.db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
        article = services.articles.get(1)
        assert article is not None and article.text == TEXT
        feed = ChangeFeed(services.db)
        before = feed.stamp(1).library
        added = services.articles.add(ImportedDocument(title="Delhi", text="Talks in Delhi.", source_path=""))
        assert added.id is not None
        assert feed.stamp(1).library == before + 1
        services.articles.delete(added.id)
        assert feed.stamp(1).library == before + 2
        assert services.articles.get(1) is not None
    finally:
        services.close()


def test_the_upgrade_can_be_undone(empty_target: str) -> None:
    """Downgrading to 0009 removes the clock and its triggers; articles can still be added."""
    Services.open(empty_target).close()
    with schema_at(empty_target, "0010") as conn:
        from alembic import command

        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009")
        insert_article(conn, TEXT, title="After the downgrade")
        assert conn.execute(text("SELECT count(*) FROM article")).scalar_one() == 1
