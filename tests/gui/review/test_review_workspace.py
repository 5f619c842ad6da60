"""The review workspace driven through the real widgets: click, select, keys, panels, undo/redo.

Every test checks both what the view draws and what the database holds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.qtbot import QtBot
from sqlmodel import select

from briefing_app.domain.models import Annotation, Article, CanonicalEntity, Note
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.review.shortcuts import shortcut_conflicts, shortcut_rows
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan, Passage
from briefing_app.services import Services
from briefing_app.services.changes import BOOKKEEPING  # who/when/version: undo moves them on
from tests.gui.conftest import LAPTOP
from tests.gui.opening import open_and_analyse

TEXT = (
    "Modi spoke with Albanese about the COMPACT.\n"
    "Modi said India and Australia would hold naval exercises in the Indian Ocean.\n"
    "Trade between India and Australia grew, Modi added."
)


def _ent(text: str, phrase: str, label: str, nth: int = 0, source: str = "model") -> EntitySpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return EntitySpan(start, start + len(phrase), label, phrase, source, f"{label}:{phrase.casefold()}", 0.8)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _seed(services: Services, text: str = TEXT) -> int:
    """Store an article with known suggestions (no model needed: deterministic)."""
    article = services.articles.add(ImportedDocument(title="Leaders call", text=text, source_path=""))
    assert article.id is not None
    s1, s2, s3 = _sentences(text)[:3]
    services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=[
        _ent(text, "Modi", "GPE", 0), _ent(text, "Albanese", "PERSON"),
        _ent(text, "Modi", "PERSON", 1), _ent(text, "India", "GPE", 0), _ent(text, "Australia", "GPE", 0),
        _ent(text, "Indian Ocean", "LOC", 0, "gazetteer"), _ent(text, "India", "GPE", 2),
        _ent(text, "Modi", "PERSON", 2),
    ], passages=[
        Passage(*s1, ["diplomacy"], {"diplomacy": 0.9}, ["spoke with"]),
        Passage(*s2, ["defence"], {"defence": 0.8}, ["naval exercises"]),
        Passage(*s3, ["trade"], {"trade": 0.95}, ["trade"]),
    ]))
    return article.id


@pytest.fixture
def make_window(open_window: Callable[..., MainWindow]) -> object:
    """Factory of main windows on the test database, sharing the session's analyser."""
    return lambda: open_window(size=LAPTOP)


@pytest.fixture
def window(make_window: object) -> MainWindow:
    """A window showing the seeded article."""
    win = make_window()  # type: ignore[operator]
    article_id = _seed(win.services)
    win.show_article(article_id)
    return win


def _forbid_full_render(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_a: object, **_k: object) -> None:
        raise AssertionError("an edit must not re-render the whole article")

    monkeypatch.setattr(window.view, "set_article", fail)


def _rows(window: MainWindow, text: str | None = None, kind: str = "entity") -> list[Annotation]:
    with window.services.db.session() as session:
        rows = session.exec(select(Annotation).where(Annotation.kind == kind)
                            .order_by(Annotation.start, Annotation.label)).all()
    return [r for r in rows if text is None or r.text == text]


def _state(window: MainWindow) -> dict[str, object]:
    with window.services.db.session() as session:
        return {
            "annotations": sorted((a.model_dump(exclude=set(BOOKKEEPING)) for a in session.exec(select(Annotation))), key=lambda r: r["id"]),
            "notes": [n.model_dump(exclude=set(BOOKKEEPING)) for n in session.exec(select(Note))],
            "entities": [e.model_dump(exclude=set(BOOKKEEPING)) for e in session.exec(select(CanonicalEntity))],
            "status": [a.status for a in session.exec(select(Article))],
        }


