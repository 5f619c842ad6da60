"""Statements of commitment ("agreed to launch", "will provide", "signed") from a dependency parse.

The analyser itself runs spaCy without its parser (speed); the parser is loaded here, lazily, in a
second pipeline that skips NER, and only sentences holding a commitment verb form are parsed.
A :class:`spacy.matcher.DependencyMatcher` finds the commitment verbs and "welcomed the signing of X";
the parse then decides who (the subject's entities), what (the object), when (a date in the clause),
and whether it is a commitment at all ("agreed that", hopes, analysts' "will" predictions are not).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from briefing_app.nlp.chunking import sentence_spans
from briefing_app.nlp.dates import find_when, resolve
from briefing_app.nlp.types import EntitySpan

#: Verb lemmas that state a commitment or a deliverable.
COMMIT_LEMMAS = frozenset("""agree launch sign commit announce pledge decide establish adopt provide hold expand
set create open build deliver invest finalise finalize conclude approve allocate deploy unveil ink resolve
boost increase double extend resume host supply fund begin start conduct""".split())
#: Verbs that need an object to be a commitment ("held talks", not "the ceasefire held").
_NEED_OBJECT = frozenset("hold open set start begin increase double extend boost resume host conduct supply".split())
#: Nouns of a deliverable welcomed or noted ("welcomed the signing of X") and the action they stand for.
DELIVERABLE_NOUNS = {"signing": "sign", "launch": "launch", "adoption": "adopt", "establishment": "establish",
                     "conclusion": "conclude", "announcement": "announce", "creation": "create",
                     "inauguration": "inaugurate", "opening": "open", "finalisation": "finalise",
                     "finalization": "finalise"}
#: Heads that make a commitment verb below them a wish or a forecast, not a commitment.
_NOT_COMMITTING_HEADS = frozenset("""hope wish want expect aim seek try would like predict forecast believe think
could may might likely urge call ask push press encourage propose suggest consider explore discuss""".split())
#: Heads that negate the commitment below them ("refused to sign").
_NEGATING_HEADS = frozenset("refuse decline fail reject".split())
#: Subjects whose "will" is a forecast, not a commitment.
_PREDICTORS = frozenset("""analyst journalist expert observer economist critic commentator reporter
forecaster investor strategist scholar researcher diplomat-watcher""".split())
#: Modal auxiliaries that make a clause hypothetical.
_HYPOTHETICAL = frozenset("would could might may should must can".split())
#: Words that can be actors as common-noun subjects ("the two sides agreed").
_ACTOR_NOUNS = frozenset("""side government ministry minister leader country nation partner state president
premier chancellor official delegation company firm bank union council commission agency administration
cabinet parliament army navy force team party they we i he she both leader signatory member group
authority board department office fund organisation organization""".split())
_PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
#: Cheap pre-filter: only sentences with one of these word forms are parsed.
_CANDIDATE = re.compile(
    r"\b(?:agree|launch|sign|commit|announc|pledg|decid|establish|adopt|provid|hold|held|expand|set|creat|open|"
    r"build|built|deliver|invest|finali[sz]|conclud|approv|allocat|deploy|unveil|ink|resolv|boost|increas|doubl|"
    r"extend|resum|host|suppl|fund|begin|began|begun|start|conduct|welcom)", re.I)
_MAX_WHAT_WORDS = 14


@dataclass(slots=True)
class Commitment:
    """One commitment; ``start``/``end`` are the clause's code points in the analysed text."""

    start: int
    end: int
    who: list[str]
    action: str
    what: str
    when: str = ""
    negated: bool = False
    who_ids: list[str] = field(default_factory=list)
    when_start: int = -1
    when_end: int = -1
    sentence: tuple[int, int] = (0, 0)

    def to_json(self) -> dict[str, Any]:
        """JSON object of the analyze contract."""
        return {"start": self.start, "end": self.end, "who": list(self.who), "action": self.action,
                "what": self.what, "when": self.when, "negated": self.negated}

    def resolved_when(self, ref: date | None) -> str:
        """``when`` as an ISO date (or month/year) against the article date ``ref``; "" if none."""
        return resolve(self.when, ref, future=True) if self.when else ""


