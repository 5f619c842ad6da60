"""The builder's section tree: one branch per pillar, passages as leaves, drag to reorder.

The tree never rearranges itself: a drop is turned into a request (signal) that
the builder carries out through the service and an undo command, then the tree
is rebuilt from the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

PASSAGE_MIME = "application/x-briefing-passage"
ITEM_ROLE = Qt.ItemDataRole.UserRole + 11
SECTION_ROLE = Qt.ItemDataRole.UserRole + 12
PREVIEW_CHARS = 170


@dataclass(frozen=True, slots=True)
class PassageSpec:
    """A passage to place in a briefing: article span and the pillar section it goes to."""

    article_id: int
    start: int
    end: int
    pillar_id: str


def passages_to_mime(specs: list[PassageSpec]) -> QMimeData:
    """Mime data carrying passages (dragged from the passages list)."""
    data = QMimeData()
    payload = [[s.article_id, s.start, s.end, s.pillar_id] for s in specs]
    data.setData(PASSAGE_MIME, json.dumps(payload).encode("utf-8"))
    return data


def passages_from_mime(data: QMimeData) -> list[PassageSpec]:
    """Passages carried by ``data`` (empty if none or malformed)."""
    if not data.hasFormat(PASSAGE_MIME):
        return []
    try:
        raw = json.loads(bytes(data.data(PASSAGE_MIME).data()).decode("utf-8"))
        return [PassageSpec(int(a), int(s), int(e), str(p)) for a, s, e, p in raw]
    except (ValueError, TypeError):
        return []


@dataclass(frozen=True, slots=True)
class ItemRow:
    """What the tree shows of one briefing item."""

    item_id: int
    text: str
    source: str  # e.g. "[1] The Hindu · 20 Feb 2020"
    comment: str
    original: str = ""  # the whole passage when the item is trimmed or paraphrased (shown on hover)
    paraphrase: bool = False  # the text is the officer's paraphrase (shown without quotation marks)


def elide(text: str, limit: int = PREVIEW_CHARS) -> str:
    """One-line preview of a passage."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The child rows of ``item`` (``child(i)`` is typed Optional; it is set for every i < childCount())."""
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]


