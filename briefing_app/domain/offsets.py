"""Conversion between Python code-point offsets and Qt UTF-16 positions.

spaCy and the database count code points; ``QTextDocument`` counts UTF-16
code units, so every astral character (emoji, some CJK) before a span shifts
it by one. All conversions go through :class:`OffsetMap`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Maps code-point offsets of one text to UTF-16 offsets and back."""

    def __init__(self, text: str) -> None:
        # Code-point indices of astral characters, in order (regex: ~50x faster than a loop).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 index of each astral character's *first* unit.
        self._astral_u16 = [i + n for n, i in enumerate(self._astral)]
        self._length = len(text)

    @property
    def is_identity(self) -> bool:
        """True when no conversion is needed (no astral characters)."""
        return not self._astral

    def to_utf16(self, offset: int) -> int:
        """Code-point offset -> UTF-16 offset."""
        return offset + bisect_right(self._astral, offset - 1) if self._astral else offset

    def to_codepoint(self, offset16: int) -> int:
        """UTF-16 offset -> code-point offset (a position inside a pair maps to its start)."""
        if not self._astral:
            return offset16
        n = bisect_right(self._astral_u16, offset16 - 1)
        # If offset16 falls on the low surrogate of astral n-1, snap to its start.
        if n and self._astral_u16[n - 1] + 1 == offset16:
            return self._astral[n - 1]
        return offset16 - n
