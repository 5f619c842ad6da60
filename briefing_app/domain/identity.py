"""Entity identity: the one home of canonical entity keys and display names.

Every layer that names an entity calls this module: the analyser (gazetteer entries, spans it
finds), the services (a tag the officer adds by hand, the Entities panel, the key actors of a
briefing) and the lessons. An entity key is ``LABEL:surface key``, e.g. ``GPE:united states``.
Domain floor: imports nothing of the app.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")

#: Labels the analyser and the gazetteer treat as one kind of thing when matching names.
_COMPATIBLE: tuple[frozenset[str], ...] = (frozenset({"GPE", "LOC"}), frozenset({"LAW", "EVENT", "ORG"}))


def surface_key(text: str) -> str:
    """A surface form reduced to a key: one space, case-folded, no dots, plain dashes and apostrophes,
    no leading 'the', no possessive ("The U.S.'s" -> "us")."""
    key = _DASHES.sub("-", text).replace("\u2019", "'").replace(".", "")
    key = _SPACES.sub(" ", key).strip().casefold()
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    return key


def entity_key(label: str, name: str) -> str:
    """Canonical key of the entity called ``name`` with ``label`` ("GPE", "U.S." -> "GPE:us")."""
    return f"{label}:{surface_key(name)}"


def label_of(key: str) -> str:
    """The label part of an entity key ("PERSON:narendra modi" -> "PERSON")."""
    return key.split(":", 1)[0]


def name_of(key: str) -> str:
    """The name part of an entity key, the last resort for showing it."""
    return key.split(":", 1)[-1]


def labels_compatible(a: str, b: str) -> bool:
    """True when a name known with label ``a`` may be the entity a span labelled ``b`` refers to."""
    return a == b or any({a, b} <= group for group in _COMPATIBLE)


def display_name(officer_name: str | None, surfaces: Iterable[str]) -> str:
    """How an entity is shown in the Entities panel and the review (Key actors print the officer's name
    too, else the gazetteer's official one: :mod:`briefing_app.services.actors`).

    The officer's name (a rename) wins; without one, the fullest surface form among the
    mentions ("Narendra Modi" over "Modi"), the most frequent among equally long ones.
    """
    if officer_name:
        return officer_name
    counts = Counter(surfaces)
    if not counts:
        return ""
    return max(counts, key=lambda t: (len(t), counts[t]))
