"""The window's analyser in a process of its own (issue 17).

Loading spaCy and analysing are CPU-bound Python: in a thread of the window's process they hold the
GIL, so the window stalls and the load takes longer than spaCy alone. Here they run in a separate
process, started at the very top of the launch (``nlp/early_process.start_early``, before Qt is
imported) and released at the window's first paint, so spaCy loads on the other core while the window
opens the library.

:class:`RemoteAnalyzer` has the analyser's interface (``analyze(text, progress, cancel)`` returns the
same :class:`AnalysisResult`; ``with_lessons``/``compile_lessons`` as :class:`Analyzer`'s). Calls block
the calling thread (the window calls it from its background workers) while the process works. The
officer's lessons are sent along with a request whenever they changed since the process last saw them.

If the process dies (killed, out of memory) the next call, or ``ensure_running``, starts a new one and a
call in flight is retried once; ``on_restart`` is told (the window says so in its status bar). Closing
stops the process; it also exits by itself when the window's process goes away (its pipe closes).
The command line keeps analysing in-process (``create_analyzer``).
"""

from __future__ import annotations

import itertools
import logging
import os
import subprocess
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from briefing_app.nlp.early_process import GO, Launched, take_early

if TYPE_CHECKING:
    from briefing_app.nlp.analyzer import Analyzer
    from briefing_app.nlp.lessons import CompiledLessons, LessonRule
    from briefing_app.nlp.types import AnalysisResult, CancelCheck, ProgressCallback

log = logging.getLogger(__name__)

#: How often the waiting thread looks at the cancel check (s); the process itself checks per chunk.
POLL_S = 0.05
#: Least time between two progress messages from the process (s).
PROGRESS_EVERY_S = 0.1
#: Replacements of a dead process before giving up (a process that cannot start would loop forever).
MAX_RESTARTS = 5
#: Lesson sets kept compiled in the process (the database's, plus a few one-off ones).
KEPT_LESSON_SETS = 4
#: Wait for a stopping process before it is killed (s).
STOP_WAIT_S = 2.0
RESTARTED = "The analyser stopped unexpectedly and was restarted; nothing was lost."


class WorkerDied(RuntimeError):
    """The analysis process ended while it was needed."""


# ---------------------------------------------------------------------------------- the process side
def _child(fd: int, model: str | None) -> None:
    """Entry point of the analysis process (``fd``: its end of the pipe to the window)."""
    try:
        # Started before the window's first paint, it stays idle until then: loading spaCy beside the
        # paint slowed the paint (they share the machine's cores, caches and memory bandwidth).
        if os.read(fd, 1) != GO:
            return  # told to stop (or the window's process ended) before it was needed
        _worker_main(Connection(fd), model)
    except (EOFError, OSError):
        pass  # the window's process is gone: nobody to answer
    except KeyboardInterrupt:
        pass


def _worker_main(conn: Connection, model: str | None) -> None:
    """The analysis process: load the analyser, say ``ready``, then answer requests until told to stop."""
    import gc

    # Everything loaded (spaCy's modules included) lives as long as the process: no collection while
    # importing and loading (none would free anything; they cost a tenth of the load), and afterwards
    # it is kept out of the collector's full passes.
    gc.disable()
    from briefing_app.nlp.model_loading import import_spacy_lean

    import_spacy_lean()  # this process never uses spaCy's command line: a third of the import saved
    from briefing_app.nlp.analyzer import Analyzer, create_analyzer
    from briefing_app.nlp.types import AnalysisCancelled

    analyzer = create_analyzer(model)
    gc.freeze()
    gc.enable()
    conn.send(("ready", analyzer.mode, analyzer.mode_message))
    lessons: dict[int, tuple[int, CompiledLessons]] = {}
    waiting: list[Any] = []
    while True:
        try:
            message = waiting.pop(0) if waiting else conn.recv()
        except (EOFError, OSError):
            return  # the window's process is gone
        if message[0] == "stop":
            return
        if message[0] != "analyze":
            continue  # a cancel for a request already answered
        _, request, text, use_domain, find_commitments, spec = message
        last = [0.0]

        def progress(done: int, total: int, request: int = request, last: list[float] = last) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY_S or done >= total:
                last[0] = now
                conn.send(("progress", request, done, total))

        def cancelled(request: int = request) -> bool:
            while conn.poll():
                incoming = conn.recv()
                if incoming[0] == "cancel" and incoming[1] == request:
                    return True
                if incoming[0] != "cancel":
                    waiting.append(incoming)  # a stop (or next request) arriving mid-analysis
                    return incoming[0] == "stop"
            return False

        try:
            compiled = _lessons_for(analyzer, lessons, spec)
            worker = Analyzer(analyzer.shared, compiled, use_domain, find_commitments)
            result = worker.analyze(text, progress, cancelled)
        except AnalysisCancelled:
            conn.send(("cancelled", request))
        except Exception as exc:  # sent back and raised in the window's thread
            conn.send(("error", request, f"{type(exc).__name__}: {exc}", traceback.format_exc()))
        else:
            conn.send(("result", request, result))


