"""Exact entity boundaries and classes, ninth round (issue 14, strict F1 on text the rules were never tuned on): the
errors an exported Key actors table showed, and the next general classes of the pooled development-set errors, each
checked on a made-up text of that class."""

from __future__ import annotations

from briefing_app.nlp import recall_rules
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.cleanup import _apposed_people, _business_subjects
from briefing_app.nlp.entities import MODEL, TITLE, Candidate
from briefing_app.nlp.gazetteer import default_gazetteer
from tests.nlp.conftest import entity_pairs as _ents


def _people(analyzer: Analyzer, text: str) -> dict[str, str]:
    """Each PERSON the analyser tags in ``text``, with the role it reports (the Key actors table)."""
    return {e.text: e.role for e in analyzer.analyze(text).entities if e.label == "PERSON"}


def test_a_portfolio_in_a_title_never_leaves_a_piece_of_it_as_a_person(analyzer):
    text = ("Ruritania's Minister of Marine Affairs and Fisheries Tomas Varga met the Minister of Marine Affairs "
            "and Fisheries of Borduria on Monday. The Minister for Ocean Resources and Development also spoke, "
            "and the Minister for Marine and Fisheries Ana Kovac closed the session.")
    people = _people(analyzer, text)
    assert set(people) == {"Tomas Varga", "Ana Kovac"}, people
    assert people["Tomas Varga"] == "Minister of Marine Affairs and Fisheries", people
    ents = _ents(analyzer, text)
    assert not any(t in ("Marine", "Marine Affairs", "Ocean", "Ocean Resources and Development") for t, _ in ents), ents


def test_a_one_word_portfolio_after_of_or_for_is_the_titles_not_the_first_word_of_the_name(analyzer):
    text = ("\"Our grid needs new cables,\" said Danish Minister of Digitalisation Karin Vold. Secretary of Mining "
            "Luis Ortega told reporters that tenders would open in May.")
    people = _people(analyzer, text)
    assert people.get("Karin Vold") == "Danish Minister of Digitalisation", people
    assert people.get("Luis Ortega") == "Secretary of Mining", people


def test_a_first_name_that_is_also_a_portfolio_word_stays_a_name_after_a_bare_title(analyzer):
    people = _people(analyzer, "President Marine Le Pen met Prime Minister Ocean Vuong in Lyon on Friday.")
    assert people.get("Marine Le Pen") == "President", people


def test_a_body_noun_before_or_in_apposition_decides_a_one_word_names_class(analyzer):
    text = ("Patrols were stepped up by the country's coast guard agency Velmara near Ostrov. Dravik, the "
            "maritime security authority, said two trawlers were seized. The regulator Ofcorn fined the utility "
            "Zentel.")
    ents = _ents(analyzer, text)
    assert {("Velmara", "ORG"), ("Dravik", "ORG"), ("Ofcorn", "ORG")} <= ents, ents


def test_an_untagged_name_after_a_companys_or_agencys_noun_is_an_organisation(analyzer):
    text = ("The Borduran state gas company Kaspigaz said gas could flow by 2027. Nurses are recruited by the "
            "state agency VELKA Roots under the scheme.")
    ents = _ents(analyzer, text)
    assert {("Kaspigaz", "ORG"), ("VELKA Roots", "ORG")} <= ents, ents


def test_a_place_in_apposition_to_a_partys_noun_stays_a_place_and_titles_stay_out(analyzer):
    text = "Voters in Kisumu, the party's stronghold, turned out early. The commission President spoke next."
    ents = _ents(analyzer, text)
    assert ("Kisumu", "GPE") in ents, ents
    assert not any(t == "President" for t, _ in ents), ents


def _guess(text: str, name: str, label: str) -> Candidate:
    """The model's candidate of ``label`` on the first ``name`` in ``text``."""
    start = text.index(name)
    return Candidate(start, start + len(name), label, "model", MODEL)


