"""Human words for entity labels: the one mapping every visible text uses (menus, legend, tooltips, panels).

The OntoNotes codes (GPE, LAW, NORP...) stay the stored and exported keys; an officer never sees them.
"""

from __future__ import annotations

LABEL_NAMES: dict[str, str] = {
    "PERSON": "Person", "ORG": "Organisation", "GPE": "Country or city", "LOC": "Region or place",
    "NORP": "Nationality or group", "FAC": "Building or facility", "DATE": "Date", "EVENT": "Event",
    "LAW": "Agreement / initiative", "MONEY": "Money", "PERCENT": "Percentage", "CARDINAL": "Number",
    "ORDINAL": "Ordinal number", "QUANTITY": "Quantity", "TIME": "Time of day", "PRODUCT": "Product",
    "WORK_OF_ART": "Title of a work", "LANGUAGE": "Language",
}


def label_name(label: str) -> str:
    """The human word for an entity label ("GPE" -> "Country or city"); anything else unchanged."""
    return LABEL_NAMES.get(label, label)
