"""One edit on a long report updates the library row, the status line, the Entities panel and the
highlights from its change set (nothing counted again from the database), and every one of them
ends exactly where a rebuild from the database would: after each edit, undo and redo."""

# ruff: noqa: F811  (the fixtures "make_window"/"window" are imported from the workspace tests)

from __future__ import annotations

import re
from typing import Any

import pytest

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.review.panels import EntitiesPanel
from briefing_app.gui.review.status import open_counts_text
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import SHOWN_LABELS, AnalysisResult, EntitySpan, Passage
from briefing_app.services.annotations import AnnotationService
from briefing_app.services.articles import ArticleService
from tests.gui.review.test_edits_at_size import _tree
from tests.gui.review.test_review_workspace import TEXT, make_window, window  # noqa: F401

_LABELS = ("PERSON", "ORG", "GPE", "CARDINAL")  # CARDINAL: counted in the library, never shown


def _report(window: MainWindow, parts: int = 60) -> int:
    """A report of a few thousand words: a model suggestion on every capitalised name (and every
    number), a pillar suggestion on every other line."""
    text = "\n".join(f"{TEXT} (Part {n}.)" for n in range(parts))
    entities = [EntitySpan(m.start(), m.end(), "CARDINAL" if m.group().isdigit() else _LABELS[i % 3], m.group(),
                           "model", "", 0.8)
                for i, m in enumerate(re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*|\b\d+\b", text))]
    pillars = [p.id for p in window.services.pillars.all()]
    passages, start = [], 0
    for i, line in enumerate(text.split("\n")):
        if i % 2 == 0:
            passages.append(Passage(start, start + len(line), [pillars[i % 3]], {}, []))
        start += len(line) + 1
    article = window.services.articles.add(ImportedDocument(title="Report", text=text, source_path=""))
    window.services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=entities, passages=passages))
    return int(article.id)


def _library_row(window: MainWindow) -> tuple[Any, ...]:
    row = window.library.model.row_of(window.current_article_id)  # type: ignore[arg-type]
    assert row is not None
    return (row.status, row.entity_count, row.pillar_count, row.open_suggestions, row.pillars)


def _rebuilt_row(window: MainWindow) -> tuple[Any, ...]:
    (row,) = ArticleService.list_summaries(window.services.articles, article_ids=[window.current_article_id],  # type: ignore[list-item]
                                           visibility=window.library.visibility)
    return (row.status, row.entity_count, row.pillar_count, row.open_suggestions, row.pillars)


def _drawn(window: MainWindow) -> dict[int, tuple[Any, ...]]:
    """Every highlight: its mark and how its first and last characters are formatted."""
    view = window.view
    return {i: (m.start, m.end, m.label, m.status, view.label_at(m.start), view.status_at(m.start),
                view.label_at(m.end - 1), view.status_at(m.end - 1), view.annotation_at(m.start))
            for i, m in view.entity_marks.items()}


def _stored(window: MainWindow) -> tuple[dict[int, tuple[Any, ...]], dict[int, tuple[Any, ...]]]:
    """The same read from the database (what a full render draws): entities and pillar passages."""
    entities, pillars = {}, {}
    for a in window.services.annotations.rows_for_article(window.current_article_id):  # type: ignore[arg-type]
        if a.kind == "pillar":
            pillars[a.id] = (a.start, a.end, a.label, a.status)
        elif a.label in SHOWN_LABELS:
            entities[a.id] = (a.start, a.end, a.label, a.status, a.label, a.status, a.label, a.status, a.id)
    return entities, pillars


