"""One definition of transcript furniture (briefing_app/nlp/transcript.py): speaker labels (office labels with the
holder in brackets, short labels said again, labels said again mid-line), chair labels, office words and the role
a label gives its turn -- and every reader (pillars, the document's topic, commitment turns) agreeing on it.

Texts are made up, not from any gold set."""

from __future__ import annotations

import pytest

from briefing_app.nlp import pillar_topic
from briefing_app.nlp.chunking import sentence_spans
from briefing_app.nlp.commitment_turns import speaker_turns
from briefing_app.nlp.pillars import default_scorer
from briefing_app.nlp.transcript import (
    CHAIR,
    OFFICE,
    QUESTION,
    is_chair,
    label_head,
    label_role,
    speaker_labels,
)


def _labels(text: str) -> dict[str, list[str]]:
    """Each label's text -> the names it gives."""
    return {text[lab.start:lab.end]: [text[s:e] for s, e in lab.names] for lab in speaker_labels(text)}


def test_role_and_capitals_labels():
    text = "MODERATOR: Welcome to the briefing.\nCOMMANDER OTUNGE: The patrols resume on Monday.\n"
    assert _labels(text) == {"MODERATOR: ": [], "COMMANDER OTUNGE: ": ["OTUNGE"]}


def test_hansard_office_label_names_its_holder():
    text = ("Mr ROE (Hume): What steps is the Government taking?\n"
            "The Secretary of State for Foreign, Commonwealth and Development Affairs (Jane Doe): We will reopen the "
            "embassy.\n")
    labels = _labels(text)
    office = "The Secretary of State for Foreign, Commonwealth and Development Affairs (Jane Doe): "
    assert labels[office] == ["Jane Doe"]
    lab = next(x for x in speaker_labels(text) if text[x.start:x.end] == office)
    # the office's words are roles (never an entity), the holder is the name
    assert {text[s:e] for s, e in lab.roles} >= {"Secretary", "State", "Foreign,", "Affairs"}


def test_office_label_with_holder_in_capitals():
    text = "THE MINISTER OF POWER (SHRI ARJUN VERMA): The grid line will be ready in June.\n"
    assert _labels(text) == {"THE MINISTER OF POWER (SHRI ARJUN VERMA): ": ["ARJUN VERMA"]}


def test_short_label_named_by_a_fuller_label_or_said_again():
    text = ("The Minister of State, Foreign Office (Jane Doe): The embassy reopens in March.\n"
            "Mr ROE (Hume): And the consulate?\n"
            "Jane Doe: Later this year.\n"
            "Ruth Abbot: A point of order.\n"
            "Ruth Abbot: I withdraw it.\n")
    labels = _labels(text)
    assert "Jane Doe: " in labels  # the fuller label introduced her
    assert list(labels).count("Ruth Abbot: ") == 1  # said twice: both lines are turns
    assert sum(1 for lab in speaker_labels(text) if text[lab.start:lab.end] == "Ruth Abbot: ") == 2


def test_label_said_again_inside_a_line():
    text = ("Senator ROE: Will the ferry run next year? Senator WONG: Yes. It will.\n"
            "Senator WONG: We will fund it.\n")
    heads = [label_head(text, lab) for lab in speaker_labels(text)]
    assert heads == ["Senator ROE", "Senator WONG", "Senator WONG"]


def test_a_colon_headline_is_no_label():
    text = ("The Ruritanian Gas Pipeline: where the project stands\n\n"
            "THE MINISTER: The pipeline will be finished in 2027.\n"
            "REPORTER: When will gas flow?\n")
    assert list(_labels(text)) == ["THE MINISTER: ", "REPORTER: "]


@pytest.mark.parametrize("head", ["The Speaker", "THE SPEAKER", "MADAM CHAIR", "Madam Deputy Speaker",
                                  "The Presiding Officer", "Chairperson Jane Doe", "MODERATOR", "The President",
                                  "President", "Hon. Speaker", "Vice-President Jan Roe", "An Cathaoirleach"])
