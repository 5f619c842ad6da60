"""GUI test fixtures: background threads are finished before each test ends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool


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
