"""Pillars in transcripts, debates, analysis and news (issue 14, round 18): meetings of rank (a high-level dialogue, a
ministerial meeting, a round of talks), a power's foreign-policy initiative and a pledge not to use force are diplomacy
beside their topic; technology is a companion of energy and, on a full cue, of security; indigenous or displaced
peoples named and ordinary people quoted are people; famine and food rations are health. Each test checks one class of
error found on the development sets on made-up text (fictional countries, people and bodies)."""

from __future__ import annotations

from tests.nlp.passages import pillars_of


def test_a_meeting_of_rank_is_diplomacy_beside_its_topic(analyzer):
    # a high-level dialogue, a ministerial meeting or a numbered round of talks is the engagement itself, whatever it
    # is about ("a high-level dialogue on energy" is energy and diplomacy)
    dialogue = "A high-level dialogue on electricity and gas will take place in Tarn in the autumn."
    assert {"diplomacy", "energy"} <= set(pillars_of(analyzer, dialogue, "A high-level"))
    meeting = "The plan to share satellite data and space launch sites was approved at the first ministerial meeting of its kind."
    assert {"diplomacy", "technology"} <= set(pillars_of(analyzer, meeting, "The plan"))
    rounds = "The third round of talks on customs duties opens in Klow next month."
    assert {"diplomacy", "trade"} <= set(pillars_of(analyzer, rounds, "The third round"))
    between = "The tariff review was followed by talks between the Vellavian trade team and the Marinskan customs office."
    assert {"diplomacy", "trade"} <= set(pillars_of(analyzer, between, "The tariff"))


def test_a_powers_foreign_policy_initiative_is_diplomacy(analyzer):
    # a great power's strategy or initiative for a region (the Belt and Road, an Indo-Pacific strategy, a "Global ...
    # Initiative") is foreign policy: diplomacy beside what it finances
    loans = "The new railway to the coast will be financed with loans under the Belt and Road Initiative."
    assert {"diplomacy", "trade"} <= set(pillars_of(analyzer, loans, "The new railway"))
    strategy = "The government has quietly dropped its Indo-Pacific strategy."
    assert "diplomacy" in pillars_of(analyzer, strategy, "The government")
    support = "The member states expressed support for the Global Security Initiative."
    assert "diplomacy" in pillars_of(analyzer, support, "The member states")


def test_a_pledge_not_to_use_force_is_diplomacy_and_security(analyzer):
    # the Charter's formula of non-aggression between states ("not to threaten or use force", "refrain from the use of
    # force") is a commitment between governments, like "non-aggression": diplomacy beside security
    pledge = "Our draft asks the coastal states to pledge not to use force against one another's territory or ships."
    assert {"diplomacy", "security"} <= set(pillars_of(analyzer, pledge, "Our draft"))
    refrain = "In the declaration both parties undertook to refrain from the threat or use of force over the islands."
    assert {"diplomacy", "security"} <= set(pillars_of(analyzer, refrain, "In the declaration"))


def test_energy_technology_is_technology_beside_energy(analyzer):
    # technology joins energy as its companion on a cue of its own, however many energy words outweigh it: small
    # modular reactors, carbon capture or battery-grade refining are energy and technology
    reactors = ("The ministry of energy and the national electricity utility signed a memorandum on civil nuclear power "
                "and small modular reactors.")
    assert {"energy", "technology"} <= set(pillars_of(analyzer, reactors, "The ministry"))
    capture = "The utilities will study carbon capture for the coal-fired power station and the gas pipeline."
    assert {"energy", "technology"} <= set(pillars_of(analyzer, capture, "The utilities"))
    lithium = "The refinery will produce battery-grade lithium from the brine of the salt flats, using solar power."
    assert {"energy", "technology"} <= set(pillars_of(analyzer, lithium, "The refinery"))



def test_the_technology_of_a_security_threat_is_technology_beside_security(analyzer):
    # technology joins security as its companion on a full cue's weight: a cut undersea cable, commercial drones near
    # critical infrastructure, armed drones and online recruitment are security and technology
    cable = "Vellavian police detained the crew of a freighter after an undersea cable was cut; officials suspect sabotage."
    assert {"security", "technology"} <= set(pillars_of(analyzer, cable, "Vellavian police"))
    drones = "Terrorist groups in the north use armed drones and online recruitment, and police arrested six suspects."
    assert {"security", "technology"} <= set(pillars_of(analyzer, drones, "Terrorist groups"))
    # ... not on one word of it beside a police matter
    boat = "Police used an unmanned boat to search the harbour for smugglers and drug traffickers."
    assert pillars_of(analyzer, boat, "Police used") == ["security"]


def test_an_indigenous_or_displaced_people_named_is_people(analyzer):
    # a people named as such (the Inuit, the Chagossians, Maori, Aboriginal communities) is people-to-people, like
    # "indigenous": who lives on the land, not the land's minerals or the treaty over it
    land = "The Inuit have hunted on this coast for centuries; we will decide ourselves how the minerals are mined."
    assert "people" in pillars_of(analyzer, land, "The Inuit")
    removed = "The Chagossians were removed from the islands fifty years ago and were not consulted on the treaty."
    assert "people" in pillars_of(analyzer, removed, "The Chagossians")


def test_hunger_and_famine_are_health(analyzer):
    # famine, starvation and cut food rations are a health matter (like hunger and malnutrition) beside the conflict
    # or the displacement that caused them
    famine = "Aid convoys still cannot reach the besieged towns of the north, where famine was declared in May."
    assert "health" in pillars_of(analyzer, famine, "Aid convoys")
    rations = "Food rations in the camps fell to six dollars a month after donors cut their funding."
    assert "health" in pillars_of(analyzer, rations, "Food rations")


def test_an_ordinary_person_quoted_is_people(analyzer):
    # a story's human voice, quoted by age or livelihood, is people-to-people whatever the quote is about
    farmer = '"We sold our apricots across the river every summer, then the border closed," said Timur Osmon, a farmer in Vell.'
    assert "people" in pillars_of(analyzer, farmer, '"We sold')
    age = '"The new port took our fields, and my son now drives a crane there," said Amina Dorel, 58.'
    assert "people" in pillars_of(analyzer, age, '"The new port')
    # ... not an expert's or an official's view
    expert = '"The border will stay closed until spring," said Lena Maris, a senior analyst at the Tarn Institute.'
    assert "people" not in pillars_of(analyzer, expert, '"The border')
