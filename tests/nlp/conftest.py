"""Shared fixtures for the NLP tests: one analyser per session (the model loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.nlp.analyzer import Analyzer, create_analyzer

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "data" / "gold"
ROUND3_DIR = REPO / "tests" / "data" / "gold_round3"  # issue 14 genres and regions
SHARED_SAMPLES = REPO / "tests" / "data" / "samples"  # a copy of the shared sample


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The default analyser (model + domain resources)."""
    return create_analyzer()


def entity_pairs(analyzer: Analyzer, text: str) -> set[tuple[str, str]]:
    """The (text, label) of every entity the analyser tags in ``text``: what the officer sees highlighted."""
    return {(e.text, e.label) for e in analyzer.analyze(text).entities}
