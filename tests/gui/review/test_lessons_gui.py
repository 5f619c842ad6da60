"""Lessons in the window: fix a boundary in one key press, see it in the Lessons panel, withdraw, share (issue 13)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.review.lessons_panel import LessonsPanel
from briefing_app.importers import ImportedDocument
from briefing_app.services.analysis import AnalysisService
from briefing_app.services.annotations import step_boundary
from tests.gui.review.conftest import PATROLS_TEXT

TEXT = PATROLS_TEXT


@pytest.fixture
def window(patrols_window: MainWindow) -> MainWindow:
    """A window showing an article with a known "Indian Ocean" suggestion."""
    return patrols_window


def _lessons_tab(window: MainWindow) -> LessonsPanel:
    """The Lessons tab brought to the front of its dock; its panel."""
    dock = window.review.docks["lessons"]
    dock.show()
    dock.raise_()
    return window.review.lessons_panel


def _keys(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    window.view.editor.setFocus()
    qtbot.keyClick(window.view.editor, key, modifier)


def test_step_boundary_moves_one_word_and_never_empties_a_tag() -> None:
    text = "Joint patrols in the Indian Ocean, officials said.\nNext line"
    start = text.index("Indian")
    end = start + len("Indian")
    assert step_boundary(text, start, end, "end", True) == (start, start + len("Indian Ocean"))
    assert step_boundary(text, start, start + len("Indian Ocean"), "end", False) == (start, end)
    assert step_boundary(text, start, end, "end", False) == (start, end), "one word stays"
    assert step_boundary(text, start, end, "start", True) == (text.index("the Indian"), end)
    assert step_boundary(text, text.index("the Indian"), end, "start", False) == (start, end)
    said = text.index("said.")
    assert step_boundary(text, said, said + 5, "end", True) == (said, said + 5), "not across a line break"


def test_keys_grow_and_shrink_the_tag_under_review(qtbot: QtBot, window: MainWindow) -> None:
    ocean = next(a for a in window.services.annotations.for_article(window.current_article_id or 0)
                 if a.text == "Indian Ocean")
    controller = window.review.controller
    controller.set_current("entity", ocean.id)
    assert window.review.actions["shrink_end"].shortcut().toString() == "Alt+Left"

    _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    row = window.services.annotations.get(ocean.id)
    assert (row.text, row.status) == ("Indian", "accepted")
    assert window.view.entity_marks[ocean.id].end == row.end
    lesson = window.services.lessons.all()[-1]
    assert (lesson.action, lesson.text, lesson.from_text) == ("boundary", "Indian", "Indian Ocean")

    _keys(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.services.annotations.get(ocean.id).text == "Indian Ocean"
    window.undo_stack.undo()
    assert window.services.annotations.get(ocean.id).text == "Indian"
    assert [x.text for x in window.services.lessons.all()] == ["Indian"], "undo removed the lesson"


def test_lessons_panel_lists_withdraws_and_shares(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    ocean = next(a for a in window.services.annotations.for_article(window.current_article_id or 0)
                 if a.text == "Indian Ocean")
    window.review.controller.set_current("entity", ocean.id)
    _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    panel = _lessons_tab(window)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)
    item = panel.tree.topLevelItem(0)
    assert item is not None and item.text(0) == "Indian" and item.text(1).startswith("Boundary")
    assert item.text(2) == "Patrols", "where it was learned"
    panel.tree.setCurrentItem(item)
    qtbot.waitUntil(lambda: panel.impact.text().startswith("Changes 0 tags in the library now"),
                    timeout=30_000)  # the only tag is the officer's own

    panel.kind.setCurrentIndex(panel.kind.findData("reject"))
    assert panel.tree.topLevelItemCount() == 0
    panel.kind.setCurrentIndex(0)
    panel.search.setText("naval")
    assert panel.tree.topLevelItemCount() == 0, "searches the words shown, not the sentence learned in"
    panel.search.setText("indi")
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.withdraw_selected()
    assert window.services.lessons.all() == [] and panel.tree.topLevelItemCount() == 0
    window.undo_stack.undo()
    assert [x.text for x in window.services.lessons.all()] == ["Indian"]

    shared = tmp_path / "lessons.jsonl"
    panel.export_to(str(shared))
    assert '"action": "boundary"' in shared.read_text(encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"action": "add", "text": "X", "label": "ORG"}\nnot json\n', encoding="utf-8")
    panel.import_from(str(bad))
    assert "line 2" in window.review.controller.last_message
    assert len(window.services.lessons.all()) == 1, "nothing imported from a malformed file"
    good = tmp_path / "good.jsonl"
    good.write_text('{"action": "add", "text": "Vistula Forum", "label": "ORG"}\n', encoding="utf-8")
    panel.import_from(str(good))
    said = window.review.controller.last_message
    assert said.startswith("Imported 1 lesson;") and "Apply to library" in said, "says how to reach stored articles"
    file_actions = [a.objectName() for a in window.menus["file"].actions()]
    assert "file_export_lessons" in file_actions and "file_import_lessons" in file_actions


def test_a_suggestion_from_a_lesson_says_so_when_hovered(qtbot: QtBot, window: MainWindow) -> None:
    ocean = next(a for a in window.services.annotations.for_article(window.current_article_id or 0)
                 if a.text == "Indian Ocean")
    window.review.controller.set_current("entity", ocean.id)
    _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # "Indian Ocean" -> "Indian"
    other = window.services.articles.add(ImportedDocument(title="Other", text="Ships crossed the Indian Ocean.",
                                                          source_path=""))
    assert other.id is not None
    window.services.articles.save_analysis(other.id, AnalysisService(window.services.db, window.analyzer)
                                           .learned_analyzer().analyze(other.text))
    window.show_article(other.id)
    tip = window.view.tooltip_at(other.text.index("Indian"))
    assert "learned from your correction in “Patrols”" in tip


def test_a_suggestion_from_an_imported_lesson_names_the_lessons_file(window: MainWindow, tmp_path: Path) -> None:
    shared = tmp_path / "anna_lessons.jsonl"
    shared.write_text('{"action": "add", "text": "Harbour Shield Initiative", "label": "LAW"}\n', encoding="utf-8")
    _lessons_tab(window).import_from(str(shared))
    other = window.services.articles.add(ImportedDocument(
        title="Other", text="Funding for the Harbour Shield Initiative doubled.", source_path=""))
    assert other.id is not None
    window.services.articles.save_analysis(other.id, AnalysisService(window.services.db, window.analyzer)
                                           .learned_analyzer().analyze(other.text))
    window.show_article(other.id)
    tip = window.view.tooltip_at(other.text.index("Shield"))
    assert "learned from a colleague's lessons file “anna_lessons.jsonl”" in tip
    assert "your correction" not in tip, "not the officer's own"


def test_apply_to_library_re_suggests_in_the_background(qtbot: QtBot, window: MainWindow) -> None:
    other = window.services.articles.add(ImportedDocument(title="Other", text="Ships crossed the Indian Ocean.",
                                                          source_path=""))
    assert other.id is not None
    AnalysisService(window.services.db, window.analyzer).analyze_article(other.id)
    assert [a.text for a in window.services.annotations.for_article(other.id) if a.kind == "entity"] == [
        "Indian Ocean"]
    ocean = next(a for a in window.services.annotations.for_article(window.current_article_id or 0)
                 if a.text == "Indian Ocean")
    window.review.controller.set_current("entity", ocean.id)
    _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # teaches "Indian Ocean" -> "Indian"

    panel = window.review.lessons_panel
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "re-suggested" in window.review.controller.last_message, timeout=30_000)
    assert "2 articles" in window.review.controller.last_message
    assert [a.text for a in window.services.annotations.for_article(other.id) if a.kind == "entity"] == ["Indian"]
    assert window.services.annotations.get(ocean.id).text == "Indian", "the officer's own tag is kept"


def _caret(window: MainWindow, offset: int) -> QPoint:
    """Viewport point of the caret position before code point ``offset``."""
    view = window.view
    view.scroll_to(offset, offset)
    return view.editor.cursorRect(view.cursor_at(offset)).center()


def test_dragging_an_edge_of_the_tag_under_review_moves_its_boundary(qtbot: QtBot, window: MainWindow) -> None:
    ocean = next(a for a in window.services.annotations.for_article(window.current_article_id or 0)
                 if a.text == "Indian Ocean")
    window.review.controller.set_current("entity", ocean.id)
    viewport = window.view.editor.viewport()
    start = TEXT.index("Indian Ocean")
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=_caret(window, start + 12))
    assert window.view.dragging is not None, "the end edge is grabbed"
    qtbot.mouseMove(viewport, pos=_caret(window, start + 8))
    assert window.view.current_span == (start, start + 12), "mid-word: snaps to the whole word"
    qtbot.mouseMove(viewport, pos=_caret(window, start + 5))
    assert window.view.current_span == (start, start + 6), "the frame follows the mouse"
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=_caret(window, start + 5))
    row = window.services.annotations.get(ocean.id)
    assert (row.text, row.status) == ("Indian", "accepted")
    assert [(x.action, x.text, x.from_text) for x in window.services.lessons.all()] == [
        ("boundary", "Indian", "Indian Ocean")]
    window.undo_stack.undo()
    assert window.services.annotations.get(ocean.id).text == "Indian Ocean"


def _entity_texts(window: MainWindow, article_id: int) -> list[tuple[str, str]]:
    return sorted((a.text, a.status) for a in window.services.annotations.for_article(article_id)
                  if a.kind == "entity")


def test_a_lesson_reaches_the_library_in_the_background_and_its_undo_brings_it_back(
        qtbot: QtBot, window: MainWindow) -> None:
    library = window.review.library_lessons
    library.timer.setInterval(50)
    service = AnalysisService(window.services.db, window.analyzer)
    other = window.services.articles.add(ImportedDocument(title="Other", text="Ships crossed the Indian Ocean.",
                                                          source_path=""))
    kept = window.services.articles.add(ImportedDocument(title="Kept", text="Tankers sail the Indian Ocean.",
                                                         source_path=""))
    assert other.id is not None and kept.id is not None
    service.analyze_article(other.id)
    service.analyze_article(kept.id)
    accepted = next(a for a in window.services.annotations.for_article(kept.id) if a.text == "Indian Ocean")
    window.services.annotations.accept([accepted.id])  # the officer's own decision in another article
    assert _entity_texts(window, other.id) == [("Indian Ocean", "suggested")]

    ocean = next(a for a in window.services.annotations.for_article(window.current_article_id or 0)
                 if a.text == "Indian Ocean")
    window.review.controller.set_current("entity", ocean.id)
    with qtbot.waitSignal(library.applied, timeout=30_000) as applied:
        _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # "Indian Ocean" -> "Indian"
        _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # same key again: one pass
        assert library.busy() and window.statusBar().isVisible()
    assert other.id in applied.args[0]
    assert _entity_texts(window, other.id) == [("Indian", "suggested")], "re-suggested with the lesson"
    assert _entity_texts(window, kept.id) == [("Indian Ocean", "accepted")], "the officer's own tag is kept"
    assert "now applies to" in window.statusBar().currentMessage()

    with qtbot.waitSignal(library.applied, timeout=30_000):
        window.undo_stack.undo()
    assert window.services.lessons.all() == []
    assert _entity_texts(window, other.id) == [("Indian Ocean", "suggested")], "the undo re-suggests it back"


def test_a_background_pass_the_database_refuses_is_run_again(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A busy database stops the pass: the correction is not dropped, its words run again after a pause."""
    from briefing_app.gui.review import library_lessons
    from tests.gui.refusals import busy_once

    monkeypatch.setattr(library_lessons, "RETRY_MS", 100, raising=False)
    library = window.review.library_lessons
    library.timer.setInterval(50)
    other = window.services.articles.add(ImportedDocument(title="Other", text="Ships crossed the Indian Ocean.",
                                                          source_path=""))
    assert other.id is not None
    AnalysisService(window.services.db, window.analyzer).analyze_article(other.id)
    monkeypatch.setattr(AnalysisService, "resuggest_library", busy_once(AnalysisService.resuggest_library))
    ocean = next(a for a in window.services.annotations.for_article(window.current_article_id or 0)
                 if a.text == "Indian Ocean")
    window.review.controller.set_current("entity", ocean.id)
    with qtbot.waitSignal(library.applied, timeout=30_000) as applied:
        _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # "Indian Ocean" -> "Indian"
    assert other.id in applied.args[0]
    assert _entity_texts(window, other.id) == [("Indian", "suggested")], "re-suggested once the database took it"