def _lessons_for(analyzer: Analyzer, known: dict[int, tuple[int, CompiledLessons]],
                 spec: tuple[int, int, list[LessonRule] | None, list[Any] | None] | None) -> CompiledLessons | None:
    """The compiled lessons a request names, updated incrementally from the rules sent with it."""
    if spec is None:
        return None
    key, version, rules, reviewed = spec
    entry = known.pop(key, None)  # re-inserted last: the dict is in order of use
    if entry is None:
        compiled = analyzer.compile_lessons()
        entry = (-1, compiled)
        while len(known) >= KEPT_LESSON_SETS:  # one-off sets (a lesson's "tags changed" count) are dropped
            known.pop(next(iter(known)))
    known[key] = entry
    if rules is not None and entry[0] != version:
        compiled = entry[1]
        if reviewed is not None:
            compiled.reviewed_loader = lambda reviewed=reviewed: reviewed
        compiled.sync(rules)
        known[key] = (version, compiled)
    return known[key][1]


# ---------------------------------------------------------------------------------- the window's side
class _Process:
    """One running analysis process and its pipe.

    A fresh interpreter (``python -c``), not ``fork``: the window's process has Qt and threads by the time
    a dead process is replaced; nor ``multiprocessing``'s spawn, which re-runs the launching script.
    """

    def __init__(self, model: str | None, launched: Launched | None = None) -> None:
        """Start a process that loads the analyser at once, or take over ``launched`` (started early)."""
        self.launched = launched if launched is not None else Launched(model, wait_for_go=False)
        self.process = self.launched.process
        self.conn = Connection(self.launched.socket.detach())
        self.model = model
        self.mode = ""
        self.mode_message = ""
        self.ready = False

    @property
    def released(self) -> bool:
        """True once the process may load (it was told ``go``)."""
        return self.launched.released

    def go(self) -> None:
        """Let the process load the analyser (once; a no-op after the first call)."""
        if not self.launched.released:
            self.launched.released = True
            try:
                os.write(self.conn.fileno(), GO)  # the byte it waits for, before any message
            except OSError:
                pass  # it died: the caller's wait (or the watch) notices and replaces it

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_ready(self) -> None:
        """Block until the process has loaded the analyser (raises ``WorkerDied`` if it ends first)."""
        if self.ready:
            return
        self.go()  # a waiter must not wait for a paint that may never come
        message = self.receive()
        if message[0] != "ready":
            raise WorkerDied(f"unexpected message from the analyser: {message[0]}")
        self.mode, self.mode_message, self.ready = message[1], message[2], True

    def receive(self, timeout: float | None = None) -> Any:
        """The next message (None after ``timeout`` s); ``WorkerDied`` when the process is gone."""
        try:
            if timeout is not None and not self.conn.poll(timeout):
                if not self.alive() and not self.conn.poll():
                    raise WorkerDied("the analyser ended")
                return None
            return self.conn.recv()
        except (EOFError, OSError) as exc:
            raise WorkerDied("the analyser ended") from exc

    def kill(self) -> None:
        """End the process at once (it broke its pipe or died) and reap it."""
        if self.alive():
            self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        """Ask the process to stop; kill it if it does not (never leaves it running)."""
        try:
            self.conn.send(("stop",))
        except (OSError, ValueError):
            pass
        try:
            # Still loading spaCy, it reads no messages: no use waiting (one waiting for ``go`` reads them).
            self.process.wait(STOP_WAIT_S if self.ready or not self.released else 0)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.conn.close()


