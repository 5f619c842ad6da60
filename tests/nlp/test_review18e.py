"""Adversarial review of round 18's entity rules: made-up sentences where a rule must not fire."""
from __future__ import annotations

import pytest

from briefing_app.nlp.analyzer import create_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return create_analyzer(None)


def _label(analyzer, text: str, surface: str) -> str | None:
    for e in analyzer.analyze(text).entities:
        if text[e.start:e.end] == surface:
            return e.label
    return None


@pytest.mark.parametrize("text, surface", [
    ('"We are ready," said Anna Mali, 34, a teacher.', "Anna Mali"),
    ("Jack Norway, 52, was arrested on Tuesday.", "Jack Norway"),
    ("Mrs Ama Ghana, the headteacher, said the school would reopen.", "Mrs Ama Ghana"),
])
def test_quoted_or_aged_person_ending_in_a_country_stays_a_person(analyzer, text: str, surface: str) -> None:
    """A speech verb before the name or an age after it shows a person, not a company named after its country."""
    assert _label(analyzer, text, surface) == "PERSON"


@pytest.mark.parametrize("text", [
    "Sales of the ABC-100 product line fell.",
    "The ABC-100 line of printers sold well.",
])
def test_coded_product_line_is_no_initiative(analyzer, text: str) -> None:
    """A product line or a "line of" goods is a range of products, not a coded project."""
    assert _label(analyzer, text, "ABC-100") != "LAW"


def test_title_case_heading_going_on_after_a_platform_head_is_no_body(analyzer) -> None:
    """A capitalised word after 'Lab' shows a title-case heading's sentence, not a body's name ending in its head."""
    text = "Nigeria Lab Results Show Rise In Cholera"
    assert not any(e.label == "ORG" and text[e.start:e.end].startswith("Nigeria Lab")
                   for e in analyzer.analyze(text).entities)


def test_known_body_and_its_known_organ_after_a_dash_stay_two(analyzer) -> None:
    """An acronym and a name the gazetteer knows as two bodies are a body and its organ, not one acronym-dash name."""
    text = "Diplomats said the UN – Human Rights Council – would vote on Friday."
    spans = {text[e.start:e.end] for e in analyzer.analyze(text).entities}
    assert "UN – Human Rights Council" not in spans and "Human Rights Council" in spans
