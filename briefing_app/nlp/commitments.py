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
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from briefing_app.nlp.chunking import sentence_spans
from briefing_app.nlp.dates import find_when, resolve
from briefing_app.nlp.headline import is_headline
from briefing_app.nlp.transcript import SpeakerLabel, speaker_labels
from briefing_app.nlp.types import EntitySpan

#: Verb lemmas whose finite (past or present) form states a commitment or a deliverable.
_CORE = frozenset("""agree sign launch announce adopt unveil renew extend confirm approve pledge commit decide establish
set endorse direct ask task instruct order authorise authorize reaffirm promise vow offer accept clear secure
create expand ink conclude finalise ratify request
finalize allocate provide invest deploy resolve double renew upgrade elevate exchange undertake""".split())
#: Verbs whose "will" form is no commitment (visits and travel belong to the timeline; states and forecasts).
_NOT_FUTURE_COMMITMENTS = frozenset("""be have say visit travel pay go come remain continue need take become seem
look get see face lose fall rise grow arrive attend depend happen cost mean require want hope expect like know
allow let lead reach stay stand benefit suffer oppose condemn denounce resist reject protest criticise
criticize gather return fly depart head focus make last speak talk answer respond comment inform brief update explain write discuss
weigh ponder reflect debate hear speculate tolerate remember
seek try attempt strive endeavour endeavor wish argue insist claim complain demand warn urge call press push lobby
transmit circulate welcome forget win prevail succeed triumph vote abstain
celebrate commemorate spare proceed adjourn check leave find struggle manage invite aim regret compete watch""".split())
#: Ideals a speech promises to build or deliver: rhetoric, no deliverable ("We will build a better future").
_IDEALS = frozenset("""future prosperity peace effort stability success change hope justice dignity friendship
harmony greatness""".split())
#: Deliberation: a "will" of it commits to no outcome, unless to a deadline.
_DELIBERATE = frozenset("consider examine".split())
#: Acts too vague to be the object of a readiness ("ready to work with the new government").
_VAGUE_ACTS = frozenset("work cooperate collaborate engage talk help assist contribute partner".split())
#: Subjects of a general rule or warning ("Anyone who violates the ceasefire will be held accountable").
_ANYONE = frozenset("anyone anybody whoever everyone everybody those whosoever".split())
#: What a chair's "will now" acts on ("put the question", "take questions"): procedure.
_PROCEDURE_OBJECTS = frozenset("question motion vote floor word statement item point amendment".split())
#: Nouns of news or belief: a clause they head is hearsay or a view ("reports that Japan will buy", "the hope that").
_HEARSAY_NOUNS = frozenset("""report rumour rumor speculation claim suggestion fear expectation hope prospect possibility
chance risk likelihood allegation doubt concern worry assumption belief prediction forecast""".split())
#: Things (not parties) whose "will" describes what they do ("the pipeline will carry gas", "the port will connect").
_FACILITIES = frozenset("""pipeline port road railway railroad rail line corridor bridge tunnel cable canal highway
expressway route plant reactor dam terminal refinery mine factory fund facility project park zone hub airport grid
network link station""".split())
#: What a facility does: a description of its function, not a commitment.
_FUNCTIONS = frozenset("""carry connect link transport reward generate shorten serve cut reduce lower create handle
attract employ span stretch feed power move channel bring ease slash halve run cross traverse add""".split())
#: What is "shared" or "released" later when a passive future is procedural ("Details will be shared later").
_INFORMATION = frozenset("""detail information date update outcome result name figure announcement decision timing
timetable venue schedule particular statement""".split())
#: Verbs that never carry a commitment of their own.
_NEVER = frozenset("say tell be have do".split())
#: Verbs whose complements are the commitments ("agreed to X and to Y" gives two, action "agree").
_STEER = frozenset("agree direct ask task promise vow decide commit pledge resolve instruct request undertake".split())
_LAUNCHED_THINGS = frozenset("""satellite rocket missile attack strike probe drone offensive raid assault crackdown
manhunt search hunt invasion incursion bombardment boycott lawsuit complaint protest""".split())
#: Courtesies one extends, offers or conveys: no deliverable ("extended his condolences", "pledged allegiance").
_COURTESIES = frozenset("""condolence greeting congratulation sympathy thanks gratitude wish felicitation regard apology
allegiance tribute homage respect salute appreciation""".split())
#: What an "announcement" can be news of, not a programme ("announced the death of", "the capture of two towns").
_NEWS = frozenset("""death capture arrest killing result resignation departure retirement birth winner record loss profit
closure outcome victory detention casualty toll""".split())
#: What is "secured" as an outcome, not a commitment ("secured a narrow victory", "secured the release of").
_OUTCOMES = frozenset("victory win seat majority place spot title medal lead release freedom berth".split())
#: What "confirmed" reports as a fact ("confirmed 12 new cases", "confirmed their attendance").
_FACTS = frozenset("attendance presence case death receipt identity toll arrival".split())
#: Things signed that are no instrument ("signed the guest book").
_SIGNED_THINGS = frozenset("book guestbook autograph register".split())
#: Events that are concluded or held, not committed to ("concluded a round of talks").
_EVENT_NOUNS = frozenset("""talk round meeting visit exercise consultation dialogue negotiation session summit
conference tour drill patrol call""".split())
#: Events a country holds for itself, never a commitment to a partner ("will hold elections in February").
_DOMESTIC_EVENTS = frozenset("election poll referendum vote ballot primary ceremony rally protest parade".split())
#: Measures taken against others: extending or widening them is no commitment ("extended its export controls").
_RESTRICTIONS = frozenset("""control sanction ban restriction curb embargo tariff duty levy quota blockade
moratorium suspension""".split())
#: Work whose past tense reports it done, not committed ("expanded the field in 2025", "created the architecture").
_IMPLEMENTATION = frozenset("""create expand build open start begin double increase boost deploy conduct host supply
resume provide invest complete""".split())
#: Who is asked when "asking" is a request to another authority, not an order to one's own officials.
_OTHER_AUTHORITIES = frozenset("government court tribunal judge country state side".split())
#: What one "agrees on" when it is a view ("agreed on the importance of", "on the need to").
_VIEWS = frozenset("""importance need necessity value significance principle view position relevance centrality
urgency issue matter point question subject assessment analysis""".split())
#: Phrasal verbs of things happening ("run out", "turn out").
_HAPPENINGS = frozenset({("run", "out"), ("turn", "out"), ("end", "up"), ("break", "down"), ("come", "up"),
                         ("fall", "apart"), ("drag", "on")})
#: States one stays in ("agreed to remain seized of the matter"): no new act.
_STATES = frozenset("remain stay continue be".split())
#: Words that open a clause which asks, conditions or times, but asserts nothing ("how they will be vetted",
#: "if the parties agree", "where both forces had agreed"; "later than the ministers promised": a comparison).
_NON_ASSERTIVE_OPENERS = frozenset("if unless whether how why when whenever once until where before after than".split())
#: Openers that only time a clause: in the past tense ("When X and Y signed the pact, ...") the event is asserted.
_TEMPORAL_OPENERS = frozenset("when once after before until".split())
#: What one accepts or clears as a commitment (an invitation, a plan), not a delivery ("accepted the return of").
_PROPOSALS = frozenset("""invitation offer proposal request plan recommendation term condition roadmap map deal
agreement framework resolution contract project programme program purchase sale bill licence license application
deadline target commitment obligation bid nomination candidature truce ceasefire armistice""".split())
#: Work one orders done ("ordered a review"), unlike goods one orders ("ordered 20 tanks").
_INQUIRIES = frozenset("study review investigation inquiry probe audit assessment evaluation report survey".split())
#: Objects that make "reaffirmed ..." a commitment ("the goal of", "their resolve to").
_GOALS = frozenset("goal target resolve commitment readiness pledge determination aim deadline".split())
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
COMMIT_LEMMAS = _CORE | frozenset("hold host begin start conduct supply build open".split())
#: Verbs that need an object to be a commitment ("held talks", not "the ceasefire held").
_NEED_OBJECT = frozenset("open set start begin increase double extend boost resume host conduct supply decide".split())
#: Nouns of a deliverable welcomed or noted ("welcomed the signing of X") and the action they stand for.
DELIVERABLE_NOUNS = {"signing": "sign", "launch": "launch", "adoption": "adopt", "establishment": "establish",
                     "conclusion": "conclude", "announcement": "announce", "creation": "create",
                     "inauguration": "inaugurate", "opening": "open", "finalisation": "finalise",
                     "finalization": "finalise", "signature": "sign", "admission": "admit",
                     "ratification": "ratify", "accession": "accede", "extension": "extend"}
#: Nouns of a deliverable a party is thanked for ("thanked Chile for its offer of trainers"): the deliverables and
#: an offer made (a welcomed offer is the WELCOME_PLAN rule's, which reads the offered act).
THANKED_NOUNS = {**DELIVERABLE_NOUNS, "offer": "offer"}
#: Nouns of thanks: "expressed gratitude for the extension of X" thanks for a deliverable.
_THANKS = frozenset("gratitude appreciation thanks".split())
#: Heads that make a commitment verb below them a wish or a forecast, not a commitment.
_NOT_COMMITTING_HEADS = frozenset("""hope wish want expect aim seek try like predict forecast believe think
likely urge call push press encourage propose suggest consider explore discuss look""".split())
#: Verbs of fearing, estimating or claiming: the clause after them is someone's view, not a commitment.
_EPISTEMIC_HEADS = frozenset("""fear warn doubt estimate speculate claim allege suspect assume anticipate worry
recognise recognize acknowledge understand know deny refute dispute dismiss""".split())
#: Heads that negate the commitment below them ("refused to sign").
_NEGATING_HEADS = frozenset("refuse decline fail reject".split())
#: Subjects whose "will" is a forecast, not a commitment.
_PREDICTORS = frozenset("""analyst journalist expert observer economist critic commentator reporter
forecaster investor strategist scholar researcher""".split())
#: Sources whose report of a "will" is hearsay, not a party's commitment ("according to the newspaper").
_HEARSAY = _PREDICTORS | frozenset("newspaper paper media report source outlet poll survey estimate projection".split())
#: Adverbs that make a "will" clause a forecast.
_FORECAST_ADVERBS = frozenset("likely probably possibly perhaps presumably eventually reportedly".split())
#: Modal auxiliaries that make a clause hypothetical.
_HYPOTHETICAL = frozenset("would could might may should must can ca".split())
#: Words that can be actors as common-noun subjects ("the two sides agreed").
_ACTOR_NOUNS = frozenset("""side government ministry minister leader country nation partner state president
premier chancellor official delegation company firm bank union council commission agency administration
cabinet parliament army navy force team party they we i he she both leader signatory member group
authority board department office fund organisation organization university institute secretary secretariat ally
committee regulator capital economy investor donor lender buyer seller producer exporter importer supplier operator
consortium coalition alliance contractor manufacturer creditor participant delegate representative spokesperson
spokesman spokeswoman envoy ambassador negotiator""".split())
_PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
#: Countries, bodies and persons named (a region is no party): their "will pay", "will allow", "will take part" is
#: their own act, and they are who the text's unnamed subjects stand for.
NAMED_PARTIES = _PARTY_LABELS - {"LOC"}
#: Cheap pre-filter: only sentences with one of these word forms are parsed.
_STEMS = """agree launch sign commit announc pledg decid establish adopt provid hold held expand set creat open build
built deliver invest finalis finaliz conclud approv allocat deploy unveil ink resolv boost increas doubl extend resum host
suppl fund begin began begun start conduct welcom direct ask task reaffirm promis vow offer accept clear secur endors
renew confirm instruct plan ready order undert authoris authoriz schedul ratif hesitat committed request upgrad elevat
exchang prepared approval extension aim refus commitments financ backing declar
releas disburs lent lend loan earmark roll grant chose choos pick select join restor normalis normaliz award subscrib
seal clinch penned forg deposit intend understanding declin""".split()
_CANDIDATE = re.compile(
    r"\b(?:" + "|".join(_STEMS) + r")(?:e|es|ed|d|s|ing|ies|ied|y|ted|ting|ned|ning|t|ment)?\b"
    r"|\b(?:will|shall|would|wo|'ll)\b|\b(?:is|are|was|were) (?:due|to)\b|\bgoing to\b|\brul(?:e|es|ed|ing) out\b"
    r"|(?-i:^\W*[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|of))*\s+to\s+[a-z]+)"  # bulletin style: "Japan to admit"
    r"|\b(?:agreement|deal|pact|treaty|accord|arrangement|memorandum|declaration|framework|protocol|charter|"
    r"convention|compact|contract|bill|legislation|decree)s?\b", re.I)  # terms of an agreement ("The treaty forbids ...")
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
    matcher.add("PAST_ACT", [[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {  # "Indonesia picked Hanwha Ocean": _past_act
        "LEMMA": {"IN": sorted(_PAST_ACTS)}, "POS": "VERB", "TAG": {"IN": ["VBD", "VBN"]}}}]])
    matcher.add("FUTURE", [[  # ("should": only a term of an instrument, "Under the deal, the first unit should ...")
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "aux",
         "RIGHT_ATTRS": {"DEP": "aux", "LOWER": {"IN": ["will", "shall", "'ll", "wo", "would", "should"]}}},
    ]])
    matcher.add("FUTURE_CONJ", [[  # "will gift X, train Y and deploy Z": each conjunct
        {"RIGHT_ID": "head", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": "aux",
         "RIGHT_ATTRS": {"DEP": "aux", "LOWER": {"IN": ["will", "shall", "'ll", "wo", "would"]}}},
        {"LEFT_ID": "head", "REL_OP": ">>", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "conj", "POS": "VERB"}},
    ], [  # the same when the tagger reads the conjunct as an adjective ("and open markets wider"): it has an object
        {"RIGHT_ID": "head", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": "aux",
         "RIGHT_ATTRS": {"DEP": "aux", "LOWER": {"IN": ["will", "shall", "'ll", "wo", "would"]}}},
        {"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "conj", "POS": "ADJ"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "dobj"}},
    ]])
    matcher.add("TERMS", [[  # "The treaty forbids ...": present-tense terms of an agreement
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB", "TAG": {"IN": ["VBZ", "VBP"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subj",
         "RIGHT_ATTRS": {"DEP": "nsubj", "LOWER": {"IN": sorted(_INSTRUMENTS)}}},
    ], [  # "Under the treaty, Vorukh keeps a road link": a present-tense act under the terms of an instrument
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB", "TAG": {"IN": ["VBZ", "VBP"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "under", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "under"}},
        {"LEFT_ID": "under", "REL_OP": ">", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"DEP": "pobj", "LEMMA": {"IN": sorted(_TERMS - {"which", "plan"})}}},
    ], [  # "Under the treaty, X keeps a road link, while two villages share a pasture": the "while" clause too
        {"RIGHT_ID": "head", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": "under", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "under"}},
        {"LEFT_ID": "under", "REL_OP": ">", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"DEP": "pobj", "LEMMA": {"IN": sorted(_TERMS - {"which", "plan"})}}},
        {"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": "verb",
         "RIGHT_ATTRS": {"DEP": "advcl", "POS": "VERB", "TAG": {"IN": ["VBZ", "VBP"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "while", "RIGHT_ATTRS": {"DEP": "mark", "LOWER": "while"}},
    ], [  # "... which commits both countries to deter": a relative clause on the agreement
        {"RIGHT_ID": "noun", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(_INSTRUMENTS)}}},
        {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "verb",
         "RIGHT_ATTRS": {"DEP": "relcl", "POS": "VERB", "TAG": {"IN": ["VBZ", "VBP"]}}},
    ], [  # "The declaration expands X and sets a goal of Y": the conjunct
        {"RIGHT_ID": "head", "RIGHT_ATTRS": {"POS": "VERB", "TAG": {"IN": ["VBZ", "VBP"]}}},
        {"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": "subj",
         "RIGHT_ATTRS": {"DEP": "nsubj", "LOWER": {"IN": sorted(_INSTRUMENTS)}}},
        {"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": "verb",
         "RIGHT_ATTRS": {"DEP": "conj", "POS": "VERB", "TAG": {"IN": ["VBZ", "VBP"]}}},
    ]])
    matcher.add("DECLARED", [[  # "declared 2027 the Year of Sustainable Development", "declared a nature reserve"
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "declare", "POS": "VERB"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "dobj"}},
    ]])
    matcher.add("PLANS", [[  # "Druk Air plans two more weekly flights from March 2026"
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "plan", "POS": "VERB", "TAG": {"IN": ["VBZ", "VBP"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "dobj"}},
    ]])
    matcher.add("LIGHT", [[  # "reached agreement on a package", "made a pledge of", "took the decision to"
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted({v for v, _ in _LIGHT})}, "POS": "VERB"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": {"IN": sorted({n for _, n in _LIGHT})}}},
    ]])
    matcher.add("DUE", [[  # "The next round is due in New Delhi later this year", "The first batch is due in 2027"
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "be"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "due", "RIGHT_ATTRS": {"DEP": {"IN": ["acomp", "attr"]},
                                                                               "LOWER": "due"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subj", "RIGHT_ATTRS": {"DEP": "nsubj"}},
    ]])
    matcher.add("COMMITTED", [[  # "remains committed to training nurses": an adjective of commitment
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["be", "remain", "stay"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "adj",
         "RIGHT_ATTRS": {"DEP": "acomp", "LOWER": {"IN": ["committed", "determined", "resolved"]}}},
    ]])
    matcher.add("BE_TO", [[  # "are to meet", "is to be delivered", "is due to be held"
        {"RIGHT_ID": "be", "RIGHT_ATTRS": {"LEMMA": {"IN": ["be", "due", "plan", "schedule", "ready", "prepare", "prepared",
                                                            "vow", "promise", "intend", "undertake"]}}},
        {"LEFT_ID": "be", "REL_OP": ">", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "xcomp", "POS": "VERB"}},
    ]])
    matcher.add("SERIES", [[  # "X will gift A, train B and deploy C" parsed with "train" as the root over "will gift"
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"TAG": "VB", "DEP": "ROOT"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "first", "RIGHT_ATTRS": {"DEP": "ccomp", "POS": "VERB"}},
        {"LEFT_ID": "first", "REL_OP": ">", "RIGHT_ID": "aux",
         "RIGHT_ATTRS": {"DEP": "aux", "LOWER": {"IN": ["will", "shall", "'ll"]}}},
    ]])
    matcher.add("GOING_TO", [[  # "we are going to build 20,000 homes"
        {"RIGHT_ID": "be", "RIGHT_ATTRS": {"LOWER": "going", "TAG": "VBG"}},
        {"LEFT_ID": "be", "REL_OP": ">", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "xcomp", "POS": "VERB"}},
    ]])
    matcher.add("WELCOME_PLAN", [[  # "welcomed plans by Fiji to issue a blue bond": the embedded verb
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["welcome", "note", "applaud", "hail"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": {"IN": ["plan", "decision", "offer", "commitment", "pledge",
                                                         "agreement"]}}},
        {"LEFT_ID": "noun", "REL_OP": ">>", "RIGHT_ID": "embedded",
         "RIGHT_ATTRS": {"DEP": {"IN": ["acl", "relcl", "xcomp"]}, "POS": "VERB"}},
    ], [  # the same when the parser hangs "to issue" on "welcomed" instead of on "plans"
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["welcome", "note", "applaud", "hail"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": {"IN": ["plan", "decision", "offer", "commitment", "pledge"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "embedded", "RIGHT_ATTRS": {"DEP": "advcl", "POS": "VERB"}},
        {"LEFT_ID": "embedded", "REL_OP": ">", "RIGHT_ID": "to", "RIGHT_ATTRS": {"DEP": "aux", "LOWER": "to"}},
    ]])
    matcher.add("WELCOME", [[
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["welcome", "hail", "applaud", "note", "witness",
                                                               "celebrate", "mark", "attend", "oversee"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "pobj"]}, "LOWER": {"IN": sorted(DELIVERABLE_NOUNS)}}},
    ], [  # "welcomed progress on the grid and the signing of the memorandum": a deliverable after another object
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["welcome", "hail", "applaud", "note", "celebrate"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "first",
         "RIGHT_ATTRS": {"DEP": "dobj", "LOWER": {"NOT_IN": sorted(DELIVERABLE_NOUNS)}}},
        {"LEFT_ID": "first", "REL_OP": ">", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"DEP": "conj", "LOWER": {"IN": sorted(DELIVERABLE_NOUNS)}}},
    ], [  # the same when the parser hangs "and the signing of" on the verb itself
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["welcome", "hail", "applaud", "note", "celebrate"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "first", "RIGHT_ATTRS": {"DEP": "dobj"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"DEP": "conj", "TAG": "NN", "LOWER": {"IN": sorted(DELIVERABLE_NOUNS)}}},
    ]])
    matcher.add("THANKED", [[  # "thanked Chile for its offer of trainers": the deliverable thanked for
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "thank"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "for", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "for"}},
        {"LEFT_ID": "for", "REL_OP": ">", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"DEP": "pobj", "LOWER": {"IN": sorted(THANKED_NOUNS)}}},
    ], [  # "expressed gratitude for the extension of the oil facility"
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "thanks",
         "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": {"IN": sorted(_THANKS)}}},
        {"LEFT_ID": "thanks", "REL_OP": ">", "RIGHT_ID": "for", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "for"}},
        {"LEFT_ID": "for", "REL_OP": ">", "RIGHT_ID": "noun",
         "RIGHT_ATTRS": {"DEP": "pobj", "LOWER": {"IN": sorted(THANKED_NOUNS)}}},
    ]])
    return matcher


