"""Pillars in debates, analysis and transcripts (issue 14, round 12): each test names one structural class of error
found on the development sets and checks it on made-up text (fictional countries, people and bodies)."""

from __future__ import annotations

import pytest

from tests.nlp.passages import pillars_of

COMMENTARY = (
    "Why the Kelp Sea gas pipeline still matters\n"
    "By Rania el-Masri\n"
    "Syldavia's gas pipeline to Borduria carries a third of its exports, and the tariff on the gas is due for review.\n"
    "Rania el-Masri is a nonresident fellow at a Klow think tank and a former adviser to the energy ministry.\n"
    "Piotr Nowak is a Senior Researcher and Anna Roe a Consultant, Energy Transition Programme, Klow Institute.\n"
    "Views are personal.\n"
)


@pytest.mark.parametrize("note", [
    "Rania el-Masri is a nonresident fellow",  # a lower-case particle in the name
    "Piotr Nowak is a Senior Researcher",  # the post in title case, the affiliation after a comma
    "Views are personal.",  # the disclaimer's short form
])
def test_an_analysts_bio_and_disclaimer_get_no_pillar(analyzer, note):
    # who wrote the commentary is not what it is about, however the post is written
    assert pillars_of(analyzer, COMMENTARY, note) == []


def test_the_commentary_body_keeps_its_pillars(analyzer):
    assert "energy" in pillars_of(analyzer, COMMENTARY, "Syldavia's gas pipeline")


@pytest.fixture(scope="module")
def scorer():
    from briefing_app.nlp.pillars import default_scorer

    return default_scorer()


def _gpes(text: str, *names: str):
    from briefing_app.nlp.types import EntitySpan

    return [EntitySpan(text.index(n), text.index(n) + len(n), "GPE", n) for n in names]


@pytest.mark.parametrize(("sentence", "places"), [
    # informing, consulting or raising a matter with a capital that stands for its government
    ("Klow should fix a date for the survey and inform Marinsk through the joint council.", ("Klow", "Marinsk")),
    ("Will the minister raise the fishing quotas with Marinsk?", ("Marinsk",)),
    ("We consulted Marinsk before the vote.", ("Marinsk",)),
    # a government's position asked in a question: the auxiliary comes first
    ("Has Marinsk accepted the new survey date?", ("Marinsk",)),
    ("Does Klow want a quarrel over the survey?", ("Klow",)),
    # a government's distrust, or its joining another's scheme
    ("Ministers fear being tied to a partner Klow distrusts.", ("Klow",)),
    ("Marinsk has joined the port scheme of its neighbour.", ("Marinsk",)),
])
def test_a_capital_addressed_or_taking_a_position_is_diplomacy(scorer, sentence, places):
    raw, _why = scorer.raw_scores(sentence, _gpes(sentence, *places))
    assert raw.get("diplomacy", 0.0) >= 3.0


def test_a_place_after_a_preposition_takes_no_position(scorer):
    # "Officials in Klow ..." is where, not who
    sentence = "Officials in Klow have joined the queue for visas."
    raw, _why = scorer.raw_scores(sentence, _gpes(sentence, "Klow"))
    assert raw.get("diplomacy", 0.0) < 3.0


INTERVIEW = (
    "Syldavia's trade minister on tuna exports and tariffs\n"
    "Klow Radio - The Trade Hour, broadcast 3 March 2026\n"
    "HOST: Talofa lava, and good morning to our listeners.\n"
    "MINISTER: (in French) Bonjour à tous.\n"
    "HOST: Prime Minister, fa'afetai.\n"
    "HOST: Tuna exports to Borduria fell by half after the new tariff on canned fish.\n"
    "MINISTER: The tariff breaks our trade agreement, and our exporters have lost their biggest market.\n"
    "MINISTER: We will ask the trade ministers to review the tariff and the import quotas next month.\n"
    "HOST: Exporters say the customs checks at the port add a week to every shipment.\n"
    "MINISTER: The customs service will clear tuna shipments within a day from March.\n"
    "MINISTER: ... sorry, the line went.\n"
    "REPORTER (Klow Daily): On a different subject.\n"
    "QUESTION: Jan Novak, Klow Radio, on another topic.\n"
    "THE MINISTER OF TRADE (SHRI RAJ KUMAR): Sir, a statement is laid on the Table of the House.\n"
    "The hon. Leader of the Opposition has the floor.\n"
    "HOST: That concludes today's press conference on trade.\n"
)


