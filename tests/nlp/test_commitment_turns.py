"""Who speaks decides (issue 16): commitments in transcripts, debates and interviews read with their speaker turns.

The chair's procedure, a questioner's forecasts and an opposition member's promises are not commitments; a bare
"Yes." to "Will the Government ...?" takes the asked verb; "I am announcing" counts; a refusal to answer does
not. Every text is made up.
"""

from __future__ import annotations

from dataclasses import replace

from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.commitment_turns import ANSWER, CHAIR, QUESTION, speaker_turns


def _found(analyzer: Analyzer, text: str) -> list[dict[str, object]]:
    return [c.to_json() for c in replace(analyzer, find_commitments=True).analyze(text).commitments]


def _actions(analyzer: Analyzer, text: str) -> list[str]:
    return [str(c["action"]) for c in _found(analyzer, text)]


QUESTION_TIME = (
    "House of Representatives: Question Time\n"
    "Mr HOLT (Casey) (14:02): My question is to the Minister for Trade. Will the Government sign the free trade "
    "agreement with the European Union this year?\n"
    "Ms RYAN (Perth—Minister for Trade) (14:03): Yes.\n"
    "Mr HOLT: When the Coalition returns to government, we will scrap the levy on exporters and we will fund ten new "
    "ports. Will the Minister guarantee that no farm jobs will be lost?\n"
    "Ms RYAN: No.\n"
    "The SPEAKER: Order! We will suspend the sitting for ten minutes.\n"
    "Dr WATTS (Fremantle) (14:20): Poland will spend nearly 5% of its GDP on defence this year. Is it not a little "
    "embarrassing that we lag behind?\n"
    "Ms RYAN: I will not pre-empt the Budget, Mr Speaker. I will table the text of the agreement next month.\n"
)


def test_turn_roles_chair_questioner_and_minister() -> None:
    turns = speaker_turns(QUESTION_TIME)
    roles = {t.speaker: t.role for t in turns}
    assert roles["The SPEAKER"] == CHAIR
    assert roles["Mr HOLT"] == QUESTION and roles["Dr WATTS"] == QUESTION
    assert roles["Ms RYAN"] == ANSWER
    # the short label "Ms RYAN:" is the minister of the fuller one
    assert all(t.official for t in turns if t.speaker == "Ms RYAN")


def test_a_bare_yes_takes_the_asked_verb(analyzer: Analyzer) -> None:
    found = _found(analyzer, QUESTION_TIME)
    yes = next(c for c in found if QUESTION_TIME[c["start"]:c["end"]] == "Yes.")
    assert yes["action"] == "sign" and yes["negated"] is False and yes["when"] == "this year"
    assert "agreement" in str(yes["what"])


def test_a_bare_no_refuses_the_asked_act(analyzer: Analyzer) -> None:
    found = _found(analyzer, QUESTION_TIME)
    no = next(c for c in found if QUESTION_TIME[c["start"]:c["end"]] == "No.")
    assert no["action"] == "guarantee" and no["negated"] is True


def test_chair_procedure_and_questioners_claims_are_not_commitments(analyzer: Analyzer) -> None:
    actions = _actions(analyzer, QUESTION_TIME)
    assert "suspend" not in actions  # the Speaker's procedure
    assert "scrap" not in actions and "fund" not in actions  # an opposition member's promise
    assert "spend" not in actions  # a questioner's claim about Poland
    assert "pre-empt" not in actions  # a refusal to answer
    assert "table" in actions  # the minister's own commitment stays


def test_i_will_answering_will_the_minister(analyzer: Analyzer) -> None:
    text = ("Lord Mehta (CB): My Lords, many arrive by small boat. Will the Minister raise this with the External "
            "Affairs Minister, S. Jaishankar, when he visits London next month?\n"
            "The Minister of State, Home Office (Lord Hanson of Flint) (Lab): My Lords, legal routes stay open.\n"
            "Lord Mehta: Will the Minister raise returns with the Government of India?\n"
            "Lord Hanson of Flint: I will, and the National Crime Agency is already working with its partners.\n")
    (c,) = [c for c in _found(analyzer, text) if text[c["start"]:c["end"]].startswith("I will")]
    assert c["action"] == "raise"