def extract_commitments(text: str, entities: Sequence[EntitySpan] = (), model: str | None = None,
                        sentences: Iterable[tuple[int, int]] | None = None,
                        speakers: Sequence[SpeakerLabel] | None = None) -> list[Commitment]:
    """Commitments in ``text`` (normalised), parties resolved through the analyser's ``entities``.

    ``speakers``: the text's speaker labels (nlp/transcript.py) when the caller already found them; else they are
    found here, once, for the sentences and the turns.
    """
    from briefing_app.nlp.commitment_lists import listed_instruments, listed_pledges, pledge_rolls
    from briefing_app.nlp.commitment_turns import apply_turns, statements

    loaded = load_parser(model)
    # questions ("When will registration open?") state no commitment
    if loaded is None:
        return []
    nlp, matcher = loaded
    spans = [(s, e) for s, e in statements(text, sentences if sentences is not None else sentence_spans(text))
             if _CANDIDATE.search(text[s:e])]
    if spans and is_headline(text, *spans[0]):
        spans = spans[1:]  # the headline: its content is restated in the body
    names = _entity_names(entities)
    if speakers is None:
        speakers = speaker_labels(text)
    if not spans:  # a bare "Yes." answering "Will you ...?" still commits (nlp/commitment_turns.py)
        return apply_turns(text, [], nlp, entities, names, speakers)
    out: list[Commitment] = []
    # each sentence looks only at its own entities (a bisect, not a scan of the whole text's per verb)
    ordered = sorted(entities, key=lambda x: x.start)
    ent_starts = [x.start for x in ordered]
    longest = max((x.end - x.start for x in ordered), default=0)
    from briefing_app.nlp.commitment_classes import more_commitments  # parties the grammar hides

    seen: set[str] = set()
    labels = {lab.start: lab.end for lab in speakers}
    for (s, e), doc in zip(spans, nlp.pipe(_close_label(text, s, e, labels) for s, e in spans), strict=True):
        local = [x for x in ordered[bisect_left(ent_starts, s - longest):bisect_left(ent_starts, e)] if x.end > s]
        made = _from_sentence(doc, s, matcher, local, names, seen)
        made += more_commitments(text, s, doc, local, names, made)  # parties hidden by the grammar
        out += made
        seen.update(c.action for c in made)
    out += listed_instruments(text, out, nlp, entities, names)  # "signed the following agreements: • An agreement"
    out += listed_pledges(text, out, nlp, entities, names)  # "agreed to: • expand flights • open a consulate"
    out += pledge_rolls(text, out, entities, names)  # "Pledges so far: Australia (A$100 million), the United States"
    _resolve_anaphors(text, out, entities, names,
                      list(sentences) if sentences is not None else sentence_spans(text))
    out = apply_turns(text, out, nlp, entities, names, speakers)  # who speaks decides: chairs, questioners, answers
    for c in out:  # a clause starts at its first word, not at a flag emoji or a bullet
        while c.start < c.end and not (text[c.start].isalnum() or text[c.start] in "\"“‘'$€£"):
            c.start += 1
    out.sort(key=lambda c: (c.start, c.end))
    return out


#: Subjects that point back to parties named earlier: pronouns and "the two sides", "both leaders", "Ministers".
_ANAPHOR = re.compile(r"(?i)^(?:they|we|he|she|i|it|(?:both|all|the|two|three|four|five|\s)*"
                      r"(?:sides?|leaders|ministers|countries|governments|parties|delegations|nations|partners|"
                      r"capitals|presidents|prime ministers|heads of (?:state|government)|officials|negotiators|"
                      r"negotiations|armies|navies|forces|ministries|central banks|treaty|pact|deal|agreement|accord|"
                      r"declaration))$")
#: What stands for the parties without naming them: an instrument ("the pact commits"), their officials or forces.
_STAND_INS = frozenset("treaty pact deal agreement accord declaration".split())
_PERSON_ANAPHORS = frozenset("he she i leaders ministers presidents".split())
_COUNT_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
#: A place named as the venue ("in Brasilia", "to Tokyo") is no antecedent of "they".
_VENUE = re.compile(r"(?i)\b(?:in|at|to|from|near|on|across)\s+(?:the\s+)?$")
_SPEAKER = re.compile(r"[ \t]*([^:\n]{2,80}):")


def _resolve_anaphors(text: str, found: list[Commitment], entities: Sequence[EntitySpan], names: dict[str, str],
                      sentences: Sequence[tuple[int, int]]) -> None:
    """"They agreed to ...": the parties are the ones named before (the entity identity gives their full names).

    "I"/"we" in a transcript are the speaker of the turn; "he"/"she" the last person named; plural
    subjects ("they", "both sides", "the two leaders") the parties of the nearest earlier sentence naming two or more.
    """
    parties = sorted((e for e in entities if e.label in NAMED_PARTIES and e.entity_id),
                     key=lambda e: e.start)
    starts = sorted(s for s, _ in sentences)
    for c in found:
        if c.who_ids or len(c.who) > 1 or (c.who and not _ANAPHOR.match(c.who[0].strip())):
            continue
        # no party named ("The next round will be held in Delhi", "Decides to dispatch"), an instrument or the
        # parties' officials: the parties of the text, as for "they"
        word = c.who[0].strip().lower().split()[-1] if c.who else "they"
        word = "they" if word in _STAND_INS else word
        at = text.find(c.who[0], c.start, c.end) if c.who else -1  # where the anaphor stands
        at = at if at >= 0 else c.start
        sent_start = max((s for s in starts if s <= at), default=0)
        picked: list[EntitySpan] = []
        if word in ("i", "we"):
            line = text.rfind("\n", 0, c.start) + 1
            m = _SPEAKER.match(text, line)
            if m and m.end() <= at:
                picked = [e for e in parties if line <= e.start and e.end <= m.end()]
        # the clause's own sentence up to the anaphor ("Modi met Lula, and they agreed"), then up to 4 before
        windows = [(sent_start, at)] + [(s, min((x for x in starts if x > s), default=len(text)))
                                        for s in reversed([s for s in starts if s < sent_start][-4:])]
        if not picked and word in ("he", "she"):
            for s, e_end in windows:  # the first person named in the nearest sentence naming one: its subject, mostly
                persons = [e for e in parties if e.label == "PERSON" and s <= e.start and e.end <= e_end]
                if persons:
                    picked = persons[:1]
                    break
        if not picked and word == "it":
            for s, e_end in windows:  # the first country or body named in the nearest sentence naming one
                bodies = [e for e in parties if e.label in ("GPE", "ORG") and s <= e.start and e.end <= e_end
                          and not _VENUE.search(text[max(s, e.start - 12):e.start])]
                if bodies:
                    picked = bodies[:1]
                    break
        if not picked and word not in ("he", "she", "i", "it"):
            # the main parties of the text so far: named twice or more, or in its opening sentences
            before = [e for e in parties if e.end <= at and not _VENUE.search(text[max(0, e.start - 12):e.start])]
            lede_end = starts[2] if len(starts) > 2 else len(text)
            counts: dict[str, int] = {}
            for e in before:
                counts[e.entity_id] = counts.get(e.entity_id, 0) + (2 if e.start < lede_end else 1)
            kind = [e for e in before if (e.label == "PERSON") == (word in _PERSON_ANAPHORS)]
            number = _COUNT_WORDS.get(next((w for w in (c.who or [""])[0].lower().split() if w in _COUNT_WORDS), ""), 0)
            first: dict[str, int] = {}
            for e in kind or before:
                first.setdefault(e.entity_id, e.start)
            ranked = sorted(first, key=lambda i: (-counts[i], first[i]))  # ties: the one named first (stable runs)
            if number:
                picked = [e for e in (kind or before) if e.entity_id in ranked[:number]]
            else:
                for s, e_end in windows:
                    here = [e for e in kind or before if s <= e.start and e.end <= e_end and counts[e.entity_id] >= 2]
                    if len({e.entity_id for e in here}) >= 2:
                        picked = here
                        break
                else:  # none near: the two main parties of the text
                    picked = [e for e in (kind or before) if e.entity_id in ranked[:2]] if len(ranked) >= 2 else []
        ids: list[str] = []
        for e in picked:
            if e.entity_id not in ids:
                ids.append(e.entity_id)
        if ids:
            c.who_ids = ids
            c.who = [names.get(i, i) for i in ids]


_BULLET = re.compile(r"(?m)^[ \t]*[•▪◦‣*·-](?=\s)")


def _close_label(text: str, start: int, end: int, labels: dict[int, int]) -> str:
    """The sentence ``text[start:end]`` with bullets blanked and the colon of the speaker label opening it made a full
    stop (same length, offsets kept): parsed as "Minister: The government has approved", the label becomes the root
    and the minister's clause a modifier of it. ``labels``: nlp/transcript.py's labels, start -> end."""
    sentence = _blank_bullets(text[start:end])
    at = start + len(sentence) - len(sentence.lstrip())
    label_end = labels.get(at, -1)
    colon = text.rfind(":", at, label_end) - start if start < label_end <= end else -1
    return sentence[:colon] + "." + sentence[colon + 1:] if colon >= 0 else sentence


#: Operative verbs of a resolution that the tagger takes for plural nouns ("Requests the Chairperson to convene").
_OPERATIVE_NOUN_READ = frozenset("requests tasks mandates".split())


def _mend_operative(doc: Any) -> None:
    """"Requests the Chairperson of the Commission to convene ...": parsed with the right object and infinitive but
    tagged as a plural noun heading the paragraph; it is retagged as the verb it is (as "Decides to" is read)."""
    for tok in doc:
        if tok.dep_ == "ROOT" and tok.tag_ in ("NNS", "NNPS") and tok.lower_ in _OPERATIVE_NOUN_READ and any(
                c.dep_ in ("dobj", "appos") for c in tok.children) and any(c.dep_ in ("xcomp", "advcl")
                                                                           for c in tok.children):
            tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VBZ", tok.lower_[:-1]
            for c in tok.children:  # ("Tasks the Secretariat": the organ read as the noun's apposition)
                if c.dep_ == "appos":
                    c.dep_ = "dobj"
        # "an agreement the two governments signed in May 2024": a contact relative clause with its own active
        # subject, tagged as a participle; it is the past tense ("a pact signed in 2024" has no subject: a participle)
        if tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl") and tok.pos_ == "VERB" and any(
                c.dep_ == "nsubj" for c in tok.children) and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            tok.tag_ = "VBD"


def _mend_aside(doc: Any) -> None:
    """"Requests the Chairperson, working with IGAD and the UN, to convene a meeting": the participle aside took the
    infinitive ("working ... to convene"); it is the steering verb's complement, as without the aside."""
    for tok in doc:
        if tok.lemma_.lower() not in _STEER or tok.pos_ != "VERB" or any(c.dep_ == "xcomp" for c in tok.children) \
                or not any(c.dep_ == "dobj" for c in tok.children):
            continue
        for aside in [c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                      and doc[c.i - 1].text == ","]:
            # the infinitive hung on the aside, or on the steering verb as a purpose after it
            for inf in [c for c in [*aside.children, *tok.children] if c.dep_ == "advcl" and c.pos_ == "VERB"
                        and c.i > aside.i and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)
                        and doc[c.i - 2].text == ","][:1]:
                inf.head, inf.dep_ = tok, "xcomp"


def _mend_double(doc: Any) -> None:
    """"We will post liaison officers ... and double the training places by 2027": "double the" read as a
    predeterminer of the noun; after "and" it is the verb's next conjunct, the noun its object."""
    for tok in doc:
        if tok.lower_ not in ("double", "triple", "quadruple") or tok.tag_ != "PDT" or tok.i < 1 or tok.i + 1 >= len(doc) \
                or doc[tok.i - 1].lower_ != "and" or doc[tok.i + 1].lower_ not in ("the", "its", "their", "our"):
            continue
        verbs = [t for t in doc[:tok.i - 1] if t.pos_ == "VERB" and _aux(t) & _FUTURE]
        noun = tok.head
        if not verbs or noun.pos_ != "NOUN" or noun.i < tok.i or not verbs[-1].is_ancestor(noun):
            continue
        tok.tag_, tok.pos_, tok.lemma_ = "VB", "VERB", tok.lower_
        tok.head, tok.dep_ = verbs[-1], "conj"
        noun.head, noun.dep_ = tok, "dobj"


