"""General world knowledge in the gazetteer and general place/institution rules (not fitted to gold text)."""

from __future__ import annotations

from briefing_app.nlp.gazetteer import default_gazetteer


def _ents(analyzer, text):
    return {(e.text, e.label) for e in analyzer.analyze(text).entities}


def test_world_file_is_merged_without_duplicates():
    g = default_gazetteer()
    for surface, label in [("Côte d'Ivoire", "GPE"), ("Ivory Coast", "GPE"), ("DRC", "GPE"), ("ROK", "GPE"),
                           ("Türkiye", "GPE"), ("UNHCR", "ORG"), ("WFP", "ORG"), ("CSTO", "ORG"),
                           ("Bosphorus", "LOC"), ("JCPOA", "LAW"), ("Abbas Araghchi", "PERSON"), ("Filipino", "NORP")]:
        entry = g.lookup(surface)
        assert entry is not None and entry.label == label, surface
    assert g.lookup("Modi").name == "Narendra Modi"  # the curated file keeps its first meaning
    ids = [e.entity_id for e in g.entries]
    assert len(ids) == len(set(ids))


def test_world_entities_in_context(analyzer):
    ents = _ents(analyzer, "Foreign Minister Abbas Araghchi told the International Atomic Energy Agency in Vienna "
                           "that the JCPOA was not dead, while the World Food Programme warned about Sudan.")
    assert {("Abbas Araghchi", "PERSON"), ("International Atomic Energy Agency", "ORG"), ("Vienna", "GPE"),
            ("JCPOA", "LAW"), ("World Food Programme", "ORG"), ("Sudan", "GPE")} <= ents


def test_institution_patterns(analyzer):
    ents = _ents(analyzer, "The Republic of Fiji Navy trained with the Ministry of Climate Change, Energy and Water.")
    assert ("Republic of Fiji Navy", "ORG") in ents
    assert ("Ministry of Climate Change, Energy and Water", "ORG") in ents


def test_places_by_general_cues(analyzer):
    ents = _ents(analyzer, "Hospitals in Escuintla treated burns. Firms in São Paulo and Minas Gerais signed deals. "
                           "Pilgrims crossed the Lipulekh Pass.")
    labels = {t: lab for t, lab in ents}
    assert labels.get("Escuintla") == "GPE"
    assert labels.get("Minas Gerais") in ("GPE", "LOC")
    assert labels.get("Lipulekh Pass") == "LOC"


def test_long_gazetteer_name_beats_partial_model_span(analyzer):
    ents = _ents(analyzer, "They backed ASEAN centrality and the ASEAN Outlook on the Indo-Pacific.")
    assert ("ASEAN Outlook on the Indo-Pacific", "LAW") in ents


def test_a_country_named_by_its_formal_name_is_the_same_country(analyzer):
    """A ministry's statement names the state formally ("the Argentine Republic", "the Republic of Chile") and
    the text later plainly: one country, one entity (Key actors listed "Argentine Republic" and "Argentina" apart),
    and the formal name whole, as a place."""
    result = analyzer.analyze("The Minister of Economy of the Argentine Republic met the Republic of Chile's envoy. "
                              "Argentina and Chile agreed to meet again in Santiago.")
    ids = {e.text: e.entity_id for e in result.entities}
    assert ("Argentine Republic", "GPE") in {(e.text, e.label) for e in result.entities}
    assert ids["Argentine Republic"] == ids["Argentina"]
    assert ids["Republic of Chile"] == ids["Chile"]