def test_a_background_pass_can_be_stopped(qtbot: QtBot, window: MainWindow) -> None:
    library = window.review.library_lessons
    library.timer.setInterval(60_000)
    ocean = next(a for a in window.services.annotations.for_article(window.current_article_id or 0)
                 if a.text == "Indian Ocean")
    window.review.controller.set_current("entity", ocean.id)
    _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert library.busy() and library.pending
    library.start()
    assert library.stop_button.isVisible()
    qtbot.mouseClick(library.stop_button, Qt.MouseButton.LeftButton)
    assert not library.stop_button.isVisible() and not library.pending
    assert "Stopped applying" in window.statusBar().currentMessage()


def test_the_lessons_panel_counts_changed_tags_and_opens_the_source(qtbot: QtBot, window: MainWindow) -> None:
    patrols = window.current_article_id
    other = window.services.articles.add(ImportedDocument(title="Other", text="Ships crossed the Indian Ocean.",
                                                          source_path=""))
    assert other.id is not None
    AnalysisService(window.services.db, window.analyzer).analyze_article(other.id)
    ocean = next(a for a in window.services.annotations.for_article(patrols or 0) if a.text == "Indian Ocean")
    window.review.controller.set_current("entity", ocean.id)
    _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # "Indian Ocean" -> "Indian"
    window.show_article(other.id)
    panel = _lessons_tab(window)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)
    item = panel.tree.topLevelItem(0)
    panel.tree.setCurrentItem(item)
    qtbot.waitUntil(lambda: panel.impact.text().startswith("Changes 1 tag in the library now"), timeout=30_000)

    qtbot.waitUntil(lambda: not window.review.library_lessons.busy(), timeout=30_000)
    item = panel.tree.topLevelItem(0)
    panel.tree.setCurrentItem(item)
    rect = panel.tree.visualItemRect(item)
    assert panel.tree.itemAt(rect.center()) is item
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a real double-click:
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then double
    assert window.current_article_id == patrols, "the article the lesson came from"
    assert window.view.selection_span() == (TEXT.index("Indian Ocean"), TEXT.index("Indian Ocean") + len("Indian"))


