"""The lesson store: what the officer taught, one lesson per correction (issue 13).

Lessons live in their own table, independent of the article rows they came from.
Recording a lesson returns a :class:`ChangeSet` (so undo removes it); a later
*explicit* contrary correction on the same surface supersedes earlier lessons and
that, too, is in the change set. Accepting suggestions never teaches anything, so
"Accept all remaining" elsewhere cannot cancel a rejection.

The analyser gets the active lessons compiled once per database and pipeline
(:meth:`LessonService.compiled`), updated incrementally when the lesson table's
version moves; analysis never scans the library's tags.
"""

from __future__ import annotations

import errno
import json
import threading
import weakref
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, case, func, or_
from sqlmodel import col, select

from briefing_app.domain.models import (
    Annotation,
    AnnotationKind,
    AnnotationOrigin,
    AnnotationStatus,
    Article,
    ArticleStatus,
    Lesson,
    LessonAction,
    Pillar,
    utcnow,
)
from briefing_app.nlp.chunking import sentence_spans
from briefing_app.nlp.labels import label_name
from briefing_app.nlp.lessons import (
    CompiledLessons,
    ConventionEdge,
    LessonRule,
    convention_edges,
    left_token,
    right_token,
)
from briefing_app.nlp.pillar_learning import PillarExample
from briefing_app.nlp.types import ALL_LABELS, EntitySpan
from briefing_app.services.changes import ChangeSet, RowSnapshot
from briefing_app.services.desk import may_withdraw
from briefing_app.storage.database import Database

if TYPE_CHECKING:
    from briefing_app.nlp.analyzer import Analyzer

A = LessonAction
#: Entity lessons that teach "this surface is an entity with this label".
_POSITIVE = (A.ADD, A.RELABEL, A.BOUNDARY)
#: Characters around a span searched for its sentence (keeps an edit cheap on a huge report).
_SENTENCE_REACH = 1_500
#: Labels read together for an officer's boundary habit: a place is a place whether tagged GPE, LOC or FAC.
_HABIT_FAMILIES: dict[str, tuple[str, tuple[str, ...]]] = {
    **{x: ("place", ("GPE", "LOC", "FAC")) for x in ("GPE", "LOC", "FAC")},
    **{x: ("date", ("DATE", "TIME")) for x in ("DATE", "TIME")},
}
#: Reviewed tags that must treat an edge word the other way before a convention lesson is held to its own
#: place: one or two could be slips as well; a habit is several tags and the majority of them.
HABIT_EVIDENCE = 3
#: Characters read either side of a reviewed tag for the words just outside it.
_HABIT_REACH = 40


class LessonFileError(ValueError):
    """A lessons file that cannot be imported; nothing from it was imported."""


@dataclass(slots=True)
class Context:
    """Where a correction was made: the sentence and the neighbouring tokens."""

    sentence: str = ""
    left: str = ""
    right: str = ""


def context_of(text: str, start: int, end: int) -> Context:
    """The sentence holding ``text[start:end]`` and the tokens immediately left and right of it."""
    lo = max(0, start - _SENTENCE_REACH)
    hi = min(len(text), end + _SENTENCE_REACH)
    sentence = ""
    for s, e in sentence_spans(text, lo, hi):
        if s <= start < e or (s < end <= e):
            sentence = text[s:max(e, end)]
            break
    return Context(sentence, left_token(text, start), right_token(text, end))


