"""Entity candidates from the model, the gazetteer and rules, merged by explicit priority."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from briefing_app.nlp import dates, rules
from briefing_app.nlp.chunking import _is_abbreviation
from briefing_app.nlp.gazetteer import GazEntry, Gazetteer
from briefing_app.nlp.rules import STARTERS

#: Priority tiers: higher wins an overlap; within a tier the longer span wins.
LEARNED, TITLE, CONTAINER, RULE, SURNAME, MODEL, DATE_RULE = 6.0, 5.0, 4.0, 3.0, 2.5, 1.0, 0.5
#: Model labels that may legitimately contain a place name ("Bank of India", "US Navy").
CONTAINER_LABELS = frozenset({"ORG", "FAC", "PERSON", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
#: Labels whose spans may be all lower case ("last month", "two").
LOWERCASE_OK = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
#: An article or demonstrative the model took into a name ("the", "a Drought Fund Window", "this Government of
#: National Unity"): never the name's own (lowercase only, so "A. K. Rao" and a capital "The Bahamas" stay apart).
_LEADING_THE = re.compile(r"(?:the|The|THE)\s+|(?:a|an|this|these|that)\s+(?=[A-Z])")  # used with match(): no "^"
_POSSESSIVE = re.compile(r"['’]s$")
_LEADING_BULLET = re.compile(r"[•·▪‣◦●■*]+\s*")  # used with match(text, pos): no "^"
_TIME_OF_DAY = re.compile(r"(?i)(?:good )?(?:morning|afternoon|evening|night)")
_WINDOW = 300  # longest span considered when looking for containing/contained candidates
#: Hyphenated adjectival durations ("one-year", "99-year", "two-day", "decades-long").
_ADJECTIVAL_DURATION = re.compile(r"(?i)[\w]+-(?:years?|days?|weeks?|months?|hours?|minutes?|decades?)(?:-(?:old|long))?"
                                  r"|(?i:decades|years|centuries)-long")
#: What the model reads as a date but is none: an adjective of frequency ("quarterly", "seasonal"), a farm or weather
#: season ("the dry season"), a fraction ("three quarters", "a quarter of weekly pay") or a number hyphenated to a
#: unit that is no time's ("a 24-nautical-mile zone").
_NOT_A_DATE = re.compile(r"(?i)(?:quarterly|seasonal|biannual|biennial|fortnightly|monthly|weekly|yearly"
                         # a season of the farm or the weather, recurring every year: a time of year, not a date ("in
                         # the dry season", "before the lean season"); "the 2027 season" has its year
                         r"|(?:the\s+|each\s+|every\s+)?(?:dry|wet|rainy|lean|planting|sowing|harvest"
                         r"|hurricane|cyclone|typhoon|fishing|hunger|monsoon)\s+seasons?"
                         r"|(?:a|one|two|three)\s+quarters?(?:\s+of\s+[a-z]+)?"
                         # a bare unit after "every" or "each" is a frequency, as "monthly" is ("every month", "Each
                         # year it allocates ..."); with its number it is a period ("every six months")
                         r"|(?:every|each)\s+(?:(?:single|financial|fiscal|calendar|working|business|school)\s+)?"
                         r"(?:day|week|month|quarter|year|summer|winter|spring|autumn)"
                         r"|\d+-(?!(?:year|day|week|month|hour|minute"
                         r"|decade)s?\b)[a-z]+(?:-[a-z]+)*(?: miles?)?)")
#: A bare unit of time after "every" or "each", which the model tagged without it ("each [year]'s budget").
_BARE_UNIT = re.compile(r"day|week|month|quarter|year|summer|winter|spring|autumn")
_EVERY_BEFORE = re.compile(r"(?<![\w'’-])(?i:every|each)\s+$")
#: ... unless a year follows ("three quarters of 2025").
_OF_YEAR_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:fiscal|financial|calendar)\s+)?(?:year\b|(?:19|20)\d\d\b)")
#: "later" after a duration is not part of the date ("Six months later": "Six months").
_RELATIVE_TAIL = re.compile(r"\s+later$")
#: A preposition bounding a duration is not part of it ("under [30 minutes]", "up to [two years]").
_BOUND_HEAD = re.compile(r"(?:under|up\s+to)\s+(?=\S)", re.IGNORECASE)
#: The month (and year) after "the 14th day of": the rest of a formal dating clause.
_DAY_OF_MONTH = re.compile(r"\s+" + dates._MONTH + r"(?:,?\s+\d{4})?\b")
#: A whole span that is a calendar date ("3rd March 2026", "14 February 2026") or a fiscal year ("FY2027",
#: "FY26", "FY 2026-27", "fiscal year 2026"): never a name. "FY" alone, or before a name ("FY Tan"), stays.
DATE_SHAPED = re.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+" + dates._MONTH + r",?\s+\d{4}"
    r"|(?:FY|[Ff]iscal\s+[Yy]ear)\s?(?:\d{4}|\d{2})(?:[-/–]\d{2}(?:\d{2})?)?)")
#: "last" as a verb after a modal or "to" ("will last 18 months", "is expected to last two years").
_LAST_VERB = re.compile(r"last\s+(?=\S)")
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|can|may|might|must|should|shall|to|did|does|do)\s+$")
#: A capitalised adjective opening a sentence before a lowercase noun ("Consular officials", "Coastal radars").
_ADJECTIVE_WORD = re.compile(r"[A-Z][a-z]+(?:al|ar|ic|ive|ous|ary)")
_LOWER_NOUN_AFTER = re.compile(r" [a-z]{3,}")
#: A sentence's first word that is never a name's: a question's auxiliary ("Will", "Does") or an adjective or adverb
#: by its ending ("Landlocked", "Oil-rich", "Increasingly").
_LEADING_NON_NAME = re.compile(r"(?!United\b|Allied\b|Federated\b|Unified\b)(?:Will|Would|Can|Could|Should|Shall|Does|Do|Did|Has|Have|Had|Is|Are|Was|Were|Must"
                               r"|[A-Z][a-z]+(?:ed|ly)|[A-Z][a-z]+-(?:rich|poor|hit|led|based|backed))\s+(?=[A-Z])")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[•·▪]\s*)$")
#: The members of a body named by their office in the plural ("Heads of Government", "Heads of State and Government").
_PLURAL_ROLES = re.compile(r"Heads\s+of\s+(?:State|Government)(?:\s+and\s+(?:State|Government))?")
#: An office holder's title with its portfolio or state, which the model reads as a body ("Minister for Foreign Affairs
#: of Japan", "Deputy Secretary of State for Trade"): a title, ignored like any title; the state in it is the gazetteer's.
_OFFICE_LED = re.compile(r"(?:(?:Deputy|Vice|Prime|Chief|Assistant|Under|Permanent|Special|Foreign|Defence|Defense)[ -])*"
                         r"(?:Minister|Secretary|Ambassador|Commissioner|Envoy|Spokesperson)(?: of State)? (?:of|for) ")
#: The title before a portfolio ("Minister of ", "Secretary of State for the "): a capitalised run right after it that
#: ends in an office word ("Marine Affairs", "Ocean Resources and Development") or runs on into one with "and"
#: ("Marine" + " and Fisheries") is the rest of the title, not a body. The portfolio's earlier parts may stand between,
#: each ending at its joint ("Cabinet Secretary for Foreign and " + "Diaspora Affairs", "Minister of Trade, " +
#: "Industry Affairs"): the model reads the last part as a person, whose "Affairs" then passes for a surname.
_PORTFOLIO_TITLE_BEFORE = re.compile(r"\b(?:Minister|Ministers|Secretary|Commissioner|Secretary of State|Minister of State)"
                                     r" (?:of|for) (?:the )?(?:(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+(?:,| and| &|, and) "
                                     r"(?:the )?){0,3}$")
_AND_OFFICE_WORD = re.compile(r"(?:,| and| &) (?:the )?([A-Z][a-z]+)")
#: The kind of document after a body's name in a heading ("Security Council Press Statement", "European Commission -
#: Fact sheet", "National Assembly of X Official Report"): the heading's words, not the body's.
_DOCUMENT_KIND_TAIL = re.compile(r"(?:[ \t]+[-–—])?[ \t]+(?:Press[ \t]+(?:Statement|Release|Briefing)|Media[ \t]+(?:Release"
                                 r"|Statement|Note)|Fact[ \t]+[Ss]heet|Official[ \t]+Report|Joint[ \t]+Statement"
                                 r"|Communiqu[ée])\b")
#: Head nouns of named instruments and meetings, which the model sometimes reads as titles of works.
_INSTRUMENT_HEAD = re.compile(r"\b(?:" + "|".join(rules.LAW_HEADS + rules.EVENT_HEADS) + r")\b")
_BARE_NUMBER = re.compile(r"(?!(?:1[89]|20)\d\d$)\d+(?:st|nd|rd|th)?")
#: A time unit in the plural or a season with no number, determiner or year: vague ("within weeks, not years",
#: "queued for hours", "summer hydropower"), not a date.
_VAGUE_TIME = re.compile(r"(?i)(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries|summer|winter|"
                         r"spring|autumn)")


@dataclass(slots=True)
class Candidate:
    """One possible entity span with where it came from and how strongly it is believed."""

    start: int
    end: int
    label: str
    source: str
    priority: float
    role: str = ""
    entry: GazEntry | None = None
    lesson: str = ""  # the lesson action behind a "learned" candidate (add, boundary)
    lesson_id: int = 0  # and that lesson

    @property
    def length(self) -> int:
        """Span length in code points."""
        return self.end - self.start


#: Head nouns that, alone after a determiner, refer back to a body or instrument named before ("the Council", "this
#: House", "under the Treaty"); the gold conventions ignore them. A legislature's own name stays ("the Senate").
BACK_REFERENCES = frozenset(rules.BODY_HEADS | set(rules.LAW_HEADS) | set(rules.EVENT_HEADS)
                            | {"Kingdom", "House", "Bill", "Chamber", "Opposition", "Benches", "Government",
                               "Assembly", "Summit", "Coalition", "States", "Allies", "Allied", "Member States",
                               "Member State", "Partner State", "Partner States"})
#: Plural or adjectival words that are never a name alone, determiner or not ("obligations for States").
PLAIN_NOUNS = frozenset({"States", "Allies", "Allied", "Benches", "Member States", "Member State", "Partner State",
                         "Partner States"})
_DETERMINER_BEFORE = re.compile(r"\b(?:the|this|that|these|its|our|their|The|This|That|These|Its|Our|Their)\s+$")


def is_back_reference(text: str, start: int, end: int) -> bool:
    """True for a bare head noun that refers back ("the Council", "this House") or is never a name ("States")."""
    surface = text[start:end].strip()
    return surface in BACK_REFERENCES and (surface in PLAIN_NOUNS
                                           or _DETERMINER_BEFORE.search(text, max(0, start - 8), start) is not None)


#: Office-holders in the plural, with what they serve ("the Foreign Ministers of the Member States"): no name.
PLURAL_OFFICE = re.compile(r"(?:[A-Z][a-z]+ )?(?:Ministers|Leaders|Heads|Members|Ambassadors|Representatives"
                           r"|Secretaries|Presidents|Governors|Envoys)(?: of\b.*)?")
_EVENT_OR_LAW_END = re.compile(r"\b(?:" + "|".join(rules.EVENT_HEADS + rules.LAW_HEADS) + r")$")


#: Labels of names (not numbers or dates).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART"})
#: A model name that ends in a joint: "Electricity Company of", "Recovery Plan for", "Ministry of Ports and",
#: "Action Group against".
_OPEN_END = re.compile(r" (of|for|against|and|&)$")
#: The capitalised words that go on after such a joint (" Ghana", " the Sahel", " North Eastern Region").
_NAME_RUN = re.compile(r" (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}(?![\w'’-])")


#: A byline's time stamp after the last author's name ("By Jane Doe Updated: 22 May 2026, 09:40").
_BYLINE_STAMP = re.compile(r"\s+(?:Last\s+(?:updated|modified)|Updated|Published|Posted|Modified)(?=\s*:)")


#: ... or the portfolio goes on straight to its office word ("for [European Union] Affairs", "for [Pacific] Island
#: Affairs").
_OFFICE_WORD_ON = re.compile(r"(?: [A-Z][a-z]+){1,2}\b")


def in_title_portfolio(text: str, start: int, end: int, office_words: frozenset[str]) -> bool:
    """True for a name inside an office title's portfolio ("Minister of [Marine Affairs] and Fisheries", "Secretary of
    State for Foreign, [Commonwealth] and Development Affairs", "Minister of State for [European Union] Affairs"):
    the portfolio is the title's, which the conventions keep apart from names."""
    if not office_words or _PORTFOLIO_TITLE_BEFORE.search(text, max(0, start - 90), start) is None:
        return False
    surface = text[start:end].strip()
    if surface and surface.split()[-1] in office_words:
        return True
    if (more := _AND_OFFICE_WORD.match(text, end)) is not None and more.group(1) in office_words:
        return True
    on = _OFFICE_WORD_ON.match(text, end)
    return on is not None and any(w in office_words for w in on.group().split())


