"""Start the GUI: QApplication, database, first-run sample, screenshot mode."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.gui.diagnostics import install_diagnostics
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.safety import arm_backups, close_safely, open_safely
from briefing_app.gui.startup_probe import arm_startup_probe
from briefing_app.resources import resource_file, resource_path
from briefing_app.settings import Settings, load_settings, save_settings
from briefing_app.storage.paths import default_db_path

log = logging.getLogger(__name__)

SAMPLE_ARTICLE = "sample_article.txt"


def application() -> QApplication:
    """The QApplication (created once) with the app's look."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Briefing Builder")
    app.setOrganizationName("BriefingBuilder")
    app.setStyle("Fusion")
    style = resource_file("style.qss")
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def open_first_run_sample(window: MainWindow, settings: Settings) -> None:
    """On first run (empty library), open the bundled sample article."""
    if settings.sample_opened or window.services.articles.list_summaries():
        return
    window.open_path(resource_path(SAMPLE_ARTICLE))
    settings.sample_opened = True
    save_settings(settings)


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window; returns the exit status."""
    app = application()
    install_diagnostics()
    db_path = Path(args.db) if args.db else default_db_path()
    opened = open_safely(db_path)
    if opened is None:
        return 2
    services, lock = opened
    settings = load_settings()
    window = MainWindow(services, settings, model=args.model)
    # First start fills the available screen (frame included); later starts come back as left.
    window.place_on_screen(_size(args.size))
    arm_startup_probe(window, window.modelReady)
    window.show()
    # The window manager frames the window after it is shown: check the frame once it has.
    if args.size is None:
        for delay in (0, 400):
            QTimer.singleShot(delay, window, window.keep_frame_on_screen)
    arm_backups(window, services)

    if args.open_file:
        path = Path(args.open_file)
        if not path.exists():
            QMessageBox.warning(window, "Cannot open file", f"{path}: no such file")
        elif services.db.read_only:
            QMessageBox.warning(window, "Cannot import", f"{path.name} was not imported: the database is read-only.")
        else:
            window.open_path(path)
    elif not services.db.read_only:
        open_first_run_sample(window, settings)
    if window.current_article_id is None:
        window.reopen_last_article()

    if args.screenshot:
        _arm_screenshot(window, Path(args.screenshot))

    status = app.exec()
    close_safely(services, lock)
    return int(status)


def _size(text: str | None) -> QSize | None:
    """``WxH`` as a size (None when absent or unreadable: the window then fits the screen)."""
    try:
        width, height = (int(v) for v in str(text).lower().split("x"))
    except ValueError:
        return None
    return QSize(width, height)


def _rect_text(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()},{rect.width()}x{rect.height()}"


def _arm_screenshot(window: MainWindow, out: Path) -> None:
    """Save a PNG of the window once the current article is analysed and shown, then quit."""

    def capture() -> None:
        QApplication.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        screen = window.screen()
        if QApplication.platformName() == "xcb" and screen is not None:
            # On a real display: the whole screen, as the officer sees it (frame, status bar and all).
            screen.grabWindow(0).save(str(out))
        else:
            window.grab().save(str(out))
        frame, available = window.frameGeometry(), window.available_geometry()
        print(f"wrote {out}")
        # Where the window landed (checked by the xcb test: the frame must fit the screen).
        print(f"window frame {_rect_text(frame)} in available {_rect_text(available)}; "
              f"status bar visible: {window.statusBar().isVisible()}; article: {window.current_article_id}")
        window.close()

    def when_ready(*_args: object) -> None:
        QTimer.singleShot(300, capture)

    article = window.current_article_id
    if article is None:
        # Nothing to analyse (empty library): the window is ready once the model is.
        if window.analyzer is not None:
            when_ready()
        else:
            window.modelReady.connect(when_ready)
    elif window.services.articles.is_analysed(article):
        when_ready()
    else:
        window.analysisFinished.connect(when_ready)
    # Never hang: give up after two minutes.
    QTimer.singleShot(120_000, capture)
