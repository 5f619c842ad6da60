"""Exact entity boundaries and classes, fifth round (issue 14, strict F1 on unseen genres): each test names one
general class of error found on the development sets and checks a made-up text of that class."""

from __future__ import annotations

from tests.nlp.conftest import entity_pairs as _ents


def test_bare_plural_time_units_and_seasons_are_not_dates(analyzer):
    text = ("The new scanners cut clearance at the port of Velmora from days to hours, and the treaty was ratified "
            "within weeks. The line meant to carry summer hydropower to Ruritania is years behind schedule, and the "
            "plant still burns coal in winter. Talks will resume in three weeks.")
    ents = _ents(analyzer, text)
    vague = {"days", "hours", "weeks", "summer", "years", "winter"}
    assert not any(t in vague for t, _ in ents), ents
    # a counted duration stays a date
    assert ("three weeks", "DATE") in ents, ents


def test_a_titled_name_stops_at_the_line_break(analyzer):
    text = ("Joint press conference by Prime Minister Giorgia Fabbri and President Abdelkrim Benhaddou\n"
            "Villa Rosalba, Rome, 14 April 2026\n"
            "Briefing by the Spokesperson Trần Minh Khuê\n"
            "Hà Giang, 8 January 2026")
    ents = _ents(analyzer, text)
    assert {("Abdelkrim Benhaddou", "PERSON"), ("Trần Minh Khuê", "PERSON")} <= ents, ents
    assert not any("\n" in t for t, _ in ents), ents


def test_a_bracketed_portfolio_between_title_and_name_is_not_the_name(analyzer):
    text = ("The Indian side was led by Joint Secretary (Americas) Kavita Raghunathan and the Peruvian side by "
            "Director (Asia) Luis Quispe.")
    ents = _ents(analyzer, text)
    assert ("Kavita Raghunathan", "PERSON") in ents, ents
    assert not any(t in ("Raghunathan",) or t.startswith("(") for t, _ in ents), ents


def test_a_council_named_with_and_keeps_its_first_words(analyzer):
    text = ("Bulletin\nThe Peace and Security Council of the African Union, at its 1400th meeting held on 3 May 2026, "
            "adopted the following decision on Chad. The summit asked the African Union Peace and Security Council "
            "and the United Nations to act.")
    ents = _ents(analyzer, text)
    assert {("Peace and Security Council", "ORG"), ("African Union", "ORG"),
            ("African Union Peace and Security Council", "ORG")} <= ents, ents
    assert not any(t in ("Security Council", "African Union Peace") for t, _ in ents), ents


def test_a_list_of_places_after_at_read_as_one_body_is_one_place_per_item(analyzer):
    text = "Uzbekistan switched on the last of 111 turbines at Karakul and Nurabad in March."
    ents = _ents(analyzer, text)
    assert {("Karakul", "GPE"), ("Nurabad", "GPE")} <= ents, ents
    assert not any(" and " in t for t, _ in ents), ents


def test_an_unknown_name_listed_with_a_company_is_a_company(analyzer):
    ents = _ents(analyzer, "The subsea cable was built by ENERVAL and Velmontra, and it carries power both ways.")
    assert {("ENERVAL", "ORG"), ("Velmontra", "ORG")} <= ents, ents


def test_a_bare_facility_head_takes_the_capitalised_word_before_it():
    # the model read only the head noun of a venue on a dateline ("... Palace, Lusaka"): the name's first word is
    # part of it
    from briefing_app.nlp.cleanup import _extend_names
    from briefing_app.nlp.entities import MODEL, Candidate

    text = "Remarks by the two leaders\nSolvenhof Palace, Lusaka, 3 May 2026"
    at = text.index("Palace")
    out = _extend_names(text, [Candidate(at, at + len("Palace"), "GPE", "model", MODEL)])
    assert [(text[c.start:c.end], c.label) for c in out] == [("Solvenhof Palace", "GPE")]


def test_a_ministry_letterhead_in_capitals_keeps_its_whole_portfolio(analyzer):
    text = "MINISTRY OF FISHERIES, LIVESTOCK, PORTS AND INLAND WATERWAYS – REPUBLIC OF RURITANIA\nMEDIA RELEASE"
    ents = _ents(analyzer, text)
    assert ("MINISTRY OF FISHERIES, LIVESTOCK, PORTS AND INLAND WATERWAYS", "ORG") in ents, ents
    assert ("PORTS", "ORG") not in ents, ents


def test_the_body_that_runs_a_partnership_is_part_of_its_name(analyzer):
    text = ("The ministers of the Indo-Ruritania Strategic Partnership Council met in May. The CEPA Joint Committee "
            "will meet in Seoul.")
    ents = {t for t, _ in _ents(analyzer, text)}
    assert {"Strategic Partnership Council", "CEPA Joint Committee"} <= ents, ents
    assert not {"Strategic Partnership", "CEPA"} & ents, ents


def test_the_is_part_of_an_outlet_named_mid_sentence_and_of_a_letterhead(analyzer):
    text = ("The White House\nFact Sheet\nThe minister spoke to The Daily Courier in Muscat on Monday. "
            "The Ministry of Finance agreed.")
    ents = _ents(analyzer, text)
    assert {("The White House", "ORG"), ("The Daily Courier", "ORG"), ("Ministry of Finance", "ORG")} <= ents, ents