def clean_model_span(text: str, cand: Candidate, gazetteer: Gazetteer,
                     office_words: frozenset[str] = frozenset()) -> Candidate | None:
    """Fix typical model errors on one span; None drops it.

    Drops spans the gazetteer lists as never-entities ("AI", "X"), capitalised-free
    names ("telephonic" as NORP), and trims a leading "the" and a trailing possessive.
    """
    start, end = cand.start, cand.end
    bullet = _LEADING_BULLET.match(text, start, end)
    if bullet:
        start = bullet.end()
        if cand.label not in LOWERCASE_OK and " " not in text[start:end].strip():
            # "• Building ...": the model read a list item's capitalised first word as a name (real one-word
            # names there, "• India ...", still come from the gazetteer)
            return None
    if cand.label == "DATE" and (tail := _DAY_OF_MONTH.match(text, end)) is not None and \
            text[start:end].rstrip().lower().endswith(" day of"):
        end = tail.end()  # "this 14th day of" + " February 2026": a treaty's dating clause is one date
    if cand.label in NAME_LABELS and DATE_SHAPED.fullmatch(text, start, end):
        # "3rd March 2026", "FY2027", "FY 2026-27": a calendar date or fiscal year the model read as a name
        cand = replace(cand, label="DATE")
    if cand.label != "DATE":
        m = _LEADING_THE.match(text, start, end)
        if m:
            start = m.end()
    if (cand.label in ("PERSON", "ORG", "GPE", "NORP") and (lead := _LEADING_NON_NAME.match(text, start, end)) is not None
            and _SENTENCE_START_BEFORE.search(text, max(0, start - 4), start) is not None
            and (entry := gazetteer.lookup(text[lead.end():end])) is not None and entry.label != "PERSON"
            and gazetteer.lookup(text[start:end]) is None):  # "United Kingdom", "Allied Command": the name itself
        # "Will Mexico accept ...?", "Landlocked Laos already ships ...": a question's auxiliary or an adjective
        # opening the sentence is not the first word of the known place or body after it
        start = lead.end()
    if cand.label == "ORG" and (chair := rules.CHAIR_OF_THE.match(text, start, end)) is not None:
        start = chair.end()  # "Chairperson of the " + "Common Market for Eastern and Southern Africa"
    if (cand.label == "ORG" and (kind := _DOCUMENT_KIND_TAIL.search(text, start, end + 7)) is not None
            and kind.start() < end):
        end = kind.start()  # "Security Council" + " Press Statement" (the model may stop inside it: "... - Fact")
    surface = text[start:end]
    if "(" in surface and ")" not in surface[surface.index("("):]:
        # "... for the Pacific (AIFFP": the acronym's bracket is never inside a name
        end = start + surface.index("(")
        while end > start and text[end - 1] in " \t":
            end -= 1
        surface = text[start:end]
    if cand.label == "PERSON" and (stamp := _BYLINE_STAMP.search(text, start, min(len(text), end + 2))) is not None:
        end = stamp.start()  # "By Jane Doe Updated: 22 May": a byline's time stamp is not the name's
        surface = text[start:end]
    if surface.endswith(":") and cand.label not in LOWERCASE_OK:
        end = start + len(surface.rstrip(":").rstrip())  # "Jane Doe:" -- a speaker label's colon is not the name's
        surface = text[start:end]
    if cand.label in NAME_LABELS and (cut := _OPEN_END.search(surface)) is not None:
        run = _NAME_RUN.match(text, end) if cut.group(1) != "and" else None
        if run is not None:
            end = run.end()  # "Electricity Company of" + " Ghana": the model stopped inside the name
        else:
            end = start + cut.start()  # "Ministry of Ports and": the joint to the next name is not this name's
        surface = text[start:end]
    m2 = _POSSESSIVE.search(surface)
    if m2 and cand.label not in LOWERCASE_OK:
        end -= len(m2.group(0))
        surface = text[start:end]
    surface = surface.strip()
    if not surface or surface in gazetteer.not_entities or (surface in STARTERS and cand.label not in LOWERCASE_OK):
        return None
    if cand.label not in LOWERCASE_OK and not any(c.isupper() for c in surface):
        return None
    if (cand.label == "ORG" and _ADJECTIVE_WORD.fullmatch(surface) and _LOWER_NOUN_AFTER.match(text, end)
            and _SENTENCE_START_BEFORE.search(text, max(0, start - 4), start) is not None
            and gazetteer.lookup(surface) is None):
        return None  # "Consular officials said ...", "Coastal radars were ...": a capitalised adjective, not a body
    if cand.label in ("DATE", "TIME") and _TIME_OF_DAY.fullmatch(surface):
        return None  # "Good morning", "this evening": greetings and times of day, not dates
    if cand.label == "DATE" and _BARE_NUMBER.fullmatch(surface):
        return None  # "24", "17th", "1267": numbers, not dates
    if cand.label in ("DATE", "TIME") and _VAGUE_TIME.fullmatch(surface):
        return None  # "for years", "within hours", "in winter": vague time, not a date
    if cand.label == "DATE" and _ADJECTIVAL_DURATION.fullmatch(surface):
        return None  # "a one-year moratorium", "a 99-year lease": hyphenated adjectives, not dates
    if cand.label in ("DATE", "TIME") and _NOT_A_DATE.fullmatch(surface) and not _OF_YEAR_AFTER.match(text, end):
        return None  # "a quarterly report", "seasonal workers", "three quarters of the world's cobalt", "a 24-nautical"
    if cand.label == "DATE" and _BARE_UNIT.fullmatch(surface) and _EVERY_BEFORE.search(text, max(0, start - 7), start):
        return None  # "Each [year]'s budget": the model left the frequency's "each" out
    if cand.label in ("DATE", "TIME") and (bound := _BOUND_HEAD.match(text, start, end)) is not None:
        start = bound.end()  # "under 30 minutes": the duration is "30 minutes"
        surface = text[start:end].strip()
    if cand.label == "DATE" and (verb := _LAST_VERB.match(text, start, end)) is not None and \
            _MODAL_BEFORE.search(text, max(0, start - 12), start):
        start = verb.end()  # "it will [last] 18 months": the verb "last", not the adjective
        surface = text[start:end].strip()
    if cand.label == "DATE" and (later := _RELATIVE_TAIL.search(surface)) is not None and later.start() > 0:
        end = start + len(text[start:end]) - len(text[start:end].lstrip()) + later.start()  # "Six months [later]"
    if (surface.endswith(".") and cand.label not in LOWERCASE_OK and " " in surface
            and not _is_abbreviation(text, start + len(surface) - 1)):
        end = start + len(surface) - 1  # "in Chiang Rai." -- the sentence's full stop is not the name's
        surface = surface[:-1]
    if cand.label == "WORK_OF_ART" and (head := _INSTRUMENT_HEAD.search(surface)) is not None:
        # "Declaration of Principles": a named instrument or meeting, not a work
        label = "EVENT" if head.group(0) in rules.EVENT_HEADS else "LAW"
        return Candidate(start, end, label, cand.source, cand.priority)
    if cand.label != "DATE" and _PLURAL_ROLES.fullmatch(surface):
        return None  # "Heads of Government agreed ...": the members of a body, not its name
    if (cand.label in ("ORG", "NORP", "PERSON", "GPE", "LAW", "EVENT") and " of " in surface
            and PLURAL_OFFICE.fullmatch(surface)
            and not _EVENT_OR_LAW_END.search(surface)):
        return None  # "Foreign Ministers of Honduras": office-holders, not a body; the state after "of" keeps its name
    if cand.label != "PERSON" and _OFFICE_LED.match(surface):
        return None  # "Minister for Foreign Affairs of Japan": an office's title, not a body
    if cand.label in ("ORG", "PERSON", "GPE", "LOC", "NORP") and in_title_portfolio(text, start, end, office_words):
        return None  # "Minister of [Marine Affairs] and Fisheries": the portfolio is the title's, not a name
    if is_back_reference(text, start, end):
        return None  # "the Council", "this House", "under the Treaty": a back-reference, not a name
    if cand.label != "PERSON" and all(w in office_words for w in surface.split()):
        return None  # "Official Spokesperson", "Union Education": titles, not names
    if is_document_genre(surface):
        return None  # "Joint Press Conference", "1318th Meeting", "Excellencies": the document, not a name
    return Candidate(start, end, cand.label, cand.source, cand.priority)


