"""Commitments of formal texts that no single sentence states (issue 16): fact sheets and communiqués.

The extractor (nlp/commitments.py) reads one sentence at a time. A fact sheet may list its deliverables as bare noun
phrases under a heading that names the act ("witnessed the exchange of the following documents", "signed the
following agreements:"): each listed instrument ("• A memorandum of understanding between X and Y on ...") is then
one commitment, with the heading's act ("exchange", "sign") as its action. A list of topics ("discussed the
following issues") or of background under its own heading names no act and gives nothing.

A heading may instead end in the commitment itself, its acts listed as bare verbs: "The two leaders agreed to:" or
"Under the package, Japan will:" over "• expand direct flights ...", "• open a consulate ...". Each listed act is one
commitment (action: the heading's steering verb, as for "agreed to X and to Y"; after a bare "will:", the act's own
verb). A pledge roll does the same with parties ("Pledges so far: Australia (A$100 million), the United States, ..."
or "Pledges:" over "• Japan: US$300 million in loans"): one pledge per line naming a party. A heading that hopes, calls or forecasts ("We call on both sides to:", "Analysts expect the bank to:") names
no commitment, nor does a list of topics under an "agreed to:".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import Any

from briefing_app.nlp.commitments import _NOT_FUTURE_COMMITMENTS, _STEER, NAMED_PARTIES, Commitment, _when
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


class _Parties:
    """The named parties (entities with an id) of a text, found within a span by bisection: a long list's items each
    scanning every entity of a long report was quadratic."""

    def __init__(self, entities: Sequence[EntitySpan]) -> None:
        kept = sorted(((x.start, i, x) for i, x in enumerate(entities) if x.label in NAMED_PARTIES and x.entity_id),
                      key=lambda t: t[0])
        self._starts = [t[0] for t in kept]
        self._kept = kept

    def within(self, lo: int, hi: int) -> list[EntitySpan]:
        """The parties inside ``[lo, hi)``, in the entities' order."""
        k = bisect.bisect_left(self._starts, lo)
        found = []
        while k < len(self._kept) and self._kept[k][0] < hi:
            if self._kept[k][2].end <= hi:
                found.append(self._kept[k][1:])
            k += 1
        return [x for _i, x in sorted(found, key=lambda t: t[0])]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` that is not blank, with its offset."""
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if line.strip():
            yield start, line


def listed_instruments(text: str, found: Sequence[Commitment], nlp: Any,
                       entities: Sequence[EntitySpan], names: dict[str, str]) -> list[Commitment]:
    """One commitment per instrument listed as a bare noun phrase under a heading naming the act done with it."""
    if "following" not in text:
        return []
    act = ""
    bullets_since = False
    items: list[tuple[int, int, str]] = []  # (start, end, action)
    for start, line in _lines(text):
        stripped = line.strip()
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
    named = _Parties(entities)
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
        parties = named.within(lo, hi)
        ids = list(dict.fromkeys(x.entity_id for x in parties))
        what = " ".join(text[s:e].split()[:_WHAT_WORDS])
        out.append(Commitment(s, e, [names.get(i, i) for i in ids], action, what, "", False, ids, -1, -1, (s, e)))
    return out


#: A heading line ending in the commitment whose acts the list gives: "agreed to:", "have committed to:",
#: "pledged to:", "will:", "will also:", "shall:" (group 1: the steering verb's stem, none for a bare "will").
_PLEDGE_HEAD = re.compile(r"(?i)(?:\b(agree|commit|pledge|decide|decision|resolve|undertake|undertook|promise|vow)"
                          r"[a-z]*(?:\s+(?:jointly|also|further))?\s+to|\b(?:will|shall)(?:\s+(?:also|jointly))?)"
                          r"[ \t]*:[ \t]*$")
_STEMS = {"decision": "decide", "undertook": "undertake"}
#: Sentence words before the heading's verb that make it no commitment ("hope", "expect", "call on ... to").
#: (the modal "may" in lower case only: "On 5 May, the leaders agreed to:" is a date)
_NOT_HEADS = re.compile(r"(?i)\b(?:hope[sd]?|expect(?:s|ed)?|call(?:s|ed)?\s+on|urge[sd]?|analysts?|would|could|might|"
                        r"(?-i:may)|should|if|whether)\b")


def listed_pledges(text: str, found: Sequence[Commitment], nlp: Any,
                   entities: Sequence[EntitySpan], names: dict[str, str]) -> list[Commitment]:
    """One commitment per act listed as a bare verb under a heading ending in "agreed to:" or "will:"."""
    if ":" not in text:
        return []
    items: list[tuple[int, int, str, tuple[int, int]]] = []  # (start, end, heading's action or "", heading's line)
    act: str | None = None
    head_span = (0, 0)
    for start, line in _lines(text):
        m = _BULLET_LINE.match(line)
        if m:
            if act is not None:
                items.append((start + m.start("item"), start + len(line.rstrip()), act, head_span))
            continue
        head = _PLEDGE_HEAD.search(line)
        act = None
        if head and not _NOT_HEADS.search(line[:head.start()]):
            stem = (head.group(1) or "").lower()
            act = _STEMS.get(stem, next((v for v in _STEER if stem.startswith(v[:5])), "")) if stem else ""
            head_span = (start, start + len(line))
    if not items:
        return []
    out: list[Commitment] = []
    named = _Parties(entities)
    # a bare item is parsed after "They will" (alone, "double two-way trade by 2030" reads as a noun phrase)
    lead = "They will "
    for (s, e, action, (hs, he)), doc in zip(items, nlp.pipe(lead + _lower_first(text[s:e])
                                                             for s, e, _, _ in items), strict=True):
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or root.pos_ != "VERB" or root.tag_ != "VB" or root.i != 2 or [
                c.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "aux")] != [0, 1] or (
                root.lemma_.lower() in _NOT_FUTURE_COMMITMENTS) or not any(
                c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "prt", "prep", "attr", "oprd") for c in root.children):
            continue  # a topic ("• Trade and investment"), a clause with its own party, a visit or a state
        if any(c.start < e and s < c.end for c in found):
            continue  # the line states its own commitment
        e = len(text[s:e].rstrip(" ,;:.")) + s
        parties = named.within(hs, he)
        ids = list(dict.fromkeys(x.entity_id for x in parties))
        when, ws, we = _when(doc, root, s - len(lead))
        what = " ".join(text[s + root.idx - len(lead) + len(root.text):e].split()[:_WHAT_WORDS])
        out.append(Commitment(s, e, [names.get(i, i) for i in ids], action or root.lemma_.lower(), what, when, False,
                              ids, ws, we, (s, e)))
    return out


def _lower_first(item: str) -> str:
    """``item`` with its first letter in lower case, never changing its length (offsets into the doc are offsets
    into the text: "İ" lowers to two code points, so it stays)."""
    low = item[:1].lower()
    return (low if len(low) == 1 else item[:1]) + item[1:]


#: A pledge roll's heading, also as a fact sheet's bullet: "Pledges so far:", "New pledges:", "Contributions to date:"
#: (its items on the line or below).
_ROLL_HEAD = re.compile(r"(?i)^[ \t]*(?:[•▪◦‣*·-][ \t]+)?(?:(?:new|initial|further|total)\s+)?(pledges|contributions|commitments)"
                        r"(?:\s+[a-z]+){0,3}[ \t]*:[ \t]*(?P<rest>\S.*)?$")
_ROLL_ACTS = {"pledges": "pledge", "contributions": "contribute", "commitments": "commit"}


def pledge_rolls(text: str, found: Sequence[Commitment], entities: Sequence[EntitySpan],
                 names: dict[str, str]) -> list[Commitment]:
    """One commitment per line of a pledge roll naming a party: the heading's line itself when it lists the donors,
    else each bullet under it ("• Japan: US$300 million in concessional loans")."""
    if ":" not in text:
        return []
    spans: list[tuple[int, int, str]] = []
    act = ""
    for start, line in _lines(text):
        m = _ROLL_HEAD.match(line)
        if m:
            act = _ROLL_ACTS[m.group(1).lower()]
            if m.group("rest"):
                spans.append((start + m.start("rest"), start + len(line.rstrip()), act))
                act = ""
            continue
        b = _BULLET_LINE.match(line)
        if b and act:
            spans.append((start + b.start("item"), start + len(line.rstrip()), act))
        elif not b:
            act = ""  # a sentence: the roll is over
    out: list[Commitment] = []
    named = _Parties(entities)
    for s, e, action in spans:
        parties = named.within(s, e)
        if not parties or any(c.start < e and s < c.end for c in found):
            continue  # no donor named ("Pledges: none so far"), or the line states its own commitment
        e = len(text[s:e].rstrip(" ,;:.")) + s
        ids = list(dict.fromkeys(x.entity_id for x in parties))
        out.append(Commitment(s, e, [names.get(i, i) for i in ids], action, " ".join(text[s:e].split()[:_WHAT_WORDS]),
                              "", False, ids, -1, -1, (s, e)))
    return out
