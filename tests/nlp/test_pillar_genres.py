"""Pillars in debates, transcripts and commentary (issue 14, third round): each test names one class of error
found on the development sets and checks it on made-up text (fictional countries, people and bodies)."""

from __future__ import annotations

import pytest

from tests.nlp.passages import pillars_of

DEBATE = (
    "Borduria: Fisheries Agreement\n"
    "Mr Speaker: I call the shadow Foreign Secretary.\n"
    "Mr Speaker: I call the Chair of the Foreign Affairs Committee.\n"
    "The Minister for Trade (Tom Pell): I thank my hon. Friend for her question and for her long interest in this "
    "matter.\n"
    "SHRI RAJIV SINGH: Sir, I thank the hon. Minister.\n"
    "SHRI RAJIV SINGH: Sir, the tuna quota for our fishermen was cut by half.\n"
    "SECRETARY DAVID ROE: Thank you, President.\n"
    "Chairperson Taro Yamada: Prime Minister Hanako Sato.\n"
    "The Secretary of State was asked—\n"
    "Mr Speaker: The question is that the Trade (Fisheries) Bill be now read a second time.\n"
    "Vice-President Anna Roe: The referral to the Committee on Foreign Affairs is so decided.\n"
    "The Minister for Trade (Tom Pell): The new quota runs until 2028.\n"
    "Vice-President Anna Roe: I call agenda item 9 and open the debate agreed by the Council of Elders; the first "
    "speaker is Federal Minister Tom Pell.\n"
    "The Secretary of State for Foreign, Commonwealth and Development Affairs (Jane Roe): Thank you, Mr Speaker.\n"
)


@pytest.mark.parametrize("turn", [
    "Mr Speaker: I call the shadow Foreign Secretary.",
    "Mr Speaker: I call the Chair of the Foreign Affairs",
    "The Minister for Trade (Tom Pell): I thank my hon. Friend",
    "SHRI RAJIV SINGH: Sir, I thank",
    "SECRETARY DAVID ROE: Thank you, President.",
    "Chairperson Taro Yamada: Prime Minister Hanako Sato.",
    "The Secretary of State was asked",
    "Mr Speaker: The question is that",
    "Vice-President Anna Roe: The referral",
    "Vice-President Anna Roe: I call agenda item 9",
    "The Secretary of State for Foreign, Commonwealth and Development Affairs (Jane Roe): Thank you",
])
def test_procedural_turns_naming_an_office_get_no_pillar(analyzer, turn):
    # who is called, thanked or addressed ("the shadow Foreign Secretary", "President", "Prime Minister X") is
    # not a topic: the chair's calls, thanks for a question and the chair's rulings are procedure
    assert pillars_of(analyzer, DEBATE, turn) == []


@pytest.mark.parametrize(("turn", "pillar"), [
    ("SHRI RAJIV SINGH: Sir, the tuna quota", "trade"),
    ("The Minister for Trade (Tom Pell): The new quota", "trade"),
])
def test_content_turns_between_procedure_keep_their_pillar(analyzer, turn, pillar):
    assert pillar in pillars_of(analyzer, DEBATE, turn)


PRESS = (
    "Joint press conference of Borduria and Syldavia\n"
    "Date: Tuesday, 10 March 2026, 3:02 p.m.\n"
    "Place: Press Conference Room, Ministry of Foreign Affairs\n"
    "MINISTER ROE: Our talks covered trade, energy and technology. That is all from me.\n"
    "Q: Prime Minister, will the new volumes lower household bills this winter?\n"
    "Q: Mr President, Madam Minister, when will the schools reopen?\n"
)


def test_whom_a_question_is_put_to_is_not_its_topic(analyzer):
    # "Prime Minister," / "Mr President," address the person asked; the question's pillar is what it asks about
    assert "diplomacy" not in pillars_of(analyzer, PRESS, "Q: Prime Minister, will")


@pytest.mark.parametrize("line", ["Date: Tuesday", "Place: Press Conference Room", "That is all from me."])
def test_a_transcripts_header_lines_and_closing_formula_get_no_pillar(analyzer, line):
    assert pillars_of(analyzer, PRESS, line) == []