@pytest.mark.parametrize("turn", [
    "HOST: Talofa lava",  # greetings and thanks in the language of the turn
    "MINISTER: (in French) Bonjour",
    "HOST: Prime Minister, fa'afetai.",
    "MINISTER: ... sorry, the line went.",  # a dropped line
    "REPORTER (Klow Daily): On a different subject.",  # a change of subject, alone or after the reporter's credit
    "QUESTION: Jan Novak, Klow Radio, on another topic.",
    "THE MINISTER OF TRADE (SHRI RAJ KUMAR): Sir, a statement",  # an answer laid on the Table instead of read
    "The hon. Leader of the Opposition has the floor.",  # the chair giving the floor (with an abbreviation)
    "HOST: That concludes",  # the close of the briefing, whatever it names
    "Klow Radio - The Trade Hour, broadcast",  # a programme's broadcast line
])
def test_the_furniture_of_a_transcript_gets_no_pillar_even_in_a_document_with_a_topic(analyzer, turn):
    assert pillars_of(analyzer, INTERVIEW, turn) == []


def test_the_interview_itself_keeps_its_topic(analyzer):
    assert "trade" in pillars_of(analyzer, INTERVIEW, "MINISTER: The customs service")


RECORD = (
    "Klow Assembly – 12th sitting – Stenographic record (excerpt)\n"
    "Joint Committee on Fisheries and Trade\n"
    "Question No. 7—Fisheries\n"
    "Ms ROE: The tuna quota for our boats was cut by half, and exports to Borduria have collapsed.\n"
    "Mr PELL: The tariff on canned fish breaks the trade agreement, and the customs checks delay every shipment.\n"
    "Ms ROE: Will the minister ask Borduria to lift the tariff and the import quota before the fishing season?\n"
    "Mr PELL: The trade ministers meet in March, and the tariff and the quota are the first item.\n"
    "Ms ROE: Our exporters have lost their biggest market for canned tuna.\n"
    "Mr PELL: I beg to move, That the Bill be now read a Second time.\n"
    "Mr PELL: I beg to move the following Motion— THAT the House approves the tariff schedule on canned tuna, the "
    "import quota and the customs protocol agreed with Borduria.\n"
)


@pytest.mark.parametrize("line", [
    "Klow Assembly – 12th sitting",  # the header of a sitting's record
    "Joint Committee on Fisheries and Trade",  # the committee's name heading its hearing
    "Question No. 7—Fisheries",  # a question's number and department
])
def test_the_headers_of_a_parliamentary_record_get_no_pillar(analyzer, line):
    assert pillars_of(analyzer, RECORD, line) == []


@pytest.mark.parametrize("city", ["Port Meridian", "Port-au-Marais", "Port of Klow"])
def test_a_city_named_after_its_port_is_no_cue_for_trade(scorer, city):
    # "our officers earned respect in Port-au-Prince" is about the officers, not about ports
    sentence = f"Our police officers earned respect in {city}, and they will earn it in the north too."
    raw, _why = scorer.raw_scores(sentence, _gpes(sentence, city))
    assert "trade" not in raw


def test_a_port_itself_is_still_trade(scorer):
    sentence = "The new container port at Klow will handle a million boxes a year."
    raw, _why = scorer.raw_scores(sentence, _gpes(sentence, "Klow"))
    assert raw.get("trade", 0.0) > 0


@pytest.mark.parametrize("headline", [
    "Two neighbours, one lake: Klow and Marinsk must share it more wisely",
    "The long road: what Klow and Marinsk can still do together",
])
def test_an_analysts_headline_naming_two_parties_side_by_side_is_diplomacy(scorer, headline):
    # the pair need not open the headline ("Klow, Marinsk sign ..."): a commentary puts its hook first
    body = "The dams on the Kelp produce most of the electricity of both countries."
    doc = f"{headline}\n{body}"
    spans = [(0, len(headline), _gpes(headline, "Klow", "Marinsk")), (len(headline) + 1, len(doc), [])]
    assert "diplomacy" in scorer.passages(doc, spans)[0].pillars


def test_a_headline_naming_one_party_is_not_paired(scorer):
    headline = "One river, two dams: Klow must share the Kelp more wisely"
    doc = f"{headline}\nThe dams on the Kelp produce most of its electricity."
    spans = [(0, len(headline), _gpes(headline, "Klow")), (len(headline) + 1, len(doc), [])]
    assert "diplomacy" not in scorer.passages(doc, spans)[0].pillars


def _spans(doc: str, places: tuple[str, ...] = ()):
    """Sentence spans of ``doc``, one per line, with the GPE entities ``places`` where they occur."""
    from briefing_app.nlp.types import EntitySpan

    out, at = [], 0
    for line in doc.split("\n"):
        ents = [EntitySpan(at + line.index(p), at + line.index(p) + len(p), "GPE", p) for p in places if p in line]
        out.append((at, at + len(line), ents))
        at += len(line) + 1
    return out


CLIMATE_INTERVIEW = (
    "Klow's climate envoy on the loss and damage fund\n"
    "Q: The loss and damage fund approved its first climate finance grants this week.\n"
    "A: The fund will pay for sea walls and drought relief, and the emissions of the big polluters caused the damage.\n"
    "Q: Will the climate finance reach the islands hit by the cyclone?\n"
    "A: The first climate adaptation grants will rebuild the flood defences on the coast.\n"
    "Q: What will Marinsk receive from the first round?\n"
    "A: The emissions cuts we promised at the climate summit depend on that climate finance.\n"
)


