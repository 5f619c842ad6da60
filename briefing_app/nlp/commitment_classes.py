"""Commitments whose grammar hides the committing party (issue 16, item 2): a second look at each parsed sentence.

nlp/commitments.py reads a commitment off a party acting as the verb's subject. The annotators also count, when the
text makes clear a party decided it:

* **money** as the subject of what it pays for ("The money will also train 3,000 health workers", "ninety percent of
  the revenue will go to Palau");
* **beneficiaries** receiving what a party grants ("Forty engineers will receive scholarships", "workers will get a
  bridging visa", "start-ups will gain access to the laboratories") or a country's people permitted to act ("Kenyan
  nurses will be allowed to bring their families");
* **things scheduled** in a party's own announcement: a bullet of a fact sheet ("• A pilot will begin in the second
  half of 2026", "• The programme will double the number of students by 2027") or a clause a party's official
  reports ("Officials said a green lane would open by July", "the minister said the gendarmes would be reduced by
  the summer");
* **plans and aims** stated as verbs with a noun object or a joint target ("Druk Air plans two more weekly flights",
  "the two sides aim to raise that share by 2030", "The next meeting is planned for Sapporo in 2027");
* **nouns of commitment**: "sponsor pledges of $6.7 billion from Norway", "took note of the commitment of both
  Governments to lift them", "welcomed X and its commitment to purchase Y", "our offer ... remains on the table";
* **refusals** by a party as negated commitments ("has refused to let the central bank buy dollars");
* smaller shapes: the term of a party's own deployment ("our officers will stay until ..."), a thing run by a named
  body ("will be managed by the Ministry"), "tasked X with tracking", a party's funding in the progressive with a
  figure ("is financing five vessels"), a date that "will see" a party act, and a bulletin's clauses joined by a
  semicolon or headed "Japan to admit ..." (``mend_semicolons``).

Each rule reads the dependency parse; the look-alikes it must leave alone (forecasts about things, markets, dates as
subjects, refusals to answer, hopes) are ``NOT_COMMITMENTS_7`` in tests/nlp/commitment_passages.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from briefing_app.nlp.commitments import (
    _ANSWERS,
    _DOMESTIC_EVENTS,
    _DUE_EVENTS,
    _FACILITIES,
    _FORECAST_ADVERBS,
    _FUNCTIONS,
    _FUTURE,
    _INFORMATION,
    _NOT_FUTURE_COMMITMENTS,
    _PREDICTORS,
    DELIVERABLE_NOUNS,
    Commitment,
    _aux,
    _commitments,
    _conditional,
    _hedged,
    _is_actor,
    _is_future,
    _lemma,
    _names_party,
    _negated,
    _non_assertive,
    _objects,
    _span,
    _subject,
    _trim,
    _under_forecast,
    _under_terms,
    _what,
    _when,
    _who,
)
from briefing_app.nlp.types import EntitySpan

#: Money as a subject: what it "will train/build/go to" is the funder's commitment.
_MONEY = frozenset("""money fund funding grant loan financing package aid revenue proceeds profit allocation
budget credit""".split())
#: What a facility does for others: its function, not a party's commitment ("the port would help conclude").
_SERVICES = frozenset("supply help handle provide serve benefit enable boost".split())
#: What a fact sheet or an official schedules for a thing: its start, its growth, its delivery, its end.
_SCHEDULED = frozenset("""begin start open reopen launch resume operate go rise double triple increase expand sell
deliver complete finish reduce withdraw""".split())
#: Parts of a sum ("ninety percent of the revenue").
_SHARES = frozenset("percent per cent share part half most much portion bulk third quarter".split())
#: What money pays for.
_FUNDED_ACTS = frozenset("train fund finance build pay buy equip upgrade rebuild repair provide".split())
#: What a party grants a beneficiary ("will receive scholarships", "will get a bridging visa").
_GRANTS = frozenset("""scholarship fellowship visa access place grant loan training permit stipend funding exemption
waiver quota berth slot""".split())
_RECEIVING = frozenset("receive get gain obtain".split())
#: Markets and measures: their "will rise/fall" is a forecast even in an official's mouth ("prices would come down").
_MARKETS = frozenset("""price cost inflation rate demand supply trade growth output production export import deficit
debt value market economy unemployment currency consumption tariff yield""".split())
#: Verbs of saying that make the clause a party's own report ("Officials said ...", "..., the Board said").
_REPORTING = frozenset("say announce confirm state add tell".split())
#: What a planned noun may not be (a trip is for the timeline).
_TRIPS = frozenset("visit trip tour journey call talk crackdown".split())
#: Time words as subjects: "Next year will mark the 50th anniversary" is no party acting.
_TIME_NOUNS = frozenset("""year month week decade day spring summer autumn fall winter century weekend season
quarter""".split())
#: Nouns of a commitment, and the action they stand for.
_COMMITMENT_NOUNS = {"commitment": "commit", "decision": "decide", "pledge": "pledge", "offer": "offer",
                     "undertaking": "undertake"}
#: Verbs that welcome or note a commitment made by another ("welcomed Hanoi's decision ... and its commitment to").
_NOTING = frozenset("welcome note hail applaud".split())
#: Refusals to answer, not to act ("declined to comment").
_NOT_ACTS = _ANSWERS | frozenset("""comment speculate elaborate discuss name identify specify meet attend visit see
receive be have""".split())
_JOINT_WORDS = frozenset("both two three four all".split())
_JOINT_NOUNS = frozenset("side country government leader party partner nation minister".split())
_BULLET = re.compile(r"^[ \t]*[•▪◦‣*·-]\s")
_CURRENCY = re.compile(r"[$€£¥₹]|\b(?:dollars?|euros?|pounds?|yen|yuan|rupees?|won|riyals?|dirhams?)\b", re.I)


def refused_answer(verb: Any) -> bool:
    """"declined to confirm the figure", "refused to comment": a refusal to answer, not a commitment withheld."""
    return verb.dep_ == "xcomp" and _lemma(verb.head) in ("refuse", "decline", "fail") and _lemma(verb) in _NOT_ACTS


def date_subject(verb: Any) -> bool:
    """"Next year will mark the 50th anniversary", "2026 will see elections": a date, not a party, is the subject."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj:  # ("Next year" read as an adverb of a subjectless "will mark")
        subj = [c for c in verb.children if c.dep_ == "npadvmod" and c.i < verb.i] if _aux(verb) & _FUTURE and not any(
            c.dep_ in ("nsubjpass", "expl", "csubj") for c in verb.children) else []
        if not subj:
            return False
    s = subj[0]
    return _lemma(s) in _TIME_NOUNS or (s.like_num and len(s.text) == 4 and s.text.isdigit())


