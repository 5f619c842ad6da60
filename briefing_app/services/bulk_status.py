"""Bulk status changes of tags ("accept all remaining"): set-based writes, undone by id.

A status change of many tags (3,000 in a long report) keeps no snapshot of each row, only what
the edit changed: the ids, grouped by what the rows held before in the columns it writes
(``status``, ``original``, ``updated_at``) and by kind and version, with the status set and when.
A freshly analysed article is one group. The edit is one UPDATE of the article's rows in one
status; redo one UPDATE of the ids; undo one UPDATE per group. No other column is written, so
every other column survives undo and redo without a copy, and nothing is done per row in Python.

Desk mode (optimistic concurrency, both engines): the rows the edit reads cannot change before
it writes them (``storage.sql.lock_for_write``), so what it keeps is what it changed; undo and
redo refuse tags another officer changed since (``services.changes`` checks the versions kept
here), and a tag deleted meanwhile refuses them too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Table, literal_column, or_, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.dml import Update

from briefing_app.domain.models import Annotation, AnnotationKind, AnnotationOrigin, AnnotationStatus, utcnow
from briefing_app.storage.errors import StaleEdit
from briefing_app.storage.sql import joined_ids, json_object, json_text, lock_for_write

TABLE: Table = Annotation.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Group:
    """Tags that held the same values before the edit: written back by one statement."""

    ids: tuple[int, ...]
    kind: AnnotationKind
    version: int  # before the edit; the edit left version + 1
    status: AnnotationStatus
    original: dict[str, Any] | None
    updated_at: datetime


@dataclass(slots=True)
class BulkStatus:
    """One status change of many tags of one article (see the module docstring)."""

    article_id: int
    status: AnnotationStatus  # the status the edit set
    updated_at: datetime  # when (each row's ``updated_at`` after the edit)
    groups: list[Group]

    def __len__(self) -> int:
        return sum(len(g.ids) for g in self.groups)

    def ids(self, kind: AnnotationKind | None = None) -> list[int]:
        """The tags changed (of one kind)."""
        return [i for g in self.groups if kind is None or g.kind == kind for i in g.ids]

    def statuses(self, backwards: bool) -> dict[int, AnnotationStatus]:
        """Each tag's status after the edit (or its redo), or after its undo (``backwards``)."""
        return {i: g.status if backwards else self.status for g in self.groups for i in g.ids}


def set_status(conn: Connection, officer: str, article_id: int, current: AnnotationStatus,
               status: AnnotationStatus) -> BulkStatus | None:
    """Give every tag of ``article_id`` whose status is ``current`` the status ``status``, in one
    UPDATE (inside the caller's transaction). None when no tag has that status.

    The first decision on a suggestion keeps the suggestion in ``original`` (provenance), as
    :meth:`AnnotationService.update` does for one tag. Rejected is not a status this writes: the
    screen redraws a bulk change from the statuses alone, and a rejected tag is not drawn.
    """
    if AnnotationStatus.REJECTED in (current, status):
        raise ValueError("A bulk status change neither rejects nor restores tags.")
    # Nothing may change the rows between this read and the write (another officer, or this
    # window's analysis replacing suggestions): what is written is exactly what was read.
    lock_for_write(conn, "annotation", "article_id = ? AND status = ?", (article_id, str(current)))
    stored = json_text(conn, "original")
    # A few rows (one per group), not one per tag: no per-row decoding.
    found = conn.exec_driver_sql(
        f"SELECT kind, version, {stored}, updated_at, {joined_ids(conn)} FROM annotation "
        f"WHERE article_id = ? AND status = ? GROUP BY kind, version, {stored}, updated_at",
        (article_id, str(current))).fetchall()
    if not found:
        return None
    to_time = _from_db(conn, "updated_at")
    groups = [Group(tuple(int(i) for i in ids.split(",")), AnnotationKind(kind), int(version), current,
                    json.loads(original) if original is not None else None, to_time(updated_at))
              for kind, version, original, updated_at, ids in found]
    now = utcnow()
    written = conn.execute(_stamped(update(TABLE).where(TABLE.c.article_id == article_id, TABLE.c.status == current),
                                    officer, now).values(status=status, original=_kept_original(conn), updated_at=now))
    bulk = BulkStatus(article_id, status, now, groups)
    if written.rowcount != len(bulk):  # (cannot happen under the lock; never write what was not read)
        raise StaleEdit("a tag of this article")  # (the caller's transaction rolls back)
    return bulk


def write(conn: Connection, bulk: BulkStatus, backwards: bool, officer: str) -> int:
    """Put the tags of ``bulk`` in their state before the edit (``backwards``) or after it: one
    UPDATE per group, inside the caller's transaction. Returns the number of tags written.

    Only tags still where the edit (undo) or its undo (redo) left them, or last written by this
    officer, are written (the desk rule of ``services.changes``, checked by the statement itself):
    fewer than ``len(bulk)`` means the caller must refuse and roll back (see :func:`expected_version`).
    """
    now = utcnow()
    written = 0
    for g in bulk.groups:
        statement = _stamped(update(TABLE).where(among(g.ids), or_(TABLE.c.version == expected_version(g, backwards),
                                                                     TABLE.c.changed_by == officer)), officer, now)
        if backwards:
            statement = statement.values(status=g.status, original=g.original, updated_at=g.updated_at)
        else:
            statement = statement.values(status=bulk.status, original=_kept_original(conn), updated_at=bulk.updated_at)
        written += conn.execute(statement).rowcount
    return written


def expected_version(group: Group, backwards: bool) -> int:
    """The version a group's tags have where the edit left them (undo) or where its undo did (redo:
    the version before the edit, or a later one of this officer's own)."""
    return group.version + 1 if backwards else group.version


def _stamped(statement: Update, officer: str, now: datetime) -> Update:
    """An UPDATE that also says who wrote the rows and when, and raises their versions."""
    return statement.values(changed_by=officer, changed_at=now, version=TABLE.c.version + 1)


def among(ids: Any) -> Any:
    """SQL: ``annotation.id IN (...)`` with the ids written out (ints: no bound-parameter limit)."""
    return text(f"annotation.id IN ({','.join(str(int(i)) for i in ids)})")


def _kept_original(conn: Connection) -> Any:
    """SQL for ``original`` when a suggestion is decided: the suggestion as first made, kept the
    first time (``annotations.original_of``); a tag the officer made, or one with it, keeps its own."""
    stored = json_text(conn, "original")
    made = json_object(conn, [("label", "label"), ("start", '"start"'), ("end", '"end"'), ("status", "status"),
                              ("origin", "origin")])
    return literal_column(f"CASE WHEN ({stored} IS NULL OR {stored} IN ('null', '{{}}')) "
                          f"AND origin != '{AnnotationOrigin.USER.value}' THEN {made} ELSE original END", JSON)


def _from_db(conn: Connection, column: str) -> Any:
    """A column's converter from the driver's value to Python's (identity when there is none)."""
    kind = TABLE.c[column].type
    convert = kind.dialect_impl(conn.dialect).result_processor(conn.dialect, None)
    return (lambda value: convert(value) if value is not None else None) if convert is not None else (lambda v: v)
