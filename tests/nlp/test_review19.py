"""Review of round 19's pillar rules: the same words used of a firm's deals, a party's politics, a regatta or a
festival crowd are no foreign policy, border enforcement or people on the move. Each test checks one class of
misfire found by made-up sentences (fictional or common names), with a guard that the rule still fires where it
should."""

from __future__ import annotations

from tests.nlp.passages import passage_at, pillars_of


def test_a_private_partys_deal_or_standing_is_no_foreign_policy(analyzer):
    # "renegotiate", "partner of choice", "strategic foothold", "gaining influence" of a firm, a club or tenants, with
    # no state, government or treaty named, are business, not a state's alignment or a reopened agreement
    coal = "The utility will renegotiate its coal contracts with three mines before the winter."
    assert "diplomacy" not in pillars_of(analyzer, coal, "The utility")
    wages = "Players renegotiated their wages after the club was relegated."
    assert "diplomacy" not in pillars_of(analyzer, wages, "Players")
    rent = "Tenants in Nairobi want to renegotiate their rent after the water cuts."
    assert "diplomacy" not in pillars_of(analyzer, rent, "Tenants")
    bank = "The bank aims to be the partner of choice for small and medium enterprises."
    assert "diplomacy" not in pillars_of(analyzer, bank, "The bank")
    telecom = "The telecom operator says it is the partner of choice for cloud services in Vietnam."
    assert "diplomacy" not in pillars_of(analyzer, telecom, "The telecom")
    chain = "The supermarket chain gained a strategic foothold in the Lagos market."
    assert "diplomacy" not in pillars_of(analyzer, chain, "The supermarket")
    startup = "The startup is gaining influence among young voters on social media."
    assert "diplomacy" not in pillars_of(analyzer, startup, "The startup")
    charity = "The charity aims to be the partner of choice for local councils."
    assert "diplomacy" not in pillars_of(analyzer, charity, "The charity")
    # ... a state reopening a treaty still is
    accord = "Marinsk asked Klow to renegotiate the terms of the fisheries accord."
    assert "diplomacy" in pillars_of(analyzer, accord, "Marinsk")


def test_influence_in_a_party_or_a_boardroom_is_no_contest_of_powers(analyzer):
    # only influence in a region, a country or the world is the powers' contest for it
    party = "The minister has lost influence in the party since the vote."
    assert "diplomacy" not in pillars_of(analyzer, party, "The minister")
    board = "Activist investors gained influence in the boardroom."
    assert "diplomacy" not in pillars_of(analyzer, board, "Activist")
    drink = "He was arrested for driving under the influence in Ohio."
    assert "diplomacy" not in pillars_of(analyzer, drink, "He was")
    film = "Her influence in the film industry is hard to overstate."
    assert "diplomacy" not in pillars_of(analyzer, film, "Her influence")
    # ... influence in a region or in capitals still is
    region = "Creditors that want influence in the region will have to offer cheaper loans."
    assert "diplomacy" in pillars_of(analyzer, region, "Creditors")
    capitals = "Governments that want influence in Klow and Marinsk will need to offer scholarships."
    assert "diplomacy" in pillars_of(analyzer, capitals, "Governments")
    later = "The weather was cold in the north.\n\nAnalysts say Ankara wants influence in Tashkent and Astana now."
    assert "diplomacy" in pillars_of(analyzer, later, "Analysts")
    # ... not in a legislature by its name
    congress = "The lobby has outsized influence in Congress."
    assert "diplomacy" not in pillars_of(analyzer, congress, "The lobby")


