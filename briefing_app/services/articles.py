"""Articles: import, duplicates, metadata, status, analysis results, search, deletion."""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Integer, String, column, delete, text
from sqlalchemy import insert as sa_insert
from sqlalchemy import select as select_rows
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import col, select
from sqlmodel.sql.sqltypes import UTCDateTime

from briefing_app.domain.models import (
    Annotation,
    AnnotationKind,
    AnnotationOrigin,
    AnnotationStatus,
    Article,
    ArticleStatus,
    BriefingItem,
    Lesson,
    Note,
    utcnow,
)
from briefing_app.domain.text import normalize_text, sanitize_for_xml, text_hash
from briefing_app.domain.wording import count
from briefing_app.importers import ImportedDocument, ImportFailed, iter_importable, load_document
from briefing_app.importers.base import describe_exception, display_name
from briefing_app.importers.dispatch import ImportCancelled, load_document_cancellable
from briefing_app.importers.files import NotRegularFile
from briefing_app.nlp.types import AnalysisResult
from briefing_app.services.changes import ChangeSet, RowSnapshot, table_of
from briefing_app.services.open_suggestions import Visibility, article_open, open_condition
from briefing_app.storage.database import Database
from briefing_app.storage.errors import StorageError, reason_clause, storage_error_from
from briefing_app.storage.fulltext import FullText, TermStats, load_term_stats, search_sql, terms
from briefing_app.storage.sql import distinct_list, estimated_rows, stored_bytes
from briefing_app.storage.text_decoding import is_valid_utf8

log = logging.getLogger(__name__)

REVIEW_STATUSES = tuple(ArticleStatus)
# Article columns holding text read from files or typed: repaired when stored bytes are not UTF-8.
_TEXT_COLUMNS = ("title", "outlet", "author", "url", "published", "source_path", "text")
#: The message of files not imported because the officer stopped the import.
STOPPED_MESSAGE = "Not imported (import stopped)"
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
    author: str = ""
    pillars: tuple[str, ...] = ()  # distinct pillar ids tagged (not rejected)
    snippet: str = ""  # search mode: plain-text excerpt around the hits
    hits: tuple[tuple[int, int], ...] = ()  # search mode: highlight spans into ``snippet``


@dataclass(slots=True, frozen=True)
class LibraryFilter:
    """What the library panel shows: a search query and filters, all optional."""

    query: str = ""
    pillar: str = ""  # pillar id
    entity: str = ""  # an entity_id ("PERSON:narendra modi") or a name typed by the officer
    date_from: str = ""  # ISO date, inclusive
    date_to: str = ""  # ISO date, inclusive
    status: str = ""  # new | in_review | reviewed

    def is_empty(self) -> bool:
        """True when nothing narrows the library."""
        return not (self.query.strip() or self.pillar or self.entity.strip() or self.date_from
                    or self.date_to or self.status)


@dataclass(slots=True)
class SearchHit:
    """One full-text search result: a plain snippet and the spans of the matched terms in it."""

    article_id: int
    snippet: str
    hits: tuple[tuple[int, int], ...]


@dataclass(slots=True, frozen=True)
class LibrarySize:
    """How many articles the library holds; ``exact`` is False for a server's estimate."""

    count: int
    exact: bool = True

    def words(self) -> str:
        """"1 article", "12 articles", or "about 1,000,000 articles"."""
        noun = "article" if self.count == 1 else "articles"
        return f"{self.count:,} {noun}" if self.exact else f"about {self.count:,} {noun}"


#: Seconds the search keeps PostgreSQL's word statistics before reading them again.
TERM_STATS_TTL_S = 600.0

#: From this many articles a desk library's size is the server's estimate (see ArticleService.size).
ESTIMATE_FROM = 200_000


@dataclass(slots=True)
class EntityChoice:
    """An entity the library filter offers: its key, the name shown and how many articles mention it."""

    key: str
    name: str
    label: str
    articles: int


