"""Exact entity boundaries and classes, fourth round (issue 14, strict F1 on unseen genres): each test names one
general class of error found on the development sets and checks a made-up text of that class."""

from __future__ import annotations

from tests.nlp.conftest import entity_pairs as _ents


def test_a_surname_with_a_capital_inside_stays_whole_after_a_title(analyzer):
    text = ("Hon. Donald McAllister (Minister of Fisheries, Lib.): Mr. Speaker, the fleet will sail in May.\n"
            "Governor Ruth DeVantier said the port will reopen. Minister McAllister agreed.")
    ents = _ents(analyzer, text)
    assert {("Donald McAllister", "PERSON"), ("Ruth DeVantier", "PERSON"), ("McAllister", "PERSON")} <= ents, ents
    assert not any(t.endswith(" Mc") or t in ("Mc", "De") for t, _ in ents), ents


def test_one_unknown_word_after_at_is_a_place(analyzer):
    ents = _ents(analyzer, "Trucks unload at Tarnivka before the border, and the new substation at Velbrosk "
                           "will carry 500 megawatts.")
    assert {("Tarnivka", "GPE"), ("Velbrosk", "GPE")} <= ents, ents


def test_a_title_ending_in_a_place_and_a_second_title_after_and_keep_both_names(analyzer):
    ents = _ents(analyzer, "Commissioner for the Caribbean Ilze Kalnina and Foreign Minister Badr Tawfiq "
                           "signed the texts in Lima.")
    assert {("Ilze Kalnina", "PERSON"), ("Badr Tawfiq", "PERSON")} <= ents, ents
    assert not any("Caribbean Ilze" in t for t, _ in ents), ents


def test_a_name_in_apposition_to_an_office_is_a_person(analyzer):
    text = ("The Minister of Defence of the Republic of Latvia, Janis Ozolinsh, announced the extension. "
            "The summit welcomed the report of the Secretary General, Amara Nwosu-Keita, on customs. "
            "Kalvis Ozols, Latvia's Defence Minister, agreed.\n"
            "Tahmina Rauf is a Senior Fellow with the Harbour Institute in Karachi.")
    ents = _ents(analyzer, text)
    assert {("Janis Ozolinsh", "PERSON"), ("Amara Nwosu-Keita", "PERSON"), ("Kalvis Ozols", "PERSON"),
            ("Tahmina Rauf", "PERSON")} <= ents, ents


def test_a_body_or_programme_named_for_its_purpose_keeps_its_tail(analyzer):
    text = ("The money will flow through the Regional Centre for Maritime Security. The Task Force against "
            "Wildlife Trafficking met in June. France co-chairs the Creditor Committee for Zambia with Chile.")
    ents = _ents(analyzer, text)
    assert {("Regional Centre for Maritime Security", "ORG"),
            ("Task Force against Wildlife Trafficking", "ORG")} <= ents, ents
    # a state alone after "for" stays a place of its own, like a state after its ministry
    assert ("Zambia", "GPE") in ents and not any(t.endswith("for Zambia") or "with Chile" in t for t, _ in ents), ents


def test_a_ministry_and_another_body_joined_by_and_are_two_names(analyzer):
    text = ("The Ministry of Finance and Central Bank of Ruritania agreed the plan. "
            "The Ministry of Trade and Industry will publish it.")
    ents = _ents(analyzer, text)
    assert ("Ministry of Finance", "ORG") in ents, ents
    assert ("Ministry of Trade and Industry", "ORG") in ents, ents
    assert not any(t.startswith("Ministry of Finance and") for t, _ in ents), ents


def test_title_case_words_before_and_lead_a_bodys_name(analyzer):
    text = ("The Maritime Peace and Security Council met on Monday. India and Security Council "
            "members agreed.")
    ents = _ents(analyzer, text)
    assert ("Maritime Peace and Security Council", "ORG") in ents, ents
    assert ("India", "GPE") in ents and not any(t.startswith("India and") for t, _ in ents), ents


