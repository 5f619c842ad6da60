"""Review status of the current article (new / in review / reviewed) with open suggestion counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from briefing_app.domain.models import ArticleStatus
from briefing_app.domain.wording import count
from briefing_app.gui.storage_guard import ArticleRows, calm_for_article

if TYPE_CHECKING:
    from briefing_app.gui.review.controller import ReviewController

#: The officer's words for each review status (the library column and the status chooser).
STATUS_NAMES: dict[str, str] = {ArticleStatus.NEW: "New", ArticleStatus.IN_REVIEW: "In review", ArticleStatus.REVIEWED: "Reviewed"}


def open_counts_text(entities: int, pillars: int) -> str:
    """The review bar's count: "<b>1</b> open suggestion (1 entity, 0 pillar passages)"."""
    total = entities + pillars
    if not total:
        return "No open suggestions"
    noun = count(total, "open suggestion").split(" ", 1)[1]  # the number is bold, the noun agrees with it
    return f"<b>{total:,}</b> {noun} ({count(entities, 'entity', 'entities')}, {count(pillars, 'pillar passage')})"


class ReviewStatusWidget(QWidget):
    """Status chooser, open-suggestion counts and the two bulk review buttons."""

    def __init__(self, controller: ReviewController) -> None:
        super().__init__(controller.window)
        self.controller = controller
        self.setObjectName("reviewStatus")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(QLabel("Review status:"))
        self.status = QComboBox(self)
        self.status.setObjectName("reviewStatusCombo")
        for key, name in STATUS_NAMES.items():
            self.status.addItem(name, key)
        self.status.activated.connect(self._chosen)
        layout.addWidget(self.status)
        self.counts = QLabel(self)
        self.counts.setObjectName("openSuggestions")
        layout.addWidget(self.counts)
        self.next_button = QPushButton("Next suggestion (N)", self)

        def next_suggestion() -> None:
            controller.go_suggestion(1)
            controller.view.setFocus()

        self.next_button.clicked.connect(next_suggestion)
        layout.addWidget(self.next_button)
        self.accept_all_button = QPushButton("Accept all remaining", self)
        self.accept_all_button.setToolTip("Accept every open suggestion of this article (Ctrl+Shift+A); undoable")
        self.accept_all_button.clicked.connect(controller.accept_all_remaining)
        layout.addWidget(self.accept_all_button)
        window = controller.window
        #: The article whose status and counts are shown (a read held busy for another greys them).
        self.article_rows = ArticleRows(window, "review status", lambda: window.current_article_id,
                                        lambda: window.tasks.closed, self._not_shown, lambda: self.refresh())
        self.refresh()

    def _not_shown(self, line: str) -> None:
        """Greyed, with ``line`` in place of the counts (they were another article's)."""
        self.setEnabled(False)
        self.counts.setText(line)

    @calm_for_article
    def refresh(self) -> None:
        """Show the current article's status and counts."""
        article_id = self.controller.window.current_article_id
        # The status alone (not the whole article: a long report's text is read for nothing), read
        # once per event-loop turn however many parts of the window ask.
        status = self.controller.article_status() or None if article_id is not None else None
        self.setEnabled(status is not None)
        if status is None:
            self.counts.setText("")
            return
        index = self.status.findData(status)
        self.status.setCurrentIndex(max(index, 0))
        counts = self.controller.open_counts(article_id)  # type: ignore[arg-type]
        total = counts["entity"] + counts["pillar"]
        self.counts.setText(open_counts_text(counts["entity"], counts["pillar"]))
        self.next_button.setEnabled(total > 0)
        self.accept_all_button.setEnabled(total > 0)

    def _chosen(self, index: int) -> None:
        self.controller.set_status(str(self.status.itemData(index)))
