"""`make run`/`make test` name the missing system libraries of Qt's xcb plugin in one apt-get line.

.ci/system-libs.sh holds the list; these tests check it is complete (against what `ldd` shows the
installed PySide6 xcb plugin links) and that a fresh machine gets one complete install line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / ".ci" / "system-libs.sh"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("bash") is None,
                                reason="the system-library check is for Linux")


def _run(*args: str, ldconfig: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ldconfig is not None:
        env["LDCONFIG_OUTPUT"] = ldconfig
    return subprocess.run(["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60)


def _listed() -> dict[str, str]:
    text = SCRIPT.read_text(encoding="utf-8")
    block = text.split('LIBS="', 1)[1].split('"', 1)[0]
    return dict(line.split() for line in block.strip().splitlines())


def test_a_fresh_machine_gets_one_complete_install_line() -> None:
    # ldconfig's view of a machine lacking three of the libraries (as a fresh Debian/Ubuntu).
    fresh = "\n".join(f"\t{soname} (libc6,x86-64) => /lib/x86_64-linux-gnu/{soname}" for soname in _listed()
                      if not soname.startswith(("libxcb-cursor", "libxcb-icccm", "libxcb-keysyms")))
    result = _run(ldconfig=fresh)
    assert result.returncode == 1
    lines = [line.strip() for line in result.stderr.splitlines() if "apt-get install" in line]
    assert lines == ["sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"]
    assert "Traceback" not in result.stderr


def test_nothing_missing_means_silence() -> None:
    everything = "\n".join(f"\t{soname} (libc6,x86-64) => /lib/{soname}" for soname in _listed())
    result = _run(ldconfig=everything)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_list_covers_what_the_xcb_plugin_links() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists() or shutil.which("ldd") is None:
        pytest.skip("no xcb plugin or ldd here")
    linked: set[str] = set()
    for library in (plugin, qt / "lib" / "libQt6XcbQpa.so.6"):
        out = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=True).stdout
        linked |= set(re.findall(r"^\s*((?:libxcb|libX11|libxkbcommon|libEGL|libGL|libfontconfig|libdbus)"
                                 r"[\w.+-]*\.so\.\d+)", out, re.M))
    assert linked, "ldd shows the system libraries"
    assert linked - {"libGLX.so.0", "libGLdispatch.so.0"} <= set(_listed()), sorted(linked - set(_listed()))
    packages = _run("--packages").stdout.split()
    assert packages == list(_listed().values())
