"""A background analysis whose results the database refuses (busy, full, read-only): no message box
interrupts the officer; the status bar says it in words, the article stays "not analysed" and is
analysed again once the database takes writes. A real failure of the analyser is still told."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.gui import main_window
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.services.analysis import AnalysisService
from briefing_app.services.articles import ArticleService
from tests.gui.refusals import busy_error, busy_once, short_busy_timeout, write_lock

__all__ = ["short_busy_timeout"]  # the fixture, used by name

TEXT = "Jaishankar met Blinken in Washington to discuss the Quad and trade."


@pytest.fixture
def window(short_busy_timeout: None, loaded_window: MainWindow) -> MainWindow:
    """A window with the model loaded (writers give up on a held lock after 0.3 s)."""
    return loaded_window


def _unanalysed(win: MainWindow) -> int:
    article = win.services.articles.add(ImportedDocument(title="Talks", text=TEXT, source_path=""))
    assert article.id is not None and not win.services.articles.is_analysed(article.id)
    return article.id


def test_an_analysis_the_busy_database_refuses_is_said_in_the_status_bar_and_tried_again(
        qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "ANALYSIS_RETRY_MS", (1500,), raising=False)
    article_id = _unanalysed(window)
    with write_lock(db_path):  # another program holds the database while the analysis saves
        window.show_article(article_id)
        qtbot.waitUntil(lambda: "Analysis not saved" in window.statusBar().currentMessage(), timeout=30_000)
        message = window.statusBar().currentMessage()
        assert "the database is busy" in message and "tried again" in message
        assert not window.services.articles.is_analysed(article_id), "stays marked as needing analysis"
    # The other program is done: the back-off timer analyses it again, nobody clicks anything.
    qtbot.waitUntil(lambda: window.services.articles.is_analysed(article_id), timeout=30_000)
    qtbot.waitUntil(lambda: bool(window.view.entity_marks), timeout=10_000)
    # (The autouse fixture of tests/gui/conftest.py fails the test had any message box been shown.)


def test_a_queued_import_analysis_refused_is_tried_again_too(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "ANALYSIS_RETRY_MS", (200,), raising=False)
    article_id = _unanalysed(window)
    real = AnalysisService.analyze_article
    calls: list[int] = []

    def busy_first(self: AnalysisService, *args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise busy_error()
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(AnalysisService, "analyze_article", busy_first)
    window.importer.queue_analysis([article_id])
    qtbot.waitUntil(lambda: window.services.articles.is_analysed(article_id), timeout=30_000)
    assert len(calls) == 2


def test_a_real_analysis_failure_still_tells_the_officer(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a storage refusal: a box says the article could not be analysed (and nothing is retried)."""
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *_a, **_k: told.append(f"{title}: {text}"))

    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("the tagger crashed")

    monkeypatch.setattr(AnalysisService, "analyze_article", broken)
    article_id = _unanalysed(window)
    window.show_article(article_id)
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert told == ["Analysis failed: The article could not be analysed: the tagger crashed"]
    assert "tried again" not in window.statusBar().currentMessage()


def test_a_retry_waiting_when_the_window_closes_starts_nothing(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "ANALYSIS_RETRY_MS", (300,), raising=False)
    calls: list[int] = []

    def busy(*_args: object, **_kwargs: object) -> object:
        calls.append(1)
        raise busy_error()

    monkeypatch.setattr(AnalysisService, "analyze_article", busy)
    window.show_article(_unanalysed(window))
    qtbot.waitUntil(lambda: "Analysis not saved" in window.statusBar().currentMessage(), timeout=30_000)
    window.close()
    qtbot.wait(800)
    assert calls == [1], "the database may be closed after the window: no analysis starts"