#: Joints between coordinated names: a new determiner starts a new name ("the Ministry of Trade, the Export
#: Credit Agency and the National Development Bank").
_COORD_JOINT = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|;\s*)(?:the|The)\s+(?=[A-Z])")


#: "and" before a second body's name inside one span: the words after it hold a body's head noun ("Ministry of Finance
#: and Central Bank"); "Ministry of Trade and Industry" names one portfolio, and so does "... and Public
#: Administration" (administration is a portfolio's word as often as a body's).
_BODY_JOINT = re.compile(r" (?:and|&) (?=(?:[A-Z][\w'’-]* ){0,3}(?:"
                         + "|".join(sorted(rules.BODY_HEADS - {"Administration"})) + r")\b)")


def split_coordination(text: str, cand: Candidate) -> list[Candidate]:
    """One name per conjunct when a span coordinates determiner-led names, or a body's name and another body's
    ("Ministry of Finance and Central Bank"), or sets names apart with a spaced slash; the span itself otherwise."""
    surface = text[cand.start:cand.end]
    if " / " in surface and cand.label != "DATE":
        # "National Defence / Canadian Armed Forces": a spaced slash sets two names side by side
        cut = cand.start + surface.index(" / ")
        first = Candidate(cand.start, cut, cand.label, cand.source, cand.priority, cand.role)
        rest = Candidate(cut + 3, cand.end, cand.label, cand.source, cand.priority, cand.role)
        return [p for part in (first, rest) if text[part.start:part.start + 1].isupper()
                for p in split_coordination(text, part)]
    if (cand.label == "ORG" and " and " in surface and surface.split()[0] in rules.BODY_HEADS
            and (joint := _BODY_JOINT.search(surface)) is not None and joint.start() > 0):
        first = Candidate(cand.start, cand.start + joint.start(), cand.label, cand.source, cand.priority, cand.role)
        rest = Candidate(cand.start + joint.end(), cand.end, cand.label, cand.source, cand.priority, cand.role)
        # "the Council and Commission statements": each part alone may be a back-reference
        return [p for p in (first, *split_coordination(text, rest)) if not is_back_reference(text, p.start, p.end)]
    if " the " not in surface and " The " not in surface:
        return [cand]
    joints = list(_COORD_JOINT.finditer(surface))
    if not joints:
        return [cand]
    out = []
    pos = cand.start
    for j in joints:
        out.append((pos, cand.start + j.start()))
        pos = cand.start + j.end()
    out.append((pos, cand.end))
    parts = [Candidate(s, e, cand.label, cand.source, cand.priority, cand.role) for s, e in out
             if e > s and text[s:s + 1].isupper()]
    return parts if len(parts) >= 2 else [cand]


