"""Counts said in words, as the officer reads them: "1 lesson", "3 lessons", never "3 lesson(s)"."""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, the noun in the plural unless ``n`` is one ("0 lessons", "1 lesson");
    ``plural`` for a noun that does not take an -s ("1 entry", "2 entries")."""
    if n == 1:
        return f"{n:,} {noun}"
    return f"{n:,} {plural if plural is not None else noun + 's'}"
