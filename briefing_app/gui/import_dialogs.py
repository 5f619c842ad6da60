"""Bringing articles in and describing them: paste, import files/folders, drag and drop, metadata.

``install_library_features(window)`` adds the menu actions, accepts drops on the
window, runs imports in the background through ``window.tasks`` and queues the
analysis of every imported article (one at a time, after the model is ready).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.models import Article
from briefing_app.domain.wording import count
from briefing_app.gui.storage_guard import SaveFirstDialog, refused_write, status_bar_of
from briefing_app.gui.undo import ChangeCommand
from briefing_app.importers import SUPPORTED_SUFFIXES, ImportedDocument, ImportFailed, from_paste
from briefing_app.importers.dates import iso_date
from briefing_app.services.analysis import AnalysisService
from briefing_app.services.articles import (
    EDITABLE_METADATA,
    STOPPED_MESSAGE,
    ImportOutcome,
    ImportStopped,
)
from briefing_app.services.changes import ChangeSet
from briefing_app.storage.errors import describe_storage_error

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow

log = logging.getLogger(__name__)

OUTCOME_NAMES = {"imported": "Imported", "duplicate": "Already in library", "failed": "Not imported",
                 "skipped": "Skipped"}
_ERROR_STYLE = "color: #b91c1c;"
LIBRARY_DOCK_WIDTH = 440


class PasteDialog(SaveFirstDialog):
    """Paste an article's text with its title, source, date and URL."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste article")
        self.resize(640, 520)
        self.document: ImportedDocument | None = None
        self.title = QLineEdit(self)
        self.title.setPlaceholderText("Taken from the first line if left empty")
        self.source = QLineEdit(self)
        self.source.setPlaceholderText("Outlet, e.g. The Hindu (taken from the URL if empty)")
        self.date = QLineEdit(self)
        self.date.setPlaceholderText("YYYY-MM-DD (also 12 March 2025)")
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://…")
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText("Paste the article text here")
        self.error = QLabel(self)
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add to library")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._update_ok)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Source:", self.source)
        form.addRow("&Date:", self.date)
        form.addRow("&URL:", self.url)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.text.setFocus()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text.toPlainText().strip()))

    def accept(self) -> None:
        """Build the document; stay open with the reason when it cannot be imported."""
        date = self.date.text().strip()
        if date and not iso_date(date):
            self.error.setText(f"The date “{date}” was not understood; use YYYY-MM-DD or leave it empty.")
            self.date.setFocus()
            return
        try:
            self.document = from_paste(self.text.toPlainText(), title=self.title.text(),
                                       outlet=self.source.text(), published=date, url=self.url.text())
        except ImportFailed as exc:
            self.error.setText(str(exc))
            return
        super().accept()  # stored first (the saver; a refusal is said in ``error`` and the text stays)


