"""Helpers shared by the format modules: finishing text and choosing a title."""

from __future__ import annotations

import os
from pathlib import Path

from briefing_app.domain.text import normalize_text
from briefing_app.importers.base import ImportFailed
from briefing_app.importers.boilerplate import strip_boilerplate
from briefing_app.importers.files import read_capped
from briefing_app.importers.limits import MAX_TITLE_CHARS


def finish_text(raw: str) -> str:
    """Normalise ``raw`` (once) and strip boilerplate lines."""
    return strip_boilerplate(normalize_text(raw))


def require_text(path: str | os.PathLike[str], text: str, reason: str = "is empty") -> str:
    """Raise ImportFailed with ``reason`` when ``text`` holds nothing but blank space."""
    if not text.strip():
        raise ImportFailed.for_file(path, reason)
    return text


def clean_meta(value: object) -> str:
    """A metadata value as one stripped line ("" for None)."""
    if value is None:
        return ""
    return " ".join(normalize_text(str(value)).split())


#: Author names that tools and templates write into file properties: not a byline.
_PLACEHOLDER_AUTHORS = frozenset(
    a.casefold() for a in ("python-docx", "Microsoft Office User", "Microsoft Office", "Windows User", "Administrator",
                           "Admin", "User", "Author", "Unknown", "Owner", "LibreOffice", "Writer", "Word", "pdfTeX")
)


def file_author(value: object) -> str:
    """The author from a file's properties, or "" when it is a tool's or template's placeholder."""
    author = clean_meta(value)
    return "" if author.casefold() in _PLACEHOLDER_AUTHORS else author


def first_line_title(text: str) -> str:
    """The first non-empty line of ``text`` when it is short enough to be a title, else ""."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= MAX_TITLE_CHARS else ""
    return ""


def stem_title(path: str | os.PathLike[str]) -> str:
    """A title made from the file name: ``india_us-talks.txt`` -> ``india us-talks``."""
    return Path(path).stem.replace("_", " ").strip() or Path(path).name


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a whole regular file, never more than the size cap and never blocking (see files.read_capped)."""
    return read_capped(path)
