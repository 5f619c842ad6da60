"""SQLModel tables. Offsets are code-point indices into ``Article.text``."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import declared_attr
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Timezone-aware now, used for every timestamp."""
    return datetime.now(UTC)


# -- the vocabulary ----------------------------------------------------------------------------
# StrEnum values are the strings stored since the first release, so no stored data changes;
# a member compares equal to its string ("accepted" == AnnotationStatus.ACCEPTED).


class ArticleStatus(StrEnum):
    """Where an article is in the officer's review."""

    NEW = "new"
    IN_REVIEW = "in_review"
    REVIEWED = "reviewed"


class AnnotationKind(StrEnum):
    """What an annotation marks."""

    ENTITY = "entity"  # a name (PERSON, ORG, GPE...)
    PILLAR = "pillar"  # a passage about a pillar


class AnnotationOrigin(StrEnum):
    """Who made an annotation."""

    MODEL = "model"  # the statistical model
    GAZETTEER = "gazetteer"  # the gazetteer and the rules
    LEARNED = "learned"  # a lesson the officer taught
    USER = "user"  # the officer, by hand


class AnnotationStatus(StrEnum):
    """The officer's decision on an annotation."""

    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class DraftedStatus(StrEnum):
    """The officer's decision on a line auto-draft wrote (key point, commitment, new-since line, event)."""

    DRAFTED = "drafted"  # as drafted, not yet looked at
    ACCEPTED = "accepted"
    EDITED = "edited"  # changed by the officer; kept when auto-draft runs again
    DROPPED = "dropped"  # left out of the note; stays dropped when auto-draft runs again


class StrEnumType(TypeDecorator[StrEnum]):
    """A StrEnum stored as its plain string value (the column stays VARCHAR; an unknown value is refused)."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[StrEnum]) -> None:
        super().__init__()
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> StrEnum | None:
        return None if value is None else self.enum(value)


def _versioned(cls: Any) -> dict[str, Any]:
    """Mapper arguments of a row two officers may edit at once: every ORM update says
    ``WHERE version = <the version read>`` and raises the version (optimistic concurrency)."""
    return {"version_id_col": cls.__table__.c.version}


def _json_column(default: Any, nullable: bool = False) -> Any:
    """A real JSON column (SQLite stores it as text; SQLAlchemy encodes and decodes it)."""
    factory = (lambda: type(default)()) if default is not None else None
    # The Column default too, so Core inserts (bulk analysis results) that leave it out get one.
    return Field(default_factory=factory, sa_column=Column(JSON(none_as_null=True), nullable=nullable,
                                                           default=factory))


class Article(SQLModel, table=True):
    """One imported article or statement, with its normalised text."""

    __table_args__ = (
        # The library's first page, newest first with ties by id, read from the index alone: without
        # it PostgreSQL sorts the whole table for every page of a million-article desk library (0011).
        Index("ix_article_created_at_id", "created_at", "id"),
        {"sqlite_autoincrement": True},  # ids are never reused (undo writes ids back)
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: str = ""  # ISO date or ""
    source_path: str = ""
    format: str = ""  # txt | docx | html | pdf | paste
    text: str
    text_hash: str = Field(index=True, unique=True)
    status: ArticleStatus = Field(default=ArticleStatus.NEW, sa_column=Column(StrEnumType(ArticleStatus),
                                                                              nullable=False))
    analysed_at: datetime | None = None
    analysis_mode: str = ""  # model | rules-only
    # Indexed: the library view pages newest first (migration 0004).
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)
    # Desk mode (issue 19): who changed the row last, and when (migration 0007).
    changed_by: str = ""
    changed_at: datetime | None = None
    version: int = 1  # raised by every write; a write of an older version is refused (optimistic concurrency)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (declarative hook)
        return _versioned(cls)


class Annotation(SQLModel, table=True):
    """An entity mention or a pillar passage, with full provenance."""

    __table_args__ = (
        # One article's counts and open suggestions from the index alone; an entity's mentions (0007).
        Index("ix_annotation_counts", "article_id", "kind", "status", "label"),
        Index("ix_annotation_entity", "article_id", "entity_id"),
        # The tags overlapping a span, by the tags ending after it starts (0010): the check of every edit.
        Index("ix_annotation_span", "article_id", "kind", "end", "start", "status"),
        {"sqlite_autoincrement": True},  # ids are never reused (undo writes ids back)
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    kind: AnnotationKind = Field(sa_column=Column(StrEnumType(AnnotationKind), nullable=False))
    start: int
    end: int
    label: str  # entity label (PERSON...) or pillar id
    text: str = ""
    entity_id: str = ""  # canonical entity key for kind == entity
    role: str = ""  # title/role of a PERSON
    origin: AnnotationOrigin = Field(default=AnnotationOrigin.MODEL,
                                     sa_column=Column(StrEnumType(AnnotationOrigin), nullable=False))
    status: AnnotationStatus = Field(default=AnnotationStatus.SUGGESTED,
                                     sa_column=Column(StrEnumType(AnnotationStatus), nullable=False))
    confidence: float = 1.0
    why: list[str] | str = _json_column([])  # terms that fired (pillars) or why a name was found (entities)
    original: dict[str, Any] | None = _json_column(None, nullable=True)  # the suggestion as first made, once edited
    created_by: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # Desk mode (issue 19): who changed the row last, and when (migration 0007).
    changed_by: str = ""
    changed_at: datetime | None = None
    version: int = 1  # raised by every write; a write of an older version is refused (optimistic concurrency)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (declarative hook)
        return _versioned(cls)


class Note(SQLModel, table=True):
    """An officer's note on a span of an article (or on an annotation)."""

    __table_args__ = {"sqlite_autoincrement": True}  # ids are never reused (undo writes ids back)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    start: int
    end: int
    body: str
    annotation_id: int | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # Desk mode (issue 19): who changed the row last, and when (migration 0007).
    changed_by: str = ""
    changed_at: datetime | None = None