def _mend_finite_conjunct(doc: Any) -> None:
    """"This bill gives the Ombudsman power to audit employers and caps deductions at a quarter of pay": a finite
    conjunct with no subject of its own, hung on an infinitive, is the conjunct of the finite verb of the same tense
    above it (an infinitive has no finite conjuncts)."""
    for tok in doc:
        if tok.dep_ != "conj" or tok.tag_ not in ("VBZ", "VBP", "VBD") or tok.head.tag_ not in ("VB", "VBG") or any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
            continue
        up = tok.head
        for _ in range(4):
            if up.head.i == up.i:
                break
            up = up.head
            if up.pos_ == "VERB" and up.tag_ == tok.tag_ and any(c.dep_ == "nsubj" for c in up.children):
                tok.head = up
                break


def _mend_elided_answer(doc: Any) -> None:
    """"I can: under the DCTS, Bangladesh will keep tariff-free access": the answer's "can" (its verb elided before the
    colon) is no auxiliary of the clause after the colon, which the parser hangs it on. A modal after its own subject
    heads a list of that subject's acts ("Under the package, Japan will: provide US$500 million; train 300 officers"):
    it stays their auxiliary."""
    for tok in doc:
        if tok.dep_ == "aux" and tok.tag_ == "MD" and tok.head.i > tok.i + 1 and doc[tok.i + 1].text in (":", ";", "—") \
                and not (any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in tok.head.children)
                         and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i for c in tok.head.children)):
            tok.dep_ = "dep"


def _mend_will_conjunct(doc: Any) -> None:
    """"the two States recognise that an armed attack on either would be a danger to both, and will act to meet the
    common danger": the "will" conjunct, with no subject of its own, hung on the recognised clause (whose "would" it
    then borrowed) is the parties' second verb, a conjunct of "recognise"."""
    for tok in doc:
        head = tok.head
        if tok.dep_ != "conj" or tok.pos_ != "VERB" or not _aux(tok) & _FUTURE or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) or head.dep_ != "ccomp" or not any(
                c.dep_ == "nsubj" for c in head.children) or not (_aux(head) & _HYPOTHETICAL or (
                _aux(head) & {"has", "have"} and head.tag_ == "VBN")):
            continue  # ("reported that traffic has risen by 37 percent, and will propose measures": the same)
        first = min([tok.i, *(c.i for c in tok.children if c.dep_ in ("aux", "neg", "advmod") and c.i < tok.i)])
        if first < 2 or doc[first - 1].lower_ != "and" or doc[first - 2].text != ",":
            continue  # ", and will act": a comma before the "and" closes the recognised clause ("said the economy
            # has grown and will create jobs" goes on about the economy)
        top = head.head
        if top.pos_ == "VERB" and top.tag_ in ("VBP", "VBZ", "VBD") and any(c.dep_ == "nsubj" for c in top.children):
            tok.head = top


_SIGNED_BY_PARTIES = frozenset("sign announce conclude agree adopt launch ink".split())


def _mend_signed_by_parties(doc: Any) -> None:
    """"the partnership that the two governments signed in June 2024", "the arrangement the two governments
    announced in July": parsed as "governments (that were) signed", a participle on the parties. The instrument's
    relative clause is mended: the parties its subject, the verb its past tense ("a pact signed in 2024", with no
    parties before the verb, stays a participle)."""
    for tok in doc:
        if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or tok.lemma_.lower() not in _SIGNED_BY_PARTIES \
                or tok.head.i != tok.i - 1 or any(c.dep_ in ("auxpass", "aux", "agent") for c in tok.children):
            continue
        parties = tok.head
        if parties.pos_ not in ("NOUN", "PROPN") or not (parties.pos_ == "PROPN" or _lemma(parties) in _ACTOR_NOUNS):
            continue
        before = parties.left_edge.i - 1
        if before >= 0 and doc[before].lower_ in ("that", "which"):
            before -= 1
        if before < 0 or _lemma(doc[before]) not in _INSTRUMENTS | _TERMS or doc[before].pos_ != "NOUN":
            continue
        instrument = doc[before]
        if tok.is_ancestor(instrument):
            continue  # a mended tree must stay a tree
        tok.tag_, tok.dep_, tok.head = "VBD", "relcl", instrument
        parties.dep_, parties.head = "nsubj", tok


def _blank_bullets(sentence: str) -> str:
    """Bullets become spaces (same length, offsets kept): the parser reads "•" as a verb heading the line."""
    return _BULLET.sub(lambda m: " " * len(m.group()), sentence)


def _entity_names(entities: Sequence[EntitySpan]) -> dict[str, str]:
    """Entity id -> the longest surface seen (so "Modi" is shown as "Narendra Modi")."""
    names: dict[str, str] = {}
    for ent in entities:
        if ent.entity_id and len(ent.text) > len(names.get(ent.entity_id, "")):
            names[ent.entity_id] = ent.text
    return names


def _from_sentence(doc: Any, offset: int, matcher: Any, entities: Sequence[EntitySpan],
                   names: dict[str, str], earlier: Collection[str] = ()) -> list[Commitment]:
    """The commitments of one parsed sentence; ``earlier``: the actions already found before it in the text."""
    _mend_operative(doc)
    from briefing_app.nlp.commitment_classes import mend_semicolons

    mend_semicolons(doc)
    _mend_aside(doc)
    _mend_signed_by_parties(doc)
    _mend_will_conjunct(doc)
    _mend_elided_answer(doc)
    _mend_double(doc)
    _mend_finite_conjunct(doc)
    found: dict[int, Commitment] = {}
    claimed: set[int] = set()  # verbs already reported through a noun ("plans ... to issue")
    for match_id, token_ids in sorted(matcher(doc), key=lambda m: m[1][0]):
        label = doc.vocab.strings[match_id]
        verb = doc[token_ids[0]]
        if label == "WELCOME_PLAN":
            noun, embedded = doc[token_ids[1]], doc[token_ids[2]]
            if embedded.dep_ == "acl" and embedded.tag_ == "VBN":
                continue  # "Welcoming the pledges made at the conference": the participle describes them
            if noun.i not in found:
                action = {"decision": "decide", "offer": "offer", "commitment": "commit", "pledge": "pledge",
                          "agreement": "agree"}.get(
                    noun.lemma_.lower(), embedded.lemma_.lower())
                top = _chain_top(verb)
                # "plans by Fiji to issue a bond and to sell credits": one commitment per planned action
                more = [c for c in embedded.conjuncts if c.i > embedded.i and c.pos_ == "VERB"
                        and c.tag_ not in ("VBD", "VBZ")]  # ("and thanked Azerbaijan": the welcomer's next act)
                start, end = _span(doc, top, offset, more)
                who, ids = _who(_subject(verb), verb, entities, names, offset)
                when, ws, we = _when(doc, top, offset)
                found[noun.i] = Commitment(start, end, who, action, _what(embedded, _objects(embedded), []),
                                           when, _negated(verb), ids, ws, we, (offset, offset + len(doc.text)))
                claimed.add(embedded.i)
                for k, c in enumerate(more, 1):
                    start, end = _span(doc, c, offset, [o for o in more if o.i > c.i])
                    a = action if noun.lemma_.lower() in ("decision", "offer", "commitment", "pledge", "agreement") \
                        else c.lemma_.lower()
                    when, ws, we = _when(doc, c, offset)
                    found[-(noun.i * 100 + k)] = Commitment(start, end, who, a, _what(c, _objects(c), []), when,
                                                            _negated(verb), ids, ws, we,
                                                            (offset, offset + len(doc.text)))
                    claimed.add(c.i)
            continue
        if label in ("LIGHT", "DUE"):
            if verb.i not in found and (c := _light_or_due(doc, verb, doc[token_ids[1]], label, offset, entities,
                                                            names)):
                found[verb.i] = c
            continue
        if label == "COMMITTED":
            if verb.i not in found and (c := _committed(doc, verb, doc[token_ids[1]], offset, entities, names)):
                found[verb.i] = c
            continue
        if label == "THANKED":
            noun = doc[token_ids[-1]]
            if noun.i not in found and (c := _deliverable(doc, verb, noun, offset, entities, names,
                                                          THANKED_NOUNS)) is not None:
                thanked = [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() not in _THANKS]
                if thanked:  # "thanked Chile for its offer": Chile offered, not the one who thanks
                    c.who, c.who_ids = _who(thanked[0], verb, entities, names, offset)
                found[noun.i] = c
            continue
        if label == "WELCOME":
            noun = doc[token_ids[-1]]
            if noun.i not in found and (c := _deliverable(doc, verb, noun, offset, entities, names)) is not None:
                if len(token_ids) == 3:  # after another object: the deliverable's own words
                    c.start, c.end = _span(doc, noun, offset, [x for x in noun.conjuncts if x.i > noun.i])
                found[noun.i] = c
            for more in noun.conjuncts:  # "welcomed the launch of X, the opening of Y and the signing of Z": each
                if more.i > noun.i and more.lower_ in DELIVERABLE_NOUNS and more.i not in found and (
                        c := _deliverable(doc, verb, more, offset, entities, names)) is not None:
                    c.start, c.end = _span(doc, more, offset, [x for x in more.conjuncts if x.i > more.i])
                    found[more.i] = c
            continue
        if label in ("BE_TO", "GOING_TO"):
            verb = doc[token_ids[1]]
        elif label == "SERIES":
            verb = doc[token_ids[0]]
        elif label == "TERMS":  # the last verb of the pattern: the term's own
            verb = next((doc[i] for i in reversed(token_ids) if doc[i].pos_ == "VERB"), doc[token_ids[0]])
        elif label == "FUTURE_CONJ":
            verb = doc[token_ids[2]]
            if any(t.dep_ != "conj" for t in _path_up(verb, doc[token_ids[0]])):
                continue  # a conjunct inside an object or a subordinate clause, not of the "will" verb
        if verb.i in found or verb.i in claimed:
            continue
        made = _commitments(doc, verb, offset, entities, names, earlier)
        for i, c in enumerate(made):
            found[verb.i if i == 0 else -(verb.i * 100 + i)] = c
        if made and verb.lemma_.lower() in _STEER:
            # "agreed that the group will meet": the complement is this commitment, not a second one
            claimed.update(t.i for t in _steer_targets(doc, verb))
    return list(found.values())


def _path_up(tok: Any, top: Any) -> list[Any]:
    """Tokens from ``tok`` up to (not including) its ancestor ``top``."""
    path = []
    while tok.i != top.i and tok.head.i != tok.i:  # compare indices: spaCy makes a new Token on each access
        path.append(tok)
        tok = tok.head
    return path


def _steer_targets(doc: Any, verb: Any) -> list[Any]:
    """The complements a steering verb commits to ("agreed to X and to Y", "agreed that Z will ...")."""
    targets = [c for c in verb.children if (c.dep_ in ("xcomp", "ccomp") or _object_control(verb, c))
               and c.pos_ in ("VERB", "AUX")
               and (c.dep_ == "xcomp" or _aux(c) & {"would", "should", "will", "shall", "to", "must"})
               and c.is_alpha and not (c.i + 1 < len(doc) and doc[c.i + 1].text == "-")]
    return targets + [c for x in targets for c in x.conjuncts if c.i > x.i and c.pos_ in ("VERB", "AUX")
                      and not _own_steering_clause(c)]


def _object_control(verb: Any, comp: Any) -> bool:
    """"tasked the SOM to coordinate": the parser may hang the infinitive on the verb as a purpose (advcl)."""
    return (comp.dep_ == "advcl" and "to" in _aux(comp) and verb.lemma_.lower() in ("ask", "task", "direct", "instruct")
            and any(c.dep_ == "dobj" and c.i < comp.i for c in verb.children))


def _non_assertive(verb: Any) -> bool:
    """The clause asks, conditions or times ("how they will be vetted", "if both sides agree") or is a
    free relative ("what Canada offers"): it asserts no commitment."""
    tok = verb
    for _ in range(4):
        if any(c.lower_ in ("what", "whatever") and c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
               for c in tok.children):
            return True
        if tok.dep_ in ("advcl", "ccomp", "pcomp", "csubj") and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in _NON_ASSERTIVE_OPENERS and c.i < tok.i
                and not (c.lower_ in _TEMPORAL_OPENERS and _past(tok)) for c in tok.children):
            return True
        if tok.dep_ not in ("conj", "xcomp") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _verb_read_as_adjective(tok: Any) -> bool:
    """A conjunct verb the tagger read as an adjective ("will expand X and open markets"): it takes an object."""
    return tok.pos_ == "ADJ" and tok.dep_ == "conj" and any(c.dep_ == "dobj" for c in tok.children)


def _yet_to(verb: Any) -> bool:
    """"have yet to agree", "is yet to sign": a commitment not (yet) made."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in ("have", "be") and any(
        c.lower_ == "yet" for c in head.children)


def _series_first(verb: Any) -> Any | None:
    """"New Zealand will gift a vessel, train officers and deploy a team", parsed with the bare "train" as the root and
    "will gift" as its clausal complement: the first verb of the series ("gift"), whose subject and "will" it shares."""
    if verb.dep_ != "ROOT" or verb.tag_ != "VB" or _aux(verb) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and _aux(c) & _FUTURE
                 and any(k.dep_ == "nsubj" for k in c.children)), None)


def _going_to(verb: Any) -> bool:
    """"We are going to open an embassy": a future ("going to Tokyo" is travel, and has no infinitive)."""
    head = verb.head
    return (verb.dep_ == "xcomp" and head.lower_ == "going" and head.tag_ == "VBG" and "to" in _aux(verb)
            and bool(_aux(head) & {"am", "are", "is", "'re", "'m", "'s"}))


#: Acts performed by saying them: in the present progressive with "I"/"we" they are done now ("I am announcing").
_PERFORMATIVES = frozenset("announce launch sign pledge commit unveil offer approve establish".split())


def _performative(verb: Any) -> bool:
    """"I am announcing today a fund", "Today we are launching the strategy": the act is performed as it is said."""
    return (verb.tag_ == "VBG" and bool(_aux(verb) & {"am", "are", "'m", "'re"}) and verb.lemma_.lower() in _PERFORMATIVES
            and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children))


#: Contact kept up: maintaining it delivers nothing ("will maintain communication on issues of mutual concern").
_CONTACT = frozenset("communication contact dialogue coordination consultation engagement exchange momentum".split())
#: Words and ideas one can "sign up to" without signing an instrument.
_WORDING = frozenset("language wording idea notion vision concept approach narrative principle".split())
#: Standing bodies of the parties whose next meeting is a commitment ("the Commission, which will meet in March").
_MECHANISMS = frozenset("""commission committee council group body mechanism board forum taskforce force dialogue
working""".split())


def _mechanism_meets(verb: Any) -> bool:
    """"the Joint Commission, which will meet in Islamabad in March": a scheduled meeting of the parties' mechanism."""
    return (verb.dep_ == "relcl" and verb.lemma_.lower() in ("meet", "convene", "reconvene") and bool(_aux(verb) & _FUTURE)
            and (_lemma(verb.head) in _MECHANISMS or _of_mechanism(verb.head)))


def _mechanism_meeting(doc: Any, verb: Any, offset: int, entities: Sequence[EntitySpan],
                       names: dict[str, str]) -> list[Commitment]:
    """The meeting of "a joint committee on tariffs, which will meet every six months": the parties of the text
    hold it (resolved from the text, as for "the next round will be held")."""
    start, end = _span(doc, verb, offset)
    when, ws, we = _when(doc, verb, offset)
    return [Commitment(start, end, [], "meet", "", when, _negated(verb), [], ws, we,
                       (offset, offset + len(doc.text)))]


def _of_mechanism(noun: Any) -> bool:
    """"a joint committee on tariffs, which will meet every six months": the relative clause hangs on the
    mechanism's topic, the mechanism is one prepositional phrase up."""
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and _lemma(noun.head.head) in _MECHANISMS


#: Dates ahead that make a present tense a schedule ("the fifth round opens in Tokyo next month").
_AHEAD = re.compile(r"(?i)\b(?:next|tomorrow|later\s+this|coming)\b")
#: With a progressive, a season or year still to run is ahead too ("are launching 300 scholarships this autumn").
_SEASON_AHEAD = re.compile(r"(?i)\bthis\s+(?:autumn|fall|spring|summer|winter|year)\b")


def _scheduled_present(verb: Any) -> bool:
    """"whose fifth round of talks opens in Tokyo next month", "are launching 300 scholarships next autumn": a present
    tense (simple or progressive) with a date ahead is a schedule, like "will"."""
    aux = _aux(verb)
    if not (verb.tag_ in ("VBZ", "VBP") and not aux) and not (verb.tag_ == "VBG" and aux & {"is", "are", "'re"}):
        return False
    after = [t for t in verb.subtree if t.i > verb.i]
    if verb.tag_ == "VBG" and _SEASON_AHEAD.search(" ".join(x.text for x in after)):
        return True
    return any(_AHEAD.search(" ".join(x.text for x in after)[h[0]:h[1]])
               for h in find_when(" ".join(x.text for x in after)))


