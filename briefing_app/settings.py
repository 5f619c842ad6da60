"""User settings in a small JSON file (platformdirs config dir; ``BRIEFING_APP_CONFIG_DIR`` overrides).

The file is validated with pydantic so that a hand-edited or damaged file can never stop the
app: each bad value is logged and replaced by its default while the good ones are kept, and a
file written by an older version is upgraded step by step by the hooks in :data:`UPGRADES`.

Layer: settings sit beside the services (floor 3 of DESIGN §2). They are read by the GUI and
the CLI and import only the label vocabulary from ``nlp.types``.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from briefing_app.nlp.types import ALL_LABELS
from briefing_app.storage.paths import config_dir
from briefing_app.storage.target import has_password, without_password

log = logging.getLogger(__name__)

DEFAULT_CLASSIFICATIONS = ["UNCLASSIFIED", "OFFICIAL", "RESTRICTED", "CONFIDENTIAL", "SECRET"]

#: The version written by this code. Bump it and add a hook to :data:`UPGRADES` when a
#: field is renamed or changes shape; adding a field with a default needs no hook.
SETTINGS_VERSION = 2


def _from_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 1 is every file written before settings carried a version (no ``version`` key).

    Its fields are those of version 2 (``last_import_dir`` is new and defaults), so the
    upgrade only stamps the version; the values are then validated like any others.
    """
    return {**raw, "version": 2}


#: ``UPGRADES[n]`` turns the dict of a version-``n`` file into a version ``n + 1`` dict.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_v1}


class Settings(BaseModel):
    """Preferences that survive restarts; every field is typed and has its default."""

    # strict: JSON types must match ("5" is not a list); validate_assignment: code that sets
    # a field gets the same checks as the file; extra="allow": keys written by a newer
    # version are kept and saved back rather than silently dropped.
    model_config = ConfigDict(strict=True, validate_assignment=True, extra="allow")

    version: int = SETTINGS_VERSION
    model: str = ""  # spaCy pipeline name or path; "" = the bundled default
    author: str = ""  # "From" line of new briefings
    classifications: list[str] = Field(default_factory=lambda: list(DEFAULT_CLASSIFICATIONS), min_length=1)
    default_classification: str = "UNCLASSIFIED"
    template: str = ""  # a user .docx template; "" = the bundled house style
    hidden_labels: list[str] = Field(default_factory=list)
    hidden_pillars: list[str] = Field(default_factory=list)
    sample_opened: bool = False
    last_export_dir: str = ""
    last_import_dir: str = ""
    # The library opened when no --db is given: "" = the file in the user data folder, a file path,
    # or a desk database URL (issue 19). Never with a password (see _no_password).
    database: str = ""

    @field_validator("classifications")
    @classmethod
    def _clean_markings(cls, value: list[str]) -> list[str]:
        """Markings without blanks or repeats; none left is an error (the default then applies)."""
        cleaned: list[str] = []
        for item in value:
            marking = " ".join(item.split())
            if marking and marking.casefold() not in (c.casefold() for c in cleaned):
                cleaned.append(marking)
        if not cleaned:
            raise ValueError("needs at least one non-blank marking")
        return cleaned

    @field_validator("database")
    @classmethod
    def _no_password(cls, value: str) -> str:
        """A password never lands in the settings file: it is dropped (libpq reads ~/.pgpass)."""
        value = value.strip()
        if has_password(value):
            log.warning("Settings: the database address held a password; it was dropped "
                        "(keep it in ~/.pgpass instead)")
            return without_password(value)
        return value

    @field_validator("hidden_labels")
    @classmethod
    def _known_labels(cls, value: list[str]) -> list[str]:
        unknown = [label for label in value if label not in ALL_LABELS]
        if unknown:
            raise ValueError(f"unknown entity labels {unknown}; known: {', '.join(ALL_LABELS)}")
        return value


def settings_path() -> Path:
    """The settings file."""
    return config_dir() / "settings.json"


def upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Run the upgrade hooks from the file's version up to :data:`SETTINGS_VERSION`."""
    version = raw.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        log.warning("Settings: version %r is not a version number; reading the file as version 1", version)
        version = 1
    if version > SETTINGS_VERSION:
        log.warning("Settings file is version %s, newer than this app's %s; reading the fields it knows",
                    version, SETTINGS_VERSION)
        return {**raw, "version": version}
    data = {**raw, "version": version}
    while version < SETTINGS_VERSION:
        data = UPGRADES[version](data)
        version += 1
        data["version"] = version
    return data


def parse_settings(raw: object, source: str = "settings") -> Settings:
    """Validated settings from decoded JSON; each bad value is logged and replaced by its default."""
    if not isinstance(raw, dict):
        log.warning("Ignoring %s: expected a JSON object, got %s", source, type(raw).__name__)
        return Settings()
    data = upgrade(raw)
    # Drop the fields pydantic rejects, one round at a time, until the rest validates.
    for _ in range(len(Settings.model_fields) + 1):
        try:
            settings = Settings.model_validate(data)
        except ValidationError as exc:
            bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else "?"
                log.warning("Settings: %s = %r is invalid (%s); using the default",
                            field, data.get(field), err["msg"])
            if not bad:
                break
            data = {k: v for k, v in data.items() if k not in bad}
        else:
            return _with_listed_default(settings)
    return Settings()


def _with_listed_default(settings: Settings) -> Settings:
    """The default marking spelt as listed; one not listed becomes the first (lowest) marking."""
    wanted = settings.default_classification.casefold()
    listed = next((c for c in settings.classifications if c.casefold() == wanted), None)
    if listed is None:
        listed = settings.classifications[0]
        log.warning("Settings: default_classification = %r is not among the markings; using %r",
                    settings.default_classification, listed)
    settings.default_classification = listed
    return settings


def load_settings() -> Settings:
    """Read settings; a missing or broken file gives defaults (logged, never fatal)."""
    path = settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("Ignoring unreadable settings file %s: %s", path, exc)
        return Settings()
    return parse_settings(raw, source=str(path))


def save_settings(settings: Settings) -> None:
    """Write settings atomically, with their version (a newer file keeps its own)."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(settings.model_dump(mode="json"), indent=2), encoding="utf-8")
    os.replace(tmp, path)
