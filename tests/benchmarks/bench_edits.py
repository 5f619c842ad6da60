"""Edits and opening at size (issue 17): the real window path, timed until the window answers again.

Rows (each a median of several alternating rounds; the machine may be shared, so read medians):
- one edit (accept, relabel) of a tag on a 40,000-word report: ``ReviewController.accept`` /
  ``apply_label`` (service, database, ChangeCommand on the undo stack, highlight re-render, panels,
  status, library row) plus the event-loop turn that follows; target < 16 ms;
- the first edit of an article in the generated 10,000-article library (the edit also marks the
  article "in review", which updates its library row); target < 16 ms;
- the longest event-loop stall while a short article is opened (imported, listed, shown with its
  panels) in the 10,000-article library; target < 100 ms. The analyser is not loaded here: its
  own stalls are measured by ``bench_analysis`` (the analysis leaves the GUI process).

The report is the gold corpus repeated to 40,000 words with a tag on every capitalised name
(about one word in eight) and a pillar on every third sentence, stored as analysis suggestions.
The library is the generated one of ``libraries.py``, with every article marked analysed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/run_benchmarks.py edits
    (BENCH_EDIT_ROUNDS=5 for fewer rounds)
"""

from __future__ import annotations

import os
import re
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

EDIT_TARGET_MS = 16.0
STALL_TARGET_MS = 100.0
ROUNDS = int(os.environ.get("BENCH_EDIT_ROUNDS", "9"))
_LABELS = ("PERSON", "ORG", "GPE", "DATE", "NORP")
_PILLARS = ("defence", "trade", "diplomacy", "technology")
_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def _report_text(words: int) -> str:
    from briefing_app.domain.text import normalize_text
    from briefing_app.resources import resource_path

    gold = Path(__file__).resolve().parents[1] / "data" / "gold"
    texts = [resource_path("sample_article.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(gold.glob("*.txt"))]
    paragraphs = [p for p in normalize_text("\n\n".join(texts)).split("\n") if p.strip()]
    out: list[str] = []
    count = i = 0
    while count < words:
        out.append(paragraphs[i % len(paragraphs)])
        count += len(out[-1].split())
        i += 1
    return "\n".join(out)


def _add_report(services: Any, words: int = 40_000) -> int:
    """The long report with its suggestions, stored as an analysis stores them."""
    from briefing_app.importers import ImportedDocument
    from briefing_app.nlp.types import AnalysisResult, EntitySpan, Passage

    text = _report_text(words)
    entities = [EntitySpan(m.start(), m.end(), _LABELS[i % len(_LABELS)], m.group(), "model",
                           f"{_LABELS[i % len(_LABELS)]}:{m.group().lower()}", 0.8)
                for i, m in enumerate(_NAME.finditer(text))]
    passages, start = [], 0
    for i, m in enumerate(re.finditer(r"[.!?](?:\s|$)", text)):
        if i % 3 == 0:
            passages.append(Passage(start, m.start() + 1, [_PILLARS[i % len(_PILLARS)]], {}, []))
        start = m.end()
    article = services.articles.add(ImportedDocument(title="Long report", text=text, source_path=""))
    services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=entities, passages=passages))
    return int(article.id)


def _window(services: Any) -> Any:
    """The real main window on ``services``, without the language model (not part of these figures)."""
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.main_window import MainWindow
    from briefing_app.settings import Settings

    app = QApplication.instance() or QApplication([])
    window = MainWindow(None, None)
    window._model_started = True  # no model load: an analysis asked for waits (none is, articles are analysed)
    window.attach(services, Settings())
    window.resize(1366, 768)
    window.show()
    _settle(app)
    return window


def _settle(app: Any, turns: int = 20) -> None:
    for _ in range(turns):
        app.processEvents()
        time.sleep(0.005)


def _timed_edit(app: Any, window: Any, action: Any) -> float:
    """ms from the key's action to the end of the event-loop turn after it (deferred refreshes too)."""
    started = time.perf_counter()
    action()
    app.processEvents()
    elapsed = (time.perf_counter() - started) * 1000
    while not window.view.rendering_done():
        app.processEvents()
    return elapsed


def _suggestions(services: Any, article_id: int, limit: int) -> list[int]:
    """Open entity suggestions overlapping no other entity tag (the generated library's tags are
    placed at random, and an accept over an overlap is refused)."""
    rows = [a for a in services.annotations.rows_for_article(article_id) if a.kind == "entity"]
    return [a.id for a in rows if a.status == "suggested" and a.label in _LABELS
            and not any(b.id != a.id and b.start < a.end and a.start < b.end for b in rows)][:limit]