#: Words naming the kind of document or occasion ("Joint Press Conference", "Press Statement", "Regular Briefing")
#: and plural addressees ("Ministers", "Excellencies"): alone they are never a name.
GENRE_WORDS = frozenset("""Joint Press Statement Statements Conference Briefing Briefings Communiqué Communique Release
Readout Transcript Remarks Meeting Regular Fact Sheet Opening Closing Session Media Daily Weekly Final Plenary Debate
Verbatim Report Ministers Leaders Members Delegations Excellencies Parties Participants Colleagues Analysis ANALYSIS
Chair""".split())
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
#: Ordinals spelled out in a session's name ("Forty-Ninth Regular Meeting"); alone they are the model's ORDINAL.
_SPELLED_ORDINAL = re.compile(r"(?:(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)-)?"
                              r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth"
                              r"|(?:Thir|Four|Fif|Six|Seven|Eigh|Nine)teenth|(?:Twen|Thir|For|Fif|Six|Seven|Eigh|Nine)tieth)")


def is_document_genre(surface: str) -> bool:
    """True for names made only of document-kind words and ordinals ("Joint Statement", "1318th Meeting")."""
    words = surface.split()
    return bool(words) and all(w in GENRE_WORDS or _ORDINAL.fullmatch(w)
                               or (len(words) > 1 and _SPELLED_ORDINAL.fullmatch(w)) for w in words)