def mend_semicolons(doc: Any) -> None:
    """"Mongolia and China agree financing for X; Ulaanbaatar seeks Y": a bulletin's two clauses joined by a semicolon,
    parsed with the first as the complement of the second's verb; the first is a main clause of its own."""
    for tok in doc:
        if tok.dep_ == "ccomp" and tok.pos_ == "VERB" and tok.head.i > tok.i and any(
                t.text == ";" and t.head.i == tok.head.i for t in doc[tok.i + 1:tok.head.i]) and any(
                c.dep_ == "nsubj" for c in tok.children):
            tok.dep_ = "ROOT"


def more_commitments(text: str, start: int, doc: Any, entities: Sequence[EntitySpan], names: dict[str, str],
                     found: Sequence[Commitment]) -> list[Commitment]:
    """The commitments of one parsed sentence (``doc``, at ``start`` in ``text``) that the subject-reading rules of
    nlp/commitments.py miss (``found``: what they read in it); see the module's docstring."""
    bullet = bool(_BULLET.match(text[start:start + 8]))
    out: list[Commitment] = []
    taken: list[tuple[int, int]] = []  # clauses made here ("will begin operating": one commitment)
    for tok in doc:
        at = start + tok.idx
        if any(s <= at < e for s, e in taken) and tok.pos_ in ("VERB", "AUX"):
            continue
        made = (_nominal(doc, tok, start, entities, names) if tok.pos_ in ("NOUN", "PROPN")
                else _verbal(doc, tok, start, entities, names, bullet) if tok.pos_ == "VERB" or (
                    tok.pos_ == "AUX" and tok.dep_ in ("ROOT", "conj", "ccomp")) else [])
        for c in made:
            if not any(c.start < e and s < c.end and c.action == f.action for f in [*found, *out]
                       for s, e in [(f.start, f.end)]):
                out.append(c)
                if tok.pos_ == "VERB":
                    taken.append((c.start, c.end))
    return out


