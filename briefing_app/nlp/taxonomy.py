"""The pillar taxonomy (ids, names, colours, keyword lexicon) read from ``briefing_app/resources/pillars.json``."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from briefing_app.resources import resource_file

#: Stable pillar ids in their default order (DESIGN §3).
PILLAR_IDS: tuple[str, ...] = (
    "defence", "security", "trade", "technology", "energy", "health", "people", "diplomacy",
)


@dataclass(slots=True)
class PillarDef:
    """One pillar of the taxonomy."""

    id: str
    name: str
    colour: str
    description: str = ""
    keywords: dict[str, float] = field(default_factory=dict)
    #: Ambiguous words ("deal", "contract", "exercise") that only add weight when the passage already
    #: has an unambiguous cue for this pillar.
    context_keywords: dict[str, float] = field(default_factory=dict)


@functools.cache
def context_pillar() -> str:
    """The bundled taxonomy's context pillar (``scoring.context_pillar``: diplomacy, engagement between states). It
    never suppresses a topical pillar: a sentence carrying both is about its topic, and is filed under it."""
    return str(load_scoring().get("context_pillar", ""))


def load_scoring(path: str | Path | None = None) -> dict[str, float | str]:
    """The ``scoring`` block of ``pillars.json`` (threshold, relative cut, cue weights...); may be empty."""
    source: Traversable = Path(path) if path else resource_file("pillars.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    return {str(k): v if isinstance(v, str) else float(v) for k, v in data.get("scoring", {}).items()}


def load_taxonomy(path: str | Path | None = None) -> list[PillarDef]:
    """Read the taxonomy file (default: the bundled ``pillars.json``), in file order."""
    source: Traversable = Path(path) if path else resource_file("pillars.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    pillars = []
    for raw in data["pillars"]:
        pillars.append(
            PillarDef(
                id=str(raw["id"]),
                name=str(raw.get("name", raw["id"].title())),
                colour=str(raw.get("colour", "#777777")),
                description=str(raw.get("description", "")),
                keywords={str(k): float(v) for k, v in raw.get("keywords", {}).items()},
                context_keywords={str(k): float(v) for k, v in raw.get("context_keywords", {}).items()},
            )
        )
    return pillars
