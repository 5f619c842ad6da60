"""Checks of an export request made outside the GUI (``briefing-app export-briefing``)."""

from __future__ import annotations

from pathlib import Path

from briefing_app.storage.target import is_server_url


def check_export_request(db: str, template: str | None, classification: str | None,
                         allowed: list[str]) -> str | None:
    """Validate the database, template and classification; return the classification as listed.

    Raises ``ValueError`` with a one-line message. ``classification`` matches the
    configured list case-insensitively ("secret" -> "SECRET"); None stays None.
    """
    if not is_server_url(db) and not Path(db).expanduser().is_file():
        raise ValueError(f"{db}: no such database")
    if template and not Path(template).expanduser().is_file():
        raise ValueError(f"{template}: no such template file")
    if classification is None:
        return None
    wanted = " ".join(classification.split())
    if not wanted:
        return None
    for name in allowed:
        if name.casefold() == wanted.casefold():
            return name
    raise ValueError(f"unknown classification {classification!r}; choose one of: {', '.join(allowed)}")
