"""The library panel: sorting, filters, status changes, deletion with confirmation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlmodel import select

from briefing_app.domain.models import Annotation
from briefing_app.gui.library_panel import DATE, OPEN, STATUS, TITLE
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import from_paste
from briefing_app.services import Services

ARTICLES = [
    # title, outlet, date, status, text
    ("Bravo: trade talks", "Reuters", "2025-01-10", "in_review",
     "Trade ministers reviewed semiconductor supply chains with Prime Minister Modi."),
    ("Alpha: naval exercise", "The Hindu", "2024-06-01", "reviewed",
     "The navies held the Malabar exercise in the Bay of Bengal."),
    ("Charlie: energy", "PIB", "", "new", "Officials launched green hydrogen projects."),
]


@pytest.fixture
def filled(window: MainWindow) -> dict[str, int]:
    """Three articles with metadata, statuses and a few tags, shown in the panel."""
    services = window.services
    ids: dict[str, int] = {}
    for title, outlet, date, status, body in ARTICLES:
        article = services.articles.add(from_paste(body, title=title, outlet=outlet, published=date))
        assert article.id is not None
        services.articles.set_status(article.id, status)
        ids[title.split(":")[0]] = article.id
    trade = ARTICLES[0][4]
    with services.db.session() as session:
        start = trade.index("Modi")
        session.add(Annotation(article_id=ids["Bravo"], kind="entity", start=start, end=start + 4,
                               label="PERSON", text="Modi", entity_id="PERSON:narendra modi"))
        session.add(Annotation(article_id=ids["Bravo"], kind="pillar", start=0, end=len(trade), label="trade"))
        session.add(Annotation(article_id=ids["Alpha"], kind="pillar", start=0, end=10, label="defence",
                               status="accepted"))
        session.commit()
    window.refresh_library()
    return ids


def _titles(window: MainWindow) -> list[str]:
    panel = window.library
    return [panel.summary_at(r).title.split(":")[0] for r in range(panel.count())]


def test_table_shows_columns_and_sorts_by_clicking_headers(qtbot: QtBot, window: MainWindow,
                                                           filled: dict[str, int]) -> None:
    panel = window.library
    assert _titles(window) == ["Charlie", "Alpha", "Bravo"], "newest first"
    model = panel.proxy
    row = _titles(window).index("Bravo")
    assert [model.index(row, c).data() for c in (TITLE, DATE, STATUS, OPEN)] == [
        "Bravo: trade talks", "2025-01-10", "In review", "2"]
    header = panel.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(TITLE) + 10, header.height() // 2))
    assert _titles(window) == ["Alpha", "Bravo", "Charlie"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(DATE) + 10, header.height() // 2))
    assert _titles(window) == ["Charlie", "Alpha", "Bravo"], "undated first, then by date"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(DATE) + 10, header.height() // 2))
    assert _titles(window) == ["Bravo", "Alpha", "Charlie"]


def test_filters_by_pillar_status_entity_and_date(qtbot: QtBot, window: MainWindow,
                                                  filled: dict[str, int]) -> None:
    panel = window.library
    panel.pillar_filter.setCurrentIndex(panel.pillar_filter.findData("defence"))
    assert _titles(window) == ["Alpha"]
    assert panel.summary.text() == "1 of 3 articles"
    panel.pillar_filter.setCurrentIndex(0)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("new"))
    assert _titles(window) == ["Charlie"]
    panel.status_filter.setCurrentIndex(0)

    panel.entity_filter.showPopup()  # loads the library's entities
    panel.entity_filter.hidePopup()
    assert panel.entity_filter.count() == 1 and panel.entity_filter.itemText(0).startswith("Modi")
    panel.entity_filter.setCurrentIndex(0)
    panel.entity_filter.activated.emit(0)
    assert _titles(window) == ["Bravo"]
    panel.entity_filter.lineEdit().clear()
    assert panel.count() == 3
    qtbot.keyClicks(panel.entity_filter.lineEdit(), "MODI")  # a typed name, any case
    qtbot.waitUntil(lambda: _titles(window) == ["Bravo"], timeout=5_000)
    panel.entity_filter.lineEdit().clear()

    panel.date_from.setDate(QDate(2024, 12, 1))
    assert _titles(window) == ["Bravo"]
    panel.date_from.setDate(QDate(2024, 1, 1))
    panel.date_to.setDate(QDate(2024, 12, 31))
    assert _titles(window) == ["Alpha"]
    qtbot.mouseClick(panel.clear_filters, Qt.MouseButton.LeftButton)
    assert panel.count() == 3 and panel.filters().is_empty()
    assert not panel.clear_filters.isEnabled()


def test_selecting_a_row_opens_the_article(window: MainWindow, filled: dict[str, int]) -> None:
    window.library.setCurrentRow(_titles(window).index("Alpha"))
    assert window.current_article_id == filled["Alpha"]
    assert window.view.text.startswith("The navies held")


def _context_menu(qtbot: QtBot, window: MainWindow, row: int) -> QMenu:
    table = window.library.table
    table.selectRow(row)
    rect = table.visualRect(window.library.proxy.index(row, TITLE))
    table.customContextMenuRequested.emit(rect.center())
    menu = window.library.context_menu
    qtbot.waitUntil(menu.isVisible, timeout=2_000)
    return menu


def _action(menu: QMenu, text: str) -> object:
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
        if action.menu() is not None:
            for sub in action.menu().actions():
                if sub.text().replace("&", "") == text:
                    return sub
    raise AssertionError(f"no action {text!r} in {[a.text() for a in menu.actions()]}")


def test_mark_status_from_the_context_menu_is_undoable(qtbot: QtBot, window: MainWindow,
                                                       filled: dict[str, int]) -> None:
    row = _titles(window).index("Charlie")
    menu = _context_menu(qtbot, window, row)
    _action(menu, "Reviewed").trigger()  # type: ignore[attr-defined]
    menu.close()
    article = window.services.articles.get(filled["Charlie"])
    assert article is not None and article.status == "reviewed"
    assert window.library.proxy.index(row, STATUS).data() == "Reviewed"
    window.undo_stack.undo()
    article = window.services.articles.get(filled["Charlie"])
    assert article is not None and article.status == "new"
    assert window.library.proxy.index(row, STATUS).data() == "New"


def test_delete_asks_first_and_removes_the_annotations_too(qtbot: QtBot, window: MainWindow,
                                                           filled: dict[str, int],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    panel = window.library
    panel.setCurrentRow(_titles(window).index("Bravo"))
    assert window.current_article_id == filled["Bravo"]
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert "Bravo: trade talks" in asked[0] and "2 tags" in asked[0]
    assert window.services.articles.get(filled["Bravo"]) is not None, "cancel keeps the article"

    menu = _context_menu(qtbot, window, _titles(window).index("Bravo"))
    _action(menu, "Delete…").trigger()  # type: ignore[attr-defined]
    menu.close()
    assert window.services.articles.get(filled["Bravo"]) is None
    with window.services.db.session() as session:
        left = session.exec(select(Annotation).where(Annotation.article_id == filled["Bravo"])).all()
    assert left == []
    assert _titles(window) == ["Charlie", "Alpha"]
    assert window.current_article_id is None and window.view.text == ""
    assert window.services.articles.search_hits("semiconductor") == []


def test_a_huge_desk_library_is_summed_up_by_its_estimate_and_counted_once(
        qtbot: QtBot, window: MainWindow, filled: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: a million-article desk library shows "about 1,000,000 articles" (the server's
    estimate) instead of counting every row at each refresh; nothing filters, so nothing is counted."""
    from briefing_app.services.articles import LibrarySize

    panel = window.library
    monkeypatch.setattr(window.services.articles, "size", lambda: LibrarySize(1_000_000, exact=False))

    def no_count(*_args: object) -> int:
        raise AssertionError("the whole library counted row by row")

    monkeypatch.setattr(window.services.articles, "count_matching", no_count)
    panel.refresh()
    assert panel.summary.text() == "about 1,000,000 articles"
    monkeypatch.undo()
    monkeypatch.setattr(window.services.articles, "size", lambda: LibrarySize(1_000_000, exact=False))
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("new"))
    assert panel.summary.text() == "1 of about 1,000,000 articles"


def test_a_status_change_refused_for_another_officers_edit_says_so_and_changes_nothing(
        qtbot: QtBot, window: MainWindow, filled: dict[str, int], db_path: Path) -> None:
    """Desk mode: Bram retitled "Charlie" after this window read it. Marking it reviewed is refused
    in the status bar (not an exception in the event loop), nothing is written, no undo step."""
    other = Services.open(db_path, officer="Bram")
    try:
        other.articles.update_metadata(filled["Charlie"], title="Charlie: energy (retitled)")
    finally:
        other.close()
    steps = window.undo_stack.count()
    row = _titles(window).index("Charlie")
    menu = _context_menu(qtbot, window, row)
    _action(menu, "Reviewed").trigger()  # type: ignore[attr-defined]
    menu.close()
    message = window.statusBar().currentMessage()
    assert "Bram" in message and "Not saved" in message
    article = window.services.articles.get(filled["Charlie"])
    assert article is not None and article.status == "new" and article.title.endswith("(retitled)")
    assert window.undo_stack.count() == steps
    assert window.library.proxy.index(row, STATUS).data() == "New"
