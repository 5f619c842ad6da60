"""Screenshot of the whole window on a real X display, as on a 1366x768 laptop (docs/window-1366x768.png).

Run from the repository root under Xvfb with a window manager, e.g.::

    Xvfb :57 -screen 0 1366x768x24 & DISPLAY=:57 openbox &
    DISPLAY=:57 QT_QPA_PLATFORM=xcb .venv/bin/python docs/make_window_screenshot.py

First start on a fresh configuration: the window fills the available screen, frame included; the
sample article is under review by keyboard (N), so the status bar carries the long line describing
the tag, elided where it no longer fits (hover shows it whole).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
OUT = REPO / "docs" / "window-1366x768.png"


def main() -> int:
    """Open the sample on a fresh database and configuration, review one tag, grab the screen."""
    tmp = Path(tempfile.mkdtemp(prefix="briefing-window-"))
    os.environ["BRIEFING_APP_CONFIG_DIR"] = str(tmp / "config")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from briefing_app.services import Services
    from briefing_app.gui.app import application
    from briefing_app.gui.main_window import MainWindow
    from briefing_app.resources import resource_path
    from briefing_app.settings import Settings

    app = application()
    window = MainWindow(Services.open(tmp / "window.db"), Settings(sample_opened=True))
    window.place_on_screen()
    window.show()
    while window.analyzer is None:
        app.processEvents()
    finished: list[int] = []
    window.analysisFinished.connect(finished.append)
    window.open_path(resource_path("sample_article.txt"))
    while not finished:
        app.processEvents()
    window.keep_frame_on_screen()
    window.view.editor.setFocus()
    QTest.keyClick(window.view.editor, Qt.Key.Key_N)
    QTest.qWait(800)  # the window manager's frame, the last repaints
    screen = window.screen()
    assert screen is not None and app.platformName() == "xcb", "run on an X display (see the docstring)"
    screen.grabWindow(0).save(str(OUT))
    print(f"wrote {OUT}: window frame {window.frameGeometry().getRect()} "
          f"in {window.available_geometry().getRect()}")
    window.close()
    window.services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
