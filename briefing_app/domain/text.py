"""Text normalisation shared by every importer, so offsets mean the same everywhere.

Offsets in this application are Python ``str`` indices (code points) into the
*normalised* text. Normalise exactly once, when text enters the application.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Characters python-docx/XML cannot hold (DESIGN §5); TAB and LF are kept.
_ILLEGAL_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Lone surrogates cannot be encoded to UTF-8 and break SQLite/Qt round trips.
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Bidirectional embeddings, overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI).
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
#: A closing full stop, question or exclamation mark, or ellipsis, possibly inside closing quotes or brackets, at
#: the end of a string: what tells a sentence from a headline or a table row.
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")


def normalize_text(raw: str) -> str:
    """Return ``raw`` with LF line ends, NFC composition and no XML-illegal characters.

    Also drops a BOM, trailing spaces on lines, runs of more than one blank
    line and leading/trailing blank space of the whole text.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "")
    # Qt treats these as paragraph separators; keep one model of lines.
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _ILLEGAL_CONTROL.sub("", text)
    text = _SURROGATES.sub("\ufffd", text)
    text = text.replace("\xa0", " ")
    text = _TRAILING_SPACE.sub("\n", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def text_hash(normalized: str) -> str:
    """Stable hash of normalised text, used to recognise duplicates."""
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def sanitize_for_xml(value: str) -> str:
    """Clean a title, metadata value, name, link or typed field before it is stored or exported.

    Removes characters that XML 1.0 (and so python-docx) rejects, and the bidirectional
    embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): a right-to-left
    override in a title or link text makes what is shown differ from what is there. Arabic or
    Hebrew letters carry their own direction and are kept, as are the plain direction marks.
    """
    return _SURROGATES.sub("\ufffd", _BIDI_CONTROLS.sub("", _ILLEGAL_CONTROL.sub("", value)))