class Pillar(SQLModel, table=True):
    """A pillar of the taxonomy; names, colours and keywords are editable."""

    id: str = Field(primary_key=True)
    name: str
    colour: str
    description: str = ""
    keywords: dict[str, float] = _json_column({})  # term -> weight
    position: int = 0
    # Desk mode (issue 19): who changed the row last, and when (migration 0007).
    changed_by: str = ""
    changed_at: datetime | None = None


class CanonicalEntity(SQLModel, table=True):
    """The officer's view of an entity: canonical name and aliases."""

    key: str = Field(primary_key=True)  # e.g. "PERSON:narendra modi"
    name: str
    label: str
    role: str = ""
    aliases: list[str] = _json_column([])  # surface forms merged into this entity
    updated_at: datetime = Field(default_factory=utcnow)
    # Desk mode (issue 19): who changed the row last, and when (migration 0007).
    changed_by: str = ""
    changed_at: datetime | None = None


class Briefing(SQLModel, table=True):
    """A briefing note under construction."""

    __table_args__ = {"sqlite_autoincrement": True}  # ids are never reused (undo writes ids back)

    id: int | None = Field(default=None, primary_key=True)
    title: str = "Briefing note"
    subject: str = ""
    to: str = ""
    from_: str = ""
    date: str = ""
    reference: str = ""
    classification: str = "UNCLASSIFIED"
    caveat: str = ""
    summary: list[str] = _json_column([])  # bullet strings
    assessment: str = ""
    next_steps: list[str] = _json_column([])
    page_budget: float = 2.0  # target length in pages (issue 15); 0 = no budget
    newest_first: bool = False  # passages of each section ordered by source date, newest first
    actor_edits: dict[str, dict[str, Any]] = _json_column({})  # entity key -> {"role": str, "name": str, "removed": bool}
    # Key points, commitments, "new since" and timeline lines drafted for the note, with the officer's
    # decisions on them (issue 16; see services/drafted.py for the layout).
    drafted: dict[str, Any] = _json_column({})
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # Desk mode (issue 19): who changed the row last, and when (migration 0007).
    changed_by: str = ""
    changed_at: datetime | None = None
    version: int = 1  # raised by every write; a write of an older version is refused (optimistic concurrency)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (declarative hook)
        return _versioned(cls)