def _report_edits() -> tuple[list[float], list[float], int]:
    from PySide6.QtWidgets import QApplication

    from briefing_app.services import Services

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(Path(tmp) / "report.db")
        article_id = _add_report(services)
        tags = len(services.annotations.rows_for_article(article_id))
        window = _window(services)
        window.show_article(article_id)
        while not window.view.rendering_done():
            app.processEvents()
        _settle(app)
        controller = window.review.controller
        ids = _suggestions(services, article_id, 4 * ROUNDS + 10)
        accepts, relabels = [], []
        for n in range(ROUNDS):  # alternate the two kinds of edit, each on a fresh suggestion
            accept_id, relabel_id = ids[2 * n + 7], ids[2 * n + 8 + ROUNDS]
            controller.set_current("entity", accept_id)
            accepts.append(_timed_edit(app, window, lambda i=accept_id: controller.accept(i)))
            controller.set_current("entity", relabel_id)
            label = "ORG" if window.view.entity_marks[relabel_id].label != "ORG" else "PERSON"
            relabels.append(_timed_edit(app, window, lambda i=relabel_id, lab=label: controller.apply_label(lab, i)))
        window.close()
        services.close()
    return accepts, relabels, tags


def _library(tmp: Path, articles: int) -> Path:
    from libraries import library_copy

    db = library_copy(articles, tmp)
    conn = sqlite3.connect(db)
    try:  # as after an import with analysis: opening an article does not start one
        conn.execute("UPDATE article SET analysed_at = created_at WHERE analysed_at IS NULL")
        conn.commit()
    finally:
        conn.close()
    return db


def _library_first_edits(articles: int = 10_000) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from briefing_app.services import Services

    app = QApplication.instance() or QApplication([])
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(_library(Path(tmp), articles))
        window = _window(services)
        new = [s.id for s in services.articles.list_summaries(limit=200) if s.status == "new"][:ROUNDS]
        for article_id in new:
            window.show_article(article_id)
            _settle(app, 5)
            ann = _suggestions(services, article_id, 1)[0]
            window.review.controller.set_current("entity", ann)
            times.append(_timed_edit(app, window, lambda a=ann: window.review.controller.accept(a)))
            assert services.articles.status(article_id) == "in_review", window.review.controller.last_message
        window.close()
        services.close()
    return times


def _opening_stalls(articles: int = 10_000) -> list[float]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from briefing_app.resources import resource_path
    from briefing_app.services import Services

    app = QApplication.instance() or QApplication([])
    short = resource_path("sample_article.txt").read_text(encoding="utf-8")
    stalls = []
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(_library(Path(tmp), articles))
        window = _window(services)
        opened: list[int] = []
        window.articleOpened.connect(opened.append)
        clock = QElapsedTimer()
        for n in range(ROUNDS):
            source = Path(tmp) / f"short-{n}.txt"
            source.write_text(f"{short}\n\nReference note {n}.", encoding="utf-8")
            gaps: list[float] = []
            clock.start()
            last = [0.0]

            def tick(gaps: list[float] = gaps, last: list[float] = last) -> None:
                now = clock.nsecsElapsed() / 1e6
                gaps.append(now - last[0])
                last[0] = now

            timer = QTimer()
            timer.setInterval(5)
            timer.timeout.connect(tick)
            timer.start()
            before = len(opened)
            window.open_path(source)  # the officer's File > Open: read and stored in a worker, then listed, shown
            until = time.perf_counter() + 0.3  # and what follows it in later turns
            while time.perf_counter() < until or len(opened) == before:
                app.processEvents()
                time.sleep(0.001)
            timer.stop()
            tick()
            stalls.append(max(gaps) - 5)
        window.close()
        services.close()
    return stalls


def _commit_floor() -> list[float]:
    """The floor under any saved edit: one tag's status updated and committed on the same kind of
    database (WAL, synchronous=FULL: the commit waits for the disk)."""
    from briefing_app.services import Services

    times = []
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(Path(tmp) / "floor.db")
        article_id = _add_report(services, 2_000)
        ids = _suggestions(services, article_id, ROUNDS)
        for ann in ids:
            started = time.perf_counter()
            with services.db.engine.begin() as conn:
                conn.exec_driver_sql("UPDATE annotation SET status = 'accepted' WHERE id = ?", (ann,))
            times.append((time.perf_counter() - started) * 1000)
        services.close()
    return times


def _figure(values: list[float], target: float) -> str:
    median = statistics.median(values)
    verdict = "ok" if median < target else "OVER"
    return (f"{median:6.1f} ms median, {max(values):.1f} worst of {len(values)} "
            f"(target < {target:.0f} ms: {verdict})")


def run() -> list[tuple[str, str]]:
    """Figures for the benchmark runner."""
    floor = _commit_floor()
    accepts, relabels, tags = _report_edits()
    first = _library_first_edits()
    stalls = _opening_stalls()
    return [
        ("baseline: one tag's UPDATE committed (synchronous=FULL)",
         f"{statistics.median(floor):6.1f} ms median (the disk's share of every edit)"),
        (f"40,000-word report ({tags:,} tags): accept one tag", _figure(accepts, EDIT_TARGET_MS)),
        ("40,000-word report: relabel one tag", _figure(relabels, EDIT_TARGET_MS)),
        ("10,000-article library: first edit of an article", _figure(first, EDIT_TARGET_MS)),
        ("10,000-article library: short article opened, longest stall", _figure(stalls, STALL_TARGET_MS)),
    ]


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for name, value in run():
        print(f"{name:<60} {value}")
