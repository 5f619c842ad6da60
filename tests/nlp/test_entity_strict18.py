"""Exact entity boundaries and classes, eighteenth round (issue 14, strict F1): bodies named after their country that
the model reads as people, and groupings named by their number of members, each checked on made-up texts, with
texts where the rule must not fire."""

from __future__ import annotations

from briefing_app.nlp import cleanup
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.entities import MODEL, Candidate
from tests.nlp.conftest import entity_pairs as _ents

# --- a "person" whose last word is a country is a national body -------------------------------------------------------


def test_a_body_named_after_its_country_is_no_person(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The satellites were built together with Orbit Sweden, which operates the ground station.")
    assert ("Orbit Sweden", "ORG") in ents, ents
    ents = _ents(analyzer, "The pension fund and Kasantara Malaysia agreed on Tuesday to build three toll roads.")
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

# --- a grouping of states named by its number of members is one body ------------------------------------------------


def test_a_grouping_named_by_its_number_of_members_is_one_body(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The ministers of the Nordic-Baltic Eight met in Riga on Monday.")
    assert ("Nordic-Baltic Eight", "ORG") in ents, ents
    ents = _ents(analyzer, "The foreign ministers of the Arctic Five discussed fisheries.")
    assert ("Arctic Five", "ORG") in ents, ents
    # ... not a count in a title-case heading, nor a number after a place without the grouping's article
    ents = _ents(analyzer, "Kenya Five Years On: What Changed")
    assert ("Kenya", "GPE") in ents, ents
    ents = _ents(analyzer, "In Norway Three men were arrested.")
    assert ("Norway", "GPE") in ents, ents


def test_a_joint_statement_of_a_numbered_grouping_is_diplomacy(analyzer: Analyzer) -> None:
    result = analyzer.analyze("Joint Communiqué of the Nordic-Baltic Eight on Grid Security\n\n"
                              "The ministers met in Tallinn and agreed on a plan for the winter.")
    assert ("Nordic-Baltic Eight", "ORG") in {(e.text, e.label) for e in result.entities}, result.entities
    assert "diplomacy" in result.passages[0].pillars, result.passages[0]

# --- a body or a facility named after a person ----------------------------------------------------------------------


def test_a_university_or_causeway_named_after_a_person_is_no_person(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The trainees will study at Mohammed VI Agronomic Institute near Rabat from October.")
    assert ("Mohammed VI Agronomic Institute", "ORG") in ents, ents
    ents = _ents(analyzer, "Nurses trained at the Narendra Modi Nursing College will be posted to district hospitals.")
    assert ("Narendra Modi Nursing College", "ORG") in ents, ents
    ents = _ents(analyzer, "The delegation visited the Sultan Qaboos University on Monday.")
    assert ("Sultan Qaboos University", "ORG") in ents, ents
    ents = _ents(analyzer, "Korea will open new King Sejong Institutes in Da Nang and Can Tho.")
    assert ("King Sejong Institutes", "ORG") in ents, ents
    ents = _ents(analyzer, "The loan will finance the King Fahd Causeway and the Queen Alia International Airport.")
    assert ("King Fahd Causeway", "FAC") in ents, ents
    # ... not a person in a title-case heading's words, nor one followed by a plain noun
    ents = _ents(analyzer, "Modi University Visit Sparks Protest")
    assert ("Modi", "PERSON") in ents, ents
    ents = _ents(analyzer, "Professor Amina Yusuf told the university that the plan would work.")
    assert ("Amina Yusuf", "PERSON") in ents, ents

# --- a place leads the name of a platform, a lab or an initiative ----------------------------------------------------


def test_a_platform_or_lab_led_by_a_place_is_one_name(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The Balkans Mobility Platform will meet in Skopje in May.")
    assert ("Balkans Mobility Platform", "ORG") in ents, ents
    ents = _ents(analyzer, "The Armenia Support Platform met in Paris.")
    assert ("Armenia Support Platform", "ORG") in ents, ents
    # ... not a title-case heading's sentence with a starter word ("New") before the head
    ghana = "Ghana Launches New Platform for Farmers"
    place = Candidate(0, 5, "GPE", "model", MODEL)
    assert cleanup._place_led_bodies(ghana, [place]) == []

# --- a project's code name: capitals hyphened to a number, before a project's noun ---------------------------------


def test_a_coded_project_before_its_noun_is_an_initiative(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Talks stalled on the KARA-500 power line meant to carry hydropower to the coast.")
    assert ("KARA-500", "LAW") in ents, ents
    ents = _ents(analyzer, "Officials met at the TAPI-2 ministerial in Ashgabat next month.")
    assert ("TAPI-2", "LAW") in ents, ents
    # ... not a weapon's production line, a satellite or a reactor type
    for text, code in (("Workers on the PAC-3 production line went on strike.", "PAC-3"),
                       ("JAXA will downlink data from its ALOS-4 radar observation satellite.", "ALOS-4"),
                       ("The plant will have six RITM-200N units of 55 megawatts each.", "RITM-200N")):
        assert (code, "LAW") not in _ents(analyzer, text)

# --- the town of a news dateline ------------------------------------------------------------------------------------


def test_a_dateline_town_in_capitals_is_a_place(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "FEATURE\nBy Elena Ruiz\nZAPALLAR, Chile — On market days the square fills with traders "
                           "from the valley.")
    assert ("ZAPALLAR", "GPE") in ents, ents
    ents = _ents(analyzer, "Ministers press on ceasefire, target refiners\nMENTON, France, April 3 (Meridian) - "
                           "Foreign ministers from the group met on Friday.")
    assert ("MENTON", "GPE") in ents, ents
    # ... not a name in capitals inside a sentence, with no country and date or dash after it
    ents = _ents(analyzer, "The CEO of NICE, the software firm, spoke in Paris.")
    assert ("NICE", "GPE") not in ents, ents

# --- schemes, pathways and regulations named in title case are initiatives -------------------------------------------


def test_a_named_scheme_pathway_or_regulations_is_an_initiative(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The Tavola Labour Pathway offers up to 300 workers a visa each year.")
    assert ("Tavola Labour Pathway", "LAW") in ents, ents
    ents = _ents(analyzer, "Members welcomed the entry into force of the revised Maritime Safety Regulations in March.")
    assert ("Maritime Safety Regulations", "LAW") in ents, ents
    ents = _ents(analyzer, "Growers joined the Seasonal Worker Scheme in 2019.")
    assert ("Seasonal Worker Scheme", "LAW") in ents, ents
    # ... a scheme or a pathway in lowercase is no name
    assert _ents(analyzer, "He said the scheme was a pathway to permanent residence.") == set()

# --- a body's acronym, a spaced dash and its name ---------------------------------------------------------------------


def test_an_acronym_dashed_to_its_body_name_is_one_name(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Nadia Rahman is a fellow at the KIPS – Nelson Owusu Centre in Accra.")
    assert ("KIPS – Nelson Owusu Centre", "ORG") in ents, ents
    ents = _ents(analyzer, "The Ministers asked the BDEAC – Central African States Development Bank to fund the road.")
    assert ("BDEAC – Central African States Development Bank", "ORG") in ents, ents
    # ... not two parties paired by the dash, nor a head inside another noun's name after an abbreviation
    ents = _ents(analyzer, "The EU – China Business Council met in Brussels.")
    assert ("EU", "ORG") in ents, ents
    assert _ents(analyzer, "The GDP – Growth Bank Index rose.") == set()

# --- a name beside an office, with a word the model read as a people -------------------------------------------------


def test_a_name_after_an_office_holds_a_word_the_model_read_apart(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The delegation met the Minister for Oceans, Yeo Han-sol, in Busan on Monday.")
    assert ("Yeo Han-sol", "PERSON") in ents, ents
    assert ("Han", "NORP") not in ents, ents
    # ... a known place in the run still keeps it from being a person
    ents = _ents(analyzer, "The Minister for Transport, Busan Port Authority and the unions met on Monday.")
    assert not any(label == "PERSON" for _text, label in ents), ents
