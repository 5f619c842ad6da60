"""The counts of the open article (library row, review status line) kept up to date from change sets.

One edit of a long report used to count its thousands of tags again twice (the library row's
``GROUP BY`` and the status line's open suggestions). :class:`ArticleTally` reads each live tag's
kind, label and status once, then follows every change set by *setting* the touched tags to the
state the change set shows (never adding a difference): a tag's entry is what the database holds
as long as the change set's side is the row as written, which is what the view draws too.
The figures use the one rule of :mod:`briefing_app.services.open_suggestions`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import text

from briefing_app.domain.models import AnnotationKind, AnnotationStatus
from briefing_app.services.changes import ChangeSet
from briefing_app.services.open_suggestions import OpenCounts, Visibility, counts_as_open
from briefing_app.storage.database import Database

#: (kind, label, status) of one live tag, as plain strings.
TagState = tuple[str, str, str]

_REJECTED = str(AnnotationStatus.REJECTED)
_ENTITY = str(AnnotationKind.ENTITY)
_PILLAR = str(AnnotationKind.PILLAR)


class ArticleTally:
    """Every live (not rejected) tag of one article by id, with counts per (kind, label, status)."""

    def __init__(self, article_id: int, tags: dict[int, TagState]) -> None:
        self.article_id = article_id
        self.tags = tags
        self.counts: Counter[TagState] = Counter(tags.values())

    @classmethod
    def read(cls, db: Database, article_id: int) -> ArticleTally:
        """The article's live tags as the database holds them now (one small-column query)."""
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, kind, label, status FROM annotation "
                                     "WHERE article_id = :article AND status != :rejected"),
                                {"article": article_id, "rejected": _REJECTED}).all()
        return cls(article_id, {int(i): (str(k), str(label), str(s)) for i, k, label, s in rows})

    def _put(self, tag_id: int, state: TagState | None) -> None:
        old = self.tags.pop(tag_id, None)
        if old is not None:
            self.counts[old] -= 1
            if not self.counts[old]:
                del self.counts[old]
        if state is not None and state[2] != _REJECTED:
            self.tags[tag_id] = state
            self.counts[state] += 1

    def follow(self, changes: ChangeSet, backwards: bool) -> bool:
        """Take the state each tag of this article is in after ``changes`` (or their undo).

        Returns False when the change set cannot be followed (a bulk status change of a tag this
        tally does not hold): the caller reads the tally again.
        """
        pairs = reversed(changes.annotations) if backwards else changes.annotations
        # Undo ends in each tag's first *before*, redo in its last *after* (as ChangeService writes).
        final: dict[int, Any] = {}
        for before, after in pairs:
            ref = after if after is not None else before
            if ref.article_id == self.article_id:
                final[int(ref.id)] = before if backwards else after
        for tag_id, snap in final.items():
            self._put(tag_id, None if snap is None else (str(snap.kind), str(snap.label), str(snap.status)))
        for bulk in changes.bulk:
            if bulk.article_id != self.article_id:
                continue
            for tag_id, status in bulk.statuses(backwards).items():
                old = self.tags.get(tag_id)
                if old is None:
                    return False
                self._put(tag_id, (old[0], old[1], str(status)))
        return True

    # -- the figures ---------------------------------------------------------------------------
    def entity_count(self) -> int:
        """Entity mentions (rejected ones not counted), as the library's Entities column."""
        return sum(n for (kind, _l, _s), n in self.counts.items() if kind == _ENTITY)

    def pillar_count(self) -> int:
        """Pillar passages tagged (not rejected)."""
        return sum(n for (kind, _l, _s), n in self.counts.items() if kind == _PILLAR)

    def pillar_ids(self) -> tuple[str, ...]:
        """The distinct pillars tagged, sorted (the library row's pillars)."""
        return tuple(sorted({label for kind, label, _s in self.counts if kind == _PILLAR}))

    def open_counts(self, visibility: Visibility | None, article_status: str) -> OpenCounts:
        """Open suggestions by kind, by the one rule (none once the article is reviewed)."""
        entity = pillar = 0
        for (kind, label, status), n in self.counts.items():
            if counts_as_open(kind, label, status, article_status, visibility):
                if kind == _PILLAR:
                    pillar += n
                else:
                    entity += n
        return OpenCounts(entity, pillar)
