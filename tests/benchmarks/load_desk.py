"""Desk load test (issue 19): many officers' processes editing the same briefings at once.

Run: ``.venv/bin/python tests/benchmarks/load_desk.py [--writers 20] [--seconds 60] [--db URL]``.
Without ``--db`` it starts a throwaway PostgreSQL cluster (tests/pg_cluster.py) and removes it after.
Not part of the unit suite (tests/services/test_desk_load.py runs a short version of it).

Each writer process is one officer. In a loop it picks one of a few shared briefings, reads it and
appends its own token to the briefing's summary through the services (read, then write), as an
officer adding a bullet does. A write refused because another officer changed the briefing since
(StaleEdit) is read again and retried; only a write that returned is *acknowledged*. At the end
every acknowledged token must be in its briefing exactly once (none lost to an overwrite), and each
briefing's version must have moved by exactly its number of acknowledged writes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SHARED_BRIEFINGS = 8


def _writer(target: str, officer: str, briefing_ids: list[int], seconds: float, ready: Any, start: Any,
            results: Any) -> None:
    """One officer: append tokens to random shared briefings until the time is up."""
    from briefing_app.services import Services
    from briefing_app.storage.errors import StaleEdit, StorageError

    services = Services.open(target, officer=officer)
    rng = random.Random(officer)
    acknowledged: list[tuple[int, str]] = []
    refused = errors = 0
    ready.put(officer)
    start.wait()
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        briefing_id = rng.choice(briefing_ids)
        token = f"{officer}-{n}"
        n += 1
        while time.monotonic() < end + 5:  # a started edit is finished (or given up) shortly after
            briefing = services.briefings.get(briefing_id)
            assert briefing is not None
            try:
                services.briefings.update(briefing_id, summary=[*briefing.summary, token])
            except StaleEdit:
                refused += 1
                continue
            except StorageError:  # busy: counted, retried
                errors += 1
                continue
            acknowledged.append((briefing_id, token))
            break
    services.close()
    results.put({"officer": officer, "acknowledged": acknowledged, "refused": refused, "errors": errors})


def run_load(target: str, writers: int, seconds: float) -> dict[str, Any]:
    """Run the load on the database ``target`` (made ready here); return the figures and the check."""
    from briefing_app.services import Services

    setup = Services.open(target, officer="setup")
    ids = [setup.briefings.create(f"Shared note {i}").id or 0 for i in range(SHARED_BRIEFINGS)]
    start_versions = {b: setup.briefings.get(b).version for b in ids}  # type: ignore[union-attr]
    setup.close()
    ctx = mp.get_context("spawn")
    ready, start, results = ctx.Queue(), ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(target, f"officer{i:02d}", ids, seconds, ready, start, results))
             for i in range(writers)]
    for p in procs:
        p.start()
    for _ in procs:  # every officer has imported the app and opened the database
        ready.get(timeout=600)
    start.set()
    reports = [results.get(timeout=seconds + 600) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    acknowledged = [edit for r in reports for edit in r["acknowledged"]]
    check = Services.open(target, officer="check")
    lost, duplicated, version_mismatch = 0, 0, 0
    for briefing_id in ids:
        briefing = check.briefings.get(briefing_id)
        assert briefing is not None
        stored = list(briefing.summary)
        mine = [t for b, t in acknowledged if b == briefing_id]
        lost += len(set(mine) - set(stored))
        duplicated += len(stored) - len(set(stored))
        if briefing.version - start_versions[briefing_id] != len(mine):
            version_mismatch += 1
    check.close()
    return {
        "writers": writers, "seconds": seconds, "acknowledged": len(acknowledged), "lost": lost,
        "duplicated": duplicated, "briefings_with_version_mismatch": version_mismatch,
        "refused_stale_and_retried": sum(r["refused"] for r in reports),
        "busy_retried": sum(r["errors"] for r in reports),
        "edits_per_second": round(len(acknowledged) / seconds, 1),  # (all writers start together)
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--db", help="a desk database URL (default: a throwaway PostgreSQL cluster)")
    args = parser.parse_args()
    cluster = None
    target = args.db
    if target is None:
        from tests.pg_cluster import Cluster, find_bin_dir

        bin_dir = find_bin_dir()
        if bin_dir is None:
            print("PostgreSQL binaries not found (install postgresql or set PG_BIN)", file=sys.stderr)
            return 2
        cluster = Cluster(bin_dir).start()
        target = cluster.create_database("desk_load")
    try:
        figures = run_load(target, args.writers, args.seconds)
    finally:
        if cluster is not None:
            cluster.stop()
    print(json.dumps(figures, indent=2))
    print(f"writers: {figures['writers']}, edits acknowledged: {figures['acknowledged']}, "
          f"lost: {figures['lost']}, edits/s: {figures['edits_per_second']}")
    ok = figures["lost"] == 0 and figures["duplicated"] == 0 and figures["briefings_with_version_mismatch"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