def _same_as_rebuild(window: MainWindow, qtbot: Any) -> None:
    """The incremental state equals what reading everything again from the database shows (read
    beside it: nothing here resets what the window keeps between edits)."""
    qtbot.waitUntil(window.view.rendering_done)
    workspace, controller, services = window.review, window.review.controller, window.services
    article_id = window.current_article_id
    assert article_id is not None
    # The library row and the status line.
    assert _library_row(window) == _rebuilt_row(window)
    counts = AnnotationService.open_counts(services.annotations, article_id, controller.visibility())
    assert controller.open_counts(article_id) == counts
    assert workspace.status.counts.text() == open_counts_text(counts["entity"], counts["pillar"])
    assert workspace.status.status.currentData() == ArticleService.status(services.articles, article_id)
    # The highlights and the gutter's passages.
    entities, pillars = _stored(window)
    assert _drawn(window) == entities
    assert {i: (m.start, m.end, m.pillar_id, m.status) for i, m in window.view.pillar_marks.items()} == pillars
    # The Entities panel, against one filled from the database.
    fresh = EntitiesPanel(controller)
    fresh.refresh()
    assert _tree(workspace.entities_panel.tree) == _tree(fresh.tree)
    fresh.deleteLater()


def test_edits_on_a_long_report_update_counts_panels_and_highlights_as_a_rebuild_would(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = _report(window)
    window.refresh_library()
    window.show_article(article_id)
    qtbot.waitUntil(window.view.rendering_done, timeout=60_000)
    controller, view, services = window.review.controller, window.view, window.services
    assert len(services.annotations.rows_for_article(article_id)) > 500
    _same_as_rebuild(window, qtbot)

    # From here on an edit counts nothing again: the row and the status line follow the change set.
    recounts: list[str] = []
    monkeypatch.setattr(services.articles, "list_summaries",
                        lambda *a, **k: recounts.append("library row") or ArticleService.list_summaries(
                            services.articles, *a, **k))
    monkeypatch.setattr(services.annotations, "open_counts",
                        lambda *a, **k: recounts.append("open counts") or AnnotationService.open_counts(
                            services.annotations, *a, **k))

    def suggestion(label: str, nth: int) -> int:
        marks = sorted((m for m in view.entity_marks.values() if m.label == label and m.status == "suggested"),
                       key=lambda m: m.start)
        return marks[nth].annotation_id

    def passage(nth: int) -> int:
        marks = sorted((m for m in view.pillar_marks.values() if m.status == "suggested"), key=lambda m: m.start)
        return marks[nth].annotation_id

    def same_entity_as(annotation_id: int) -> int:
        """Another open suggestion of the entity ``annotation_id`` belongs to now."""
        mark = view.entity_marks[annotation_id]
        text = view.text[mark.start:mark.end]
        return next(m.annotation_id for m in view.entity_marks.values() if m.status == "suggested"
                    and m.label == mark.label and view.text[m.start:m.end] == text)

    # "Australia" is suggested as GPE and as ORG: relabelled, it joins an entity the panel shows.
    relabelled = sorted((m for m in view.entity_marks.values() if m.label == "GPE"
                         and view.text[m.start:m.end] == "Australia"), key=lambda m: m.start)[7].annotation_id
    edits = [
        ("accept", lambda: controller.accept(suggestion("PERSON", 40))),
        ("relabel", lambda: controller.apply_label("ORG", relabelled)),
        ("accept in the entity just read again", lambda: controller.accept(same_entity_as(relabelled))),
        ("relabel into a new entity", lambda: controller.apply_label("GPE", suggestion("PERSON", 3))),
        ("reject", lambda: controller.reject(suggestion("ORG", 11))),
        ("accept a pillar passage", lambda: controller.accept(passage(5))),
        ("reject a pillar passage", lambda: controller.reject(passage(2))),
        ("mark reviewed", lambda: controller.set_status("reviewed")),
        ("mark in review", lambda: controller.set_status("in_review")),
        ("accept all remaining", controller.accept_all_remaining),
    ]
    for name, edit in edits:
        before = window.undo_stack.count()
        controller.set_current("entity", next(iter(view.entity_marks)), announce=False)
        recounts.clear()
        edit()
        assert window.undo_stack.count() == before + 1, (name, controller.last_message)
        assert not recounts, f"{name}: {recounts}"
        _same_as_rebuild(window, qtbot)
    for step in [window.undo_stack.undo] * len(edits) + [window.undo_stack.redo] * len(edits):
        recounts.clear()
        step()
        assert not recounts
        _same_as_rebuild(window, qtbot)
