"""Plain-text files (.txt, .text, .md): encoding detection and binary refusal."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from briefing_app.importers.base import ImportedDocument, ImportFailed
from briefing_app.importers.common import finish_text, first_line_title, read_bytes, require_text, stem_title
from briefing_app.importers.dates import dateline_date
from briefing_app.importers.encodings import guess_encoding

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE_CHARS = 65_536
# Like git: a NUL byte in the first 8 KB means binary (unless it is UTF-16 without a BOM).
_BINARY_SNIFF_BYTES = 8000
_MIN_PRINTABLE_RATIO = 0.95
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def decode_text_bytes(path: str | os.PathLike[str], data: bytes) -> tuple[str, list[str]]:
    """Decode the bytes of a text file; return (text, warnings). Raises ImportFailed for binary data."""
    warnings: list[str] = []
    text = _decode_with_bom(data)
    if text is None:
        if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
            text = _decode_bomless_utf16(data)
            if text is None:
                raise ImportFailed.for_file(path, "is not a text file (it contains binary data)")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text, encoding = _decode_guessed(path, data)
                warnings.append(f"Text encoding was guessed as {encoding}; check accented characters.")
    if not _looks_like_text(text):
        raise ImportFailed.for_file(path, "is not a text file (too few printable characters)")
    return text, warnings


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    return None


def _decode_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes sit at every other position (ASCII-range text)."""
    sample = data[:_SAMPLE_CHARS]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.6 and even_nuls < 0.05:
        encoding = "utf-16-le"
    elif even_nuls > 0.6 and odd_nuls < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_guessed(path: str | os.PathLike[str], data: bytes) -> tuple[str, str]:
    encoding = guess_encoding(data)
    if encoding is None:
        raise ImportFailed.for_file(path, "is not a text file (its encoding could not be recognised)")
    return data.decode(encoding, errors="replace"), encoding


def _looks_like_text(text: str) -> bool:
    """Printable ratio over samples from the start, middle and end of ``text``."""
    if len(text) <= 3 * _SAMPLE_CHARS:
        sample = text
    else:
        middle = len(text) // 2
        sample = text[:_SAMPLE_CHARS] + text[middle : middle + _SAMPLE_CHARS] + text[-_SAMPLE_CHARS:]
    if not sample:
        return True
    bad = len(_CONTROL.findall(sample))
    return (len(sample) - bad) / len(sample) >= _MIN_PRINTABLE_RATIO


def load_txt(path: str | os.PathLike[str]) -> ImportedDocument:
    """Import a plain-text file; the whole file is the article, its first short line the title."""
    data = read_bytes(path)
    if not data.strip():
        raise ImportFailed.for_file(path, "is empty")
    raw, warnings = decode_text_bytes(path, data)
    text = require_text(path, finish_text(raw))
    title = first_line_title(text)
    if title and Path(path).suffix.lower() == ".md":
        title = _MD_HEADING.sub("", title)
    return ImportedDocument(
        title=title or stem_title(path),
        text=text,
        source_path=str(Path(path).resolve()),
        published=dateline_date(text),
        format="txt",
        warnings=warnings,
    )