def _scheduled_talks(verb: Any, subject: Any, future: bool) -> bool:
    """"Negotiations on an EPA will resume in Seoul in July": talks the parties hold, scheduled (a date is named)."""
    return (future and verb.lemma_.lower() in ("resume", "meet", "convene", "reconvene", "begin", "start", "open",
                                                "conclude")
            and (_lemma(subject) in _DUE_EVENTS or _lemma(subject) == "negotiation") and subject.dep_ == "nsubj"
            and bool(find_when(" ".join(t.text for t in verb.subtree if t.i > verb.i))))



#: What a party "will take" that is no intake it commits to: time, turns, steps, questions.
_TAKEN_NOT = frozenset("""year month week day hour minute second decade time step measure question round turn place
seat look break moment shot percent""".split())


def _party_act(verb: Any, lemma: str, entities: Sequence[EntitySpan], offset: int) -> bool:
    """A party's "will allow a pause", "will pay the salaries", "will take part in the exercise", "will not take on new
    debt": these verbs commit when a named party (or "we") acts on a concrete object, unlike "prices will go up"."""
    subj = _subject(verb)
    if subj is None or subj.dep_ != "nsubj" or not (
            subj.lower_ in ("we", "i") or _names_party(subj, entities, offset)
            or (subj.lower_ in ("it", "they", "he", "she") and _reported_by_party(verb, entities, offset))):
        return False  # ("Australia has said it will pay the salaries": the party's own report)
    direct = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "take" and any(o.lemma_.lower() not in _TAKEN_NOT and not o.like_num and any(
            k.dep_ in ("nummod", "quantmod") and k.like_num for k in o.children) for o in direct):
        return True  # "Qatar will take 5,000 Kenyan nurses over three years" ("will take ten days": time)
    if lemma == "take":  # ("would take part in the outreach session": attending a meeting is for the timeline)
        return (any(_lemma(o) == "part" for o in direct) and not any(
            _lemma(p) in _EVENT_NOUNS | _GATHERINGS for o in direct for c in o.children if c.lower_ == "in"
            for p in c.children) and not any(_lemma(p) in _EVENT_NOUNS | _GATHERINGS for c in verb.children
                                             if c.lower_ == "in" for p in c.children)) or any(
            c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)
    if lemma in ("allow", "let"):  # ("will not allow its territory to be used against India": the clause allowed)
        return bool(direct) or any(c.dep_ in ("ccomp", "xcomp") and any(k.dep_ in ("nsubj", "nsubjpass")
                                                                        for k in c.children)
                                   and _lemma(c) not in _ANSWERS | {"speak", "talk", "comment", "respond", "explain"}
                                   for c in verb.children) or (  # ("I will let the Ministry speak to it": an answer left)
        _ready(verb) and any(c.dep_ == "ccomp" for c in verb.children))  # ("we are ready to let the observers inspect")
    if lemma == "pay" and not direct:  # "the EU will pay for new patrol boats": what it buys
        return any(c.dep_ == "prep" and c.lower_ == "for" and any(p.dep_ == "pobj" and p.tag_ in ("NN", "NNS")
                                                                   for p in c.children) for c in verb.children)
    if lemma == "pay":
        return bool(direct) and not any(_lemma(o) in ("visit", "tribute", "homage", "respect", "attention", "price",
                                                      "cost", "compliment", "call") for o in direct)
    return False


def _support_for_work(objects: Sequence[Any]) -> bool:
    """"pledged support for humanitarian demining": support for a named work (a noun in -ing), not for a position."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(p.dep_ == "pobj" and p.tag_ == "NN" and p.lower_.endswith(
        "ing") and len(p.lower_) > 5 for p in c.children) for o in objects for c in o.children)


def _ready(verb: Any) -> bool:
    """"are ready to clear containers within 48 hours", "we are ready to let the observers inspect": a party's
    readiness to a named act, said in its own words, commits like "will"."""
    return verb.dep_ == "xcomp" and _lemma(verb.head) == "ready"


#: A party's forces and deployed people ("our officers", "their troops").
_FORCES = frozenset("""officer troop force personnel soldier police policeman contingent peacekeeper unit battalion
observer trainer""".split())


def _forces_stay(verb: Any) -> bool:
    """"Our officers will stay until the GSF is deployed": a party's forces kept in place until an event or a date (a
    deployment's term; "prices will stay high until May" has no forces, "the troops will stay" no term)."""
    subj = _subject(verb)
    return verb.lemma_.lower() in ("stay", "remain") and subj is not None and subj.dep_ == "nsubj" and (
        _lemma(subj) in _FORCES) and any(c.dep_ == "poss" for c in subj.children) and any(
        (c.dep_ == "prep" and c.lower_ == "until") or (c.dep_ == "advcl" and any(
            k.dep_ == "mark" and k.lower_ == "until" for k in c.children)) for c in verb.children)


#: Past acts of a named party, outside the core verbs, that the annotators count as commitments made: money granted
#: or renewed, a partner chosen, an initiative joined, ties restored (each with its own object test, _past_act).
_MONEY_ACTS = frozenset("release disburse lend loan earmark grant roll subscribe deposit".split())
_CHOICES = frozenset("choose pick select award".split())
_JOINED = frozenset("join".split())
_RESTORED = frozenset("restore normalise normalize".split())
#: Wire copy's words for signing a deal ("sealed a deal on rupee trade", "clinched an agreement").
_SEALED = frozenset("seal clinch pen forge".split())
_PAST_ACTS = _MONEY_ACTS | _CHOICES | _JOINED | _RESTORED | _SEALED
#: What a party grants that is a policy decision ("granted visa-free entry to Colombian nationals").
_GRANTED = frozenset("""entry access visa exemption waiver scholarship fellowship quota permit licence license
concession status""".split())
#: What a party joins as a commitment: a grouping or an instrument ("joined the Just Energy Transition Partnership").
_JOINABLE = frozenset("""alliance initiative partnership coalition bank programme program effort agreement pact treaty
convention bloc group organisation organization compact mechanism framework facility union club declaration""".split())
#: Credit a party opens ("opened a US$20 billion swap line").
_CREDIT_LINES = frozenset("line facility window".split())
_MONEY = re.compile(r"[$€£¥₹]|\b(?:dollars?|euros?|pounds?|yen|yuan|rupees?|riyals?|dirhams?)\b", re.I)


def _past_act(verb: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    """A named party's past act outside the core verbs that makes a commitment: money released, lent, earmarked,
    rolled over or subscribed ("The World Bank released US$150 million for ..."), a credit line opened, a partner or
    supplier chosen ("Indonesia picked Hanwha Ocean to build two submarines"), a grouping or instrument joined
    ("Vietnam joined the Just Energy Transition Partnership"), ties restored. News of the same verbs stays out:
    hostages released, figures released, a march joined, words chosen, a person's new post."""
    if not _past(verb) or verb.dep_ == "advcl" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False  # ("after Washington and Hanoi normalised relations in 1995": history told as a circumstance)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    we = subj is not None and subj.lower_ == "we"  # a speaker's government ("that is why we joined the ICE Pact")
    if subj is None or not (we or any(_names_party(t, entities, offset) for t in [subj, *(
            c for c in subj.children if c.dep_ == "appos")])):
        return False  # (a party named in apposition: "The Relief Coordinator, Tom Fletcher, today released ...")
    lemma = _lemma(verb)
    direct = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.lower_ not in ("that", "which")]
    if verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in direct):
        direct.append(verb.head)  # "the US$20 billion swap line that the U.S. Treasury opened in October 2025"
    preps = {c.lower_: [p for p in c.children if p.dep_ == "pobj"] for c in verb.children if c.dep_ == "prep"}
    prts = {c.lower_ for c in verb.children if c.dep_ == "prt"}

    def money(toks: Sequence[Any]) -> bool:
        return any(_MONEY.search(" ".join(t.text for t in o.subtree)) and any(t.like_num for t in o.subtree)
                   for o in toks)

    if lemma == "open":
        return any(_lemma(o) in _CREDIT_LINES for o in direct) and money(direct)
    if lemma == "set":  # "Norway set aside US$100 million for the grid"
        return "aside" in prts and money(direct)
    if lemma == "grant" and any(_lemma(o) in _GRANTED for o in direct if o.dep_ == "dobj"):
        return True  # "Spain granted visa-free entry to Colombian nationals"
    if lemma in _SEALED:  # ("sealed the border", "sealed off the area", "clinched a victory", "penned a letter": none)
        return not prts and any(o.dep_ == "dobj" and _lemma(o) in _INSTRUMENTS | {"mou"} for o in direct)
    if lemma in _MONEY_ACTS:
        if lemma == "roll" and "over" not in prts and (verb.i + 1 == len(verb.doc) or verb.nbor(1).lower_ != "over"):
            return False
        return money(direct) or (lemma == "subscribe" and money(preps.get("to", [])))
    if lemma in _CHOICES:
        objs = [o for o in direct if o.dep_ == "dobj" and o.tag_ != "PRP"]
        if lemma == "award" and any(_lemma(o) in ("contract", "tender", "concession", "licence", "license")
                                    for o in objs):
            return True  # "Egypt awarded a contract for the rail line to Siemens"
        return not prts and bool(objs) and (any(t.pos_ == "PROPN" for o in objs for t in [o, *o.children]
                                                if t.dep_ in ("dobj", "compound", "poss")) or any(
            c.dep_ == "xcomp" and any(k.lower_ == "to" for k in c.children) for c in verb.children) or "as" in preps
            or any(p.pos_ == "PROPN" for p in preps.get("to", [])))  # ("awarded a contract ... to Siemens")
    if lemma in _JOINED:
        if not we and not any(x.label in ("GPE", "ORG", "NORP") and x.start <= offset + subj.idx < x.end
                              for x in entities):
            return False  # "Smith joined the Commission in 2019": a career, not a commitment
        if any(c.dep_ == "pcomp" or c.tag_ == "VBG" for p in preps.get("in", []) for c in [p]):
            return False  # "Kenya joined other countries in condemning the attack": a stance
        named = [o for o in direct if o.dep_ == "dobj" and _lemma(o) not in _EVENT_NOUNS and (
            _lemma(o) in _JOINABLE or (o.pos_ == "PROPN" and not _names_party(o, [x for x in entities
                                                                                  if x.label == "GPE"], offset)))]
        grouping = [p for p in preps.get("in", []) if _lemma(p) in _JOINABLE or p.pos_ == "PROPN"]
        return bool(named) or (bool(grouping) and bool(direct))  # "joined Finland and the US in the ICE Pact"
    if lemma in _RESTORED:
        return any(_lemma(o) in _TIES for o in direct)
    return False


def _reaffirmed_instrument(verb: Any) -> bool:
    """"The two leaders reaffirmed the Comprehensive Security Integration and Prosperity Agreement": the parties
    recommit to an instrument of theirs (a finite "reaffirmed"; "Reaffirming the principles of the Charter", a
    preamble's view, is no instrument as object)."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") and any(
        c.dep_ == "dobj" and _lemma(c) in _INSTRUMENTS and c.lower_ not in ("bill", "legislation", "decree")
        for c in verb.children)


#: What is declared without a deliverable: a state of affairs, a war, a meeting open, a position.
_DECLARED_STATES = frozenset("""state war emergency victory meeting session interest support intention readiness
position opposition solidarity concern hope""".split())


def _declared(verb: Any) -> bool:
    """"declared 2027 the Year of Sustainable Development of the SCO", "has declared a nature reserve around the
    shoal": a party's declaration creating something ("declare the meeting open", "declared the surcharges
    incompatible", "declared a state of emergency" create nothing)."""
    if verb.lemma_.lower() != "declare" or any(c.dep_ in ("acomp", "ccomp", "advmod") or (
            c.dep_ == "oprd" and c.pos_ not in ("NOUN", "PROPN")) for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM") and _lemma(c) not in _DECLARED_STATES
               and not any(k.dep_ == "amod" and k.pos_ == "ADJ" and k.i > c.i for k in c.children)
               for c in verb.children)


def _own(noun: Any) -> bool:
    """"their governments", "its own ministries": the parties' own organs, which they direct."""
    return any(c.dep_ == "poss" and c.lower_ in ("their", "its", "our", "his", "her", "my") for c in noun.children)


def _until_a_date(verb: Any) -> bool:
    """"will continue to lead the brigade until at least March 2029": the clause names the term it runs to."""
    words = [t for t in verb.subtree if t.i > verb.i]
    return any(t.lower_ == "until" and find_when(" ".join(x.text for x in words[k:k + 6]))
               for k, t in enumerate(words))


def _to_named(noun: Any) -> bool:
    """"their commitment to the Future Combat Air System": a goal named as a programme (a proper name)."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" and p.tag_ in ("NNP", "NNPS")
                                                              for p in c.children) for c in noun.children)


def _conditional(verb: Any) -> bool:
    """A condition on the clause: "if the rains fail", "unless Congress acts", "Should the talks fail"."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.i > verb.i and not any(k.dep_ == "mark" for k in c.children):
            continue
        if not any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children):
            continue  # "if necessary", "where possible": no condition on another's act
        if any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in c.children):
            return True
        subj = [k for k in c.children if k.dep_ in ("nsubj", "nsubjpass")]
        if subj and any(k.dep_ == "aux" and k.lower_ in ("should", "were", "had") and k.i < subj[0].i
                        for k in c.children):
            return True  # an inverted condition
    return False


#: Words of an opposition or a campaign: what they "will" do is a promise of a government not (yet) in office.
_IN_WAITING = frozenset("opposition candidate challenger campaign manifesto shadow".split())


#: A member's own acts in the House: "I will raise this with the Minister", "we will table a motion".
MEMBER_ACTS = frozenset("raise table move introduce write bring refer submit lodge".split())
_MEMBER_OBJECTS = frozenset("""motion amendment question bill matter issue concern case petition complaint this it
that""".split())


def member_act(verb: Any) -> bool:
    """An MP's or a senator's own concrete act ("I will raise this with the Minister", "we will table a motion",
    "I will write to the Minister"), which counts even from the opposition benches, unlike their promises."""
    subj = _subject(verb)
    if subj is None or subj.lower_ not in ("i", "we") or _lemma(verb) not in MEMBER_ACTS:
        return False
    if _lemma(verb) == "write":
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    return any(c.dep_ == "dobj" and _lemma(c) in _MEMBER_OBJECTS for c in verb.children)


def _in_waiting(verb: Any) -> bool:
    """An opposition's or a candidate's promise: "Mr Okafor (Opposition): Our party will repeal", "said his party
    would cancel", "will repeal it when we form the next government"."""
    doc = verb.doc
    colon = next((t.i for t in doc[:verb.i] if t.text in (":", "):", ".", ").")), -1)
    if any(t.lower_ in _IN_WAITING for t in doc[:colon + 1]):
        return not member_act(verb)  # the speaker label names the opposition (its member's own act still counts)
    heads = [verb, verb.head] if verb.dep_ in ("ccomp", "conj") else [verb]
    for h in heads:
        for c in h.children:
            if c.dep_ == "nsubj" and any(t.lower_ in _IN_WAITING or (t.lower_ == "future" and t.dep_ == "amod")
                                         for t in c.subtree):
                return True  # ("a future Conservative government would review")
    return any(c.dep_ == "advcl" and c.lemma_.lower() in ("form", "win", "take", "come") and any(
        t.lemma_.lower() in ("government", "election", "office", "power") for t in c.subtree) for c in verb.children)


#: Plural heads of officials and parties: a bare plural of them still names the parties ("Ministers will meet").
_OFFICIAL_PLURALS = frozenset("""minister leader president official party side member ally partner head delegation
government country state nation negotiator envoy representative officer troop force""".split())


