"""Offline laptops (desk mode, issue 19): take a copy of the desk library, bring the edits back.

*Take a copy* writes a slice of the desk database (everything, chosen articles, or one briefing
with its articles; always every pillar, entity and lesson) into a new SQLite file, and beside it
``<file>.desk.json``, the *base*: for each row copied, its desk id, its desk version (versioned
rows) and a fingerprint of its content as copied.

*Bring back* merges what the officer changed in the copy into the desk with the desk's conflict
rules (services/desk.py), in **one transaction** (all or nothing):

* a row whose content in the copy differs from the base was edited offline. If the desk row is
  still as copied (same version; for notes, entities and pillars, which have no version, the
  same fingerprint) the copy's content is written (next desk version, ``changed_by`` = the
  offline officer). If another officer changed it on the desk meanwhile, it is a *conflict*:
  reported (what, which article, who, when) and the desk's version kept. Removed from the desk
  meanwhile: a conflict too;
* a row made in the copy (not in the base) is added to the desk under a new id, its article,
  briefing, tag or lesson references mapped to the desk's (an article already on the desk, same
  text, is not added twice; an entity or pillar key another officer made meanwhile is a conflict);
* a row copied but no longer in the copy was deleted offline: deleted on the desk unless it was
  changed there since (a conflict), children first. An article or briefing whose desk children
  were changed or added since stays, as a conflict.

Idempotent: the base moves with each row brought back (new rows are recorded under their copy
id with their desk id), so bringing the same file back again changes nothing; conflicts, left
as the desk has them, are reported again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
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
from briefing_app.services.desk import VERSIONED
from briefing_app.storage.database import Database, open_database
from briefing_app.storage.db_lock import DatabaseLock
from briefing_app.storage.errors import StorageError, remove_quietly
from briefing_app.storage.server import allow_long_waits

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

#: Parents before children: copied and brought back in this order, deletions in the reverse.
COPIED: tuple[type[SQLModel], ...] = (Pillar, CanonicalEntity, Article, Briefing, Annotation, Note, BriefingItem,
                                      Lesson)
#: Columns pointing at another copied row (mapped to the desk's id when that row was made offline).
PARENTS: dict[type[SQLModel], dict[str, type[SQLModel]]] = {
    Annotation: {"article_id": Article},
    Note: {"article_id": Article, "annotation_id": Annotation},
    BriefingItem: {"briefing_id": Briefing, "article_id": Article},
    Lesson: {"article_id": Article, "superseded_by": Lesson},
}
#: Rows deleted with their parent (ON DELETE CASCADE): a parent deleted offline whose desk
#: children changed since is kept.
CHILDREN: dict[type[SQLModel], tuple[tuple[type[SQLModel], str], ...]] = {
    Article: ((Annotation, "article_id"), (Note, "article_id"), (BriefingItem, "article_id")),
    Briefing: ((BriefingItem, "briefing_id"),),
}
#: Columns a copy may hold differently without an offline edit: a lesson's article may not be in
#: the slice (copied as NULL); an existing lesson's article is never brought back.
NOT_COMPARED: dict[type[SQLModel], frozenset[str]] = {Lesson: frozenset({"article_id"})}
#: A row made offline that matches a desk row on these columns is that row (not added twice).
SAME_ROW: dict[type[SQLModel], tuple[str, ...]] = {
    Annotation: ("article_id", "kind", "start", "end", "label"),
    Note: ("article_id", "start", "end", "body"),
    BriefingItem: ("briefing_id", "article_id", "start", "end", "pillar_id"),
}
#: What each kind is called in the preview and report (plural).
KINDS: dict[type[SQLModel], str] = {Article: "articles", Annotation: "tags", Note: "notes",
                                    CanonicalEntity: "entities", Pillar: "pillars", Briefing: "briefings",
                                    BriefingItem: "briefing passages", Lesson: "lessons"}
_CHUNK = 500  # ids per "IN (...)" and rows per insert: under SQLite's bound-parameter limit


class CopyError(ValueError):
    """A copy cannot be taken or brought back (one line for the officer)."""


class CopyCancelled(Exception):
    """The officer stopped it; nothing was written."""


def sidecar(copy: Path) -> Path:
    """The file beside a copy that records its base (what was copied, what was brought back)."""
    return copy.with_name(copy.name + ".desk.json")


@dataclass(frozen=True)
class Conflict:
    """One offline edit not brought back because the desk changed too."""

    kind: str  # "tags", "articles", ... (KINDS)
    what: str  # e.g. 'tag “Colombo” (GPE)'
    article: str  # the article (or briefing) it belongs to, "" for library-wide rows
    officer: str  # who changed it on the desk ("" when unknown or removed)
    at: datetime | None  # when (UTC)
    outcome: str  # what happened, e.g. "changed on the desk; the desk's version was kept"

    def __str__(self) -> str:
        where = f" in “{self.article}”" if self.article else ""
        who = f" by {self.officer}" if self.officer else ""
        when = f" at {self.at:%Y-%m-%d %H:%M} UTC" if self.at is not None else ""
        return f"{self.what[:1].upper()}{self.what[1:]}{where}: {self.outcome.format(who=who, when=when)}"


@dataclass
class BringBackReport:
    """What a bring-back did (or, as a preview, would do)."""

    #: kind -> {"added": n, "changed": n, "deleted": n}
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)

    def count(self, kind: str, action: str) -> None:
        """Count one row ``action`` ("added", "changed", "deleted") of ``kind``."""
        per = self.counts.setdefault(kind, {"added": 0, "changed": 0, "deleted": 0})
        per[action] += 1

    def total(self, action: str) -> int:
        """Rows ``action`` over every kind."""
        return sum(per[action] for per in self.counts.values())

    @property
    def added(self) -> int:
        return self.total("added")

    @property
    def updated(self) -> int:
        return self.total("changed")

    @property
    def deleted(self) -> int:
        return self.total("deleted")

    @property
    def empty(self) -> bool:
        """Nothing to bring back and no conflict."""
        return not (self.added or self.updated or self.deleted or self.conflicts)


# -- take a copy ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CopySlice:
    """What goes into a copy: everything, chosen articles, or one briefing with its articles.

    Pillars, entities and lessons are library-wide: always copied whole.
    """

    article_ids: tuple[int, ...] | None = None
    briefing_id: int | None = None

    @property
    def everything(self) -> bool:
        return self.article_ids is None and self.briefing_id is None


def take_copy(desk: Database, out: Path, part: CopySlice | None = None, *, replace: bool = False,
              progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
    """Copy a slice of the desk library into a new SQLite file ``out``; returns the rows copied.

    The copy is built beside ``out`` and moved into place at the end, so a failed or cancelled copy
    leaves nothing. ``replace`` allows an existing ``out`` (the officer confirmed it) unless it is
    open in a window.
    """
    out = Path(out).expanduser().absolute()
    part = part or CopySlice()
    if desk.path is not None and out.resolve() == desk.path.resolve():
        raise CopyError("A copy cannot be written over the library it is taken from; choose another file.")
    lock = DatabaseLock(out, role="take a copy", exclusive=True)
    if out.exists():
        if not replace:
            raise CopyError(f"{out} already exists; choose a new file for the copy")
        if not lock.acquire():
            raise CopyError(f"{_in_use(lock)}; close it there or choose another file.")
    try:
        return _take_copy(desk, out, part, progress or (lambda _d, _t: None), cancelled or (lambda: False))
    finally:
        lock.release()


def _take_copy(desk: Database, out: Path, part: CopySlice, progress: Progress, cancelled: Cancelled) -> int:
    if not out.parent.is_dir():
        raise CopyError(f"Cannot write {out}: the folder does not exist.")
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise CopyError(f"Cannot write {out}: the folder or file is read-only; choose another place.")
    temp = out.with_name(f".{out.name}.part")
    leftovers = (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm"), Path(f"{temp}-journal"))
    remove_quietly(*leftovers)
    try:
        copied, base = _write_copy(desk, temp, part, progress, cancelled)
        # A replaced copy's own journal must not be applied to the new file.
        remove_quietly(Path(f"{out}-wal"), Path(f"{out}-shm"), Path(f"{out}-journal"))
        os.replace(temp, out)
        meta = {"desk": desk.location, "taken_at": utcnow().isoformat(), "slice": _describe(part), "base": base}
        _write_json(sidecar(out), meta)
    except OSError as exc:
        remove_quietly(*leftovers)
        raise CopyError(f"Cannot write {out}: {exc.strerror or exc}") from exc
    except StorageError as exc:
        remove_quietly(*leftovers)
        raise CopyError(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__) from exc
    except BaseException:
        remove_quietly(*leftovers)
        raise
    return copied


def _in_use(lock: DatabaseLock) -> str:
    who = lock.holder()
    return f"{lock.db_path.name} is open in {who.describe() if who is not None else 'another window'}"


def _describe(part: CopySlice) -> str:
    if part.briefing_id is not None:
        return f"briefing {part.briefing_id}"
    if part.article_ids is not None:
        return f"{len(part.article_ids)} articles"
    return "everything"


def _write_copy(desk: Database, temp: Path, part: CopySlice, progress: Progress,
                cancelled: Cancelled) -> tuple[int, dict[str, dict[str, list[Any]]]]:
    laptop = open_database(temp)
    base: dict[str, dict[str, list[Any]]] = {}
    copied = 0
    try:
        with desk.engine.connect() as source, laptop.engine.begin() as target:
            allow_long_waits(source)  # read behind another officer's migration, not cut after 5 s
            articles, briefings = _slice_ids(source, part)
            selects = {model: _slice_rows(source, model, articles, briefings) for model in COPIED}
            total = sum(_count(source, model, articles, briefings) for model in COPIED)
            progress(0, total)
            for model in COPIED:
                table = table_of(model)
                if model is Pillar:  # the new file was seeded with the default taxonomy: the desk's replaces it
                    target.execute(table.delete())
                seen = base.setdefault(table.name, {})
                rows: list[dict[str, Any]] = []
                for row in selects[model]:
                    values = dict(row._mapping)
                    if model is Lesson and articles is not None and values["article_id"] not in articles:
                        values["article_id"] = None  # its article is not in the slice
                    rows.append(values)
                    key = _pk_value(table, values)
                    seen[str(key)] = [key, values.get("version"), _fingerprint(model, values)]
                    if len(rows) >= _CHUNK:
                        copied += _insert(target, table, rows, cancelled)
                        progress(copied, total)
                if rows:
                    copied += _insert(target, table, rows, cancelled)
                    progress(copied, total)
    finally:
        laptop.close()
    return copied, base


def _insert(target: Connection, table: Table, rows: list[dict[str, Any]], cancelled: Cancelled) -> int:
    if cancelled():
        raise CopyCancelled
    target.execute(insert(table), rows)
    n = len(rows)
    rows.clear()
    return n


def _slice_ids(source: Connection, part: CopySlice) -> tuple[set[int] | None, set[int] | None]:
    """The article and briefing ids of the slice (None: all)."""
    if part.everything:
        return None, None
    if part.briefing_id is not None:
        found = source.execute(select(table_of(Briefing).c.id).where(table_of(Briefing).c.id == part.briefing_id))
        if found.first() is None:
            raise CopyError(f"Briefing #{part.briefing_id} is not in the library.")
        items = table_of(BriefingItem)
        articles = {int(r[0]) for r in source.execute(select(items.c.article_id)
                                                      .where(items.c.briefing_id == part.briefing_id))}
        return articles, {part.briefing_id}
    ids = {int(i) for i in part.article_ids or ()}
    if not ids:
        raise CopyError("No articles chosen for the copy.")
    return ids, set()


def _filter(model: type[SQLModel], articles: set[int] | None, briefings: set[int] | None) -> tuple[str, set[int]] | None:
    """The column and ids a model's rows are chosen by in a slice (None: every row)."""
    if model in (Pillar, CanonicalEntity, Lesson) or articles is None:
        return None
    if model is Article:
        return "id", articles
    if model is Briefing:
        return "id", briefings or set()
    if model is BriefingItem:
        return "briefing_id", briefings or set()
    return "article_id", articles


