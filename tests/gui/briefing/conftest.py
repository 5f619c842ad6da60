"""Fixtures of the briefing builder tests: a window with two real, analysed articles."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.resources import resource_path
from briefing_app.settings import Settings
from tests.gui.conftest import LAPTOP
from tests.gui.opening import open_and_analyse

REPO = Path(__file__).resolve().parents[3]
SHARED_SAMPLE = REPO / "tests" / "data" / "samples" / "india-us-leaders-call.txt"
AUSTRALIA_SAMPLE = resource_path("sample_article.txt")

METADATA = {
    "australia": dict(outlet="Sample Wire", published="2026-10-14",
                      url="https://example.org/news/india-australia-call"),
    "us": dict(outlet="Sample Daily", published="2026-11-27",
               url="https://example.org/world/india-us-leaders-call"),
}


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    """The main window on a fresh database, using the session's analyser (no second model load)."""
    return open_window(settings=Settings(author="Desk Officer, India Team"), size=LAPTOP)


def open_analysed(qtbot: QtBot, window: MainWindow, path: Path, metadata: dict[str, str]) -> int:
    """Open ``path`` in the window, wait for its analysis, then set outlet/date/URL."""
    article_id = open_and_analyse(qtbot, window, path)
    window.services.articles.update_metadata(article_id, **metadata)
    return article_id


@pytest.fixture
def two_articles(qtbot: QtBot, window: MainWindow) -> tuple[int, int]:
    """The bundled India–Australia sample and the shared India–US sample, analysed in the window."""
    a = open_analysed(qtbot, window, AUSTRALIA_SAMPLE, METADATA["australia"])
    b = open_analysed(qtbot, window, SHARED_SAMPLE, METADATA["us"])
    # The officer switches to the briefing workspace, as with Ctrl+Shift+B.
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.workspace.currentWidget() is window.briefing_builder
    return a, b


def _require(*names: str) -> None:
    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        message = f"missing tools: {', '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def pdf_pages() -> Callable[[Path], list[str]]:
    """Convert a .docx with LibreOffice headless and return the text of each PDF page."""

    def convert(docx_path: Path) -> list[str]:
        _require("soffice", "pdftotext")
        outdir = docx_path.parent
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{outdir / 'lo-profile'}", "--headless",
             "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
            check=True, capture_output=True, timeout=180,
        )
        pdf = outdir / (docx_path.stem + ".pdf")
        assert pdf.is_file(), "LibreOffice produced no PDF"
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                              text=True, timeout=60).stdout
        pages = text.split("\f")
        if pages and not pages[-1].strip():
            pages.pop()
        return pages

    return convert