def _generic_plural(subject: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    """A bare plural subject naming no party ("Private producers", "Airlines", "Shipping lines"): a market or a class
    of people, whose "will" is a forecast."""
    if subject.dep_ != "nsubj" or subject.tag_ != "NNS" or _lemma(subject) in _OFFICIAL_PLURALS or subject.conjuncts:
        return False  # ("Border posts will be equipped": a passive's patient, done by the parties)
    if any(c.dep_ in ("det", "poss", "nummod", "predet", "prep") for c in subject.children):
        return False  # ("Schools on both sides of the border will reopen": particular ones)
    # no name in it ("Japanese companies" name their country's firms); a lone "Farmers" opening a sentence, tagged as
    # a name, is none
    s, e = offset + subject.left_edge.idx, offset + subject.idx + len(subject.text)
    one = (offset + subject.idx, e)
    return not any(x.start < e and s < x.end and x.label in _PARTY_LABELS and (x.start, x.end) != one
                   for x in entities)


def _finite(verb: Any) -> bool:
    """A finite verb: "failed", "fails", "has failed"."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and bool(_aux(verb) & {"has", "have", "had"}))


def _past(verb: Any) -> bool:
    """A past-tense clause ("signed", "had agreed"): a "when"/"after" clause over it asserts the event."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(_aux(verb) & {"had", "has", "have", "was", "were"}))


#: Acts that deliver an instrument: its dated passive ("was signed in December 2024") reports the deliverable.
_SIGNINGS = frozenset("sign ratify conclude ink adopt".split())


def _instrument_signed(doc: Any, verb: Any, subject: Any | None) -> bool:
    """"The Nakamal Agreement was signed in December 2024": an agreement signed on a stated date is a deliverable,
    though no party is named ("the agreement was signed" with no date, "a plan was adopted" are not)."""
    if not (subject is not None and subject.dep_ == "nsubjpass" and subject.head.i == verb.i and _past(verb)
            and verb.lemma_.lower() in _SIGNINGS):
        return False
    if subject.lemma_.lower() in _INSTRUMENTS and bool(_when(doc, verb, 0)[0]):
        return True
    # a new instrument told as such: "A memorandum on labour mobility was also signed", "Three agreements were signed
    # on energy", "Japan's US$2 billion loan for the metro was signed" (not "the agreement was signed": told before)
    # (a main clause: "Gazprom said a memorandum had been signed" is a claim, told as background)
    return verb.dep_ in ("ROOT", "conj") and _lemma(subject) in _INSTRUMENTS | {"mou", "loan"} and (any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in subject.children) or any(
        c.dep_ == "nummod" for c in subject.children) or (subject.tag_ == "NNS" and not any(
            c.dep_ in ("det", "poss") for c in subject.children)) or any(
        c.dep_ == "poss" and c.pos_ == "PROPN" for c in subject.children))


def _continued_delivery(verb: Any) -> bool:
    """"Romania would continue to supply gas": a delivery promised to go on is the delivery's commitment ("will
    continue to lead the brigade until 2030", an extension with a term, is the "continue" verb's own)."""
    head = verb.head
    return (head.lemma_.lower() == "continue" and verb.lemma_.lower() in COMMIT_LEMMAS and verb.dep_ == "xcomp"
            and (_is_future(head) or "would" in _aux(head)) and not _until_a_date(head))


def _names_an_action(verb: Any) -> bool:
    """The clause names something to do ("the goal of raising", "resolve to pursue") or a figure."""
    return any(t.i > verb.i and (t.tag_ in ("VB", "VBG") or t.like_num) for t in verb.subtree)


def _hedged(verb: Any) -> bool:
    """A condition that the party may not meet: "where it could", "if it can", "when possible"."""
    for c in verb.children:
        toks = list(c.subtree)
        if c.i > verb.i and c.dep_ in ("advcl", "advmod") and toks[0].lower_ in _NON_ASSERTIVE_OPENERS and any(
                t.lower_ in ("could", "can", "may", "might", "possible", "feasible", "allow", "allows", "permit",
                             "permits") for t in toks):
            return True
    return False


#: Contracted auxiliaries, spelled out ("we've signed", "we're launching"; "'s" is "has" or "is").
_CONTRACTED = {"'ve": ("have",), "’ve": ("have",), "'re": ("are",), "’re": ("are",), "'m": ("am",), "’m": ("am",),
               "'s": ("has", "is"), "’s": ("has", "is"), "'d": ("would", "had"), "’d": ("would", "had"),
               "’ll": ("will",)}


def _aux(verb: Any) -> set[str]:
    out = set()
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass"):
            out.add(c.lower_)
            out.update(_CONTRACTED.get(c.lower_, ()))
    return out


def _chain_top(verb: Any) -> Any:
    """The commitment verb heading ``verb`` through xcomp/conj ("agreed to launch" -> agreed)."""
    top = verb
    while top.dep_ in ("xcomp", "conj") and top.head is not top:
        top = top.head
    return top


def _is_future(verb: Any) -> bool:
    tok = verb
    for _ in range(3):
        aux = _aux(tok)
        if aux & _FUTURE:
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("be", "due", "plan", "schedule", "set", "ready",
                                                                "prepare", "prepared", "intend"):
            return True
        if _going_to(tok):
            return True  # "we are going to build 20,000 homes"
        if _series_first(tok) is not None:
            return True  # "New Zealand will gift X, train Y": "train" parsed as the root
        if tok.dep_ == "ROOT" and "to" in aux and any(c.dep_ == "nsubj" for c in tok.children):
            return True  # bulletin style: "Japan to admit more care workers"
        if tok.dep_ not in ("conj", "xcomp") or tok.head is tok:
            return False
        if tok.dep_ == "conj" and (tok.tag_ in ("VBD", "VBZ") or any(
                c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ", "VBD"))
                for c in tok.children)):
            return False  # "will review progress and thanked ...": the conjunct has its own tense
        tok = tok.head
    return False


#: Instruments whose present-tense clauses state terms ("The treaty forbids ...", "the pact commits both services to").
_INSTRUMENTS = frozenset("""agreement deal pact treaty accord arrangement memorandum mou declaration framework protocol
charter convention compact contract bill legislation decree""".split())
#: Verbs that describe an instrument rather than state a term ("the pact covers goods").
_DESCRIBING = frozenset("""be have cover include contain comprise mark follow replace mean come go make seem remain
become represent reflect complement build say show expire lapse run need ignore fall fail undermine violate threaten
favour favor benefit hurt harm touch affect matter work bring face enter depend hinge rest cement consolidate
solidify signal underline underscore""".split())


#: Laws and bills: they state terms when they confer powers or duties, not when their contents are described.
_LAWS = frozenset("bill legislation decree".split())
_CONFERRING = frozenset("give grant empower require oblige commit establish create set cap limit guarantee entitle".split())
#: Parties named generically: what an instrument binds them to describes it ("commits parties to settle disputes").
_GENERIC_PARTIES = frozenset("member party signatory state country nation government".split())


def _states_terms(verb: Any, subject: Any | None) -> bool:
    """A present-tense clause whose subject is an agreement ("A separate agreement shares water", "the pact commits
    both customs services to scan"): a term, i.e. the parties' commitment."""
    if subject is None or verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() in _DESCRIBING or _aux(verb):
        return False  # ("The accord enters into force", "the deal depends on a pipeline": what happens to it, no term)
    if any(c.dep_ == "dobj" and _lemma(c) == "effect" for c in verb.children):
        return False  # "the pact, which takes effect in June": its start, an event for the timeline
    if verb.dep_ == "ccomp" or any(c.dep_ == "det" and c.lower_ in ("any", "no", "every", "each") for c in subject.children):
        return False  # "said the agreement falls short", "any agreement that touches on defence": views, hypotheses
    if any(c.like_num and c.text.isdigit() and len(c.text) == 4 for c in subject.children) or verb.dep_ != "relcl" and any(
            c.dep_ == "acl" and c.tag_ == "VBN" and any(t.like_num and t.text.isdigit() and len(t.text) == 4
                                                        for t in c.subtree) for c in subject.children):
        return False  # "The 1996 pact divides the flow": an earlier instrument described as background
    if any(c.dep_ == "dobj" and _lemma(c) in _GENERIC_PARTIES and c.tag_ == "NNS" and not any(
            k.dep_ in ("det", "nummod", "poss", "predet", "amod") for k in c.children) for c in verb.children):
        return False  # "a treaty which commits members to share data": a multilateral instrument described
    if _lemma(subject) in _LAWS and (verb.lemma_.lower() not in _CONFERRING or any(
            c.dep_ == "dobj" and _lemma(c) == "effect" for c in verb.children)):
        return False  # "The bill gives the bank powers to freeze assets" confers; "the bill gives effect to", "pays" describe
    if _under_terms(verb) and not any(c.dep_ == "dobj" and _lemma(c) in _EVENT_NOUNS for c in verb.children) and (
            subject.pos_ in ("PROPN", "PRON") or _lemma(subject) in _ACTOR_NOUNS or any(
            k.dep_ in ("amod", "compound") and k.text[:1].isupper() for k in subject.children)):
        return True  # "Under the treaty, the Tajikistan exclave of Vorukh keeps a road link", "Under a memorandum, U.S.
        # troops rotate through former bases": a party's or its people's act ("Under the deal, prices rise": none;
        # "Japan, Philippines begin first naval drills under the RAA": an event under way, for the timeline)
    return subject.lemma_.lower() in _INSTRUMENTS or subject.lower_ in _INSTRUMENTS


#: Light verbs with a noun of commitment, and the action they state ("reached agreement" -> agree).
_LIGHT = {("reach", "agreement"): "agree", ("reach", "deal"): "agree", ("reach", "accord"): "agree",
          ("reach", "consensus"): "agree", ("reach", "understanding"): "agree", ("strike", "deal"): "agree", ("strike", "agreement"): "agree",
          ("make", "pledge"): "pledge", ("make", "commitment"): "commit", ("make", "promise"): "promise",
          ("give", "undertaking"): "undertake", ("give", "commitment"): "commit", ("give", "pledge"): "pledge",
          ("take", "decision"): "decide", ("take", "place"): "hold", ("give", "approval"): "approve",
          ("grant", "approval"): "approve"}
#: What can be "due" on a date: a meeting (held) or a delivery.
_DUE_EVENTS = frozenset("round meeting summit session talk dialogue consultation review conference".split())
_DUE_DELIVERIES = frozenset("""batch delivery tranche shipment consignment disbursement payment instalment installment
vessel boat ship submarine aircraft jet tank unit""".split())


#: What a party's "would" can be a term of ("under which Argentina would cut duties").
_TERMS = frozenset("""agreement deal pact treaty arrangement accord memorandum framework partnership contract protocol
plan which mou understanding declaration convention compact charter package scheme roadmap""".split())


def _under_terms(verb: Any) -> bool:
    """"Under the deal, X would ...", "a deal under which X would ...": a term of an agreement, not a hypothesis."""
    tok = verb
    for _ in range(3):
        if any(c.dep_ == "prep" and c.lower_ == "under" and any(p.dep_ == "pobj" and p.lemma_.lower() in _TERMS
                                                                for p in c.children) for c in tok.children):
            return True
        if any(c.dep_ == "prep" and c.lower_ == "according" and any(  # "according to an agreement the two signed"
                p.dep_ == "pobj" and _lemma(p) in _TERMS - {"which", "plan"} for t in c.children if t.lower_ == "to"
                for p in t.children) for c in tok.children):
            return True
        if not (tok.dep_ == "conj" or (tok.dep_ == "advcl" and any(  # "..., while two villages exchange land"
                c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in tok.children))) or tok.head is tok:
            return False
        tok = tok.head
    return False


