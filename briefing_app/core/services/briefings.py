"""Briefings: stored notes, their items, auto-drafting, and the export document model."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from briefing_app.core.identity import display_name, entity_key
from briefing_app.core.models import (
    Annotation,
    AnnotationKind,
    AnnotationStatus,
    Article,
    Briefing,
    BriefingItem,
    CanonicalEntity,
    Pillar,
    utcnow,
)
from briefing_app.core.services.changes import ChangeSet, RowSnapshot
from briefing_app.core.text import SENTENCE_END, sanitize_for_xml
from briefing_app.export import model as doc_model
from briefing_app.storage.database import Database

ACTOR_TYPES: dict[str, str] = {
    "PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Place", "FAC": "Place",
    "LAW": "Initiative", "EVENT": "Initiative",
}
# Actors first, the places they act in last: a reader looks for who, then what, then where.
# (NORP - "Australian", "Indian" - names no actor and is left out.)
ACTOR_RANK = {"Person": 0, "Organisation": 1, "Initiative": 2, "Place": 3}
#: When choosing which entities fill the key actors table, a mention of a person counts more than one of a place:
#: the table is about who acts; a place named as often as a minister is rarely the actor.
ACTOR_WEIGHT = {"Person": 2.0, "Organisation": 1.5, "Initiative": 1.25, "Place": 1.0}
BRIEFING_FIELDS = (
    "title", "subject", "to", "from_", "date", "reference", "classification", "caveat", "assessment",
)
DEFAULT_CLASSIFICATIONS = ("UNCLASSIFIED", "OFFICIAL", "RESTRICTED", "CONFIDENTIAL", "SECRET")


@dataclass(slots=True)
class DraftOptions:
    """How an auto-draft picks passages."""

    per_pillar: int = 4
    max_actors: int = 15


@dataclass(slots=True)
class BriefingSnapshot:
    """A whole briefing (header and items), for undoing its creation or deletion."""

    id: int
    fields: dict[str, str]
    items: list[RowSnapshot] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class CandidatePassage:
    """A pillar passage of an article that the officer may add to a briefing."""

    annotation_id: int
    article_id: int
    start: int
    end: int
    pillar_id: str
    text: str
    status: str
    confidence: float


_SNAPSHOT_FIELDS = (*BRIEFING_FIELDS, "summary", "next_steps")


def _with_closing_punctuation(text: str, end: int) -> int:
    """Extend a passage over the sentence end and closing quotes right after it (a quote keeps its full stop)."""
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    return end


_CLOSING = ".!?…”\")]»"


class BriefingService:
    """Create briefings, place passages in them, and build the exportable document."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- briefings -----------------------------------------------------------------------------
    def create(self, title: str = "Briefing note", **fields: str) -> Briefing:
        """A new empty briefing dated today."""
        briefing = Briefing(title=sanitize_for_xml(title),
                            date=sanitize_for_xml(fields.pop("date", date.today().isoformat())))
        for name, value in fields.items():
            setattr(briefing, name, sanitize_for_xml(value))
        with self.db.session() as session:
            session.add(briefing)
            session.commit()
            session.refresh(briefing)
            return briefing

    def get(self, briefing_id: int) -> Briefing | None:
        """One briefing or None."""
        with self.db.session() as session:
            return session.get(Briefing, briefing_id)

    def all(self) -> list[Briefing]:
        """All briefings, newest first."""
        with self.db.session() as session:
            return list(session.exec(select(Briefing).order_by(col(Briefing.updated_at).desc())).all())

    def update(self, briefing_id: int, **fields: object) -> Briefing:
        """Change header fields, or ``summary``/``next_steps`` given as lists of strings."""
        with self.db.session() as session:
            briefing = session.get(Briefing, briefing_id)
            if briefing is None:
                raise KeyError(briefing_id)
            for name, value in fields.items():
                # Control characters (pasted from PDFs, web pages) are dropped here so that
                # nothing stored can later make the export fail.
                if name in ("summary", "next_steps"):
                    values = [sanitize_for_xml(str(v)) for v in value]  # type: ignore[attr-defined]
                    setattr(briefing, name, values)
                elif name in BRIEFING_FIELDS:
                    setattr(briefing, name, sanitize_for_xml(str(value)))
                else:
                    raise ValueError(f"Not a briefing field: {name}")
            briefing.updated_at = utcnow()
            session.add(briefing)
            session.commit()
            return briefing

    def delete(self, briefing_id: int) -> None:
        """Delete a briefing and its items."""
        with self.db.session() as session:
            briefing = session.get(Briefing, briefing_id)
            if briefing is not None:
                session.delete(briefing)
                session.commit()

    # -- items ---------------------------------------------------------------------------------
    def items(self, briefing_id: int) -> list[BriefingItem]:
        """Items in section order then position."""
        with self.db.session() as session:
            return list(session.exec(
                select(BriefingItem).where(BriefingItem.briefing_id == briefing_id)
                .order_by(col(BriefingItem.position), col(BriefingItem.id))
            ).all())

    def add_item(self, briefing_id: int, article_id: int, start: int, end: int, pillar_id: str,
                 comment: str = "") -> BriefingItem:
        """Append a passage of an article to a pillar section."""
        with self.db.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise KeyError(article_id)
            if session.get(Briefing, briefing_id) is None:
                raise KeyError(briefing_id)
            if not 0 <= start < end <= len(article.text) or not article.text[start:end].strip():
                raise ValueError("Select a passage first.")
            if session.get(Pillar, pillar_id) is None:
                raise ValueError(f"Unknown pillar: {pillar_id}")
            end = _with_closing_punctuation(article.text, end)
            last = session.exec(
                select(BriefingItem.position).where(BriefingItem.briefing_id == briefing_id)
                .order_by(col(BriefingItem.position).desc())
            ).first()
            item = BriefingItem(
                briefing_id=briefing_id, article_id=article_id, start=start, end=end,
                text=article.text[start:end].strip(), pillar_id=pillar_id,
                position=(last + 1) if last is not None else 0, comment=comment,
            )
            session.add(item)
            self._touch(session, briefing_id)
            session.commit()
            session.refresh(item)
            return item

    def remove_item(self, item_id: int) -> None:
        """Take a passage out of its briefing."""
        with self.db.session() as session:
            item = session.get(BriefingItem, item_id)
            if item is not None:
                self._touch(session, item.briefing_id)
                session.delete(item)
                session.commit()

    def update_item(self, item_id: int, **fields: object) -> BriefingItem:
        """Change an item's comment, pillar (section) or position."""
        with self.db.session() as session:
            item = session.get(BriefingItem, item_id)
            if item is None:
                raise KeyError(item_id)
            for name, value in fields.items():
                if name not in ("comment", "pillar_id", "position"):
                    raise ValueError(f"Not an item field: {name}")
                setattr(item, name, sanitize_for_xml(value) if isinstance(value, str) else value)
            session.add(item)
            self._touch(session, item.briefing_id)
            session.commit()
            return item

    def reorder(self, briefing_id: int, ordered: list[tuple[int, str]]) -> None:
        """Set every item's (section, position) from ``[(item_id, pillar_id), ...]`` in order."""
        with self.db.session() as session:
            for position, (item_id, pillar_id) in enumerate(ordered):
                item = session.get(BriefingItem, item_id)
                if item is None or item.briefing_id != briefing_id:
                    continue
                item.position = position
                item.pillar_id = pillar_id
                session.add(item)
            self._touch(session, briefing_id)
            session.commit()

    def order(self, briefing_id: int) -> list[tuple[int, str]]:
        """``[(item_id, pillar_id), ...]`` in stored order (the argument :meth:`reorder` takes)."""
        return [(i.id, i.pillar_id) for i in self.items(briefing_id) if i.id is not None]

    # -- undoable edits (change sets for gui/undo.ChangeCommand) ---------------------------------
    def update_change(self, briefing_id: int, **fields: object) -> ChangeSet:
        """:meth:`update` as an undoable change (written once: the command's first redo only refreshes)."""
        before = self.get(briefing_id)
        if before is None:
            raise KeyError(briefing_id)
        snap = RowSnapshot.of(before)
        return ChangeSet("Edit briefing", rows=[(snap, RowSnapshot.of(self.update(briefing_id, **fields)))])

    @staticmethod
    def items_change(description: str, before: list[RowSnapshot], after: list[RowSnapshot]) -> ChangeSet:
        """The change from one state of a briefing's items to another (added, removed, moved, edited)."""
        old = {s.id: s for s in before}
        new = {s.id: s for s in after}
        pairs = [(old.get(i), new.get(i)) for i in sorted(old.keys() | new.keys()) if old.get(i) != new.get(i)]
        return ChangeSet(description, rows=pairs)

    def created_change(self, briefing_id: int, description: str) -> ChangeSet:
        """A briefing just created (empty or drafted) with its items, as an undoable change."""
        briefing = self.get(briefing_id)
        if briefing is None:
            raise KeyError(briefing_id)
        rows: list[tuple[RowSnapshot | None, RowSnapshot | None]] = [(None, RowSnapshot.of(briefing))]
        rows += [(None, item) for item in self.all_item_snapshots(briefing_id)]
        return ChangeSet(description, rows=rows)

    def delete_change(self, briefing_id: int) -> ChangeSet:
        """Delete a briefing and its items as an undoable change."""
        briefing = self.get(briefing_id)
        if briefing is None:
            raise KeyError(briefing_id)
        rows: list[tuple[RowSnapshot | None, RowSnapshot | None]] = [(RowSnapshot.of(briefing), None)]
        rows += [(item, None) for item in self.all_item_snapshots(briefing_id)]
        self.delete(briefing_id)
        return ChangeSet(f"Delete briefing “{briefing.title}”", rows=rows)

    # -- snapshots for undo ----------------------------------------------------------------------
    def item_snapshots(self, item_ids: list[int]) -> list[RowSnapshot]:
        """Snapshots of the given items (unknown ids skipped)."""
        with self.db.session() as session:
            rows = [session.get(BriefingItem, i) for i in item_ids]
            return [RowSnapshot.of(r) for r in rows if r is not None]

    def restore_items(self, snapshots: list[RowSnapshot]) -> None:
        """Put items back exactly as snapshotted (same ids, sections, positions, comments)."""
        with self.db.session() as session:
            self._upsert_items(session, snapshots)
            for briefing_id in {s.briefing_id for s in snapshots}:
                self._touch(session, briefing_id)
            session.commit()

    @staticmethod
    def _upsert_items(session: object, snapshots: list[RowSnapshot]) -> None:
        for snap in snapshots:
            existing = session.get(BriefingItem, snap.id)  # type: ignore[attr-defined]
            if existing is not None:
                for name, value in snap.values.items():
                    setattr(existing, name, value)
                session.add(existing)  # type: ignore[attr-defined]
            else:
                session.add(BriefingItem(**snap.values))  # type: ignore[attr-defined]

    def replace_items(self, briefing_id: int, snapshots: list[RowSnapshot]) -> None:
        """Make the briefing's items exactly ``snapshots`` (others deleted), in one transaction.

        This is the undo/redo of every item edit: add, remove, move, comment, auto-draft.
        """
        keep = {s.id for s in snapshots}
        with self.db.session() as session:
            for item in session.exec(select(BriefingItem).where(BriefingItem.briefing_id == briefing_id)).all():
                if item.id not in keep:
                    session.delete(item)
            session.flush()
            self._upsert_items(session, [s for s in snapshots if s.briefing_id == briefing_id])
            self._touch(session, briefing_id)
            session.commit()

    def all_item_snapshots(self, briefing_id: int) -> list[RowSnapshot]:
        """Snapshots of every item of a briefing, in order."""
        return [RowSnapshot.of(i) for i in self.items(briefing_id)]

    def snapshot(self, briefing_id: int) -> BriefingSnapshot:
        """The whole briefing, for undo."""
        briefing = self.get(briefing_id)
        if briefing is None:
            raise KeyError(briefing_id)
        return BriefingSnapshot(
            id=briefing_id, fields={name: getattr(briefing, name) for name in _SNAPSHOT_FIELDS},
            items=[RowSnapshot.of(i) for i in self.items(briefing_id)],
        )

    def restore(self, snapshot: BriefingSnapshot) -> Briefing:
        """Recreate a deleted briefing with its id, header and items."""
        with self.db.session() as session:
            briefing = session.get(Briefing, snapshot.id) or Briefing(id=snapshot.id)
            for name, value in snapshot.fields.items():
                setattr(briefing, name, value)
            briefing.updated_at = utcnow()
            session.add(briefing)
            session.commit()
        self.restore_items(snapshot.items)
        restored = self.get(snapshot.id)
        assert restored is not None
        return restored

    # -- passages the officer can add -----------------------------------------------------------
    def candidate_passages(self, article_ids: list[int]) -> list[CandidatePassage]:
        """Pillar passages of the articles (not rejected), in article order then reading order."""
        if not article_ids:
            return []
        rank = {aid: n for n, aid in enumerate(article_ids)}
        with self.db.session() as session:
            anns = session.exec(
                select(Annotation).where(
                    col(Annotation.article_id).in_(article_ids), Annotation.kind == AnnotationKind.PILLAR,
                    Annotation.status != AnnotationStatus.REJECTED,
                )
            ).all()
            found = [
                CandidatePassage(annotation_id=a.id or 0, article_id=a.article_id, start=a.start, end=a.end,
                                 pillar_id=a.label, text=a.text.strip(), status=a.status,
                                 confidence=a.confidence)
                for a in anns
            ]
        return sorted(found, key=lambda c: (rank.get(c.article_id, 0), c.start, c.pillar_id))

    @staticmethod
    def _touch(session: object, briefing_id: int) -> None:
        briefing = session.get(Briefing, briefing_id)  # type: ignore[attr-defined]
        if briefing is not None:
            briefing.updated_at = utcnow()
            session.add(briefing)  # type: ignore[attr-defined]

    # -- drafting ------------------------------------------------------------------------------
    def create_draft(self, article_ids: list[int], title: str | None = None,
                     options: DraftOptions | None = None, **fields: str) -> Briefing:
        """Store a new briefing holding the strongest passages per pillar of the articles."""
        options = options or DraftOptions()
        articles = self._articles(article_ids)
        if not articles:
            raise ValueError("Choose at least one article for the briefing.")
        if title is None:
            title = articles[0].title if len(articles) == 1 else f"Briefing: {len(articles)} articles"
        briefing = self.create(title=title, **fields)
        assert briefing.id is not None
        with self.db.session() as session:
            pillars = list(session.exec(select(Pillar).order_by(col(Pillar.position))).all())
            anns = session.exec(
                select(Annotation).where(
                    col(Annotation.article_id).in_(article_ids), Annotation.kind == AnnotationKind.PILLAR,
                    Annotation.status != AnnotationStatus.REJECTED,
                )
            ).all()
            by_pillar: dict[str, list[Annotation]] = defaultdict(list)
            for ann in anns:
                by_pillar[ann.label].append(ann)
            position = 0
            used: set[tuple[int, int, int]] = set()
            for pillar in pillars:
                # Reviewed passages first (accepted/user), then by confidence, then reading order.
                ranked = sorted(
                    by_pillar.get(pillar.id, []),
                    key=lambda a: (a.status != AnnotationStatus.ACCEPTED, -a.confidence, a.article_id, a.start),
                )
                chosen = 0
                for ann in ranked:
                    key = (ann.article_id, ann.start, ann.end)
                    if key in used or len(ann.text.split()) < 6:
                        continue
                    if ann.status != AnnotationStatus.ACCEPTED and not _reads_as_prose(ann.text):
                        continue  # an unreviewed headline or table row is not a passage to quote
                    used.add(key)
                    session.add(BriefingItem(
                        briefing_id=briefing.id, article_id=ann.article_id, start=ann.start, end=ann.end,
                        text=ann.text.strip(), pillar_id=pillar.id, position=position,
                    ))
                    position += 1
                    chosen += 1
                    if chosen >= options.per_pillar:
                        break
            session.commit()
        return briefing

    def _articles(self, article_ids: list[int]) -> list[Article]:
        with self.db.session() as session:
            found = {a.id: a for a in session.exec(select(Article).where(col(Article.id).in_(article_ids)))}
        return [found[i] for i in article_ids if i in found]

    def document(self, briefing_id: int, max_actors: int = 15) -> doc_model.BriefingDocument:
        """The export/preview model of a stored briefing."""
        briefing = self.get(briefing_id)
        if briefing is None:
            raise KeyError(briefing_id)
        items = self.items(briefing_id)
        with self.db.session() as session:
            pillars = list(session.exec(select(Pillar).order_by(col(Pillar.position))).all())
        order = {p.id: i for i, p in enumerate(pillars)}
        names = {p.id: p.name for p in pillars}
        numbers = self._source_numbers(items, order)
        article_ids = list(numbers)
        articles = {a.id: a for a in self._articles(article_ids)}
        sections: list[doc_model.BriefingSection] = []
        for pillar_id in sorted({i.pillar_id for i in items}, key=lambda p: order.get(p, 99)):
            section_items = sorted((i for i in items if i.pillar_id == pillar_id), key=lambda i: i.position)
            sections.append(doc_model.BriefingSection(
                pillar_id=pillar_id, heading=names.get(pillar_id, pillar_id.title()),
                items=[doc_model.BriefingItem(text=i.text, source_number=numbers[i.article_id],
                                              comment=i.comment) for i in section_items],
            ))
        sources = [
            doc_model.SourceRef(number=numbers[aid], outlet=articles[aid].outlet, title=articles[aid].title,
                                published=articles[aid].published, url=articles[aid].url)
            for aid in article_ids if aid in articles
        ]
        return doc_model.BriefingDocument(
            title=briefing.title, subject=briefing.subject, to=briefing.to, from_=briefing.from_,
            date=briefing.date, reference=briefing.reference, classification=briefing.classification,
            caveat=briefing.caveat, summary=list(briefing.summary), sections=sections,
            assessment=briefing.assessment, next_steps=list(briefing.next_steps),
            actors=self.key_actors(article_ids, max_actors), sources=sources,
            keywords=[s.heading for s in sections],
        )

    @staticmethod
    def _source_numbers(items: list[BriefingItem], order: dict[str, int]) -> dict[int, int]:
        """Article id -> citation number, numbered in order of first use in the note."""
        numbers: dict[int, int] = {}
        for item in sorted(items, key=lambda i: (order.get(i.pillar_id, 99), i.position)):
            if item.article_id not in numbers:
                numbers[item.article_id] = len(numbers) + 1
        return numbers

    def source_numbers(self, briefing_id: int) -> dict[int, int]:
        """Article id -> the citation number it gets in the exported note."""
        with self.db.session() as session:
            pillars = list(session.exec(select(Pillar).order_by(col(Pillar.position))).all())
        return self._source_numbers(self.items(briefing_id), {p.id: i for i, p in enumerate(pillars)})

    def key_actors(self, article_ids: list[int], limit: int = 15) -> list[doc_model.KeyActor]:
        """The most mentioned people, organisations, places and initiatives of the articles."""
        if not article_ids:
            return []
        with self.db.session() as session:
            anns = session.exec(
                select(Annotation).where(
                    col(Annotation.article_id).in_(article_ids), Annotation.kind == AnnotationKind.ENTITY,
                    Annotation.status != AnnotationStatus.REJECTED, col(Annotation.label).in_(list(ACTOR_TYPES)),
                )
            ).all()
            officer_names = {c.key: c.name for c in session.exec(select(CanonicalEntity))}
        mentions: Counter[str] = Counter()
        articles_of: dict[str, set[int]] = defaultdict(set)
        names: dict[str, list[str]] = defaultdict(list)
        labels: dict[str, str] = {}
        roles: dict[str, Counter[str]] = defaultdict(Counter)
        for ann in anns:
            key = ann.entity_id or entity_key(ann.label, ann.text)
            mentions[key] += 1
            articles_of[key].add(ann.article_id)
            names[key].append(ann.text)
            labels[key] = ann.label
            if ann.role:
                roles[key][ann.role] += 1
        def weight(key: str) -> float:
            actor_type = ACTOR_TYPES.get(labels[key], "")
            return ACTOR_WEIGHT.get(actor_type, 1.0) * (mentions[key] + (1.0 if roles[key] else 0.0))

        ranked = sorted(mentions, key=lambda k: (-weight(k), -len(articles_of[k]),
                                                  ACTOR_RANK.get(ACTOR_TYPES.get(labels[k], ""), 9), k))[:limit]
        ranked.sort(key=lambda k: ACTOR_RANK.get(ACTOR_TYPES.get(labels[k], ""), 9))  # stable: by mentions within
        return [
            doc_model.KeyActor(
                # the Entities panel's name: the officer's rename, else the fullest surface form
                name=display_name(officer_names.get(k), names[k]), type=ACTOR_TYPES.get(labels[k], labels[k]),
                role=roles[k].most_common(1)[0][0] if roles[k] else "",
                mentions=mentions[k], articles=len(articles_of[k]),
            )
            for k in ranked
        ]


def _reads_as_prose(text: str) -> bool:
    """True for a sentence worth quoting; False for a headline (no closing stop) or a table row ("a | b")."""
    return bool(SENTENCE_END.search(text.rstrip())) and " | " not in text
