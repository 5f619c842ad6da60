"""Issue 14 rules on made-up text: transcripts, coordination, acronyms, official names, formats with digits,
initiative heads, communiqué openers and genre pillar cues."""

from __future__ import annotations

from briefing_app.nlp.chunking import sentence_spans
from tests.nlp.passages import pillars_of


def _ents(analyzer, text):
    return {(e.text, e.label) for e in analyzer.analyze(text).entities}



TRANSCRIPT = (
    "Joint Press Conference of the Foreign Ministers\n"
    "MODERATOR: Good afternoon, ladies and gentlemen. The ministers will speak first and then take your questions.\n"
    "MINISTER KORVALDSSON: Thank you. (Laughter) Our navies will hold joint naval exercises next month. "
    "(Applause)\n"
    "Q: Ilse Varga, Borduria Daily. What will the new tariff cuts mean for exporters?\n"
    "MINISTER KORVALDSSON: Piracy and armed robbery at sea remain the main threat to our ships. "
    "We will keep working on it.\n"
    "MODERATOR: Next question, please.\n"
)


def test_stage_directions_and_role_labels_are_never_entities(analyzer):
    ents = _ents(analyzer, TRANSCRIPT)
    assert not any("Laughter" in t or "Applause" in t or t == "MODERATOR" or t == "Q" for t, _ in ents), ents
    assert ("KORVALDSSON", "PERSON") in ents, "the name in a speaker label is a person"


def test_procedural_turns_get_no_pillar(analyzer):
    assert pillars_of(analyzer, TRANSCRIPT, "MODERATOR: Good afternoon") == []
    assert pillars_of(analyzer, TRANSCRIPT, "The ministers will speak first") == []
    assert pillars_of(analyzer, TRANSCRIPT, "MODERATOR: Next question") == []
    assert pillars_of(analyzer, TRANSCRIPT, "Q: Ilse Varga") == [], "a reporter's self-introduction"
    assert pillars_of(analyzer, TRANSCRIPT, "MINISTER KORVALDSSON: Thank you.") == []
    assert "defence" in pillars_of(analyzer, TRANSCRIPT, "Our navies")


def test_an_answer_takes_its_own_pillar_not_the_question_s(analyzer):
    assert "trade" in pillars_of(analyzer, TRANSCRIPT, "What will the new tariff cuts")
    answer = pillars_of(analyzer, TRANSCRIPT, "MINISTER KORVALDSSON: Piracy")
    assert "security" in answer and "trade" not in answer
    # the office in a Hansard label ("Minister for Trade") is not what the answer is about
    text = "Ms ODALRIC (Northfield—Minister for Trade and Investment) (14:05): Our coast guard will patrol the strait.\n"
    assert pillars_of(analyzer, text, "Ms ODALRIC") == ["security"]


def test_stage_direction_in_brackets_starts_a_new_sentence():
    text = "CHAIR: Welcome. (in French) Bonjour. (interpretation from Spanish) We agree."
    pieces = [text[s:e] for s, e in sentence_spans(text)]
    assert "(in French) Bonjour." in pieces and "(interpretation from Spanish) We agree." in pieces


def test_hansard_and_parliament_labels(analyzer):
    text = ("Mr HALVORSEN (Eastbrook—Minister for Defence) (14:02): I thank the member for Westmoor for her question.\n"
            "President. – The debate is closed.\n")
    assert ("HALVORSEN", "PERSON") in _ents(analyzer, text)
    assert pillars_of(analyzer, text, "Mr HALVORSEN") == [], "the office in the label is not the turn's topic"
    assert pillars_of(analyzer, text, "President. –") == []


def test_coordinated_organisations_are_split(analyzer):
    text = ("Funding comes from the Ministry of Trade, the Export Credit Agency and the National Development Bank "
            "of Ruritania.")
    ents = _ents(analyzer, text)
    assert ("Ministry of Trade", "ORG") in ents
    assert ("Export Credit Agency", "ORG") in ents
    assert not any(", the " in t or " and the " in t for t, _ in ents), ents


