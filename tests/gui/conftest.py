"""GUI test fixtures: background threads are finished before each test ends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool


@pytest.fixture(autouse=True)
def wait_for_background_threads(qapp: object) -> Iterator[None]:
    """Join the thread pool in teardown so no worker outlives its test's database."""
    yield
    assert QThreadPool.globalInstance().waitForDone(60_000), "background work did not finish"
