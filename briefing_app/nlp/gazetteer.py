"""The domain gazetteer (``briefing_app/resources/gazetteer.json``): canonical names, aliases and patterns."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path

from briefing_app.domain.identity import entity_key, surface_key
from briefing_app.resources import resource_root

#: Sections of the gazetteer file that hold entries, in file order.
ENTRY_SECTIONS: tuple[str, ...] = (
    "countries", "cities", "regions", "organisations", "offices", "initiatives", "people", "nationalities",
)
SPANS_KEY = "gazetteer"


@dataclass(slots=True)
class GazEntry:
    """One canonical name with its label, aliases and optional pillar cues."""

    name: str
    label: str
    section: str
    aliases: list[str] = field(default_factory=list)
    pillars: list[str] = field(default_factory=list)

    @property
    def entity_id(self) -> str:
        """Canonical key shared by every alias (domain.identity owns the formula)."""
        return entity_key(self.label, self.name)


def alias_key(text: str) -> str:
    """Lookup key of a surface form (domain.identity.surface_key: case-folded, no dots, no 'the')."""
    return surface_key(text)


def surface_variants(alias: str) -> list[str]:
    """Spellings matched for one alias: as written, curly/straight apostrophe, dash variants, ALL CAPS."""
    variants = {alias}
    for v in list(variants):
        if "'" in v:
            variants.add(v.replace("'", "\u2019"))
        if "\u2019" in v:
            variants.add(v.replace("\u2019", "'"))
    for v in list(variants):
        if re.search(r"\w-\w", v):
            variants.add(re.sub(r"(?<=\w)-(?=\w)", "\u2013", v))
    for v in list(variants):
        if any(c.islower() for c in v) and len(v) >= 4:
            variants.add(v.upper())
    return sorted(variants)


@dataclass(slots=True)
class Gazetteer:
    """All gazetteer data plus lookup indexes."""

    entries: list[GazEntry]
    not_entities: set[str]
    titles: list[str]
    title_heads: list[str]
    honorifics: list[str]
    name_particles: list[str]
    index: dict[str, GazEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for alias in [entry.name, *entry.aliases]:
                self.index.setdefault(alias_key(alias), entry)

    def lookup(self, text: str) -> GazEntry | None:
        """The entry whose name or alias is ``text`` (case/dot/dash-insensitive), if any."""
        return self.index.get(alias_key(text))

    def is_state(self, text: str) -> bool:
        """True when ``text`` is a state's name or alias (the "countries" section): states are all known, so a name
        listed beside one that the list does not know is a firm, a person or a town as often as another state."""
        entry = self.lookup(text)
        return entry is not None and entry.section == "countries"

    def patterns(self) -> list[dict[str, str]]:
        """Phrase patterns for a spaCy ``span_ruler`` (``id`` = canonical entity id)."""
        out = []
        for entry in self.entries:
            names = [entry.name, *entry.aliases]
            keys = {alias_key(a) for a in names if not a.casefold().startswith("the ")}
            for alias in names:
                if alias.casefold().startswith("the ") and alias_key(alias) in keys:
                    continue  # 'the' is not part of the span; the bare alias is listed too
                for variant in surface_variants(alias):
                    out.append({"label": entry.label, "pattern": variant, "id": entry.entity_id})
        return out


def _read_entries(data: dict, entries: list[GazEntry], claimed: dict[str, GazEntry]) -> None:
    """Append the entries of one gazetteer file; a surface form already defined keeps its first meaning.

    An entry whose name is already known with the same label only contributes new aliases
    to that entry (so a broad world file can extend the curated one without duplicates).
    """
    for section in ENTRY_SECTIONS:
        for raw in data.get(section, []):
            name, label = str(raw["name"]), str(raw["label"])
            aliases = [str(a) for a in raw.get("aliases", [])]
            pillars = [str(p) for p in raw.get("pillars", [])]
            known = claimed.get(alias_key(name))
            if known is not None and known.label == label:
                for alias in [name, *aliases]:
                    if alias_key(alias) not in claimed:
                        known.aliases.append(alias)
                        claimed[alias_key(alias)] = known
                known.pillars.extend(p for p in pillars if p not in known.pillars)
                continue
            forms = [a for a in dict.fromkeys([name, *aliases]) if alias_key(a) not in claimed]
            if not forms:
                continue
            entry = GazEntry(name=forms[0], label=label, section=section, aliases=forms[1:], pillars=pillars)
            entries.append(entry)
            for alias in forms:
                claimed.setdefault(alias_key(alias), entry)


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Read the gazetteer file (default: the bundled ``gazetteer.json``) and the files it includes.

    ``"include": ["gazetteer_world.json", ...]`` names further files (relative to the main
    one) with the same entry sections; they are merged after the main file's entries.
    """
    # The bundled files are package data (importlib.resources); a given path is a plain file.
    folder: Traversable = Path(path).parent if path else resource_root()
    source = Path(path) if path else folder / "gazetteer.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    entries: list[GazEntry] = []
    claimed: dict[str, GazEntry] = {}
    _read_entries(data, entries, claimed)
    for name in data.get("include", []):
        extra = folder / str(name)
        if extra.is_file():
            _read_entries(json.loads(extra.read_text(encoding="utf-8")), entries, claimed)
    return Gazetteer(
        entries=entries,
        not_entities={str(s) for s in data.get("not_entities", [])},
        titles=[str(s) for s in data.get("titles", [])],
        title_heads=[str(s) for s in data.get("title_heads", [])],
        honorifics=[str(s) for s in data.get("honorifics", [])],
        name_particles=[str(s) for s in data.get("name_particles", [])],
    )


@cache
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    return load_gazetteer()
