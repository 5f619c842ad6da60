"""A status bar whose messages are always readable: long ones are elided, the full text is the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget


class ElidedLabel(QLabel):
    """One line of text cut with "…" to the width it is given; the whole text is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        # Never widen the window for a message: take what the status bar has left.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def set_full_text(self, text: str) -> None:
        """Show ``text``, elided when it does not fit."""
        self.full_text = " ".join(text.split())
        self._elide()

    def is_elided(self) -> bool:
        """Whether the shown text is shorter than the message."""
        return self.text() != self.full_text

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width())
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, width)
        self.setText(shown)
        self.setToolTip(self.full_text if shown != self.full_text else "")


class ElidingStatusBar(QStatusBar):
    """QStatusBar whose messages (from Python) go to an eliding label beside the permanent widgets.

    Qt paints ``QStatusBar.showMessage`` text clipped at the right edge, so a long refusal ("Not
    changed: overlaps …") or a long path ("Briefing written to …") lost its end on a small screen.
    Here the message is cut with "…" where it no longer fits and its whole text is the tooltip.
    (Qt's own status tips still use the built-in message; they are short.)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.message_label = ElidedLabel(self)
        self.message_label.setObjectName("statusMessage")
        self.addWidget(self.message_label, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clearMessage)

    def showMessage(self, message: str, timeout: int | None = 0) -> None:  # noqa: N802 (Qt API)
        """Show ``message`` (for ``timeout`` ms, 0 = until the next one)."""
        self.message_label.set_full_text(message)
        if timeout:
            self._timer.start(timeout)
        else:
            self._timer.stop()
        self.messageChanged.emit(message)

    def clearMessage(self) -> None:  # noqa: N802 (Qt API)
        """Remove the message."""
        self._timer.stop()
        self.message_label.set_full_text("")
        super().clearMessage()

    def currentMessage(self) -> str:  # noqa: N802 (Qt API)
        """The whole message shown (also when it is elided)."""
        return self.message_label.full_text or super().currentMessage()
