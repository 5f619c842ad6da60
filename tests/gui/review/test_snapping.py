"""Selection snapping: whole words, entity trimming, Devanagari combining marks."""

from __future__ import annotations

from briefing_app.gui.article_view import entity_span, snap_to_words


def test_snap_widens_to_words_and_trims_spaces() -> None:
    text = "The India–US COMPACT was signed."
    start = text.index("COMPACT")
    assert snap_to_words(text, start + 2, start + 5) == (start, start + 7)
    assert snap_to_words(text, start - 1, start + 3) == (start, start + 7)
    assert snap_to_words(text, 3, 4) == (4, 4), "a selection of only a space is empty"
    assert snap_to_words(text, 5, 500) == (4, len(text)), "clamped to the text; the passage keeps its full stop"


def test_entity_span_drops_full_stop_and_possessive_but_keeps_abbreviations() -> None:
    text = "He met the U.S. envoy and India's minister in Canberra."
    assert text[slice(*entity_span(text, text.index("U.S."), text.index("U.S.") + 4))] == "U.S."
    assert text[slice(*entity_span(text, text.index("India's"), text.index("India's") + 7))] == "India"
    end = text.index("Canberra") + 9
    assert text[slice(*entity_span(text, text.index("Canberra"), end))] == "Canberra"


def test_devanagari_vowel_signs_stay_inside_the_word() -> None:
    text = "नई दिल्ली में बैठक"
    start = text.index("दिल्ली")
    assert snap_to_words(text, start + 1, start + 3) == (start, start + len("दिल्ली"))
