"""The "Add passages" list: pillar passages of the selected articles, to drag or add to the briefing."""

from __future__ import annotations

from collections.abc import Sequence

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

from briefing_app.domain.models import AnnotationStatus
from briefing_app.services.briefings import CandidatePassage

from .sections import PassageSpec, elide, passages_to_mime

SPEC_ROLE = Qt.ItemDataRole.UserRole + 21
PILLARS_ROLE = Qt.ItemDataRole.UserRole + 22
ALL_PILLARS = ""


class _PassageList(QListWidget):
    """List whose drag carries the selected passages."""

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802 (Qt API)
        picker = self.parentWidget()
        if isinstance(picker, PassagePicker):
            return passages_to_mime([picker.spec_of(i) for i in items])
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
        self.list.itemDoubleClicked.connect(lambda item: self.addRequested.emit([self.spec_of(item)]))
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
        selected = {(sp.article_id, sp.start, sp.end) for sp in (i.data(SPEC_ROLE) for i in self.list.selectedItems())}
        scroll = self.list.verticalScrollBar().value()
        self.list.clear()
        # One row per passage; a sentence tagged with several pillars lists them all, the
        # most confident first (that is the section it goes to, unless a pillar filter is set).
        grouped: dict[tuple[int, int, int], list[CandidatePassage]] = {}
        for p in passages:
            grouped.setdefault((p.article_id, p.start, p.end), []).append(p)
        for key, group in grouped.items():
            group.sort(key=lambda c: (c.status != AnnotationStatus.ACCEPTED, -c.confidence))
            top = group[0]
            names = ", ".join(self._names.get(c.pillar_id, c.pillar_id) for c in group)
            marker = "✓ " if top.status == AnnotationStatus.ACCEPTED else ""
            item = QListWidgetItem(f"{marker}{names}: {elide(top.text, 200)}")
            item.setData(SPEC_ROLE, PassageSpec(top.article_id, top.start, top.end, top.pillar_id))
            item.setData(PILLARS_ROLE, [c.pillar_id for c in group])
            item.setToolTip(f"{titles.get(top.article_id, '')}\n{top.text}\n\n"
                            "Double-click or drag into a section to add it to the briefing.")
            colour = self._colours.get(top.pillar_id)
            if key in in_briefing:
                item.setText(f"In briefing · {item.text()}")
                item.setForeground(QBrush(QColor("#9aa0a8")))
            elif colour:
                item.setForeground(QBrush(QColor(colour).darker(160)))
            self.list.addItem(item)
            item.setSelected(key in selected)
        if not titles:
            self.caption.setText("Select articles in the library to list their pillar passages here.")
        else:
            names = "; ".join(titles.values())
            self.caption.setText(f"{self.list.count()} passages from: {elide(names, 160)}")
        self._apply_filter()
        self.list.verticalScrollBar().setValue(scroll)

    def _apply_filter(self) -> None:
        wanted = self.filter.currentData()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(wanted) and wanted not in item.data(PILLARS_ROLE))

    def spec_of(self, item: QListWidgetItem) -> PassageSpec:
        """The passage of a row, placed in the filtered pillar when a filter is set."""
        spec: PassageSpec = item.data(SPEC_ROLE)
        wanted = self.filter.currentData()
        if wanted and wanted in item.data(PILLARS_ROLE):
            return PassageSpec(spec.article_id, spec.start, spec.end, wanted)
        return spec

    def _add_selected(self) -> None:
        specs = [self.spec_of(i) for i in self.list.selectedItems() if not i.isHidden()]
        if specs:
            self.addRequested.emit(specs)
