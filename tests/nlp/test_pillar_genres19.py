"""Pillars in debates, analysis and transcripts (issue 14, round 19): parties of states that have still to agree, or
that reopen what they agreed, are negotiating, and a state's alignment between powers (its partner of choice, friends
to all, a strategic foothold, influence in a region) is foreign policy, and another state's side or forces addressed
is dealing with it: diplomacy beside the topic; returning migrants with no right to stay and stopping the boats are
security beside people; people counted as they move or are moved are people. Each test checks one class of error
found on the development sets on made-up text (fictional countries, people and bodies)."""

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


def test_a_states_alignment_between_powers_is_diplomacy_beside_its_topic(analyzer):
    # whom a state chooses as friends and partners, and the powers' contest for influence over it, is foreign policy:
    # diplomacy beside what the sentence is about (a port, loans, customs)
    partner = "If we want to stay the islands' partner of choice, we must cut the customs fees for their exporters."
    assert {"diplomacy", "trade"} <= set(pillars_of(analyzer, partner, "If we want"))
    friends = "Our new port is open to all investors: we are friends to all and enemies to none."
    assert "diplomacy" in pillars_of(analyzer, friends, "Our new port")
    foothold = "Critics call the container terminal a strategic foothold for a distant navy."
    assert "diplomacy" in pillars_of(analyzer, foothold, "Critics call")
    influence = "Lenders that want influence in the region will have to offer cheaper loans and tariff-free access."
    assert {"diplomacy", "trade"} <= set(pillars_of(analyzer, influence, "Lenders that"))
    # ... not a campaign of influence online, which is the security sense the lexicon already has
    campaign = "The agency tracks covert influence campaigns that use fake news sites."
    assert "diplomacy" not in pillars_of(analyzer, campaign, "The agency")


def test_reopening_a_settled_agreement_is_diplomacy_beside_its_topic(analyzer):
    # to renegotiate is to reopen what parties agreed (a border, quotas, a treaty): the negotiation itself, like
    # states that have still to agree, beside what it is about
    border = "The land border was demarcated in 1994 and is not open to renegotiation."
    assert {"diplomacy", "security"} <= set(pillars_of(analyzer, border, "The land border"))
    quotas = "If the two capitals wait for the next drought to renegotiate the fishing quotas, the fleets will stay in port."
    assert {"diplomacy", "trade"} <= set(pillars_of(analyzer, quotas, "If the two capitals"))


def test_returning_migrants_and_stopping_boats_are_security_beside_people(analyzer):
    # the return of migrants with no right to stay, readmission and stopping the boats are the enforcement of a border:
    # security beside the people they concern (like "irregular migration")
    stay = "Under the new arrangement, Vellavia will take back its migrants who have no right to stay and accept two return flights a month."
    assert {"people", "security"} <= set(pillars_of(analyzer, stay, "Under the new"))
    boats = "On migration, the northern neighbours praise the coastal state for stopping boats."
    assert {"people", "security"} <= set(pillars_of(analyzer, boats, "On migration"))
    back = "The agency runs a programme of voluntary return for migrants, and 4,000 people went home last year."
    assert {"people", "security"} <= set(pillars_of(analyzer, back, "The agency"))


def test_a_count_of_people_on_the_move_is_people(analyzer):
    # people counted as they move, flee or are moved ("on the move", "returning", "families were moved") are
    # people-to-people, like a count of a nation's people
    move = "More than two million people in the river basin are on the move."
    assert "people" in pillars_of(analyzer, move, "More than")
    moved = "The new dam meant that some 900 families were moved from the valley, and many are still waiting for compensation."
    assert "people" in pillars_of(analyzer, moved, "The new dam")
    returning = "Vellavia receives thousands of people returning north, and many arrive sick."
    assert "people" in pillars_of(analyzer, returning, "Vellavia receives")
    # ... not people counted as a workforce or a market
    staff = "The company employs about 90,000 people in the country."
    assert "people" not in pillars_of(analyzer, staff, "The company")


def test_another_states_organ_addressed_is_diplomacy_beside_its_topic(analyzer):
    # another state's side, government or forces named by its nationality, addressed ("urge the ... side", "offered the
    # ... Armed Forces") or given support, is one government dealing with another, like a capital addressed
    urge = "We urge the Marinskan side to stop the provocations at sea."
    assert {"diplomacy", "security"} <= set(pillars_of(analyzer, urge, "We urge"))
    offer = "We have offered the Marinskan Armed Forces a programme of training in mine clearance."
    assert {"defence", "diplomacy"} <= set(pillars_of(analyzer, offer, "We have offered"))
    support = "Our navy will keep pressing for support to the Vellavian coast guard against the smugglers."
    assert {"diplomacy", "security"} <= set(pillars_of(analyzer, support, "Our navy"))
    # ... not one's own government or forces, nor a party's support for its government
    own = "To ask His Majesty's Government what support they give to the armed forces."
    assert "diplomacy" not in pillars_of(analyzer, own, "To ask")
    home = "Opposition MPs withdrew their support for the Kenyan government over the tax bill."
    assert "diplomacy" not in pillars_of(analyzer, home, "Opposition MPs")
