"""Exact entity boundaries and classes, sixth round (issue 14, strict F1 on unseen genres): each test names one
general class of error found on the development sets and checks a made-up text of that class."""

from __future__ import annotations

from tests.nlp.conftest import entity_pairs as _ents


def test_a_speaker_label_with_a_title_of_several_words_names_only_the_holder(analyzer):
    text = ("MODERATOR: Welcome to the briefing.\n"
            "DEPUTY CABINET SECRETARY OKWANDU: Thank you. The corridor will open next year.\n"
            "Q: And the port?\n"
            "DEPUTY CABINET SECRETARY OKWANDU: The port follows.\n"
            "Head of State TALIVERA MONTES: We agree with that.")
    ents = _ents(analyzer, text)
    assert {("OKWANDU", "PERSON"), ("TALIVERA MONTES", "PERSON")} <= ents, ents
    assert not any("CABINET" in t or "Head" in t for t, _ in ents), ents


def test_a_portfolio_with_a_comma_or_and_the_stays_in_the_title(analyzer):
    text = ("Minister of Agriculture, Fisheries and Forestry Tomas Elvander opened the fair. "
            "Minister of Finance and the Public Service Dorrit Ashgrove said the money would be released. "
            "Minister for Overseas Territories Colette Varenne visited the atoll.")
    ents = _ents(analyzer, text)
    assert {("Tomas Elvander", "PERSON"), ("Dorrit Ashgrove", "PERSON"), ("Colette Varenne", "PERSON")} <= ents, ents
    assert not any(t.startswith(("and", "Fisheries", "Forestry", "Public", "Overseas", "Service"))
                   for t, label in ents if label == "PERSON"), ents


def test_a_comma_after_a_portfolio_before_a_name_ends_the_title(analyzer):
    text = "The Minister of Mining, Rosalind Carvajal, met the Secretary of Health, Ignatius Pemberton, on Monday."
    ents = _ents(analyzer, text)
    assert {("Rosalind Carvajal", "PERSON"), ("Ignatius Pemberton", "PERSON")} <= ents, ents


def test_a_peerage_after_an_office_is_a_title_not_part_of_the_name(analyzer):
    ents = _ents(analyzer, '"The sea is rising," Prime Minister Lord Vailahi told reporters in the capital.')
    assert ("Vailahi", "PERSON") in ents, ents
    assert not any(t.startswith("Lord") for t, _ in ents), ents


def test_an_office_title_read_as_a_body_is_dropped_and_its_state_kept(analyzer):
    text = ("I welcome my sister, the Minister of Foreign Affairs of the Sudan, to Velmora. The Minister for Foreign "
            "Affairs of Japan arrived on Monday.")
    ents = _ents(analyzer, text)
    assert {("Sudan", "GPE"), ("Japan", "GPE")} <= ents, ents
    assert not any(t.startswith(("Minister", "for")) for t, _ in ents), ents


def test_a_lowercase_joint_is_never_part_of_a_titled_name(analyzer):
    ents = _ents(analyzer, "Talks were held with Omar Haddad, the UAE's Minister of State for Foreign Trade. \"The "
                           "agreement works,\" Haddad said.")
    assert not any(t in ("for", "and", "the") for t, _ in ents), ents


def test_the_class_of_a_place_runs_along_the_whole_list(analyzer):
    text = ("Fighting continued in Rakhine, Shan and Sagaing. The army will open support hubs in Iqaluit, "
            "Inuvik and Yellowknife. Ore goes to the ports of Antofagasta and Iquique.")
    ents = _ents(analyzer, text)
    assert {("Sagaing", "GPE"), ("Yellowknife", "GPE"), ("Iquique", "GPE")} <= ents, ents


def test_a_nationality_used_as_an_adjective_in_a_list_stays_a_nationality(analyzer):
    ents = _ents(analyzer, "From July, the visa will offer 3,000 places a year to Pacific and Timorese nationals.")
    assert not any(t == "Timorese" and label == "GPE" for t, label in ents), ents
    # a geographic noun after the list makes its names places
    ents = _ents(analyzer, "Armed groups exploit the Putumayo and San Miguel rivers.")
    assert ("San Miguel", "GPE") in ents, ents


def test_heads_of_state_of_an_official_name_leave_the_state_name_alone(analyzer):
    ents = _ents(analyzer, "The Heads of State of the Republic of Kazakhstan and the Kyrgyz Republic met in Astana.")
    assert ("Republic of Kazakhstan", "GPE") in ents, ents
    assert not any(t.startswith("State of") for t, _ in ents), ents


def test_an_official_state_name_after_a_title_is_the_place_not_a_person(analyzer):
    ents = _ents(analyzer, "The Prime Minister of the Federal Democratic Republic of Ethiopia arrived on Monday.")
    assert ("Federal Democratic Republic of Ethiopia", "GPE") in ents, ents
    assert not any(label == "PERSON" for _, label in ents), ents


def test_a_one_word_short_name_in_brackets_after_a_body_is_that_body(analyzer):
    text = ("The Mineral Development Corporation (Minvela) signed with two buyers. Minvela sells its quotas at a "
            "discount.")
    ents = _ents(analyzer, text)
    assert ("Minvela", "ORG") in ents, ents
    assert not any(t == "Minvela" and label != "ORG" for t, label in ents), ents


