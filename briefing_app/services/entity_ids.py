"""Which entity a name the officer tags by hand belongs to (the same answer the analyser gives).

Order of authority, as in ``nlp.aliases.assign_entity_ids``: the officer's merges (a surface
listed among a canonical entity's aliases), then the gazetteer ("MEA" is the Ministry of
External Affairs, "U.S." the United States), else the name's own key (``domain.identity``).
"""

from __future__ import annotations

from sqlmodel import Session, select

from briefing_app.domain.identity import entity_key, label_of, labels_compatible, surface_key
from briefing_app.domain.models import CanonicalEntity
from briefing_app.nlp.gazetteer import Gazetteer, default_gazetteer


def resolve_entity_id(session: Session, label: str, surface: str, gazetteer: Gazetteer | None = None) -> str:
    """The entity key a mention ``surface`` labelled ``label`` gets."""
    wanted = surface_key(surface)
    for row in session.exec(select(CanonicalEntity)):
        if not labels_compatible(label_of(row.key), label):
            continue
        if surface_key(row.name) == wanted or any(surface_key(a) == wanted for a in row.aliases):
            return row.key
    entry = (gazetteer or default_gazetteer()).lookup(surface)
    if entry is not None and labels_compatible(entry.label, label):
        return entry.entity_id
    return entity_key(label, surface)
