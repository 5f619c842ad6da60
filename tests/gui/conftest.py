"""GUI test fixtures: background threads are finished before each test ends, and no message box a test
did not expect can block it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def in_process_analyser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows analyse in this process with the session's loaded model (a process per window would load
    spaCy for each test); tests marked ``analysis_process`` keep the app's analysis process."""
    if request.node.get_closest_marker("analysis_process"):
        return
    from briefing_app.gui import main_window

    def in_process(model: str | None = None) -> object:
        from briefing_app.nlp.analyzer import create_analyzer

        return create_analyzer(model)

    monkeypatch.setattr(main_window, "create_analyzer", in_process)


@pytest.fixture(autouse=True)
def wait_for_background_threads(qapp: object) -> Iterator[None]:
    """Join the thread pool in teardown so no worker outlives its test's database."""
    yield
    assert QThreadPool.globalInstance().waitForDone(60_000), "background work did not finish"


@pytest.fixture(autouse=True)
def unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A QMessageBox a test does not patch itself fails that test instead of blocking it for ever: offscreen,
    nobody can click it, and the run hung until pytest-timeout (a background analysis refused by a
    database another test's connection held). Tests that expect one patch ``QMessageBox.<kind>``
    themselves, which replaces this."""
    shown: list[str] = []

    def recorder(kind: str, answer: QMessageBox.StandardButton):  # noqa: ANN202 - a static method's stand-in
        def box(_parent: object, title: str, text: str, *_args: object, **_kwargs: object) -> object:
            shown.append(f"{kind} “{title}”: {text}")
            return answer

        return box

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind, QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", recorder("question", QMessageBox.StandardButton.Cancel))
    yield shown
    if shown:
        pytest.fail("a message box the test did not expect: " + "; ".join(shown))
