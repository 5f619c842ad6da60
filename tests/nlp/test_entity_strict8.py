"""Exact entity boundaries and classes, eighth round (issue 14, strict F1 on text the rules were never tuned on):
the strict errors of all development sets pooled, each test one general class of error seen in two or more sets or
genres, checked on a made-up text of that class."""

from __future__ import annotations

from tests.nlp.conftest import entity_pairs as _ents


def test_an_article_or_demonstrative_before_a_name_stays_out_of_it(analyzer):
    text = ("The Lagoon Party pushed in this Government of National Unity for private power. "
            "The Board decided to establish a Lake Basin Humanitarian Window within the Regional Solidarity Fund.")
    ents = _ents(analyzer, text)
    assert ("Government of National Unity", "ORG") in ents, ents
    assert not any(t.startswith(("this ", "a ", "an ")) for t, _ in ents), ents


def test_a_funds_named_window_is_a_programme(analyzer):
    text = ("The Fund will provide US$30 million as the first capital of a Coastal Recovery Window, which the "
            "Council will open in May. Ruritania also asked for money from the Lake Basin Humanitarian Window.")
    ents = _ents(analyzer, text)
    assert {("Coastal Recovery Window", "LAW"), ("Lake Basin Humanitarian Window", "LAW")} <= ents, ents
