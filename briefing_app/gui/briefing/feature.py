"""Wiring of the briefing builder into the main window: dock, menu actions, "Add to briefing" menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from .builder import BriefingBuilder

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow

def install_briefing_builder(window: MainWindow, load: bool = True) -> BriefingBuilder:
    """Create the builder as the "Briefing" workspace tab and its actions; returns the builder.
    ``load=False``: its briefings are read later (``builder.briefings_changed(None)``)."""
    builder = BriefingBuilder(window, load=load)
    builder.setObjectName("briefingBuilder")
    index = window.workspace.addTab(builder, "Briefing")
    window.workspace.setTabToolTip(index, "Compose and export briefing notes (Ctrl+Shift+B)")

    toggle = QAction("&Briefing builder", window, checkable=True)
    toggle.setShortcut(QKeySequence("Ctrl+Shift+B"))
    toggle.setToolTip("Switch between the article and the briefing builder")
    toggle.toggled.connect(lambda on: window.workspace.setCurrentWidget(builder if on else window.view))
    window.workspace.currentChanged.connect(
        lambda _i: toggle.setChecked(window.workspace.currentWidget() is builder))
    window.menus["view"].addAction(toggle)
    # Composing needs the width: the article's review panels step aside while the Briefing
    # tab is in front and come back as they were on return (the library stays, for drafting).
    aside = _ReviewPanelsAside(window, builder)
    builder.panels_aside = aside  # type: ignore[attr-defined]  # PySide holds bound methods weakly
    window.workspace.currentChanged.connect(aside.switched)

    draft = QAction("Auto-&draft briefing from selected articles", window)

    def auto_draft() -> None:
        show_builder(window)
        builder.auto_draft()

    draft.triggered.connect(auto_draft)
    window.menus["file"].insertAction(window.export_action, draft)
    window.briefing_actions = {"auto_draft": draft}  # type: ignore[attr-defined]
    window.articleShown.connect(lambda _id: builder.refresh_passages())
    window.analysisFinished.connect(lambda _id: builder.refresh_passages())
    # Typing not yet committed is saved when the window closes.
    window.installEventFilter(_FlushOnClose(builder, window))
    return builder


class _ReviewPanelsAside:
    """Hides the right-hand review docks while the builder is the current workspace."""

    def __init__(self, window: MainWindow, builder: BriefingBuilder) -> None:
        self.window = window
        self.builder = builder
        self.hidden: list[QDockWidget] = []
        self.in_front: list[QDockWidget] = []

    def switched(self, _index: int) -> None:
        if self.window.workspace.currentWidget() is self.builder:
            self.hidden = [
                dock for dock in self.window.findChildren(QDockWidget)
                if dock.isVisible()
                and self.window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
            ]
            # Of tabbed docks only the front one has a visible region: remember it.
            self.in_front = [dock for dock in self.hidden if not dock.visibleRegion().isEmpty()]
            for dock in self.hidden:
                dock.hide()
        else:
            for dock in self.hidden:
                dock.show()
            for dock in self.in_front:
                dock.raise_()  # showing tabbed docks brings the last one forward; undo that
            self.hidden, self.in_front = [], []


class _FlushOnClose(QObject):
    def __init__(self, builder: BriefingBuilder, parent: QObject) -> None:
        super().__init__(parent)
        self.builder = builder

    def eventFilter(self, watched: QObject, event: object) -> bool:  # noqa: N802 (Qt API)
        from PySide6.QtCore import QEvent

        if isinstance(event, QEvent) and event.type() == QEvent.Type.Close:
            self.builder.flush_pending()
        return False


def show_builder(window: MainWindow) -> None:
    """Bring the briefing workspace to the front."""
    builder = window.findChild(BriefingBuilder, "briefingBuilder")
    if builder is not None:
        window.workspace.setCurrentWidget(builder)


def passage_span(window: MainWindow) -> tuple[int, int]:
    """The article view's selection as a passage: whole words, closing punctuation kept, blanks trimmed.

    (The view's own ``selection_span`` snaps for entity names and drops a final full stop,
    which a quoted sentence must keep.)
    """
    view = window.view
    cursor = view.editor.textCursor()
    text = view.text
    start = view.offsets.to_codepoint(cursor.selectionStart())
    end = view.offsets.to_codepoint(cursor.selectionEnd())
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return start, start
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def add_to_briefing_menu(window: MainWindow, menu: QMenu, start: int, end: int) -> QMenu | None:
    """Append "Add to briefing ▸ <pillar>" for the span ``[start, end)`` of the current article to ``menu``.

    Public so that any other context menu on the article text can offer the same entries.
    """
    article_id = window.current_article_id
    if article_id is None or end <= start:
        return None
    suggested = window.review.controller.best_pillar(start, end)  # the B key's choice
    sub = menu.addMenu("Add to briefing")
    sub.setObjectName("addToBriefingMenu")
    pillars = window.services.pillars.all()
    if suggested is not None:
        name = next((p.name for p in pillars if p.id == suggested), suggested)
        act = sub.addAction(f"{name} (suggested)")
        act.setData(suggested)
        act.triggered.connect(lambda _c=False, p=suggested: window.add_passage_to_briefing(article_id, start, end, p))
        sub.addSeparator()
    for p in pillars:
        if p.id == suggested:
            continue
        act = sub.addAction(p.name)
        act.setData(p.id)
        act.triggered.connect(lambda _c=False, pid=p.id: window.add_passage_to_briefing(article_id, start, end, pid))
    return sub