_PARSER_CACHE: dict[str, Any] = {}
_PARSER_LOCK = threading.Lock()


def load_parser(model: str | None = None) -> Any | None:
    """The parsing pipeline (tagger, parser, lemmatizer; no NER), loaded once per model; None if unavailable."""
    from briefing_app.nlp.model_loading import DEFAULT_MODEL, split_abbreviation_dashes

    name = model or DEFAULT_MODEL
    with _PARSER_LOCK:
        if name not in _PARSER_CACHE:
            try:
                import spacy

                nlp = spacy.load(name, exclude=["ner", "senter", "textcat", "textcat_multilabel", "entity_linker"])
                if "parser" not in nlp.pipe_names:
                    raise ValueError("no parser")
                split_abbreviation_dashes(nlp)
                _PARSER_CACHE[name] = (nlp, _build_matcher(nlp))
            except Exception:  # a missing or parser-less model: no commitments, the analysis goes on
                _PARSER_CACHE[name] = None
        return _PARSER_CACHE[name]


def _build_matcher(nlp: Any) -> Any:
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(nlp.vocab)
    matcher.add("COMMIT", [[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(COMMIT_LEMMAS)},
                                                                  "POS": {"IN": ["VERB", "AUX"]}}}]])
    matcher.add("WELCOME", [[
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["welcome", "hail", "applaud", "note", "witness",
                                                               "celebrate", "mark", "attend", "oversee"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "pobj"]}, "LOWER": {"IN": sorted(DELIVERABLE_NOUNS)}}},
    ]])
    return matcher


def extract_commitments(text: str, entities: Sequence[EntitySpan] = (), model: str | None = None,
                        sentences: Iterable[tuple[int, int]] | None = None) -> list[Commitment]:
    """Commitments in ``text`` (normalised), parties resolved through the analyser's ``entities``."""
    loaded = load_parser(model)
    if loaded is None:
        return []
    nlp, matcher = loaded
    spans = [(s, e) for s, e in (sentences if sentences is not None else sentence_spans(text))
             if _CANDIDATE.search(text, s, e)]
    if not spans:
        return []
    names = _entity_names(entities)
    out: list[Commitment] = []
    for (s, e), doc in zip(spans, nlp.pipe(text[s:e] for s, e in spans), strict=True):
        out += _from_sentence(doc, s, matcher, entities, names)
    for c in out:  # a clause starts at its first word, not at a flag emoji or a bullet
        while c.start < c.end and not (text[c.start].isalnum() or text[c.start] in "\"“‘'$€£"):
            c.start += 1
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _entity_names(entities: Sequence[EntitySpan]) -> dict[str, str]:
    """Entity id -> the longest surface seen (so "Modi" is shown as "Narendra Modi")."""
    names: dict[str, str] = {}
    for ent in entities:
        if ent.entity_id and len(ent.text) > len(names.get(ent.entity_id, "")):
            names[ent.entity_id] = ent.text
    return names


def _from_sentence(doc: Any, offset: int, matcher: Any, entities: Sequence[EntitySpan],
                   names: dict[str, str]) -> list[Commitment]:
    found: dict[int, Commitment] = {}
    for match_id, token_ids in matcher(doc):
        label = doc.vocab.strings[match_id]
        verb = doc[token_ids[0]]
        if label == "WELCOME":
            noun = doc[token_ids[1]]
            c = _deliverable(doc, verb, noun, offset, entities, names)
            key = noun.i
        else:
            c = _commitment(doc, verb, offset, entities, names)
            key = verb.i
        if c is not None and key not in found:
            found[key] = c
    return list(found.values())


def _aux(verb: Any) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _chain_top(verb: Any) -> Any:
    """The commitment verb heading ``verb`` through xcomp/conj ("agreed to launch" -> agreed)."""
    top = verb
    while top.dep_ in ("xcomp", "conj") and top.head is not top:
        top = top.head
    return top


