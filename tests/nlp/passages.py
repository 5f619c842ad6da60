"""The passage a sentence falls in, for the pillar tests on made-up text."""

from __future__ import annotations

from typing import Any

from briefing_app.nlp.types import Passage


def passage_at(analyzer: Any, text: str, sentence_start: str) -> Passage:
    """The analysed passage of ``text`` holding the sentence that starts with ``sentence_start``."""
    result = analyzer.analyze(text)
    at = text.index(sentence_start)
    return next(p for p in result.passages if p.start <= at < p.end)


def pillars_of(analyzer: Any, text: str, sentence_start: str) -> list[str]:
    """The pillars of that passage."""
    return passage_at(analyzer, text, sentence_start).pillars
