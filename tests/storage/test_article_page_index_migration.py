"""Migration 0011: a library of the previous schema gets the (created_at, id) page index, its rows kept;
the library's first page is then read from that index (issue 19: a million-article desk library)."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from briefing_app.services import Services
from briefing_app.storage import migrate
from briefing_app.storage.target import is_server_url, server_url
from tests.storage.schema_at import insert_article, schema_at


def test_a_library_of_the_previous_schema_gets_the_page_index(db_target: str) -> None:
    with schema_at(db_target, "0010") as conn:
        insert_article(conn, "Modi met Albanese in Canberra.", title="Call")
    services = Services.open(db_target)
    try:
        assert [s.title for s in services.articles.list_summaries(limit=10)] == ["Call"]
    finally:
        services.close()
    engine = create_engine(server_url(db_target) if is_server_url(db_target) else f"sqlite:///{db_target}")
    try:
        indexes = {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("article")}
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            page = "SELECT id FROM article a ORDER BY a.created_at DESC, a.id DESC LIMIT 100"
            if engine.dialect.name == "sqlite":
                plan = " ".join(str(r[-1]) for r in conn.execute(text(f"EXPLAIN QUERY PLAN {page}")))
            else:
                # A one-row table: ask as a large one would be asked (by an index scan).
                conn.execute(text("SET enable_seqscan = off"))
                conn.execute(text("SET enable_bitmapscan = off"))
                plan = " ".join(str(r[0]) for r in conn.execute(text(f"EXPLAIN {page}")))
    finally:
        engine.dispose()
    assert indexes["ix_article_created_at_id"] == ["created_at", "id"]
    assert revision == migrate.HEAD_REVISION
    # The page comes in index order, without sorting the table (SQLite's created_at index already
    # holds the rowid; PostgreSQL needs the pair).
    assert "TEMP B-TREE" not in plan and "Sort" not in plan, plan
