"""Briefing builder: the briefing chooser, header form, pillar sections, live preview and export."""

from __future__ import annotations

from .builder import BriefingBuilder
from .feature import add_to_briefing_menu, install_briefing_builder

__all__ = ["BriefingBuilder", "add_to_briefing_menu", "install_briefing_builder"]
