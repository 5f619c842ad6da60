"""A small window-modal dialog to write or edit a note (non-blocking: opened with ``open()``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class NoteDialog(QDialog):
    """Shows the passage being annotated and a text box for the note."""

    def __init__(self, passage: str, body: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle("Note")
        layout = QVBoxLayout(self)
        quote = passage if len(passage) <= 300 else passage[:299] + "…"
        label = QLabel(f"Note on: <i>“{_html(quote)}”</i>" if quote else "Note on the article")
        label.setWordWrap(True)
        layout.addWidget(label)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteText")
        self.editor.setPlaceholderText("Write the note… (Ctrl+Enter saves)")
        self.editor.setPlainText(body)
        layout.addWidget(self.editor)
        self.problem = QLabel(self)  # why the last Save was refused (the text stays to save again)
        self.problem.setObjectName("noteProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a4262c;")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        #: Stores the note; False keeps the dialog open (the database refused it). Set by the controller.
        self.saver: Callable[[], bool] | None = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(460, 240)
        self.editor.setFocus()

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeyEvent

        if (isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.accept()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def accept(self) -> None:
        """Save, then close; a refused save leaves the dialog open with the text and the reason."""
        if self.saver is not None and not self.saver():
            return
        super().accept()

    def show_problem(self, text: str) -> None:
        """Say in the dialog why the note was not saved."""
        self.problem.setText(text)
        self.problem.setVisible(True)

    def body(self) -> str:
        """The note text as typed."""
        return self.editor.toPlainText()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
