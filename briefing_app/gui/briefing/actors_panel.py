"""The Key actors tab of the builder: the table the note will print, with roles editable and rows removable.

Rows come from :meth:`BriefingService.document` (one per real person or body); an edit is reported as
``roleEdited(key, role)`` or ``removeRequested(key)`` and the builder stores it with the briefing (undoable).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.export.model import KeyActor

KEY_ROLE = Qt.ItemDataRole.UserRole + 41
COLUMNS = ("Name", "Type", "Role / title", "Mentions", "Articles")


class ActorsPanel(QWidget):
    """Key actors of the current briefing."""

    roleEdited = Signal(str, str)  # entity key, new role
    removeRequested = Signal(list)  # entity keys
    restoreRequested = Signal()  # bring removed rows back

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingActors")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("actorsTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 2
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeaderItem(2).setToolTip("Double-click to edit the role printed in the note")  # type: ignore[union-attr]
        self.table.itemChanged.connect(self._changed)
        self.remove_button = QPushButton("Remove from the note", self)
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self.selected_keys()))
        self.restore_button = QPushButton("Restore removed", self)
        self.restore_button.clicked.connect(self.restoreRequested.emit)
        hint = QLabel("One row per person or body across the cited articles (aliases merged). A role taken "
                      "from an article older than the note carries that article's year. Double-click a role "
                      "to edit it.", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5b6270;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._loading = False

    def show_actors(self, actors: list[KeyActor]) -> None:
        """Fill the table (the rows the note prints)."""
        self._loading = True
        self.table.setRowCount(len(actors))
        for row, actor in enumerate(actors):
            values = (actor.name, actor.type, actor.role, str(actor.mentions), str(actor.articles))
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(KEY_ROLE, actor.key)
                if column != 2:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column >= 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self._loading = False

    def names(self) -> list[str]:
        """The names shown, in order."""
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]  # type: ignore[union-attr]

    def selected_keys(self) -> list[str]:
        """Entity keys of the selected rows."""
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [str(self.table.item(r, 0).data(KEY_ROLE)) for r in rows]  # type: ignore[union-attr]

    def _changed(self, cell: QTableWidgetItem) -> None:
        if self._loading or cell.column() != 2:
            return
        self.roleEdited.emit(str(cell.data(KEY_ROLE)), " ".join(cell.text().split()))
