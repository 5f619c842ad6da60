"""User-level locations (platformdirs): the default database, backups and logs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "BriefingBuilder"


def user_data_dir() -> Path:
    """Directory for the database and backups (created on demand)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Folder of ``settings.json`` and the window's memory (``BRIEFING_APP_CONFIG_DIR`` overrides)."""
    override = os.environ.get("BRIEFING_APP_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database used when no ``--db`` is given."""
    return user_data_dir() / "briefing.db"


def backups_dir(db_path: Path) -> Path:
    """Where rolling backups of ``db_path`` are kept."""
    return db_path.parent / "backups"


def user_log_dir() -> Path:
    """Directory of the rotating log file (created on demand)."""
    path = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
