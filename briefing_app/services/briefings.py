"""Briefings: stored notes, their items, auto-drafting, and the export document model."""

from __future__ import annotations

import contextlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from briefing_app.domain.models import (
    Annotation,
    AnnotationKind,
    AnnotationStatus,
    Article,
    Briefing,
    BriefingItem,
    DraftedStatus,
    Pillar,
    utcnow,
)
from briefing_app.domain.quotes import quote_start, resolve_relative_dates, trimmed
from briefing_app.domain.text import SENTENCE_END, sanitize_for_xml
from briefing_app.export import model as doc_model
from briefing_app.nlp.taxonomy import context_pillar
from briefing_app.services import actors as actor_table
from briefing_app.services import drafted as drafted_rows
from briefing_app.services.actors import ACTOR_RANK, ACTOR_TYPES, ACTOR_WEIGHT  # noqa: F401 (re-exported)
from briefing_app.services.changes import ChangeSet, RowSnapshot
from briefing_app.storage.database import Database

DEFAULT_PAGE_BUDGET = 2.0
DRAFT_MIN_WORDS = 8  # shorter passages ("I have two announcements.") say too little to quote
MAX_PAGE_BUDGET = 50.0
BRIEFING_FIELDS = (
    "title", "subject", "to", "from_", "date", "reference", "classification", "caveat", "assessment",
)
DEFAULT_CLASSIFICATIONS = ("UNCLASSIFIED", "OFFICIAL", "RESTRICTED", "CONFIDENTIAL", "SECRET")


@dataclass(slots=True)
class DraftOptions:
    """How an auto-draft picks passages."""

    per_pillar: int = 4
    max_actors: int = 15
    page_budget: float | None = None  # fill to this many pages (None: the briefing's own budget; 0: no limit)
    template: str | None = None  # the Word template the note is exported with (its page and fonts)


@dataclass(slots=True)
class BriefingSnapshot:
    """A whole briefing (header and items), for undoing its creation or deletion."""

    id: int
    fields: dict[str, object]
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


