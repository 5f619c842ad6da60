"""Colours of entity labels (pillar colours come from the taxonomy in the database)."""

from __future__ import annotations

# the human words of the labels live in one place outside the GUI (re-exported here)
from briefing_app.nlp.labels import LABEL_NAMES, label_name

__all__ = ["LABEL_COLOURS", "LABEL_NAMES", "label_colour", "label_name"]

# Soft backgrounds that keep black text readable; distinct hues for the shown labels.
LABEL_COLOURS: dict[str, str] = {
    "PERSON": "#ffd6a5",
    "ORG": "#bde0fe",
    "GPE": "#caffbf",
    "LOC": "#9bf6c9",
    "NORP": "#e4c1f9",
    "FAC": "#d8e2dc",
    "DATE": "#fdffb6",
    "EVENT": "#ffc6ff",
    "LAW": "#ffadad",
    "MONEY": "#d0f4de",
    "PERCENT": "#d0f4de",
    "CARDINAL": "#eeeeee",
    "ORDINAL": "#eeeeee",
    "QUANTITY": "#eeeeee",
    "TIME": "#fdffb6",
    "PRODUCT": "#e9edc9",
    "WORK_OF_ART": "#e9edc9",
    "LANGUAGE": "#e9edc9",
}



def label_colour(label: str) -> str:
    """Background colour for an entity label."""
    return LABEL_COLOURS.get(label, "#e0e0e0")