class LessonService:
    """Record, supersede, withdraw, list, export and import lessons; compile them for the analyser."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- recording -----------------------------------------------------------------------------
    def record(self, action: LessonAction, text: str, label: str = "", *, from_label: str = "",
               from_text: str = "", canonical: str = "", entity_key: str = "", article_id: int | None = None,
               span: tuple[int, int] | None = None, context: Context | None = None,
               description: str = "", session: Any = None, source: str = "") -> ChangeSet:
        """Store one lesson (its context read from the article at ``span``) and supersede contrary ones;
        ``source``: the lessons file an imported lesson came from.

        With ``session``: inside the caller's transaction, which commits it (an edit and its lesson
        in one commit); else in a transaction of its own.
        """
        text = " ".join(text.split()) if action not in (A.PILLAR_ADD, A.PILLAR_REMOVE) else text.strip()
        changes = ChangeSet(description or f"Learn {action.value} “{text[:40]}”")
        if not text:
            return changes
        if context is None and article_id is not None and span is not None:
            context = self._context_in_article(article_id, span[0], span[1],
                                               session.connection() if session is not None else None)
        if action in (A.PILLAR_ADD, A.PILLAR_REMOVE):
            context = Context(sentence=text)
        context = context or Context()
        with nullcontext(session) if session is not None else self.db.session() as used:
            self._store(used, changes, action, text, label, from_label, from_text, canonical, entity_key,
                        context, article_id, commit=session is None, source=source)
        return changes

    def _store(self, session: Any, changes: ChangeSet, action: LessonAction, text: str, label: str,
               from_label: str, from_text: str, canonical: str, entity_key: str, context: Context,
               article_id: int | None, commit: bool, source: str = "") -> None:
        """Add the lesson and supersede contrary ones in ``session`` (committed when ``commit``); the
        rows written go into ``changes``."""
        lesson = Lesson(action=action.value, text=text, label=label, from_label=from_label,
                        from_text=" ".join(from_text.split()), canonical=canonical, entity_key=entity_key,
                        context=context.sentence, left=context.left, right=context.right,
                        article_id=article_id, source=source)
        session.add(lesson)
        session.flush()
        assert lesson.id is not None
        superseded = []
        for old in self._contrary(session, lesson):
            before = RowSnapshot.of(old)
            old.superseded_by = lesson.id
            old.updated_at = utcnow()
            session.add(old)
            superseded.append((before, old))
        if commit:
            session.commit()
            session.refresh(lesson)
            for _before, old in superseded:
                session.refresh(old)
        else:
            # Flushed: the rows hold what the caller's commit writes (id, defaults, stamps, versions).
            session.flush()
        changes.lessons.append((None, RowSnapshot.of(lesson)))
        changes.lessons.extend((before, RowSnapshot.of(old)) for before, old in superseded)

    def _context_in_article(self, article_id: int, start: int, end: int, conn: Any = None) -> Context | None:
        """The context of ``[start, end)`` read from the stored article (only the text around it);
        on ``conn`` when given (the caller's transaction)."""
        lo = max(0, start - _SENTENCE_REACH)
        with nullcontext(conn) if conn is not None else self.db.engine.connect() as used:
            row = used.exec_driver_sql("SELECT substr(text, ?, ?) FROM article WHERE id = ?",
                                       (lo + 1, end + _SENTENCE_REACH - lo, article_id)).first()
        if row is None:
            return None
        return context_of(row[0], start - lo, end - lo)

    def _contrary(self, session: Any, new: Lesson) -> list[Lesson]:
        """Active lessons on the same surface that ``new`` explicitly overrides (or repeats)."""
        surfaces = {new.text} | ({new.from_text} if A(new.action) == A.BOUNDARY and new.from_text else set())
        rows = session.exec(select(Lesson).where(
            col(Lesson.id) != new.id, col(Lesson.superseded_by).is_(None), col(Lesson.withdrawn).is_(False),
            or_(col(Lesson.text).in_(surfaces), func.lower(Lesson.text).in_({t.lower() for t in surfaces})),
        )).all()
        same = [r for r in rows if r.text.casefold() == new.text.casefold()]
        action = A(new.action)
        # A boundary moved back: "X Y" grown to "the X Y" in one article, "the X Y" shrunk to "X Y" in a
        # later one. Both would stay active and fight (whichever applied last won, so the older convention
        # could win); the later one is the officer's word.
        out = [r for r in rows if action == A.BOUNDARY and A(r.action) == A.BOUNDARY
               and r.text.casefold() == new.from_text.casefold() and r.from_text.casefold() == new.text.casefold()]
        for old in same:
            o = A(old.action)
            if action == A.REJECT:
                hit = (o == A.REJECT or o in _POSITIVE) and old.label == new.label
            elif action == A.ADD:  # a name is a name everywhere: the newest add of a surface wins
                hit = (o == A.REJECT and old.label == new.label) or o == A.ADD
            elif action == A.RELABEL:  # relabels live side by side in different contexts
                hit = ((o == A.REJECT and old.label == new.label)
                       or (o == A.RELABEL and old.from_label == new.from_label
                           and old.left.casefold() == new.left.casefold()
                           and old.right.casefold() == new.right.casefold()))
            elif action == A.BOUNDARY:
                hit = ((o == A.REJECT and old.label == new.label) or (o == A.ADD and old.label != new.label)
                       or (o == A.BOUNDARY and old.from_text == new.from_text))
            elif action == A.ALIAS:
                hit = o == A.ALIAS
            else:  # pillar lessons: the same passage and pillar, either way
                hit = o in (A.PILLAR_ADD, A.PILLAR_REMOVE) and old.text == new.text and old.label == new.label
            if hit:
                out.append(old)
        return out

    def withdraw(self, lesson_id: int) -> ChangeSet:
        """Stop applying a lesson (undoable). In a desk database: one's own lessons, or anyone's as a desk
        lead (ValueError otherwise)."""
        with self.db.session() as session:
            lesson = session.get(Lesson, lesson_id)
            if lesson is None:
                raise KeyError(lesson_id)
            if not may_withdraw(self.db, lesson.taught_by):
                raise ValueError(f"only {lesson.taught_by}, who taught this lesson, or a desk lead can withdraw it")
            before = RowSnapshot.of(lesson)
            lesson.withdrawn = True
            lesson.updated_at = utcnow()
            session.add(lesson)
            session.commit()
            session.refresh(lesson)
            return ChangeSet(f"Withdraw lesson “{lesson.text[:40]}”", lessons=[(before, RowSnapshot.of(lesson))])

    def withdraw_alias(self, surface: str, entity_key: str) -> ChangeSet:
        """Withdraw the merges of ``surface`` into ``entity_key`` (an entity split back off)."""
        changes = ChangeSet(f"Forget merge of “{surface}”")
        with self.db.session() as session:
            rows = session.exec(select(Lesson).where(
                Lesson.action == A.ALIAS.value, Lesson.text == surface, Lesson.entity_key == entity_key,
                col(Lesson.superseded_by).is_(None), col(Lesson.withdrawn).is_(False))).all()
            for lesson in rows:
                before = RowSnapshot.of(lesson)
                lesson.withdrawn = True
                lesson.updated_at = utcnow()
                session.add(lesson)
                changes.lessons.append((before, lesson))
            session.commit()
            changes.lessons = [(b, RowSnapshot.of(r)) for b, r in changes.lessons]
        return changes

    # -- reading -------------------------------------------------------------------------------
    def all(self, include_inactive: bool = False) -> list[Lesson]:
        """Lessons, oldest first (active only unless ``include_inactive``)."""
        with self.db.session() as session:
            query = select(Lesson)
            if not include_inactive:
                query = query.where(col(Lesson.superseded_by).is_(None), col(Lesson.withdrawn).is_(False))
            return list(session.exec(query.order_by(col(Lesson.id))).all())

    def tags_with_words(self, lesson_id: int) -> int:
        """How many live tags in the library carry the words of lesson ``lesson_id`` (for the Lessons panel).

        Entity lessons count entity tags written the same way (the old surface too, for a boundary
        change); pillar lessons count pillar tags on the same passage. Reads the whole annotation
        table: call it off the GUI thread.
        """
        with self.db.session() as session:
            lesson = session.get(Lesson, lesson_id)
            if lesson is None:
                return 0
            pillar = lesson.action in (A.PILLAR_ADD, A.PILLAR_REMOVE)
            surfaces = {lesson.text} | ({lesson.from_text} if lesson.from_text else set())
            query = select(func.count()).select_from(Annotation).where(
                Annotation.kind == (AnnotationKind.PILLAR if pillar else AnnotationKind.ENTITY), Annotation.status != AnnotationStatus.REJECTED,
                col(Annotation.text).in_(sorted(surfaces)))
            return int(session.exec(query).one())

    def version(self) -> tuple[Any, ...]:
        """A counter that moves whenever a lesson is added, superseded, withdrawn or restored, and whenever
        this process's edits change which tags the officer stands behind (``Database.verdicts``: the
        habits and kept names the lessons are checked against are read again, once per such edit)."""
        with self.db.engine.connect() as conn:
            row = conn.exec_driver_sql(
                "SELECT count(*), max(id), max(updated_at), sum(CASE WHEN withdrawn THEN 1 ELSE 0 END), count(superseded_by) "
                "FROM lesson"
            ).one()
        return (*row, self.db.verdicts)

    def rules(self) -> list[LessonRule]:
        """The active lessons as the analyser sees them, each saying where it was learned."""
        version = self.version()  # read before the lessons: a change in between is seen at the next call
        lessons = self.all()
        ids = sorted({x.article_id for x in lessons if x.article_id is not None})
        titles: dict[int, str] = {}
        with self.db.session() as session:
            for chunk in range(0, len(ids), 500):
                titles.update((i, t) for i, t in session.exec(select(Article.id, Article.title).where(
                    col(Article.id).in_(ids[chunk:chunk + 500]))) if i is not None)
        kept = self._kept_names([x for x in lessons if x.action == A.REJECT.value])
        local = self.local_reasons((version, lessons))
        return [LessonRule(id=x.id or 0, action=x.action, text=x.text, label=x.label, from_label=x.from_label,
                           from_text=x.from_text, canonical=x.canonical, entity_key=x.entity_key,
                           context=x.context, left=x.left, right=x.right, origin=origin_text(x, titles),
                           kept=x.id in kept, local=local.get(x.id or 0, ""))
                for x in lessons]

    def local_reasons(self, read: tuple[tuple[Any, ...], list[Lesson]] | None = None) -> dict[int, str]:
        """Lesson id -> why that boundary lesson applies only where it was made (the Lessons panel says it).

        A boundary change that only moved a tag's edge over lower-case words (``convention_edges``: "West
        Bank" -> "the West Bank", "2035" -> "by 2035", "the end of 2027" -> "2027") is a convention choice.
        It is checked against the officer's own habit: their reviewed tags of that kind (place, date, or the
        label) in the articles they corrected, i.e. the tags they acted on (accepted, added, edited or
        relabelled; :func:`stood_behind`) and the suggestions of the articles they marked reviewed, with the
        same words just inside versus just outside. A suggestion left standing in an article not marked
        reviewed was perhaps never looked at: it is the tagger's convention, not the officer's, and must not
        outvote what the officer changed. When at least ``HABIT_EVIDENCE`` of
        them, and more than agree with it, do the opposite, the lesson was a slip against the officer's own
        convention: it stays local. Capitalised, numeric or non-word changes are never checked. Counted once
        per change of the lessons (cached on their version), only for the kinds such lessons need, only in
        reviewed articles; never per analysis. ``read``: (the lesson version, the active lessons) when the caller
        has just read them (the version first).
        """
        version, lessons = read if read is not None else (self.version(), None)
        with _HABITS_LOCK:  # not _CACHE_LOCK: compiled() holds that one while it reads the rules
            cached = _HABITS.get(self.db)
        if cached is not None and cached[0] == version:
            return cached[1]
        reasons = self._habit_verdicts(self.all() if lessons is None else lessons)
        with _HABITS_LOCK:
            _HABITS[self.db] = (version, reasons)
        return reasons

    def _habit_verdicts(self, lessons: list[Lesson]) -> dict[int, str]:
        """:meth:`local_reasons` computed from the reviewed tags (see there)."""
        wanted = [(x, edges) for x in lessons if x.action == A.BOUNDARY.value and x.from_text and x.id is not None
                  and (edges := convention_edges(x.from_text, x.text))]
        if not wanted:
            return {}
        labels = sorted({la for x, _ in wanted for la in _family(x.label)[1]})
        corrected = select(Lesson.article_id).where(col(Lesson.article_id).is_not(None)).distinct()
        start, end = col(Annotation.start), col(Annotation.end)
        with self.db.session() as session:
            rows = session.exec(select(
                Annotation.label, Annotation.text,
                # the characters [start - reach, start) clipped at the text's start (CASE: SQLite and PostgreSQL alike)
                func.substr(Article.text, case((start > _HABIT_REACH, start - (_HABIT_REACH - 1)), else_=1),
                            case((start > _HABIT_REACH, _HABIT_REACH), else_=start)),
                func.substr(Article.text, end + 1, _HABIT_REACH),
            ).join(Article, col(Article.id) == col(Annotation.article_id)).where(
                Annotation.kind == AnnotationKind.ENTITY, Annotation.status != AnnotationStatus.REJECTED,
                col(Annotation.label).in_(labels), col(Annotation.article_id).in_(corrected), stood_behind())).all()
        counts: dict[tuple[str, ConventionEdge], tuple[int, int]] = {}

        def evidence(family: tuple[str, ...], edge: ConventionEdge) -> tuple[int, int]:
            """(tags of the labels ``family`` treating ``edge``'s words the other way, tags treating them as it does)."""
            key = (family[0], edge)
            if key not in counts:
                seen = [edge.habit(text, before or "", after or "") for label, text, before, after in rows
                        if label in family]
                counts[key] = (seen.count(1), seen.count(-1))
            inside, outside = counts[key]
            return (outside, inside) if edge.inside else (inside, outside)

        out: dict[int, str] = {}
        for lesson, edges in wanted:
            noun, family = _family(lesson.label)
            for edge in edges:
                contrary, agreeing = evidence(family, edge)
                if len(edge.words) > 1 and not (max(contrary, agreeing) >= HABIT_EVIDENCE and contrary != agreeing):
                    # a long frame seldom recurs word for word: unless the officer's habit on the whole frame is
                    # clear either way, their habit on its outermost word decides ("the" in "the end of")
                    edge = edge.outer()
                    contrary, agreeing = evidence(family, edge)
                if contrary >= HABIT_EVIDENCE and contrary > agreeing:
                    out[lesson.id or 0] = (f"Applies only where you made it: {contrary} of your other {noun} tags keep "
                                           f"“{' '.join(edge.words)}” {'outside' if edge.inside else 'inside'}")
                    break
        return out

    def _kept_names(self, rejections: list[Lesson]) -> set[int]:
        """Ids of the rejections of a name the officer kept elsewhere.

        Kept: an entity tag with the rejected surface and label that is not rejected (accepted, added, or
        left suggested) in an article the officer had corrected by then (the article of the rejection
        itself, or one a lesson was made in before it). Such a rejection is a convention of its context,
        not a verdict on the name. Tags of articles first corrected later do not count, so accepting the
        name elsewhere afterwards never silently weakens a rejection. Only names (a capital letter) are
        looked up, only in corrected articles; read once per change of the lessons, never per analysis.

        Not :func:`stood_behind` on purpose: a suggestion left standing in a corrected article counts here.
        The two rules err on opposite sides of a lesson's harm: a rejection made library-wide untags a name
        in every later article (kept local wrongly, the officer only rejects it again), so any sign the name
        stands is enough; a habit overrules something the officer deliberately changed, so only tags they
        stood behind may outvote it.
        """
        names = [x for x in rejections if x.text != x.text.lower() and x.id is not None]
        if not names:
            return set()
        texts = sorted({x.text for x in names})
        lowers = sorted({t.lower() for t in texts})
        labels = sorted({x.label for x in names})
        # an article counts as corrected from its first lesson on
        first = (select(Lesson.article_id, func.min(Lesson.id).label("first"))
                 .where(col(Lesson.article_id).is_not(None)).group_by(col(Lesson.article_id)).subquery())
        seen: dict[tuple[str, str], int] = {}  # (surface, label) -> earliest first lesson of an article keeping it
        with self.db.session() as session:
            for chunk in range(0, len(texts), 400):
                rows = session.exec(select(Annotation.text, Annotation.label, first.c.first).join(
                    first, first.c.article_id == Annotation.article_id).where(
                    Annotation.kind == AnnotationKind.ENTITY, Annotation.status != AnnotationStatus.REJECTED,
                    col(Annotation.label).in_(labels),
                    or_(col(Annotation.text).in_(texts[chunk:chunk + 400]),
                        func.lower(Annotation.text).in_(lowers[chunk:chunk + 400])))).all()
                for text, label, since in rows:
                    key = (" ".join(text.split()).casefold(), label)
                    seen[key] = min(seen.get(key, since), since)
        return {x.id for x in names if x.id is not None
                and seen.get((x.text.casefold(), x.label), x.id + 1) <= x.id}

    def compiled(self, analyzer: Analyzer) -> CompiledLessons:
        """This database's active lessons compiled for ``analyzer``'s pipeline (cached; incremental)."""
        version = self.version()
        with _CACHE_LOCK:
            per_db = _CACHE.setdefault(self.db, {})
            key = id(analyzer.shared)
            entry = per_db.get(key)
            if entry is None:
                entry = per_db[key] = _Compiled(None, analyzer.compile_lessons())
                entry.lessons.reviewed_loader = LessonService(self.db).reviewed_examples
            if entry.version != version:
                entry.lessons.sync(self.rules())
                entry.version = version
            return entry.lessons

    def pillar_habits(self, analyzer: Analyzer) -> list[str]:
        """How this officer's pillar tagging differs from the lexicon, as learned from their reviewed articles.

        Fits the pillar learner when the pillar lessons changed (a second or so): call it off the GUI thread.
        """
        return self.compiled(analyzer).pillar_habits()

    def reviewed_examples(self, max_articles: int = 200) -> list[PillarExample]:
        """The sentences of the articles the officer corrected pillars in, with the pillars they left on them.

        What the pillar learner fits its nudge on and checks it against (confirmed, added and removed
        passages alike). Read once per change of the pillar lessons, from at most ``max_articles``
        articles (the most recently corrected), never from the whole library.
        """
        with self.db.session() as session:
            rows = session.exec(select(Lesson.article_id, func.max(Lesson.id)).where(
                col(Lesson.action).in_([A.PILLAR_ADD.value, A.PILLAR_REMOVE.value]),
                col(Lesson.article_id).is_not(None), col(Lesson.superseded_by).is_(None),
                col(Lesson.withdrawn).is_(False)).group_by(col(Lesson.article_id))).all()
            ids = [aid for aid, _ in sorted(rows, key=lambda r: r[1])][-max_articles:]
            out: list[PillarExample] = []
            for article_id in ids:
                article = session.get(Article, article_id)
                if article is None or article_id is None:
                    continue
                tags = session.exec(select(Annotation).where(
                    Annotation.article_id == article_id, Annotation.status != "rejected")).all()
                pillars = [(a.start, a.end, a.label) for a in tags if a.kind == "pillar"]
                entities = sorted((EntitySpan(a.start, a.end, a.label, a.text, entity_id=a.entity_id, role=a.role)
                                   for a in tags if a.kind == "entity"), key=lambda e: e.start)
                for s0, s1 in sentence_spans(article.text):
                    labels = frozenset(p for a0, a1, p in pillars if _counts(a0, a1, s0, s1))
                    inside = tuple(e for e in entities if s0 <= e.start and e.end <= s1)
                    out.append(PillarExample(article_id, article.text[s0:s1], labels, inside, article.text, s0, s1))
        return out

    # -- sharing -------------------------------------------------------------------------------
    def export_jsonl(self, path: str | Path) -> int:
        """Write the active lessons as JSON Lines (the format of issue 13); returns how many."""
        lines = [json.dumps(to_json(x), ensure_ascii=False) for x in self.all()]
        target = Path(path)
        if target.is_dir():  # checked first: the temporary file beside it would be left behind
            raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(target))
        if not target.parent.is_dir():  # said as such, not as the operating system's "No such file or directory"
            raise FileNotFoundError(errno.ENOENT, f"the folder {target.parent} does not exist", str(target))
        tmp = target.with_name(target.name + ".tmp")
        try:
            tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            tmp.replace(target)
        except OSError:
            tmp.unlink(missing_ok=True)  # a full disk or a refused rename leaves no stray half-file
            raise
        return len(lines)

    def import_jsonl(self, path: str | Path) -> int:
        """Read a lessons file; all lines are checked first, so a bad line imports nothing."""
        # Said in plain words: never an errno or a codec's message
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except IsADirectoryError as exc:
            raise LessonFileError(f"{path} is a folder, not a lessons file") from exc
        except OSError as exc:
            raise LessonFileError(f"{path}: cannot read the lessons file ({exc.strerror or 'unreadable'})") from exc
        except UnicodeDecodeError as exc:
            raise LessonFileError(f"{path} is not a lessons file (not UTF-8 text); nothing was imported") from exc
        with self.db.session() as session:
            pillars = set(session.exec(select(Pillar.id)).all())
        parsed: list[dict[str, Any]] = []
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items = list(from_json(json.loads(line)))
                unknown = [i["label"] for i in items if i["action"] in (A.PILLAR_ADD, A.PILLAR_REMOVE)
                           and pillars and i["label"] not in pillars]
                if unknown:
                    raise ValueError(f"unknown pillar {unknown[0]!r}")
                parsed.extend(items)
            except json.JSONDecodeError as exc:  # its message counts lines and characters of the line alone
                raise LessonFileError(f"{path}: line {number} is not a JSON object (a mistake near character "
                                      f"{exc.colno}); nothing was imported") from exc
            except (ValueError, TypeError, AttributeError) as exc:
                raise LessonFileError(f"{path}: line {number}: {exc}; nothing was imported") from exc
        # One transaction: a busy or full database part-way through imports none of them.
        with self.db.session() as session:
            for item in parsed:  # each keeps the file's name: the tooltip of a tag it suggests says it
                self.record(**item, session=session, source=Path(path).name)
            session.commit()
        return len(parsed)


