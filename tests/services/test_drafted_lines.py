"""Drafted lines of a briefing (issue 16): stored with it, the officer's decisions kept, undoable, in the note."""

from __future__ import annotations

import pytest

from briefing_app.importers.base import ImportedDocument
from briefing_app.services import Services
from briefing_app.services import drafted as drafted_rows

LATER = ("India and Japan agreed to launch a joint working group on critical minerals by March 2027. "
         "Japan will provide a loan of $3 billion. The trade target was raised to $500 billion.")
EARLIER = "India and Japan set a trade target of $200 billion."


def _article(services: Services, text: str, published: str, outlet: str) -> int:
    article = services.articles.add(ImportedDocument(title=outlet, text=text, source_path="", outlet=outlet,
                                                     published=published, format="paste"))
    assert article.id is not None
    return article.id


def _fresh(later: int, earlier: int) -> dict:
    """A draft as :func:`drafted_rows.generate` makes it (written out: no language model needed)."""
    return {
        "article_ids": [later], "earlier_ids": [earlier], "compare_before": "", "since": "2026-01-09",
        "key_points": [{"key": "key_points:L:0", "text": "India and Japan agreed to launch a joint working group.",
                        "cites": [[later, 0, 87]], "status": "drafted", "pillar": "trade"}],
        "commitments": [
            {"key": "c1", "who": "India, Japan", "action": "agree", "what": "launch a joint working group",
             "when": "March 2027", "when_iso": "2027-03", "negated": False, "cites": [[later, 0, 87]],
             "status": "drafted", "text": "India, Japan: agreed to launch a joint working group (by March 2027)"},
            {"key": "c2", "who": "Japan", "action": "provide", "what": "a loan of $3 billion", "when": "",
             "when_iso": "", "negated": False, "cites": [[later, 88, 127]], "status": "drafted",
             "text": "Japan: provide a loan of $3 billion"}],
        "new_since": [
            {"key": "n1", "kind": "figure-changed", "text": "trade target $200 billion → $500 billion",
             "cites": [[later, 157, 169]], "earlier": [earlier, 38, 50], "later": True, "status": "drafted"},
            {"key": "n2", "kind": "commitment", "text": "India, Japan: agreed to launch a joint working group",
             "cites": [[later, 0, 87]], "earlier": None, "later": True, "status": "drafted"}],
        "timeline": [{"key": "t1", "date": "2027-03", "when": "March 2027", "kind": "deadline",
                      "text": "India and Japan agreed to launch a joint working group by March 2027.",
                      "cites": [[later, 0, 87]], "status": "drafted"}],
    }


@pytest.fixture
def note(services: Services) -> tuple[Services, int, int, int]:
    later = _article(services, LATER, "2026-02-02", "Nikkei Asia")
    earlier = _article(services, EARLIER, "2026-01-09", "The Hindu")
    briefing = services.briefings.create(title="India-Japan")
    assert briefing.id is not None
    services.briefings.merge_drafted(briefing.id, _fresh(later, earlier))
    return services, briefing.id, later, earlier


def test_the_note_carries_key_points_new_since_with_both_citations_commitments(note) -> None:
    services, bid, later, earlier = note
    doc = services.briefings.document(bid)
    assert [s.outlet for s in doc.sources] == ["Nikkei Asia", "The Hindu"]  # the earlier article is a source
    assert [(k.text, k.sources) for k in doc.key_points] == [
        ("India and Japan agreed to launch a joint working group.", [1])]
    figure, commitment = doc.new_since
    assert (figure.sources, figure.earlier, figure.cited_earlier) == ([1], [2], True)
    assert (commitment.sources, commitment.earlier, commitment.cited_earlier) == ([1], [2], False)
    assert doc.new_since_date == "2026-01-09"
    assert [(c.who, c.action, c.what, c.when, c.sources) for c in doc.commitments][0] == (
        "India, Japan", "agree", "launch a joint working group", "March 2027", [1])
    assert doc.timeline == []  # optional: only once the officer ticks it
    services.briefings.show_timeline(bid, True)
    assert [(t.date, t.source) for t in services.briefings.document(bid).timeline] == [("March 2027", 1)]


def test_dropped_and_edited_lines_survive_a_new_draft_and_edits_undo(note) -> None:
    services, bid, later, earlier = note
    drop = services.briefings.edit_drafted(bid, "commitments", "c2", status="dropped")
    services.briefings.edit_drafted(bid, "key_points", "key_points:L:0", text="  Officer's   own words. ")
    services.briefings.edit_drafted(bid, "commitments", "c1", when="end of 2027")
    doc = services.briefings.document(bid)
    assert [c.what for c in doc.commitments] == ["launch a joint working group"]
    assert doc.commitments[0].when == "end of 2027"  # the officer's words, not a resolved date
    assert doc.key_points[0].text == "Officer's own words."

    services.briefings.merge_drafted(bid, _fresh(later, earlier))  # auto-draft again
    drafted = services.briefings.drafted(bid)
    assert drafted_rows.find(drafted, "commitments", "c2")["status"] == "dropped"
    assert drafted_rows.find(drafted, "key_points", "key_points:L:0")["text"] == "Officer's own words."
    c1 = drafted_rows.find(drafted, "commitments", "c1")
    assert (c1["status"], c1["text"]) == ("edited", "India, Japan: agreed to launch a joint working group "
                                                    "(by end of 2027)")

    services.changes.undo(drop)  # the one undo mechanism: change sets written back
    assert drafted_rows.find(services.briefings.drafted(bid), "commitments", "c2")["status"] == "drafted"


def test_a_decided_line_the_new_draft_no_longer_finds_is_kept(note) -> None:
    services, bid, later, earlier = note
    services.briefings.edit_drafted(bid, "commitments", "c2", status="accepted")
    fresh = _fresh(later, earlier)
    fresh["commitments"] = fresh["commitments"][:1]
    services.briefings.merge_drafted(bid, fresh)
    assert [r["key"] for r in services.briefings.drafted(bid)["commitments"]] == ["c1", "c2"]


def test_bad_edits_are_refused_with_a_message(note) -> None:
    services, bid, _later, _earlier = note
    with pytest.raises(ValueError, match="drop it instead"):
        services.briefings.edit_drafted(bid, "key_points", "key_points:L:0", text="   ")
    with pytest.raises(ValueError, match="Not an editable field"):
        services.briefings.edit_drafted(bid, "commitments", "c1", text="x")
    with pytest.raises(KeyError):
        services.briefings.edit_drafted(bid, "commitments", "missing", status="dropped")


def test_lines_of_a_deleted_article_leave_the_note(note) -> None:
    services, bid, _later, earlier = note
    services.articles.delete(earlier)
    doc = services.briefings.document(bid)
    assert [s.outlet for s in doc.sources] == ["Nikkei Asia"]
    assert all(2 not in line.earlier for line in doc.new_since)


@pytest.mark.parametrize(("iso", "shown"), [("2027-03", "March 2027"), ("2027-03-31", "31 March 2027"),
                                            ("2030", "2030"), ("next week", "next week")])
def test_partial_dates_read_as_dates(iso: str, shown: str) -> None:
    assert drafted_rows.partial_date(iso) == shown


def test_commitment_lines_read_as_sentences() -> None:
    assert drafted_rows.commitment_text("India, Japan", "agree", "launch a group", "March 2027") == (
        "India, Japan: agreed to launch a group (by March 2027)")
    assert drafted_rows.commitment_text("Japan", "sign", "the pact", negated=True) == "Japan: did not sign the pact"
    assert drafted_rows.commitment_text("", "launch", "a fund") == "Launch a fund"