class ImportStopped(StorageError):
    """An import batch stopped because the database could not be written (full disk, busy).

    ``outcomes`` holds every file: those stored before the problem ("imported",
    "duplicate", "failed" for bad input), the one being stored when it happened
    and the rest ("failed"/"skipped", not stored). ``reason`` is the problem.
    """

    def __init__(self, reason: StorageError, outcomes: list[ImportOutcome]) -> None:
        self.reason = reason
        self.outcomes = outcomes
        super().__init__(self.summary())

    def summary(self, analysed: int | None = None) -> str:
        """E.g. "Imported 3 of 5 files; stopped: the disk is full (…). Nothing else was changed."."""
        imported = sum(1 for o in self.outcomes if o.status == "imported")
        duplicates = sum(1 for o in self.outcomes if o.status == "duplicate")
        extra = f", {duplicates} already in the library" if duplicates else ""
        if analysed is not None and analysed < imported:
            extra += f", {imported - analysed} not yet analysed"
        return (f"Imported {imported} of {len(self.outcomes)} files{extra}; stopped: "
                f"{reason_clause(self.reason)}. Nothing else was changed.")


@dataclass(slots=True)
class ImportOutcome:
    """What happened to one file of an import batch."""

    path: str
    status: str  # imported | duplicate | failed | skipped
    message: str
    article_id: int | None = None
    title: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The file's base name."""
        return display_name(self.path) if self.path else "(pasted text)"


# Snippet markers: control characters that normalised text can never contain.
_HIT_OPEN, _HIT_CLOSE = "\x02", "\x03"
_SNIPPET_TOKENS = 16


