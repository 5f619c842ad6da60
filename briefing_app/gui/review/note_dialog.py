"""A small window-modal dialog to write or edit a note (non-blocking: opened with ``open()``)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from briefing_app.gui.storage_guard import SaveFirstDialog


class NoteDialog(SaveFirstDialog):
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
        layout.addWidget(self.problem_label("noteProblem"))  # the saver is set by the controller
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

    def body(self) -> str:
        """The note text as typed."""
        return self.editor.toPlainText()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