@dataclass(slots=True)
class _Compiled:
    version: tuple[Any, ...] | None
    lessons: CompiledLessons


_CACHE: weakref.WeakKeyDictionary[Database, dict[int, _Compiled]] = weakref.WeakKeyDictionary()
#: per database: (lesson version, :meth:`LessonService.local_reasons`)
_HABITS: weakref.WeakKeyDictionary[Database, tuple[tuple[Any, ...], dict[int, str]]] = weakref.WeakKeyDictionary()
_HABITS_LOCK = threading.Lock()
_CACHE_LOCK = threading.Lock()


def _family(label: str) -> tuple[str, tuple[str, ...]]:
    """(the word for a kind of tag, the labels read together for its habit): "GPE" -> ("place", GPE/LOC/FAC)."""
    return _HABIT_FAMILIES.get(label, (label_name(label).lower(), (label,)))


def stood_behind() -> ColumnElement[bool]:
    """SQL condition (on an annotation joined with its article): a tag the officer stands behind, i.e. acted
    on (accepted, added, edited or relabelled: every such action accepts it or keeps its ``original``) or left
    standing in an article they marked reviewed. Not a suggestion they may never have looked at."""
    return or_(col(Annotation.status) == AnnotationStatus.ACCEPTED,
               col(Annotation.origin) == AnnotationOrigin.USER, col(Annotation.original).is_not(None),
               col(Article.status) == ArticleStatus.REVIEWED)


