"""Review of round 11's merged rules: odd input the new patterns must take in their stride (made-up text)."""

from __future__ import annotations

import time

import pytest

from briefing_app.nlp.pillars import is_furniture


def test_a_line_with_a_long_run_of_spaces_is_judged_at_once():
    # (a PDF's wide gap between two words: the release-header pattern once tried every split of the run)
    line = "the ministry" + " " * 600 + "of trade"
    text = f"{line}\nThe pipeline will carry gas."
    began = time.perf_counter()
    is_furniture(text, 0, len(line))
    assert time.perf_counter() - began < 0.5


@pytest.mark.parametrize("header", [
    "Syldavian Investment Agency - Fact sheet",
    "Syldavian Investment Agency -Fact sheet",
    "Syldavian Investment Agency: press release",
    "Syldavian Investment Agency Press release",
])
def test_release_headers_with_or_without_a_separator(header):
    assert is_furniture(f"{header}\nThe pipeline will carry gas.", 0, len(header))
