"""Pillars as stored in the database (editable names and colours)."""

from __future__ import annotations

from sqlmodel import col, select

from briefing_app.domain.models import Pillar
from briefing_app.nlp.taxonomy import load_taxonomy
from briefing_app.storage.database import Database


class PillarService:
    """Read the pillar taxonomy the officer works with."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def seed_defaults(self) -> bool:
        """Fill the empty pillar table from the bundled taxonomy (first open); True when it did.

        Seeding lives here, not in storage: storage knows tables, the taxonomy belongs to nlp.
        """
        if self.db.read_only:
            return False
        with self.db.session() as session:
            if session.exec(select(Pillar)).first() is not None:
                return False
            for position, pillar in enumerate(load_taxonomy()):
                session.add(Pillar(id=pillar.id, name=pillar.name, colour=pillar.colour,
                                   description=pillar.description, keywords=dict(pillar.keywords),
                                   position=position))
            session.commit()
        return True

    def all(self) -> list[Pillar]:
        """Pillars in display order."""
        with self.db.session() as session:
            return list(session.exec(select(Pillar).order_by(col(Pillar.position))).all())

    def ids(self) -> tuple[str, ...]:
        """Pillar ids in display order."""
        return tuple(p.id for p in self.all())