class _Shared:
    """What ``LessonService.compiled`` keys its cache by (one per remote analyser)."""


@dataclass
class RemoteLessons:
    """Lessons compiled in the analysis process; here only the rules and their version are kept.

    Mirrors what :class:`~briefing_app.services.lessons.LessonService` uses of ``CompiledLessons``.
    """

    key: int = field(default_factory=itertools.count(1).__next__)
    rules: dict[int, LessonRule] = field(default_factory=dict)
    version: int = 0
    reviewed_loader: Callable[[], Sequence[Any]] | None = None

    def sync(self, rules: list[LessonRule]) -> bool:
        """Make the set exactly ``rules``; True when anything changed."""
        wanted = {r.id: r for r in rules}
        if wanted == self.rules:
            return False
        self.rules = wanted
        self.version += 1
        return True

    def __len__(self) -> int:
        return len(self.rules)

    def spec(self, sent: dict[int, int]) -> tuple[int, int, list[LessonRule] | None, list[Any] | None]:
        """What a request carries: the rules only when the process has not seen this version."""
        if sent.get(self.key) == self.version:
            return self.key, self.version, None, None
        from briefing_app.nlp.lessons import PILLAR_ACTIONS

        reviewed = None
        if self.reviewed_loader is not None and any(r.action in PILLAR_ACTIONS for r in self.rules.values()):
            reviewed = list(self.reviewed_loader())
        sent[self.key] = self.version
        return self.key, self.version, list(self.rules.values()), reviewed


class _Connection:
    """The process shared by a remote analyser and its ``with_lessons`` copies; one request at a time."""

    def __init__(self, model: str | None, process: _Process | None) -> None:
        self.model = model
        self.process = process or _Process(model)
        self.lock = threading.Lock()
        self.requests = itertools.count(1)
        self.sent: dict[int, int] = {}
        self.closed = False
        self.restarts = 0
        self.on_restart: Callable[[str], None] | None = None
        self.shared = _Shared()

    def ensure_running(self) -> bool:
        """Start a new process if the current one died; True when one was restarted."""
        with self.lock:
            return self._ensure_running()

    def _ensure_running(self) -> bool:
        if self.closed:
            raise WorkerDied("the analyser was closed")
        restarted = False
        if not self.process.alive():
            if self.restarts >= MAX_RESTARTS:
                raise WorkerDied(f"the analyser stopped {self.restarts + 1} times; restart Briefing Builder")
            log.warning("The analysis process ended (exit code %s); starting a new one", self.process.process.returncode)
            self.process.stop()
            self.process = _Process(self.model)
            self.sent.clear()  # the new process knows no lessons yet
            self.restarts += 1
            if self.closed:  # closed while starting: stop it again
                self.process.stop()
                raise WorkerDied("the analyser was closed")
            restarted = True
            if self.on_restart is not None:
                self.on_restart(RESTARTED)
        self.process.wait_ready()
        return restarted

    def request(self, text: str, use_domain: bool, find_commitments: bool, lessons: RemoteLessons | None,
                progress: ProgressCallback | None, cancel: CancelCheck | None) -> AnalysisResult:
        from briefing_app.nlp.types import AnalysisCancelled

        with self.lock:
            for attempt in (1, 2):
                try:
                    self._ensure_running()
                    return self._exchange(text, use_domain, find_commitments, lessons, progress, cancel)
                except WorkerDied:
                    if self.closed:
                        raise AnalysisCancelled() from None
                    # Its pipe broke: make sure it is gone (and reaped) so the next turn starts a new one.
                    self.process.kill()
                    if attempt == 2:
                        raise
            raise AssertionError("unreachable")

    def _exchange(self, text: str, use_domain: bool, find_commitments: bool, lessons: RemoteLessons | None,
                  progress: ProgressCallback | None, cancel: CancelCheck | None) -> AnalysisResult:
        from briefing_app.nlp.types import AnalysisCancelled

        request = next(self.requests)
        spec = lessons.spec(self.sent) if lessons is not None else None
        process = self.process
        try:
            process.conn.send(("analyze", request, text, use_domain, find_commitments, spec))
        except (OSError, ValueError) as exc:
            self.sent.clear()
            raise WorkerDied("the analyser ended") from exc
        told = False
        while True:
            if not told and cancel is not None and cancel():
                told = True
                try:
                    process.conn.send(("cancel", request))
                except (OSError, ValueError):
                    pass
            try:
                message = process.receive(POLL_S)
            except WorkerDied:
                self.sent.clear()
                raise
            if message is None or message[1] != request:
                continue
            kind = message[0]
            if kind == "progress":
                if progress is not None:
                    progress(message[2], message[3])
            elif kind == "result":
                result: AnalysisResult = message[2]
                return result
            elif kind == "cancelled":
                raise AnalysisCancelled()
            elif kind == "error":
                log.error("Analysis failed in the analysis process:\n%s", message[3])
                raise RuntimeError(message[2])

    def close(self) -> None:
        """Stop the process (a call in flight ends as cancelled)."""
        self.closed = True
        self.process.stop()