def test_the_lessons_panel_shows_a_context_bound_rejection_and_counts_its_context_only(
        qtbot: QtBot, window: MainWindow) -> None:
    """"China" rejected in "one China policy" but kept in the same article: listed, and it changes only
    the other "one China policy", not every China of the library."""
    service = AnalysisService(window.services.db, window.analyzer)
    text = "China and Japan held talks in Tokyo on Monday.\nThe envoy reaffirmed our one China policy at the meeting."
    first = window.services.articles.add(ImportedDocument(title="Talks", text=text, source_path=""))
    other = window.services.articles.add(ImportedDocument(
        title="Pact", text="China and India signed a pact.\nThey restated the one China policy at length.", source_path=""))
    assert first.id is not None and other.id is not None
    service.analyze_article(first.id)
    service.analyze_article(other.id)
    in_policy = next(a for a in window.services.annotations.for_article(first.id)
                     if a.kind == "entity" and a.text == "China" and a.start > 40)
    window.services.annotations.reject([in_policy.id])
    window.show_article(first.id)
    panel = _lessons_tab(window)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)
    item = panel.tree.topLevelItem(0)
    assert item is not None and item.text(0) == "China" and item.text(1).startswith("Reject")
    panel.tree.setCurrentItem(item)
    qtbot.waitUntil(lambda: panel.impact.text().startswith("Changes 1 tag in the library now"), timeout=30_000)


