"""Many writers, nothing lost (desk mode, issue 19): who changed each row, and stale edits refused.

* Every row written through the ORM gets ``changed_by`` (the officer of the database) and
  ``changed_at``; Core writes (bulk accept, undo) set them themselves.
* The versioned rows (articles, annotations, briefings, briefing items, lessons) carry
  ``version``: SQLAlchemy's ``version_id_col`` makes each ORM update conditional on the version
  read, and :data:`Database.seen` remembers the version of each row this officer read first, then
  wrote. An edit of a row that another officer changed since is refused with :class:`StaleEdit`
  ("changed by <officer> at <time>"), nothing written; the refusal counts as having seen their
  version, so the view shows the merged state and the same edit made again goes through.
  (An officer who only re-read the row after the other's change is refused once too: safe, never
  a silent overwrite.)
* The same rules on SQLite (one officer: never refused) and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import SQLModel

from briefing_app.domain.models import Annotation, Article, Briefing, BriefingItem, Lesson, utcnow
from briefing_app.storage.errors import StaleEdit
from briefing_app.storage.sql import lock_for_write

#: Rows two officers may edit at once (a ``version`` column; migration 0009).
VERSIONED: tuple[type[SQLModel], ...] = (Article, Annotation, Briefing, BriefingItem, Lesson)
#: How a refusal names each kind of row.
WHAT: dict[Any, str] = {Article: "this article", Annotation: "this tag", Briefing: "this briefing",
        BriefingItem: "this briefing passage", Lesson: "this lesson"}


def _loaded(target: Any, context: Any, *_: Any) -> None:
    """Remember the version of a row the first time this officer reads it (kept until they write it
    or are refused: the services read a row again just before writing it, which must not count)."""
    session = getattr(context, "session", None)
    db = session.info.get("db") if session is not None else None
    if db is not None:
        db.seen.setdefault((type(target), target.id), target.version)


for _model in VERSIONED:
    event.listen(_model, "load", _loaded)
    event.listen(_model, "refresh", _loaded)


@event.listens_for(Session, "before_flush")
def _stamp_and_check(session: Session, _context: Any, _instances: Any) -> None:
    """Stamp who changed what; refuse an update of a row another officer changed since it was seen."""
    db = session.info.get("db")
    if db is None:
        return
    officer, now = db.officer, utcnow()
    pending: dict[tuple[type, Any], int] = session.info.setdefault("pending_seen", {})
    row: Any  # a versioned or stamped model
    # In one order (table, then id), not the dirty set's hash order: two flushes of the same rows
    # (two officers, or this window's two threads) locking them in different orders would deadlock
    # on PostgreSQL (FOR UPDATE below), an error no window catches; in one order the second waits.
    for row in sorted(session.dirty, key=_lock_order):
        obj = row
        if not session.is_modified(obj) or not hasattr(obj, "changed_by"):
            continue
        if type(obj) in VERSIONED:
            key = (type(obj), obj.id)
            current = inspect(obj).committed_state.get("version", obj.version)
            seen = db.seen.get(key)
            if seen is not None and seen < current and obj.changed_by != officer:
                db.seen[key] = current  # refused once: the view now reads (and shows) their version
                raise StaleEdit(WHAT[type(obj)], obj.changed_by, obj.changed_at)
            # Two threads of this officer's own window (an analysis finishing while they edit) may
            # write one row: between themselves the last write wins, as before desk mode. The row is
            # locked before its version is read again, so the other thread cannot commit between
            # this read and the conditional UPDATE (it did once, on a slow CI machine: a status
            # change refused as "changed by another officer" while the article's analysis was saved).
            lock_for_write(session.connection(), type(obj).__table__.name, "id = ?", (obj.id,))
            row_now = session.execute(select(type(obj).version, type(obj).changed_by)
                                      .where(type(obj).id == obj.id)).first()
            if row_now is not None and row_now[0] > current and row_now[1] == officer:
                set_committed_value(obj, "version", row_now[0])
                current = row_now[0]
            pending[key] = current + 1
        obj.changed_by, obj.changed_at = officer, now
    for row in session.new:
        obj = row
        if hasattr(obj, "changed_by"):
            obj.changed_by, obj.changed_at = officer, now
        if type(obj) is Lesson and not obj.taught_by:
            obj.taught_by = officer


def _lock_order(row: Any) -> tuple[str, int]:
    """Where ``row`` comes in the order rows are locked: its table, then its id."""
    table = getattr(type(row), "__table__", None)
    row_id = getattr(row, "id", None)
    return (getattr(table, "name", ""), row_id if isinstance(row_id, int) else -1)


def may_withdraw(db: Any, taught_by: str) -> bool:
    """Whether this officer may withdraw a lesson taught by ``taught_by``: their own, one with no
    teacher recorded (taught before desk mode), or anyone's for a desk lead."""
    return not taught_by or taught_by == db.officer or bool(db.desk_lead)


@event.listens_for(Session, "after_commit")
def _remember_own_writes(session: Session) -> None:
    """This officer's own write is the version they have seen."""
    db = session.info.get("db")
    pending = session.info.pop("pending_seen", None)
    if db is not None and pending:
        db.seen.update(pending)


@event.listens_for(Session, "after_rollback")
def _forget_failed_writes(session: Session) -> None:
    session.info.pop("pending_seen", None)


def remember(db: Any, rows: dict[tuple[type[SQLModel], Any], int]) -> None:
    """Record versions this officer wrote or was shown outside the ORM (bulk edits, undo)."""
    db.seen.update({key: version for key, version in rows.items() if key[0] in VERSIONED})
