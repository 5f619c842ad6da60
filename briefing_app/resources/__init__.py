"""Bundled resources (pillars, gazetteer, Word template, stylesheet, sample article) as package data.

They are read with :mod:`importlib.resources`, so a wheel, an editable install and a frozen
app all find them the same way. This package imports nothing of the app (DESIGN §2 floor 1).
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

# Files that as_file() had to extract (only when the package is imported from a zip) stay
# until the process ends, so the paths handed out remain valid.
_extracted = ExitStack()
atexit.register(_extracted.close)


def resource_root() -> Traversable:
    """The folder of the bundled resources (a ``Traversable``; ``root / name`` is one file)."""
    return files(__name__)


def resource_file(name: str) -> Traversable:
    """One bundled resource, e.g. ``resource_file("pillars.json").read_text(encoding="utf-8")``."""
    return resource_root() / name


@cache
def resource_path(name: str) -> Path:
    """A real file-system path of one bundled resource, for APIs that need one (Qt, python-docx)."""
    path = _extracted.enter_context(as_file(resource_file(name)))
    if not path.is_file():
        raise FileNotFoundError(f"Briefing Builder resource {name} is missing from the installation ({path})")
    return path
