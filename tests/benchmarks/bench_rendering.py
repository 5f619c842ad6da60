"""Rendering cost of the article view (DESIGN §6): 3,000 highlights < 50 ms, one edit < 16 ms."""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCE = ("Prime Minister Narendra Modi met President Donald Trump in Washington on Tuesday to discuss "
            "the India–US COMPACT, defence co-production and the Quad 🤝 in the Indo-Pacific. ")
LABELS = ("PERSON", "PERSON", "GPE", "DATE", "LAW")
PHRASES = ("Narendra Modi", "Donald Trump", "Washington", "Tuesday", "COMPACT")


def _document(highlights: int) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]:
    sentences = 2 * highlights // len(PHRASES)  # half the sentences carry tags: a ~1,200-paragraph document
    parts, spans, passages, pos = [], [], [], 0
    for i in range(sentences):
        text = SENTENCE + ("\n" if i % 3 == 2 else "")
        if i % 2 == 0:
            for phrase, label in zip(PHRASES, LABELS, strict=True):
                start = pos + text.index(phrase)
                spans.append((start, start + len(phrase), label))
        passages.append((pos, pos + len(SENTENCE) - 1))
        parts.append(text)
        pos += len(text)
    return "".join(parts), spans[:highlights], passages


def run() -> list[tuple[str, str]]:
    """Figures for the review workspace's rendering."""
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.article_view import ArticleView, EntityMark, PillarMark

    app = QApplication.instance() or QApplication([])
    text, spans, passages = _document(3000)
    entities = [EntityMark(i + 1, s, e, lab, "suggested" if i % 3 else "accepted", "model", 0.8, "")
                for i, (s, e, lab) in enumerate(spans)]
    pillars = [PillarMark(100_000 + i, s, e, ("defence", "trade", "diplomacy")[i % 3], "suggested")
               for i, (s, e) in enumerate(passages[:1000])]
    view = ArticleView()
    view.set_pillars(["defence", "security", "trade", "technology", "energy", "health", "people", "diplomacy"],
                     {"defence": "#b91c1c", "trade": "#047857", "diplomacy": "#1d4ed8"})
    view.resize(900, 700)
    view.show()
    app.processEvents()

    def drain() -> None:
        # Past RENDER_CHUNK marks the view draws the rest in later event-loop turns.
        while not view.rendering_done():
            app.processEvents()

    full, highlight_only, first_slice = [], [], []
    for _ in range(5):
        t0 = time.perf_counter()
        view.set_article(text, entities, pillars)
        drain()
        full.append(time.perf_counter() - t0)
        view.editor.setPlainText(text)  # a fresh document, as when an article is opened
        t0 = time.perf_counter()
        view._apply_entity_formats(view.entity_marks.values())
        first_slice.append(time.perf_counter() - t0)
        drain()
        highlight_only.append(time.perf_counter() - t0)

    edits = []
    for i in range(0, 600, 6):  # relabel-and-accept 100 different tags, as a correction does
        mark = entities[i]
        new = EntityMark(mark.annotation_id, mark.start, mark.end, "ORG", "accepted", "model", 0.8, "")
        t0 = time.perf_counter()
        view.update_entity(new, mark.annotation_id)
        edits.append(time.perf_counter() - t0)
    removals = []
    for i in range(1, 600, 6):
        t0 = time.perf_counter()
        view.update_entity(None, entities[i].annotation_id)
        removals.append(time.perf_counter() - t0)
    paint = []
    for _ in range(10):
        t0 = time.perf_counter()
        view.gutter.repaint()
        paint.append(time.perf_counter() - t0)
    view.close()
    ms = 1000.0
    return [
        ("document", f"{len(text):,} chars, {len(entities):,} entity highlights, {len(pillars):,} passages"),
        ("3,000 highlights: formats on fresh text (median of 5)", f"{statistics.median(highlight_only) * ms:.1f} ms "
                                                        "(target < 50 ms)"),
        ("  of which the first slice (longest event-loop block)",
         f"{statistics.median(first_slice) * ms:.1f} ms (rest drawn in later turns)"),
        ("3,000 highlights: set_article incl. setPlainText", f"{statistics.median(full) * ms:.1f} ms"),
        ("one correction (relabel) re-render, median / max", f"{statistics.median(edits) * ms:.2f} / "
                                                             f"{max(edits) * ms:.2f} ms (target < 16 ms)"),
        ("one removal re-render, median", f"{statistics.median(removals) * ms:.2f} ms (target < 16 ms)"),
        ("gutter repaint (visible passages), median", f"{statistics.median(paint) * ms:.2f} ms"),
    ]


if __name__ == "__main__":
    for name, value in run():
        print(f"{name:<52} {value}")
