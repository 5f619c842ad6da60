"""Two entity slips an officer sees in diplomatic texts (round 19): abbreviated titles before a name ("Amb. Jane Doe",
"Atty. Gen. Mark Ruiz") and companies named after their country that speak ("Telenor Sweden said ..."). Made-up texts."""

from __future__ import annotations

import pytest

from briefing_app.nlp.analyzer import Analyzer
from tests.nlp.conftest import entity_pairs as _ents

# --- an abbreviated title stays outside the person's span and is never an entity of its own -------------------------


@pytest.mark.parametrize("text, person, title", [
    ("Amb. Jane Doe said the talks would resume in May.", "Jane Doe", "Amb"),
    ("The delegation was led by Amb. Jane Doe, who met the minister on Tuesday.", "Jane Doe", "Amb"),
    ("Atty. Gen. Mark Ruiz said the case against the firm was closed.", "Mark Ruiz", "Atty"),
    ("Atty. Mark Ruiz said the case against the firm was closed.", "Mark Ruiz", "Atty"),
    ("In Manila, Atty. Gen. Mark Ruiz told reporters that the inquiry would end soon.", "Mark Ruiz", "Atty"),
    ("Cabinet Secretary for Foreign and Diaspora Affairs Amb. Jane Doe said the talks would resume.", "Jane Doe",
     "Amb"),
])
def test_an_abbreviated_title_is_not_an_entity(analyzer: Analyzer, text: str, person: str, title: str) -> None:
    ents = _ents(analyzer, text)
    assert (person, "PERSON") in ents, ents
    # neither the abbreviation alone nor any span holding it ("Diaspora Affairs Amb", "Amb. Jane Doe")
    assert not any(title in t for t, _ in ents), ents


def test_the_abbreviated_title_is_the_persons_role(analyzer: Analyzer) -> None:
    ents = analyzer.analyze("Cabinet Secretary for Foreign and Diaspora Affairs Amb. Jane Doe said the talks would "
                            "resume.").entities
    doe = next(e for e in ents if e.text == "Jane Doe")
    assert doe.role.endswith("Amb."), doe.role


def test_a_country_before_an_abbreviated_title_stays_a_place(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The U.S. Amb. Jane Doe met the minister in Nairobi on Monday.")
    assert ("Jane Doe", "PERSON") in ents and not any("Amb" in t for t, _ in ents), ents


# --- a company named after its country speaks as a body when its first word names a body elsewhere ------------------


@pytest.mark.parametrize("body_text, body, person_text, person", [
    ("Telenor Sweden said the outage lasted four hours. Telenor Group did not comment on the cause.", "Telenor Sweden",
     "Peter Sweden said the plant would close. Peter said he was sorry for the workers.", "Peter Sweden"),
    ("Vodafone Ghana added that the outage lasted four hours. Vodafone Group did not comment.", "Vodafone Ghana",
     "Peter Sweden said the plant would close. Volvo Group did not comment.", "Peter Sweden"),
    ("Digicel Fiji said the outage lasted four hours. Digicel Samoa said the fault was fixed on Monday.",
     "Digicel Fiji",
     "Peter Sweden said the plant would close. The Peter Wallenberg Foundation did not comment.", "Peter Sweden"),
])
def test_a_speaking_company_whose_first_word_names_a_body_elsewhere(analyzer: Analyzer, body_text: str, body: str,
                                                                    person_text: str, person: str) -> None:
    ents = _ents(analyzer, body_text)
    assert (body, "ORG") in ents and (body, "PERSON") not in ents, ents
    # ... while a person whose given name recurs, or who stands beside an unrelated body, stays a person
    ents = _ents(analyzer, person_text)
    assert (person, "PERSON") in ents and (person, "ORG") not in ents, ents