def test_one_unknown_word_after_a_lowercase_the_is_a_place_not_a_company(analyzer):
    text = ("Ranchers clearing the Pantanal will lose credit, and armed groups exploit the Guaviare. "
            "We have not come to the Algarve to admire the view. Ships pass the Kattegat daily.")
    ents = _ents(analyzer, text)
    places = {t for t, label in ents if label in ("GPE", "LOC", "FAC")}
    assert {"Pantanal", "Guaviare", "Algarve", "Kattegat"} <= places, ents


def test_a_name_typed_by_a_cue_in_one_mention_keeps_that_class_in_its_bare_mentions(analyzer):
    text = ("Gas from the Tamarind field would help. Petroleum should prepare one position for Tamarind, and gas "
            "from Tamarind would buy a decade.")
    labels = [e.label for e in analyzer.analyze(text).entities if e.text == "Tamarind"]
    assert len(labels) == 3 and all(label in ("GPE", "LOC", "FAC") for label in labels), labels


def test_a_name_after_sovereign_wealth_fund_is_an_organisation_in_every_mention(analyzer):
    text = ("The deal was announced by Rosa Lim, who heads the sovereign wealth fund Varuta. Lim said Varuta was "
            "ready to co-invest with partners.")
    labels = [e.label for e in analyzer.analyze(text).entities if e.text == "Varuta"]
    assert labels == ["ORG", "ORG"], labels


def test_the_outlet_in_brackets_after_a_questioner_label_is_an_organisation(analyzer):
    text = ("SPOKESPERSON: Next question.\nReporter (Dân Việt): Can the Ministry update us on the fishermen?\n"
            "Spokesperson: Yes.\nREPORTER (NHK): And the talks?\nSpokesperson: Next week.")
    ents = _ents(analyzer, text)
    assert {("Dân Việt", "ORG"), ("NHK", "ORG")} <= ents, ents


def test_a_members_seat_in_brackets_after_the_name_is_a_place(analyzer):
    text = ("Oral questions\nRuth Allen (Wexcombe): To ask the Secretary of State what steps he is taking.\n"
            "Ann Lee (Kent—North Downs, CPC): Mr. Speaker, the minister must answer.\n"
            "Baroness Kapoor (Con): My Lords, I agree.")
    ents = _ents(analyzer, text)
    assert {("Wexcombe", "GPE"), ("Kent—North Downs", "GPE")} <= ents, ents
    assert not any(t == "Con" for t, _ in ents), ents


def test_the_acronym_of_a_dam_or_pipeline_is_a_facility_like_its_long_form(analyzer):
    text = ("The filling of the Upper Zambezi Renaissance Dam (UZRD) has caused floods downstream. No data were "
            "shared from the UZRD. The West Sahel Gas Pipeline (WSGP) will cost US$9 billion. The WSGP will carry gas.")
    ents = _ents(analyzer, text)
    assert {("UZRD", "FAC"), ("WSGP", "FAC"), ("West Sahel Gas Pipeline", "FAC")} <= ents, ents


def test_a_date_stops_at_a_datelines_dash_a_comparisons_than_and_the_verb_last(analyzer):
    text = ("By Ana Ruiz\nLIMA, Dec 4 - Fifteen months after the reform, exports had risen for more than a decade. "
            "Revenue was thirty percent higher in the second quarter than a year earlier. The visa will last 18 "
            "months rather than two years.")
    dates = {e.text for e in analyzer.analyze(text).entities if e.label == "DATE"}
    assert {"Dec 4", "Fifteen months", "the second quarter", "a year earlier", "18 months",
            "more than a decade"} <= dates, dates


def test_a_capitalised_adjective_opening_a_sentence_is_not_an_organisation(analyzer):
    text = ("The crew was detained on Monday. Consular staff in Lagos have met them. Coastal patrols resumed on "
            "Friday. Judicial officers will visit.")
    ents = {t for t, _ in _ents(analyzer, text)}
    assert not {"Consular", "Coastal", "Judicial"} & ents, ents
    assert "Lagos" in ents, ents


def test_an_office_after_the_is_not_taken_for_a_place(analyzer):
    # the "one word after a lowercase the is a place" cue leaves offices alone: one joined to another office, or
    # one that speaks in the transcript
    text = ("Chairman: I welcome the Ceann Comhairle and Minister for Defence.\n"
            "Deputy Burke: Will the Tánaiste confirm the date?\nTánaiste: I will.")
    places = {e.text for e in analyzer.analyze(text).entities if e.label in ("GPE", "LOC", "FAC")}
    assert "Tánaiste" not in places and "Comhairle" not in places, places


def test_one_word_of_a_hyphenated_group_name_after_the_stays_in_the_group(analyzer):
    text = "The authorities must take action against the Tehrik-e-Sahil Pakistan and other groups."
    ents = _ents(analyzer, text)
    assert not any(label in ("GPE", "LOC", "FAC") and t.startswith("Tehrik") for t, label in ents), ents