def test_a_small_place_the_model_reads_as_a_product_or_nationality_is_a_place_where_the_text_places_it():
    # the model's guesses vary from name to name: the rules are checked on the guesses themselves
    g = default_gazetteer()
    text = "Mr Orlov, the engineers stationed in Dravna repair the bridges."
    found = recall_rules.located_places(text, [_guess(text, "Dravna", "PRODUCT")], g)
    assert [(text[c.start:c.end], c.label) for c in found] == [("Dravna", "GPE")], found
    text = "Buses waited overnight at the Karabek and Ozyl-Tash checkpoints."
    found = recall_rules.coordinated_places(text, [_guess(text, "Karabek", "NORP"), _guess(text, "Ozyl-Tash", "GPE")], g)
    assert [text[c.start:c.end] for c in found] == ["Karabek"], found
    text = "Exports will rise once the Talvik-3 plant is finished."
    found = recall_rules.placed_by_noun(text, [_guess(text, "Talvik-3", "PRODUCT")], g)
    assert [(text[c.start:c.end], c.label) for c in found] == [("Talvik-3", "FAC")], found
    text = "Passenger services on the Akhira–Dhaka rail link begin next year."
    found = recall_rules.coordinated_places(text, [_guess(text, "Akhira", "PRODUCT"), _guess(text, "Dhaka", "GPE")], g)
    assert "Akhira" in {text[c.start:c.end] for c in found}, found
    # a nationality stays one: "Borduran" before a checkpoint is the country's, not a place's name
    text = "Buses waited at the Borduran checkpoints."
    assert not recall_rules.placed_by_noun(text, [_guess(text, "Borduran", "NORP")], g)


def test_a_name_before_a_plants_or_stations_noun_is_a_facility_with_its_number(analyzer):
    text = ("Exports will come from the Sekam 4 plant and the Kelvora-2 plant. Every recruit trains at the "
            "Ngarasi campus, and the Talwandi station will be energised by December.")
    ents = _ents(analyzer, text)
    places = {t for t, label in ents if label in ("GPE", "LOC", "FAC")}
    assert {"Sekam 4", "Kelvora-2", "Ngarasi", "Talwandi"} <= places, ents


def test_a_countrys_railway_or_airline_is_the_operator_an_organisation(analyzer):
    text = ("Engineers are working with Bangladesh Railway on timetables, and Mongolian Railway has agreed to "
            "reserve two trains a week. The Kenya Railways board met on Monday.")
    ents = _ents(analyzer, text)
    assert {("Bangladesh Railway", "ORG"), ("Mongolian Railway", "ORG"), ("Kenya Railways", "ORG")} <= ents, ents


def test_a_name_owning_a_plant_or_shipyard_is_a_business_a_regions_plural_works_are_not(analyzer):
    text = ("Two ships will be repaired at Halvor Marine's Geoje shipyard. If the trial succeeds, Bio Selvana's "
            "plant in Bandung could make the doses. Most of Sulvara's smelters run on coal.")
    ents = _ents(analyzer, text)
    assert {("Halvor Marine", "ORG"), ("Bio Selvana", "ORG")} <= ents, ents
    assert ("Sulvara", "ORG") not in ents, ents


def test_a_dash_joined_pair_before_an_institutions_name_is_part_of_one_organisation(analyzer):
    text = ("The ministers commended the Kazakh–Mongolian Secretariat in Astana and the Lanca-Mekong Water Data "
            "Cooperation Centre in Vientiane. Mongolia will offer places through the ASEAN-Mongolia Cyber Security "
            "Centre of Excellence. They met at the Australia–India Education and Skills Council.")
    ents = _ents(analyzer, text)
    assert {("Lanca-Mekong Water Data Cooperation Centre", "ORG"),
            ("ASEAN-Mongolia Cyber Security Centre of Excellence", "ORG")} <= ents, ents
    # a bilateral mechanism keeps its pair apart (DESIGN §3)
    assert ("Australia", "GPE") in ents and ("India", "GPE") in ents, ents


def test_an_unknown_name_before_a_programmes_noun_is_an_initiative_a_known_body_or_place_is_not(analyzer):
    text = ("Nurses are recruited under the Silver Thread programme. Latvia is fortifying its border under the "
            "Amber Wall programme, and the Steppe Falcon exercise starts in June. The Quad initiative and the "
            "Kenya programme continue.")
    ents = _ents(analyzer, text)
    initiatives = {t for t, label in ents if label in ("LAW", "EVENT")}  # both are "Agreement / initiative"
    assert {"Silver Thread", "Amber Wall", "Steppe Falcon"} <= initiatives, ents
    assert {("Quad", "ORG"), ("Kenya", "GPE")} <= ents, ents
    text = "Japanese troops will again take part in Tundra Quest, the peacekeeping exercise near Ulaanbaatar."
    assert ("Tundra Quest", "LAW") in _ents(analyzer, text), _ents(analyzer, text)