#: Heads of initiatives named by the places they run between, which keep their dash-joined places.
ENDPOINT_HEADS = frozenset({"Corridor"})


def strip_prefixes(text: str, cand: Candidate, places: Sequence[Candidate]) -> Candidate | None:
    """Remove country/organisation prefixes from a rule initiative ("India–US COMPACT" -> "COMPACT")."""
    start = cand.start
    changed = True
    parties, joints = 0, ""
    last = start  # where the last prefix starts
    while changed:
        changed = False
        for p in places:
            if p.start == start and p.end < cand.end and p.label in ("GPE", "ORG", "NORP", "LOC"):
                last = start
                start = p.end
                changed = True
                parties += 1
        m = re.match(r"(?:['’]s)?[\s\-–—/]+|(?:\s*(?:and|&|the)\s+)", text[start:cand.end])
        if m and m.end() > 0 and changed:
            joints += m.group(0)
            start += m.end()
    if start == cand.start:
        return cand
    if parties == 1 and not joints.strip() and text[max(0, cand.start - 1):cand.start] not in ("-", "–", "—", "/"):
        # one place before the name with a plain space ("Pacific Resilience Facility Act", "Lisbon Declaration"):
        # a name that merely contains a place stays whole; only pairs and dash prefixes are split off
        return cand
    if (parties >= 2 and not joints.strip() and text[max(0, cand.start - 1):cand.start] not in ("-", "–", "—", "/")
            and any(p.start == last and p.label in ("GPE", "LOC") for p in places)
            and re.search(r"\b(?:Summit|Meeting)$", text[start:cand.end]) is not None):
        # a grouping, then its host city, with plain spaces ("the G20 Varna Leaders' Summit"): the grouping is
        # named apart, the city names the summit
        return Candidate(last, cand.end, cand.label, cand.source, cand.priority)
    rest = re.split(r" (?:on|for) ", text[start:cand.end])[0]  # the name before its tail ("Convention on ...")
    if rest.split()[-1] in ENDPOINT_HEADS and re.search(r"[-–—]", joints):
        # "China-Nepal Economic Corridor": a corridor is named by the places it joins, like a railway; the
        # places are its name, not parties to it
        return cand
    if len(rest.split()) < 2 and _title_case_heading(text, cand.start):
        # only the head noun is left in a title-case heading ("Questions on the Japan-US Tariff Agreement"): a
        # capitalised word there is the heading's style, not a name; the places remain
        return None
    # "the GCC–Central Asia Summit", "the Solomon Islands–Australia Partnership": the head is the name
    return Candidate(start, cand.end, cand.label, cand.source, cand.priority)


