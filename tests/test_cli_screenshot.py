"""`briefing-app --screenshot` writes a PNG of the window and exits, with or without an article."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.resources import resource_path


def _run(args: list[str], env_home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_APP_CONFIG_DIR": str(env_home / "config"),
           "XDG_DATA_HOME": str(env_home / "data"), "XDG_STATE_HOME": str(env_home / "state")}
    return subprocess.run([sys.executable, "-m", "briefing_app.cli", *args], env=env, capture_output=True,
                          text=True, timeout=90)


@pytest.mark.parametrize("open_sample", [True, False])
def test_screenshot_is_written(tmp_path: Path, open_sample: bool) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    # The sample was opened before (another database), so an empty library stays empty.
    (home / "config" / "settings.json").write_text(json.dumps({"sample_opened": True}), encoding="utf-8")
    out = tmp_path / "window.png"
    args = ["--db", str(tmp_path / "db.sqlite"), "--screenshot", str(out)]
    if open_sample:
        args += ["--open", str(resource_path("sample_article.txt"))]
    result = _run(args, home)
    assert result.returncode == 0, result.stderr
    assert f"wrote {out}" in result.stdout
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_screenshot_after_a_file_that_cannot_be_opened(tmp_path: Path) -> None:
    # The warning is up and the window is as it was: captured at once, not after the two-minute guard.
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps({"sample_opened": True}), encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a word document")
    out = tmp_path / "window.png"
    result = _run(["--db", str(tmp_path / "db.sqlite"), "--screenshot", str(out), "--open", str(broken)], home)
    assert result.returncode == 0, result.stderr
    assert f"wrote {out}" in result.stdout
