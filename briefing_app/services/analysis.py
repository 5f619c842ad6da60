"""Run the analyser on a stored article and store its suggestions."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_
from sqlmodel import col, select

from briefing_app.domain.models import Annotation, Article, LessonAction
from briefing_app.nlp.types import AnalysisResult, CancelCheck, ProgressCallback
from briefing_app.services.articles import ArticleService
from briefing_app.services.lessons import LessonService
from briefing_app.storage.database import Database
from briefing_app.storage.errors import storage_error_from
from briefing_app.storage.sql import instr

if TYPE_CHECKING:
    # only a type: the window's process never imports spaCy (its analyser runs in a process of its own)
    from briefing_app.nlp.analyzer import Analyzer


def lesson_words(action: str, text: str, from_text: str = "") -> set[str]:
    """The words whose articles a lesson can change: its surface (or passage), and the old surface of a
    shrunk boundary (that is where it applies)."""
    words = {text}
    if action == LessonAction.BOUNDARY and from_text:
        words.add(from_text)
    return {w for w in words if w.strip()}


#: How many refused analyses :class:`KeptAnalyses` holds (a long report's result is megabytes;
#: beyond these, the oldest is analysed again when it is retried).
KEPT_ANALYSES = 4


class KeptAnalyses:
    """Analyses the database refused to store (busy, full, read-only), kept so that the retry only
    stores them: a database that stays full is not a reason to analyse the same article every minute.

    Each is kept with what it was made from (the article's text, the lessons' version, the
    analyser's mode) and given back only while those are unchanged. Thread-safe: the analysis
    workers keep and take; the window asks :meth:`has`."""

    def __init__(self, limit: int = KEPT_ANALYSES) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._kept: OrderedDict[int, tuple[tuple[Any, ...], AnalysisResult]] = OrderedDict()

    def keep(self, article_id: int, made_from: tuple[Any, ...], result: AnalysisResult) -> None:
        """Hold ``result`` for a retry (the newest ``limit`` only)."""
        with self._lock:
            self._kept.pop(article_id, None)
            self._kept[article_id] = (made_from, result)
            while len(self._kept) > self.limit:
                self._kept.popitem(last=False)

    def take(self, article_id: int, made_from: tuple[Any, ...]) -> AnalysisResult | None:
        """The result kept for ``article_id`` if made from the same inputs (it is given out once)."""
        with self._lock:
            kept = self._kept.pop(article_id, None)
        return kept[1] if kept is not None and kept[0] == made_from else None

    def has(self, article_id: int) -> bool:
        """True while a refused result of ``article_id`` waits to be stored."""
        with self._lock:
            return article_id in self._kept

    def discard(self, article_id: int) -> None:
        """Forget ``article_id``'s result (stored, or the article was deleted)."""
        with self._lock:
            self._kept.pop(article_id, None)


class AnalysisService:
    """Analyse articles with what the officer taught applied."""

    def __init__(self, db: Database, analyzer: Analyzer, kept: KeptAnalyses | None = None) -> None:
        self.db = db
        self.analyzer = analyzer
        self.articles = ArticleService(db)
        #: Where a result the database refused waits for the retry (the window's), if anywhere.
        self.kept = kept

    def learned_analyzer(self) -> Analyzer:
        """The analyser with the database's lessons applied (compiled once, updated incrementally)."""
        return self.analyzer.with_lessons(LessonService(self.db).compiled(self.analyzer))

    def analyze_article(self, article_id: int, progress: ProgressCallback | None = None,
                        cancel: CancelCheck | None = None) -> AnalysisResult:
        """Analyse and store suggestions; corrections already made are kept.

        With ``kept``: a result the database refused is kept there, and the next call for the same
        article, text and lessons stores it without analysing again."""
        article = self.articles.get(article_id)
        if article is None:
            raise KeyError(article_id)
        made_from: tuple[Any, ...] = ()
        result = None
        if self.kept is not None:
            # Read before analysing: lessons taught meanwhile make the kept result stale, not this one.
            made_from = (article.text, LessonService(self.db).version(), self.analyzer.mode)
            result = self.kept.take(article_id, made_from)
        if result is None:
            result = self.learned_analyzer().analyze(article.text, progress=progress, cancel=cancel)
        try:
            self.articles.save_analysis(article_id, result)
        except Exception as exc:
            if self.kept is not None and storage_error_from(exc) is not None:
                self.kept.keep(article_id, made_from, result)  # refused: nothing stored; tried again later
            raise
        return result

    def articles_affected(self, lesson_ids: Iterable[int] | None = None, words: Iterable[str] = ()) -> list[int]:
        """Analysed articles whose text holds the surface (or passage) of the lessons (default: all active).

        ``words``: further surfaces to look for (those of lessons an undo deleted).
        """
        lessons = LessonService(self.db)
        wanted = None if lesson_ids is None else set(lesson_ids)
        rows = [x for x in lessons.all(include_inactive=wanted is not None) if wanted is None or x.id in wanted]
        needles = set(words)
        for lesson in rows:
            needles.update(lesson_words(lesson.action, lesson.text, lesson.from_text))
        found: set[int] = set()
        with self.db.session() as session:
            for needle in sorted(n for n in needles if n.strip()):
                found.update(i for i in session.exec(select(Article.id).where(
                    col(Article.analysed_at).is_not(None), instr(Article.text, needle) > 0)) if i is not None)
        return sorted(found)

    def resuggest_library(self, lesson_ids: Iterable[int] | None = None,
                          progress: ProgressCallback | None = None, cancel: CancelCheck | None = None,
                          words: Iterable[str] = ()) -> list[int]:
        """Re-suggest the articles already in the library that the lessons would change (for a background worker).

        Only untouched suggestions are replaced: the officer's accepted, rejected and added tags are never
        overwritten (see ``ArticleService.save_analysis``). Stops between articles when ``cancel()`` is true;
        returns the ids re-suggested.
        """
        ids = self.articles_affected(lesson_ids, words)
        done = []
        for n, article_id in enumerate(ids, start=1):
            if cancel is not None and cancel():
                break
            self.analyze_article(article_id)
            done.append(article_id)
            if progress is not None:
                progress(n, len(ids))
        return done

    def tags_changed_by(self, lesson_id: int, cancel: CancelCheck | None = None) -> int:
        """How many tags in the library lesson ``lesson_id`` changes now (for the Lessons panel).

        Each article holding the lesson's words is analysed with the active lessons and with all but
        this one; a tag counts when it differs (added, removed, relabelled, moved), except where the
        officer's own decision stands (an accepted, rejected or added tag at that place), which no lesson
        changes. Analyses a few articles: call it off the GUI thread.
        """
        lessons = LessonService(self.db)
        if not any(x.id == lesson_id for x in lessons.all()):
            return 0
        with_it = self.learned_analyzer()
        without = self.analyzer.with_lessons(self.analyzer.compile_lessons(
            [r for r in lessons.rules() if r.id != lesson_id]))
        changed = 0
        for article_id in self.articles_affected([lesson_id]):
            if cancel is not None and cancel():
                break
            article = self.articles.get(article_id)
            if article is None:
                continue
            a, b = with_it.analyze(article.text), without.analyze(article.text)
            with self.db.session() as session:
                decided = session.exec(select(Annotation).where(
                    Annotation.article_id == article_id,
                    or_(col(Annotation.status) != "suggested", col(Annotation.origin) == "user"))).all()
            spans = [(d.start, d.end) for d in decided if d.kind == "entity"]
            pillars = {(d.start, d.end, d.label) for d in decided if d.kind == "pillar"}

            def free(start: int, end: int, spans: list[tuple[int, int]] = spans) -> bool:
                return not any(s < end and start < e for s, e in spans)

            ents_a = {(e.start, e.end, e.label) for e in a.entities if free(e.start, e.end)}
            ents_b = {(e.start, e.end, e.label) for e in b.entities if free(e.start, e.end)}
            tags_a = {(p.start, p.end, x) for p in a.passages for x in p.pillars} - pillars
            tags_b = {(p.start, p.end, x) for p in b.passages for x in p.pillars} - pillars
            # a relabel or a moved boundary is one tag changed, not one removed and one added
            changed += max(len(ents_a - ents_b), len(ents_b - ents_a)) + max(len(tags_a - tags_b), len(tags_b - tags_a))
        return changed
