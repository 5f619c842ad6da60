"""Search hits inside an article follow the library search's matching rules."""

from __future__ import annotations

from briefing_app.domain.search_hits import search_hits

TEXT = "Defence ties: India and Australia's defence ministers met in Canberra. Défense!"


def _words(query: str) -> list[str]:
    return [TEXT[s:e] for s, e in search_hits(TEXT, query)]


def test_whole_words_case_and_accents_ignored_last_word_is_a_prefix() -> None:
    assert _words("defence") == ["Defence", "defence"]
    assert _words("defen") == ["Defence", "defence", "Défense"]  # typed so far: a prefix
    assert _words("defense") == ["Défense"]
    assert _words("india canb") == ["India", "Canberra"]
    assert _words("ind canberra") == ["Canberra"]  # only the last word is a prefix
    assert _words("  ") == [] and _words("!!") == []