def _reported_by_party(verb: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    """"New Delhi said it would restore": an official reporting its own side's commitment."""
    head = verb.head
    lemma = head.lemma_.lower()
    if verb.dep_ != "ccomp" or not (lemma in ("say", "announce", "confirm", "tell", "state", "add", "assure", "insist",
                                              "stress", "reiterate", "emphasise", "emphasize", "promise", "pledge", "vow",
                                              "inform")
                                    or (lemma == "make" and any(c.lower_ == "clear" for c in head.children))):
        return False  # "made clear that Jakarta would not revisit its ban" reports it too
    subj = [c for c in head.children if c.dep_ == "nsubj"]
    return bool(subj) and subj[0].lemma_.lower() not in _PREDICTORS and (
        _is_actor(subj[0], entities, offset) or _lemma(subj[0]) in _OFFICIAL_TEXTS)


#: The parties' own texts: what they say a party will do is that party's commitment ("the communique said ...").
_OFFICIAL_TEXTS = frozenset("communique communiqué statement declaration readout resolution".split())


def _commitments(doc: Any, verb: Any, offset: int, entities: Sequence[EntitySpan],
                 names: dict[str, str], earlier: Collection[str] = ()) -> list[Commitment]:
    if (accepted := _accepted_invitation(doc, verb, offset, entities, names)) is not None:
        return [accepted]
    lemma = verb.lemma_.lower()
    if (verb.pos_ not in ("VERB", "AUX") and not _verb_read_as_adjective(verb)) or lemma in _NEVER or not verb.is_alpha:
        return []
    if verb.i + 2 < len(doc) and doc[verb.i + 1].text == "-":  # "co-invest" parsed as "co", "-", "invest"
        lemma = f"{verb.lower_}-{doc[verb.i + 2].lemma_.lower()}"
    if (anyone := _subject(verb)) is not None and _lemma(anyone) in _NOBODY_IN_PARTICULAR:
        return []  # "not because anyone asked us to choose sides", "someone will have to pay": no party acts
    from briefing_app.nlp.commitment_classes import date_subject, refused_answer

    if date_subject(verb) or refused_answer(verb):
        return []  # "Next year will mark the anniversary", "declined to confirm the figure"
    if not _is_future(verb) and _past(verb) and any(
            c.dep_ == "prep" and c.lower_ == "for" and c.i < verb.i and any(_lemma(p) in _SPANS for p in c.children)
            for c in verb.children):
        return []  # "For seven years the Treasury renewed a waiver": a habit of the past, told as history
        # ("renewed the waiver for a further year" names the renewal's term, after the verb)
    if any(v.dep_ in ("relcl", "acl", "ccomp") and _lemma(v.head) == "time" and any(
            k.lower_ in ("first", "last") for k in v.head.children) for v in (verb, verb.head if verb.dep_ == "conj"
                                                                               else verb)):
        return []  # "This is the first time in our history that Paraguay will burn Bolivian gas": a comment on news
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    on_party = verb.dep_ == "relcl" and (_names_party(verb.head, entities, offset)
                                         or _programme_offers(verb, entities, offset))
    terms = _states_terms(verb, _subject(verb))
    if own and own[0].lower_ in ("which", "that") and not on_party and not terms and not _mechanism_meets(verb):
        return []  # "that will make shells", "which commits members to ...": a description
        # ("Washington, which has offered to facilitate": the party's own act)
    aux = _aux(verb)
    head = verb.head
    head_lemma = head.lemma_.lower()
    negated = _negated(verb)
    # a conjunct or complement of a steering verb ("agreed to X and to Y") is emitted by that verb
    top = _chain_top(verb)
    if top is not verb and top.lemma_.lower() in _STEER and verb.dep_ in ("xcomp", "conj") and not (
            verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)) and not (
            _own_steering_clause(verb)) and not (verb.dep_ == "conj" and verb.head.i == top.i and (
                _aux(verb) & _FUTURE) and not _aux(top) & _FUTURE):
        return []  # ("agreed to X, and Huawei will train Y": the second clause has its own party; "has pledged
        # US$1 billion and will send 50 engineers": its own tense)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ in ("amod", "compound") or (verb.dep_ == "acl" and not _aux(verb) & _FUTURE
                                             and not (own_subject and (verb.tag_ in ("VBD", "VBZ", "VBP") or (
                                                 verb.tag_ == "VBN" and _aux(verb) & {"has", "have", "had"})))
                                             and not _performative(verb)):
        return []  # "the signed agreement", "a pact signed in 2024": background ("Geneva: India signed" is not)
    if verb.tag_ == "VBG" and not aux and verb.dep_ not in ("xcomp", "conj", "ROOT") and not (
            verb.dep_ == "advcl" and lemma in ("promise", "pledge", "vow", "commit", "agree")
            and not any(c.dep_ in ("mark", "prep") or c.lower_ in ("after", "before", "since", "by") for c in verb.children)
            and any(c.dep_ == "xcomp" for c in verb.children)):
        return []  # "after signing the pact": a circumstance ("ended talks, promising to reduce deaths" commits)
    if verb.dep_ == "advcl" and "to" in aux:
        return []  # "... to supply the industrial parks": a purpose
    if verb.tag_ in ("VBD", "VBN") and verb.dep_ in ("advcl", "acl") and not aux and not any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return []  # "Under the partnership signed in 2021, ...": a participle, however it is tagged
    if _non_assertive(verb):
        return []
    if verb.dep_ == "xcomp":
        if head_lemma in _NOT_COMMITTING_HEADS:
            return []
        if head_lemma == "be" and any(c.dep_ == "acomp" and c.lower_ not in (
                "due", "ready", "set", "scheduled", "poised", "committed", "determined", "prepared") for c in head.children):
            return []  # "Kuwait is welcome to take part", "is free to leave": a permission, not "is to take part"
        if head_lemma in _NEGATING_HEADS or _yet_to(verb):
            negated = True
        elif head_lemma not in ("be", "due", "plan", "schedule", "set", "prepare", "prepared", "ready", "vow", "promise",
                                "intend",
                                "undertake", "move", "have") and not _going_to(verb) and not _continued_delivery(verb):
            return []
    chain_aux = aux | (_aux(head) if verb.dep_ in ("xcomp", "conj") else set())
    future = _is_future(verb) or _scheduled_present(verb)
    # "said it would restore" reports a commitment; "could", "cannot", "should" never do
    reported = _reported_by_party(verb, entities, offset) or (  # "said Romania would continue to supply"
        _continued_delivery(verb) and _reported_by_party(head, entities, offset)) or (
        # "said Japan would provide $300 million and send engineers": the reported clause's next verb
        verb.dep_ == "conj" and not own_subject and _reported_by_party(_chain_top(verb), entities, offset))
    # ("Under the deal, the first unit should be delivered in 2028": a term's "should", as its "would")
    if chain_aux & _HYPOTHETICAL - ({"would"} if reported else set()) - (
            {"would", "should"} if _under_terms(verb) else set()):
        return []
    if "should" in chain_aux:  # (left only under the terms of an instrument, above)
        future = True
    if "would" in chain_aux:
        if not _under_terms(verb) and any(c.dep_ == "advcl" and any(
                k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in c.children) for c in verb.children):
            return []  # "said Argentina would leave Mercosur if the bloc did not open up": a threat, a hypothesis
        future = True
    if lemma in ("promise", "pledge", "vow", "commit") and _in_waiting(verb):
        return []  # "The opposition alliance has promised to renegotiate": a campaign promise
    if lemma in _STEER:
        xcomps = [c for c in verb.children if (c.dep_ in ("xcomp", "ccomp") or _object_control(verb, c))
                  and c.pos_ in ("VERB", "AUX")
                  and (c.dep_ == "xcomp" or _aux(c) & {"would", "should", "will", "shall", "to", "must"})
                  and c.is_alpha and not (c.i + 1 < len(doc) and doc[c.i + 1].text == "-")]
        if lemma == "agree":  # "agreed that all energy sources should be treated fairly": a principle, no one acts
            xcomps = [c for c in xcomps if not _principle(c, entities, offset)]
        if lemma == "agree" and not xcomps and not _objects(verb):
            return []
        if (not xcomps and any(o.lower_ == "following" or any(k.lower_ == "following" for k in o.children)
                               for o in _objects(verb))) or any(c.lower_ == "follows" for c in verb.subtree):
            return []  # "agreed the following measures:", "decided as follows": a list's heading, its items count
        if lemma == "agree" and not xcomps and all(o.lemma_.lower() in _VIEWS or o.lower_ in ("that", "this", "it", "so")
                                                   for o in _objects(verb)):
            return []  # "agreed on the importance of", "on the need to": a view shared
        if lemma in ("ask", "request") and any(c.dep_ == "dobj" and c.lower_ in ("us", "me", "you")
                                               for c in verb.children):
            return []  # "Nauru has asked us not to take all its nurses": another party's request to the speaker
        if lemma in ("ask", "request") and any(c.dep_ == "dobj" and not _own(c) and (c.lemma_.lower() in _OTHER_AUTHORITIES or any(
                x.label == "GPE" and x.start <= offset + c.idx < x.end for x in entities)) for c in verb.children):
            return []  # "asked the Court to rule", "asked Indonesia to treat them humanely": a request to another
        if lemma == "ask" and any(c.dep_ == "ccomp" and any(k.lower_ in ("whether", "if") and k.dep_ == "mark"
                                                            for k in c.children) for c in verb.children):
            return []  # "The Prime Minister was asked whether Britain would send troops": a question
        if lemma in ("ask", "request") and (any(_lemma(x) in _ANSWERS for x in xcomps) or any(
                c.dep_ == "dobj" and any(_lemma(t) in _OUTSIDE_BODIES for t in c.subtree) for c in verb.children)):
            return []  # "asked the Minister to confirm", "asked the World Bank to speed up": a question or a request
            # to a body outside the parties ("requested the AHA Centre to deliver" directs the body's own organ)
        if lemma == "request" and not any(c.dep_ == "dobj" and any(_lemma(t) in _OWN_ORGANS for t in c.subtree)
                                          for c in verb.children):
            return []  # "requested the Government of South Sudan to expedite": a request to another party
        if lemma in ("ask", "task", "instruct", "request", "undertake") and not xcomps:
            return []  # "asked for faster work": a request  # "agreed that ...": a view shared, not a commitment
        if lemma == "ask" and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children) and not any(
                c.dep_ == "dobj" for c in verb.children):
            return []  # "The UN has asked for 2 billion dollars to fund its appeal": a request
        if lemma == "ask" and verb.tag_ in ("VBP", "VBZ") and not aux and _subject(verb) is not None and not any(
                c.dep_ == "dobj" and _lemma(c) in _OWN_ORGANS for c in verb.children):
            return []  # "We ask donors not to cut their funding": an appeal ("we have asked X to" directs, and so
            # does "we ask the Secretariat to prepare a report": the body's own organ)
        if xcomps:
            return _steered(doc, verb, xcomps, offset, entities, names, negated)
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and bool(aux & {"has", "have", "had", "was",
                                                                                        "were", "been", "is", "are"}))
    finite = finite or bool(chain_aux & {"did", "do", "does"}) or (verb.dep_ == "xcomp" and head_lemma in _NEGATING_HEADS
                                                                   and _finite(head)) or _yet_to(verb) or _performative(verb)
    if future:
        if lemma in _NOT_FUTURE_COMMITMENTS and not (lemma in ("press", "push") and any(
                c.lower_ == "ahead" for c in verb.children)) and not _party_act(verb, lemma, entities, offset) and not (
                member_act(verb)) and not (lemma == "continue" and _until_a_date(verb)) and not _forces_stay(verb):
            return []  # ("will press ahead with the pipeline", "I will write to the Minister", "will continue to
            # lead the brigade until March 2029", an extension with a term, are commitments)
        if lemma in _DELIBERATE and not any(c.dep_ == "prep" and c.lower_ == "within" for c in verb.subtree):
            return []  # "The cabinet will consider the proposal" ("will consider applications within 30 days" commits)
        if lemma == "explore" and _objects(verb) and all(o.tag_ == "PRP" for o in _objects(verb)):
            return []  # "noted the bank's offer and will explore it": another's proposal weighed ("will explore
            # cooperation on hydrogen" names a field of joint work)
        if lemma == "keep" and any(c.dep_ == "xcomp" and c.tag_ == "VBG" and (
                _lemma(c) in _NOT_FUTURE_COMMITMENTS or _lemma(c) in ("ask", "request")) for c in verb.children):
            return []  # "will keep asking for troops", "will keep pushing": advocacy goes on, nothing is promised
        if lemma == "decide" and not any(c.dep_ == "xcomp" for c in verb.children):
            return []  # "we will decide on the next round": a decision deferred, none made
        if any(c.dep_ == "advmod" and c.lower_ == "now" for c in verb.children) and any(
                c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children) and all(
                _lemma(c) in _PROCEDURE_OBJECTS for c in verb.children if c.dep_ == "dobj"):
            return []  # "I will now put the question", "We will now hear from Brazil": a chair's procedure
            # ("We will now deploy two more boats" has an object of its own: a commitment)
        if verb.dep_ == "conj" and head_lemma in _NOT_FUTURE_COMMITMENTS and not _aux(verb):
            return []  # "will stay three weeks and bring helicopters": one event described, no commitment
    elif not (finite and (lemma in _CORE or terms or _declared(verb) or _past_act(verb, entities, offset))):
        return []
    if lemma in ("announce", "decide", "confirm") and any(c.dep_ == "ccomp" for c in verb.children) and not [
            o for o in _objects(verb) if o.tag_ != "PRP"]:
        return []  # the announced clause carries its own commitment ("has confirmed to me that ...": no object either)
    objects = _objects(verb)
    passive_form = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if lemma in _NEED_OBJECT and not objects and not (
            (sj := _subject(verb)) is not None and _scheduled_talks(verb, sj, future)) and not (
            verb.dep_ == "relcl" and _past_act(verb, entities, offset)):  # ("the swap line that the Treasury opened")
        return []  # ("Negotiations on an EPA will resume in Seoul in July": the talks are the parties')
    if future and passive_form and not _objects_agent(verb) and any(
            c.dep_ == "nsubjpass" and _lemma(c) in _INFORMATION for c in verb.children):
        return []  # "Details will be shared closer to the date": a procedural promise of news
    if not future and _tally(verb):
        return []  # "had approved ten projects so far": progress counted, not a commitment made
    if future and (subj := _subject(verb)) is not None and (_lemma(subj) in _ANYONE or (
            subj.tag_ == "NNS" and any(c.dep_ == "relcl" for c in subj.children)
            and not any(c.dep_ in ("det", "poss", "nummod") for c in subj.children))) and not _mechanism_meets(verb):
        return []  # "Students who overstay their visas will be deported": a rule or a warning for anyone
    if future and lemma in _FUNCTIONS and (subj := _subject(verb)) is not None and not (
            subj.dep_ == "nsubjpass" and subj.head.i == verb.i) and _lemma(subj) in _FACILITIES:
        return []  # "The pipeline will carry gas to Morocco": what a thing does, nobody commits
    if lemma in ("hold", "conduct", "organise", "organize") and any(o.lemma_.lower() in _DOMESTIC_EVENTS for o in objects):
        return []  # "will hold elections": a domestic event, no commitment to anyone
    if (lemma in ("impose", "announce", "introduce", "slap") or (not future and lemma in ("extend", "expand", "tighten"))
            ) and any(o.lemma_.lower() in _RESTRICTIONS or (not future and _lemma(o) == "rule") for o in objects):
        return []  # "extended its export controls", "announced sanctions", "extended its licensing rules to seven more
        # rare earths": a measure against others, no commitment
    if lemma == "launch" and any(o.lemma_.lower() in _INQUIRIES and any(c.lower_ == "into" for c in o.children)
                                 for o in objects):
        return []  # "launched an investigation into subsidies": a measure against others
    if any((c.dep_ == "prt" or (c.dep_ == "prep" and c.i == verb.i + 1)) and (lemma, c.lower_) in _HAPPENINGS
           for c in verb.children):
        return []  # "the fund will run out of money": something happens, nobody commits
    if future and any(c.dep_ == "advmod" and c.lower_ == "always" for c in verb.children):
        return []  # "will always put jobs first": a standing stance, not a commitment
    if lemma == "meet" and head_lemma != "ready" and any(o.dep_ == "dobj" and _is_person(o, entities, offset)
                                                         for o in objects):
        return []  # "is due to meet Prime Minister Carney at the summit": a visit's programme, for the timeline
        # ("is ready to meet President Xi" offers a meeting)
    if future and (lemma in _EXERCISE_CONTENT or (lemma == "observe" and any(
            _lemma(t) in _EVENT_NOUNS | {"day"} for o in objects for t in o.subtree)) or any(
            k.lower_ in ("simulated", "mock", "notional") for o in objects for k in o.children)):
        return []  # "will rehearse a landing", "will treat simulated casualties", "will observe its final day": the
        # programme of an exercise whose holding is the commitment
    if future and passive_form and lemma == "use" and not _objects_agent(verb) and any(
            c.dep_ in ("xcomp", "advcl") and "to" in _aux(c) for c in verb.children):
        return []  # "Patrol boats donated last year will be used to monitor the area": what a thing is for
    if future and lemma in ("close", "end") and not objects:
        return []  # "The Year of Culture will close in December with an exhibition": an event's end
    if lemma == "unveil" and any(_lemma(t) in _CEREMONIAL for o in objects for t in o.subtree):
        return []  # "unveiled a plaque", "the last of 1,100 markers": a ceremony, not a deliverable
    if lemma in ("upgrade", "elevate") and not future and not any(_lemma(o) in _TIES for o in objects):
        return []  # "upgraded their ties to a Strategic Partnership" is a deliverable; "upgraded the port" work done
    if lemma == "exchange" and not future and not any(_lemma(o) in _EXCHANGED and not any(
            c.dep_ == "prep" and c.lower_ in ("on", "about") for c in o.children) for o in objects):
        return []  # "exchanged instruments of ratification" ("exchanged views", "notes on drones" are talk; "will
        # exchange cadets" commits)
    if lemma == "offer" and objects and all(_lemma(o) in _FIGURES for o in objects):
        return []  # "Fiji offers a model", "the deal offers a glimpse of": a figure of speech, nothing offered
    if lemma == "decide" and verb.tag_ in ("VBZ", "VBP") and not aux and objects and not any(
            c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return []  # "The regulator decides tariffs": what a body does as a rule, no decision taken
    if lemma in ("safeguard", "uphold") and objects and all(_lemma(o) in _STANDING for o in objects):
        return []  # "China will firmly safeguard its sovereignty and interests": a position, no deliverable
    if lemma == "keep" and (any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children) and objects and all(
            _lemma(o) in _STANDING for o in objects) or any(t.lower_ == "way" and t.head.i == verb.i for t in doc)):
        return []  # "will keep up the pressure", "we will keep it that way": resolve, or an outcome, no act named
    if lemma in ("judge", "remember", "measure") and passive_form and not _objects_agent(verb):
        return []  # "The new government will be judged on power cuts": an evaluation, no party acts
    if lemma == "give" and any(o.lower_ in ("way", "floor") for o in objects):
        return []  # "I will give way to the honourable Member": procedure
    if not future and lemma in _IMPLEMENTATION and _past(verb) and verb.dep_ != "xcomp" and not _past_act(
            verb, entities, offset):
        return []  # "expanded the field in 2025": work reported done, not committed ("opened a swap line" is credit)
    if lemma == "hold" and any(_lemma(o) in ("talk", "call", "conversation", "discussion", "meeting") for o in objects) \
            and any(_is_person(p, entities, offset) for h in [verb, *objects] for w in h.children
                    if w.dep_ == "prep" and w.lower_ == "with" for p in w.children if p.dep_ == "pobj"):
        return []  # "he will hold talks with Foreign Minister Lavrov": a visit's programme, for the timeline
    if future and lemma in ("include", "comprise", "involve", "feature") and (s_ := _subject(verb)) is not None and (
            _lemma(s_) in _GATHERINGS):
        return []  # "The delegation will include the ministers of trade": who comes, not a commitment
    if verb.dep_ == "advcl" and not objects and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i
                                                    for c in verb.children):
        return []  # "As we announced on Monday", "as agreed in 2020": a reference to what is told elsewhere
        # ("just as we have signed a trade agreement" names its object: asserted)
    if lemma == "announce" and not objects and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) and not (
            verb.dep_ == "relcl" and _lemma(verb.head) in _INSTRUMENTS | _TERMS):
        return []  # "we announced on Monday": nothing announced is named here ("the arrangement they announced" is)
    if lemma in ("conclude", "hold") and not future and any(o.lemma_.lower() in _EVENT_NOUNS for o in objects):
        return []  # "concluded a round of talks": an event, not a commitment
    if verb.dep_ == "relcl" and future and not _objects_agent(verb) and any(
            c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP") for c in verb.children):
        return []  # "a cable, which will be finished next year": a forecast about a thing, no party
    if lemma == "order" and not any(c.dep_ == "xcomp" for c in verb.children) and not any(
            o.lemma_.lower() in _INQUIRIES for o in objects):
        return []  # "ordered 20 howitzers" is a purchase; "ordered a study", "ordered officials to" direct work
    if lemma in ("accept", "clear") and objects and not passive_form and not future and not _ready(verb) and not any(
            o.lemma_.lower() in _PROPOSALS for o in objects):
        return []  # "accepted the return of nationals", "cleared the approaches": done, not committed
    if lemma == "confirm" and passive_form and not _objects_agent(verb):
        return []  # "no new case has been confirmed": a report, not a commitment
    if _hedged(verb):
        return []  # "would buy European where it could"
    if future and any(c.dep_ == "advmod" and c.lower_ in _FORECAST_ADVERBS for c in verb.children):
        return []  # "will likely expand": a forecast
    if verb.dep_ == "xcomp" and head_lemma == "ready" and not objects and not any(
            c.dep_ in ("prep", "dative", "ccomp", "xcomp", "advcl", "prt") for c in verb.children) and not (
            verb.i + 1 < len(doc) and doc[verb.i + 1].text == "-"):  # "co-invest" is parsed "co", "-", "invest"
        return []  # "stands ready to assist": readiness to nothing in particular
    if verb.dep_ == "xcomp" and head_lemma == "ready" and lemma in _VAGUE_ACTS and not any(
            c.dep_ == "dobj" for c in verb.children):
        return []  # "stands ready to work with all parties": readiness to cooperate, nothing named
    direct = [o for o in objects if o.dep_ == "dobj"]
    if direct and lemma != "accept" and all(_lemma(o) in _COURTESIES or (
            _lemma(o) == "invitation" and lemma in ("extend", "issue", "send", "convey")) for o in direct):
        return []  # "extended his condolences", "pledged allegiance", "extended an invitation": courtesy, no deliverable
    if future and direct and lemma in ("build", "deliver", "bring", "ensure", "achieve", "create", "spare", "make") and all(
            _lemma(o) in _IDEALS for o in direct):
        return []  # "Our government will deliver prosperity", "We will build a better future": rhetoric
    if objects and any(_lemma(o) in bad for want, bad in (("announce", _NEWS), ("secure", _OUTCOMES),
                                                          ("confirm", _FACTS), ("sign", _SIGNED_THINGS))
                       if lemma == want for o in objects[:1]):
        return []  # "announced the death of", "secured a victory", "confirmed 12 cases", "signed the guest book": news
    if lemma == "launch" and any(o.lemma_.lower() in _LAUNCHED_THINGS for o in objects):
        return []  # a satellite or a strike launched is an event, not a commitment
    set_up = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children) and any(
        o.dep_ in ("dobj", "nsubjpass") for o in objects) and _past(verb) and verb.dep_ != "ccomp"
    # "have set up a desk": established ("help companies set up units" is a bare infinitive, tagged past)
    if lemma == "set" and not set_up and (any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
                           or not any(o.lemma_.lower() in ("goal", "target", "deadline", "date", "timeline")
                                      for o in objects)) and not future and not _past_act(verb, entities, offset):
        return []  # "sets out how ...", "sets rules": a description; "set a goal of" is a commitment
    if lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return []  # "We will set out our approach in the strategy": a document to come, not a commitment
    if lemma == "commit" and not future and objects and all(o.dep_ == "pobj" for o in objects) and not any(
            c.dep_ in ("xcomp", "dobj") for c in verb.children) and not _names_an_action(verb):
        return []  # "committed to the principles of the Charter": a position ("committed to doubling" is an act)
    if lemma in ("pledge", "promise", "offer", "commit", "reaffirm") and objects and all(
            o.lemma_.lower() in ("support", "solidarity") for o in objects) and not any(t.like_num for t in verb.subtree) \
            and not _support_for_work(objects):
        return []  # "pledged support for Ukraine's sovereignty": support for a position, no deliverable
    if lemma == "reaffirm" and not any(o.lemma_.lower() in _GOALS and (_names_an_action(verb) or _to_named(o))
                                       for o in objects) and not _reaffirmed_instrument(verb):
        return []  # reiterating support for a partnership is no commitment; "reaffirmed the goal of" is
        # (and "their commitment to sovereignty" restates a position: the goal must name an action or a figure)
    if not future and any(c.dep_ == "ccomp" for c in verb.children) and not objects:
        return []  # "confirmed that X would be held": the reported clause carries the commitment
    subject = _subject(verb)
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive and lemma in ("sign", "announce", "exchange", "conclude") and any(
            c.lower_ in ("the", "these", "this") for c in passive[0].children) and (
            lemma in earlier or lemma == "exchange" or _aux(verb) & _FUTURE):
        return []  # "The accord was signed by ..." after the signing was told: a restatement of the deliverable
    if lemma == "sign" and not future and not passive and not negated and set(earlier) & {"sign", "agree", "conclude"} and direct and all(
            _lemma(o) in _INSTRUMENTS and all((k.dep_ == "det" and k.lower_ in ("the", "this")) or (
                k.dep_ == "prep" and k.lower_ in ("in", "at")) for k in o.children)
            and any(k.dep_ == "det" for k in o.children) for o in direct):
        return []  # "Ghana has agreed to buy 200 buses. ... The two ministers signed the agreement in Accra": the deal
        # told again (a bare "the agreement" after it was told), not a second deliverable
        # (told first this way, "The Nakamal Agreement was signed in December 2024" is the deliverable)
    if subject is not None and subject.dep_ == "nsubjpass" and subject.head.i != verb.i and not any(
            c.dep_ == "auxpass" for c in verb.children) and not _is_actor(subject, entities, offset):
        return []  # "The port project is set to create 5,000 jobs": a forecast about a thing, no party acts
    if subject is not None and subject.dep_ == "nsubj" and subject.head.i != verb.i and any(c.dep_ == "auxpass" for c in verb.children):
        subject = None  # "The summit is due to be held": the subject of "is" is the patient, not a party
    if subject is not None and _mechanism_meets(verb) and _of_mechanism(verb.head):
        return _mechanism_meeting(doc, verb, offset, entities, names)
    if subject is not None and subject.dep_ != "nsubjpass":
        if subject.lower_ in ("which", "that") and not on_party and not terms:
            return []  # "which commits members to ...": a description, not a commitment
        if subject.lower_ in _INSTRUMENTS and verb.tag_ in ("VBZ", "VBP") and not terms:
            return []  # "The Treaty of Amity commits parties to settle disputes": an instrument described, no term
        if subject.lower_ == "it" and _it_is_a_thing(verb, entities, offset):
            return []  # "it is an investment, and it will not add to our debt": a thing, not a party
        if (not _is_actor(subject, entities, offset) and not terms and not _scheduled_talks(verb, subject, future)
                and not _forces_stay(verb)) or (
                future and subject.lemma_.lower() in _PREDICTORS and not _delegates(subject)):
            return []  # analysts forecast; "investors have pledged" is a commitment
        if not future and subject.dep_ == "nsubj" and any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children) \
                and not _names_party(subject, entities, offset):
            return []  # "no bank has offered to finance it": nobody has committed
    elif not future and verb.dep_ not in ("conj",) and not _instrument_signed(doc, verb, subject):
        return []
    if _under_forecast(verb):
        return []
    if future and ((_conditional(verb) and not _under_terms(verb)) or _in_waiting(verb)):
        return []  # "If the rains fail, the government will release grain", "Our party will repeal it when we form
        # the next government": a condition or an opposition's promise, nobody in office commits
    if future and subject is not None and _generic_plural(subject, entities, offset):
        return []  # "Private producers will add 1,200 megawatts", "Airlines will add flights": a market's move
    if subject is not None and any(c.dep_ == "appos" and c.like_num for c in subject.children):
        return []  # "Amina, 34, plans to open a shop": a private person in a feature
    if future and direct and all(_lemma(o) in _INFORMATION for o in direct) and lemma in (
            "release", "share", "give", "provide", "publish", "announce", "issue", "make"):
        return []  # "We will release details in due course": a spokesperson's promise of news
    if lemma == "keep" and any(c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and c.lower_ in (
            "updated", "informed", "posted", "abreast", "apprised") for c in verb.children):
        return []  # "We will keep you updated": procedure
    if lemma == "keep" and any(c.dep_ == "xcomp" and c.tag_ == "VBG" and (not _objects(c) or _lemma(c) in _NEVER)
                               for c in verb.children):
        return []  # "will keep fishing", "will keep going": an activity goes on ("keep training reporters" delivers)
    if future and lemma == "report" and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children) and not any(
            c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return []  # "the Secretary of Health will report on the measles campaign": a briefing's programme
        # ("will report to the Diet on each project" is a duty to a body)
    if lemma == "sign" and objects and all(_lemma(o) in _VIEWS or _lemma(o) in _WORDING for o in objects):
        return []  # "Australia signed up to that language": a position taken, no instrument
    if future and (subj_ := _subject(verb)) is not None and _lemma(subj_) == "member" and any(
            c.lower_ in ("honourable", "honorable", "hon.", "hon") for c in subj_.children):
        return []  # "The honourable Member will withdraw that remark": the chair's order
    if lemma in ("maintain", "keep", "continue") and direct and all(_lemma(o) in _CONTACT for o in direct):
        return []  # "The two sides will maintain communication": diplomatic boilerplate, nothing delivered
    if lemma in ("resume", "take") and any(_lemma(o) == "seat" for o in direct):
        return []  # "The Minister will resume his seat": the chair's order
    # coordinated verbs ("will gift X, train Y and deploy Z"): each conjunct gets its own clause
    later = [c for c in verb.conjuncts if c.i > verb.i and (c.pos_ == "VERB" or _verb_read_as_adjective(c))]
    if verb.dep_ == "conj" and top.i != verb.i and (_is_future(top) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        top = verb  # (a conjunct with its own subject is its own clause: "Kenya signed X, and it will open Y")
    first = _series_first(top)
    start, end = _span(doc, top, offset, later + ([first] if first is not None else []))
    who, who_ids = _who(subject, verb, entities, names, offset)
    if subject is not None and _lemma(subject) in _DUE_EVENTS | {"negotiation"} and not who_ids:
        who = []  # "the fifth round of talks opens next month": the parties hold it (resolved from the text)
    when, ws, we = _when(doc, top, offset)
    what = _what(verb, objects, [c for c in verb.children if c.dep_ == "xcomp"])
    if lemma == "hesitate":  # "will not hesitate to use X": readiness to use X
        act = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if act is None or not negated:
            return []
        lemma, negated, what = act.lemma_.lower(), False, _what(act, _objects(act), [])
    return [Commitment(start, end, who, lemma, what, when, negated, who_ids, ws, we,
                       (offset, offset + len(doc.text)))]


def _accepted_invitation(doc: Any, verb: Any, offset: int, entities: Sequence[EntitySpan],
                         names: dict[str, str]) -> Commitment | None:
    """"... and invited him to visit Brazil in 2027, which was accepted": a readout's closing line, the invitee's
    acceptance of a visit (action ``accept``). The relative clause hangs on the invitation's date or place; a
    "which was accepted" on anything else ("the report, which was accepted by the House") is left to the rules."""
    if verb.lemma_.lower() != "accept" or verb.dep_ != "relcl" or not any(
            c.dep_ == "nsubjpass" and c.tag_ == "WDT" for c in verb.children) or _negated(verb):
        return None
    tok, invitee = verb.head, None
    for _ in range(6):  # up from the date or place to "invited" / "invitation"
        if _lemma(tok) in ("invite", "invitation"):
            invitee = next((c for c in tok.children if c.dep_ == "dobj"), None) or next(
                (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                 if p.dep_ == "pobj"), None)
            break
        if tok.head is tok:
            return None
        tok = tok.head
    else:
        return None
    start, end = _span(doc, verb, offset)
    who, ids = _who(invitee, invitee, entities, names, offset) if invitee is not None else ([], [])
    return Commitment(start, end, who, "accept", _trim(tok), "", False, ids, -1, -1, (offset, offset + len(doc.text)))


#: What an exercise's programme consists of: its holding is the commitment, not each drill.
_EXERCISE_CONTENT = frozenset("rehearse simulate practise practice".split())
#: Objects unveiled at a ceremony ("unveiled a plaque"), no deliverable.
_CEREMONIAL = frozenset("plaque marker statue monument bust memorial stone portrait mural".split())
#: Relations upgraded as a deliverable ("upgraded their ties to a Comprehensive Strategic Partnership").
_TIES = frozenset("tie relation relationship partnership".split())
#: Instruments exchanged as a deliverable ("exchanged instruments of ratification", "notes", "memoranda").
_EXCHANGED = frozenset("instrument note memorandum mou agreement protocol letter document".split())
#: What delegates come from ("Experts from both sides", "officials of the two ministries").
_OWN_SIDES = frozenset("side country government ministry nation state delegation agency".split())
#: Subjects naming nobody in particular ("because anyone asked us to").
_NOBODY_IN_PARTICULAR = frozenset("anyone anybody someone somebody nobody".split())
#: Spans of time that make a past clause they open a habit ("For seven years the Treasury renewed ...").
_SPANS = frozenset("year decade month week century".split())
#: What one "offers" figuratively ("Fiji offers a model", "a lesson").
_FIGURES = frozenset("""model lesson template example glimpse insight blueprint reminder warning contrast snapshot
window picture clue hint test case parallel""".split())
#: Standing interests and resolve: safeguarding or keeping them up is a position, not a deliverable.
_STANDING = frozenset("""interest right sovereignty integrity dignity unity independence security pressure momentum
fight spirit resolve""".split())
#: A body's own organs, which it directs when it "asks" them ("We ask the Secretariat to prepare a report").
_OWN_ORGANS = frozenset("""secretariat secretary secretary-general official minister negotiator committee taskforce
centre center mechanism commission envoy chairperson chair coordinator director executive""".split())
#: What a questioner asks a minister to do, or a party asks of another: to answer, not to deliver.
_ANSWERS = frozenset("""confirm explain clarify justify apologise apologize table withdraw comment respond answer say
tell state reconsider disclose publish reveal account assure guarantee outline detail update inform indicate""".split())
#: Bodies outside the parties (lenders, courts, world bodies): asking them is a request, not a directive.
_OUTSIDE_BODIES = frozenset("bank imf court tribunal icj wto fund un nations forum".split())
#: Gatherings and parties of people whose make-up is described ("the delegation will include").
_GATHERINGS = frozenset("""delegation team group panel board committee agenda programme program summit forum conference
meeting visit talk session line-up lineup""".split())
_TITLES = frozenset("""minister president counterpart premier king queen chancellor leader secretary ambassador envoy
prince emir sultan governor""".split())


def _is_person(tok: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    """A person: a PERSON entity or a title ("Foreign Minister Lavrov", "his counterpart")."""
    s, e = offset + tok.idx, offset + tok.idx + len(tok.text)
    return tok.lower_ in ("him", "her") or _lemma(tok) in _TITLES or any(t.lemma_.lower() in _TITLES for t in tok.lefts) or any(
        x.start < e and s < x.end and x.label == "PERSON" for x in entities)


def _tally(verb: Any) -> bool:
    """"so far", "to date", "thus far" on the verb: a count of progress ("has approved twelve projects so far")."""
    for c in verb.children:
        if c.lower_ == "far" and any(k.lower_ in ("so", "thus") for k in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "date" for p in c.children):
            return True
    return False


def _objects_agent(verb: Any) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def _span(doc: Any, tok: Any, offset: int, skip: Sequence[Any] = ()) -> tuple[int, int]:
    """Code points of ``tok``'s subtree, without the subtrees of ``skip`` (other conjuncts)."""
    drop = {t.i for s in skip for t in s.subtree}
    idx = [t.i for t in tok.subtree if t.i not in drop]
    if drop:  # the final stop hangs on the first conjunct; it must not stretch its clause over the others
        idx = [i for i in idx if i < min(drop) or not tok.doc[i].is_punct] or idx
    span = doc[min(idx):max(idx) + 1]
    return offset + span.start_char, offset + span.end_char


def _principle(comp: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    """"(agreed) that all low-carbon sources should be treated fairly": a passive "should" on all of a kind, a norm."""
    subj = [c for c in comp.children if c.dep_ == "nsubjpass"]
    return (comp.dep_ == "ccomp" and "should" in _aux(comp) and bool(subj) and not _objects_agent(comp)
            and not _is_actor(subj[0], entities, offset)
            and any(c.lower_ in ("all", "any", "every", "each") for c in subj[0].children))
    # ("agreed that the issue should be handled through the dialogue": a particular matter, a procedure agreed)


def _own_steering_clause(verb: Any) -> bool:
    """"agreed to X, and agreed that Y will meet", "agreed to set up X and instructed ministers to Y": a finite steering
    verb joined to another is a commitment of its own (the parser may hang it on the first one's complement)."""
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.lemma_.lower() in _STEER


def _steered(doc: Any, verb: Any, xcomps: list[Any], offset: int, entities: Sequence[EntitySpan],
             names: dict[str, str], negated: bool) -> list[Commitment]:
    """"agreed to X and to Y", "directed officials to X": one commitment per conjunct, action = the steering verb."""
    conjuncts: list[Any] = []
    for x in xcomps:
        conjuncts.append(x)
        conjuncts += [c for c in x.conjuncts if c.i > x.i and c.pos_ in ("VERB", "AUX") and not _own_steering_clause(c)]
    # "agreed to X, to be completed by 2030, and to develop Y", "agreed to X, reducing Z, and to stockpile Y": the
    # parser hangs "and to Y" on the aside (a purpose or a participle); a "to" conjunct there is the next agreed action
    conjuncts += [c for t in verb.subtree if t.dep_ == "advcl" and t.i > verb.i for c in t.children
                  if c.dep_ == "conj" and c.pos_ == "VERB" and "to" in _aux(c) and c not in conjuncts]
    conjuncts.sort(key=lambda t: t.i)
    # "commits both countries to deter and confront external aggression": verbs sharing one object are one commitment
    conjuncts = [c for k, c in enumerate(conjuncts) if k == 0 or "to" in _aux(c) or _objects(conjuncts[k - 1])
                 or c.dep_ != "conj"]
    subject = _subject(verb)
    if subject is not None and verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and not _is_actor(subject, entities, offset):
        subject = _subject(verb.head.head)  # "Both ministers said the community was a bridge, and agreed to speed up"
    if subject is not None and (subject.lemma_.lower() in _PREDICTORS or not (
            _is_actor(subject, entities, offset) or _states_terms(verb, subject))):
        return []  # ("the pact commits both services to scan": a term of the agreement)
    if subject is not None and subject.lower_ in _INSTRUMENTS and verb.tag_ in ("VBZ", "VBP") and not _states_terms(
            verb, subject):
        return []  # "The Treaty of Amity commits parties to settle disputes": an instrument described, no term
    if _under_forecast(verb):
        return []
    who, who_ids = _who(subject, verb, entities, names, offset)
    top = _chain_top(verb)
    out = []
    for i, c in enumerate(conjuncts):
        others = [o for o in conjuncts if o is not c and o.i > c.i]
        if len(conjuncts) == 1:
            start, end = _span(doc, top, offset)
        elif i == 0:
            start, end = _span(doc, top, offset, others)
        else:
            start, end = _span(doc, c, offset, others)
        when, ws, we = _when(doc, c, offset)
        if not when and i == 0:
            when, ws, we = _when(doc, top, offset)
        what = _what(c, _objects(c), [])
        what = (c.text + " " + what).strip() if what else c.text
        if start >= end or (c.lemma_.lower() in _STATES and any(k.dep_ in ("acomp", "oprd") for k in c.children)) or (
                c.lemma_.lower() in ("disagree", "differ")):
            continue  # "agreed to remain seized of the matter": a state kept, no act
            continue
        out.append(Commitment(start, end, who, verb.lemma_.lower(), what, when, negated, who_ids, ws, we,
                              (offset, offset + len(doc.text))))
    return out


def _deliverable(doc: Any, verb: Any, noun: Any, offset: int, entities: Sequence[EntitySpan],
                 names: dict[str, str], nouns: dict[str, str] = DELIVERABLE_NOUNS) -> Commitment | None:
    """"welcomed the signing of X": X was delivered (signed, launched...)."""
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "on")]
    if not of:  # "the signature in Lima on 16 May of the agreement": "of" hung on the place or the date
        of = [c for c in doc[noun.i + 1:_chain_top(noun.head).right_edge.i + 1] if c.dep_ == "prep"
              and c.lower_ == "of" and all(t.dep_ in ("prep", "pobj", "nummod", "compound", "det", "dobj")
                                           for t in _path_up(c.head, noun.head))][:1]
    objs = [p for o in of for p in o.children if p.dep_ == "pobj"]
    if not objs:
        return None
    subject = _subject(verb)
    who, who_ids = _who(subject, verb, entities, names, offset)
    top = _chain_top(verb)
    toks = list(top.subtree)
    span = doc[toks[0].i:toks[-1].i + 1]
    when, ws, we = _when(doc, top, offset)
    return Commitment(offset + span.start_char, offset + span.end_char, who, nouns[noun.lower_],
                      _trim(objs[0]), when, _negated(verb), who_ids, ws, we, (offset, offset + len(doc.text)))


def _light_or_due(doc: Any, verb: Any, noun: Any, label: str, offset: int, entities: Sequence[EntitySpan],
                  names: dict[str, str]) -> Commitment | None:
    """"reached agreement on X" (agree), "made a pledge of $2 billion" (pledge); "the next round is due in May" (hold)."""
    subject = _subject(verb)
    if label == "DUE":
        if subject is None or any(c.dep_ == "xcomp" for c in noun.children):
            return None  # "is due to be held" is the BE_TO rule's
        head = subject.lemma_.lower()
        action = "hold" if head in _DUE_EVENTS else "deliver" if head in _DUE_DELIVERIES else ""
        when, ws, we = _when(doc, verb, offset)
        if not action or not when:
            return None  # "a ruling is due", "payment is due on the loan": no scheduled act of the parties
        who: list[str] = []
        who_ids: list[str] = []
        what = _trim(subject)
    else:
        action = _LIGHT.get((verb.lemma_.lower(), noun.lemma_.lower()), "")
        if _lemma(noun) == "understanding" and not any(c.dep_ == "prep" and c.lower_ in ("on", "over")
                                                       for c in noun.children):
            return None  # "reached a common understanding of the threat": a view shared ("on fishing rights": a deal)
        if noun.lower_ == "place":  # "The next meeting will take place in Tashkent": a scheduled meeting
            if subject is None or subject.lemma_.lower() not in _DUE_EVENTS or not _is_future(verb):
                return None
            noun, subject = subject, None  # what is held: the meeting
        elif not action or subject is None or not _is_actor(subject, entities, offset) or (
                subject.lemma_.lower() in _PREDICTORS) or (verb.tag_ == "VBG" and verb.dep_ not in ("xcomp", "conj")):
            return None
        if not (_finite(verb) or _is_future(verb) or (verb.dep_ == "relcl" and verb.tag_ == "VBD")):
            return None
        who, who_ids = _who(subject, verb, entities, names, offset) if subject is not None else ([], [])
        when, ws, we = _when(doc, verb, offset)
        on = [p for h in (noun, verb) for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "of", "to")
              for p in c.children if p.dep_ in ("pobj", "pcomp")]
        what = _trim(on[0]) if on and action != "hold" else _trim(noun)
    if _under_forecast(verb) or _non_assertive(verb) or (_aux(verb) & _HYPOTHETICAL) or verb.dep_ in ("amod", "acl"):
        return None
    start, end = _span(doc, _chain_top(verb) if verb.dep_ == "xcomp" else verb, offset)
    return Commitment(start, end, who, action, what, when, _negated(verb), who_ids, ws, we,
                      (offset, offset + len(doc.text)))


def _committed(doc: Any, verb: Any, adj: Any, offset: int, entities: Sequence[EntitySpan],
               names: dict[str, str]) -> Commitment | None:
    """"remains committed to training 500 nurses": a commitment to an act (not "committed to the partnership")."""
    acts = [t for p in adj.children if p.dep_ == "prep" and p.lower_ == "to"
            for t in p.children if t.dep_ == "pcomp" or (t.dep_ == "pobj" and t.tag_ == "VBG")]
    acts += [c for c in adj.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if not acts and adj.lower_ == "committed":  # "We remain committed to OPEC+", "to the Global Compact": a named pact
        acts = [t for p in adj.children if p.dep_ == "prep" and p.lower_ == "to" for t in p.children
                if t.dep_ == "pobj" and (t.tag_ in ("NNP", "NNPS") or t.text.endswith("+") or _named_policy(t))]
    subject = _subject(verb)
    if not acts or subject is None or not _is_actor(subject, entities, offset) or _under_forecast(verb) or (
            _aux(verb) & _HYPOTHETICAL) or _non_assertive(verb) or subject.lemma_.lower() in _PREDICTORS:
        return None
    who, who_ids = _who(subject, verb, entities, names, offset)
    start, end = _span(doc, verb, offset)
    when, ws, we = _when(doc, verb, offset)
    act = acts[0]
    what = (act.text + " " + _what(act, _objects(act), [])).strip()
    return Commitment(start, end, who, "commit", what, when, _negated(verb), who_ids, ws, we,
                      (offset, offset + len(doc.text)))


#: A party's own course, named ("our one China policy", "its Vision 2030 agenda"): a standing commitment.
_COURSES = frozenset("policy agenda strategy programme program doctrine".split())


def _named_policy(noun: Any) -> bool:
    """"committed to our one China policy": a named policy or agenda, not "committed to the partnership"."""
    return _lemma(noun) in (_COURSES | _INSTRUMENTS) and any(
        c.dep_ in ("compound", "nmod") and c.tag_ in ("NNP", "NNPS") for c in noun.children)


def _negated(verb: Any) -> bool:
    for tok in (verb, verb.head if verb.dep_ in ("xcomp", "conj") else verb):
        if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") or (c.lower_ == "longer" and any(
                k.lower_ == "no" for k in c.children)) for c in tok.children):
            return True  # ("will no longer fund the programme")
    subj = _subject(verb)
    return subj is not None and any(c.lower_ in ("no", "neither") and c.dep_ == "det" for c in subj.children)


