"""Briefing Builder: turn articles and statements into Word briefing notes, offline."""

from __future__ import annotations

__version__ = "0.1.0"
