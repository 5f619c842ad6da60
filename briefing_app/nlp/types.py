"""Plain result types of analysis; the JSON contract of DESIGN §3 is built from these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

#: Labels shown by default in the GUI and exported (DESIGN §3).
SHOWN_LABELS: tuple[str, ...] = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "DATE", "EVENT", "LAW", "MONEY", "PERCENT",
)
#: Labels the model produces that are hidden by default (noise for briefings).
HIDDEN_LABELS: tuple[str, ...] = (
    "CARDINAL", "ORDINAL", "QUANTITY", "TIME", "PRODUCT", "WORK_OF_ART", "LANGUAGE",
)
ALL_LABELS: tuple[str, ...] = SHOWN_LABELS + HIDDEN_LABELS

#: Where an annotation came from.
ORIGINS: tuple[str, ...] = ("model", "gazetteer", "learned", "user")

ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done_chars, total_chars)`` while a long text is analysed."""
CancelCheck = Callable[[], bool]
"""Returns True when the caller wants the analysis abandoned."""


class AnalysisCancelled(Exception):
    """Raised when a :data:`CancelCheck` asked to stop."""


@dataclass(slots=True)
class EntitySpan:
    """One entity mention; ``text == full_text[start:end]`` always holds."""

    start: int
    end: int
    label: str
    text: str
    source: str = "model"  # model | gazetteer | learned | user
    entity_id: str = ""  # canonical entity key, shared by aliases
    confidence: float = 1.0
    role: str = ""  # title/role for PERSON spans ("Prime Minister")
    why: str = ""  # why it was suggested, when a lesson decided it ("learned from your correction in ...")

    def to_json(self) -> dict[str, Any]:
        """JSON object of the analyze contract."""
        return {
            "start": self.start, "end": self.end, "label": self.label, "text": self.text,
            "source": self.source, "entity_id": self.entity_id,
        }


@dataclass(slots=True)
class Passage:
    """One sentence (or headline/bullet) and the pillars it belongs to."""

    start: int
    end: int
    pillars: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    why: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """JSON object of the analyze contract."""
        return asdict(self)


@dataclass(slots=True)
class AnalysisResult:
    """Everything the analyser found in one normalised text."""

    text: str
    entities: list[EntitySpan] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    mode: str = "model"  # "model" or "rules-only" when no spaCy model could load
    commitments: list[Any] = field(default_factory=list)  # nlp.commitments.Commitment (no import cycle)

    def to_json(self) -> dict[str, Any]:
        """The exact object `briefing-app analyze` prints."""
        return {
            "text": self.text,
            "entities": [e.to_json() for e in self.entities],
            "passages": [p.to_json() for p in self.passages],
            "commitments": [c.to_json() for c in self.commitments],
        }
