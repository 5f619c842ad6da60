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


@dataclass(frozen=True)
class FullText:
    """SQL pieces of one search over ``article a``."""

    source: str  # FROM clause: ``article a`` (joined to the index where there is one)
    condition: str  # WHERE condition: the article matches
    snippet: str  # expression: an excerpt with each hit between the markers
    order: str  # ORDER BY expression: best match first
    params: dict[str, object] = field(default_factory=dict)


def terms(query: str) -> list[str]:
    """The words of what the officer typed (letters, digits, underscore)."""
    return [t for t in re.findall(r"\w+", query, flags=re.UNICODE) if t]


def search_sql(dialect: str, query: str, hit_open: str, hit_close: str, tokens: int) -> FullText | None:
    """The pieces for ``query`` on the engine ``dialect`` ("sqlite"/"postgresql"); None when it holds no word.

    Every term is quoted so user input never becomes search syntax; the last term is a prefix so
    results appear while typing.
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
    tsquery = " & ".join([*(f"'{t}'" for t in words[:-1]), f"'{words[-1]}':*"])
    query_sql = "to_tsquery('simple', :fts_q)"
    options = (f'StartSel="{hit_open}", StopSel="{hit_close}", MaxWords={tokens}, '
               f"MinWords={max(1, tokens // 2)}, ShortWord=0, FragmentDelimiter=\"…\"")
    return FullText(
        source="article a",
        condition=f"a.search_vector @@ {query_sql}",
        snippet=f"ts_headline('simple', a.text, {query_sql}, :fts_options)",
        order=f"ts_rank(a.search_vector, {query_sql}) DESC, a.id DESC",
        params={"fts_q": tsquery, "fts_options": options},
    )
