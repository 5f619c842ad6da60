"""Sentence/passage boundaries and chunks for long documents (pure text rules, no model)."""

from __future__ import annotations

import re
import unicodedata

#: Words followed by a full stop that do not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof smt shri sh sri km st gen lt col adm capt sgt maj rep sen gov hon jr sr inc ltd co corp
no nos vol vs etc eg ie jan feb mar apr jun jul aug sep sept oct nov dec govt dept approx fig est
u.s u.k u.n e.u u.s.a u.a.e h.e p.m a.m
""".split())
# Matches start only at the first mark of a run and never backtrack into it: a long run of
# dots ("......") would otherwise be re-scanned from every position (quadratic time).
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"”’')\]]*+(?=\s+[\"“‘'(\[]?[A-Z0-9\u0900-\u097F]|\s+\((?:in|interpretation|speaking|through|translated)\b)")
#: A wire dateline before the lead: "TOKYO/SEOUL, Jan 22 (Reuters) - " (its own passage, no pillar)
_DATELINE = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ/ .'-]{1,40},[^()\n]{1,25}\([A-Za-z .&]{2,30}\)\s*[-–—]")
_PREV_WORD = re.compile(r"([\w.]+)$")
_WS = " \t\n"
#: Longest sentence, in characters. Text without sentence punctuation (a caption dump, a table or a word
#: list pasted as one line) is cut into sentences of at most this many characters, so that no passage grows
#: to the size of the text. Far above a real sentence (the dev sets' longest is about 650).
MAX_SENTENCE_CHARS = 2_000
#: Characters that belong with the one before them: a cut never falls right before one of these.
_CLINGING = frozenset("\u200c\u200d\ufe0e\ufe0f") | frozenset(chr(c) for c in range(0x1F3FB, 0x1F400))


def _clings(text: str, pos: int) -> bool:
    """True when a cut at ``pos`` would split a character cluster: a combining mark or a vowel sign
    ("कि"), a joiner or variation selector, a skin tone, or the consonant after a virama ("क्ष")."""
    ch = text[pos]
    if ch in _CLINGING or unicodedata.category(ch) in ("Mn", "Mc", "Me"):
        return True
    before = text[pos - 1]
    return before == "\u200d" or unicodedata.combining(before) == 9  # after a joiner, after a virama


def cut_before(text: str, start: int, limit: int) -> int:
    """Where to end a piece of ``text[start:]`` that must stop by ``limit`` (start < limit < len(text)):
    at the last space or tab after ``start``, else at ``limit`` moved back off a character cluster.

    The one rule for cutting a run of text that has no better boundary, used for over-long sentences and
    for chunks; the next piece starts at the returned position.
    """
    cut = max(text.rfind(" ", start, limit), text.rfind("\t", start, limit))
    if cut > start:
        return cut
    cut = limit
    while cut > start + 1 and _clings(text, cut):
        cut -= 1
    return cut


def _is_abbreviation(text: str, dot_pos: int) -> bool:
    """True when the full stop at ``dot_pos`` ends an abbreviation or an initial."""
    if text[dot_pos] != ".":
        return False
    match = _PREV_WORD.search(text, max(0, dot_pos - 12), dot_pos)
    if not match:
        return False
    word = match.group(1).rstrip(".").casefold()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "S. Jaishankar", "Donald J. Trump"
    return word in ABBREVIATIONS


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return (start, end) if end > start else None


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]``; every line is at least its own sentence."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        cur = line_start
        dateline = _DATELINE.match(text, line_start, line_end)
        if dateline is not None and dateline.end() < line_end:
            spans.append((line_start, dateline.end()))
            cur = dateline.end()
        for match in _BOUNDARY.finditer(text, cur, line_end):
            if _is_abbreviation(text, match.start()):
                continue
            _add_sentence(text, cur, match.end(), spans)
            cur = match.end()
        _add_sentence(text, cur, line_end, spans)
        line_start = line_end + 1
    return spans


def _add_sentence(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``text[start:end]`` trimmed, in pieces of at most ``MAX_SENTENCE_CHARS`` (see ``cut_before``)."""
    piece = _trimmed(text, start, end)
    while piece is not None and piece[1] - piece[0] > MAX_SENTENCE_CHARS:
        cut = cut_before(text, piece[0], piece[0] + MAX_SENTENCE_CHARS)
        head = _trimmed(text, piece[0], cut)
        if head:
            spans.append(head)
        piece = _trimmed(text, cut, piece[1])
    if piece:
        spans.append(piece)


def chunk_spans(text: str, max_chars: int = 10_000) -> list[tuple[int, int]]:
    """Split ``text`` into consecutive chunks of at most ``max_chars`` at paragraph/line breaks.

    A longer line is cut at sentence boundaries, a longer sentence at the last
    whitespace before the limit (``cut_before``). Chunks cover the text without gaps or overlaps.
    """
    n = len(text)
    if n <= max_chars:
        return [(0, n)] if n else []
    chunks: list[tuple[int, int]] = []
    start = 0
    while start < n:
        limit = start + max_chars
        if limit >= n:
            chunks.append((start, n))
            break
        cut = text.rfind("\n\n", start, limit)
        if cut <= start:
            cut = text.rfind("\n", start, limit)
        if cut <= start:
            # the last "sentence" is the one the limit cuts: end at the one before it
            ends = [e for _, e in sentence_spans(text, start, limit)[:-1]]
            cut = ends[-1] if ends else -1
        if cut <= start:
            cut = cut_before(text, start, limit)
        chunks.append((start, cut))
        start = cut
    return chunks
