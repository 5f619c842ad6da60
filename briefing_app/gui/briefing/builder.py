"""The briefing builder: choose a briefing, edit its header and sections, preview it live, export it.

Every edit goes through :class:`BriefingService` and is pushed on the
window's undo stack (see :mod:`.commands`); the view is then rebuilt from the
database, so what is shown is what is stored.
"""

from __future__ import annotations

import contextlib
import logging
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDockWidget,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.wording import count
from briefing_app.export import render_preview_html
from briefing_app.export.formatting import format_date
from briefing_app.export.model import BriefingDocument
from briefing_app.gui.storage_guard import (
    ArticleRows,
    RefusedWrite,
    busy_read,
    calm_for_article,
    calm_when_busy,
    refused_settings_write,
    refused_write,
    status_bar_of,
)
from briefing_app.services import actors as actor_table
from briefing_app.services.briefings import DEFAULT_PAGE_BUDGET, MAX_PAGE_BUDGET, BriefingService
from briefing_app.services.changes import ChangeSet, RowSnapshot
from briefing_app.settings import save_settings
from briefing_app.storage.errors import StaleEdit, describe_storage_error

from . import ordering
from .actors_panel import ActorsPanel
from .commands import COMMENT_COMMAND_ID, FIELD_COMMAND_ID, edit_command, existence_command
from .drafted_panel import CommitmentsPanel, DraftedPanel, Sources
from .export_dialog import ExportDialog
from .header_form import HEADER_LABELS, BriefingForm, _PlainEdit
from .passages import PassagePicker
from .quote_dialog import QuoteEditDialog
from .sections import ITEM_ROLE, ItemRow, PassageSpec, SectionTree

if TYPE_CHECKING:
    # python-docx (and lxml's C module, whose start holds the GIL ~30 ms) load at the first export or
    # page estimate, in its worker: imported with this module, they stalled the window's launch.
    from briefing_app.export import ExportReport
    from briefing_app.gui.main_window import MainWindow

log = logging.getLogger(__name__)
_T = TypeVar("_T")

BRIEFING_ROLE = Qt.ItemDataRole.UserRole + 31
PREVIEW_DELAY_MS = 120
PREVIEW_POINT_SIZE = 9
DOCK_WIDTH = 800
COMMENT_PAUSE_MS = 700


