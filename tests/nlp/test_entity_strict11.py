"""Exact entity boundaries and classes, eleventh round (issue 14, strict F1; transcripts, debates and communiqués
first): the general classes of the pooled development-set errors, each checked on a made-up text of that class."""

from __future__ import annotations

from briefing_app.nlp.analyzer import Analyzer
from tests.nlp.conftest import entity_pairs as _ents

# --- an acronym defined in brackets takes its class from the programme noun after the bracket ----------------------

def test_a_scheme_noun_after_the_acronym_makes_name_and_acronym_a_programme(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Since 2019 the Ruritania Seasonal Worker Mobility (RSWM) scheme has brought 6,000 workers "
                           "from Tonga. RSWM workers earn more.")
    assert ("Ruritania Seasonal Worker Mobility", "LAW") in ents, ents
    assert ("RSWM", "LAW") in ents and ("RSWM", "ORG") not in ents, ents


def test_a_place_in_the_schemes_name_does_not_make_part_of_it_a_body(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Since 2021 the Pacific Canada Labour Mobility (PCLM) scheme has placed 3,000 nurses in "
                           "Ontario.")
    assert ("Pacific Canada Labour Mobility", "LAW") in ents, ents
    assert ("PCLM", "LAW") in ents, ents


def test_a_regime_is_a_programme_and_so_is_its_acronym(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Investors use the Large Investment Incentive Regime (RIGI). RIGI guarantees tax stability.")
    assert ("Large Investment Incentive Regime", "LAW") in ents, ents
    assert ("RIGI", "LAW") in ents and ("RIGI", "ORG") not in ents, ents


def test_a_bank_running_a_programme_stays_a_bank(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The Velmoran Development Bank (VDB) programme funds 40 clinics, and VDB staff visit them.")
    assert ("Velmoran Development Bank", "ORG") in ents and ("VDB", "ORG") in ents, ents