def _counts(a0: int, a1: int, s0: int, s1: int) -> bool:
    """True when a tag ``[a0, a1)`` counts for the sentence ``[s0, s1)`` (covers half of it, or lies half in it)."""
    overlap = min(a1, s1) - max(a0, s0)
    return overlap > 0 and (2 * overlap >= s1 - s0 or 2 * overlap >= a1 - a0)


def label_word(lesson: Lesson, code: str, pillar_names: dict[str, str]) -> str:
    """A label or pillar of ``lesson`` as the officer reads it (the Lessons tab, ``briefing-app lessons list``):
    "Country or city" for GPE, a pillar by its name in the library's taxonomy ("Security", not "security")."""
    if lesson.action in (A.PILLAR_ADD, A.PILLAR_REMOVE):
        return pillar_names.get(code, code)
    return label_name(code)


def origin_text(lesson: Lesson, titles: dict[int, str]) -> str:
    """"learned from your correction in “<article>”, <date>", "learned from a colleague's lessons file
    “<name>”, <date>" (the date it was imported), or from an article since deleted."""
    when = f"{lesson.created_at:%d %b %Y}".lstrip("0")
    title = titles.get(lesson.article_id) if lesson.article_id is not None else None
    if title is not None:
        return f"learned from your correction in “{title[:80]}”, {when}"
    if lesson.source:
        return f"learned from a colleague's lessons file “{lesson.source[:80]}”, {when}"
    return f"learned from a lesson imported or made in a deleted article, {when}"


