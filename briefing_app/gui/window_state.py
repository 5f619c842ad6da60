"""What the window remembers between runs, and fitting it to the screen on first start.

Kept in ``window.ini`` (QSettings, INI format) beside ``settings.json`` in the user config folder:
window geometry and dock/toolbar layout, splitter positions, the last article per database, and the
last folder of each kind of file dialog. It is the window's own memory, not a preference, so it
stays out of the settings model.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QMargins, QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter

from briefing_app.storage.paths import config_dir
from briefing_app.storage.target import is_server_url

#: Kinds of file dialog that each remember their own folder.
DIALOG_KINDS = ("open", "import", "template")


def memory_path() -> Path:
    """The file holding the window's memory."""
    return config_dir() / "window.ini"


class WindowMemory:
    """Read and write the remembered window state (see the module docstring)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or memory_path()
        self.store = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- geometry, docks, splitters ------------------------------------------------------------
    def save_window(self, window: QMainWindow) -> None:
        """Remember size, position, dock layout and every named splitter of ``window``."""
        # The plain rectangle, not saveGeometry(): placing it is then checked against the screen
        # the window reports (and tests can simulate), not only the one Qt knows.
        self.store.setValue("window/rect", _rect_list(window.normalGeometry()))
        self.store.setValue("window/maximized", bool(window.isMaximized()))
        self.store.setValue("window/state", window.saveState())
        for splitter in window.findChildren(QSplitter):
            if splitter.objectName():
                self.store.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        self.store.sync()

    def restore_window(self, window: QMainWindow) -> bool:
        """Restore what :meth:`save_window` kept; False when there is nothing (first start)."""
        rect = _rect_of(self.store.value("window/rect"))
        if rect is None:
            return False
        window.setGeometry(rect)
        if str(self.store.value("window/maximized", "false")).lower() == "true":
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        self.restore_layout(window)
        return True

    def restore_layout(self, window: QMainWindow) -> None:
        """Docks and splitters as remembered (again after a launch adds its panels to the shown window)."""
        state = self.store.value("window/state")
        if isinstance(state, QByteArray) and window.restoreState(state):
            window.setProperty("restoredLayout", True)  # first-run dock widths are not imposed
        for splitter in window.findChildren(QSplitter):
            saved = self.store.value(f"splitters/{splitter.objectName()}") if splitter.objectName() else None
            if isinstance(saved, QByteArray) and splitter.restoreState(saved):
                # Tells the splitter's owner not to impose its first-run proportions.
                splitter.setProperty("restored", True)

    # -- last article (per database) -----------------------------------------------------------
    def last_article(self, db_path: Path | str) -> int | None:
        """The article shown last in the database at ``db_path``."""
        value = self.store.value(f"last_article/{_db_key(db_path)}")
        try:
            return int(str(value)) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_article(self, db_path: Path | str, article_id: int) -> None:
        """Remember the article shown in the database at ``db_path``."""
        self.store.setValue(f"last_article/{_db_key(db_path)}", int(article_id))

    # -- file dialogs --------------------------------------------------------------------------
    def folder(self, kind: str) -> str:
        """The last folder used by the file dialog of ``kind`` (an existing one), else the home folder."""
        value = self.store.value(f"folders/{kind}")
        if isinstance(value, str) and value and Path(value).is_dir():
            return value
        return str(Path.home())

    def set_folder(self, kind: str, folder: Path | str) -> None:
        """Remember ``folder`` for the file dialog of ``kind``."""
        self.store.setValue(f"folders/{kind}", str(folder))
        self.store.sync()


def _rect_list(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def _rect_of(value: object) -> QRect | None:
    """A saved rectangle (INI lists come back as strings), or None when unusable."""
    try:
        x, y, w, h = (int(v) for v in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return None
    return QRect(x, y, w, h) if w > 0 and h > 0 else None


def _db_key(db_path: Path | str) -> str:
    # QSettings keys are paths themselves ("/" nests): a digest names the database safely.
    key = str(db_path) if is_server_url(db_path) else str(Path(db_path).resolve())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def frame_margins(window: QMainWindow) -> QMargins:
    """Width of the window manager's frame around the window (zero before it is decorated)."""
    frame, inner = window.frameGeometry(), window.geometry()
    return QMargins(max(0, inner.left() - frame.left()), max(0, inner.top() - frame.top()),
                    max(0, frame.right() - inner.right()), max(0, frame.bottom() - inner.bottom()))


def fitted_geometry(available: QRect, margins: QMargins, minimum: QSize | None = None) -> QRect:
    """Client geometry whose frame (``margins`` around it) fills ``available`` exactly.

    ``minimum`` is the window's minimum size: never asked for less (the caller keeps that small).
    """
    rect = available.marginsRemoved(margins)
    if minimum is not None:
        rect.setWidth(max(rect.width(), minimum.width()))
        rect.setHeight(max(rect.height(), minimum.height()))
    return rect


def frame_fits(window: QMainWindow, available: QRect) -> bool:
    """Whether the whole window, frame included, lies inside ``available``."""
    return available.contains(window.frameGeometry())