def _asserted(verb: Any) -> bool:
    """The clause asserts (no forecast, hope, question, condition or hedge over it)."""
    return not (_under_forecast(verb) or _non_assertive(verb) or _conditional(verb) or _hedged(verb) or any(
        c.dep_ == "advmod" and c.lower_ in _FORECAST_ADVERBS for c in verb.children))


def _reported(verb: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    """"Officials said a green lane would open", "..., the Board of Investment said", "X called the vote historic and
    said the gendarmes would be reduced": a clause a party's official reports (the subject may be the first verb's)."""
    head = verb.head
    if verb.dep_ != "ccomp" or _lemma(head) not in _REPORTING:
        return False
    subj = _subject(head)
    return subj is not None and _lemma(subj) not in _PREDICTORS and _is_actor(subj, entities, offset)


def _made(doc: Any, verb: Any, offset: int, action: str, what: str, who: tuple[list[str], list[str]] = ([], []),
          negated: bool | None = None, top: Any | None = None) -> Commitment:
    later = [c for c in verb.conjuncts if c.i > verb.i and c.pos_ == "VERB"]
    start, end = _span(doc, top if top is not None else verb, offset, later)
    when, ws, we = _when(doc, verb, offset)
    return Commitment(start, end, who[0], action, what, when, _negated(verb) if negated is None else negated, who[1],
                      ws, we, (offset, offset + len(doc.text)))


def _verbal(doc: Any, verb: Any, offset: int, entities: Sequence[EntitySpan], names: dict[str, str],
            bullet: bool) -> list[Commitment]:
    lemma = _lemma(verb)
    if refused := _refusal(doc, verb, offset, entities, names):
        return [refused]
    if lemma in ("see", "witness") and date_subject(verb) and (c := _date_sees(doc, verb, offset, entities, names)):
        return [c]
    subj = _subject(verb)
    if subj is None or not verb.is_alpha:
        return []
    aux = _aux(verb) | (_aux(verb.head) if verb.dep_ in ("conj", "xcomp") else set())
    if lemma in ("plan", "aim", "schedule") and (c := _plan_or_aim(doc, verb, subj, offset, entities, names)):
        return [c]
    if verb.dep_ == "ROOT" and "to" in _aux(verb) and subj.dep_ == "nsubj" and subj.head.i == verb.i and _names_party(
            subj, entities, offset):
        return _commitments(doc, verb, offset, entities, names)  # a bulletin's "Japan to admit more care workers"
    if (c := _own_forces_until(doc, verb, subj, offset)) or (c := _run_by_party(doc, verb, offset, entities, names)) or (
            c := _tasked_with(doc, verb, subj, offset, entities, names)) or (
            c := _funding_now(doc, verb, subj, offset, entities, names)):
        return [c]
    reported = _reported(verb, entities, offset)
    future = (_is_future(verb) or ("would" in aux and (reported or _under_terms(verb)))) and not aux & {
        "could", "might", "may", "should", "must", "can"}
    if future and lemma == "pay" and _asserted(verb) and any(c.dep_ == "nsubj" and _lemma(c) == "taxpayer" and (
            c.tag_ == "NN") for c in verb.children) and any(
            c.dep_ in ("dobj", "dative") and _names_party(c, entities, offset) for c in verb.children):
        return [_made(doc, verb, offset, lemma, "")]  # "the taxpayer will pay Mauritius £101 million a year"
    if not future or _is_actor(subj, entities, offset) or not _asserted(verb) or _lemma(subj) in _MARKETS:
        return []  # (a party's own "will" is nlp/commitments.py's)
    if verb.dep_ == "xcomp" or (verb.dep_ == "ccomp" and not reported):
        return []  # "argued that oil revenue will help pay for it": a view, not the funder's word
    direct = [o for o in verb.children if o.dep_ == "dobj"]
    if _lemma(subj) in _SHARES:  # "ninety percent of the revenue": the money itself
        subj = next((p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children), subj)
    if _lemma(subj) in _MONEY and (lemma in _FUNDED_ACTS or (lemma == "go" and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in verb.children))):
        return [_made(doc, verb, offset, lemma, _what(verb, _objects(verb), []))]  # "The money will train nurses"
    if any(c.dep_ == "prep" and c.lower_ == "with" and any(_lemma(p) in _MONEY and any(
            k.dep_ == "prep" and k.lower_ == "from" and any(_names_party(t, entities, offset) or (
                t.dep_ == "pobj" and t.tag_ in ("NNP", "NNPS")) for t in k.subtree)
            for k in p.children) for p in c.children) for c in verb.children) and lemma not in _NOT_FUTURE_COMMITMENTS:
        return [_made(doc, verb, offset, lemma, _what(verb, _objects(verb), []))]  # "with money from Global Gateway"
    if lemma in _RECEIVING and any(_lemma(o) in _GRANTS or any(_lemma(k) in _GRANTS for k in o.children
                                                               if k.dep_ == "compound") for o in direct):
        return [_made(doc, verb, offset, lemma, _trim(direct[0]))]  # "Forty engineers will receive scholarships"
    if lemma in ("allow", "permit") and subj.dep_ == "nsubjpass" and _nationals(subj, entities, offset):
        return [_made(doc, verb, offset, lemma, _trim(subj))]  # "Kenyan nurses will be allowed to bring their families"
    if not (bullet or reported) or (lemma in _NOT_FUTURE_COMMITMENTS and not _rises_or_goes_live(verb)) or (
            lemma not in _SCHEDULED):
        return []  # ("• Typhoon Haikui will hit Luzon on Friday": a bulletin's forecast, not a schedule)
    if _lemma(subj) in _FACILITIES and lemma in _FUNCTIONS | _SERVICES:
        return []  # "the pipeline will supply power plants", "the port would handle a million containers"
    # a party's fact-sheet bullet or its official's report: a schedule (a date) or a figure delivered
    dated = bool(_when(doc, verb, 0)[0]) or any(  # ("would be finished by the autumn", "by" read as the agent)
        c.dep_ in ("agent", "prep") and c.lower_ in ("by", "before", "until", "from") and any(
            _lemma(p) in _TIME_NOUNS for p in c.children) for c in verb.children)
    figure = any(o.like_num or any(k.like_num for k in o.children if k.dep_ in ("nummod", "quantmod"))
                 for o in direct) or _lemma(verb) in ("double", "triple")
    if not (dated or (figure and direct)):
        return []
    return [_made(doc, verb, offset, lemma, _what(verb, _objects(verb), []))]


