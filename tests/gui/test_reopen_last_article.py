"""A second launch shows the article the officer had open last (not an empty window)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from briefing_app.resources import resource_path


def _launch(home: Path, db: Path, out: Path, *extra: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_APP_CONFIG_DIR": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state")}
    result = subprocess.run([sys.executable, "-m", "briefing_app.cli", "--db", str(db), "--screenshot", str(out),
                             *extra], env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    found = re.search(r"article: (\w+)", result.stdout)
    assert found, result.stdout
    return found.group(1)


def test_the_last_article_reopens_on_launch(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps({"sample_opened": True}), encoding="utf-8")
    db = tmp_path / "notes.db"
    first = _launch(home, db, tmp_path / "1.png", "--open", str(resource_path("sample_article.txt")))
    assert first != "None"
    # Launched again with nothing to open: the same article is on screen.
    assert _launch(home, db, tmp_path / "2.png") == first


def test_size_asks_for_exactly_that_size(tmp_path: Path) -> None:
    """`--size` (screenshots for the docs) is honoured even on a smaller (offscreen) screen."""
    from PySide6.QtGui import QImage

    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps({"sample_opened": True}), encoding="utf-8")
    out = tmp_path / "shot.png"
    _launch(home, tmp_path / "notes.db", out, "--size", "1366x768")
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
