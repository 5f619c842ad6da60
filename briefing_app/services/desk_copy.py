"""Offline laptops (desk mode, issue 19): take a copy of the desk library, bring the edits back.

*Take a copy* writes the desk database's articles, tags, notes, entities, pillars, lessons and
briefings (every column: ids, versions, who changed what) into a new SQLite file, and beside it
``<file>.desk.json``: the version of every versioned row as copied (the *base*).

*Bring back* merges what the officer changed in the copy into the desk with the conflict rules
of the desk (services/desk.py):

* a row edited in the copy (its version is past the base) whose desk row is still at the base is
  written to the desk (next desk version, the officer's name); one that another officer changed
  on the desk meanwhile is a *conflict*, reported (who, when) and left as the desk has it;
  one removed from the desk is reported too;
* a row made in the copy (no base) is added to the desk under a new id, its article or briefing
  mapped to the desk's (an article already on the desk, same text, is not added twice);
* rows deleted in the copy, and notes/entities/pillars edited there, are not brought back.

Idempotent: what was brought back is recorded in the sidecar (the base moves to the copy's
version, new rows are mapped to their desk ids), so bringing the same file back again changes
nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from briefing_app.domain.models import (
    Annotation,
    Article,
    Briefing,
    BriefingItem,
    CanonicalEntity,
    Lesson,
    Note,
    Pillar,
    utcnow,
)
from briefing_app.services.changes import BOOKKEEPING, table_of
from briefing_app.services.desk import VERSIONED, WHAT
from briefing_app.storage.database import Database, open_database

#: Parents before children.
COPIED: tuple[type[SQLModel], ...] = (Pillar, Article, Briefing, CanonicalEntity, Annotation, Note, BriefingItem,
                                      Lesson)
#: Brought back, parents first, with the columns pointing at a parent.
BROUGHT: tuple[tuple[type[SQLModel], dict[str, type[SQLModel]]], ...] = (
    (Article, {}),
    (Briefing, {}),
    (Annotation, {"article_id": Article}),
    (BriefingItem, {"briefing_id": Briefing, "article_id": Article}),
    (Lesson, {"article_id": Article}),
)


def sidecar(copy: Path) -> Path:
    """The file beside a copy that records its base versions and what was brought back."""
    return copy.with_name(copy.name + ".desk.json")


@dataclass
class BringBackReport:
    """What a bring-back did."""

    updated: int = 0
    added: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)


def take_copy(desk: Database, out: Path) -> int:
    """Copy the desk library into a new SQLite file ``out``; returns the number of rows copied."""
    out = Path(out)
    if out.exists():
        raise ValueError(f"{out} already exists; choose a new file for the copy")
    laptop = open_database(out)
    base: dict[str, dict[str, int]] = {}
    copied = 0
    try:
        with desk.engine.connect() as source, laptop.engine.begin() as target:
            for model in COPIED:
                table = table_of(model)
                rows = [dict(r._mapping) for r in source.execute(select(table))]
                if model is Pillar:  # the new file seeded none yet; replace in case it did
                    target.execute(table.delete())
                if rows:
                    target.execute(insert(table), rows)
                copied += len(rows)
                if model in VERSIONED:
                    base[table.name] = {str(r["id"]): int(r["version"]) for r in rows}
    finally:
        laptop.close()
    sidecar(out).write_text(json.dumps({"desk": desk.location, "taken_at": utcnow().isoformat(),
                                        "base": base, "added": {}}, indent=1), encoding="utf-8")
    return copied


def bring_back(desk: Database, copy: Path) -> BringBackReport:
    """Merge the officer's edits in ``copy`` into the desk (see the module docstring)."""
    copy = Path(copy)
    meta_path = sidecar(copy)
    if not copy.is_file() or not meta_path.is_file():
        raise ValueError(f"{copy} is not a copy taken from a desk database (no {meta_path.name} beside it)")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    base: dict[str, dict[str, int]] = meta["base"]
    added: dict[str, dict[str, int]] = meta.setdefault("added", {})
    report = BringBackReport()
    laptop = open_database(copy)
    try:
        with laptop.engine.connect() as source, desk.engine.begin() as target:
            for model, parents in BROUGHT:
                _bring_table(source, target, model, parents, base, added, report, desk.officer)
    finally:
        laptop.close()
    # Only after the desk committed: a failed bring-back can simply be run again.
    meta_path.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return report


def _bring_table(source: Connection, target: Connection, model: type[SQLModel], parents: dict[str, type[SQLModel]],
                 base: dict[str, dict[str, int]], added: dict[str, dict[str, int]], report: BringBackReport,
                 officer: str) -> None:
    table = table_of(model)
    name = table.name
    seen = base.setdefault(name, {})
    mapped = added.setdefault(name, {})
    content = [c.key for c in table.columns if not c.primary_key and c.key not in BOOKKEEPING]
    for row in source.execute(select(table).order_by(table.c.id)):
        values = dict(row._mapping)
        key = str(values["id"])
        for column, parent in parents.items():  # a parent made in the copy has a desk id of its own
            if values.get(column) is not None:
                values[column] = added.get(table_of(parent).name, {}).get(str(values[column]), values[column])
        if key in seen:
            if int(values["version"]) <= seen[key]:
                report.unchanged += 1
                continue
            desk_row = target.execute(select(table).where(table.c.id == values["id"])).first()
            if desk_row is None:
                report.conflicts.append(f"{WHAT[model].capitalize()} #{key} was removed from the desk; "
                                        "your change to it was not brought back.")
                continue
            now = desk_row._mapping
            if all(now[c] == values[c] for c in content):
                seen[key] = int(values["version"])  # (already there: brought back before)
                report.unchanged += 1
                continue
            if int(now["version"]) != seen[key]:
                report.conflicts.append(
                    f"{WHAT[model].capitalize()} #{key} was changed on the desk by {now['changed_by'] or 'another officer'} "
                    f"at {now['changed_at']:%Y-%m-%d %H:%M} UTC; the desk's version was kept, yours was not brought back."
                    if now["changed_at"] is not None else
                    f"{WHAT[model].capitalize()} #{key} was changed on the desk; yours was not brought back.")
                continue
            target.execute(update(table).where(table.c.id == values["id"]).values(
                **{c: values[c] for c in content}, version=int(now["version"]) + 1,
                changed_by=values["changed_by"] or officer, changed_at=values["changed_at"] or utcnow()))
            seen[key] = int(values["version"])
            report.updated += 1
        elif key in mapped:
            report.unchanged += 1
        else:
            new = {c: values[c] for c in content} | {"version": 1, "changed_by": values["changed_by"] or officer,
                                                      "changed_at": values["changed_at"] or utcnow()}
            if model is Article:  # the same text is already on the desk (another officer imported it)
                same = target.execute(select(table.c.id).where(table.c.text_hash == values["text_hash"])).first()
                if same is not None:
                    mapped[key] = int(same[0])
                    report.unchanged += 1
                    continue
            desk_id = target.execute(insert(table).values(**new).returning(table.c.id)).scalar_one()
            mapped[key] = int(desk_id)
            report.added += 1
