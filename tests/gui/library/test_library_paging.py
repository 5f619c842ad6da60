"""The library view on a generated library of a few thousand articles: it reads pages as the table
scrolls, sorts and searches the whole library, and keeps a row's open count right after an edit."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from briefing_app.domain.models import Annotation
from briefing_app.gui.library_panel import OPEN, PAGE_SIZE, TITLE
from briefing_app.gui.main_window import MainWindow

ARTICLES = 2_500
#: Old articles (far beyond the first page) that the sorts and the search must still find.
AARDVARK = 7  # alphabetically first title
BUSY = (11, 12)  # the most open suggestions
NEEDLE = 23  # the only one mentioning "quokka"


def _title(n: int) -> str:
    return "Aardvark census" if n == AARDVARK else f"Report {n:05d}"


@pytest.fixture
def big(window: MainWindow) -> dict[int, int]:
    """A generated library (inserted directly: the importer is not under test here); number -> id."""
    services = window.services
    start = datetime(2025, 1, 1, tzinfo=UTC)
    rows = []
    for n in range(ARTICLES):
        body = f"Report number {n} on regional trade." + (" A quokka was seen." if n == NEEDLE else "")
        rows.append({"title": _title(n), "outlet": "Generated", "text": body,
                     "hash": hashlib.sha256(body.encode()).hexdigest(),
                     "created": (start + timedelta(minutes=n)).strftime("%Y-%m-%d %H:%M:%S.%f")})
    with services.db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO article (title, outlet, author, url, published, source_path, format, text, text_hash, "
            "status, analysis_mode, created_at, updated_at) VALUES (:title, :outlet, '', '', '', '', 'paste', "
            ":text, :hash, 'new', '', :created, :created)"), rows)
        ids = {n: int(i) for n, i in enumerate(
            conn.execute(text("SELECT id FROM article ORDER BY created_at")).scalars())}
    with services.db.session() as session:
        for n in BUSY:
            for k in range(5 + n):
                session.add(Annotation(article_id=ids[n], kind="entity", start=0, end=6, label="GPE",
                                       text="Report", entity_id=f"GPE:r{k}"))
        session.commit()
    window.refresh_library()
    return ids


def _click_header(qtbot: QtBot, window: MainWindow, column: int) -> None:
    header = window.library.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2))


def test_first_page_then_more_as_the_table_scrolls(qtbot: QtBot, window: MainWindow, big: dict[int, int]) -> None:
    panel = window.library
    assert panel.count() == PAGE_SIZE, "one page read, not the whole library"
    assert panel.summary.text() == f"{ARTICLES:,} articles"
    assert panel.summary_at(0).title == _title(ARTICLES - 1), "newest first"
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.count() > PAGE_SIZE)
    while panel.count() < ARTICLES:
        before = panel.count()
        panel.table.scrollToBottom()
        qtbot.waitUntil(lambda before=before: panel.count() > before)
    titles = [panel.summary_at(r).title for r in range(panel.count())]
    assert titles == [_title(n) for n in reversed(range(ARTICLES))], "pages join up: no gap, no repeat"
    assert not panel.model.canFetchMore()


def test_sorting_by_a_column_sorts_the_whole_library(qtbot: QtBot, window: MainWindow,
                                                     big: dict[int, int]) -> None:
    panel = window.library
    _click_header(qtbot, window, TITLE)
    assert panel.summary_at(0).title == "Aardvark census"
    assert panel.count() == PAGE_SIZE
    _click_header(qtbot, window, OPEN)
    _click_header(qtbot, window, OPEN)
    top = [panel.summary_at(r) for r in range(2)]
    header = panel.table.horizontalHeader()
    if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        _click_header(qtbot, window, OPEN)
        top = [panel.summary_at(r) for r in range(2)]
    assert [r.id for r in top] == [big[12], big[11]]
    assert [r.open_suggestions for r in top] == [17, 16]


def test_search_reaches_beyond_the_pages_read(qtbot: QtBot, window: MainWindow, big: dict[int, int]) -> None:
    panel = window.library
    panel.search.setText("quokka")
    panel.refresh()
    assert panel.article_ids() == [big[NEEDLE]]
    panel.search.clear()
    panel.refresh()
    assert panel.count() == PAGE_SIZE
    assert panel.summary.text() == f"{ARTICLES:,} articles"


def test_open_count_follows_an_edit_without_reloading(qtbot: QtBot, window: MainWindow,
                                                      big: dict[int, int]) -> None:
    panel = window.library
    _click_header(qtbot, window, OPEN)
    if panel.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        _click_header(qtbot, window, OPEN)
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.count() > PAGE_SIZE)
    shown = panel.count()
    row = panel.article_ids().index(big[12])
    assert panel.proxy.index(row, OPEN).data() == "17"
    panel.set_status([big[12]], "reviewed")  # through the undo stack, like the context menu
    assert panel.proxy.index(row, OPEN).data() == "", "a reviewed article has nothing open"
    assert panel.count() == shown, "only the edited row was read again"
    window.undo_stack.undo()
    assert panel.proxy.index(row, OPEN).data() == "17"