def _point_of(window: MainWindow, offset: int) -> QPoint:
    """Viewport point in the middle of the character at code-point ``offset``."""
    view = window.view
    view.scroll_to(offset, offset + 1)
    left = view.editor.cursorRect(view.cursor_at(offset)).center()
    right = view.editor.cursorRect(view.cursor_at(offset + 1)).center()
    return QPoint((left.x() + right.x()) // 2, left.y())


def _click_text(qtbot: QtBot, window: MainWindow, offset: int) -> QMenu:
    qtbot.mouseClick(window.view.editor.viewport(), Qt.MouseButton.LeftButton, pos=_point_of(window, offset))
    popup = window.review.controller.popup
    assert popup is not None and popup.isVisible()
    return popup


def _action(menu: QMenu, name: str) -> QAction:
    for action in menu.findChildren(QAction):
        if action.objectName() == name:
            return action
    raise AssertionError(f"{name} not in {[a.objectName() for a in menu.findChildren(QAction)]}")


def _keys(qtbot: QtBot, window: MainWindow, *keys: object) -> None:
    editor = window.view.editor
    editor.setFocus()
    for key in keys:
        if isinstance(key, tuple):
            qtbot.keyClick(editor, key[0], key[1])
        else:
            qtbot.keyClick(editor, key)  # type: ignore[arg-type]


def test_click_a_tag_to_relabel_then_undo_and_redo(qtbot: QtBot, window: MainWindow,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    view = window.view
    assert view.label_at(0) == "GPE" and view.status_at(0) == "suggested"
    before = _state(window)
    _forbid_full_render(window, monkeypatch)
    popup = _click_text(qtbot, window, 1)
    assert popup.objectName() == "entityMenu"
    label_person = _action(popup, "label_PERSON")
    assert label_person.shortcut().toString() == "1", "menus show the keys"
    label_person.trigger()
    row = _rows(window, "Modi")[0]
    assert (row.label, row.status, row.origin) == ("PERSON", "accepted", "model")
    assert view.label_at(0) == "PERSON" and view.status_at(0) == "accepted"
    assert window.services.articles.get(row.article_id).status == "in_review"

    qtbot.keyClick(view.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _state(window) == before, "undo restores the database exactly"
    assert view.label_at(0) == "GPE" and view.status_at(0) == "suggested"
    window.undo_stack.redo()
    assert _rows(window, "Modi")[0].label == "PERSON" and view.label_at(0) == "PERSON"


def test_accept_and_reject_from_the_popup(qtbot: QtBot, window: MainWindow,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _forbid_full_render(window, monkeypatch)
    start = TEXT.index("Albanese")
    _action(_click_text(qtbot, window, start + 2), "accept").trigger()
    assert _rows(window, "Albanese")[0].status == "accepted"
    assert window.view.status_at(start) == "accepted"
    _action(_click_text(qtbot, window, start + 2), "reject").trigger()
    assert _rows(window, "Albanese")[0].status == "rejected", "rejections stay in the database"
    assert window.view.label_at(start) is None
    window.undo_stack.undo()
    assert _rows(window, "Albanese")[0].status == "accepted" and window.view.label_at(start) == "PERSON"


def test_select_text_to_add_entity_pillar_and_refuse_overlaps(qtbot: QtBot, window: MainWindow,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    view = window.view
    _forbid_full_render(window, monkeypatch)
    start = TEXT.index("COMPACT")
    # A sloppy selection (" COMPAC") snaps to the word; the sentence's full stop is not taken.
    view.select_span(start - 1, start + 6)
    _keys(qtbot, window, Qt.Key.Key_9)  # 9 = LAW
    row = _rows(window, "COMPACT")[0]
    assert (row.start, row.end, row.label, row.origin, row.status) == (start, start + 7, "LAW", "user", "accepted")
    assert all(view.label_at(o) == "LAW" for o in range(start, start + 7))
    assert view.label_at(start + 7) is None

    # Overlap with an existing tag: refused with a message, nothing stored.
    view.select_span(TEXT.index("Albanese about"), TEXT.index("about") + 5)
    _keys(qtbot, window, Qt.Key.Key_2)
    assert "overlaps" in window.review.controller.last_message
    assert _rows(window, "Albanese about") == []
    # Only spaces selected: refused.
    view.select_span(start - 1, start)
    _keys(qtbot, window, Qt.Key.Key_2)
    assert "no word" in window.review.controller.last_message

    # Ctrl+2 tags the selected passage with the second pillar (security).
    second = window.services.pillars.all()[1].id
    view.select_span(0, TEXT.index("\n"))
    _keys(qtbot, window, (Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier))
    tagged = [r for r in _rows(window, kind="pillar") if r.label == second]
    assert len(tagged) == 1 and tagged[0].origin == "user" and (tagged[0].start, tagged[0].end) == (0, TEXT.index("\n"))
    assert any(m.pillar_id == second for m in view.pillar_marks.values())

    # The right-click menu on a selection offers the same.
    word = TEXT.index("naval")
    view.select_span(word, word + 5)
    view.contextMenuAt.emit(QPoint(10, 10), word)
    menu = window.review.controller.popup
    assert menu is not None and menu.objectName() == "selectionMenu"
    _action(menu, "add_EVENT").trigger()
    assert _rows(window, "naval")[0].label == "EVENT"
    window.undo_stack.undo()
    assert _rows(window, "naval") == [] and view.label_at(word) is None


def test_whole_article_reviewed_with_the_keyboard_only(qtbot: QtBot, window: MainWindow,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _forbid_full_render(window, monkeypatch)
    services = window.services
    article_id = window.current_article_id
    assert article_id is not None
    open_before = services.annotations.open_counts(article_id)
    assert open_before == {"entity": 8, "pillar": 3}
    _keys(qtbot, window, Qt.Key.Key_N)
    decisions = 0
    while services.annotations.open_counts(article_id) != {"entity": 0, "pillar": 0}:
        current = window.review.controller.current_mark()
        assert current is not None, window.review.controller.last_message
        text = window.view.text[current.start:current.end]
        if text == "Modi":
            _keys(qtbot, window, Qt.Key.Key_1)  # relabel/confirm PERSON, moves on
        elif text == "Indian Ocean":
            _keys(qtbot, window, Qt.Key.Key_R)  # reject, moves on
        elif text == "Australia":
            _keys(qtbot, window, Qt.Key.Key_Return)
        else:
            _keys(qtbot, window, Qt.Key.Key_A)
        decisions += 1
        assert decisions <= 11, "each decision closes one suggestion"
    assert decisions == 11
    assert {r.label for r in _rows(window, "Modi")} == {"PERSON"}
    assert _rows(window, "Indian Ocean")[0].status == "rejected"
    assert all(r.status == "accepted" for r in _rows(window, kind="pillar"))
    _keys(qtbot, window, Qt.Key.Key_N)
    assert "No open suggestions" in window.review.controller.last_message
    status = window.review.status
    assert "No open suggestions" in status.counts.text()
    assert services.articles.get(article_id).status == "in_review"
    qtbot.keyClick(window.view.editor, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert services.articles.get(article_id).status == "reviewed"
    assert status.status.currentData() == "reviewed"
    window.undo_stack.undo()
    assert services.articles.get(article_id).status == "in_review"


def test_apply_to_all_and_accept_all_remaining_are_undoable(qtbot: QtBot, window: MainWindow,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    view = window.view
    _forbid_full_render(window, monkeypatch)
    start = TEXT.index("Modi")
    _action(_click_text(qtbot, window, start), "label_PERSON").trigger()
    before = _state(window)
    _action(_click_text(qtbot, window, start), "applyArticle").trigger()
    modis = _rows(window, "Modi")
    assert len(modis) == 3 and {(r.label, r.status) for r in modis} == {("PERSON", "accepted")}
    assert all(view.status_at(r.start) == "accepted" for r in modis)
    window.undo_stack.undo()
    assert _state(window) == before
    assert [view.status_at(r.start) for r in _rows(window, "Modi")] == ["accepted", "suggested", "suggested"]

    before = _state(window)
    qtbot.mouseClick(window.review.status.accept_all_button, Qt.MouseButton.LeftButton)
    assert window.services.annotations.open_counts(window.current_article_id) == {"entity": 0, "pillar": 0}
    assert all(m.status == "accepted" for m in view.entity_marks.values())
    assert "No open suggestions" in window.review.status.counts.text()
    window.undo_stack.undo()
    assert _state(window) == before
    assert "open suggestions" in window.review.status.counts.text()
    window.undo_stack.redo()
    assert all(r.status == "accepted" for r in _rows(window))


def test_apply_to_all_in_library_reaches_other_articles(qtbot: QtBot, window: MainWindow) -> None:
    services = window.services
    other = services.articles.add(ImportedDocument(title="Other", text="Albanese arrived. Albanese left.",
                                                   source_path=""))
    start = TEXT.index("Albanese")
    _action(_click_text(qtbot, window, start), "applyLibrary").trigger()
    rows = [r for r in _rows(window, "Albanese") if r.article_id == other.id]
    assert len(rows) == 2 and all(r.label == "PERSON" and r.origin == "user" for r in rows)
    window.undo_stack.undo()
    assert [r for r in _rows(window, "Albanese") if r.article_id == other.id] == []


def test_entities_panel_jump_rename_merge_split(qtbot: QtBot, window: MainWindow) -> None:
    review = window.review
    panel = review.entities_panel
    item = panel.item_by_text("Albanese")
    assert item is not None and item.text(1).startswith("1")
    panel.tree.itemClicked.emit(item, 0)
    start = TEXT.index("Albanese")
    assert window.view.flashing == (start, start + 8)
    assert review.controller.current_mark().start == start

    # Rename through the tree's editor (F2 / Rename…).
    modi = panel.item_by_text("Modi")
    assert modi is not None and "2" in modi.text(1)
    panel.tree.setCurrentItem(modi)
    panel.tree.editItem(modi, 0)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not panel.tree
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "Narendra Modi")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.services.entities.canonical("PERSON:modi") is not None)
    assert window.services.entities.canonical("PERSON:modi").name == "Narendra Modi"
    assert panel.item_by_text("Narendra Modi") is not None

    # Merge the GPE "Modi" suggestion into the person, from the panel's context menu.
    gpe_modi = [i for i in panel.tree.findItems("Modi", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
                if i.data(0, Qt.ItemDataRole.UserRole + 7)[1] == "GPE:modi"][0]
    menu = panel.context_menu(gpe_modi)
    assert menu is not None
    target = [a for a in menu.findChild(QMenu, "mergeMenu").actions() if a.data() == "PERSON:modi"][0]
    before = _state(window)
    target.trigger()
    first = _rows(window, "Modi")[0]
    assert (first.entity_id, first.label) == ("PERSON:modi", "PERSON")
    assert window.view.label_at(0) == "PERSON"
    entity = panel.item_by_text("Narendra Modi")
    assert entity is not None and entity.text(1).startswith("3")
    window.undo_stack.undo()
    assert _state(window) == before and window.view.label_at(0) == "GPE"
    window.undo_stack.redo()

    # Split the written form "Modi" back off into its own entity.
    entity = panel.item_by_text("Narendra Modi")
    alias = [entity.child(i) for i in range(entity.childCount()) if "“Modi”" in entity.child(i).text(0)][0]
    menu = panel.context_menu(alias)
    _action(menu, "split").trigger()
    assert {r.entity_id for r in _rows(window, "Modi")} == {"PERSON:modi#split"}


def test_notes_add_edit_delete_with_undo(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    _forbid_full_render(window, monkeypatch)
    view = window.view
    start = TEXT.index("naval exercises")
    view.select_span(start, start + 15)
    _keys(qtbot, window, (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
    dialog = window.review.controller.note_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.editor, "Which exercise? Check AUSINDEX dates.")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    notes = window.services.notes.for_article(window.current_article_id)
    assert [(n.start, n.end, n.body) for n in notes] == [(start, start + 15, "Which exercise? Check AUSINDEX dates.")]
    assert list(view.note_spans.values()) == [(start, start + 15)]
    panel = window.review.notes_panel
    window.review.docks["notes"].raise_()  # the Notes tab catches up when it is shown
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)
    assert panel.tree.topLevelItem(0).text(0).startswith("Which exercise")

    panel.tree.itemClicked.emit(panel.tree.topLevelItem(0), 0)
    assert view.flashing == (start, start + 15)
    _action(panel.context_menu(panel.tree.topLevelItem(0)), "edit").trigger()
    dialog = window.review.controller.note_dialog
    dialog.editor.selectAll()
    qtbot.keyClicks(dialog.editor, "AUSINDEX 2026")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.services.notes.for_article(window.current_article_id)[0].body == "AUSINDEX 2026"

    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert window.services.notes.for_article(window.current_article_id) == []
    assert view.note_spans == {}
    window.undo_stack.undo()
    assert window.services.notes.for_article(window.current_article_id)[0].body == "AUSINDEX 2026"
    window.undo_stack.undo()
    assert window.services.notes.for_article(window.current_article_id)[0].body.startswith("Which exercise")


def test_offsets_with_emoji_crlf_and_devanagari_before_tags(qtbot: QtBot, make_window: object,
                                                            tmp_path: Path) -> None:
    window = make_window()  # type: ignore[operator]
    source = tmp_path / "mixed.txt"
    source.write_bytes(
        "Emoji 🇮🇳🤝🇦🇺 line\r\n"
        "भारत और ऑस्ट्रेलिया ने संयुक्त बयान जारी किया 😀\r\n"
        "Prime Minister Anthony Albanese will visit Canberra with Penny Wong.\r\n".encode()
    )
    article_id = open_and_analyse(qtbot, window, source)
    text = window.view.text
    assert "\r" not in text
    view = window.view
    # Add by selection with the keyboard: GPE on "Canberra" (astral characters before it).
    start = text.index("Canberra")
    existing = window.services.annotations.for_article(article_id)
    for ann in [a for a in existing if a.kind == "entity" and a.start < start + 8 and a.end > start]:
        window.services.annotations.delete_row(ann.id)
    window.render_annotations()
    view.select_span(start, start + 8)
    _keys(qtbot, window, Qt.Key.Key_4)  # LOC
    row = [a for a in window.services.annotations.for_article(article_id) if a.text == "Canberra"][0]
    assert (row.start, row.end, row.label) == (start, start + 8, "LOC")
    assert text[row.start:row.end] == "Canberra"
    assert [view.label_at(o) for o in range(start - 1, start + 9)] == [None] + ["LOC"] * 8 + [None]
    # Click-to-relabel a tag after the emoji and Devanagari: the click maps to the right tag.
    wong = text.index("Wong")
    popup = _click_text(qtbot, window, wong + 1)
    assert popup.objectName() == "entityMenu"
    _action(popup, "label_ORG").trigger()
    tag = window.services.annotations.get(view.annotation_at(wong))
    assert tag.label == "ORG" and text[tag.start:tag.end].endswith("Wong")
    assert view.label_at(wong) == "ORG"


def test_edits_survive_a_restart(qtbot: QtBot, make_window: object) -> None:
    window = make_window()  # type: ignore[operator]
    article_id = _seed(window.services)
    window.show_article(article_id)
    # Modi -> PERSON, accept the first passage, reject Albanese.
    _keys(qtbot, window, Qt.Key.Key_N, Qt.Key.Key_1, Qt.Key.Key_A, Qt.Key.Key_R)
    start = TEXT.index("COMPACT")
    window.view.select_span(start, start + 7)
    _keys(qtbot, window, Qt.Key.Key_9)
    window.review.controller.add_note((0, 4))
    window.review.controller.note_dialog.editor.setPlainText("PM")
    window.review.controller.note_dialog.accept()
    shown = {(m.start, m.end, m.label, m.status) for m in window.view.entity_marks.values()}
    window.close()
    window.services.close()

    again = make_window()  # type: ignore[operator]
    again.show_article(article_id)
    assert {(m.start, m.end, m.label, m.status) for m in again.view.entity_marks.values()} == shown
    assert again.view.label_at(0) == "PERSON" and again.view.label_at(start) == "LAW"
    assert again.view.label_at(TEXT.index("Albanese")) is None
    assert [n.body for n in again.services.notes.for_article(article_id)] == ["PM"]
    assert again.review.status.status.currentData() == "in_review"


def test_hover_shows_label_origin_confidence_and_why(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent

    ocean = TEXT.index("Indian Ocean")
    tip = window.view.tooltip_at(ocean + 2)
    assert "Region or place" in tip and "LOC" not in tip and "Origin: list of known names" in tip and "80%" in tip and "Why:" in tip
    assert "Defence" in tip and "naval exercises" in tip, "the pillar passage is explained too"
    viewport = window.view.editor.viewport()
    point = _point_of(window, ocean + 2)
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    assert "Region or place" in QToolTip.text()


def test_shortcut_sheet_is_generated_from_the_actions(qtbot: QtBot, window: MainWindow) -> None:
    assert shortcut_conflicts(window) == []
    rows = shortcut_rows(window)
    texts = {(text, keys) for _g, text, keys in rows}
    assert ("Accept", "A, Return, Enter") in texts
    assert any(t.startswith("Person") and k == "1" for t, k in texts)
    assert any(k == "Ctrl+1" for _t, k in texts)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.review.sheet
    assert sheet is not None and sheet.isVisible()
    html = sheet.browser.toPlainText()
    assert "Next suggestion" in html and "Add passage to briefing" in html and "Ctrl+Shift+N" in html


def test_b_adds_the_passage_under_review_to_the_briefing(qtbot: QtBot, window: MainWindow) -> None:
    window.review.pillars_panel.refresh()
    panel = window.review.pillars_panel
    trade = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
             if panel.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 7) == ("pillar", "trade")][0]
    panel.tree.itemClicked.emit(trade.child(0), 0)
    _keys(qtbot, window, Qt.Key.Key_B)
    items = [i for b in window.services.briefings.all() for i in window.services.briefings.items(b.id)]
    s3 = _sentences(TEXT)[2]
    assert [(i.start, i.end, i.pillar_id) for i in items] == [(s3[0], s3[1], "trade")]


def test_hidden_panels_are_rebuilt_when_shown_not_on_every_edit(qtbot: QtBot, window: MainWindow,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    review = window.review
    review.docks["entities"].raise_()
    qtbot.waitUntil(lambda: not review.pillars_panel.on_screen)
    rebuilt: list[str] = []
    original = type(review.pillars_panel).refresh
    monkeypatch.setattr(type(review.pillars_panel), "refresh",
                        lambda self: (rebuilt.append("pillars"), original(self))[1])
    trade = next(r for r in _rows(window, kind="pillar") if r.label == "trade")
    review.controller.accept(trade.id, advance=False)
    assert rebuilt == []  # behind the Entities tab: not rebuilt for this edit
    review.docks["pillars"].raise_()
    qtbot.waitUntil(lambda: rebuilt == ["pillars"])
    panel = review.pillars_panel
    heads = {panel.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 7): panel.tree.topLevelItem(i)
             for i in range(panel.tree.topLevelItemCount())}
    assert heads[("pillar", "trade")].child(0).text(0).startswith("● ")  # shown as accepted once visible


def test_the_review_bar_counts_one_suggestion_in_the_singular(patrols_window: MainWindow) -> None:
    # the patrols article has one open suggestion: not "1 open suggestions (1 entities, ...)"
    patrols_window.review.status.refresh()
    assert patrols_window.review.status.counts.text() == "<b>1</b> open suggestion (1 entity, 0 pillar passages)"
