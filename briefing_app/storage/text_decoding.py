"""Reading stored text that is not valid UTF-8 (a damaged page, another program's write).

SQLite stores whatever bytes it is given; Python's sqlite3 refuses to read a TEXT value
that is not UTF-8 ("Could not decode to UTF-8 column ..."), which made one bad byte turn
a whole article, and every list showing its title, unreadable. Every connection decodes
with :func:`tolerant_text` instead: invalid bytes become U+FFFD and a warning is logged.
``ArticleService`` then writes the repaired value back, so backups stop carrying it.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

log = logging.getLogger(__name__)
_SHOWN_BYTES = 60


def tolerant_text(data: bytes) -> str:
    """Decode a stored TEXT value; invalid UTF-8 becomes U+FFFD (with a logged warning), never an error."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = max(exc.start - _SHOWN_BYTES // 2, 0)
        log.warning("A stored text holds invalid UTF-8 at byte %d (near %r); shown with U+FFFD",
                    exc.start, data[start:start + _SHOWN_BYTES])
        return data.decode("utf-8", errors="replace")


def is_valid_utf8(data: bytes | None) -> bool:
    """True when ``data`` (a raw stored value) decodes as UTF-8."""
    if data is None:
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def install_tolerant_text(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    """SQLAlchemy ``connect`` listener: decode TEXT values with :func:`tolerant_text`."""
    dbapi_connection.text_factory = tolerant_text
