"""The one pattern for background work: QRunnable on the global QThreadPool, signals back.

Each task has a *key* (e.g. "analysis"); starting a new task with the same key
makes the older one stale: its result is dropped, and its cancel check returns
True so it can stop early.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)

#: Delay before the next step of work split over event-loop turns (ms). Not 0: Qt runs a
#: zero-delay single shot like a posted event, ahead of the timers that fell due during the step
#: before, so a chain of them ran two or three steps back to back (measured: 2 × 30 ms steps
#: between two ticks of a 10 ms timer with 0, one step with 1).
NEXT_STEP_MS = 1


def next_step(receiver: QObject, fn: Callable[[], None]) -> None:
    """Run ``fn`` in a later event-loop turn, after the timers due by then (dropped with ``receiver``)."""
    QTimer.singleShot(NEXT_STEP_MS, receiver, fn)

TaskFn = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]
"""A task receives ``progress(done, total)`` and ``is_cancelled()`` and returns a result."""


class _Signals(QObject):
    progress = Signal(int, int, int)  # generation, done, total
    finished = Signal(int, object)  # generation, result
    failed = Signal(int, object, str)  # generation, exception, traceback text


class _Runnable(QRunnable):
    def __init__(self, fn: TaskFn, generation: int, is_stale: Callable[[int], bool]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.signals = _Signals()
        self._fn = fn
        self._generation = generation
        self._is_stale = is_stale

    def run(self) -> None:
        gen = self._generation
        try:
            result = self._fn(lambda done, total: self._emit("progress", gen, done, total),
                              lambda: self._is_stale(gen))
        except BaseException as exc:  # reported to the GUI thread, never swallowed
            self._emit("failed", gen, exc, traceback.format_exc())
        else:
            self._emit("finished", gen, result)

    def _emit(self, name: str, *args: object) -> None:
        try:
            getattr(self.signals, name).emit(*args)
        except RuntimeError:
            # The window (and with it the signals object) was destroyed while we worked:
            # nobody is left to tell, and the work itself is already committed or abandoned.
            log.debug("Dropped %s of a task whose receiver is gone", name)


class TaskRunner(QObject):
    """Starts keyed background tasks and delivers only the newest task's outcome per key."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._generation: dict[str, int] = {}
        self._cancelled: set[tuple[str, int]] = set()
        self._running: dict[str, set[int]] = {}
        self._shutting_down = False

    def start(
        self,
        key: str,
        fn: TaskFn,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Run ``fn`` in the pool; callbacks run on the GUI thread unless the task went stale."""
        gen = self._generation.get(key, 0) + 1
        self._generation[key] = gen
        runnable = _Runnable(fn, gen, lambda g: self._is_stale(key, g))
        self._running.setdefault(key, set()).add(gen)

        def finished(g: int, result: object) -> None:
            self._running.get(key, set()).discard(g)
            if not self._is_stale(key, g):
                on_done(result)

        def failed(g: int, exc: object, tb: str) -> None:
            self._running.get(key, set()).discard(g)
            if self._is_stale(key, g):
                return
            if on_error is not None:
                on_error(exc, tb)  # type: ignore[arg-type]
            else:
                log.error("Background task %s failed:\n%s", key, tb)

        def progressed(g: int, done: int, total: int) -> None:
            if on_progress is not None and not self._is_stale(key, g):
                on_progress(done, total)

        runnable.signals.finished.connect(finished)
        runnable.signals.failed.connect(failed)
        runnable.signals.progress.connect(progressed)
        # Keep the signals object alive until the runnable is done.
        runnable.signals.setParent(self)
        self._pool.start(runnable)
        return gen

    def _is_stale(self, key: str, gen: int) -> bool:
        return self._shutting_down or gen != self._generation.get(key) or (key, gen) in self._cancelled

    def cancel(self, key: str) -> None:
        """Make the current task of ``key`` stale (its result will be dropped)."""
        gen = self._generation.get(key)
        if gen is not None:
            self._cancelled.add((key, gen))

    def is_busy(self, key: str) -> bool:
        """True while a task of ``key`` is still running."""
        return bool(self._running.get(key))

    @property
    def closed(self) -> bool:
        """True once :meth:`shutdown` was called (the window is closing: start no more work)."""
        return self._shutting_down

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Cancel everything and wait for the pool's threads (call before closing)."""
        self._shutting_down = True
        return self._pool.waitForDone(timeout_ms)
