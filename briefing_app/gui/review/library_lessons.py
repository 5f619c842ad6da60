"""A lesson reaches the whole library: the articles it would change are re-suggested in the background.

After every edit that records, supersedes or withdraws lessons (and after its undo/redo), the lesson
words are collected and, once the officer pauses (``delay_ms``: a burst of corrections makes one pass),
one TaskRunner task re-suggests the analysed articles whose text holds those lessons' words. Progress is
shown in the status bar with a Stop button; a newer pass replaces a running one. Only untouched
suggestions are replaced (``ArticleService.save_analysis``): the officer's accepted, rejected and added
tags are never overwritten, and undoing a lesson re-suggests the same articles back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton

from briefing_app.domain.wording import count
from briefing_app.services.analysis import AnalysisService, lesson_words
from briefing_app.services.changes import ChangeSet
from briefing_app.storage.errors import describe_storage_error

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow

#: The TaskRunner key of the background pass.
TASK = "lessons:library"

#: Wait (ms) before a pass the database refused (busy, full, read-only) is run again.
RETRY_MS = 30_000


class LibraryLessons(QObject):
    """Debounced, cancellable background re-suggestion of the library after lessons change."""

    #: the ids of the articles a finished pass re-suggested
    applied = Signal(list)

    def __init__(self, window: MainWindow, delay_ms: int = 1500) -> None:
        super().__init__(window)
        self.window = window
        self.pending: set[str] = set()  # the words of the lessons changed since the last pass
        self._running: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.start)
        self.stop_button = QPushButton("Stop", window)
        self.stop_button.setObjectName("lessonsLibraryStop")
        self.stop_button.setToolTip("Stop applying your corrections to the articles already in the library")
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.cancel)
        window.statusBar().addPermanentWidget(self.stop_button)

    def lessons_changed(self, changes: ChangeSet) -> None:
        """Note the lessons an edit (or its undo/redo) touched; a pass starts when the officer pauses."""
        # the words, not only the ids: an undo deletes the lesson row, and its articles must come back
        words = {w for pair in changes.lessons for s in pair if s is not None
                 for w in lesson_words(s.action, s.text, s.from_text)}
        if words:
            self.pending |= words
            self.timer.start()  # restarted by every edit of a burst

    def busy(self) -> bool:
        """True while a pass runs or waits for the officer to pause."""
        return self.timer.isActive() or self.window.tasks.is_busy(TASK)

    def start(self) -> None:
        """Re-suggest the articles the pending lessons change (a running pass is replaced)."""
        analyzer = self.window.analyzer
        if analyzer is None:  # the model is still loading: try again after the next pause
            self.timer.start()
            return
        if self.window.tasks.is_busy(TASK):
            self.pending |= self._running  # the newer pass covers the older one's lessons too
        words, self.pending = set(self.pending), set()
        if not words:
            return
        self._running = words
        service = AnalysisService(self.window.services.db, analyzer)

        def work(progress: object, cancelled: object) -> list[int]:
            return service.resuggest_library([], progress=progress, cancel=cancelled,  # type: ignore[arg-type]
                                             words=words)

        self.window.progress.setRange(0, 0)
        self.window.progress.setVisible(True)
        self.stop_button.setVisible(True)
        self.window.statusBar().showMessage("Applying your correction to the articles in the library…")
        self.window.tasks.start(TASK, work, self._done, self._failed, self._progress)

    def cancel(self) -> None:
        """Stop the pass in progress (articles already re-suggested stay so)."""
        self.timer.stop()
        self.pending.clear()
        self.window.tasks.cancel(TASK)
        self._finish("Stopped applying your correction to the library.")

    def _progress(self, done: int, total: int) -> None:
        self.window.progress.setRange(0, max(total, 1))
        self.window.progress.setValue(done)
        self.window.statusBar().showMessage(f"Applying your correction to the library: {done} of {total} articles…")

    def _done(self, article_ids: list[int]) -> None:
        self._running = set()
        self._finish(f"Your correction now applies to {count(len(article_ids), 'article')} in the library."
                     if article_ids else "")
        if article_ids:
            self.window.refresh_library()
            current = self.window.current_article_id
            if current in article_ids:
                self.window.show_article(current)
        self.applied.emit(article_ids)

    def _failed(self, exc: BaseException, _tb: str) -> None:
        words, self._running = self._running, set()
        problem = describe_storage_error(exc)
        if problem is None:
            self._finish(f"Applying your correction to the library stopped: {exc}")
            return
        # The database refused it (busy, full, read-only): the correction is not dropped, its words wait
        # for a pass after a pause (the articles already re-suggested are simply done again).
        self.pending |= words
        QTimer.singleShot(RETRY_MS, self, self._retry)
        self._finish(f"Applying your correction to the library stopped: {problem} "
                     f"It will be tried again in {RETRY_MS // 1000} s.")

    def _retry(self) -> None:
        # (A newer edit's pass may have taken the words already; a closing window starts nothing.)
        if self.pending and not self.busy() and not self.window.tasks.closed:
            self.start()

    def _finish(self, message: str) -> None:
        self.window.progress.setVisible(False)
        self.stop_button.setVisible(False)
        if message:
            self.window.statusBar().showMessage(message, 8000)
