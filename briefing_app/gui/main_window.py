"""The main window: library, article view with highlights, legend, status bar."""

from __future__ import annotations

import gc
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QTabWidget,
    QWidget,
)

from briefing_app.gui.status_bar import ElidingStatusBar
from briefing_app.gui.storage_guard import calm_when_busy, refused_settings_write, refused_write
from briefing_app.gui.undo_stack import UndoStack
from briefing_app.gui.window_state import WindowMemory, fitted_geometry, frame_fits, frame_margins
from briefing_app.gui.workers import TaskRunner
from briefing_app.nlp.types import SHOWN_LABELS
from briefing_app.storage.errors import describe_storage_error

if TYPE_CHECKING:
    # Only for type hints: the window paints before these (SQLModel, spaCy, python-docx) are imported.
    from briefing_app.domain.models import Annotation, Article
    from briefing_app.gui.article_view import ArticleView, EntityMark, PillarMark
    from briefing_app.gui.legend import Legend
    from briefing_app.gui.library_panel import LibraryPanel
    from briefing_app.importers import ImportedDocument
    from briefing_app.nlp.analysis_process import RemoteAnalyzer
    from briefing_app.nlp.analyzer import Analyzer
    from briefing_app.services import Services
    from briefing_app.services.article_tally import ArticleTally
    from briefing_app.services.articles import ImportOutcome
    from briefing_app.settings import Settings

log = logging.getLogger(__name__)

#: Pause between the steps that follow an analysis (draw, library, panels), in ms.
AFTER_ANALYSIS_DELAY_MS = 20

ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1

#: How often the window checks that its analysis process still runs (ms).
ANALYSER_WATCH_MS = 1000

#: The worker task of ``open_path`` (one at a time: a newer open drops an older one's result).
OPEN_TASK = "open"

#: Shown in the window's centre between the first paint and the library being open.
OPENING_TEXT = "Opening your library…"

#: Waits (ms) before analysing again an article whose results the database refused (busy, full,
#: read-only): one timer, longer each time it finds the database still refusing (the last repeats).
ANALYSIS_RETRY_MS = (5_000, 20_000, 60_000)

#: How long the "analysis not saved" message stays in the status bar (ms).
ANALYSIS_MESSAGE_MS = 12_000


def create_analyzer(model: str | None = None) -> Analyzer:
    """The window's analyser: served by a process of its own (``nlp/analysis_process``), so loading
    spaCy and analysing never hold this process's GIL. Returns at once; the model task waits for the
    load (``ensure_running``). Tests replace this with the session's in-process analyser."""
    from briefing_app.nlp.analysis_process import process_analyzer

    # Same interface as Analyzer (analyze, with_lessons, compile_lessons, mode): see RemoteAnalyzer.
    return cast("Analyzer", process_analyzer(model, wait=False))


