"""Render the README screenshots of the window at 1366x768 (offscreen).

Run from the repository root: ``.venv/bin/python docs/make_screenshots.py``.
Builds the same two-article example as ``make_briefing_pages.py`` (with its
briefing), opens it in the real main window and saves:

- ``docs/review-workspace.png``: an article under review by keyboard (two tags accepted,
  the third framed, the other suggestions still pale), with the entities panel;
- ``docs/briefing-builder.png``: the Briefing tab with the live preview.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "docs"))

from make_briefing_pages import build  # noqa: E402
from PySide6.QtCore import Qt, QThreadPool  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefing_app.services import Services  # noqa: E402
from briefing_app.gui.app import application  # noqa: E402
from briefing_app.gui.main_window import MainWindow  # noqa: E402
from briefing_app.settings import Settings  # noqa: E402


def settle(app: QApplication, rounds: int = 30) -> None:
    """Let layouts, slices of highlighting and repaints finish."""
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    """Build the example and save both screenshots."""
    workdir = Path(tempfile.mkdtemp(prefix="briefing-shots-"))
    build(workdir)
    app = application()
    window = MainWindow(Services.open(workdir / "example.db"), Settings(author="Desk Officer, India Team"))
    window.resize(1366, 768)
    window.show()
    while window.analyzer is None:
        settle(app, 1)
    articles = window.services.articles.list_summaries()
    first = next(a for a in articles if a.title.startswith("Prime Minister"))
    window.show_article(first.id)
    # As an officer would, by keyboard: accept the first two suggestions, stop on the third.
    editor = window.view.editor
    editor.setFocus()
    for key in (Qt.Key.Key_N, Qt.Key.Key_A, Qt.Key.Key_N, Qt.Key.Key_A, Qt.Key.Key_N):
        QTest.keyClick(editor, key)
        settle(app, 3)
    settle(app)
    out = REPO / "docs"
    window.grab().save(str(out / "review-workspace.png"))
    window.workspace.setCurrentWidget(window.briefing_builder)
    settle(app)
    window.briefing_builder.update_preview()
    QThreadPool.globalInstance().waitForDone()  # the page estimate is measured in the background
    settle(app)
    window.grab().save(str(out / "briefing-builder.png"))
    window.close()
    QThreadPool.globalInstance().waitForDone()
    print(f"wrote {out / 'review-workspace.png'} and {out / 'briefing-builder.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
