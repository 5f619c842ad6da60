"""SQLModel tables. Offsets are code-point indices into ``Article.text``."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Timezone-aware now, used for every timestamp."""
    return datetime.now(UTC)


class Article(SQLModel, table=True):
    """One imported article or statement, with its normalised text."""

    __table_args__ = {"sqlite_autoincrement": True}  # ids are never reused (undo writes ids back)

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
    status: str = "new"  # new | in_review | reviewed
    analysed_at: datetime | None = None
    analysis_mode: str = ""  # model | rules-only
    # Indexed: the library view pages newest first (migration 0004).
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class Annotation(SQLModel, table=True):
    """An entity mention or a pillar passage, with full provenance."""

    __table_args__ = {"sqlite_autoincrement": True}  # ids are never reused (undo writes ids back)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), index=True, nullable=False)
    )
    kind: str  # entity | pillar
    start: int
    end: int
    label: str  # entity label (PERSON...) or pillar id
    text: str = ""
    entity_id: str = ""  # canonical entity key for kind == entity
    role: str = ""  # title/role of a PERSON
    origin: str = "model"  # model | gazetteer | learned | user
    status: str = "suggested"  # suggested | accepted | rejected
    confidence: float = 1.0
    why: str = ""  # JSON list of terms that fired (pillars)
    original: str = ""  # JSON of the original suggestion when edited
    created_by: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


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


class Pillar(SQLModel, table=True):
    """A pillar of the taxonomy; names, colours and keywords are editable."""

    id: str = Field(primary_key=True)
    name: str
    colour: str
    description: str = ""
    keywords: str = "{}"  # JSON object term -> weight
    position: int = 0


class CanonicalEntity(SQLModel, table=True):
    """The officer's view of an entity: canonical name and aliases."""

    key: str = Field(primary_key=True)  # e.g. "PERSON:narendra modi"
    name: str
    label: str
    role: str = ""
    aliases: str = "[]"  # JSON list of surface forms merged into this entity
    updated_at: datetime = Field(default_factory=utcnow)


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
    summary: str = "[]"  # JSON list of bullet strings
    assessment: str = ""
    next_steps: str = "[]"  # JSON list of strings
    page_budget: float = 2.0  # target length in pages (issue 15); 0 = no budget
    newest_first: bool = False  # passages of each section ordered by source date, newest first
    actor_edits: str = "{}"  # JSON {entity key: {"role": str, "name": str, "removed": bool}}
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


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


class LessonAction(StrEnum):
    """What the officer did, as a lesson the analyser learns from (issue 13)."""

    REJECT = "reject"  # a suggestion removed: never suggest this surface with this label again
    ADD = "add"  # a name tagged by hand: find it in every text
    RELABEL = "relabel"  # a suggestion given another label: where its context matches
    ALIAS = "alias"  # a surface merged into an entity: mentions join that entity
    BOUNDARY = "boundary"  # a tag grown or shrunk: the new boundary, not a rejection of the old surface
    PILLAR_ADD = "pillar_add"  # a passage tagged with a pillar (``from_label``: the pillar it replaced)
    PILLAR_REMOVE = "pillar_remove"  # a pillar removed from a passage


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

    @property
    def active(self) -> bool:
        """True while the lesson applies (neither superseded nor withdrawn)."""
        return self.superseded_by is None and not self.withdrawn
