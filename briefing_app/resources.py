"""Locate bundled resources from a source checkout, an installed wheel or a frozen app."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """Directory holding ``pillars.json``, the gazetteer, the template and the sample."""
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    # Source checkout or editable install: resources/ beside the package.
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    # Wheel install: data-files put them under <prefix>/share/briefing-app.
    candidates.append(Path(sys.prefix) / "share" / "briefing-app" / "resources")
    for candidate in candidates:
        if (candidate / "pillars.json").is_file():
            return candidate
    raise FileNotFoundError(
        "Briefing Builder resources not found (looked in: "
        + ", ".join(str(c) for c in candidates) + ")"
    )


def resource_path(name: str) -> Path:
    """Path of one bundled resource file, e.g. ``resource_path("pillars.json")``."""
    return resources_dir() / name
