"""Others' changes shown live (issue 19 item 2), on both engines: officer Asha's window shows what
officer Bram (a second connection to the same database) changed in the article she has open, with
a quiet notice, keeping her selection and her own undo steps; her Library list follows his new and
deleted articles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from briefing_app.domain.models import AnnotationStatus
from briefing_app.gui.library_panel import OPEN
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan, Passage
from briefing_app.services import Services
from tests.conftest import ENGINES
from tests.gui.conftest import LAPTOP

TEXT = ("Modi spoke with Albanese about the COMPACT.\n"
        "Modi said India and Australia would hold naval exercises in the Indian Ocean.\n"
        "Trade between India and Australia grew, Modi added.")
WAIT_MS = 15_000  # the poll runs every 2 s; a loaded machine may be slow


@pytest.fixture(params=ENGINES)
def db_engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _ent(phrase: str, label: str, nth: int = 0) -> EntitySpan:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return EntitySpan(start, start + len(phrase), label, phrase, "model", f"{label}:{phrase.casefold()}", 0.8)


def _seed(services: Services) -> int:
    article = services.articles.add(ImportedDocument(title="Leaders call", text=TEXT, source_path=""))
    assert article.id is not None
    first = TEXT.index("\n")
    services.articles.save_analysis(article.id, AnalysisResult(text=TEXT, entities=[
        _ent("Modi", "PERSON"), _ent("Albanese", "PERSON"), _ent("India", "GPE"), _ent("Australia", "GPE"),
    ], passages=[Passage(0, first, ["diplomacy"], {"diplomacy": 0.9}, ["spoke with"])]))
    return article.id


@pytest.fixture
def asha(db_target: str, open_window: Callable[..., MainWindow]) -> MainWindow:
    """Asha's window showing the seeded article."""
    win = open_window(db_target, officer="Asha", size=LAPTOP)
    win.show_article(_seed(win.services))
    win.refresh_library()
    return win


@pytest.fixture
def bram(db_target: str, asha: MainWindow) -> Iterator[Services]:
    other = Services.open(db_target, officer="Bram")
    yield other
    other.close()


def _tag(services: Services, article_id: int, text: str) -> int:
    [row] = [a for a in services.annotations.rows_for_article(article_id) if a.text == text and a.kind == "entity"]
    assert row.id is not None
    return row.id


def test_another_officers_tag_edit_shows_in_place_with_a_notice_and_undo_keeps_it(
        qtbot: QtBot, asha: MainWindow, bram: Services, tmp_path: Path) -> None:
    article_id = asha.current_article_id
    assert article_id is not None
    modi, albanese = _tag(asha.services, article_id, "Modi"), _tag(asha.services, article_id, "Albanese")
    controller = asha.review.controller
    controller.accept(modi, advance=False)  # Asha's own step, on her undo list
    assert asha.view.entity_marks[modi].status == AnnotationStatus.ACCEPTED
    # Asha has a passage selected (not yet acted on) and the article scrolled.
    view = asha.view
    cursor = view.editor.textCursor()
    start = TEXT.index("naval")
    cursor.setPosition(start)
    cursor.setPosition(start + len("naval exercises"), QTextCursor.MoveMode.KeepAnchor)
    view.editor.setTextCursor(cursor)
    scroll = view.editor.verticalScrollBar().value()
    undo_steps = asha.undo_stack.count()

    bram.annotations.relabel(albanese, "ORG")  # Bram, on his own laptop

    qtbot.waitUntil(lambda: view.entity_marks[albanese].label == "ORG", timeout=WAIT_MS)
    notice = asha.live.notice
    assert notice.isVisible()
    assert notice.text().startswith("Updated: Bram changed 1 tag at ")
    # In place: her selection, scroll position and undo list are as they were.
    kept = view.editor.textCursor()
    assert (kept.selectionStart(), kept.selectionEnd()) == (start, start + len("naval exercises"))
    assert view.editor.verticalScrollBar().value() == scroll
    assert asha.undo_stack.count() == undo_steps
    asha.grab().save(str(tmp_path / "live-notice.png"))

    # Her own earlier step still undoes, and Bram's label stays.
    asha.undo_stack.undo()
    assert asha.view.entity_marks[modi].status == AnnotationStatus.SUGGESTED
    own, his = bram.annotations.get(modi), bram.annotations.get(albanese)
    assert own is not None and own.status == AnnotationStatus.SUGGESTED
    assert his is not None and (his.label, his.changed_by) == ("ORG", "Bram")
    # And she can edit his tag now that she sees it (not refused as stale).
    controller.reject(albanese, advance=False)
    assert "Not saved" not in controller.last_message
    rejected = bram.annotations.get(albanese)
    assert rejected is not None and rejected.status == AnnotationStatus.REJECTED


def test_undo_of_a_step_on_a_tag_another_officer_changed_is_refused(
        qtbot: QtBot, asha: MainWindow, bram: Services) -> None:
    article_id = asha.current_article_id
    assert article_id is not None
    india = _tag(asha.services, article_id, "India")
    asha.review.controller.accept(india, advance=False)
    bram.annotations.relabel(india, "NORP")
    qtbot.waitUntil(lambda: asha.view.entity_marks.get(india) is not None
                    and asha.view.entity_marks[india].label == "NORP", timeout=WAIT_MS)
    asha.undo_stack.undo()  # would put back the tag as it was before her accept: refused, Bram's label stays
    assert "Undo refused" in asha.statusBar().currentMessage() and "Bram" in asha.statusBar().currentMessage()
    row = bram.annotations.get(india)
    assert row is not None and row.label == "NORP"
    assert asha.view.entity_marks[india].label == "NORP"


