"""Round 18 date fixes: fiscal years and written-out dates are dates, and "Between" stays out of a date range."""
from __future__ import annotations

import pytest

from briefing_app.nlp.analyzer import Analyzer
from tests.nlp.conftest import entity_pairs


@pytest.mark.parametrize(("text", "date"), [
    ("The minister said on 3rd March 2026 that the deal was done.", "3rd March 2026"),
    ("Funding for FY2027 was cut, officials said.", "FY2027"),
    ("In FY26 the agency spent more on patrol boats.", "FY26"),
    ("Budget blow: FY2027 allocation slashed for navy", "FY2027"),
    ("MINISTER: Our allocation for FY2027 is final.", "FY2027"),
])
def test_a_date_or_fiscal_year_is_a_date(analyzer: Analyzer, text: str, date: str) -> None:
    """A calendar date or fiscal year is tagged DATE, never a body or a place, wherever it stands."""
    pairs = entity_pairs(analyzer, text)
    assert (date, "DATE") in pairs, pairs
    assert not any(t == date and label != "DATE" for t, label in pairs), pairs


def test_initials_and_titles_are_not_dates(analyzer: Analyzer) -> None:
    """"FY" as someone's initials and "Between Friends" as a title are not dates."""
    pairs = entity_pairs(analyzer, "Between Friends is a novel. FY Tan, the chair, spoke in Jakarta.")
    assert not any(label == "DATE" for _, label in pairs), pairs


@pytest.mark.parametrize(("text", "date"), [
    ("Signed at Canberra this 14th day of February 2026 by Australia and India.", "14th day of February 2026"),
    ("Done at Suva, this 3rd day of July 2025, in two originals.", "3rd day of July 2025"),
])
def test_a_formal_dating_clause_is_one_date(analyzer: Analyzer, text: str, date: str) -> None:
    """"this 14th day of February 2026" (treaty style) is one date, not "this 14th day of" and "February 2026"."""
    dated = [t for t, label in entity_pairs(analyzer, text) if label == "DATE"]
    assert len(dated) == 1 and date in dated[0], dated


@pytest.mark.parametrize("text", [
    "Delegates from 🇮🇳🇦🇺 met 3 times in Perth.",
    "ALBANESE: 🇮🇳 is our partner, 2 deals done.",
    "Trade up 5% 🇮🇳, officials said.",
])
def test_emoji_and_flag_halves_are_never_entities(analyzer: Analyzer, text: str) -> None:
    """A flag emoji (two regional-indicator symbols) or any emoji is never tagged, nor part of a tag."""
    pairs = entity_pairs(analyzer, text)
    assert not any(any(0x1F000 <= ord(ch) <= 0x1FAFF for ch in t) for t, _ in pairs), pairs


@pytest.mark.parametrize(("text", "date"), [
    ("Between mid-2025 and early 2026, exports of copper doubled.", "mid-2025 and early 2026"),
    ("The corridor carried grain between 2019 and 2021, the ministry said.", "2019 and 2021"),
    ("Q: What happened between last spring and this winter?", "last spring"),
])
def test_a_range_keeps_its_between_outside(analyzer: Analyzer, text: str, date: str) -> None:
    """A range the model read with its "between" loses the preposition, as every other date does; two months
    ("between January and September 2025") are still two dates."""
    pairs = entity_pairs(analyzer, text)
    assert (date, "DATE") in pairs, pairs
    assert not any(t.lower().startswith("between") for t, _ in pairs), pairs
    months = entity_pairs(analyzer, "Shipments fell between January and September 2025.")
    assert {("January", "DATE"), ("September 2025", "DATE")} <= months
