"""Others' changes shown live (issue 19 item 2): what the poll costs, and what showing a change
costs the window.

Rows (medians; the machine may be shared):
- one poll (``ChangeFeed.check`` when nothing changed: the one-statement stamp) with the
  40,000-word report open (thousands of tags), in the generated libraries of 0, 10,000 and
  100,000 articles (``libraries.py``): the cost must not grow with the library;
- another officer relabels one tag of the open report: the longest event-loop stall while the
  window shows it (applying the change, notice, redraw), target < 100 ms;
- another officer accepts all remaining suggestions of the report at once: the same, with the
  officer's own "Accept all remaining" beside it for comparison (the review's bulk redraw and
  panels are shared by both).
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


def _longest_stall(app: Any, window: Any, action: Any) -> float:
    """The longest event-loop gap (ms) from ``action`` until the view has drawn everything, seen by a
    5 ms timer (what the officer feels as the window not answering)."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    action()
    app.processEvents()
    while not window.view.rendering_done():
        app.processEvents()
    until = time.perf_counter() + 0.2
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    tick()
    return max(gaps) - 5


def _window_share() -> tuple[list[float], list[float], list[float], list[float], int]:
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.live_updates import prepare
    from briefing_app.services import Services

    app = QApplication.instance() or QApplication([])
    one, bulk, own, checks = [], [], [], []
    tags = 0
    for _ in range(ROUNDS):
        for mode in ("others", "own"):  # alternately: the machine may be shared
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
                app.processEvents()
                live.state = live.feed.start(report)
                if mode == "own":
                    own.append(_longest_stall(app, window, window.review.controller.accept_all_remaining))
                else:
                    rows = [a for a in other.annotations.rows_for_article(report) if a.kind == "entity"]
                    tags = len(rows)
                    other.annotations.relabel(rows[5].id, "ORG" if rows[5].label != "ORG" else "PERSON")
                    started = time.perf_counter()
                    update = live.feed.check(live.state)
                    assert update is not None
                    answer = prepare(update)
                    checks.append((time.perf_counter() - started) * 1000)
                    one.append(_longest_stall(app, window, lambda a=answer, lv=live: lv._checked(a)))
                    assert live.notice.text().startswith("Updated: Bram changed 1 tag"), live.notice.text()
                    other.annotations.accept_all_remaining(report)
                    update = live.feed.check(live.state)
                    assert update is not None
                    answer = prepare(update)
                    bulk.append(_longest_stall(app, window, lambda a=answer, lv=live: lv._checked(a)))
                window.close()
                other.close()
                services.close()
    return one, bulk, own, checks, tags


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
    one, bulk, own, checks, tags = _window_share()
    rows += [
        (f"worker: check reading one changed row of the report ({tags:,} tags)", _figure(checks)),
        ("longest stall: another officer's one relabel shown", _figure(one, STALL_TARGET_MS)),
        ("longest stall: another officer's accept-all shown", _figure(bulk, STALL_TARGET_MS)),
        ("  (for comparison: the officer's own accept-all)", _figure(own, STALL_TARGET_MS)),
    ]
    return rows


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for name, value in run():
        print(f"{name:<60} {value}")
