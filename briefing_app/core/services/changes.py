"""Change sets: what one review edit did to the database, so it can be undone and redone exactly.

Each service edit returns a :class:`ChangeSet` of (before, after) row
snapshots; ``None`` on one side means the row did not exist. Undo writes every
*before* back (deleting rows that did not exist), redo writes every *after*,
each in one transaction, so a bulk edit is undone all or nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from briefing_app.core.models import (
    Annotation,
    Article,
    ArticleStatus,
    Briefing,
    BriefingItem,
    CanonicalEntity,
    Lesson,
    Note,
    utcnow,
)
from briefing_app.storage.database import Database

#: Parents before children: rows are written in this order and deleted in the reverse.
WRITE_ORDER: tuple[type[SQLModel], ...] = (Article, Briefing, CanonicalEntity, Annotation, Note, BriefingItem, Lesson)
_CHUNK = 500  # ids per "IN (...)": under SQLite's bound-parameter limit


def table_of(model: type[SQLModel]) -> Table:
    """The SQLAlchemy table of a model."""
    return model.__table__  # type: ignore[attr-defined]


def column_keys(model: type[SQLModel]) -> tuple[str, ...]:
    """Every column of a model's table: what a snapshot holds (a new column is included by itself)."""
    return tuple(c.key for c in table_of(model).columns)


def _pk(model: type[SQLModel]) -> str:
    (key,) = [c.key for c in table_of(model).primary_key.columns]
    return key


class RowSnapshot:
    """Every column of one row, read from the model's table (no hand-kept field list).

    Attribute access reads the values (``snap.text``, ``snap.article_id``), so a snapshot reads
    like the row it was taken from; ``model`` says which table it belongs to.
    """

    __slots__ = ("model", "values")

    def __init__(self, model: type[SQLModel], values: dict[str, Any]) -> None:
        self.model = model
        self.values = values

    @classmethod
    def of(cls, row: SQLModel) -> RowSnapshot:
        """Snapshot an ORM row (JSON values are copied, so a later edit of the row cannot change it)."""
        model = type(row)
        return cls(model, {k: _copied(getattr(row, k)) for k in column_keys(model)})

    @classmethod
    def from_mapping(cls, model: type[SQLModel], mapping: Any) -> RowSnapshot:
        """Snapshot a Core result row (``row._mapping``) of ``model``'s table."""
        return cls(model, {k: _copied(mapping[k]) for k in column_keys(model)})

    @property
    def key(self) -> Any:
        """The row's primary key value."""
        return self.values[_pk(self.model)]

    def replace(self, **values: Any) -> RowSnapshot:
        """A copy with some values changed."""
        return RowSnapshot(self.model, self.values | values)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RowSnapshot) and other.model is self.model and other.values == self.values

    def __hash__(self) -> int:
        return hash((self.model, self.key))

    def __repr__(self) -> str:
        return f"RowSnapshot({self.model.__name__}, {self.values!r})"


def _copied(value: Any) -> Any:
    return copy.deepcopy(value) if isinstance(value, list | dict) else value


Pair = tuple[Any, Any]  # (RowSnapshot | None, RowSnapshot | None)


@dataclass(slots=True)
class ChangeSet:
    """Before/after snapshots of every row one edit touched (``None``: the row did not exist)."""

    description: str = ""
    annotations: list[Pair] = field(default_factory=list)
    notes: list[Pair] = field(default_factory=list)
    entities: list[Pair] = field(default_factory=list)  # canonical entities
    statuses: list[tuple[int, str, str]] = field(default_factory=list)  # article id, before, after
    skipped: int = 0  # occurrences a bulk edit left alone (overlaps)
    lessons: list[Pair] = field(default_factory=list)  # what the edit taught
    rows: list[Pair] = field(default_factory=list)  # any other table (articles, briefings, briefing items)

    def __bool__(self) -> bool:
        return bool(self.annotations or self.notes or self.entities or self.statuses or self.lessons or self.rows)

    def pairs(self) -> Iterator[Pair]:
        """Every (before, after) pair, in the order the edit made them."""
        yield from self.rows
        yield from self.entities
        yield from self.annotations
        yield from self.notes
        yield from self.lessons

    def article_ids(self) -> set[int]:
        """Articles whose rows changed."""
        ids = {s.article_id for pair in self.annotations + self.notes for s in pair if s is not None}
        ids |= {s.id for pair in self.rows for s in pair if s is not None and s.model is Article}
        return ids | {a for a, _, _ in self.statuses}

    def extend(self, other: ChangeSet) -> None:
        """Append another change set's rows (for compound edits)."""
        self.annotations += other.annotations
        self.notes += other.notes
        self.entities += other.entities
        self.statuses += other.statuses
        self.skipped += other.skipped
        self.lessons += other.lessons
        self.rows += other.rows