def test_a_question_keeps_the_topic_of_its_own_words(analyzer):
    assert "people" in pillars_of(analyzer, PRESS, "Q: Mr President, Madam Minister,")


COMMENTARY = (
    "Why the Kelp Sea patrols matter\n"
    "Syldavia's coast guard now patrols the Kelp Sea every week, and the navy escorts fishing fleets.\n"
    "Anna Petrova is a senior fellow for maritime security at the Klow Institute for Defence Studies.\n"
    "Ivan Rudov is a former permanent secretary in the Ministry of Energy and lectures at the University of Klow.\n"
)


@pytest.mark.parametrize("bio", ["Anna Petrova is a senior fellow", "Ivan Rudov is a former"])
def test_an_author_bio_gets_no_pillar(analyzer, bio):
    # the author's post ("a senior fellow for maritime security at ...") says who wrote the piece, not its topic
    assert pillars_of(analyzer, COMMENTARY, bio) == []


def test_the_commentary_itself_keeps_its_pillars(analyzer):
    assert "security" in pillars_of(analyzer, COMMENTARY, "Syldavia's coast guard")


INTERVIEW = (
    "Syldavia's mines minister on uranium and rare earths\n"
    "Q: And the uranium mine at Klow?\n"
    "PETROVA: The ban stays.\n"
    "Q: How will you pay for the new hospitals?\n"
    "PETROVA: We will borrow from the development bank, and the loan is agreed.\n"
)


def test_a_short_reply_takes_the_topic_of_the_question(analyzer):
    # "The ban stays." has no topic word: it answers the question about the uranium mine
    assert "energy" in pillars_of(analyzer, INTERVIEW, "PETROVA: The ban stays.")


def test_a_reply_with_words_of_its_own_keeps_its_own_topic(analyzer):
    pillars = pillars_of(analyzer, INTERVIEW, "PETROVA: We will borrow")
    assert "trade" in pillars and "health" not in pillars, pillars


ANALYSIS = (
    "ANALYSIS\n"
    "Borduria's debt deal: who pays, and when\n"
    "By Jana Novak\n"
    "Borduria defaulted on its bonds in 2021 and has been negotiating with its creditors ever since.\n"
    "The IMF approved a loan of 1.3 billion dollars last year, tied to a restructuring of the external debt.\n"
    "Bondholders agreed to a haircut of 18 percent in March, and the finance ministry will resume payments in "
    "June.\n"
    "What could go wrong?\n"
    "A great deal, as it happens.\n"
    "Your time has expired, hon Minister.\n"
    "For information media. Not an official record.\n"
)


@pytest.mark.parametrize("sentence", ["What could go wrong?", "A great deal, as it happens."])
def test_commentary_sentences_without_a_cue_take_the_pieces_subject(analyzer, sentence):
    # a rhetorical question or an evaluative opener of a paragraph is about what the piece is about (debt: trade)
    assert pillars_of(analyzer, ANALYSIS, sentence) == ["trade"]


@pytest.mark.parametrize("line", ["ANALYSIS", "By Jana Novak", "Your time has expired", "For information media"])
def test_labels_bylines_and_the_chairs_time_calls_do_not_take_the_subject(analyzer, line):
    assert pillars_of(analyzer, ANALYSIS, line) == []


@pytest.mark.parametrize(("sentence", "topic"), [
    ("We have made clear to Ruritania that the pipeline is our export route and must not be attacked.", "trade"),
    ("Our trade minister told Ruritania that the tariffs on steel must go.", "trade"),
])
def test_one_government_addressing_another_is_diplomacy_beside_the_topic(analyzer, sentence, topic):
    # telling, asking or pressing another state (a country or its capital) is engagement: diplomacy joins the topic
    text = "Syldavia and Ruritania\n" + sentence + "\n"
    pillars = pillars_of(analyzer, text, sentence[:20])
    assert "diplomacy" in pillars and topic in pillars, pillars