def test_sides_or_neighbours_agreeing_outside_a_states_context_are_not_negotiating(analyzer):
    # "both sides" of a match and "the two neighbours" over a garden fence are no parties of states
    match = "If both sides agree, the match will be replayed on Sunday at the same ground."
    assert "states still to agree" not in _why(analyzer, match, "If both")
    fence = "The two neighbours could not agree on where to put the fence between their gardens."
    assert "diplomacy" not in pillars_of(analyzer, fence, "The two")
    # ... two neighbouring states, or sides with a convention between them, still are
    convention = "The old convention allows the two neighbours to agree on fishing quotas between themselves."
    assert "diplomacy" in pillars_of(analyzer, convention, "The old")
    gauge = "Unless Kenya and Uganda agree on the rail gauge, the line will stop at the border."
    assert "diplomacy" in pillars_of(analyzer, gauge, "Unless")
    river = "The two neighbours must agree on how to share the river's water."
    assert "diplomacy" in pillars_of(analyzer, river, "The two")


def test_stopping_boats_or_a_return_with_no_migration_named_is_no_border_enforcement(analyzer):
    regatta = "Organisers had to stop the boats when the wind picked up during the regatta."
    assert "security" not in pillars_of(analyzer, regatta, "Organisers")
    fishing = "The fishing ban will stop boats from leaving the harbour until June."
    assert "security" not in pillars_of(analyzer, fishing, "The fishing")
    painting = "The forced return of the painting to the museum was ordered by the court."
    assert "security" not in pillars_of(analyzer, painting, "The forced")
    tenants = "Tenants with no right to stay after the lease ends must leave the flat."
    assert "security" not in pillars_of(analyzer, tenants, "Tenants")
    hospital = "The patients' readmission rate at the hospital fell last year."
    assert "security" not in pillars_of(analyzer, hospital, "The patients")
    storm = "The coastguard stopped boats from sailing during the storm warning."
    assert "stopping boats" not in _why(analyzer, storm, "The coastguard")
    # ... with migrants or asylum named, they still are
    asylum = "Migrants with no right to stay will be flown home once their asylum claims fail."
    assert "security" in pillars_of(analyzer, asylum, "Migrants")
    readmission = "Vellavia signed a readmission agreement with Marinsk."
    assert "security" in pillars_of(analyzer, readmission, "Vellavia")


def test_a_crowd_going_to_an_event_or_to_work_is_not_people_on_the_move(analyzer):
    drill = "About 2,000 people returned to their offices after the fire drill."
    assert "a count of people on the move" not in _why(analyzer, drill, "About")
    airport = "Hundreds of people arrived at the airport to greet the champions."
    assert "people" not in pillars_of(analyzer, airport, "Hundreds")
    housing = "Two million people moved into new social housing last decade."
    assert "people" not in pillars_of(analyzer, housing, "Two million")
    # ... people fleeing or moved still are
    fled = "Some 4,000 families fled the valley when the dam burst."
    assert "people" in pillars_of(analyzer, fled, "Some 4,000")


def _why(analyzer, text: str, start: str) -> list[str]:
    """The cues of the passage holding the sentence that starts with ``start``."""
    return list(passage_at(analyzer, text, start).why)


def test_a_header_line_that_names_its_topic_keeps_its_pillars(analyzer):
    # a briefing's title that names its topic, and "The ...:" heading a topic rather than a body, are content
    cholera = "Press briefing on the cholera outbreak, Lindau, 3 May 2026\n\nThe spokesperson took questions."
    assert "health" in pillars_of(analyzer, cholera, "Press briefing")
    convoys = "Daily Press Briefing: aid convoys to the border, 4 June 2026\n\nThe spokesperson took questions."
    assert "security" in pillars_of(analyzer, convoys, "Daily Press")
    ceasefire = "The Ceasefire:\nBoth delegations will meet again in a week."
    assert "security" in pillars_of(analyzer, ceasefire, "The Ceasefire")
    # ... a routine dated title and a body before its paragraphs are still furniture
    routine = "Regular Press Conference on March 17, 2026\n\nThe spokesperson took questions on the ceasefire."
    assert pillars_of(analyzer, routine, "Regular Press") == []
    summit = "The Summit:\nWelcomes the ceasefire between the parties."
    assert pillars_of(analyzer, summit, "The Summit") == []


