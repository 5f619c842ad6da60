"""Start the GUI: QApplication, database, first-run sample, screenshot mode."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefing_app.gui import startup_probe
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.safety import arm_backups, close_safely, lock_safely, open_locked
from briefing_app.gui.startup_probe import arm_startup_probe
from briefing_app.resources import resource_file, resource_path
from briefing_app.storage.paths import config_dir, default_db_path
from briefing_app.storage.target import is_server_url, saved_database

if TYPE_CHECKING:
    from briefing_app.gui.instance_lock import DeskSession, InstanceLock
    from briefing_app.services import Services
    from briefing_app.settings import Settings

log = logging.getLogger(__name__)


def settings_path() -> Path:
    """The settings file (as briefing_app.settings names it; that module imports pydantic, a long import)."""
    return config_dir() / "settings.json"

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
    from briefing_app.settings import save_settings

    if settings.sample_opened or window.services.articles.list_summaries():
        return
    window.open_path(resource_path(SAMPLE_ARTICLE))
    settings.sample_opened = True
    save_settings(settings)


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window; returns the exit status.

    The window's frame paints first (only Qt and light modules imported, the database lock taken);
    the heavy modules, the database and the panels follow in later event-loop turns
    (see ``_Launch``), while the language model loads in the background from the first of them.
    """
    app = application()
    # --db, else the library chosen in Preferences (a file or a desk database URL), else the default file.
    target: Path | str = args.db or saved_database(settings_path()) or default_db_path()
    lock = lock_safely(target if is_server_url(target) else Path(target))
    if lock is None:
        return 2
    # No cyclic collection while the launch imports and builds: each full one scans every object the
    # imports made so far (SQLAlchemy, pydantic, the widgets' wrappers), 60-110 ms on the GUI thread or,
    # from the worker importing, with the interpreter lock held: the window's longest stalls. Collected
    # and frozen once the library is open (_Launch.collect_again).
    gc.disable()
    try:
        window = MainWindow.starting(model=args.model)
        # First start fills the available screen (frame included); later starts come back as left.
        window.place_on_screen(_size(args.size))
        arm_startup_probe(window, window.modelReady)
        window.show()
        # The window manager frames the window after it is shown: check the frame once it has.
        if args.size is None:
            for delay in (0, 400):
                QTimer.singleShot(delay, window, window.keep_frame_on_screen)
        launch = _Launch(window, lock, args)
        launch.start()
        status = app.exec()
        launch.close()
    finally:
        _Launch.collect_again()  # (whatever broke the launch: never a process left without its collector)
    return launch.failed_status if launch.failed_status is not None else int(status)


#: The collector paused for the launch runs again after this long whatever became of the launch (ms): a
#: step that raised, a dialog about the database the officer leaves up, a worker that never answers. A
#: window left without it would keep every cycle it makes (its memory growing) for the whole session.
LAUNCH_GC_BACKSTOP_MS = 30_000


#: Longest wait for the window's first paint before the library is opened anyway (ms).
FIRST_PAINT_WAIT_MS = 500