class ChangeService:
    """Writes change sets backwards (undo) or forwards (redo)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def undo(self, changes: ChangeSet) -> None:
        """Put every touched row back as it was before the edit."""
        self._write(changes, backwards=True)

    def redo(self, changes: ChangeSet) -> None:
        """Put every touched row in its state after the edit."""
        self._write(changes, backwards=False)

    def _write(self, changes: ChangeSet, backwards: bool) -> None:
        # The state each touched row must end in: undo walks the pairs backwards so a row touched
        # twice ends in its first state, redo forwards so it ends in its last.
        pairs = list(changes.pairs())
        final: dict[tuple[type[SQLModel], Any], RowSnapshot | None] = {}
        for before, after in (reversed(pairs) if backwards else pairs):
            old, new = (after, before) if backwards else (before, after)
            snap = new if new is not None else old
            assert snap is not None
            final[(snap.model, snap.key)] = new
        # One transaction, one statement per table and kind of write, however many rows (bulk edits).
        with self.db.engine.begin() as conn:
            for model in reversed(WRITE_ORDER):
                gone = [key for (m, key), snap in final.items() if m is model and snap is None]
                table = table_of(model)
                for chunk in _chunks(gone):
                    conn.execute(delete(table).where(table.c[_pk(model)].in_(chunk)))
            for model in WRITE_ORDER:
                rows = [dict(snap.values) for (m, _k), snap in final.items() if m is model and snap is not None]
                if rows:
                    if model is Lesson:
                        _detach_from_deleted_articles(conn, rows)
                    _upsert(conn, model, rows)
            statuses = reversed(changes.statuses) if backwards else changes.statuses
            wanted = {article_id: before if backwards else after for article_id, before, after in statuses}
            if wanted:
                table = table_of(Article)
                conn.execute(update(table).where(table.c.id == bindparam("_id")).values(status=bindparam("_status")),
                             [{"_id": a, "_status": s} for a, s in wanted.items()])

    def mark_in_review(self, changes: ChangeSet) -> ChangeSet:
        """Move articles touched by ``changes`` from *new* to *in review* (recorded in the set)."""
        touched = changes.article_ids() - {a for a, _, _ in changes.statuses}
        if not touched:
            return changes
        with self.db.session() as session:
            for article_id in sorted(touched):
                article = session.get(Article, article_id)
                if article is not None and article.status == ArticleStatus.NEW:
                    article.status = ArticleStatus.IN_REVIEW
                    article.updated_at = utcnow()
                    session.add(article)
                    changes.statuses.append((article_id, ArticleStatus.NEW, ArticleStatus.IN_REVIEW))
            session.commit()
        return changes

    def set_status(self, article_id: int, status: str) -> ChangeSet:
        """Set an article's review status as an undoable change."""
        return self.set_statuses([article_id], status)

    def set_statuses(self, article_ids: Iterable[int], status: str) -> ChangeSet:
        """Set the review status of articles as one undoable change (unknown ids are skipped)."""
        from briefing_app.core.services.articles import ArticleService

        articles = ArticleService(self.db)
        ids = list(dict.fromkeys(article_ids))
        statuses: list[tuple[int, str, str]] = []
        for article_id in ids:
            try:
                before = articles.set_status(article_id, status)
            except KeyError:
                continue
            if before != status:
                statuses.append((article_id, before, ArticleStatus(status)))
        label = status.replace("_", " ")
        what = "article" if len(ids) == 1 else f"{len(ids)} articles"
        return ChangeSet(f"Mark {what} {label}", statuses=statuses)


def _chunks(keys: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(keys), _CHUNK):
        yield keys[i:i + _CHUNK]


def _upsert(conn: Connection, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """Insert the rows, or overwrite every column of those that exist (ids written back as they were)."""
    table = table_of(model)
    stmt = sqlite_insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=[table.c[_pk(model)]],
                                      set_={c.name: stmt.excluded[c.name] for c in table.columns if not c.primary_key})
    conn.execute(stmt, rows)


def _detach_from_deleted_articles(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """A lesson outlives its article: one whose article is gone is written back without it."""
    wanted = list({r["article_id"] for r in rows if r.get("article_id") is not None})
    table = table_of(Article)
    present: set[int] = set()
    for chunk in _chunks(wanted):
        present.update(conn.execute(select(table.c.id).where(table.c.id.in_(chunk))).scalars())
    for row in rows:
        if row.get("article_id") is not None and row["article_id"] not in present:
            row["article_id"] = None