class SectionTree(QTreeWidget):
    """Pillar sections and their passages."""

    itemsMoved = Signal(list, str, int)  # item ids, target pillar id, index in that section
    passagesDropped = Signal(list, str, int)  # [PassageSpec], target pillar id, index
    textDropped = Signal(str, int)  # text dragged from the article view: target pillar, index
    removeRequested = Signal(list)  # item ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingSections")
        self.setColumnCount(2)
        self.setHeaderLabels(["Passage", "Source"])
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.header().setStretchLastSection(False)
        self.setColumnWidth(1, 215)  # "[1] Sample Daily · 20 February 2020"
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.sections: dict[str, QTreeWidgetItem] = {}

    # -- content -------------------------------------------------------------------------------
    def populate(self, pillars: list[tuple[str, str]], rows: dict[str, list[ItemRow]],
                 selected: set[int] | None = None) -> None:
        """Show every pillar section (taxonomy order) with its items; keep ``selected`` selected."""
        scroll = self.verticalScrollBar().value()
        self.blockSignals(True)
        self.clear()
        self.sections = {}
        chosen: list[QTreeWidgetItem] = []
        bold = QFont(self.font())
        bold.setBold(True)
        for pillar_id, name in pillars:
            items = rows.get(pillar_id, [])
            section = QTreeWidgetItem([f"{name}  ({len(items)})", ""])
            section.setData(0, SECTION_ROLE, pillar_id)
            section.setFont(0, bold)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled)
            if not items:
                section.setForeground(0, QBrush(QColor("#8a8f98")))
            self.addTopLevelItem(section)
            self.sections[pillar_id] = section
            for row in items:
                text = f"≈ {elide(row.text)}" if row.paraphrase else f"“{elide(row.text)}”"
                if row.comment.strip():
                    text += f"\nComment: {elide(row.comment, 120)}"
                leaf = QTreeWidgetItem([text, row.source])
                leaf.setData(0, ITEM_ROLE, row.item_id)
                tip = row.text
                if row.original:
                    tip = (f"{'Paraphrase' if row.paraphrase else 'Trimmed quote'}: {row.text}\n\n"
                           f"Original passage: {row.original}")
                leaf.setToolTip(0, tip + (f"\n\nComment: {row.comment}" if row.comment else ""))
                leaf.setToolTip(1, row.source)
                leaf.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsDragEnabled)
                section.addChild(leaf)
                if selected and row.item_id in selected:
                    chosen.append(leaf)
            section.setExpanded(True)
        # selected once every section is in the tree and open: a row selected while its section was still
        # being built came out unselected (after an undo, Alt+Up/Down then moved nothing)
        for leaf in chosen:
            self.setCurrentItem(leaf, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
            leaf.setSelected(True)
        self.blockSignals(False)
        self.verticalScrollBar().setValue(scroll)

    def selected_item_ids(self) -> list[int]:
        """Ids of the selected passages, in tree order."""
        ids: list[int] = []
        for pillar_id in self.sections:
            section = self.sections[pillar_id]
            for child in children(section):
                if child.isSelected():
                    ids.append(int(child.data(0, ITEM_ROLE)))
        return ids

    def leaf(self, item_id: int) -> QTreeWidgetItem | None:
        """The tree row of an item."""
        for section in self.sections.values():
            for child in children(section):
                if child.data(0, ITEM_ROLE) == item_id:
                    return child
        return None

    def order(self) -> list[tuple[int, str]]:
        """``[(item_id, pillar_id)]`` as shown, sections in taxonomy order."""
        out: list[tuple[int, str]] = []
        for pillar_id, section in self.sections.items():
            out.extend((int(child.data(0, ITEM_ROLE)), pillar_id) for child in children(section))
        return out

    # -- drag and drop -------------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt API)
        return [*super().mimeTypes(), PASSAGE_MIME, "text/plain"]

    def _acceptable(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        data = event.mimeData()
        return event.source() is self or data.hasFormat(PASSAGE_MIME) or data.hasText()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        if self._acceptable(event):
            super().dragEnterEvent(event)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt API)
        if self._acceptable(event):
            super().dragMoveEvent(event)  # auto-scroll and drop indicator
            event.setDropAction(Qt.DropAction.CopyAction if event.source() is not self
                                else Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def drop_target(self, pos: QPoint) -> tuple[str, int] | None:
        """(pillar id, index in the section) where a drop at viewport ``pos`` lands."""
        hit = self.itemAt(pos)
        if hit is None:
            if not self.sections:
                return None
            last = list(self.sections)[-1]
            return last, self.sections[last].childCount()
        pillar_id = hit.data(0, SECTION_ROLE)
        if pillar_id is not None:  # on a section heading: top of that section
            return str(pillar_id), 0
        parent = hit.parent()
        if parent is None:
            return None
        index = parent.indexOfChild(hit)
        if pos.y() > self.visualItemRect(hit).center().y():
            index += 1
        return str(parent.data(0, SECTION_ROLE)), index

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt API)
        target = self.drop_target(event.position().toPoint())
        if target is None or not self._acceptable(event):
            event.ignore()
            return
        pillar_id, index = target
        data = event.mimeData()
        if event.source() is self:
            moved = self.selected_item_ids()
            if moved:
                self.itemsMoved.emit(moved, pillar_id, index)
        elif data.hasFormat(PASSAGE_MIME):
            self.passagesDropped.emit(passages_from_mime(data), pillar_id, index)
        else:
            self.textDropped.emit(pillar_id, index)
        # Copy, never Move: Qt would otherwise delete the dragged rows itself after the drop;
        # the tree is rebuilt from the database instead.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    # -- keyboard ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected_item_ids():
            self.removeRequested.emit(self.selected_item_ids())
            return
        super().keyPressEvent(event)