def test_a_place_after_a_verb_is_not_always_an_addressee(analyzer):
    text = "Rail freight\nFreight trains will start in April, giving Klow a route to the port of Ruritania.\n"
    assert "diplomacy" not in pillars_of(analyzer, text, "Freight trains")


GAS_PIECE = (
    "Syldavia's gas: the long road to Ruritania\n"
    "Syldavia exports most of its gas and oil through a single terminal on the Kelp Sea.\n"
    "A second export route would cut the country's dependence on that terminal, officials say.\n"
    "The new pipeline will cost four billion dollars, paid with a loan from the regional development bank.\n"
    "Gas sales to Ruritania doubled last year, and LNG cargoes now leave every week.\n"
)


def test_a_pieces_subject_backs_its_ambiguous_words(analyzer):
    # "pipeline" alone is ambiguous (it counts only beside a plain energy cue); in a piece about gas it is energy
    # beside the sentence's own topic (the loan: trade), as the gold annotates it
    pillars = pillars_of(analyzer, GAS_PIECE, "The new pipeline will cost")
    assert "energy" in pillars and "trade" in pillars, pillars


def test_ambiguous_words_alone_stay_unbacked(analyzer):
    text = ("Roads and bridges\nThe new pipeline will cost four billion dollars, paid with a loan from the regional "
            "development bank.\n")
    assert "energy" not in pillars_of(analyzer, text, "The new pipeline")


@pytest.mark.parametrize(("sentence", "pillar"), [
    ("Bondholders agreed to a haircut of 18 percent on the old notes.", "trade"),
    ("Borduria defaulted on its eurobonds in 2021 and is still in arrears.", "trade"),
    ("Asset freezes and travel bans were imposed on three generals.", "security"),
    ("Two hundred blue helmets from Syldavia arrived in the capital on Monday.", "security"),
])
def test_debt_sanctions_and_peacekeeping_vocabulary(analyzer, sentence, pillar):
    # DESIGN §3 / issue 14: debt and its restructuring are trade; sanctions instruments are security; peacekeeping
    # is security
    assert pillar in pillars_of(analyzer, "News\n" + sentence + "\n", sentence[:15])


def test_a_headline_with_a_colon_is_not_a_speaker_turn(analyzer):
    # "The X Pipeline: where the project stands" opens with "The" like "The SPEAKER:", but it is the headline
    text = ("Fact sheet\nThe Kelp Sea Gas Pipeline: where the project stands\n"
            "The pipeline will carry gas from Syldavia to Ruritania from 2029.\n")
    assert "energy" in pillars_of(analyzer, text, "The Kelp Sea Gas Pipeline")


FACT_SHEET = (
    "Syldavia and Ruritania deepen their security partnership\n"
    "Security\n"
    "• The two navies will hold a joint patrol in the Kelp Sea every spring.\n"
    "Anna Petrova is a senior fellow at the Klow Institute, where she works on Kelp Sea security. "
    "The views expressed are her own.\n"
)


@pytest.mark.parametrize("line", ["Security", "The views expressed are her own."])
def test_section_headings_of_one_word_and_an_authors_disclaimer_get_no_pillar(analyzer, line):
    # a one-word line is a section heading ("Security", "Mobility"), as the gold annotates it; the disclaimer
    # after an author's bio on the same line is furniture too
    assert pillars_of(analyzer, FACT_SHEET, line) == []


def test_a_written_question_is_judged_without_the_office_it_is_put_to(analyzer):
    # "To ask the Secretary of State for Foreign ... Affairs," names who answers; the question is about the tankers
    text = ("Syldavia: Shipping\nJane Kettle (Northmoor): To ask the Secretary of State for Foreign, Commonwealth and "
            "Development Affairs, what steps the Government is taking to inspect tankers in the Kelp Sea.\n"
            "Jane Kettle (Northmoor): To ask the Secretary of State for Trade, whether tariffs on steel will rise.\n")
    assert "diplomacy" not in pillars_of(analyzer, text, "Jane Kettle (Northmoor): To ask the Secretary of State for F")
