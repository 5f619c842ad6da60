"""Render the README screenshots of the window at 1366x768 (offscreen).

Run from the repository root: ``.venv/bin/python docs/make_screenshots.py``.
Builds the same two-article example as ``make_briefing_pages.py`` (with its
briefing), opens it in the real main window and saves:

- ``docs/review-workspace.png``: an article under review by keyboard (two tags accepted,
  the third framed, the other suggestions still pale), with the entities panel;
- ``docs/briefing-builder.png``: the Briefing tab with the live preview;
- ``docs/lessons-tab.png``: the Lessons tab after a boundary fix, an added initiative and a pillar tag.
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
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefing_app.gui.app import application  # noqa: E402
from briefing_app.gui.main_window import MainWindow  # noqa: E402
from briefing_app.services import Services  # noqa: E402
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
    # The Lessons tab after three corrections an officer would make on this readout: the partnership's tag
    # grown to its full name (a boundary lesson), "Annual Summit" added as an initiative, and the maritime
    # sentence given a pillar it lacked.
    window.workspace.setCurrentWidget(window.workspace.widget(0))
    settle(app)
    controller = window.review.controller
    text = window.view.text
    body = text.index("\n")  # past the headline
    partnership = next(a for a in window.services.annotations.for_article(first.id)
                       if a.text == "Comprehensive Strategic Partnership" and a.start > body)
    controller.drag_boundary(partnership.id, text.index("India", body), partnership.end)
    settle(app)
    summit = text.index("Annual Summit")
    cursor = editor.textCursor()
    cursor.setPosition(window.view.offsets.to_utf16(summit))
    cursor.setPosition(window.view.offsets.to_utf16(summit + len("Annual Summit")), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    controller.apply_label("LAW", advance=False)
    settle(app)
    # a pillar the sentence was not given (tagging one it has would untag it)
    maritime = text.index("They agreed to expand joint work")
    span = (maritime, text.index(".", maritime) + 1)
    given = {a.label for a in window.services.annotations.for_article(first.id)
             if a.kind == "pillar" and a.start <= span[0] < a.end}
    pillar = next(p for p in ("security", "technology", "diplomacy") if p not in given)
    controller.apply_pillar(pillar, span, advance=False)
    settle(app)
    dock = window.review.docks["lessons"]
    dock.show()
    dock.raise_()
    window.review.lessons_panel.refresh()
    settle(app)
    window.grab().save(str(out / "lessons-tab.png"))
    window.close()
    QThreadPool.globalInstance().waitForDone()
    print(f"wrote {out / 'review-workspace.png'}, {out / 'briefing-builder.png'} and {out / 'lessons-tab.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