def test_acronym_bracket_and_later_mentions(analyzer):
    text = ("Ruritania set up the Pacific Maritime Resilience Facility (PMRF) last year. PMRF will fund radars. "
            "The Kessel Ports Authority (KPA) agreed. KPA said it would help.")
    result = analyzer.analyze(text)
    assert not any("(" in e.text for e in result.entities)
    pmrf = [e for e in result.entities if e.text == "PMRF"]
    assert len(pmrf) == 2 and {e.label for e in pmrf} == {"ORG"}, "in its brackets and alone later"
    long = [e for e in result.entities if e.text == "Pacific Maritime Resilience Facility"]
    assert long and long[0].label == "ORG"
    assert len({e.entity_id for e in pmrf + long}) == 1, "the acronym is the same entity as its long form"
    assert {e.label for e in result.entities if e.text == "KPA"} == {"ORG"}, "not a person before 'said'"


def test_programme_acronym_takes_the_programme_class(analyzer):
    text = ("The grant comes under Coastal Resilience Assistance (CRA) for island states. "
            "CRA was set up in 2023.")
    labels = {e.label for e in analyzer.analyze(text).entities if e.text == "CRA"}
    assert labels == {"LAW"}


def test_official_country_names_are_one_place(analyzer):
    text = ("The Ambassador of the Republic of Chile met officials of the Kyrgyz Republic and the Democratic "
            "Socialist Republic of Sri Lanka, while the Federal Government of Somalia sent a letter.")
    ents = _ents(analyzer, text)
    assert ("Republic of Chile", "GPE") in ents
    assert ("Kyrgyz Republic", "GPE") in ents
    assert ("Democratic Socialist Republic of Sri Lanka", "GPE") in ents
    assert ("Federal Republic of Somalia", "GPE") not in ents and not any(
        t.endswith("Government of Somalia") and lab == "GPE" for t, lab in ents)


def test_formats_with_digits_and_plus_signs(analyzer):
    text = "Ministers of the N3+1 met in Kessel. The N3+1 Security Working Group will meet in June."
    ents = _ents(analyzer, text)
    assert ("N3+1", "ORG") in ents
    assert any(t == "N3+1 Security Working Group" and lab in ("EVENT", "LAW") for t, lab in ents), ents


def test_initiative_heads_and_tails(analyzer):
    text = ("Both sides signed the Agreement on Reciprocal, Fair and Balanced Trade and joined the Kessel Water "
            "Process. The Joint Working Group on Counter-Terrorism met on Friday.")
    ents = _ents(analyzer, text)
    assert any(t == "Agreement on Reciprocal, Fair and Balanced Trade" and lab in ("LAW", "EVENT") for t, lab in ents)
    assert any(t == "Kessel Water Process" for t, _ in ents), ents
    assert any(t == "Joint Working Group on Counter-Terrorism" for t, _ in ents), ents
    assert ("Friday", "DATE") in ents


def test_communique_opener_words():
    from briefing_app.nlp.rules import opener_words

    text = "Noting the report;\nWelcoming the progress;\n3. Commends the troops;\nBeijing is the capital."
    assert [text[s:e] for s, e in opener_words(text)] == ["Noting", "Welcoming", "Commends"]


def test_communique_openers_are_not_entities(analyzer):
    text = ("The Council,\nNoting the report of the Chairperson;\nWelcoming the progress made;\n"
            "3. Commends the troop-contributing countries;\n4. Requests the Commission to report.\n")
    ents = _ents(analyzer, text)
    assert not any(t in ("Noting", "Welcoming", "Commends", "Requests") for t, _ in ents), ents


def test_document_kind_words_are_not_names(analyzer):
    ents = _ents(analyzer, "Joint Press Conference\nThe 1318th Meeting of the Council was held.")
    assert not any(t in ("Joint Press Conference", "1318th Meeting") for t, _ in ents), ents


def test_date_ranges_and_greetings(analyzer):
    ents = _ents(analyzer, "MODERATOR: Good morning. The visit runs from 12 to 14 January 2026.")
    assert ("12 to 14 January 2026", "DATE") in ents
    assert not any(t.lower().endswith("morning") for t, _ in ents)


def test_genre_pillar_cues(analyzer):
    text = ("The peacekeeping mission faces a funding gap.\n"
            "Sanctions and debt restructuring talks with the IMF continue.\n"
            "Melting glaciers and drought threaten the transboundary water supply.\n")
    assert "security" in pillars_of(analyzer, text, "The peacekeeping")
    assert "trade" in pillars_of(analyzer, text, "Sanctions")
    assert "energy" in pillars_of(analyzer, text, "Melting")