def test_a_two_word_place_after_a_preposition_whose_last_word_alone_the_model_tagged_is_one_place():
    g = default_gazetteer()
    text = "The loan will support the hydrogen plant in Cao Lanh and the boundary near Pedro Alva."
    merged = [_guess(text, "Lanh", "ORG"), _guess(text, "Alva", "PERSON")]
    found = recall_rules.cut_place_names(text, merged, g)
    assert {(text[c.start:c.end], c.label) for c in found} == {("Cao Lanh", "GPE"), ("Pedro Alva", "GPE")}, found
    # a person a letter goes to, or a title before a name, is no place
    text = "The minister wrote to Ana Ruiz and met President Kamau in Lima."
    merged = [_guess(text, "Ruiz", "PERSON"), _guess(text, "Kamau", "PERSON")]
    assert not recall_rules.cut_place_names(text, merged, g)


def test_no_name_runs_over_a_sentences_end_but_abbreviations_and_initials_stay_inside(analyzer):
    text = ("Trains will run on the section to Nakhon Pathom. We expect more. MINISTER OKAFOR: No. The Defence "
            "Force will send two ships. Officials gathered at the second Kenya-Ghana Ministerial Roundtable. The "
            "agreements were signed with the U.S. Navy and St. Kitts officials.")
    ents = _ents(analyzer, text)
    assert not any(". " in t and not t.startswith(("U.S.", "St.")) for t, _ in ents), ents
    assert {("Defence Force", "ORG"), ("U.S. Navy", "ORG")} <= ents, ents


def test_a_quoted_person_with_a_who_clause_or_an_affiliation_is_a_person_not_the_body_named_after_them(analyzer):
    text = "\"The peg cannot hold for long,\" said Martín Robles, who heads the consultancy Fundamentos Andinos."
    assert ("Martín Robles", "PERSON") in _ents(analyzer, text), _ents(analyzer, text)
    # the model's guesses vary from name to name: the rule is checked on a "body" guess itself
    g = default_gazetteer()
    text = ("\"Talks will drag on,\" said Onesphore Kabeya of the Great Lakes Policy Centre. Teodora Lins Moreira "
            "is a former Brazilian Minister of Culture.")
    merged = [_guess(text, "Onesphore Kabeya", "ORG"), _guess(text, "Teodora Lins Moreira", "ORG")]
    found = {(text[c.start:c.end], c.label) for c in _apposed_people(text, merged, g)}
    assert found == {("Onesphore Kabeya", "PERSON"), ("Teodora Lins Moreira", "PERSON")}, found


def test_unknown_names_that_produce_supply_or_invest_are_businesses_titled_people_are_not():
    g = default_gazetteer()
    text = ("Vardhia and Agrelia will source wheat from farmers in the north. Serbogaz will book extra pipeline "
            "capacity. Prime Minister Olsen will invest in Lima, and Olsen will supply the grain.")
    merged = [_guess(text, "Vardhia", "GPE"), _guess(text, "Agrelia", "PERSON"), _guess(text, "Serbogaz", "PERSON")]
    first, second = text.index("Olsen"), text.rindex("Olsen")
    merged += [Candidate(first, first + 5, "PERSON", "model", TITLE, role="Prime Minister"),
               Candidate(second, second + 5, "PERSON", "model", MODEL)]
    found = {(text[c.start:c.end], c.label) for c in _business_subjects(text, merged, g, set())}
    assert found == {("Vardhia", "ORG"), ("Agrelia", "ORG"), ("Serbogaz", "ORG")}, found


def test_the_ends_of_a_cable_or_link_between_two_names_are_places(analyzer):
    text = ("Engineers say the new power cable between Velanos and Tirzavik will be laid in 2027. Last winter the data "
            "cable between Skarvik and the mainland was cut twice.")
    ents = _ents(analyzer, text)
    places = {t for t, label in ents if label in ("GPE", "LOC", "FAC")}
    assert {"Velanos", "Tirzavik", "Skarvik"} <= places, ents


def test_a_capitalised_plan_is_a_named_initiative_whole(analyzer):
    text = ("Donors have paid only a third of the Cholera Regional Preparedness and Response Plan so far. The plan "
            "runs to 2028.")
    ents = _ents(analyzer, text)
    assert ("Cholera Regional Preparedness and Response Plan", "LAW") in ents, ents
