"""Property tests: OffsetMap agrees with QTextDocument's own positions for any text."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from PySide6.QtGui import QTextCursor, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefing_app.domain.offsets import OffsetMap  # noqa: E402
from briefing_app.domain.text import normalize_text  # noqa: E402

# Text as it reaches the view: ASCII, accents, combining marks, Devanagari, Arabic, CJK, emoji
# (astral), flags (pairs of astral regional indicators), ZWJ sequences, tabs and newlines.
PIECES = st.sampled_from([
    "a", "Z", " ", "\n", "\t", ".", "é", "e\u0301", "न", "मो", "ي", "ع", "中", "日本", "😀", "🇮🇳", "👩\u200d💻",
    "𝐀", "𠜎", "\u200b", "\u200f", "—", "’", "\U0010fffd",
])
TEXTS = st.lists(PIECES, max_size=60).map("".join)
RAW = st.text(alphabet=st.characters(codec="utf-8"), max_size=80) | st.text(max_size=80)


def _app() -> QApplication:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    return app


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_positions_match_qtextdocument(text: str) -> None:
    _app()
    offsets = OffsetMap(text)
    document = QTextDocument()
    document.setPlainText(text)
    # Qt's length in UTF-16 units equals our mapping of the end (plus Qt's final block separator).
    assert offsets.to_utf16(len(text)) == document.characterCount() - 1
    cursor = QTextCursor(document)
    for start in range(len(text) + 1):
        pos = offsets.to_utf16(start)
        assert offsets.to_codepoint(pos) == start
        if start < len(text):
            # Qt sees the same character there (an astral one as its high surrogate).
            expected = text[start].encode("utf-16-le")[:2].decode("utf-16-le", "surrogatepass")
            got = document.characterAt(pos)
            assert got == ("\u2029" if text[start] == "\n" else expected)
    for start in range(0, len(text) + 1, 3):
        for end in range(start, len(text) + 1, 4):
            cursor.setPosition(offsets.to_utf16(start))
            cursor.setPosition(offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText() == text[start:end].replace("\n", "\u2029")


@settings(max_examples=300, deadline=None)
@given(RAW)
def test_any_normalised_text_maps_round_trip(raw: str) -> None:
    text = normalize_text(raw)
    offsets = OffsetMap(text)
    u16 = [offsets.to_utf16(i) for i in range(len(text) + 1)]
    assert u16 == sorted(u16) and len(set(u16)) == len(u16), "strictly increasing"
    assert u16[-1] == len(text.encode("utf-16-le")) // 2
    for i, pos in enumerate(u16):
        assert offsets.to_codepoint(pos) == i
    # A UTF-16 position inside a surrogate pair snaps to the start of its character.
    for i, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            assert offsets.to_codepoint(u16[i] + 1) == i
    assert offsets.is_identity == (u16[-1] == len(text))
