"""Whole-entity errors on unseen genres (issue 14, overlap F1): a season after a preposition of time is a date, and
a name listed with another that signs, joins or funds something together is a business, not a person. Text is
made up."""

from __future__ import annotations


def _ents(analyzer, text):
    return {(e.text, e.label) for e in analyzer.analyze(text).entities}


def test_a_season_after_a_preposition_of_time_is_a_date(analyzer):
    ents = _ents(analyzer, "The ministers will meet again in Tarvel in the autumn to review the corridor.")
    assert ("the autumn", "DATE") in ents
    ents = _ents(analyzer, "Officials expect the new ferry terminal at Kostrova to be finished by the autumn.")
    assert ("the autumn", "DATE") in ents
    ents = _ents(analyzer, "Traders said freight rates could fall by spring, but the reserves cover ninety days.")
    assert ("spring", "DATE") in ents


def test_a_season_as_a_modifier_or_habit_is_no_date(analyzer):
    ents = _ents(analyzer, "The dam will carry summer power north, and in winter the roads to Kostrova close.")
    assert not any(label == "DATE" for _text, label in ents), ents


def test_a_name_listed_with_a_partner_that_signs_or_joins_is_a_business(analyzer):
    ents = _ents(analyzer, "2. Ostragaz and Vendomarstrom will sign a new supply contract before the winter.")
    assert ("Vendomarstrom", "ORG") in ents
    ents = _ents(analyzer, "The ministry, the Digital Innovation Centre (DIC) and Velkorn will join three pilot "
                           "lines under the programme.")
    assert ("Velkorn", "ORG") in ents


def test_people_who_sign_stay_people(analyzer):
    ents = _ents(analyzer, "President Anko Rave and Prime Minister Lidia Varga will sign the treaty on Friday.")
    assert {("Anko Rave", "PERSON"), ("Lidia Varga", "PERSON")} <= ents


def test_a_ministry_of_a_plain_country_name_is_a_ministry_and_a_place(analyzer):
    ents = _ents(analyzer, "The Ministry of Fisheries of Indonesia and the port authority will set up a joint desk.")
    assert {("Ministry of Fisheries", "ORG"), ("Indonesia", "GPE")} <= ents
    ents = _ents(analyzer, "Officials asked the Ministry of Water and Energy of Saudi Arabia to confirm the tender.")
    assert {("Ministry of Water and Energy", "ORG"), ("Saudi Arabia", "GPE")} <= ents


def test_a_state_body_with_an_official_state_name_stays_whole(analyzer):
    ents = _ents(analyzer, "The Mine Action Agency of the Republic of Azerbaijan cleared the fields.")
    assert ("Mine Action Agency of the Republic of Azerbaijan", "ORG") in ents
    ents = _ents(analyzer, "The Ministry of Foreign Affairs of the Kingdom of Thailand issued a note.")
    assert ("Ministry of Foreign Affairs of the Kingdom of Thailand", "ORG") in ents
    # a second body in the name keeps its country: "Central Bank of Kenya"
    ents = _ents(analyzer, "The fund will be run by the Ministry of Finance and Central Bank of Kenya.")
    assert not any(text == "Kenya" for text, _label in ents), ents


def test_a_fund_for_development_is_a_lending_body(analyzer):
    ents = _ents(analyzer, "The Qatari Fund for Development (QFDV) signed a loan for the Tarvel ring road.")
    assert {("Qatari Fund for Development", "ORG"), ("QFDV", "ORG")} <= ents
    ents = _ents(analyzer, "The Norland Fund for Economic Development will lend $200 million to the utility.")
    assert ("Norland Fund for Economic Development", "ORG") in ents


def test_a_farm_or_weather_season_is_no_date(analyzer):
    ents = _ents(analyzer, "Herders in Morland lose cattle in the dry season and crops in the rainy season.")
    assert not any(label == "DATE" for _text, label in ents), ents
    ents = _ents(analyzer, "Aid convoys must reach Tarvel before the lean season, the agency warned.")
    assert not any(label == "DATE" for _text, label in ents), ents
    # a season with its year stays a date
    assert ("the 2027 season", "DATE") in _ents(analyzer, "Talks on quotas resume in the 2027 season.")


def test_falls_and_gorges_are_places(analyzer):
    ents = _ents(analyzer, "The dam, a 900 MW scheme below the Mbale Falls, would flood part of the valley.")
    assert ("Mbale Falls", "LOC") in ents
    ents = _ents(analyzer, "Tourists flocked to the Kaieteur Falls last year.")
    assert ("Kaieteur Falls", "LOC") in ents
