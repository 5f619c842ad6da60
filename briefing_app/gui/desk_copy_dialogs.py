"""File → Take a copy… and File → Bring back… (offline laptops, issue 19): the window's face of
``services/desk_copy``.

*Take a copy*: a dialog chooses the slice (everything, the articles selected in the Library, or a
briefing with its articles) and the new SQLite file; the copy is written by a worker with progress
and Cancel (a cancelled copy leaves no file). *Bring back*: the copy file is chosen, a worker
previews the merge (counts per kind, conflicts), the officer confirms, a worker merges it in one
transaction, and a report lists each conflict (article, what, officer, time); the library, the
open article and the builder are read again. Both work on a desk server and on a library file
(the services take any database); Bring back needs a writable library.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.wording import count
from briefing_app.storage.errors import describe_storage_error

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow
    from briefing_app.services.desk_copy import BringBackReport, CopySlice

log = logging.getLogger(__name__)

#: Worker keys (one copy or bring-back at a time).
TAKE_KEY = "desk-take-copy"
BRING_KEY = "desk-bring-back"
COPY_FILTER = "Library copies (*.sqlite *.db);;All files (*)"
#: Kinds in the order the preview and report list them.
KIND_ORDER = ("articles", "tags", "notes", "entities", "pillars", "briefings", "briefing passages", "lessons")


def one_line(exc: BaseException) -> str:
    """An error for the officer: its first line, storage trouble in words."""
    described = describe_storage_error(exc)
    text = described or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


class TakeCopyDialog(QDialog):
    """Which slice goes into the copy, and where the copy is written."""

    def __init__(self, window: MainWindow, selected: list[int]) -> None:
        super().__init__(window)
        self.setObjectName("takeCopyDialog")
        self.setWindowTitle("Take a copy")
        self.window_ = window
        self.selected = selected
        layout = QVBoxLayout(self)
        intro = QLabel("Copy part of the library into a file you open while working offline. "
                       "Pillars, entities and lessons always come with it. Bring it back with "
                       "File → Bring back… when you return.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.everything = QRadioButton(f"The whole library ({window.services.articles.count()} articles)")
        self.everything.setObjectName("sliceEverything")
        self.chosen = QRadioButton(f"The {len(selected)} article{'s' if len(selected) != 1 else ''} selected "
                                   "in the Library")
        self.chosen.setObjectName("sliceSelected")
        self.chosen.setEnabled(bool(selected))
        self.one_briefing = QRadioButton("A briefing and its articles:")
        self.one_briefing.setObjectName("sliceBriefing")
        self.briefing = QComboBox(self)
        self.briefing.setObjectName("sliceBriefingChoice")
        for b in window.services.briefings.all():
            self.briefing.addItem(f"{b.title or 'Briefing note'} · #{b.id}", b.id)
        self.one_briefing.setEnabled(self.briefing.count() > 0)
        self.briefing.setEnabled(False)
        self.one_briefing.toggled.connect(self.briefing.setEnabled)
        group = QButtonGroup(self)
        for button in (self.everything, self.chosen, self.one_briefing):
            group.addButton(button)
        (self.chosen if selected else self.everything).setChecked(True)
        layout.addWidget(self.everything)
        layout.addWidget(self.chosen)
        row = QHBoxLayout()
        row.addWidget(self.one_briefing)
        row.addWidget(self.briefing, 1)
        layout.addLayout(row)
        layout.addWidget(QLabel("Copy to:"))
        row = QHBoxLayout()
        self.target = QLineEdit(self)
        self.target.setObjectName("copyTarget")
        self.target.setPlaceholderText("a new .sqlite file on this computer")
        self.target.textChanged.connect(self._update_ok)
        choose = QPushButton("Choose…", self)
        choose.setObjectName("chooseCopyTarget")
        choose.clicked.connect(self.choose_target)
        row.addWidget(self.target, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton("Take the copy", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("takeCopyButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        #: The officer confirmed replacing an existing file (the save dialog asked).
        self.replace = False
        self._update_ok()
        self.resize(520, self.sizeHint().height())

    def choose_target(self) -> None:
        """Ask for the file (the platform's save dialog asks before replacing one)."""
        folder = Path(self.window_.dialog_folder("desk-copy") or Path.home())
        suggested = folder / f"{self.window_.services.db.name.split('.')[0] or 'library'}-copy-{date.today():%Y-%m-%d}.sqlite"
        path, _ = QFileDialog.getSaveFileName(self, "Take a copy to", str(suggested), COPY_FILTER)
        if path:
            self.window_.remember_dialog_folder("desk-copy", Path(path).parent)
            self.replace = Path(path).exists()
            self.target.setText(path)

    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.target.text().strip()))

    def chosen_slice(self) -> CopySlice:
        """The slice the radio buttons say."""
        from briefing_app.services.desk_copy import CopySlice

        if self.chosen.isChecked():
            return CopySlice(article_ids=tuple(self.selected))
        if self.one_briefing.isChecked() and self.briefing.currentData() is not None:
            return CopySlice(briefing_id=int(self.briefing.currentData()))
        return CopySlice()