#: An ordinal before a name ("Second China–Central Asia Summit", "12th ..."): a numbered meeting, named even in a heading.
_ORDINAL_BEFORE = re.compile(r"(?:\b(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)|\d+(?:st|nd|rd|th))"
                             r"\s+[\w'’.\s–—-]{0,60}$")


def _title_case_heading(text: str, pos: int) -> bool:
    """True when the line around ``pos`` is a title-case heading (no lowercase word of four letters or more) and no
    ordinal comes right before ``pos``."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    if any(w[0].islower() and len(w) >= 4 for w in re.findall(r"[\w'’-]+", line)):
        return False
    return _ORDINAL_BEFORE.search(text, max(line_start, pos - 60), pos) is None


def promote_containers(text: str, model: Iterable[Candidate], rules: Sequence[Candidate]) -> list[Candidate]:
    """Let model ORG/FAC/PERSON... spans keep a place they contain ("Bank of India", "Michael Jordan").

    Not when the span holds a gazetteer/rule initiative, when the place is a dash-joined
    prefix ("India–US ..."), or when the words outside the place are not capitalised
    ("the Indo-Pacific region").
    """
    ordered = sorted(rules, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    out = []
    for m in model:
        if m.label in CONTAINER_LABELS:
            lo = bisect_left(starts, m.start - _WINDOW)
            hi = bisect_right(starts, m.end)
            near = ordered[lo:hi]
            inner = [r for r in near if m.start <= r.start and r.end <= m.end and r.length < m.length]
            covered = any(r.start <= m.start and m.end <= r.end for r in near)
            # a longer rule span crossing the model span ("ASEAN Outlook" vs "ASEAN Outlook on the Indo-Pacific")
            covered = covered or any(r.start < m.end and m.start < r.end and r.end > m.end and r.length > m.length
                                     for r in near)
            if (inner and not covered and not any(r.label in ("LAW", "EVENT") for r in inner)
                    and not (m.label != "PERSON" and any(r.label == "PERSON" for r in inner))
                    # a "title of a work" over a country is a heading's phrase ("Official Visit of the Prime
                    # Minister of Samoa"): the country inside it is the name
                    and not (m.label == "WORK_OF_ART" and any(r.label in ("GPE", "LOC") for r in inner))):
                rest = text[m.start:m.end]
                for r in sorted(inner, key=lambda c: -c.start):
                    rest = rest[: r.start - m.start] + " " * r.length + rest[r.end - m.start:]
                words = [w for w in re.findall(r"[\w'’&]+", rest) if w not in STARTERS]
                dash_prefix = any(text[r.end:r.end + 1] in "-–—/" or (r.start > 0 and text[r.start - 1] in "-–—/")
                                  for r in inner)
                if any(w[0].isupper() for w in words) and not dash_prefix:
                    m = Candidate(m.start, m.end, m.label, m.source, CONTAINER)
        out.append(m)
    return out


def merge(candidates: Iterable[Candidate], text_len: int) -> list[Candidate]:
    """Non-overlapping spans: higher priority first, then longer, then earlier."""
    taken = bytearray(text_len + 1)
    kept = []
    for c in sorted(candidates, key=lambda c: (-c.priority, -c.length, c.start)):
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * c.length
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


def contains(ordered: Sequence[Candidate], starts: Sequence[int], start: int, end: int) -> bool:
    """True when a candidate of ``ordered`` (sorted by start) strictly contains ``[start, end)``."""
    lo = bisect_left(starts, start - _WINDOW)
    hi = bisect_right(starts, start)
    return any(c.end >= end and c.length > end - start for c in ordered[lo:hi])