class BriefingItem(SQLModel, table=True):
    """A passage placed in a briefing section."""

    __table_args__ = {"sqlite_autoincrement": True}  # ids are never reused (undo writes ids back)

    id: int | None = Field(default=None, primary_key=True)
    briefing_id: int = Field(
        sa_column=Column(Integer, ForeignKey("briefing.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    start: int
    end: int
    text: str
    pillar_id: str
    position: int = 0
    comment: str = ""
    quote: str = ""  # the quoted words when trimmed (may hold "[…]"); "" = the whole passage ``text``
    paraphrase: str = ""  # the officer's own words for the passage (printed without quotation marks)
    created_at: datetime = Field(default_factory=utcnow)
    # Desk mode (issue 19): who changed the row last, and when (migration 0007).
    changed_by: str = ""
    changed_at: datetime | None = None
    version: int = 1  # raised by every write; a write of an older version is refused (optimistic concurrency)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (declarative hook)
        return _versioned(cls)


class LessonAction(StrEnum):
    """What the officer did, as a lesson the analyser learns from (issue 13)."""

    REJECT = "reject"  # a suggestion removed: never suggest this surface with this label again
    ADD = "add"  # a name tagged by hand: find it in every text
    RELABEL = "relabel"  # a suggestion given another label: where its context matches
    ALIAS = "alias"  # a surface merged into an entity: mentions join that entity
    BOUNDARY = "boundary"  # a tag grown or shrunk: the new boundary, not a rejection of the old surface
    PILLAR_ADD = "pillar_add"  # a passage tagged with a pillar (``from_label``: the pillar it replaced)
    PILLAR_REMOVE = "pillar_remove"  # a pillar removed from a passage


#: How each kind of lesson is named to the officer (the Lessons tab, ``briefing-app lessons list``).
LESSON_KIND_NAMES: dict[str, str] = {
    LessonAction.REJECT: "Rejected", LessonAction.ADD: "Added", LessonAction.RELABEL: "Relabelled",
    LessonAction.ALIAS: "Merged", LessonAction.BOUNDARY: "Boundary", LessonAction.PILLAR_ADD: "Pillar tagged",
    LessonAction.PILLAR_REMOVE: "Pillar removed",
}


class Lesson(SQLModel, table=True):
    """One correction the officer made, kept independently of the article it was made in.

    Deleting the article keeps the lesson (``article_id`` becomes NULL). A later contrary
    action sets ``superseded_by``; withdrawing it from the Lessons list sets ``withdrawn``.
    """

    id: int | None = Field(default=None, primary_key=True)
    action: str = Field(index=True)  # a LessonAction value
    text: str  # the surface (entity lessons) or the passage (pillar lessons)
    label: str = ""  # entity label or pillar id taught
    from_label: str = ""  # the label of the original prediction (relabel, boundary, pillar_add replacing one)
    from_text: str = ""  # the old surface of a boundary change
    canonical: str = ""  # alias: the canonical name merged into
    entity_key: str = ""  # alias: the canonical entity key merged into
    context: str = ""  # the sentence the lesson was learned in
    left: str = ""  # the token immediately left of the surface in that sentence
    right: str = ""  # the token immediately right of it
    article_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="SET NULL"), index=True, nullable=True),
    )
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    superseded_by: int | None = None
    withdrawn: bool = False
    taught_by: str = ""  # the officer who taught it (desk mode: only they, or a desk lead, withdraw it)
    source: str = ""  # an imported lesson: the name of the lessons file it came from (migration 0013)
    # Desk mode (issue 19): who changed the row last, and when (migration 0007).
    changed_by: str = ""
    changed_at: datetime | None = None
    version: int = 1  # raised by every write; a write of an older version is refused (optimistic concurrency)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (declarative hook)
        return _versioned(cls)

    @property
    def active(self) -> bool:
        """True while the lesson applies (neither superseded nor withdrawn)."""
        return self.superseded_by is None and not self.withdrawn
