"""Who speaks decides: commitments in transcripts, debates and interviews (issue 16).

The extractor (nlp/commitments.py) reads one sentence at a time; this module reads the turns around it.
A transcript is cut into speaker turns at nlp/transcript.py's labels (the one definition, the same labels said
again in the middle of a line included: "... next year? Senator WONG: Yes."), and each turn gets a role
(``transcript.label_role``, then who asks):

* **chair** (the Speaker, the President of a sitting, a Chairman, a moderator): procedure, never a commitment
  ("We will suspend for five minutes"), unless the chair speaks "in my capacity as" a delegate;
* **question** (a reporter, a host, "Q:", a member asking): what a questioner asserts about the future
  commits no one ("Poland will spend 5% this year", "we will scrap the levy" from the opposition);
  commitments reported as made ("the RSF said they accepted", "the Government promised in March") and
  the terms of a deal ("Under the agreement, Japan will finance ...") still count;
* **answer** (anyone else): a bare "Yes." / "I will." / "No." after "Will the Government guarantee ...?"
  takes the question's verb ("guarantee", negated for "No"), and "I am announcing" / "we are launching"
  (performatives, said by the speaker) count like "announced" / "launched". An office-holder's own "we will
  not accept ...", "our customs services will share ..." and dated schedules ("the Department of Home Affairs will
  issue the first visas by June") count even where the sentence alone reads like anyone's forecast. A refusal to
  answer ("I will not pre-empt the Budget", "will not speculate") is not a commitment.

Who holds an office: a role word in the label or its notes ("Senator WONG (South Australia—Minister for Foreign
Affairs)"), the same name in a fuller label ("John Healey:" after "The Secretary of State for Defence (John
Healey):"), or the host's address ("Good morning, Minister").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from briefing_app.nlp.commitments import MEMBER_ACTS, NAMED_PARTIES, Commitment
from briefing_app.nlp.dates import find_when
from briefing_app.nlp.transcript import (
    ADDRESSED,
    ANSWER,
    CHAIR,
    OFFICE,
    QUESTION,
    ROLE_WORDS,
    STAGE_DIRECTION,
    SpeakerLabel,
    label_head,
    label_role,
    speaker_labels,
)
from briefing_app.nlp.types import EntitySpan

#: The chair taking the floor for a delegation: from there on the words are a delegate's.
_NATIONAL_CAPACITY = re.compile(r"(?i)\bin\s+my\s+(?:national\s+)?capacity\s+as\b")


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker turn: the label ``[start, body)``, the words ``[body, end)``."""

    start: int
    body: int
    end: int
    speaker: str
    role: str
    #: the speaker holds an office (a minister, a spokesperson, a president): their "we will" is their side's
    official: bool = False


def _name_words(label: str) -> frozenset[str]:
    """The words of a label that name the speaker (roles, honorifics and party notes left out)."""
    words = re.findall(r"[A-Za-zÀ-ÿ][\w'’-]*", label)
    return frozenset(w.upper() for w in words if w.upper() not in ROLE_WORDS and len(w) > 2 and w[0].isupper()
                     and not OFFICE.fullmatch(w))


