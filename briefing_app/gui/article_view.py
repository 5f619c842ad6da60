"""The article text with entity highlights and a gutter of pillar bars.

Entities are character formats applied with ``QTextCursor.mergeCharFormat`` in
one edit block (the fastest path measured, DESIGN §5). Each highlighted range
carries the annotation id in a user property so clicks map back to it, and
the label in another so tests and tools can read what is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QTextEdit, QWidget

from briefing_app.core.offsets import OffsetMap
from briefing_app.gui.palette import label_colour

ANNOTATION_ID_PROPERTY = QTextFormat.Property.UserProperty + 1
LABEL_PROPERTY = QTextFormat.Property.UserProperty + 2
STATUS_PROPERTY = QTextFormat.Property.UserProperty + 3


@dataclass(slots=True)
class EntityMark:
    """An entity highlight to draw (code-point offsets)."""

    annotation_id: int
    start: int
    end: int
    label: str
    status: str  # suggested | accepted
    origin: str


@dataclass(slots=True)
class PillarMark:
    """A pillar passage to draw in the gutter (code-point offsets)."""

    annotation_id: int
    start: int
    end: int
    pillar_id: str
    status: str


class PillarGutter(QWidget):
    """Paints one thin coloured bar per pillar beside each passage."""

    BAR = 5
    GAP = 2

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self._view = view
        self.setFixedWidth(self.sizeHint().width())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(8 * (self.BAR + self.GAP) + 6, 100)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f4f5f7"))
        editor = self._view.editor
        # The viewport is not our child: map through the common parent (the view).
        offset_y = editor.viewport().mapTo(self._view, QPoint(0, 0)).y() - self.y()
        order = self._view.pillar_order
        for mark in self._view.visible_pillar_marks():
            top = editor.cursorRect(self._view.cursor_at(mark.start)).top()
            bottom = editor.cursorRect(self._view.cursor_at(max(mark.start, mark.end - 1))).bottom()
            if bottom + offset_y < event.rect().top() or top + offset_y > event.rect().bottom():
                continue
            column = order.index(mark.pillar_id) if mark.pillar_id in order else len(order)
            x = 3 + column * (self.BAR + self.GAP)
            colour = QColor(self._view.pillar_colours.get(mark.pillar_id, "#888888"))
            if mark.status == "suggested":
                colour.setAlpha(150)
            painter.fillRect(QRect(x, top + offset_y, self.BAR, bottom - top), colour)
        painter.end()


class ArticleView(QWidget):
    """Read-only article text with highlights; emits clicks on annotations and selections."""

    annotationClicked = Signal(int)  # annotation id
    selectionSpanChanged = Signal(int, int)  # code-point start, end (equal when empty)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QTextEdit(self)
        self.editor.setReadOnly(True)
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.editor.setObjectName("articleText")
        font = QFont(self.editor.font())
        font.setPointSizeF(max(11.0, font.pointSizeF()))
        self.editor.setFont(font)
        self.editor.document().setDocumentMargin(14)
        self.gutter = PillarGutter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.gutter)
        layout.addWidget(self.editor, 1)
        self.text = ""
        self.offsets = OffsetMap("")
        self.entity_marks: dict[int, EntityMark] = {}
        self.pillar_marks: dict[int, PillarMark] = {}
        self.pillar_colours: dict[str, str] = {}
        self.pillar_order: list[str] = []
        self.hidden_labels: set[str] = set()
        self.hidden_pillars: set[str] = set()
        self.editor.verticalScrollBar().valueChanged.connect(self.gutter.update)
        self.editor.selectionChanged.connect(self._emit_selection)
        self.editor.viewport().installEventFilter(self)

    # -- content -------------------------------------------------------------------------------
    def set_pillars(self, order: list[str], colours: dict[str, str]) -> None:
        """Pillar ids in gutter column order and their colours."""
        self.pillar_order = list(order)
        self.pillar_colours = dict(colours)

    def set_article(self, text: str, entities: Iterable[EntityMark], pillars: Iterable[PillarMark]) -> None:
        """Show ``text`` (code points) with its marks."""
        self.text = text
        self.offsets = OffsetMap(text)
        self.editor.setPlainText(text)
        self.entity_marks = {m.annotation_id: m for m in entities}
        self.pillar_marks = {m.annotation_id: m for m in pillars}
        self._apply_entity_formats(self.entity_marks.values())
        self.gutter.update()

    def clear(self) -> None:
        """Show nothing."""
        self.set_article("", [], [])

    def cursor_at(self, start: int, end: int | None = None) -> QTextCursor:
        """A cursor at code-point ``start`` (selecting to ``end`` when given)."""
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        if end is not None:
            cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _entity_format(self, mark: EntityMark) -> QTextCharFormat:
        fmt = QTextCharFormat()
        colour = QColor(label_colour(mark.label))
        if mark.status == "suggested":
            # Suggestions: lighter fill and a dotted underline; decided tags: full colour.
            colour = colour.lighter(108)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor("#7a7a7a"))
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
            fmt.setFontWeight(QFont.Weight.DemiBold)
        fmt.setBackground(colour)
        fmt.setProperty(ANNOTATION_ID_PROPERTY, mark.annotation_id)
        fmt.setProperty(LABEL_PROPERTY, mark.label)
        fmt.setProperty(STATUS_PROPERTY, mark.status)
        return fmt

    def _apply_entity_formats(self, marks: Iterable[EntityMark]) -> None:
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        for mark in marks:
            if mark.label in self.hidden_labels:
                continue
            cursor.setPosition(self.offsets.to_utf16(mark.start))
            cursor.setPosition(self.offsets.to_utf16(mark.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(self._entity_format(mark))
        cursor.endEditBlock()

    def _clear_range(self, start: int, end: int) -> None:
        cursor = self.cursor_at(start, end)
        cursor.setCharFormat(QTextCharFormat())

    def update_entity(self, mark: EntityMark | None, annotation_id: int) -> None:
        """Re-render one entity (``mark`` None removes it); touches only its range."""
        old = self.entity_marks.pop(annotation_id, None)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        if old is not None:
            self._clear_range(old.start, old.end)
        if mark is not None:
            self.entity_marks[annotation_id] = mark
            if mark.label not in self.hidden_labels:
                self.cursor_at(mark.start, mark.end).mergeCharFormat(self._entity_format(mark))
        cursor.endEditBlock()

    def update_pillar(self, mark: PillarMark | None, annotation_id: int) -> None:
        """Add, change or remove (``mark`` None) one pillar passage."""
        self.pillar_marks.pop(annotation_id, None)
        if mark is not None:
            self.pillar_marks[annotation_id] = mark
        self.gutter.update()

    def set_hidden(self, labels: set[str], pillars: set[str]) -> None:
        """Hide entity labels and pillars (legend toggles) and re-render."""
        self.hidden_labels = set(labels)
        self.hidden_pillars = set(pillars)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        self._apply_entity_formats(self.entity_marks.values())
        cursor.endEditBlock()
        self.gutter.update()

    def visible_pillar_marks(self) -> list[PillarMark]:
        """Pillar marks not hidden by the legend."""
        return [m for m in self.pillar_marks.values() if m.pillar_id not in self.hidden_pillars]

    # -- reading what is shown -----------------------------------------------------------------
    def label_at(self, offset: int) -> str | None:
        """The entity label drawn at code-point ``offset`` (None if not highlighted)."""
        cursor = self.cursor_at(offset)
        cursor.setPosition(self.offsets.to_utf16(offset) + 1)  # format of the char *after* offset
        value = cursor.charFormat().property(LABEL_PROPERTY)
        return str(value) if value else None

    def annotation_at(self, offset: int) -> int | None:
        """Annotation id drawn at code-point ``offset``."""
        cursor = self.cursor_at(offset)
        cursor.setPosition(self.offsets.to_utf16(offset) + 1)
        value = cursor.charFormat().property(ANNOTATION_ID_PROPERTY)
        return int(value) if value is not None else None

    def selection_span(self) -> tuple[int, int]:
        """Current selection in code points, snapped outward to word boundaries."""
        cursor = self.editor.textCursor()
        start = self.offsets.to_codepoint(cursor.selectionStart())
        end = self.offsets.to_codepoint(cursor.selectionEnd())
        return snap_to_words(self.text, start, end)

    def _emit_selection(self) -> None:
        start, end = self.selection_span()
        self.selectionSpanChanged.emit(start, end)

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 (Qt API)
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QMouseEvent

        if (
            watched is self.editor.viewport()
            and isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
            and not self.editor.textCursor().hasSelection()
        ):
            pos16 = self.editor.cursorForPosition(event.position().toPoint()).position()
            offset = self.offsets.to_codepoint(pos16)
            for probe in (offset, offset - 1):
                if probe >= 0:
                    ann = self.annotation_at(probe)
                    if ann is not None:
                        self.annotationClicked.emit(ann)
                        break
        return False


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words and trim surrounding spaces/punctuation."""
    if start >= end:
        return start, start
    while start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
        start -= 1
    while end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]):
        end += 1
    while start < end and not _is_word(text[start]):
        start += 1
    while end > start and not _is_word(text[end - 1]):
        end -= 1
    return start, end


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "-'’_&." or (0x0900 <= ord(ch) <= 0x0DFF)
