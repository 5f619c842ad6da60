"""Correct once, stays correct (issue 13): lessons recorded by review edits, applied in context to new articles.

Each test makes its corrections through the services the GUI calls, then analyses a *new* text
with the database's lessons, as `briefing-app analyze --db` and the import queue do.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.cli import main
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.types import AnalysisResult
from briefing_app.services import Services
from briefing_app.services.analysis import AnalysisService


def _article(services: Services, analyzer: Analyzer, text: str) -> int:
    article = services.articles.add(ImportedDocument(title=text[:30], text=text, source_path=""))
    assert article.id is not None
    AnalysisService(services.db, analyzer).analyze_article(article.id)
    return article.id


def _tag(services: Services, article_id: int, text: str, kind: str = "entity", nth: int = 0):  # type: ignore[no-untyped-def]
    rows = [a for a in services.annotations.for_article(article_id) if a.kind == kind and a.text == text]
    return rows[nth]


def _new(services: Services, analyzer: Analyzer, text: str) -> AnalysisResult:
    """A new article analysed with the database's lessons."""
    return AnalysisService(services.db, analyzer).learned_analyzer().analyze(text)


def _labels(result: AnalysisResult) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in result.entities]


def test_a_relabel_applies_only_in_the_context_it_was_learned_in(services: Services, analyzer: Analyzer) -> None:
    """"Jordan" relabelled PERSON after "Rep." does not make King Abdullah's country a person."""
    aid = _article(services, analyzer, "Rep. Jordan said the committee would hold hearings.")
    jordan = _tag(services, aid, "Jordan")
    assert jordan.label == "GPE"
    services.annotations.relabel(jordan.id, "PERSON")

    assert ("Jordan", "GPE") in _labels(_new(services, analyzer, "King Abdullah of Jordan received the envoy."))
    result = _new(services, analyzer, "Rep. Jordan criticised the bill on Tuesday.")
    assert ("Jordan", "PERSON") in _labels(result)
    why = next(e.why for e in result.entities if e.text == "Jordan")
    assert why.startswith("learned from your correction in “Rep. Jordan said"), "the suggestion says where from"


def test_an_added_name_never_breaks_longer_names_containing_it(services: Services, analyzer: Analyzer) -> None:
    """An "India" tagged by hand leaves "Make in India" and "Air India" whole in a new article."""
    aid = _article(services, analyzer, "Officials from India arrived on Monday.")
    india = _tag(services, aid, "India")
    services.annotations.reject([india.id])
    services.annotations.add_change(aid, "entity", india.start, india.end, "GPE")

    result = _labels(_new(services, analyzer, "The Make in India programme helped Air India order jets."))
    assert ("Make in India", "LAW") in result
    assert ("Air India", "ORG") in result
    assert ("India", "GPE") in _labels(_new(services, analyzer, "Delegates from India met."))


def test_a_boundary_fix_teaches_the_new_boundary_not_a_rejection(services: Services, analyzer: Analyzer) -> None:
    """"Quad" grown into "Quad Cancer Moonshot" in one action: the long name is learned, bare Quad stays."""
    text = "The Quad Cancer Moonshot was launched in Wilmington."
    aid = _article(services, analyzer, text)
    quad = _tag(services, aid, "Quad")
    start = text.index("Quad Cancer Moonshot")
    changes = services.annotations.change_boundary(quad.id, start, start + len("Quad Cancer Moonshot"), "LAW")
    assert [(s.action, s.text, s.from_text) for b, s in changes.lessons if b is None] == [
        ("boundary", "Quad Cancer Moonshot", "Quad")]

    result = _labels(_new(services, analyzer, "Quad leaders met in Tokyo. The Quad Cancer Moonshot grew."))
    assert ("Quad Cancer Moonshot", "LAW") in result
    assert ("Quad", "ORG") in result, "a bare Quad elsewhere is still tagged"


