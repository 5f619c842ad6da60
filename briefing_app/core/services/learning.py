"""What the officer taught, gathered from the database for the analyser (DESIGN §1 flow 4)."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlmodel import select

from briefing_app.core.models import Annotation, CanonicalEntity
from briefing_app.nlp.corrections import Corrections
from briefing_app.storage.database import Database


def build_corrections(db: Database) -> Corrections:
    """Collect rejected spans, added names, relabels, aliases and tagged passages."""
    rejected: set[tuple[str, str]] = set()
    confirmed: set[tuple[str, str]] = set()
    added: dict[tuple[str, str], None] = {}
    relabelled: dict[str, str] = {}
    aliases: dict[str, str] = {}
    passages: dict[tuple[int, int, int], tuple[str, list[str]]] = {}
    with db.session() as session:
        for ann in session.exec(select(Annotation).where(Annotation.kind == "entity")):
            key = (ann.text, ann.label)
            if ann.status == "rejected":
                original = json.loads(ann.original) if ann.original else {}
                rejected.add((ann.text, original.get("label", ann.label)))
                continue
            if ann.status == "accepted":
                confirmed.add(key)
            if ann.origin == "user":
                added[key] = None
            elif ann.original:
                original = json.loads(ann.original)
                if original.get("label") and original["label"] != ann.label:
                    relabelled[ann.text] = ann.label
        for ann in session.exec(select(Annotation).where(Annotation.kind == "pillar")):
            if ann.status == "rejected" or (ann.origin != "user" and ann.status != "accepted"):
                continue
            slot = passages.setdefault((ann.article_id, ann.start, ann.end), (ann.text, []))
            slot[1].append(ann.label)
        for entity in session.exec(select(CanonicalEntity)):
            for alias in json.loads(entity.aliases or "[]"):
                if alias and alias != entity.name:
                    aliases[alias] = entity.name
    by_text: dict[str, list[str]] = defaultdict(list)
    for text, pillars in passages.values():
        by_text[text].extend(p for p in pillars if p not in by_text[text])
    return Corrections(
        rejected=rejected - confirmed,
        added=list(added),
        relabelled=relabelled,
        aliases=aliases,
        pillar_examples=sorted(by_text.items()),
    )
