"""services/changes.py: snapshots derived from the models; every column survives undo and redo.

The columns are read from each model's table, so a column added later is covered without
touching this test (a hand-kept snapshot class would silently reset it on undo).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, DateTime, Float, Integer
from sqlmodel import SQLModel

from briefing_app.domain.models import (
    Annotation,
    Article,
    Briefing,
    BriefingItem,
    CanonicalEntity,
    Lesson,
    Note,
    StrEnumType,
)
from briefing_app.services import Services
from briefing_app.services.changes import (
    BOOKKEEPING,
    WRITE_ORDER,
    ChangeSet,
    RowSnapshot,
    column_keys,
    table_of,
)

UNDOABLE = (Article, Briefing, Annotation, Note, CanonicalEntity, BriefingItem, Lesson)


def _value(model: type[SQLModel], column: Any, version: int, parents: dict[str, list[int]]) -> Any:
    """A value of ``column``'s type, different for version 0 and 1."""
    name = column.key
    if column.foreign_keys:
        return parents[next(iter(column.foreign_keys)).column.table.name][version]
    kind = column.type
    if isinstance(kind, StrEnumType):
        members = list(kind.enum)
        return members[0] if version == 0 else members[-1]
    if isinstance(kind, JSON):
        return [name, version] if version == 0 else {"v": version}
    if isinstance(kind, Boolean):
        return bool(version)
    if isinstance(kind, Integer):
        return 10 + version
    if isinstance(kind, Float):
        return 0.25 + version / 2
    if isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):
        return datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=version)
    return f"{model.__name__}.{name} v{version}"


def _parents(services: Services) -> dict[str, list[int]]:
    """Two articles and two briefings to point foreign keys at."""
    from briefing_app.importers import ImportedDocument

    articles = [services.articles.add(ImportedDocument(title=f"A{i}", text=f"Parent text {i}.", source_path="")).id
                for i in range(2)]
    briefings = [services.briefings.create(f"B{i}").id for i in range(2)]
    return {"article": [a for a in articles if a is not None], "briefing": [b for b in briefings if b is not None]}


def _read(services: Services, model: type[SQLModel], key: Any) -> RowSnapshot | None:
    with services.db.session() as session:
        row = session.get(model, key)
        return RowSnapshot.of(row) if row is not None else None


def test_every_undoable_model_is_written_by_the_change_service() -> None:
    assert set(UNDOABLE) <= set(WRITE_ORDER)


@pytest.mark.parametrize("model", UNDOABLE, ids=lambda m: m.__name__)
def test_every_column_survives_undo_and_redo(services: Services, model: type[SQLModel]) -> None:
    parents = _parents(services)
    # (who wrote a row, when and which version is bookkeeping the app writes itself: see test_desk.py)
    columns = [c for c in table_of(model).columns if not c.primary_key and c.key not in BOOKKEEPING]
    pk = next(c for c in table_of(model).columns if c.primary_key)
    key = "PERSON:test" if model is CanonicalEntity else 1000
    with services.db.session() as session:
        session.add(model(**{pk.key: key, **{c.key: _value(model, c, 0, parents) for c in columns}}))
        session.commit()
    before = _read(services, model, key)
    assert before is not None
    with services.db.session() as session:
        row = session.get(model, key)
        for c in columns:
            setattr(row, c.key, _value(model, c, 1, parents))
        session.add(row)
        session.commit()
    after = _read(services, model, key)
    assert after is not None
    assert set(before.values) == set(column_keys(model))
    unchanged = [c.key for c in columns if before.values[c.key] == after.values[c.key]]
    assert unchanged == [], "each column must differ between the two versions"

    changes = ChangeSet("edit every column", rows=[(before, after)])
    services.changes.undo(changes)
    assert _read(services, model, key) == before
    services.changes.redo(changes)
    assert _read(services, model, key) == after

    # a deleted row comes back with every column, under its own key
    with services.db.session() as session:
        session.delete(session.get(model, key))
        session.commit()
    gone = ChangeSet("delete", rows=[(after, None)])
    services.changes.undo(gone)
    assert _read(services, model, key) == after
    services.changes.redo(gone)
    assert _read(services, model, key) is None


def test_a_snapshot_does_not_change_when_its_row_does() -> None:
    ann = Annotation(id=1, article_id=1, kind="pillar", start=0, end=3, label="trade", why=["tariff"])
    snap = RowSnapshot.of(ann)
    ann.why.append("duty")  # type: ignore[union-attr]
    assert snap.why == ["tariff"]
    assert snap.key == 1 and snap.model is Annotation