def _nationals(subj: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    """"Kenyan nurses", "engineers from Indonesia": a country's people, the beneficiaries of what a party permits
    (unlike "Protesters", "Visitors")."""
    marks = [k for k in subj.children if k.dep_ in ("amod", "compound")] + [
        p for c in subj.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
    return any(x.label in ("NORP", "GPE") and x.start <= offset + k.idx < x.end for k in marks for x in entities)


def _date_sees(doc: Any, verb: Any, offset: int, entities: Sequence[EntitySpan],
               names: dict[str, str]) -> Commitment | None:
    """"This year will also see Indonesia join the BRICS bank": the date is no doer, the party in the clause is."""
    comp = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"), None)
    subj = next((c for c in comp.children if c.dep_ == "nsubj"), None) if comp is not None else None
    if subj is None or not _names_party(subj, entities, offset) or _lemma(comp) in _NOT_FUTURE_COMMITMENTS or (
            not _asserted(verb)) or any(_lemma(o) in _DOMESTIC_EVENTS for o in _objects(comp)):
        return None  # ("Next year will see Kenya hold elections": its own event)
    return _made(doc, comp, offset, _lemma(comp), _what(comp, _objects(comp), []),
                 _who(subj, comp, entities, names, offset), top=verb)


#: A party's own people abroad ("our officers", "the last of our 340 personnel").
_FORCES = frozenset("officer troop soldier personnel force contingent battalion police peacekeeper".split())


def _own_forces_until(doc: Any, verb: Any, subj: Any, offset: int) -> Commitment | None:
    """"Our officers will stay until the GSF is deployed", "the last of our 340 personnel will be home by Easter 2027":
    the term of a party's own deployment (its forces named with "our"/"their"), not a visit or a forecast."""
    if not (_aux(verb) & _FUTURE) or _lemma(verb) not in ("stay", "remain", "be") or not _asserted(verb):
        return None
    head = subj
    if _lemma(head) in ("last", "rest", "first") and (of := [p for c in head.children if c.dep_ == "prep"
                                                              and c.lower_ == "of" for p in c.children]):
        head = of[0]
    if _lemma(head) not in _FORCES or not any(c.dep_ == "poss" and c.lower_ in ("our", "their") for c in head.children):
        return None
    until = any(c.dep_ in ("advcl", "prep") and any(k.lower_ == "until" for k in [c, *c.children]) for c in verb.children)
    home_by = _lemma(verb) == "be" and any(c.lower_ in ("home", "out", "back") for c in verb.children) and bool(
        _when(doc, verb, 0)[0])
    if not (until or home_by):
        return None
    return _made(doc, verb, offset, _lemma(verb), _trim(head))


def _run_by_party(doc: Any, verb: Any, offset: int, entities: Sequence[EntitySpan],
                  names: dict[str, str]) -> Commitment | None:
    """"It will be managed by the Ministry of Electricity": a future passive whose agent is a party (the verbs of running
    a thing, which nlp/commitments.py reads as "will manage to" or "will lead to" in the active)."""
    agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if _lemma(verb) not in ("manage", "lead", "run") or not (_aux(verb) & _FUTURE) or not any(
            c.dep_ == "auxpass" for c in verb.children) or not agent or not _names_party(agent[0], entities, offset) or (
            not _asserted(verb)):
        return None
    return _made(doc, verb, offset, _lemma(verb), "", _who(agent[0], verb, entities, names, offset))


def _tasked_with(doc: Any, verb: Any, subj: Any, offset: int, entities: Sequence[EntitySpan],
                 names: dict[str, str]) -> Commitment | None:
    """"Ministers tasked the Rapid Response Mechanism with tracking covert campaigns": "task X to do" said with "with"."""
    if _lemma(verb) not in ("task", "charge") or verb.tag_ not in ("VBD", "VBZ", "VBP") or not any(
            c.dep_ == "dobj" for c in verb.children) or not _is_actor(subj, entities, offset) or not _asserted(verb):
        return None
    act = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                if p.dep_ in ("pcomp", "pobj") and p.tag_ == "VBG"), None)
    if act is None:
        return None
    return _made(doc, verb, offset, "task", (act.text + " " + _what(act, _objects(act), [])).strip(),
                 _who(subj, verb, entities, names, offset))