class RemoteAnalyzer:
    """The analyser's interface, served by the analysis process (see the module's docstring)."""

    def __init__(self, connection: _Connection, lessons: RemoteLessons | None = None, use_domain: bool = True,
                 find_commitments: bool = False) -> None:
        self.connection = connection
        self.lessons = lessons
        self.use_domain = use_domain
        self.find_commitments = find_commitments
        #: ``LessonService.compiled`` caches per ``shared``: one cache entry per remote analyser.
        self.shared = connection.shared

    @property
    def mode(self) -> str:
        """"model" or "rules-only"."""
        return self.connection.process.mode

    @property
    def mode_message(self) -> str:
        """Why the analyser runs rules-only; empty otherwise."""
        return self.connection.process.mode_message

    @property
    def on_restart(self) -> Callable[[str], None] | None:
        """Called (from the calling thread) with a one-line message when a dead process was replaced."""
        return self.connection.on_restart

    @on_restart.setter
    def on_restart(self, callback: Callable[[str], None] | None) -> None:
        self.connection.on_restart = callback

    @property
    def pid(self) -> int | None:
        """The analysis process's id (for tests and diagnostics)."""
        return self.connection.process.process.pid

    def is_alive(self) -> bool:
        """True while the analysis process runs."""
        return self.connection.process.alive()

    def ensure_running(self) -> bool:
        """Replace a dead process and wait until it is ready (blocks: call it off the GUI thread)."""
        return self.connection.ensure_running()

    def compile_lessons(self, rules: list[LessonRule] | None = None) -> RemoteLessons:
        """A new lesson set (compiled in the process when first used)."""
        lessons = RemoteLessons()
        if rules:
            lessons.sync(rules)
        return lessons

    def with_lessons(self, lessons: Any) -> RemoteAnalyzer:
        """An analyser on the same process applying ``lessons`` (a :class:`RemoteLessons`)."""
        return RemoteAnalyzer(self.connection, lessons, self.use_domain, self.find_commitments)

    def analyze(self, text: str, progress: ProgressCallback | None = None,
                cancel: CancelCheck | None = None) -> AnalysisResult:
        """Entities and passages of ``text``, computed in the analysis process."""
        return self.connection.request(text, self.use_domain, self.find_commitments, self.lessons, progress, cancel)

    def close(self) -> None:
        """Stop the analysis process."""
        self.connection.close()


def process_analyzer(model: str | None = None, wait: bool = True) -> RemoteAnalyzer:
    """A remote analyser for ``model``, on the early-started process when it loads that model.

    With ``wait``, returns once the process is ready (call off the GUI thread); without, at once
    (``ensure_running`` then waits).
    """
    process = None
    launched = take_early()
    if launched is not None:
        process = _Process(launched.model, launched)
        if process.model != model:
            process.stop()
            process = None
    connection = _Connection(model, process)
    if wait:
        try:
            connection.ensure_running()
        except WorkerDied:
            connection.close()
            raise
    return RemoteAnalyzer(connection)