def speaker_turns(text: str, speakers: Sequence[SpeakerLabel] | None = None) -> list[Turn]:
    """The speaker turns of a transcript (empty when ``text`` has fewer than two speaker labels).

    ``speakers``: the text's speaker labels when the caller already found them (the analysis finds them once).
    """
    # the one definition of a label (nlp/transcript.py), said again mid-line included
    found = speaker_labels(text) if speakers is None else speakers
    labels = [(s.start, s.end) for s in found]
    heads = {s.start: label_head(text, s) for s in found}
    if len(labels) < 2:
        # one lone question line ("Q: Reports say they will sign next week. Can you confirm?") is still a
        # questioner's turn, to the end of its line
        if labels and label_role(heads[labels[0][0]]) == QUESTION:
            s, b = labels[0]
            e = text.find("\n", b)
            return [Turn(s, b, e if e >= 0 else len(text), text[s:b].strip(" :.–—-\t"), QUESTION, False)]
        return []
    # who holds an office: from the label itself, or from a fuller label of the same name ("John Healey:" after
    # "The Secretary of State for Defence (John Healey):")
    officials = [_name_words(text[s:e]) for s, e in labels if OFFICE.search(text[s:e])
                 and label_role(heads[s]) != CHAIR]
    spans = [(s, b, labels[k + 1][0] if k + 1 < len(labels) else len(text)) for k, (s, b) in enumerate(labels)]
    # a speaker asks when most of their turns hold a question mark
    asks: dict[frozenset[str], list[bool]] = {}
    for s, b, e in spans:
        asks.setdefault(_name_words(text[s:b]) or frozenset({text[s:b]}), []).append("?" in text[b:e])
    turns = []
    for s, b, e in spans:
        label = text[s:b]
        head = heads[s]
        names = _name_words(label)
        role = label_role(head)
        if role is not None:
            pass
        elif OFFICE.search(label) or (names and any(names <= o for o in officials)):
            role = ANSWER
        else:
            # a member or a host who mostly asks: their other turns are a questioner's too ("we will scrap
            # the levy" from the opposition benches)
            mine = asks.get(names or frozenset({label}), [])
            role = QUESTION if sum(mine) * 2 >= len(mine) > 0 and any(mine) else ANSWER
        official = role == ANSWER and (bool(OFFICE.search(label)) or (bool(names) and any(names <= o for o in officials)))
        turns.append(Turn(s, b, e, head, role, official))
    # an interviewee the host addresses by office ("Good morning, Minister", "Prime Minister, welcome") holds it
    addressed = {t.speaker for prev, t in zip(turns, turns[1:], strict=False)
                 if t.role == ANSWER and prev.role == QUESTION and ADDRESSED.search(text, prev.body, prev.end)}
    return [replace(t, official=True) if t.role == ANSWER and t.speaker in addressed else t for t in turns]


#: Where a statement turns into a question: "the treaty opens a pathway for 150 Nauruans a year, so why has not
#: a single visa been issued?"
_TO_QUESTION = re.compile(r"(?i)[,;:—–-]\s+(?:(?:so|but|yet|and|then)\s+)?(?=(?:why|how|what|when|where|who|which|will"
                          r"|would|is|are|was|were|does|do|did|has|have|can|could|should|isn't|doesn't|won't)\b)")


