"""Round-10 review: odd and long input for the round's new rules (made-up text)."""

from __future__ import annotations

import time

import pytest

from briefing_app.nlp.cleanup import _place_rules
from briefing_app.nlp.entities import Candidate
from briefing_app.nlp.gazetteer import default_gazetteer
from briefing_app.nlp.types import EntitySpan


def _listed(names: list[str], place: str) -> tuple[str, list[Candidate]]:
    """A comma list of model names (PERSON, as the model misreads unknown words) ending in ``place``."""
    text = ", ".join(names) + " and " + place
    merged, pos = [], 0
    for name in names:
        merged.append(Candidate(pos, pos + len(name), "PERSON", "model", 1.0))
        pos += len(name) + 2
    start = text.index(" and " + place) + 5
    merged.append(Candidate(start, start + len(place), "GPE", "model", 1.0))
    return text, merged


def test_a_place_class_runs_back_along_a_long_list_in_linear_time() -> None:
    g = default_gazetteer()
    # made-up names: none is a known place; the one place ends the list, so the class runs right to left
    names = [f"Zorv{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)}ul" for i in range(2000)]
    text, merged = _listed(names, "Paris")
    started = time.perf_counter()
    extra = _place_rules(text, merged, g)
    took = time.perf_counter() - started
    assert {(c.start, c.end) for c in extra if c.label == "GPE"} == {(c.start, c.end) for c in merged[:-1]}
    assert took < 3.0  # a sweep per name took ~30 s here


def test_a_short_list_still_takes_its_place_class_both_ways() -> None:
    g = default_gazetteer()
    text, merged = _listed(["Zorvel", "Quandor"], "Paris")  # right to left
    assert {text[c.start:c.end] for c in _place_rules(text, merged, g)} == {"Zorvel", "Quandor"}
    text = "Paris, Zorvel and Quandor"  # left to right
    merged = [Candidate(0, 5, "GPE", "model", 1.0), Candidate(7, 13, "PERSON", "model", 1.0),
              Candidate(18, 25, "PERSON", "model", 1.0)]
    assert {text[c.start:c.end] for c in _place_rules(text, merged, g)} == {"Zorvel", "Quandor"}


def test_a_sentence_ending_in_a_past_money_verb_is_no_crash() -> None:
    """"... China rolled" at a text's (or a line's) end: the verb has no next token to look at for "over"."""
    from briefing_app.nlp.commitments import extract_commitments, load_parser

    if load_parser() is None:
        pytest.skip("no parser model")
    entities = [EntitySpan(0, 5, "GPE", "China", "gazetteer", "gpe:china")]
    for text in ("China rolled", "The loans that China rolled"):
        assert extract_commitments(text, entities) == []
    found = extract_commitments("China rolled over US$2 billion", entities)
    assert [c.action for c in found] == ["roll"]


def test_the_sentence_sign_test_is_exact_and_fast_on_thousands_of_sentences() -> None:
    import math

    from briefing_app.nlp.pillar_calibration import sign_test

    for better, worse in ((0, 0), (3, 0), (0, 3), (5, 0), (7, 1), (8, 2), (40, 25), (120, 131)):
        n = better + worse
        exact = sum(math.comb(n, i) for i in range(better, n + 1)) / 2 ** n if n else 1.0
        assert sign_test(better, worse) == exact
    started = time.perf_counter()
    assert sign_test(10_000, 9_500) < 0.01
    assert time.perf_counter() - started < 2.0  # a comb() per term: ~15 s


def test_a_listed_act_keeps_its_offsets_when_its_first_letter_lowers_to_two() -> None:
    """"İ" lowers to two code points: the bullet parsed after "They will " must keep the text's offsets."""
    from briefing_app.nlp.commitments import extract_commitments, load_parser

    if load_parser() is None:
        pytest.skip("no parser model")
    text = "Japan will:\n• İncrease trade with Turkey by March 2030\n• Double flights to Ankara by July 2027"
    found = extract_commitments(text, [EntitySpan(0, 5, "GPE", "Japan", "gazetteer", "gpe:japan")])
    assert any(c.when == "July 2027" for c in found)  # (the plain item, as before)
    for c in found:
        assert c.end <= len(text)
        if c.when_start >= 0:
            assert text[c.when_start:c.when_end] == c.when


def test_a_long_pledge_roll_finds_its_parties_without_scanning_every_entity_per_line() -> None:
    from briefing_app.nlp.commitment_lists import pledge_rolls

    line = "• Japan: US$3 million and Norway\n"
    text = "Commitments:\n" + line * 6000
    entities, pos = [], len("Commitments:\n")
    for _ in range(6000):
        entities += [EntitySpan(pos + 2, pos + 7, "GPE", "Japan", "gazetteer", "gpe:japan"),
                     EntitySpan(pos + len(line) - 7, pos + len(line) - 1, "GPE", "Norway", "gazetteer", "gpe:norway"),
                     EntitySpan(pos + 9, pos + 20, "MONEY", "US$3 million", "model")]
        pos += len(line)
    started = time.perf_counter()
    found = pledge_rolls(text, [], entities, {})
    assert time.perf_counter() - started < 1.5  # every entity scanned per line: ~3.5 s
    assert len(found) == 6000 and all(c.who_ids == ["gpe:japan", "gpe:norway"] for c in found)


def test_a_heading_dated_in_may_still_heads_its_listed_acts() -> None:
    from briefing_app.nlp.commitments import extract_commitments, load_parser

    if load_parser() is None:
        pytest.skip("no parser model")
    items = "\n• expand direct flights between the capitals\n• open a consulate in Osaka"
    for heading, n in (("On 5 May, India and Japan agreed to:", 2), ("On 5 June, India and Japan agreed to:", 2),
                       ("India and Japan may agree to:", 0)):
        text = heading + items
        start = text.index("India")
        found = extract_commitments(text, [EntitySpan(start, start + 5, "GPE", "India", "gazetteer", "gpe:india")])
        assert len(found) == n, heading
