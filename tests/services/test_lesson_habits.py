"""A boundary lesson that contradicts the officer's own habit stays where it was made (issue 13, round 16).

A grown or shrunk edge over lower-case words ("West Bank" -> "the West Bank", "the end of 2027" -> "2027") is a
convention choice; when the officer's other reviewed tags mostly do the opposite, it was a slip and must not
re-shape every later article. Made-up sentences; corrections go through the services the GUI calls.
"""

from __future__ import annotations

from briefing_app.importers import ImportedDocument
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.types import AnalysisResult
from briefing_app.services import Services
from briefing_app.services.analysis import AnalysisService

#: three places with "the" kept outside, and a fourth the officer grows by "the" (the slip)
HABIT = "Envoys from the Philippines, the Maldives and the United States met in the West Bank on Monday."
NEW = "Aid convoys reached the West Bank on Friday."


def _article(services: Services, analyzer: Analyzer, text: str) -> int:
    article = services.articles.add(ImportedDocument(title=text[:30], text=text, source_path=""))
    assert article.id is not None
    AnalysisService(services.db, analyzer).analyze_article(article.id)
    return article.id


def _grow(services: Services, article_id: int, text: str, tag: str, grown: str) -> None:
    """Move the tag ``tag`` to the first ``grown`` around it (one boundary action)."""
    row = next(a for a in services.annotations.for_article(article_id) if a.kind == "entity" and a.text == tag)
    start = text.index(grown)
    services.annotations.change_boundary(row.id, start, start + len(grown), row.label)


def _new(services: Services, analyzer: Analyzer, text: str) -> list[str]:
    result: AnalysisResult = AnalysisService(services.db, analyzer).learned_analyzer().analyze(text)
    return [e.text for e in result.entities]


def test_a_grown_the_that_the_officers_own_tags_contradict_stays_where_it_was_made(
        services: Services, analyzer: Analyzer) -> None:
    aid = _article(services, analyzer, HABIT)
    services.annotations.accept([a.id for a in services.annotations.for_article(aid)  # the officer's own habit
                                 if a.kind == "entity" and a.text != "West Bank" and a.id is not None])
    _grow(services, aid, HABIT, "West Bank", "the West Bank")

    assert "West Bank" in _new(services, analyzer, NEW) and "the West Bank" not in _new(services, analyzer, NEW)
    assert "the West Bank" in _new(services, analyzer, HABIT), "still applies in the sentence it was made in"
    lesson = services.lessons.all()[-1]
    assert services.lessons.local_reasons() == {
        lesson.id: "Applies only where you made it: 3 of your other place tags keep “the” outside"}


def test_an_uncontradicted_grown_edge_spreads_as_before(services: Services, analyzer: Analyzer) -> None:
    text = "Settlers moved into the West Bank last year."
    aid = _article(services, analyzer, text)
    _grow(services, aid, text, "West Bank", "the West Bank")

    assert services.lessons.local_reasons() == {}
    assert "the West Bank" in _new(services, analyzer, NEW)


def test_a_capitalised_boundary_spreads_whatever_the_habit(services: Services, analyzer: Analyzer) -> None:
    """"Quad" -> "Quad Cancer Moonshot" changes a name, not a convention: never checked against "the" habits."""
    text = HABIT + "\nThe Quad Cancer Moonshot was launched in Wilmington."
    aid = _article(services, analyzer, text)
    _grow(services, aid, text, "Quad", "Quad Cancer Moonshot")

    assert services.lessons.local_reasons() == {}
    assert "Quad Cancer Moonshot" in _new(services, analyzer, "Leaders praised the Quad Cancer Moonshot in Tokyo.")


def test_a_shrunk_date_frame_that_the_officer_keeps_whole_elsewhere_stays_local(
        services: Services, analyzer: Analyzer) -> None:
    """"the end of 2027" cut to "2027" once, while three other dates keep their "the" inside."""
    text = ("Over the past two years, the first quarter and the end of 2026 were hard; "
            "the plant will close at the end of 2027.")
    aid = _article(services, analyzer, text)
    assert {"the past two years", "the first quarter", "the end of 2026", "the end of 2027"} <= set(
        _new(services, analyzer, text))
    services.changes.set_status(aid, "reviewed")  # its suggestions, left standing, are the officer's now
    row = next(a for a in services.annotations.for_article(aid) if a.text == "the end of 2027")
    start = text.index("2027")
    services.annotations.change_boundary(row.id, start, start + 4, row.label)

    assert "the end of 2027" in _new(services, analyzer, "The deal runs to the end of 2027.")
    assert "2027" in _new(services, analyzer, text) and "the end of 2027" not in _new(services, analyzer, text)
    assert list(services.lessons.local_reasons().values()) == [
        "Applies only where you made it: 3 of your other date tags keep “the” inside"]


def test_suggestions_the_officer_never_looked_at_do_not_outvote_a_change_made_in_three_articles(
        services: Services, analyzer: Analyzer) -> None:
    """The habit counted every tag not rejected in a corrected article, suggestions left standing included:
    the tagger's own convention ("the" outside places), never looked at, outvoted the officer's deliberate
    change in three articles, and held it to its own places. Only tags the officer acted on count (and the
    suggestions of an article they marked reviewed)."""
    texts = (HABIT, "Ministers of the Philippines, the Maldives and the Netherlands visited the West Bank.",
             "Aid from the United Kingdom, the Gambia and the Bahamas reached the West Bank in May.")
    ids = [_article(services, analyzer, text) for text in texts]  # (all suggested before the first change)
    for aid, text in zip(ids, texts, strict=True):
        _grow(services, aid, text, "West Bank", "the West Bank")

    assert services.lessons.local_reasons() == {}
    assert "the West Bank" in _new(services, analyzer, NEW)


def test_the_habit_follows_accepts_and_reviews_made_after_the_lesson_and_their_undo(
        services: Services, analyzer: Analyzer) -> None:
    """The habit was read once per change of the LESSONS: tags accepted or an article marked reviewed after
    the lesson (and their undo) changed the officer's habit, yet its verdict stayed as it was until the next
    lesson. It is read again after each such edit (once, not at each analysis)."""
    aid = _article(services, analyzer, HABIT)
    _grow(services, aid, HABIT, "West Bank", "the West Bank")
    assert services.lessons.local_reasons() == {}, "(suggestions never looked at are no habit)"
    assert "the West Bank" in _new(services, analyzer, NEW)
    lesson = services.lessons.all()[-1]
    local = {lesson.id: "Applies only where you made it: 3 of your other place tags keep “the” outside"}

    reviewed = services.changes.set_status(aid, "reviewed")  # the suggestions left standing are the officer's
    assert services.lessons.local_reasons() == local
    assert "the West Bank" not in _new(services, analyzer, NEW) and "West Bank" in _new(services, analyzer, NEW)
    services.changes.undo(reviewed)
    assert services.lessons.local_reasons() == {}
    assert "the West Bank" in _new(services, analyzer, NEW)

    services.annotations.accept([a.id for a in services.annotations.for_article(aid)
                                 if a.kind == "entity" and a.text != "the West Bank" and a.id is not None])
    assert services.lessons.local_reasons() == local
    assert "the West Bank" not in _new(services, analyzer, NEW)
