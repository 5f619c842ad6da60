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
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QMainWindow, QWidget

from briefing_app.storage.errors import describe_storage_error

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
        log.warning("Write refused: %s", problem)
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


def refused_write(say: Callable[[str], object], show_as_stored: Callable[[], object] | None = None) -> RefusedWrite:
    """``with refused_write(say, show_as_stored) as refused:`` (see the module's docstring)."""
    return RefusedWrite(say, show_as_stored)


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


def status_bar_of(widget: QWidget, timeout_ms: int = MESSAGE_MS) -> Callable[[str], None]:
    """A ``say`` that shows a message in the status bar of ``widget``'s main window (the log only
    while the widget is not in one)."""

    def say(message: str) -> None:
        window = widget.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, timeout_ms)

    return say
