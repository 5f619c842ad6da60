"""Annotations: the officer's edits to entity and pillar tags, with provenance kept.

Every method commits before returning, so anything the GUI shows as done is
on disk. Methods return plain snapshots the undo stack can hand back to
:meth:`AnnotationService.restore`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, update
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from briefing_app.domain.models import (
    Annotation,
    AnnotationKind,
    AnnotationOrigin,
    AnnotationStatus,
    Article,
    LessonAction,
    Pillar,
    utcnow,
)
from briefing_app.nlp.labels import label_name
from briefing_app.nlp.types import ALL_LABELS
from briefing_app.services.bulk_status import set_status
from briefing_app.services.changes import ChangeSet, RowSnapshot, move_to_review, table_of
from briefing_app.services.desk import WHAT, remember
from briefing_app.services.entity_ids import resolve_entity_id
from briefing_app.services.lessons import LessonService
from briefing_app.services.open_suggestions import OpenCounts, Visibility, open_suggestions
from briefing_app.storage.database import Database
from briefing_app.storage.errors import StaleEdit
from briefing_app.storage.sql import instr


class AnnotationConflict(ValueError):
    """An edit that would break the annotation invariants (overlap, empty span, bad label)."""


def original_of(ann: Annotation | RowSnapshot) -> dict[str, Any]:
    """The suggestion as first made; kept in ``original`` the first time it is edited (provenance)."""
    return {"label": ann.label, "start": ann.start, "end": ann.end, "status": str(ann.status),
            "origin": str(ann.origin)}


class AnnotationService:
    """Read and edit annotations of articles."""

    def __init__(self, db: Database, pillar_ids: tuple[str, ...] = ()) -> None:
        self.db = db
        self.pillar_ids = pillar_ids
        self.lessons = LessonService(db)

    # -- reading -------------------------------------------------------------------------------
    def for_article(self, article_id: int, include_rejected: bool = False) -> list[Annotation]:
        """Annotations of one article ordered by position."""
        with self.db.session() as session:
            query = select(Annotation).where(Annotation.article_id == article_id)
            if not include_rejected:
                query = query.where(Annotation.status != AnnotationStatus.REJECTED)
            return list(session.exec(query.order_by(col(Annotation.start), col(Annotation.end))).all())

    def rows_for_article(self, article_id: int) -> list[Any]:
        """Read-only rows (same attribute names as :class:`Annotation`) for drawing an article.

        A Core query without ORM instances: about ten times cheaper than
        :meth:`for_article`, which matters for reports with thousands of tags.
        """
        table = Annotation.__table__  # type: ignore[attr-defined]
        c = table.c
        # Only what drawing needs: converting timestamps alone costs more than the query.
        query = (
            sa_select(c.id, c.kind, c.start, c.end, c.label, c.text, c.entity_id, c.role, c.origin,
                      c.status, c.confidence, c.why)
            .where(table.c.article_id == article_id, table.c.status != AnnotationStatus.REJECTED)
            .order_by(table.c.start, table.c.end)
        )
        with self.db.engine.connect() as conn:
            return list(conn.execute(query).all())

    def get(self, annotation_id: int) -> Annotation | None:
        """One annotation or None."""
        with self.db.session() as session:
            return session.get(Annotation, annotation_id)

    # -- validation ----------------------------------------------------------------------------
    def _check_span(self, conn: Connection, article_id: int, length: int, kind: str, start: int, end: int,
                    label: str, ignore_id: int | None = None) -> None:
        """Refuse an empty or out-of-range span, an unknown label, or an overlap with a live tag."""
        if not 0 <= start < end <= length:
            raise AnnotationConflict("Select some text first: the span is empty or outside the article.")
        if kind == AnnotationKind.ENTITY and label not in ALL_LABELS:
            raise AnnotationConflict(f"Unknown entity label {label!r}.")
        if kind == AnnotationKind.PILLAR and self.pillar_ids and label not in self.pillar_ids:
            raise AnnotationConflict(f"Unknown pillar {label!r}.")
        # The first clash only, three columns (no ORM objects): a long report has thousands of tags.
        c = table_of(Annotation).c
        query = sa_select(c.text, c.label).where(
            c.article_id == article_id, c.kind == kind, c.status != AnnotationStatus.REJECTED,
            c.start < end, c.end > start)
        if kind == AnnotationKind.PILLAR:
            query = query.where(c.label == label)
        if ignore_id is not None:
            query = query.where(c.id != ignore_id)
        clash = conn.execute(query.limit(1)).first()
        if clash is not None:
            if kind == AnnotationKind.ENTITY:
                what = f"“{clash.text}” ({label_name(clash.label)})"
            else:  # the pillar by its name, read on this connection (it may hold the write lock)
                p = table_of(Pillar).c
                name = conn.execute(sa_select(p.name).where(p.id == label)).scalar()
                what = f"a {name or label} passage"
            raise AnnotationConflict(f"That overlaps {what}; change or remove it first.")

    def _overlapping(self, article_id: int, kind: str, start: int, end: int, label: str) -> list[Annotation]:
        """Live (not rejected) annotations of ``kind`` overlapping ``[start, end)``; pillars only of ``label``."""
        with self.db.session() as session:
            query = select(Annotation).where(
                Annotation.article_id == article_id, Annotation.kind == kind,
                Annotation.status != AnnotationStatus.REJECTED, col(Annotation.start) < end, col(Annotation.end) > start,
            )
            if kind == AnnotationKind.PILLAR:
                query = query.where(Annotation.label == label)
            return list(session.exec(query).all())

    # -- edits ---------------------------------------------------------------------------------
    def add(self, article_id: int, kind: str, start: int, end: int, label: str,
            entity_id: str = "", role: str = "") -> RowSnapshot:
        """Add a user annotation (accepted at once)."""
        with self.db.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise KeyError(article_id)
        with self.db.engine.connect() as conn:
            self._check_span(conn, article_id, len(article.text), kind, start, end, label)
        surface = article.text[start:end]
        with self.db.session() as session:
            if kind == AnnotationKind.ENTITY and not entity_id:
                entity_id = resolve_entity_id(session, label, surface)
            ann = Annotation(
                article_id=article_id, kind=AnnotationKind(kind), start=start, end=end, label=label, text=surface,
                entity_id=entity_id, role=role, origin=AnnotationOrigin.USER, status=AnnotationStatus.ACCEPTED,
                confidence=1.0, created_by="officer",
            )
            session.add(ann)
            session.commit()
            session.refresh(ann)
            return RowSnapshot.of(ann)

    def update(self, annotation_id: int, *, then: Callable[[Session, RowSnapshot, RowSnapshot], None] | None = None,
               **changes: Any) -> tuple[RowSnapshot, RowSnapshot]:
        """Change fields of an annotation; returns (before, after) snapshots.

        ``then(session, before, after)`` runs in the same transaction before it commits (the lesson
        a relabel teaches): one commit, so the edit and its lesson are saved or refused together.

        The first time a suggestion is edited its original values are kept in
        ``original`` so provenance survives any number of edits.

        One transaction of a few small statements (no ORM objects, the article's text never
        loaded): on a long report this is every accept and relabel. The desk rules of the ORM
        path (services/desk.py) hold: a tag another officer changed since this one saw it is
        refused, and the write is conditional on the version read.
        """
        allowed = {"label", "status", "entity_id", "role", "start", "end"}
        if set(changes) - allowed:
            raise ValueError(f"Cannot change {sorted(set(changes) - allowed)}")
        db = self.db
        with db.session() as session:
            conn = session.connection()
            table = table_of(Annotation)
            row = conn.execute(sa_select(table).where(table.c.id == annotation_id)).first()
            if row is None:
                raise KeyError(annotation_id)
            before = RowSnapshot.from_mapping(Annotation, row._mapping)
            key, version = (Annotation, annotation_id), int(before.version)
            seen = db.seen.setdefault(key, version)  # as an ORM read of the row remembers it
            if seen < version and before.changed_by != db.officer:
                db.seen[key] = version  # refused once: the view now reads (and shows) their version
                raise StaleEdit(WHAT[Annotation], before.changed_by, before.changed_at)
            new_start, new_end = changes.get("start", before.start), changes.get("end", before.end)
            new_label = changes.get("label", before.label)
            article = table_of(Article)
            length, surface = conn.execute(
                sa_select(func.length(article.c.text), func.substr(article.c.text, new_start + 1,
                                                                   max(new_end - new_start, 0)))
                .where(article.c.id == before.article_id)).one()
            if changes.get("status", before.status) != AnnotationStatus.REJECTED and (
                "label" in changes or "start" in changes or "end" in changes or changes.get("status")
            ):
                self._check_span(conn, before.article_id, length, before.kind, new_start, new_end, new_label,
                                 ignore_id=annotation_id)
            values: dict[str, Any] = dict(changes)
            if not before.original and before.origin != AnnotationOrigin.USER:
                values["original"] = original_of(before)
            values["text"] = surface if 0 <= new_start < new_end else ""
            if ("label" in changes or "start" in changes or "end" in changes) \
                    and before.kind == AnnotationKind.ENTITY and not changes.get("entity_id"):
                values["entity_id"] = resolve_entity_id(session, new_label, values["text"])
            now = utcnow()
            values.update(updated_at=now, changed_by=db.officer, changed_at=now)
            result = conn.execute(update(table).where(table.c.id == annotation_id, table.c.version == version)
                                  .values(version=version + 1, **values))
            if result.rowcount == 0:  # written by someone else between the read and this write
                raise StaleEdit(WHAT[Annotation])
            if "status" in values:  # the snapshot holds what the ORM would read back
                values["status"] = AnnotationStatus(values["status"])
            after = before.replace(version=version + 1, **values)
            if then is not None:
                then(session, before, after)
            session.commit()
        db.seen[key] = version + 1  # this officer's own write is the version they have seen
        db.verdicts_moved()  # (accepted, relabelled or resized: a tag the officer stands behind)
        return before, after

    def remove(self, annotation_id: int) -> RowSnapshot:
        """Delete a user-made annotation outright, or mark a suggestion rejected.

        Rejected suggestions stay in the database so the tagger learns not to
        suggest them again. Returns the snapshot before the change.
        """
        with self.db.session() as session:
            ann = session.get(Annotation, annotation_id)
            if ann is None:
                raise KeyError(annotation_id)
            before = RowSnapshot.of(ann)
            if ann.origin == AnnotationOrigin.USER:
                session.delete(ann)
            else:
                if not ann.original:
                    ann.original = original_of(ann)
                ann.status = AnnotationStatus.REJECTED
                ann.updated_at = utcnow()
                session.add(ann)
            session.commit()
        self.db.verdicts_moved()
        return before

    def delete_row(self, annotation_id: int) -> None:
        """Remove the row entirely (undo of an add)."""
        with self.db.session() as session:
            ann = session.get(Annotation, annotation_id)
            if ann is not None:
                session.delete(ann)
                session.commit()

    # -- review edits returning change sets (undoable through ChangeService) -------------------
    def _pillar_word(self, pillar_id: str) -> str:
        """A pillar as the officer reads it in undo steps and messages ("Security", not its id "security")."""
        with self.db.session() as session:
            pillar = session.get(Pillar, pillar_id)
        return pillar.name if pillar is not None else pillar_id

    def add_change(self, article_id: int, kind: str, start: int, end: int, label: str) -> ChangeSet:
        """Add a user entity or pillar passage; raises AnnotationConflict on overlap/empty span."""
        after = self.add(article_id, kind, start, end, label)
        what = (f"“{_short(after.text)}” as {label_name(label)}" if kind == AnnotationKind.ENTITY
                else f"passage as {self._pillar_word(label)}")
        changes = ChangeSet(f"Add {what}", annotations=[(None, after)])
        action = LessonAction.ADD if kind == AnnotationKind.ENTITY else LessonAction.PILLAR_ADD
        changes.extend(self.lessons.record(action, after.text, label, article_id=article_id, span=(start, end)))
        return changes

    def accept(self, annotation_ids: list[int]) -> ChangeSet:
        """Accept suggestions as they are."""
        changes = ChangeSet("Accept")
        for annotation_id in annotation_ids:
            before, after = self.update(annotation_id, status=AnnotationStatus.ACCEPTED)
            if before != after:
                changes.annotations.append((before, after))
        if len(changes.annotations) == 1:
            changes.description = f"Accept “{_short(changes.annotations[0][1].text)}”"
        return changes

    def reject(self, annotation_ids: list[int], learn: bool = True) -> ChangeSet:
        """Reject suggestions (kept as *rejected*); user-made tags are deleted.

        Each distinct surface (or passage) and label removed is one lesson, unless ``learn`` is False
        (the removal is part of another correction that records its own lesson).
        """
        changes = ChangeSet("Remove")
        taught: set[tuple[str, str, str]] = set()
        for annotation_id in annotation_ids:
            before = self.remove(annotation_id)
            changes.annotations.append((before, self._snapshot(annotation_id)))
            action = LessonAction.REJECT if before.kind == AnnotationKind.ENTITY else LessonAction.PILLAR_REMOVE
            key = (action.value, before.text, before.label)
            if learn and before.status != AnnotationStatus.REJECTED and key not in taught:
                taught.add(key)
                changes.extend(self.lessons.record(action, before.text, before.label, article_id=before.article_id,
                                                   span=(before.start, before.end)))
        if len(changes.annotations) == 1:
            changes.description = f"Remove “{_short(changes.annotations[0][0].text)}”"
        return changes

    def relabel(self, annotation_id: int, label: str) -> ChangeSet:
        """Give an entity (or pillar passage) another label; the result counts as accepted.

        The lesson is recorded in the relabel's own transaction (one commit for both).
        """
        learned = ChangeSet()

        def learn(session: Session, before: RowSnapshot, after: RowSnapshot) -> None:
            if before.label != label:
                action = LessonAction.RELABEL if after.kind == AnnotationKind.ENTITY else LessonAction.PILLAR_ADD
                learned.extend(self.lessons.record(action, after.text, label, from_label=before.label,
                                                   article_id=after.article_id, span=(after.start, after.end),
                                                   session=session))

        before, after = self.update(annotation_id, then=learn, label=label, status=AnnotationStatus.ACCEPTED)
        changes = ChangeSet(f"Label “{_short(after.text)}” {label_name(label)}", annotations=[(before, after)])
        changes.extend(learned)
        return changes

    def change_boundary(self, annotation_id: int, start: int, end: int, label: str | None = None) -> ChangeSet:
        """Grow or shrink an entity tag to ``[start, end)`` in one action (accepted, optionally relabelled).

        Tags the new span swallows are removed as part of the same edit (no rejection is learned from
        them). Teaches the new boundary where its surface occurs, never a rejection of the old surface.
        """
        current = self.get(annotation_id)
        if current is None:
            raise KeyError(annotation_id)
        changes = ChangeSet()
        absorbed = [a.id for a in self._overlapping(current.article_id, current.kind, start, end, current.label)
                    if a.id is not None and a.id != annotation_id]
        if absorbed:
            changes.extend(self.reject(absorbed, learn=False))
        fields: dict[str, Any] = {"start": start, "end": end, "status": AnnotationStatus.ACCEPTED}
        if label is not None and label != current.label:
            fields["label"] = label
        before, after = self.update(annotation_id, **fields)
        changes.annotations.append((before, after))
        changes.description = f"Tag “{_short(after.text)}”"
        if (before.start, before.end, before.label) != (after.start, after.end, after.label):
            action = LessonAction.BOUNDARY if after.kind == AnnotationKind.ENTITY else LessonAction.PILLAR_ADD
            if action == LessonAction.BOUNDARY and (before.start, before.end) == (after.start, after.end):
                action = LessonAction.RELABEL  # only the label changed
            changes.extend(self.lessons.record(action, after.text, after.label, from_text=before.text,
                                               from_label=before.label, article_id=after.article_id,
                                               span=(after.start, after.end)))
        return changes

    def toggle_pillar(self, article_id: int, start: int, end: int, pillar_id: str) -> ChangeSet:
        """Tag ``[start, end)`` with a pillar, or untag it when that exact passage already has it."""
        with self.db.session() as session:
            existing = session.exec(select(Annotation).where(
                Annotation.article_id == article_id, Annotation.kind == AnnotationKind.PILLAR,
                Annotation.label == pillar_id, Annotation.start == start, Annotation.end == end,
            )).first()
        if existing is not None and existing.id is not None:
            if existing.status == AnnotationStatus.REJECTED:
                before, after = self.update(existing.id, status=AnnotationStatus.ACCEPTED)
                changes = ChangeSet(f"Tag passage {self._pillar_word(pillar_id)}", annotations=[(before, after)])
                changes.extend(self._learn_pillar(article_id, start, end, pillar_id))
                return changes
            changes = self.reject([existing.id])
            changes.description = f"Untag passage {self._pillar_word(pillar_id)}"
            return changes
        overlapping = self._overlapping(article_id, AnnotationKind.PILLAR, start, end, pillar_id)
        reviewed = [a for a in overlapping if a.status == AnnotationStatus.ACCEPTED]
        if reviewed:
            raise AnnotationConflict(
                f"That is inside a {self._pillar_word(pillar_id)} passage you already tagged (“{_short(reviewed[0].text)}”); "
                f"select that whole passage and press the same key to untag it first.")
        if len(overlapping) == 1 and overlapping[0].start <= start and end <= overlapping[0].end:
            # a phrase inside a suggested passage of that pillar: the officer confirms the suggestion
            assert overlapping[0].id is not None
            changes = self.accept([overlapping[0].id])
            changes.description = f"Accept passage as {self._pillar_word(pillar_id)}"
            changes.extend(self._learn_pillar(article_id, overlapping[0].start, overlapping[0].end, pillar_id))
            return changes
        if overlapping:
            # the officer draws the passage differently: their span replaces the suggestions it overlaps
            changes = self.reject([a.id for a in overlapping if a.id is not None], learn=False)
            changes.extend(self.add_change(article_id, AnnotationKind.PILLAR, start, end, pillar_id))
            changes.description = f"Re-tag passage as {self._pillar_word(pillar_id)}"
            return changes
        return self.add_change(article_id, AnnotationKind.PILLAR, start, end, pillar_id)

    def _learn_pillar(self, article_id: int, start: int, end: int, pillar_id: str) -> ChangeSet:
        """One "tagged with this pillar" lesson for the passage ``[start, end)``."""
        with self.db.session() as session:
            article = session.get(Article, article_id)
        if article is None:
            return ChangeSet()
        return self.lessons.record(LessonAction.PILLAR_ADD, article.text[start:end], pillar_id,
                                   article_id=article_id, span=(start, end))

    def occurrences(self, surface: str, article_id: int | None = None) -> list[tuple[int, int, int]]:
        """Whole-word, case-sensitive occurrences of ``surface`` as (article id, start, end).

        ``article_id`` None searches the whole library.
        """
        if not surface.strip():
            return []
        pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
        with self.db.session() as session:
            query = select(Article.id, Article.text)
            if article_id is not None:
                query = query.where(Article.id == article_id)
            else:
                query = query.where(instr(Article.text, surface) > 0)
            rows = session.exec(query).all()
        return [(aid, m.start(), m.end()) for aid, text in rows if aid is not None
                for m in pattern.finditer(text)]

    def apply_to_all(self, annotation_id: int, scope: str = "article", reject: bool = False) -> ChangeSet:
        """Apply an annotation's current label (or its rejection) to every occurrence of its text.

        ``scope`` is "article" or "library". Occurrences already tagged with the
        same span are relabelled/accepted (or rejected); untagged ones get a user
        tag; occurrences overlapping a *different* span are left alone and
        counted in ``skipped``.
        """
        source = self.get(annotation_id)
        if source is None:
            raise KeyError(annotation_id)
        label = source.label
        where = "article" if scope == "article" else "library"
        verb = "Remove" if reject else f"Label {label_name(label)}"
        changes = ChangeSet(f"{verb}: all “{_short(source.text)}” in {where}")
        spans = self.occurrences(source.text, source.article_id if scope == "article" else None)
        by_article: dict[int, list[Annotation]] = {}
        for article_id in sorted({a for a, _, _ in spans}):
            by_article[article_id] = self.for_article(article_id, include_rejected=True)
        for article_id, start, end in spans:
            rows = [a for a in by_article[article_id] if a.kind == source.kind and a.start < end and a.end > start
                    and (source.kind == AnnotationKind.ENTITY or a.label == label)]
            exact = [a for a in rows if a.start == start and a.end == end]
            live = [a for a in rows if a.status != AnnotationStatus.REJECTED]
            try:
                if reject:
                    for ann in exact:
                        if ann.status != AnnotationStatus.REJECTED and ann.id is not None:
                            changes.extend(self.reject([ann.id], learn=False))
                    continue
                if exact and not [a for a in live if a not in exact]:
                    ann = next((a for a in exact if a.status != AnnotationStatus.REJECTED), exact[0])
                    assert ann.id is not None
                    if ann.label != label or ann.status != AnnotationStatus.ACCEPTED:
                        before, after = self.update(ann.id, label=label, status=AnnotationStatus.ACCEPTED)
                        changes.annotations.append((before, after))
                elif not live:
                    changes.annotations.append((None, self.add(article_id, source.kind, start, end, label)))
                else:
                    changes.skipped += 1
            except AnnotationConflict:
                changes.skipped += 1
        # the whole edit is one correction: one lesson
        if source.kind == AnnotationKind.ENTITY:
            action = LessonAction.REJECT if reject else LessonAction.ADD
        else:
            action = LessonAction.PILLAR_REMOVE if reject else LessonAction.PILLAR_ADD
        changes.extend(self.lessons.record(action, source.text, label, article_id=source.article_id,
                                           span=(source.start, source.end)))
        return changes

    def accept_all_remaining(self, article_id: int) -> ChangeSet:
        """Accept every open suggestion of an article in one transaction.

        One set-based UPDATE however many suggestions there are (3,000 in a long report); the
        change set keeps the ids and the few columns the edit changed, not a snapshot of each row
        (services/bulk_status), so neither the edit nor its undo pays per-row work.
        """
        changes = ChangeSet("Accept all remaining suggestions")
        written: dict[tuple[Any, Any], int] = {}
        with self.db.engine.begin() as conn:
            bulk = set_status(conn, self.db.officer, article_id, AnnotationStatus.SUGGESTED, AnnotationStatus.ACCEPTED)
            if bulk is not None:
                # The review starts in the same transaction (one commit: ChangeService.mark_in_review
                # then has nothing left to do).
                changes.statuses += move_to_review(conn, [article_id], self.db.officer, written)
        if bulk is not None:
            changes.bulk.append(bulk)
            written.update({(Annotation, i): g.version + 1 for g in bulk.groups for i in g.ids})
            remember(self.db, written)
            self.db.verdicts_moved()
        return changes

    def open_counts(self, article_id: int, visibility: Visibility | None = None) -> dict[str, int]:
        """Open suggestions of an article (the one rule: services/open_suggestions)."""
        with self.db.engine.connect() as conn:
            counts = open_suggestions(conn, [article_id], visibility).get(article_id, OpenCounts())
        return counts.as_dict()

    def _snapshot(self, annotation_id: int) -> RowSnapshot | None:
        ann = self.get(annotation_id)
        return RowSnapshot.of(ann) if ann is not None else None


#: One word (or one punctuation mark) with the spaces before it, never across a line break.
_WORD = r"(?:[\w’'&-]+(?:\.[\w’'&-]+)*|[^\w\s])"  # "U.S", "India–Japan", "Ocean", or "."
_NEXT_WORD = re.compile(r"[ \t]*" + _WORD)
_LAST_WORD = re.compile(_WORD + r"[ \t]*$")


def step_boundary(text: str, start: int, end: int, edge: str, grow: bool) -> tuple[int, int]:
    """``[start, end)`` with its ``edge`` ("start" or "end") moved by one word outward (``grow``) or inward.

    A tag never shrinks below one word nor grows across a line break; the span is returned
    unchanged when it cannot move.
    """
    if edge == "end" and grow:
        m = _NEXT_WORD.match(text, end)
        return (start, m.end()) if m else (start, end)
    if edge == "end":
        m = _LAST_WORD.search(text, start, end)
        new_end = len(text[:m.start()].rstrip()) if m else end
        return (start, new_end) if m and new_end > start else (start, end)
    if grow:
        m = _LAST_WORD.search(text, max(0, start - 200), start)
        return (m.start(), end) if m else (start, end)
    m = _NEXT_WORD.match(text, start, end)
    if m is None:
        return start, end
    new_start = m.end() + (len(text[m.end():end]) - len(text[m.end():end].lstrip()))
    return (new_start, end) if new_start < end else (start, end)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
