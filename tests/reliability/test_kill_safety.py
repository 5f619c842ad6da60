"""Crash safety: a child process edits through the services and is killed with SIGKILL at random.

After every kill the database must pass ``PRAGMA integrity_check`` and the
FTS integrity check, never hand out an annotation id twice, and hold
every edit the child reported as committed (it prints a line, flushed, only
after the service call returned). The one edit that was in flight when the
kill landed may or may not be there, but nothing else may differ.
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.context
import os
import random
import signal
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("crash_child.py")
SERIES = 2  # independent databases killed in parallel (two cores)
RUNS_PER_SERIES = 30
#: Kill somewhere in the first ~half second of edits (hundreds of commits).
MAX_DELAY_S = 0.45

Row = dict[str, object]


@dataclass
class Model:
    """What the database must contain according to the child's reports."""

    annotations: dict[int, Row | None] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)
    committed_edits: int = 0
    in_flight_landed: int = 0


def _db_state(db_path: Path) -> tuple[list[str], dict[int, Row], dict[int, str]]:
    conn = sqlite3.connect(db_path)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        try:
            with conn:
                conn.execute("INSERT INTO article_fts(article_fts) VALUES('integrity-check')")
        except sqlite3.DatabaseError as exc:
            integrity.append(f"article_fts: {exc}")
        rows = {
            r[0]: {"id": r[0], "kind": r[1], "start": r[2], "end": r[3], "label": r[4], "status": r[5],
                   "origin": r[6], "text": r[7], "article": r[8]}
            for r in conn.execute("SELECT id, kind, start, \"end\", label, status, origin, text, article_id "
                                  "FROM annotation")
        }
        titles = {r[0]: r[1] for r in conn.execute("SELECT id, title FROM article")}
    finally:
        conn.close()
    return integrity, rows, titles


def _strip(row: Row | None) -> Row | None:
    return None if row is None else {k: v for k, v in row.items() if k != "article"}


def _verify(db_path: Path, events: list[dict[str, object]], model: Model) -> None:
    in_flight: dict[str, object] | None = None
    for event in events:
        if "begin" in event:
            in_flight = event
        elif "done" in event:
            in_flight = None
            op = event["op"]
            if op == "noop":
                continue
            model.committed_edits += 1
            if op == "title":
                model.titles[int(event["article"])] = str(event["title"])  # type: ignore[arg-type]
            else:
                state = event["state"]
                ann_id = int(state["id"]) if isinstance(state, dict) else int(event["id"])  # type: ignore[arg-type]
                if op == "add":
                    # Ids are never reused (AUTOINCREMENT): a new row never takes a deleted row's id.
                    assert ann_id not in model.annotations, f"annotation id {ann_id} was handed out again"
                model.annotations[ann_id] = state  # type: ignore[assignment]

    integrity, rows, titles = _db_state(db_path)
    assert integrity == ["ok"], integrity

    # The edit in flight at the kill: either fully there or not at all; adopt what landed.
    if in_flight is not None:
        op = in_flight["op"]
        if op == "add":
            # A row no reported edit accounts for: its id is unknown, or known only as deleted
            # (were ids ever reused, the landed row could carry a deleted row's id).
            extra = [r for i, r in rows.items() if model.annotations.get(i) is None]
            assert len(extra) <= 1, extra
            if extra:
                row = extra[0]
                assert int(row["id"]) not in model.annotations, f"annotation id {row['id']} was handed out again"
                assert (row["article"], row["kind"], row["start"], row["end"], row["label"], row["status"],
                        row["origin"]) == (in_flight["article"], in_flight["kind"], in_flight["start"],
                                           in_flight["end"], in_flight["label"], "accepted", "user"), row
                model.annotations[int(row["id"])] = _strip(row)  # type: ignore[arg-type]
                model.in_flight_landed += 1
        elif op in ("update", "remove"):
            ann_id = int(in_flight["id"])  # type: ignore[arg-type]
            before = model.annotations.get(ann_id)
            now = _strip(rows.get(ann_id))
            if now != before:
                if op == "update":
                    assert before is not None and now == before | {"label": in_flight["label"]}, (before, now)
                else:
                    assert now is None or (before is not None and now == before | {"status": "rejected"})
                model.annotations[ann_id] = now
                model.in_flight_landed += 1
        elif op == "title":
            aid = int(in_flight["article"])  # type: ignore[arg-type]
            if titles[aid] != model.titles.get(aid, titles[aid]) or aid not in model.titles:
                if titles[aid] == in_flight["title"]:
                    model.in_flight_landed += 1
                model.titles[aid] = titles[aid]

    # Every reported edit is present; nothing unreported (beyond the in-flight one) appeared.
    for ann_id, expected in model.annotations.items():
        assert _strip(rows.get(ann_id)) == expected, (ann_id, expected, rows.get(ann_id))
    assert set(rows) <= set(model.annotations), set(rows) - set(model.annotations)
    for aid, title in model.titles.items():
        assert titles[aid] == title, (aid, title, titles[aid])


