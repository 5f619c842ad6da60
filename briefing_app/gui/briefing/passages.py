"""The "Add passages" list: pillar passages of the selected articles, to drag or add to the briefing."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.services.briefings import CandidatePassage

from .sections import PassageSpec, elide, passages_to_mime

SPEC_ROLE = Qt.ItemDataRole.UserRole + 21
ALL_PILLARS = ""


class _PassageList(QListWidget):
    """List whose drag carries the selected passages."""

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # noqa: N802 (Qt API)
        return passages_to_mime([i.data(SPEC_ROLE) for i in items])

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt API)
        from .sections import PASSAGE_MIME

        return [PASSAGE_MIME]


class PassagePicker(QWidget):
    """Pillar passages of the articles selected in the library."""

    addRequested = Signal(list)  # [PassageSpec]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passagePicker")
        self.caption = QLabel("", self)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #5b6270;")
        self.filter = QComboBox(self)
        self.filter.setObjectName("passageFilter")
        self.filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.list = _PassageList(self)
        self.list.setObjectName("passageList")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.itemDoubleClicked.connect(lambda item: self.addRequested.emit([item.data(SPEC_ROLE)]))
        self.add_button = QPushButton("Add to briefing", self)
        self.add_button.setObjectName("addPassages")
        self.add_button.clicked.connect(self._add_selected)
        top = QHBoxLayout()
        top.addWidget(QLabel("Pillar:", self))
        top.addWidget(self.filter, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self._names: dict[str, str] = {}
        self._colours: dict[str, str] = {}

    def set_pillars(self, pillars: list[tuple[str, str, str]]) -> None:
        """(id, name, colour) in taxonomy order."""
        self._names = {p: n for p, n, _c in pillars}
        self._colours = {p: c for p, _n, c in pillars}
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem("All pillars", ALL_PILLARS)
        for pid, name, _c in pillars:
            self.filter.addItem(name, pid)
        self.filter.blockSignals(False)

    def show_passages(self, passages: list[CandidatePassage], titles: dict[int, str],
                      in_briefing: set[tuple[int, int, int]] | None = None) -> None:
        """List ``passages``; ``titles`` maps article id -> title; spans ``in_briefing`` are greyed."""
        in_briefing = in_briefing or set()
        selected = {i.data(SPEC_ROLE) for i in self.list.selectedItems()}
        scroll = self.list.verticalScrollBar().value()
        self.list.clear()
        for p in passages:
            name = self._names.get(p.pillar_id, p.pillar_id)
            marker = "✓ " if p.status == "accepted" else ""
            item = QListWidgetItem(f"{marker}{name}: {elide(p.text, 200)}")
            item.setData(SPEC_ROLE, PassageSpec(p.article_id, p.start, p.end, p.pillar_id))
            item.setToolTip(f"{titles.get(p.article_id, '')}\n{p.text}\n\n"
                            "Double-click or drag into a section to add it to the briefing.")
            colour = self._colours.get(p.pillar_id)
            if (p.article_id, p.start, p.end) in in_briefing:
                item.setText(f"In briefing · {item.text()}")
                item.setForeground(QBrush(QColor("#9aa0a8")))
            elif colour:
                item.setForeground(QBrush(QColor(colour).darker(160)))
            self.list.addItem(item)
            item.setSelected(item.data(SPEC_ROLE) in selected)
        if not titles:
            self.caption.setText("Select articles in the library to list their pillar passages here.")
        else:
            names = "; ".join(titles.values())
            self.caption.setText(f"{len(passages)} passages from: {elide(names, 160)}")
        self._apply_filter()
        self.list.verticalScrollBar().setValue(scroll)

    def _apply_filter(self) -> None:
        wanted = self.filter.currentData()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(wanted) and item.data(SPEC_ROLE).pillar_id != wanted)

    def _add_selected(self) -> None:
        specs = [i.data(SPEC_ROLE) for i in self.list.selectedItems() if not i.isHidden()]
        if specs:
            self.addRequested.emit(specs)
