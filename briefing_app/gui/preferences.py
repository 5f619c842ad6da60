"""Edit → Preferences…: the author line, classification markings, template and language model."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.gui.window_state import WindowMemory
from briefing_app.settings import Settings, save_settings
from briefing_app.storage.errors import describe_storage_error
from briefing_app.storage.target import has_password


class PreferencesDialog(QDialog):
    """A form over :class:`Settings`; OK validates and saves."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(520)
        self.settings = settings
        self.author = QLineEdit(settings.author)
        self.author.setPlaceholderText("e.g. Desk Officer, India Team")
        self.markings = QPlainTextEdit("\n".join(settings.classifications))
        self.markings.setToolTip("One classification marking per line, lowest first.")
        self.markings.setFixedHeight(110)
        self.default_marking = QComboBox()
        self._fill_markings()
        self.markings.textChanged.connect(self._fill_markings)
        self.template = QLineEdit(settings.template)
        self.template.setPlaceholderText("Bundled house style")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_template)
        clear = QPushButton("House style")
        clear.clicked.connect(lambda: self.template.setText(""))
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(browse)
        template_row.addWidget(clear)
        self.model = QLineEdit(settings.model)
        self.model.setPlaceholderText("Bundled English model (en_core_web_sm 3.8.0)")
        self.model.setToolTip("Name of an installed spaCy pipeline (e.g. en_core_web_md) or a folder path. "
                              "Takes effect the next time the app starts.")
        self.database = QLineEdit(settings.database)
        self.database.setObjectName("databaseEdit")
        self.database.setPlaceholderText("The library file in your user data folder")
        self.database.setToolTip("A library file, or a desk database such as "
                                 "postgresql+psycopg://officer@deskserver/briefings. Keep the password in "
                                 "~/.pgpass, never here. Takes effect the next time the app starts.")

        form = QFormLayout()
        form.addRow("Your name / “From” line:", self.author)
        form.addRow("Classification markings:", self.markings)
        form.addRow("Default marking:", self.default_marking)
        form.addRow("Word template:", template_row)
        form.addRow("Language model:", self.model)
        form.addRow("Library database:", self.database)
        note = QLabel("The language model and library database settings apply after a restart. "
                      "Nothing is ever downloaded.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def marking_list(self) -> list[str]:
        """Markings as typed, one per line, without blanks or repeats."""
        seen: list[str] = []
        for line in self.markings.toPlainText().splitlines():
            value = " ".join(line.split()).upper()
            if value and value not in seen:
                seen.append(value)
        return seen

    def _fill_markings(self) -> None:
        current = self.default_marking.currentText() or self.settings.default_classification
        self.default_marking.blockSignals(True)
        self.default_marking.clear()
        self.default_marking.addItems(self.marking_list())
        index = self.default_marking.findText(current)
        self.default_marking.setCurrentIndex(max(index, 0))
        self.default_marking.blockSignals(False)

    def _choose_template(self) -> None:
        memory = WindowMemory()  # the template dialogs start where the last template was chosen
        path, _ = QFileDialog.getOpenFileName(self, "Word template", memory.folder("template"),
                                              "Word documents and templates (*.docx *.dotx)")
        if path:
            memory.set_folder("template", Path(path).parent)
            self.template.setText(path)

    def accept(self) -> None:
        """Validate, copy into the settings and save."""
        markings = self.marking_list()
        if not markings:
            QMessageBox.warning(self, "Preferences", "Give at least one classification marking.")
            return
        template = self.template.text().strip()
        if template and not Path(template).is_file():
            QMessageBox.warning(self, "Preferences", f"The template {template} does not exist.")
            return
        database = self.database.text().strip()
        if has_password(database):
            QMessageBox.warning(self, "Preferences", "Leave the password out of the database address: "
                                "Briefing Builder never stores it. Put it in ~/.pgpass (one line: "
                                "host:port:database:user:password) instead.")
            return
        before = self.settings.model_copy(deep=True)
        self.settings.author = self.author.text().strip()
        self.settings.database = database
        self.settings.classifications = markings
        self.settings.default_classification = self.default_marking.currentText() or markings[0]
        self.settings.template = template
        self.settings.model = self.model.text().strip()
        try:
            save_settings(self.settings)
        except OSError as exc:
            # A full disk or a settings folder that cannot be written: the window keeps the preferences
            # it had, the dialog stays open with what the officer typed.
            for name in type(before).model_fields:
                setattr(self.settings, name, getattr(before, name))
            QMessageBox.warning(self, "Preferences not saved",
                                describe_storage_error(exc) or f"The preferences could not be saved: {exc}")
            return
        super().accept()