def to_json(lesson: Lesson) -> dict[str, Any]:
    """One exported line: ``{"action": ..., "text": ..., ...}`` with an optional ``"context"``."""
    action = A(lesson.action)
    out: dict[str, Any]
    if action in (A.PILLAR_ADD, A.PILLAR_REMOVE):
        add = [lesson.label] if action == A.PILLAR_ADD else []
        remove = [lesson.label] if action == A.PILLAR_REMOVE else []
        if lesson.from_label:
            remove.append(lesson.from_label)
        return {"action": "pillar", "text": lesson.text, "add": add, "remove": remove}
    out = {"action": action.value, "text": lesson.text}
    if action == A.RELABEL:
        out["from"] = lesson.from_label
    if action == A.BOUNDARY:
        out["from_text"] = lesson.from_text
    if action == A.ALIAS:
        out["canonical"] = lesson.canonical
        if lesson.entity_key:
            out["entity_id"] = lesson.entity_key
    out["label"] = lesson.label
    if lesson.context:
        out["context"] = lesson.context
    if lesson.left or lesson.right:
        out["left"], out["right"] = lesson.left, lesson.right
    return out


def _string(obj: dict[str, Any], key: str, required: bool = True) -> str:
    value = obj.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ValueError(f'"{key}" must be a non-empty string' if required else f'"{key}" must be a string')
    return value


