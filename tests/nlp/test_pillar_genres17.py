"""Pillars in analysis, debates and communiqués (issue 14, round 17): armed forces kept on a territory are security
beside defence, two sides' office-holders together are diplomacy beside the topic, and a communiqué's "remain seized"
is the body keeping the matter on its agenda. Each test checks one class of error found on the development sets on
made-up text (fictional countries, people and bodies)."""

from __future__ import annotations

from tests.nlp.passages import pillars_of


def test_troops_kept_on_a_territory_are_security_beside_defence(analyzer):
    # the forces' presence on another's territory is a security matter, not only a military one
    text = "Marinsk still keeps troops in Vellavia, and its generals show no sign of leaving."
    assert {"defence", "security"} <= set(pillars_of(analyzer, text, "Marinsk still keeps"))
    coast = "Since March the foreign warships off our coast have changed the mood in the fishing towns."
    assert {"defence", "security"} <= set(pillars_of(analyzer, coast, "Since March"))


def test_troops_from_a_country_are_not_placed_on_a_territory(analyzer):
    # "troops from X" says where they come from, not where they are kept: an exercise stays defence alone
    text = "Soldiers from Vellavia joined the annual infantry exercise, the army said."
    assert pillars_of(analyzer, text, "Soldiers from") == ["defence"]


def test_two_sides_ministers_together_are_diplomacy_beside_the_topic(analyzer):
    # "the two energy ministers" are the two governments meeting: diplomacy beside the energy topic
    text = "The quarrel over the reservoir was settled only after months of quiet talks between the two energy ministers."
    assert {"diplomacy", "energy"} <= set(pillars_of(analyzer, text, "The quarrel"))
    both = "Both leaders discussed the grid interconnector and the price of electricity."
    assert {"diplomacy", "energy"} <= set(pillars_of(analyzer, both, "Both leaders"))


def test_a_communique_that_remains_seized_of_the_matter_is_diplomacy(analyzer):
    text = ("The Council met in Tarn on 3 May to review the situation on the Vell border.\n"
            "\n"
            "4. Calls on both parties to respect the ceasefire;\n"
            "\n"
            "5. Decides to remain seized of the matter.\n")
    assert pillars_of(analyzer, text, "Decides to remain") == ["diplomacy"]


def test_a_sovereign_state_is_the_relationship_itself(analyzer):
    # a state's standing as a sovereign state or country is diplomacy, like "sovereignty", beside the sentence's topic
    text = "Vellavia is a sovereign country and a bulwark against terrorism on the edge of the desert."
    assert {"diplomacy", "security"} <= set(pillars_of(analyzer, text, "Vellavia is"))
    talks = "Our trade team negotiates as a sovereign state, and we will not accept tariffs imposed by decree."
    assert {"diplomacy", "trade"} <= set(pillars_of(analyzer, talks, "Our trade team"))


def test_protecting_a_territory_or_installations_is_security(analyzer):
    # keeping a territory or installations safe is security, whoever does it and whatever the sentence's other topic
    question = "What will the government do to protect Marinsk's jurisdiction in the northern fjords?"
    assert "security" in pillars_of(analyzer, question, "What will")
    towers = "Who will guard the pylons in the hill districts, and who pays the transit fees for the power line?"
    assert "security" in pillars_of(analyzer, towers, "Who will")


def test_defending_sovereignty_is_not_protecting_a_territory(analyzer):
    # a state's sovereignty defended is the relationship (diplomacy), not a guarded territory
    text = "We will defend Vellavian sovereignty with serenity and firmness."
    assert "security" not in pillars_of(analyzer, text, "We will")


def test_sitting_down_together_is_diplomacy(analyzer):
    # two sides sitting down together (or one refusing to) is the negotiation itself
    text = "When a partner will not sit down with us for a year and a half, a review is the responsible course."
    assert pillars_of(analyzer, text, "When a partner") == ["diplomacy"]
    both = "That is for the two neighbours to settle, and I would rather see them sit together in Tarn than in court."
    assert "diplomacy" in pillars_of(analyzer, both, "That is for")


CONFLICT_COMMUNIQUE = (
    "Communiqué of the Council on the fighting in the Vell hills\n"
    "\n"
    "The Council met in Tarn on 3 May and condemned the attacks by armed groups on civilians in the Vell hills.\n"
    "\n"
    "Having received the report of the Special Envoy for the Vell hills, Jane Roe;\n"
    "\n"
    "Expressing concern at the violence against aid convoys and the displacement of farmers;\n"
    "\n"
    "Calls on the militias to observe the ceasefire and release all hostages;\n"
)


def test_a_special_envoy_on_a_conflict_is_security(analyzer):
    # in a document on a conflict the special envoy's report is on the conflict (an ambiguous security word the
    # document's subject backs)
    assert "security" in pillars_of(analyzer, CONFLICT_COMMUNIQUE, "Having received")


def test_a_special_envoy_on_climate_is_no_security(analyzer):
    text = ("Kelp and Vell agree to cut coal use\n"
            "\n"
            "The two governments will close four coal plants by 2030 and build solar farms and wind parks instead.\n"
            "\n"
            "Vell's special envoy for climate, Jane Roe, will present the plan at the climate conference in Doi.\n")
    # ... elsewhere a special envoy is diplomacy, like any envoy, and no security
    envoy = pillars_of(analyzer, text, "Vell's special envoy")
    assert "diplomacy" in envoy and "security" not in envoy


def test_a_count_of_a_nations_sailors_or_traders_is_people_to_people(analyzer):
    # the round-16 rule counted nationality nouns ("86 Indonesians"); a nationality adjective before a noun of people
    # is the same count of a nation's people
    sailors = "Officers detained 45 Peruvian sailors near the reef on Sunday and took them to the harbour."
    assert {"people", "security"} <= set(pillars_of(analyzer, sailors, "Officers detained"))
    traders = "Every morning hundreds of Bolivian traders cross the bridge with textiles, fruit and cement for the market."
    assert {"people", "trade"} <= set(pillars_of(analyzer, traders, "Every morning"))


def test_a_count_of_a_nations_ships_is_not_people(analyzer):
    text = "The coast guard said 12 Chinese vessels had entered the lagoon near the reef on Sunday."
    assert "people" not in pillars_of(analyzer, text, "The coast guard")
