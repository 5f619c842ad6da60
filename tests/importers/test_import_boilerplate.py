"""Boilerplate stripping is aggressive on clutter and never touches sentences."""

from __future__ import annotations

import pytest

from briefing_app.importers import strip_boilerplate
from briefing_app.importers.boilerplate import BOILERPLATE_PATTERNS, is_boilerplate

CLUTTER = [
    "Also Read: India, US sign defence pact", "| Also Read: X |", "ALSO READ | Modi speaks to Trump",
    "Read more", "Read More »", "READ MORE: Quad summit postponed", "Related Stories", "Related: Quad",
    "Share this article", "Share on WhatsApp", "Share | Tweet | Email", "Facebook Twitter WhatsApp",
    "Follow us on Twitter", "Follow us:", "Follow The Hindu on Google News", "Click here to subscribe",
    "Subscribe to our newsletter", "Join our WhatsApp channel for updates", "Advertisement",
    "ADVERTISEMENT", "Advertisement - Continue Reading Below", "Story continues below this ad",
    "This website uses cookies to improve your experience.", "We use cookies to personalise content.",
    "Accept all cookies", "Cookie settings", "Also Watch - video of the meeting", "You may also like",
    "Download the Example News app", "Listen to this article",
]  # fmt: skip
SENTENCES = [
    "(With inputs from agencies)", "Also read the full statement, the minister said.",
    "The regulator found the website uses cookies without consent.", "Follow-up talks are due next month.",
    "Related parties will meet in Delhi.", "Share prices rose sharply on Monday.",
    "Advertisement revenue fell 10% last year.", "Print media carried the story.",
    "Modi shares his vision on Twitter", "Trending upward, exports grew 5%.", "Follow usual procedures.",
    "Email correspondence between the two ministers was released.", "Accept the proposal, he urged.",
    "Read more widely, the ambassador advised students.", "Advertisements for the tender appeared in May.",
    "Click here to subscribe " + "and " * 80 + "this is long.",
]  # fmt: skip


def test_patterns_are_data() -> None:
    assert isinstance(BOILERPLATE_PATTERNS, tuple) and len(BOILERPLATE_PATTERNS) > 5


@pytest.mark.parametrize("line", CLUTTER)
def test_clutter_detected(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", SENTENCES)
def test_sentences_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_strip_keeps_paragraph_structure() -> None:
    text = "Para one.\n\nAlso Read: Elsewhere\n\nPara two.\nShare this article\n\n(With inputs from agencies)"
    assert strip_boilerplate(text) == "Para one.\n\nPara two.\n\n(With inputs from agencies)"


def test_strip_leaves_clean_text_identical() -> None:
    text = "Para one.\n\n  Indented line\nPara two."
    assert strip_boilerplate(text) is text
    assert strip_boilerplate("") == ""


def test_strip_only_whole_lines() -> None:
    line = "The minister said: Also Read: is a label used by websites."
    assert strip_boilerplate(line) == line
