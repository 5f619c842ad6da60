"""The builder's "Drafted" and "Commitments" tabs: lines auto-draft wrote, for the officer to check.

Key points, "New since <date>" and the timeline are a tree; commitments and deliverables a table. Every
row cites its passage: Enter or double-click opens the article at it. F2 edits a row, Delete drops it,
and the buttons accept, drop or restore. The panels only report requests (signals); the builder stores
them through :class:`BriefingService` as undoable edits and then shows the stored state again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.models import DraftedStatus
from briefing_app.services.drafted import partial_date

ROW_ROLE = Qt.ItemDataRole.UserRole + 51  # (group, key)
CITE_ROLE = Qt.ItemDataRole.UserRole + 52  # [article_id, start, end] the row opens at
GROUP_TITLES = {"key_points": "Key points", "new_since": "New since", "timeline": "Timeline"}
TREE_COLUMNS = ("Line", "Kind / date", "Source")  # the status shows as the line's look (and its tooltip)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 53
COMMITMENT_COLUMNS = ("Who", "Action", "What", "When", "Source", "Status")
_EDITABLE_COMMITMENT = {0: "who", 1: "action", 2: "what", 3: "when"}
DROPPED = QColor("#9aa0a8")
#: What a "New since" line is, in the narrow column (the note prints the full label: export.formatting).
_SHORT_KINDS = {"commitment": "commitment", "actor": "actor", "initiative": "initiative",
                "topic-appeared": "new topic", "topic-vanished": "topic gone", "figure-changed": "figure"}
ACCEPTED = QColor("#1e6b34")


@dataclass(frozen=True, slots=True)
class Sources:
    """How the panels name a cited article: citation number and outlet · date."""

    numbers: dict[int, int]
    labels: dict[int, str]

    def of(self, cites: list[list[int]]) -> str:
        nums = sorted({self.numbers[c[0]] for c in cites if c[0] in self.numbers})
        marker = f"[{', '.join(str(n) for n in nums)}]" if nums else ""
        first = next((self.labels.get(c[0], "") for c in cites if c[0] in self.labels), "")
        return f"{marker} {first}".strip()


def _status_look(cells: list[Any], status: str) -> None:
    for cell in cells:
        font = QFont(cell.font(0) if isinstance(cell, QTreeWidgetItem) else cell.font())
        font.setStrikeOut(status == DraftedStatus.DROPPED)
        if isinstance(cell, QTreeWidgetItem):
            for column in range(len(TREE_COLUMNS)):
                cell.setFont(column, font)
                if status == DraftedStatus.DROPPED:
                    cell.setForeground(column, QBrush(DROPPED))
                if status == DraftedStatus.ACCEPTED:
                    cell.setForeground(column, QBrush(ACCEPTED))
                if status == DraftedStatus.EDITED:
                    font.setItalic(True)
                    cell.setFont(column, font)
        else:
            cell.setFont(font)
            if status == DraftedStatus.DROPPED:
                cell.setForeground(QBrush(DROPPED))
            elif status == DraftedStatus.ACCEPTED and cell.column() == len(COMMITMENT_COLUMNS) - 1:
                cell.setForeground(QBrush(ACCEPTED))


class _Buttons(QWidget):
    """Open, Accept, Drop, Restore (and Edit) for the selected rows of a panel."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        # Two short rows: the tab must stay as narrow as the Sections tab (the library beside it needs the width).
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.open = QPushButton("Open passage", self)
        self.open.setToolTip("Open the article at the passage this line comes from (Enter, double-click)")
        self.accept = QPushButton("Accept", self)
        self.accept.setToolTip("Mark the line as checked; a new auto-draft keeps it")
        self.edit = QPushButton("Edit", self)
        self.edit.setToolTip("Edit the line (F2); a new auto-draft keeps your words")
        self.drop = QPushButton("Drop", self)
        self.drop.setToolTip("Leave the line out of the note (Delete); a new auto-draft keeps it out")
        self.restore = QPushButton("Restore", self)
        self.restore.setToolTip("Put a dropped line back into the note")
        for n, button in enumerate((self.open, self.accept, self.edit, self.drop, self.restore)):
            layout.addWidget(button, n // 3, n % 3)
        layout.setColumnStretch(3, 1)


def _claims_key(widget: QAbstractItemView, event: QEvent) -> bool:
    """Delete and Enter belong to the panel while it has focus (not to the window's review shortcuts)."""
    if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
            and event.key() in _OWN_KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier \
            and widget.state() != QAbstractItemView.State.EditingState:
        event.accept()
        return True
    return False


_OWN_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _is_key(widget: QAbstractItemView, event: QKeyEvent, *keys: Qt.Key) -> bool:
    """One of ``keys`` pressed while no cell of ``widget`` is being edited (then the key is the editor's)."""
    return event.key() in keys and widget.state() != QAbstractItemView.State.EditingState


class _DraftedTree(QTreeWidget):
    dropKey = Signal()

    def event(self, event: QEvent) -> bool:
        return _claims_key(self, event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if _is_key(self, event, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.dropKey.emit()
            return
        super().keyPressEvent(event)


class _CommitmentTable(QTableWidget):
    dropKey = Signal()

    def event(self, event: QEvent) -> bool:
        return _claims_key(self, event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if _is_key(self, event, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.dropKey.emit()
            return
        if _is_key(self, event, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.currentItem()
            if current is not None:
                self.itemActivated.emit(current)
                return
        super().keyPressEvent(event)


class DraftedPanel(QWidget):
    """Key points, New since and Timeline of the current briefing."""

    openRequested = Signal(int, int, int)  # article id, start, end
    statusRequested = Signal(str, list, str)  # group, keys, status
    editRequested = Signal(str, str, str, str)  # group, key, field, value
    timelineToggled = Signal(bool)
    compareRequested = Signal(str)  # ISO date: compare with articles published before it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftedPanel")
        self.caption = QLabel("Auto-draft writes key points, what is new since earlier articles on the same "
                              "relationship, and a timeline here. Each line cites its passage.", self)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #5b6270;")
        self.tree = _DraftedTree(self)
        self.tree.setObjectName("draftedTree")
        self.tree.setColumnCount(len(TREE_COLUMNS))
        self.tree.setHeaderLabels(TREE_COLUMNS)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 100), (2, 112)):
            self.tree.setColumnWidth(column, width)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemChanged.connect(self._changed)
        self.tree.dropKey.connect(lambda: self._set_status(DraftedStatus.DROPPED))
        self.buttons = _Buttons(self)
        self.buttons.open.clicked.connect(lambda: self._activated(self.tree.currentItem(), 0))
        self.buttons.accept.clicked.connect(lambda: self._set_status(DraftedStatus.ACCEPTED))
        self.buttons.drop.clicked.connect(lambda: self._set_status(DraftedStatus.DROPPED))
        self.buttons.restore.clicked.connect(lambda: self._set_status(DraftedStatus.DRAFTED))
        self.buttons.edit.clicked.connect(self._edit_current)
        self.timeline_box = QCheckBox("Print the timeline", self)
        self.timeline_box.setObjectName("showTimeline")
        self.timeline_box.setToolTip("The timeline is an optional section of the note, after the pillar sections")
        self.timeline_box.toggled.connect(self._timeline_toggled)
        self.compare_date = QDateEdit(self)
        self.compare_date.setObjectName("compareBefore")
        self.compare_date.setCalendarPopup(True)
        self.compare_date.setDisplayFormat("d MMM yyyy")
        self.compare_button = QPushButton("Compare again", self)
        self.compare_button.setObjectName("compareAgain")
        self.compare_button.setToolTip("Compare the selected articles with the library's articles on the same "
                                       "relationship published before this date")
        self.compare_button.clicked.connect(
            lambda: self.compareRequested.emit(self.compare_date.date().toString(Qt.DateFormat.ISODate)))
        self.compared = QLabel("", self)
        self.compared.setObjectName("comparedWith")
        self.compared.setWordWrap(True)
        self.compared.setStyleSheet("color: #3a3f4a;")
        compare = QHBoxLayout()
        compare.addWidget(QLabel("Compare with articles before:", self))
        compare.addWidget(self.compare_date)
        compare.addStretch(1)
        again = QHBoxLayout()
        again.addWidget(self.compare_button)
        again.addStretch(1)
        again.addWidget(self.timeline_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        layout.addLayout(compare)
        layout.addLayout(again)
        layout.addWidget(self.compared)
        self._loading = False
        self.groups: dict[str, QTreeWidgetItem] = {}

    # -- content -------------------------------------------------------------------------------
    def show_drafted(self, drafted: dict[str, Any], sources: Sources, compared: str = "") -> None:
        """Show the stored lines (all of them, dropped ones struck through)."""
        self._loading = True
        selected = {tuple(i.data(0, ROW_ROLE)) for i in self.tree.selectedItems() if i.data(0, ROW_ROLE)}
        scroll = self.tree.verticalScrollBar().value()
        self.tree.clear()
        self.groups = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        since = partial_date(drafted.get("since", "")) if drafted.get("since") else ""
        for group in ("key_points", "new_since", "timeline"):
            rows = list(drafted.get(group, []))
            title = GROUP_TITLES[group]
            if group == "new_since":
                title = f"New since {since}" if since else "New since (no earlier article on this relationship)"
            if group == "timeline" and not drafted.get("show_timeline"):
                title += " — not printed (tick below)"
            top = QTreeWidgetItem([f"{title}  ({sum(r.get('status') != 'dropped' for r in rows)})", "", ""])
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(top)
            self.groups[group] = top
            for row in rows:
                leaf = QTreeWidgetItem(top, [row.get("text", ""), self._kind(group, row),
                                             self._source(group, row, sources)])
                leaf.setData(0, STATUS_ROLE, row.get("status", DraftedStatus.DRAFTED))
                leaf.setData(0, ROW_ROLE, [group, row["key"]])
                leaf.setData(0, CITE_ROLE, list(row["cites"][0]) if row.get("cites") else
                             (list(row["earlier"]) if row.get("earlier") else None))
                leaf.setFlags(leaf.flags() | Qt.ItemFlag.ItemIsEditable)
                tip = row.get("text", "")
                if row.get("original") and row.get("original") != row.get("text"):
                    tip += f"\n\nAs drafted: {row['original']}"
                leaf.setToolTip(0, tip + f"\n\nStatus: {row.get('status', 'drafted')} (accepted: green, edited: italic, "
                                         "dropped: struck through). Enter or double-click: open the passage. "
                                         "F2: edit. Delete: drop.")
                _status_look([leaf], row.get("status", DraftedStatus.DRAFTED))
                if (group, row["key"]) in selected:
                    leaf.setSelected(True)
            top.setExpanded(True)
        self.timeline_box.blockSignals(True)
        self.timeline_box.setChecked(bool(drafted.get("show_timeline")))
        self.timeline_box.blockSignals(False)
        before = drafted.get("compare_before") or ""
        date = QDate.fromString(before, Qt.DateFormat.ISODate) if before else QDate.currentDate()
        self.compare_date.blockSignals(True)
        self.compare_date.setDate(date if date.isValid() else QDate.currentDate())
        self.compare_date.blockSignals(False)
        self.compared.setText(compared)
        self.tree.verticalScrollBar().setValue(scroll)
        self._loading = False

    @staticmethod
    def _kind(group: str, row: dict[str, Any]) -> str:
        if group == "timeline":
            return partial_date(row.get("date", ""))
        if group == "new_since":
            return _SHORT_KINDS.get(row.get("kind", ""), "new")
        return str(row.get("pillar", "")).replace("_", " ")

    @staticmethod
    def _source(group: str, row: dict[str, Any], sources: Sources) -> str:
        if group != "new_since":
            return sources.of(row.get("cites", []))
        later = sources.of(row.get("cites", [])) if row.get("later", True) else ""
        earlier = sources.of([row["earlier"]]).split(" ", 1)[0] if row.get("earlier") else ""
        if later and earlier:
            return f"{later.split(' ', 1)[0]} vs earlier {earlier}"
        return later or f"earlier {earlier}"

    def rows(self, group: str) -> list[QTreeWidgetItem]:
        """The leaves of ``group`` in order."""
        top = self.groups.get(group)
        if top is None:
            return []
        return [c for i in range(top.childCount()) if (c := top.child(i)) is not None]

    def texts(self, group: str, include_dropped: bool = False) -> list[str]:
        """The lines shown in ``group`` (dropped ones only when asked)."""
        return [leaf.text(0) for leaf in self.rows(group) if include_dropped or self.status(leaf) != DraftedStatus.DROPPED]

    @staticmethod
    def status(leaf: QTreeWidgetItem) -> str:
        """drafted | accepted | edited | dropped."""
        return str(leaf.data(0, STATUS_ROLE))

    # -- requests ------------------------------------------------------------------------------
    def _selected(self) -> list[tuple[str, str]]:
        return [tuple(i.data(0, ROW_ROLE)) for i in self.tree.selectedItems() if i.data(0, ROW_ROLE)]

    def _set_status(self, status: str) -> None:
        picked = self._selected()
        for group in dict.fromkeys(g for g, _k in picked):
            self.statusRequested.emit(group, [k for g, k in picked if g == group], status)

    def _edit_current(self) -> None:
        current = self.tree.currentItem()
        if current is not None and current.data(0, ROW_ROLE):
            self.tree.editItem(current, 0)

    def _activated(self, leaf: QTreeWidgetItem | None, _column: int = 0) -> None:
        cite = leaf.data(0, CITE_ROLE) if leaf is not None else None
        if cite:
            self.openRequested.emit(int(cite[0]), int(cite[1]), int(cite[2]))

    def _changed(self, leaf: QTreeWidgetItem, column: int) -> None:
        if self._loading or column != 0 or not leaf.data(0, ROW_ROLE):
            return
        group, key = leaf.data(0, ROW_ROLE)
        self.editRequested.emit(group, key, "text", " ".join(leaf.text(0).split()))

    def _timeline_toggled(self, on: bool) -> None:
        if not self._loading:
            self.timelineToggled.emit(on)


class CommitmentsPanel(QWidget):
    """The Commitments and deliverables table of the current briefing."""

    openRequested = Signal(int, int, int)
    statusRequested = Signal(str, list, str)
    editRequested = Signal(str, str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commitmentsPanel")
        hint = QLabel("Who agreed to do what, by when, from the selected articles. “When” is resolved against "
                      "the article's date. Accept, edit (F2) or drop each row; a new auto-draft keeps your "
                      "decisions. Enter or double-click opens the passage.", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5b6270;")
        self.table = _CommitmentTable(0, len(COMMITMENT_COLUMNS), self)
        self.table.setObjectName("commitmentsTable")
        self.table.setHorizontalHeaderLabels(COMMITMENT_COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        for column in range(len(COMMITMENT_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 2
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemActivated.connect(self._activated)
        self.table.itemChanged.connect(self._changed)
        self.table.dropKey.connect(lambda: self._set_status(DraftedStatus.DROPPED))
        self.buttons = _Buttons(self)
        self.buttons.open.clicked.connect(lambda: self._activated(self.table.currentItem()))
        self.buttons.accept.clicked.connect(lambda: self._set_status(DraftedStatus.ACCEPTED))
        self.buttons.drop.clicked.connect(lambda: self._set_status(DraftedStatus.DROPPED))
        self.buttons.restore.clicked.connect(lambda: self._set_status(DraftedStatus.DRAFTED))
        self.buttons.edit.clicked.connect(self._edit_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self._loading = False

    def show_commitments(self, rows: list[dict[str, Any]], sources: Sources, dates: dict[int, str]) -> None:
        """Fill the table (dropped rows struck through, still there to restore)."""
        self._loading = True
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            when = partial_date(row["when_iso"]) if row.get("when_iso") else row.get("when", "")
            action = ("not " if row.get("negated") else "") + row.get("action", "")
            values = (row.get("who", ""), action, row.get("what", ""), when,
                      sources.of(row.get("cites", [])), row.get("status", DraftedStatus.DRAFTED))
            cells = []
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(ROW_ROLE, ["commitments", row["key"]])
                cell.setData(CITE_ROLE, list(row["cites"][0]) if row.get("cites") else None)
                if column not in _EDITABLE_COMMITMENT:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                cells.append(cell)
                self.table.setItem(r, column, cell)
            article = row["cites"][0][0] if row.get("cites") else None
            if row.get("when"):
                cells[3].setToolTip(f"As written: “{row['when']}”"
                                    + (f", resolved against the article of {dates[article]}"
                                       if article in dates and row.get("when_iso") else ""))
            cells[2].setToolTip(row.get("text", ""))
            _status_look(cells, row.get("status", DraftedStatus.DRAFTED))
        self.table.resizeRowsToContents()
        self._loading = False

    def column_texts(self, column: int) -> list[str]:
        """The cells of one column, in row order."""
        return [self.table.item(r, column).text() for r in range(self.table.rowCount())]  # type: ignore[union-attr]

    def _selected_keys(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [str(self.table.item(r, 0).data(ROW_ROLE)[1]) for r in rows]  # type: ignore[union-attr]

    def _set_status(self, status: str) -> None:
        keys = self._selected_keys()
        if keys:
            self.statusRequested.emit("commitments", keys, status)

    def _edit_current(self) -> None:
        current = self.table.currentItem()
        if current is not None:
            column = current.column() if current.column() in _EDITABLE_COMMITMENT else 2
            cell = self.table.item(current.row(), column)
            if cell is not None:
                self.table.editItem(cell)

    def _activated(self, cell: QTableWidgetItem | None) -> None:
        cite = cell.data(CITE_ROLE) if cell is not None else None
        if cite:
            self.openRequested.emit(int(cite[0]), int(cite[1]), int(cite[2]))

    def _changed(self, cell: QTableWidgetItem) -> None:
        if self._loading or cell.column() not in _EDITABLE_COMMITMENT:
            return
        _group, key = cell.data(ROW_ROLE)
        self.editRequested.emit("commitments", key, _EDITABLE_COMMITMENT[cell.column()], " ".join(cell.text().split()))