def test_a_question_naming_a_country_takes_the_subject_of_an_interview_that_has_one(scorer):
    # "Q: What will X receive from the first round?" in an interview about climate finance asks about the fund
    passages = scorer.passages(CLIMATE_INTERVIEW, _spans(CLIMATE_INTERVIEW, ("Marinsk",)))
    question = next(p for p in passages if CLIMATE_INTERVIEW[p.start:p.end].startswith("Q: What will Marinsk"))
    assert question.pillars == ["energy"]


def test_a_question_about_a_partner_is_diplomacy_when_the_document_has_no_subject(scorer):
    doc = "Q: What do you expect from Marinsk?\nA: Patience."
    passages = scorer.passages(doc, _spans(doc, ("Marinsk",)))
    assert passages[0].pillars == ["diplomacy"]


@pytest.mark.parametrize("sentence", [
    "Every officer will receive pre-deployment training at the national police college.",
    "The federal police will deploy six more officers to the island's police force in April.",
])
def test_officers_deployed_beside_the_police_are_security_not_defence(scorer, sentence):
    # "officers" and "deployment" are ambiguous; together they would be a military deployment, but the sentence
    # names the police
    raw, _why = scorer.raw_scores(sentence)
    chosen = scorer.choose(raw)
    assert "security" in chosen and "defence" not in chosen


def test_officers_deployed_without_the_police_are_still_defence(scorer):
    raw, _why = scorer.raw_scores("Six hundred officers were deployed to the border garrison.")
    assert "defence" in scorer.choose(raw)


def test_the_formula_of_moving_a_bill_alone_is_procedure(analyzer):
    assert pillars_of(analyzer, RECORD, "Mr PELL: I beg to move, That") == []


def test_the_motion_moved_takes_the_debates_topic(analyzer):
    # the motion's own text after the formula is the debate's subject, not procedure
    assert "trade" in pillars_of(analyzer, RECORD, "Mr PELL: I beg to move the following Motion")


def test_a_treaty_laid_on_the_table_keeps_its_topic(analyzer):
    # only the answer's own paper ("a statement is laid on the Table") is furniture; a treaty or a bill tabled is news
    text = ("Written answers, Klow Assembly\n"
            "THE MINISTER OF DEFENCE (SHRI RAJ KUMAR): The naval defence pact with Syldavia was laid on the Table.\n"
            "THE MINISTER OF DEFENCE (SHRI RAJ KUMAR): Sir, a statement is laid on the Table of the House.\n")
    assert "defence" in pillars_of(analyzer, text, "THE MINISTER OF DEFENCE (SHRI RAJ KUMAR): The naval")
    assert pillars_of(analyzer, text, "THE MINISTER OF DEFENCE (SHRI RAJ KUMAR): Sir, a statement") == []


def test_a_post_followed_by_a_clause_is_no_authors_bio(analyzer):
    # an affiliation after the post's comma is a bio; a clause that goes on about something else is news
    text = ("Why the Kelp Sea gas pipeline still matters\n"
            "Tom Kalvo is a former ambassador, and his warning about the gas pipeline tariff matters to Syldavia.\n"
            "Anna Roe is a Consultant, Energy Transition Programme, Klow Institute.\n")
    assert "energy" in pillars_of(analyzer, text, "Tom Kalvo is a former ambassador")
    assert pillars_of(analyzer, text, "Anna Roe is a Consultant") == []


def test_what_concludes_besides_the_event_is_news(analyzer):
    # "That concludes today's press conference on trade" closes the briefing; a negotiation concluded is news
    text = ("Klow and Syldavia close their tariff talks\n"
            "MINISTER: This concludes the longest tariff negotiation in our history.\n"
            "HOST: That concludes today's press conference on trade.\n")
    assert "trade" in pillars_of(analyzer, text, "MINISTER: This concludes")
    assert pillars_of(analyzer, text, "HOST: That concludes") == []


def test_a_dropped_line_is_an_aside_only_in_a_text_with_speaker_turns(analyzer):
    """"Sorry, the line went." interrupts a broadcast turn (no pillar); in a news story with no speaker turns, "The
    connection dropped." is part of the story and takes its topic like any sentence around it."""
    news = ("Power exports from Valdora to Kesh fell sharply on Monday after the undersea electricity interconnector "
            "tripped. The connection dropped. Grid operators in both countries said electricity flows would resume "
            "once the cable was repaired, and power prices rose.")
    assert "energy" in pillars_of(analyzer, news, "The connection dropped.")
    broadcast = ("HOST: Minister, what about the electricity interconnector with Kesh?\nMINISTER: Power flows will "
                 "resume next week and exports will rise.\nHOST: Sorry, the line went. Minister?\nMINISTER: I said "
                 "electricity exports will resume.")
    assert pillars_of(analyzer, broadcast, "HOST: Sorry, the line went.") == []