def _slice_rows(source: Connection, model: type[SQLModel], articles: set[int] | None,
                briefings: set[int] | None) -> Iterable[Any]:
    table = table_of(model)
    key = list(table.primary_key.columns)[0]
    chosen = _filter(model, articles, briefings)
    if chosen is None:
        return source.execute(select(table).order_by(key)).all()
    column, ids = chosen
    ordered = sorted(ids)
    return [row for i in range(0, len(ordered), _CHUNK)
            for row in source.execute(select(table).where(table.c[column].in_(ordered[i:i + _CHUNK]))
                                      .order_by(key))]


def _count(source: Connection, model: type[SQLModel], articles: set[int] | None, briefings: set[int] | None) -> int:
    table = table_of(model)
    chosen = _filter(model, articles, briefings)
    if chosen is None:
        return int(source.execute(select(func.count()).select_from(table)).scalar_one())
    column, ids = chosen
    ordered = sorted(ids)
    return sum(int(source.execute(select(func.count()).select_from(table)
                                  .where(table.c[column].in_(ordered[i:i + _CHUNK]))).scalar_one())
               for i in range(0, len(ordered), _CHUNK))


# -- bring back ----------------------------------------------------------------------------------
def preview_bring_back(desk: Database, copy: Path, progress: Progress | None = None,
                       cancelled: Cancelled | None = None) -> BringBackReport:
    """What :func:`bring_back` would do, counted per kind, nothing written (the merge is rolled back)."""
    return bring_back(desk, copy, progress=progress, cancelled=cancelled, dry_run=True)