def statements(text: str, sentences: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences that state something: a question is left out, but the statement it opens with is kept.

    Terms stated in a question turn count like any other sentence (the questioner's "the treaty opens a
    migration pathway ..., so why ...?"); the question itself does not ("When will registration open?").
    """
    out = []
    for s, e in sentences:
        if not text[s:e].rstrip().endswith("?"):
            out.append((s, e))
            continue
        cut = None
        for m in _TO_QUESTION.finditer(text, s, e):
            if len(re.findall(r"\w+", text[s:m.start()])) >= 5:
                cut = m.start()
                break
        if cut is not None:
            out.append((s, cut))
    return out


def _turn_at(turns: Sequence[Turn], pos: int) -> Turn | None:
    for t in turns:
        if t.start <= pos < t.end:
            return t
    return None


#: "will", "shall", "'ll", "is to": a clause about the future.
_FUTURE = re.compile(r"(?i)\b(?:will|shall|wo|won't|would|going\s+to|(?:is|are)\s+to)\b|'ll\b")
#: Terms of an agreement stated by a questioner count like anyone's ("Under the agreement, Japan will finance").
_TERMS = re.compile(r"(?i)\b(?:under|in)\s+(?:the|this|that|our|their|its)\s+(?:\w+[\s-]){0,4}?(?:agreement|deal|treaty"
                    r"|accord|arrangement|memorandum|pact|framework|protocol|contract|partnership)\b"
                    r"|\b(?:agreement|deal|treaty|accord|memorandum|pact|contract)s?\s+(?:will|shall|would)\b")
#: A commitment reported as made by its party ("the rebels said they would allow", "Kallas said the bloc would").
_REPORTED = re.compile(r"(?i)\b(?:said|says|told|announced|confirmed|promised|pledged|agreed|undertook|assured)\b")
#: A member's own act in the House, said in a questioner's turn ("I will raise this with the committee").
_MEMBER_ACT = re.compile(r"(?i)(?:and\s+|so\s+)?(?:i|we)\s+(?:will|shall|'ll)\s+(?:also\s+|now\s+)?(?:"
                         + "|".join(sorted(MEMBER_ACTS)) + r")\b")
#: A refusal to answer is not a refusal to act: "I will not pre-empt the Budget", "will not speculate".
_NON_ANSWERS = frozenset("pre-empt preempt prejudge speculate comment elaborate anticipate rush hurry".split())
_INTO = re.compile(r"(?i)\bnot\s+(?:\w+\s+)?(?:go|get|enter)\s+into\b")


def _future_claim(text: str, c: Commitment) -> bool:
    """The commitment is a claim about the future (not a commitment reported as made, not a deal's terms)."""
    clause = text[c.start:c.end]
    sent = text[c.sentence[0]:c.sentence[1]] if c.sentence[1] > c.sentence[0] else clause
    if _TERMS.search(sent) or any(not re.search(r"(?i)\byou(?:'ve|\s+have)?\s+$", clause[:m.start()])
                                  for m in _REPORTED.finditer(clause)):
        return False  # ("you said the government will build": the reporter's framing, not a report)
    action = re.search(r"(?i)\b" + re.escape(c.action[:4]), clause)
    return bool(_FUTURE.search(clause[:action.start()] if action else clause))


def apply_turns(text: str, found: list[Commitment], parse: Any, entities: Sequence[EntitySpan] = (),
                names: dict[str, str] | None = None,
                speakers: Sequence[SpeakerLabel] | None = None) -> list[Commitment]:
    """``found`` read with the speaker turns of ``text``: chair and questioner claims out, answers in.

    ``parse`` is the parsing pipeline (``load_parser()[0]``); it parses only the few sentences this needs.
    ``speakers``: the text's speaker labels when the caller already found them.
    """
    out = [c for c in found if not _non_answer(text, c)]
    turns = speaker_turns(text, speakers)
    if not turns:
        return out
    kept = []
    for c in out:
        turn = _turn_at(turns, c.start)
        if turn is not None and turn.start <= c.start < turn.body:
            c.start = turn.body  # a clause starts after its speaker's label
        if turn is None:
            kept.append(c)
        elif turn.role == CHAIR and not _NATIONAL_CAPACITY.search(text, turn.body, c.start):
            continue  # "We will suspend for five minutes", "I will now put the question"
        elif turn.role == QUESTION and _future_claim(text, c) and not _MEMBER_ACT.match(text, c.start, c.end):
            continue  # a questioner's forecast, demand or promise commits no one who answers (a member's own
            # "I will raise this with the committee" is their act)
        else:
            kept.append(c)
    kept += _answers(text, turns, kept, parse, entities, names or {})
    kept += _performatives(text, turns, kept, parse)
    kept += _own_plans(text, turns, kept, parse)
    kept.sort(key=lambda c: (c.start, c.end))
    return kept


def _non_answer(text: str, c: Commitment) -> bool:
    return c.negated and (c.action in _NON_ANSWERS or bool(_INTO.search(text, c.start, c.end)))


#: "Yes.", "Yes, I will.", "I will, and ...", "Of course." -- and "No.", "No; ...", "We will not."
_AFFIRM = re.compile(r"(?i)(?:yes|yes,?\s+(?:i|we)\s+(?:will|shall|do|can)|(?:i|we)\s+(?:will|shall)|certainly"
                     r"|of\s+course|absolutely|indeed)(?=\s*(?:[.!;]|,\s+and\b|$))")  # ("Yes; and we want to ...")
#: "Yes; we raised it in January", "Yes; we have already paid": the "Yes" reports a deed (past tense after it).
_DONE_ALREADY = re.compile(r"(?i)\s*;\s*(?:we|i|they|he|she|it)\s+(?:(?:have|has|had|already)\s+)*(?:\w+ed|did|made"
                           r"|took|gave|sent|met|spoke|told|wrote|brought|paid|set|began|won)\b")
_DENY = re.compile(r"(?i)(?:no|(?:i|we)\s+(?:will\s+not|won't|shall\s+not))(?=\s*[.;:!,—-]|\s*$)")
#: Asked verbs whose "Yes" commits to nothing: views, facts, procedure.
_ASKED_NOT = frozenset("""be have do benefit agree accept confirm acknowledge admit recognise recognize explain tell say
answer give comment update clarify look consider know need remain continue happen see expect""".split())
_ADDRESSEES = frozenset("you minister secretary government premier president chancellor tánaiste taoiseach "
                        "spokesperson spokesman department ministry".split())


def _answers(text: str, turns: Sequence[Turn], found: Sequence[Commitment], parse: Any,
             entities: Sequence[EntitySpan], names: dict[str, str]) -> list[Commitment]:
    """"Will the Government guarantee ...?" -- "Yes.": the answer commits to the asked act."""
    out = []
    for prev, turn in zip(turns, turns[1:], strict=False):
        if turn.role != ANSWER or prev.role == CHAIR or prev.speaker == turn.speaker:
            continue
        body = STAGE_DIRECTION.sub(lambda m: " " * len(m.group()), text[turn.body:turn.end])
        lead = len(body) - len(body.lstrip())
        yes, no = _AFFIRM.match(body, lead), _DENY.match(body, lead)
        if yes and _DONE_ALREADY.match(body, yes.end()):
            continue  # "Yes; we raised it at the Council in January": what was done, no commitment to the asked act
        if not yes and not no:
            continue
        asked = _asked(text, prev)
        if asked is None:
            continue
        q_start, question = asked
        doc = parse(question)
        asked_act = _asked_verb(doc)
        if asked_act is None:
            continue
        m = yes or no
        assert m is not None
        start = turn.body + m.start()
        end = turn.body + m.end()
        if no and re.match(r"\s*;", body[m.end():]):  # "No; the agreement ignores ...": the refusal and its reason
            stop = re.search(r"[,.;:!?](?:\s|$)", body[m.end() + 1:])
            end = turn.body + m.end() + 1 + (stop.start() if stop else len(body) - m.end() - 1)
        if end < len(text) and text[end] in ".!":
            end += 1
        if any(c.start < end and start < c.end for c in found):
            continue  # the answer already states its own commitment
        verb, subj = asked_act
        who = _asked_who(text, q_start, subj, turn, entities, names)
        objects = [t for t in verb.children if t.dep_ in ("dobj", "ccomp", "xcomp", "prep", "dative")]
        what = " ".join(t.text for o in objects for t in o.subtree)
        words = what.split()
        what = " ".join(words[:14])
        when = ""
        hits = find_when(question[verb.idx:])
        if hits:
            s, e = hits[0]
            when = question[verb.idx + s:verb.idx + e]
        out.append(Commitment(start, end, who, verb.lemma_.lower(), what, when, bool(no), [], -1, -1,
                              (turn.body, turn.end)))
    return out


def _asked(text: str, prev: Turn) -> tuple[int, str] | None:
    """The last question of the turn before: its start and its words (up to the question mark)."""
    body = text[prev.body:prev.end].rstrip()
    q = body.rfind("?")
    if q < 0 or body[q + 1:].strip():
        return None  # the turn does not end on a question
    # a few sentences before the question mark; the parse finds where the question starts ("S. Jaishankar")
    start = max(0, body.rfind("\n", 0, q) + 1, q - 400)
    return prev.body + start, body[start:q + 1]


def _asked_verb(doc: Any) -> tuple[Any, Any] | None:
    """The verb of "Will/Shall <subject> <verb> ...?" (the auxiliary before the subject), if it asks for an act."""
    sents = [s for s in doc.sents if s.text.rstrip().endswith("?")]
    if not sents:
        return None
    first = sents[-1].start
    for tok in sents[-1]:
        if tok.lower_ not in ("will", "shall") or tok.dep_ != "aux":
            continue
        verb = tok.head
        # the subject after the auxiliary ("Minister, will Egypt join": "Minister" is the addressee)
        subj = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass") and t.i > tok.i), None)
        if verb.pos_ != "VERB" or subj is None or verb.lemma_.lower() in _ASKED_NOT:
            continue  # "What support will the UK give" has its subject after "will" too: no yes/no question
        if any(t.lower_ in ("what", "which", "how", "when", "where", "why", "who", "whom") for t in doc[first:tok.i]):
            continue
        if any(c.lower_ == "way" for c in verb.children):
            continue  # "Will the Minister give way?": procedure
        return verb, subj
    return None


def _asked_who(text: str, q_start: int, subj: Any | None, turn: Turn, entities: Sequence[EntitySpan],
               names: dict[str, str]) -> list[str]:
    """Who the question asked: the entity it names ("will Egypt join"), else the one answering."""
    if subj is not None:
        s = q_start + subj.left_edge.idx
        e = q_start + subj.right_edge.idx + len(subj.right_edge.text)
        named = [names.get(x.entity_id, x.text) for x in entities
                 if x.start < e and s < x.end and x.label in NAMED_PARTIES]
        if named:
            return list(dict.fromkeys(named))
        if subj.lemma_.lower() not in _ADDRESSEES and subj.lower_ != "you":
            return [re.sub(r"(?i)^(?:the|a|an)\s+", "", text[s:e])]
    return [" ".join(w for w in turn.speaker.split() if w.upper().rstrip(".") not in ROLE_WORDS) or turn.speaker]


#: Performatives said by the speaker: "I am announcing", "we are launching", "today we are signing".
_PERFORMATIVE = re.compile(r"(?i)\b(?:i|we)\s+(?:am|are|'m|'re|’m|’re)\s+(?:(?:also|now|today|hereby|formally"
                           r"|officially|proud(?:ly)?|pleased\s+to\s+be)\s+)*(announcing|launching|unveiling|signing"
                           r"|pledging|committing|establishing)\b")


def _performatives(text: str, turns: Sequence[Turn], found: Sequence[Commitment], parse: Any) -> list[Commitment]:
    """"I am announcing a grid fund", "we are launching a tender": the act is done by saying it."""
    out = []
    for m in _PERFORMATIVE.finditer(text):
        turn = _turn_at(turns, m.start())
        if turn is None or turn.role != ANSWER:
            continue
        if any(c.start <= m.start(1) < c.end for c in found):
            continue
        s = max(text.rfind(". ", turn.body, m.start()) + 2, text.rfind("\n", turn.body, m.start()) + 1, turn.body)
        stop = re.search(r"[.!?](?:\s|$)", text[m.end():turn.end])
        e = m.end() + (stop.end() if stop else turn.end - m.end())
        sent = text[s:e]
        doc = parse(sent)
        verb = next((t for t in doc if s + t.idx == m.start(1)), None)
        if verb is None or verb.pos_ != "VERB" or not any(c.dep_ in ("dobj", "prep", "xcomp") for c in verb.children):
            continue  # "we are committing to nothing": the act needs an object
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        # the performative's own clause: "..., and the Ministry will award ..." is another one
        other = {t.i for c in verb.children if c.dep_ in ("conj", "cc") and c.i > verb.i for t in c.subtree}
        sub = [t for t in verb.subtree if t.i not in other]
        while sub and sub[-1].is_punct and sub[-1].text not in ".!":
            sub.pop()
        objects = [t for t in verb.children if t.dep_ in ("dobj", "prep", "xcomp")]
        what = " ".join(" ".join(t.text for t in o.subtree) for o in objects).split()
        clause_s = s + sub[0].idx
        clause_e = s + sub[-1].idx + len(sub[-1].text)
        hits = find_when(text[clause_s:clause_e])
        when = text[clause_s + hits[0][0]:clause_s + hits[0][1]] if hits else ""
        who = " ".join(w for w in turn.speaker.split() if w.upper().rstrip(".") not in ROLE_WORDS) or turn.speaker
        lemma = {"announcing": "announce", "launching": "launch", "unveiling": "unveil", "signing": "sign",
                 "pledging": "pledge", "committing": "commit", "establishing": "establish"}[m.group(1).lower()]
        out.append(Commitment(clause_s, clause_e, [who], lemma, " ".join(what[:14]), when, False, [], -1, -1, (s, e)))
    return out


#: A sentence where the speaker's side says what it will do: "we will not accept", "Our customs services will share".
_OWN_WILL = re.compile(r"(?i)(?:\bwill\b|\bshall\b|'ll\b|’ll\b|\bwon't\b)")
#: What a thing "will" do by a date is a forecast, not the speaker's schedule ("inflation will fall to 3% by June").
_FORECAST_VERBS = frozenset("""create produce generate save exceed increase decrease double triple reduce cut boost raise
lower drop decline climb hit total amount account strengthen deepen improve enhance transform""".split())
#: A visit's or a ceremony's programme, for the timeline: "will pay a State Visit", "will address the nation".
_PROGRAMME = frozenset("pay address chair inaugurate greet tour lay unveil".split())
_GUESTS = frozenset("delegation counterpart guest president minister ambassador leader visitor nation".split())
#: Subjects of a forecast or a programme, not of an act: "the joint review will strengthen", "the visit will".
_EVENT_SUBJECTS = frozenset("""review visit summit meeting talk conference election process year trip ceremony""".split())
#: What a speaker "will" do that commits to nothing concrete (talk, procedure, states, forecasts).
_OWN_NOT = frozenset("""be have say visit travel go come remain continue need take become seem look get see face lose
fall rise grow arrive attend depend happen cost mean require want hope expect like know allow let lead reach stay stand
make speak talk answer respond comment inform brief update explain write discuss hear try seek wait find do give leave
tell ask keep put work cooperate engage help assist consider study examine review follow monitor watch defend protect
fight stop win lose begin start""".split())
#: Objects of a stance, not of an act: "we will not accept any interference", "we will build a better future".
_STANCE_OBJECTS = frozenset("""interference pressure threat blackmail dictate provocation aggression coercion intimidation
lecture humiliation attempt violation future prosperity peace stability success friendship dignity effort""".split())


def _own_plans(text: str, turns: Sequence[Turn], found: Sequence[Commitment], parse: Any) -> list[Commitment]:
    """An office-holder's "we will not accept ...", "our customs services will share ..." and dated schedules
    ("the Department of Home Affairs will issue the first visas by June"): their side's commitments.

    Only office-holders' answer turns are read (a reporter's or an analyst's "will" is a forecast), and only
    clauses the extractor left out; talk, stances, conditions, forecasts and a visit's programme stay out.
    """
    out: list[Commitment] = []
    for turn in turns:
        if not turn.official:
            continue
        for m in _OWN_WILL.finditer(text, turn.body, turn.end):
            s = max(text.rfind(". ", turn.body, m.start()) + 2, text.rfind("; ", turn.body, m.start()) + 2,
                    text.rfind("\n", turn.body, m.start()) + 1, turn.body)
            stop = re.search(r"[.!?;](?:\s|$)", text[m.end():turn.end])
            e = m.end() + (stop.end() if stop else turn.end - m.end())
            if any(c.start < e and s < c.end for c in [*found, *out]):
                continue
            doc = parse(text[s:e])
            for verb in doc:
                aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if verb.pos_ != "VERB" or not aux & {"will", "shall", "'ll", "’ll", "wo"} or subj is None:
                    continue
                own = subj.lower_ in ("we", "i") or any(c.dep_ == "poss" and c.lower_ in ("our", "my")
                                                        for c in subj.children)
                if verb.lemma_.lower() in _OWN_NOT or aux & {"would", "could", "may", "might", "can"}:
                    continue
                objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
                if not own:
                    # the side's own schedule, told by its office-holder: "From September, young doctors ... will
                    # receive a housing allowance", "the Ministry of Finance will clear the arrears by June"
                    clause = text[s + verb.left_edge.idx:s + verb.right_edge.idx + len(verb.right_edge.text)]
                    if subj.pos_ == "PRON" or verb.lemma_.lower() in _FORECAST_VERBS or not find_when(clause) or (
                            subj.lemma_.lower() in _EVENT_SUBJECTS or verb.lemma_.lower() in _PROGRAMME
                            or any(o.lemma_.lower() in _GUESTS for o in objects)):
                        continue  # ("will pay a State Visit", "will receive the delegation": the timeline's)
                if not objects or all(o.lemma_.lower() in _STANCE_OBJECTS for o in objects) or any(
                        c.dep_ in ("advmod", "neg") and c.lower_ in ("firmly", "resolutely", "always", "never")
                        for c in verb.children):
                    continue  # an act on something named, not a stance ("will never accept interference")
                if any(c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in c.children)
                       for c in verb.children):
                    continue  # "we will act if they attack": a condition, not a commitment
                other = {t.i for c in verb.children if c.dep_ in ("conj", "cc") and c.i > verb.i for t in c.subtree}
                sub = [t for t in verb.subtree if t.i not in other]
                while sub and sub[-1].is_punct and sub[-1].text not in ".!":
                    sub.pop()
                cs, ce = s + sub[0].idx, s + sub[-1].idx + len(sub[-1].text)
                hits = find_when(text[cs:ce])
                when = text[cs + hits[0][0]:cs + hits[0][1]] if hits else ""
                what = " ".join(" ".join(t.text for t in o.subtree) for o in objects).split()
                who = " ".join(w for w in turn.speaker.split() if w.upper().rstrip(".") not in ROLE_WORDS)
                out.append(Commitment(cs, ce, [who or turn.speaker], verb.lemma_.lower(), " ".join(what[:14]), when,
                                      any(c.dep_ == "neg" for c in verb.children), [], -1, -1, (s, e)))
    return out
