"""Exact entity boundaries and classes, thirteenth round (issue 14, strict F1): the three biggest classes of the pooled
development-set errors (places the model types as people or bodies, companies it does not know, long body names cut
at "of"/"for"/"and"), each checked on a made-up text of that class."""

from __future__ import annotations

from briefing_app.nlp.analyzer import Analyzer
from tests.nlp.conftest import entity_pairs as _ents

# --- a business by its trade or its legal form ------------------------------------------------------------------------


def test_a_name_ending_in_a_trade_is_a_company_not_a_person(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "They welcomed the investment of Manara Minerals in the copper project.")
    assert ("Manara Minerals", "ORG") in ents, ents


def test_a_petroleum_firm_named_after_a_speaker_is_a_company(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Rosan said Velkor Petroleum would build the plant with Tarvo Shipping.")
    assert ("Velkor Petroleum", "ORG") in ents, ents
    assert ("Rosan", "PERSON") in ents, ents
