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
    ctx.set_forkserver_preload(["briefing_app.core.services", "crash_child"])
    return ctx


def _run_once(ctx: multiprocessing.context.ForkServerContext, db_path: Path, seed: int,
              delay: float) -> list[dict[str, object]]:
    import crash_child

    reader_end, writer_end = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=crash_child.main, args=(str(db_path), seed, writer_end), daemon=True)
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
    time.sleep(delay)
    assert proc.pid is not None
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(30)
    reader.join(30)
    reader_end.close()
    assert proc.exitcode == -signal.SIGKILL, f"child ended by itself (exit code {proc.exitcode})"
    return events


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
    assert edits >= runs, "the children made real edits before being killed"
    # The database still opens through the app afterwards.
    from briefing_app.core.services import Services

    for i in range(SERIES):
        services = Services.open(tmp_path / f"kill{i}.db")
        assert services.db.integrity_check() == ["ok"]
        services.close()
    with capsys.disabled():
        print(f"\nkill test: {runs} SIGKILL runs, {edits} committed edits verified, "
              f"{sum(m.in_flight_landed for m in models)} in-flight edits landed whole, integrity ok")
