"""Opening a file in the window as the officer (or ``--open``) does: ``open_path`` reads and stores
it in a worker, then shows it (``articleOpened``) and analyses it (``analysisFinished``)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow


def open_file(qtbot: QtBot, window: MainWindow, path: Path, timeout: int = 60_000) -> int:
    """``window.open_path(path)``, waiting until it is shown; the article id."""
    with qtbot.waitSignal(window.articleOpened, timeout=timeout) as opened:
        window.open_path(path)
    article_id = opened.args[0]
    assert window.current_article_id == article_id
    return int(article_id)


def open_and_analyse(qtbot: QtBot, window: MainWindow, path: Path, timeout: int = 60_000) -> int:
    """``window.open_path(path)`` of a new article, waiting until it is shown and its analysis is
    drawn; the article id."""
    with qtbot.waitSignal(window.analysisFinished, timeout=timeout) as analysed:
        article_id = open_file(qtbot, window, path, timeout)
    assert analysed.args == [article_id], "the article opened is the one analysed"
    return article_id
