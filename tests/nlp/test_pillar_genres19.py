"""Pillars in debates, analysis and transcripts (issue 14, round 19): parties of states that have still to agree are
negotiating, diplomacy beside their topic. Each test checks one class of error found on the development sets on
made-up text (fictional countries, people and bodies)."""

from __future__ import annotations

from tests.nlp.passages import pillars_of


def test_states_still_to_agree_are_negotiating(analyzer):
    # the base form "agree" after parties of states (a conditional, a question, an infinitive) is an agreement still
    # to be reached between governments: the negotiation itself, beside what it is about
    presidents = "If the presidents agree, the customs officers could finish the rules of origin by next spring."
    assert {"diplomacy", "trade"} <= set(pillars_of(analyzer, presidents, "If the presidents"))
    question = "Does Vellavia agree with that approach to the tariff dispute?"
    assert {"diplomacy", "trade"} <= set(pillars_of(analyzer, question, "Does Vellavia"))
    neighbours = "The old convention allows the two neighbours to agree on fishing quotas between themselves."
    assert {"diplomacy", "trade"} <= set(pillars_of(analyzer, neighbours, "The old convention"))
    # ... but one's own view ("I agree") and an agreement already made ("the two sides agreed to ...", in a readout on
    # its topic) are not
    mine = "I agree that the farm subsidies cannot fix a bad tariff."
    assert "diplomacy" not in pillars_of(analyzer, mine, "I agree")
    made = "The two sides agreed to cut the tariffs on steel by half."
    assert "diplomacy" not in pillars_of(analyzer, made, "The two sides")