_SNAPSHOT_FIELDS = (*BRIEFING_FIELDS, "summary", "next_steps", "page_budget", "newest_first", "actor_edits",
                    "drafted")


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
                elif name == "page_budget":
                    budget = float(value)  # type: ignore[arg-type]
                    if not 0 <= budget <= MAX_PAGE_BUDGET:
                        raise ValueError(f"A length budget is between 0 (none) and {MAX_PAGE_BUDGET:g} pages.")
                    briefing.page_budget = budget
                elif name == "newest_first":
                    briefing.newest_first = (value.strip().lower() in ("1", "true", "yes")
                                             if isinstance(value, str) else bool(value))
                elif name == "actor_edits":
                    edits = value if isinstance(value, dict) else actor_table.load_edits(value)
                    briefing.actor_edits = {k: dict(v) for k, v in sorted(edits.items())}
                elif name == "drafted":
                    if not isinstance(value, dict):
                        raise ValueError("Drafted lines are a JSON object.")
                    cleaned = _sanitized(value)
                    assert isinstance(cleaned, dict)
                    briefing.drafted = cleaned
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
            start = _past_dateline(article.text, start, end)
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

    def trim_item(self, item_id: int, keep: list[tuple[int, int]]) -> BriefingItem:
        """Quote only the spans ``keep`` of the item's passage (offsets into ``item.text``), gaps as "[…]".

        Keeping the whole passage (or nothing) quotes it whole again. The original passage stays stored.
        """
        with self.db.session() as session:
            item = session.get(BriefingItem, item_id)
            if item is None:
                raise KeyError(item_id)
            original = item.text
        spans = [(s, e) for s, e in keep if original[max(0, s):max(0, e)].strip()]
        quote = trimmed(original, spans) if spans else ""
        if " ".join(quote.split()) == " ".join(original.split()):
            quote = ""
        return self.update_item(item_id, quote=quote, paraphrase="")

    def remove_item(self, item_id: int) -> None:
        """Take a passage out of its briefing."""
        with self.db.session() as session:
            item = session.get(BriefingItem, item_id)
            if item is not None:
                self._touch(session, item.briefing_id)
                session.delete(item)
                session.commit()

    def update_item(self, item_id: int, **fields: object) -> BriefingItem:
        """Change an item's comment, pillar (section), position, trimmed ``quote`` or ``paraphrase``."""
        with self.db.session() as session:
            item = session.get(BriefingItem, item_id)
            if item is None:
                raise KeyError(item_id)
            for name, value in fields.items():
                if name not in ("comment", "pillar_id", "position", "quote", "paraphrase"):
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
        """Store a new briefing filled with the strongest passages of the articles (see :meth:`fill_draft`)."""
        articles = self._articles(article_ids)
        if not articles:
            raise ValueError("Choose at least one article for the briefing.")
        if title is None:
            title = articles[0].title if len(articles) == 1 else f"Briefing: {len(articles)} articles"
        briefing = self.create(title=title, **fields)
        assert briefing.id is not None
        try:
            self.fill_draft(briefing.id, article_ids, options)
        except Exception:
            # A failure while filling (full disk, busy database) leaves no empty draft behind.
            with contextlib.suppress(Exception):
                self.delete(briefing.id)
            raise
        return self.get(briefing.id) or briefing

    def draft_candidates(self, article_ids: list[int], per_pillar: int = 4) -> list[CandidatePassage]:
        """Passages an auto-draft may use, in the order it takes them.

        Never a headline or a table row (reviewed or not), never fewer than six words. The best passage of
        every article comes first (round robin), so each selected article is represented before any gets a
        second; then the rest by strength: passages the officer accepted, then the model's confidence.
        """
        with self.db.session() as session:
            pillars = [p.id for p in session.exec(select(Pillar).order_by(col(Pillar.position))).all()]
            anns = session.exec(
                select(Annotation).where(
                    col(Annotation.article_id).in_(article_ids), Annotation.kind == AnnotationKind.PILLAR,
                    Annotation.status != AnnotationStatus.REJECTED,
                )
            ).all()
            texts = {a.id: a.text for a in session.exec(select(Article).where(col(Article.id).in_(article_ids)))}
        known = set(pillars)
        # A sentence with a topic and the context pillar ("spoke with President X about defence co-production") is
        # about its topic: it is quoted under the topic, however sure the engagement is (unless the officer accepted
        # only the engagement).
        context = context_pillar()
        topical = {(a.article_id, a.start) for a in anns if a.label != context}

        def strength(a: Annotation) -> tuple[bool, bool, float, int, int]:
            return (a.status != AnnotationStatus.ACCEPTED, a.label == context and (a.article_id, a.start) in topical,
                    -a.confidence, a.article_id, a.start)

        seen: set[tuple[int, int]] = set()
        pool: list[CandidatePassage] = []
        for ann in sorted(anns, key=strength):
            text = texts.get(ann.article_id, "")
            end = _with_closing_punctuation(text, ann.end) if text else ann.end
            start = _past_dateline(text, ann.start, end)
            quoted = text[start:end].strip() if text else ann.text.strip()
            if (ann.article_id, start) in seen or ann.label not in known:
                continue  # a sentence tagged with two pillars is quoted once, under its strongest topic
            if len(quoted.split()) < DRAFT_MIN_WORDS or not _reads_as_prose(quoted) or quoted.endswith("?"):
                continue  # a headline, a table row, a question or a fragment is not a passage to quote
            seen.add((ann.article_id, start))
            pool.append(CandidatePassage(annotation_id=ann.id or 0, article_id=ann.article_id, start=start,
                                         end=end, pillar_id=ann.label, text=quoted, status=ann.status,
                                         confidence=ann.confidence))
        order: list[CandidatePassage] = []
        per: Counter[str] = Counter()
        # Round robin over the articles: each one's best passage first.
        by_article: dict[int, list[CandidatePassage]] = defaultdict(list)
        for cand in pool:
            by_article[cand.article_id].append(cand)
        for article_id in article_ids:
            if by_article.get(article_id):
                first = by_article[article_id].pop(0)
                order.append(first)
                per[first.pillar_id] += 1
        rest = [c for c in pool if c not in order]
        for cand in rest:
            if per[cand.pillar_id] < per_pillar:
                order.append(cand)
                per[cand.pillar_id] += 1
        return order

    def fill_draft(self, briefing_id: int, article_ids: list[int], options: DraftOptions | None = None) -> int:
        """Replace the briefing's passages with the strongest ones of the articles, up to its length budget.

        Returns the number of passages placed. With a budget, the longest prefix of
        :meth:`draft_candidates` whose export fits the budget is kept (found by bisection on the estimate);
        every article keeps at least its best passage even if that overruns (the builder then warns).
        """
        options = options or DraftOptions()
        briefing = self.get(briefing_id)
        if briefing is None:
            raise KeyError(briefing_id)
        if not self._articles(article_ids):
            raise ValueError("Choose at least one article for the briefing.")
        budget = briefing.page_budget if options.page_budget is None else options.page_budget
        # With a length budget the budget is the limit; the per-section cap only keeps one pillar from taking all.
        cap = max(options.per_pillar, 10) if budget and budget > 0 else options.per_pillar
        candidates = self.draft_candidates(article_ids, cap)
        floor = min(len(candidates), len({c.article_id for c in candidates}))

        def place(count: int) -> None:
            with self.db.session() as session:
                for item in session.exec(select(BriefingItem).where(BriefingItem.briefing_id == briefing_id)).all():
                    session.delete(item)
                session.flush()
                pillar_rank = {p.id: p.position for p in session.exec(select(Pillar)).all()}
                chosen = sorted(candidates[:count], key=lambda c: (pillar_rank.get(c.pillar_id, 99),
                                                                    article_ids.index(c.article_id), c.start))
                for position, cand in enumerate(chosen):
                    session.add(BriefingItem(briefing_id=briefing_id, article_id=cand.article_id, start=cand.start,
                                             end=cand.end, text=cand.text, pillar_id=cand.pillar_id,
                                             position=position))
                self._touch(session, briefing_id)
                session.commit()

        if not budget or budget <= 0:
            place(len(candidates))
            return len(candidates)
        low, high = floor, len(candidates)
        place(high)
        if self.estimate_pages(briefing_id, options.template) <= budget:
            return high
        while low < high:  # the largest count that fits
            mid = (low + high + 1) // 2
            place(mid)
            if self.estimate_pages(briefing_id, options.template) <= budget:
                low = mid
            else:
                high = mid - 1
        place(low)
        return low

    def estimate_pages(self, briefing_id: int, template: str | None = None) -> float:
        """Pages the exported note fills (fractional), from the export's own layout and template."""
        from briefing_app.export.pagination import estimate_note_pages

        return estimate_note_pages(self.document(briefing_id), template)

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
        drafted = dict(briefing.drafted or {})
        wanted = {i.article_id for i in items} | set(drafted_rows.cited_articles(drafted))
        articles = {a.id: a for a in self._articles(sorted(wanted))}
        items = self.ordered_items(items, articles, briefing.newest_first)
        item_numbers = self._source_numbers(items, order)
        numbers = self._with_drafted(item_numbers, drafted, articles)
        article_ids = list(numbers)
        sections: list[doc_model.BriefingSection] = []
        for pillar_id in sorted({i.pillar_id for i in items}, key=lambda p: order.get(p, 99)):
            section_items = [i for i in items if i.pillar_id == pillar_id]
            sections.append(doc_model.BriefingSection(
                pillar_id=pillar_id, heading=names.get(pillar_id, pillar_id.title()),
                items=[self._doc_item(i, numbers[i.article_id], articles.get(i.article_id)) for i in section_items],
            ))
        sources = [
            doc_model.SourceRef(number=numbers[aid], outlet=articles[aid].outlet, title=articles[aid].title,
                                published=articles[aid].published, url=articles[aid].url)
            for aid in article_ids if aid in articles
        ]
        document = doc_model.BriefingDocument(
            title=briefing.title, subject=briefing.subject, to=briefing.to, from_=briefing.from_,
            date=briefing.date, reference=briefing.reference, classification=briefing.classification,
            caveat=briefing.caveat, summary=list(briefing.summary), sections=sections,
            assessment=briefing.assessment, next_steps=list(briefing.next_steps),
            actors=actor_table.key_actors(self.db, list(item_numbers), briefing.date,
                                          actor_table.load_edits(briefing.actor_edits), max_actors),
            sources=sources, keywords=[s.heading for s in sections], page_budget=briefing.page_budget,
        )
        self._add_drafted(document, drafted, numbers)
        return document

    @staticmethod
    def _with_drafted(item_numbers: dict[int, int], drafted: dict, articles: dict) -> dict[int, int]:
        """Citation numbers: the passages' sources first (as before), then sources only the drafted lines cite."""
        numbers = dict(item_numbers)
        for article_id in drafted_rows.cited_articles(drafted):
            if article_id not in numbers and article_id in articles:
                numbers[article_id] = len(numbers) + 1
        return numbers

    @staticmethod
    def _add_drafted(document: doc_model.BriefingDocument, drafted: dict, numbers: dict[int, int]) -> None:
        """Key points, new-since lines, commitments and timeline of the note (dropped rows and rows whose
        article is gone are left out)."""
        def cited(row: dict) -> list[int]:
            return sorted({numbers[c[0]] for c in row.get("cites", []) if c[0] in numbers})

        key_points = [doc_model.CitedLine(r["text"], cited(r)) for r in drafted_rows.live(drafted, "key_points")
                      if cited(r)]
        earlier_all = sorted({numbers[a] for a in drafted.get("earlier_ids", []) if a in numbers})
        new_since = []
        for r in drafted_rows.live(drafted, "new_since"):
            earlier = [numbers[r["earlier"][0]]] if r.get("earlier") and r["earlier"][0] in numbers else earlier_all
            later = cited(r) if r.get("later", True) else []
            if r.get("kind") == "topic-vanished":
                later = sorted({numbers[a] for a in drafted.get("article_ids", []) if a in numbers})
            if later or earlier:
                new_since.append(doc_model.CitedLine(r["text"], later, earlier, r.get("kind", ""),
                                                     cited_earlier=bool(r.get("earlier"))))
        commitments = [
            doc_model.CommitmentRow(
                who=r.get("who", ""), action=("not " if r.get("negated") else "") + r.get("action", ""),
                what=r.get("what", ""), sources=cited(r),
                when=drafted_rows.partial_date(r["when_iso"]) if r.get("when_iso") else r.get("when", ""))
            for r in drafted_rows.live(drafted, "commitments") if cited(r)
        ]
        timeline = [doc_model.TimelineRow(drafted_rows.partial_date(r.get("date", "")), r["text"], cited(r)[0])
                    for r in drafted_rows.live(drafted, "timeline") if cited(r)]
        document.key_points, document.new_since, document.commitments = key_points, new_since, commitments
        document.timeline = timeline
        document.new_since_date = drafted.get("since", "") if new_since else ""

    # -- drafted lines (issue 16): undoable edits of Briefing.drafted ----------------------------
    def drafted(self, briefing_id: int) -> dict:
        """The briefing's drafted lines and the officer's decisions on them (a copy)."""
        briefing = self.get(briefing_id)
        if briefing is None:
            raise KeyError(briefing_id)
        return dict(briefing.drafted or {})

    def merge_drafted(self, briefing_id: int, fresh: dict) -> ChangeSet:
        """Store a fresh draft of the drafted lines, keeping the officer's decisions (undoable)."""
        changes = self.update_change(briefing_id, drafted=drafted_rows.merge(self.drafted(briefing_id), fresh))
        changes.description = "Draft key points, commitments, timeline"
        return changes

    def edit_drafted(self, briefing_id: int, group: str, key: str, **change: object) -> ChangeSet:
        """Accept, drop (``status=``) or edit one drafted line (undoable)."""
        drafted = drafted_rows.edited(self.drafted(briefing_id), group, key, **change)
        changes = self.update_change(briefing_id, drafted=drafted)
        status = change.get("status")
        descriptions: dict[str, str] = {DraftedStatus.DROPPED: "Drop drafted line",
                                        DraftedStatus.ACCEPTED: "Accept drafted line",
                                        DraftedStatus.DRAFTED: "Restore drafted line"}
        changes.description = descriptions.get(str(status), "Edit drafted line")
        return changes

    def show_timeline(self, briefing_id: int, on: bool) -> ChangeSet:
        """Include the timeline in the note or not (undoable)."""
        drafted = self.drafted(briefing_id)
        drafted["show_timeline"] = bool(on)
        changes = self.update_change(briefing_id, drafted=drafted)
        changes.description = "Show timeline" if on else "Hide timeline"
        return changes

    @staticmethod
    def ordered_items(items: list[BriefingItem], articles: dict[int | None, Article],
                      newest_first: bool) -> list[BriefingItem]:
        """Items in the order the note prints them within a section: stored, or newest source first."""
        ordered = sorted(items, key=lambda i: i.position)
        if newest_first:
            # Stable: passages of one article keep their order; undated sources go last.
            ordered.sort(key=lambda i: _date_key(articles.get(i.article_id)), reverse=True)
        return ordered

    @staticmethod
    def _doc_item(item: BriefingItem, number: int, article: Article | None) -> doc_model.BriefingItem:
        published = article.published if article is not None else ""
        if item.paraphrase.strip():
            return doc_model.BriefingItem(text=item.paraphrase, source_number=number, comment=item.comment,
                                          kind="paraphrase", original=item.text, published=published)
        words = item.quote.strip() or item.text
        return doc_model.BriefingItem(
            text=resolve_relative_dates(words, published), source_number=number, comment=item.comment,
            kind="trimmed" if item.quote.strip() else "quote", original=item.text, published=published,
        )

    @staticmethod
    def _source_numbers(items: list[BriefingItem], order: dict[str, int]) -> dict[int, int]:
        """Article id -> citation number, numbered in order of first use in the note (items in print order)."""
        numbers: dict[int, int] = {}
        for item in sorted(items, key=lambda i: order.get(i.pillar_id, 99)):  # stable: print order within
            if item.article_id not in numbers:
                numbers[item.article_id] = len(numbers) + 1
        return numbers

    def source_numbers(self, briefing_id: int) -> dict[int, int]:
        """Article id -> the citation number it gets in the exported note."""
        briefing = self.get(briefing_id)
        with self.db.session() as session:
            pillars = list(session.exec(select(Pillar).order_by(col(Pillar.position))).all())
        items = self.items(briefing_id)
        drafted = dict(briefing.drafted or {}) if briefing is not None else {}
        wanted = {i.article_id for i in items} | set(drafted_rows.cited_articles(drafted))
        articles = {a.id: a for a in self._articles(sorted(wanted))}
        items = self.ordered_items(items, articles, bool(briefing and briefing.newest_first))
        return self._with_drafted(self._source_numbers(items, {p.id: i for i, p in enumerate(pillars)}),
                                  drafted, articles)

    def key_actors(self, article_ids: list[int], limit: int = 15, note_date: str = "",
                   edits: dict[str, dict] | None = None) -> list[doc_model.KeyActor]:
        """The most mentioned people, organisations, events, initiatives and places of the articles."""
        return actor_table.key_actors(self.db, article_ids, note_date, edits, limit)

    def edit_actor(self, briefing_id: int, key: str, **change: object) -> ChangeSet:
        """Record the officer's edit of one Key actors row: ``role=``, ``name=`` or ``removed=True`` (undoable)."""
        briefing = self.get(briefing_id)
        if briefing is None:
            raise KeyError(briefing_id)
        edits = actor_table.load_edits(briefing.actor_edits)
        entry = dict(edits.get(key, {}))
        for name, value in change.items():
            if name not in ("role", "name", "removed"):
                raise ValueError(f"Not an actor field: {name}")
            entry[name] = bool(value) if name == "removed" else sanitize_for_xml(str(value)).strip()
        edits[key] = entry
        changes = self.update_change(briefing_id, actor_edits=edits)
        changes.description = "Edit key actor"
        return changes

    def restore_actors(self, briefing_id: int) -> ChangeSet:
        """Bring back the Key actors rows removed from the note, edited roles and names kept (undoable)."""
        briefing = self.get(briefing_id)
        if briefing is None:
            raise KeyError(briefing_id)
        edits = {k: {n: v for n, v in e.items() if n != "removed"}
                 for k, e in actor_table.load_edits(briefing.actor_edits).items()}
        changes = self.update_change(briefing_id, actor_edits={k: e for k, e in edits.items() if e})
        changes.description = "Restore key actors"
        return changes


def _sanitized(value: object) -> object:
    """``value`` (JSON) with control characters dropped from every string (nothing stored may break the export)."""
    if isinstance(value, str):
        return sanitize_for_xml(value)
    if isinstance(value, dict):
        return {k: _sanitized(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_sanitized(v) for v in value]
    return value


def _date_key(article: Article | None) -> str:
    return (article.published or "") if article is not None else ""


def _past_dateline(text: str, start: int, end: int) -> int:
    """``start`` moved past a dateline or byline opening the passage (they are never the start of a quote)."""
    while start < end and text[start].isspace():
        start += 1
    return start + quote_start(text[start:end])


def _reads_as_prose(text: str) -> bool:
    """True for a sentence worth quoting; False for a headline (no closing stop) or a table row ("a | b")."""
    return bool(SENTENCE_END.search(text.rstrip())) and " | " not in text
