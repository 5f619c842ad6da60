"""The Lessons panel: what the tagger learned from the officer, searchable, withdrawable, shareable."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
)
from sqlmodel import col, select

from briefing_app.domain.models import LESSON_KIND_NAMES, Article, Lesson, LessonAction
from briefing_app.domain.wording import count
from briefing_app.gui.review.panels import ROLE, _Panel, _snippet
from briefing_app.gui.storage_guard import calm_when_busy, refused_write
from briefing_app.services.analysis import AnalysisService
from briefing_app.services.lessons import LessonFileError, label_word
from briefing_app.storage.errors import describe_storage_error

if TYPE_CHECKING:
    from briefing_app.gui.review.controller import ReviewController
    from briefing_app.services import Services

#: The background task that re-suggests the library.
APPLY_TASK = "lessons:apply-to-library"
#: The background count of the tags a selected lesson is about.
IMPACT_TASK = "lessons:impact"
#: Why a lesson applies only where it was made (the officer's habit says otherwise), on its row.
LOCAL_ROLE = ROLE + 1
#: The background fit of the pillar habits learned from the officer's reviewed articles.
HABITS_TASK = "lessons:pillar-habits"
#: Said in place of an empty list of lessons.
EMPTY_HINT = ("No lessons yet. Each correction you make is learned here and applied to the articles you "
              "import next: rejecting, adding, relabelling or merging a tag, moving its edge (Alt+arrow keys "
              "or dragging it), tagging or untagging a pillar.")
#: The narrowest list that shows the "Learned in" and "When" columns: a docked panel beside the article
#: (~350 px on a 1366x768 laptop) shows the words and the lesson only, the rest in each row's tooltip.
WIDE_LIST = 620
#: The least width the words keep (two fifths of the room when wider) when the lesson is long: the lesson
#: takes the rest, elided, and is said in full in the tooltip.
WORDS_WIDTH = 120
#: How each kind of lesson is named in the panel (the same words as ``briefing-app lessons list``).
KIND_NAMES = LESSON_KIND_NAMES


def _label_text(lesson: Lesson, pillar_names: dict[str, str] | None = None) -> str:
    """The lesson's label in words: "Region or place (was “Indian Ocean”)", "Person → Organisation", "= Modi",
    a pillar by its name in the taxonomy ("Security", not its id "security")."""
    if lesson.action == LessonAction.ALIAS:
        return f"= {lesson.canonical}"
    names = pillar_names or {}
    label = label_word(lesson, lesson.label, names)
    if lesson.from_label and lesson.from_label != lesson.label:  # a boundary fix keeps its label: no "X → X"
        label = f"{label_word(lesson, lesson.from_label, names)} → {label}"
    if lesson.action == LessonAction.BOUNDARY and lesson.from_text and lesson.from_text != lesson.text:
        label += f" (was “{_snippet(lesson.from_text, 40)}”)"
    return label


def _searched(lesson: Lesson, pillar_names: dict[str, str] | None = None) -> str:
    """What the search box looks in: the words and the label as the row shows them (never a label code)."""
    return " ".join((lesson.text, lesson.from_text or "", KIND_NAMES.get(lesson.action, ""),
                     _label_text(lesson, pillar_names))).casefold()


class LessonsPanel(_Panel):
    """Every active lesson: kind, words, label, where and when it was learned; withdraw one (undoable)."""

    def __init__(self, controller: ReviewController) -> None:
        super().__init__(controller, ["Words", "Lesson", "Learned in", "When"], "lessonsPanel")
        self.search = QLineEdit(self)
        self.search.setObjectName("lessonsSearch")
        self.search.setPlaceholderText("Search lessons")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.kind = QComboBox(self)
        self.kind.setObjectName("lessonsKind")
        self.kind.addItem("All kinds", "")
        for action, name in KIND_NAMES.items():
            self.kind.addItem(name, str(action))
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind)
        self.withdraw_button = QPushButton("Withdraw", self)
        self.withdraw_button.setToolTip("Stop applying the selected lesson (Ctrl+Z brings it back)")
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        export_button = QPushButton("Export…", self)
        export_button.setToolTip("Save the lessons as a JSON Lines file to share with colleagues")
        export_button.clicked.connect(self.choose_export)
        import_button = QPushButton("Import…", self)
        import_button.setToolTip("Add a colleague's lessons file")
        import_button.clicked.connect(self.choose_import)
        self.apply_button = QPushButton("Apply to library", self)
        self.apply_button.setObjectName("lessonsApply")
        self.apply_button.setToolTip("Re-suggest the articles already in the library that the lessons change "
                                     "(your own accepted, rejected and added tags are kept)")
        self.apply_button.clicked.connect(self.toggle_apply)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.count = QLabel(self)
        #: why the list is empty, in its place: a new officer cannot guess where lessons come from
        self.empty_hint = QLabel(self)
        self.empty_hint.setObjectName("lessonsEmptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setVisible(False)
        self.impact = QLabel(self)
        self.impact.setObjectName("lessonsImpact")
        self.impact.setWordWrap(True)
        #: what the pillar learning made of the officer's reviewed articles beyond single passages (the settings it
        #: calibrated, the words it learned): it changes new articles' pillars, so the officer must be able to see it
        self.habits = QLabel(self)
        self.habits.setObjectName("lessonsHabits")
        self.habits.setWordWrap(True)
        self.habits.setVisible(False)
        self.habits.setToolTip("Learned from the pillars you confirmed, added and removed in your reviewed articles; "
                               "withdraw your pillar lessons to unlearn them")
        self._habits_version: object = None
        self.tree.currentItemChanged.connect(lambda _item, _prev: self._count_impact())
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.show_source())
        self.tree.setToolTip("Double-click a lesson (or right-click → Show source) to see where it was learned")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        for button in (self.withdraw_button, export_button, import_button):
            bottom.addWidget(button)
        apply_row = QHBoxLayout()
        apply_row.addWidget(self.progress, 1)
        apply_row.addWidget(self.apply_button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, top)
        layout.insertWidget(1, self.empty_hint)
        layout.addWidget(self.habits)
        layout.addWidget(self.impact)
        layout.addLayout(bottom)
        layout.addLayout(apply_row)
        self.tree.setRootIsDecorated(False)  # a flat list: no branch margin eating into the words
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Fit the columns to the list's width whenever it changes."""
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Show every column without a sideways scroll: at the docked width the source and date columns are
        hidden (they are in each row's tooltip) and a long lesson is elided rather than pushing columns off."""
        width = self.tree.viewport().width()
        wide = width >= WIDE_LIST
        for column in (2, 3):
            self.tree.setColumnHidden(column, not wide)
        header = self.tree.header()
        others = sum(header.sectionSize(c) for c in (2, 3)) if wide else 0
        room = max(width - others - max(WORDS_WIDTH, (width - others) * 2 // 5), 60)
        header.resizeSection(1, min(self.tree.sizeHintForColumn(1), room))

    @property
    def services(self) -> Services:
        """The window's services."""
        return self.controller.services

    @calm_when_busy
    def refresh(self) -> None:
        """Rebuild the list with the current search and kind filter."""
        needle = self.search.text().casefold().strip()
        kind = self.kind.currentData() or ""
        pillar_names = self.controller.window.view.pillar_names
        lessons = [x for x in self.services.lessons.all()
                   if (not kind or x.action == kind) and (not needle or needle in _searched(x, pillar_names))]
        ids = {x.article_id for x in lessons if x.article_id is not None}
        titles: dict[int, str] = {}
        if ids:
            with self.services.db.session() as session:
                titles = {i: t for i, t in session.exec(select(Article.id, Article.title).where(
                    col(Article.id).in_(sorted(ids)))) if i is not None}
        # boundary lessons the officer's own habit contradicts (counted once per change of the lessons)
        local = self.services.lessons.local_reasons() if any(
            x.action == LessonAction.BOUNDARY for x in lessons) else {}
        self.tree.clear()
        items = []
        for lesson in reversed(lessons):  # newest first
            what = KIND_NAMES.get(lesson.action, lesson.action)
            label = _label_text(lesson, pillar_names)
            title = titles.get(lesson.article_id or -1)
            # an imported lesson says its file; "(deleted article)" only for one whose article is gone
            source = title if title is not None else (
                f"lessons file {lesson.source}" if lesson.source else "(imported or deleted article)")
            item = QTreeWidgetItem([_snippet(lesson.text, 50), f"{what} {label}".strip(), _snippet(source, 30),
                                    lesson.created_at.strftime("%Y-%m-%d")])
            where = f"Learned in “{source}”" if title is not None or not lesson.source else \
                f"Imported from a colleague's lessons file “{lesson.source}”"
            # the row in full first: a docked list elides the lesson and hides where and when
            tip = f"{what} {label}: “{_snippet(lesson.text, 80)}”\n{where} on {lesson.created_at:%Y-%m-%d %H:%M}"
            if (reason := local.get(lesson.id or 0)) is not None:
                # a slip against the officer's own convention: said in the row, the counts in the tooltip
                item.setText(1, f"{item.text(1)} · applies only where you made it")
                tip = f"{reason}.\n{tip}"
                item.setData(0, LOCAL_ROLE, reason)  # said under the list too (a narrow dock hides the row's end)
            # desk mode: who taught it (only they, or a desk lead, may withdraw it); on one's own file
            # it is always oneself, and "Taught by <login name>" would only puzzle
            if lesson.taught_by and (self.services.db.is_server or lesson.taught_by != self.services.db.officer):
                tip = f"Taught by {lesson.taught_by}. {tip}"
                if lesson.taught_by != self.services.db.officer:
                    item.setText(3, f"{item.text(3)} · {lesson.taught_by}")
            if lesson.context:
                tip += f"\n{_snippet(lesson.context, 200)}"
            tip += "\nDouble-click to open it there."
            for column in range(4):
                item.setToolTip(column, tip)
            item.setData(0, ROLE, lesson.id)
            items.append(item)
        self.tree.addTopLevelItems(items)
        self._fit_columns()
        self.count.setText(count(len(items), "lesson"))
        if items:
            self.empty_hint.setText("")
        elif needle or kind:
            self.empty_hint.setText("No lesson matches this search or kind.")
        else:
            self.empty_hint.setText(EMPTY_HINT)
        self.empty_hint.setVisible(not items)
        self._refresh_habits()

    def _refresh_habits(self) -> None:
        """Say what pillar habits the lessons taught (fitted off the GUI thread, once per change of the lessons)."""
        analyzer = self.controller.window.analyzer
        version = self.services.lessons.version()
        if analyzer is None or version == self._habits_version:
            return
        self._habits_version = version
        lessons = self.services.lessons

        def work(_progress: object, _cancelled: object) -> list[str]:
            return lessons.pillar_habits(analyzer)

        def done(habits: list[str]) -> None:
            self.habits.setText("<b>Pillar habits learned</b> from your reviewed articles: " + html.escape("; ".join(habits)) + "."
                                if habits else "")
            self.habits.setVisible(bool(habits))

        def failed(exc: BaseException, _tb: str) -> None:
            self._habits_version = None  # try again at the next refresh (a busy database, say)
            self.habits.setVisible(False)

        self.controller.window.tasks.start(HABITS_TASK, work, done, failed)

    def _count_impact(self) -> None:
        """Say, for the selected lesson, how many tags in the library it changes now (counted off the GUI thread)."""
        lesson_id = self._selected_id()
        analyzer = self.controller.window.analyzer
        if lesson_id is None or analyzer is None:
            self.impact.setText("")
            return
        item = self.tree.currentItem()
        local = item.data(0, LOCAL_ROLE) if item is not None else None
        why = f" {local}." if local else ""
        service = AnalysisService(self.services.db, analyzer)

        def work(_progress: object, cancelled: object) -> tuple[int, int]:
            return lesson_id, service.tags_changed_by(lesson_id, cancel=cancelled)  # type: ignore[arg-type]

        def done(result: tuple[int, int]) -> None:
            if result[0] == self._selected_id():
                self.impact.setText(f"Changes {count(result[1], 'tag')} in the library now.{why}")

        self.impact.setText(f"Counting the tags this lesson changes…{why}")
        self.controller.window.tasks.start(IMPACT_TASK, work, done)

    def show_source(self) -> None:
        """Open the article the selected lesson was learned in, at the passage."""
        lesson_id = self._selected_id()
        lesson = next((x for x in self.services.lessons.all() if x.id == lesson_id), None)
        if lesson is None:
            return
        article = self.services.articles.get(lesson.article_id) if lesson.article_id is not None else None
        if article is None:
            self.controller.say(f"This lesson was imported from the lessons file {lesson.source}: no article to show."
                                if lesson.source else
                                "This lesson was imported or its article was deleted: no source to show.")
            return
        window = self.controller.window
        if window.current_article_id != article.id:
            assert article.id is not None
            window.show_article(article.id)
            if window.current_article_id != article.id:
                return  # not read (a busy database, said in the status bar): no span of the article shown
        at = article.text.find(lesson.context) if lesson.context else -1
        start, end = (at, at + len(lesson.context)) if at >= 0 else (0, 0)
        inside = article.text.find(lesson.text, start, end) if at >= 0 else article.text.find(lesson.text)
        if inside >= 0:
            start, end = inside, inside + len(lesson.text)
        if end > start:
            window.view.scroll_to(start, end)
            window.view.select_span(start, end)
        self.controller.say(f"Learned here, in “{article.title}”.")

    def _selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, ROLE) if item is not None else None

    def withdraw_selected(self) -> None:
        """Withdraw the selected lesson (undoable)."""
        lesson_id = self._selected_id()
        if lesson_id is None:
            self.controller.say("Select a lesson first.")
            return
        self.controller.perform(lambda: self.services.lessons.withdraw(lesson_id))

    def export_to(self, path: str) -> None:
        """Write the lessons to ``path``."""
        try:
            n = self.services.lessons.export_jsonl(path)
        except OSError as exc:
            self.controller.say(f"Lessons not exported: {exc.strerror or exc}")
            return
        self.controller.say(f"Exported {count(n, 'lesson')} to {path}.")

    def import_from(self, path: str) -> None:
        """Add the lessons of ``path``; a malformed file imports nothing and says which line."""
        try:
            with refused_write(lambda problem: self.controller.say(f"Lessons not imported. {problem}")) as refused:
                n = self.services.lessons.import_jsonl(path)
        except LessonFileError as exc:
            self.controller.say(f"Lessons not imported: {exc}")
            return
        if refused:  # one transaction: none of the file's lessons was stored
            return
        self.request_refresh()
        # a colleague's lessons do not reshape the stored articles unasked: the officer chooses when
        self.controller.say(f"Imported {count(n, 'lesson')}; they apply to the articles you import from now on. "
                            f"Apply to library re-suggests the articles already stored.")

    # -- apply to the whole library (background, cancellable) ----------------------------------
    def toggle_apply(self) -> None:
        """Start re-suggesting the library, or cancel the run in progress."""
        window = self.controller.window
        if window.tasks.is_busy(APPLY_TASK):
            window.tasks.cancel(APPLY_TASK)
            self._apply_finished("Stopped applying lessons to the library.")
            return
        analyzer = window.analyzer
        if analyzer is None:
            self.controller.say("The language model is still loading; try again in a moment.")
            return
        service = AnalysisService(self.services.db, analyzer)

        def work(progress: object, cancelled: object) -> list[int]:
            return service.resuggest_library(progress=progress, cancel=cancelled)  # type: ignore[arg-type]

        self.apply_button.setText("Cancel")
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        window.tasks.start(APPLY_TASK, work, self._applied, self._apply_failed, self._apply_progress)

    def _apply_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _applied(self, article_ids: list[int]) -> None:
        window = self.controller.window
        self._apply_finished(f"Lessons applied: {count(len(article_ids), 'article')} re-suggested.")
        refresh = getattr(window, "refresh_library", None)
        if callable(refresh):
            refresh()
        if window.current_article_id in article_ids:
            window.show_article(window.current_article_id)

    def _apply_failed(self, exc: BaseException, _tb: str) -> None:
        self._apply_finished(f"Applying lessons stopped: {describe_storage_error(exc) or exc}")

    def _apply_finished(self, message: str) -> None:
        self.apply_button.setText("Apply to library")
        self.progress.setVisible(False)
        self.controller.say(message)

    def choose_export(self) -> None:
        """Ask where to export the lessons."""
        path, _ = QFileDialog.getSaveFileName(self, "Export lessons", "lessons.jsonl", "Lessons (*.jsonl)")
        if path:
            self.export_to(path)

    def choose_import(self) -> None:
        """Ask which lessons file to import."""
        path, _ = QFileDialog.getOpenFileName(self, "Import lessons", "", "Lessons (*.jsonl);;All files (*)")
        if path:
            self.import_from(path)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        self.menu = QMenu(self)
        self.menu.addAction("Show source", self.show_source)
        self.menu.addAction("Withdraw this lesson", self.withdraw_selected)
        self.menu.popup(self.tree.viewport().mapToGlobal(pos))

