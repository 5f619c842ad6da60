"""Counts read as words: no "(s)" in what the officer sees."""

from __future__ import annotations

import pytest

from briefing_app.domain.wording import count


@pytest.mark.parametrize(("n", "expected"), [(0, "0 lessons"), (1, "1 lesson"), (2, "2 lessons"),
                                             (12_500, "12,500 lessons")])
def test_count_says_the_noun_in_the_plural_unless_one(n: int, expected: str) -> None:
    assert count(n, "lesson") == expected


def test_count_takes_an_irregular_plural() -> None:
    assert (count(1, "entry", "entries"), count(3, "entry", "entries")) == ("1 entry", "3 entries")
