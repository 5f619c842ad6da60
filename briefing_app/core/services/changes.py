"""Change sets: what one review edit did to the database, so it can be undone and redone exactly.

Each service edit returns a :class:`ChangeSet` of (before, after) row
snapshots; ``None`` on one side means the row did not exist. Undo writes every
*before* back (deleting rows that did not exist), redo writes every *after*,
each in one transaction, so a bulk edit is undone all or nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from briefing_app.core.models import Annotation, Article, CanonicalEntity, Lesson, Note, utcnow
from briefing_app.storage.database import Database


@dataclass(slots=True)
class NoteSnapshot:
    """All fields of one note row."""

    id: int
    article_id: int
    start: int
    end: int
    body: str
    annotation_id: int | None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @classmethod
    def of(cls, note: Note) -> NoteSnapshot:
        """Snapshot a row."""
        assert note.id is not None
        return cls(id=note.id, article_id=note.article_id, start=note.start, end=note.end, body=note.body,
                   annotation_id=note.annotation_id, created_at=note.created_at, updated_at=note.updated_at)


@dataclass(slots=True)
class EntitySnapshot:
    """All fields of one canonical entity row."""

    key: str
    name: str
    label: str
    role: str
    aliases: str
    updated_at: datetime | None = None

    @classmethod
    def of(cls, entity: CanonicalEntity) -> EntitySnapshot:
        """Snapshot a row."""
        return cls(key=entity.key, name=entity.name, label=entity.label, role=entity.role,
                   aliases=entity.aliases, updated_at=entity.updated_at)


@dataclass(slots=True)
class LessonSnapshot:
    """All fields of one lesson row."""

    id: int
    action: str
    text: str
    label: str
    from_label: str
    from_text: str
    canonical: str
    entity_key: str
    context: str
    left: str
    right: str
    article_id: int | None
    superseded_by: int | None
    withdrawn: bool
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @classmethod
    def of(cls, lesson: Lesson) -> LessonSnapshot:
        """Snapshot a row."""
        assert lesson.id is not None
        return cls(id=lesson.id, action=lesson.action, text=lesson.text, label=lesson.label,
                   from_label=lesson.from_label, from_text=lesson.from_text, canonical=lesson.canonical,
                   entity_key=lesson.entity_key, context=lesson.context, left=lesson.left, right=lesson.right,
                   article_id=lesson.article_id, superseded_by=lesson.superseded_by, withdrawn=lesson.withdrawn,
                   created_at=lesson.created_at, updated_at=lesson.updated_at)


Pair = tuple[Any, Any]


@dataclass(slots=True)
class ChangeSet:
    """Before/after snapshots of every row one edit touched."""

    description: str = ""
    annotations: list[Pair] = field(default_factory=list)  # AnnotationSnapshot | None
    notes: list[Pair] = field(default_factory=list)  # NoteSnapshot | None
    entities: list[Pair] = field(default_factory=list)  # EntitySnapshot | None
    statuses: list[tuple[int, str, str]] = field(default_factory=list)  # article id, before, after
    skipped: int = 0  # occurrences a bulk edit left alone (overlaps)
    lessons: list[Pair] = field(default_factory=list)  # LessonSnapshot | None: what the edit taught

    def __bool__(self) -> bool:
        return bool(self.annotations or self.notes or self.entities or self.statuses or self.lessons)

    def article_ids(self) -> set[int]:
        """Articles whose rows changed."""
        ids = {s.article_id for pair in self.annotations + self.notes for s in pair if s is not None}
        return ids | {a for a, _, _ in self.statuses}

    def extend(self, other: ChangeSet) -> None:
        """Append another change set's rows (for compound edits)."""
        self.annotations += other.annotations
        self.notes += other.notes
        self.entities += other.entities
        self.statuses += other.statuses
        self.skipped += other.skipped
        self.lessons += other.lessons


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
        def pick(pair: Pair) -> tuple[Any, Any]:
            return (pair[1], pair[0]) if backwards else (pair[0], pair[1])

        with self.db.session() as session:
            for model, pairs, key in ((Annotation, changes.annotations, "id"), (Note, changes.notes, "id"),
                                      (CanonicalEntity, changes.entities, "key"), (Lesson, changes.lessons, "id")):
                # Undo walks the pairs in reverse so a row touched twice ends in its first state.
                for pair in (reversed(pairs) if backwards else pairs):
                    old, new = pick(pair)
                    if new is None:
                        row = session.get(model, getattr(old, key))
                        if row is not None:
                            session.delete(row)
                        continue
                    # Timestamps are restored too (undo is exact); a snapshot without them keeps defaults.
                    values = {k: v for k, v in asdict(new).items()
                              if v is not None or k not in ("created_at", "updated_at")}
                    if model is Lesson and values.get("article_id") is not None \
                            and session.get(Article, values["article_id"]) is None:
                        values["article_id"] = None  # a lesson outlives its article
                    row = session.get(model, values[key])
                    if row is None:
                        row = model(**values)
                    else:
                        for name, value in values.items():
                            setattr(row, name, value)
                    session.add(row)
                session.flush()
            for article_id, before, after in (reversed(changes.statuses) if backwards else changes.statuses):
                article = session.get(Article, article_id)
                if article is not None:
                    article.status = before if backwards else after
                    session.add(article)
            session.commit()

    def mark_in_review(self, changes: ChangeSet) -> ChangeSet:
        """Move articles touched by ``changes`` from *new* to *in review* (recorded in the set)."""
        touched = changes.article_ids() - {a for a, _, _ in changes.statuses}
        if not touched:
            return changes
        with self.db.session() as session:
            for article_id in sorted(touched):
                article = session.get(Article, article_id)
                if article is not None and article.status == "new":
                    article.status = "in_review"
                    article.updated_at = utcnow()
                    session.add(article)
                    changes.statuses.append((article_id, "new", "in_review"))
            session.commit()
        return changes

    def set_status(self, article_id: int, status: str) -> ChangeSet:
        """Set an article's review status as an undoable change."""
        from briefing_app.core.services.articles import ArticleService

        before = ArticleService(self.db).set_status(article_id, status)
        label = status.replace("_", " ")
        return ChangeSet(f"Mark article {label}", statuses=[(article_id, before, status)] if before != status
                         else [])
