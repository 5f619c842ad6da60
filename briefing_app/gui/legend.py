"""Legend: one toggle per entity label and per pillar, with its colour."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from briefing_app.gui.palette import LABEL_NAMES, label_colour
from briefing_app.nlp.types import SHOWN_LABELS


class Legend(QWidget):
    """Checkboxes that show/hide labels and pillars; emits the hidden sets when toggled."""

    changed = Signal(set, set)  # hidden labels, hidden pillars

    def __init__(self, pillars: list[tuple[str, str, str]], hidden_labels: set[str],
                 hidden_pillars: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label_boxes: dict[str, QCheckBox] = {}
        self.pillar_boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(QLabel("<b>Entities</b>"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        for i, label in enumerate(SHOWN_LABELS):
            box = self._box(LABEL_NAMES.get(label, label), label_colour(label), label not in hidden_labels)
            box.setToolTip(f"{LABEL_NAMES.get(label, label)}: show or hide these highlights")
            self.label_boxes[label] = box
            grid.addWidget(box, i // 2, i % 2)
        layout.addLayout(grid)
        layout.addWidget(QLabel("<b>Pillars</b> (bars in the margin)"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        for i, (pillar_id, name, colour) in enumerate(pillars):
            box = self._box(name, colour, pillar_id not in hidden_pillars)
            self.pillar_boxes[pillar_id] = box
            grid.addWidget(box, i // 2, i % 2)
        layout.addLayout(grid)
        layout.addStretch(1)

    def _box(self, text: str, colour: str, checked: bool) -> QCheckBox:
        box = QCheckBox(text.replace("&", "&&"), self)  # '&' would become a mnemonic
        box.setChecked(checked)
        box.setStyleSheet(
            f"QCheckBox::indicator:checked {{ background: {colour}; border: 1px solid #555; }}"
            f"QCheckBox::indicator:unchecked {{ background: white; border: 1px solid #999; }}"
        )
        box.toggled.connect(self._emit)
        return box

    def hidden(self) -> tuple[set[str], set[str]]:
        """Labels and pillars currently switched off."""
        return (
            {k for k, b in self.label_boxes.items() if not b.isChecked()},
            {k for k, b in self.pillar_boxes.items() if not b.isChecked()},
        )

    def _emit(self) -> None:
        labels, pillars = self.hidden()
        self.changed.emit(labels, pillars)
