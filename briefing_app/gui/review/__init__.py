"""Review and correction workspace: fix any tag in a keystroke, undo anything (issue 4).

``install_review(window)`` adds the Review menu and keys, the popups on the
article text, the Entities/Pillars/Notes panels and the review status bar.
"""

from __future__ import annotations

from briefing_app.gui.review.controller import ReviewController
from briefing_app.gui.review.feature import install_review

__all__ = ["ReviewController", "install_review"]