class BriefingBuilder(QWidget):
    """Builder view of the briefings stored in the window's database."""

    currentBriefingChanged = Signal(int)  # briefing id, 0 when none
    previewUpdated = Signal()
    estimateUpdated = Signal()  # estimated_pages was measured again
    exported = Signal(str)  # path written
    exportFailed = Signal(str)  # one-line message shown to the officer
    draftedReady = Signal(int)  # key points, commitments, new since and timeline drafted for this briefing

    def __init__(self, window: MainWindow, parent: QWidget | None = None, load: bool = True) -> None:
        """``load=False``: the widgets only, the briefings read by a later ``briefings_changed(None)`` (the
        launch builds and reads in two event-loop turns, each short)."""
        super().__init__(parent)
        self.setObjectName("briefingBuilder")
        self.window_ = window
        self.services = window.services
        self.settings = window.settings
        self.undo_stack = window.undo_stack
        self.current_id: int | None = None
        self.preview_html = ""
        self.estimated_pages: float | None = None  # of the current briefing, from the export's layout
        self.last_report: ExportReport | None = None
        self._comment_item: int | None = None
        self._pillars = [(p.id, p.name, p.colour) for p in self.services.pillars.all()]
        self._intel: object | None = None  # IntelligenceService, made once the analyser is loaded
        self.drafting = False  # key points etc. being drafted in the background
        self._draft_mark: tuple[int, int] | None = None  # (briefing, undo index) right after an auto-draft
        #: The articles whose passages the Add passages list shows (a read held busy for others clears it).
        self.article_rows = ArticleRows(window, "pillar passages", lambda: tuple(window.selected_article_ids()),
                                        lambda: window.tasks.closed, self._passages_not_shown,
                                        lambda: self.refresh_passages())

        self._build()
        if load:
            self.briefings_changed(select=None)

    @property
    def briefings(self) -> BriefingService:
        """The briefing service of the open database."""
        return self.services.briefings

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("briefingChooser")
        self.chooser.setMinimumContentsLength(12)
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.currentIndexChanged.connect(self._chooser_changed)
        self.new_button = QToolButton(self)
        self.new_button.setText("New")
        self.new_button.setToolTip("Start an empty briefing")
        self.new_button.clicked.connect(self.new_briefing)
        self.delete_button = QToolButton(self)
        self.delete_button.setText("Delete")
        self.delete_button.setToolTip("Delete this briefing (undoable)")
        self.delete_button.clicked.connect(self.delete_briefing)
        self.draft_button = QPushButton("Auto-draft from selected articles", self)
        self.draft_button.setObjectName("autoDraft")
        self.draft_button.setToolTip("Fill this briefing (or a new one) to its length with the strongest passages "
                                     "of the articles selected in the library, each article represented")
        self.draft_button.clicked.connect(lambda: self.auto_draft())
        self.export_button = QPushButton("Export…", self)
        self.export_button.setObjectName("exportBriefing")
        self.export_button.setStyleSheet("font-weight: bold;")
        self.export_button.clicked.connect(self.export_dialog)

        top = QHBoxLayout()
        top.addWidget(QLabel("Briefing:", self))
        top.addWidget(self.chooser, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        actions = QHBoxLayout()
        actions.addWidget(self.draft_button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)

        # Length budget: the target set with the briefing, the estimate from the export's own layout.
        self.budget_spin = QDoubleSpinBox(self)
        self.budget_spin.setObjectName("pageBudget")
        self.budget_spin.setRange(0, MAX_PAGE_BUDGET)
        self.budget_spin.setSingleStep(0.5)
        self.budget_spin.setDecimals(1)
        self.budget_spin.setSuffix(" pages")
        self.budget_spin.setSpecialValueText("no limit")
        self.budget_spin.setValue(DEFAULT_PAGE_BUDGET)
        self.budget_spin.setToolTip("Target length of the exported note; Auto-draft fills to it")
        self.budget_spin.editingFinished.connect(
            lambda: self.set_field("page_budget", f"{self.budget_spin.value():g}"))
        self.estimate_label = QLabel("", self)
        self.estimate_label.setObjectName("pageEstimate")
        # wraps rather than widening the pane: the over-budget warning is long, and an unwrapped label pushed
        # the splitter and squeezed the live preview each time a note went over (or back under) its budget
        self.estimate_label.setWordWrap(True)
        self.newest_first = QCheckBox("Newest first", self)
        self.newest_first.setObjectName("newestFirst")
        self.newest_first.setToolTip("Order the passages of each section by their source's date, newest first")
        self.newest_first.toggled.connect(lambda on: self.set_field("newest_first", "true" if on else "false"))
        length = QHBoxLayout()
        length.addWidget(QLabel("Length:", self))
        length.addWidget(self.budget_spin)
        length.addWidget(self.estimate_label, 1)
        length.addWidget(self.newest_first)

        # Sections page: the tree, move/remove buttons, and the selected item's comment.
        self.tree = SectionTree(self)
        self.tree.itemsMoved.connect(self.move_items)
        self.tree.passagesDropped.connect(lambda specs, pid, idx: self.add_passages(specs, pid, idx))
        self.tree.textDropped.connect(self._text_dropped)
        self.tree.removeRequested.connect(self.remove_items)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.up_action = QAction("Move up", self)
        self.up_action.setShortcut(QKeySequence("Alt+Up"))
        self.up_action.triggered.connect(lambda: self.move_selected(-1))
        self.down_action = QAction("Move down", self)
        self.down_action.setShortcut(QKeySequence("Alt+Down"))
        self.down_action.triggered.connect(lambda: self.move_selected(1))
        self.remove_action = QAction("Remove", self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.triggered.connect(lambda: self.remove_items(self.tree.selected_item_ids()))
        for action in (self.up_action, self.down_action, self.remove_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tree.addAction(action)
        buttons = QHBoxLayout()
        for action in (self.up_action, self.down_action, self.remove_action):
            button = QPushButton(action.text(), self)
            button.setToolTip(f"{action.text()} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        self.edit_quote_button = QPushButton("Edit quote…", self)
        self.edit_quote_button.setObjectName("editQuote")
        self.edit_quote_button.setToolTip("Trim the quote, cut its middle with […], or paraphrase it (double-click)")
        self.edit_quote_button.clicked.connect(lambda: self.edit_quote())
        buttons.addWidget(self.edit_quote_button)
        buttons.addStretch(1)
        self.tree.itemDoubleClicked.connect(lambda leaf, _c: self.edit_quote(
            int(leaf.data(0, ITEM_ROLE))) if leaf.data(0, ITEM_ROLE) is not None else None)
        self.item_label = QLabel("Select a passage to comment on it.", self)
        self.item_label.setWordWrap(True)
        self.item_label.setObjectName("itemDetail")
        self.item_label.setStyleSheet("color: #3a3f4a;")
        self.comment_edit = _PlainEdit(self)
        self.comment_edit.setObjectName("itemComment")
        self.comment_edit.setPlaceholderText("Officer comment on this passage (printed under it)")
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setMaximumHeight(70)
        self.comment_edit.setEnabled(False)
        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(COMMENT_PAUSE_MS)
        self._comment_timer.timeout.connect(self.flush_comment)
        self.comment_edit.textChanged.connect(self._comment_typed)
        self.comment_edit.focusLost.connect(self.flush_comment)
        sections_page = QWidget(self)
        sections_layout = QVBoxLayout(sections_page)
        sections_layout.setContentsMargins(4, 4, 4, 4)
        sections_layout.addWidget(self.tree, 1)
        sections_layout.addLayout(buttons)
        sections_layout.addWidget(self.item_label)
        sections_layout.addWidget(self.comment_edit)

        self.form = BriefingForm(self)
        self.form.committed.connect(self.set_field)
        self.picker = PassagePicker(self)
        self.picker.set_pillars(self._pillars)
        self.picker.addRequested.connect(lambda specs: self.add_passages(specs))

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("briefingTabs")
        self.tabs.addTab(sections_page, "Sections")
        # Lines auto-draft writes from the articles (issue 16): reviewed here before they are exported.
        self.drafted_panel = DraftedPanel(self)
        self.commitments_panel = CommitmentsPanel(self)
        for panel in (self.drafted_panel, self.commitments_panel):
            panel.openRequested.connect(self.open_passage)
            panel.statusRequested.connect(self.set_drafted_status)
            panel.editRequested.connect(lambda group, key, name, value: self.edit_drafted(group, key, **{name: value}))
        self.drafted_panel.timelineToggled.connect(self.show_timeline)
        self.drafted_panel.compareRequested.connect(self.compare_before)
        self.tabs.addTab(self.drafted_panel, "Drafted")
        self.tabs.addTab(self.commitments_panel, "Commitments")
        self.tabs.addTab(self.form.header_page, "Header")
        self.tabs.addTab(self.form.text_page, "Summary")
        self.tabs.addTab(self.picker, "Add passages")
        self.actors_panel = ActorsPanel(self)
        self.actors_panel.roleEdited.connect(lambda key, role: self.edit_actor(key, role=role))
        self.actors_panel.removeRequested.connect(self.remove_actors)
        self.actors_panel.restoreRequested.connect(self.restore_actors)
        self.tabs.addTab(self.actors_panel, "Key actors")
        self.tabs.currentChanged.connect(lambda _i: self.refresh_passages())

        self.preview = QTextBrowser(self)
        self.preview.setObjectName("briefingPreview")
        self.preview.setOpenLinks(False)  # offline app: links are shown, never followed
        self.preview.document().setDocumentMargin(14)
        self.preview.setMinimumWidth(300)
        small = QFont(self.preview.font())
        small.setPointSizeF(PREVIEW_POINT_SIZE - 1)  # headings scale from the widget's font
        self.preview.setFont(small)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>Live preview</b> — as the exported note will read", preview_box)
        title.setStyleSheet("color: #1f2a44; padding: 2px 4px;")
        preview_layout.addWidget(title)
        preview_layout.addWidget(self.preview, 1)

        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(top)
        editor_layout.addLayout(actions)
        editor_layout.addLayout(length)
        editor_layout.addWidget(self.tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("briefingSplitter")  # remembered across runs (gui/window_state)
        self.splitter.addWidget(editor)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self._split_done = False
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._split_done:
            self._split_done = True
            QTimer.singleShot(0, self._first_layout)

    def _first_layout(self) -> None:
        # Once the window is laid out: a dock wide enough for editor and preview side by side,
        # the preview getting a little more than half (it needs the width most).
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget) and not dock.isFloating():
            self.window_.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        width = self.splitter.width()
        if width > 0 and not self.splitter.property("restored"):
            self.splitter.setSizes([int(width * 0.45), width - int(width * 0.45)])

    # -- which briefing ------------------------------------------------------------------------
    def briefings_changed(self, select: int | None) -> None:
        """Reload the chooser; show ``select`` (default: the current one, else the most recent)."""
        self.flush_pending()
        wanted = select if select is not None else self.current_id
        rows = self.briefings.all()
        if wanted not in {b.id for b in rows}:
            wanted = rows[0].id if rows else None
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for b in rows:
            self.chooser.addItem(f"{b.title or 'Briefing note'} · #{b.id}", b.id)
            self.chooser.setItemData(self.chooser.count() - 1, f"{b.title} ({b.date})", Qt.ItemDataRole.ToolTipRole)
            if b.id == wanted:
                self.chooser.setCurrentIndex(self.chooser.count() - 1)
        self.chooser.blockSignals(False)
        self._show(wanted)

    def _chooser_changed(self, _index: int) -> None:
        data = self.chooser.currentData()
        with busy_read(status_bar_of(self)) as refused:
            self.flush_pending()
        if refused:
            # The typing was not stored (its passage not read: a busy database, said in the status bar):
            # the builder stays on its briefing, so the chooser goes back too (Delete and edits go there).
            self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(self.chooser.findData(self.current_id) if self.current_id is not None else -1)
            self.chooser.blockSignals(False)
            return
        self._show(int(data) if data is not None else None)

    def select_briefing(self, briefing_id: int) -> None:
        """Show the briefing ``briefing_id`` in the builder."""
        index = self.chooser.findData(briefing_id)
        if index < 0:
            self.briefings_changed(select=briefing_id)
        else:
            self.chooser.setCurrentIndex(index)

    def _show(self, briefing_id: int | None) -> None:
        previous, comment_item = self.current_id, self._comment_item
        changed = briefing_id != previous
        self.current_id = briefing_id
        dropped: set[str] = set()
        if changed:
            dropped = self.form.discard_pending()
            self._comment_item = None
        self._enable(briefing_id is not None)
        with busy_read(status_bar_of(self)) as refused:
            self._fill()
        back = self.chooser.findData(previous) if previous is not None else -1
        if refused and changed and back >= 0:
            # Not read (a busy database, said in the status bar): the builder still shows the briefing
            # it showed, so its edits must keep going there; the chooser goes back to it too.
            self.current_id = previous
            # Its form, passage and comment box are still on screen: typing a refused commit kept is
            # pending again, and the comment box still belongs to its passage (else typed there, lost).
            self.form.restore_pending(dropped)
            self._comment_item = comment_item
            self._enable(True)
            self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(back)
            self.chooser.blockSignals(False)
            return
        if refused and changed:
            # Nothing to go back to (the one shown was deleted, or none was): the form must not keep the
            # fields of another briefing while editing this one. None is shown (read without the
            # database); picking one in the chooser reads again.
            self.current_id = None
            self._comment_item = None
            self._enable(False)
            self._fill()
            self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(-1)
            self.chooser.blockSignals(False)
            briefing_id = None
        if changed:
            self.currentBriefingChanged.emit(briefing_id or 0)

    def _enable(self, enabled: bool) -> None:
        """The actions on a briefing: off while none is shown."""
        for widget in (self.delete_button, self.export_button, self.tree, self.comment_edit):
            widget.setEnabled(enabled)

    def briefing_edited(self, briefing_id: int) -> None:
        """Called by undo commands after they changed ``briefing_id`` in the database."""
        if briefing_id != self.current_id:
            self.select_briefing(briefing_id)
        else:
            self.refresh()
        title = self.briefings.get(briefing_id)
        index = self.chooser.findData(briefing_id)
        if title is not None and index >= 0:
            self.chooser.setItemText(index, f"{title.title or 'Briefing note'} · #{briefing_id}")

    @calm_when_busy
    def refresh(self) -> None:
        """Rebuild the form and the sections from the database, then the preview (a busy database:
        said in the status bar, the builder keeps what it showed)."""
        self._fill()

    def _fill(self) -> None:
        """:meth:`refresh`'s work; reads everything before it changes the form."""
        briefing = self.briefings.get(self.current_id) if self.current_id is not None else None
        if briefing is None:
            self.form.load(None, self.settings.classifications, [], [])
            self.tree.populate([(p, n) for p, n, _c in self._pillars], {})
            self.tree.setEnabled(False)
            self._selection_changed()
            self._show_drafted({}, {}, {})
            self.schedule_preview()
            return
        # Everything is read before the form changes: a busy database leaves the briefing shown whole.
        numbers = self.briefings.source_numbers(briefing.id or 0)
        articles = {i: self.services.articles.get(i) for i in numbers}
        items = self.briefings.ordered_items(self.briefings.items(briefing.id or 0),
                                             articles, briefing.newest_first)  # type: ignore[arg-type]
        self.form.load(briefing, self.settings.classifications, list(briefing.summary),
                       list(briefing.next_steps))
        self.budget_spin.blockSignals(True)
        self.budget_spin.setValue(briefing.page_budget)
        self.budget_spin.blockSignals(False)
        self.newest_first.blockSignals(True)
        self.newest_first.setChecked(briefing.newest_first)
        self.newest_first.blockSignals(False)
        outlets: dict[int, str] = {}
        for article_id, article in articles.items():
            if article is None:
                outlets[article_id] = ""
                continue
            # Each item shows its source's date (issue 15): "[1] The Hindu · 20 February 2020".
            dated = format_date(article.published) or "undated"
            outlets[article_id] = f"{article.outlet or article.title} · {dated}"
        rows: dict[str, list[ItemRow]] = {}
        for item in items:
            source = f"[{numbers.get(item.article_id, '?')}] {outlets.get(item.article_id, '')}".strip()
            shown = item.paraphrase or item.quote or item.text
            edited = bool(item.paraphrase or item.quote)
            rows.setdefault(item.pillar_id, []).append(ItemRow(
                item.id or 0, shown, source, item.comment, original=item.text if edited else "",
                paraphrase=bool(item.paraphrase)))
        selected = set(self.tree.selected_item_ids())
        if self._comment_item is not None:
            selected.add(self._comment_item)
        self.tree.setEnabled(True)
        self.tree.populate([(p, n) for p, n, _c in self._pillars], rows, selected)
        self._selection_changed()
        self._show_drafted(dict(briefing.drafted or {}), numbers, articles)
        self.refresh_passages()
        self.schedule_preview()

    # -- preview -------------------------------------------------------------------------------
    def schedule_preview(self) -> None:
        """Re-render the preview shortly (coalesces bursts of edits)."""
        self._preview_timer.start()

    def update_preview(self) -> None:
        """Render the current briefing into the preview pane now."""
        self._preview_timer.stop()
        if self.current_id is None or self.briefings.get(self.current_id) is None:
            html = ("<p style='color:#5b6270'>No briefing yet. Click <b>New</b>, or select articles in the "
                    "library and click <b>Auto-draft from selected articles</b>.</p>")
            self.actors_panel.show_actors([])
            self._show_estimate(None)
        else:
            document = self.briefings.document(self.current_id)
            html = render_preview_html(document)
            self.actors_panel.show_actors(document.actors)
            self._estimate(document)
        if html != self.preview_html:
            scroll = self.preview.verticalScrollBar().value()
            self.preview_html = html
            # Shown a little smaller than the page, so that the pane beside the editor still
            # shows the note's layout (the exported text itself is 11 pt).
            self.preview.setHtml(html.replace("font-size: 11pt;", f"font-size: {PREVIEW_POINT_SIZE}pt;", 1))
            self.preview.verticalScrollBar().setValue(scroll)
        self.previewUpdated.emit()

    def _estimate(self, document: BriefingDocument) -> None:
        """Measure the note's length in the background (the layout of the export, with the officer's template)."""
        from briefing_app.export.pagination import estimate_note_pages

        template = self.settings.template or None
        briefing_id = self.current_id

        def work(_progress: object, _cancelled: object) -> tuple[int | None, float]:
            return briefing_id, estimate_note_pages(document, template)

        def done(result: tuple[int | None, float]) -> None:
            if result[0] == self.current_id:
                self._show_estimate(result[1], document.page_budget)

        self.window_.tasks.start("briefing-estimate", work, done)

    def _show_estimate(self, pages: float | None, budget: float = 0.0) -> None:
        self.estimated_pages = pages
        if pages is None:
            self.estimate_label.setText("")
            return
        text = f"estimated {pages:.1f} page{'s' if round(pages, 1) != 1 else ''}"
        if budget and pages > budget:
            self.estimate_label.setText(f"⚠ {text}: over the {budget:g}-page budget; trim or remove passages")
            self.estimate_label.setStyleSheet("color: #a4262c; font-weight: bold;")
        else:
            self.estimate_label.setText(text + (f" of {budget:g}" if budget else ""))
            self.estimate_label.setStyleSheet("color: #3a3f4a;")
        self.estimateUpdated.emit()

    # -- header fields -------------------------------------------------------------------------
    def set_field(self, name: str, value: object) -> None:
        """Store one header/text field of the current briefing (undoable).

        Refused by the database (another officer's change, busy, full, read-only): the status bar
        says why, the other fields show what is stored, and a typed field keeps the officer's text
        (still to be saved: the next commit of the form stores it)."""
        if self.current_id is None:
            return
        with refused_write(self._status, lambda: self._field_refused(name)):
            self._set_field(self.current_id, name, value)

    def _field_refused(self, name: str) -> None:
        self.form.keep_typed(name)
        self.refresh()

    def _set_field(self, briefing_id: int, name: str, value: object) -> None:
        briefing = self.briefings.get(briefing_id)
        if briefing is None:
            return
        old: str | list[str] | dict[str, dict]
        if name in ("summary", "next_steps"):
            old = list(getattr(briefing, name))
        elif name == "page_budget":
            old = f"{briefing.page_budget:g}"
        elif name == "newest_first":
            old = "true" if briefing.newest_first else "false"
        elif name == "actor_edits":
            old = actor_table.load_edits(briefing.actor_edits)
        else:
            old = str(getattr(briefing, name) or "")
        new: str | list[str] | dict[str, dict] = (
            list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else str(value))
        if name == "title" and not str(new).strip():
            new = "Briefing note"
        if old == new:
            return
        changes = self.briefings.update_change(briefing_id, **{name: new})
        changes.description = f"Edit briefing {HEADER_LABELS.get(name, name)}"
        self.undo_stack.push(edit_command(self, briefing_id, changes, merge=(FIELD_COMMAND_ID, (briefing_id, name))))

    def flush_pending(self) -> None:
        """Commit typing not yet saved (form fields and the item comment)."""
        self.form.flush()
        self.flush_comment()

    def _refusals(self) -> RefusedWrite:
        """``with self._refusals() as refused:`` around an edit: a write the database refuses
        (another officer's change, busy, full, read-only) shows the briefing as stored and says why."""
        return refused_write(self._status, self.refresh)

    # -- briefings -----------------------------------------------------------------------------
    def new_briefing(self) -> int | None:
        """Create an empty briefing (undoable) and show it; None when the database refused it."""
        self.flush_pending()
        created = self._create_briefing()
        if created is None:
            return None
        self.undo_stack.push(existence_command(self, *created))
        return created[0]

    def _create_briefing(self) -> tuple[int, ChangeSet] | None:
        """Store an empty briefing: its id and change set, or None (said) when the database refused it."""
        with self._refusals() as refused:
            briefing = self.briefings.create(
                from_=self.settings.author, classification=self.settings.default_classification,
            )
            assert briefing.id is not None
            changes = self.briefings.created_change(briefing.id, "New briefing")
        if refused or briefing.id is None:
            return None
        return briefing.id, changes

    def delete_briefing(self) -> None:
        """Delete the current briefing after confirmation (undoable)."""
        if self.current_id is None:
            return
        briefing = self.briefings.get(self.current_id)
        if briefing is None:
            return
        answer = QMessageBox.question(
            self, "Delete briefing",
            f"Delete the briefing “{briefing.title}” and its {len(self.briefings.items(self.current_id))} "
            "passages? You can undo this with Edit → Undo.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.flush_pending()
        briefing_id = self.current_id
        with self._refusals() as refused:
            changes = self.briefings.delete_change(briefing_id)
        if not refused:
            self.undo_stack.push(existence_command(self, briefing_id, changes))

    def auto_draft(self, article_ids: list[int] | None = None, replace: bool | None = None) -> int | None:
        """Fill the current briefing from the selected articles, up to its length budget (undoable).

        A briefing that already holds passages is replaced only after asking (``replace`` answers for
        tests and scripts); with no briefing yet, a new one is made. Returns the briefing's id.
        """
        ids = article_ids if article_ids is not None else self.window_.selected_article_ids()
        if not ids:
            QMessageBox.information(self, "Auto-draft", "Select one or more articles in the library first.")
            return None
        self.flush_pending()
        articles = [a for a in (self.services.articles.get(i) for i in ids) if a is not None]
        if not articles:
            QMessageBox.warning(self, "Auto-draft", "Choose at least one article for the briefing.")
            return None
        current = self.briefings.get(self.current_id) if self.current_id is not None else None
        if current is None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # filling to the budget takes a moment
            try:
                with self._refusals() as refused:
                    try:
                        briefing = self.briefings.create_draft(
                            ids, from_=self.settings.author, classification=self.settings.default_classification,
                        )
                    finally:
                        QApplication.restoreOverrideCursor()
                    assert briefing.id is not None
                    created = self.briefings.created_change(briefing.id, "Auto-draft briefing")
            except ValueError as exc:
                QMessageBox.warning(self, "Auto-draft", str(exc))
                return None
            if refused or briefing.id is None:
                return None
            self.undo_stack.push(existence_command(self, briefing.id, created))
        else:
            briefing = current
            assert briefing.id is not None
            existing = len(self.briefings.items(briefing.id))
            if existing and replace is None:
                answer = QMessageBox.question(
                    self, "Auto-draft",
                    f"Replace the {existing} passage{'s' if existing != 1 else ''} of “{briefing.title}” with a "
                    f"new draft from {len(articles)} article{'s' if len(articles) != 1 else ''}? "
                    "You can undo this with Edit → Undo.",
                )
                replace = answer == QMessageBox.StandardButton.Yes
            if existing and not replace:
                return None
            from briefing_app.services.briefings import DraftOptions

            options = DraftOptions(template=self.settings.template or None)
            # Filling to the budget measures a few trial notes (about a second): show that work is going on.
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                with self._refusals() as refused:
                    self._edit_items("Auto-draft briefing",
                                     lambda: self.briefings.fill_draft(briefing.id or 0, ids, options))
            finally:
                QApplication.restoreOverrideCursor()
            if refused:
                return None
        count = len(self.briefings.items(briefing.id))
        represented = len({i.article_id for i in self.briefings.items(briefing.id)})
        self._status(f"Drafted “{briefing.title}” with {count} passages from {represented} of {len(articles)} "
                     f"article{'s' if len(articles) != 1 else ''}; edit it, then Export…")
        if count == 0:
            QMessageBox.information(self, "Auto-draft", "The selected articles have no pillar passages yet "
                                    "(are they analysed?). The briefing is empty.")
        # The drafted lines take room too: when they arrive the passages are refitted to the budget, unless
        # the officer has edited anything meanwhile (then the estimate warns instead).
        self._draft_mark = (briefing.id, self.undo_stack.index())
        self.draft_lines(briefing.id, [a.id for a in articles if a.id is not None])
        return briefing.id

    # -- drafted lines: key points, commitments, new since, timeline (issue 16) ------------------
    def _intelligence(self):  # noqa: ANN202 (IntelligenceService, imported lazily: spaCy is heavy)
        from briefing_app.services.intelligence import IntelligenceService

        analyzer = self.window_.analyzer
        if analyzer is None:
            return None
        if self._intel is None or getattr(self._intel, "source", None) is not analyzer:
            intel = IntelligenceService(self.services.db, analyzer)
            intel.source = analyzer  # to notice a reloaded analyser
            self._intel = intel
        return self._intel

    def draft_lines(self, briefing_id: int, article_ids: list[int], compare_before: str = "") -> bool:
        """Draft key points, commitments, "new since" and the timeline in the background.

        The result is merged into the briefing (the officer's accepted, edited and dropped lines kept) as
        one undoable step; ``draftedReady`` follows. False when the analyser is not loaded yet.
        """
        intel = self._intelligence()
        if intel is None or not article_ids:
            self._status("Key points and commitments are drafted once the language model has loaded; "
                         "run Auto-draft again in a moment.")
            return False
        from briefing_app.services.drafted import generate

        names = {p: n for p, n, _c in self._pillars}
        self.drafting = True
        self.drafted_panel.caption.setText("Drafting key points, commitments, what is new and a timeline…")

        def work(_progress: object, cancelled) -> dict:  # noqa: ANN001 (TaskFn)
            return generate(intel, article_ids, compare_before, topic_names=names, cancelled=cancelled)

        self.window_.tasks.start("briefing-drafted", work,
                                 lambda fresh: self._drafted_ready(briefing_id, fresh),
                                 self._drafted_failed)
        self._status("Drafting key points, commitments, what is new and a timeline…")
        return True

    def _drafted_ready(self, briefing_id: int, fresh: dict) -> None:
        self.drafting = False
        self.drafted_panel.caption.setText(_DRAFTED_CAPTION)
        if self.briefings.get(briefing_id) is None:
            return  # deleted meanwhile
        self.flush_pending()
        untouched = self._draft_mark == (briefing_id, self.undo_stack.index())
        self._draft_mark = None
        with self._refusals() as refused:
            merged = self.briefings.merge_drafted(briefing_id, fresh)
        if refused:  # the drafted lines are not kept: Auto-draft again when the database is free
            return
        self.undo_stack.beginMacro("Auto-draft key points, commitments, timeline")
        try:
            self.undo_stack.push(edit_command(self, briefing_id, merged))
            if untouched:
                with self._refusals():  # the lines are in; the passages keep their length
                    self._fit_budget(briefing_id, fresh.get("article_ids", []))
        finally:
            self.undo_stack.endMacro()
        drafted = self.briefings.drafted(briefing_id)
        counts = {g: sum(r.get("status") != "dropped" for r in drafted.get(g, []))
                  for g in ("key_points", "commitments", "new_since", "timeline")}
        self._status(f"Drafted {counts['key_points']} key points, {counts['commitments']} commitments, "
                     f"{counts['new_since']} lines new since earlier articles and {counts['timeline']} dated "
                     "events; check them on the Drafted and Commitments tabs.", 12000)
        self.draftedReady.emit(briefing_id)

    def _fit_budget(self, briefing_id: int, article_ids: list[int]) -> None:
        """The drafted lines take room: refill the passages of a fresh auto-draft to the length budget."""
        briefing = self.briefings.get(briefing_id)
        if briefing is None or not briefing.page_budget or briefing_id != self.current_id or not article_ids:
            return
        template = self.settings.template or None
        if self.briefings.estimate_pages(briefing_id, template) <= briefing.page_budget:
            return
        from briefing_app.services.briefings import DraftOptions

        self._edit_items("Fit the draft to its length", lambda: self.briefings.fill_draft(
            briefing_id, article_ids, DraftOptions(template=template)))

    def _drafted_failed(self, exc: BaseException, tb: str) -> None:
        self.drafting = False
        self.drafted_panel.caption.setText(_DRAFTED_CAPTION)
        log.error("drafting key points failed:\n%s", tb)
        problem = describe_storage_error(exc)
        self._status(f"Could not draft key points and commitments: {problem or exc}", 12000)

    def _show_drafted(self, drafted: dict, numbers: dict[int, int], articles: dict) -> None:  # noqa: ANN001
        labels = {}
        dates = {}
        for article_id, article in articles.items():
            if article is not None:
                labels[article_id] = article.outlet or article.title
                dates[article_id] = format_date(article.published) or "undated"
        sources = Sources(numbers, labels)
        earlier = [articles.get(a) for a in drafted.get("earlier_ids", [])]
        earlier_names = [f"[{numbers.get(a.id, '?')}] {a.outlet or a.title}, {format_date(a.published)}"
                         for a in earlier if a is not None]
        if earlier_names:
            compared = (f"Compared with {len(earlier_names)} earlier article{'s' if len(earlier_names) != 1 else ''}"
                        f": {'; '.join(earlier_names)}.")
        elif drafted.get("article_ids"):
            compared = "No earlier article in the library shares the selection's two leading parties."
        else:
            compared = ""
        self.drafted_panel.show_drafted(drafted, sources, compared)
        self.commitments_panel.show_commitments(list(drafted.get("commitments", [])), sources, dates)

    def open_passage(self, article_id: int, start: int, end: int) -> None:
        """Open the article at the passage a drafted line comes from, in the review view."""
        window = self.window_
        if self.services.articles.get(article_id) is None:
            self._status("That article is no longer in the library.")
            return
        window.show_article(article_id)
        if window.current_article_id != article_id:
            return  # not read (a busy database, said in the status bar): no span of the article shown
        window.workspace.setCurrentWidget(window.view)
        window.view.scroll_to(start, end)
        window.view.select_span(start, end)
        window.view.editor.setFocus()

    def _edit_drafted_lines(self, change: Callable[[int], object]) -> None:
        if self.current_id is None or self.briefings.get(self.current_id) is None:
            return
        try:
            with self._refusals() as refused:
                changes = change(self.current_id)
            if refused:
                return
        except (KeyError, ValueError) as exc:
            self._status(str(exc) if isinstance(exc, ValueError) else "That line is no longer in the briefing.")
            self.refresh()
            return
        rows = changes.rows  # type: ignore[attr-defined]
        if rows and rows[0][0] != rows[0][1]:
            self.undo_stack.push(edit_command(self, self.current_id, changes))  # type: ignore[arg-type]
        else:
            self.refresh()

    def set_drafted_status(self, group: str, keys: list[str], status: str) -> None:
        """Accept, drop or restore drafted lines (one undo step)."""
        if not keys:
            return
        # One step of the lines stored (none when the database refused them all: no empty step).
        with self.undo_stack.step({"dropped": "Drop drafted lines", "accepted": "Accept drafted lines"}
                                  .get(status, "Restore drafted lines")):
            for key in keys:
                self._edit_drafted_lines(self._status_change(group, key, status))

    def _status_change(self, group: str, key: str, status: str) -> Callable[[int], object]:
        return lambda bid: self.briefings.edit_drafted(bid, group, key, status=status)

    def edit_drafted(self, group: str, key: str, **change: str) -> None:
        """Change the words of a drafted line (undoable); a new auto-draft keeps them."""
        self._edit_drafted_lines(lambda bid: self.briefings.edit_drafted(bid, group, key, **change))

    def show_timeline(self, on: bool) -> None:
        """Print the timeline in the note, or not (undoable)."""
        self._edit_drafted_lines(lambda bid: self.briefings.show_timeline(bid, on))

    def compare_before(self, iso_date: str) -> None:
        """Draft "new since" again against the library's articles published before ``iso_date``."""
        if self.current_id is None:
            return
        drafted = self.briefings.drafted(self.current_id)
        ids = list(drafted.get("article_ids", [])) or self.window_.selected_article_ids()
        self.draft_lines(self.current_id, ids, iso_date)

    # -- quotes and key actors -------------------------------------------------------------------
    def edit_quote(self, item_id: int | None = None) -> None:
        """Open the quote editor for one item (default: the selected one)."""
        if item_id is None:
            ids = self.tree.selected_item_ids()
            if len(ids) != 1:
                self._status("Select one passage to edit its quote.")
                return
            item_id = ids[0]
        found = self.briefings.item_snapshots([item_id])
        if not found:
            return
        item = found[0]
        dialog = QuoteEditDialog(item.text, item.paraphrase, self)
        self.quote_dialog = dialog  # reachable while open (tests, screenshots)

        def save() -> bool:
            # Saved before the dialog closes: a refused save keeps the cuts and the paraphrase on screen.
            if dialog.paraphrase_text():
                problem = self.paraphrase_item(item_id, dialog.paraphrase_text())
            else:
                problem = self._save_items("Trim quote", lambda: self.briefings.update_item(
                    item_id, quote=dialog.quote_text(), paraphrase=""), comment_item=item_id)
            if problem:
                dialog.show_problem(problem)
            return problem is None

        dialog.saver = save
        dialog.exec()

    def trim_item(self, item_id: int, keep: list[tuple[int, int]]) -> str | None:
        """Quote only ``keep`` (spans of the item's passage), gaps as "[…]" (undoable); the reason
        when the database refused it."""
        return self._save_items("Trim quote", lambda: self.briefings.trim_item(item_id, keep), comment_item=item_id)

    def paraphrase_item(self, item_id: int, text: str) -> str | None:
        """Replace the quote by the officer's paraphrase, citation kept ("" quotes again) (undoable);
        the reason when the database refused it."""
        return self._save_items("Paraphrase passage", lambda: self.briefings.update_item(
            item_id, paraphrase=" ".join(text.split())), comment_item=item_id)

    def _save_items(self, text: str, action: Callable[[], object], comment_item: int | None = None) -> str | None:
        """``_edit_items`` for an action of the officer: None when saved, else why the database refused it."""
        with self._refusals() as refused:
            self._edit_items(text, action, comment_item=comment_item)
        return refused.problem

    def edit_actor(self, key: str, **change: object) -> None:
        """Change the role of a Key actors row, or remove it from the note (undoable)."""
        if self.current_id is None or self.briefings.get(self.current_id) is None:
            return
        with self._refusals() as refused:
            changes = self.briefings.edit_actor(self.current_id, key, **change)
        if refused:
            return
        if changes.rows and changes.rows[0][0] != changes.rows[0][1]:
            # a burst of edits to the key actors is one undo step, as for any other field
            self.undo_stack.push(edit_command(self, self.current_id, changes,
                                              merge=(FIELD_COMMAND_ID, (self.current_id, "actor_edits"))))

    def remove_actors(self, keys: list[str]) -> None:
        """Take rows out of the Key actors table (one undo step)."""
        if not keys:
            return
        with self.undo_stack.step("Remove key actors"):  # (the rows stored: none refused leaves no step)
            for key in keys:
                self.edit_actor(key, removed=True)

    def restore_actors(self) -> None:
        """Bring back the Key actors rows removed from the note (edited roles are kept; undoable)."""
        if self.current_id is None or self.briefings.get(self.current_id) is None:
            return
        with self._refusals() as refused:
            changes = self.briefings.restore_actors(self.current_id)
        if refused:
            return
        if changes.rows and changes.rows[0][0] != changes.rows[0][1]:
            self.undo_stack.push(edit_command(self, self.current_id, changes,
                                              merge=(FIELD_COMMAND_ID, (self.current_id, "actor_edits"))))

    def article_details_changed(self, article_id: int) -> None:
        """An article's title, outlet, date or link changed (F2): show it in the sections and the preview."""
        if self.current_id is not None and article_id in self.briefings.source_numbers(self.current_id):
            self.refresh()

    # -- items ---------------------------------------------------------------------------------
    def _edit_items(self, text: str, action: Callable[[], _T], comment_item: int | None = None) -> _T:
        """Run ``action`` (service calls on the current briefing) and push it as one undoable edit."""
        assert self.current_id is not None
        before = self.briefings.all_item_snapshots(self.current_id)
        try:
            result = action()
        except StaleEdit:
            # Another officer changed the briefing (desk mode): put back only what this edit wrote
            # (their rows refuse to be written); the caller's refused_write shows the merged briefing
            # and says who.
            with contextlib.suppress(StaleEdit):
                self._put_back(text, before)
            raise
        except Exception:
            # A refused edit half-way (e.g. the third of three passages) leaves nothing behind.
            self._put_back(text, before)
            self.refresh()
            raise
        after = self.briefings.all_item_snapshots(self.current_id)
        if before != after:
            merge = (COMMENT_COMMAND_ID, (self.current_id, comment_item)) if comment_item is not None else None
            self.undo_stack.push(edit_command(self, self.current_id, self.briefings.items_change(text, before, after),
                                              merge=merge))
        return result

    def _put_back(self, text: str, before: list[RowSnapshot]) -> None:
        """Put the current briefing's items back to ``before`` after an edit failed part-way. When the
        database refuses that too (busy, full), the part that was written goes on the undo stack, so
        the stack and the database agree and Ctrl+Z takes it out once the database is free."""
        assert self.current_id is not None
        try:
            self.briefings.replace_items(self.current_id, before)
            return
        except StaleEdit:
            raise
        except Exception as again:
            if describe_storage_error(again) is None:
                raise
            log.warning("Could not put back the passages of a refused edit", exc_info=True)
        written = self.briefings.all_item_snapshots(self.current_id)
        if written != before:
            self.undo_stack.push(edit_command(self, self.current_id,
                                              self.briefings.items_change(text, before, written)))

    def add_passages(self, specs: list[PassageSpec], pillar_id: str | None = None,
                     index: int | None = None) -> list[int]:
        """Add passages to the current briefing (a new one if none); returns the new item ids."""
        specs = [s for s in specs if s.end > s.start]
        if not specs:
            return []
        self.flush_pending()
        if self.current_id is not None:
            existing = {(i.article_id, i.start, i.end) for i in self.briefings.items(self.current_id)}
            specs = [s for s in specs if (s.article_id, s.start, s.end) not in existing]
            if not specs:
                self._status("That passage is already in the briefing.")
                return []
        fresh = specs
        # With no briefing yet, creating one and adding the passage are a single undo step (the
        # briefing is stored first: refused, no empty step is left on the stack).
        created = self._create_briefing() if self.current_id is None else None
        if self.current_id is None and created is None:
            return []  # the database refused the new briefing (the status bar says why)
        macro = created is not None
        if created is not None:
            self.undo_stack.beginMacro("Add passage to a new briefing")
            self.undo_stack.push(existence_command(self, *created))
        try:
            def add() -> list[int]:
                assert self.current_id is not None
                ids: list[int] = []
                for spec in fresh:
                    item = self.briefings.add_item(self.current_id, spec.article_id, spec.start, spec.end,
                                                   pillar_id or spec.pillar_id)
                    ids.append(item.id or 0)
                if pillar_id is not None and index is not None:
                    order = ordering.place(self.briefings.order(self.current_id), ids, pillar_id, index)
                    self.briefings.reorder(self.current_id, order)
                return ids

            try:
                with self._refusals() as refused:
                    ids = self._edit_items("Add passage to briefing" if len(fresh) == 1
                                           else "Add passages to briefing", add)
                if refused:
                    return []
            except (KeyError, ValueError) as exc:
                QMessageBox.warning(self, "Add to briefing", str(exc) if isinstance(exc, ValueError)
                                    else "That article no longer exists.")
                return []
        finally:
            if macro:
                self.undo_stack.endMacro()
        self._comment_item = None
        self.tree.clearSelection()
        leaf = self.tree.leaf(ids[-1]) if ids else None
        if leaf is not None:
            leaf.setSelected(True)
            self.tree.setCurrentItem(leaf)
            self.tree.scrollToItem(leaf)
        names = dict((p, n) for p, n, _c in self._pillars)
        target = names.get(pillar_id or fresh[0].pillar_id, pillar_id or fresh[0].pillar_id)
        self._status(f"Added {len(ids)} passage{'s' if len(ids) != 1 else ''} to {target}.")
        return ids

    def add_passage(self, article_id: int, start: int, end: int, pillar_id: str) -> int | None:
        """Add one passage (code-point span of an article) to the current briefing's pillar section."""
        ids = self.add_passages([PassageSpec(article_id, start, end, pillar_id)])
        return ids[0] if ids else None

    def remove_items(self, item_ids: list[int]) -> None:
        """Take passages out of the current briefing (undoable)."""
        if not item_ids or self.current_id is None:
            return
        self.flush_comment()

        def remove() -> None:
            for item_id in item_ids:
                self.briefings.remove_item(item_id)

        if self._save_items("Remove passage from briefing" if len(item_ids) == 1 else "Remove passages", remove):
            return
        self._status(f"Removed {len(item_ids)} passage{'s' if len(item_ids) != 1 else ''}.")

    def move_items(self, item_ids: list[int], pillar_id: str, index: int) -> None:
        """Move passages into section ``pillar_id`` before its ``index``-th row (undoable)."""
        if not item_ids or self.current_id is None:
            return
        self.flush_comment()
        bid = self.current_id
        new_order = ordering.place(self.briefings.order(bid), item_ids, pillar_id, index)
        if self._save_items("Move passage", lambda: self.briefings.reorder(bid, new_order)):
            return
        for item_id in item_ids:
            leaf = self.tree.leaf(item_id)
            if leaf is not None:
                leaf.setSelected(True)
        # the moved passage stays in sight (Alt+Down past the last row shown moved it out of view)
        moved = self.tree.leaf(item_ids[-1])
        if moved is not None:
            self.tree.setCurrentItem(moved, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.tree.scrollToItem(moved)

    def move_selected(self, delta: int) -> None:
        """Move the selected passage up or down (across section edges)."""
        ids = self.tree.selected_item_ids()
        if len(ids) != 1 or self.current_id is None:
            return
        target = ordering.step(self.briefings.order(self.current_id), ids[0], delta,
                               [p for p, _n, _c in self._pillars])
        if target is not None:
            self.move_items(ids, *target)

    def _text_dropped(self, pillar_id: str, index: int) -> None:
        # Text dragged out of the article view: the view's selection still holds the span.
        window = self.window_
        article_id = window.current_article_id
        from .feature import passage_span

        start, end = passage_span(window)
        if article_id is None or end <= start:
            self._status("Drag a selected passage of the open article, or use the Add passages tab.")
            return
        self.add_passages([PassageSpec(article_id, start, end, pillar_id)], pillar_id, index)

    # -- the selected item's comment -----------------------------------------------------------
    def _selection_changed(self) -> None:
        ids = self.tree.selected_item_ids()
        item_id = ids[0] if len(ids) == 1 else None
        if item_id != self._comment_item:
            self.flush_comment()
        self._comment_item = item_id
        item = None
        if item_id is not None:
            found = self.briefings.item_snapshots([item_id])
            item = found[0] if found else None
        self.comment_edit.blockSignals(True)
        if item is None:
            self.item_label.setText("Select one passage to write an officer comment on it.")
            self.comment_edit.setPlainText("")
            self.comment_edit.setEnabled(False)
        else:
            article = self.services.articles.get(item.article_id)
            source = ", ".join(x for x in (article.outlet, article.title, format_date(article.published))
                               if x) if article is not None else ""
            self.item_label.setText(f"Source: <i>{_escape(source)}</i>")
            if self.comment_edit.toPlainText().strip() != item.comment.strip():
                self.comment_edit.setPlainText(item.comment)
            self.comment_edit.setEnabled(True)
        self.comment_edit.blockSignals(False)
        self.up_action.setEnabled(item is not None)
        self.down_action.setEnabled(item is not None)
        self.remove_action.setEnabled(bool(ids))

    def _comment_typed(self) -> None:
        if self._comment_item is not None:
            self._comment_timer.start()

    def flush_comment(self) -> None:
        """Store the comment being typed (undoable; a typing burst is one undo step)."""
        self._comment_timer.stop()
        item_id = self._comment_item
        if item_id is None or self.current_id is None:
            return
        found = self.briefings.item_snapshots([item_id])
        if not found:
            return
        typed = self.comment_edit.toPlainText()
        text = typed.strip()
        if found[0].comment == text:
            return
        with refused_write(self._status, lambda: self._comment_refused(item_id, typed)):
            self._edit_items("Edit officer comment", lambda: self.briefings.update_item(item_id, comment=text),
                             comment_item=item_id)

    def _comment_refused(self, item_id: int, typed: str) -> None:
        """The passages as stored, with the officer's comment still in the box (saved by the next flush)."""
        self.refresh()
        if self._comment_item == item_id and self.comment_edit.toPlainText() != typed:
            self.comment_edit.blockSignals(True)
            self.comment_edit.setPlainText(typed)
            self.comment_edit.blockSignals(False)

    # -- context menu of the tree --------------------------------------------------------------
    def _tree_menu(self, pos) -> None:  # noqa: ANN001 (QPoint)
        ids = self.tree.selected_item_ids()
        hit = self.tree.itemAt(pos)
        if hit is not None and hit.data(0, ITEM_ROLE) is not None and int(hit.data(0, ITEM_ROLE)) not in ids:
            self.tree.clearSelection()
            hit.setSelected(True)
            ids = self.tree.selected_item_ids()
        if not ids:
            return
        menu = self.section_menu(ids)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def section_menu(self, item_ids: list[int]) -> QMenu:
        """Context menu for selected items: move up/down, move to a section, comment, remove."""
        menu = QMenu(self)
        menu.addAction(self.up_action)
        menu.addAction(self.down_action)
        move_to = menu.addMenu("Move to section")
        for pillar_id, name, _c in self._pillars:
            act = move_to.addAction(name)
            act.triggered.connect(lambda _c=False, p=pillar_id: self.move_items(
                item_ids, p, self.tree.sections[p].childCount() if p in self.tree.sections else 0))
        quote = menu.addAction("Edit quote… (trim, […], paraphrase)")
        quote.triggered.connect(lambda: self.edit_quote(item_ids[0]))
        quote.setEnabled(len(item_ids) == 1)
        comment = menu.addAction("Edit officer comment")
        comment.triggered.connect(self.comment_edit.setFocus)
        comment.setEnabled(len(item_ids) == 1)
        menu.addSeparator()
        menu.addAction(self.remove_action)
        return menu

    # -- passages of the selected articles -----------------------------------------------------
    def refresh_passages(self) -> None:
        """Reload the Add passages list for the articles selected in the library (when shown)."""
        if self.tabs.currentWidget() is self.picker:
            self._fill_passages()

    def _passages_not_shown(self, line: str) -> None:
        """The Add passages list empty but for ``line`` (it listed other articles' passages)."""
        self.picker.show_passages([], {}, set())
        self.picker.caption.setText(line)

    @calm_for_article
    def _fill_passages(self) -> None:
        """:meth:`refresh_passages`' reads and fill (everything read before the list changes)."""
        ids = self.window_.selected_article_ids()
        titles = {}
        for article_id in ids:
            article = self.services.articles.get(article_id)
            if article is not None:
                titles[article_id] = article.title or f"Article #{article_id}"
        used = set()
        if self.current_id is not None:
            used = {(i.article_id, i.start, i.end) for i in self.briefings.items(self.current_id)}
        self.picker.show_passages(self.briefings.candidate_passages(list(titles)), titles, used)

    # -- export --------------------------------------------------------------------------------
    def default_export_path(self) -> Path:
        """Suggested file: last export folder + a name from the briefing title."""
        folder = Path(self.settings.last_export_dir or Path.home())
        briefing = self.briefings.get(self.current_id) if self.current_id is not None else None
        title = briefing.title if briefing is not None else "briefing"
        # letters, digits and the marks that belong to them: Devanagari vowel signs are marks, not
        # letters ("भारत" stays whole, not "भ-रत"); symbols, emoji and punctuation become separators
        safe = "".join(c if unicodedata.category(c)[0] in "LNM" or c in " -_" else " " for c in title)
        name = "-".join(safe.split())[:60] or "briefing"
        return folder / f"{name}.docx"

    def export_dialog(self) -> None:
        """Ask where to save and which template, then export the current briefing."""
        self.flush_pending()
        if self.current_id is None:
            if not self.window_.selected_article_ids() or self.auto_draft() is None:
                QMessageBox.information(self, "Export briefing",
                                        "Create a briefing first (New, or Auto-draft from selected articles).")
                return
        dialog = ExportDialog(str(self.default_export_path()), self.settings.template, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.settings.template = dialog.template()
        self.settings.last_export_dir = str(dialog.out_path().parent)
        # Remembering the folder fails on a full disk or a read-only settings folder: the export is still tried.
        with refused_settings_write(lambda _problem: None):
            save_settings(self.settings)
        self.export_to(dialog.out_path(), dialog.template() or None)

    def export_to(self, path: Path, template: str | None = None) -> None:
        """Export the current briefing to ``path`` in the background; ``exported``/``exportFailed`` follow."""
        self.flush_pending()
        if self.current_id is None:
            return
        document = self.briefings.document(self.current_id)
        self.export_button.setEnabled(False)
        self._status(f"Exporting to {path}…")
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

        def work(_progress: object, _cancelled: object) -> ExportReport:
            from briefing_app.export import export_docx_report

            return export_docx_report(document, path, template)

        self.window_.tasks.start("briefing-export", work, self._export_done, self._export_failed)

    def _export_done(self, report: ExportReport) -> None:
        QApplication.restoreOverrideCursor()
        self.export_button.setEnabled(self.current_id is not None)
        self.last_report = report
        extra = ""
        if report.warnings:
            extra = f" ({count(len(report.warnings), 'style')} your template lacks were taken from the house style)"
            log.info("template warnings: %s", report.warnings)
        self._status(f"Briefing written to {report.path}{extra}", 12000)
        self.exported.emit(str(report.path))

    def _export_failed(self, exc: BaseException, tb: str) -> None:
        QApplication.restoreOverrideCursor()
        self.export_button.setEnabled(self.current_id is not None)
        message = export_failure(exc, tb)
        self._status(message, 12000)
        self.exportFailed.emit(message)
        QMessageBox.warning(self, "Export failed", f"{message}\n\n{EXPORT_FILE_KEPT}")

    # -- misc ----------------------------------------------------------------------------------
    def _status(self, message: str, timeout: int = 8000) -> None:
        self.window_.statusBar().showMessage(message, timeout)


EXPORT_FILE_KEPT = "Any existing file was left unchanged."


def export_failure(exc: BaseException, tb: str) -> str:
    """The officer's sentence for an export that failed with ``exc`` (traceback ``tb``): the writer's own
    refusal as it is, anything else (a Word writer that cannot load, storage) said plainly and logged.
    Both exports (the builder's and the window's) say it this way."""
    if _writer_refusal(exc):
        return str(exc)
    log.error("export failed:\n%s", tb)
    if isinstance(exc, ImportError):
        # A broken install (a module missing from a packaged build, python-docx or lxml not loading). The
        # import's own words ("No module named 'lxml.etree'", "import of … halted; None in sys.modules")
        # mean nothing to the officer: they are in the log, with the traceback, for whoever fixes it.
        return ("Could not export the briefing: the Word writer could not be loaded. "
                "The installation may be incomplete; reinstalling Briefing Builder should fix it.")
    problem = describe_storage_error(exc)
    return f"Could not export the briefing: {problem or exc}"


def _writer_refusal(exc: BaseException) -> bool:
    """Whether ``exc`` is the Word writer's own ExportFailed (its sentence is the officer's). The writer
    loads at the first export: when IT could not load (the failure being handled), this does not raise."""
    try:
        from briefing_app.export import ExportFailed
    except ImportError:
        return False
    return isinstance(exc, ExportFailed)


_DRAFTED_CAPTION = ("Lines auto-draft wrote from the articles. Enter or double-click opens the passage; F2 edits, "
                    "Delete drops; a new auto-draft keeps your decisions.")


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
