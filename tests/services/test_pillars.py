"""services/pillars.py: the default pillars are seeded by the service layer, once, never read-only."""

from __future__ import annotations

from pathlib import Path

from briefing_app.nlp.taxonomy import PILLAR_IDS
from briefing_app.services.pillars import PillarService
from briefing_app.storage.database import open_database


def test_seeding_fills_an_empty_table_once(db_path: Path) -> None:
    db = open_database(db_path)  # storage alone knows no taxonomy: the table starts empty
    try:
        pillars = PillarService(db)
        assert pillars.ids() == ()
        assert pillars.seed_defaults() is True
        assert pillars.ids() == PILLAR_IDS
        assert all(p.keywords for p in pillars.all()), "keyword lexicons stored as JSON objects"
        assert pillars.seed_defaults() is False
    finally:
        db.close()
