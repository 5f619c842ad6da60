"""The Key actors table of a briefing: one row per real person or body across the cited articles (issue 15).

Which mentions are the same actor is decided in one place, :func:`identity_of`: a mention's key is the
entity identity's (:func:`briefing_app.domain.identity.entity_key`, the rule every layer uses), joined by the
officer's renames and merges in ``CanonicalEntity``, the gazetteer, and the surname rule applied across
articles.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlmodel import col, select

from briefing_app.domain.identity import entity_key, surface_key
from briefing_app.domain.models import Annotation, AnnotationKind, AnnotationStatus, Article, CanonicalEntity
from briefing_app.export import model as doc_model
from briefing_app.nlp.gazetteer import default_gazetteer
from briefing_app.nlp.titles import surname_of
from briefing_app.storage.database import Database

ACTOR_TYPES: dict[str, str] = {
    "PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Place", "FAC": "Place",
    "LAW": "Initiative", "EVENT": "Event",
}
# Actors first, the places they act in last: a reader looks for who, then what, then where.
# (NORP - "Australian", "Indian" - names no actor and is left out.)
ACTOR_RANK = {"Person": 0, "Organisation": 1, "Initiative": 2, "Event": 3, "Place": 4}
#: When choosing which entities fill the table, a mention of a person counts more than one of a place.
ACTOR_WEIGHT = {"Person": 2.0, "Organisation": 1.5, "Initiative": 1.25, "Event": 1.25, "Place": 1.0}


#: Forms of address a tagger may give as a role: they say nothing of what the person does.
HONORIFICS = frozenset({"shri", "smt", "sri", "shrimati", "kumari", "mr", "mrs", "ms", "miss", "dr", "sir", "dame",
                        "hon", "honourable", "h.e", "his excellency", "her excellency", "excellency", "mx"})


#: Short forms of a role written out in the table ("PM Modi" is the Prime Minister).
ROLE_ABBREVIATIONS = {"PM": "Prime Minister", "FM": "Foreign Minister", "EAM": "External Affairs Minister",
                      "NSA": "National Security Adviser", "CM": "Chief Minister", "DPM": "Deputy Prime Minister"}


@dataclass
class _Actor:
    key: str
    label: str
    names: Counter[str] = field(default_factory=Counter)
    official: str = ""  # the officer's or the gazetteer's name
    mentions: int = 0
    articles: set[int] = field(default_factory=set)
    roles: list[tuple[str, str, int]] = field(default_factory=list)  # (published, role, article id)


def identity_of(db: Database, anns: list[Annotation]) -> dict[int, tuple[str, str]]:
    """Annotation id -> (identity key, official name or "") for entity mentions of several articles.

    The officer's merges and renames win, then the gazetteer ("Joseph R. Biden" and "Joe Biden" are one
    entry), then a surname or short name alone joins the one full name of the same person in the cited
    articles ("Modi" -> "Narendra Modi"; two people called Singh stay apart).
    """
    with db.session() as session:
        officer = {row.key: row for row in session.exec(select(CanonicalEntity)).all()}
    gazetteer = default_gazetteer()
    out: dict[int, tuple[str, str]] = {}
    for ann in anns:
        key = ann.entity_id or entity_key(ann.label, ann.text)
        name = officer[key].name if key in officer else ""
        if key not in officer:
            entry = gazetteer.lookup(ann.text)
            if entry is not None and entry.label == ann.label:
                key, name = entry.entity_id, entry.name
                if key in officer:  # the officer renamed the gazetteer's entity
                    name = officer[key].name
        out[ann.id or 0] = (key, name)
    # Surnames across articles: a one-word person joins the unique full name ending with it.
    particles = frozenset(getattr(gazetteer, "name_particles", []) or [])
    full: dict[str, set[str]] = defaultdict(set)
    for ann in anns:
        if ann.label != "PERSON":
            continue
        key, name = out[ann.id or 0]
        surname = surname_of(name or ann.text, particles)
        if surname:
            full[surface_key(surname)].add(key)
    for ann in anns:
        key, name = out[ann.id or 0]
        if ann.label == "PERSON" and len(ann.text.split()) == 1:
            owners = full.get(surface_key(ann.text), set()) - {key}
            if len(owners) == 1:
                out[ann.id or 0] = (next(iter(owners)), "")
    return out


def key_actors(db: Database, article_ids: list[int], note_date: str = "", edits: dict[str, dict] | None = None,
               limit: int = 15) -> list[doc_model.KeyActor]:
    """The most mentioned actors of the articles, merged, with their stated role (dated when older)."""
    if not article_ids:
        return []
    edits = edits or {}
    with db.session() as session:
        anns = list(session.exec(
            select(Annotation).where(
                col(Annotation.article_id).in_(article_ids), Annotation.kind == AnnotationKind.ENTITY,
                Annotation.status != AnnotationStatus.REJECTED, col(Annotation.label).in_(list(ACTOR_TYPES)),
            )
        ).all())
        published = {a.id: a.published for a in session.exec(select(Article).where(col(Article.id).in_(article_ids)))}
    ids = identity_of(db, anns)
    actors: dict[str, _Actor] = {}
    for ann in anns:
        key, official = ids[ann.id or 0]
        actor = actors.setdefault(key, _Actor(key, ann.label))
        actor.mentions += 1
        actor.articles.add(ann.article_id)
        actor.names[ann.text] += len(ann.text)  # prefer the longest frequent surface form
        actor.official = actor.official or official
        if ann.role:
            actor.roles.append((published.get(ann.article_id, "") or "", ann.role, ann.article_id))

    def kind(actor: _Actor) -> str:
        return ACTOR_TYPES.get(actor.label, actor.label)

    def weight(actor: _Actor) -> float:
        return ACTOR_WEIGHT.get(kind(actor), 1.0) * (actor.mentions + (1.0 if actor.roles else 0.0))

    shown = [a for a in actors.values() if not edits.get(a.key, {}).get("removed")]
    ranked = sorted(shown, key=lambda a: (-weight(a), -len(a.articles), ACTOR_RANK.get(kind(a), 9), a.key))[:limit]
    ranked.sort(key=lambda a: ACTOR_RANK.get(kind(a), 9))  # stable: by weight within a type
    rows = []
    for actor in ranked:
        edit = edits.get(actor.key, {})
        name = edit.get("name") or actor.official or actor.names.most_common(1)[0][0]
        role = edit["role"] if "role" in edit else stated_role(actor.roles, note_date)
        rows.append(doc_model.KeyActor(name=name, type=kind(actor), role=role, mentions=actor.mentions,
                                       articles=len(actor.articles), key=actor.key))
    return rows


def stated_role(roles: list[tuple[str, str, int]], note_date: str) -> str:
    """The role given in the newest cited article; its year added when that article predates the note's year."""
    roles = [(p, r, a) for p, r, a in roles if r.strip(" .").casefold() not in HONORIFICS]
    if not roles:
        return ""
    newest = max(p for p, _r, _a in roles)
    counts = Counter(ROLE_ABBREVIATIONS.get(r.strip(), r) for p, r, _a in roles if p == newest)
    role = counts.most_common(1)[0][0]
    if newest[:4].isdigit() and note_date[:4].isdigit() and newest[:4] < note_date[:4]:
        role = f"{role} ({newest[:4]})"
    return role


def load_edits(stored: object) -> dict[str, dict]:
    """The officer's key-actor edits stored with a briefing (a JSON column), copied; anything else reads as none."""
    if not isinstance(stored, dict):
        return {}
    return {str(k): dict(v) for k, v in stored.items() if isinstance(v, dict)}