def test_yes_with_its_own_content_adds_nothing(analyzer: Analyzer) -> None:
    """"Yes; we raised it in January" tells what was done: no commitment to the asked act."""
    text = ("Dr Huq (Ealing) (Lab): Will the Foreign Secretary press the regime to allow a safe return?\n"
            "The Foreign Secretary (Yvette Cooper): Yes; we raised it at the Security Council in January.\n"
            "Dr Huq: Will she fund the camps at Cox's Bazar this year?\n"
            "Yvette Cooper: Yes.\n")
    assert _actions(analyzer, text) == ["fund"]  # the bare "Yes." only


def test_no_with_a_reason_is_a_refusal(analyzer: Analyzer) -> None:
    text = ("Q: Mona Adel, Al-Ahram. Minister, will Egypt join the Cooperative Framework Agreement now?\n"
            "FOREIGN MINISTER BADR ABDELATTY: No; the agreement ignores the historic uses of downstream states.\n"
            "Q: Sudan Tribune. Is there any progress?\n"
            "FOREIGN MINISTER BADR ABDELATTY: Not yet.\n")
    (c,) = [c for c in _found(analyzer, text) if c["action"] == "join"]
    assert c["negated"] is True and c["who"] == ["Egypt"]
    assert text[c["start"]:c["end"]].startswith("No;")


def test_label_said_again_mid_line(analyzer: Analyzer) -> None:
    """"... next year? Senator WONG: I will not pre-empt the Budget." -- the answer is Wong's, after a question."""
    text = ("Senator SHARMA (New South Wales) (14:12): My question is to the Minister. Will the Government fund the "
            "bank branch in Nauru?\n"
            "Senator WONG (South Australia—Minister for Foreign Affairs) (14:13): We will fund it until 2030.\n"
            "Senator SHARMA: And will Australia raise the budget support in September? Senator WONG: Yes.\n")
    turns = speaker_turns(text)
    assert [t.speaker for t in turns][-1] == "Senator WONG"
    (c,) = [c for c in _found(analyzer, text) if c["action"] == "raise"]
    assert text[c["start"]:c["end"]] == "Yes." and c["when"] == "in September"


def test_terms_stated_before_a_question_count(analyzer: Analyzer) -> None:
    """A question turn's statement counts like any other sentence; the question itself does not."""
    text = ("Senator SHOEBRIDGE (New South Wales) (14:17): Minister, the treaty opens a migration pathway for 150 "
            "Nauruans a year, so why has not a single visa been issued?\n"
            "Senator WONG (South Australia—Minister for Foreign Affairs) (14:18): The first ballot closes in March.\n")
    (c,) = _found(analyzer, text)
    assert c["action"] == "open" and "the treaty opens" in text[c["start"]:c["end"]]


def test_a_question_turn_reporting_a_commitment_made_counts(analyzer: Analyzer) -> None:
    text = ("Q: Reuters. The Government of Ruritania promised farmers in March that it would sign the trade agreement "
            "by June. Is that still the plan?\n"
            "SPOKESPERSON: Talks go on.\n"
            "Q: AFP. Your ministry will have to delay it, won't it?\n"
            "SPOKESPERSON: Talks go on.\n")
    assert _actions(analyzer, text) == ["promise"]


