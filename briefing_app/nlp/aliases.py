"""Canonical entity ids shared by aliases ("PM Modi", "Narendra Modi", "Modi" -> "PERSON:narendra modi")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing_app.domain.identity import entity_key, labels_compatible, surface_key
from briefing_app.nlp.gazetteer import Gazetteer
from briefing_app.nlp.titles import surname_of
from briefing_app.nlp.types import EntitySpan

_SPACES = re.compile(r"\s+")


def canonical_text(text: str) -> str:
    """Surface text reduced to an id key (domain.identity.surface_key)."""
    return surface_key(text)


def assign_entity_ids(entities: Sequence[EntitySpan], gazetteer: Gazetteer, particles: frozenset[str],
                      officer_aliases: dict[str, str] | None = None,
                      acronyms: dict[str, str] | None = None,
                      officer_keys: dict[str, str] | None = None) -> None:
    """Set ``entity_id`` on every span, in place.

    Order of authority: the officer's merges (``officer_keys``: canonical surface -> the entity key it
    was merged into, which also gives the label; ``officer_aliases``: surface -> canonical name), the gazetteer, full names in the same
    text (a surname alone joins the unique full name ending with it), acronyms defined
    in the text ("Ministry of External Affairs (MEA)"), else the span's own text.
    """
    officer = {canonical_text(k): v for k, v in (officer_aliases or {}).items()}
    full_names: dict[str, set[str]] = {}
    for ent in entities:
        if ent.label == "PERSON":
            entry = gazetteer.lookup(ent.text)
            name = entry.name if entry is not None and entry.label == "PERSON" else ent.text
            surname = surname_of(_SPACES.sub(" ", ent.text), particles)
            if surname:
                full_names.setdefault(canonical_text(surname), set()).add(canonical_text(name))
    for ent in entities:
        key = canonical_text(ent.text)
        if officer_keys and key in officer_keys:
            ent.entity_id = officer_keys[key]
            ent.label = ent.entity_id.split(":", 1)[0] or ent.label
            continue
        if key in officer:
            ent.entity_id = entity_key(ent.label, officer[key])
            continue
        entry = gazetteer.lookup(ent.text)
        if entry is not None and labels_compatible(entry.label, ent.label):
            ent.entity_id = entry.entity_id
            continue
        if ent.label == "PERSON" and len(full_names.get(key, ())) == 1:
            ent.entity_id = entity_key("PERSON", next(iter(full_names[key])))
            continue
        if acronyms and key in acronyms:
            key = acronyms[key]
        ent.entity_id = entity_key(ent.label, key)
