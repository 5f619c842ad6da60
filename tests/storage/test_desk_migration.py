"""Migration 0009 (desk) on both engines: a 0006 library with rows gains who-changed-it and versions,
keeps every row, and its search finds what it held (FTS5 on SQLite, tsvector + GIN on PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import inspect, text

from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.storage import migrate
from tests.storage.schema_at import NOW, insert_article, schema_at

TEXT = "Modi met Trump in Washington. Both sides will deepen defence ties."


def _library_at_0006(target: str) -> None:
    with schema_at(target, "0006") as conn:
        insert_article(conn, TEXT, title="Washington call", outlet="Wire")
        conn.execute(text(
            'INSERT INTO annotation (id, article_id, kind, start, "end", label, text, entity_id, role, origin, status, '
            "confidence, why, original, created_by, created_at, updated_at) VALUES (1, 1, 'entity', 0, 4, 'PERSON', "
            "'Modi', '', '', 'model', 'accepted', 0.5, '[]', NULL, '', :now, :now)"), {"now": NOW})
        conn.execute(text(
            'INSERT INTO lesson (id, action, text, label, from_label, from_text, canonical, entity_key, context, "left", '
            '"right", article_id, created_at, updated_at, superseded_by, withdrawn) VALUES (1, \'reject\', \'Both\', '
            "'PERSON', '', '', '', '', '', '', '', 1, :now, :now, NULL, FALSE)"), {"now": NOW})


def test_a_0006_library_with_rows_is_upgraded_and_keeps_them(empty_target: str) -> None:
    _library_at_0006(empty_target)
    services = Services.open(empty_target)
    try:
        with services.db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
            columns = {c["name"] for c in inspect(conn).get_columns("briefingitem")}
        assert {"version", "changed_by", "changed_at"} <= columns
        article = services.articles.get(1)
        assert article is not None and article.text == TEXT
        assert (article.version, article.changed_by, article.changed_at) == (1, "", None)
        assert [a.text for a in services.annotations.for_article(1)] == ["Modi"]
        assert [lesson.text for lesson in services.lessons.all()] == ["Both"]
        # the search index covers the rows that were there before the upgrade
        assert [h.article_id for h in services.articles.search_hits("washingt")] == [1]
        # and follows an edit made after it
        services.articles.update_metadata(1, title="Hydrogen corridor")
        assert [h.article_id for h in services.articles.search_hits("corridor")] == [1]
    finally:
        services.close()


def test_opening_a_library_already_at_head_changes_nothing(db_target: str) -> None:
    first = Services.open(db_target)
    article = first.articles.add(ImportedDocument(title="Delhi talks", text="Talks in Delhi on trade and energy.",
                                                  source_path=""))
    article_id = article.id
    first.close()
    again = Services.open(db_target)
    try:
        assert [s.id for s in again.articles.list_summaries()] == [article_id]
        assert [h.article_id for h in again.articles.search_hits("delhi")] == [article_id]
    finally:
        again.close()
