"""services/entity_ids.py: a hand tag resolves like the analyser (officer merges, gazetteer, own key)."""

from __future__ import annotations

from briefing_app.domain.models import CanonicalEntity
from briefing_app.services import Services
from briefing_app.services.entity_ids import resolve_entity_id


def test_officer_merges_win_over_the_gazetteer_and_the_own_key(services: Services) -> None:
    with services.db.session() as session:
        assert resolve_entity_id(session, "ORG", "MEA") == "ORG:ministry of external affairs"  # gazetteer alias
        assert resolve_entity_id(session, "GPE", "U.S.") == "GPE:united states"
        assert resolve_entity_id(session, "LOC", "U.S.") == "GPE:united states"  # GPE and LOC are one kind
        assert resolve_entity_id(session, "PERSON", "Jane  Roe") == "PERSON:jane roe"  # unknown: its own key
        session.add(CanonicalEntity(key="PERSON:jane roe", name="Jane Roe", label="PERSON", aliases=["J. Roe"]))
        session.commit()
        assert resolve_entity_id(session, "PERSON", "J Roe") == "PERSON:jane roe"  # merged by the officer
        assert resolve_entity_id(session, "ORG", "J. Roe") == "ORG:j roe"  # not across kinds