def _context() -> multiprocessing.context.ForkServerContext:
    """A forkserver with the app preloaded: each child is a fresh process forked from it in milliseconds.

    The forkserver is started by exec (not forked from pytest, which has Qt threads),
    so every child is a clean single-threaded process.
    """
    if str(CHILD.parent) not in sys.path:
        sys.path.insert(0, str(CHILD.parent))
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["briefing_app.services", "crash_child"])
    return ctx


def _run_once(ctx: multiprocessing.context.ForkServerContext, db_path: Path, seed: int,
              delay: float) -> list[dict[str, object]]:
    import crash_child

    return _run_child(ctx, crash_child.main, (str(db_path), seed), delay)[0]


def _run_child(ctx: multiprocessing.context.ForkServerContext, target: Callable[..., None],
               args: tuple[object, ...], delay: float | None,
               extra: tuple[object, ...] = ()) -> tuple[list[dict[str, object]], int]:
    """Start ``target(*args, pipe, *extra)`` in a fresh child, SIGKILL it ``delay`` s after it is ready.

    ``delay`` None: let it finish by itself. Returns its events and its process id.
    """
    reader_end, writer_end = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=target, args=(*args, writer_end, *extra), daemon=True)
    proc.start()
    writer_end.close()  # the child holds the only writer: EOF once it is dead
    events: list[dict[str, object]] = []
    ready = threading.Event()

    def read() -> None:
        while True:  # drain continuously so the child never blocks on a full pipe
            try:
                message = reader_end.recv_bytes()
            except (EOFError, OSError):
                return
            event = json.loads(message)
            if event.get("ready"):
                ready.set()
            else:
                events.append(event)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(60):
        proc.kill()
        raise AssertionError(f"child did not start (exit code {proc.exitcode})")
    assert proc.pid is not None
    if delay is None:
        proc.join(120)
        reader.join(30)
        reader_end.close()
        assert proc.exitcode == 0, f"child failed (exit code {proc.exitcode})"
        return events, proc.pid
    time.sleep(delay)
    alive = proc.is_alive()  # a child that crashed by itself is caught here, whatever its status says
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(30)
    reader.join(30)
    reader_end.close()
    assert alive, f"child ended by itself before the kill (exit code {proc.exitcode})"
    # The fork server reports a child's status over a pipe; under heavy load that read can fail and
    # multiprocessing then says 255 for a child our SIGKILL did end (seen once in CI). Any other code is real.
    assert proc.exitcode in (-signal.SIGKILL, 255), f"child ended by itself (exit code {proc.exitcode})"
    return events, proc.pid


def _series(ctx: multiprocessing.context.ForkServerContext, db_path: Path, index: int,
            outcome: dict[int, Model | BaseException]) -> None:
    try:
        rng = random.Random(1000 + index)
        model = Model()
        _integrity, _rows, model.titles = _db_state(db_path)
        for run in range(RUNS_PER_SERIES):
            events = _run_once(ctx, db_path, seed=index * 1000 + run, delay=rng.uniform(0.0, MAX_DELAY_S))
            _verify(db_path, events, model)
        outcome[index] = model
    except BaseException as exc:  # reported by the test thread
        outcome[index] = exc


