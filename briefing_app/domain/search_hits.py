"""Where a library search matches inside one article's text (to highlight the hits when it is opened).

Mirrors the library's full-text search (``ArticleService._fts_query`` / FTS5 ``unicode61``): words
match whole and case-insensitively, accents ignored, and the last word typed also matches as a
prefix ("defen" finds "defence").
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_hits(text: str, query: str) -> list[tuple[int, int]]:
    """Code-point spans of the words of ``text`` that the library search ``query`` matches."""
    terms = [_fold(t) for t in _WORD.findall(query)]
    if not terms:
        return []
    whole, prefix = set(terms[:-1]), terms[-1]
    hits = []
    for match in _WORD.finditer(text):
        word = _fold(match.group(0))
        if word in whole or word.startswith(prefix):
            hits.append((match.start(), match.end()))
    return hits