#: Money a party is putting up now: with a figure, the progressive states the commitment, not an activity.
_FUNDING = frozenset("fund finance back launch".split())


def _funding_now(doc: Any, verb: Any, subj: Any, offset: int, entities: Sequence[EntitySpan],
                 names: dict[str, str]) -> Commitment | None:
    """"Tokyo is also financing five patrol vessels", "are backing a £150 million programme", "are launching 300
    scholarships this autumn": a party's funding told in the progressive, with a figure ("we are funding schools" is an
    ongoing activity)."""
    if _lemma(verb) not in _FUNDING or verb.tag_ != "VBG" or not (_aux(verb) & {"is", "are", "'re", "am"}) or (
            not _is_actor(subj, entities, offset)) or _lemma(subj) in _PREDICTORS or not _asserted(verb):
        return None
    direct = [o for o in verb.children if o.dep_ == "dobj"]
    if not direct or not any(t.tag_ == "CD" for t in direct[0].subtree if t.i < direct[0].i):
        return None  # (a figure: "five vessels", "£150 million"; "the second phase of" is none)
    return _made(doc, verb, offset, _lemma(verb), _trim(direct[0]), _who(subj, verb, entities, names, offset))


def _rises_or_goes_live(verb: Any) -> bool:
    """"will go live in 2027", "will rise to 1,000 by 2028": a figure or a start, which a bullet may schedule."""
    if _lemma(verb) == "go":
        return any(c.lower_ == "live" for c in verb.children)
    return _lemma(verb) == "rise" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
        t.like_num for t in c.subtree) for c in verb.children)


def _joint(subj: Any) -> bool:
    """"the two sides", "both countries", "Kenya and Uganda", "we": the parties together."""
    return bool(subj.conjuncts) or subj.lower_ in ("we", "they") or (
        subj.tag_ == "NNS" and _lemma(subj) in _JOINT_NOUNS) or any(
        c.lower_ in _JOINT_WORDS for c in subj.children if c.dep_ in ("det", "nummod", "predet"))


