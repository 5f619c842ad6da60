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
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel, col

from briefing_app.domain.models import (
    Annotation,
    Article,
    ArticleStatus,
    Briefing,
    BriefingItem,
    CanonicalEntity,
    Lesson,
    Note,
    StrEnumType,
    utcnow,
)
from briefing_app.services.bulk_status import BulkStatus, among, expected_version
from briefing_app.services.bulk_status import write as write_bulk
from briefing_app.services.desk import VERSIONED, WHAT, remember
from briefing_app.storage.database import Database
from briefing_app.storage.errors import StaleEdit
from briefing_app.storage.sql import lock_for_write, upsert

#: Parents before children: rows are written in this order and deleted in the reverse.
WRITE_ORDER: tuple[type[SQLModel], ...] = (Article, Briefing, CanonicalEntity, Annotation, Note, BriefingItem, Lesson)
#: Columns that say who wrote a row and which write it is (migration 0009), not what it holds.
BOOKKEEPING = frozenset({"version", "changed_by", "changed_at"})
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

    A bulk edit takes snapshots in the database's own form (:meth:`from_raw`: plain text,
    numbers, JSON text) and writes them back the same way, so thousands of rows cost no type
    conversion; a value is converted only when it is read.
    """

    # No __slots__: the values live in the instance dict, so reading ``snap.start`` is a plain
    # attribute lookup (a bulk edit reads thousands of them to redraw the article).

    def __init__(self, model: type[SQLModel], values: dict[str, Any] | None = None,
                 raw: dict[str, Any] | None = None) -> None:
        own = self.__dict__
        own["model"] = model
        own["_raw"] = raw
        own["_values"] = values
        if values is not None:
            own.update(values)
        # A raw snapshot converts a column on its first read (__getattr__), then keeps it.

    @classmethod
    def of(cls, row: SQLModel) -> RowSnapshot:
        """Snapshot an ORM row (JSON values are copied, so a later edit of the row cannot change it)."""
        model = type(row)
        return cls(model, {k: _copied(getattr(row, k)) for k in column_keys(model)})

    @classmethod
    def from_mapping(cls, model: type[SQLModel], mapping: Any) -> RowSnapshot:
        """Snapshot a Core result row (``row._mapping``) of ``model``'s table."""
        return cls(model, {k: _copied(mapping[k]) for k in column_keys(model)})

    @classmethod
    def from_raw(cls, model: type[SQLModel], raw: dict[str, Any]) -> RowSnapshot:
        """Snapshot a row as the database stores it (a driver row of :func:`raw_select`)."""
        return cls(model, raw=raw)

    @property
    def values(self) -> dict[str, Any]:
        """Every column's value (Python types)."""
        if self._values is None:
            assert self._raw is not None
            self.__dict__["_values"] = {k: getattr(self, k) for k in self._raw}
        return self._values

    @property
    def is_raw(self) -> bool:
        """True when the snapshot holds the database's form of the values."""
        return self._raw is not None

    def raw(self) -> dict[str, Any]:
        """Every column in the database's form (for writing back without the ORM)."""
        if self._raw is not None:
            return dict(self._raw)
        to_db = _converters(self.model)[1]
        return {k: to_db[k](v) if to_db[k] else v for k, v in self.values.items()}

    @property
    def key(self) -> Any:
        """The row's primary key value."""
        return (self._raw if self._raw is not None else self._values)[_pk(self.model)]

    def replace(self, **values: Any) -> RowSnapshot:
        """A copy with some values changed."""
        if self._raw is not None:
            to_db = _converters(self.model)[1]
            return RowSnapshot(self.model, raw=self._raw | {k: to_db[k](v) if to_db[k] else v
                                                              for k, v in values.items()})
        return RowSnapshot(self.model, self.values | values)

    def __getattr__(self, name: str) -> Any:
        # Only reached for a column of a raw snapshot not read before.
        raw = self.__dict__.get("_raw")
        if raw is None or name not in raw:
            raise AttributeError(name)
        value = raw[name]
        if value is not None:
            fast = _fast_converters(self.model)
            convert = fast.get(name, _SLOW)
            if convert is _SLOW:
                convert = _converters(self.model)[0][name]
            if convert is not None:
                value = convert(value)
        self.__dict__[name] = value
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a snapshot is read-only; use replace()")

    def content(self) -> dict[str, Any]:
        """The values without the desk bookkeeping (who wrote the row, when, its version)."""
        return {k: v for k, v in self.values.items() if k not in BOOKKEEPING}

    def __eq__(self, other: object) -> bool:
        # Equal content: a row written back by undo is the same row though its version moved on.
        return isinstance(other, RowSnapshot) and other.model is self.model and other.content() == self.content()

    def __hash__(self) -> int:
        return hash((self.model, self.key))

    def __repr__(self) -> str:
        return f"RowSnapshot({self.model.__name__}, {self.values!r})"