def test_an_analyse_again_the_database_refuses_is_tried_again_though_the_article_was_analysed_before(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """"Analyse again" on an analysed article: its refused results are tried again as the status bar says
    (the article keeps its earlier analysis meanwhile, so "still unanalysed" cannot be the test)."""
    monkeypatch.setattr(main_window, "ANALYSIS_RETRY_MS", (200,), raising=False)
    article_id = _unanalysed(window)
    window.importer.queue_analysis([article_id])
    qtbot.waitUntil(lambda: window.services.articles.is_analysed(article_id), timeout=30_000)
    qtbot.waitUntil(lambda: window.importer.pending_analysis() == [], timeout=10_000)
    monkeypatch.setattr(AnalysisService, "analyze_article", busy_once(AnalysisService.analyze_article))
    calls: list[int] = []
    real = AnalysisService.analyze_article

    def counted(self: AnalysisService, *args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(AnalysisService, "analyze_article", counted)
    window.library.analyseRequested.emit([article_id])  # the library's "Analyse again"
    qtbot.waitUntil(lambda: "Analysis not saved" in window.statusBar().currentMessage(), timeout=30_000)
    assert "tried again" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=5_000)  # the retry ran it again
    qtbot.waitUntil(lambda: not window.tasks.is_busy(f"analysis:{article_id}"), timeout=30_000)
    assert len(calls) == 2 and "Analysis not saved" not in window.statusBar().currentMessage()


def test_a_retry_leaves_alone_an_article_the_import_queue_is_analysing(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Told the analysis will be tried again, the officer chose "Analyse again": the queue is analysing
    it when the back-off timer fires, and the timer must not start a second analysis of it."""
    import threading
    import time

    monkeypatch.setattr(main_window, "ANALYSIS_RETRY_MS", (400,), raising=False)
    article_id = _unanalysed(window)
    real = AnalysisService.analyze_article
    calls: list[str] = []
    lock = threading.Lock()

    def busy_then_slow(self: AnalysisService, *args: object, **kwargs: object) -> object:
        with lock:
            calls.append(threading.current_thread().name)
            first = len(calls) == 1
        if first:
            raise busy_error()
        time.sleep(1.5)  # a long article: still analysing when the retry fires
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(AnalysisService, "analyze_article", busy_then_slow)
    window.show_article(article_id)
    qtbot.waitUntil(lambda: "Analysis not saved" in window.statusBar().currentMessage(), timeout=30_000)
    window.library.analyseRequested.emit([article_id])  # "Analyse again" before the retry
    qtbot.waitUntil(lambda: window.services.articles.is_analysed(article_id), timeout=30_000)
    qtbot.waitUntil(lambda: not window.tasks.is_busy(f"analysis:{article_id}")
                    and not window.importer.pending_analysis(), timeout=30_000)
    qtbot.wait(600)
    assert len(calls) == 2, "refused once, then analysed once (the queue's), not twice at once"


def test_the_articles_of_a_refused_import_are_analysed_again_one_at_a_time(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole import refused (a full disk, another program holding the database): the retry goes through
    the import queue, one article after the other, not one analysis per article at once (which filled
    the thread pool, so the article the officer opens next waited behind all of them)."""
    import threading
    import time

    monkeypatch.setattr(main_window, "ANALYSIS_RETRY_MS", (300,), raising=False)
    ids = [window.services.articles.add(ImportedDocument(title=f"Talks {n}", text=f"{TEXT} Round {n}.",
                                                         source_path="")).id for n in range(3)]
    real = AnalysisService.analyze_article
    lock = threading.Lock()
    state = {"calls": 0, "running": 0, "most": 0}

    def refused_first_then_counted(self: AnalysisService, *args: object, **kwargs: object) -> object:
        with lock:
            state["calls"] += 1
            if state["calls"] <= len(ids):
                raise busy_error()
            state["running"] += 1
            state["most"] = max(state["most"], state["running"])
        try:
            time.sleep(0.3)
            return real(self, *args, **kwargs)  # type: ignore[arg-type]
        finally:
            with lock:
                state["running"] -= 1

    monkeypatch.setattr(AnalysisService, "analyze_article", refused_first_then_counted)
    window.importer.queue_analysis(ids)
    qtbot.waitUntil(lambda: all(window.services.articles.is_analysed(i) for i in ids), timeout=60_000)
    assert state["calls"] == 2 * len(ids) and state["most"] == 1


def test_a_database_that_stays_refusing_is_retried_by_storing_the_analysis_already_made(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that stays full (or a database busy for minutes): each retry only stores the result made
    the first time, it does not analyse the article again (CPU, battery, a flickering progress bar);
    once the database takes the write, the article is analysed and shown, and no timer is left."""
    from briefing_app.nlp.analyzer import Analyzer

    monkeypatch.setattr(main_window, "ANALYSIS_RETRY_MS", (150,), raising=False)
    article_id = _unanalysed(window)
    real_analyze, real_save = Analyzer.analyze, ArticleService.save_analysis
    analysed: list[int] = []
    saves: list[int] = []
    bar_shown: list[bool] = []

    def counted(self: Analyzer, *args: object, **kwargs: object) -> object:
        analysed.append(1)
        return real_analyze(self, *args, **kwargs)  # type: ignore[arg-type]

    def refused_three_times(self: ArticleService, *args: object, **kwargs: object) -> None:
        saves.append(1)
        bar_shown.append(window.progress.isVisible())
        if len(saves) <= 3:
            raise busy_error()
        real_save(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Analyzer, "analyze", counted)
    monkeypatch.setattr(ArticleService, "save_analysis", refused_three_times)
    window.show_article(article_id)
    qtbot.waitUntil(lambda: window.services.articles.is_analysed(article_id), timeout=30_000)
    qtbot.waitUntil(lambda: bool(window.view.entity_marks), timeout=10_000)
    assert len(saves) == 4 and len(analysed) == 1, "analysed once, only stored again"
    assert bar_shown[1:] == [False, False, False], "a retry that only stores shows no progress bar"
    assert not window._analysis_retry.isActive() and not window.kept_analyses.has(article_id)


def _busy_reads_once_armed(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The window's next read of an article on the GUI thread, once ``armed[0]`` is set, meets a busy
    database (desk mode: a table another officer's migration holds past the lock_timeout)."""
    import threading

    armed = [False]
    articles = window.services.articles
    real = articles.get

    def get(article_id: int) -> object:
        if armed[0] and threading.current_thread() is threading.main_thread():
            armed[0] = False
            raise busy_error()
        return real(article_id)

    monkeypatch.setattr(articles, "get", get)
    return armed


def _stored(window: MainWindow) -> ArticleService:
    """The articles as stored, read past the window's busy double (the test's own reads)."""
    return ArticleService(window.services.db)


def test_a_retry_whose_reads_the_database_holds_busy_waits_for_the_next_one(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The retry itself first reads the article: busy too, it waited for nothing (the articles were
    dropped from the retry and the error reached the event loop); now they wait for the next back-off."""
    monkeypatch.setattr(main_window, "ANALYSIS_RETRY_MS", (200,), raising=False)
    article_id = _unanalysed(window)
    armed = _busy_reads_once_armed(window, monkeypatch)
    real = AnalysisService.analyze_article

    def refused_once(self: AnalysisService, *args: object, **kwargs: object) -> object:
        if not hasattr(refused_once, "done"):
            refused_once.done = True  # type: ignore[attr-defined]
            armed[0] = True
            raise busy_error()
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(AnalysisService, "analyze_article", refused_once)
    window.show_article(article_id)
    qtbot.waitUntil(lambda: _stored(window).is_analysed(article_id), timeout=30_000)
    assert not armed[0], "the retry met the busy read"


def test_a_queued_analysis_refused_while_reads_are_busy_too_keeps_the_queue_going(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused, the queue read the article to know it still exists: busy as well, the queue stopped for
    good (the next article was never analysed)."""
    monkeypatch.setattr(main_window, "ANALYSIS_RETRY_MS", (200,), raising=False)
    first = _unanalysed(window)
    second = window.services.articles.add(ImportedDocument(title="Trade", text=TEXT + " Tariffs too.", source_path="")).id
    assert second is not None
    armed = _busy_reads_once_armed(window, monkeypatch)
    real = AnalysisService.analyze_article
    calls: list[int] = []

    def refused_first(self: AnalysisService, article_id: int, *args: object, **kwargs: object) -> object:
        calls.append(article_id)
        if len(calls) == 1:
            armed[0] = True
            raise busy_error()
        return real(self, article_id, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(AnalysisService, "analyze_article", refused_first)
    window.importer.queue_analysis([first, second])
    qtbot.waitUntil(lambda: all(_stored(window).is_analysed(i) for i in (first, second)), timeout=30_000)
    assert not armed[0]
