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
import os
import random
import re
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

import alembic.command  # noqa: F401  (preloaded: first creation runs the migrations)

from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.services.annotations import AnnotationConflict
from briefing_app.services.changes import RowSnapshot
from briefing_app.storage.backup import make_backup, restore_backup

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


# ---------------------------------------------------------------------------------------------------------------
# Kills during restore, first creation, folder import, export and backup (same protocol: "begin" before the
# operation, "done" once it returned; the parent verifies the state after each SIGKILL).


def _emitter(out: Connection) -> Callable[[dict[str, object]], None]:
    def emit(event: dict[str, object]) -> None:
        out.send_bytes(json.dumps(event, ensure_ascii=False).encode("utf-8"))
    return emit


def restore_loop(db_path: str, seed: int, out: Connection, backups: list[str]) -> None:
    """Restore one of ``backups`` over the database, again and again."""
    emit = _emitter(out)
    rng = random.Random(seed)
    emit({"ready": True})
    k = 0
    while True:
        k += 1
        chosen = rng.choice(backups)
        emit({"begin": k, "op": "restore", "backup": chosen})
        restore_backup(Path(db_path), Path(chosen))
        emit({"done": k, "op": "restore", "backup": chosen})


def create_loop(folder: str, seed: int, out: Connection) -> None:
    """Create new databases (first start) and store one article in each."""
    emit = _emitter(out)
    emit({"ready": True})
    k = 0
    while True:
        k += 1
        path = Path(folder) / f"new-{seed}-{k}.db"
        title = f"First article {seed}-{k}"
        emit({"begin": k, "op": "create", "path": str(path), "title": title})
        services = Services.open(path)
        article = services.articles.add(ImportedDocument(title=title, source_path="",
                                                         text=f"{title}. Ministers met in Delhi."))
        services.close()
        emit({"done": k, "op": "create", "path": str(path), "title": title, "id": article.id})


def open_each(paths: list[str], out: Connection) -> None:
    """A later start: open (and close) every database once, then report."""
    emit = _emitter(out)
    emit({"ready": True})
    for path in paths:
        Services.open(Path(path)).close()
    emit({"done": 1, "op": "opened"})


def import_loop(db_path: str, seed: int, out: Connection, root: str) -> None:
    """Import folders of new articles, one folder after another."""
    emit = _emitter(out)
    services = Services.open(Path(db_path))
    emit({"ready": True})
    k = 0
    while True:
        k += 1
        folder = Path(root) / f"batch-{seed}-{k}"
        folder.mkdir(parents=True, exist_ok=True)
        titles = []
        for i in range(4):
            title = f"Imported {seed}-{k}-{i}"
            (folder / f"f{i}.txt").write_text(f"{title}\n\n{title} says ministers met in Delhi on trade.",
                                              encoding="utf-8")
            titles.append(title)
        emit({"begin": k, "op": "import", "titles": titles})
        outcomes = services.articles.import_files([folder])
        emit({"done": k, "op": "import", "articles": [[o.article_id, o.title] for o in outcomes
                                                       if o.status == "imported"]})


def export_loop(db_path: str, seed: int, out: Connection, out_dir: str) -> None:
    """Draft a briefing and export it (always to the same file), again and again."""
    from briefing_app.export import export_docx

    emit = _emitter(out)
    services = Services.open(Path(db_path))
    ids = [a.id for a in services.articles.list_summaries()]
    target = Path(out_dir) / "note.docx"
    emit({"ready": True, "pid": os.getpid()})
    k = 0
    while True:
        k += 1
        title = f"Briefing {seed}-{k}"
        emit({"begin": k, "op": "export", "title": title})
        briefing = services.briefings.create_draft(ids, title=title)  # type: ignore[arg-type]
        assert briefing.id is not None
        export_docx(services.briefings.document(briefing.id), target)
        emit({"done": k, "op": "export", "title": title, "id": briefing.id})


def backup_loop(db_path: str, seed: int, out: Connection) -> None:
    """Alternate an edit (a new title) and a backup of the database being edited."""
    emit = _emitter(out)
    services = Services.open(Path(db_path))
    aid = services.articles.list_summaries()[0].id
    emit({"ready": True, "pid": os.getpid()})
    k = 0
    while True:
        k += 1
        if k % 2:
            title = f"Title {seed}-{k}"
            emit({"begin": k, "op": "title", "article": aid, "title": title})
            services.articles.update_metadata(aid, title=title)
            emit({"done": k, "op": "title", "article": aid, "title": title})
        else:
            emit({"begin": k, "op": "backup"})
            made = make_backup(Path(db_path), "auto", keep=3)
            emit({"done": k, "op": "backup", "path": str(made)})