_DIALECT = sqlite_dialect()
_CONVERTERS: dict[type[SQLModel], tuple[dict[str, Any], dict[str, Any]]] = {}


def _converters(model: type[SQLModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(from database, to database) value converters of each column (None: stored as is)."""
    found = _CONVERTERS.get(model)
    if found is None:
        columns = table_of(model).columns
        found = ({c.key: c.type.result_processor(_DIALECT, None) for c in columns},
                 {c.key: c.type.bind_processor(_DIALECT) for c in columns})
        _CONVERTERS[model] = found
    return found


_FAST: dict[type[SQLModel], dict[str, Any]] = {}
_SLOW = object()


def _fast_converters(model: type[SQLModel]) -> dict[str, Any]:
    """Column -> converter from the database's form: None for plain columns, a dict lookup for the
    vocabulary, ``_SLOW`` for the type's own converter (JSON, timestamps)."""
    found = _FAST.get(model)
    if found is None:
        found = {}
        for c in table_of(model).columns:
            if isinstance(c.type, StrEnumType):
                found[c.key] = c.type.enum._value2member_map_.__getitem__
            elif c.type.result_processor(_DIALECT, None) is not None:
                found[c.key] = _SLOW
            else:
                found[c.key] = None
        _FAST[model] = found
    return found


def raw_select(model: type[SQLModel], where: str) -> str:
    """``SELECT <every column> FROM <table> WHERE <where>`` for :meth:`RowSnapshot.from_raw`."""
    table = table_of(model)
    return f"SELECT {', '.join(_quoted(c.name) for c in table.columns)} FROM {table.name} WHERE {where}"


def read_raw(conn: Connection, model: type[SQLModel], where: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    """Rows of :func:`raw_select` in the database's form, for :meth:`RowSnapshot.from_raw`.

    That form is SQLite's (JSON as text, times as text): on another engine each value the driver
    decoded is put in that form, so a snapshot means the same on both.
    """
    result = conn.exec_driver_sql(raw_select(model, where), params)
    names = list(result.keys())
    rows = [dict(zip(names, values, strict=True)) for values in result.fetchall()]
    if conn.dialect.name != "sqlite":
        to_db = _converters(model)[1]
        rows = [{k: to_db[k](v) if to_db[k] is not None and v is not None else v for k, v in row.items()}
                for row in rows]
    return rows


def _quoted(name: str) -> str:
    return f'"{name}"'


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
    #: Status changes of many tags kept by id, not by snapshot (accept all remaining: services/bulk_status).
    #: They touch no row the pairs touch, and count as made after them.
    bulk: list[BulkStatus] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.annotations or self.notes or self.entities or self.statuses or self.lessons or self.rows
                    or self.bulk)

    def tag_count(self) -> int:
        """Tags the edit changed (kept as snapshots or by id)."""
        return len(self.annotations) + sum(len(b) for b in self.bulk)

    def pairs(self) -> Iterator[Pair]:
        """Every (before, after) pair, in the order the edit made them."""
        yield from self.rows
        yield from self.entities
        yield from self.annotations
        yield from self.notes
        yield from self.lessons

    def article_ids(self) -> set[int]:
        """Articles whose rows changed."""
        # one side of each pair is enough: an edit never moves a tag or note to another article
        ids = {(after if after is not None else before).article_id for before, after in self.annotations + self.notes}
        ids |= {s.id for pair in self.rows for s in pair if s is not None and s.model is Article}
        return ids | {a for a, _, _ in self.statuses} | {b.article_id for b in self.bulk}

    def extend(self, other: ChangeSet) -> None:
        """Append another change set's rows (for compound edits)."""
        self.annotations += other.annotations
        self.notes += other.notes
        self.entities += other.entities
        self.statuses += other.statuses
        self.skipped += other.skipped
        self.lessons += other.lessons
        self.rows += other.rows
        self.bulk += other.bulk


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
        # The state each row must be in now for the write to apply: undo expects the edit's last
        # *after*, redo its first *before*.
        expected: dict[tuple[type[SQLModel], Any], RowSnapshot | None] = {}
        for before, after in (pairs if backwards else reversed(pairs)):
            snap = after if backwards else before
            other = before if backwards else after
            ref = snap if snap is not None else other
            assert ref is not None
            expected[(ref.model, ref.key)] = snap
        # One transaction, one statement per table and kind of write, however many rows (bulk edits).
        written: dict[tuple[type[SQLModel], Any], int] = {}
        if changes.bulk and changes.annotations:
            assert not {k for m, k in final if m is Annotation} & {i for b in changes.bulk for i in b.ids()}, \
                "a bulk status change and a snapshot of the same tag in one change set"
        with self.db.engine.begin() as conn:
            final = _guard_and_stamp(conn, final, expected, self.db.officer, self.db.seen, written)
            for model in reversed(WRITE_ORDER):
                gone = [key for (m, key), snap in final.items() if m is model and snap is None]
                table = table_of(model)
                for chunk in _chunks(gone):
                    conn.execute(delete(table).where(table.c[_pk(model)].in_(chunk)))
            for model in WRITE_ORDER:
                snaps = [snap for (m, _k), snap in final.items() if m is model and snap is not None]
                # Bulk edits' snapshots are in the database's form: written without conversion.
                for rows, raw in (([s.raw() for s in snaps if s.is_raw], True),
                                  ([dict(s.values) for s in snaps if not s.is_raw], False)):
                    if rows:
                        if model is Lesson:
                            _detach_from_deleted_articles(conn, rows)
                        (_upsert_raw if raw else _upsert)(conn, model, rows)
            for bulk in (reversed(changes.bulk) if backwards else changes.bulk):
                # One statement per group of tags, not per tag, that writes only tags nobody else
                # changed since; any other refuses it all (the transaction rolls back).
                if write_bulk(conn, bulk, backwards, self.db.officer) != len(bulk):
                    _refuse_bulk(conn, bulk, backwards, self.db.officer, self.db.seen)
                written.update({(Annotation, i): expected_version(g, backwards) + 1 for g in bulk.groups for i in g.ids})
            statuses = reversed(changes.statuses) if backwards else changes.statuses
            wanted = {article_id: before if backwards else after for article_id, before, after in statuses}
            if wanted:
                table = table_of(Article)
                conn.execute(update(table).where(table.c.id == bindparam("_id")).values(
                    status=bindparam("_status"), version=table.c.version + 1, changed_by=self.db.officer,
                    changed_at=utcnow()), [{"_id": a, "_status": s} for a, s in wanted.items()])
        remember(self.db, written)
        self.db.verdicts_moved()  # (an accept or a review status put back or again)

    def as_they_stand(self, changes: ChangeSet) -> ChangeSet:
        """The rows ``changes`` touched, as the database holds them now (``None``: gone), paired
        with the edit's own snapshots: what the window shows after a refused undo or redo (the
        other officer's rows, not the refused step's)."""
        wanted: dict[type[SQLModel], set[Any]] = {}
        for before, after in changes.pairs():
            ref = after if after is not None else before
            wanted.setdefault(ref.model, set()).add(ref.key)
        now: dict[tuple[type[SQLModel], Any], RowSnapshot] = {}
        with self.db.engine.connect() as conn:
            for model, keys in wanted.items():
                for chunk in _chunks(sorted(keys)):
                    where = f"{_quoted(table_of(model).c[_pk(model)].name)} IN ({', '.join('?' * len(chunk))})"
                    for raw in read_raw(conn, model, where, tuple(chunk)):
                        snap = RowSnapshot.from_raw(model, raw)
                        now[(model, snap.key)] = snap
        standing = ChangeSet(changes.description)
        for name in ("annotations", "notes", "entities", "lessons", "rows"):
            pairs = getattr(changes, name)
            seen: set[tuple[type[SQLModel], Any]] = set()
            for before, after in pairs:
                ref = after if after is not None else before
                key = (ref.model, ref.key)
                if key not in seen:
                    seen.add(key)
                    getattr(standing, name).append((ref, now.get(key)))
        return standing

    def mark_in_review(self, changes: ChangeSet, also: Iterable[int] = ()) -> ChangeSet:
        """Move articles touched by ``changes`` from *new* to *in review* (recorded in the set).

        ``also``: further articles to move with them, in the same write (those whose move after an
        earlier edit the database refused: the set that moves them is the step that undoes it)."""
        touched = (changes.article_ids() | set(also)) - {a for a, _, _ in changes.statuses}
        if touched:
            # Only articles still *new* are written (each edit asks; reading one loads its whole text).
            table = table_of(Article)
            with self.db.engine.connect() as conn:
                touched = set(conn.execute(select(table.c.id).where(
                    table.c.id.in_(sorted(touched)), table.c.status == ArticleStatus.NEW)).scalars())
        if not touched:
            return changes
        written: dict[tuple[type[SQLModel], Any], int] = {}
        with self.db.engine.begin() as conn:
            changes.statuses += move_to_review(conn, touched, self.db.officer, written)
        remember(self.db, written)
        return changes

    def set_status(self, article_id: int, status: str) -> ChangeSet:
        """Set an article's review status as an undoable change."""
        return self.set_statuses([article_id], status)

    def set_statuses(self, article_ids: Iterable[int], status: str) -> ChangeSet:
        """Set the review status of articles as one undoable change (unknown ids are skipped).

        One transaction, all or nothing: a refusal part-way (a busy database, another officer's
        change) writes none of them. (Putting back the ones already written met the same busy
        database and left them changed, with no undo step for them.)"""
        if status not in tuple(ArticleStatus):
            raise ValueError(f"Unknown review status {status!r}")
        after = ArticleStatus(status)
        ids = list(dict.fromkeys(article_ids))
        statuses: list[tuple[int, str, str]] = []
        with self.db.session() as session:
            # Read together, then written in one flush (the rows locked in one order: desk.py).
            found = {a.id: a for a in session.execute(select(Article).where(col(Article.id).in_(ids))).scalars()}
            now = utcnow()
            for article_id in ids:
                article = found.get(article_id)
                if article is None:
                    continue
                before = article.status
                article.status, article.updated_at = after, now
                session.add(article)
                if before != after:
                    statuses.append((article_id, before, after))
            session.commit()
        if statuses:
            self.db.verdicts_moved()  # (the suggestions of an article marked reviewed are the officer's)
        label = status.replace("_", " ")
        what = "article" if len(ids) == 1 else f"{len(ids)} articles"
        return ChangeSet(f"Mark {what} {label}", statuses=statuses)


def move_to_review(conn: Connection, article_ids: Iterable[int], officer: str,
                   written: dict[tuple[type[SQLModel], Any], int]) -> list[tuple[int, str, str]]:
    """Move the articles among ``article_ids`` still *new* to *in review*, in the caller's transaction
    (an edit of an article's tags starts its review); returns the status moves for a change set and
    adds the versions written to ``written`` (for :func:`desk.remember` once committed).

    Only the status (and who changed the article, when) is written, and only while it is *new*:
    another officer's edit of the article is never overwritten.
    """
    ids = ",".join(str(int(a)) for a in sorted(set(article_ids)))
    if not ids:
        return []
    where = f"id IN ({ids}) AND status = ?"
    lock_for_write(conn, "article", where, (str(ArticleStatus.NEW),))
    found = conn.exec_driver_sql(f"SELECT id, version FROM article WHERE {where}", (str(ArticleStatus.NEW),)).fetchall()
    if not found:
        return []
    table, now = table_of(Article), utcnow()
    conn.execute(update(table).where(table.c.id.in_([row[0] for row in found])).values(
        status=ArticleStatus.IN_REVIEW, updated_at=now, changed_by=officer, changed_at=now,
        version=table.c.version + 1))
    written.update({(Article, row[0]): int(row[1]) + 1 for row in found})
    return [(int(row[0]), ArticleStatus.NEW, ArticleStatus.IN_REVIEW) for row in found]


def _guard_and_stamp(conn: Connection, final: dict[tuple[type[SQLModel], Any], RowSnapshot | None],
                     expected: dict[tuple[type[SQLModel], Any], RowSnapshot | None], officer: str,
                     seen: dict[tuple[type, Any], int], written: dict[tuple[type[SQLModel], Any], int],
                     ) -> dict[tuple[type[SQLModel], Any], RowSnapshot | None]:
    """Refuse an undo/redo that would revert another officer's change; stamp the rows it writes.

    A versioned row whose version is no longer the one this edit left (or found), and that was
    last changed by someone else, is theirs now: :class:`StaleEdit` names them and nothing is
    written (the caller's transaction rolls back). Rows written get the next version and this
    officer's name.
    """
    now = utcnow()
    stamped: dict[tuple[type[SQLModel], Any], RowSnapshot | None] = {}
    for model in WRITE_ORDER:
        keys = [key for (m, key) in final if m is model]
        if not keys:
            continue
        current = _current_versions(conn, model, keys) if model in VERSIONED else {}
        for key in keys:
            snap, wanted = final[(model, key)], expected.get((model, key))
            if model in VERSIONED:
                now_row = current.get(key)
                if wanted is not None:
                    _refuse_if_changed(model, key, wanted.version, now_row, officer, seen)
                if snap is not None:
                    version = (now_row[0] if now_row is not None else 0) + 1
                    snap = snap.replace(version=version, changed_by=officer, changed_at=now)
                    written[(model, key)] = version
            elif snap is not None and "changed_by" in column_keys(model):
                snap = snap.replace(changed_by=officer, changed_at=now)
            stamped[(model, key)] = snap
    return stamped


def _current_versions(conn: Connection, model: type[SQLModel], keys: Iterable[Any]) -> dict[Any, tuple[int, str, Any]]:
    """Id -> (version, changed_by, changed_at) of the rows that still exist."""
    table = table_of(model)
    # One statement however many rows (ids are ints: inlined, no bound-parameter limit).
    ids = ",".join(str(int(k)) for k in keys)
    return {row[0]: (int(row[1]), str(row[2]), row[3]) for row in conn.exec_driver_sql(
        f"SELECT id, version, changed_by, changed_at FROM {table.name} WHERE id IN ({ids})")}


def _refuse_if_changed(model: type[SQLModel], key: Any, version: int, now_row: tuple[int, str, Any] | None,
                       officer: str, seen: dict[tuple[type, Any], int]) -> None:
    """:class:`StaleEdit` when a row an undo/redo expects at ``version`` is gone, or is at another
    version another officer wrote (their change is not reverted); a refusal counts as seen."""
    if now_row is None:
        raise StaleEdit(WHAT[model].replace("this", "an edited", 1) + " (removed meanwhile)")
    if now_row[0] != version and now_row[1] != officer:
        seen[(model, key)] = now_row[0]
        raise StaleEdit(WHAT[model], now_row[1], _as_datetime(now_row[2]))


def _refuse_bulk(conn: Connection, bulk: BulkStatus, backwards: bool, officer: str,
                 seen: dict[tuple[type, Any], int]) -> None:
    """Raise the :class:`StaleEdit` a bulk status change's undo/redo met (it wrote fewer tags than it
    holds): the tag another officer changed since (:func:`_refuse_if_changed`), else one deleted."""
    c = table_of(Annotation).c
    for group in bulk.groups:
        version = expected_version(group, backwards)
        for row in conn.execute(select(c.id, c.version, c.changed_by, c.changed_at).where(
                among(group.ids), c.version != version, c.changed_by != officer)).all():
            _refuse_if_changed(Annotation, row[0], version, (int(row[1]), str(row[2]), row[3]), officer, seen)
    raise StaleEdit(WHAT[Annotation].replace("this", "an edited", 1) + " (removed meanwhile)")


def _as_datetime(value: Any) -> Any:
    """A ``changed_at`` read by Core: a datetime already, or SQLite's text of one."""
    if isinstance(value, str):
        from datetime import UTC, datetime

        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return value


def _chunks(keys: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(keys), _CHUNK):
        yield keys[i:i + _CHUNK]


def _upsert(conn: Connection, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """Insert the rows, or overwrite every column of those that exist (ids written back as they were)."""
    upsert(conn, table_of(model), _pk(model), rows)


def _upsert_raw(conn: Connection, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """:func:`_upsert` for values already in the database's form: one driver-level executemany."""
    if conn.dialect.name != "sqlite":  # that form is SQLite's (see read_raw): typed values elsewhere
        _upsert(conn, model, [RowSnapshot(model, raw=row).values for row in rows])
        return
    table = table_of(model)
    names = [c.name for c in table.columns]
    keys = [c.key for c in table.columns]
    pk = table.c[_pk(model)].name
    sql = (f"INSERT INTO {table.name} ({', '.join(map(_quoted, names))}) VALUES ({', '.join('?' * len(names))}) "
           f"ON CONFLICT({_quoted(pk)}) DO UPDATE SET "
           + ", ".join(f"{_quoted(n)} = excluded.{_quoted(n)}" for n in names if n != pk))
    conn.exec_driver_sql(sql, [tuple(row[k] for k in keys) for row in rows])


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