def test_a_merge_carries_over_to_a_new_article(services: Services, analyzer: Analyzer) -> None:
    """After merging "Joseph R. Biden Jr." into Biden, a new article gives him Biden's entity id."""
    aid = _article(services, analyzer, "President Biden met Modi in Delhi. Joseph R. Biden Jr. later said the talks went well.")
    biden = _tag(services, aid, "Biden").entity_id
    long_form = _tag(services, aid, "Joseph R. Biden Jr.").entity_id
    assert biden != long_form
    services.entities.merge(long_form, biden)

    new = {e.text: e.entity_id for e in _new(services, analyzer, "Joseph R. Biden Jr. spoke to reporters in Delhi.").entities}
    assert new["Joseph R. Biden Jr."] == biden


def test_removing_a_pillar_is_learned(services: Services, analyzer: Analyzer) -> None:
    sentence = "Both navies will hold joint patrols against piracy in the Gulf of Guinea."
    aid = _article(services, analyzer, sentence)
    passage = next(a for a in services.annotations.for_article(aid) if a.kind == "pillar" and a.label == "security")
    services.annotations.toggle_pillar(aid, passage.start, passage.end, "security")

    result = _new(services, analyzer, "Navies of the region met in Lagos.\n" + sentence)
    assert "security" not in result.passages[-1].pillars


def test_one_pillar_correction_teaches_no_habit(services: Services, analyzer: Analyzer) -> None:
    """The Lessons panel's pillar habits come from many reviewed articles: none before any lesson, and one removed
    pillar in one article is a lesson about that passage, not a habit that changes every new article."""
    assert services.lessons.pillar_habits(analyzer) == []
    sentence = "Both navies will hold joint patrols against piracy in the Gulf of Guinea."
    aid = _article(services, analyzer, sentence)
    passage = next(a for a in services.annotations.for_article(aid) if a.kind == "pillar" and a.label == "security")
    services.annotations.toggle_pillar(aid, passage.start, passage.end, "security")
    assert [x.action for x in services.lessons.all()] == ["pillar_remove"]
    assert services.lessons.pillar_habits(analyzer) == []


def test_accept_all_elsewhere_does_not_cancel_a_rejection(services: Services, analyzer: Analyzer) -> None:
    first = _article(services, analyzer, "PM Modi met officials in Kochi on Monday.")
    second = _article(services, analyzer, "Traders in Kochi welcomed the decision.")
    services.annotations.reject([_tag(services, first, "Kochi").id])
    services.annotations.accept_all_remaining(second)

    assert ("Kochi", "GPE") not in _labels(_new(services, analyzer, "Fishermen in Kochi protested."))
    rejection = [x for x in services.lessons.all() if x.action == "reject"]
    assert [(x.text, x.label) for x in rejection] == [("Kochi", "GPE")]


def test_only_an_explicit_contrary_action_supersedes_a_lesson(services: Services, analyzer: Analyzer) -> None:
    aid = _article(services, analyzer, "PM Modi met officials in Kochi on Monday.")
    kochi = _tag(services, aid, "Kochi")
    rejected = services.annotations.reject([kochi.id])
    lesson_id = rejected.lessons[0][1].id
    added = services.annotations.add_change(aid, "entity", kochi.start, kochi.end, "GPE")
    new_id = added.lessons[0][1].id
    rows = {x.id: x for x in services.lessons.all(include_inactive=True)}
    assert rows[lesson_id].superseded_by == new_id and rows[new_id].active
    assert ("Kochi", "GPE") in _labels(_new(services, analyzer, "Fishermen in Kochi protested."))

    services.changes.undo(added)  # undo removes the add's lesson and restores the rejection
    rows = {x.id: x for x in services.lessons.all(include_inactive=True)}
    assert new_id not in rows and rows[lesson_id].active
    assert ("Kochi", "GPE") not in _labels(_new(services, analyzer, "Fishermen in Kochi protested."))


