"""Text helpers shared by the .docx exporter and the HTML preview.

Both renderers take every wording and every "is this part present?" decision
from here, so the preview shows exactly what the export will contain.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from briefing_app.core.text import sanitize_for_xml

from .model import BriefingDocument, BriefingItem, BriefingSection, SourceRef

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

#: Headings of the fixed parts, in document order around the pillar sections.
SUMMARY_HEADING = "Summary"
ASSESSMENT_HEADING = "Assessment"
NEXT_STEPS_HEADING = "Next steps"
ACTORS_HEADING = "Key actors"
SOURCES_HEADING = "Sources"
ACTOR_COLUMNS = ("Name", "Type", "Role / title", "Mentions", "Articles")
COMMENT_LABEL = "Officer comment:"

_OPENING_QUOTES = "\"“‘'«„"
_CLOSING_QUOTES = "\"”’'»“"
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
    """The passage in curly double quotes, without doubling quotes it already carries."""
    body = clean(text)
    if len(body) >= 2 and body[0] in _OPENING_QUOTES and body[-1] in _CLOSING_QUOTES:
        body = body[1:-1].strip()
    # Straight inner double quotes become curly pairs so the typography is consistent.
    out: list[str] = []
    opening = True
    for ch in body:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
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
    if non_empty(doc.summary):
        heads.append(SUMMARY_HEADING)
    heads.extend(section_heading(s) for s in visible_sections(doc))
    if paragraphs(doc.assessment):
        heads.append(ASSESSMENT_HEADING)
    if non_empty(doc.next_steps):
        heads.append(NEXT_STEPS_HEADING)
    if doc.actors:
        heads.append(ACTORS_HEADING)
    if doc.sources:
        heads.append(SOURCES_HEADING)
    return heads
