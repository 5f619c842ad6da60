"""Analysis speed against stock spaCy, and event-loop stalls while the GUI analyses a long report.

Targets (DESIGN §6): app/stock ratio <= 1.0; a 40,000-word report analysed with
a progress bar and no event-loop stall over 100 ms.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from briefing_app.domain.text import normalize_text
from briefing_app.resources import resource_path

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "gold"

#: Event-loop gaps are still measured this long after ``analysisFinished`` (work it defers).
AFTER_SECONDS = 1.0


def _corpus() -> str:
    texts = [resource_path("sample_article.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(GOLD_DIR.glob("*.txt"))]
    return normalize_text("\n\n".join(texts))


def _report(words: int) -> str:
    base = _corpus()
    paragraphs = base.split("\n")
    out: list[str] = []
    count = 0
    i = 0
    while count < words:
        para = paragraphs[i % len(paragraphs)]
        out.append(para)
        count += len(para.split())
        i += 1
    return "\n".join(out)


def _gui_stall(text: str, library: Path | None = None) -> tuple[float, float, int]:
    """(seconds to analyse, largest event-loop gap in ms, progress updates) in the real window,
    on an empty database or a copy of ``library``."""
    from PySide6.QtCore import QElapsedTimer, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.main_window import MainWindow
    from briefing_app.services import Services
    from briefing_app.settings import Settings

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(library or Path(tmp) / "bench.db")
        window = MainWindow(services, Settings())
        window.resize(1366, 768)
        window.show()
        while window.analyzer is None:
            app.processEvents()
            time.sleep(0.01)
        source = Path(tmp) / "report.txt"
        source.write_text(text, encoding="utf-8")
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        progress_updates = [0]
        window.progress.valueChanged.connect(lambda _v: progress_updates.__setitem__(0, progress_updates[0] + 1))
        done: list[int] = []
        window.analysisFinished.connect(done.append)
        started = time.perf_counter()
        timer.start()
        window.open_path(source)
        # The file is read and stored in a worker, then listed and shown in later turns: measured too.
        while not done:
            app.processEvents()
            time.sleep(0.002)
        elapsed = time.perf_counter() - started
        # What follows the analysis in later turns (the Entities panel read in a worker and filled
        # in steps, the last highlights) is measured too, until the panel is filled and a moment after.
        panel = getattr(getattr(window, "review", None), "entities_panel", None)
        settle = time.perf_counter() + AFTER_SECONDS
        while time.perf_counter() < settle or getattr(panel, "loading", False):
            app.processEvents()
            time.sleep(0.002)
        timer.stop()
        window.close()
        QThreadPool.globalInstance().waitForDone()
        services.close()
    return elapsed, max(gaps) if gaps else 0.0, progress_updates[0]


def run() -> list[tuple[str, str]]:
    """Figures for the benchmark runner."""
    from briefing_app.nlp.analyzer import create_analyzer
    from tests.benchmarks.analysis_speed import bench_analysis

    analyzer = create_analyzer()
    rows = []
    for label, text in (("sample article", resource_path("sample_article.txt").read_text(encoding="utf-8")),
                        (f"sample + {len(list(GOLD_DIR.glob('*.txt')))} gold articles", _corpus()),
                        ("10,000-word report", _report(10_000))):
        r = bench_analysis(normalize_text(text), repeats=3, analyzer=analyzer)
        rows.append((f"analysis/stock ratio, {label} ({r['words']} words)",
                     f"{r['ratio']:.2f}  (target <= 1.0; app {r['app_seconds']:.2f} s, "
                     f"stock {r['stock_seconds']:.2f} s, {r['words_per_second']:.0f} words/s)"))
    elapsed, stall, updates = _gui_stall(_report(40_000))
    rows.append(("GUI: 40,000-word report analysed", f"{elapsed:.1f} s, {updates} progress updates"))
    rows.append(("GUI: largest event-loop stall during it", f"{stall:.0f} ms  (target < 100 ms)"))
    from libraries import library_copy

    with tempfile.TemporaryDirectory() as tmp:
        library = library_copy(10_000, Path(tmp))
        short = resource_path("sample_article.txt").read_text(encoding="utf-8")
        elapsed, stall, _updates = _gui_stall(short, library)
    rows.append(("GUI: short article opened and analysed, 10,000-article library",
                 f"{elapsed:.1f} s; largest event-loop stall {stall:.0f} ms  (target < 100 ms)"))
    return rows


if __name__ == "__main__":
    for name, value in run():
        print(f"{name:<60} {value}")
