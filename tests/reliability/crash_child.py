"""Child process of the kill test: performs edits through the services as fast as it can.

``main(db_path, seed, out)`` runs in a process forked from a forkserver that
has the app's modules preloaded (so 50+ runs stay fast). It writes one JSON
line per event into the pipe ``out`` (each ``send_bytes`` is a complete write
into the kernel's pipe buffer, which survives the writer's death):

* ``{"begin": k, "op": ..., ...}`` before calling a service (the edit in flight),
* ``{"done": k, ...}`` after the service call *returned* (so it was committed),

until the parent kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import json
import random
import re
from multiprocessing.connection import Connection
from pathlib import Path

from briefing_app.core.services import Services
from briefing_app.core.services.annotations import AnnotationConflict
from briefing_app.core.services.changes import RowSnapshot
from briefing_app.importers import ImportedDocument

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "EVENT", "LAW", "DATE")


def snapshot_dict(snap: RowSnapshot) -> dict[str, object]:
    """The fields the parent verifies."""
    return {"id": snap.id, "kind": snap.kind, "start": snap.start, "end": snap.end, "label": snap.label,
            "status": snap.status, "origin": snap.origin, "text": snap.text}


def main(db_path: str, seed: int, out: Connection) -> None:
    """Edit forever (until killed), reporting each edit after its service call returned."""

    def emit(event: dict[str, object]) -> None:
        out.send_bytes(json.dumps(event, ensure_ascii=False).encode("utf-8"))

    rng = random.Random(seed)
    services = Services.open(Path(db_path))
    pillars = services.pillars.ids()
    articles = [a.id for a in services.articles.list_summaries()]
    texts = {aid: services.articles.get(aid).text for aid in articles}  # type: ignore[union-attr]
    live: dict[int, dict[str, object]] = {}
    for aid in articles:
        for ann in services.annotations.for_article(aid):
            live[ann.id] = {"kind": ann.kind, "origin": ann.origin}  # type: ignore[index]
    emit({"ready": True})
    k = 0
    while True:
        k += 1
        roll = rng.random()
        aid = rng.choice(articles)
        text = texts[aid]
        if roll < 0.45 or not live:
            words = [m.span() for m in re.finditer(r"\w+(?: \w+){0,2}", text)]
            kind = "entity" if rng.random() < 0.7 else "pillar"
            start, end = rng.choice(words)
            label = rng.choice(ENTITY_LABELS) if kind == "entity" else rng.choice(pillars)
            emit({"begin": k, "op": "add", "article": aid, "kind": kind, "start": start, "end": end,
                  "label": label})
            try:
                snap = services.annotations.add(aid, kind, start, end, label)
            except AnnotationConflict:
                emit({"done": k, "op": "noop"})
                continue
            live[snap.id] = {"kind": kind, "origin": snap.origin}
            emit({"done": k, "op": "add", "state": snapshot_dict(snap)})
        elif roll < 0.7:
            ann_id = rng.choice(sorted(live))
            kind = live[ann_id]["kind"]
            label = rng.choice(ENTITY_LABELS) if kind == "entity" else rng.choice(pillars)
            emit({"begin": k, "op": "update", "id": ann_id, "label": label})
            try:
                _before, after = services.annotations.update(ann_id, label=label)
            except AnnotationConflict:
                emit({"done": k, "op": "noop"})
                continue
            emit({"done": k, "op": "update", "state": snapshot_dict(after)})
        elif roll < 0.85:
            ann_id = rng.choice(sorted(live))
            emit({"begin": k, "op": "remove", "id": ann_id})
            before = services.annotations.remove(ann_id)
            del live[ann_id]
            if before.origin == "user":
                emit({"done": k, "op": "remove", "id": ann_id, "state": None})
            else:
                state = snapshot_dict(before) | {"status": "rejected"}
                emit({"done": k, "op": "remove", "id": ann_id, "state": state})
        else:
            title = f"Title {seed}-{k}"
            emit({"begin": k, "op": "title", "article": aid, "title": title})
            services.articles.update_metadata(aid, title=title)
            emit({"done": k, "op": "title", "article": aid, "title": title})



def seed_database(db_path: Path) -> None:
    """Three articles (with an astral flag emoji) for the children to edit."""
    services = Services.open(db_path)
    for n in range(3):
        services.articles.add(ImportedDocument(
            title=f"Article {n}", source_path="",
            text=f"Article {n}. Prime Minister Narendra Modi met President Donald Trump in Washington. "
                 "The leaders discussed defence cooperation, trade and technology. 🇮🇳 Delhi hosted the "
                 "Quad Leaders Summit and the India–US COMPACT was launched.\n" * 6,
        ))
    services.close()
