"""A banner across the top of the window when the database could only be opened read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

BANNER_STYLE = (
    "QLabel#readOnlyBanner { background: #fef3c7; color: #78350f; border-bottom: 1px solid #f59e0b;"
    " padding: 6px 10px; font-weight: 600; }"
)


def read_only_text(reason: str) -> str:
    """The banner's wording."""
    return (
        f"Read-only: {reason}. You can read and search your articles, but changes cannot be saved. "
        "Copy the database to a writable folder to work on it."
    )


def show_read_only_banner(window: QMainWindow, reason: str) -> QLabel:
    """Pin a non-dismissable banner above the article (a fixed tool bar row); returns its label."""
    bar = QToolBar("Read-only", window)
    bar.setObjectName("readOnlyBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setEnabled(False)
    label = QLabel(read_only_text(reason), bar)
    label.setObjectName("readOnlyBanner")
    # One line across the window (a wrapped label in a tool bar gets squeezed and very tall);
    # the tool tip holds the full text should a narrow window cut it.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    label.setToolTip(read_only_text(reason))
    label.setStyleSheet(BANNER_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    bar.addWidget(label)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.insertToolBarBreak(bar)
    bar.show()  # needed when the window is already visible
    return label
