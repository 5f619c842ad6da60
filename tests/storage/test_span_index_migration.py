"""Migration 0010 on both engines: a 0009 library with tags gains the span index, keeps every row,
and an edit's overlap check still refuses an overlap and lets a clean accept through."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from briefing_app.services import AnnotationConflict, Services
from briefing_app.storage import migrate
from tests.storage.schema_at import NOW, insert_article, schema_at

TEXT = "Modi met Trump in Washington. Both sides will deepen defence ties."


def _library_at_0009(target: str) -> None:
    with schema_at(target, "0009") as conn:
        insert_article(conn, TEXT, title="Washington call")
        for ann_id, start, end, label, status in ((1, 0, 4, "PERSON", "suggested"), (2, 9, 14, "PERSON", "accepted"),
                                                  (3, 0, 8, "ORG", "rejected")):
            conn.execute(text(
                'INSERT INTO annotation (id, article_id, kind, start, "end", label, text, entity_id, role, origin, '
                "status, confidence, why, original, created_by, created_at, updated_at, changed_by, version) "
                "VALUES (:i, 1, 'entity', :s, :e, :l, :x, '', '', 'model', :st, 0.5, '[]', NULL, '', :now, :now, '', 1)"),
                {"i": ann_id, "s": start, "e": end, "l": label, "x": TEXT[start:end], "st": status, "now": NOW})


def test_a_0009_library_with_tags_gets_the_span_index_and_keeps_them(empty_target: str) -> None:
    _library_at_0009(empty_target)
    services = Services.open(empty_target)
    try:
        with services.db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
            indexes = {i["name"] for i in inspect(conn).get_indexes("annotation")}
        assert "ix_annotation_span" in indexes
        assert sorted((a.id, a.status) for a in services.annotations.for_article(1, include_rejected=True)) == [
            (1, "suggested"), (2, "accepted"), (3, "rejected")]
        with pytest.raises(AnnotationConflict, match="overlaps “Trump”"):
            services.annotations.update(1, end=12)  # grown over the accepted tag
        assert services.annotations.accept([1])  # the rejected tag under it is no clash
        stored = services.annotations.get(1)
        assert stored is not None and (stored.status, stored.version) == ("accepted", 2)
    finally:
        services.close()
