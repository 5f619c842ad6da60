"""Others' changes shown live (issue 19 item 2): what the poll costs, and what showing a change
costs the window.

Rows (medians; the machine may be shared):
- one poll (``ChangeFeed.check`` when nothing changed: the one-statement stamp) with the
  40,000-word report open (thousands of tags), in the generated libraries of 0, 10,000 and
  100,000 articles (``libraries.py``): the cost must not grow with the library;
- another officer relabels one tag of the open report: the window thread's share (applying the
  change, notice, redraw until rendering is done), target < 100 ms (no stall);
- another officer accepts all remaining suggestions of the report at once: the same, target < 100 ms.
The check that reads the changed rows runs in the worker and is printed separately.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/run_benchmarks.py live
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_edits import _add_report, _settle, _window

ROUNDS = int(os.environ.get("BENCH_LIVE_ROUNDS", "7"))
POLLS = 200
STALL_TARGET_MS = 100.0


def _poll_cost(articles: int) -> float:
    from libraries import library_copy

    from briefing_app.services import Services
    from briefing_app.services.live import ChangeFeed

    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(library_copy(articles, Path(tmp)))
        try:
            report = _add_report(services)
            feed = ChangeFeed(services.db)
            state = feed.start(report)
            times = []
            for _ in range(POLLS):
                started = time.perf_counter()
                assert feed.check(state) is None
                times.append((time.perf_counter() - started) * 1000)
        finally:
            services.close()
    return statistics.median(times)


def _shown(app: Any, window: Any, live: Any, update: Any) -> float:
    started = time.perf_counter()
    live._checked(update)  # the worker's answer arriving on the window thread
    app.processEvents()
    while not window.view.rendering_done():
        app.processEvents()
    return (time.perf_counter() - started) * 1000


def _window_share() -> tuple[list[float], list[float], list[float], int]:
    from PySide6.QtWidgets import QApplication

    from briefing_app.services import Services

    app = QApplication.instance() or QApplication([])
    one, bulk, checks = [], [], []
    tags = 0
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "desk.db"
            services = Services.open(db, officer="Asha")
            other = Services.open(db, officer="Bram")
            report = _add_report(services)
            window = _window(services)
            window.show_article(report)
            while not window.view.rendering_done():
                app.processEvents()
            _settle(app)
            live = window.live
            live.timer.stop()  # checks are run by hand here
            state = live.feed.start(report)
            live.state = state
            rows = [a for a in other.annotations.rows_for_article(report) if a.kind == "entity"]
            tags = len(rows)
            other.annotations.relabel(rows[5].id, "ORG" if rows[5].label != "ORG" else "PERSON")
            started = time.perf_counter()
            update = live.feed.check(state)
            checks.append((time.perf_counter() - started) * 1000)
            one.append(_shown(app, window, live, update))
            assert live.notice.text().startswith("Updated: Bram changed 1 tag"), live.notice.text()
            other.annotations.accept_all_remaining(report)
            update = live.feed.check(live.state)
            bulk.append(_shown(app, window, live, update))
            window.close()
            other.close()
            services.close()
    return one, bulk, checks, tags


def _figure(values: list[float], target: float | None = None) -> str:
    median = statistics.median(values)
    text = f"{median:7.2f} ms median, {max(values):.1f} worst of {len(values)}"
    if target is not None:
        text += f" (target < {target:.0f} ms: {'ok' if median < target else 'OVER'})"
    return text


def run() -> list[tuple[str, str]]:
    """Figures for the benchmark runner."""
    rows = [(f"one poll, report open, {n:,}-article library", f"{_poll_cost(n):7.2f} ms median of {POLLS}")
            for n in (0, 10_000, 100_000)]
    one, bulk, checks, tags = _window_share()
    rows += [
        (f"worker: reading the report's changed rows ({tags:,} tags)", _figure(checks)),
        ("window thread: another officer's one relabel shown", _figure(one, STALL_TARGET_MS)),
        ("window thread: another officer's accept-all shown", _figure(bulk, STALL_TARGET_MS)),
    ]
    return rows


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for name, value in run():
        print(f"{name:<60} {value}")
