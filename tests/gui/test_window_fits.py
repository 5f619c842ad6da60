"""The window fits small screens, keeps every status message readable and comes back as it was left."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult
from briefing_app.services import Services
from briefing_app.settings import Settings

SCREENS = [(1366, 768), (1280, 720)]


@pytest.fixture
def make_window(qtbot: QtBot, db_path: Path, analyzer: object,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[QRect], MainWindow]]:
    """Windows on the test database whose screen offers ``available`` (a simulated small screen)."""
    import briefing_app.gui.main_window as main_window

    monkeypatch.setattr(main_window, "create_analyzer", lambda _model=None: analyzer)
    windows: list[MainWindow] = []

    def make(available: QRect) -> MainWindow:
        win = MainWindow(Services.open(db_path), Settings())
        win.available_geometry = lambda: QRect(available)  # type: ignore[method-assign]
        qtbot.addWidget(win)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.close()
        win.services.close()


def _add_article(services: Services, title: str) -> int:
    text = f"{title}. India and Australia agreed to deepen defence ties."
    article = services.articles.add(ImportedDocument(title=title, text=text, source_path=""))
    assert article.id is not None
    services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=[], passages=[]))
    return article.id


def _global_rect(widget: object) -> QRect:
    rect = widget.rect()  # type: ignore[attr-defined]
    return QRect(widget.mapToGlobal(QPoint(0, 0)), rect.size())  # type: ignore[attr-defined]


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_first_start_fits_the_screen_with_status_bar_visible(
    qtbot: QtBot, make_window: Callable[[QRect], MainWindow], width: int, height: int
) -> None:
    available = QRect(0, 0, width, height - 32)  # a panel takes the bottom 32 px
    window = make_window(available)
    window.place_on_screen()
    window.show()
    qtbot.waitExposed(window)
    window.keep_frame_on_screen()
    assert available.contains(window.frameGeometry()), (window.frameGeometry(), available)
    # The window really got the size asked for: its minimum size does not push it off-screen.
    assert window.frameGeometry().size() == available.size()
    bar = window.statusBar()
    assert bar.isVisible() and bar.height() > 0
    assert available.contains(_global_rect(bar)), (_global_rect(bar), available)


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_long_status_messages_are_elided_with_the_whole_text_in_the_tooltip(
    qtbot: QtBot, make_window: Callable[[QRect], MainWindow], width: int, height: int
) -> None:
    window = make_window(QRect(0, 0, width, height))
    window.place_on_screen()
    window.show()
    qtbot.waitExposed(window)
    message = ("Not changed: “Quad Leaders Summit” overlaps the EVENT tag “Quad Leaders Summit in "
               "Wilmington” (a tag may not overlap another of the same kind); select a different span or "
               "remove the other tag first. Briefing written to /home/officer/Documents/Briefings/2026/"
               "November/India-United-States-leaders-call-and-the-defence-framework-final-v3.docx")
    window.statusBar().showMessage(message, 8000)
    qtbot.wait(10)
    label = window.statusBar().message_label  # type: ignore[attr-defined]
    assert label.isVisible() and label.width() > 200
    assert label.is_elided() and label.text().endswith("…")
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    assert label.toolTip() == message
    assert window.statusBar().currentMessage() == message
    # Everything of it that is drawn is inside the window and the screen.
    assert QRect(0, 0, width, height).contains(_global_rect(label))
    # A short message is shown whole, with no tooltip.
    window.statusBar().showMessage("Analysis complete", 4000)
    assert label.text() == "Analysis complete" and label.toolTip() == ""


def test_restart_restores_size_position_splitter_docks_and_last_article(
    qtbot: QtBot, make_window: Callable[[QRect], MainWindow]
) -> None:
    available = QRect(0, 0, 1366, 768)
    window = make_window(available)
    first = _add_article(window.services, "First article")
    second = _add_article(window.services, "Second article")
    window.place_on_screen()
    window.show()
    qtbot.waitExposed(window)
    window.setGeometry(QRect(60, 40, 1220, 660))
    window.show_article(first)
    window.show_article(second)
    # The officer widens the preview of the briefing builder and narrows the library.
    window.workspace.setCurrentWidget(window.briefing_builder)
    qtbot.wait(20)
    splitter = window.briefing_builder.splitter
    total = sum(splitter.sizes())
    splitter.setSizes([total // 4, total - total // 4])
    library_dock = window.library.parentWidget()
    window.resizeDocks([library_dock], [230], Qt.Orientation.Horizontal)
    qtbot.wait(20)
    sizes, library_width = splitter.sizes(), library_dock.width()
    assert window.geometry() == QRect(60, 40, 1220, 660)
    window.close()

    again = make_window(available)
    again.place_on_screen()
    again.show()
    qtbot.waitExposed(again)
    assert again.geometry() == QRect(60, 40, 1220, 660)
    assert again.reopen_last_article() == second and again.current_article_id == second
    assert again.view.text.startswith("Second article")
    qtbot.wait(20)
    assert again.library.parentWidget().width() == library_width
    again.workspace.setCurrentWidget(again.briefing_builder)
    qtbot.wait(20)
    assert again.briefing_builder.splitter.sizes() == sizes


def test_a_window_remembered_on_a_larger_screen_is_fitted_to_a_smaller_one(
    qtbot: QtBot, make_window: Callable[[QRect], MainWindow]
) -> None:
    window = make_window(QRect(0, 0, 1920, 1080))
    window.place_on_screen()
    window.show()
    qtbot.waitExposed(window)
    window.close()
    small = QRect(0, 0, 1280, 720)
    again = make_window(small)
    again.place_on_screen()
    again.show()
    qtbot.waitExposed(again)
    again.keep_frame_on_screen()  # as the app does once the window manager has framed it
    assert small.contains(again.frameGeometry()), (again.frameGeometry(), again.minimumSizeHint(), again.isMaximized())
