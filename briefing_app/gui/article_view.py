"""The article text with entity highlights and a gutter of pillar bars.

Entities are character formats applied with ``QTextCursor.mergeCharFormat`` in
one edit block (the fastest path measured, DESIGN §5). Each highlighted range
carries the annotation id in a user property so clicks map back to it, and
the label in another so tests and tools can read what is shown.

Three looks: a *suggestion* is a pale fill with a dotted underline, an
*accepted* suggestion is the full label colour in semi-bold, and a tag the
officer *made* also gets a solid underline. An edit re-renders only its own
range (:meth:`ArticleView.update_entity`); the gutter repaints its bars.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QToolTip, QVBoxLayout, QWidget

from briefing_app.domain.models import AnnotationOrigin, AnnotationStatus
from briefing_app.domain.offsets import OffsetMap
from briefing_app.gui.palette import LABEL_NAMES, label_colour
from briefing_app.gui.workers import next_step

ANNOTATION_ID_PROPERTY = QTextFormat.Property.UserProperty + 1
LABEL_PROPERTY = QTextFormat.Property.UserProperty + 2
STATUS_PROPERTY = QTextFormat.Property.UserProperty + 3
#: Marks a legend toggle redraws at once; the rest follow, this many per event-loop turn.
RENDER_CHUNK = 3000
#: Marks a full render draws into the new document before the editor shows it. Drawn there they
#: cost 5–8 µs each (the 5,468 of the 40,000-word benchmark report: 25–45 ms of CPU); drawn once
#: the editor shows the text, a slice first made it lay the text out down to the slice (the first
#: slice of that report's last 2,468: 60–80 ms in one turn). Past this many (never seen) the rest
#: follow BULK_CHUNK per turn.
FULL_RENDER_MARKS = 12_000
#: Tags a bulk edit (accept all remaining) redraws per event-loop turn: the window answers between slices.
BULK_CHUNK = 500


@dataclass(slots=True)
class EntityMark:
    """An entity highlight to draw (code-point offsets)."""

    annotation_id: int
    start: int
    end: int
    label: str
    status: str  # suggested | accepted
    origin: str
    confidence: float = 1.0
    why: list[str] | str = ""  # terms (pillars) or plain text (entities): what made the tagger suggest it


@dataclass(slots=True)
class PillarMark:
    """A pillar passage to draw in the gutter (code-point offsets)."""

    annotation_id: int
    start: int
    end: int
    pillar_id: str
    status: str
    origin: str = "model"
    confidence: float = 1.0
    why: list[str] | str = ""


#: (a lesson may be the officer's own or a colleague's, imported: the tooltip's "Why" line says which)
ORIGIN_NAMES = {"model": "language model", "gazetteer": "list of known names",
                "learned": "a lesson learned from a correction", "user": "you"}


class PillarGutter(QWidget):
    """Paints one thin coloured bar per pillar beside each passage, and a dot beside notes."""

    BAR = 5
    GAP = 2
    noteClicked = Signal(int)  # note id

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self._view = view
        self.setFixedWidth(self.sizeHint().width())
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(8 * (self.BAR + self.GAP) + 14, 100)

    def _offset_y(self) -> int:
        # The viewport is not our child: map through the common parent (the view).
        return self._view.editor.viewport().mapTo(self._view, QPoint(0, 0)).y() - self.y()

    def _span_rect(self, start: int, end: int) -> tuple[int, int]:
        editor = self._view.editor
        top = editor.cursorRect(self._view.cursor_at(start)).top()
        bottom = editor.cursorRect(self._view.cursor_at(max(start, end - 1))).bottom()
        offset_y = self._offset_y()
        return top + offset_y, bottom + offset_y

    def bar_rects(self) -> list[tuple[PillarMark, QRect]]:
        """Where each visible pillar bar is drawn (widget coordinates)."""
        order = self._view.pillar_order
        result = []
        # Only passages overlapping the visible text: cursorRect per mark is the costly part.
        first, last = self._view.measure_visible()
        for mark in self._view.visible_pillar_marks():
            if mark.end < first or mark.start > last + 1:
                continue
            top, bottom = self._span_rect(mark.start, mark.end)
            column = order.index(mark.pillar_id) if mark.pillar_id in order else len(order)
            x = 3 + column * (self.BAR + self.GAP)
            result.append((mark, QRect(x, top, self.BAR, max(bottom - top, 2))))
        return result

    def marks_at(self, pos: QPoint) -> list[PillarMark]:
        """Pillar passages whose bar row contains ``pos`` (any column)."""
        return [m for m, r in self.bar_rects() if r.top() <= pos.y() <= r.bottom()]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f4f5f7"))
        visible = event.rect()
        for mark, rect in self.bar_rects():
            if rect.bottom() < visible.top() or rect.top() > visible.bottom():
                continue
            colour = QColor(self._view.pillar_colours.get(mark.pillar_id, "#888888"))
            if mark.status == AnnotationStatus.SUGGESTED:
                # Suggestions: a pale bar; decided passages: solid.
                colour.setAlpha(105)
            painter.fillRect(rect, colour)
        note_x = self.width() - 8
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#5b3f8c"))
        for start, end in self._view.note_spans.values():
            top, _bottom = self._span_rect(start, max(start + 1, end))
            painter.drawEllipse(QRect(note_x, top + 4, 6, 6))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._view.pillar_tooltip(self.marks_at(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            marks = self.marks_at(event.position().toPoint())
            column = [m for m, r in self.bar_rects()
                      if r.adjusted(-1, 0, 1, 0).contains(event.position().toPoint())]
            chosen = column or marks
            if chosen:
                self._view.pillarClicked.emit(chosen[0].annotation_id)
                return True
        return super().event(event)


class ArticleView(QWidget):
    """Read-only article text with highlights; emits clicks on annotations and selections."""

    annotationClicked = Signal(int)  # annotation id (entity)
    pillarClicked = Signal(int)  # annotation id (pillar passage, from the gutter)
    selectionSpanChanged = Signal(int, int)  # code-point start, end (equal when empty)
    contextMenuAt = Signal(QPoint, int)  # global position, code-point offset under the mouse
    renderFinished = Signal()  # the last slice of a chunked full render is drawn
    boundaryDragged = Signal(int, int, int)  # entity annotation id, new start, new end (whole words)

    FLASH_MS = 900

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QTextEdit(self)
        self.editor.setReadOnly(True)
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.editor.setObjectName("articleText")
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.customContextMenuRequested.connect(self._context_menu)
        # Formats are view state, not user edits: the document's own undo history would only grow.
        self.editor.document().setUndoRedoEnabled(False)
        font = QFont(self.editor.font())
        font.setPointSizeF(max(11.0, font.pointSizeF()))
        self.editor.setFont(font)
        self.editor.document().setDocumentMargin(14)
        self.setFocusProxy(self.editor)
        self.gutter = PillarGutter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.gutter)
        layout.addWidget(self.editor, 1)
        # Said in place of an empty page (set_empty_hint): a label over the page, since QTextEdit draws its
        # placeholder text on one line, clipped at the page's edge.
        self.empty_hint = QLabel(self.editor.viewport())
        self.empty_hint.setObjectName("articleEmptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_hint.setVisible(False)
        hint_layout = QVBoxLayout(self.editor.viewport())
        hint_layout.setContentsMargins(18, 14, 18, 14)  # where the document's margin puts the text
        hint_layout.addWidget(self.empty_hint)
        hint_layout.addStretch(1)
        self.text = ""
        self.offsets = OffsetMap("")
        self.entity_marks: dict[int, EntityMark] = {}
        self.pillar_marks: dict[int, PillarMark] = {}
        #: Goes up whenever the marks or what is hidden change (the review's navigation list follows it).
        self.marks_version = 0
        #: Goes up with every full render (set_article): what was derived from the old content is stale.
        self.renders = 0
        self.note_spans: dict[int, tuple[int, int]] = {}
        self.pillar_colours: dict[str, str] = {}
        self.pillar_names: dict[str, str] = {}
        self.pillar_order: list[str] = []
        self.hidden_labels: set[str] = set()
        self.hidden_pillars: set[str] = set()
        self.current_span: tuple[int, int] | None = None
        #: An entity edge being dragged: (annotation id, "start" | "end", span shown while dragging).
        self.dragging: tuple[int, str, tuple[int, int]] | None = None
        self.flashing: tuple[int, int] | None = None
        #: Library search matches in this text (gui/search_matches) and the one F3 went to.
        self.search_hits: list[tuple[int, int]] = []
        self.current_hit: int | None = None
        self._format_cache: dict[tuple[str, str, str], QTextCharFormat] = {}
        #: Marks still to draw in later event-loop turns (by id: a newer mark replaces an older one).
        self._pending: dict[int, EntityMark] = {}
        self._pending_chunk = RENDER_CHUNK
        self._step_scheduled = False
        self._rendering = False
        self._visible: tuple[int, int] | None = None  # (see visible_span)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        self.editor.verticalScrollBar().valueChanged.connect(self.gutter.update)
        self.editor.verticalScrollBar().valueChanged.connect(self._forget_visible)
        self.editor.selectionChanged.connect(self._emit_selection)
        self.editor.viewport().installEventFilter(self)

    # -- content -------------------------------------------------------------------------------
    def set_pillars(self, order: list[str], colours: dict[str, str], names: dict[str, str] | None = None) -> None:
        """Pillar ids in gutter column order, their colours and display names."""
        self.pillar_order = list(order)
        self.pillar_colours = dict(colours)
        self.pillar_names = dict(names or {})

    def set_article(self, text: str, entities: Iterable[EntityMark], pillars: Iterable[PillarMark]) -> None:
        """Show ``text`` (code points) with its marks (a full render)."""
        self.text = text
        self.empty_hint.setVisible(not text and bool(self.empty_hint.text()))
        self.offsets = OffsetMap(text)
        self.current_span = None
        self.flashing = None
        self.search_hits = []
        self.current_hit = None
        self.note_spans = {}
        self.editor.setExtraSelections([])
        self.entity_marks = {m.annotation_id: m for m in entities}
        self.pillar_marks = {m.annotation_id: m for m in pillars}
        self.marks_version += 1
        self.renders += 1
        # The text and its marks go into a new document before the editor shows it: formats set
        # on a document nobody lays out cost a fraction, and the editor then lays the whole out
        # once, in timer steps of its own (see FULL_RENDER_MARKS).
        marks = sorted(self.entity_marks.values(), key=lambda m: m.start)
        old = self.editor.document()
        document = QTextDocument(self.editor)
        document.setDefaultFont(old.defaultFont())
        document.setDefaultTextOption(old.defaultTextOption())
        document.setDocumentMargin(old.documentMargin())
        document.setUndoRedoEnabled(False)  # formats are view state, not user edits
        document.setPlainText(text)
        self._pending.clear()  # every mark is drawn again: nothing older is left to draw
        self._apply_chunk(marks[:FULL_RENDER_MARKS], document)
        self.editor.setDocument(document)  # deletes the old one (a child of the editor)
        # A new article opens at its top, as setPlainText left it: swapped in, the document kept a
        # scroll of a few pixels (its margin's worth) from the editor's layout of the old one.
        self.editor.verticalScrollBar().setValue(0)
        self.editor.horizontalScrollBar().setValue(0)
        self._visible = None
        self._draw_later(marks[FULL_RENDER_MARKS:], BULK_CHUNK)
        self.gutter.update()

    def set_empty_hint(self, hint: str) -> None:
        """What the page says while no article is shown."""
        self.empty_hint.setText(hint)
        self.empty_hint.setVisible(not self.text and bool(hint))

    def clear(self) -> None:
        """Show nothing."""
        self.set_article("", [], [])

    def set_notes(self, spans: dict[int, tuple[int, int]]) -> None:
        """Note id -> span, drawn as dots in the gutter."""
        self.note_spans = dict(spans)
        self.gutter.update()

    def cursor_at(self, start: int, end: int | None = None) -> QTextCursor:
        """A cursor at code-point ``start`` (selecting to ``end`` when given)."""
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        if end is not None:
            cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _entity_format(self, mark: EntityMark) -> QTextCharFormat:
        key = (mark.label, mark.status, mark.origin)
        base_fmt = self._format_cache.get(key)
        if base_fmt is None:
            base_fmt = QTextCharFormat()
            base = QColor(label_colour(mark.label))
            if mark.status == AnnotationStatus.SUGGESTED:
                # Suggestions: paler fill and a dotted grey underline.
                colour = QColor(base)
                colour.setAlpha(150)
                base_fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                base_fmt.setUnderlineColor(QColor("#6b6b6b"))
                base_fmt.setFontWeight(QFont.Weight.Normal)
            else:
                colour = base
                base_fmt.setFontWeight(QFont.Weight.DemiBold)
                if mark.origin == AnnotationOrigin.USER:
                    # Made by the officer: a solid underline in a darker shade of the label colour.
                    base_fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    base_fmt.setUnderlineColor(base.darker(170))
                else:
                    base_fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
            base_fmt.setBackground(colour)
            base_fmt.setProperty(LABEL_PROPERTY, mark.label)
            base_fmt.setProperty(STATUS_PROPERTY, mark.status)
            self._format_cache[key] = base_fmt
        # Copying a prepared format is much cheaper than building one per mark.
        fmt = QTextCharFormat(base_fmt)
        fmt.setProperty(ANNOTATION_ID_PROPERTY, mark.annotation_id)
        return fmt

    def _apply_entity_formats(self, marks: Iterable[EntityMark], chunk: int = RENDER_CHUNK) -> None:
        """Draw marks; past RENDER_CHUNK of them the rest is drawn in later event-loop turns.

        A long report can carry many thousands of tags: drawing them in one go
        would freeze the window, so the first chunk (the top of the article)
        is drawn at once and the remainder in slices of RENDER_CHUNK.
        """
        pending = list(marks)
        self._pending.clear()  # every mark is drawn again: nothing older is left to draw
        self._apply_chunk(pending[:chunk])
        self._draw_later(pending[chunk:], chunk)

    def _draw_later(self, marks: Iterable[EntityMark], chunk: int) -> None:
        """Draw ``marks`` in later event-loop turns, ``chunk`` per turn, after those already waiting."""
        for mark in marks:
            self._pending[mark.annotation_id] = mark
        self._pending_chunk = chunk
        self._rendering = bool(self._pending)
        if self._rendering and not self._step_scheduled:
            self._step_scheduled = True
            next_step(self.editor, self._draw_step)  # dropped if the editor is gone (closing)

    def _draw_step(self) -> None:
        self._step_scheduled = False
        if not self._pending:
            return  # a full render since took every mark (and may have finished)
        ids = list(islice(self._pending, self._pending_chunk))
        marks = [self._pending.pop(i) for i in ids]
        # Only marks still current (an edit may have replaced or removed one meanwhile).
        self._apply_chunk([m for m in marks if self.entity_marks.get(m.annotation_id) is m])
        if self._pending:
            self._step_scheduled = True
            next_step(self.editor, self._draw_step)  # dropped if the editor is gone (closing)
        elif self._rendering:
            self._rendering = False
            self.renderFinished.emit()

    def measure_visible(self) -> tuple[int, int]:
        """The code points shown in the viewport (first, last), measured now (and kept)."""
        editor = self.editor
        first = editor.cursorForPosition(QPoint(0, 0)).position()
        last = editor.cursorForPosition(QPoint(editor.viewport().width(), editor.viewport().height())).position()
        if first > last or not self._laid_out(first) or not self._laid_out(last):
            first, last = self._visible_blocks()
        self._visible = (self.offsets.to_codepoint(first), self.offsets.to_codepoint(last))
        return self._visible

    def _laid_out(self, position: int) -> bool:
        """True when the block holding ``position`` is laid out (or empty: nothing to lay out)."""
        block = self.editor.document().findBlock(position)
        return not block.isValid() or block.length() <= 1 or block.layout().lineCount() > 0

    def _visible_blocks(self) -> tuple[int, int]:
        """The UTF-16 positions (first, last) of the blocks in the viewport, found from the top down.

        A document set_article just swapped in is laid out in the editor's timer steps, top down;
        until then the editor's hit test searches blocks not laid out yet and can land anywhere (a
        span ending before it starts). Each block's rectangle lays the text out down to it only."""
        editor = self.editor
        document = editor.document()
        layout = document.documentLayout()
        top = editor.verticalScrollBar().value()
        bottom = top + editor.viewport().height()
        first: int | None = None
        last = 0
        block = document.firstBlock()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() > bottom:
                break
            if first is None and rect.bottom() >= top:
                first = block.position()
            last = block.position() + block.length() - 1
            block = block.next()
        return (first if first is not None else last), last

    def visible_span(self) -> tuple[int, int]:
        """The code points shown in the viewport, as the gutter last measured them when nothing
        scrolled since: measuring right after an edit would lay a long paragraph out once more, and
        the span only says which marks to draw first."""
        return self._visible if self._visible is not None else self.measure_visible()

    def _forget_visible(self) -> None:
        self._visible = None

    def _draw_soon(self, marks: list[EntityMark]) -> None:
        """A bulk edit's marks: those on screen now (one edit block), the rest from the top of the
        article down in later event-loop turns, BULK_CHUNK per turn, so the window answers at once."""
        first, last = self.visible_span()
        shown = [m for m in marks if m.end >= first and m.start <= last + 1]
        rest = [m for m in marks if not (m.end >= first and m.start <= last + 1)]
        rest.sort(key=lambda m: m.start)
        self._apply_chunk(shown)
        self._draw_later(rest, BULK_CHUNK)

    def rendering_done(self) -> bool:
        """True once every mark of the last full render is drawn."""
        return not self._rendering

    def _apply_chunk(self, marks: list[EntityMark], document: QTextDocument | None = None) -> None:
        cursor = QTextCursor(document if document is not None else self.editor.document())
        cursor.beginEditBlock()
        for mark in marks:
            if mark.label in self.hidden_labels:
                continue
            cursor.setPosition(self.offsets.to_utf16(mark.start))
            cursor.setPosition(self.offsets.to_utf16(mark.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(self._entity_format(mark))
        cursor.endEditBlock()

    def update_entity(self, mark: EntityMark | None, annotation_id: int) -> None:
        """Re-render one entity (``mark`` None removes it); touches only the characters involved."""
        self.marks_version += 1
        old = self.entity_marks.pop(annotation_id, None)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        if old is not None:
            cursor.setPosition(self.offsets.to_utf16(old.start))
            cursor.setPosition(self.offsets.to_utf16(old.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(QTextCharFormat())
        if mark is not None:
            self.entity_marks[annotation_id] = mark
            if mark.label not in self.hidden_labels:
                cursor.setPosition(self.offsets.to_utf16(mark.start))
                cursor.setPosition(self.offsets.to_utf16(mark.end), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(self._entity_format(mark))
        cursor.endEditBlock()

    def update_entities(self, changed: list[tuple[EntityMark | None, int]]) -> None:
        """Re-render many entities (a bulk edit) like a full render: no reload of the text, the
        first RENDER_CHUNK drawn at once and the rest in later event-loop turns."""
        self.marks_version += 1
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        redraw: list[EntityMark] = []
        for mark, annotation_id in changed:
            old = self.entity_marks.pop(annotation_id, None)
            if old is not None and (mark is None or (old.start, old.end) != (mark.start, mark.end)):
                cursor.setPosition(self.offsets.to_utf16(old.start))
                cursor.setPosition(self.offsets.to_utf16(old.end), QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(QTextCharFormat())
            if mark is not None:
                self.entity_marks[annotation_id] = mark
                redraw.append(mark)
        cursor.endEditBlock()
        self._draw_soon(redraw)

    def recolour_entities(self, marks: list[EntityMark]) -> None:
        """Give drawn entities a new look on the same spans (a bulk status change: accept all
        remaining): nothing to clear, and only what is on screen is drawn before the window answers."""
        self.marks_version += 1
        drawn = self.entity_marks
        for mark in marks:
            drawn[mark.annotation_id] = mark
        self._draw_soon(marks)

    def update_pillar(self, mark: PillarMark | None, annotation_id: int) -> None:
        """Add, change or remove (``mark`` None) one pillar passage."""
        self.marks_version += 1
        self.pillar_marks.pop(annotation_id, None)
        if mark is not None:
            self.pillar_marks[annotation_id] = mark
        self.gutter.update()

    def set_hidden(self, labels: set[str], pillars: set[str]) -> None:
        """Hide entity labels and pillars (legend toggles) and re-render."""
        self.marks_version += 1
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

    # -- focus, flash, scrolling ---------------------------------------------------------------
    def set_current(self, span: tuple[int, int] | None) -> None:
        """Frame the item under review (keyboard navigation) and scroll it into view."""
        self.current_span = span
        if span is not None:
            self.scroll_to(span[0], span[1])
        self._update_extra_selections()

    def flash(self, start: int, end: int) -> None:
        """Scroll to ``[start, end)`` and flash it briefly (panel clicks, jumps)."""
        self.scroll_to(start, end)
        self.flashing = (start, end)
        self._update_extra_selections()
        self._flash_timer.start(self.FLASH_MS)

    def _end_flash(self) -> None:
        self.flashing = None
        self._update_extra_selections()

    def scroll_to(self, start: int, end: int) -> None:
        """Make ``[start, end)`` visible, putting the text cursor at its start (no selection)."""
        cursor = self.cursor_at(max(0, min(end, len(self.text))))
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setTextCursor(self.cursor_at(max(0, min(start, len(self.text)))))
        self.editor.ensureCursorVisible()

    def set_search_hits(self, hits: list[tuple[int, int]]) -> None:
        """Highlight the library search's matches (code-point spans); none is current yet."""
        self.search_hits = list(hits)
        self.current_hit = None
        self._update_extra_selections()

    def go_to_hit(self, index: int) -> None:
        """Make match ``index`` the current one and scroll to it."""
        self.current_hit = index
        start, end = self.search_hits[index]
        self.scroll_to(start, end)
        self._update_extra_selections()

    def _update_extra_selections(self) -> None:
        selections = []
        for i, (start, end) in enumerate(self.search_hits):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_at(start, end)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#f97316" if i == self.current_hit else "#fde047"))
            fmt.setForeground(QColor("#000000"))
            sel.format = fmt
            selections.append(sel)
        if self.current_span is not None:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_at(*self.current_span)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor("#1d4ed8"))
            fmt.setFontOverline(True)
            fmt.setForeground(QColor("#0b1f5c"))
            sel.format = fmt
            selections.append(sel)
        if self.flashing is not None:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_at(*self.flashing)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#f59e0b"))
            fmt.setForeground(QColor("#000000"))
            sel.format = fmt
            selections.append(sel)
        self.editor.setExtraSelections(selections)

    # -- reading what is shown -----------------------------------------------------------------
    def _format_at(self, offset: int) -> QTextCharFormat:
        cursor = self.cursor_at(offset)
        cursor.setPosition(self.offsets.to_utf16(offset) + 1)  # format of the char *after* offset
        return cursor.charFormat()

    def label_at(self, offset: int) -> str | None:
        """The entity label drawn at code-point ``offset`` (None if not highlighted)."""
        value = self._format_at(offset).property(LABEL_PROPERTY)
        return str(value) if value else None

    def annotation_at(self, offset: int) -> int | None:
        """Annotation id drawn at code-point ``offset``."""
        value = self._format_at(offset).property(ANNOTATION_ID_PROPERTY)
        return int(value) if value is not None else None

    def status_at(self, offset: int) -> str | None:
        """Status (suggested/accepted) drawn at ``offset``."""
        value = self._format_at(offset).property(STATUS_PROPERTY)
        return str(value) if value else None

    def pillars_at(self, offset: int) -> list[PillarMark]:
        """Visible pillar passages covering ``offset``."""
        return [m for m in self.visible_pillar_marks() if m.start <= offset < m.end]

    def tooltip_at(self, offset: int) -> str:
        """What hovering ``offset`` shows: the entity (label, origin, confidence, why) and pillars."""
        parts = []
        ann = self.annotation_at(offset)
        mark = self.entity_marks.get(ann) if ann is not None else None
        if mark is not None:
            words: dict[str, str] = {AnnotationStatus.SUGGESTED: "suggestion", AnnotationStatus.ACCEPTED: "accepted"}
            status = words.get(mark.status, mark.status)
            if mark.origin == AnnotationOrigin.USER:
                status = "added by you"
            lines = [f"<b>{_html(self.text[mark.start:mark.end])}</b> — "
                     f"{LABEL_NAMES.get(mark.label, mark.label)}, {status}",
                     f"Origin: {ORIGIN_NAMES.get(mark.origin, mark.origin)}",
                     f"Confidence: {mark.confidence:.0%}"]
            why = _why(mark.why) or _default_why(mark.origin)
            if why:
                lines.append(f"Why: {_html(why)}")
            parts.append("<br>".join(lines))
        pillars = self.pillar_tooltip(self.pillars_at(offset))
        if pillars:
            parts.append(pillars)
        return "<hr>".join(parts)

    def pillar_tooltip(self, marks: list[PillarMark]) -> str:
        """Tooltip text for pillar passages."""
        lines = []
        for m in sorted(marks, key=lambda m: -m.confidence):
            name = self.pillar_names.get(m.pillar_id, m.pillar_id)
            status = "added by you" if m.origin == AnnotationOrigin.USER else (
                "suggestion" if m.status == AnnotationStatus.SUGGESTED else "accepted")
            why = _why(m.why)
            lines.append(f"<b>{_html(name)}</b> pillar, {status}, confidence {m.confidence:.0%}"
                         + (f" — why: {_html(why)}" if why else ""))
        return "<br>".join(lines)

    def selection_span(self) -> tuple[int, int]:
        """Current selection in code points, snapped outward to word boundaries."""
        cursor = self.editor.textCursor()
        start = self.offsets.to_codepoint(cursor.selectionStart())
        end = self.offsets.to_codepoint(cursor.selectionEnd())
        return snap_to_words(self.text, start, end)

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) in the editor."""
        self.editor.setTextCursor(self.cursor_at(start, end))

    def offset_at_point(self, point: QPoint) -> int:
        """Code-point offset under a viewport point."""
        return self.offsets.to_codepoint(self.editor.cursorForPosition(point).position())

    def _emit_selection(self) -> None:
        start, end = self.selection_span()
        self.selectionSpanChanged.emit(start, end)

    def _context_menu(self, point: QPoint) -> None:
        self.contextMenuAt.emit(self.editor.viewport().mapToGlobal(point), self.offset_at_point(point))

    def entity_under(self, point: QPoint) -> int | None:
        """Entity annotation id under a viewport point (checks both neighbouring characters)."""
        offset = self.offset_at_point(point)
        for probe in (offset, offset - 1):
            if probe >= 0:
                ann = self.annotation_at(probe)
                if ann is not None:
                    return ann
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is not self.editor.viewport():
            return False
        if event.type() == QEvent.Type.Resize:
            self._visible = None
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            offset = self.offset_at_point(event.pos())
            text = self.tooltip_at(offset) if offset < len(self.text) else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.editor.viewport())
            else:
                QToolTip.hideText()
            return True
        if isinstance(event, QMouseEvent) and self._drag_edge(event):
            return True
        if (
            isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
            and not self.editor.textCursor().hasSelection()
        ):
            ann = self.entity_under(event.position().toPoint())
            if ann is not None:
                self.annotationClicked.emit(ann)
        return False


    def edge_at(self, offset: int) -> tuple[int, str] | None:
        """(entity annotation id, "start" | "end") when ``offset`` is an edge of the tag under review."""
        span = self.current_span
        if span is None:
            return None
        for ann, mark in self.entity_marks.items():
            if (mark.start, mark.end) == span:
                if offset == mark.start:
                    return ann, "start"
                if offset == mark.end:
                    return ann, "end"
        return None

    def _drag_edge(self, event: QMouseEvent) -> bool:
        """Drag an edge of the tag under review to grow or shrink it; True when the event was used."""
        offset = self.offset_at_point(event.position().toPoint())
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            grabbed = self.edge_at(offset)
            if grabbed is None:
                return False
            held = self.entity_marks[grabbed[0]]
            self.dragging = (grabbed[0], grabbed[1], (held.start, held.end))
            return True
        if self.dragging is None:
            return False
        ann, edge, _shown = self.dragging
        mark = self.entity_marks.get(ann)
        if mark is None:
            self.dragging = None
            return False
        if edge == "start":
            start, end = min(offset, mark.end - 1), mark.end
        else:
            start, end = mark.start, max(offset, mark.start + 1)
        span = entity_span(self.text, start, end)
        if kind == QEvent.Type.MouseMove:
            self.dragging = (ann, edge, span)
            self.current_span = span  # the frame follows the mouse
            self._update_extra_selections()
            return True
        if kind == QEvent.Type.MouseButtonRelease:
            self.dragging = None
            if span != (mark.start, mark.end) and span[1] > span[0]:
                self.boundaryDragged.emit(ann, span[0], span[1])
            else:
                self.current_span = (mark.start, mark.end)
                self._update_extra_selections()
                self.annotationClicked.emit(ann)  # pressed and released in place: a plain click
            return True
        return False


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _why(value: object) -> str:
    """``why`` (a JSON column) holds a list of terms (pillars) or free text (entities)."""
    if not value:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value[:8])
    return str(value)


def _default_why(origin: str) -> str:
    return {
        "gazetteer": "the name is on the list of known names",
        "learned": "a lesson taught this name before",
        "model": "the statistical model recognised it from context",
        "user": "",
    }.get(origin, "")


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words and trim surrounding spaces/punctuation.

    Offsets are clamped to the text; a selection that holds no word snaps to
    an empty span (callers refuse it with a message).
    """
    start = max(0, min(start, len(text)))
    end = max(0, min(end, len(text)))
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


def entity_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Snap a selection for an *entity*: whole words, then drop a sentence-final full stop
    (kept in abbreviations such as "U.S.") and a possessive ("India's" -> "India")."""
    start, end = snap_to_words(text, start, end)
    changed = True
    while changed and end > start:
        changed = False
        if text[end - 1] in ".-_&'’":
            word_start = end - 1
            while word_start > start and not text[word_start - 1].isspace():
                word_start -= 1
            if not (text[end - 1] == "." and "." in text[word_start:end - 1]):
                end -= 1
                changed = True
        elif end - start > 2 and text[end - 1] in "sS" and text[end - 2] in "'’":
            end -= 2
            changed = True
    return start, end


def _is_word(ch: str) -> bool:
    # Letters, digits, combining marks (Devanagari vowel signs, viramas) and name-internal punctuation.
    return ch.isalnum() or ch in "-'’_&." or unicodedata.category(ch)[0] == "M"