class MainWindow(QMainWindow):
    """Briefing Builder's main window."""

    analysisFinished = Signal(int)  # article id whose annotations are now shown
    modelReady = Signal(str)  # analyser mode
    analyserRestarted = Signal(str)  # one-line message: the analysis process died and was replaced
    articleShown = Signal(int)
    #: An article ``open_path`` read and stored (or found already stored) is now shown: its id.
    articleOpened = Signal(int)
    #: A file given to ``open_path`` could not be opened (emitted before the warning says why): its path.
    openFailed = Signal(str)

    def __init__(self, services: Services | None, settings: Settings | None, model: str | None = None,
                 parent: QWidget | None = None) -> None:
        """The whole window at once (tests, tools); ``MainWindow.starting`` paints before loading."""
        super().__init__(parent)
        self._build_frame(model)
        if services is not None:
            assert settings is not None
            self.attach(services, settings)

    @classmethod
    def starting(cls, model: str | None = None) -> MainWindow:
        """The window's frame only (menus, status bar, a calm placeholder), cheap enough to paint at
        once; the launcher opens the library in later event-loop turns and calls ``attach``."""
        window = cls(None, None, model)
        return window

    def _build_frame(self, model: str | None) -> None:
        """What the first paint needs: Qt widgets only, no database, no heavy imports."""
        self._model_arg = model
        self.model_name = model
        self.tasks = TaskRunner(self)
        self.analyzer: Analyzer | None = None
        #: The analyser being loaded or in use, when it runs in a process (closed with the window).
        self._remote: RemoteAnalyzer | None = None
        self._analyser_watch = QTimer(self)
        self._analyser_watch.setInterval(ANALYSER_WATCH_MS)
        self._analyser_watch.timeout.connect(self._check_analyser)
        self.analyserRestarted.connect(self._analyser_restarted)
        self.current_article_id: int | None = None
        self._pending_analysis: set[int] = set()
        #: Articles analysed whose results the database refused: they stay "not analysed" and are
        #: analysed again when ``_analysis_retry`` fires (or when the officer selects one).
        self._unsaved_analysis: set[int] = set()
        #: Those of them the officer asked to analyse again ("Analyse again"): analysed before, so
        #: retried though their (earlier) analysis is stored.
        self._unsaved_again: set[int] = set()
        self._analysis_retry = QTimer(self)
        self._analysis_retry.setSingleShot(True)
        self._analysis_retry.timeout.connect(self._retry_unsaved_analysis)
        #: The builder's briefings read again after the launch found them held busy (a desk server).
        self._briefings_retry = QTimer(self)
        self._briefings_retry.setSingleShot(True)
        self._briefings_retry.timeout.connect(self._load_briefings)
        self._briefings_tries = 0
        self._retry_round = 0
        #: The counts of the tags an analysis just drew, read with them in its worker, with the
        #: view's render they belong to (the review's status line takes them: see take_tally).
        self._drawn_tally: tuple[int, ArticleTally] | None = None
        self.attached = False
        self._model_started = False
        self.setWindowTitle("Briefing Builder")
        self.setObjectName("mainWindow")
        # Messages too long for the bar are elided with the whole text as tooltip.
        self.setStatusBar(ElidingStatusBar(self))
        #: Size, position, docks, splitters, last article and dialog folders across runs.
        self.memory = WindowMemory()
        # The one undo mechanism: every edit is a QUndoCommand that calls services.
        self.undo_stack = UndoStack(self)
        self.placeholder = QLabel(OPENING_TEXT, self)
        self.placeholder.setObjectName("openingPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #57534e; font-size: 15px;")
        self.setCentralWidget(self.placeholder)
        self.model_status = QLabel("Loading language model…", self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.model_status)
        self._build_menus()
        # Nothing to open or export until the library is open.
        self.open_action.setEnabled(False)
        self.export_action.setEnabled(False)

    def attach(self, services: Services, settings: Settings) -> None:
        """Open the library in the window: panels, docks, feature modules, then the model load."""
        for step in self.attach_steps(services, settings):
            step()

    def attach_steps(self, services: Services, settings: Settings) -> list[Callable[[], None]]:
        """``attach`` in steps the launcher runs one per event-loop turn (each short, so the window
        keeps painting); in order, nothing else in between depends on a half-built window."""
        self.services = services
        self.settings = settings
        self.model_name = self._model_arg or settings.model or None
        # An undo refused because another officer changed the rows since (desk mode): say who, in words.
        # (Imported here: the undo module pulls in the services, which must not load before the first paint.)
        import briefing_app.gui.undo as undo_module
        from briefing_app.services.analysis import KeptAnalyses

        undo_module.refusal_handler = lambda message: self.statusBar().showMessage(message, 15000)
        undo_module.stack = self.undo_stack  # an undo a busy or full database refused is stepped back
        #: Analyses the database refused, kept so that a retry only stores them (see analysis_refused).
        self.kept_analyses = KeptAnalyses()
        return [self._build_centre, self._build_docks, self._install_library_features,
                self._install_builder, self._load_briefings, self._install_review, self._finish_attach]

    def _build_centre(self) -> None:
        from briefing_app.gui.article_view import ArticleView

        settings = self.settings
        self._pillars = pillars = self.services.pillars.all()
        self.view: ArticleView = ArticleView(self)
        self.view.set_pillars([p.id for p in pillars], {p.id: p.colour for p in pillars})
        self.view.set_hidden(set(settings.hidden_labels), set(settings.hidden_pillars))
        # Two workspaces share the centre: reading/reviewing an article, and composing a briefing
        # (the builder adds its tab). Both need the width; docks stay for the narrow panels.
        self.workspace = QTabWidget(self)
        self.workspace.setObjectName("workspaceTabs")
        self.workspace.setDocumentMode(True)
        self.workspace.addTab(self.view, "Article")
        self.setCentralWidget(self.workspace)  # deletes the placeholder
        self.placeholder = None  # type: ignore[assignment]

    def _build_docks(self) -> None:
        from briefing_app.gui.legend import Legend
        from briefing_app.gui.library_panel import LibraryPanel
        from briefing_app.services.open_suggestions import Visibility

        settings, pillars = self.settings, self._pillars
        self.library: LibraryPanel = LibraryPanel(self.services, self.undo_stack, self)
        self.library.visibility = Visibility.of(settings.hidden_labels, settings.hidden_pillars)
        self.library.articleActivated.connect(self.show_article)
        dock = QDockWidget("Library", self)
        dock.setObjectName("libraryDock")
        dock.setWidget(self.library)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self._restore_dock(dock)

        self.legend: Legend = Legend([(p.id, p.name, p.colour) for p in pillars],
                                     set(settings.hidden_labels), set(settings.hidden_pillars), self)
        self.legend.changed.connect(self._legend_changed)
        dock = QDockWidget("Legend", self)
        dock.setObjectName("legendDock")
        dock.setWidget(self.legend)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self._restore_dock(dock)

    def _restore_dock(self, dock: QDockWidget) -> None:
        """A dock added after the window was shown (the launch paints first): put it where the
        remembered layout has it, else show it (a child added to a visible window starts hidden)."""
        if not self.isVisible():
            return  # shown with the window, after the remembered layout is applied
        if not (self.property("restoredLayout") and self.restoreDockWidget(dock)):
            dock.show()

    def _install_library_features(self) -> None:
        from briefing_app.gui.desk_copy_dialogs import install_desk_copy
        from briefing_app.gui.import_dialogs import install_library_features

        self.open_action.setEnabled(True)
        self.export_action.setEnabled(True)
        self.importer = install_library_features(self)
        self.desk_copy = install_desk_copy(self)  # File → Take a copy… / Bring back… (offline laptops)

    def _install_builder(self) -> None:
        from briefing_app.gui.briefing import install_briefing_builder

        # Its widgets in this turn, its briefings read in the next: one step was the launch's longest stall.
        self.briefing_builder = install_briefing_builder(self, load=False)

    def _load_briefings(self) -> None:
        """The builder's briefings (a launch step, and its retry). A desk server holding them busy does not stop
        the launch (the review panels come next): the status bar says so and they are read again by themselves,
        backing off (``storage_guard.BUSY_RETRY_MS``), until a read succeeds or the window closes."""
        from briefing_app.gui.storage_guard import BUSY_RETRY_MS, busy_read, status_bar_of
        from briefing_app.storage.view_reads import view_reads

        with busy_read(status_bar_of(self)) as refused, view_reads():
            self.briefing_builder.briefings_changed(select=None)
        if refused and not self.tasks.closed:
            self._briefings_retry.start(BUSY_RETRY_MS[min(self._briefings_tries, len(BUSY_RETRY_MS) - 1)])
            self._briefings_tries += 1
        elif not refused:
            self._briefings_tries = 0

    def _install_review(self) -> None:
        from briefing_app.gui.review import install_review

        self.review = install_review(self)

    def _install_live(self) -> None:
        from briefing_app.gui.live_updates import LiveUpdates

        # Others' changes to the open article and the library, shown within seconds (issue 19).
        self.live = LiveUpdates(self)

    def _finish_attach(self) -> None:
        from briefing_app.gui.search_matches import install_search_matches

        self.search_matches = install_search_matches(self)
        self._install_live()
        docks = getattr(self.review, "docks", {})
        if self.isVisible() and self.property("restoredLayout"):
            # Panels added to the shown window (the launch paints first) go where they were left.
            self.memory.restore_layout(self)
        elif self.isVisible() and "entities" in docks:
            # Docks tabified on a visible window: the tab bar forms in a later layout pass with
            # the first tab in front; bring the review's front panel forward as on a cold build.
            QTimer.singleShot(0, self, docks["entities"].raise_)
        self.attached = True
        self.refresh_library()
        if not self._model_started:
            self._load_model()

    # -- menus ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        # The platform's standard keys, all of them (setShortcut would keep only the first: on
        # Linux, Ctrl+Y without Ctrl+Shift+Z); the shortcut sheet and README list them.
        undo.setShortcuts(standard_keys(QKeySequence.StandardKey.Undo))
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(standard_keys(QKeySequence.StandardKey.Redo))
        undo.setObjectName("undoAction")
        redo.setObjectName("redoAction")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        preferences = QAction("&Preferences…", self)
        preferences.setShortcut(QKeySequence("Ctrl+,"))
        preferences.triggered.connect(self.open_preferences)
        edit_menu.addAction(preferences)
        view_menu = self.menuBar().addMenu("&View")
        # Feature modules add their actions to these menus (see gui/*_feature modules).
        self.menus = {"file": file_menu, "edit": edit_menu, "view": view_menu}
        self.open_action = QAction("&Open…", self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._open_dialog)
        self.export_action = QAction("&Export briefing…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self._export_dialog)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        self.menus["help"] = help_menu
        about = QAction("&About Briefing Builder", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def open_preferences(self) -> None:
        """Edit → Preferences…; the builder and exports read the saved settings."""
        from briefing_app.gui.preferences import PreferencesDialog

        PreferencesDialog(self.settings, self).exec()
        if self.attached and self.settings.author.strip():
            self.services.db.officer = self.settings.author.strip()  # the name recorded in what they change

    def _about(self) -> None:
        from briefing_app import __version__

        database = self.services.db.location if self.attached else "opening…"
        QMessageBox.about(self, "About Briefing Builder",
                          f"<b>Briefing Builder</b> {__version__}<br>Database: {database}")

    # -- model ---------------------------------------------------------------------------------
    def _load_model(self) -> None:
        from briefing_app.nlp.analysis_process import RemoteAnalyzer

        self._model_started = True
        try:
            analyzer = create_analyzer(self.model_name)
        except Exception as exc:  # the process could not even be started (no interpreter, no memory…)
            self._model_failed(exc, traceback.format_exc())
            return
        remote = analyzer if isinstance(analyzer, RemoteAnalyzer) else None
        if remote is not None:
            self._remote = remote
            # Called from whichever worker thread found the process dead: the signal crosses to this thread.
            remote.on_restart = self.analyserRestarted.emit

        def work(progress: object, cancelled: object) -> Analyzer:
            if remote is not None:
                remote.ensure_running()  # blocks this worker thread (not the GIL) until loaded
            return analyzer

        self.tasks.start("model", work, self._model_loaded, self._model_failed)

    def _check_analyser(self) -> None:
        """Notice a dead analysis process even when nothing is being analysed, and replace it."""
        remote = self._remote
        if remote is None or remote.is_alive() or self.tasks.is_busy("analyser-restart"):
            return

        def work(progress: object, cancelled: object) -> bool:
            return remote.ensure_running()

        def failed(exc: BaseException, tb: str) -> None:
            self._analyser_watch.stop()  # it cannot be started again: say so once
            self._model_failed(exc, tb)

        self.tasks.start("analyser-restart", work, lambda _restarted: None, failed)

    def _analyser_restarted(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def load_model_early(self, model: str | None) -> None:
        """Start loading the analyser before the library is open (the launcher knows the model)."""
        self.model_name = model
        self._load_model()

    def _model_loaded(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        if self._remote is not None:
            self._analyser_watch.start()
        # The model, gazetteer and Qt wrappers are millions of long-lived objects. Moving them
        # out of the collector's reach stops every full collection (triggered by any burst of
        # allocations, e.g. reading back thousands of tags) from freezing the window ~100 ms.
        gc.freeze()
        if analyzer.mode == "model":
            self.model_status.setText("Language model ready")
        else:
            self.model_status.setText("Rules-only mode (no language model)")
            self.model_status.setStyleSheet("color: #9a3412; font-weight: bold;")
            self.model_status.setToolTip(analyzer.mode_message)
            self.statusBar().showMessage(analyzer.mode_message, 15000)
        self.modelReady.emit(analyzer.mode)
        for article_id in sorted(self._pending_analysis):
            self.analyze_article(article_id)
        self._pending_analysis.clear()

    def _model_failed(self, exc: BaseException, tb: str) -> None:
        log.error("Analyser could not be created:\n%s", tb)
        self.model_status.setText("Analysis unavailable")
        QMessageBox.warning(self, "Analysis unavailable", f"The analyser could not start: {exc}")

    # -- library -------------------------------------------------------------------------------
    def refresh_library(self) -> None:
        """Reload the library panel, keeping the current article selected."""
        self.library.refresh(current=self.current_article_id)

    def selected_article_ids(self) -> list[int]:
        """Articles selected in the library (or the current one)."""
        ids = self.library.selected_article_ids()
        if not ids and self.current_article_id is not None:
            ids = [self.current_article_id]
        return ids

    # -- opening -------------------------------------------------------------------------------
    def _open_dialog(self) -> None:
        from briefing_app.importers import SUPPORTED_SUFFIXES

        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, "Open article", self.dialog_folder("open"),
                                              f"Articles ({patterns});;All files (*)")
        if path:  # in the background with a Stop button, like any import: a slow file never freezes the window
            self.remember_dialog_folder("open", Path(path).parent)
            self.importer.import_paths([Path(path)])

    def dialog_folder(self, kind: str) -> str:
        """The folder a file dialog of ``kind`` ("open", "import", "template") starts in: its last one."""
        return self.memory.folder(kind)

    def remember_dialog_folder(self, kind: str, folder: Path) -> None:
        """Remember where the file dialog of ``kind`` was used."""
        self.memory.set_folder(kind, folder)

    def open_path(self, path: Path) -> None:
        """Open a file like File → Open's import: read and stored by a worker (the window keeps
        answering, even for a 40,000-word report), then shown and analysed if new; ``articleOpened``
        gives its id. A file that cannot be read says why ("Cannot open file"). The result is
        dropped if a newer open started meanwhile (its reading is cancelled: nothing stored) or if
        another article was shown meanwhile (then it is only listed in the library)."""
        if self.services.db.read_only:
            QMessageBox.warning(self, "Cannot open file", f"{path.name} was not opened: the database is read-only.")
            return
        articles = self.services.articles
        shown = self.current_article_id

        def work(progress: object, cancelled: Callable[[], bool]) -> ImportOutcome:
            return articles.import_file(path, cancel=cancelled)

        self.tasks.start(OPEN_TASK, work, lambda outcome: self._opened(outcome, shown),
                         lambda exc, tb: self._open_failed(path, exc, tb))

    @property
    def opening(self) -> bool:
        """True while a file given to ``open_path`` is still being read and stored."""
        return self.tasks.is_busy(OPEN_TASK)

    def _opened(self, outcome: ImportOutcome, shown: int | None) -> None:
        if outcome.article_id is None:
            if outcome.status == "failed":  # "skipped": cancelled by a newer open, which reports itself
                self.openFailed.emit(outcome.path)
                QMessageBox.warning(self, "Cannot open file", outcome.message)
            return
        if self.current_article_id != shown:
            # The officer went to another article while this one was read: stay there, list it.
            self.refresh_library()
            self.statusBar().showMessage(f"{outcome.name}: {outcome.message}", 10000)
            return
        self.show_imported(outcome)
        self.articleOpened.emit(outcome.article_id)

    def _open_failed(self, path: Path, exc: BaseException, tb: str) -> None:
        log.error("Opening %s failed:\n%s", path, tb)
        self.openFailed.emit(str(path))
        problem = describe_storage_error(exc, self.services.db.path)  # busy or full database: in words
        QMessageBox.warning(self, "Cannot open file", f"{path.name} could not be stored. {problem}" if problem
                            else f"{path.name} could not be opened: {exc}")

    def show_imported(self, outcome: ImportOutcome) -> None:
        """Show the article of a file just imported (or found already imported), listed in the library,
        with what happened in the status bar; analysed if it never was."""
        assert outcome.article_id is not None
        # (Listed as current, but current in the window only once shown: a busy read leaves the one shown.)
        self.library.refresh(current=outcome.article_id)
        self.show_article(outcome.article_id)
        message = outcome.message if outcome.status == "imported" else f"{outcome.name}: {outcome.message}"
        self.statusBar().showMessage(message + "".join(f" ⚠ {w}" for w in outcome.warnings), 10000)

    def add_document(self, doc: ImportedDocument) -> int | None:
        """Store an imported document and show it (duplicates just show the existing article)."""
        from briefing_app.services import DuplicateArticle

        try:
            article = self.services.articles.add(doc)
        except DuplicateArticle as exc:
            self.statusBar().showMessage(str(exc), 8000)
            article = exc.existing
        except ValueError as exc:
            QMessageBox.warning(self, "Cannot add article", str(exc))
            return None
        assert article.id is not None
        # (Listed as current, but current in the window only once shown: a busy read leaves the one shown.)
        self.library.refresh(current=article.id)
        self.show_article(article.id)
        return article.id

    # -- showing -------------------------------------------------------------------------------
    @calm_when_busy
    def show_article(self, article_id: int) -> None:
        """Display an article with its stored annotations; analyse it if never analysed.

        Everything is read before anything changes: a database held busy (said in the status bar)
        leaves the article shown before, and the edits keep going to it."""
        article = self.services.articles.get(article_id)
        if article is None:
            return
        marks = self.load_marks(article_id, article)
        self.current_article_id = article_id
        self.memory.set_last_article(self.services.db.location, article_id)
        self.library.select_article(article_id)
        self.render_annotations(marks)
        self.articleShown.emit(article_id)
        # A read-only database cannot store results: show what is there instead of failing.
        if article.analysed_at is None and not self.services.db.read_only:
            self.analyze_article(article_id)

    @calm_when_busy
    def render_annotations(self, prepared: ArticleMarks | None = None) -> None:
        """Redraw the current article from the database (or from marks a worker prepared)."""
        if self.current_article_id is None:
            self.view.clear()
            return
        marks = prepared if prepared is not None else self.load_marks(self.current_article_id)
        if marks is None:
            self.view.clear()
            return
        self.view.set_article(marks.text, marks.entities, marks.pillars)
        self.setWindowTitle(f"{marks.title} — Briefing Builder")

    def take_tally(self, article_id: int) -> ArticleTally | None:
        """The counts read with the marks the view draws now (by the analysis worker), if the
        view still draws them; given once (the taker follows edits on its own copy)."""
        held, self._drawn_tally = self._drawn_tally, None
        if held is None or held[0] != self.view.renders or held[1].article_id != article_id:
            return None
        return held[1]

    def load_marks(self, article_id: int, article: Article | None = None) -> ArticleMarks | None:
        """Text and view marks of an article (``article``: its row, when already read); safe to call
        from a worker thread (no widgets)."""
        article = article if article is not None else self.services.articles.get(article_id)
        if article is None:
            return None
        anns = [a for a in self.services.annotations.rows_for_article(article_id)
                if a.kind == "pillar" or a.label in SHOWN_LABELS]
        return ArticleMarks(article_id, article.title, article.text,
                            [entity_mark(a) for a in anns if a.kind == "entity"],
                            [pillar_mark(a) for a in anns if a.kind == "pillar"])

    # -- analysis ------------------------------------------------------------------------------
    def analyze_article(self, article_id: int) -> None:
        """Analyse in the background; results are stored, then shown if still current."""
        if self.analyzer is None:
            self._pending_analysis.add(article_id)
            self.statusBar().showMessage("Waiting for the language model…")
            return
        from briefing_app.services.analysis import AnalysisService
        from briefing_app.services.article_tally import ArticleTally

        service = AnalysisService(self.services.db, self.analyzer, self.kept_analyses)
        if not self.kept_analyses.has(article_id):
            # (A retry that only stores a kept result is quick: no progress bar flickers up, and the
            # status bar keeps saying that the analysis is not saved until it is.)
            self.progress.setRange(0, 0)
            self.progress.setVisible(True)
            self.statusBar().showMessage("Analysing…")

        def work(progress: object, cancelled: object) -> ArticleMarks:
            service.analyze_article(article_id, progress=progress, cancel=cancelled)  # type: ignore[arg-type]
            # Reading back thousands of tags is done here too, so the window only draws; and
            # their counts (the status line's), so the window does not count them again.
            marks = self.load_marks(article_id)
            if marks is None:
                return ArticleMarks(article_id, "", "", [], [])
            marks.tally = ArticleTally.read(self.services.db, article_id)
            return marks

        self.tasks.start(f"analysis:{article_id}", work, self._analysis_done,
                         lambda exc, tb: self._analysis_failed(exc, tb, article_id), self._analysis_progress)

    def _analysis_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _analysis_done(self, marks: ArticleMarks) -> None:
        article_id = marks.article_id
        self.analysis_stored(article_id)
        self.progress.setVisible(False)
        self.statusBar().showMessage("Analysis complete", 4000)
        if article_id == self.current_article_id:
            self.render_annotations(marks)
            if marks.tally is not None:
                self._drawn_tally = (self.view.renders, marks.tally)
        # The library, then the panels, refresh in later event-loop turns (a short delay lets
        # input and paint events in between): drawing a long report and refreshing everything
        # in one go would freeze the window noticeably. (Tied to the window: never fires after it.)
        QTimer.singleShot(AFTER_ANALYSIS_DELAY_MS, self, lambda: self._after_analysis(article_id))

    def _after_analysis(self, article_id: int) -> None:
        # Only this article's row changes: its counts are read again, not the library.
        self.library.refresh_rows([article_id])
        QTimer.singleShot(AFTER_ANALYSIS_DELAY_MS, self, lambda: self.analysisFinished.emit(article_id))

    def _analysis_failed(self, exc: BaseException, tb: str, article_id: int | None = None) -> None:
        from briefing_app.nlp.types import AnalysisCancelled

        self.progress.setVisible(False)
        if isinstance(exc, AnalysisCancelled):
            self.statusBar().showMessage("Analysis cancelled", 4000)
            return
        problem = describe_storage_error(exc, self.services.db.path)  # busy, full or read-only database
        if problem is not None and article_id is not None:
            log.warning("Analysis of article %s not saved: %s", article_id, problem)
            self.analysis_refused(article_id, problem)
            return
        log.error("Analysis failed:\n%s", tb)
        # A real failure of the analyser: the officer must know (the article stays unanalysed).
        QMessageBox.warning(self, "Analysis failed",
                            f"The analysis could not be saved. {problem}" if problem
                            else f"The article could not be analysed: {exc}")

    def analysis_refused(self, article_id: int, problem: str, again: bool = False) -> None:
        """A background analysis whose results the database refused (busy, full, read-only): nothing
        was stored, the article stays "not analysed". Said calmly in the status bar (the officer did
        not ask for this work, and may be typing elsewhere), and tried again after a back-off; the
        results wait in ``kept_analyses`` (the last few), so the retry only stores them.
        ``again``: an "Analyse again" of an article analysed before (retried though it has results)."""
        self._unsaved_analysis.add(article_id)
        if again:
            self._unsaved_again.add(article_id)
        if not self._analysis_retry.isActive():
            wait = ANALYSIS_RETRY_MS[min(self._retry_round, len(ANALYSIS_RETRY_MS) - 1)]
            self._retry_round += 1
            self._analysis_retry.start(wait)
        seconds = max(1, round(self._analysis_retry.remainingTime() / 1000))
        self.statusBar().showMessage(f"Analysis not saved; it will be tried again in {seconds} s. {problem}",
                                     ANALYSIS_MESSAGE_MS)

    def _retry_unsaved_analysis(self) -> None:
        """Analyse again the articles whose results the database refused (those still unanalysed)."""
        waiting, self._unsaved_analysis = sorted(self._unsaved_analysis), set()
        again, self._unsaved_again = self._unsaved_again, set()
        if self.tasks.closed or self.services.db.read_only:
            return  # opened read-only: nothing can be stored (the window says so already)
        importer = getattr(self, "importer", None)
        queued = set(importer.pending_analysis()) if importer is not None else set()
        retry: dict[bool, list[int]] = {False: [], True: []}

        def still_refused(problem: str) -> None:
            # Still busy, for reads too (desk mode: a table held past the lock_timeout): all of them
            # wait for the next, longer back-off; none is dropped.
            for article_id in waiting:
                self.analysis_refused(article_id, problem, again=article_id in again)

        with refused_write(still_refused, db_path=self.services.db.path) as refused:
            for article_id in waiting:
                if self.tasks.is_busy(f"analysis:{article_id}") or article_id in queued:
                    continue  # selected again, or "Analyse again" meanwhile: that analysis answers
                article = self.services.articles.get(article_id)
                # (Deleted, or analysed meanwhile: done. An "Analyse again" keeps its earlier results until
                # the new ones are stored: those are retried whatever the article's analysed_at says.)
                if article is not None and (article.analysed_at is None or article_id in again):
                    retry[article_id in again].append(article_id)
                else:
                    self.kept_analyses.discard(article_id)
        if refused:
            return
        if importer is None:
            for article_id in retry[False] + retry[True]:
                self.analyze_article(article_id)
            return
        # One after the other in the import queue: an import refused whole is tried again without
        # filling the thread pool (the article the officer opens next would wait behind all of it).
        importer.queue_analysis(retry[False])
        importer.queue_analysis(retry[True], force=True)

    def analysis_stored(self, article_id: int) -> None:
        """An analysis of ``article_id`` was stored: it no longer waits for a retry."""
        self._unsaved_analysis.discard(article_id)
        self._unsaved_again.discard(article_id)
        self.kept_analyses.discard(article_id)
        if not self._unsaved_analysis:
            self._retry_round = 0  # the database took it: the next refusal waits the shortest again

    # -- export --------------------------------------------------------------------------------
    def _export_dialog(self) -> None:
        # The builder exports the briefing it shows (auto-drafting one from the selection if none).
        self.briefing_builder.export_dialog()

    def add_passage_to_briefing(self, article_id: int, start: int, end: int, pillar_id: str) -> int | None:
        """Add a passage to the briefing open in the builder (undoable); returns the item id."""
        return self.briefing_builder.add_passage(article_id, start, end, pillar_id)

    def export_briefing_to(self, path: Path, article_ids: list[int]) -> Path | None:
        """Draft a briefing from the articles and write it to ``path``."""
        from briefing_app.gui.briefing.builder import EXPORT_FILE_KEPT, export_failure
        from briefing_app.settings import save_settings

        try:
            # The Word writer loads at the first export: a broken install (a module missing, python-docx
            # not loading) is said like the builder's export says it, before anything is drafted.
            from briefing_app.export import ExportFailed, export_docx
        except Exception as exc:  # whatever stops the writer loading is said, not a crash
            QMessageBox.warning(self, "Export failed",
                                f"{export_failure(exc, traceback.format_exc())}\n\n{EXPORT_FILE_KEPT}")
            return None

        # A busy, full or read-only database: no briefing drafted; said below, with the normal cursor.
        refused = refused_write(lambda _problem: None)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with refused:
                briefing = self.services.briefings.create_draft(
                    article_ids, from_=self.settings.author, classification=self.settings.default_classification,
                )
                assert briefing.id is not None
                document = self.services.briefings.document(briefing.id)
                out = export_docx(document, path, template=self.settings.template or None)
        except (ExportFailed, ValueError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, "Export failed", str(exc))
            return None
        QApplication.restoreOverrideCursor()
        if refused.problem is not None:
            QMessageBox.warning(self, "Export failed", refused.problem)
            return None
        self.settings.last_export_dir = str(path.parent)
        # The folder is not remembered on a full disk or in a settings folder that cannot be written; the note is.
        with refused_settings_write(lambda _problem: None):
            save_settings(self.settings)
        self.statusBar().showMessage(f"Briefing written to {out}", 8000)
        return out

    # -- misc ----------------------------------------------------------------------------------
    def _legend_changed(self, labels: set[str], pillars: set[str]) -> None:
        from briefing_app.services.open_suggestions import Visibility
        from briefing_app.settings import save_settings

        self.view.set_hidden(labels, pillars)
        # Open-suggestion counts follow what is shown.
        self.library.visibility = Visibility.of(labels, pillars)
        self.refresh_library()
        self.settings.hidden_labels = sorted(labels)
        self.settings.hidden_pillars = sorted(pillars)
        with refused_settings_write(lambda problem: self.statusBar().showMessage(
                f"What is shown changed, but it is not remembered for next time. {problem}", 12000)):
            save_settings(self.settings)

    # -- the window on screen, across runs -----------------------------------------------------
    def available_geometry(self) -> QRect:
        """The part of the window's screen free of panels and docks (tests replace it)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)

    def place_on_screen(self, size: QSize | None = None) -> None:
        """Before the first show: the remembered size and place, else fill the available screen.

        ``size`` (``--size WxH``, e.g. for screenshots) asks for exactly that size instead.
        """
        if size is None and self.memory.restore_window(self):
            if not frame_fits(self, self.available_geometry()):
                self.fit_to_screen()  # remembered on a larger screen
            return
        self.fit_to_screen(size)

    def fit_to_screen(self, size: QSize | None = None) -> None:
        """Size the window so that it, frame included, lies inside the available screen geometry
        (or give it exactly ``size``, at the screen's top left)."""
        available = self.available_geometry()
        rect = fitted_geometry(available, frame_margins(self))
        if size is not None:
            rect.setSize(size)
        self.setGeometry(rect)

    def keep_frame_on_screen(self) -> None:
        """Once the window manager has framed the window: shrink it if the frame reaches off-screen."""
        if not self.isMaximized() and not self.isFullScreen() and \
                not frame_fits(self, self.available_geometry()):
            self.fit_to_screen()

    def reopen_last_article(self) -> int | None:
        """Show the article shown last in this database (else the newest); returns its id."""
        last = self.memory.last_article(self.services.db.location)
        if last is None or self.services.articles.get(last) is None:
            summaries = self.services.articles.list_summaries(limit=1)
            last = summaries[0].id if summaries else None
        if last is not None:
            self.show_article(last)
        return last

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.memory.save_window(self)
        self._analysis_retry.stop()  # the database may be closed next: nothing is tried again
        self._briefings_retry.stop()
        live = getattr(self, "live", None)
        if live is not None:
            live.stop()
        self.close_analyser()
        self.tasks.shutdown()
        super().closeEvent(event)

    def close_analyser(self) -> None:
        """Stop the analysis process (an analysis in flight ends as cancelled; nothing is saved half)."""
        self._analyser_watch.stop()
        if self._remote is not None:
            self._remote.close()


def standard_keys(key: QKeySequence.StandardKey) -> list[QKeySequence]:
    """The platform's bindings of a standard key that are typed with Ctrl (Cmd on macOS).

    Leaves out the rarely known alternatives (Alt+Backspace, the dedicated Undo/Redo keys of some
    keyboards) so the shortcut sheet stays readable; falls back to all when none uses Ctrl.
    """
    bindings = QKeySequence.keyBindings(key)
    # PortableText writes Cmd on macOS as "Ctrl" too.
    typed = [k for k in bindings if "Ctrl+" in k.toString(QKeySequence.SequenceFormat.PortableText)]
    return typed or bindings


@dataclass(slots=True)
class ArticleMarks:
    """What the view needs to draw one article."""

    article_id: int
    title: str
    text: str
    entities: list[EntityMark]
    pillars: list[PillarMark]
    #: Counts of the article's live tags (all labels) read with the marks (the analysis worker).
    tally: ArticleTally | None = None


def entity_mark(ann: Annotation) -> EntityMark:
    """View mark of an entity annotation."""
    from briefing_app.gui.article_view import EntityMark

    return EntityMark(ann.id or 0, ann.start, ann.end, ann.label, ann.status, ann.origin, ann.confidence, ann.why)


def pillar_mark(ann: Annotation) -> PillarMark:
    """View mark of a pillar annotation."""
    from briefing_app.gui.article_view import PillarMark

    return PillarMark(ann.id or 0, ann.start, ann.end, ann.label, ann.status, ann.origin, ann.confidence, ann.why)