def from_json(obj: Any) -> Iterable[dict[str, Any]]:
    """Keyword arguments of :meth:`LessonService.record` for one imported line; ValueError when malformed."""
    if not isinstance(obj, dict):
        raise ValueError("each line must be a JSON object")
    action = _string(obj, "action")
    text = _string(obj, "text")
    sentence = _string(obj, "context", required=False)
    if action == "pillar":
        add, remove = obj.get("add", []), obj.get("remove", [])
        if not isinstance(add, list) or not isinstance(remove, list) or not (add or remove) \
                or not all(isinstance(p, str) and p for p in add + remove):
            raise ValueError('"add" and "remove" must be lists of pillar ids, at least one of them not empty')
        return ([{"action": A.PILLAR_ADD, "text": text, "label": p} for p in add]
                + [{"action": A.PILLAR_REMOVE, "text": text, "label": p} for p in remove])
    try:
        kind = A(action)
    except ValueError:
        raise ValueError(f"unknown action {action!r}") from None
    if kind in (A.PILLAR_ADD, A.PILLAR_REMOVE):
        raise ValueError('pillar lessons use "action": "pillar"')
    label = _string(obj, "label")
    if label not in ALL_LABELS:
        raise ValueError(f"unknown entity label {label!r}")
    item: dict[str, Any] = {"action": kind, "text": text, "label": label}
    if kind == A.RELABEL:
        item["from_label"] = _string(obj, "from")
    if kind == A.BOUNDARY:
        item["from_text"] = _string(obj, "from_text", required=False)
    if kind == A.ALIAS:
        item["canonical"] = _string(obj, "canonical")
        item["entity_key"] = _string(obj, "entity_id", required=False)
    left, right = _string(obj, "left", required=False), _string(obj, "right", required=False)
    if sentence and not (left or right):
        at = sentence.find(text)
        if at >= 0:  # the neighbours of the surface in the sentence it was learned in
            left, right = left_token(sentence, at), right_token(sentence, at + len(text))
    item["context"] = Context(sentence, left, right)
    return [item]
