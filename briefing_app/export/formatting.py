"""Text helpers shared by the .docx exporter and the HTML preview.

Both renderers take every wording and every "is this part present?" decision
from here, so the preview shows exactly what the export will contain.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from briefing_app.domain.text import sanitize_for_xml

from .model import BriefingDocument, BriefingItem, BriefingSection, CitedLine, SourceRef

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

#: Headings of the fixed parts, in document order around the pillar sections.
#: The summary is the key points: drafted, cited bullets first, then the officer's own lines (issue 16).
SUMMARY_HEADING = "Key points"
COMMITMENTS_HEADING = "Commitments and deliverables"
COMMITMENT_COLUMNS = ("Who", "Action", "What", "When", "Source")
TIMELINE_HEADING = "Timeline"
NEW_SINCE_LABELS = {"commitment": "New commitment", "actor": "New actor", "initiative": "New initiative",
                    "topic-appeared": "New topic", "topic-vanished": "No longer covered",
                    "figure-changed": "Changed figure"}
ASSESSMENT_HEADING = "Assessment"
NEXT_STEPS_HEADING = "Next steps"
ACTORS_HEADING = "Key actors"
SOURCES_HEADING = "Sources"
ACTOR_COLUMNS = ("Name", "Type", "Role / title", "Mentions", "Articles")
COMMENT_LABEL = "Officer comment:"

_OPENING_QUOTES = "\"“‘'«„"
_CLOSING_QUOTES = "\"”’'»“"
_DOUBLE_QUOTES = "\"“”„"
_SPACES = re.compile(r"[ \t]+")
_APOSTROPHE = re.compile(r"(?<=\w)'|'(?=\d0s)")
# Only what a reader can open safely in a browser or mail program: never ftp:, file: or javascript:.
_LINK_SCHEMES = ("http://", "https://", "mailto:")


def clean(value: object) -> str:
    """``value`` as text with XML-illegal characters removed and outer blanks stripped."""
    if value is None:
        return ""
    return sanitize_for_xml(str(value)).strip()


def prose(value: object) -> str:
    """Cleaned running text with typographic apostrophes (``leaders' call`` -> ``leaders’ call``)."""
    return _APOSTROPHE.sub("’", clean(value))


def format_date(value: str) -> str:
    """``"2026-11-28"`` (or an ISO timestamp) -> ``"28 November 2026"``; other text unchanged."""
    text = clean(value)
    if not text:
        return ""
    parsed: date | None = None
    try:
        parsed = date.fromisoformat(text[:10])
    except ValueError:
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            parsed = None
    if parsed is None:
        return text
    return f"{parsed.day} {MONTHS[parsed.month - 1]} {parsed.year}"


def marking(doc: BriefingDocument) -> str:
    """Protective marking line: classification plus caveat (``"OFFICIAL-SENSITIVE – UK EYES ONLY"``)."""
    classification = clean(doc.classification) or "UNCLASSIFIED"
    caveat = clean(doc.caveat)
    return f"{classification} – {caveat}" if caveat else classification


def quote_passage(text: str) -> str:
    """The passage in curly double quotes; quotation marks inside it become single ones (a quote within a quote).

    A passage that is itself one quotation (``"All of it."``) is not quoted twice; one that merely starts and
    ends with quotation marks (``“A,” he said, “B.”``) keeps both of its quotations, as single quotes.
    """
    body = clean(text)
    if (len(body) >= 2 and body[0] in _OPENING_QUOTES and body[-1] in _CLOSING_QUOTES
            and not any(ch in _DOUBLE_QUOTES for ch in body[1:-1])):
        body = body[1:-1].strip()
    out: list[str] = []
    for i, ch in enumerate(body):
        if ch == '"':  # straight: opening at the start, after a space or a bracket or dash; else closing
            before = body[i - 1] if i else " "
            out.append("‘" if before.isspace() or before in "([{–—-/" else "’")
        elif ch in "“„":
            out.append("‘")
        elif ch == "”":
            out.append("’")
        else:
            out.append(ch)
    return "“" + _APOSTROPHE.sub("’", "".join(out)) + "”"


def item_text(item: BriefingItem) -> str:
    """What the note prints for an item: a quote in curly quotes, a paraphrase as plain prose."""
    if item.kind == "paraphrase":
        return prose(" ".join(clean(item.text).split()))
    # A passage never carries a paragraph break into the note: a blank line inside a quote reads as two.
    return quote_passage(" ".join(clean(item.text).split()))


def citation(number: int) -> str:
    """Citation marker for source ``number``."""
    return f"[{number}]"


def citations(numbers: list[int]) -> str:
    """One marker for several sources: ``[1, 3]`` (``""`` for none)."""
    unique = sorted(set(numbers))
    return f"[{', '.join(str(n) for n in unique)}]" if unique else ""


def key_points(doc: BriefingDocument) -> list[tuple[str, str]]:
    """(text, citation marker) of every bullet under "Key points": drafted ones, then the officer's."""
    out = [(prose(k.text), citations(k.sources)) for k in doc.key_points if prose(k.text)]
    return out + [(line, "") for line in non_empty(doc.summary)]


def new_since_heading(doc: BriefingDocument) -> str:
    """"New since 9 January 2026" (the latest earlier article compared with)."""
    when = format_date(doc.new_since_date)
    return f"New since {when}" if when else "New since earlier reporting"


def new_since_parts(line: CitedLine) -> tuple[str, str]:
    """(text, citations) of a "New since" line; the citations name the later AND the earlier source.

    ``Changed figure: trade target: $200 billion → $500 billion`` + ``[2]; earlier [1]``; a line with no
    earlier passage says which earlier sources lack it: ``[2]; not in [1]``.
    """
    label = NEW_SINCE_LABELS.get(line.kind, "New")
    text = f"{label}: {prose(line.text)}"
    later = citations(line.sources)
    earlier = citations(line.earlier)
    if line.kind == "topic-vanished":
        tail = f"earlier {earlier}" + (f"; not in {later}" if later else "")
    elif line.cited_earlier:
        tail = f"{later}; earlier {earlier}" if earlier else later
    else:
        tail = f"{later}; not in {earlier}" if earlier else later
    return text, tail


def paragraphs(text: str) -> list[str]:
    """Split free text (assessment) into paragraphs at blank lines; single newlines kept."""
    blocks = re.split(r"\n\s*\n", prose(text).replace("\r\n", "\n").replace("\r", "\n"))
    return [b.strip() for b in blocks if b.strip()]


def non_empty(items: list[str]) -> list[str]:
    """Cleaned, non-blank entries of a bullet list (as prose)."""
    return [c for c in (prose(i) for i in items) if c]


def visible_sections(doc: BriefingDocument) -> list[BriefingSection]:
    """Sections that have at least one non-blank passage (empty ones get no heading)."""
    return [s for s in doc.sections if any(clean(i.text) for i in s.items)]


def document_title(doc: BriefingDocument) -> str:
    """Title of the note as displayed."""
    return prose(doc.title) or "Briefing note"


def section_heading(section: BriefingSection) -> str:
    """Heading text of a section: its heading, else the pillar id capitalised."""
    heading = prose(section.heading) or clean(section.pillar_id).replace("_", " ")
    heading = _SPACES.sub(" ", heading)
    return heading[:1].upper() + heading[1:] if heading else "Other"


def metadata_rows(doc: BriefingDocument) -> list[tuple[str, str]]:
    """(label, value) rows of the title block table, empty values left out."""
    rows = [
        ("To", clean(doc.to)),
        ("From", clean(doc.from_)),
        ("Date", format_date(doc.date)),
        ("Subject", prose(doc.subject)),
        ("Reference", clean(doc.reference)),
    ]
    return [(label, value) for label, value in rows if value]


def sorted_sources(doc: BriefingDocument) -> list[SourceRef]:
    """Sources in citation-number order."""
    return sorted(doc.sources, key=lambda s: s.number)


def source_parts(src: SourceRef) -> tuple[str, str]:
    """(text before the URL, URL) of one source line, e.g. ``("Outlet, “Title”, 28 November 2026", url)``.

    The text does not contain the ``[n]`` marker; the URL may be ``""``.
    """
    bits = []
    if clean(src.outlet):
        bits.append(clean(src.outlet))
    if clean(src.title):
        bits.append(quote_passage(src.title))
    if format_date(src.published):
        bits.append(format_date(src.published))
    return ", ".join(bits), clean(src.url)


def is_linkable(url: str) -> bool:
    """Whether ``url`` may become a clickable hyperlink (web/mail only: never file: or javascript:)."""
    return url.lower().startswith(_LINK_SCHEMES) and not any(c.isspace() for c in url)


def outline(doc: BriefingDocument) -> list[str]:
    """Title then every heading of the note, in document order (used by tests and the preview)."""
    heads = [document_title(doc)]
    if key_points(doc):
        heads.append(SUMMARY_HEADING)
    if doc.new_since:
        heads.append(new_since_heading(doc))
    if doc.commitments:
        heads.append(COMMITMENTS_HEADING)
    heads.extend(section_heading(s) for s in visible_sections(doc))
    if doc.timeline:
        heads.append(TIMELINE_HEADING)
    if paragraphs(doc.assessment):
        heads.append(ASSESSMENT_HEADING)
    if non_empty(doc.next_steps):
        heads.append(NEXT_STEPS_HEADING)
    if doc.actors:
        heads.append(ACTORS_HEADING)
    if doc.sources:
        heads.append(SOURCES_HEADING)
    return heads