def _plan_or_aim(doc: Any, verb: Any, subj: Any, offset: int, entities: Sequence[EntitySpan],
                 names: dict[str, str]) -> Commitment | None:
    """"Druk Air plans two more weekly flights" (a plan with a noun object), "the two sides aim to raise that share by
    2030" (a joint target with a date), "The next meeting is planned for Sapporo in 2027" (a meeting scheduled)."""
    lemma, aux = _lemma(verb), _aux(verb)
    present = verb.tag_ in ("VBZ", "VBP") and not aux or (verb.tag_ == "VBG" and bool(aux & {"is", "are", "'re"}))
    if not _asserted(verb):
        return None
    if lemma in ("plan", "schedule") and verb.tag_ == "VBN" and aux & {"is", "are"} and _lemma(subj) in _DUE_EVENTS \
            and subj.dep_ == "nsubjpass" and _when(doc, verb, 0)[0] and not any(c.dep_ == "xcomp" for c in verb.children):
        # ("is scheduled to be held in December" is the held meeting's, nlp/commitments.py's)
        return _made(doc, verb, offset, lemma, _trim(subj))
    if not present or not _is_actor(subj, entities, offset) or _lemma(subj) in _PREDICTORS:
        return None
    direct = [o for o in verb.children if o.dep_ == "dobj"]
    if lemma == "plan" and direct and direct[0].pos_ == "NOUN" and _lemma(direct[0]) not in _TRIPS and not any(
            c.dep_ in ("xcomp", "ccomp") for c in verb.children) and (_when(doc, verb, 0)[0] or any(
            t.like_num for t in direct[0].subtree if t.i < direct[0].i)):  # a figure or a date: "plans green
        # hydrogen in Uzbekistan" is a line of business
        return _made(doc, verb, offset, "plan", _trim(direct[0]), _who(subj, verb, entities, names, offset))
    if lemma == "aim" and _joint(subj) and _when(doc, verb, 0)[0] and (
            any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children)
            or any(c.dep_ == "prep" and c.lower_ == "for" and any(t.like_num for t in c.subtree) for c in verb.children)):
        x = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        what = (x.text + " " + _what(x, _objects(x), [])).strip() if x is not None else _trim(
            next(c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"))
        return _made(doc, verb, offset, "aim", what, _who(subj, verb, entities, names, offset))
    return None


def _refusal(doc: Any, verb: Any, offset: int, entities: Sequence[EntitySpan],
             names: dict[str, str]) -> Commitment | None:
    """"has refused to let the central bank buy dollars", "declined to join the coalition", "has ruled out sending
    troops", "has no plans to join the RCEP": a party's refusal to act is a negated commitment (a refusal to answer
    is none)."""
    head = verb.head
    if verb.dep_ == "acl" and "to" in _aux(verb) and _lemma(head) in ("plan", "intention", "intent") and any(
            c.dep_ == "det" and c.lower_ == "no" for c in head.children) and _lemma(head.head) == "have" and (
            head.dep_ == "dobj"):
        head = head.head  # "India has no plans to join the RCEP": a refusal told as an absent plan
    elif verb.dep_ != "xcomp" or not (_lemma(head) in ("refuse", "decline") or (
            _lemma(head) == "rule" and verb.tag_ == "VBG" and any(c.dep_ == "prt" and c.lower_ == "out"
                                                                  for c in head.children))):
        return None  # ("Brazil has ruled out sending troops to Haiti": a refusal)
    if head.tag_ not in ("VBD", "VBZ", "VBN") or (
            head.tag_ == "VBN" and not _aux(head) & {"has", "have", "had"}) or _lemma(verb) in _NOT_ACTS:
        return None
    if not any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in verb.children) or any(
            c.dep_ == "dobj" and _lemma(c) in _INFORMATION for c in verb.children):
        return None  # ("declined to give a date": a refusal to answer) (an act with its object: "declined to join the coalition"; core verbs are also read, negated,
        # by nlp/commitments.py, and the two readings are one row)
    subj = _subject(head)
    if subj is None or not _is_actor(subj, entities, offset) or _lemma(subj) in _PREDICTORS or not _asserted(head):
        return None
    what = _what(verb, _objects(verb), [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")])
    return _made(doc, verb, offset, _lemma(verb), what, _who(subj, head, entities, names, offset), negated=True,
                 top=head)


def _nominal(doc: Any, noun: Any, offset: int, entities: Sequence[EntitySpan],
             names: dict[str, str]) -> list[Commitment]:
    """Nouns of commitment: a pledge of money from parties, a commitment of a party to act noted or welcomed, an offer
    that remains on the table, a launch a date "will see"."""
    lemma = _lemma(noun)
    if lemma in ("pledge", "commitment") and noun.tag_ == "NNS":
        money = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if any(t.like_num for t in p.subtree) and _CURRENCY.search(" ".join(t.text for t in p.subtree))]
        donors = [p for h in (noun, noun.head) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                  for p in c.children if p.dep_ == "pobj" and (_names_party(p, entities, offset) or any(
                      _names_party(t, entities, offset) for t in p.subtree if t.dep_ in ("nmod", "compound", "conj")))]
        if money and donors and not _under_forecast(noun.head):
            return [_noun_made(doc, noun, offset, _COMMITMENT_NOUNS[lemma], _trim(money[0]),
                               _who(donors[0], noun, entities, names, offset))]
    if lemma in _COMMITMENT_NOUNS:
        act = next((c for c in noun.children if c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB" and "to" in _aux(c)),
                   None)
        noted = _noted(noun)
        if act is not None and noted is not None:
            who_tok = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                            if p.dep_ == "pobj"), None) or next((c for c in noun.children if c.dep_ == "poss"), None)
            who = _who(who_tok, noun, entities, names, offset) if who_tok is not None else ([], [])
            what = (act.text + " " + _what(act, _objects(act), [])).strip()
            return [_noun_made(doc, noun, offset, _COMMITMENT_NOUNS[lemma], what, who, when_from=act)]
        if noun.dep_ == "nsubj" and _lemma(noun.head) in ("remain", "stay") and any(
                c.dep_ == "prep" and c.lower_ == "on" and any(_lemma(p) == "table" for p in c.children)
                for c in noun.head.children) and any(c.dep_ == "poss" for c in noun.children):
            poss = next(c for c in noun.children if c.dep_ == "poss")
            on = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "of", "to") for p in c.children]
            return [_noun_made(doc, noun, offset, _COMMITMENT_NOUNS[lemma], _trim(on[0]) if on else "",
                               _who(poss, noun, entities, names, offset), top=noun.head)]
    if noun.lower_ in DELIVERABLE_NOUNS and noun.dep_ == "dobj" and _lemma(noun.head) in ("see", "witness") and (
            date_subject(noun.head)) and bool(_aux(noun.head) & _FUTURE):
        by = [p for c in noun.subtree if c.dep_ == "prep" and c.lower_ in ("by", "between") for p in c.children]
        of = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        if by and of and _names_party(by[0], entities, offset):  # "Next year will see the launch of X by India",
            # "Next month will see the signing of a free trade agreement between Chile and India"
            return [_noun_made(doc, noun, offset, DELIVERABLE_NOUNS[noun.lower_], _trim(of[0]),
                               _who(by[0], noun, entities, names, offset), top=noun.head)]
    return []


