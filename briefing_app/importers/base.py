"""The result type of every importer and the one exception they raise."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

_MAX_MESSAGE = 300
_SURROGATES = re.compile(r"[\ud800-\udfff]")


@dataclass
class ImportedDocument:
    """One article brought into the application, text normalised and de-cluttered."""

    title: str
    text: str
    source_path: str
    outlet: str = ""
    author: str = ""
    published: str = ""
    url: str = ""
    format: str = ""
    warnings: list[str] = field(default_factory=list)


class ImportFailed(Exception):
    """User-facing failure; str(exc) is a one-line message naming the file and the reason."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))

    @classmethod
    def for_file(cls, path: str | os.PathLike[str], reason: str) -> ImportFailed:
        """Build the message ``"<basename> <reason>"``."""
        return cls(f"{display_name(path)} {reason}")


def display_name(path: str | os.PathLike[str]) -> str:
    """The base name of ``path`` as shown to the user.

    Bytes of a file name that are not UTF-8 (surrogates in Python) are shown as U+FFFD:
    surrogates cannot be printed, stored in SQLite or shown by Qt.
    """
    name = os.path.basename(os.fspath(path).rstrip("/\\")) or os.fspath(path)
    return _SURROGATES.sub("\ufffd", name) or "(unnamed file)"


def one_line(message: str, limit: int = _MAX_MESSAGE) -> str:
    """Collapse ``message`` to one line of at most ``limit`` characters."""
    text = " ".join(message.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def describe_exception(exc: BaseException) -> str:
    """A short one-line description of an unexpected library exception (no traceback)."""
    detail = one_line(str(exc), 120)
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
