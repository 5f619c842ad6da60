"""Title, outlet, author, date and URL written in an article's own text (issue 15).

Saved articles often open with lines that describe them rather than belong to them: a bare URL or
``SOURCE: https://…`` line, ``Source: The Hindu``, a byline ``By Jane Doe``, a date line. Those lines
become metadata (a URL line is taken out of the text, so it is never the title or a quote); the title is
the first short line that is none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefing_app.importers.dates import dateline_date
from briefing_app.importers.limits import MAX_TITLE_CHARS

_HEAD_LINES = 6  # metadata lines sit among the first few lines
_URL = re.compile(r"^(?:(?:source|url|link|from)\s*[:\-–]\s*)?<?(?P<url>https?://\S+?)>?$", re.IGNORECASE)
_SOURCE = re.compile(r"^(?:source|outlet|publication)\s*:\s*(?P<outlet>[^\n]{2,80})$", re.IGNORECASE)
_BYLINE = re.compile(r"^[Bb]y\s+(?P<author>[A-Z][\w.'\-]*(?:\s+(?:[A-Z][\w.'\-]*|and|&))*)"
                     r"(?:\s*[,|–—]\s*(?P<outlet>[^\n]{2,60}))?$")
#: Titles that tools write into file properties: not a title ("Word Document" is LibreOffice's).
PLACEHOLDER_TITLES = frozenset(t.casefold() for t in (
    "Word Document", "Document", "Document1", "Untitled", "Untitled document", "Title", "python-docx",
    "Microsoft Word Document", "New Document", "Print", "Slide 1",
))


@dataclass
class TextMeta:
    """What the first lines of a text say about it; ``text`` has the URL line taken out."""

    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    author: str = ""
    published: str = ""


def is_placeholder_title(title: str) -> bool:
    """Whether a file-property title is a tool's default rather than the article's title."""
    flat = " ".join(title.split()).casefold()
    return not flat or flat in PLACEHOLDER_TITLES or flat.startswith("microsoft word - ")


def read_text_meta(text: str) -> TextMeta:
    """Metadata from the first lines of ``text`` (see module docstring)."""
    lines = text.split("\n")
    meta = TextMeta(text=text)
    drop: set[int] = set()
    host = ""  # the URL's site: the outlet only when the text names none
    seen = 0
    content = False  # the first line that is not metadata is the title, when short enough
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        url = _URL.match(line)
        if url and not meta.url:
            meta.url = url.group("url").rstrip(").,;")
            host = _outlet_of(meta.url)
            drop.add(index)
            continue
        source = _SOURCE.match(line)
        if source:
            meta.outlet = source.group("outlet").strip()
            drop.add(index)
            continue
        byline = _BYLINE.match(line)
        if byline and len(line) <= 100:
            meta.author = meta.author or byline.group("author").strip()
            if byline.group("outlet") and not dateline_date(byline.group("outlet")):
                meta.outlet = meta.outlet or byline.group("outlet").strip()
            drop.add(index)
            continue
        if _is_date_line(line):
            continue
        if not content and len(line) <= MAX_TITLE_CHARS:
            meta.title = line
        content = True
    meta.outlet = meta.outlet or host
    if drop:
        kept = [line for n, line in enumerate(lines) if n not in drop]
        meta.text = "\n".join(kept).strip("\n")
    meta.published = dateline_date(meta.text)
    return meta


def _is_date_line(line: str) -> bool:
    return bool(dateline_date(line)) and len(line.split()) <= 6


def _outlet_of(url: str) -> str:
    """``https://www.thehindu.com/news/…`` -> ``thehindu.com``."""
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host
