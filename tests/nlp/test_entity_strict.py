"""Exact entity boundaries and classes on unseen genres (issue 14, strict F1): each test names one general class
of error the tagger made on development texts and checks a made-up text of that class."""

from __future__ import annotations


def _ents(analyzer, text):
    return {(e.text, e.label) for e in analyzer.analyze(text).entities}


def test_a_reporters_credit_names_a_person_and_an_outlet(analyzer):
    text = ("MINISTER OKAFOR: We will sign the accord in March.\n"
            "Q: Amara Tenbe, Lagos Courier. Will the border reopen?\n"
            "MINISTER OKAFOR: It will.\n"
            "Q: (Inaudible), Radio Zemba. Minister, what about fuel?\n"
            "Q: (Inaudible) The Harbour Gazette. And the port?\n"
            "Question: This is Ilse Varga from Danube Wire.\n")
    ents = _ents(analyzer, text)
    assert {("Amara Tenbe", "PERSON"), ("Lagos Courier", "ORG"), ("Radio Zemba", "ORG"),
            ("The Harbour Gazette", "ORG"), ("Ilse Varga", "PERSON"), ("Danube Wire", "ORG")} <= ents, ents


def test_a_question_addressing_someone_credits_no_one(analyzer):
    ents = _ents(analyzer, "Q: Prime Minister, Kenya hosted the talks. Why?\n")
    assert not any(label == "ORG" and "Kenya" in t for t, label in ents), ents