def _commitment(doc: Any, verb: Any, offset: int, entities: Sequence[EntitySpan],
                names: dict[str, str]) -> Commitment | None:
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBG" and not _aux(verb) and verb.dep_ not in ("xcomp", "conj"):
        return None  # "after signing the pact": a circumstance
    if verb.dep_ in ("amod", "acl", "compound") and verb.tag_ == "VBN":
        return None  # "the signed agreement"
    # "agreed to launch X": the commitment is the agreement; its verb speaks for the chain
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in COMMIT_LEMMAS:
        return None
    head = verb.head
    negated = _negated(verb)
    if verb.dep_ == "xcomp":
        head_lemma = head.lemma_.lower()
        if head_lemma in _NOT_COMMITTING_HEADS:
            return None
        if head_lemma in _NEGATING_HEADS:
            negated = True
        elif head_lemma not in ("be", "plan", "set", "prepare", "move", "vow", "promise", "intend", "continue",
                                "undertake", "resolve", "pledge", "commit", "have"):
            return None
    aux = _aux(verb) | (_aux(head) if verb.dep_ in ("xcomp", "conj") else set())
    if aux & _HYPOTHETICAL:
        return None
    if verb.tag_ in ("VB", "VBG") and not (aux & {"will", "shall", "'ll", "to", "is", "are", "was", "were", "am",
                                                   "has", "have", "had", "be", "been", "did", "do", "does"}) and verb.dep_ != "xcomp":
        if verb.dep_ != "conj":
            return None
    objects = _objects(verb)
    complement = [c for c in verb.children if c.dep_ == "ccomp"]
    xcomp = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    if lemma == "agree":
        if complement and not objects and not xcomp:
            return None  # "agreed that ...": a view shared, not a commitment
        if not objects and not xcomp:
            return None
    if lemma in ("announce", "decide") and complement and not objects:
        return None  # the announced clause carries its own commitment
    if lemma in _NEED_OBJECT and not objects and not xcomp:
        return None
    if lemma in ("commit", "pledge") and not objects and not xcomp:
        prep = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
        if not prep and not verb.tag_ == "VBN":
            return None
    subject = _subject(verb)
    if "will" in aux or "shall" in aux or "'ll" in aux:
        if _is_forecast(verb, subject):
            return None
    if subject is not None and not _is_actor(subject, entities, offset):
        if "pass" not in subject.dep_:
            return None
    if _under_forecast(verb):
        return None
    top = _chain_top(verb)
    span_tokens = list(top.subtree)
    start = offset + doc[span_tokens[0].i:span_tokens[-1].i + 1].start_char
    end = offset + doc[span_tokens[0].i:span_tokens[-1].i + 1].end_char
    what = _what(verb, objects, xcomp)
    who, who_ids = _who(subject, verb, entities, names, offset)
    when, ws, we = _when(doc, top, offset)
    sentence = (offset, offset + len(doc.text))
    return Commitment(start, end, who, lemma, what, when, negated, who_ids, ws, we, sentence)


def _deliverable(doc: Any, verb: Any, noun: Any, offset: int, entities: Sequence[EntitySpan],
                 names: dict[str, str]) -> Commitment | None:
    """"welcomed the signing of X": X was delivered (signed, launched...)."""
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "on")]
    objs = [p for o in of for p in o.children if p.dep_ == "pobj"]
    if not objs:
        return None
    subject = _subject(verb)
    who, who_ids = _who(subject, verb, entities, names, offset)
    top = _chain_top(verb)
    toks = list(top.subtree)
    span = doc[toks[0].i:toks[-1].i + 1]
    when, ws, we = _when(doc, top, offset)
    return Commitment(offset + span.start_char, offset + span.end_char, who, DELIVERABLE_NOUNS[noun.lower_],
                      _trim(objs[0]), when, _negated(verb), who_ids, ws, we, (offset, offset + len(doc.text)))


def _negated(verb: Any) -> bool:
    for tok in (verb, verb.head if verb.dep_ in ("xcomp", "conj") else verb):
        if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in tok.children):
            return True
    subj = _subject(verb)
    return subj is not None and any(c.lower_ == "no" and c.dep_ == "det" for c in subj.children)


def _objects(verb: Any) -> list[Any]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")):
        objs += [p for p in prep.children if p.dep_ == "pobj"]
    if verb.lemma_.lower() in ("set", "start", "open") and not objs:
        objs += [c for c in verb.children if c.dep_ == "prt"]
    return objs


