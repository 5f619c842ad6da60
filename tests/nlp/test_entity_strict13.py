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


# --- a ministry's portfolio goes on after "the" ------------------------------------------------------------------------


def test_a_ministry_of_finance_and_the_public_service_is_one_body(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Press Release\nMinistry of Finance and the Public Service\nKingston, 3 May 2026\n"
                           "The ministry said revenue rose.")
    assert ("Ministry of Finance and the Public Service", "ORG") in ents, ents


def test_a_department_listing_its_portfolio_with_the_is_one_body(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Australia's Department of Climate Change, Energy, the Environment and Water will meet "
                           "every month.")
    assert ("Department of Climate Change, Energy, the Environment and Water", "ORG") in ents, ents


def test_the_before_a_second_body_still_starts_a_new_name(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The Ministry of Trade, the Export Credit Agency and the National Development Bank will meet.")
    assert {("Ministry of Trade", "ORG"), ("Export Credit Agency", "ORG"),
            ("National Development Bank", "ORG")} <= ents, ents
    ents = _ents(analyzer, "The Ministry of Finance and the Treasury will meet, and the Ministry of Health and the "
                           "Public Health Agency will report.")
    assert {("Ministry of Finance", "ORG"), ("Ministry of Health", "ORG"), ("Public Health Agency", "ORG")} <= ents, ents


# --- a place another rule found leads a list of places ----------------------------------------------------------------


def test_a_place_found_after_at_leads_the_list_it_starts(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Officials will visit reception centres at Kalpyo Letwe and Nga Tho Ya in May.")
    assert ("Kalpyo Letwe", "GPE") in ents and ("Nga Tho Ya", "GPE") in ents, ents
