"""Exact entity boundaries and classes, eighteenth round (issue 14, strict F1): bodies named after their country that
the model reads as people, and groupings named by their number of members, each checked on made-up texts, with
texts where the rule must not fire."""

from __future__ import annotations

from briefing_app.nlp.analyzer import Analyzer
from tests.nlp.conftest import entity_pairs as _ents

# --- a "person" whose last word is a country is a national body -------------------------------------------------------


def test_a_body_named_after_its_country_is_no_person(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The satellites were built together with Orbit Sweden, which operates the ground station.")
    assert ("Orbit Sweden", "ORG") in ents, ents
    ents = _ents(analyzer, "The Public Investment Fund and Kasantara Malaysia signed a memorandum to establish a joint "
                           "platform.")
    assert ("Kasantara Malaysia", "ORG") in ents, ents
    ents = _ents(analyzer, "The grants will be managed by Campus Poland from next year.")
    assert ("Campus Poland", "ORG") in ents, ents
    # ... but not people surnamed after a country, nor a titled person
    ents = _ents(analyzer, "Ambassador Lena Norway met the delegation on Friday.")
    assert ("Lena Norway", "PERSON") in ents, ents
    ents = _ents(analyzer, "Talks with Jack Ireland and Tom Holland ended on Friday.")
    assert ("Jack Ireland", "PERSON") in ents and ("Tom Holland", "PERSON") in ents, ents
    ents = _ents(analyzer, "Michael Jordan visited the plant on Monday.")
    assert ("Michael Jordan", "PERSON") in ents, ents