def _objects(verb: Any) -> list[Any]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")
            and c.tag_ not in ("WDT", "WP") and c.lower_ != "that"]  # "which New Delhi will host": no object here
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to") and c.i > verb.i):
        objs += [p for p in prep.children if p.dep_ == "pobj" and p.lower_ not in _DAY_WORDS]  # not "on Tuesday"
    if verb.lemma_.lower() in ("set", "start", "open") and not objs:
        objs += [c for c in verb.children if c.dep_ == "prt"]
    return objs


_DAY_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
weekend""".split())


def _subject(verb: Any) -> Any | None:
    tok = verb
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj:
            s = subj[0]
            if _dateline(s):  # "WARSAW, Oct. 2 – Poland on Thursday signed": the party follows the dateline
                after = [c for c in subj[1:]] + [c for c in s.children if c.dep_ == "appos" and c.i > s.i]
                s = after[0] if after else s
            if s.dep_ == "nsubjpass":
                agent = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                         and not find_when(" ".join(t.text for t in p.subtree))]  # "by December 2026" is a deadline
                if agent:
                    return agent[0]
            if s.lower_ in ("which", "that", "who") and tok.dep_ == "relcl":
                return tok.head
            return s
        if tok.dep_ in ("xcomp", "conj", "advcl", "acomp") and tok.head is not tok:
            tok = tok.head  # "are due to conclude": the subject of "are"
        elif (first := _series_first(tok)) is not None:
            tok = first  # "New Zealand will gift X, train Y": the subject of "will gift"
        else:
            break
    return None


def _it_is_a_thing(verb: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    """"it" in the second of two joined clauses stands for the first clause's subject: a thing when that is no party
    ("Investment will come from private firms, and it will not reduce ...", "it is an investment, and it will ...")."""
    if verb.dep_ != "conj":
        return False
    head = verb.head
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    if subj[0].lower_ in ("it", "this", "that"):
        return head.lemma_.lower() == "be"  # "it is an investment"
    return subj[0].pos_ == "NOUN" and not _is_actor(subj[0], entities, offset)


def _dateline(tok: Any) -> bool:
    """A place opening the sentence and closed by ":" or a dash ("Mumbai:", "ALGIERS —"): a dateline."""
    return tok.i < 6 and any(c.dep_ == "punct" and c.text in (":", "—", "–") and c.i > tok.i for c in tok.children)


def _is_actor(subject: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    toks = list(subject.subtree)
    # the head word or its conjuncts must name a party ("the Washington-led year" is no actor)
    heads = [subject, *subject.conjuncts]
    s = offset + min(t.idx for t in heads)
    e = offset + max(t.idx + len(t.text) for t in heads)
    if any(x.start < e and s < x.end and x.label in _PARTY_LABELS and ": " not in x.text for x in entities):
        return True  # (an entity running over a speaker label's colon is the tagger's slip, not the subject)
    if subject.pos_ == "PROPN" or subject.pos_ == "PRON":
        return True
    # a party in a clause describing the subject does not make it one ("the border post, financed by the Bank,")
    aside = {t.i for h in heads for c in h.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
    colon = max((t.i for t in toks if t.text == ":" and t.i < subject.i), default=-1)
    aside |= {t.i for t in toks if t.i <= colon}  # a transcript's speaker label parsed into the subject
    return any(t.lemma_.lower() in _ACTOR_NOUNS for t in toks if t.i not in aside)


def _delegates(subject: Any) -> bool:
    """"Experts from both sides", "officials of the two ministries": the parties' own people, not forecasters."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "of") and any(
        p.dep_ == "pobj" and _lemma(p) in _OWN_SIDES for p in c.children) for c in subject.children)