def bring_back(desk: Database, copy: Path, *, progress: Progress | None = None, cancelled: Cancelled | None = None,
               dry_run: bool = False) -> BringBackReport:
    """Merge the officer's edits in ``copy`` into the desk in one transaction (see the module docstring).

    Cancelled (``cancelled()`` true between rows) or failed: the desk is left as it was.
    """
    copy = Path(copy).expanduser().absolute()
    meta_path = sidecar(copy)
    if not copy.is_file() or not meta_path.is_file():
        raise CopyError(f"{copy.name} is not a copy taken from a desk database (no {meta_path.name} beside it)")
    if desk.path is not None and copy.resolve() == desk.path.resolve():
        raise CopyError("That file is this library itself; choose the copy taken from it.")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        base: dict[str, dict[str, list[Any]]] = meta["base"]
    except (OSError, ValueError, KeyError) as exc:
        raise CopyError(f"{meta_path.name} cannot be read ({exc}); the copy cannot be brought back.") from exc
    if any(not isinstance(entry, list) for per in base.values() for entry in per.values()):
        raise CopyError(f"{copy.name} was taken by an older version of the app; bring it back with that version.")
    report = BringBackReport()
    lock = DatabaseLock(copy, role="bring back", exclusive=False)
    if not lock.acquire():  # open in a window (the laptop's): its edits may be half-saved
        raise CopyError(f"{_in_use(lock)}; close it there, then bring it back.")
    try:
        laptop = open_database(copy)
    except StorageError as exc:
        lock.release()
        raise CopyError(f"{copy.name} cannot be opened: {exc}") from exc
    merge = _Merge(base, report, desk.officer, progress or (lambda _d, _t: None), cancelled or (lambda: False))
    try:
        with laptop.engine.connect() as source, desk.engine.connect() as target:
            transaction = target.begin()
            try:
                # Another officer's edit holding a row for a moment must not cut (and roll back) the
                # whole merge the officer is watching: the edit's 5 s lock_timeout is lifted for it.
                allow_long_waits(target)
                merge.run(source, target)
            except BaseException:
                transaction.rollback()
                raise
            if dry_run:
                transaction.rollback()
                return report
            transaction.commit()
    finally:
        laptop.close()
        lock.release()
    # Only after the desk committed (a failure before leaves the desk as it was and the file as
    # it was: bringing it back again is safe). Written whole, then moved into place.
    _write_json(meta_path, meta)
    return report


