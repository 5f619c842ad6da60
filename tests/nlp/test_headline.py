"""One definition of a headline (nlp/headline.py), shared by the pillar scorer, the speaker labels and the
commitments. Every text is made up."""

from __future__ import annotations

from dataclasses import replace

from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.headline import is_headline
from briefing_app.nlp.transcript import speaker_labels

BODY = "The Foreign Minister said on Monday that Ruritania will open a consulate in Freedonia by June.\n"


def _commitment_starts(analyzer: Analyzer, text: str) -> list[int]:
    return [c.start for c in replace(analyzer, find_commitments=True).analyze(text).commitments]


def test_headline_shape() -> None:
    assert is_headline("Ruritania and Freedonia sign port deal\n" + BODY, 0)
    assert is_headline("Donald J. Trump and the U.S. port deal\n" + BODY, 0)  # initials and "U.S." end nothing
    assert not is_headline("Ruritania signs. Freedonia waits\n" + BODY, 0)  # two sentences: prose
    assert not is_headline("Ruritania and Freedonia sign port deal.\n" + BODY, 0)  # a full stop: a sentence
    assert not is_headline("Ruritania and Freedonia sign port deal\n", 0)  # nothing after it
    assert not is_headline("A\nB\nC\nRuritania and Freedonia sign port deal\n" + BODY, 6)  # not near the top


def test_a_headline_with_initials_is_no_speaker_label() -> None:
    text = "PRESIDENT J. DOE: A NEW CHAPTER FOR THE GULF\n" + BODY
    assert speaker_labels(text) == []


def test_a_quoted_headline_is_not_a_commitment_twice(analyzer: Analyzer) -> None:
    text = "\u201cRuritania will open a consulate in Freedonia by June\u201d\n" + BODY
    starts = _commitment_starts(analyzer, text)
    assert starts and all(s > text.index("\n") for s in starts)


def test_a_headline_under_a_letterhead_is_not_a_commitment_twice(analyzer: Analyzer) -> None:
    text = "MINISTRY OF FOREIGN AFFAIRS\nRuritania will open a consulate in Freedonia by June\n" + BODY
    starts = _commitment_starts(analyzer, text)
    assert starts and all(s > text.index("by June\n") for s in starts)
