"""Review of round 11's merged rules: odd input the new patterns must take in their stride (made-up text)."""

from __future__ import annotations

import time

import pytest

from briefing_app.nlp.pillars import is_furniture
from tests.nlp.passages import pillars_of


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



def test_a_club_named_after_its_city_is_no_government(analyzer):
    # ("Real Madrid": the city is the end of the club's name, not a state acting with another)
    sentence = "Real Madrid and Barcelona agreed a fee for the young striker."
    assert "diplomacy" not in pillars_of(analyzer, sentence, "Real")


def test_a_date_before_the_first_state_still_counts(analyzer):
    sentence = "Yesterday Ruritania and Syldavia agreed to repatriate 20,000 refugees from the border camps."
    assert "diplomacy" in pillars_of(analyzer, sentence, "Yesterday")


@pytest.mark.parametrize("sentence, procedural", [
    ("You're listening to Morning Report on Radio Klow.", True),
    ("Good evening, you are watching Klow Tonight.", True),
    ("You are watching the collapse of our fisheries industry.", False),
    ("You are listening to the sound of a dying industry, minister.", False),
])
def test_a_broadcast_names_itself_but_a_speech_is_content(sentence, procedural):
    from briefing_app.nlp.transcript import is_procedural

    assert is_procedural(sentence) is procedural
