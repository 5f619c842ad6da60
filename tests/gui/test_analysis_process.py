"""The window analyses in a process of its own (issue 17): results as before, a killed process is replaced
and the analysis retried, closing leaves no process behind, and the library answers while spaCy loads."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.domain.models import LessonAction
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.analysis_process import RESTARTED, RemoteAnalyzer
from briefing_app.services import Services
from briefing_app.settings import Settings

pytestmark = pytest.mark.analysis_process

TEXT = ("Prime Minister Narendra Modi met Australian Prime Minister Anthony Albanese in New Delhi on Friday. "
        "The two leaders agreed to deepen defence cooperation and maritime security in the Indo-Pacific, "
        "and the Quad foreign ministers will meet in Tokyo next month to review the Malabar exercise.")
#: Seconds of work for the analysis process: long enough to be killed in the middle.
LONG_TEXT = "\n\n".join([TEXT] * 400)


def _gone(pid: int) -> bool:
    """True when no process ``pid`` runs (reaped, or a zombie nobody waits for)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(")")[-1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[MainWindow]:
    win = MainWindow(Services.open(db_path), Settings())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.services.close()


def _remote(window: MainWindow) -> RemoteAnalyzer:
    remote = window._remote
    assert isinstance(remote, RemoteAnalyzer)
    return remote


def test_window_analyses_through_its_own_process(qtbot: QtBot, window: MainWindow, analyzer: object) -> None:
    with qtbot.waitSignal(window.modelReady, timeout=120_000):
        pass
    remote = _remote(window)
    assert remote.pid is not None and remote.pid != os.getpid() and remote.is_alive()
    with qtbot.waitSignal(window.analysisFinished, timeout=120_000):
        article_id = window.add_document(ImportedDocument(title="Leaders meet", text=TEXT, source_path=""))
    assert article_id is not None
    stored = {(a.start, a.end, a.label) for a in window.services.annotations.rows_for_article(article_id)
              if a.kind == "entity"}
    # The same tags the in-process analyser finds (the command line's), shown in the window.
    expected = {(e.start, e.end, e.label) for e in analyzer.analyze(TEXT).entities}  # type: ignore[attr-defined]
    assert stored == expected and ("PERSON" in {label for _s, _e, label in stored})
    assert window.view.text == TEXT
    # The officer's lessons travel to the process: a rejected name is no longer suggested.
    window.services.lessons.record(LessonAction.REJECT, "Anthony Albanese", "PERSON")
    with qtbot.waitSignal(window.analysisFinished, timeout=120_000):
        second = window.add_document(ImportedDocument(title="Leaders meet again", text=TEXT + " Again.",
                                                      source_path=""))
    assert second is not None
    names = {a.text for a in window.services.annotations.rows_for_article(second) if a.kind == "entity"}
    assert "Narendra Modi" in names and "Anthony Albanese" not in names


def test_killed_process_is_replaced_and_the_analysis_retried(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.modelReady, timeout=120_000):
        pass
    remote = _remote(window)
    first = remote.pid
    assert first is not None
    article = window.services.articles.add(ImportedDocument(title="Long readout", text=LONG_TEXT, source_path=""))
    assert article.id is not None
    progressed: list[int] = []
    window.progress.valueChanged.connect(progressed.append)
    messages: list[str] = []
    window.analyserRestarted.connect(messages.append)
    with qtbot.waitSignal(window.analysisFinished, timeout=180_000) as finished:
        window.show_article(article.id)
        # Killed in the middle of the analysis (it has reported progress, not the result).
        qtbot.waitUntil(lambda: bool(progressed), timeout=120_000)
        os.kill(first, signal.SIGKILL)
    assert finished.args == [article.id]
    assert messages == [RESTARTED]  # said once, in the status bar
    assert remote.connection.restarts == 1 and remote.pid != first and remote.is_alive()
    assert window.services.articles.is_analysed(article.id)
    assert any(a.kind == "entity" for a in window.services.annotations.rows_for_article(article.id))


def test_a_process_that_died_while_idle_is_noticed_and_replaced(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.modelReady, timeout=120_000):
        pass
    remote = _remote(window)
    first = remote.pid
    assert first is not None
    messages: list[str] = []
    window.analyserRestarted.connect(messages.append)
    os.kill(first, signal.SIGKILL)
    # The signal is emitted from the worker that noticed the death: the list hears it at once, the status
    # bar (a queued slot on the GUI thread) a moment later, so wait for what the officer sees.
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == RESTARTED, timeout=120_000)
    assert messages == [RESTARTED]
    qtbot.waitUntil(lambda: not window.tasks.is_busy("analyser-restart"), timeout=120_000)
    assert remote.pid != first and remote.is_alive()


def test_closing_the_window_leaves_no_analysis_process(qtbot: QtBot, db_path: Path) -> None:
    # Closed once ready, and closed while spaCy is still loading.
    for wait_for_model in (True, False):
        win = MainWindow(Services.open(db_path), Settings())
        qtbot.addWidget(win)
        win.show()
        remote = _remote(win)
        pid = remote.pid
        assert pid is not None
        if wait_for_model:
            qtbot.waitUntil(lambda win=win: win.analyzer is not None, timeout=120_000)
        assert not _gone(pid)
        win.close()
        win.services.close()
        assert _gone(pid)


def test_library_search_answers_while_the_model_loads(qtbot: QtBot, db_path: Path) -> None:
    services = Services.open(db_path)
    for n in range(30):
        services.articles.add(ImportedDocument(title=f"Readout {n}", text=f"Readout {n}: ministers met in Canberra.",
                                               source_path=""))
    services.articles.add(ImportedDocument(title="Naval exercise", text="The Malabar exercise began in Goa.",
                                           source_path=""))
    win = MainWindow(services, Settings())
    qtbot.addWidget(win)
    win.show()
    remote = _remote(win)
    assert remote.pid is not None
    # Held mid-load (stopped, as a slow machine would be): the model is certainly not ready yet.
    os.kill(remote.pid, signal.SIGSTOP)
    try:
        win.library.search.setText("Malabar")
        win.library.refresh()
        assert win.analyzer is None
        assert [win.library.model.rows[i].title for i in range(len(win.library.model.rows))] == ["Naval exercise"]
    finally:
        os.kill(remote.pid, signal.SIGCONT)
    qtbot.waitUntil(lambda: win.analyzer is not None, timeout=120_000)
    win.close()
    services.close()
