"""A short run of the desk load test (tests/benchmarks/load_desk.py): several officers' processes
append to the same briefings at once; every acknowledged edit is there once, none lost."""

from __future__ import annotations

from tests.benchmarks.load_desk import run_load


def test_concurrent_writer_processes_lose_no_acknowledged_edit(db_target: str) -> None:
    figures = run_load(db_target, writers=3, seconds=2)
    assert figures["acknowledged"] > 0
    assert figures["lost"] == 0
    assert figures["duplicated"] == 0
    assert figures["briefings_with_version_mismatch"] == 0