def _names_party(tok: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    """``tok`` (or a conjunct of it) lies in an entity that can act: a person, body, country or people."""
    heads = [tok, *tok.conjuncts]
    return any(x.start < offset + h.idx + len(h.text) and offset + h.idx < x.end and x.label in _PARTY_LABELS
               and x.label != "LOC" for h in heads for x in entities)


#: What a named programme does for those it serves, stated as its term ("the Regime (RIGI), which offers tax
#: guarantees", "the Window, which lends to small firms"): the offering of the governments that run it.
_PROGRAMME_OFFERS = frozenset("offer provide grant guarantee give lend fund finance extend".split())


def _programme_offers(verb: Any, entities: Sequence[EntitySpan], offset: int) -> bool:
    """``verb`` is a present-tense "which offers ..." on a named programme or instrument (an initiative: LAW), like
    a body's "which offers" (``_names_party``); its past ("which offered") or a modal is history or a hypothesis."""
    if verb.tag_ not in ("VBZ", "VBP") or _aux(verb) or _lemma(verb) not in _PROGRAMME_OFFERS:
        return False
    heads = [verb.head, *verb.head.conjuncts]
    return any(x.label == "LAW" and x.start < offset + h.idx + len(h.text) and offset + h.idx < x.end
               for h in heads for x in entities)


def _is_forecast(verb: Any, subject: Any | None) -> bool:
    if subject is not None and subject.lemma_.lower() in _PREDICTORS:
        return True
    return False


def _lemma(tok: Any) -> str:
    """The lower-case lemma, mended where the lemmatiser slips ("hopes" -> "hop")."""
    lemma = tok.lemma_.lower()
    return "hope" if lemma == "hop" and tok.lower_.startswith("hope") else lemma


#: What one "wants to" say when saying it ("I want to assure the House", "I would like to inform Members").
_SAYING = frozenset("assure reassure inform tell say confirm announce stress emphasise emphasize reiterate".split())


_ASSURING = frozenset("assure reassure guarantee".split())


def _assurance(tok: Any, below: Any) -> bool:
    """"I (also) want to assure this House that the Government will not import GM maize": the speaker's own assurance,
    a commitment, though "want" heads it ("Members want the Minister to assure us" asks another: the want has an
    object, or a subject other than I/we)."""
    if _lemma(tok) not in _ASSURING or below.dep_ != "ccomp" or tok.dep_ != "xcomp" or any(
            c.dep_ == "nsubj" for c in tok.children):
        return False
    want = tok.head
    return _lemma(want) in ("want", "wish", "like") and not any(c.dep_ == "dobj" for c in want.children) and any(
        c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in want.children)


def _under_forecast(verb: Any) -> bool:
    """A clause reported by an analyst or under "expect/likely/hope" ("analysts say India will sign")."""
    tok = verb
    for _ in range(4):
        if any(c.lower_ == "according" and any(p.lemma_.lower() in _HEARSAY for t in c.subtree for p in [t]
                                               if p.dep_ == "pobj") for c in tok.children):
            return True  # "According to the newspaper, India will sign": hearsay
        if tok.dep_ == "conj" and tok.head is not tok:
            tok = tok.head  # "discussed X and agreed to Y": a sibling clause, not a head
            continue
        if tok.dep_ in ("acl", "ccomp") and tok.head.pos_ == "NOUN" and _lemma(tok.head) in _HEARSAY_NOUNS:
            return True  # "Reports that Japan will buy jets were denied", "the expectation that India will sign"
        if tok.dep_ in ("ccomp", "attr") and tok.head.lemma_.lower() == "be" and any(
                c.dep_ == "nsubj" and (_lemma(c) in _HEARSAY_NOUNS or _lemma(c) in ("question", "danger", "bet", "issue"))
                for c in tok.head.children):
            return True  # "The risk is that Moscow will use the base", "The question is whether Ankara will"
        if tok.dep_ not in ("ccomp", "xcomp", "advcl") or tok.head is tok:
            return False
        if tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_OPENERS
                                       for c in tok.children):
            return False  # "When X signed the pact, both sides called it ...": a time, not what is hoped or called for
        below = tok
        tok = tok.head
        lemma = _lemma(tok)
        if _assurance(tok, below):
            return False
        if lemma in ("want", "wish", "like") and below.dep_ == "xcomp" and _lemma(below) in _SAYING:
            continue  # "I want to assure the House that the Government will not import ...": a way of saying it
        if lemma in _NOT_COMMITTING_HEADS or (lemma in _EPISTEMIC_HEADS and below.i > tok.i):
            return True
        if lemma == "move" and below.dep_ == "ccomp":
            return True  # "I beg to move that this House adopts the report": a motion, not yet carried
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
    if subject is None or (subject.dep_ == "nsubjpass" and (subject.head.i == verb.i or any(
            c.dep_ == "auxpass" for c in verb.children))):
        return [], []  # "a roadmap was adopted": the parties are not named ("are set to sign" names them)
    # the parties, not what describes them: "NovaAndino, the joint venture of Codelco and SQM," is NovaAndino
    heads = [subject, *subject.conjuncts]
    drop = {t.i for h in heads for c in h.children
            if c.dep_ in ("appos", "relcl", "acl") or (c.dep_ == "prep" and c.lower_ != "of")
            for t in c.subtree}
    toks = [t for t in subject.subtree if t.i not in drop] or list(subject.subtree)
    spans = [(offset + t.idx, offset + t.idx + len(t.text)) for t in toks]
    who: list[str] = []
    ids: list[str] = []
    for ent in entities:
        if any(ent.start < e and s < ent.end for s, e in spans) and ent.label in _PARTY_LABELS \
                and ent.entity_id not in ids:
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
    # a date in a clause of background ("visas, curtailed since August 2024", "a dialogue that has not met since
    # 2018") or after "since" dates the past, not the commitment
    aside = [(t.idx - s, t.idx - s + len(t.text)) for c in toks if c.i != top.i and c.dep_ in ("relcl", "acl", "advcl")
             and (c.tag_ == "VBN" or _past(c)) for t in c.subtree]
    hits = [h for h in find_when(clause) if not re.search(r"(?i)\bsince\s+(?:the\s+)?$", clause[max(0, h[0] - 12):h[0]])
            and not any(a <= h[0] < b for a, b in aside)]
    if not hits:
        return "", -1, -1
    def rank(h: tuple[int, int]) -> int:
        before = clause[max(0, h[0] - 12):h[0]].lower()
        return 0 if re.search(r"\b(?:by|within|before|until|no later than)\s+(?:the\s+)?$", before) else 1
    hs, he = min(hits, key=rank)
    return clause[hs:he], offset + s + hs, offset + s + he
