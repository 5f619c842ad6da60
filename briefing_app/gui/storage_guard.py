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
while the view keeps what it showed; the next action or timer reads again. Their reads wait a few
hundred milliseconds for a held lock, not the edits' 5 s (storage/view_reads.py): the window does
not freeze that long at each try. A view that shows ONE
article's rows (its entities, notes, pillars, review status) is decorated with
:func:`calm_for_article` instead: what it keeps must be the rows of the article shown, so a read held
busy right after another article was opened clears it, with a line inside it, and it reads again by
itself (:class:`ArticleRows`).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QWidget

from briefing_app.storage.errors import describe_busy_read, describe_storage_error
from briefing_app.storage.view_reads import view_reads

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
        with busy_read(_say_of(self)), view_reads():  # (a desk server's held table: given up on fast)
            method(self, *args, **kwargs)

    return calm


#: The waits before a view's read held busy is tried again by itself (then the last, again and again):
#: a read held busy waits on the GUI thread (storage/view_reads.VIEW_READ_LOCK_TIMEOUT_MS), so not often.
BUSY_RETRY_MS = (500, 1000, 2000, 4000, 8000, 15000)

#: ``ArticleRows.shown_for`` of a view that shows no article's rows (cleared, or not filled yet).
BLANK = object()


class ArticleRows:
    """What a view showing ONE article's rows (``subject``: the article it should show them of, read
    from the window) knows of them: the article they are of (``shown_for``).

    A read for that same article held busy keeps them (right: they are still its rows; the next step
    reads again). A read for ANOTHER article held busy must not leave the first's rows beside the new
    article's text: ``blank`` clears the view and gets the line to show inside it, the status bar says
    what is not shown, and ``reload`` is called again after a back-off (BUSY_RETRY_MS, one timer per
    window for all such views) until a read succeeds, the article changes or the window closes."""

    def __init__(self, window: QWidget, what: str, subject: Callable[[], object], closed: Callable[[], bool],
                 blank: Callable[[str], object], reload: Callable[[], object]) -> None:
        self.window = window
        #: What the view shows of the article, in the officer's words ("entities", "review status").
        self.what = what
        self.subject = subject
        self.closed = closed
        self.blank = blank
        self.reload = reload
        #: The article (or selection) whose rows the view shows; BLANK when it shows none.
        self.shown_for: object = BLANK

    def read(self, subject: object) -> None:
        """The view was filled with ``subject``'s rows."""
        self.shown_for = subject

    def describe(self, subject: object) -> Callable[[BaseException], str | None]:
        """The sentence for a read of ``subject`` held busy (None for any other error)."""
        cleared = None if self.shown_for == subject else self.what
        return functools.partial(describe_busy_read, cleared=cleared)

    def not_read(self, subject: object) -> None:
        """A read of ``subject`` was held busy (already said): when the view shows another article's
        rows (or none), clear it and read again by itself later."""
        if self.shown_for == subject:
            return  # its own rows: kept, and the next step reads again
        self.shown_for = BLANK
        self.blank(f"Couldn't read this article's {self.what} — the library is busy; trying again")
        _BusyRetry.of(self.window).wait(self, subject)


class _BusyRetry(QObject):
    """The one back-off timer of a window's views waiting to read again (:class:`ArticleRows`): each
    round tries the first; only once it reads are the others tried (a database still busy holds
    each try for the view reads' lock timeout: one stall per round, not one per view)."""

    NAME = "busyReadRetry"

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(self.NAME)
        self.waiting: dict[ArticleRows, object] = {}
        self.round = 0
        self._trying = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._try)

    @classmethod
    def of(cls, window: QWidget) -> _BusyRetry:
        """The window's one retry (made at the first use; deleted with the window)."""
        found = window.findChild(QObject, cls.NAME)
        return found if isinstance(found, _BusyRetry) else cls(window)

    def wait(self, rows: ArticleRows, subject: object) -> None:
        """``rows``' view reads again (for ``subject``) at the next round."""
        if not self._trying and subject not in self.waiting.values():
            # An article the officer just opened: its first try comes soon again, not after the long
            # wait a busy spell over the previous article had reached.
            self.round = 0
            if self.timer.isActive() and self.timer.remainingTime() > BUSY_RETRY_MS[0]:
                self.timer.stop()
        self.waiting[rows] = subject
        if not self._trying and not self.timer.isActive():
            self.timer.start(BUSY_RETRY_MS[min(self.round, len(BUSY_RETRY_MS) - 1)])

    def _try(self) -> None:
        pending, self.waiting = list(self.waiting.items()), {}
        self._trying = True
        try:
            for n, (rows, subject) in enumerate(pending):
                if rows.closed():
                    self.waiting.clear()
                    return
                if rows.subject() != subject:
                    continue  # another article since: its own read answers for it
                rows.reload()
                if rows in self.waiting:  # still busy: the others wait with it
                    for other, its in pending[n + 1:]:
                        self.waiting.setdefault(other, its)
                    break
        finally:
            self._trying = False
        if self.waiting:
            self.round += 1
            self.wait(*next(iter(self.waiting.items())))
        else:
            self.round = 0


class _HasArticleRows(Protocol):
    article_rows: ArticleRows


R = TypeVar("R", bound=_HasArticleRows)


def calm_for_article(method: Callable[Concatenate[R, P], None]) -> Callable[Concatenate[R, P], None]:
    """As :func:`calm_when_busy`, for a method that fills a view with one article's rows (the object
    has an :class:`ArticleRows` as ``article_rows``): kept only when they are the shown article's."""

    @functools.wraps(method)
    def calm(self: R, /, *args: P.args, **kwargs: P.kwargs) -> None:
        rows = self.article_rows
        subject = rows.subject()
        with RefusedWrite(_say_of(self), describe=rows.describe(subject)) as refused, view_reads():
            method(self, *args, **kwargs)
        if refused:
            rows.not_read(subject)
        else:
            rows.read(subject)

    return calm


def _say_of(obj: object) -> Callable[[str], object]:
    """The status bar of ``obj``'s main window (a widget, or an object with the window as ``window``)."""
    widget = obj if isinstance(obj, QWidget) else getattr(obj, "window", None)
    return status_bar_of(widget) if isinstance(widget, QWidget) else (lambda _problem: None)


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
