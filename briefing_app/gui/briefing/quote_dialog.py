"""Edit what a briefing item quotes: keep a span, cut the middle with "[…]", or paraphrase (issue 15).

The dialog shows the original passage; the officer selects words and keeps only them or cuts them out.
The result is shown as the note will print it. A paraphrase replaces the quote (printed without
quotation marks, the citation kept). The dialog only reports spans and text; the builder stores them.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.quotes import trimmed
from briefing_app.gui.storage_guard import SaveFirstDialog


def cut(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """``spans`` with ``[start, end)`` taken out of them."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if e <= start or s >= end:
            out.append((s, e))
            continue
        if s < start:
            out.append((s, start))
        if e > end:
            out.append((end, e))
    return out


def keep_only(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """``spans`` narrowed to ``[start, end)``."""
    return [(max(s, start), min(e, end)) for s, e in spans if min(e, end) > max(s, start)]


class QuoteEditDialog(SaveFirstDialog):
    """Trim or paraphrase one passage."""

    def __init__(self, original: str, paraphrase: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit quote")
        self.resize(640, 460)
        self.original = original
        self.spans: list[tuple[int, int]] = [(0, len(original))]
        self.passage = QPlainTextEdit(original, self)
        self.passage.setObjectName("quoteOriginal")
        self.passage.setReadOnly(True)
        self.passage.setToolTip("The passage as the article has it. Select words, then keep or cut them.")
        self.keep_button = QPushButton("Keep only the selection", self)
        self.cut_button = QPushButton("Cut the selection […]", self)
        self.reset_button = QPushButton("Quote the whole passage", self)
        self.keep_button.clicked.connect(lambda: self._apply(keep_only))
        self.cut_button.clicked.connect(lambda: self._apply(cut))
        self.reset_button.clicked.connect(self.reset)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("quoteResult")
        self.result_label.setWordWrap(True)
        self.paraphrase = QPlainTextEdit(paraphrase, self)
        self.paraphrase.setObjectName("quoteParaphrase")
        self.paraphrase.setPlaceholderText("Or write a paraphrase in your own words (printed without quotation "
                                           "marks, with the citation kept); leave empty to quote.")
        self.paraphrase.setMaximumHeight(90)
        self.paraphrase.textChanged.connect(self._show_result)
        problem = self.problem_label("quoteProblem")  # the cuts and paraphrase stay; the saver is the builder's
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.keep_button, self.cut_button, self.reset_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Original passage</b>", self))
        layout.addWidget(self.passage, 1)
        layout.addLayout(row)
        layout.addWidget(QLabel("<b>The note will print</b>", self))
        layout.addWidget(self.result_label)
        layout.addWidget(QLabel("<b>Paraphrase</b>", self))
        layout.addWidget(self.paraphrase)
        layout.addWidget(problem)
        layout.addWidget(buttons)
        self._show_result()

    def select(self, start: int, end: int) -> None:
        """Select ``original[start:end]`` in the passage (as the mouse would)."""
        cursor = self.passage.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.passage.setTextCursor(cursor)

    def _apply(self, how) -> None:  # noqa: ANN001 - cut or keep_only
        cursor = self.passage.textCursor()
        start, end = sorted((cursor.anchor(), cursor.position()))
        # Snap to whole words, as selections in the article do.
        while 0 < start < len(self.original) and not self.original[start - 1].isspace():
            start -= 1
        while 0 < end < len(self.original) and not self.original[end].isspace() and not self.original[end - 1].isspace():
            end += 1
        if end <= start:
            self.result_label.setText("Select some words of the passage first.")
            return
        changed = how(self.spans, start, end)
        if not any(self.original[s:e].strip() for s, e in changed):
            self.result_label.setText("That would leave nothing to quote.")
            return
        self.spans = changed
        self._show_result()

    def reset(self) -> None:
        """Quote the whole passage again."""
        self.spans = [(0, len(self.original))]
        self._show_result()

    def quote_text(self) -> str:
        """The trimmed quote ("" when the whole passage is kept)."""
        if self.spans == [(0, len(self.original))]:
            return ""
        return trimmed(self.original, self.spans)

    def paraphrase_text(self) -> str:
        """The officer's paraphrase ("" when none)."""
        return " ".join(self.paraphrase.toPlainText().split())

    def _show_result(self) -> None:
        if self.paraphrase_text():
            self.result_label.setText(escape(self.paraphrase_text()) + "  <i>(paraphrase, cited)</i>")
        else:
            self.result_label.setText(escape("“" + (self.quote_text() or " ".join(self.original.split())) + "”"))