def test_dateline_gets_no_pillar(analyzer):
    text = "Talks stall\nKESSEL/ZENDA, Jan 22 (Wirenews) - Trade talks over tariffs stalled on Tuesday.\n"
    result = analyzer.analyze(text)
    at = text.index("KESSEL")
    first = next(p for p in result.passages if p.start <= at < p.end)
    assert first.pillars == [] and text[first.start:first.end].startswith("KESSEL/ZENDA, Jan 22")
    assert "trade" in pillars_of(analyzer, text, "Trade talks")


def test_acronym_letters_need_not_be_plain_initials(analyzer):
    text = ("The Council renewed the Northern Islands Stabilisation Mission in Ruritania (NISMIR) and the "
            "Kessel Ore Mining and Industrial Resources Corporation (KOMIRC). NISMIR needs helicopters.")
    ents = _ents(analyzer, text)
    assert ("Northern Islands Stabilisation Mission in Ruritania", "LAW") in ents
    assert ("NISMIR", "LAW") in ents
    assert ("Kessel Ore Mining and Industrial Resources Corporation", "ORG") in ents and ("KOMIRC", "ORG") in ents


def test_names_with_one_place_stay_whole_pairs_are_split(analyzer):
    ents = _ents(analyzer, "Parliament passed the Pacific Resilience Facility Act. Leaders met at the "
                           "Pacific Islands Leaders' Summit and launched the India–Fiji Digital Partnership.")
    assert any(t == "Pacific Resilience Facility Act" for t, _ in ents), ents
    assert any(t == "Pacific Islands Leaders' Summit" for t, _ in ents), ents
    assert ("Fiji", "GPE") in ents and any(t == "Digital Partnership" for t, _ in ents), ents


def test_caps_suffixes_and_capitalised_the(analyzer):
    ents = _ents(analyzer, "The QUAD-X partners met, ISIL-K attacked, and officials from Jamaica and The Bahamas came.")
    assert ("QUAD-X", "ORG") in ents and ("ISIL-K", "ORG") in ents
    assert ("The Bahamas", "GPE") in ents


def test_quoted_expert_affiliation_carries_no_pillar_and_the_closing_formula_is_diplomacy(analyzer):
    text = ("Kessel has little reason to compromise before the summit, said Ana Ruiz, a professor at Zenda "
            "University.\n9. Decides to remain actively seized of the matter.\n")
    assert "people" not in pillars_of(analyzer, text, "Kessel has little")
    # (round 17: the body keeping the matter on its agenda is diplomacy, as the later dev sets annotate it; it used to
    # be procedure with no pillar)
    assert pillars_of(analyzer, text, "Decides to remain") == ["diplomacy"]


def test_letterheads_possessives_and_weekday_dates(analyzer):
    text = ("MINISTRY OF HEALTH – REPUBLIC OF KENYA\nSunday, 8 February 2026\n"
            "The Ministry of Economy, Trade and Industry and Australia's Department of Energy met on Monday evening "
            "near the Niger Delta. The Republic of Fiji Navy sailed.")
    ents = _ents(analyzer, text)
    assert ("REPUBLIC OF KENYA", "GPE") in ents and ("MINISTRY OF HEALTH", "ORG") in ents
    assert ("Sunday, 8 February 2026", "DATE") in ents and ("Monday evening", "DATE") in ents
    assert ("Ministry of Economy, Trade and Industry", "ORG") in ents
    assert any(t == "Niger Delta" for t, _ in ents), ents
    assert ("Republic of Fiji", "GPE") not in ents


def test_an_acronym_alone_carries_its_long_form_s_topic(analyzer):
    text = ("Zenda extended Coastal Security Assistance (CSA) to Kessel.\n\n"
            "Kessel is the third country to receive CSA, after Borduria and Ruritania.\n")
    result = analyzer.analyze(text)
    assert "security" in pillars_of(analyzer, text, "Kessel is the third")
    csa = [e for e in result.entities if e.text == "CSA"]
    assert csa and all(not e.entity_id.startswith("acronym:") for e in csa), "the stored entity id is unchanged"


def test_arabic_and_vietnamese_names(analyzer):
    ents = _ents(analyzer, "Abdulrahman al-Nasiri, Qatar's Minister of State, met Spokesperson Phạm Thu Lan in Doha.")
    assert ("Abdulrahman al-Nasiri", "PERSON") in ents
    assert ("Phạm Thu Lan", "PERSON") in ents
