"""Plain input model of the briefing exporter.

The services layer builds these from the database; the exporter and the live
preview only read them. No Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SourceRef:
    """One article cited in the briefing."""

    number: int  # citation number [1], [2] ... in order of first use
    outlet: str
    title: str
    published: str  # ISO date or ""
    url: str = ""


@dataclass
class BriefingItem:
    """One quoted passage."""

    text: str  # the quoted passage (trimmed: with "[…]"; paraphrase: the officer's words)
    source_number: int  # -> SourceRef.number
    comment: str = ""  # officer's comment on this item
    kind: str = "quote"  # "quote" (whole passage), "trimmed" or "paraphrase" (not in quotation marks)
    original: str = ""  # the whole passage as the article has it (shown on hover in the builder)
    published: str = ""  # ISO date of the source article


@dataclass
class BriefingSection:
    """One section (usually one pillar) of passages."""

    pillar_id: str
    heading: str  # e.g. "defence", "Defence"
    items: list[BriefingItem]


@dataclass
class KeyActor:
    """A row of the key actors table."""

    name: str
    type: str  # "Person", "Organisation", "Place", "Initiative"...
    role: str
    mentions: int
    articles: int
    key: str = ""  # the entity identity the row stands for (for the officer's edits)


@dataclass
class CitedLine:
    """A drafted line of the note (a key point, a "new since" line) and the sources it cites."""

    text: str
    sources: list[int]  # -> SourceRef.number (later articles for a "new since" line)
    earlier: list[int] = field(default_factory=list)  # "new since": the earlier articles compared with
    kind: str = ""  # "new since": commitment | actor | initiative | topic-appeared | topic-vanished | figure-changed
    cited_earlier: bool = False  # "new since": ``earlier`` cites the earlier passage itself (a changed figure)


@dataclass
class CommitmentRow:
    """A row of the "Commitments and deliverables" table."""

    who: str
    action: str
    what: str
    when: str  # resolved date as printed ("March 2027"), or as written
    sources: list[int]


@dataclass
class TimelineRow:
    """A dated event of the optional timeline."""

    date: str  # as printed ("2 February 2026", "March 2027")
    text: str
    source: int


@dataclass
class BriefingDocument:
    """Everything that goes into one briefing note."""

    title: str
    subject: str = ""
    to: str = ""
    from_: str = ""
    date: str = ""  # ISO date
    reference: str = ""
    classification: str = "UNCLASSIFIED"
    caveat: str = ""
    summary: list[str] = field(default_factory=list)  # bottom line up front bullets
    sections: list[BriefingSection] = field(default_factory=list)
    assessment: str = ""
    next_steps: list[str] = field(default_factory=list)
    actors: list[KeyActor] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    page_budget: float = 0.0  # target length in pages (0: none); not printed
    # Drafted from the articles (issue 16); the officer's own ``summary`` lines follow the key points.
    key_points: list[CitedLine] = field(default_factory=list)
    commitments: list[CommitmentRow] = field(default_factory=list)
    new_since: list[CitedLine] = field(default_factory=list)
    new_since_date: str = ""  # ISO date of the latest earlier article compared with
    timeline: list[TimelineRow] = field(default_factory=list)  # empty unless the officer ticked it
