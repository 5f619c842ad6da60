"""Bulk-edit benchmark (issue 12, item 5): "Accept all remaining" and its undo on 3,000 suggestions.

Times the real path in the real window: the review controller's action (service call, undo
command pushed, panels and library row refreshed, the first slice of the redraw) and
``undo_stack.undo()`` (change set written back in one transaction, article redrawn) until the
window answers again; the redraw's later slices (BULK_CHUNK tags per event-loop turn) are timed
separately, and the services alone too. Target: under 100 ms each.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/run_benchmarks.py bulk
    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_bulk_edits.py --suggestions 385
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

SUGGESTIONS = 3_000
TARGET_MS = 100.0
ROUNDS = 3
_LABELS = ("PERSON", "ORG", "GPE", "LOC", "DATE", "EVENT")
_SENTENCE = "Officials from Canberra met delegates of Tokyo and Jakarta about port security. "


def _article(services: object, suggestions: int, n: int) -> int:
    """An article with ``suggestions`` open entity suggestions (as analysis stores them)."""
    from briefing_app.importers import ImportedDocument
    from briefing_app.nlp.types import AnalysisResult, EntitySpan

    per_sentence = 3
    text = _SENTENCE * (suggestions // per_sentence + 1) + f"Report {n}."
    spans = []
    for i in range(suggestions):
        sentence, which = divmod(i, per_sentence)
        word = ("Canberra", "Tokyo", "Jakarta")[which]
        start = sentence * len(_SENTENCE) + _SENTENCE.index(word)
        label = _LABELS[i % len(_LABELS)]
        spans.append(EntitySpan(start, start + len(word), label, word, "model", f"{label}:{word.lower()}", 0.8))
    article = services.articles.add(ImportedDocument(title="Long report", text=text, source_path=""))  # type: ignore[attr-defined]
    services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=spans))  # type: ignore[attr-defined]
    return int(article.id)


def run(suggestions: int = SUGGESTIONS) -> list[tuple[str, str]]:
    """Figures: accept-all and its undo through the window, and the service alone."""
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.main_window import MainWindow
    from briefing_app.services import Services
    from briefing_app.settings import Settings

    app = QApplication.instance() or QApplication([])
    accept_ms: list[float] = []
    undo_ms: list[float] = []
    redo_ms: list[float] = []
    service_ms: list[float] = []
    service_undo_ms: list[float] = []
    drain_ms: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(Path(tmp) / "bench.db")
        window = MainWindow(services, Settings())
        window.resize(1366, 768)
        window.show()
        while window.analyzer is None:  # the model loads in the background; wait so it does not skew the figures
            app.processEvents()
            time.sleep(0.01)
        for n in range(ROUNDS):
            article_id = _article(services, suggestions, 2 * n)
            window.show_article(article_id)
            app.processEvents()
            started = time.perf_counter()
            window.review.controller.accept_all_remaining()
            accept_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            while not window.view.rendering_done():  # the redraw's later slices
                app.processEvents()
            drain_ms.append((time.perf_counter() - started) * 1000)
            assert services.annotations.open_counts(article_id)["entity"] == 0
            started = time.perf_counter()
            window.undo_stack.undo()
            undo_ms.append((time.perf_counter() - started) * 1000)
            while not window.view.rendering_done():
                app.processEvents()
            assert services.annotations.open_counts(article_id)["entity"] == suggestions
            started = time.perf_counter()
            window.undo_stack.redo()
            redo_ms.append((time.perf_counter() - started) * 1000)
            while not window.view.rendering_done():
                app.processEvents()
            other = _article(services, suggestions, 2 * n + 1)
            started = time.perf_counter()
            changes = services.annotations.accept_all_remaining(other)
            service_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            services.changes.undo(changes)
            service_undo_ms.append((time.perf_counter() - started) * 1000)
        window.close()
        services.close()

    def figure(values: list[float]) -> str:
        median = statistics.median(values)
        verdict = "ok" if median < TARGET_MS else "OVER"
        return f"{median:7.1f} ms (median of {ROUNDS}; target < {TARGET_MS:.0f} ms: {verdict})"

    return [
        (f"accept all remaining, {suggestions} suggestions (window)", figure(accept_ms)),
        ("  then the rest of the redraw, in later event-loop turns", figure(drain_ms)),
        ("undo of it (window)", figure(undo_ms)),
        ("redo of it (window)", figure(redo_ms)),
        ("accept all remaining, service only", figure(service_ms)),
        ("undo of it, service only", figure(service_undo_ms)),
    ]


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suggestions", type=int, default=SUGGESTIONS, help="open suggestions of the article")
    for name, value in run(parser.parse_args().suggestions):
        print(f"{name:<58} {value}")
