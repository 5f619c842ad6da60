"""Editors for a briefing's header (title block, marking) and its text parts (summary, assessment, next steps).

The form only reports values: ``committed(name, value)`` fires when a field is
finished (focus leaves, Enter) or after a short pause in typing, and the
builder turns that into a service call and an undo command.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.models import Briefing

TYPING_PAUSE_MS = 700
HEADER_LABELS = {
    "title": "title", "subject": "subject", "to": "addressee", "from_": "author", "date": "date",
    "reference": "reference", "classification": "classification", "caveat": "handling caveat",
    "summary": "summary", "assessment": "assessment", "next_steps": "next steps",
    "page_budget": "length budget", "newest_first": "section order", "actor_edits": "key actors",
}
LIST_FIELDS = ("summary", "next_steps")


class _PlainEdit(QPlainTextEdit):
    """Plain text editor that reports when it loses focus."""

    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        super().focusOutEvent(event)
        self.focusLost.emit()


def lines_of(text: str) -> list[str]:
    """Bullets typed one per line (a leading "-", "•" or "*" is dropped)."""
    out = []
    for line in text.splitlines():
        stripped = line.strip().lstrip("-•*–").strip()
        if stripped:
            out.append(stripped)
    return out


class BriefingForm(QObject):
    """The header page and the text page of the builder."""

    committed = Signal(str, object)  # field name, str or list[str]

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._loading = False
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.flush)

        self.header_page = QWidget(parent)
        self.header_page.setObjectName("briefingHeaderPage")
        form = QFormLayout(self.header_page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lines: dict[str, QLineEdit] = {}
        placeholders = {
            "title": "e.g. India–United States: leaders' call",
            "subject": "what the note is about, in one line",
            "to": "addressee, e.g. Director, South Asia",
            "from_": "author, e.g. Desk Officer, India Team",
            "reference": "file reference, e.g. IND/2026/117",
        }
        for name, label in (("title", "Title"), ("subject", "Subject"), ("to", "To"), ("from_", "From")):
            form.addRow(f"{label}:", self._line(name, placeholders[name]))
        self.date_edit = QDateEdit(self.header_page)
        self.date_edit.setObjectName("briefing_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.dateChanged.connect(lambda _d: self._changed("date", now=True))
        form.addRow("Date:", self.date_edit)
        form.addRow("Reference:", self._line("reference", placeholders["reference"]))
        self.classification = QComboBox(self.header_page)
        self.classification.setObjectName("briefing_classification")
        self.classification.currentTextChanged.connect(lambda _t: self._changed("classification", now=True))
        form.addRow("Classification:", self.classification)
        caveat = self._line("caveat", "optional handling caveat, e.g. UK EYES ONLY")
        form.addRow("Caveat:", caveat)
        note = QLabel("The marking (classification – caveat) is printed at the top and bottom of every page.",
                      self.header_page)
        note.setWordWrap(True)
        note.setStyleSheet("color: #5b6270;")
        form.addRow(note)

        self.text_page = QWidget(parent)
        self.text_page.setObjectName("briefingTextPage")
        text_layout = QVBoxLayout(self.text_page)
        self.texts: dict[str, _PlainEdit] = {}
        for name, label, hint in (
            ("summary", "Summary — bottom line up front (one bullet per line)",
             "The key judgements, one per line"),
            ("assessment", "Assessment / comment", "Your assessment; blank lines separate paragraphs"),
            ("next_steps", "Next steps (one per line)", "Recommended actions, one per line"),
        ):
            text_layout.addWidget(QLabel(f"<b>{label}</b>", self.text_page))
            edit = _PlainEdit(self.text_page)
            edit.setObjectName(f"briefing_{name}")
            edit.setPlaceholderText(hint)
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(lambda n=name: self._changed(n))
            edit.focusLost.connect(self.flush)
            text_layout.addWidget(edit, 2 if name == "assessment" else 1)
            self.texts[name] = edit

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self.header_page)
        edit.setObjectName(f"briefing_{name}")
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t, n=name: self._changed(n))
        edit.editingFinished.connect(self.flush)
        self.lines[name] = edit
        return edit

    # -- values --------------------------------------------------------------------------------
    def value(self, name: str) -> str | list[str]:
        """The value a field holds now, as the service stores it."""
        if name in self.lines:
            return self.lines[name].text().strip()
        if name == "date":
            return self.date_edit.date().toString(Qt.DateFormat.ISODate)
        if name == "classification":
            return self.classification.currentText()
        text = self.texts[name].toPlainText()
        return lines_of(text) if name in LIST_FIELDS else text.strip()

    def load(self, briefing: Briefing | None, classifications: list[str], summary: list[str],
             next_steps: list[str]) -> None:
        """Show ``briefing`` (None: clear and disable); widgets already showing the value are left alone."""
        self._loading = True
        try:
            enabled = briefing is not None
            self.header_page.setEnabled(enabled)
            self.text_page.setEnabled(enabled)
            if briefing is None:
                for edit in self.lines.values():
                    edit.clear()
                for plain in self.texts.values():
                    plain.clear()
                return
            for name, edit in self.lines.items():
                value = str(getattr(briefing, name) or "")
                if edit.text().strip() != value.strip() and name not in self._pending:
                    edit.setText(value)
            wanted = [*classifications]
            if briefing.classification and briefing.classification not in wanted:
                wanted.append(briefing.classification)
            if [self.classification.itemText(i) for i in range(self.classification.count())] != wanted:
                self.classification.clear()
                self.classification.addItems(wanted)
            self.classification.setCurrentText(briefing.classification)
            try:
                day = date.fromisoformat(briefing.date[:10]) if briefing.date else date.today()
            except ValueError:
                day = date.today()
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
            self._set_plain("summary", "\n".join(summary))
            self._set_plain("assessment", briefing.assessment)
            self._set_plain("next_steps", "\n".join(next_steps))
        finally:
            self._loading = False

    def _set_plain(self, name: str, text: str) -> None:
        edit = self.texts[name]
        current = self.value(name)
        wanted = lines_of(text) if name in LIST_FIELDS else text.strip()
        if current != wanted and name not in self._pending:
            edit.setPlainText(text)

    # -- committing ----------------------------------------------------------------------------
    def _changed(self, name: str, now: bool = False) -> None:
        if self._loading:
            return
        self._pending.add(name)
        if now:
            self.flush()
        else:
            self._timer.start()

    def flush(self) -> None:
        """Report every field edited since the last commit."""
        self._timer.stop()
        # The fields not reported yet stay pending while one is: a refused commit shows the briefing as
        # stored (``load``), which must not overwrite the typing of the fields still to come.
        for name in sorted(self._pending):
            self._pending.discard(name)
            self.committed.emit(name, self.value(name))

    def keep_typed(self, name: str) -> None:
        """A commit of ``name`` was refused by the database: a typed field keeps the officer's text
        through the next ``load`` and is committed again with the next flush."""
        if name in self.lines or name in self.texts:
            self._pending.add(name)

    def discard_pending(self) -> set[str]:
        """Forget uncommitted typing (used only after it was flushed to the previous briefing); the
        fields forgotten (a refused commit's, see :meth:`keep_typed`), for :meth:`restore_pending`."""
        self._timer.stop()
        dropped, self._pending = self._pending, set()
        return dropped

    def restore_pending(self, names: set[str]) -> None:
        """The fields :meth:`discard_pending` forgot are pending again (the form still shows them:
        the other briefing could not be read), committed with the next flush."""
        self._pending |= names
