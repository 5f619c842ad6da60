"""Round 13 review: the contact-line pattern of is_furniture on pathological lines (made-up text)."""

from __future__ import annotations

import time

import pytest

from briefing_app.nlp.pillars import is_furniture


@pytest.mark.parametrize("line", [
    "x" * 40_000,  # a PDF extract whose spaces are lost
    "a." * 20_000,  # dotted soup
    "+1" * 20_000,  # a table of dialling codes dumped as one line
])
def test_a_long_run_without_an_address_is_scanned_once(line: str) -> None:
    """The e-mail part of the contact pattern started again at every character of a run of word
    characters (quadratic: about 20 s for 50 kB, minutes for a 200 kB line)."""
    line = f"Officials said {line} on Tuesday"
    text = f"{line}\nThe pipeline will carry gas."
    began = time.perf_counter()
    is_furniture(text, 0, len(line))
    assert time.perf_counter() - began < 0.5


@pytest.mark.parametrize("line", [
    "Press Office, Ministry of Syldavian Affairs: press@mofa.sy.example",
    "Media Relations, Syldavian Port Authority, +99 (0)12 345 6789",
])
def test_contact_lines_are_still_furniture(line: str) -> None:
    assert is_furniture(f"{line}\nThe pipeline will carry gas.", 0, len(line))


def _gpe(sentence: str, place: str):
    from briefing_app.nlp.types import EntitySpan

    return [EntitySpan(sentence.index(place), sentence.index(place) + len(place), "GPE", place)]


@pytest.fixture(scope="module")
def scorer():
    from briefing_app.nlp.pillars import default_scorer

    return default_scorer()


@pytest.mark.parametrize(("sentence", "place"), [
    ("It was the third dry year in a row with Marsk recording no rain.", "Marsk"),
    ("Prices fell for a fifth month in a row with Klow's harvest in.", "Klow"),
])
def test_in_a_row_is_no_quarrel(scorer, sentence: str, place: str) -> None:
    # "in a row" is consecutive, not a row (quarrel) with the state named after it
    _raw, why = scorer.raw_scores(sentence, _gpe(sentence, place))
    assert "a relationship with another state" not in why.get("diplomacy", [])


def test_a_row_with_a_state_is_still_a_relationship(scorer) -> None:
    sentence = "The row with Marsk over the fishing grounds deepened this week."
    _raw, why = scorer.raw_scores(sentence, _gpe(sentence, "Marsk"))
    assert "a relationship with another state" in why.get("diplomacy", [])


@pytest.mark.parametrize(("sentence", "place"), [
    ("The village lies closer to Klow than to the coast.", "Klow"),
    ("The new highway brings the port closer to Marsk.", "Marsk"),
    ("The camp is a short distance from Marsk.", "Marsk"),
])
def test_nearness_to_a_place_is_no_relationship(scorer, sentence: str, place: str) -> None:
    # "closer to" and "distance from" a place are mostly where something is; on the dev sets they never
    # added a diplomacy sentence the other relationship words did not
    _raw, why = scorer.raw_scores(sentence, _gpe(sentence, place))
    assert "a relationship with another state" not in why.get("diplomacy", [])
