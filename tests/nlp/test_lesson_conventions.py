"""Which boundary lessons are convention choices, and how a reviewed tag shows the officer's habit (round 16)."""

from __future__ import annotations

from briefing_app.nlp.lessons import ConventionEdge, LessonRule, convention_edges


def test_an_edge_moved_over_lower_case_words_is_a_convention() -> None:
    assert convention_edges("Kivu Basin", "the Kivu Basin") == [ConventionEdge("left", ("the",), True)]
    assert convention_edges("2041", "by 2041") == [ConventionEdge("left", ("by",), True)]
    assert convention_edges("the close of 2031", "2031") == [ConventionEdge("left", ("the", "close", "of"), False)]
    assert convention_edges("Lake Varna", "Lake Varna region") == [ConventionEdge("right", ("region",), True)]


def test_a_name_a_number_or_a_split_word_is_no_convention() -> None:
    assert convention_edges("Quad", "Quad Cancer Moonshot") == []
    assert convention_edges("Minister Talo Reyes", "Talo Reyes") == []
    assert convention_edges("March", "March 2031") == []
    assert convention_edges("U.S.", "U.S.-Japan Alliance") == []
    assert convention_edges("Kivu Basin", "Kivu Basin") == []


def test_a_reviewed_tag_keeps_the_words_inside_or_outside() -> None:
    the = ConventionEdge("left", ("the",), True)
    assert the.habit("Maldives", "Envoys from the ", ", the") == -1
    assert the.habit("the Maldives", "Envoys from ", ",") == 1
    assert the.habit("Maldives", "Envoys from ", ",") == 0
    assert the.habit("Maldives", "soothe", " and") == 0, "a whole word only"
    assert the.habit("Maldives", "the\n", " and") == 0, "not across a line"
    frame = ConventionEdge("left", ("the", "close", "of"), False)
    assert frame.outer() == ConventionEdge("left", ("the",), False)
    assert frame.habit("the close of 2030", "until ", ".") == 1
    assert frame.habit("2030", "at the close of ", ".") == -1
    region = ConventionEdge("right", ("region",), True)
    assert region.habit("Lake Varna", "the ", " region.") == -1


def test_a_local_lesson_is_made_here_only_at_its_place_in_its_sentence() -> None:
    rule = LessonRule(1, "boundary", "the Kivu Basin", "LOC", from_text="Kivu Basin",
                      context="Rangers patrol the Kivu Basin daily.", left="patrol", right="daily.")
    text = "Intro line.\nRangers patrol the Kivu Basin daily. Traders cross the Kivu Basin."
    own = text.index("the Kivu Basin")
    assert rule.made_here(text, own, own + len("the Kivu Basin"))
    other = text.rindex("the Kivu Basin")
    assert not rule.made_here(text, other, other + len("the Kivu Basin"))
