"""After an analysis the Entities panel is read in a worker and filled over several event-loop
turns, and the status line takes the counts the analysis worker read: both end exactly as a
rebuild from the database shows them, and a fill read for an article no longer open is dropped."""

# ruff: noqa: F811  (the fixtures "make_window"/"window" are imported from the workspace tests)

from __future__ import annotations

import threading
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.review import panels
from briefing_app.gui.review.panels import EntitiesPanel
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import SHOWN_LABELS
from briefing_app.services.article_tally import ArticleTally
from tests.gui.review.test_edits_at_size import _tree
from tests.gui.review.test_incremental_counts import _report, _same_as_rebuild
from tests.gui.review.test_review_workspace import make_window, window  # noqa: F401

#: A made-up briefing paragraph with many names, repeated into a report of a few thousand words.
PARAGRAPH = (
    "Prime Minister Narendra Modi met Australian Prime Minister Anthony Albanese in Canberra on Tuesday. "
    "Defence Minister Rajnath Singh and Richard Marles discussed the Malabar exercise with the Indian Navy, "
    "while Foreign Minister S. Jaishankar and Penny Wong spoke about the Quad and the Indian Ocean."
)


def test_a_long_analysis_fills_the_entities_panel_in_steps_and_the_status_line_without_recounting(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(panels, "FILL_CHUNK", 3)  # many steps even on a short text
    monkeypatch.setattr(panels, "BACKGROUND_FILL", 100)  # (a 40,000-word report has thousands of tags)
    gui_thread = threading.current_thread()
    counted_here: list[int] = []
    read = ArticleTally.read

    def watched_read(db: Any, article_id: int) -> ArticleTally:
        if threading.current_thread() is gui_thread:
            counted_here.append(article_id)
        return read(db, article_id)

    monkeypatch.setattr(ArticleTally, "read", staticmethod(watched_read))
    # No desk poll: one landing during the analysis would see its writes and count them then.
    window.live.stop()
    panel = window.review.entities_panel
    fills: list[bool] = []
    panel.refreshed.connect(lambda: fills.append(panel.loading))
    text = "\n".join(f"{PARAGRAPH} (Part {n}.)" for n in range(40))
    with qtbot.waitSignal(window.analysisFinished, timeout=120_000):
        article_id = window.add_document(ImportedDocument(title="Long readout", text=text, source_path=""))
        counted_here.clear()  # (shown before its analysis: counted then, with nothing to count)
    assert article_id is not None and window.current_article_id == article_id
    # The status line is right at once, from the counts the analysis worker read with the marks.
    assert counted_here == []
    status = window.review.status.counts.text()
    assert "open suggestions" in status
    # The panel still shows what it had (nothing: the article was never analysed) while it loads.
    assert panel.loading and fills == [False]
    with qtbot.waitSignal(panel.refreshed, timeout=60_000):
        pass
    assert not panel.loading and fills == [False, False]
    assert len(panel.groups) > 3 * panels.FILL_CHUNK  # filled in several turns
    assert any(g.name == "Narendra Modi" for g in panel.groups.values())
    _same_as_rebuild(window, qtbot)
    assert counted_here == []  # nothing was counted again on the GUI thread


def test_a_fill_read_for_an_article_no_longer_open_is_dropped(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(panels, "BACKGROUND_FILL", 1)  # every fill in the background
    first = window.current_article_id  # the seeded leaders' call, shown
    assert first is not None
    second = _report(window, parts=3)
    window.refresh_library()
    panel = window.review.entities_panel
    entities = window.services.entities
    groups = entities.groups
    gate = threading.Event()
    reading: list[int] = []

    def held_groups(article_id: int, keys: Any = None) -> Any:
        if threading.current_thread() is not threading.main_thread():
            reading.append(article_id)
            gate.wait(30)  # the officer opens another article while this is read
        return groups(article_id, keys)

    monkeypatch.setattr(entities, "groups", held_groups)
    # The analysis of the open article finished (as the import queue reports it).
    window.render_annotations()
    window.analysisFinished.emit(first)
    assert panel.loading
    qtbot.waitUntil(lambda: reading == [first])
    window.show_article(second)  # filled at once for the article now open
    shown = _tree(panel.tree)
    assert not panel.loading
    assert set(panel.groups) == {g.key for g in groups(second) if g.label in SHOWN_LABELS}
    assert set(panel.groups) != {g.key for g in groups(first) if g.label in SHOWN_LABELS}
    gate.set()
    qtbot.waitUntil(lambda: not window.tasks.is_busy("entities-panel"))
    qtbot.wait(50)  # the dropped result (had it been delivered) would land in these turns
    assert _tree(panel.tree) == shown and not panel.loading
    assert _same_tree_as_rebuild(window, panel)

    # The same when the other article is opened after the fill was read, between its steps.
    monkeypatch.setattr(panels, "FILL_CHUNK", 1)
    steps: list[Any] = []

    def held_step(_context: object, step: Any) -> None:
        """The fill's next step is kept here instead of queued (run by hand below)."""
        steps.append(step)

    monkeypatch.setattr(panels, "next_step", held_step)
    window.render_annotations()
    window.analysisFinished.emit(second)
    qtbot.waitUntil(lambda: bool(steps))  # read, its first entity put in: the rest waits for later turns
    assert panel.loading
    window.show_article(first)
    assert not panel.loading
    steps.pop()()  # the next step of the old fill: nothing left to do
    assert not steps and not panel.loading
    assert _same_tree_as_rebuild(window, panel)
    assert set(panel.groups) == {g.key for g in groups(first) if g.label in SHOWN_LABELS}


def _same_tree_as_rebuild(window: MainWindow, panel: EntitiesPanel) -> bool:
    fresh = EntitiesPanel(window.review.controller)
    fresh.refresh()
    same = _tree(panel.tree) == _tree(fresh.tree)
    fresh.deleteLater()
    return same


def test_an_edit_while_the_panel_loads_rebuilds_it_and_keeps_the_counts(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(panels, "BACKGROUND_FILL", 1)
    article_id = window.current_article_id
    assert article_id is not None
    window.refresh_library()  # (seeded beside the window: listed now)
    panel = window.review.entities_panel
    window.render_annotations()
    window.analysisFinished.emit(article_id)
    assert panel.loading
    mark = next(m for m in window.view.entity_marks.values() if m.status == "suggested")
    window.review.controller.accept(mark.annotation_id, advance=False)
    assert not panel.loading  # the edit's rebuild took over; the read in flight is dropped
    qtbot.waitUntil(lambda: not window.tasks.is_busy("entities-panel"))
    qtbot.wait(50)
    _same_as_rebuild(window, qtbot)


def test_a_normal_article_shows_its_panel_and_counts_at_once(qtbot: QtBot, window: MainWindow) -> None:
    """Opening an article already analysed, or the analysis of a normal one finishing, fills the
    panel and the status line in the same turn (only a long report's fill waits for a worker)."""
    panel = window.review.entities_panel
    assert not panel.loading
    assert {g.name for g in panel.groups.values()} >= {"Albanese", "India", "Australia"}
    assert "open suggestions" in window.review.status.counts.text()
    with qtbot.waitSignal(window.analysisFinished, timeout=120_000):
        article_id = window.add_document(ImportedDocument(title="Readout", text=PARAGRAPH, source_path=""))
    assert article_id is not None and window.current_article_id == article_id
    assert len(window.view.entity_marks) < panels.BACKGROUND_FILL
    assert not panel.loading
    assert any(g.name == "Narendra Modi" for g in panel.groups.values())
    _same_as_rebuild(window, qtbot)
