"""Pillars in debates, analysis, communiqués and transcripts (issue 14, round 16): talks in a document on a conflict
are on the conflict, a count of a nation's people is people-to-people, and railways and companies are trade. Each test
checks one class of error found on the development sets on made-up text (fictional countries, people and bodies)."""

from __future__ import annotations

from tests.nlp.passages import passage_at, pillars_of

CONFLICT = (
    "Fighting flares again in the Vell hills\n"
    "\n"
    "Rebels attacked two army posts near Doi on Sunday, and twelve civilians were killed in the clashes. The militia has "
    "shelled the town of Tarn every night since the truce collapsed.\n"
    "\n"
    "Kelp's envoy held talks with the Vell foreign minister in Doi on Monday. Farmers in the valley have planted less "
    "rice this year. The new school in Tarn opened in March with two hundred pupils.\n"
    "\n"
    "Gunmen ambushed a police patrol on the coast road on Tuesday. The harvest festival has been moved to the capital. "
    "The old bridge over the river will be rebuilt next year. Refugees describe burned villages and armed men at every "
    "checkpoint. Rain is expected in the hills this week.\n"
)


def test_talks_in_a_document_on_a_conflict_are_about_the_conflict(analyzer):
    # the envoy's talks name no threat, but in a piece on fighting they are talks on the fighting: security, the
    # companion pillar, runs through half the piece (below NOCUE_SHARE) and joins a talks-only sentence
    # (pillar_topic.CONTEXT_ONLY_COMPANION_SHARE)
    talks = passage_at(analyzer, CONFLICT, "Kelp's envoy held talks")
    assert set(talks.pillars) == {"diplomacy", "security"}


def test_talks_in_a_document_with_a_passing_security_mention_stay_diplomacy(analyzer):
    text = (
        "Kelp and Vell court investors\n"
        "\n"
        "Kelp's exports of coffee to Vell doubled last year, and Vell's investors bought three Kelp breweries. Tariffs "
        "on machinery fell to zero in January.\n"
        "\n"
        "Kelp's envoy held talks with the Vell foreign minister in Doi on Monday. Traders at the border market say "
        "customs queues have halved. Smugglers still cross the river at night.\n"
        "\n"
        "A new investment fund will open in the spring. Importers expect prices to fall.\n"
    )
    # one smuggling sentence makes no conflict: the talks take the document's trade (NOCUE_SHARE), not security
    assert "security" not in pillars_of(analyzer, text, "Kelp's envoy held talks")


def test_a_railway_is_trade(analyzer):
    # railways are the connectivity of trade (corridors, freight and transit), like ports and roads of commerce: a
    # plain cue, not an ambiguous word waiting for one
    assert "trade" in pillars_of(analyzer, "A railway from Tarn to the Vell border is to be finished next year.",
                                 "A railway")
    link = pillars_of(analyzer, "Doi says the new rail link to Tarn will open to passengers in May.", "Doi says")
    assert set(link) == {"people", "trade"}


def test_a_count_of_a_nations_people_is_people_to_people(analyzer):
    # nationals abroad counted as people ("Some 40,000 Filipinos work ...", "freed 37 Indonesians") are people-to-people
    # beside the sentence's own pillar (PillarScorer._counted_nationals)
    workers = "Some 40,000 Filipinos work on the cruise ships that call at Doi, and their remittances keep Tarn afloat."
    assert "people" in pillars_of(analyzer, workers, "Some 40,000")
    freed = "Police in Doi freed 37 Indonesians from a scam compound near the airport on Tuesday."
    assert set(pillars_of(analyzer, freed, "Police in Doi")) == {"people", "security"}


def test_a_count_of_a_nations_ships_or_states_is_not_people(analyzer):
    # an adjective of nationality counts the noun after it: ships, countries, soldiers
    for text in ("Two Chinese vessels shadowed the patrol boat for six hours near the reef.",
                 "Five African countries have begun vaccinating health workers against mpox."):
        assert "people" not in pillars_of(analyzer, text, text[:10]), text