def test_the_lessons_panel_says_the_pillar_habits_learned(qtbot: QtBot, window: MainWindow,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Calibrated pillar settings change new articles' pillars without a lesson row of their own: the panel says
    them in words once the lessons change (fitted in the background), and says nothing when nothing was learned."""
    panel = _lessons_tab(window)
    learned: list[str] = []
    monkeypatch.setattr(window.services.lessons, "pillar_habits", lambda _analyzer: list(learned))
    ocean = next(a for a in window.services.annotations.for_article(window.current_article_id or 0)
                 if a.text == "Indian Ocean")
    window.review.controller.set_current("entity", ocean.id)
    _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # a lesson: the panel refreshes
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)
    qtbot.wait(200)
    assert not panel.habits.isVisible() and panel.habits.text() == ""
    learned.append("you give a second pillar beside the main one more readily")
    window.undo_stack.undo()  # the lessons change again: fitted again
    qtbot.waitUntil(lambda: panel.habits.isVisible(), timeout=10_000)
    assert panel.habits.text().endswith("you give a second pillar beside the main one more readily.")
    assert "Pillar habits learned" in panel.habits.text()


def test_the_lessons_panel_says_a_lesson_against_the_officers_habit_applies_only_where_made(
        qtbot: QtBot, window: MainWindow) -> None:
    """"West Bank" grown to "the West Bank" where three other places keep "the" outside (in an article the officer
    marked reviewed): the row says the lesson applies only where it was made, and its tooltip says why."""
    text = "Envoys from the Philippines, the Maldives and the United States met in the West Bank on Monday."
    article = window.services.articles.add(ImportedDocument(title="Envoys", text=text, source_path=""))
    assert article.id is not None
    AnalysisService(window.services.db, window.analyzer).analyze_article(article.id)
    window.services.changes.set_status(article.id, "reviewed")  # its places are the officer's habit
    bank = next(a for a in window.services.annotations.for_article(article.id) if a.text == "West Bank")
    start = text.index("the West Bank")
    window.services.annotations.change_boundary(bank.id, start, start + len("the West Bank"), bank.label)
    panel = _lessons_tab(window)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)
    item = panel.tree.topLevelItem(0)
    assert item is not None and item.text(0) == "the West Bank"
    assert item.text(1).startswith("Boundary") and item.text(1).endswith("· applies only where you made it")
    assert "Applies only where you made it: 3 of your other place tags keep “the” outside." in item.toolTip(1)
    # the dock is narrow and the row's end is often cut: selected, the line under the list says it whole
    panel.tree.setCurrentItem(item)
    qtbot.waitUntil(lambda: panel.impact.text().startswith("Changes 0 tags in the library now."), timeout=30_000)
    assert panel.impact.text().endswith("Applies only where you made it: 3 of your other place tags keep “the” outside.")


def _west_bank_lesson_on_unreviewed_places(qtbot: QtBot, window: MainWindow, shown: Callable[[int], object],
                                           ) -> tuple[int, Callable[[], bool]]:
    """An analysed article whose place suggestions nobody looked at, "West Bank" grown to "the West Bank" in it
    (then ``shown(article_id)``), the Lessons tab in front listing that one lesson, not yet held local; returns
    the article's id and whether the panel now says the lesson applies only where it was made."""
    text = "Envoys from the Philippines, the Maldives and the United States met in the West Bank on Monday."
    article = window.services.articles.add(ImportedDocument(title="Envoys", text=text, source_path=""))
    assert article.id is not None
    AnalysisService(window.services.db, window.analyzer).analyze_article(article.id)
    bank = next(a for a in window.services.annotations.for_article(article.id) if a.text == "West Bank")
    start = text.index("the West Bank")
    window.services.annotations.change_boundary(bank.id, start, start + len("the West Bank"), bank.label)
    shown(article.id)
    panel = _lessons_tab(window)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)

    def local() -> bool:
        item = panel.tree.topLevelItem(0)
        return item is not None and item.text(1).endswith("· applies only where you made it")

    assert not local(), "(its places were suggestions never looked at)"
    return article.id, local


