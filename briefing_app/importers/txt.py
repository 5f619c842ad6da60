"""Plain-text files (.txt, .text, .md): encoding detection and binary refusal."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from briefing_app.importers.base import ImportedDocument, ImportFailed
from briefing_app.importers.common import finish_text, read_bytes, require_text, stem_title
from briefing_app.importers.encodings import guess_encoding, guessed_warning
from briefing_app.importers.text_meta import read_text_meta

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
# BOM-less UTF-16: at least this share of the characters sampled have a NUL byte (spaces
# alone give Hindi ~15%), and the other side holds at most this fraction as many NULs.
_UTF16_MIN_NUL_SHARE = 0.05
_UTF16_MAX_OTHER_SIDE = 0.05
# ...and at least this many (one or two stray NULs in a tiny UTF-8 file prove nothing).
_UTF16_MIN_NULS = 4
# More NULs than this share of the bytes is binary data, not a stray glitch in a text file.
_MAX_STRAY_NUL_RATIO = 0.001
_MIN_STRAY_NULS = 4
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
                text, warnings = _strip_stray_nuls(path, data)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text, encoding = _decode_guessed(path, data)
                warnings.append(guessed_warning(encoding))
    if not _looks_like_text(text):
        raise ImportFailed.for_file(path, "is not a text file (too few printable characters)")
    return text, warnings


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    return None


def _decode_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM, recognised by where its NUL bytes are, or None.

    Every character below U+0100 (spaces, digits, punctuation, Latin letters) has a NUL
    high byte, so in UTF-16-LE text the NULs sit at odd positions and almost never at even
    ones (BE: the reverse). Hindi or other non-Latin text has fewer of them (only spaces and
    punctuation), so a modest share suffices, all on one side, plus a clean decode that
    reads as text. Stray NULs in UTF-8 text are too few and fall on both sides.
    """
    sample = data[:_SAMPLE_CHARS]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    enough = max(_UTF16_MIN_NULS, _UTF16_MIN_NUL_SHARE * (len(sample) // 2))
    if odd_nuls >= enough and even_nuls <= _UTF16_MAX_OTHER_SIDE * odd_nuls:
        encoding = "utf-16-le"
    elif even_nuls >= enough and odd_nuls <= _UTF16_MAX_OTHER_SIDE * even_nuls:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _looks_like_text(text) else None


def _strip_stray_nuls(path: str | os.PathLike[str], data: bytes) -> tuple[str, list[str]]:
    """Text with a few stray NUL bytes (a glitch of the program that wrote it): keep the text, drop the NULs.

    Raises ImportFailed when the NULs are too many or the rest is not text either (a binary file).
    """
    count = data.count(0)
    binary = ImportFailed.for_file(path, "is not a text file (it contains binary data)")
    if count > max(_MIN_STRAY_NULS, len(data) * _MAX_STRAY_NUL_RATIO):
        raise binary
    stripped = data.replace(b"\x00", b"")
    warnings = ["A stray NUL byte was removed from the text." if count == 1
                else f"{count} stray NUL bytes were removed from the text."]
    try:
        text = stripped.decode("utf-8")
    except UnicodeDecodeError:
        encoding = guess_encoding(stripped)
        if encoding is None:
            raise binary from None
        text = stripped.decode(encoding, errors="replace")
        warnings.append(guessed_warning(encoding))
    if not _looks_like_text(text):
        raise binary
    return text, warnings


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
    meta = read_text_meta(require_text(path, finish_text(raw)))  # a URL/SOURCE line is the link, not the title
    text = require_text(path, meta.text)
    title = meta.title
    if title and Path(path).suffix.lower() == ".md":
        title = _MD_HEADING.sub("", title)
    return ImportedDocument(
        title=title or stem_title(path),
        text=text,
        source_path=str(Path(path).resolve()),
        outlet=meta.outlet,
        author=meta.author,
        published=meta.published,
        url=meta.url,
        format="txt",
        warnings=warnings,
    )
