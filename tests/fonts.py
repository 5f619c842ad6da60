"""Font checks for tests that render complex scripts to PDF."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

#: Why a Devanagari check cannot run here (LibreOffice draws missing glyphs as boxes, which pdftotext
#: cannot read back). Any fontconfig font for Hindi serves: fonts-noto-core brings Noto Sans
#: Devanagari (in .ci/run), fonts-lohit-deva brings Lohit Devanagari.
NO_DEVANAGARI_FONT = "no Devanagari font installed (apt-get install fonts-noto-core)"


def devanagari_font_installed() -> bool:
    """Whether fontconfig knows a font covering Hindi (Devanagari)."""
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=hi", "family"], capture_output=True, text=True,
                           check=False, timeout=30).stdout
    return bool(found.strip())


def require_devanagari_font() -> None:
    """Skip (locally) or fail (in CI, which installs one) when no Devanagari font is installed."""
    if not devanagari_font_installed():
        if os.environ.get("CI"):
            pytest.fail(NO_DEVANAGARI_FONT)
        pytest.skip(NO_DEVANAGARI_FONT)
