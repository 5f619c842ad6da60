"""Full-text search of the library on either engine, behind one shape of SQL.

SQLite: the external-content FTS5 table ``article_fts`` (migration 0001; ``unicode61``
tokens, ``snippet()`` and ``rank``). PostgreSQL (a desk database): the generated
``article.search_vector`` with its GIN index (migration 0007; the ``simple`` configuration, no
stemming, ``ts_headline()`` and ``ts_rank()``). The article service builds one query from
:class:`FullText` and never asks which engine it has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Connection


@dataclass(frozen=True)
class FullText:
    """SQL pieces of one search over ``article a``."""

    source: str  # FROM clause: ``article a`` (joined to the index where there is one)
    condition: str  # WHERE condition: the article matches
    snippet: str  # expression: an excerpt with each hit between the markers
    order: str  # ORDER BY expression: best match first
    params: dict[str, object] = field(default_factory=dict)
    # A FROM clause over the newest articles only, tried first where ranking every match would read
    # too many rows (see search_sql); None: the one query over ``source`` is always right.
    recent_source: str | None = None


#: On PostgreSQL, a search first ranks the hits among this many newest articles (see search_sql).
RECENT_WINDOW = 10_000


def terms(query: str) -> list[str]:
    """The words of what the officer typed (letters, digits, underscore)."""
    return [t for t in re.findall(r"\w+", query, flags=re.UNICODE) if t]


@dataclass(frozen=True)
class TermStats:
    """How common words are in the library: PostgreSQL's own statistics of the search column.

    ``shares`` holds the most common words (up to a thousand) with the share of articles holding
    each; any other word is rarer than ``floor``.
    """

    shares: dict[str, float]
    floor: float

    def share(self, word: str, prefix: bool = False) -> float:
        """Estimated share of articles holding ``word`` (or, with ``prefix``, any word starting so)."""
        word = word.lower()
        if prefix:
            total = sum(f for w, f in self.shares.items() if w.startswith(word))
            return min(1.0, total) if total else self.floor
        return self.shares.get(word, self.floor)


def load_term_stats(conn: Connection) -> TermStats | None:
    """The search column's statistics on PostgreSQL (None on SQLite, or before the first ANALYZE)."""
    if conn.dialect.name != "postgresql":
        return None
    row = conn.execute(text(
        "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
        "WHERE tablename = 'article' AND attname = 'search_vector' AND schemaname = current_schema()"
    )).first()
    if row is None or not row[0] or not row[1]:
        return None
    words, freqs = list(row[0]), [float(f) for f in row[1]]
    # The frequency array ends with the minimum, the maximum and the null share.
    return TermStats(dict(zip(words, freqs, strict=False)), floor=min(freqs[:len(words)]))


def search_sql(dialect: str, query: str, hit_open: str, hit_close: str, tokens: int,
               stats: TermStats | None = None) -> FullText | None:
    """The pieces for ``query`` on the engine ``dialect`` ("sqlite"/"postgresql"); None when it holds no word.

    Every term is quoted so user input never becomes search syntax; the last term is a prefix so
    results appear while typing. On PostgreSQL the caller first tries ``recent_source`` and keeps
    its answer when it fills the page: a word common enough for that ranks among the newest
    articles (an officer's desk reads recent reporting first); rarer words rank every match.
    """
    words = terms(query)
    if not words:
        return None
    if dialect == "sqlite":
        match = (" ".join(f'"{t}"' for t in words[:-1]) + f' "{words[-1]}"*').strip()
        return FullText(
            source="article_fts JOIN article a ON a.id = article_fts.rowid",
            condition="article_fts MATCH :fts_q",
            snippet=f"snippet(article_fts, 2, '{hit_open}', '{hit_close}', '…', {tokens})",
            order="article_fts.rank",
            params={"fts_q": match},
        )
    # PostgreSQL: \w words never hold a quote or backslash, so quoting them is enough.
    exact = [f"'{t}'" for t in words[:-1]]
    tsquery = " & ".join([*exact, f"'{words[-1]}':*"])
    query_sql = "to_tsquery('simple', :fts_q)"
    params: dict[str, object] = {"fts_q": tsquery}
    condition = f"a.search_vector @@ {query_sql}"
    if exact and stats is not None and (stats.share(words[-1], prefix=True)
                                        >= min(stats.share(w) for w in words[:-1])):
        # The GIN index is asked for the whole words only, and the prefix being typed is checked on
        # their rows: a prefix lookup of a common word ("maritime":*) cannot use the index's fast
        # intersection and reads its whole posting list (0.2 s at a million articles). A prefix
        # rarer than every whole word stays in the index question, where it is the fast part.
        params["fts_exact"] = " & ".join(exact)
        condition = (f"a.search_vector @@ to_tsquery('simple', :fts_exact) "
                     f"AND ts_match_vq(a.search_vector, {query_sql})")
    options = (f'StartSel="{hit_open}", StopSel="{hit_close}", MaxWords={tokens}, '
               f"MinWords={max(1, tokens // 2)}, ShortWord=0, FragmentDelimiter=\"…\"")
    return FullText(
        source="article a",
        condition=condition,
        snippet=f"ts_headline('simple', a.text, {query_sql}, :fts_options)",
        order=f"ts_rank(a.search_vector, {query_sql}) DESC, a.id DESC",
        params={**params, "fts_options": options},
        # Ranking every match of a common word reads each matching row (1.4 s for 387,000 of a
        # million). The newest RECENT_WINDOW articles are read first, from the (created_at, id)
        # index; when they alone hold a full page of hits, those are the answer.
        recent_source=(f"(SELECT * FROM article ORDER BY created_at DESC, id DESC LIMIT {RECENT_WINDOW}) a"),
    )
