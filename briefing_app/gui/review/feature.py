"""Wiring of the review workspace into the main window: actions, menus, docks, status bar."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QCursor, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar

from briefing_app.domain.identity import entity_key
from briefing_app.domain.models import AnnotationKind, ArticleStatus
from briefing_app.gui.review.controller import BULK_RENDER, ReviewController
from briefing_app.gui.review.lessons_panel import LessonsPanel
from briefing_app.gui.review.library_lessons import LibraryLessons
from briefing_app.gui.review.menus import entity_menu, pillar_menu, show_context_menu
from briefing_app.gui.review.panels import EntitiesPanel, NotesPanel, PillarsPanel
from briefing_app.gui.review.shortcuts import (
    LABEL_KEYS,
    PILLAR_KEY_PREFIX,
    ActionSpec,
    ShortcutSheet,
    label_action_text,
    make_action,
)
from briefing_app.gui.review.status import ReviewStatusWidget
from briefing_app.nlp.labels import label_name
from briefing_app.nlp.types import SHOWN_LABELS
from briefing_app.services.changes import ChangeSet

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow


PANEL_WIDTH = 400


class ReviewWorkspace:
    """Everything the review feature added to the window (reachable as ``window.review``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.controller = ReviewController(window)
        c = self.controller
        view = window.view
        pillars = window.services.pillars.all()
        view.pillar_names = {p.id: p.name for p in pillars}
        self.actions: dict[str, QAction] = {}
        specs = [
            ActionSpec("next", "&Next suggestion", ("N", "J"), lambda: c.go_suggestion(1),
                       tip="Go to the next open suggestion"),
            ActionSpec("previous", "&Previous suggestion", ("P", "K"), lambda: c.go_suggestion(-1),
                       tip="Go to the previous open suggestion (or back to the tag just edited)"),
            # Window-wide: they work wherever the focus is (library, a panel), not only in the text.
            ActionSpec("start", "Go to the &start of the article", ("Ctrl+Home",), lambda: c.go_to_end(False),
                       in_view=False),
            ActionSpec("end", "Go to the &end of the article", ("Ctrl+End",), lambda: c.go_to_end(True),
                       in_view=False),
            ActionSpec("accept", "&Accept", ("A", "Return", "Enter"), c.accept,
                       tip="Accept the tag under review and go to the next suggestion"),
            ActionSpec("reject", "&Reject / remove", ("R", "Delete"), c.reject,
                       tip="Reject the suggestion (remembered) or remove your own tag"),
            ActionSpec("apply_article", "Apply to all in this a&rticle", ("Shift+A",),
                       lambda: c.apply_to_all("article"),
                       tip="Give every occurrence of this text in the article the same label"),
            ActionSpec("apply_library", "Apply to all in the &library", ("Shift+L",),
                       lambda: c.apply_to_all("library"),
                       tip="Give every occurrence of this text in every article the same label"),
            ActionSpec("accept_all", "Accept all re&maining suggestions", ("Ctrl+Shift+A",),
                       c.accept_all_remaining, in_view=False),
            ActionSpec("note", "Add &note…", ("Ctrl+Shift+N",), lambda: c.add_note(), in_view=False,
                       tip="Attach a note to the selection, the tag under review or the sentence"),
            ActionSpec("briefing", "Add passage to &briefing", ("B",), lambda: c.add_to_briefing(),
                       tip="Add the selection (or the passage under review) to the current briefing"),
            ActionSpec("mark_reviewed", "Mark article re&viewed", ("Ctrl+Shift+R",),
                       lambda: c.set_status(ArticleStatus.REVIEWED), in_view=False),
            ActionSpec("clear", "Stop reviewing this tag", ("Escape",), c.clear_current),
            ActionSpec("grow_end", "Grow tag to the right", ("Alt+Right",), lambda: c.move_edge("end", True),
                       tip="Extend the tag under review by one word (the new boundary is learned)"),
            ActionSpec("shrink_end", "Shrink tag from the right", ("Alt+Left",), lambda: c.move_edge("end", False)),
            ActionSpec("grow_start", "Grow tag to the left", ("Alt+Shift+Left",),
                       lambda: c.move_edge("start", True)),
            ActionSpec("shrink_start", "Shrink tag from the left", ("Alt+Shift+Right",),
                       lambda: c.move_edge("start", False)),
        ]
        for spec in specs:
            self.actions[spec.name] = make_action(window, view, spec)
        for label in SHOWN_LABELS:
            spec = ActionSpec(f"label_{label}", label_action_text(label), (LABEL_KEYS[label],),
                              partial(c.apply_label, label),
                              tip=f"Label the selection, or relabel the tag under review: {label_name(label)}")
            self.actions[spec.name] = make_action(window, view, spec)
        for i, p in enumerate(pillars[:9]):
            spec = ActionSpec(f"pillar_{p.id}", p.name.replace("&", "&&"), (f"{PILLAR_KEY_PREFIX}{i + 1}",),
                              partial(c.apply_pillar, p.id),
                              tip=f"Tag (or untag) the selection or passage with the {p.name} pillar")
            self.actions[spec.name] = make_action(window, view, spec)
        self.sheet_action = QAction("&Keyboard shortcuts", window)
        self.sheet_action.setShortcut(QKeySequence("F1"))
        self.sheet_action.triggered.connect(self.show_shortcuts)
        self.sheet_action.setObjectName("review_shortcuts")
        self.sheet: ShortcutSheet | None = None

        self._build_menu()
        self._build_docks()
        self.status = ReviewStatusWidget(c)
        bar = QToolBar("Review", window)
        bar.setObjectName("reviewToolbar")
        bar.setMovable(False)
        bar.addWidget(self.status)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

        # Ctrl+Home/End leave the builder's own lists and fields alone while the builder is in front.
        def workspace_changed(_index: int) -> None:
            for name in ("start", "end"):
                self.actions[name].setEnabled(window.workspace.currentWidget() is view)

        window.workspace.currentChanged.connect(workspace_changed)
        view.annotationClicked.connect(self._entity_clicked)
        view.pillarClicked.connect(self._pillar_clicked)
        view.contextMenuAt.connect(lambda pos, offset: show_context_menu(c, pos, offset))
        view.boundaryDragged.connect(c.drag_boundary)
        window.articleShown.connect(lambda _id: self.refresh(new_article=True))
        window.analysisFinished.connect(self._analysis_finished)
        window.legend.changed.connect(lambda *_a: self.refresh())
        c.changed.connect(self._changed)

    # -- construction --------------------------------------------------------------------------
    def _build_menu(self) -> None:
        window = self.window
        help_action = window.menus["help"].menuAction()
        menu = QMenu("&Review", window)
        menu.setObjectName("reviewMenu")
        window.menuBar().insertMenu(help_action, menu)
        window.menus["review"] = menu
        a = self.actions
        for name in ("next", "previous", "start", "end"):
            menu.addAction(a[name])
        menu.addSeparator()
        for name in ("accept", "reject", "apply_article", "apply_library", "accept_all"):
            menu.addAction(a[name])
        labels = menu.addMenu("&Label as")
        labels.setObjectName("reviewLabelMenu")
        for label in SHOWN_LABELS:
            labels.addAction(a[f"label_{label}"])
        boundary = menu.addMenu("Tag &boundary")
        boundary.setObjectName("reviewBoundaryMenu")
        for name in ("grow_end", "shrink_end", "grow_start", "shrink_start"):
            boundary.addAction(a[name])
        pillars = menu.addMenu("Tag &pillar")
        pillars.setObjectName("reviewPillarMenu")
        for name, action in a.items():
            if name.startswith("pillar_"):
                pillars.addAction(action)
        menu.addSeparator()
        for name in ("note", "briefing"):
            menu.addAction(a[name])
        menu.addSeparator()
        menu.addAction(a["mark_reviewed"])
        menu.addAction(a["clear"])
        help_actions = window.menus["help"].actions()
        if help_actions:
            window.menus["help"].insertAction(help_actions[0], self.sheet_action)
        else:
            window.menus["help"].addAction(self.sheet_action)

    def _build_docks(self) -> None:
        window = self.window
        c = self.controller
        self.entities_panel = EntitiesPanel(c)
        self.pillars_panel = PillarsPanel(c)
        self.notes_panel = NotesPanel(c)
        self.lessons_panel = LessonsPanel(c)
        self.library_lessons = LibraryLessons(window)
        self.docks: dict[str, QDockWidget] = {}
        previous: QDockWidget | None = None
        legend = window.findChild(QDockWidget, "legendDock")
        for name, title, panel in (("entities", "Entities", self.entities_panel),
                                   ("pillars", "Pillars", self.pillars_panel),
                                   ("notes", "Notes", self.notes_panel),
                                   ("lessons", "Lessons", self.lessons_panel)):
            dock = QDockWidget(title, window)
            dock.setObjectName(f"{name}Dock")
            dock.setWidget(panel)
            dock.visibilityChanged.connect(panel.set_on_screen)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetClosable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            anchor = previous or legend
            if anchor is not None and window.dockWidgetArea(anchor) == Qt.DockWidgetArea.RightDockWidgetArea:
                window.tabifyDockWidget(anchor, dock)
            previous = dock
            self.docks[name] = dock
            window.menus["view"].addAction(dock.toggleViewAction())
        self.docks["entities"].raise_()
        # An article marked reviewed from the library makes its suggestions the officer's habit, as from the
        # review bar (see _changed): a boundary lesson against it now applies only where it was made.
        window.library.statusesChanged.connect(lambda _ids: self.lessons_panel.request_refresh())
        # File > Export / Import lessons…, just above Quit
        file_menu = window.menus["file"]
        quit_action = next((a for a in file_menu.actions() if a.text().replace("&", "") == "Quit"), None)
        for name, text, slot in (("export_lessons", "Export &lessons…", self.lessons_panel.choose_export),
                                 ("import_lessons", "Import l&essons…", self.lessons_panel.choose_import)):
            action = QAction(text, window)
            action.setObjectName(f"file_{name}")
            action.triggered.connect(lambda _checked=False, run=slot: run())
            file_menu.insertAction(quit_action, action)  # type: ignore[arg-type]
            self.actions[name] = action
        if quit_action is not None:
            file_menu.insertSeparator(quit_action)
        # Reading comes first: the right column keeps a panel's width, not a builder's.
        # Deferred: the layout only honours it once the window has its size.
        # Not when the window came back with the officer's own layout (gui/window_state).
        def first_width() -> None:
            if not window.property("restoredLayout"):
                window.resizeDocks([self.docks["entities"]], [PANEL_WIDTH], Qt.Orientation.Horizontal)

        QTimer.singleShot(0, first_width)

    # -- behaviour -----------------------------------------------------------------------------
    def refresh(self, new_article: bool = False, background: bool = False) -> None:
        """Reload panels and status from the database / view; ``background``: the Entities
        panel reads and fills in the background (after an analysis: a long report's entities would
        hold the window; its ``refreshed`` signal says when it is done)."""
        self.controller.forget_counts()  # an analysis or another article: read them again
        self.controller.forget_tally()
        if new_article:
            self.controller.clear_current()
            self.controller.last_edited = None
            self.controller.refresh_notes()
        self.entities_panel.request_refresh(background=background)
        self.pillars_panel.request_refresh()
        self.notes_panel.request_refresh()
        self.lessons_panel.request_refresh()
        self.status.refresh()

    def _changed(self) -> None:
        """After an edit or its undo: redraw what it touched (a long report's panels are not
        rebuilt for one accept); anything the panels cannot follow piece by piece rebuilds them."""
        applied = self.controller.applied
        if applied is None:
            self.refresh()
            return
        changes, backwards = applied
        panel = self.entities_panel
        if changes.bulk and not changes.annotations:
            patched = panel.update_statuses(changes, backwards)  # the same entities: counts only
        else:
            keys = entity_keys(changes)
            if keys and not changes.bulk:
                # Tags only decided on (an accept) are redrawn in place; the rest read again.
                rest = panel.update_mentions(changes, backwards)
                keys = rest if rest is not None else keys
            patched = keys is not None and (panel.update_entities(keys) if keys else panel.in_step()) \
                and panel.update_statuses(changes, backwards)
        if changes.entities or not patched:
            panel.request_refresh()
        if changes.statuses or any(g.kind == AnnotationKind.PILLAR for b in changes.bulk for g in b.groups) \
                or any((a if a is not None else b).kind != AnnotationKind.ENTITY for b, a in changes.annotations):
            self.pillars_panel.request_refresh()
        if changes.notes:
            self.notes_panel.request_refresh()
        if changes.lessons or changes.statuses or changes.bulk:
            # (an article marked reviewed, all its suggestions accepted: the officer's habit, against which
            # a boundary lesson may now apply only where it was made; one accept waits for the next refresh)
            self.lessons_panel.request_refresh()
        self.status.refresh()

    def _analysis_finished(self, article_id: int) -> None:
        if article_id == self.window.current_article_id:
            self.refresh(new_article=True, background=True)

    def _entity_clicked(self, annotation_id: int) -> None:
        self.controller.set_current("entity", annotation_id)
        menu = entity_menu(self.controller, annotation_id, self.window.view)
        if menu is not None:
            self.controller.show_menu(menu, QCursor.pos() + QPoint(4, 4))

    def _pillar_clicked(self, annotation_id: int) -> None:
        self.controller.set_current("pillar", annotation_id)
        menu = pillar_menu(self.controller, annotation_id, self.window.view)
        if menu is not None:
            self.controller.show_menu(menu, QCursor.pos() + QPoint(4, 4))

    def show_shortcuts(self) -> ShortcutSheet:
        """Open (or raise) the keyboard shortcuts sheet, generated from the live actions."""
        if self.sheet is None:
            self.sheet = ShortcutSheet(self.window)
        self.sheet.show()
        self.sheet.raise_()
        return self.sheet


#: An edit touching more entities than this (or more tags than BULK_RENDER) rebuilds the
#: Entities panel in one pass.
PANEL_UPDATE_LIMIT = 200


def entity_keys(changes: ChangeSet) -> set[str] | None:
    """The entities (canonical keys) an edit's tags belonged to before or after it; None when
    there are too many to update one by one."""
    if len(changes.annotations) > BULK_RENDER:
        return None  # many tags changed by snapshot (apply to all): the panel is rebuilt once
    keys: set[str] = set()
    for pair in changes.annotations:
        for snap in pair:
            if snap is not None and snap.kind == AnnotationKind.ENTITY:
                keys.add(snap.entity_id or entity_key(snap.label, snap.text))
        if len(keys) > PANEL_UPDATE_LIMIT:
            return None
    return keys


def install_review(window: MainWindow) -> ReviewWorkspace:
    """Add the review workspace to ``window`` (sets ``window.review``)."""
    workspace = ReviewWorkspace(window)
    window.review = workspace
    return workspace
