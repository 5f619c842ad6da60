"""The one way a GUI action meets a refused write: another officer's change (desk mode), a busy,
full or read-only database.

Every action that calls a writing service runs it inside :func:`refused_write`::

    with refused_write(say, show_as_stored) as refused:
        changes = services.briefings.update_change(...)
    if refused:
        return

A storage error raised in the block does not reach the event loop: ``show_as_stored`` puts the
screen back in line with the database (the rows as they stand, another officer's version
included), then ``say`` shows :func:`~briefing_app.storage.errors.describe_storage_error`'s
sentence (the status bar or the panel's own message line). Any other exception still propagates.
The services write each edit in one transaction, so a refused one left nothing behind.

A READ the database holds busy (PostgreSQL: a table another officer's migration or bring-back holds
past the session's lock_timeout) is calm too: the methods that read for a view (the library, the
article shown, the panels) are decorated with :func:`calm_when_busy`, and say it in the status bar
while the view keeps what it showed; the next action or timer reads again.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QWidget

from briefing_app.storage.errors import describe_busy_read, describe_storage_error

log = logging.getLogger(__name__)

#: How long a refusal stays in the status bar (long enough to read who changed the row).
MESSAGE_MS = 12000


class RefusedWrite:
    """Context manager catching storage refusals; true (and ``problem`` set) when one happened."""

    def __init__(self, say: Callable[[str], object], show_as_stored: Callable[[], object] | None = None,
                 describe: Callable[[BaseException], str | None] = describe_storage_error) -> None:
        self.say = say
        self.show_as_stored = show_as_stored
        #: The sentence for a refusal, None for an exception that is not one (it propagates).
        self.describe = describe
        self.problem: str | None = None

    def __bool__(self) -> bool:
        return self.problem is not None

    def __enter__(self) -> RefusedWrite:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool:
        if exc is None:
            return False
        problem = self.describe(exc)
        if problem is None:
            return False
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        log.warning("Refused by the database: %s [%s]", problem, detail)  # the driver's words, for support
        self.problem = problem
        if self.show_as_stored is not None:
            try:
                self.show_as_stored()
            except Exception as again:  # noqa: BLE001 (reading failed too: the message still goes out)
                if describe_storage_error(again) is None:
                    raise
                log.warning("Could not read the rows again after a refused write", exc_info=True)
        self.say(problem)
        return True


def refused_write(say: Callable[[str], object], show_as_stored: Callable[[], object] | None = None,
                  db_path: Path | None = None) -> RefusedWrite:
    """``with refused_write(say, show_as_stored) as refused:`` (see the module's docstring);
    ``db_path`` names the database in the sentence."""
    describe = describe_storage_error if db_path is None else functools.partial(describe_storage_error,
                                                                                  db_path=db_path)
    return RefusedWrite(say, show_as_stored, describe)


def _settings_problem(exc: BaseException) -> str | None:
    """Any file error of the settings file (a full disk, a settings folder that cannot be written)."""
    problem = describe_storage_error(exc)
    if problem is None and isinstance(exc, OSError):
        problem = f"The settings could not be written ({exc.strerror or exc})."
    return problem


def refused_settings_write(say: Callable[[str], object]) -> RefusedWrite:
    """``with refused_settings_write(say):`` around ``save_settings`` on the way of another action (the
    legend, an export's folder): any file error of the settings is said, the action goes on."""
    return RefusedWrite(say, describe=_settings_problem)


def busy_read(say: Callable[[str], object]) -> RefusedWrite:
    """``with busy_read(say) as refused:`` around reads for a view: a database held busy is said
    (:func:`~briefing_app.storage.errors.describe_busy_read`), any other error propagates."""
    return RefusedWrite(say, describe=describe_busy_read)


W = TypeVar("W", bound=QObject)
P = ParamSpec("P")


def calm_when_busy(method: Callable[Concatenate[W, P], None]) -> Callable[Concatenate[W, P], None]:
    """Decorates a method that reads the database to fill a view (of a widget, or of an object
    with the main window as ``window``): a busy database is said in the window's status bar, the
    method returns having changed nothing more (each such method reads before it clears), and the
    next call reads again."""

    @functools.wraps(method)
    def calm(self: W, /, *args: P.args, **kwargs: P.kwargs) -> None:
        widget = self if isinstance(self, QWidget) else getattr(self, "window", None)
        say = status_bar_of(widget) if isinstance(widget, QWidget) else (lambda _problem: None)
        with busy_read(say):
            method(self, *args, **kwargs)

    return calm


def status_bar_of(widget: QWidget, timeout_ms: int = MESSAGE_MS) -> Callable[[str], None]:
    """A ``say`` that shows a message in the status bar of ``widget``'s main window (the log only
    while the widget is not in one)."""

    def say(message: str) -> None:
        window = widget.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, timeout_ms)

    return say


class SaveFirstDialog(QDialog):
    """A dialog whose OK (or Save) stores the officer's work before it closes: ``saver``, set by the
    caller, returns False when the database refused the write (inside :func:`refused_write`), and
    the dialog then stays open with what was typed and the reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Stores the dialog's work; False keeps the dialog open (the database refused it).
        self.saver: Callable[[], bool] | None = None
        #: Where :meth:`show_problem` says why (made by :meth:`problem_label`).
        self.problem: QLabel | None = None

    def problem_label(self, object_name: str) -> QLabel:
        """The hidden line that will say why the last save was refused (the work stays, to save again)."""
        self.problem = QLabel(self)
        self.problem.setObjectName(object_name)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a4262c;")
        self.problem.setVisible(False)
        return self.problem

    def show_problem(self, text: str) -> None:
        """Say in the dialog why its work was not saved."""
        if self.problem is not None:
            self.problem.setText(text)
            self.problem.setVisible(True)

    def accept(self) -> None:
        """Save, then close; a refused save leaves the dialog open."""
        if self.saver is not None and not self.saver():
            return
        super().accept()