def test_each_correction_records_exactly_one_lesson(services: Services, analyzer: Analyzer) -> None:
    aid = _article(services, analyzer, "PM Modi met officials in Kochi on Monday. Kochi is a port.")
    before = len(services.lessons.all())
    services.annotations.relabel(_tag(services, aid, "Kochi").id, "LOC")
    services.annotations.apply_to_all(_tag(services, aid, "Kochi").id, scope="article")
    services.annotations.reject([_tag(services, aid, "Monday").id])
    assert [x.action for x in services.lessons.all(include_inactive=True)][before:] == ["relabel", "add", "reject"]
    relabel = services.lessons.all(include_inactive=True)[before]
    assert (relabel.from_label, relabel.label, relabel.left, relabel.right) == ("GPE", "LOC", "in", "on")
    assert relabel.context == "PM Modi met officials in Kochi on Monday."


def test_deleting_an_article_keeps_its_lessons(services: Services, analyzer: Analyzer) -> None:
    aid = _article(services, analyzer, "PM Modi met officials in Kochi on Monday.")
    services.annotations.reject([_tag(services, aid, "Kochi").id])
    services.articles.delete(aid)

    assert ("Kochi", "GPE") not in _labels(_new(services, analyzer, "Fishermen in Kochi protested."))
    assert [(x.text, x.article_id) for x in services.lessons.all()] == [("Kochi", None)]


def test_one_security_tag_does_not_change_pillars_of_unrelated_sentences(services: Services,
                                                                         analyzer: Analyzer) -> None:
    other = ("The minister said the government will announce new rules for the port next week.\n"
             "Officials said the new port will open next year after the government approves the budget.\n"
             "The minister will visit the region next month to review the rules.")
    untaught = [p.pillars for p in _new(services, analyzer, other).passages]
    aid = _article(services, analyzer, "The minister said the government will announce new measures at the port "
                                       "next week to protect the region.")
    passage = next(a for a in services.annotations.for_article(aid, include_rejected=True) if a.kind == "pillar")
    services.annotations.toggle_pillar(aid, passage.start, passage.end, "security")

    assert [p.pillars for p in _new(services, analyzer, other).passages] == untaught


def test_lessons_are_compiled_once_and_updated_incrementally(services: Services, analyzer: Analyzer) -> None:
    aid = _article(services, analyzer, "PM Modi met officials in Kochi on Monday.")
    compiled = services.lessons.compiled(analyzer)
    version = compiled.version
    assert services.lessons.compiled(analyzer) is compiled and compiled.version == version, "no rebuild per analysis"
    services.annotations.reject([_tag(services, aid, "Kochi").id])
    assert services.lessons.compiled(analyzer) is compiled and compiled.version == version + 1
    assert len(compiled) == 1