def test_the_library_list_follows_another_officers_new_and_deleted_articles(
        qtbot: QtBot, asha: MainWindow, bram: Services) -> None:
    assert asha.library.count() == 1
    added = bram.articles.add(ImportedDocument(title="Quad summit", text="Leaders of the Quad met in Tokyo.",
                                               source_path=""))
    qtbot.waitUntil(lambda: asha.library.count() == 2, timeout=WAIT_MS)
    assert added.id in asha.library.article_ids()
    assert asha.current_article_id is not None and asha.library.currentRow() >= 0  # her article stays current
    assert added.id is not None
    bram.articles.delete(added.id)
    qtbot.waitUntil(lambda: asha.library.count() == 1, timeout=WAIT_MS)


def test_another_officers_passage_and_note_show_with_the_notice(qtbot: QtBot, asha: MainWindow, bram: Services) -> None:
    article_id = asha.current_article_id
    assert article_id is not None
    [passage] = [a for a in bram.annotations.rows_for_article(article_id) if a.kind == "pillar"]
    assert passage.id is not None and passage.id in asha.view.pillar_marks
    bram.annotations.reject([passage.id], learn=False)
    bram.notes.add(article_id, 0, 4, "Which Modi visit is this?")
    qtbot.waitUntil(lambda: passage.id not in asha.view.pillar_marks and len(asha.view.note_spans) == 1,
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: asha.live.notice.text().startswith("Updated: Bram changed 1 passage and 1 note at "),
                    timeout=WAIT_MS)


@pytest.mark.parametrize("db_engine", [pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_on_postgresql_the_servers_notice_wakes_the_window_without_polling(
        qtbot: QtBot, asha: MainWindow, bram: Services) -> None:
    article_id = asha.current_article_id
    assert article_id is not None and asha.live.listener is not None
    asha.live.timer.stop()  # no polling: only LISTEN/NOTIFY can tell the window
    qtbot.waitUntil(lambda: asha.live.state is not None, timeout=WAIT_MS)
    albanese = _tag(asha.services, article_id, "Albanese")
    bram.annotations.relabel(albanese, "ORG")
    qtbot.waitUntil(lambda: asha.view.entity_marks[albanese].label == "ORG", timeout=WAIT_MS)
    assert asha.live.notice.text().startswith("Updated: Bram changed 1 tag at ")


def _tree(window: MainWindow) -> Any:
    tree = window.review.entities_panel.tree

    def item(it: Any) -> list[object]:
        return [it.text(0), it.text(1), [item(it.child(i)) for i in range(it.childCount())]]

    return [item(tree.topLevelItem(i)) for i in range(tree.topLevelItemCount())]


def test_another_officers_accept_all_is_recoloured_in_place_without_rebuilding_the_panels(
        qtbot: QtBot, asha: MainWindow, bram: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bram's "Accept all remaining" on a report Asha has open: every highlight takes its new
    decision and the Entities panel's counts equal a rebuild, by the path her own accept-all takes
    (recolour, patch the counts), not a rebuild of thousands of rows in one turn (issue 19)."""
    sentence = "Officials from Canberra met delegates of Tokyo and Jakarta about port security. "
    text = (sentence * 30).strip()
    spans = []
    for s in range(30):
        for word, label in (("Canberra", "GPE"), ("Tokyo", "GPE"), ("Jakarta", "GPE")):
            start = s * len(sentence) + sentence.index(word)
            spans.append(EntitySpan(start, start + len(word), label, word, "model", f"{label}:{word.lower()}", 0.8))
    article = asha.services.articles.add(ImportedDocument(title="Long report", text=text, source_path=""))
    assert article.id is not None
    asha.services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=spans, passages=[]))
    asha.refresh_library()
    asha.show_article(article.id)
    qtbot.waitUntil(lambda: asha.view.rendering_done() and len(asha.view.entity_marks) == 90, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: asha.live.state is not None and asha.live.state.article_id == article.id,
                    timeout=WAIT_MS)
    assert "(30 open)" in _tree(asha)[0][2][0][1]  # every Canberra still open
    rebuilt: list[int] = []
    panel_class = type(asha.review.entities_panel)
    rebuild = panel_class.refresh

    def counted(self: Any) -> None:
        rebuilt.append(1)
        rebuild(self)

    monkeypatch.setattr(panel_class, "refresh", counted)

    bram.annotations.accept_all_remaining(article.id)

    qtbot.waitUntil(lambda: all(m.status == AnnotationStatus.ACCEPTED for m in asha.view.entity_marks.values()),
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: asha.live.notice.text().startswith("Updated: Bram changed 90 tags"), timeout=WAIT_MS)
    assert rebuilt == []  # patched in place, as for her own accept-all
    patched = _tree(asha)
    assert "open" not in str(patched)
    monkeypatch.undo()
    asha.review.entities_panel.refresh()
    assert _tree(asha) == patched  # the patched panel equals a rebuild from the database
    for row in bram.annotations.rows_for_article(article.id):
        if row.kind == "entity":
            assert asha.view.entity_marks[row.id].status == row.status
    # the status line and the Library row follow it too (nothing is left open)
    counts = asha.services.annotations.open_counts(article.id)
    assert counts["entity"] + counts["pillar"] == 0
    qtbot.waitUntil(lambda: asha.review.status.counts.text().startswith("No open suggestions"), timeout=WAIT_MS)
    library = asha.library
    qtbot.waitUntil(lambda: str(library.proxy.index(library.article_ids().index(article.id), OPEN).data() or "0")
                    == "0", timeout=WAIT_MS)
