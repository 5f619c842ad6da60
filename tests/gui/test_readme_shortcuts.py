"""The README's shortcut table is the one generated from the live actions (docs/make_shortcut_table.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.review.shortcuts import shortcut_table_markdown
from briefing_app.services import Services
from briefing_app.settings import Settings

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "docs"))

from make_shortcut_table import readme_table  # noqa: E402


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the README shows the keys as on Linux")
def test_readme_table_matches_the_live_actions(qtbot: QtBot, db_path: Path, analyzer: object,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing_app.gui.main_window as main_window

    monkeypatch.setattr(main_window, "create_analyzer", lambda _model=None: analyzer)
    window = MainWindow(Services.open(db_path), Settings())
    qtbot.addWidget(window)
    try:
        live = shortcut_table_markdown(window)
        assert "| Edit | Redo | Ctrl+Y, Ctrl+Shift+Z |" in live
        assert "| Review | Go to the start of the article | Ctrl+Home |" in live
        readme = readme_table((REPO / "README.md").read_text(encoding="utf-8"))
        assert readme == live, "README table out of date: run .venv/bin/python docs/make_shortcut_table.py"
    finally:
        window.close()
        window.services.close()
