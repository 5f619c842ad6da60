"""Launch paints first: the window's frame shows before the database and heavy modules load."""

from __future__ import annotations

import argparse
import ast
import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel
from pytestqt.qtbot import QtBot

from briefing_app.gui import app as app_module
from briefing_app.gui.main_window import OPENING_TEXT, MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult
from briefing_app.services import Services
from briefing_app.settings import Settings

#: Modules that cost most of a second to import; the first paint must not wait for them.
HEAVY = ("sqlmodel", "sqlalchemy", "pydantic", "spacy", "docx", "briefing_app.services")


def test_launcher_imports_no_heavy_module_before_the_first_paint() -> None:
    """Importing the GUI launcher and building the window's frame pulls in Qt and light modules only."""
    code = (
        "import sys\n"
        "from briefing_app.gui.app import application\n"
        "from briefing_app.gui.main_window import MainWindow\n"
        "app = application()\n"
        "w = MainWindow.starting()\n"
        "w.show()\n"
        "app.processEvents()\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def _loaded_by(imports: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh interpreter has loaded after running ``imports`` (offscreen)."""
    code = f"import sys\n{imports}print(sorted(m for m in {modules!r} if m in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    return ast.literal_eval(out.stdout.strip().splitlines()[-1])


def test_window_process_never_imports_spacy() -> None:
    """Everything the launch imports for the library and its panels leaves spaCy to the analysis process:
    importing it here would cost the window a second of CPU (and ~100 MiB) while the model loads next door."""
    imports = (
        "import briefing_app.gui.app, briefing_app.services, briefing_app.services.analysis\n"
        "import briefing_app.gui.briefing, briefing_app.gui.import_dialogs, briefing_app.gui.library_panel\n"
        "import briefing_app.gui.review, briefing_app.nlp.analysis_process\n"
    )
    assert _loaded_by(imports, ("spacy", "thinc", "briefing_app.nlp.pipeline")) == []


def test_the_launchs_database_worker_imports_nothing_that_holds_the_gil_for_long() -> None:
    """The worker that opens the database also imports the panels' modules while the window paints. A
    module compiled from 155 KB of source (nlp/commitments: one ``compile`` call, ~85 ms, where no
    bytecode is cached) or lxml's C module starting (python-docx) holds the GIL throughout, and the idle
    window cannot run a slot meanwhile: those were the launch's longest stalls. They load when first
    used (drafting, an export or a page estimate), in their workers."""
    imports = (
        "import briefing_app.gui.app, briefing_app.gui.main_window\n"
        "from briefing_app.services import Services\n"  # what app._open_database's worker imports
        "import briefing_app.gui.briefing, briefing_app.gui.import_dialogs, briefing_app.gui.library_panel\n"
        "import briefing_app.gui.review, briefing_app.gui.desk_copy_dialogs, briefing_app.gui.legend\n"
        "import briefing_app.gui.live_updates, briefing_app.gui.search_matches\n"
    )
    assert _loaded_by(imports, ("briefing_app.nlp.commitments", "docx", "lxml.etree")) == []


def test_frame_shows_a_calm_placeholder_then_the_library(qtbot: QtBot, db_path: Path, analyzer: object,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing_app.gui.main_window as main_window

    monkeypatch.setattr(main_window, "create_analyzer", lambda _model=None: analyzer)
    window = MainWindow.starting()
    qtbot.addWidget(window)
    window.show()
    placeholder = window.centralWidget()
    assert isinstance(placeholder, QLabel) and placeholder.text() == OPENING_TEXT
    # Nothing to open or export while the library is opening.
    assert not window.open_action.isEnabled() and not window.export_action.isEnabled()

    services = Services.open(db_path)
    text = "India and Australia agreed to deepen defence ties."
    article = services.articles.add(ImportedDocument(title="Defence ties", text=text, source_path=""))
    assert article.id is not None
    services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=[], passages=[]))
    window.attach(services, Settings())
    try:
        assert window.centralWidget() is window.workspace
        assert window.open_action.isEnabled() and window.export_action.isEnabled()
        assert window.library.article_ids() == [article.id]
        # Panels added to the already shown window are on screen, the review's front panel in front.
        assert window.library.isVisible() and window.findChild(QDockWidget, "libraryDock").isVisible()
        qtbot.waitUntil(lambda: not window.review.docks["entities"].visibleRegion().isEmpty())
        qtbot.waitUntil(lambda: window.analyzer is not None, timeout=60_000)
        window.show_article(article.id)
        assert window.view.text == text
    finally:
        window.close()
        services.close()


