"""scripts/layer_imports.py: no import runs back up a layer (DESIGN §2), and no Qt outside the GUI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "layer_imports.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120,
                          check=False)


def test_no_import_of_the_package_runs_back_up_a_layer() -> None:
    done = _run()
    # 1 lists violations, 2 a module without a floor (a new module must be given one in LAYERS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_no_qt_import_outside_the_gui_package() -> None:
    done = _run("--rule", "qt")
    assert done.returncode == 0, done.stdout


def _write(root: Path, rel: str, text: str = "") -> None:
    path = root / "briefing_app" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_upward_sideways_nested_relative_and_qt_imports_are_reported(tmp_path: Path) -> None:
    for rel in ("__init__.py", "domain/__init__.py", "gui/__init__.py", "gui/window.py", "nlp/__init__.py",
                "storage/__init__.py", "services/__init__.py", "settings.py"):
        _write(tmp_path, rel)
    _write(tmp_path, "domain/models.py", "def f():\n    from briefing_app.gui import window\n")
    _write(tmp_path, "nlp/rules.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                     "    from ..settings import Settings\nfrom . import types\n")
    _write(tmp_path, "nlp/types.py")
    _write(tmp_path, "storage/db.py", "from briefing_app.nlp.types import X\n"
                                      "def g():\n    import PySide6.QtCore\n")
    _write(tmp_path, "services/a.py", "from briefing_app.domain import models\nimport briefing_app.storage.db\n")
    done = _run("--root", str(tmp_path))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "briefing_app/domain/models.py:2 imports briefing_app.gui.window (layer 1 domain -> layer 4 gui)",
        "briefing_app/nlp/rules.py:3 imports briefing_app.settings (layer 2 nlp -> layer 3 settings) [TYPE_CHECKING]",
        "briefing_app/storage/db.py:1 imports briefing_app.nlp.types (layer 2 storage -> layer 2 nlp, across floor 2)",
        "briefing_app/storage/db.py:3 imports PySide6.QtCore (Qt outside briefing_app/gui)",
    ]
    _write(tmp_path, "newthing/__init__.py")
    assert _run("--root", str(tmp_path)).returncode == 2  # a new folder must be given a floor
