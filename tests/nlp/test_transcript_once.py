"""One definition of transcript furniture, found once: an analysis searches a text's speaker labels a single time
and hands them to the entity clean-up, the pillar scorer and the commitments (their sentences and their turns).
Every text is made up.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from briefing_app.nlp import cleanup, commitment_turns, commitments, pillars, pipeline, transcript
from briefing_app.nlp.analyzer import Analyzer

BRIEFING = (
    "MODERATOR: Good afternoon. The Minister will take two questions.\n"
    "Q: Will Ruritania sign the port agreement with Freedonia this year?\n"
    "MINISTER ODUYA: Yes. We will sign the port agreement in March and open the new terminal by June.\n"
    "Q: And the loan?\n"
    "MINISTER ODUYA: The Development Bank will finance the second berth.\n"
)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every search for speaker labels, whichever module starts it."""
    calls: list[str] = []
    real = transcript.speaker_labels

    def counting(text: str) -> list[transcript.SpeakerLabel]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(transcript, "speaker_labels", counting)
    for module in (commitment_turns, commitments, pillars, pipeline):
        if hasattr(module, "speaker_labels"):
            monkeypatch.setattr(module, "speaker_labels", counting)
    assert cleanup.transcript is transcript
    return calls


@pytest.mark.parametrize("domain", [True, False])
def test_an_analysis_searches_speaker_labels_once(analyzer: Analyzer, counted: list[str], domain: bool) -> None:
    result: Any = replace(analyzer, find_commitments=True, use_domain=domain).analyze(BRIEFING)
    assert len(counted) == 1
    # the labels found once still shape every stage: the minister's answer commits, the reporter's question does not
    assert any("sign" in c.action for c in result.commitments)
    if domain:
        assert not any(e.text.startswith(("MODERATOR", "Q")) for e in result.entities)


def test_labels_need_no_guard_of_the_caller() -> None:
    # a European Parliament verbatim record with an em dash and no colon: the labels are found all the same
    text = ("President. — The next item is the debate on critical raw materials.\n"
            "Jane Doe, on behalf of the PPE Group. — Mr President, Europe will build its own refineries.\n"
            "President. — The debate is closed.\n")
    assert len(transcript.speaker_labels(text)) == 3
    assert transcript.speaker_labels("A text with no label at all. None.") == []


def test_formulas_of_procedure_live_beside_the_procedural_phrases() -> None:
    assert transcript.is_formula("The meeting rose at 1.20 p.m.")
    assert transcript.is_formula("Will the Minister give way?")
    assert transcript.is_formula("Good morning, Minister, and welcome to the studio.", greetings=True)
    assert not transcript.is_formula("Good morning, Minister, and welcome to the studio.")  # outside a transcript
    assert not transcript.is_formula("Thank you for the gas deal.", greetings=True)