def test_the_lessons_panel_follows_an_article_marked_reviewed_and_its_undo(qtbot: QtBot, window: MainWindow) -> None:
    """Marking an article reviewed makes its suggestions the officer's habit: a boundary lesson against it now
    applies only where it was made. The panel on screen said so only after the next lesson or article."""
    _, local = _west_bank_lesson_on_unreviewed_places(qtbot, window, window.show_article)
    window.review.controller.set_status("reviewed")
    qtbot.waitUntil(local, timeout=5_000)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not local(), timeout=5_000)


def test_the_lessons_panel_follows_articles_marked_reviewed_from_the_library_and_its_undo(
        qtbot: QtBot, window: MainWindow) -> None:
    """The library's "Mark as reviewed" makes the article's suggestions the officer's habit, as the review bar does:
    the panel on screen says at once that a boundary lesson against it applies only where it was made, and the undo
    takes that back."""
    article_id, local = _west_bank_lesson_on_unreviewed_places(qtbot, window, lambda _id: window.refresh_library())
    window.library.set_status([article_id], "reviewed")
    assert window.services.articles.status(article_id) == "reviewed"
    qtbot.waitUntil(local, timeout=5_000)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not local(), timeout=5_000)


def test_a_boundary_lesson_reads_in_words_and_is_found_by_them(qtbot: QtBot, window: MainWindow) -> None:
    ocean = next(a for a in window.services.annotations.for_article(window.current_article_id or 0)
                 if a.text == "Indian Ocean")
    window.review.controller.set_current("entity", ocean.id)
    _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # "Indian Ocean" -> "Indian"
    panel = _lessons_tab(window)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)
    item = panel.tree.topLevelItem(0)
    assert item is not None
    # what it was, not "Region or place → Region or place"
    assert item.text(1) == "Boundary Region or place (was “Indian Ocean”)"
    assert not item.toolTip(0).startswith("Taught by"), "on one's own file every lesson is one's own"
    for words, found in (("region", 1), ("place", 1), ("boundary", 1), ("loc", 0)):
        panel.search.setText(words)
        assert panel.tree.topLevelItemCount() == found, f"searching {words!r}: the words shown, not the label code"