def test_a_bare_head_noun_after_a_determiner_refers_back_and_is_no_name(analyzer):
    text = ("The Harbour Protection Treaty was signed in Suva. Under the Treaty, patrols will double. "
            "The Council should not create new obligations for States, and this House must demand an audit. "
            "Honourable Members, this Bill gives the Council new powers.")
    ents = _ents(analyzer, text)
    assert not {t for t, _ in ents} & {"Treaty", "Council", "States", "House", "Bill"}, ents
    assert ("Suva", "GPE") in ents, ents


def test_a_lowercase_instrument_and_member_states_are_no_names(analyzer):
    text = ("Ottawa opened talks on a free trade agreement with the Andean Community. The summit calls on Member "
            "States to keep their borders open, and welcomes Ruritania as the ninth Partner State.")
    ents = _ents(analyzer, text)
    assert not {t for t, _ in ents} & {"free trade agreement", "Member States", "Partner State"}, ents
    assert ("Ottawa", "GPE") in ents, ents


def test_power_stations_economic_zones_and_markets_are_places(analyzer):
    text = ("The Orvalo Power Station is now fully online. Ruritania will allot land in the Kessa Special Economic "
            "Zone to investors, and the Belmora Binational Market was busier than ever.")
    ents = _ents(analyzer, text)
    assert {("Orvalo Power Station", "FAC"), ("Kessa Special Economic Zone", "FAC"),
            ("Belmora Binational Market", "FAC")} <= ents, ents


def test_a_business_noun_makes_an_unknown_name_an_organisation(analyzer):
    text = ("Velcor, Chile's state-owned copper giant, will offer lithium to the buyers. Carlos Benitez of the "
            "consultancy Andes Energía said the line could be finished within three years.")
    ents = _ents(analyzer, text)
    assert {("Velcor", "ORG"), ("Andes Energía", "ORG"), ("Chile", "GPE")} <= ents, ents


def test_a_name_cut_after_of_or_for_goes_on_and_one_cut_after_and_stops(analyzer):
    text = ("The Water Company of Ghana, the Ghana Grid Company and the VRA will sign the contracts. Under the "
            "Verdi Plan for Africa, an Italian group grows wheat. Officials of the Ministry of Shipping, the "
            "Ministry of Development of Coastal Districts and Harbour India Technical and Economic Service (HITES) "
            "met on Monday.")
    ents = _ents(analyzer, text)
    assert {("Water Company of Ghana", "ORG"), ("Verdi Plan for Africa", "LAW"),
            ("Ministry of Development of Coastal Districts", "ORG")} <= ents, ents
    assert not any(t.endswith((" of", " for", " and")) for t, _ in ents), ents


def test_a_one_word_name_greeted_or_thanked_between_commas_is_a_person(analyzer):
    ents = _ents(analyzer, "KOWALSKA: Good morning, and welcome, Olusegun, once again to Gdansk. Thank you, Ghana, "
                           "for the gas.")
    assert ("Olusegun", "PERSON") in ents and ("Ghana", "GPE") in ents, ents


def test_an_arabic_article_joined_by_a_hyphen_stays_in_the_name_and_a_royal_force_keeps_his_majestys(analyzer):
    text = ("The texts were signed after a meeting with President Karim Fathi al-Mansouri in Cairo. Engineers of "
            "the Navy and Her Majesty's Armed Forces set up a logistics hub.")
    ents = _ents(analyzer, text)
    assert {("Karim Fathi al-Mansouri", "PERSON"), ("Her Majesty's Armed Forces", "ORG")} <= ents, ents


def test_and_inside_a_portfolio_goes_on_but_before_a_person_or_a_place_stops(analyzer):
    text = ("The Joint Committee on Trade Affairs and Defence met. The so-called Government of Hope and Renewal was "
            "proclaimed. The Ministry of Finance and Kenya agreed. The Department of Energy and Amina Odhiambo met. "
            "The Department for Ports and Trade, UK Export Credit and the Treasury will help.")
    ents = _ents(analyzer, text)
    assert {("Joint Committee on Trade Affairs and Defence", "ORG"), ("Government of Hope and Renewal", "ORG"),
            ("Ministry of Finance", "ORG"), ("Kenya", "GPE"), ("Department of Energy", "ORG"),
            ("Department for Ports and Trade", "ORG")} <= ents, ents
