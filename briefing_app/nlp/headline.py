"""What a headline is: the one definition the pillar scorer (the headline's pillars, the document's topic), the
speaker labels (a colon in a headline is no label) and the commitments (a headline restates the body) share.

A headline is a line of its own near the top of a text: short, with no sentence end in it, and more text after it
("Ruritania and Freedonia sign port deal", "The African Gas Pipeline: where the project stands").
"""

from __future__ import annotations

from briefing_app.domain.text import SENTENCE_END
from briefing_app.nlp.chunking import sentence_spans

#: Longest a headline runs, in characters.
HEADLINE_MAX = 250
#: A headline is one of the first lines that are not empty (a dateline or a letterhead may come before it).
HEADLINE_LINES = 3


def is_headline(text: str, start: int, end: int | None = None, *, top: bool | None = None) -> bool:
    """True when ``text[start:end]`` (``end``: the end of its line by default) reads like a headline: it ends its
    line, it runs at most ``HEADLINE_MAX`` characters with no sentence end in it (an initial or "U.S." is none:
    the sentence splitter's abbreviations), more text follows, and it opens the text.

    ``top``: the caller knows whether it opens the text (the pillar scorer: the first sentence after the
    letterhead); by default it must be one of the first ``HEADLINE_LINES`` lines with words.
    """
    line_end = text.find("\n", start)
    if line_end < 0 or not text[line_end:].strip():
        return False  # nothing after it: a one-line text is not headed
    if end is None:
        end = line_end
    elif end > line_end or text[end:line_end].strip():
        return False  # a sentence that shares its line (or runs on into the next) is prose
    line = text[start:end].rstrip()
    if len(line) > HEADLINE_MAX or SENTENCE_END.search(line) or len(sentence_spans(text, start, end)) > 1:
        return False
    if top is not None:
        return top
    return sum(1 for x in text[:start].split("\n") if x.strip()) < HEADLINE_LINES