def test_an_empty_lessons_list_says_where_lessons_come_from(qtbot: QtBot, window: MainWindow) -> None:
    panel = _lessons_tab(window)
    panel.refresh()
    assert panel.tree.topLevelItemCount() == 0
    assert panel.empty_hint.isVisible() and panel.empty_hint.text().startswith("No lessons yet. Each correction")
    ocean = next(a for a in window.services.annotations.for_article(window.current_article_id or 0)
                 if a.text == "Indian Ocean")
    window.review.controller.set_current("entity", ocean.id)
    _keys(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)
    assert not panel.empty_hint.isVisible()
    panel.search.setText("xyz")
    assert panel.empty_hint.isVisible() and panel.empty_hint.text() == "No lesson matches this search or kind."


def test_lessons_fit_the_docked_panel_of_a_laptop(open_window: Callable[..., MainWindow], tmp_path: Path,
                                                  qtbot: QtBot) -> None:
    """At 1366x768 the docked Lessons list needs no sideways scroll; each row's tooltip says it in full."""
    from tests.gui.conftest import LAPTOP

    win = open_window(size=LAPTOP)
    shared = tmp_path / "lessons.jsonl"
    shared.write_text(
        '{"action": "add", "text": "Baltic Sea Energy Security Compact for Member States", "label": "LAW"}\n'
        '{"action": "relabel", "text": "Northern Lights Accord", "label": "LAW", "from": "ORG"}\n'
        '{"action": "boundary", "text": "Office of the Chief Economist", "from_text": "Chief Economist", '
        '"label": "ORG"}\n'
        '{"action": "pillar", "text": "Frigates escorted tankers through the strait.", "add": ["security"]}\n',
        encoding="utf-8")
    panel = _lessons_tab(win)
    panel.import_from(str(shared))
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 4)
    tree = panel.tree
    assert tree.header().length() <= tree.viewport().width(), "columns pushed off the side"
    assert tree.horizontalScrollBar().maximum() == 0
    relabel = next(tree.topLevelItem(i) for i in range(4) if tree.topLevelItem(i).text(0) == "Northern Lights Accord")
    assert relabel.toolTip(1).startswith("Relabelled Organisation → Agreement / initiative: “Northern Lights Accord”")
    assert "Imported from a colleague's lessons file “lessons.jsonl”" in relabel.toolTip(1)
    pillar = next(tree.topLevelItem(i) for i in range(4) if tree.topLevelItem(i).text(0).startswith("Frigates"))
    assert pillar.text(1) == "Pillar tagged Security", "the pillar's name, not its id"

    win.review.docks["lessons"].setFloating(True)
    win.review.docks["lessons"].resize(1000, 500)
    qtbot.waitUntil(lambda: tree.viewport().width() > 900)
    assert not any(tree.isColumnHidden(c) for c in range(4)), "a wide list shows where and when"
    assert tree.header().length() <= tree.viewport().width()