def test_chair_labels(head):
    assert is_chair(head) and label_role(head) == CHAIR


@pytest.mark.parametrize("head", ["PRESIDENT RUTO", "The Minister", "Senator WONG", "Q"])
def test_not_chair_labels(head):
    assert not is_chair(head)


def test_questioner_labels():
    assert label_role("Q") == QUESTION
    assert label_role("REPORTER") == QUESTION
    assert label_role("Interviewer") == QUESTION
    assert label_role("Minister Jane Doe") is None


def test_office_words():
    for label in ("Tánaiste", "The Secretary of State for Defence", "Senator WONG (South Australia—Minister for "
                  "Foreign Affairs)", "Head of Government", "SPOKESPERSON"):
        assert OFFICE.search(label), label
    for label in ("Senator WONG", "Mr ROE (Hume)", "Deputy Mary Roe"):
        assert not OFFICE.search(label), label


HANSARD = """Oral Answers to Questions

Mr ROE (Hume): What steps is the Government taking to reopen the embassy in Ruritania?
The Minister of State for Foreign, Commonwealth and Development Affairs (Jane Doe): We will reopen the embassy in Ruritania in March. Our consular staff will return first.
Mr ROE (Hume): Will the Minister meet the families of the detained fishermen?
Jane Doe: Yes. I will meet them next week, and we will press Ruritania for their release.
The Presiding Officer: Order. I call the shadow Foreign Secretary.
Mr POE (Kent): The fishermen have waited two years for consular visits and legal aid.
"""


def test_passages_topic_and_commitment_turns_agree_on_turns(monkeypatch):
    """The pillar scorer, the document's topic and the commitment extractor see the same turns, the same chair and
    the same stripped words (the old code: the office label and the short label were turns for commitments only,
    the presiding officer a chair for commitments only)."""
    built: list[pillar_topic.DocumentTopic] = []
    original = pillar_topic.DocumentTopic.build.__func__  # type: ignore[attr-defined]

    def spy(cls, *args, **kwargs):
        topic = original(cls, *args, **kwargs)
        built.append(topic)
        return topic

    monkeypatch.setattr(pillar_topic.DocumentTopic, "build", classmethod(spy))
    text = HANSARD
    spans = sentence_spans(text)
    default_scorer().passages(text, [(s, e, []) for s, e in spans])
    topic = built[0]
    turns = speaker_turns(text)
    assert len(turns) == 6
    opening = {s for s, _ in spans if any(t.start == s for t in turns)}
    # every turn opens a sentence the topic knows as a turn, and no other sentence is one
    assert set(topic.labels) & {s for s, _ in spans} == opening
    # the topic judges each turn's first sentence on the words after the label, as the commitment turn starts
    for t in turns:
        assert text[t.body:].startswith(topic.bodies[t.start].lstrip())
    # the chair's turn is the chair's for both
    chair_starts = {t.start for t in turns if t.role == CHAIR}
    assert chair_starts and chair_starts <= topic.chair
    assert not any(t.start in topic.chair for t in turns if t.role != CHAIR)


def test_the_extractor_closes_exactly_the_labels_colons():
    """The commitment extractor parses a turn with its label closed by a full stop ("Minister. We will ...") for the
    same labels, and only those: not a headline's or a sentence's colon ("The treaty is clear: ...")."""
    from briefing_app.nlp.commitments import _close_label

    text = HANSARD + "Jane Doe: The treaty is clear: Ruritania will free them.\n"
    labels = {lab.start: lab.end for lab in speaker_labels(text)}
    closed = {s for s, e in sentence_spans(text) if _close_label(text, s, e, labels) != text[s:e]}
    assert closed == {s for s, _ in sentence_spans(text) if s in labels}
    last = text.rindex("Jane Doe:")
    end = text.index("\n", last)
    assert _close_label(text, last, end, labels) == "Jane Doe. The treaty is clear: Ruritania will free them."
