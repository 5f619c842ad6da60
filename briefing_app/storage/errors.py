"""Storage errors whose ``str()`` is a one-line message a user can act on."""

from __future__ import annotations


class StorageError(Exception):
    """Base class of user-facing storage problems."""


class DatabaseTooNew(StorageError):
    """The database was written by a newer version of the app."""


class DatabaseCorrupt(StorageError):
    """The file is not a healthy SQLite database."""


class DatabaseLocked(StorageError):
    """Another Briefing Builder window already uses this database."""