def _subject(verb: Any) -> Any | None:
    tok = verb
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj:
            s = subj[0]
            if s.dep_ == "nsubjpass":
                agent = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
                if agent:
                    return agent[0]
            if s.lower_ in ("which", "that", "who") and tok.dep_ == "relcl":
                return tok.head
            return s
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head is not tok:
            tok = tok.head
        else:
            break
    return None


def _is_actor(subject: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    toks = list(subject.subtree)
    s, e = offset + toks[0].idx, offset + toks[-1].idx + len(toks[-1].text)
    if any(x.start < e and s < x.end and x.label in _PARTY_LABELS for x in entities):
        return True
    if subject.pos_ == "PROPN" or subject.pos_ == "PRON":
        return True
    return any(t.lemma_.lower() in _ACTOR_NOUNS for t in toks)


def _is_forecast(verb: Any, subject: Any | None) -> bool:
    if subject is not None and subject.lemma_.lower() in _PREDICTORS:
        return True
    return False


def _under_forecast(verb: Any) -> bool:
    """A clause reported by an analyst or under "expect/likely/hope" ("analysts say India will sign")."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or tok.head is tok:
            return False
        tok = tok.head
        lemma = tok.lemma_.lower()
        if lemma in _NOT_COMMITTING_HEADS:
            return True
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if subj and subj[0].lemma_.lower() in _PREDICTORS:
            return True
    return False


def _trim(tok: Any) -> str:
    """The phrase of ``tok``, cut before relative clauses, trailing dates and after ~14 words."""
    toks = [t for t in tok.subtree]
    cut = len(toks)
    for i, t in enumerate(toks):
        if t.i > tok.i and (t.dep_ in ("relcl", "acl", "appos") or t.lower_ in (",", ";", "which", "—", "–", "(")):
            cut = min(cut, [x.i for x in toks].index(t.left_edge.i) if t.dep_ in ("relcl", "acl") else i)
            break
    toks = toks[:cut]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in ("ADP", "CCONJ", "DET")):
        toks.pop()
    words = [t.text_with_ws for t in toks[:_MAX_WHAT_WORDS]]
    return "".join(words).strip()


def _what(verb: Any, objects: list[Any], xcomp: list[Any]) -> str:
    if objects:
        obj = objects[0]
        if verb.lemma_.lower() in ("commit", "pledge") and obj.dep_ == "pobj" and obj.tag_ == "VBG":
            return _trim(obj)
        return _trim(obj)
    if xcomp:
        x = xcomp[0]
        toks = [t for t in x.subtree if t.lower_ != "to" or t.i > x.i]
        head_objs = _objects(x)
        tail = _trim(head_objs[0]) if head_objs else ""
        return (x.text + (" " + tail if tail else "")).strip() or " ".join(t.text for t in toks[:6])
    return ""


def _who(subject: Any | None, verb: Any, entities: Sequence[EntitySpan], names: dict[str, str],
         offset: int) -> tuple[list[str], list[str]]:
    if subject is None or subject.dep_ == "nsubjpass":
        return [], []  # "a roadmap was adopted": the parties are not named in the clause
    toks = list(subject.subtree)
    s, e = offset + toks[0].idx, offset + toks[-1].idx + len(toks[-1].text)
    who: list[str] = []
    ids: list[str] = []
    for ent in entities:
        if ent.start < e and s < ent.end and ent.label in _PARTY_LABELS and ent.entity_id not in ids:
            ids.append(ent.entity_id)
            who.append(names.get(ent.entity_id, ent.text))
    if not who:
        text = "".join(t.text_with_ws for t in toks).strip()
        text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
        if text:
            who.append(text)
    return who, ids


def _when(doc: Any, top: Any, offset: int) -> tuple[str, int, int]:
    """A date in the clause, as written; deadlines ("by", "within", "before") first."""
    toks = list(top.subtree)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    clause = doc.text[s:e]
    hits = find_when(clause)
    if not hits:
        return "", -1, -1
    def rank(h: tuple[int, int]) -> int:
        before = clause[max(0, h[0] - 12):h[0]].lower()
        return 0 if re.search(r"\b(?:by|within|before|until|no later than)\s+(?:the\s+)?$", before) else 1
    hs, he = min(hits, key=rank)
    return clause[hs:he], offset + s + hs, offset + s + he