def test_real_launch_paints_then_opens_the_library(tmp_path: Path) -> None:
    """``briefing-app`` with the start-up probe: painted first, then the model; the library opened fine."""
    db = tmp_path / "lib.db"
    exe = Path(sys.executable).with_name("briefing-app")
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_APP_STARTUP_PROBE": "quit"}
    out = subprocess.run([str(exe), "--db", str(db)], capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.split()
    assert lines.index("painted") < lines.index("model-ready")
    assert db.exists()


def test_a_real_launch_makes_no_full_collection_between_the_paint_and_the_open_library(tmp_path: Path) -> None:
    """A full cyclic collection scans every object the launch's imports made (SQLAlchemy, pydantic, the
    widgets' wrappers): 50-110 ms, often on the database worker importing, with the interpreter lock held,
    the window frozen all that time (one in each launch: its longest stall). The collector is paused for
    the launch, then what it made is frozen out of later scans and the collector runs again."""
    code = (
        "import gc, os, sys\n"
        "full = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'stop' and info['generation'] == 2 and full.append(1))\n"
        "from briefing_app.gui import startup_probe\n"
        "said = startup_probe._say\n"
        "def say(what):\n"
        "    said(f'{what.split()[0]}:{len(full)}')\n"
        "startup_probe._say = say\n"
        "import atexit\n"
        "atexit.register(lambda: print(f'after:{int(gc.isenabled())}:{gc.get_freeze_count() > 0}', flush=True))\n"
        "from briefing_app.cli import main\n"
        f"sys.argv = ['briefing-app', '--db', {str(tmp_path / 'lib.db')!r}]\n"
        "sys.exit(main())\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_APP_STARTUP_PROBE": "quit",
           "BRIEFING_APP_CONFIG_DIR": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr
    seen = dict(line.split(":", 1) for line in out.stdout.split() if ":" in line)
    assert {"painted", "library-open", "after"} <= set(seen), out.stdout
    assert seen["library-open"] == seen["painted"], f"full collections during the launch: {out.stdout}"
    assert seen["after"] == "1:True", "the collector runs again, the launch's objects frozen"


@pytest.fixture
def collector_paused() -> Iterator[None]:
    """The collector paused as run_gui pauses it for the launch; put back as it was afterwards."""
    was = gc.isenabled()
    gc.disable()
    yield
    gc.unfreeze()
    if was:
        gc.enable()


def _launch(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, app_module._Launch]:
    window = MainWindow.starting()
    qtbot.addWidget(window)
    lock = SimpleNamespace(db_path=tmp_path / "lib.db")
    return window, app_module._Launch(window, lock, argparse.Namespace(model=None))  # type: ignore[arg-type]


def test_a_launch_step_that_raises_leaves_the_collector_running(
        qtbot: QtBot, tmp_path: Path, collector_paused: None) -> None:
    """A launch step that raised (a panel that could not be built) stopped the launch before the library
    opened, where the collector is resumed: the window carried on without it, keeping every cycle it made
    for the whole session. The collector runs again as the error goes up."""
    _window, launch = _launch(qtbot, tmp_path)

    def broken() -> bool:
        raise RuntimeError("a panel could not be built")

    launch.steps = [broken]
    with pytest.raises(RuntimeError):
        launch._next()
    assert gc.isenabled()


def test_a_launch_that_never_finishes_gets_its_collector_back(
        qtbot: QtBot, tmp_path: Path, collector_paused: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A launch stuck part way (a worker that never answers, an exception in a callback) never reached
    library-open: the collector is resumed by a backstop timer all the same."""
    monkeypatch.setattr(app_module, "LAUNCH_GC_BACKSTOP_MS", 50)
    window, launch = _launch(qtbot, tmp_path)
    launch.steps = [lambda: True]  # carries on "in the background" and never calls back
    window.show()
    launch.start()
    qtbot.waitUntil(gc.isenabled, timeout=5_000)


def test_the_database_dialogs_of_a_launch_run_with_the_collector(
        qtbot: QtBot, tmp_path: Path, collector_paused: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library the worker could not open (damaged, read-only, busy) is opened again in the foreground
    with dialogs the officer may leave up a long time: the collector runs again from there."""
    window, launch = _launch(qtbot, tmp_path)
    callbacks: dict[str, Any] = {}
    monkeypatch.setattr(window.tasks, "start", lambda _name, _work, _done, failed: callbacks.update(failed=failed))
    during: list[bool] = []
    monkeypatch.setattr(app_module, "open_locked", lambda *_a, **_k: during.append(gc.isenabled()))
    monkeypatch.setattr(QApplication, "exit", lambda *_a: None)
    assert launch._open_database()
    callbacks["failed"](OSError("damaged"), "")
    assert during == [True] and launch.failed_status == 2