class BringBackPreviewDialog(QDialog):
    """What a bring-back will do: rows added, changed, deleted per kind, and how many conflicts."""

    def __init__(self, parent: QWidget, copy: Path, report: BringBackReport, library: str) -> None:
        super().__init__(parent)
        self.setObjectName("bringBackPreview")
        self.setWindowTitle("Bring back")
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{copy.name}</b> into {library}")
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        self.table = counts_table(self, report)
        layout.addWidget(self.table)
        if not (report.added or report.updated or report.deleted):
            summary = "Nothing new to bring back: everything else in this copy is already in the library." \
                if report.conflicts else "Nothing to bring back: everything in this copy is already in the library."
        else:
            summary = f"{report.added} added, {report.updated} changed, {report.deleted} deleted."
        if report.conflicts:
            n = len(report.conflicts)
            summary += (f" {n} offline edit{'s' if n != 1 else ''} conflict{'' if n != 1 else 's'} with changes "
                        "made in the library since the copy was taken: the library's version is kept, and "
                        "each is listed after the merge.")
        self.summary = QLabel(summary)
        self.summary.setObjectName("bringBackSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge = self.buttons.addButton("Bring back", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge.setObjectName("bringBackButton")
        self.merge.setEnabled(not report.empty or bool(report.conflicts))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())