def test_performatives_of_a_minister(analyzer: Analyzer) -> None:
    text = ("MODERATOR: Good morning. The Minister will make a statement and then take questions.\n"
            "MINISTER OKAFOR: Good morning. I am announcing today a national grid fund of 500 million dollars. "
            "We are launching a tender for 2,000 megawatts of solar power. We are also funding village clinics.\n"
            "Q: Daily Sun. Will the tender be open to foreign firms?\n"
            "MINISTER OKAFOR: It will.\n")
    found = _found(analyzer, text)
    announce = next(c for c in found if c["action"] == "announce")
    assert "grid fund" in str(announce["what"]) and announce["when"] == "today"
    assert "launch" in [c["action"] for c in found]
    assert "fund" not in [c["action"] for c in found]  # ongoing work, not a performative


def test_an_office_holders_own_will_and_schedule(analyzer: Analyzer) -> None:
    text = ("MODERATOR: Good afternoon. The ministers will make short statements.\n"
            "MINISTER MARTÍNEZ: Today we signed a memorandum on customs cooperation. Our customs services will also "
            "share scanner images of containers. From September, young drivers who serve in the border posts will "
            "receive a housing allowance.\n"
            "Q: Prensa Libre. Will Guatemala accept more deportation flights?\n"
            "MINISTER MARTÍNEZ: We have an agreement with the United States, and it sets limits; we will not accept "
            "nationals of third countries under it. We will see. Inflation will fall to 3% by December.\n")
    found = _found(analyzer, text)
    actions = [c["action"] for c in found]
    assert "share" in actions and "receive" in actions
    (refusal,) = [c for c in found if c["action"] == "accept"]
    assert refusal["negated"] is True
    assert "fall" not in actions and "see" not in actions  # a forecast and talk


def test_a_reporters_will_is_not_read_as_a_schedule(analyzer: Analyzer) -> None:
    text = ("MINISTER MARTÍNEZ: Good afternoon.\n"
            "Q: Prensa Libre. Our readers will see new customs rules from 1 April. Will they work?\n"
            "MINISTER MARTÍNEZ: We think so.\n"
            "REPORTER (Channels TV): Nigeria will spend 5% of its budget on power this year. Is that enough?\n"
            "MINISTER MARTÍNEZ: Ask Abuja.\n")
    assert _found(analyzer, text) == []


def test_the_chair_speaking_for_a_delegation_commits(analyzer: Analyzer) -> None:
    text = ("The President: I now give the floor to the representative of Denmark.\n"
            "Mr. Rasmussen (Denmark): Denmark will fund a repair-ship registry.\n"
            "The President: I now make a statement in my capacity as the representative of Malta. Malta will host a "
            "cable-resilience workshop in Valletta in May.\n"
            "The President: We will suspend for five minutes.\n")
    assert _actions(analyzer, text) == ["fund", "host"]


def test_an_interviewee_addressed_as_minister_speaks_for_the_side(analyzer: Analyzer) -> None:
    """Plain-name labels: the host's "Good morning, Minister" tells who holds the office."""
    text = ("HOST: Good morning, Minister, and welcome to the studio. KOFI MENSAH: Good morning.\n"
            "HOST: The power company owes billions. Will the state take over that debt?\n"
            "KOFI MENSAH: What I can say is that the Ministry of Finance will clear the arrears to gas suppliers by "
            "the end of June.\n"
            "HOST: And the analysts?\n"
            "KOFI MENSAH: Analysts say many things.\n")
    turns = speaker_turns(text)
    assert all(t.official for t in turns if t.speaker == "KOFI MENSAH")
    (c,) = _found(analyzer, text)
    assert c["action"] == "clear" and "June" in str(c["when"])


def test_a_long_office_label_names_its_holder() -> None:
    text = ("1. Rupa Huq (Ealing Central and Acton) (Lab): What recent discussions she has had with Dhaka.\n"
            "The Secretary of State for Foreign, Commonwealth and Development Affairs (Yvette Cooper): Thank you.\n"
            "Dr Huq: Will the Foreign Secretary press the regime?\n"
            "Yvette Cooper: We will fund the camps this year.\n")
    turns = speaker_turns(text)
    assert [t.role for t in turns] == [ANSWER, QUESTION, ANSWER]
    assert turns[0].official and turns[-1].official
