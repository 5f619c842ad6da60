"""Pillars in transcripts and debates (issue 14, fourth round): small talk, the record's formulas and turns run into
one line. Each test names one class of error found on the development sets and checks it on made-up text
(fictional countries, people and outlets)."""

from __future__ import annotations

import pytest

from tests.nlp.passages import pillars_of

INTERVIEW = (
    "Breakfast Hour, Radio Syldavia\n"
    "HOST: Good morning, Minister, and welcome to the studio.\n"
    "OTTOKAR: Good morning, Ana, and good morning to your listeners.\n"
    "HOST: The grid failed again last week while we export electricity to Borduria.\n"
    "OTTOKAR: The outage was caused by a fault on one transmission line, not by the electricity exports.\n"
    "HOST: And the gas from Borduria?\n"
    "OTTOKAR: The gas pipeline will carry more gas once the repairs are done.\n"
    "HOST: Minister, welcome back next month. Minister, thank you for your time. OTTOKAR: Thank you, Ana.\n"
)


@pytest.mark.parametrize("turn", [
    "HOST: Good morning, Minister, and welcome to the studio.",
    "OTTOKAR: Good morning, Ana, and good morning",
    "Minister, thank you for your time.",
    "OTTOKAR: Thank you, Ana.",
])
def test_greetings_and_thanks_in_a_transcript_get_no_pillar(analyzer, turn):
    # a host's welcome and the guest's thanks are small talk: "welcome" and "thank" are no diplomacy here
    assert pillars_of(analyzer, INTERVIEW, turn) == []


def test_a_turn_run_into_the_line_before_is_still_a_turn(analyzer):
    # "... for your time. OTTOKAR: Thank you, Ana.": the label is known from the lines before, so the turn is judged
    # on its own words (a procedural thanks) and not as the label "OTTOKAR: Thank ..."
    assert pillars_of(analyzer, INTERVIEW, "OTTOKAR: Thank you, Ana.") == []


def test_content_turns_of_an_interview_keep_their_pillars(analyzer):
    assert "energy" in pillars_of(analyzer, INTERVIEW, "OTTOKAR: The gas pipeline")


PRESS_CONFERENCE = (
    "Joint press conference of the Foreign Ministers of Syldavia and Borduria\n"
    "MINISTER OTTOKAR: Thank you, and welcome back to Klow, my friend Pavel.\n"
    "MINISTER PAVEL: Thank you, my brother, for your warm hospitality.\n"
    "MINISTER OTTOKAR: We agreed to reopen the border crossing for trucks carrying grain exports.\n"
    "MINISTER PAVEL: Our two ministries will meet again in June.\n"
)


@pytest.mark.parametrize("turn", ["MINISTER OTTOKAR: Thank you, and welcome back to Klow",
                                  "MINISTER PAVEL: Thank you, my brother"])
def test_welcoming_a_visitor_to_the_country_stays_diplomacy(analyzer, turn):
    # a host welcoming a visiting minister to the capital, and the guest's thanks for hospitality, are the visit
    assert "diplomacy" in pillars_of(analyzer, PRESS_CONFERENCE, turn)


RECORD = (
    "Security Council, 9999th meeting\n"
    "The meeting was called to order at 10.05 a.m.\n"
    "The President: I give the floor to the representative of Syldavia.\n"
    "Mr. Ottokar (Syldavia): Pirates attacked two tankers off our coast, and our navy needs partners to patrol the "
    "sea lanes.\n"
    "Mr. Pavel (Borduria): On a point of order, Madam President.\n"
    "The President: There is no point of order.\n"
    "Ms. Roe (Ruritania): I beg to move, That the Bill be now read a Second time.\n"
    "Mr. Doe (Ruritania): Will the Minister give way?\n"
    "Ms. Roe (Ruritania): I give way.\n"
    "The President: The representative of Borduria has the floor.\n"
    "The meeting rose at 1.20 p.m.\n"
)


@pytest.mark.parametrize("sentence", [
    "The meeting was called to order", "On a point of order", "There is no point of order",
    "I beg to move", "Will the Minister give way?", "I give way.", "The representative of Borduria has the floor.",
    "The meeting rose at 1.20 p.m.",
])
def test_formulas_of_the_record_and_of_procedure_get_no_pillar(analyzer, sentence):
    # the opening and closing of a meeting, points of order, moving a bill and giving way are procedure
    assert pillars_of(analyzer, RECORD, sentence) == []


def test_a_speech_in_the_record_keeps_its_pillars(analyzer):
    assert "security" in pillars_of(analyzer, RECORD, "Mr. Ottokar (Syldavia): Pirates")


COMMITTEE = (
    "Joint Committee on Foreign Affairs\n"
    "Chairman: I welcome the Minister to the committee.\n"
    "Tánaiste: Thank you, Cathaoirleach.\n"
    "Tánaiste: Our peacekeepers will leave the mission in Borduria by June, and the troops will come home. "
    "(Interruptions)\n"
    "Deputy Roe: Will the troops be replaced by a naval patrol? (Time expired)\n"
    "Government members: Hear, hear!\n"
)


def test_a_one_word_speaker_said_twice_is_a_turn(analyzer):
    # "Tánaiste:" is a speaker (it opens two lines): the thanks after it are procedure, not diplomacy
    assert pillars_of(analyzer, COMMITTEE, "Tánaiste: Thank you, Cathaoirleach.") == []


@pytest.mark.parametrize("sentence", ["(Interruptions)", "(Time expired)", "Government members: Hear, hear!"])
def test_the_records_asides_and_interjections_get_no_pillar(analyzer, sentence):
    # a bracketed note alone and the members' collective interjections do not continue the speech before them
    assert pillars_of(analyzer, COMMITTEE, sentence) == []


def test_a_speech_between_asides_keeps_its_pillars(analyzer):
    assert "defence" in pillars_of(analyzer, COMMITTEE, "Tánaiste: Our peacekeepers")