class BringBackReportDialog(QDialog):
    """After the merge: what was brought back, and each conflict with article, what, officer and time."""

    def __init__(self, parent: QWidget, copy: Path, report: BringBackReport) -> None:
        super().__init__(parent)
        self.setObjectName("bringBackReport")
        self.setWindowTitle("Brought back")
        layout = QVBoxLayout(self)
        done = QLabel(f"From <b>{copy.name}</b>: {report.added} added, {report.updated} changed, "
                      f"{report.deleted} deleted.")
        done.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(done)
        layout.addWidget(counts_table(self, report))
        n = len(report.conflicts)
        self.conflicts_label = QLabel(
            f"{n} conflict{'s' if n != 1 else ''}: changed in the library since the copy was taken, so the "
            "library's version was kept and yours was not brought back. Make those edits again if still needed."
            if n else "No conflicts.")
        self.conflicts_label.setWordWrap(True)
        layout.addWidget(self.conflicts_label)
        self.conflicts = QTableWidget(n, 5, self)
        self.conflicts.setObjectName("conflictsTable")
        self.conflicts.setHorizontalHeaderLabels(["Article", "What", "Officer", "Time (UTC)", "Outcome"])
        self.conflicts.verticalHeader().setVisible(False)
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.setWordWrap(False)
        self.conflicts.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole line is the tooltip
        self.conflicts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row, conflict in enumerate(report.conflicts):
            outcome = conflict.outcome.format(who="", when="")
            values = [conflict.article or "—", conflict.what, conflict.officer or "—",
                      f"{conflict.at:%Y-%m-%d %H:%M}" if conflict.at is not None else "—", outcome]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(str(conflict))
                self.conflicts.setItem(row, column, item)
        header = self.conflicts.horizontalHeader()
        for column, width in enumerate((190, 250, 80, 125)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.conflicts.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.conflicts.setVisible(bool(n))
        layout.addWidget(self.conflicts, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(980 if n else 520, 460 if n else self.sizeHint().height())


def counts_table(parent: QWidget, report: BringBackReport) -> QTableWidget:
    """Rows added, changed and deleted per kind (kinds with nothing are left out)."""
    kinds = [k for k in KIND_ORDER if any(report.counts.get(k, {}).values())]
    table = QTableWidget(len(kinds), 4, parent)
    table.setObjectName("countsTable")
    table.setHorizontalHeaderLabels(["", "Added", "Changed", "Deleted"])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for row, kind in enumerate(kinds):
        per = report.counts[kind]
        table.setItem(row, 0, QTableWidgetItem(kind.capitalize()))
        for column, action in enumerate(("added", "changed", "deleted"), start=1):
            item = QTableWidgetItem(str(per[action]) if per[action] else "–")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in (1, 2, 3):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(column, 80)
    table.setVisible(bool(kinds))
    table.setFixedHeight(header.height() + sum(table.rowHeight(r) for r in range(len(kinds))) + 4)
    return table


class DeskCopyFeature:
    """The two File menu actions and their dialogs, workers and messages."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.take_action = QAction("Take a &copy…", window)
        self.take_action.setObjectName("takeCopyAction")
        self.take_action.setStatusTip("Copy the library, some articles or a briefing into a file for working offline")
        self.take_action.triggered.connect(self.take_copy)
        self.bring_action = QAction("Brin&g back…", window)
        self.bring_action.setObjectName("bringBackAction")
        self.bring_action.setStatusTip("Merge the edits made offline in a copy into this library")
        self.bring_action.triggered.connect(self.bring_back)
        self.bring_action.setEnabled(not window.services.db.read_only)
        menu = window.menus["file"]
        before = window.export_action
        actions = menu.actions()
        index = actions.index(before) + 1 if before in actions else len(actions)
        anchor = actions[index] if index < len(actions) else None
        separator = QAction(window)
        separator.setSeparator(True)
        menu.insertActions(anchor, [separator, self.take_action, self.bring_action])  # type: ignore[arg-type]
        #: The dialog or progress shown now (tests reach them here).
        self.dialog: QDialog | None = None
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.last_report: BringBackReport | None = None

    # -- shared --------------------------------------------------------------------------------
    def _warn(self, title: str, text: str) -> None:
        """A one-line message, window-modal, not blocking (so tests and the event loop go on)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("deskCopyMessage")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self.message = box

    def _start_progress(self, label: str, key: str) -> QProgressDialog:
        progress = QProgressDialog(label, "Cancel", 0, 0, self.window)
        progress.setObjectName("deskCopyProgress")
        progress.setWindowTitle("Briefing Builder")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(lambda: self._cancelled(key))
        progress.show()
        self.progress = progress
        return progress

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))

    def _stop_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _cancelled(self, key: str) -> None:
        # The worker sees the cancel between rows and leaves nothing written; its outcome is dropped.
        self.window.tasks.cancel(key)
        self._stop_progress()
        what = "Copy" if key == TAKE_KEY else "Bring back"
        self.window.statusBar().showMessage(f"{what} cancelled; nothing was written.", 8000)

    # -- take a copy ---------------------------------------------------------------------------
    def take_copy(self) -> None:
        """File → Take a copy…"""
        if self.window.tasks.is_busy(TAKE_KEY) or self.window.tasks.is_busy(BRING_KEY):
            self.window.statusBar().showMessage("A copy or bring-back is already running.", 5000)
            return
        dialog = TakeCopyDialog(self.window, self.window.library.selected_article_ids())
        dialog.accepted.connect(lambda: self._copy_chosen(dialog))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.open()

    def _copy_chosen(self, dialog: TakeCopyDialog) -> None:
        from briefing_app.services.desk_copy import take_copy

        out = Path(dialog.target.text().strip()).expanduser()
        part, replace = dialog.chosen_slice(), dialog.replace or out.exists()
        if out.exists() and not dialog.replace:
            # Typed by hand over an existing file: ask, as the save dialog would have.
            answer = QMessageBox.question(self.window, "Take a copy", f"{out.name} already exists. Replace it?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        db = self.window.services.db

        def work(progress: Any, cancelled: Any) -> int:
            return take_copy(db, out, part, replace=replace, progress=progress, cancelled=cancelled)

        self._start_progress(f"Copying to {out.name}…", TAKE_KEY)
        self.window.tasks.start(TAKE_KEY, work, lambda rows: self._copied(out, rows), self._take_failed,
                                self._on_progress)

    def _copied(self, out: Path, rows: int) -> None:
        self._stop_progress()
        self.window.statusBar().showMessage(f"Copied {rows} rows into {out}; open it with --db while offline, "
                                            "then File → Bring back…", 15000)

    def _take_failed(self, exc: BaseException, tb: str) -> None:
        from briefing_app.services.desk_copy import CopyCancelled, CopyError

        self._stop_progress()
        if isinstance(exc, CopyCancelled):
            return
        if not isinstance(exc, CopyError):
            log.error("Take a copy failed:\n%s", tb)
        self._warn("Copy not taken", one_line(exc))

    # -- bring back ----------------------------------------------------------------------------
    def bring_back(self) -> None:
        """File → Bring back…: choose the copy, preview, confirm, merge, report."""
        if self.window.tasks.is_busy(TAKE_KEY) or self.window.tasks.is_busy(BRING_KEY):
            self.window.statusBar().showMessage("A copy or bring-back is already running.", 5000)
            return
        if self.window.services.db.read_only:
            self._warn("Bring back", "This library is read-only; nothing can be brought back into it.")
            return
        path, _ = QFileDialog.getOpenFileName(self.window, "Bring back a copy",
                                              self.window.dialog_folder("desk-copy"), COPY_FILTER)
        if not path:
            return
        copy = Path(path)
        self.window.remember_dialog_folder("desk-copy", copy.parent)
        from briefing_app.services.desk_copy import preview_bring_back

        db = self.window.services.db

        def work(progress: Any, cancelled: Any) -> BringBackReport:
            return preview_bring_back(db, copy, progress=progress, cancelled=cancelled)

        self._start_progress(f"Reading {copy.name}…", BRING_KEY)
        self.window.tasks.start(BRING_KEY, work, lambda report: self._previewed(copy, report),
                                self._bring_failed, self._on_progress)

    def _previewed(self, copy: Path, report: BringBackReport) -> None:
        self._stop_progress()
        dialog = BringBackPreviewDialog(self.window, copy, report, self.window.services.db.name)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._merge(copy))
        self.dialog = dialog
        dialog.open()

    def _merge(self, copy: Path) -> None:
        from briefing_app.services.desk_copy import bring_back

        db = self.window.services.db
        builder = getattr(self.window, "briefing_builder", None)
        if builder is not None and hasattr(builder, "flush_pending"):
            builder.flush_pending()  # the builder's typing, saved before the merge reads the library

        def work(progress: Any, cancelled: Any) -> BringBackReport:
            return bring_back(db, copy, progress=progress, cancelled=cancelled)

        self._start_progress(f"Bringing back {copy.name}…", BRING_KEY)
        self.window.tasks.start(BRING_KEY, work, lambda report: self._merged(copy, report), self._bring_failed,
                                self._on_progress)

    def _merged(self, copy: Path, report: BringBackReport) -> None:
        self._stop_progress()
        self.last_report = report
        if report.added or report.updated or report.deleted:
            # Undo steps recorded before the merge would write their old rows over what was brought back.
            self.window.undo_stack.clear()
            self.refresh_window()
        self.window.statusBar().showMessage(
            f"Brought back {copy.name}: {report.added} added, {report.updated} changed, {report.deleted} deleted, "
            f"{count(len(report.conflicts), 'conflict')}.", 15000)
        dialog = BringBackReportDialog(self.window, copy, report)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.open()

    def _bring_failed(self, exc: BaseException, tb: str) -> None:
        from briefing_app.services.desk_copy import CopyCancelled, CopyError

        self._stop_progress()
        if isinstance(exc, CopyCancelled):
            return
        if not isinstance(exc, CopyError):
            log.error("Bring back failed:\n%s", tb)
        self._warn("Nothing brought back", f"{one_line(exc)} The library was left as it was."
                   if not isinstance(exc, CopyError) else one_line(exc))

    def refresh_window(self) -> None:
        """Read the library, the open article, its panels and the builder again."""
        window = self.window
        current = window.current_article_id
        if current is not None and window.services.articles.get(current) is None:
            window.current_article_id = None
            current = None
        window.refresh_library()
        if current is not None:
            window.show_article(current)
        else:
            window.render_annotations()
            review = getattr(window, "review", None)
            if review is not None and hasattr(review, "refresh"):
                review.refresh(new_article=True)
        builder = getattr(window, "briefing_builder", None)
        if builder is not None and hasattr(builder, "briefings_changed"):
            builder.briefings_changed(None)


def install_desk_copy(window: MainWindow) -> DeskCopyFeature:
    """Add File → Take a copy… and Bring back… to the window."""
    return DeskCopyFeature(window)