def test_one_office_holder_arriving_in_a_capital_is_on_a_visit(analyzer):
    # a minister or secretary named alone is no engagement, but one placed in another capital is on a visit
    seoul = "Minister Ana Costa is in Seoul this week."
    assert "diplomacy" in pillars_of(analyzer, seoul, "Minister Ana")
    manila = "Secretary Mary Lane arrived in Manila on Monday."
    assert "diplomacy" in pillars_of(analyzer, manila, "Secretary Mary")
    # ... also after other paragraphs (the place is found whatever the sentence's offset in the document)
    later = "The weather was cold in the north.\n\nMinister Ana Costa is in Seoul this week."
    assert "diplomacy" in pillars_of(analyzer, later, "Minister Ana")
    # ... a name alone with a title still is not
    report = "I can confirm that the Cabinet Secretary for Interior, Jane Roe, has agreed to table a report."
    assert "diplomacy" not in pillars_of(analyzer, report, "I can confirm")


def test_a_nations_side_or_government_in_home_politics_or_a_match_is_not_addressed_by_another_state(analyzer):
    mps = "Opposition MPs pressed the Kenyan government to cut fuel taxes."
    assert "diplomacy" not in pillars_of(analyzer, mps, "Opposition")
    draw = "We offered the Brazilian side a draw after sixty minutes."
    assert "diplomacy" not in pillars_of(analyzer, draw, "We offered")
    # ... a state urging another's side still is
    urge = "We urge the Philippine side to stop the dangerous manoeuvres near the shoal."
    assert "diplomacy" in pillars_of(analyzer, urge, "We urge")


def test_a_quota_of_players_is_no_trade_quota(analyzer):
    club = "The club has a quota of foreign players."
    assert "trade" not in pillars_of(analyzer, club, "The club")
    sugar = "The bloc cut the quota for sugar imports from its eastern neighbour."
    assert "trade" in pillars_of(analyzer, sugar, "The bloc")


def test_rephrasings_the_rules_missed(analyzer):
    # states that may "fail to agree", people "driven from their homes", and "the small boats" of a Channel crossing
    # are the same classes as the round's rules, in other words
    fail = "Should Ankara and Athens fail to agree, the gas exploration will pause."
    assert {"diplomacy", "energy"} <= set(pillars_of(analyzer, fail, "Should"))
    driven = "The war has driven 1.2 million people from their homes."
    assert "people" in pillars_of(analyzer, driven, "The war")
    boats = "The government vows to stop the small boats crossing the Channel."
    assert "security" in pillars_of(analyzer, boats, "The government")
    # ... not a derby's two sides, nor small boats in a harbour
    derby = "If the two sides fail to agree, the derby will be replayed."
    assert "states still to agree" not in _why(analyzer, derby, "If the two")
    harbour = "Small boats were moored in the harbour for the summer."
    assert "security" not in pillars_of(analyzer, harbour, "Small boats")


def test_the_chairs_formula_stops_before_a_second_clause_with_its_own_statement(analyzer):
    # "We turn to question time shortly, but first the Minister will make a statement on ...": the chair announces
    # what comes first, and that is content
    text = ("Chair Tomas Brel: We turn to question time shortly, but first the Minister of Defence will make a statement "
            "on the drone strikes near the border.\n\nI give the floor to the Minister of Defence.\n\n"
            "Minister Ana Quiroga: Three drones hit the depot at Klow last night.")
    assert "defence" in pillars_of(analyzer, text, "Chair Tomas Brel:")
    # ... the formula alone is still procedure
    hour = ("Chair Tomas Brel: We come to the topical hour on the migration partnership with Syldavia.\n\n"
            "I give the floor to the Minister of the Interior.\n\n"
            "Minister Ana Quiroga: In March I signed the partnership on the return of migrants in Klow.")
    assert pillars_of(analyzer, hour, "Chair Tomas Brel:") == []