class MetadataDialog(SaveFirstDialog):
    """Edit an article's title, outlet, author, published date and URL."""

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.resize(560, 0)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {"title": "&Title:", "outlet": "&Outlet:", "author": "&Author:",
                  "published": "&Published:", "url": "&URL:"}
        for name in EDITABLE_METADATA:
            edit = QLineEdit(str(getattr(article, name) or ""), self)
            edit.setObjectName(f"meta_{name}")
            self.fields[name] = edit
            form.addRow(labels[name], edit)
        self.fields["published"].setPlaceholderText("YYYY-MM-DD")
        source = article.source_path or ("pasted text" if article.format == "paste" else "")
        if source:
            origin = QLabel(source, self)
            origin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            origin.setStyleSheet("color: #4b5563;")
            form.addRow("Imported from:", origin)
        self.error = QLabel(self)
        self.error.setStyleSheet(_ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        """The fields as they will be stored (dates as ISO)."""
        values = {name: " ".join(edit.text().split()) for name, edit in self.fields.items()}
        values["url"] = self.fields["url"].text().strip()
        if values["published"]:
            values["published"] = iso_date(values["published"])
        return values

    def accept(self) -> None:
        """Refuse an empty title or a date that is not understood."""
        if not " ".join(self.fields["title"].text().split()):
            self.error.setText("The title cannot be empty.")
            return
        date = self.fields["published"].text().strip()
        if date and not iso_date(date):
            self.error.setText(f"The date “{date}” was not understood; use YYYY-MM-DD or leave it empty.")
            return
        super().accept()  # stored first (the saver; a refusal is said in ``error`` and the fields stay)


class ImportReportDialog(QDialog):
    """Per-file report at the end of an import: what was imported, what was already there, what failed."""

    def __init__(self, outcomes: list[ImportOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import report")
        self.resize(760, 420)
        self.outcomes = outcomes
        counts = {status: sum(1 for o in outcomes if o.status == status) for status in OUTCOME_NAMES}
        parts = [f"{counts['imported']} imported", f"{counts['duplicate']} already in the library",
                 f"{counts['failed']} not imported"]
        stopped = sum(1 for o in outcomes if o.status == "skipped" and o.message == STOPPED_MESSAGE)
        if counts["skipped"] - stopped:
            parts.append(f"{counts['skipped'] - stopped} skipped (not regular files)")
        if stopped:
            parts.append(f"{stopped} skipped (import stopped)")
        self.summary = QLabel(", ".join(parts) + ".", self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(outcomes), 3, self)
        self.table.setHorizontalHeaderLabels(["File", "Result", "Details"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        colours = {"imported": "#166534", "duplicate": "#1e40af", "failed": "#b91c1c", "skipped": "#4b5563"}
        for row, outcome in enumerate(outcomes):
            details = outcome.message + "".join(f" ⚠ {w}" for w in outcome.warnings)
            cells = (outcome.name, OUTCOME_NAMES.get(outcome.status, outcome.status), details)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(f"{outcome.path}\n{details}" if col == 0 else details)
                if col == 1:
                    item.setForeground(QColor(colours.get(outcome.status, "#111111")))
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


class LibraryFeatures(QObject):
    """Import, paste, drag and drop, metadata editing and the analysis queue of the main window."""

    importFinished = Signal(list)  # list[ImportOutcome], after the library shows the result
    queueIdle = Signal()  # every queued analysis is done

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_report: ImportReportDialog | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._stop = threading.Event()
        self._current_name = ""
        self._queue: list[tuple[int, bool]] = []  # (article id, analyse even if analysed)
        self._analysing: int | None = None

        self.paste_action = QAction("&Paste article…", window)
        self.paste_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.paste_action.triggered.connect(self.paste_dialog)
        self.import_files_action = QAction("&Import files…", window)
        self.import_files_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_files_action.triggered.connect(self.import_files_dialog)
        self.import_folder_action = QAction("Import &folder…", window)
        self.import_folder_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_folder_action.triggered.connect(self.import_folder_dialog)
        self.edit_details_action = QAction("Article &details…", window)
        self.edit_details_action.setShortcut(QKeySequence("F2"))
        self.edit_details_action.triggered.connect(lambda: self.edit_metadata(window.current_article_id))
        file_menu = window.menus["file"]
        before = file_menu.actions()[1] if len(file_menu.actions()) > 1 else None
        for action in (self.paste_action, self.import_files_action, self.import_folder_action):
            if before is None:
                file_menu.addAction(action)
            else:
                file_menu.insertAction(before, action)
        window.menus["edit"].addSeparator()
        window.menus["edit"].addAction(self.edit_details_action)
        window.menus["edit"].addAction(window.library.delete_action)

        # With no article open the page would be blank: say how to bring one in (the first sight of a new
        # library). The keys are read from the actions, so the words follow a changed shortcut.
        keys = {action: action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                for action in (self.import_files_action, self.import_folder_action, self.paste_action)}
        window.view.set_empty_hint(
            f"No article open. Import files ({keys[self.import_files_action]}) or a folder "
            f"({keys[self.import_folder_action]}), paste an article ({keys[self.paste_action]}) or drop files "
            "on the window; then choose an article in the Library.")

        panel = window.library
        panel.editRequested.connect(self.edit_metadata)
        panel.analyseRequested.connect(lambda ids: self.queue_analysis(ids, force=True))
        panel.articlesDeleted.connect(self._articles_deleted)
        window.modelReady.connect(lambda _mode: self._next_analysis())
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        dock = window.findChild(QDockWidget, "libraryDock")
        if dock is not None:
            # Wide enough for titles next to date and status at 1366x768.
            window.resizeDocks([dock], [LIBRARY_DOCK_WIDTH], Qt.Orientation.Horizontal)

    # -- drag and drop --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDropEvent)  # QDragEnterEvent and QDragMoveEvent derive from it
            if _local_paths(event):
                event.acceptProposedAction()
                return True
        elif watched is self.window and event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = _local_paths(event)
            if paths:
                event.acceptProposedAction()
                self.import_paths(paths)
                return True
        return super().eventFilter(watched, event)

    # -- dialogs --------------------------------------------------------------------------------
    def paste_dialog(self) -> int | None:
        """Ask for pasted text and its metadata; add it to the library and show it."""
        if not self._writable():
            return None
        dialog = PasteDialog(self.window)
        stored: list[int | None] = []

        def save() -> bool:
            # Stored before the dialog closes: refused by the database (busy, full, read-only), the
            # dialog stays open with the pasted text and says why.
            assert dialog.document is not None
            with refused_write(dialog.error.setText) as refused:
                stored.append(self.add_pasted(dialog.document))
            return not refused

        dialog.saver = save
        if dialog.exec() != QDialog.DialogCode.Accepted or not stored:
            return None
        return stored[-1]

    def add_pasted(self, doc: ImportedDocument) -> int | None:
        """Store a pasted document (duplicates just show the existing article) and show it."""
        article_id = self.window.add_document(doc)
        if article_id is not None and doc.warnings:
            self.window.statusBar().showMessage(" ".join(doc.warnings), 10000)
        return article_id

    def import_files_dialog(self) -> None:
        """Choose files to import."""
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Import files", self._start_dir(),
                                                f"Articles ({patterns});;All files (*)")
        if paths:
            self._remember_dir(Path(paths[0]).parent)
            self.import_paths([Path(p) for p in paths], show_single=False)

    def import_folder_dialog(self) -> None:
        """Choose a folder whose articles (and subfolders') are imported."""
        folder = QFileDialog.getExistingDirectory(self.window, "Import folder", self._start_dir())
        if folder:
            self._remember_dir(Path(folder))
            self.import_paths([Path(folder)])

    def edit_metadata(self, article_id: int | None) -> bool:
        """Open the details dialog of an article; the change goes on the undo stack."""
        if article_id is None:
            QMessageBox.information(self.window, "Article details", "Open or select an article first.")
            return False
        article = self.window.services.articles.get(article_id)
        if article is None or not self._writable():
            return False
        dialog = MetadataDialog(article, self.window)
        shown = dialog.values()  # only the fields the officer changes are written
        saved: list[bool] = []

        def save() -> bool:
            # Saved before the dialog closes: refused by the database (another officer's change, busy,
            # full, read-only), the dialog stays open with the officer's details and says why; the
            # fields they did not touch show the stored ones (another officer's), which Save keeps.
            changed = {k: v for k, v in dialog.values().items() if v != shown[k]}
            if not changed:
                return True
            problem = self.apply_metadata(article_id, changed)
            if problem is None:
                saved.append(True)
                return True
            dialog.error.setText(problem)
            stored = self.window.services.articles.get(article_id)
            if stored is not None:
                for name in EDITABLE_METADATA:
                    if name not in changed:
                        dialog.fields[name].setText(str(getattr(stored, name) or ""))
                shown.update({k: v for k, v in dialog.values().items() if k not in changed})
            return False

        dialog.saver = save
        return dialog.exec() == QDialog.DialogCode.Accepted and bool(saved)

    def apply_metadata(self, article_id: int, values: dict[str, str]) -> str | None:
        """Save new details of an article and push the edit on the undo stack (library, title, builder
        follow); why not, when the database refused it (also said in the status bar)."""
        with refused_write(status_bar_of(self.window),
                           lambda: self.window.library.refresh_rows([article_id])) as refused:
            changes = self.window.services.articles.update_metadata_change(article_id, **values)
        if refused:
            return refused.problem
        # pushing shows it (the command's first redo only refreshes: the service already saved it)
        self.window.undo_stack.push(ChangeCommand(self.window.services.changes, changes, self._metadata_replayed))
        return None

    def _metadata_replayed(self, changes: ChangeSet, backwards: bool) -> None:
        window = self.window
        window.library.refresh_rows(changes.article_ids())
        for before, after in changes.rows:
            shown = before if backwards else after
            if shown is not None and shown.id == window.current_article_id:
                window.setWindowTitle(f"{shown.title} — Briefing Builder")
        builder = getattr(window, "briefing_builder", None)
        if builder is not None:  # the builder and preview show the new title, outlet and date at once
            for article_id in changes.article_ids():
                builder.article_details_changed(article_id)

    # -- importing ------------------------------------------------------------------------------
    def import_paths(self, paths: Iterable[Path], show_single: bool = True) -> bool:
        """Import files and folders in the background with a progress dialog, then report per file.

        One file given on its own (``show_single``) is shown at once instead of reported.
        Returns False when nothing was started.
        """
        paths = list(paths)
        if not paths or not self._writable():
            return False
        if self.window.tasks.is_busy("import"):
            QMessageBox.information(self.window, "Import", "An import is already running; wait for it to finish.")
            return False
        single = show_single and len(paths) == 1 and not paths[0].is_dir()
        self._stop = threading.Event()
        dialog = QProgressDialog("Looking for articles…", "Stop", 0, 0, self.window)
        dialog.setWindowTitle("Importing")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._stop.set)
        self.progress_dialog = dialog
        articles = self.window.services.articles
        stop = self._stop

        def progress_with_name(report: object) -> object:
            def callback(done: int, total: int, name: str) -> None:
                self._current_name = name  # read by the GUI thread in _import_progress
                report(done, total)  # type: ignore[operator]
            return callback

        def work(progress: object, cancelled: object) -> list[ImportOutcome]:
            return articles.import_files(paths, progress=progress_with_name(progress),  # type: ignore[arg-type]
                                         cancel=lambda: stop.is_set() or cancelled())  # type: ignore[operator]

        self.window.tasks.start("import", work, lambda outcomes: self._import_done(outcomes, single),
                                self._import_failed, self._import_progress)
        return True

    def _import_progress(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        dialog.setMaximum(max(total, 1))
        # A window-modal QProgressDialog runs the event loop inside setValue(), so the import may finish and
        # close the dialog right here: set the label first and never touch the dialog after setValue().
        if done < total:
            dialog.setLabelText(f"Importing {done + 1} of {total}: {self._current_name}")
        dialog.setValue(done)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _import_done(self, outcomes: list[ImportOutcome], single: bool) -> None:
        self._close_progress()
        window = self.window
        if single and len(outcomes) == 1 and outcomes[0].article_id is not None:
            window.show_imported(outcomes[0])  # analyses it if it never was
        elif single and len(outcomes) == 1 and outcomes[0].message == STOPPED_MESSAGE:
            window.refresh_library()
            window.statusBar().showMessage(f"Import stopped: {outcomes[0].name} was not imported", 10000)
        elif single and len(outcomes) == 1:
            window.refresh_library()
            QMessageBox.warning(window, "Cannot import file", outcomes[0].message)
        else:
            window.refresh_library()
            # Duplicates too: an earlier import may have stopped before analysing them (the queue
            # skips the ones already analysed).
            self.queue_analysis([o.article_id for o in outcomes
                                 if o.status in ("imported", "duplicate") and o.article_id])
            self.show_report(outcomes)
        self.importFinished.emit(outcomes)

    def show_report(self, outcomes: list[ImportOutcome]) -> ImportReportDialog:
        """Show the per-file report (not modal: the officer can keep working)."""
        if not outcomes:
            QMessageBox.information(self.window, "Import",
                                    f"No articles found (supported: {', '.join(SUPPORTED_SUFFIXES)}).")
        imported = sum(1 for o in outcomes if o.status == "imported")
        self.window.statusBar().showMessage(f"Import finished: {imported} of {len(outcomes)} files imported", 10000)
        if self.last_report is not None:
            self.last_report.close()
        self.last_report = ImportReportDialog(outcomes, self.window)
        if outcomes:
            self.last_report.show()
        return self.last_report

    def _import_failed(self, exc: BaseException, tb: str) -> None:
        self._close_progress()
        log.error("Import failed:\n%s", tb)
        self.window.refresh_library()
        if isinstance(exc, ImportStopped):
            # The database could not be written (full disk, busy): say which files were stored, which not.
            outcomes = exc.outcomes
            self.queue_analysis([o.article_id for o in outcomes if o.status == "imported" and o.article_id])
            report = self.show_report(outcomes)
            report.summary.setText(str(exc))
            report.summary.setStyleSheet(_ERROR_STYLE)
            self.window.statusBar().showMessage(str(exc), 15000)
            self.importFinished.emit(outcomes)
            return
        problem = describe_storage_error(exc, self.window.services.db.path)
        if problem is not None:
            QMessageBox.warning(self.window, "Import stopped", f"The import stopped. {problem}\n"
                                "Articles imported before the problem were kept.")
            self.importFinished.emit([])
            return
        QMessageBox.warning(self.window, "Import failed",
                            f"The import stopped: {exc}\nArticles imported before the problem were kept.")
        self.importFinished.emit([])

    # -- analysis queue -------------------------------------------------------------------------
    def queue_analysis(self, article_ids: Iterable[int], force: bool = False) -> None:
        """Analyse these articles one after the other in the background (after the model loads)."""
        queued = {aid for aid, _ in self._queue}
        for article_id in article_ids:
            if article_id not in queued and article_id != self._analysing:
                self._queue.append((int(article_id), force))
        self._next_analysis()

    def pending_analysis(self) -> list[int]:
        """Articles still waiting for analysis (the one running included)."""
        running = [self._analysing] if self._analysing is not None else []
        return running + [aid for aid, _ in self._queue]

    def _next_analysis(self) -> None:
        window = self.window
        if self._analysing is not None or window.analyzer is None:
            return
        while self._queue:
            article_id, force = self._queue.pop(0)
            try:
                wanted = force or not window.services.articles.is_analysed(article_id)
            except Exception as exc:
                problem = describe_storage_error(exc, window.services.db.path)
                if problem is None:
                    raise
                # A busy database (desk mode: the read waited past the lock_timeout): the queue waits,
                # nothing dropped; the back-off timer resumes it (it queues this article again).
                self._queue.insert(0, (article_id, force))
                window.analysis_refused(article_id, problem, again=force)
                return
            if wanted:
                break
        else:
            self.queueIdle.emit()
            return
        self._analysing = article_id
        remaining = len(self._queue)
        if not window.kept_analyses.has(article_id):  # (a retry only storing a kept result: no "Analysing…")
            window.statusBar().showMessage(
                f"Analysing imported articles… {remaining} more waiting" if remaining else "Analysing…")
        service = AnalysisService(window.services.db, window.analyzer, window.kept_analyses)

        def work(progress: object, cancelled: object) -> int:
            if window.services.articles.get(article_id) is not None:  # deleted meanwhile: nothing to do
                service.analyze_article(article_id, cancel=cancelled)  # type: ignore[arg-type]
            return article_id

        window.tasks.start("library-analysis", work, self._analysis_done,
                           lambda exc, tb: self._analysis_failed(exc, tb, force))

    def _analysis_done(self, article_id: int) -> None:
        self._analysing = None
        window = self.window
        window.analysis_stored(article_id)
        window.library.refresh_rows([article_id])
        if article_id == window.current_article_id:
            window.render_annotations()
        window.analysisFinished.emit(article_id)
        if not self._queue:
            window.statusBar().showMessage("Analysis of imported articles complete", 5000)
        self._next_analysis()

    def _analysis_failed(self, exc: BaseException, tb: str, force: bool = False) -> None:
        article_id = self._analysing
        try:
            present = article_id is not None and self.window.services.articles.get(article_id) is not None
        except Exception as again:
            if describe_storage_error(again) is None:
                raise
            present = True  # the database is busy for reads too: the retry reads again (a deleted one is skipped)
        if article_id is not None and present:
            problem = describe_storage_error(exc, self.window.services.db.path)
            if problem is not None:  # the database refused the results: it stays unanalysed, tried again later
                log.warning("Queued analysis of article %s not saved: %s", article_id, problem)
                self.window.analysis_refused(article_id, problem, again=force)
            else:
                log.error("Queued analysis of article %s failed:\n%s", article_id, tb)
                self.window.statusBar().showMessage(f"Analysis of article #{article_id} failed: {exc}", 10000)
        self._analysing = None
        self._next_analysis()

    # -- helpers --------------------------------------------------------------------------------
    def _articles_deleted(self, ids: list[int]) -> None:
        window = self.window
        self._queue = [(aid, f) for aid, f in self._queue if aid not in ids]
        for article_id in ids:
            # An analysis still running for a deleted article cannot store anything: drop its outcome.
            window.tasks.cancel(f"analysis:{article_id}")
        # The undo stack is kept: the deletion is a command on it, so the commands below it are
        # only replayed after the deletion was undone and their articles are back.
        if window.current_article_id in ids:
            window.current_article_id = None
            window.render_annotations()
            window.setWindowTitle("Briefing Builder")
        window.statusBar().showMessage(f"Deleted {count(len(ids), 'article')} and their tags", 6000)

    def _writable(self) -> bool:
        if getattr(self.window.services.db, "read_only", False):
            QMessageBox.information(self.window, "Read-only library",
                                    "This database is open read-only; nothing can be added or changed.")
            return False
        return True

    def _start_dir(self) -> str:
        return self.window.dialog_folder("import")  # where the last import came from

    def _remember_dir(self, folder: Path) -> None:
        self.window.remember_dialog_folder("import", folder)


def _local_paths(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def install_library_features(window: MainWindow) -> LibraryFeatures:
    """Wire import, paste, drops, metadata editing and queued analysis into the main window."""
    return LibraryFeatures(window)
