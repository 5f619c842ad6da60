"""GUI test fixtures: background threads are finished before each test ends, and no message box a test
did not expect can block it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def in_process_analyser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows analyse in this process with the session's loaded model (a process per window would load
    spaCy for each test); tests marked ``analysis_process`` keep the app's analysis process."""
    if request.node.get_closest_marker("analysis_process"):
        return
    from briefing_app.gui import main_window

    def in_process(model: str | None = None) -> object:
        from briefing_app.nlp.analyzer import create_analyzer

        return create_analyzer(model)

    monkeypatch.setattr(main_window, "create_analyzer", in_process)


#: The size most GUI tests give their window (a common laptop screen).
LAPTOP = (1366, 768)


@pytest.fixture
def open_window(qtbot: QtBot, db_path: Path, analyzer: object, monkeypatch: pytest.MonkeyPatch,
                ) -> Iterator[Callable[..., MainWindow]]:
    """Opens main windows with the session's model loaded (no second model load), each closed with
    its services at teardown: ``open_window(target=db_path, settings=Settings(), officer="",
    size=None)``; ``size``, e.g. :data:`LAPTOP`, is set before the window is shown."""
    from briefing_app.gui import main_window
    from briefing_app.gui.main_window import MainWindow
    from briefing_app.services import Services
    from briefing_app.settings import Settings

    monkeypatch.setattr(main_window, "create_analyzer", lambda _model=None: analyzer)
    windows: list[MainWindow] = []

    def open_(target: str | Path | None = None, settings: Settings | None = None, officer: str = "",
              size: tuple[int, int] | None = None) -> MainWindow:
        win = MainWindow(Services.open(db_path if target is None else target, officer=officer),
                         Settings() if settings is None else settings)
        qtbot.addWidget(win)
        if size is not None:
            win.resize(*size)
        win.show()
        qtbot.waitUntil(lambda: win.analyzer is not None, timeout=60_000)
        windows.append(win)
        return win

    yield open_
    for win in windows:  # (closing again a window a test closed itself is harmless)
        win.close()
        win.services.close()


@pytest.fixture
def loaded_window(open_window: Callable[..., MainWindow]) -> MainWindow:
    """A window on a fresh database with the session's model loaded (ask for ``short_busy_timeout``
    before it when writers must give up on a held lock quickly)."""
    return open_window()


@pytest.fixture(autouse=True)
def wait_for_background_threads(qapp: object) -> Iterator[None]:
    """Join the thread pool in teardown so no worker outlives its test's database."""
    yield
    assert QThreadPool.globalInstance().waitForDone(60_000), "background work did not finish"


@pytest.fixture(autouse=True)
def unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A QMessageBox a test does not patch itself fails that test instead of blocking it for ever: offscreen,
    nobody can click it, and the run hung until pytest-timeout (a background analysis refused by a
    database another test's connection held). Tests that expect one patch ``QMessageBox.<kind>``
    themselves, which replaces this."""
    shown: list[str] = []

    def recorder(kind: str, answer: QMessageBox.StandardButton):  # noqa: ANN202 - a static method's stand-in
        def box(_parent: object, title: str, text: str, *_args: object, **_kwargs: object) -> object:
            shown.append(f"{kind} “{title}”: {text}")
            return answer

        return box

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind, QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", recorder("question", QMessageBox.StandardButton.Cancel))
    yield shown
    if shown:
        pytest.fail("a message box the test did not expect: " + "; ".join(shown))
