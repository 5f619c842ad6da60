"""Articles: import, duplicates, metadata, status, analysis results, search, deletion."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, text
from sqlmodel import col, select

from briefing_app.core.models import Annotation, Article, utcnow
from briefing_app.core.text import normalize_text, text_hash
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult
from briefing_app.storage.database import Database

REVIEW_STATUSES = ("new", "in_review", "reviewed")
EDITABLE_METADATA = ("title", "outlet", "author", "published", "url")


class DuplicateArticle(Exception):
    """The same normalised text is already in the library."""

    def __init__(self, existing: Article) -> None:
        super().__init__(f"Already in the library as “{existing.title}” (#{existing.id}).")
        self.existing = existing


@dataclass(slots=True)
class ArticleSummary:
    """One row of the library table."""

    id: int
    title: str
    outlet: str
    published: str
    status: str
    entity_count: int
    pillar_count: int
    open_suggestions: int
    created_at: datetime


class ArticleService:
    """Create, read, update and delete articles."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, doc: ImportedDocument) -> Article:
        """Store an imported document; raise DuplicateArticle if its text is already stored."""
        body = normalize_text(doc.text)
        if not body:
            raise ValueError("The article is empty.")
        digest = text_hash(body)
        with self.db.session() as session:
            existing = session.exec(select(Article).where(Article.text_hash == digest)).first()
            if existing is not None:
                raise DuplicateArticle(existing)
            article = Article(
                title=(doc.title or body.split("\n", 1)[0])[:300].strip(),
                outlet=doc.outlet, author=doc.author, url=doc.url, published=doc.published,
                source_path=doc.source_path, format=doc.format, text=body, text_hash=digest,
            )
            session.add(article)
            session.commit()
            session.refresh(article)
            return article

    def find_by_hash(self, digest: str) -> Article | None:
        """The article whose normalised text has this hash, if any."""
        with self.db.session() as session:
            return session.exec(select(Article).where(Article.text_hash == digest)).first()

    def get(self, article_id: int) -> Article | None:
        """One article with its text, or None."""
        with self.db.session() as session:
            return session.get(Article, article_id)

    def list_summaries(self) -> list[ArticleSummary]:
        """All articles with annotation counts, newest first."""
        with self.db.session() as session:
            counts = {
                (row[0], row[1]): (row[2], row[3])
                for row in session.exec(
                    select(
                        Annotation.article_id, Annotation.kind,
                        func.count(),
                        func.sum(col(Annotation.status) == "suggested"),
                    )
                    .where(Annotation.status != "rejected")
                    .group_by(Annotation.article_id, Annotation.kind)
                ).all()
            }
            articles = session.exec(
                select(Article.id, Article.title, Article.outlet, Article.published, Article.status,
                       Article.created_at).order_by(col(Article.created_at).desc(), col(Article.id).desc())
            ).all()
        result = []
        for aid, title, outlet, published, status, created in articles:
            ents, ent_open = counts.get((aid, "entity"), (0, 0))
            pils, pil_open = counts.get((aid, "pillar"), (0, 0))
            result.append(ArticleSummary(
                id=aid, title=title, outlet=outlet, published=published, status=status,
                entity_count=ents, pillar_count=pils,
                open_suggestions=int(ent_open or 0) + int(pil_open or 0), created_at=created,
            ))
        return result

    def update_metadata(self, article_id: int, **fields: str) -> Article:
        """Change title/outlet/author/published/url."""
        unknown = set(fields) - set(EDITABLE_METADATA)
        if unknown:
            raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
        with self.db.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise KeyError(article_id)
            for name, value in fields.items():
                setattr(article, name, value.strip())
            article.updated_at = utcnow()
            session.add(article)
            session.commit()
            return article

    def set_status(self, article_id: int, status: str) -> None:
        """Set the review status (new, in_review, reviewed)."""
        if status not in REVIEW_STATUSES:
            raise ValueError(f"Unknown review status {status!r}")
        with self.db.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise KeyError(article_id)
            article.status = status
            article.updated_at = utcnow()
            session.add(article)
            session.commit()

    def delete(self, article_id: int) -> None:
        """Delete an article; its annotations, notes and briefing items go with it (cascade)."""
        with self.db.session() as session:
            session.exec(delete(Article).where(col(Article.id) == article_id))  # type: ignore[call-overload]
            session.commit()

    def is_analysed(self, article_id: int) -> bool:
        """True once analysis results were stored for the article."""
        article = self.get(article_id)
        return article is not None and article.analysed_at is not None

    def save_analysis(self, article_id: int, result: AnalysisResult) -> None:
        """Store analysis suggestions, replacing earlier *untouched* suggestions.

        Anything the officer made or decided on (user origin, accepted or
        rejected status) is kept, and a new suggestion overlapping one of
        those is dropped, so re-analysis never undoes a correction.
        """
        with self.db.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise KeyError(article_id)
            session.exec(delete(Annotation).where(  # type: ignore[call-overload]
                col(Annotation.article_id) == article_id,
                col(Annotation.status) == "suggested",
                col(Annotation.origin) != "user",
            ))
            kept = session.exec(select(Annotation).where(Annotation.article_id == article_id)).all()
            decided = {(a.kind, a.start, a.end) for a in kept}
            decided_entity_spans = [(a.start, a.end) for a in kept if a.kind == "entity"]
            for ent in result.entities:
                if (("entity", ent.start, ent.end) in decided
                        or any(s < ent.end and ent.start < e for s, e in decided_entity_spans)):
                    continue
                session.add(Annotation(
                    article_id=article_id, kind="entity", start=ent.start, end=ent.end, label=ent.label,
                    text=ent.text, entity_id=ent.entity_id, role=ent.role, origin=ent.source,
                    confidence=ent.confidence, created_by="analyzer",
                ))
            decided_pillars = {(a.start, a.end, a.label) for a in kept if a.kind == "pillar"}
            for passage in result.passages:
                for pillar in passage.pillars:
                    if (passage.start, passage.end, pillar) in decided_pillars:
                        continue
                    session.add(Annotation(
                        article_id=article_id, kind="pillar", start=passage.start, end=passage.end,
                        label=pillar, text=result.text[passage.start:passage.end],
                        origin="model", confidence=float(passage.scores.get(pillar, 1.0)),
                        why=json.dumps(passage.why), created_by="analyzer",
                    ))
            article.analysed_at = utcnow()
            article.analysis_mode = result.mode
            session.add(article)
            session.commit()

    def search(self, query: str, limit: int = 200) -> list[tuple[int, str]]:
        """Full-text search (FTS5); returns (article id, snippet with [[hits]] marked)."""
        terms = [t for t in re.findall(r"\w+", query, flags=re.UNICODE) if t]
        if not terms:
            return []
        # Quote every term: user input never becomes FTS syntax; last term is a prefix.
        fts_query = " ".join(f'"{t}"' for t in terms[:-1]) + f' "{terms[-1]}"*'
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT rowid, snippet(article_fts, 2, '[[', ']]', '…', 12) FROM article_fts "
                    "WHERE article_fts MATCH :q ORDER BY rank LIMIT :n"
                ),
                {"q": fts_query.strip(), "n": limit},
            ).all()
        return [(int(r[0]), str(r[1])) for r in rows]
