"""What the officer taught: built by the services layer from the database, applied by the analyser."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Corrections:
    """Officer corrections that change future suggestions."""

    #: (surface text, label) removed by the officer: never suggested again.
    rejected: set[tuple[str, str]] = field(default_factory=set)
    #: (surface text, label) added by the officer: matched in every text (source "learned").
    added: list[tuple[str, str]] = field(default_factory=list)
    #: surface text -> the label the officer chose instead.
    relabelled: dict[str, str] = field(default_factory=dict)
    #: surface text -> canonical name (officer merges); decides ``entity_id``.
    aliases: dict[str, str] = field(default_factory=dict)
    #: (passage text, pillar ids the officer tagged): pillar suggestions learn from these.
    pillar_examples: list[tuple[str, list[str]]] = field(default_factory=list)

    def is_empty(self) -> bool:
        """True when nothing was taught."""
        return not (self.rejected or self.added or self.relabelled or self.aliases or self.pillar_examples)

    def is_rejected(self, text: str, label: str) -> bool:
        """True when the officer removed this surface text with this label (case-insensitive text)."""
        key = (text.casefold(), label)
        return any((t.casefold(), lab) == key for t, lab in self.rejected)