def _write_json(path: Path, data: dict[str, Any]) -> None:
    temp = path.with_name(path.name + ".part")
    temp.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    os.replace(temp, path)


class _Merge:
    """One bring-back: the copy's rows against the base and the desk, table by table."""

    def __init__(self, base: dict[str, dict[str, list[Any]]], report: BringBackReport, officer: str,
                 progress: Progress, cancelled: Cancelled) -> None:
        self.base = base
        self.report = report
        self.officer = officer
        self.progress = progress
        self.cancelled = cancelled
        self.done = 0
        self.total = 0
        self.titles: dict[int, str] = {}  # desk article id -> title, for conflicts
        self.known: dict[str, dict[int, list[Any]]] = {}  # table -> desk id -> base entry (deletions)

    def run(self, source: Connection, target: Connection) -> None:
        rows = {model: [dict(r._mapping) for r in source.execute(select(table_of(model)))] for model in COPIED}
        self.total = sum(len(r) for r in rows.values()) + sum(len(self.base.get(table_of(m).name, {})) for m in COPIED)
        self.progress(0, self.total)
        present: dict[type[SQLModel], set[str]] = {}
        for model in COPIED:
            present[model] = self._upsert(target, model, rows[model])
        for model in reversed(COPIED):
            self._delete(target, model, present[model])
        self.progress(self.total, self.total)

    def _tick(self) -> None:
        self.done += 1
        if self.done % 200 == 0:
            if self.cancelled():
                raise CopyCancelled
            self.progress(self.done, self.total)

    # -- edits and additions ------------------------------------------------------------------
    def _desk_id(self, model: type[SQLModel], copy_id: Any) -> Any:
        entry = self.base.get(table_of(model).name, {}).get(str(copy_id))
        return entry[0] if entry is not None else copy_id

    def _upsert(self, target: Connection, model: type[SQLModel], rows: list[dict[str, Any]]) -> set[str]:
        table = table_of(model)
        seen = self.base.setdefault(table.name, {})
        pk = list(table.primary_key.columns)[0].key
        present: set[str] = set()
        # Rows made offline first: an edited row may point at one (a lesson superseded offline).
        # Newest first among them: a lesson points at the later one that superseded it.
        rows.sort(key=lambda r: (str(r[pk]) in seen, -r[pk] if isinstance(r[pk], int) else 0))
        edited: list[tuple[dict[str, Any], list[Any], str]] = []
        for values in rows:
            self._tick()
            key = str(values[pk])
            present.add(key)
            for column, parent in PARENTS.get(model, {}).items():
                if values.get(column) is not None:
                    values[column] = self._desk_id(parent, values[column])
            if key not in seen:
                self._add(target, model, values, seen, key)
                continue
            mine = _fingerprint(model, values)
            if mine == seen[key][2]:
                self.report.unchanged += 1  # not edited offline
            else:
                edited.append((values, seen[key], mine))
        # The desk rows of the rows edited offline, read in chunks rather than one query each.
        key_column = table.c[pk]
        wanted = sorted({entry[0] for _v, entry, _m in edited}, key=str)
        desk_rows = {row._mapping[pk]: dict(row._mapping) for i in range(0, len(wanted), _CHUNK)
                     for row in target.execute(select(table).where(key_column.in_(wanted[i:i + _CHUNK])))}
        for values, entry, mine in edited:
            self._update(target, model, values, entry, mine, desk_rows.get(entry[0]))
        return present

    def _update(self, target: Connection, model: type[SQLModel], values: dict[str, Any], entry: list[Any],
                mine: str, desk: dict[str, Any] | None) -> None:
        """A row edited offline (its content is not the base's): write it, unless the desk changed it too."""
        table = table_of(model)
        desk_id, base_version, base_print = entry
        pk = list(table.primary_key.columns)[0]
        if desk is None:
            self._conflict(target, model, values, None, "removed from the desk meanwhile; your change to it was "
                                                        "not brought back")
            return
        if _fingerprint(model, desk) == mine:
            entry[1:] = [desk.get("version"), mine]  # already there (brought back before, or the same edit)
            self.report.unchanged += 1
            return
        if _changed_on_desk(model, desk, base_version, base_print):
            self._conflict(target, model, desk, desk, "changed on the desk{who}{when}; the desk's version "
                                                      "was kept")
            return
        content = {c: values[c] for c in _content(model) if c not in NOT_COMPARED.get(model, ())}
        stamp = {"changed_by": values.get("changed_by") or self.officer, "changed_at": values.get("changed_at") or utcnow()}
        if "version" in desk:
            stamp["version"] = int(desk["version"]) + 1
        written = target.execute(update(table).where(pk == desk_id, *_as_read(table, desk)).values(**content, **stamp))
        if written.rowcount != 1:  # another officer wrote it between our read and our write
            self._conflict(target, model, desk, desk, "changed on the desk while it was brought back; the desk's "
                                                      "version was kept")
            return
        entry[1:] = [stamp.get("version"), mine]
        self.report.count(KINDS[model], "changed")

    def _add(self, target: Connection, model: type[SQLModel], values: dict[str, Any],
             seen: dict[str, list[Any]], key: str) -> None:
        table = table_of(model)
        pk = list(table.primary_key.columns)[0]
        mine = _fingerprint(model, values)
        new = {c: values[c] for c in _content(model)} | {
            "changed_by": values.get("changed_by") or self.officer, "changed_at": values.get("changed_at") or utcnow()}
        if "version" in values:
            new["version"] = 1
        if model is Article:  # the same text is already on the desk (another officer imported it)
            same = target.execute(select(pk, table.c.version).where(table.c.text_hash == values["text_hash"])).first()
            if same is not None:
                seen[key] = [int(same[0]), int(same[1]), mine]
                self.report.unchanged += 1
                return
        missing = self._missing_parent(target, model, new)
        if missing:
            self._conflict(target, model, values, None, f"made in your copy, but its {missing} was removed from the "
                                                        "desk meanwhile; it was not brought back")
            return
        same_row = SAME_ROW.get(model)
        if same_row is not None:  # the same tag, note or passage is on the desk already (the same wire
            # imported and analysed on both sides, or the same edit made twice): one row, not two
            twin = target.execute(select(pk, *([table.c.version] if "version" in table.c else []))
                                  .where(*[table.c[c] == new[c] for c in same_row])).first()
            if twin is not None:
                seen[key] = [twin[0], twin[1] if len(twin) > 1 else None, mine]
                self.report.unchanged += 1
                return
        if isinstance(values[pk.key], int):
            desk_id = target.execute(insert(table).values(**new).returning(pk)).scalar_one()
        else:  # a key of its own (entity, pillar): another officer may have made the same one meanwhile
            desk_id = values[pk.key]
            now = target.execute(select(table).where(pk == desk_id)).first()
            if now is not None:
                desk = dict(now._mapping)
                if _fingerprint(model, desk) != mine:
                    self._conflict(target, model, desk, desk, "made in your copy and on the desk{who}{when}; "
                                                              "the desk's was kept")
                    return
                seen[key] = [desk_id, None, mine]
                self.report.unchanged += 1
                return
            target.execute(insert(table).values(**{pk.key: desk_id}, **new))
        seen[key] = [desk_id, new.get("version"), mine]
        self.report.count(KINDS[model], "added")

    def _missing_parent(self, target: Connection, model: type[SQLModel], new: dict[str, Any]) -> str:
        """The parent (article, briefing) of a row made offline that is no longer on the desk ("" when none).
        A lesson simply loses its link (as when an article is deleted)."""
        for column, parent in PARENTS.get(model, {}).items():
            if parent not in (Article, Briefing) or new.get(column) is None:
                continue
            table = table_of(parent)
            if target.execute(select(table.c.id).where(table.c.id == new[column])).first() is None:
                if model is Lesson:
                    new[column] = None
                    continue
                return "article" if parent is Article else "briefing"
        return ""

    # -- deletions ----------------------------------------------------------------------------
    def _delete(self, target: Connection, model: type[SQLModel], present: set[str]) -> None:
        table = table_of(model)
        seen = self.base.get(table.name, {})
        pk = list(table.primary_key.columns)[0]
        for key in [k for k in seen if k not in present]:
            self._tick()
            desk_id, base_version, base_print = seen[key]
            now = target.execute(select(table).where(pk == desk_id)).first()
            if now is None:
                del seen[key]  # gone from the desk too (deleted there, or brought back before)
                continue
            desk = dict(now._mapping)
            if _changed_on_desk(model, desk, base_version, base_print):
                self._conflict(target, model, desk, desk, "deleted in your copy, changed on the desk{who}{when}: "
                                                          "kept")
                continue
            kept = self._changed_children(target, model, desk_id)
            if kept:
                self._conflict(target, model, desk, None, f"deleted in your copy, but its {kept} changed on the "
                                                          "desk since: kept")
                continue
            if target.execute(delete(table).where(pk == desk_id, *_as_read(table, desk))).rowcount != 1:
                self._conflict(target, model, desk, desk, "changed on the desk while it was brought back; "
                                                          "the desk's was kept")
                continue
            del seen[key]
            self.report.count(KINDS[model], "deleted")

    def _changed_children(self, target: Connection, model: type[SQLModel], desk_id: Any) -> str:
        """The kind of the first desk child of a row deleted offline that the desk changed or added since
        ("" when none: deleting the row, its children with it, loses nothing of another officer's)."""
        for child, column in CHILDREN.get(model, ()):
            table = table_of(child)
            known = self.known.get(table.name)
            if known is None:  # built once per table (every row of the base is looked up by desk id)
                known = self.known[table.name] = {int(e[0]): e for e in self.base.get(table.name, {}).values()}
            for row in target.execute(select(table).where(table.c[column] == desk_id)):
                values = dict(row._mapping)
                entry = known.get(int(values["id"]))
                if entry is None or _changed_on_desk(child, values, entry[1], entry[2]):
                    return KINDS[child]
        return ""

    # -- reporting ----------------------------------------------------------------------------
    def _conflict(self, target: Connection, model: type[SQLModel], values: dict[str, Any],
                  desk: dict[str, Any] | None, outcome: str) -> None:
        what, article = _what(model, values), ""
        if model is Article:
            article = str(values.get("title") or "") or f"article #{values.get('id')}"
        elif values.get("article_id") is not None:
            article = self._title(target, int(values["article_id"]))
        if model is BriefingItem and values.get("briefing_id") is not None:
            row = target.execute(select(table_of(Briefing).c.title)
                                 .where(table_of(Briefing).c.id == values["briefing_id"])).first()
            what += f" of briefing “{row[0]}”" if row is not None else ""
        self.report.conflicts.append(Conflict(
            kind=KINDS[model], what=what, article=article,
            officer=str(desk.get("changed_by") or "another officer") if desk is not None else "",
            at=_naive_utc(desk.get("changed_at")) if desk is not None else None, outcome=outcome))

    def _title(self, target: Connection, article_id: int) -> str:
        if article_id not in self.titles:
            table = table_of(Article)
            row = target.execute(select(table.c.title).where(table.c.id == article_id)).first()
            self.titles[article_id] = (str(row[0]) or f"article #{article_id}") if row is not None else \
                f"article #{article_id}"
        return self.titles[article_id]


