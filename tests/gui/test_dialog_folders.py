"""File dialogs start in the folder their kind was last used in, also after a restart."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.services import Services
from briefing_app.settings import Settings


@pytest.fixture
def make_window(qtbot: QtBot, db_path: Path, analyzer: object,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], MainWindow]]:
    import briefing_app.gui.main_window as main_window

    monkeypatch.setattr(main_window, "create_analyzer", lambda _model=None: analyzer)
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        win = MainWindow(Services.open(db_path), Settings())
        qtbot.addWidget(win)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.close()
        win.services.close()


def test_import_and_open_dialogs_each_remember_their_folder(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports, briefs = tmp_path / "reports", tmp_path / "briefs"
    reports.mkdir()
    briefs.mkdir()
    asked: list[tuple[str, str]] = []
    answer: dict[str, str] = {}

    def get_open_file_names(_parent: object, caption: str, start: str, _filter: str) -> tuple[list[str], str]:
        asked.append((caption, start))
        return [answer["path"]], ""

    def get_open_file_name(_parent: object, caption: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append((caption, start))
        return answer["path"], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", get_open_file_names)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)

    window = make_window()
    monkeypatch.setattr(window.importer, "import_paths", lambda *_a, **_k: None)
    monkeypatch.setattr(window, "open_path", lambda _p: None)
    answer["path"] = str(reports / "a.txt")
    window.importer.import_files_dialog()
    assert asked[-1] == ("Import files", str(Path.home()))  # first time: the home folder
    window.importer.import_files_dialog()
    assert asked[-1] == ("Import files", str(reports))
    # File → Open keeps its own folder.
    answer["path"] = str(briefs / "b.txt")
    window._open_dialog()
    assert asked[-1] == ("Open article", str(Path.home()))
    window._open_dialog()
    assert asked[-1] == ("Open article", str(briefs))
    window.close()

    # After a restart both are still remembered.
    again = make_window()
    monkeypatch.setattr(again.importer, "import_paths", lambda *_a, **_k: None)
    monkeypatch.setattr(again, "open_path", lambda _p: None)
    again.importer.import_files_dialog()
    assert asked[-1] == ("Import files", str(reports))
    again._open_dialog()
    assert asked[-1] == ("Open article", str(briefs))
