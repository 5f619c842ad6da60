"""Live changes (desk mode, issue 19): what others changed in the open article and the library.

"Others" are another officer on the desk server, another window or a command-line task on the
same file. Two ways to learn of it, the second only on PostgreSQL:

* **Polling a stamp** (both engines, :meth:`ChangeFeed.check`): one small query reads the library
  clock (``change_clock``, raised by triggers whenever an article is added or deleted, migration
  0010) and counters of the open article's rows (its version; count, newest id and sum of
  versions of its tags; count, newest id, latest change and total length of its notes). Its cost
  depends on the open article, never on the size of the library. Only when the stamp moved are
  the article's rows read again and compared with the previous read: the answer is a
  :class:`~briefing_app.services.changes.ChangeSet` the window applies like an undo step.
* **LISTEN/NOTIFY** (:class:`ChangeListener`): the triggers of 0010 send a notice per article a
  committed statement touched, with the officer; the window checks at once instead of at its next
  poll.

No Qt here: the window runs :meth:`ChangeFeed.check` in its worker and applies the answer.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import SQLModel

from briefing_app.domain.models import Annotation, Article, Note
from briefing_app.services.changes import ChangeSet, RowSnapshot, _as_datetime, read_raw
from briefing_app.services.desk import VERSIONED
from briefing_app.storage.database import Database

log = logging.getLogger(__name__)

#: How often a window polls (seconds): others' changes show within about this long.
POLL_SECONDS = 2.0
#: The PostgreSQL notification channel of migration 0010's triggers.
CHANNEL = "briefing_changes"

Key = tuple[type[SQLModel], Any]

# One statement, one round trip: the library clock and the open article's counters.
_STAMP = text(
    "SELECT c.value, (SELECT version FROM article WHERE id = :a), t.n, t.top, t.total, "
    "n.n, n.top, n.latest, n.size "
    "FROM change_clock AS c, "
    "(SELECT count(*) AS n, coalesce(max(id), 0) AS top, coalesce(sum(version), 0) AS total "
    " FROM annotation WHERE article_id = :a) AS t, "
    "(SELECT count(*) AS n, coalesce(max(id), 0) AS top, max(changed_at) AS latest, "
    " coalesce(sum(length(body)), 0) AS size FROM note WHERE article_id = :a) AS n "
    "WHERE c.name = 'articles'")


@dataclass(frozen=True)
class Stamp:
    """Cheap counters: equal stamps mean nothing watched changed."""

    library: int
    article: tuple[Any, ...]  # (version or None,)
    tags: tuple[Any, ...]
    notes: tuple[Any, ...]


@dataclass
class FeedState:
    """What the window last knew: the open article (None: no article) and its rows then."""

    article_id: int | None
    stamp: Stamp
    rows: dict[Key, RowSnapshot] = field(default_factory=dict)


@dataclass(frozen=True)
class Changed:
    """One changed row, with what the window needs of it read in the worker (reading a raw
    snapshot's columns costs; thousands of them must not cost the window thread)."""

    pair: tuple[Any, Any]  # (before, after): RowSnapshot | None each
    model: type[SQLModel]
    id: int
    version: int | None  # the version now (None: gone, or a table without versions)
    by: str  # who wrote it ("" for a deletion)
    at: Any  # when, in the database's form (ISO text; None for a deletion)


@dataclass
class FeedUpdate:
    """What changed since a :class:`FeedState`; ``state`` is the new one to keep."""

    state: FeedState
    #: The open article's rows that changed (tags, notes and the article row), ready to apply.
    changes: ChangeSet
    #: An article was added to or deleted from the library (the Library list is out of date).
    library_changed: bool = False
    #: The open article itself was deleted.
    article_gone: bool = False
    #: One entry per pair of ``changes``.
    rows: list[Changed] = field(default_factory=list)

    @staticmethod
    def written_by(rows: list[Changed]) -> list[str]:
        """Who wrote ``rows``, most rows first."""
        return [name for name, _n in Counter(r.by for r in rows if r.by).most_common()]

    @staticmethod
    def written_at(rows: list[Changed]) -> datetime | None:
        """When the newest of ``rows`` was written (None: only deletions)."""
        # Compared in the database's form (ISO text, which sorts as time does).
        times = [r.at for r in rows if r.at is not None]
        return _as_datetime(max(times)) if times else None


class ChangeFeed:
    """Polls one database for others' changes to the open article and the library."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def stamp(self, article_id: int | None) -> Stamp:
        """The counters now (one query; cost independent of the library's size)."""
        with self.db.engine.connect() as conn:
            row = conn.execute(_STAMP, {"a": -1 if article_id is None else article_id}).one()
        return Stamp(int(row[0]), (row[1],), tuple(row[2:5]), tuple(str(v) for v in row[5:9]))

    def start(self, article_id: int | None) -> FeedState:
        """The state to compare later checks with (reads the article's rows once)."""
        stamp = self.stamp(article_id)
        return FeedState(article_id, stamp, self._rows(article_id, stamp) if article_id is not None else {})

    def check(self, state: FeedState) -> FeedUpdate | None:
        """What changed since ``state`` (None: nothing). Safe in a worker thread."""
        stamp = self.stamp(state.article_id)
        if stamp == state.stamp:
            return None
        library_changed = stamp.library != state.stamp.library
        changes = ChangeSet("Changes by others")
        rows = state.rows
        if state.article_id is not None and (stamp.article, stamp.tags, stamp.notes) != (
                state.stamp.article, state.stamp.tags, state.stamp.notes):
            rows = self._rows(state.article_id, stamp, state.rows)
            _diff(state.rows, rows, changes)
        gone = state.article_id is not None and stamp.article == (None,) and state.stamp.article != (None,)
        return FeedUpdate(FeedState(state.article_id, stamp, rows), changes, library_changed, gone,
                          [_changed(pair) for pair in changes.pairs()])

    def drop_outdated(self, update: FeedUpdate) -> None:
        """Leave out rows this officer wrote again after the check read them (their newer version is
        on screen already; the next check compares with the older read and brings any change)."""
        seen = self.db.seen
        kept = [r for r in update.rows if r.version is None or r.model not in VERSIONED
                or seen.get((r.model, r.id), 0) <= r.version]
        if len(kept) == len(update.rows):
            return
        update.rows = kept
        pairs = {(r.model, r.id) for r in kept}
        changes = update.changes
        for name in ("annotations", "notes", "rows"):
            getattr(changes, name)[:] = [p for p in getattr(changes, name) if _key_of(p) in pairs]

    def shown(self, update: FeedUpdate) -> None:
        """The window shows these rows now: an edit of them is made on top of the other officer's
        version, not refused as stale (undo still refuses to revert their change: services/changes)."""
        seen = self.db.seen
        for r in update.rows:
            if r.version is not None and r.model in VERSIONED and seen.get((r.model, r.id), 0) < r.version:
                seen[(r.model, r.id)] = r.version

    def _rows(self, article_id: int, stamp: Stamp, previous: dict[Key, RowSnapshot] | None = None,
              ) -> dict[Key, RowSnapshot]:
        """Every tag and note of the article, and the article row (its text is read again only when
        its version moved)."""
        rows: dict[Key, RowSnapshot] = {}
        with self.db.engine.connect() as conn:
            for model in (Annotation, Note):
                for raw in read_raw(conn, model, "article_id = ?", (article_id,)):
                    snap = RowSnapshot.from_raw(model, raw)
                    rows[(model, snap.id)] = snap  # (every table here has an integer "id")
            kept = (previous or {}).get((Article, article_id))
            if kept is not None and kept.version == stamp.article[0]:
                rows[(Article, article_id)] = kept
            elif stamp.article != (None,):
                for raw in read_raw(conn, Article, "id = ?", (article_id,)):
                    rows[(Article, article_id)] = RowSnapshot.from_raw(Article, raw)
        return rows


def _key_of(pair: tuple[Any, Any]) -> Key:
    ref = pair[1] if pair[1] is not None else pair[0]
    return (ref.model, ref.id)


def _changed(pair: tuple[Any, Any]) -> Changed:
    before, after = pair
    ref = after if after is not None else before
    if after is None:
        return Changed(pair, ref.model, ref.id, None, "", None)
    version = after.version if ref.model in VERSIONED else None
    return Changed(pair, ref.model, ref.id, version, after.changed_by, after.raw().get("changed_at"))


def _diff(old: dict[Key, RowSnapshot], new: dict[Key, RowSnapshot], changes: ChangeSet) -> None:
    """Fill ``changes`` with a (before, after) pair per row added, changed or removed."""
    for key in old.keys() | new.keys():
        before, after = old.get(key), new.get(key)
        if before is not None and after is not None and before.raw() == after.raw():
            continue
        pair = (before, after)
        model = key[0]
        if model is Annotation:
            changes.annotations.append(pair)
        elif model is Note:
            changes.notes.append(pair)
        else:
            changes.rows.append(pair)
    # Stable order (by id) so the window applies them the same way every time.
    for pairs in (changes.annotations, changes.notes, changes.rows):
        pairs.sort(key=lambda p: (p[1] if p[1] is not None else p[0]).id)


@dataclass(frozen=True)
class Notice:
    """One PostgreSQL notification: a committed statement touched ``article_id``'s rows."""

    table: str
    article_id: int | None
    officer: str

    @classmethod
    def parse(cls, payload: str) -> Notice | None:
        """The notice in a payload of 0010's triggers (None for anything else)."""
        try:
            data = json.loads(payload)
            article = data.get("article")
            return cls(str(data.get("table", "")), int(article) if article is not None else None,
                       str(data.get("officer") or ""))
        except (ValueError, TypeError, AttributeError):
            return None


class ChangeListener:
    """A connection of its own that ``LISTEN``s on :data:`CHANNEL` (PostgreSQL only).

    The window watches :meth:`fileno` and calls :meth:`drain` when it is readable; tests call
    :meth:`wait`. Closing the database does not close it: call :meth:`close`.
    """

    def __init__(self, db: Database) -> None:
        if db.engine.dialect.name != "postgresql":
            raise ValueError("only a desk database on PostgreSQL sends notifications")
        raw = db.engine.raw_connection()
        conn: Any = raw.driver_connection
        raw.detach()  # ours alone, never back in the pool (it stays in autocommit, listening)
        conn.rollback()  # (the pool's liveness check may have begun a transaction)
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn
        self._db = db

    def fileno(self) -> int:
        """The socket to watch for readability."""
        return int(self._conn.fileno())

    def drain(self) -> list[Notice]:
        """The notices that arrived (none waiting: an empty list at once)."""
        return self.wait(0.0)

    def wait(self, timeout: float) -> list[Notice]:
        """The notices that arrive within ``timeout`` seconds (returns at the first batch)."""
        first = list(self._conn.notifies(timeout=timeout, stop_after=1)) if timeout > 0 else []
        rest = list(self._conn.notifies(timeout=0.0))  # (whatever else already arrived)
        parsed = (Notice.parse(note.payload) for note in first + rest)
        notices = [notice for notice in parsed if notice is not None]
        if any(n.table in ("annotation", "article") and n.officer != self._db.officer for n in notices):
            # another officer accepted, edited or reviewed tags: the habits the lessons are checked against
            # (services/lessons.LessonService.version) are read again, as after this officer's own edits
            self._db.verdicts_moved()
        return notices

    def close(self) -> None:
        """Stop listening and close the connection."""
        try:
            self._conn.close()
        except Exception:  # noqa: BLE001 (closing a broken connection: nothing left to release)
            log.debug("Closing the listening connection failed", exc_info=True)
