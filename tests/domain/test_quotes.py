"""Quote helpers: datelines and bylines cut off, trims with "[…]", relative dates resolved (issue 15)."""

from __future__ import annotations

import pytest

from briefing_app.domain.quotes import quote_start, resolve_relative_dates, trimmed


@pytest.mark.parametrize("text, starts", [
    ("WASHINGTON D.C.: The United States and India agreed.", "The United States"),
    ("Washington D.C.: The United States and India agreed.", "The United States"),
    ("New Delhi, 14 October 2025: Prime Minister Modi spoke.", "Prime Minister"),
    ("WARSAW, Oct. 2, 2025 – Poland signed the contract.", "Poland signed"),
    ("NEW DELHI (Reuters) - India said on Thursday.", "India said"),
    ("By Jane Doe, Staff Reporter | India and the US agreed.", "India and the US"),
    ("Prime Minister Modi: India will stand with its partners.", "Prime Minister Modi:"),
    ("India and the U.S. agreed.", "India and the U.S."),
    ("• India will join a critical-minerals buyers' club.", "India will join"),
])
def test_datelines_and_bylines_are_never_the_start_of_a_quote(text: str, starts: str) -> None:
    assert text[quote_start(text):].startswith(starts)


def test_trim_marks_every_cut_with_an_ellipsis() -> None:
    original = "India and the US, after a long and cordial call on Thursday, agreed to expand defence ties."
    comma, agreed = original.index(",") + 1, original.index("agreed")
    middle_cut = trimmed(original, [(0, comma), (agreed, len(original))])
    assert middle_cut == "India and the US, […] agreed to expand defence ties."
    assert trimmed(original, [(agreed, len(original))]) == "[…] agreed to expand defence ties."
    assert trimmed(original, [(0, comma)]) == "India and the US, […]"


def test_relative_dates_are_resolved_against_the_article_date() -> None:
    text = ("Trump will make his first visit to India in February this year. The leaders spoke on Thursday; "
            "last month the President praised the Prime Minister, and talks resume next year.")
    out = resolve_relative_dates(text, "2020-01-17")
    assert "in February this year [2020]." in out
    assert "on Thursday [16 January 2020]" in out
    assert "last month [December 2019]" in out
    assert "next year [2021]" in out
    assert resolve_relative_dates(text, "") == text  # no date, nothing guessed
    assert resolve_relative_dates(out, "2020-01-17") == out  # never twice
