"""Review of round 18's pillar rules (issue 14): the words each rule reads, used in another sense, must not add its
pillar. A lower-case "belt and road" or a family named Obor is no foreign-policy initiative; a pledge not to use force
made by police, guards or parents is no pledge between states; a people's name in an organisation's name is not the
people; a famine named as a past event, or "starvation wages", is not health; an office-holder or an expert quoted with
an age is not an ordinary person. Made-up sentences (fictional people and places)."""

from __future__ import annotations

from tests.nlp.passages import pillars_of


def test_an_initiatives_words_in_lower_case_are_not_diplomacy(analyzer):
    lane = "A new belt and road bike lane opened downtown."
    assert "diplomacy" not in pillars_of(analyzer, lane, "A new")
    safety = "His seat belt and road safety campaign reached schools across the county."
    assert "diplomacy" not in pillars_of(analyzer, safety, "His seat")
    family = "The Obor family ran the bakery for three generations."
    assert "diplomacy" not in pillars_of(analyzer, family, "The Obor")
    # ... but the initiative named still is
    loans = "The new railway will be financed with loans under the Belt and Road Initiative."
    assert "diplomacy" in pillars_of(analyzer, loans, "The new railway")


def test_a_police_or_family_pledge_not_to_use_force_is_not_diplomacy(analyzer):
    officers = "Officers were ordered not to use force against the protesters unless attacked."
    assert pillars_of(analyzer, officers, "Officers") == ["security"]
    report = "The police report commended the officers' non-use of force during the arrest."
    assert "diplomacy" not in pillars_of(analyzer, report, "The police")
    parents = "The parents promised not to use force when disciplining the children."
    assert "diplomacy" not in pillars_of(analyzer, parents, "The parents")
    # ... but two states' pledge still is
    states = "Vellavia and Marinska pledged not to use force against each other's fishing boats."
    assert {"diplomacy", "security"} <= set(pillars_of(analyzer, states, "Vellavia"))


def test_a_peoples_name_in_an_organisations_name_is_not_people(analyzer):
    party = "The Maori Party won two more seats in the election."
    assert "people" not in pillars_of(analyzer, party, "The Maori")
    commission = "The Aboriginal and Torres Strait Islander Commission was abolished in 2005."
    assert "people" not in pillars_of(analyzer, commission, "The Aboriginal")


def test_a_past_or_figurative_famine_is_not_health(analyzer):
    novel = "The famine of 1845 shaped the novel's plot."
    assert "health" not in pillars_of(analyzer, novel, "The famine")
    play = "A new play about the famine of the 1840s opened in Dublin."
    assert "health" not in pillars_of(analyzer, play, "A new play")
    memorial = "The Irish Famine memorial was unveiled by the president."
    assert "health" not in pillars_of(analyzer, memorial, "The Irish")
    wages = "The strikers' starvation wages were the subject of the debate."
    assert "health" not in pillars_of(analyzer, wages, "The strikers")
    # ... but a famine now still is, in a headline too
    now = "Aid convoys cannot reach the towns of the north, where famine was declared in May."
    assert "health" in pillars_of(analyzer, now, "Aid convoys")
    headline = "Famine Declared In Northern Vell As Convoys Turn Back"
    assert "health" in pillars_of(analyzer, headline, "Famine")


def test_an_office_holder_or_expert_quoted_with_an_age_is_not_an_ordinary_person(analyzer):
    premier = '"We will protect our borders," said Prime Minister Arlo Venn, 64.'
    assert "people" not in pillars_of(analyzer, premier, '"We will')
    admiral = '"Our navy is ready," said Admiral Joren Kast, 58.'
    assert "people" not in pillars_of(analyzer, admiral, '"Our navy')
    minister = '"The deal is good for our exports," said Lena Maris, 45, the trade minister.'
    assert "people" not in pillars_of(analyzer, minister, '"The deal')
    banker = '"Sales rose by 12 percent," said Pedro Alves, 47, chief executive of the bank.'
    assert "people" not in pillars_of(analyzer, banker, '"Sales')
    # ... but an ordinary person still is
    mother = '"We can no longer afford bread," said Ana Lopes, 39, a mother of three.'
    assert "people" in pillars_of(analyzer, mother, '"We can')


def test_a_meeting_of_firms_unions_or_residents_is_not_diplomacy(analyzer):
    # a meeting of rank or a round of talks between a union and employers, banks or residents is no engagement between
    # governments when no state, government or country is named
    hospital = "The hospital held a high-level meeting with ward managers about waiting times."
    assert pillars_of(analyzer, hospital, "The hospital") == ["health"]
    union = "Talks between the union and the employers broke down late on Friday over the pay offer."
    assert "diplomacy" not in pillars_of(analyzer, union, "Talks between")
    residents = "The council began a round of consultations with residents on the planned bypass."
    assert "diplomacy" not in pillars_of(analyzer, residents, "The council")
    banks = "Merger talks between the two banks have stalled."
    assert "diplomacy" not in pillars_of(analyzer, banks, "Merger talks")
    # ... but with a state named they still are
    state = "The World Bank held a high-level meeting with Vellavian officials on the budget."
    assert "diplomacy" in pillars_of(analyzer, state, "The World Bank")


def test_an_ordinary_person_quoted_the_other_way_round_is_people(analyzer):
    # the livelihood before the name, or the age and livelihood right before "said", is the same human voice
    fisherman = '"We have had no water since the dam was built," said fisherman Joao Reis, 44.'
    assert "people" in pillars_of(analyzer, fisherman, '"We have')
    herder = '"The soldiers took our goats," said herder Ahmed Musa.'
    assert "people" in pillars_of(analyzer, herder, '"The soldiers')
    nurse = "Ana Lopes, 35, a nurse in Kell, said the clinic had run out of insulin."
    assert "people" in pillars_of(analyzer, nurse, "Ana Lopes")
    # ... not an office-holder with a former livelihood
    minister = "Tom Hale, 55, a former teacher who is now the defence minister, said the army was ready."
    assert "people" not in pillars_of(analyzer, minister, "Tom Hale")
    admiral = '"Our navy is ready," said Admiral Joren Kast, a former fisherman.'
    assert "people" not in pillars_of(analyzer, admiral, '"Our navy')


def test_a_pledge_to_abstain_from_force_is_diplomacy_between_states_only(analyzer):
    # "abstain from the (threat or) use of force" is the same pledge as "refrain from ..."
    pledge = "The neighbours reaffirmed their commitment to abstain from the threat or use of force."
    assert {"diplomacy", "security"} <= set(pillars_of(analyzer, pledge, "The neighbours"))
    police = "The officers were told to abstain from the use of force at the march."
    assert pillars_of(analyzer, police, "The officers") == ["security"]


def test_a_battery_grade_product_is_not_technology(analyzer):
    # "battery-grade" beside energy words is technology when a material is refined for batteries, not in a review
    charger = "The battery-grade charger I bought worked fine with the old car battery and my solar lamp."
    assert "technology" not in pillars_of(analyzer, charger, "The battery-grade")
    nickel = "The plant makes battery-grade nickel sulphate for electric cars, powered by the grid."
    assert {"energy", "technology"} <= set(pillars_of(analyzer, nickel, "The plant"))
