"""storage/fulltext: how a search is put to each engine (issue 19: a million-article desk library)."""

from __future__ import annotations

from briefing_app.storage.fulltext import RECENT_WINDOW, TermStats, search_sql

STATS = TermStats({"maritime": 0.39, "naval": 0.30, "summit": 0.39, "hydrogenous": 0.2}, floor=0.001)


def _pg(query: str, stats: TermStats | None = STATS):  # noqa: ANN202 (a FullText)
    fts = search_sql("postgresql", query, "\x02", "\x03", 12, stats)
    assert fts is not None
    return fts


def test_term_shares_come_from_the_statistics_or_the_floor() -> None:
    assert STATS.share("Maritime") == 0.39
    assert STATS.share("corridor") == 0.001  # not among the common words: rarer than all of them
    assert STATS.share("hydrog", prefix=True) == 0.2  # the common words that start so
    assert STATS.share("zz", prefix=True) == 0.001


def test_a_common_prefix_is_checked_on_the_rows_of_the_whole_words() -> None:
    fts = _pg("hydrogen maritim")  # a rare whole word, the prefix of a common one
    assert fts.params["fts_exact"] == "'hydrogen'"
    assert "a.search_vector @@ to_tsquery('simple', :fts_exact)" in fts.condition
    assert "ts_match_vq(a.search_vector, to_tsquery('simple', :fts_q))" in fts.condition
    assert fts.params["fts_q"] == "'hydrogen' & 'maritim':*"


def test_a_prefix_rarer_than_every_whole_word_stays_in_the_index_question() -> None:
    fts = _pg("maritime corrid")
    assert "fts_exact" not in fts.params
    assert fts.condition == "a.search_vector @@ to_tsquery('simple', :fts_q)"


def test_without_statistics_or_with_one_word_the_index_gets_the_whole_question() -> None:
    assert "fts_exact" not in _pg("hydrogen maritim", stats=None).params
    assert "fts_exact" not in _pg("maritim").params


def test_postgresql_tries_the_newest_articles_first_and_sqlite_has_no_need() -> None:
    fts = _pg("maritime")
    assert fts.recent_source is not None and f"LIMIT {RECENT_WINDOW}" in fts.recent_source
    assert "ORDER BY created_at DESC, id DESC" in fts.recent_source
    sqlite = search_sql("sqlite", "maritime", "\x02", "\x03", 12)
    assert sqlite is not None and sqlite.recent_source is None


def test_user_input_never_becomes_search_syntax() -> None:
    fts = _pg("it's & | ! maritime:*")
    assert fts.params["fts_q"] == "'it' & 's' & 'maritime':*"
