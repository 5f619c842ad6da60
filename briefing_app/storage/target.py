"""What ``--db`` names: an SQLite file (a plain path) or a desk database server (a SQLAlchemy URL).

Light on purpose (no SQLAlchemy import): the window decides before its first paint whether it
needs the file lock. A URL never carries a password into settings or messages: the officer's
password lives in ``~/.pgpass`` (or the libpq environment), which the driver reads itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# "postgresql+psycopg://…", "postgresql://…": a scheme of letters, digits and "+" before "://".
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_server_url(target: str | Path) -> bool:
    """True when ``target`` is a database server URL rather than an SQLite file path.

    ``sqlite:///path`` counts as a file (see :func:`sqlite_path`).
    """
    return isinstance(target, str) and bool(_URL.match(target)) and not target.lower().startswith("sqlite")


def sqlite_path(target: str | Path) -> Path:
    """The file of a plain path or an ``sqlite:///path`` URL."""
    text = str(target)
    if text.lower().startswith("sqlite:///"):
        text = text[len("sqlite:///"):]  # "sqlite:////abs/file.db" keeps its leading "/"
    return Path(text)


def server_url(target: str) -> str:
    """The URL with the bare ``postgresql://`` scheme given the bundled driver (psycopg 3)."""
    scheme, rest = target.split("://", 1)
    if scheme.lower() in ("postgresql", "postgres"):
        scheme = "postgresql+psycopg"
    return f"{scheme}://{rest}"


def has_password(target: str) -> bool:
    """True when a server URL spells out a password."""
    return is_server_url(target) and urlsplit(target).password is not None


def without_password(target: str) -> str:
    """The URL with any password removed (what settings and messages may hold)."""
    if not is_server_url(target):
        return target
    parts = urlsplit(target)
    if parts.password is None:
        return target
    user = parts.username or ""
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    netloc = f"{user}@{host}" if user else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def describe(target: str | Path) -> str:
    """A short name for messages: the file name, or "database on server" for a URL."""
    if not is_server_url(target):
        return sqlite_path(target).name
    parts = urlsplit(str(target))
    database = parts.path.lstrip("/") or "(default database)"
    host = parts.hostname or "this computer"
    return f"the desk database {database} on {host}"


def saved_database(settings_file: Path) -> str:
    """The ``database`` of the settings file ("" when unset or unreadable), read without pydantic:
    the window needs it before its first paint, to know whether to take the file lock."""
    try:
        raw = json.loads(settings_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    value = raw.get("database", "") if isinstance(raw, dict) else ""
    return without_password(value.strip()) if isinstance(value, str) else ""
