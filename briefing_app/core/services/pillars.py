"""Pillars as stored in the database (editable names and colours)."""

from __future__ import annotations

from sqlmodel import col, select

from briefing_app.core.models import Pillar
from briefing_app.storage.database import Database


class PillarService:
    """Read the pillar taxonomy the officer works with."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[Pillar]:
        """Pillars in display order."""
        with self.db.session() as session:
            return list(session.exec(select(Pillar).order_by(col(Pillar.position))).all())

    def ids(self) -> tuple[str, ...]:
        """Pillar ids in display order."""
        return tuple(p.id for p in self.all())