class _FirstPaint(QObject):
    """Calls ``then`` once, at the first paint of ``window``."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.then()
        return False


class _Launch:
    """The steps after the first paint, each in its own event-loop turn so the window stays
    responsive; the two long ones (importing SQLModel/SQLAlchemy and opening the database, whose
    integrity check reads the whole file) run on a worker thread."""

    def __init__(self, window: MainWindow, lock: InstanceLock | DeskSession, args: argparse.Namespace) -> None:
        self.window = window
        self.lock = lock
        self.args = args
        self.services: Services | None = None
        self.settings: Settings | None = None
        self.failed_status: int | None = None
        #: Services opened by the worker, kept even if the window closed before they arrived.
        self._opened: Services | None = None
        self.steps: list[Callable[[], bool]] = [self._prepare, self._start_model, self._open_database,
                                                self._build_panels]

    def start(self) -> None:
        """Run the steps after the window's first paint (or soon, should no paint come)."""
        self._started = False
        QTimer.singleShot(LAUNCH_GC_BACKSTOP_MS, self.window, self.collect_again)
        self._paint_watch = _FirstPaint(self.window, self._begin)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self.window, self._begin)

    def _begin(self) -> None:
        if not self._started:
            self._started = True
            from briefing_app.nlp.early_process import release_early

            release_early()  # the analysis process, started before Qt, loads the model from now on
            QTimer.singleShot(0, self.window, self._next)

    def _next(self) -> None:
        if not self.steps or self.failed_status is not None:
            return
        step = self.steps.pop(0)
        try:
            if step():  # the step carries on in the background and calls _next when done
                return
        except BaseException:
            # The launch stops here (the error is reported as any other): the window carries on, and
            # so must the collector run_gui paused.
            self.collect_again()
            raise
        # A short pause lets paint and input events in between the steps.
        QTimer.singleShot(1, self.window, self._next)

    def _prepare(self) -> bool:
        """Read the settings on a worker thread (pydantic is a long import)."""
        from briefing_app.gui.diagnostics import install_diagnostics

        install_diagnostics()

        def work(_progress: object, _cancelled: object) -> Settings:
            from briefing_app.settings import load_settings

            return load_settings()

        def loaded(settings: Settings) -> None:
            self.settings = settings
            self._next()

        self.window.tasks.start("settings", work, loaded, self._fail_setup)
        return True

    def _start_model(self) -> bool:
        # The model loads (in the background) while the rest of the window is built.
        assert self.settings is not None
        self.window.load_model_early(self.args.model or self.settings.model or None)
        return False

    def _fail_setup(self, exc: BaseException, tb: str) -> None:
        log.error("Start-up failed:\n%s", tb)
        QMessageBox.critical(self.window, "Briefing Builder cannot start", str(exc))
        self.failed_status = 1
        QApplication.exit(1)

    def _open_database(self) -> bool:
        """Import the storage layer and the panels' modules and open the database on a worker
        thread (a large file's integrity check takes seconds); damage, a full disk or a busy file
        are then handled on the GUI thread by ``open_locked`` (it asks the officer)."""
        path = self.lock.db_path
        officer = self.settings.author if self.settings is not None else ""

        def work(_progress: object, _cancelled: object) -> Services:
            from briefing_app.services import Services

            self._opened = Services.open(path, officer=officer)  # the name recorded in what they change
            # Module imports only (classes, no widgets): the GUI thread then just builds. Every module
            # the attach steps import goes here (where no bytecode is cached, a module's compile in a
            # step lengthened that step by 10-25 ms: desk copy, live updates).
            import briefing_app.gui.briefing  # noqa: F401
            import briefing_app.gui.desk_copy_dialogs  # noqa: F401
            import briefing_app.gui.import_dialogs  # noqa: F401
            import briefing_app.gui.legend  # noqa: F401
            import briefing_app.gui.library_panel  # noqa: F401
            import briefing_app.gui.live_updates  # noqa: F401
            import briefing_app.gui.review  # noqa: F401
            import briefing_app.gui.search_matches  # noqa: F401

            return self._opened

        def opened(services: Services) -> None:
            self.services = services
            self._next()

        def failed(_exc: BaseException, _tb: str) -> None:
            # Again, in the foreground: the same checks, now with dialogs (recovery, disk full…). The
            # launch waits on the officer from here: the collector runs again meanwhile.
            self.collect_again()
            self.services = open_locked(self.lock, self.window, officer=officer)
            if self.services is None:  # told why; the lock is released
                self.failed_status = 2
                QApplication.exit(2)
                return
            self._next()

        self.window.tasks.start("open-database", work, opened, failed)
        return True

    def _build_panels(self) -> bool:
        assert self.services is not None and self.settings is not None
        # The window's panels, one per event-loop turn, then the first article.
        self.steps[:0] = [*_no_wait(self.window.attach_steps(self.services, self.settings)),
                          self._arm_backups, self._open_article]
        return False

    def _arm_backups(self) -> bool:
        assert self.services is not None
        arm_backups(self.window, self.services)
        return False

    def _open_article(self) -> bool:
        window, services, args = self.window, self.services, self.args
        assert services is not None and self.settings is not None
        if args.size is None:
            window.keep_frame_on_screen()  # the panels' minimum widths may have widened it
        if args.open_file:
            path = Path(args.open_file)
            if not path.exists():
                QMessageBox.warning(window, "Cannot open file", f"{path}: no such file")
            elif services.db.read_only:
                QMessageBox.warning(window, "Cannot import", f"{path.name} was not imported: the database is read-only.")
            else:
                # A file that cannot be read leaves the window as without --open: the last article shown.
                window.openFailed.connect(lambda _path: window.current_article_id is None
                                          and window.reopen_last_article())
                window.open_path(path)
        elif not services.db.read_only:
            open_first_run_sample(window, self.settings)
        if window.current_article_id is None and not window.opening:  # (the file opening is shown when read)
            window.reopen_last_article()
        if args.screenshot:
            _arm_screenshot(window, Path(args.screenshot))
        self.collect_again()
        startup_probe.mark("library-open")
        return False

    @staticmethod
    def collect_again() -> None:
        """The launch is done: what it made is long-lived (frozen: out of every later collection's scan),
        and the collector runs again for what comes next (run_gui paused it)."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def close(self) -> None:
        """After the event loop: close the database safely (or just drop the lock if never opened)."""
        self.collect_again()  # (a launch that never finished)
        # A database still being opened by the worker is waited for and closed properly.
        self.window.tasks.shutdown()
        services = self.services or self._opened
        if services is not None:
            close_safely(services, self.lock)
        elif self.failed_status is None:
            self.lock.release()


def _no_wait(steps: list[Callable[[], None]]) -> list[Callable[[], bool]]:
    """Launch steps of plain callables (they finish before the next turn)."""

    def wrap(step: Callable[[], None]) -> Callable[[], bool]:
        def run() -> bool:
            step()
            return False
        return run

    return [wrap(s) for s in steps]


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

    if window.opening:
        # The file given to --open is read and stored by a worker: follow it once it is shown.
        window.articleOpened.connect(lambda _id: _arm_when_analysed(window, when_ready))
        # A file that cannot be read: the window as it is once the warning is up (not two minutes later).
        window.openFailed.connect(lambda _path: _arm_when_analysed(window, when_ready))
    else:
        _arm_when_analysed(window, when_ready)
    # Never hang: give up after two minutes.
    QTimer.singleShot(120_000, capture)


def _arm_when_analysed(window: MainWindow, when_ready: Callable[..., None]) -> None:
    """Call ``when_ready`` once the current article is analysed and shown (or the model is ready)."""
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
