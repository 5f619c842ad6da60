"""Issue 16 end to end: an earlier and a later article on one relationship -> auto-draft in the builder ->
key points, "New since", commitments and timeline reviewed in the GUI -> exported note read back."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow

from .conftest import open_analysed

EARLIER = (
    "India and Japan set a trade target\n\n"
    "NEW DELHI: Prime Minister Narendra Modi and Prime Minister Shigeru Ishiba held talks in New Delhi on Friday. "
    "The two leaders set a bilateral trade target of $200 billion by 2030. "
    "India and Japan agreed to expand joint naval exercises in the Indian Ocean. "
    "Officials said the partnership on clean energy would deepen over the coming years.\n"
)
LATER = (
    "India and Japan raise trade target to $500 billion\n\n"
    "TOKYO: Prime Minister Narendra Modi and Prime Minister Shigeru Ishiba met in Tokyo on Monday for the "
    "annual summit. The two leaders raised the bilateral trade target to $500 billion by 2030. "
    "India and Japan agreed to launch a joint working group on critical minerals by March 2027. "
    "Japan will provide a loan of $3 billion for the Mumbai-Ahmedabad high-speed rail project. "
    "Ishiba will visit New Delhi in September for talks on defence cooperation.\n"
)


@pytest.fixture
def relationship(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> tuple[int, int]:
    """The earlier (The Hindu, 9 Jan 2026) and the later (Nikkei Asia, 2 Feb 2026) article, analysed."""
    ids = []
    for name, text, meta in (("earlier.txt", EARLIER, dict(outlet="The Hindu", published="2026-01-09")),
                             ("later.txt", LATER, dict(outlet="Nikkei Asia", published="2026-02-02"))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        ids.append(open_analysed(qtbot, window, path, meta))
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    return ids[0], ids[1]


def _draft(qtbot: QtBot, window: MainWindow, replace: bool | None = None) -> int:
    builder = window.briefing_builder
    with qtbot.waitSignal(builder.draftedReady, timeout=120_000):
        briefing_id = builder.auto_draft(replace=replace)
    assert briefing_id is not None
    return briefing_id


def test_new_since_commitments_and_timeline_drafted_reviewed_and_exported(
    qtbot: QtBot, window: MainWindow, relationship: tuple[int, int], tmp_path: Path,
) -> None:
    earlier, later = relationship
    builder = window.briefing_builder
    window.library.select_article(later)
    assert window.selected_article_ids() == [later]
    briefing_id = _draft(qtbot, window)
    numbers = builder.briefings.source_numbers(briefing_id)
    assert numbers[later] == 1 and numbers[earlier] == 2  # the earlier article is cited too

    # "New since": the new commitment and the changed figure, each with both citations.
    panel = builder.drafted_panel
    assert panel.groups["new_since"].text(0).startswith("New since 9 January 2026")
    rows = {leaf.text(0): leaf.text(2) for leaf in panel.rows("new_since")}
    commitment = next(t for t in rows if "joint working group" in t)
    assert commitment.startswith("India, Japan: agreed to launch a joint working group (by March 2027)")
    figure = next(t for t in rows if "→" in t)
    assert figure == "trade target $200 billion → $500 billion"
    assert rows[figure] == "[1] vs earlier [2]"
    doc = builder.briefings.document(briefing_id)
    lines = {line.text: line for line in doc.new_since}
    assert (lines[commitment].sources, lines[commitment].earlier) == ([1], [2])
    assert (lines[figure].sources, lines[figure].earlier) == ([1], [2])
    builder.update_preview()  # (else shortly after the edit)
    assert "New since 9 January 2026" in builder.preview.toPlainText()
    assert "$200 billion → $500 billion [1]; earlier [2]" in builder.preview.toPlainText()

    # Key points at the top: 3-6, each cited.
    points = panel.texts("key_points")
    assert 3 <= len(points) <= 6
    assert all(k.sources for k in doc.key_points)

    # The commitments table: who, action, what, when resolved against the article's date, source.
    table = builder.commitments_panel
    builder.tabs.setCurrentWidget(table)
    whats = table.column_texts(2)
    row = whats.index("launch a joint working group")
    assert [table.table.item(row, c).text() for c in (0, 1, 3, 4)] == ["India, Japan", "agree", "March 2027",
                                                                         "[1] Nikkei Asia"]
    # Enter on the row opens the later article at the commitment's passage, in the review view.
    table.table.setFocus()
    table.table.setCurrentCell(row, 2)
    qtbot.keyClick(table.table, Qt.Key.Key_Return)
    assert window.current_article_id == later
    assert window.workspace.currentWidget() is window.view
    start, end = window.view.selection_span()
    assert "agreed to launch a joint working group" in window.view.text[start:end]
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    # The officer drops the loan row (Delete) and rewords a key point; both survive a second auto-draft.
    loan = whats.index("a loan of $3 billion")
    table.table.setFocus()
    table.table.setCurrentCell(loan, 2)
    qtbot.keyClick(table.table, Qt.Key.Key_Delete)
    assert table.column_texts(5)[loan] == "dropped"
    builder.tabs.setCurrentWidget(panel)
    first = panel.rows("key_points")[0]
    first.setText(0, "Officer's own wording of the first key point.")
    assert panel.texts("key_points")[0] == "Officer's own wording of the first key point."
    window.library.select_article(later)
    _draft(qtbot, window, replace=True)
    assert builder.commitments_panel.column_texts(5)[loan] == "dropped"
    assert panel.texts("key_points")[0] == "Officer's own wording of the first key point."
    assert not any(c.what == "a loan of $3 billion" for c in builder.briefings.document(briefing_id).commitments)

    # The timeline is optional: ticked, it is in the note; the tick is undoable.
    assert builder.briefings.document(briefing_id).timeline == []
    qtbot.mouseClick(panel.timeline_box, Qt.MouseButton.LeftButton)
    assert [t.date for t in builder.briefings.document(briefing_id).timeline][:2] == ["2 February 2026",
                                                                                        "September 2026"]
    window.undo_stack.undo()
    assert not panel.timeline_box.isChecked() and builder.briefings.document(briefing_id).timeline == []
    window.undo_stack.redo()
    assert panel.timeline_box.isChecked()

    # Export: Key points, New since, the Commitments table and the Timeline.
    out = tmp_path / "india-japan.docx"
    with qtbot.waitSignal(builder.exported, timeout=60_000):
        builder.export_to(out)
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for heading in ("Key points", "New since 9 January 2026", "Commitments and deliverables", "Timeline"):
        assert heading in headings
    assert headings.index("Key points") == 0
    texts = [p.text for p in document.paragraphs]
    assert any("Changed figure: trade target $200 billion → $500 billion [1]; earlier [2]" in t for t in texts)
    assert any("New commitment: India, Japan: agreed to launch a joint working group" in t
               and t.endswith("[1]; not in [2]") for t in texts)
    commitments = next(t for t in document.tables if t.rows[0].cells[0].text == "Who")
    cells = [[c.text for c in r.cells] for r in commitments.rows]
    assert cells[0] == ["Who", "Action", "What", "When", "Source"]
    assert ["India, Japan", "agree", "launch a joint working group", "March 2027", "[1]"] in cells
    assert not any("loan" in r[2] for r in cells)  # dropped in the builder: not in the note
    timeline = next(t for t in document.tables if t.rows[0].cells[0].text == "2 February 2026")
    assert timeline.rows[0].cells[1].text.endswith("[1]")
    assert [r.cells[0].text for r in timeline.rows][1] == "September 2026"

    # The comparison date is the officer's to change: before the earlier article there is nothing to compare.
    assert panel.compare_date.date().toString(Qt.DateFormat.ISODate) == "2026-02-02"  # the later article's date
    assert panel.compared.text() == "Compared with 1 earlier article: [2] The Hindu, 9 January 2026."
    panel.compare_date.setDate(panel.compare_date.date().addDays(-40))
    with qtbot.waitSignal(builder.draftedReady, timeout=120_000):
        qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    assert panel.groups["new_since"].text(0).startswith("New since (no earlier article")
    assert builder.briefings.document(briefing_id).new_since == []
    window.undo_stack.undo()  # one step back: compared with the earlier article again
    assert panel.groups["new_since"].text(0).startswith("New since 9 January 2026")
