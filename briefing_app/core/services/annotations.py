"""Annotations: the officer's edits to entity and pillar tags, with provenance kept.

Every method commits before returning, so anything the GUI shows as done is
on disk. Methods return plain snapshots the undo stack can hand back to
:meth:`AnnotationService.restore`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlmodel import col, select

from briefing_app.core.models import Annotation, Article, utcnow
from briefing_app.nlp.types import ALL_LABELS
from briefing_app.storage.database import Database


class AnnotationConflict(ValueError):
    """An edit that would break the annotation invariants (overlap, empty span, bad label)."""


@dataclass(slots=True)
class AnnotationSnapshot:
    """All fields of one annotation row, for undo/redo."""

    id: int
    article_id: int
    kind: str
    start: int
    end: int
    label: str
    text: str
    entity_id: str
    role: str
    origin: str
    status: str
    confidence: float
    why: str
    original: str
    created_by: str

    @classmethod
    def of(cls, ann: Annotation) -> AnnotationSnapshot:
        """Snapshot a row."""
        assert ann.id is not None
        return cls(
            id=ann.id, article_id=ann.article_id, kind=ann.kind, start=ann.start, end=ann.end,
            label=ann.label, text=ann.text, entity_id=ann.entity_id, role=ann.role, origin=ann.origin,
            status=ann.status, confidence=ann.confidence, why=ann.why, original=ann.original,
            created_by=ann.created_by,
        )


def entity_key(label: str, name: str) -> str:
    """Canonical key of an entity the officer created."""
    return f"{label}:{' '.join(name.casefold().split())}"


class AnnotationService:
    """Read and edit annotations of articles."""

    def __init__(self, db: Database, pillar_ids: tuple[str, ...] = ()) -> None:
        self.db = db
        self.pillar_ids = pillar_ids

    # -- reading -------------------------------------------------------------------------------
    def for_article(self, article_id: int, include_rejected: bool = False) -> list[Annotation]:
        """Annotations of one article ordered by position."""
        with self.db.session() as session:
            query = select(Annotation).where(Annotation.article_id == article_id)
            if not include_rejected:
                query = query.where(Annotation.status != "rejected")
            return list(session.exec(query.order_by(col(Annotation.start), col(Annotation.end))).all())

    def get(self, annotation_id: int) -> Annotation | None:
        """One annotation or None."""
        with self.db.session() as session:
            return session.get(Annotation, annotation_id)

    # -- validation ----------------------------------------------------------------------------
    def _check_span(self, article: Article, kind: str, start: int, end: int, label: str,
                    ignore_id: int | None = None) -> None:
        if not 0 <= start < end <= len(article.text):
            raise AnnotationConflict("Select some text first: the span is empty or outside the article.")
        if kind == "entity" and label not in ALL_LABELS:
            raise AnnotationConflict(f"Unknown entity label {label!r}.")
        if kind == "pillar" and self.pillar_ids and label not in self.pillar_ids:
            raise AnnotationConflict(f"Unknown pillar {label!r}.")
        with self.db.session() as session:
            query = select(Annotation).where(
                Annotation.article_id == article.id, Annotation.kind == kind,
                Annotation.status != "rejected", col(Annotation.start) < end, col(Annotation.end) > start,
            )
            if kind == "pillar":
                query = query.where(Annotation.label == label)
            clash = [a for a in session.exec(query).all() if a.id != ignore_id]
        if clash:
            other = clash[0]
            what = f"“{other.text}” ({other.label})" if kind == "entity" else f"a {label} passage"
            raise AnnotationConflict(f"That overlaps {what}; change or remove it first.")

    # -- edits ---------------------------------------------------------------------------------
    def add(self, article_id: int, kind: str, start: int, end: int, label: str,
            entity_id: str = "", role: str = "") -> AnnotationSnapshot:
        """Add a user annotation (accepted at once)."""
        with self.db.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise KeyError(article_id)
        self._check_span(article, kind, start, end, label)
        surface = article.text[start:end]
        ann = Annotation(
            article_id=article_id, kind=kind, start=start, end=end, label=label, text=surface,
            entity_id=entity_id or (entity_key(label, surface) if kind == "entity" else ""),
            role=role, origin="user", status="accepted", confidence=1.0, created_by="officer",
        )
        with self.db.session() as session:
            session.add(ann)
            session.commit()
            session.refresh(ann)
            return AnnotationSnapshot.of(ann)

    def update(self, annotation_id: int, **changes: Any) -> tuple[AnnotationSnapshot, AnnotationSnapshot]:
        """Change fields of an annotation; returns (before, after) snapshots.

        The first time a suggestion is edited its original values are kept in
        ``original`` so provenance survives any number of edits.
        """
        allowed = {"label", "status", "entity_id", "role", "start", "end"}
        if set(changes) - allowed:
            raise ValueError(f"Cannot change {sorted(set(changes) - allowed)}")
        with self.db.session() as session:
            ann = session.get(Annotation, annotation_id)
            if ann is None:
                raise KeyError(annotation_id)
            before = AnnotationSnapshot.of(ann)
            article = session.get(Article, ann.article_id)
            assert article is not None
        new_start, new_end = changes.get("start", ann.start), changes.get("end", ann.end)
        new_label = changes.get("label", ann.label)
        if changes.get("status", ann.status) != "rejected" and (
            "label" in changes or "start" in changes or "end" in changes or changes.get("status")
        ):
            self._check_span(article, ann.kind, new_start, new_end, new_label, ignore_id=annotation_id)
        with self.db.session() as session:
            ann = session.get(Annotation, annotation_id)
            assert ann is not None
            if not ann.original and ann.origin != "user":
                ann.original = json.dumps({"label": ann.label, "start": ann.start, "end": ann.end,
                                           "status": ann.status, "origin": ann.origin})
            for name, value in changes.items():
                setattr(ann, name, value)
            ann.text = article.text[ann.start:ann.end]
            if "label" in changes and ann.kind == "entity" and not changes.get("entity_id"):
                ann.entity_id = entity_key(ann.label, ann.text)
            ann.updated_at = utcnow()
            session.add(ann)
            session.commit()
            session.refresh(ann)
            return before, AnnotationSnapshot.of(ann)

    def remove(self, annotation_id: int) -> AnnotationSnapshot:
        """Delete a user-made annotation outright, or mark a suggestion rejected.

        Rejected suggestions stay in the database so the tagger learns not to
        suggest them again. Returns the snapshot before the change.
        """
        with self.db.session() as session:
            ann = session.get(Annotation, annotation_id)
            if ann is None:
                raise KeyError(annotation_id)
            before = AnnotationSnapshot.of(ann)
            if ann.origin == "user":
                session.delete(ann)
            else:
                if not ann.original:
                    ann.original = json.dumps({"label": ann.label, "start": ann.start, "end": ann.end,
                                               "status": ann.status, "origin": ann.origin})
                ann.status = "rejected"
                ann.updated_at = utcnow()
                session.add(ann)
            session.commit()
            return before

    def restore(self, snapshot: AnnotationSnapshot) -> None:
        """Put an annotation back exactly as snapshotted (undo); recreates deleted rows."""
        with self.db.session() as session:
            ann = session.get(Annotation, snapshot.id)
            values = asdict(snapshot)
            if ann is None:
                ann = Annotation(**values)
            else:
                for name, value in values.items():
                    setattr(ann, name, value)
            ann.updated_at = utcnow()
            session.add(ann)
            session.commit()

    def delete_row(self, annotation_id: int) -> None:
        """Remove the row entirely (undo of an add)."""
        with self.db.session() as session:
            ann = session.get(Annotation, annotation_id)
            if ann is not None:
                session.delete(ann)
                session.commit()
