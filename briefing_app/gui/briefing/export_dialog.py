"""The Export… dialog: where to save the note and which template (house style or the office's own)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.gui.window_state import WindowMemory


class ExportDialog(QDialog):
    """Ask for the output file and the template; validates both before accepting."""

    def __init__(self, out_path: str, template: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export briefing")
        self.setObjectName("exportDialog")
        self.setMinimumWidth(520)

        self.out_edit = QLineEdit(out_path, self)
        self.out_edit.setObjectName("exportPath")
        browse_out = QPushButton("Browse…", self)
        browse_out.clicked.connect(self._browse_out)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(browse_out)

        box = QGroupBox("Template", self)
        self.house_radio = QRadioButton("Bundled house style", box)
        self.custom_radio = QRadioButton("My office template (.docx / .dotx):", box)
        group = QButtonGroup(self)
        group.addButton(self.house_radio)
        group.addButton(self.custom_radio)
        self.template_edit = QLineEdit(template, box)
        self.template_edit.setObjectName("templatePath")
        self.template_edit.setPlaceholderText("choose a Word template")
        browse_tpl = QPushButton("Browse…", box)
        browse_tpl.clicked.connect(self._browse_template)
        tpl_row = QHBoxLayout()
        tpl_row.addSpacing(22)
        tpl_row.addWidget(self.template_edit, 1)
        tpl_row.addWidget(browse_tpl)
        hint = QLabel("Styles missing from your template are taken from the house style.", box)
        hint.setStyleSheet("color: #5b6270;")
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.house_radio)
        box_layout.addWidget(self.custom_radio)
        box_layout.addLayout(tpl_row)
        box_layout.addWidget(hint)
        (self.custom_radio if template else self.house_radio).setChecked(True)
        self.template_edit.textEdited.connect(lambda _t: self.custom_radio.setChecked(True))

        self.error = QLabel("", self)
        self.error.setObjectName("exportError")
        self.error.setStyleSheet("color: #b42318;")
        self.error.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("Save as:", out_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    # -- results -------------------------------------------------------------------------------
    def out_path(self) -> Path:
        """The chosen output file (``.docx`` added when missing)."""
        text = self.out_edit.text().strip()
        path = Path(text).expanduser()
        if text and path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        return path

    def template(self) -> str:
        """The chosen template path, or "" for the bundled house style."""
        return self.template_edit.text().strip() if self.custom_radio.isChecked() else ""

    def validation_error(self) -> str:
        """Why the dialog cannot be accepted, or ""."""
        if not self.out_edit.text().strip():
            return "Choose where to save the briefing."
        if not self.out_path().parent.is_dir():
            return f"The folder {self.out_path().parent} does not exist."
        if self.custom_radio.isChecked():
            tpl = self.template()
            if not tpl:
                return "Choose your template file, or use the bundled house style."
            if not Path(tpl).expanduser().is_file():
                return f"Template not found: {tpl}"
            if Path(tpl).suffix.lower() not in (".docx", ".dotx"):
                return "The template must be a Word .docx or .dotx file."
        return ""

    # -- slots ---------------------------------------------------------------------------------
    def _try_accept(self) -> None:
        problem = self.validation_error()
        self.error.setText(problem)
        if not problem:
            self.accept()

    def _browse_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save briefing as", self.out_edit.text(),
                                              "Word document (*.docx)")
        if path:
            self.out_edit.setText(path)

    def _browse_template(self) -> None:
        memory = WindowMemory()  # the template dialogs start where the last template was chosen
        start = self.template_edit.text() or memory.folder("template")
        path, _ = QFileDialog.getOpenFileName(self, "Choose a Word template", start,
                                              "Word templates (*.docx *.dotx)")
        if path:
            memory.set_folder("template", Path(path).parent)
            self.template_edit.setText(path)
            self.custom_radio.setChecked(True)
