"""Commitments of formal texts that no single sentence states (issue 16): fact sheets and communiqués.

The extractor (nlp/commitments.py) reads one sentence at a time. A fact sheet may list its deliverables as bare noun
phrases under a heading that names the act ("witnessed the exchange of the following documents", "signed the
following agreements:"): each listed instrument ("• A memorandum of understanding between X and Y on ...") is then
one commitment, with the heading's act ("exchange", "sign") as its action. A list of topics ("discussed the
following issues") or of background under its own heading names no act and gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from briefing_app.nlp.commitments import NAMED_PARTIES, Commitment
from briefing_app.nlp.types import EntitySpan

#: A heading naming the act done with the documents listed after it: "the exchange of the following documents",
#: "signed the following agreements:", "concluded the following instruments".
_LIST_ACT = re.compile(r"(?i)\b(exchang(?:e|ed|ing)|sign(?:ed|ing|ature)|conclu(?:ded|sion)|ink(?:ed)?)\b"
                       r"[^.\n:]{0,40}?\bfollowing\b[^.\n:]{0,30}[.:]?[ \t]*$")  # the line ends the heading
_ACTS = {"exchang": "exchange", "sign": "sign", "conclu": "conclude", "ink": "sign"}
_BULLET_LINE = re.compile(r"^[ \t]*(?:[•▪◦‣*·-]|\(?[a-z0-9]{1,2}[.)])[ \t]+(?P<item>\S.*)$")
#: Instruments a deliverables list names (lemmas).
_LISTED = frozenset("""agreement memorandum mou protocol treaty accord convention contract arrangement
declaration charter letter programme program plan roadmap framework exchange""".split())
#: A short title line between the heading and its list ("Deliverables", "Documents signed").
_TITLE_WORDS = 5
_WHAT_WORDS = 14


def listed_instruments(text: str, found: Sequence[Commitment], nlp: Any,
                       entities: Sequence[EntitySpan], names: dict[str, str]) -> list[Commitment]:
    """One commitment per instrument listed as a bare noun phrase under a heading naming the act done with it."""
    if "following" not in text:
        return []
    act = ""
    bullets_since = False
    items: list[tuple[int, int, str]] = []  # (start, end, action)
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        m = _BULLET_LINE.match(line)
        if m:
            bullets_since = True
            if act:
                item_start = start + m.start("item")
                items.append((item_start, start + len(line.rstrip()), act))
            continue
        head = _LIST_ACT.search(line)
        if head:
            act = next(v for k, v in _ACTS.items() if head.group(1).lower().startswith(k))
            bullets_since = False
        elif len(stripped.split()) <= _TITLE_WORDS and not stripped.endswith((".", ";")) and not bullets_since:
            continue  # a title between the heading and its list keeps the heading's act
        else:
            act = ""  # a sentence or a new section: the list is over
    if not items:
        return []
    out: list[Commitment] = []
    for (s, e, action), doc in zip(items, nlp.pipe(text[s:e] for s, e, _ in items), strict=True):
        roots = [t for t in doc if t.dep_ == "ROOT"]
        if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN") or roots[0].lemma_.lower() not in _LISTED:
            continue  # a clause ("Bangladesh will allot ...") or a topic ("The situation in the Red Sea")
        head = s + roots[0].idx
        if any(c.start <= head < c.end for c in found):
            continue  # the line states its own commitment about the instrument
        # "A power sale agreement ..., under which Bangladesh will buy 500 megawatts": the instrument up to the
        # relative clause that carries a commitment of its own
        e = min([c.start for c in found if head < c.start < e] + [e])
        e = len(text[s:e].rstrip(" ,;:.")) + s
        # the parties named as such ("between Nepal and Bangladesh"); none named: the text's parties (resolved later)
        among = [t for t in doc if t.lower_ in ("between", "among", "amongst") and t.dep_ == "prep"]
        lo, hi = ((s + among[0].idx, s + max(t.idx + len(t) for t in among[0].subtree)) if among else (0, 0))
        parties = [x for x in entities if lo <= x.start and x.end <= hi and x.label in NAMED_PARTIES and x.entity_id]
        ids = list(dict.fromkeys(x.entity_id for x in parties))
        what = " ".join(text[s:e].split()[:_WHAT_WORDS])
        out.append(Commitment(s, e, [names.get(i, i) for i in ids], action, what, "", False, ids, -1, -1, (s, e)))
    return out
