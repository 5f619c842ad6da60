"""Diagnostics: a rotating log file and a calm dialog for unexpected errors.

Every edit is committed to the database before it shows as done, so an
unexpected exception never costs the officer work: the dialog says so, says
where the details were logged, and the app keeps running.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from briefing_app.storage.errors import describe_busy_read, describe_storage_error, is_read
from briefing_app.storage.paths import user_log_dir

log = logging.getLogger(__name__)

LOG_FILE_NAME = "briefing-app.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
_HANDLER_NAME = "briefing-app-file"
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"


def setup_logging(log_dir: Path | None = None, level: int = logging.INFO) -> Path:
    """Log to a rotating file in the user log folder; returns the log file's path.

    Calling it again replaces the earlier handler (no duplicated lines).
    """
    folder = log_dir or user_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def describe(exc: BaseException) -> str:
    """One line saying what went wrong, in words an officer can act on where possible."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    storage = describe_storage_error(exc)  # full disk, busy or read-only database: the one mapping
    if storage is not None:
        return storage
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def build_error_dialog(exc: BaseException, details: str, log_path: Path,
                       parent: QWidget | None = None) -> QMessageBox:
    """The dialog shown for an unexpected exception."""
    box = QMessageBox(parent)
    box.setObjectName("unexpectedErrorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unexpected error")
    storage = describe_storage_error(exc) is not None
    box.setText(f"<b>{'The change was not saved.' if storage else 'Something went wrong.'}</b><br>"
                f"{_escape(describe(exc))}")
    safe = ("Everything you did before this change is saved in the database; only this change is missing. "
            if storage else
            "Your work is safe: every edit is saved to the database the moment you make it, "
            "so nothing you have done was lost. ")
    box.setInformativeText(
        f"{safe}You can keep working; if this happens again, restart Briefing Builder.<br><br>"
        f"Details were written to the log file:<br><code>{_escape(str(log_path))}</code>"
    )
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    # The log path can be selected and copied into a support request.
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


#: How long a busy read stays in the status bar (ms).
BUSY_READ_MESSAGE_MS = 12000


def _say_in_status_bar(message: str) -> None:
    """Show ``message`` in the status bar of the active main window (else of any main window)."""
    windows = [QApplication.activeWindow(), *QApplication.topLevelWidgets()]
    window = next((w for w in windows if isinstance(w, QMainWindow)), None)
    if window is not None:
        window.statusBar().showMessage(message, BUSY_READ_MESSAGE_MS)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ExceptionReporter:
    """``sys.excepthook``: log the traceback, then show one dialog with the log path."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.shown: list[str] = []  # descriptions of the errors shown (for tests and repeats)
        self._showing = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        app = QApplication.instance()
        on_gui_thread = app is not None and QThread.currentThread() is app.thread()
        # A read the database held busy (PostgreSQL: another officer's migration or bring-back held
        # the table past the lock_timeout) from a view the status-bar guard (storage_guard.
        # calm_when_busy) does not cover: nothing was lost or changed, so no dialog, a line in words.
        calm = describe_busy_read(exc) if is_read(exc) else None
        if calm is not None:
            log.warning("A read met a busy database: %s\n%s", calm, details)
            if on_gui_thread:
                _say_in_status_bar(calm)
            return
        log.critical("Unexpected error:\n%s", details)
        # Dialogs only from the GUI thread, one at a time (no cascade of boxes).
        if not on_gui_thread or self._showing:
            return
        self._showing = True
        try:
            self.shown.append(describe(exc))
            parent = QApplication.activeWindow()
            build_error_dialog(exc, details, self.log_path, parent).exec()
        except Exception:  # the reporter itself must never raise
            log.exception("Could not show the error dialog")
        finally:
            self._showing = False

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        log.critical("Unexpected error in thread %s:\n%s", getattr(args.thread, "name", "?"),
                     "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)))

    def install(self) -> None:
        """Become ``sys.excepthook`` (and log uncaught exceptions of Python threads)."""
        sys.excepthook = self
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        """Put the previous hooks back."""
        if sys.excepthook is self:
            sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook


def install_diagnostics(log_dir: Path | None = None) -> ExceptionReporter:
    """Set up the log file and the exception dialog; returns the installed reporter."""
    path = setup_logging(log_dir)
    reporter = ExceptionReporter(path)
    reporter.install()
    log.info("Briefing Builder starting; log file %s", path)
    return reporter