def test_lessons_export_import_gives_a_colleague_the_same_tag(tmp_path: Path, analyzer: Analyzer,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    mine, theirs, shared = tmp_path / "mine.db", tmp_path / "theirs.db", tmp_path / "lessons.jsonl"
    services = Services.open(mine)
    try:
        text = "The Quad Cancer Moonshot was launched in Wilmington."
        aid = _article(services, analyzer, text)
        start = text.index("Quad Cancer Moonshot")
        services.annotations.change_boundary(_tag(services, aid, "Quad").id, start, start + 20, "LAW")
    finally:
        services.close()
    assert main(["lessons", "export", "--db", str(mine), "--out", str(shared)]) == 0
    line = json.loads(shared.read_text(encoding="utf-8").splitlines()[0])
    assert line["action"] == "boundary" and line["text"] == "Quad Cancer Moonshot" and line["label"] == "LAW"
    assert line["context"] == text
    assert main(["lessons", "import", str(shared), "--db", str(theirs)]) == 0

    article = tmp_path / "new.txt"
    article.write_text("Funding for the Quad Cancer Moonshot doubled.", encoding="utf-8")
    capsys.readouterr()
    assert main(["analyze", str(article), "--db", str(theirs)]) == 0
    entities = json.loads(capsys.readouterr().out)["entities"]
    assert {"text": "Quad Cancer Moonshot", "label": "LAW"}.items() <= next(
        e for e in entities if e["text"] == "Quad Cancer Moonshot").items()


def test_a_malformed_lessons_file_imports_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lessons.jsonl"
    path.write_text('{"action": "add", "text": "IPEF", "label": "ORG"}\n'
                    '{"action": "pillar", "text": "Talks on trade.", "add": ["trade"]}\n'
                    '{"action": "relabel", "text": "Quad", "label": "LAW"\n', encoding="utf-8")
    db = tmp_path / "x.db"
    assert main(["lessons", "import", str(path), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "line 3" in err and "nothing was imported" in err and "Traceback" not in err
    path.write_text('{"action": "pillar", "text": "Talks on trade.", "add": ["tarde"]}\n', encoding="utf-8")
    assert main(["lessons", "import", str(path), "--db", str(db)]) == 2
    assert "line 1: unknown pillar 'tarde'" in capsys.readouterr().err
    services = Services.open(db)
    try:
        assert services.lessons.all() == []
    finally:
        services.close()


def test_applying_lessons_to_the_library_keeps_the_officers_own_tags(services: Services, analyzer: Analyzer) -> None:
    first = _article(services, analyzer, "PM Modi met officials in Kochi on Monday.")
    second = _article(services, analyzer, "Traders in Kochi welcomed the decision on Monday.")
    third = _article(services, analyzer, "Ships docked in Kochi.")
    unrelated = _article(services, analyzer, "Ministers met in Paris.")
    services.annotations.accept([_tag(services, second, "Monday").id])
    services.annotations.accept([_tag(services, third, "Kochi").id])
    services.annotations.reject([_tag(services, first, "Kochi").id])

    progress: list[tuple[int, int]] = []
    done = AnalysisService(services.db, analyzer).resuggest_library(progress=lambda d, t: progress.append((d, t)))
    assert done == [first, second, third] and progress[-1] == (3, 3) and unrelated not in done
    assert not [a for a in services.annotations.for_article(second) if a.text == "Kochi"], "re-suggested"
    assert _tag(services, second, "Monday").status == "accepted"
    assert _tag(services, third, "Kochi").status == "accepted", "the officer's accepted tag is kept"
    assert AnalysisService(services.db, analyzer).resuggest_library(cancel=lambda: True) == []


def test_a_merge_says_where_it_was_learned_when_hovered(services: Services, analyzer: Analyzer) -> None:
    aid = _article(services, analyzer, "President Biden met Modi in Delhi. Joseph R. Biden Jr. later said the talks went well.")
    services.entities.merge(_tag(services, aid, "Joseph R. Biden Jr.").entity_id, _tag(services, aid, "Biden").entity_id)
    new = {e.text: e.why for e in _new(services, analyzer, "Joseph R. Biden Jr. spoke to reporters in Delhi.").entities}
    assert new["Joseph R. Biden Jr."].startswith("learned from your correction in “President Biden met Modi")
    assert new["Delhi"] == "", "only the merged mention"


def test_a_lesson_counts_exactly_the_tags_it_changes_now(services: Services, analyzer: Analyzer) -> None:
    service = AnalysisService(services.db, analyzer)
    first = _article(services, analyzer, "PM Modi met officials in Kochi on Monday.")
    _article(services, analyzer, "Fishermen in Kochi protested. Kochi port reopened.")
    kept = _article(services, analyzer, "Tourists flocked to Kochi.")
    services.annotations.accept([_tag(services, kept, "Kochi").id])
    services.annotations.reject([_tag(services, first, "Kochi").id])
    lesson = services.lessons.all()[-1]
    # two suggestions in "other"; the rejected tag in "first" and the accepted one in "kept" are the officer's
    assert service.tags_changed_by(lesson.id or 0) == 2
    assert services.lessons.tags_with_words(lesson.id or 0) == 3, "not a count of the tags with these words"


def test_a_name_rejected_in_one_context_but_kept_elsewhere_is_rejected_in_that_context_only(
        services: Services, analyzer: Analyzer) -> None:
    """"China" untagged in "one China policy" but left tagged in another sentence is no verdict on China."""
    aid = _article(services, analyzer, "China and Japan held talks in Tokyo on Monday.\n"
                                       "The envoy reaffirmed our one China policy at the meeting.")
    in_policy = next(a for a in services.annotations.for_article(aid) if a.kind == "entity" and a.text == "China"
                     and a.start > 40)
    assert in_policy.label == "GPE"
    services.annotations.reject([in_policy.id])

    assert ("China", "GPE") in _labels(_new(services, analyzer, "China and India signed a trade pact on Friday."))
    assert ("China", "GPE") not in _labels(_new(services, analyzer, "Washington restated its one China policy today."))


def test_a_name_rejected_everywhere_the_officer_met_it_stays_rejected(services: Services, analyzer: Analyzer) -> None:
    """"Laughter" rejected at each place of a transcript stays untagged in a new transcript."""
    aid = _article(services, analyzer, "MR. PRICE: We will see. (Laughter.)\nQUESTION: Thank you. (Laughter.)\n"
                                       "MR. PRICE: Next question. Laughter aside, the talks go on.")
    tags = [a for a in services.annotations.for_article(aid) if a.kind == "entity" and a.text == "Laughter"]
    assert tags, "the model takes Laughter for a name"
    services.annotations.reject([a.id for a in tags])

    new = _new(services, analyzer, "MS. JEAN-PIERRE: Good question. (Laughter.) Let me go on.\n"
                                   "QUESTION: Laughter followed the remark.")
    assert not [e for e in new.entities if e.text == "Laughter"]


def test_a_name_kept_in_an_earlier_corrected_article_is_rejected_in_context_only(
        services: Services, analyzer: Analyzer) -> None:
    """Kept in an article corrected before (one with a lesson); a later acceptance elsewhere does not count."""
    earlier = _article(services, analyzer, "China and Japan held talks in Tokyo on Monday.")
    services.annotations.relabel(_tag(services, earlier, "Tokyo").id, "LOC")  # a correction: a reviewed article
    aid = _article(services, analyzer, "The envoy reaffirmed our one China policy at the meeting.")
    services.annotations.reject([_tag(services, aid, "China").id])
    assert ("China", "GPE") in _labels(_new(services, analyzer, "China and India signed a trade pact on Friday."))


def test_accepting_a_rejected_name_later_elsewhere_does_not_weaken_the_rejection(
        services: Services, analyzer: Analyzer) -> None:
    first = _article(services, analyzer, "PM Modi met officials in Kochi on Monday.")
    services.annotations.reject([_tag(services, first, "Kochi").id])
    second = _article(services, analyzer, "Tourists flocked to Goa and Kochi.")
    services.annotations.relabel(_tag(services, second, "Goa").id, "LOC")
    assert ("Kochi", "GPE") not in _labels(_new(services, analyzer, "Fishermen in Kochi protested."))


def test_a_context_bound_rejection_counts_only_the_tags_it_changes_in_its_context(
        services: Services, analyzer: Analyzer) -> None:
    """The Lessons panel's "changes now" follows the rule: only the other "one China policy", not every China."""
    service = AnalysisService(services.db, analyzer)
    aid = _article(services, analyzer, "China and Japan held talks in Tokyo on Monday.\n"
                                       "The envoy reaffirmed our one China policy at the meeting.")
    _article(services, analyzer, "China and India signed a pact.\nThey restated the one China policy at length.")
    in_policy = next(a for a in services.annotations.for_article(aid) if a.kind == "entity" and a.text == "China"
                     and a.start > 40)
    services.annotations.reject([in_policy.id])
    lesson = services.lessons.all()[-1]
    assert service.tags_changed_by(lesson.id or 0) == 1


def test_a_boundary_moved_back_later_supersedes_the_first_move(services: Services, analyzer: Analyzer) -> None:
    """Grown from "Sulu Sea" to "the Sulu Sea" in one article, then shrunk back in a later one: the later
    move is the officer's word. Before, both stayed active and a new article still got "the Sulu Sea"."""
    first = "Patrol boats crossed the Sulu Sea at dawn."
    aid = _article(services, analyzer, first)
    sea = _tag(services, aid, "Sulu Sea")
    start = first.index("the Sulu Sea")
    services.annotations.change_boundary(sea.id, start, start + len("the Sulu Sea"), sea.label)
    assert ("the Sulu Sea", sea.label) in _labels(_new(services, analyzer, "Fishermen know the Sulu Sea well."))

    second = "Fishermen know the Sulu Sea well."
    bid = _article(services, analyzer, second)
    grown = _tag(services, bid, "the Sulu Sea")
    start = second.index("Sulu Sea")
    changes = services.annotations.change_boundary(grown.id, start, start + len("Sulu Sea"), grown.label)
    superseded = [(s.text, s.from_text) for b, s in changes.lessons if b is not None and s.superseded_by]
    assert superseded == [("the Sulu Sea", "Sulu Sea")]
    result = _labels(_new(services, analyzer, "Traders sailed across the Sulu Sea in May."))
    assert ("Sulu Sea", sea.label) in result and ("the Sulu Sea", sea.label) not in result


def test_unreadable_lessons_files_are_said_in_plain_words(services: Services, tmp_path: Path) -> None:
    from briefing_app.services.lessons import LessonFileError

    binary = tmp_path / "photo.jsonl"
    binary.write_bytes(bytes(range(256)))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"action": "add", "text": "IPEF", "label": "ORG"}\n{"action": "add",\n', encoding="utf-8")
    said = {}
    for path in (tmp_path, binary, broken):
        with pytest.raises(LessonFileError) as caught:
            services.lessons.import_jsonl(path)
        said[path] = str(caught.value)
    assert said[tmp_path].endswith("is a folder, not a lessons file")
    assert said[binary].endswith("is not a lessons file (not UTF-8 text); nothing was imported")
    assert "line 2 is not a JSON object" in said[broken] and "line 1 column" not in said[broken]
    assert not any("Errno" in text or "codec" in text or "char " in text for text in said.values())
    assert services.lessons.all() == []


def test_the_cli_says_a_folder_given_as_lessons_file_is_a_folder(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lessons", "import", str(tmp_path), "--db", str(tmp_path / "x.db")]) == 2
    assert capsys.readouterr().err.strip().endswith("is a folder, not a lessons file")


def test_exporting_lessons_onto_a_folder_or_into_a_missing_one_is_said_and_leaves_no_stray_file(services: Services,
                                                                              tmp_path: Path) -> None:
    folder = tmp_path / "out" / "shared"
    folder.mkdir(parents=True)
    with pytest.raises(IsADirectoryError) as caught:
        services.lessons.export_jsonl(folder)
    assert caught.value.strerror == "it is a folder, not a file"
    assert [p.name for p in folder.parent.iterdir()] == ["shared"], "no shared.tmp left beside it"
    with pytest.raises(FileNotFoundError) as caught:
        services.lessons.export_jsonl(tmp_path / "gone" / "lessons.jsonl")
    assert caught.value.strerror == f"the folder {tmp_path / 'gone'} does not exist"


def test_a_tag_suggested_by_an_imported_lesson_names_the_lessons_file(services: Services, analyzer: Analyzer,
                                                                      tmp_path: Path) -> None:
    shared = tmp_path / "colleague_lessons.jsonl"
    shared.write_text('{"action": "add", "text": "Harbour Shield Initiative", "label": "LAW"}\n', encoding="utf-8")
    assert services.lessons.import_jsonl(shared) == 1
    (lesson,) = services.lessons.all()
    assert lesson.source == "colleague_lessons.jsonl"
    result = _new(services, analyzer, "Funding for the Harbour Shield Initiative doubled in May.")
    entity = next(e for e in result.entities if e.text == "Harbour Shield Initiative")
    when = f"{lesson.created_at:%d %b %Y}".lstrip("0")
    assert entity.why == f"learned from a colleague's lessons file “colleague_lessons.jsonl”, {when}"
