"""The window starts on a real X display (Qt's xcb plugin under Xvfb), fits it and paints.

This is what `make run` does on a Linux desktop; it fails when one of the system libraries the xcb
plugin links is missing (see .ci/system-libs.sh, which `make run`/`make test` check and .ci/run
installs). Skipped where Xvfb is not installed (CI installs it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from briefing_app.resources import resource_path

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb not installed (apt-get install xvfb)")

WIDTH, HEIGHT = 1366, 768


@pytest.fixture
def display(tmp_path: Path):
    """A fresh Xvfb display of 1366x768; yields its name (":N")."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_window_starts_on_xcb_fits_the_screen_and_paints(display: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps({"sample_opened": True}), encoding="utf-8")
    out = tmp_path / "screen.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display,
           "BRIEFING_APP_CONFIG_DIR": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "xdg-config")}
    result = subprocess.run(
        [sys.executable, "-m", "briefing_app.cli", "--db", str(tmp_path / "db.sqlite"),
         "--open", str(resource_path("sample_article.txt")), "--screenshot", str(out)],
        env=env, capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Could not load the Qt platform plugin" not in result.stderr
    found = re.search(r"window frame (-?\d+),(-?\d+),(\d+)x(\d+) in available (-?\d+),(-?\d+),(\d+)x(\d+); "
                      r"status bar visible: True; article: \d+", result.stdout)
    assert found, result.stdout
    x, y, w, h, ax, ay, aw, ah = (int(v) for v in found.groups())
    assert ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah, found.group(0)
    assert (w, h) == (aw, ah), "first start fills the screen"

    # The screen grab shows a painted window: many colours, and not the X server's blank background.
    image = QImage(str(out))
    assert (image.width(), image.height()) == (WIDTH, HEIGHT)
    colours = {image.pixel(px, py) for px in range(0, WIDTH, 16) for py in range(0, HEIGHT, 16)}
    assert len(colours) > 20, "the window was not painted"