def test_an_acronym_after_a_place_that_ends_a_longer_name_is_not_a_place(analyzer):
    ents = _ents(analyzer, "The Authority directs the Regional Task Force against Smuggling in West Africa (RETAFOS) "
                           "to report.")
    assert not any(t == "RETAFOS" and label in ("GPE", "LOC") for t, label in ents), ents


def test_projects_consensuses_and_free_trade_areas_are_initiatives(analyzer):
    text = ("The Velmora Coastal Resilience Project (VCRP) has raised seawalls. Ruritania is funding the second phase "
            "of VCRP. The ministers recalled the Seven-Point Consensus adopted in 2024, and the Deep and "
            "Comprehensive Free Trade Area remains in force.")
    ents = _ents(analyzer, text)
    assert {("Velmora Coastal Resilience Project", "LAW"), ("VCRP", "LAW"), ("Seven-Point Consensus", "LAW"),
            ("Deep and Comprehensive Free Trade Area", "LAW")} <= ents, ents


def test_a_dash_joined_chain_of_places_opening_a_name_is_split_off(analyzer):
    ents = _ents(analyzer, "We noted that the Lao PDR-Thailand-Malaysia-Singapore Power Integration Project has "
                           "traded more power this year.")
    assert {("Lao PDR", "GPE"), ("Thailand", "GPE"), ("Singapore", "GPE"), ("Power Integration Project", "LAW")} <= ents, ents


def test_a_nationality_before_a_body_is_part_of_its_name(analyzer):
    text = ("Doctors from the Mexican Red Cross arrived on Monday. The Joint Chilean-Peruvian Fisheries Commission met "
            "in Lima, and the ministers opened the Saudi-Kenyan Investment Council.")
    ents = _ents(analyzer, text)
    assert ("Mexican Red Cross", "ORG") in ents, ents
    assert {("Joint Chilean-Peruvian Fisheries Commission", "LAW"), ("Saudi-Kenyan Investment Council", "LAW")} <= ents, ents


def test_a_nationality_before_a_ministry_stays_apart(analyzer):
    ents = _ents(analyzer, "The Indian Ministry of External Affairs said the talks would resume.")
    assert ("Ministry of External Affairs", "ORG") in ents, ents


def test_a_named_law_or_code_is_an_initiative_but_a_field_of_law_is_not(analyzer):
    text = ("Will the government apply the Retaliation Law against these products? Ships in the Arctic Code area must "
            "carry ice pilots, and navies follow the Velmora Code of Conduct. Any action must respect International "
            "Humanitarian Law.")
    ents = _ents(analyzer, text)
    assert {("Retaliation Law", "LAW"), ("Arctic Code", "LAW"), ("Velmora Code of Conduct", "LAW")} <= ents, ents
    assert not any("Humanitarian" in t for t, _ in ents), ents


def test_a_letterhead_of_a_ministry_and_its_royal_government_is_two_names(analyzer):
    text = ("Ministry of Trade and External Relations, Royal Government of Bhutan\nFACT SHEET\n"
            "The Prime Minister visited Thimphu on Monday.")
    ents = _ents(analyzer, text)
    assert {("Ministry of Trade and External Relations", "ORG"), ("Royal Government of Bhutan", "ORG")} <= ents, ents


def test_a_spaced_slash_sets_two_bodies_apart(analyzer):
    text = "Fisheries Protection Service / Velmoran Coast Guard\nPort Arlen, 3 March 2026\nThe patrol returned today."
    ents = _ents(analyzer, text)
    assert not any(" / " in t for t, _ in ents), ents


def test_a_questioner_credited_in_brackets_or_before_a_comma_is_a_person_and_an_outlet(analyzer):
    text = ("MODERATOR: Two questions.\nQ (Tomasz Wrobel, TVN24): What about the students?\n"
            "PRIME MINISTER ROSS: They are welcome.\n"
            "QUESTION: Ravi Menon, Kyodo Asia, on trade. Will tariffs rise?\n"
            "PRIME MINISTER ROSS: We watch it.")
    ents = _ents(analyzer, text)
    assert {("Tomasz Wrobel", "PERSON"), ("TVN24", "ORG"), ("Ravi Menon", "PERSON"), ("Kyodo Asia", "ORG")} <= ents, ents


def test_an_agency_named_for_its_country_is_not_part_of_the_body_before_it(analyzer):
    text = ("The Federal Police, the Department of Defence and Emergency Response Ireland ran a joint exercise. "
            "National Defence, Public Works and Procurement Canada and the Department of Trade, Industry and "
            "Competition will award the contracts.")
    ents = _ents(analyzer, text)
    assert {("Department of Defence", "ORG"), ("Emergency Response Ireland", "ORG"), ("National Defence", "ORG"),
            ("Public Works and Procurement Canada", "ORG"),
            ("Department of Trade, Industry and Competition", "ORG")} <= ents, ents


def test_an_operative_verb_opening_a_numbered_paragraph_is_not_part_of_the_name_after_it(analyzer):
    text = ("The Council:\n5. Notes the report of the Commission;\n6. Commends Velmora and Chad for hosting refugees;\n"
            "7. Urges Ruritania to reopen the crossing.")
    ents = _ents(analyzer, text)
    assert ("Chad", "GPE") in ents, ents
    assert not any(t.startswith(("Commends", "Urges")) for t, _ in ents), ents
