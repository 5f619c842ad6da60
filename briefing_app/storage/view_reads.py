"""Reads for a view give up fast on a desk server (issue 19, round 17).

A read the window makes on the GUI thread to fill a view (the library, the article shown, a panel)
waits, on PostgreSQL, for another officer's table lock (a migration, a long bring-back) as long as
the session's lock_timeout allows: the edits' 5 s (storage/database.BUSY_TIMEOUT_MS), the window
frozen all that time, once per round of the busy path's retries (gui/storage_guard). Inside
:func:`view_reads` (entered by the GUI's ``calm_when_busy``/``calm_for_article``) a plain read waits
:data:`VIEW_READ_LOCK_TIMEOUT_MS` instead, then the busy path says it and reads again later; a
statement that writes or locks rows for a write keeps the edits' timeout, even in the same
transaction. storage/server.py applies it to the server's connections; SQLite needs nothing (its
readers never wait for a writer in WAL mode).

Light on purpose (no SQLAlchemy): the GUI imports it before the window paints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: How long a read for a view waits for another officer's lock: a read that is not held answers in
#: milliseconds, so this only shortens the wait behind a held table (the window frozen).
VIEW_READ_LOCK_TIMEOUT_MS = 300

#: True inside :func:`view_reads` (per thread: workers' reads and writes are never shortened).
_IN_VIEW_READ: ContextVar[bool] = ContextVar("briefing_app_view_read", default=False)

#: A SELECT that takes locks for a write (storage/sql.lock_for_write's ``FOR UPDATE``, a migration's
#: advisory lock): refused, it is an edit not saved, not a read.
_LOCKING_SELECT = re.compile(r"\bFOR\s+(?:NO\s+KEY\s+UPDATE|UPDATE|KEY\s+SHARE|SHARE)\b|\bpg_advisory",
                             re.IGNORECASE)


@contextmanager
def view_reads() -> Iterator[None]:
    """Within the block (this thread only), plain reads give up on a held lock after
    :data:`VIEW_READ_LOCK_TIMEOUT_MS`; writes keep the edits' busy timeout."""
    token = _IN_VIEW_READ.set(True)
    try:
        yield
    finally:
        _IN_VIEW_READ.reset(token)


def in_view_read() -> bool:
    """True inside :func:`view_reads` on this thread."""
    return _IN_VIEW_READ.get()


def is_plain_read(statement: str) -> bool:
    """True for a SELECT taking no lock for a write (``FOR UPDATE`` and the like outside literals)."""
    if not statement.lstrip().lstrip("(").upper().startswith("SELECT"):
        return False
    return _LOCKING_SELECT.search(re.sub(r"'(?:[^']|'')*'", "''", statement)) is None
