"""Domain vocabulary the pillar lexicon must know beyond India–US statements (issue 14): the language of
conflict and borders, climate disasters and water, debt and livelihoods, mobility and displacement, food aid,
export controls and cables, and the vocabulary of mediation. Sentences are invented, not from the gold set."""

from __future__ import annotations

import pytest

from briefing_app.nlp.pillars import PillarScorer, default_scorer


@pytest.fixture(scope="module")
def scorer() -> PillarScorer:
    return default_scorer()


def _pillars(scorer: PillarScorer, text: str) -> set[str]:
    return set(scorer.passage(text, 0, len(text)).pillars)


@pytest.mark.parametrize(("text", "pillar"), [
    # security: embargoes, paramilitaries, riots, boundaries
    ("The panel found that the arms embargo on the northern provinces was broken twice.", "security"),
    ("Paramilitary units took the airport road on Sunday.", "security"),
    ("Riots in the capital left the parliament building burned.", "security"),
    ("Officials will meet next month to delimit the maritime boundary around the atolls.", "security"),
    # energy & climate: storms, sea walls, water supply, gas volumes, seabed mining
    ("The hurricane destroyed half of the island's housing stock.", "energy"),
    ("The grant pays for sea walls along the northern coast.", "energy"),
    ("Both cities depend on the reservoirs upstream for their water supply.", "energy"),
    ("The line would carry 30 billion cubic metres a year to the coast.", "energy"),
    ("Fishing communities want a moratorium on seabed mining.", "energy"),
    # trade: budget support, traders, lay-offs
    ("The donor released its budget support for the third quarter.", "trade"),
    ("Traders at the crossing say the queues cost them a day each way.", "trade"),
    ("Two thousand workers were laid off when the smelter closed.", "trade"),
    # technology: export controls, cables
    ("The two governments will align their export controls on advanced lithography.", "technology"),
    ("The fibre cable to the islands was cut for the second time this year.", "technology"),
    # people: displacement, free movement, passengers, concerts
    ("More than 40,000 people have been displaced by the fighting near the lake.", "people"),
    ("Citizens of the bloc will enjoy free movement from January.", "people"),
    ("The new ferry will carry 900 passengers a day between the two ports.", "people"),
    ("The ministry lifted its ban on foreign concerts.", "people"),
    # health: food aid, health insurance
    ("Three million people need food aid after the harvest failed.", "health"),
    ("Arrivals get health insurance from their first day.", "health"),
    # diplomacy: mediation and the state of a relationship
    ("The neighbouring state brokered a truce between the two capitals.", "diplomacy"),
    ("The country took its case to the International Court of Justice.", "diplomacy"),
])
def test_domain_vocabulary_names_the_pillar(scorer, text, pillar):
    assert pillar in _pillars(scorer, text)


def test_water_alone_is_not_climate_and_sovereignty_alone_is_not_security(scorer):
    # ambiguous words count only beside a plain cue of their pillar
    assert "energy" not in _pillars(scorer, "The delegation was served water and dates.")
    assert "security" not in _pillars(scorer, "The two leaders spoke about sovereignty and history.")


def test_security_joins_defence_and_trade_joins_energy_on_a_weaker_cue(scorer):
    # a weak security/trade cue is drowned by a strong defence/energy sentence, unless it is the lead's companion
    troops = "The navy will deploy two more battalions, the ministry said on Monday, citing the risk of unrest."
    assert {"defence", "security"} <= _pillars(scorer, troops)
    assert "security" not in _pillars(scorer, "The army will station two battalions near the capital.")
    sales = "Solar and wind farms will sell electricity to the grid."
    assert {"energy", "trade"} <= _pillars(scorer, sales)


@pytest.mark.parametrize(("text", "pillar"), [
    # people: livelihoods and professionals on the move (round-6 classes: jobs for locals, trained technicians,
    # doctors leaving, poverty, pilgrimage quotas)
    ("The mining company promised that local hiring would come first.", "people"),
    ("Half the construction jobs go to young technicians from the province.", "people"),
    ("The island worries about a brain drain of its nurses.", "people"),
    ("Poverty in the southern districts has barely fallen since the drought.", "people"),
    ("The kingdom raised the Hajj quota for the archipelago by ten thousand places.", "people"),
    # technology: the rarer critical minerals, and the upkeep of subsea cables
    ("The two coast guards will share cable repair ships in the northern sea.", "technology"),
    ("Officials met to discuss cable resilience after the storm season.", "technology"),
    ("The new rules restrict sales of gallium and germanium to foreign buyers.", "technology"),
])
def test_livelihood_mobility_and_mineral_vocabulary(scorer, text, pillar):
    assert pillar in _pillars(scorer, text)


def test_jobs_alone_are_not_people(scorer):
    # the new people words for work are context words: one of them alone is no pillar
    assert "people" not in _pillars(scorer, "The plant will create jobs, the company said.")
    assert "people" not in _pillars(scorer, "Technicians inspected the bridge on Monday.")


@pytest.mark.parametrize(("text", "pillar"), [
    # energy: the language of an unreliable grid in other regions' texts
    ("The capital has had load-shedding every evening this week.", "energy"),
    ("Shopkeepers run diesel generators through the blackouts.", "energy"),
    ("Power cuts in the north lasted up to ten hours a day.", "energy"),
    # security: irregular forces, information operations, jamming
    ("The council demanded the withdrawal of foreign mercenaries from the south.", "security"),
    ("Armed men stopped the bus near the river crossing.", "security"),
    ("The task force will track influence campaigns aimed at the vote.", "security"),
    ("Pilots reported jamming of satellite signals over the strait.", "security"),
    # defence: where forces live and the agreements that let them visit
    ("The ministry will spend the grant on new barracks near the border.", "defence"),
    ("Both governments signed a reciprocal access agreement on Friday.", "defence"),
    ("Parliament ratified the visiting forces agreement on Tuesday.", "defence"),
    ("Planners say the reassurance force could deploy within weeks of a truce.", "defence"),
])
def test_grid_irregular_forces_and_basing_vocabulary(scorer, text, pillar):
    assert pillar in _pillars(scorer, text)


def test_outages_and_generators_alone_are_not_energy(scorer):
    # both also describe websites and film sets: context words only
    assert "energy" not in _pillars(scorer, "The website had two outages during the sale.")