@pytest.mark.slow
def test_sigkill_during_edits_loses_nothing_committed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ctx = _context()
    import crash_child

    for i in range(SERIES):
        crash_child.seed_database(tmp_path / f"kill{i}.db")
    outcome: dict[int, Model | BaseException] = {}
    threads = [threading.Thread(target=_series, args=(ctx, tmp_path / f"kill{i}.db", i, outcome))
               for i in range(SERIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result in outcome.values():
        if isinstance(result, BaseException):
            raise result
    assert len(outcome) == SERIES
    models = [m for m in outcome.values() if isinstance(m, Model)]
    runs = SERIES * RUNS_PER_SERIES
    edits = sum(m.committed_edits for m in models)
    assert runs >= 50
    # Kills land at random moments, some before a child's first edit (more of them on a loaded machine, where
    # the total was once 59 for 60 runs): ask for real edits in bulk, not one per run.
    assert edits >= runs // 2, "the children made real edits before being killed"
    # The database still opens through the app afterwards.
    from briefing_app.services import Services

    for i in range(SERIES):
        services = Services.open(tmp_path / f"kill{i}.db")
        assert services.db.integrity_check() == ["ok"]
        services.close()
    with capsys.disabled():
        print(f"\nkill test: {runs} SIGKILL runs, {edits} committed edits verified, "
              f"{sum(m.in_flight_landed for m in models)} in-flight edits landed whole, integrity ok")


# ---------------------------------------------------------------------------------------------------------------
# SIGKILL during restore, first creation, folder import, export and backup. After every kill the next start
# (the app's own open path) must find a database that opens, passes ``PRAGMA integrity_check`` and the FTS5
# index's 'integrity-check', and holds every acknowledged operation; temporary files of killed processes are
# removed by the next process that writes there.

SCENARIO_RUNS = 12  # per series; two series per scenario in parallel
SCENARIO_MAX_DELAY_S = {"restore": 0.3, "create": 0.8, "import": 0.35, "export": 0.5, "backup": 0.35}


@dataclass
class Tally:
    """Counts of one scenario, for the summary line."""

    kills: int = 0
    acknowledged: int = 0
    lost: int = 0
    in_flight_landed: int = 0


def _next_start(db_path: Path) -> None:
    """Open ``db_path`` the way the app starts (which finishes or undoes an interrupted restore)."""
    from briefing_app.services import Services

    # One at a time: Alembic's migration context is global to the process (the app migrates one file).
    with _OPEN_LOCK:
        services = Services.open(db_path)
        try:
            assert services.db.integrity_check() == ["ok"]
        finally:
            services.close()


_OPEN_LOCK = threading.Lock()


def _checked_rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    """integrity_check and the FTS5 integrity check (index against the article table), then ``sql``'s rows."""
    conn = sqlite3.connect(db_path)
    try:
        assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
        conn.execute("INSERT INTO article_fts(article_fts, rank) VALUES('integrity-check', 1)")
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def _last_begin(events: list[dict[str, object]]) -> dict[str, object] | None:
    in_flight: dict[str, object] | None = None
    for event in events:
        if "begin" in event:
            in_flight = event
        elif "done" in event:
            in_flight = None
    return in_flight


def _titles(db_path: Path) -> list[str]:
    return [str(r[0]) for r in _checked_rows(db_path, "SELECT title FROM article ORDER BY title")]


def _seed_titles(db_path: Path, titles: list[str]) -> None:
    from briefing_app.importers import ImportedDocument
    from briefing_app.services import Services

    services = Services.open(db_path)
    for title in titles:
        services.articles.add(ImportedDocument(title=title, source_path="",
                                               text=f"{title}. Ministers met in Delhi to discuss trade."))
    services.close()


class Scenario:
    """One kind of operation killed again and again on its own folder."""

    name = ""

    def __init__(self, folder: Path, index: int) -> None:
        self.folder = folder
        self.index = index
        self.tally = Tally()
        self.pids: list[int] = []

    def prepare(self) -> None:
        """Make the starting state."""

    def child(self, seed: int) -> tuple[Callable[..., None], tuple[object, ...], tuple[object, ...]]:
        """The child's function, its leading arguments and those after the pipe."""
        raise NotImplementedError

    def verify(self, events: list[dict[str, object]]) -> None:
        """Check the state after a kill (the child's pid is the last of ``self.pids``)."""
        raise NotImplementedError

    def finish(self, ctx: multiprocessing.context.ForkServerContext) -> None:
        """Checks once the series is over."""

    def cleaned(self) -> None:
        """Note that the last child wrote there (and so removed what earlier killed children had left)."""
        self.last_cleaner = len(self.pids) - 1

    def stale_left(self, folder: Path, pattern: str) -> None:
        """Temporary files of killed children may only belong to the last one that wrote there or later ones."""
        recent = set(self.pids[getattr(self, "last_cleaner", 0):])
        import re

        for path in folder.iterdir():
            match = re.fullmatch(pattern, path.name)
            if match:
                assert int(match["pid"]) in recent, f"a temporary file of a killed process was never removed: {path}"


class RestoreScenario(Scenario):
    name = "restore"

    def prepare(self) -> None:
        from briefing_app.storage.backup import backup_copy
        from briefing_app.storage.paths import backups_dir

        self.db = self.folder / "restore.db"
        self.contents: dict[str, list[str]] = {}
        for day, titles in ((1, ["A one", "A two"]), (2, ["B one", "B two", "B three"])):
            scratch = self.folder / f"scratch{day}.db"
            _seed_titles(scratch, titles)
            made = backup_copy(scratch, backups_dir(self.db) / f"restore-auto-2025010{day}-000000.db")
            self.contents[str(made)] = sorted(titles)
        _seed_titles(self.db, ["Live one"])
        self.current = ["Live one"]

    def child(self, seed: int) -> tuple[Callable[..., None], tuple[object, ...], tuple[object, ...]]:
        import crash_child

        return crash_child.restore_loop, (str(self.db), seed), (sorted(self.contents),)

    def verify(self, events: list[dict[str, object]]) -> None:
        for event in events:
            if "done" in event:
                self.current = self.contents[str(event["backup"])]
                self.tally.acknowledged += 1
                self.cleaned()
        in_flight = _last_begin(events)
        assert self.db.exists(), "a restore killed midway left no database at all"
        _next_start(self.db)
        titles = _titles(self.db)
        if titles != self.current:
            landed = in_flight is not None and titles == self.contents[str(in_flight["backup"])]
            if not landed:
                self.tally.lost += 1
            assert landed, (titles, self.current, in_flight)
            self.tally.in_flight_landed += 1
            self.current = titles
        assert not self.db.with_name(self.db.name + ".restore-journal").exists(), \
            "the next start did not finish or undo the interrupted restore"
        # The killed child's half-made copy is removed by the next process that restores.
        self.stale_left(self.folder, r"restore\.db\.restoring-(?P<pid>\d+)(?:\.\d+\.part)?(?:-journal)?")


class CreateScenario(Scenario):
    name = "create"

    def prepare(self) -> None:
        self.dbs = self.folder / "dbs"
        self.dbs.mkdir()
        self.acked: dict[str, str] = {}
        self.attempted: list[str] = []

    def child(self, seed: int) -> tuple[Callable[..., None], tuple[object, ...], tuple[object, ...]]:
        import crash_child

        return crash_child.create_loop, (str(self.dbs), seed), ()

    def verify(self, events: list[dict[str, object]]) -> None:
        for event in events:
            if "begin" in event:
                self.attempted.append(str(event["path"]))
            elif "done" in event:
                self.acked[str(event["path"])] = str(event["title"])
                self.tally.acknowledged += 1
                _next_start(Path(str(event["path"])))
                if str(event["title"]) not in _titles(Path(str(event["path"]))):
                    self.tally.lost += 1
                    raise AssertionError(f"acknowledged article missing in {event['path']}")
        in_flight = _last_begin(events)
        if in_flight is not None:
            path = Path(str(in_flight["path"]))
            # Whatever the kill left (nothing, a half-made file, the complete database) the next start opens.
            _next_start(path)
            titles = _titles(path)
            assert titles in ([], [str(in_flight["title"])]), titles
            self.tally.in_flight_landed += bool(titles)

    def finish(self, ctx: multiprocessing.context.ForkServerContext) -> None:
        import crash_child

        # A later start of each database removes what killed first starts left beside it.
        _run_child(ctx, crash_child.open_each, (sorted(set(self.attempted)),), None)
        leftovers = [p.name for p in self.dbs.iterdir() if ".creating-" in p.name]
        assert not leftovers, leftovers
        for path, title in self.acked.items():
            assert title in _titles(Path(path))


class ImportScenario(Scenario):
    name = "import"

    def prepare(self) -> None:
        self.db = self.folder / "import.db"
        _seed_titles(self.db, ["Already there"])
        self.acked: dict[int, str] = {}
        self.landed: set[str] = set()

    def child(self, seed: int) -> tuple[Callable[..., None], tuple[object, ...], tuple[object, ...]]:
        import crash_child

        return crash_child.import_loop, (str(self.db), seed), (str(self.folder / "in"),)

    def verify(self, events: list[dict[str, object]]) -> None:
        for event in events:
            if "done" in event:
                for article_id, title in event["articles"]:  # type: ignore[attr-defined]
                    self.acked[int(article_id)] = str(title)
                    self.tally.acknowledged += 1
        in_flight = _last_begin(events)
        _next_start(self.db)
        rows = {int(r[0]): str(r[1]) for r in _checked_rows(self.db, "SELECT id, title FROM article")}
        missing = {i: t for i, t in self.acked.items() if rows.get(i) != t}
        self.tally.lost += len(missing)
        assert not missing, f"acknowledged imports lost: {missing}"
        allowed = set(in_flight["titles"]) if in_flight else set()  # type: ignore[arg-type]
        extra = {t for i, t in rows.items() if i not in self.acked and t != "Already there"} - self.landed
        assert extra <= allowed, extra  # each file of the batch in flight is there whole or not at all
        self.tally.in_flight_landed += len(extra)
        self.landed |= extra


class ExportScenario(Scenario):
    name = "export"

    def prepare(self) -> None:
        self.db = self.folder / "export.db"
        _seed_titles(self.db, ["Talks one", "Talks two"])
        self.out = self.folder / "out"
        self.out.mkdir()
        self.acked: dict[int, str] = {}

    def child(self, seed: int) -> tuple[Callable[..., None], tuple[object, ...], tuple[object, ...]]:
        import crash_child

        return crash_child.export_loop, (str(self.db), seed), (str(self.out),)

    def verify(self, events: list[dict[str, object]]) -> None:
        import docx

        for event in events:
            if "done" in event:
                self.acked[int(event["id"])] = str(event["title"])  # type: ignore[arg-type]
                self.tally.acknowledged += 1
                self.cleaned()
        in_flight = _last_begin(events)
        _next_start(self.db)
        rows = {int(r[0]): str(r[1]) for r in _checked_rows(self.db, "SELECT id, title FROM briefing")}
        missing = {i: t for i, t in self.acked.items() if rows.get(i) != t}
        self.tally.lost += len(missing)
        assert not missing, f"acknowledged briefings lost: {missing}"
        extra = [t for i, t in rows.items() if i not in self.acked]
        assert len(extra) <= 1 and (not extra or (in_flight and extra[0] == in_flight["title"])), extra
        if extra:
            # The draft of the export in flight was committed whole; adopt it.
            self.acked.update({i: t for i, t in rows.items() if i not in self.acked})
            self.tally.in_flight_landed += 1
        note = self.out / "note.docx"
        if note.exists():
            docx.Document(str(note))  # the exported note is never half-written
        self.stale_left(self.out, r"\.~note-(?P<pid>\d+)-[a-z0-9_]+\.tmp")


class BackupScenario(Scenario):
    name = "backup"

    def prepare(self) -> None:
        self.db = self.folder / "backup.db"
        _seed_titles(self.db, ["Original title"])
        self.title = "Original title"

    def child(self, seed: int) -> tuple[Callable[..., None], tuple[object, ...], tuple[object, ...]]:
        import crash_child

        return crash_child.backup_loop, (str(self.db), seed), ()

    def verify(self, events: list[dict[str, object]]) -> None:
        from briefing_app.storage.backup import is_good_backup, list_backups
        from briefing_app.storage.paths import backups_dir

        for event in events:
            if "done" in event:
                self.tally.acknowledged += 1
                if event["op"] == "title":
                    self.title = str(event["title"])
                else:
                    self.cleaned()
        in_flight = _last_begin(events)
        _next_start(self.db)
        titles = _titles(self.db)
        if titles != [self.title]:
            landed = in_flight is not None and titles == [in_flight.get("title")]
            self.tally.lost += not landed
            assert landed, (titles, self.title, in_flight)
            self.tally.in_flight_landed += 1
            self.title = titles[0]
        for info in list_backups(self.db):
            assert is_good_backup(info.path), f"a backup under its final name is not good: {info.path}"
        if backups_dir(self.db).exists():
            self.stale_left(backups_dir(self.db), r".+\.db\.(?P<pid>\d+)\.part(?:-journal)?")


SCENARIOS: tuple[type[Scenario], ...] = (RestoreScenario, CreateScenario, ImportScenario, ExportScenario,
                                         BackupScenario)


def _scenario_series(ctx: multiprocessing.context.ForkServerContext, scenario: Scenario,
                     outcome: dict[tuple[str, int], BaseException | None]) -> None:
    try:
        rng = random.Random(f"{scenario.name}-{scenario.index}")  # deterministic, different per series
        for run in range(SCENARIO_RUNS):
            target, args, extra = scenario.child(seed=scenario.index * 1000 + run)
            events, pid = _run_child(ctx, target, args, rng.uniform(0.0, SCENARIO_MAX_DELAY_S[scenario.name]),
                                     extra)
            scenario.pids.append(pid)
            scenario.tally.kills += 1
            scenario.verify(events)
        scenario.finish(ctx)
        outcome[(scenario.name, scenario.index)] = None
    except BaseException as exc:  # reported by the test thread
        outcome[(scenario.name, scenario.index)] = exc


@pytest.mark.slow
def test_sigkill_during_restore_creation_import_export_and_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], record_property: Callable[[str, object], None]
) -> None:
    ctx = _context()
    scenarios = []
    for kind in SCENARIOS:
        for i in range(SERIES):
            folder = tmp_path / f"{kind.name}{i}"
            folder.mkdir()
            scenario = kind(folder, i)
            scenario.prepare()
            scenarios.append(scenario)
    outcome: dict[tuple[str, int], BaseException | None] = {}
    # Two series at a time (two cores): both series of one scenario run side by side.
    for start in range(0, len(scenarios), SERIES):
        threads = [threading.Thread(target=_scenario_series, args=(ctx, s, outcome))
                   for s in scenarios[start:start + SERIES]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    for error in outcome.values():
        if error is not None:
            raise error
    totals: dict[str, Tally] = {}
    for scenario in scenarios:
        tally = totals.setdefault(scenario.name, Tally())
        for name in ("kills", "acknowledged", "lost", "in_flight_landed"):
            setattr(tally, name, getattr(tally, name) + getattr(scenario.tally, name))
    kills = sum(t.kills for t in totals.values())
    acknowledged = sum(t.acknowledged for t in totals.values())
    lost = sum(t.lost for t in totals.values())
    parts = ", ".join(f"{name} {t.kills} kills/{t.acknowledged} acknowledged/{t.lost} lost"
                      for name, t in totals.items())
    summary = (f"kill test (restore, creation, import, export, backup): {kills} SIGKILLs, {acknowledged} "
               f"acknowledged operations verified, {lost} lost; {parts}")
    record_property("kill_summary", summary)
    with capsys.disabled():
        print(f"\n{summary}")
    assert lost == 0
    assert kills >= 100
    assert acknowledged >= kills, "the children did real work between the kills"
