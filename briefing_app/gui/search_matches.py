"""Library search hits highlighted in the opened article, with F3 / Shift+F3 to walk through them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from briefing_app.domain.search_hits import search_hits

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow


class SearchMatches:
    """Keeps the article view's highlighted matches in step with the library's search box."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.next_action = QAction("Next search &match", window)
        self.next_action.setObjectName("findNext")
        self.next_action.setShortcuts(QKeySequence.StandardKey.FindNext)  # F3 (and Ctrl+G)
        self.next_action.setToolTip("Go to the next word the library search found in this article")
        self.next_action.triggered.connect(lambda: self.go(1))
        self.previous_action = QAction("Previous search matc&h", window)
        self.previous_action.setObjectName("findPrevious")
        self.previous_action.setShortcuts(QKeySequence.StandardKey.FindPrevious)  # Shift+F3
        self.previous_action.triggered.connect(lambda: self.go(-1))
        edit = window.menus["edit"]
        edit.addSeparator()
        edit.addAction(self.next_action)
        edit.addAction(self.previous_action)
        window.articleShown.connect(lambda _id: self.update())
        window.analysisFinished.connect(self._analysed)
        window.library.refreshed.connect(self.update)

    def query(self) -> str:
        """What the library's search box holds."""
        return self.window.library.search.text().strip()

    def update(self) -> None:
        """Highlight the current query's matches in the article shown (none without a query)."""
        view = self.window.view
        hits = search_hits(view.text, self.query()) if self.query() else []
        if hits == view.search_hits:
            return
        view.set_search_hits(hits)
        if hits:
            self.window.statusBar().showMessage(
                f"{len(hits)} match(es) for “{self.query()}” in this article: F3 next, Shift+F3 previous", 8000)

    def _analysed(self, article_id: int) -> None:
        # A first analysis redraws the article (and its highlights): draw the matches again.
        if article_id == self.window.current_article_id:
            self.update()

    def go(self, step: int) -> None:
        """Go to the next (1) or previous (-1) match, wrapping around."""
        view = self.window.view
        if not view.search_hits:
            self.update()
        hits = view.search_hits
        if not hits:
            what = f"No match for “{self.query()}” in this article." if self.query() else \
                "Type in the library's search box first (Ctrl+F); F3 then goes from match to match."
            self.window.statusBar().showMessage(what, 6000)
            return
        if view.current_hit is None:
            index = 0 if step > 0 else len(hits) - 1
        else:
            index = (view.current_hit + step) % len(hits)
        self.window.workspace.setCurrentWidget(view)
        view.go_to_hit(index)
        view.editor.setFocus()
        self.window.statusBar().showMessage(f"Match {index + 1} of {len(hits)} for “{self.query()}”", 6000)


def install_search_matches(window: MainWindow) -> SearchMatches:
    """Wire search-hit highlighting and F3 / Shift+F3 into ``window``."""
    return SearchMatches(window)