def _what(model: type[SQLModel], values: dict[str, Any]) -> str:
    """How a conflict names the row, e.g. 'tag “Colombo” (GPE)'."""
    def short(text: Any, n: int = 40) -> str:
        text = " ".join(str(text or "").split())
        return text if len(text) <= n else text[:n - 1] + "…"

    if model is Article:
        return "article (title, details, status)"
    if model is Annotation:
        return f"tag “{short(values.get('text'))}” ({values.get('label')})"
    if model is Note:
        return f"note “{short(values.get('body'))}”"
    if model is CanonicalEntity:
        return f"entity “{short(values.get('name'))}”"
    if model is Pillar:
        return f"pillar “{short(values.get('name'))}”"
    if model is Briefing:
        return f"briefing “{short(values.get('title'))}”"
    if model is BriefingItem:
        return f"briefing passage “{short(values.get('text'))}”"
    return f"lesson ({values.get('action')}) “{short(values.get('text'))}”"


# -- comparing rows ------------------------------------------------------------------------------
def _pk_value(table: Table, values: dict[str, Any]) -> Any:
    return values[list(table.primary_key.columns)[0].key]


@functools.cache
def _content(model: type[SQLModel]) -> tuple[str, ...]:
    """The columns that hold what a row says (not its id or who wrote it last)."""
    return tuple(c.key for c in table_of(model).columns if not c.primary_key and c.key not in BOOKKEEPING)


@functools.cache
def _compared(model: type[SQLModel]) -> tuple[str, ...]:
    """The columns a fingerprint covers: not ``updated_at``, which an edit of a child moves too (a
    passage edited on each side is one conflict, not also one on their briefing)."""
    return tuple(c for c in _content(model) if c not in NOT_COMPARED.get(model, ()) and c != "updated_at")


def _as_read(table: Table, desk: dict[str, Any]) -> list[Any]:
    """The condition that the desk row is still the version just read (versioned rows)."""
    return [table.c.version == desk["version"]] if "version" in table.c else []


def _naive_utc(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _fingerprint(model: type[SQLModel], values: dict[str, Any]) -> str:
    """What a row says, as a short hash comparable across engines (times in naive UTC, JSON sorted)."""
    content = {c: _naive_utc(values.get(c)) for c in _compared(model)}
    text = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def _changed_on_desk(model: type[SQLModel], desk: dict[str, Any], base_version: Any, base_print: str) -> bool:
    """Whether another officer changed the desk row since the base (versioned rows: by version)."""
    if model in VERSIONED and base_version is not None:
        return int(desk["version"]) != int(base_version)
    return _fingerprint(model, desk) != base_print

