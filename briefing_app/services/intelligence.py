"""Key points, commitments, timeline and "what's new" for a set of stored articles (the builder calls these)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlmodel import col, select

from briefing_app.domain.models import Article
from briefing_app.nlp.commitments import Commitment
from briefing_app.nlp.intelligence import (
    ArticleFacts,
    KeyPoint,
    NewItem,
    TimelineEvent,
    key_points,
    timeline,
    whats_new,
)
from briefing_app.storage.database import Database

if TYPE_CHECKING:
    # only a type: the window's process never imports spaCy (its analyser runs in a process of its own)
    from briefing_app.nlp.analyzer import Analyzer

#: Shared countries/bodies that make two articles "the same relationship".
_RELATION_LABELS = ("GPE", "NORP", "ORG")


class IntelligenceService:
    """Drafts from analysed articles; every line cites article id + start/end of its passage."""

    def __init__(self, db: Database, analyzer: Analyzer) -> None:
        self.db = db
        # Drafting needs commitments, which the review path's analyser leaves out (the parser's cost).
        self.analyzer = replace(analyzer, find_commitments=True)
        self._facts: dict[tuple[int, str], ArticleFacts] = {}

    def facts(self, article_ids: Sequence[int]) -> list[ArticleFacts]:
        """The analysed articles, oldest first (analysis cached per article text)."""
        with self.db.session() as session:
            rows = list(session.exec(select(Article).where(col(Article.id).in_(list(article_ids)))))
        out = []
        for a in rows:
            assert a.id is not None
            key = (a.id, a.text_hash)
            if key not in self._facts:
                self._facts[key] = ArticleFacts(a.id, a.text, self.analyzer.analyze(a.text), a.published, a.outlet)
            out.append(self._facts[key])
        out.sort(key=lambda f: (f.published or "9999", f.article_id))
        return out

    def commitments(self, article_ids: Sequence[int]) -> list[tuple[int, Commitment]]:
        """(article id, commitment) of the articles, in article then text order."""
        return [(f.article_id, c) for f in self.facts(article_ids) for c in f.result.commitments]

    def key_points(self, article_ids: Sequence[int], limit: int = 6) -> list[KeyPoint]:
        """3-6 extractive summary bullets across the articles."""
        return key_points(self.facts(article_ids), limit=limit)

    def timeline(self, article_ids: Sequence[int]) -> list[TimelineEvent]:
        """Dated events in order."""
        return timeline(self.facts(article_ids))

    def earlier_articles(self, article_ids: Sequence[int], limit: int = 20, before: str | None = None) -> list[int]:
        """Library articles published before the selection (or before ``before``, an ISO date) that share
        its two leading parties; the ``limit`` most recent, oldest first."""
        selected = self.facts(article_ids)
        dates = [f.published for f in selected if f.published]
        if before:
            dates = [before]
        if not dates:
            return []
        counts = Counter(e.entity_id for f in selected for e in f.result.entities if e.label in _RELATION_LABELS)
        leading = [eid for eid, _ in counts.most_common(2)]
        names = {e.entity_id: e.text for f in selected for e in f.result.entities if e.entity_id in leading}
        with self.db.session() as session:
            rows = list(session.exec(select(Article.id, Article.text).where(
                Article.published != "", Article.published < min(dates),
                col(Article.id).not_in(list(article_ids))).order_by(col(Article.published), col(Article.id))))
        wanted = [names[eid] for eid in leading]
        picked = [i for i, text in rows if i is not None and all(n in text for n in wanted)]
        return picked[-limit:]

    def whats_new(self, article_ids: Sequence[int], earlier_ids: Sequence[int] | None = None) -> list[NewItem]:
        """New commitments, actors, initiatives, topics and changed figures since the earlier articles."""
        earlier = self.earlier_articles(article_ids) if earlier_ids is None else list(earlier_ids)
        return whats_new(self.facts(article_ids), self.facts(earlier) if earlier else [])