class ArticleService:
    """Create, read, update and delete articles."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._term_stats: TermStats | None = None
        self._term_stats_read = -float("inf")  # time.monotonic() of the last read

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
                title=sanitize_for_xml(doc.title or body.split("\n", 1)[0])[:300].strip(),
                outlet=sanitize_for_xml(doc.outlet), author=sanitize_for_xml(doc.author),
                url=sanitize_for_xml(doc.url), published=sanitize_for_xml(doc.published),
                # A file name with bytes that are not UTF-8 arrives with surrogates, which SQLite refuses.
                source_path=sanitize_for_xml(doc.source_path), format=doc.format, text=body, text_hash=digest,
            )
            session.add(article)
            session.commit()
            session.refresh(article)
            return article

    def import_file(self, path: str | os.PathLike[str], cancel: Callable[[], bool] | None = None,
                    in_folder: bool = False) -> ImportOutcome:
        """Import one file; never raises for bad input (the outcome says what went wrong).

        Nothing partial is stored: the article row is written in one transaction or not at all.
        With ``cancel``, the wait for a slow file ends as soon as ``cancel()`` turns true
        (status "skipped"). A pipe, socket or device is never read: found in a folder
        (``in_folder``) it is skipped, named on its own it fails.
        """
        try:
            doc = load_document(path) if cancel is None else load_document_cancellable(path, cancel)
            article = self.add(doc)
        except ImportCancelled:
            return ImportOutcome(os.fspath(path), "skipped", STOPPED_MESSAGE)
        except NotRegularFile as exc:
            if in_folder:
                return ImportOutcome(os.fspath(path), "skipped", exc.reason)
            return ImportOutcome(os.fspath(path), "failed", str(exc))
        except ImportFailed as exc:
            return ImportOutcome(os.fspath(path), "failed", str(exc))
        except DuplicateArticle as exc:
            return ImportOutcome(os.fspath(path), "duplicate", str(exc), exc.existing.id, exc.existing.title)
        except ValueError as exc:
            return ImportOutcome(os.fspath(path), "failed", f"{display_name(path)}: {exc}")
        except OSError as exc:
            return ImportOutcome(os.fspath(path), "failed", f"{display_name(path)} could not be stored "
                                 f"({describe_exception(exc)})")
        return ImportOutcome(os.fspath(path), "imported", f"Imported as “{article.title}”", article.id,
                             article.title, tuple(doc.warnings))

    def import_files(self, paths: Iterable[str | os.PathLike[str]],
                     progress: Callable[[int, int, str], None] | None = None,
                     cancel: Callable[[], bool] | None = None) -> list[ImportOutcome]:
        """Import files and folders (expanded recursively), one transaction per file.

        A failing file is reported and the rest of the batch continues. ``progress(done,
        total, name)`` is called before each file; when ``cancel()`` turns true the remaining
        files are reported as skipped.
        """
        given = [Path(p) for p in paths]
        named = {p for p in given if not p.is_dir()}  # named on their own, not found in a folder
        files = list(iter_importable(given))
        outcomes: list[ImportOutcome] = []
        for done, path in enumerate(files):
            if cancel is not None and cancel():
                outcomes += [ImportOutcome(os.fspath(p), "skipped", STOPPED_MESSAGE) for p in files[done:]]
                break
            if progress is not None:
                progress(done, len(files), path.name)
            try:
                outcomes.append(self.import_file(path, cancel=cancel, in_folder=path not in named))
            except Exception as exc:
                # The database cannot be written (full disk, busy): stop, and say what was stored.
                problem = storage_error_from(exc, self.db.path)
                if problem is None:
                    raise
                outcomes.append(ImportOutcome(os.fspath(path), "failed", f"Not imported: {reason_clause(problem)}"))
                outcomes += [ImportOutcome(os.fspath(p), "skipped", f"Not imported (import stopped: "
                                           f"{reason_clause(problem)})") for p in files[done + 1:]]
                raise ImportStopped(problem, outcomes) from exc
        if progress is not None:
            progress(len(files), len(files), "")
        return outcomes

    def get(self, article_id: int) -> Article | None:
        """One article with its text, or None.

        Stored bytes that are not UTF-8 (a damaged page) are read as U+FFFD (see
        storage.text_decoding) and written back repaired, so backups stop carrying them.
        """
        with self.db.session() as session:
            article = session.get(Article, article_id)
        if article is not None and any("\ufffd" in getattr(article, c) for c in _TEXT_COLUMNS):
            self._repair_stored_text(article)
        return article

    def _repair_stored_text(self, article: Article) -> None:
        """Write back the text columns whose stored bytes are not UTF-8, as they were read (with U+FFFD)."""
        if self.db.read_only:
            return
        try:
            with self.db.engine.begin() as conn:
                raw_sql = ", ".join(stored_bytes(conn, c) for c in _TEXT_COLUMNS)
                row = conn.exec_driver_sql(f"SELECT {raw_sql} FROM article WHERE id = ?", (article.id,)).first()
                bad = [c for c, raw in zip(_TEXT_COLUMNS, row or (), strict=False) if not is_valid_utf8(raw)]
                if not bad:
                    return
                # The values read already hold U+FFFD for each invalid sequence (storage.text_decoding).
                conn.execute(text(f"UPDATE article SET {', '.join(f'{c} = :{c}' for c in bad)} WHERE id = :id"),
                             {**{c: getattr(article, c) for c in bad}, "id": article.id})
        except SQLAlchemyError as exc:  # busy or read-only after all: shown repaired now, written next time
            log.warning("Article #%s holds invalid bytes; the repair could not be saved yet (%s)", article.id, exc)
            return
        log.warning("Article #%s held invalid bytes in %s; repaired (each shown as U+FFFD)",
                    article.id, ", ".join(bad))

    def list_summaries(self, filters: LibraryFilter | None = None, limit: int | None = None,
                       article_ids: Iterable[int] | None = None,
                       visibility: Visibility | None = None, *, sort: str | None = None,
                       descending: bool = False, offset: int = 0) -> list[ArticleSummary]:
        """Articles with annotation counts: newest first, or by relevance when ``filters.query`` is set.

        In search mode every summary carries a plain snippet and the spans of the hits in it.
        ``article_ids`` restricts the result to those articles (to refresh single rows).
        Open suggestions are counted by the one rule (services/open_suggestions) with the
        legend's ``visibility``. Outside a search, ``sort`` (a key of ``SORT_KEYS``) orders by a
        column, ties newest first, and ``limit``/``offset`` read one page: the library view
        fetches pages as the officer scrolls, so nothing here scans the whole library for a page.
        """
        f = filters or LibraryFilter()
        conditions, params = _filter_sql(f)
        if article_ids is not None:
            ids = sorted({int(i) for i in article_ids})
            if not ids:
                return []
            conditions.append(f"a.id IN ({','.join(str(i) for i in ids)})")
        fts = self._full_text(f.query)
        if f.query.strip() and fts is None:
            return []
        binds: list[Any] = []
        columns = "a.id, a.title, a.outlet, a.author, a.published, a.status, a.created_at"
        if fts is not None:
            conditions.append(fts.condition)
            params.update(fts.params)
            sql = f"SELECT {columns}, {fts.snippet} FROM {{source}} WHERE {' AND '.join(conditions)} ORDER BY {fts.order}"
        else:
            where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
            order = "a.created_at DESC, a.id DESC"
            if sort is not None:
                key, extra, key_binds = _sort_key_sql(sort, visibility)
                params.update(extra)
                binds.extend(key_binds)
                order = f"{key} {'DESC' if descending else 'ASC'}, {order}"
            sql = f"SELECT {columns}, '' FROM article a{where} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = int(limit)
            if offset:
                sql += " OFFSET :offset"
                params["offset"] = int(offset)
        def statement(source: str) -> Any:
            return text(sql.replace("{source}", source)).bindparams(*binds).columns(
                column("id", Integer), column("title", String), column("outlet", String), column("author", String),
                column("published", String), column("status", String), column("created_at", UTCDateTime()),
                column("snippet", String),
            )

        with self.db.engine.connect() as conn:
            rows: list[Any] = []
            recent_first = fts is not None and fts.recent_source is not None and limit is not None and not offset
            if recent_first:
                rows = list(conn.execute(statement(str(fts.recent_source)), params).all())  # type: ignore[union-attr]
            if not recent_first or len(rows) < int(limit or 0):
                # Everything that matches (a page of the newest alone is kept: see storage.fulltext).
                rows = list(conn.execute(statement(fts.source if fts is not None else ""), params).all())
            # A page counts only its own rows; the whole library is grouped only when all is listed.
            counts = _annotation_counts(conn, [int(r[0]) for r in rows],
                                        whole_library=not conditions and limit is None, visibility=visibility)
        result = []
        for aid, title, outlet, author, published, status, created, marked in rows:
            ents, pils, visible_open, pillar_ids = counts.get(aid, (0, 0, 0, ()))
            open_ = article_open(visible_open, status)
            snippet, hits = parse_snippet(marked or "")
            result.append(ArticleSummary(
                id=aid, title=title, outlet=outlet, published=published, status=status,
                entity_count=ents, pillar_count=pils, open_suggestions=open_, created_at=created,
                author=author, pillars=pillar_ids, snippet=snippet, hits=hits,
            ))
        return result

    def count_matching(self, filters: LibraryFilter | None = None) -> int:
        """Number of articles the filters (not the search) let through: the library view's total."""
        conditions, params = _filter_sql(filters or LibraryFilter())
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        with self.db.engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM article a{where}"), params).scalar_one())

    def count(self) -> int:
        """Number of articles in the library."""
        with self.db.engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM article")).scalar_one())

    def size(self) -> LibrarySize:
        """Number of articles for the library's summary line, without a scan of a huge library.

        A desk library on PostgreSQL of at least ``ESTIMATE_FROM`` articles is counted by the
        server's own estimate (a catalogue lookup; an exact ``count(*)`` there reads every row,
        about 0.2 s at a million); smaller libraries and SQLite are counted exactly.
        """
        with self.db.engine.connect() as conn:
            estimate = estimated_rows(conn, "article")
            if estimate is not None and estimate >= ESTIMATE_FROM:
                return LibrarySize(estimate, exact=False)
            return LibrarySize(int(conn.execute(text("SELECT count(*) FROM article")).scalar_one()), exact=True)

    def entity_choices(self, labels: Iterable[str] | None = None, limit: int = 1000) -> list[EntityChoice]:
        """Entities mentioned in the library (not rejected), most widespread first, for the filter."""
        params: dict[str, object] = {}
        label_sql = ""
        if labels is not None:
            names = sorted(set(labels))
            if not names:
                return []
            label_sql = " AND label IN (" + ", ".join(f":l{i}" for i in range(len(names))) + ")"
            params.update({f"l{i}": name for i, name in enumerate(names)})
        where = f"kind = 'entity' AND status != 'rejected' AND entity_id != ''{label_sql}"
        with self.db.engine.connect() as conn:
            forms = conn.execute(text(
                f"SELECT entity_id, max(label), text, count(*) FROM annotation WHERE {where} GROUP BY entity_id, text"
            ), params).all()
            spread: dict[str, int] = dict(conn.execute(text(
                f"SELECT entity_id, count(DISTINCT article_id) FROM annotation WHERE {where} GROUP BY entity_id"
            ), params).all())
        # The name shown is the entity's most frequent surface form.
        best: dict[str, tuple[int, str, str]] = {}
        for key, label, surface, n in forms:
            if n > best.get(key, (0, "", ""))[0]:
                best[key] = (n, surface, label)
        choices = [EntityChoice(key, surface, label, int(spread.get(key, 0)))
                   for key, (_n, surface, label) in best.items()]
        choices.sort(key=lambda c: (-c.articles, c.name.casefold()))
        return choices[:limit]

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
                setattr(article, name, sanitize_for_xml(value).strip())
            article.updated_at = utcnow()
            session.add(article)
            session.commit()
            return article

    def set_status(self, article_id: int, status: str) -> ArticleStatus:
        """Set the review status (new, in_review, reviewed); returns the status it had before."""
        if status not in REVIEW_STATUSES:
            raise ValueError(f"Unknown review status {status!r}")
        status = ArticleStatus(status)
        with self.db.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise KeyError(article_id)
            before = article.status
            article.status = status
            article.updated_at = utcnow()
            session.add(article)
            session.commit()
        self.db.verdicts_moved()
        return before

    def update_metadata_change(self, article_id: int, **fields: str) -> ChangeSet:
        """:meth:`update_metadata` as an undoable change."""
        before = self.get(article_id)
        if before is None:
            raise KeyError(article_id)
        snap = RowSnapshot.of(before)
        after = RowSnapshot.of(self.update_metadata(article_id, **fields))
        return ChangeSet("Edit article details", rows=[(snap, after)])

    def delete_change(self, article_ids: Iterable[int]) -> ChangeSet:
        """Delete articles as an undoable change: undo puts them back with their tags, notes and
        briefing passages, under their own ids (ids are never reused), and re-links their lessons.

        One transaction: the rows are read and the articles deleted together (the rest cascades).
        """
        ids = sorted({int(i) for i in article_ids})
        changes = ChangeSet(f"Delete {count(len(ids), 'article')}" if len(ids) != 1 else "Delete article")
        if not ids:
            return changes
        with self.db.engine.begin() as conn:
            for model, target in ((Article, changes.rows), (Annotation, changes.annotations), (Note, changes.notes),
                                  (BriefingItem, changes.rows)):
                table = table_of(model)
                column = table.c.id if model is Article else table.c.article_id
                for row in conn.execute(select_rows(table).where(column.in_(ids))):
                    target.append((RowSnapshot.from_mapping(model, row._mapping), None))
            lessons = table_of(Lesson)
            for row in conn.execute(select_rows(lessons).where(lessons.c.article_id.in_(ids))):
                snap = RowSnapshot.from_mapping(Lesson, row._mapping)
                changes.lessons.append((snap, snap.replace(article_id=None)))  # a lesson outlives its article
            conn.execute(delete(table_of(Article)).where(table_of(Article).c.id.in_(ids)))
        if len(ids) == 1 and changes.rows:
            changes.description = f"Delete “{changes.rows[0][0].title}”"
        return changes

    def delete(self, article_id: int) -> None:
        """Delete an article; its annotations, notes and briefing items go with it (cascade)."""
        with self.db.session() as session:
            session.exec(delete(Article).where(col(Article.id) == article_id))
            session.commit()

    def delete_many(self, article_ids: Iterable[int]) -> int:
        """Delete several articles in one transaction (all or none); returns how many were deleted."""
        ids = sorted({int(i) for i in article_ids})
        if not ids:
            return 0
        with self.db.session() as session:
            result = session.exec(delete(Article).where(col(Article.id).in_(ids)))
            session.commit()
            return int(result.rowcount or 0)

    def status(self, article_id: int) -> str | None:
        """The review status of an article (None when it does not exist), without loading its text."""
        table = Article.__table__  # type: ignore[attr-defined]
        # A Core read (no ORM session): every edit asks for it, on a long report several times.
        with self.db.engine.connect() as conn:
            return conn.execute(select_rows(table.c.status).where(table.c.id == article_id)).scalar()

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
            session.exec(delete(Annotation).where(
                col(Annotation.article_id) == article_id,
                col(Annotation.status) == AnnotationStatus.SUGGESTED,
                col(Annotation.origin) != AnnotationOrigin.USER,
            ))
            kept = session.exec(select(Annotation).where(Annotation.article_id == article_id)).all()
            decided = {(a.kind, a.start, a.end) for a in kept}
            decided_entity_spans = [(a.start, a.end) for a in kept if a.kind == AnnotationKind.ENTITY]
            decided_pillars = {(a.start, a.end, a.label) for a in kept if a.kind == AnnotationKind.PILLAR}
            now = utcnow()
            common = {"article_id": article_id, "status": AnnotationStatus.SUGGESTED, "original": None, "created_by": "analyzer",
                      "created_at": now, "updated_at": now, "changed_by": self.db.officer, "changed_at": now}
            rows: list[dict[str, object]] = []
            for ent in result.entities:
                if ((AnnotationKind.ENTITY, ent.start, ent.end) in decided
                        or any(s < ent.end and ent.start < e for s, e in decided_entity_spans)):
                    continue
                rows.append(common | {
                    "kind": AnnotationKind.ENTITY, "start": ent.start, "end": ent.end, "label": ent.label, "text": ent.text,
                    "entity_id": ent.entity_id, "role": ent.role, "origin": ent.source,
                    "confidence": ent.confidence, "why": ent.why,
                })
            for passage in result.passages:
                why = list(passage.why)
                for pillar in passage.pillars:
                    if (passage.start, passage.end, pillar) in decided_pillars:
                        continue
                    rows.append(common | {
                        "kind": AnnotationKind.PILLAR, "start": passage.start, "end": passage.end, "label": pillar,
                        "text": result.text[passage.start:passage.end], "entity_id": "", "role": "",
                        "origin": AnnotationOrigin.MODEL, "confidence": float(passage.scores.get(pillar, 1.0)), "why": why,
                    })
            if rows:
                # One Core executemany instead of thousands of ORM objects: a long report's
                # suggestions are stored in a fraction of the time, and the GUI thread, which
                # shares the interpreter lock with this worker, never waits long.
                session.execute(sa_insert(Annotation.__table__), rows)  # type: ignore[attr-defined]
            article.analysed_at = utcnow()
            article.analysis_mode = result.mode
            session.add(article)
            session.commit()

    def search_hits(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Full-text search (FTS5, or PostgreSQL's tsvector) ranked by relevance, with plain snippets and hit spans."""
        fts = self._full_text(query)
        if fts is None:
            return []
        params = {**fts.params, "n": limit}
        with self.db.engine.connect() as conn:
            rows: list[Any] = []
            for source in ([fts.recent_source] if fts.recent_source is not None else []) + [fts.source]:
                rows = list(conn.execute(text(
                    f"SELECT a.id, {fts.snippet} FROM {source} WHERE {fts.condition} ORDER BY {fts.order} LIMIT :n"),
                    params).all())
                if len(rows) >= limit:
                    break  # the newest articles alone fill the page (see storage.fulltext.search_sql)
        return [SearchHit(int(r[0]), *parse_snippet(str(r[1]))) for r in rows]

    def _full_text(self, query: str) -> FullText | None:
        """The search pieces for ``query``; on PostgreSQL with the library's word statistics (re-read
        every ``TERM_STATS_TTL_S`` seconds: they change only as the server re-analyses the table)."""
        dialect = self.db.engine.dialect.name
        if dialect == "postgresql" and len(terms(query)) > 1:
            now = time.monotonic()
            if now - self._term_stats_read > TERM_STATS_TTL_S:
                with self.db.engine.connect() as conn:
                    self._term_stats = load_term_stats(conn)
                self._term_stats_read = now
        return search_sql(dialect, query, _HIT_OPEN, _HIT_CLOSE, _SNIPPET_TOKENS, self._term_stats)

    def search(self, query: str, limit: int = 200) -> list[tuple[int, str]]:
        """Full-text search (FTS5); returns (article id, snippet with [[hits]] marked)."""
        result = []
        for hit in self.search_hits(query, limit):
            marked, last = [], 0
            for start, end in hit.hits:
                marked += [hit.snippet[last:start], "[[", hit.snippet[start:end], "]]"]
                last = end
            marked.append(hit.snippet[last:])
            result.append((hit.article_id, "".join(marked)))
        return result


def parse_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Split an FTS5 snippet with hit markers into plain text and hit spans (code points)."""
    plain: list[str] = []
    hits: list[tuple[int, int]] = []
    length = 0
    opened = -1
    for piece in re.split(f"([{_HIT_OPEN}{_HIT_CLOSE}])", marked):
        if piece == _HIT_OPEN:
            opened = length
        elif piece == _HIT_CLOSE:
            if opened >= 0 and length > opened:
                hits.append((opened, length))
            opened = -1
        elif piece:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), tuple(hits)


def _filter_sql(f: LibraryFilter) -> tuple[list[str], dict[str, object]]:
    """SQL conditions on ``article a`` for the non-search filters."""
    conditions: list[str] = []
    params: dict[str, object] = {}
    if f.status:
        conditions.append("a.status = :status")
        params["status"] = f.status
    if f.date_from:
        conditions.append("a.published != '' AND substr(a.published, 1, 10) >= :date_from")
        params["date_from"] = f.date_from[:10]
    if f.date_to:
        conditions.append("a.published != '' AND substr(a.published, 1, 10) <= :date_to")
        params["date_to"] = f.date_to[:10]
    if f.pillar:
        conditions.append(
            "EXISTS (SELECT 1 FROM annotation p WHERE p.article_id = a.id AND p.kind = 'pillar' "
            "AND p.label = :pillar AND p.status != 'rejected')"
        )
        params["pillar"] = f.pillar
    entity = " ".join(f.entity.split())
    if entity:
        # An entity key from the filter list, or a name typed by the officer (any surface form).
        conditions.append(
            "EXISTS (SELECT 1 FROM annotation e WHERE e.article_id = a.id AND e.kind = 'entity' "
            "AND e.status != 'rejected' AND (e.entity_id = :entity OR lower(e.text) = lower(:entity)))"
        )
        params["entity"] = entity
    return conditions, params


#: Library columns the view sorts by in the database (pages stay in the order of the whole list).
SORT_KEYS = ("title", "outlet", "date", "status", "entities", "pillars", "open")


def _sort_key_sql(sort: str, visibility: Visibility | None) -> tuple[str, dict[str, object], list[Any]]:
    """SQL expression (over ``article a``) of a sort key, with its parameters and bind declarations.

    The counts are correlated subqueries on the indexed ``annotation.article_id``; they agree with
    ``_annotation_counts`` (and the open count with the one rule of open_suggestions).
    """
    if sort == "title":
        return "lower(a.title)", {}, []
    if sort == "outlet":
        return "lower(a.outlet)", {}, []
    if sort == "date":
        return "a.published", {}, []
    if sort == "status":
        whens = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(REVIEW_STATUSES))
        return f"CASE a.status {whens} ELSE 9 END", {}, []
    tags = "FROM annotation n WHERE n.article_id = a.id AND n.status != 'rejected'"
    if sort == "entities":
        return f"(SELECT count(*) {tags} AND n.kind = 'entity')", {}, []
    if sort == "pillars":
        return f"(SELECT count(DISTINCT n.label) {tags} AND n.kind = 'pillar')", {}, []
    if sort == "open":
        rule, params, binds = open_condition(visibility, alias="n")
        return f"(CASE WHEN a.status = 'reviewed' THEN 0 ELSE (SELECT count(*) {tags} AND {rule}) END)", params, binds
    raise ValueError(f"unknown sort key {sort!r}")


def _annotation_counts(
    conn: Connection, article_ids: list[int], whole_library: bool, visibility: Visibility | None = None
) -> dict[int, tuple[int, int, int, tuple[str, ...]]]:
    """Per article: entity mentions, pillar tags, visible suggestions and the distinct pillars tagged.

    Visible suggestions follow the one rule (services/open_suggestions); the caller applies
    the article's reviewed status with ``article_open``.
    """
    if not article_ids:
        return {}
    open_rule, params, binds = open_condition(visibility, alias="annotation")
    # One row per (article, kind); the distinct pillar ids come concatenated.
    pillar_list = distinct_list(conn, "CASE WHEN kind = 'pillar' THEN label END")
    sql = (f"SELECT article_id, kind, count(*), sum(CASE WHEN {open_rule} THEN 1 ELSE 0 END), "
           f"{pillar_list} FROM annotation "
           "WHERE status != 'rejected'")
    if not whole_library:
        # ids are ints from the database; inlining them avoids SQLite's parameter limit.
        sql += f" AND article_id IN ({','.join(str(int(i)) for i in article_ids)})"
    sql += " GROUP BY article_id, kind"
    totals: dict[int, tuple[int, int, int, tuple[str, ...]]] = {}
    for aid, kind, n, open_, labels in conn.execute(text(sql).bindparams(*binds), params).all():
        ents, pils, opened, pillar_ids = totals.get(aid, (0, 0, 0, ()))
        if kind == AnnotationKind.ENTITY:
            ents += n
        elif kind == AnnotationKind.PILLAR:
            pils += n
            pillar_ids = tuple(sorted((labels or "").split(","))) if labels else ()
        totals[aid] = (ents, pils, opened + int(open_ or 0), pillar_ids)
    return totals
