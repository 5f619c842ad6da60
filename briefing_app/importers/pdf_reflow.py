"""Rebuild paragraphs from PDF text lines: de-hyphenate, rejoin wrapped lines, drop page furniture.

A PDF line break is a layout artefact, not a paragraph. Lines are joined unless
there is evidence of a paragraph end: a blank line, a list marker, a line ending
a sentence without the trailing space that word processors leave at soft wraps,
or a short line (heading / last line of a paragraph) followed by a capital.
"""

from __future__ import annotations

import re
from collections import Counter

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_HYPHEN_END = re.compile(r"(?<=[^\W\d_])[-\u2010\u00ad]$")
_LIST_MARKER = re.compile(r"^\s*(?:[•▪◦●○■□➢►\-–—*]\s|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]\s)")
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]]$")
#: A line ending in an abbreviation does not end a paragraph: "Mr." and "No." never end a sentence;
#: "U.S." may, so it only falls through to the short-line rule (a full-width line is a wrap).
_NEVER_FINAL = re.compile(r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|No|Nos|St|Gen|Lt|Col|Capt|Sen|Rep|Gov|Hon|Sr|Jr|Art|Sec|"
                          r"Vol|pp?|vs|cf|e\.g|i\.e|approx|Fig|Ref)\.$")
_INITIALISM = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,}$")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?\s*(?:(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE
)
_SHORT_LINE_RATIO = 0.7
_MIN_TYPICAL_WIDTH = 40


def reflow_pages(pages: list[str]) -> str:
    """Join the raw text of PDF pages into paragraphs separated by blank lines."""
    page_lines = [page.translate(_LIGATURES).replace("\r\n", "\n").replace("\r", "\n").split("\n")
                  for page in pages]  # fmt: skip
    page_lines = _drop_page_furniture(page_lines)
    lines: list[str] = []
    for number, page in enumerate(page_lines):
        if number and lines and lines[-1].strip() and page and not page[0].strip():
            lines.append("")
        lines.extend(page)
    return reflow_lines(lines)


def reflow_lines(lines: list[str]) -> str:
    """Join wrapped lines into paragraphs (see module docstring)."""
    width = _typical_width(lines)
    paragraphs: list[str] = []
    current = ""
    previous_raw = ""
    for raw in lines:
        stripped = raw.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
            current, previous_raw = "", ""
            continue
        if not current:
            current, previous_raw = stripped, raw
            continue
        if _continues(previous_raw, stripped, width):
            if _HYPHEN_END.search(current):
                if stripped[0].islower():
                    current = current[:-1] + stripped  # "secu-" + "rity"
                else:
                    current = current.rstrip("\u00ad") + stripped  # "India-" + "US"
            else:
                current = f"{current} {stripped}"
        else:
            paragraphs.append(current)
            current = stripped
        previous_raw = raw
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _continues(previous_raw: str, line: str, width: int) -> bool:
    """True when ``line`` continues the paragraph whose last line was ``previous_raw``."""
    previous = previous_raw.strip()
    if _LIST_MARKER.match(line):
        return False
    if _HYPHEN_END.search(previous):
        return True
    if previous_raw[-1:].isspace():
        return True  # soft wrap: word processors keep the space where the line broke
    if _NEVER_FINAL.search(previous):
        return True
    if _SENTENCE_END.search(previous) and not _INITIALISM.search(previous):
        return False
    short = len(previous) < width * _SHORT_LINE_RATIO
    return not (short and (line[0].isupper() or line[0].isdigit()))


def _typical_width(lines: list[str]) -> int:
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if not lengths:
        return _MIN_TYPICAL_WIDTH
    return max(_MIN_TYPICAL_WIDTH, lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))])


def _drop_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Remove page numbers and running headers/footers repeated on most pages."""
    trimmed = [_trim_blank(page) for page in pages]
    repeated: set[str] = set()
    if len(trimmed) >= 3:
        edges: Counter[str] = Counter()
        for page in trimmed:
            for line in {*page[:2], *page[-2:]}:
                key = _furniture_key(line)
                if key:
                    edges[key] += 1
        repeated = {key for key, count in edges.items() if count >= max(3, len(trimmed) * 0.6)}
    result: list[list[str]] = []
    for page in trimmed:
        page = list(page)
        for _ in range(2):
            if page and (_PAGE_NUMBER.match(page[0]) or _furniture_key(page[0]) in repeated):
                page = _trim_blank(page[1:])
            if page and (_PAGE_NUMBER.match(page[-1]) or _furniture_key(page[-1]) in repeated):
                page = _trim_blank(page[:-1])
        result.append(page)
    return result


def _furniture_key(line: str) -> str:
    """A line with digits masked, so "Page 3" on every page counts as one repeated line."""
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _trim_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]