def _noted(noun: Any) -> Any | None:
    """The verb noting or welcoming ``noun``: "took note of the commitment", "welcomed X and its commitment to"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) == "take" and any(
            c.dep_ == "dobj" and _lemma(c) == "note" for c in noun.head.head.children):
        return noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) == "note" and \
            noun.head.head.dep_ == "dobj" and _lemma(noun.head.head.head) == "take":
        return noun.head.head.head
    top = noun
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.i != noun.i and top.pos_ == "VERB" and _lemma(top) in _NOTING:
        return top  # "welcomed Hanoi's decision to cut duties on X, Y and Z, and its commitment to purchase"
    if top.i == noun.i or top.dep_ != "dobj":
        return None
    if _lemma(top.head) in _NOTING:
        return top.head
    # "welcomed the decision of Hanoi to cut duties and its commitment to purchase": hung on the first act's object
    act = top.head
    if act.dep_ in ("acl", "xcomp") and act.head.dep_ == "dobj" and _lemma(act.head.head) in _NOTING:
        return act.head.head
    return None


def _noun_made(doc: Any, noun: Any, offset: int, action: str, what: str, who: tuple[list[str], list[str]],
               top: Any | None = None, when_from: Any | None = None) -> Commitment:
    head = top if top is not None else noun
    start, end = _span(doc, head, offset)
    when, ws, we = _when(doc, when_from if when_from is not None else head, offset)
    return Commitment(start, end, who[0], action, what, when, False, who[1], ws, we,
                      (offset, offset + len(doc.text)))
