"""User settings in a small JSON file (platformdirs config dir; ``BRIEFING_APP_CONFIG_DIR`` overrides)."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

DEFAULT_CLASSIFICATIONS = ["UNCLASSIFIED", "OFFICIAL", "RESTRICTED", "CONFIDENTIAL", "SECRET"]


@dataclass
class Settings:
    """Preferences that survive restarts."""

    model: str = ""  # spaCy pipeline name or path; "" = the bundled default
    author: str = ""  # "From" line of new briefings
    classifications: list[str] = field(default_factory=lambda: list(DEFAULT_CLASSIFICATIONS))
    default_classification: str = "UNCLASSIFIED"
    template: str = ""  # a user .docx template; "" = the bundled house style
    hidden_labels: list[str] = field(default_factory=list)
    hidden_pillars: list[str] = field(default_factory=list)
    sample_opened: bool = False
    last_export_dir: str = ""


def config_dir() -> Path:
    """Folder of ``settings.json``."""
    override = os.environ.get("BRIEFING_APP_CONFIG_DIR")
    path = Path(override) if override else Path(platformdirs.user_config_dir("BriefingBuilder", appauthor=False))
    return path


def settings_path() -> Path:
    """The settings file."""
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    """Read settings; a missing or broken file gives defaults (and is logged, never fatal)."""
    path = settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("Ignoring unreadable settings file %s: %s", path, exc)
        return Settings()
    known = {f.name for f in fields(Settings)}
    values = {k: v for k, v in raw.items() if k in known} if isinstance(raw, dict) else {}
    try:
        return Settings(**values)
    except TypeError:
        return Settings()


def save_settings(settings: Settings) -> None:
    """Write settings atomically."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    os.replace(tmp, path)
