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

    def written_by(self, pairs: list[tuple[Any, Any]] | None = None) -> list[str]:
        """Who wrote the rows of ``pairs`` (default: every changed row), most rows first."""
        chosen = list(self.changes.pairs()) if pairs is None else pairs
        names = Counter(after.changed_by for _before, after in chosen if after is not None and after.changed_by)
        return [name for name, _n in names.most_common()]

    def written_at(self, pairs: list[tuple[Any, Any]] | None = None) -> datetime | None:
        """When the newest of those rows was written (None: only deletions)."""
        chosen = list(self.changes.pairs()) if pairs is None else pairs
        # (read from the database's form: a raw snapshot does not convert timestamps itself)
        times = [_as_datetime(after.raw()["changed_at"]) for _before, after in chosen
                 if after is not None and after.raw().get("changed_at") is not None]
        return max(times) if times else None


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
        return FeedUpdate(FeedState(state.article_id, stamp, rows), changes, library_changed, gone)

    def drop_outdated(self, update: FeedUpdate) -> None:
        """Leave out rows this officer wrote again after the check read them (their newer version is
        on screen already; the next check compares with the older read and brings any change)."""
        seen = self.db.seen
        changes = update.changes
        for name in ("annotations", "notes", "rows"):
            pairs = getattr(changes, name)
            pairs[:] = [(before, after) for before, after in pairs
                        if after is None or after.model not in VERSIONED
                        or seen.get((after.model, after.key), 0) <= after.version]

    def shown(self, update: FeedUpdate) -> None:
        """The window shows these rows now: an edit of them is made on top of the other officer's
        version, not refused as stale (undo still refuses to revert their change: services/changes)."""
        for _before, after in update.changes.pairs():
            if after is not None and after.model in VERSIONED:
                key = (after.model, after.key)
                if self.db.seen.get(key, 0) < after.version:
                    self.db.seen[key] = after.version

    def _rows(self, article_id: int, stamp: Stamp, previous: dict[Key, RowSnapshot] | None = None,
              ) -> dict[Key, RowSnapshot]:
        """Every tag and note of the article, and the article row (its text is read again only when
        its version moved)."""
        rows: dict[Key, RowSnapshot] = {}
        with self.db.engine.connect() as conn:
            for model in (Annotation, Note):
                for raw in read_raw(conn, model, "article_id = ?", (article_id,)):
                    snap = RowSnapshot.from_raw(model, raw)
                    rows[(model, snap.key)] = snap
            kept = (previous or {}).get((Article, article_id))
            if kept is not None and kept.version == stamp.article[0]:
                rows[(Article, article_id)] = kept
            elif stamp.article != (None,):
                for raw in read_raw(conn, Article, "id = ?", (article_id,)):
                    rows[(Article, article_id)] = RowSnapshot.from_raw(Article, raw)
        return rows


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
        pairs.sort(key=lambda p: (p[1] if p[1] is not None else p[0]).key)


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
        notices = (Notice.parse(note.payload) for note in first + rest)
        return [notice for notice in notices if notice is not None]

    def close(self) -> None:
        """Stop listening and close the connection."""
        try:
            self._conn.close()
        except Exception:  # noqa: BLE001 (closing a broken connection: nothing left to release)
            log.debug("Closing the listening connection failed", exc_info=True)
