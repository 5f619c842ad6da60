"""Recall rules: names that neither the model nor the gazetteer tagged, found by their neighbours.

An unknown town listed with known places ("Kadugli and Dilling", "Dostyk–Alashankou") or the stations of a route
("the Kars–Igdir–Nakhchivan railway") is a place. Pure text rules over code-point offsets, run on the merged
candidates of one text (nlp/cleanup.py); they only add names where nothing was tagged.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from briefing_app.nlp import rules, transcript
from briefing_app.nlp.chunking import _is_abbreviation
from briefing_app.nlp.entities import (
    GENRE_WORDS,
    MODEL,
    PLURAL_OFFICE,
    TITLE,
    Candidate,
    _title_case_heading,
    is_document_genre,
)
from briefing_app.nlp.gazetteer import Gazetteer
from briefing_app.nlp.titles import NAME_WORD, NOT_NAMES, OFFICE_WORDS, PEERAGES

#: A run of one to three capitalised words with the lowercase particles of place names ("Foz do Iguaçu").
_RUN = r"[A-ZÀ-ÞĀ-Ž][\w'’.]*(?:(?: | (?:do|da|de|del|dos|das|la|el|al) )[A-ZÀ-ÞĀ-Ž][\w'’.]*){0,2}"
#: The joints of a list of places: a comma, "and", "or", or a hyphen or en dash between two names without spaces (an
#: em dash is a parenthesis as often as a joint).
_JOINT = r"(?:,\s+(?:and\s+)?|\s+(?:and|or|&)\s+|[-–])"
_AFTER = re.compile(rf"(?P<joint>{_JOINT})(?P<run>{_RUN})(?![\w'’-]| [A-ZÀ-Þ]| (?:of|for)\b)")
_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<run>{_RUN})(?P<joint>{_JOINT})$")
#: ... or the last item of the list, before the full stop that ends its sentence ("Port Moresby and Lae. The fund
#: ..."): _AFTER's run takes the stop and the next sentence's first word in, and then fails as no place.
_AFTER_AT_STOP = re.compile(rf"(?P<joint>{_JOINT})(?P<run>[A-ZÀ-ÞĀ-Ž][\w'’]*(?:(?: | (?:do|da|de|del|dos|das|la|el|al) )"
                            r"[A-ZÀ-ÞĀ-Ž][\w'’]*){0,2})(?=\.(?:\s|$))")
#: Dash-joined capitalised names before a route's or crossing's lowercase noun: each is a place ("the A–B–C railway",
#: "the A–B border crossing").
_ROUTE = re.compile(rf"(?<![\w'’-])(?P<chain>{_RUN}(?:[–—-]{_RUN})+) (?:railway|railroad|rail link|road|highway|line"
                    r"|pipeline|border crossing|crossing|corridor|route|bridge|interconnector|transmission line"
                    r"|power line|canal|ferry)s?\b")
#: A preposition of place right before a name ("talks in Koror", "trucks return to Ouanaminthe").
_LOCATIVE = re.compile(rf"(?<![\w'’-])(?:in|at|near|outside|to|from|via) (?P<run>{_RUN})(?![\w'’-]| [A-ZÀ-Þ]| (?:of|for)\b|['’]s\b)")
_DETERMINER_AFTER = re.compile(r" (?:the|a|an|its|their|our|all|every)\b")
#: Honorifics and words of address that follow "to"/"from" before a person ("to Mr Kamau", "from Dr Ansah").
_HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Sir Dame Lord Lady Madam Mister Hon Prof His Her H.E.".split())
_MONTHS_DAYS = frozenset("""January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())
_PLACE_LABELS = ("GPE", "LOC")
_OBJECT_AFTER = re.compile(r" (?:the|a|an|that|with|its|their|our|his|her|all|further|also)\b")
#: Prefixes hyphenated to a place that make an adjective, not a second place ("Trans-Caspian", "Sino-Indian").
_PREFIXES = frozenset("""Trans Pan Sino Indo Afro Euro Anglo Franco Russo Greco Austro Inter Intra Sub Anti Pro Post Pre
Non Mid Ex Neo Pro Cross North South East West Upper Lower Greater""".split())


def _common_word(word: str, text: str, g: Gazetteer) -> bool:
    """True when a capitalised word is a common word rather than a name: a sentence starter, an office's or a
    document's word, a month, a word the gazetteer knows or rejects, or one the text also writes in lowercase."""
    if (word in rules.STARTERS or word in OFFICE_WORDS or word in GENRE_WORDS or word in rules.BODY_HEADS
            or word in _MONTHS_DAYS or word in g.not_entities or word.isupper()):
        return True
    low = word.lower()
    return low != word and low in lowercase_words(text)


@lru_cache(maxsize=4)
def lowercase_words(text: str) -> frozenset[str]:
    """The words a text writes in lowercase (one pass per text: the rules ask for many words)."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-zà-ÿ][\w'’-]*(?<![-'’])(?![\w'’-])", text))


def _unknown_place(text: str, start: int, end: int, g: Gazetteer) -> bool:
    """True when ``text[start:end]`` can be an unknown place's name: words no common word, no known entry."""
    surface = text[start:end]
    if g.lookup(surface) is not None or "\n" in surface:
        return False
    words = [w for w in surface.split() if w[:1].isupper()]
    if surface.endswith("ing") and _OBJECT_AFTER.match(text, end):
        return False  # a communiqué's participle: "..., Noting the remarks"
    return bool(words) and not any(_common_word(w.strip(".'’"), text, g) for w in words) and not surface.endswith(".")


def _name_end(text: str, start: int, end: int) -> int:
    """End of a name that a sentence's full stop follows ("... and Lae."), keeping an abbreviation's ("St.")."""
    if text[end - 1:end] == "." and (end - start > 3 and text[end - 3:end - 1].islower()):
        return end - 1
    return end


class _FreeSpans:
    """Where an untagged name may be proposed: a span that overlaps none of the names found so far (the four
    starting before its end: names do not nest deeper) and no furniture. Called as ``free(start, end)``."""

    def __init__(self, merged: list[Candidate], furniture: bytearray | None, text: str = "",
                 g: Gazetteer | None = None) -> None:
        # with the text and the gazetteer, the model's guesses of a class the officer never sees do not hold a place
        # (_ignored_guess): "the soldiers in Rukla" read as a product, "the Karamyk checkpoint" as a nationality
        self.spans = sorted((c.start, c.end) for c in merged if g is None or not _ignored_guess(text, c, g))
        self.starts = [a for a, _ in self.spans]
        self.furniture = furniture

    def __call__(self, s: int, e: int) -> bool:
        i = bisect_left(self.starts, e)
        return (not any(a < e and s < b for a, b in self.spans[max(0, i - 4):i])
                and (self.furniture is None or not any(self.furniture[s:e])))

    def add(self, spans: list[tuple[int, int]]) -> None:
        """Names proposed meanwhile take their place too."""
        self.spans = sorted(self.spans + spans)
        self.starts = [a for a, _ in self.spans]


def free_spans(merged: list[Candidate], furniture: bytearray | None, text: str, g: Gazetteer
               ) -> Callable[[int, int], bool]:
    """``free(start, end)``: whether an untagged name may be proposed there (for rules elsewhere)."""
    return _FreeSpans(merged, furniture, text, g)


#: Endings of nationalities and peoples ("Borduran", "Vietnamese", "Kurdish"): a nationality the gazetteer lacks.
_DEMONYM_END = ("an", "ans", "ese", "ish", "ic", "ics")


def _ignored_guess(text: str, c: Candidate, g: Gazetteer) -> bool:
    """True for the model's product, number or unknown "nationality" where the gazetteer knows no name: a class the
    evaluation and the officer never see, often given to a small place or firm; a rule with a cue may re-read it."""
    if c.source != "model" or c.label not in ("PRODUCT", "NORP", "CARDINAL"):
        return False
    surface = text[c.start:c.end]
    if g.lookup(surface) is not None or surface.isupper():
        return False
    return c.label != "NORP" or not surface.endswith(_DEMONYM_END)


def sentence_start(text: str, start: int) -> bool:
    """True when ``start`` begins a line or a sentence (its capital says nothing)."""
    before = text[max(0, start - 3):start]
    return start == 0 or before.endswith("\n") or re.search(r"[.!?:;•\"“]\s*$", before) is not None


def coordinated_places(text: str, merged: list[Candidate], g: Gazetteer,
                       furniture: bytearray | None = None) -> list[Candidate]:
    """Untagged names listed with a place or joined to one by a dash ("Pemba and Montepuez", "Dostyk–Alashankou",
    "Macomia, Muidumbe and Ancuabe"), and the stations of a lowercase route ("the A–B–C railway"): places."""
    free = _FreeSpans(merged, furniture, text, g)
    out: list[Candidate] = []
    for m in _ROUTE.finditer(text):
        parts = [(m.start("chain") + p.start(), m.start("chain") + p.end())
                 for p in re.finditer(r"[^–—-]+", m.group("chain"))]
        if all(_unknown_place(text, s, e, g) or not free(s, e) for s, e in parts):
            out += [Candidate(s, e, "GPE", "model", TITLE) for s, e in parts if free(s, e)]
    places = sorted((c for c in merged if c.label in _PLACE_LABELS), key=lambda c: c.start)
    seen = {(c.start, c.end) for c in out}
    frontier = [(c.start, c.end) for c in places] + list(seen)
    while frontier:
        nxt = []
        for s0, e0 in frontier:
            # a dash pair that leads a longer name is not a list ("A-B Water Cooperation Centre")
            leads = re.match(r" [A-Z]", text[e0:e0 + 2]) is not None
            # An unknown name listed after a state, before the full stop or mid-sentence ("... the deal involves
            # Kenya and Safaricom.", "Talks between Nigeria and Dangote stalled") is a company or a person as often as
            # a place: states are all known, so a list of states gains no unknown one, while a list of towns or
            # features does ("Port Moresby and Lae.", "Middle Rocks and South Ledge."). (A state's own unknown town
            # after it, "Somalia and Kismayo", then goes untagged unless the model tags it: a miss, not a firm made a
            # place.)
            if not g.is_state(text[s0:e0]):
                stop = _AFTER_AT_STOP.match(text, e0)
                if stop is not None and _is_abbreviation(text, stop.end()):
                    stop = None  # "Ghana and Mr. Smith": an abbreviation's stop, no sentence's end
                for after in (_AFTER.match(text, e0), stop):
                    if after is not None and not (leads and after.group("joint") in ("-", "–")):
                        s, e = after.span("run")
                        e = _name_end(text, s, e)
                        if (s, e) not in seen and free(s, e) and _unknown_place(text, s, e, g):
                            nxt.append((s, e))
                            break
            before = _BEFORE.search(text, max(0, s0 - 60), s0)
            if before is not None:
                s, e = before.span("run")
                dash = before.group("joint") in ("-", "–")
                if ((s, e) not in seen and free(s, e) and _unknown_place(text, s, e, g)
                        and (dash or not sentence_start(text, s)) and not (dash and (leads or text[s:e] in _PREFIXES))):
                    nxt.append((s, e))
        added = []
        for span in nxt:
            if span not in seen:
                seen.add(span)
                out.append(Candidate(span[0], span[1], "GPE", "model", TITLE))
                added.append(span)
        free.add(added)
        frontier = nxt
    return out


#: One capitalised word joined to the name after it by "and" ("Masdar and the ..."); a comma is as often an
#: apposition or a letterhead's joint ("Senior Fellow, Caucasus Policy Institute"), and after "the" the word opens
#: a name with "and" in it ("the Kanak and Socialist ... Front").
_WORD_JOINED_BEFORE = re.compile(r"(?<![\w'’.&-])(?<!, )(?<!\b[Tt]he )(?P<w>[A-ZÀ-Þ][\w'’&-]{2,}) and (?:the )?$")
#: ... or after it ("... Corporation and Velcor"), a one-word name that ends there.
_WORD_JOINED_AFTER = re.compile(r" and (?P<w>[A-ZÀ-Þ][\w'’&-]{2,})(?![\w'’&-])(?! [A-ZÀ-Þ(])(?!['’]s\b)")


def coordinated_bodies(text: str, merged: list[Candidate], g: Gazetteer,
                       furniture: bytearray | None = None) -> list[Candidate]:
    """An untagged one-word name joined by "and" or a comma to a firm's or body's name ("Masdar and the Kenya Power
    Generating Company agreed", "Velcor and NTPC Green Energy will study"): an organisation, like the name it is
    listed with; no common word, known entry, or plural opening a sentence ("Utilities and the ...")."""
    free = _FreeSpans(merged, furniture, text, g)
    out = []
    for c in merged:
        if c.label != "ORG" or c.source == "learned" or c.role:
            continue
        for m in (_WORD_JOINED_BEFORE.search(text, max(0, c.start - 40), c.start), _WORD_JOINED_AFTER.match(text, c.end)):
            if m is None:
                continue
            s, e = m.span("w")
            word = m.group("w")
            if (not free(s, e) or g.lookup(word) is not None or _common_word(word, text, g) or word in NOT_NAMES
                    or word.upper() in transcript.ROLE_WORDS or word in _HONORIFICS or word.endswith("ing") or (word.endswith("s") and sentence_start(text, s))):
                continue
            out.append(Candidate(s, e, "ORG", "model", TITLE))
            free.add([(s, e)])
    return out


def located_places(text: str, merged: list[Candidate], g: Gazetteer,
                   furniture: bytearray | None = None) -> list[Candidate]:
    """Untagged names right after a preposition of place ("the summit in Koror", "from Bakhty to ..."): places."""
    free = _FreeSpans(merged, furniture, text, g)
    out = []
    for m in _LOCATIVE.finditer(text):
        s, e = m.span("run")
        e = _name_end(text, s, e)
        if not free(s, e):
            continue
        if text[s:e].split()[0].rstrip(".") in _HONORIFICS or not _unknown_place(text, s, e, g):
            continue
        if text[m.start():m.start() + 3] == "to " and _DETERMINER_AFTER.match(text, e):
            continue  # a verb in a title-case name: "Commitment to Protect the Civilians"
        out.append(Candidate(s, e, "GPE", "model", TITLE))
    return out


#: A title-case name: capitalised words (a number may end it) with minor words inside ("Year of Culture 2026",
#: "Joint Task Force on Investments").
_TITLE_RUN = re.compile(r"[A-Z][\w'’.-]*(?:(?: (?:of|on|for|and|the|in))* (?:[A-Z][\w'’.+-]*|(?:19|20)\d\d))*")
_NAME_LABELS = ("ORG", "LAW", "EVENT")
#: Heads of the joint bodies two states set up ("A–B Border Commission", "A–B Security and Defence Committee").
_MECHANISM_HEADS = frozenset(("Committee", "Council", "Commission"))
_MECHANISM_IN = re.compile(r"\b(?:Committee|Council|Commission)(?= in [A-Z]|[.;:] [A-Z])")


def pair_named(text: str, merged: list[Candidate], model: list[Candidate],
               furniture: bytearray | None = None) -> list[Candidate]:
    """The name after a dash-joined pair of places ("A–B Border Commission", "A-B Leaders' Retreat"): the pair is
    split off as two places (README conventions) and the title-case name after it is an initiative, or a body by
    its head noun; the model's class of the whole span when it read one."""
    ordered = sorted(merged, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    out = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        if (a.label not in ("GPE", "LOC") or b.label not in ("GPE", "LOC") or text[a.end:b.start] not in ("-", "–", "—")
                or text[b.end:b.end + 1] != " " or text[a.start - 1:a.start] in ("-", "–", "—")):
            continue
        m = _TITLE_RUN.match(text, b.end + 1)
        if m is None:
            continue
        s, e = m.span()
        while text[s:e].endswith((" of", " on", " for", " and", " the", " in", ".")):
            e = e - 1 if text[e - 1] == "." else text.rfind(" ", s, e)
        if (head := _MECHANISM_IN.search(text, s, e)) is not None:
            # "A-B Security Committee in Kampala": the place where it meets is no part of the name, nor is the next
            # sentence ("... Council. Deakin University ...")
            e = head.end()
        run = text[s:e]
        i = bisect_left(starts, e)
        # a joint committee or council whose portfolio has "and" in it ("A-B Security and Defence Committee"): the
        # model cuts it at the "and"; a standing body of the two keeps its class ("A-B Lake Basin Commission")
        mechanism = run.split()[-1] in _MECHANISM_HEADS and " and " in run
        if (any(c.start < e and s < c.end
                # the model's tail of a mechanism's name cut at "and" ("A-B Security and [Defence Committee]") is
                # replaced by the whole name
                and not (mechanism and s < c.start and c.end == e and c.label in _NAME_LABELS)
                for c in ordered[max(0, i - 4):i]) or is_document_genre(run)
                or run in rules.STARTERS or run in OFFICE_WORDS or text[e:e + 2] in ("'s", "’s")
                or (furniture is not None and any(furniture[s:e])) or _title_case_heading(text, a.start)):
            continue
        read = next((c.label for c in model if c.start <= a.start and c.end >= e and c.label in _NAME_LABELS), None)
        # such a committee or council of the two is a bilateral mechanism, an initiative (README conventions)
        label = "LAW" if mechanism else rules.class_of_name(run) or read or "LAW"
        out.append(Candidate(s, e, label, "model", TITLE + (0.3 if mechanism else 0)))
    return out


_NAME_RUN = re.compile(rf"(?<![\w'’.-]){NAME_WORD}(?: {NAME_WORD}){{1,3}}(?![\w'’-])")
_OPEN_QUOTE_BEFORE = re.compile(r"[,.!?][\"”’']\s+$")


def _model_pieces_only(ordered: list[Candidate], starts: list[int], s: int, e: int,
                       furniture: bytearray | None) -> bool:
    """True when every name overlapping ``[s, e)`` is a shorter model guess inside it of a people, a place or a body
    (the model reads "Han" in "Yeo Han-koo" as a people): the run may still be a person's name."""
    i = bisect_left(starts, e)
    over = [c for c in ordered[max(0, i - 4):i] if c.start < e and s < c.end]
    return (bool(over) and all(c.source == "model" and c.label in ("NORP", "GPE", "LOC", "ORG") and s <= c.start
                               and c.end <= e and c.length < e - s for c in over)
            and (furniture is None or not any(furniture[s:e])))


def unnamed_people(text: str, merged: list[Candidate], g: Gazetteer, beside_office: Callable[[str, int, int], bool],
                   furniture: bytearray | None = None) -> list[Candidate]:
    """Untagged names of two to four words in apposition to an office ("Ana Quiroga Lenz, Minister of Mines,", "the
    Secretary of Security, Omar Vidal Ortega,") and one word before a speech verb after a quotation ('," Quispe
    told reporters'): people."""
    free = _FreeSpans(merged, furniture)
    ordered = sorted(merged, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    out = []
    for m in _NAME_RUN.finditer(text):
        s, e = m.span()
        words = m.group().split()
        if ((not free(s, e) and not _model_pieces_only(ordered, starts, s, e, furniture))
                or g.lookup(m.group()) is not None or m.group().isupper()
                or any(w in OFFICE_WORDS or w in rules.STARTERS or w in rules.BODY_HEADS or w in GENRE_WORDS
                       or w in _MONTHS_DAYS or g.lookup(w) is not None for w in words)):
            continue
        if beside_office(text, s, e):
            out.append(Candidate(s, e, "PERSON", "model", TITLE))
    for m in re.finditer(rf"(?<![\w'’.-]){NAME_WORD}(?=(?: said| says| told| added| noted| stressed| warned"
                         r"| insisted| replied| explained)\b)", text):
        s, e = m.span()
        if (_OPEN_QUOTE_BEFORE.search(text, max(0, s - 4), s) and free(s, e) and g.lookup(m.group()) is None
                and not _common_word(m.group(), text, g)):
            out.append(Candidate(s, e, "PERSON", "model", TITLE))
    return out


#: A numbered resolution or decision: an instrument named by its number ("resolution 2417", "Decision 702").
_NUMBERED_INSTRUMENT = re.compile(r"(?<![\w-])(?:[Rr]esolution|Decision) (?:No\. ?)?\d{2,4}(?![\w/-])")


def numbered_instruments(text: str, merged: list[Candidate]) -> list[Candidate]:
    """Untagged numbered resolutions and decisions ("under resolution 2417", "Decision 702 of the Council"):
    initiatives."""
    out = []
    for m in _NUMBERED_INSTRUMENT.finditer(text):
        s, e = m.span()
        if not any(c.start < e and s < c.end and c.label != "CARDINAL" for c in merged):
            out.append(Candidate(s, e, "LAW", "model", TITLE))
    return out


#: A project's code name, an acronym of three or more capitals hyphened to a number ("TAPI-2", "CASA-1000"), before up to
#: two lowercase words and a project's noun ("the CASA-1000 power line", "the KARA-500 transmission project", "at the
#: TAPI-2 ministerial"); not a production, assembly or product line, nor a "line of" goods ("the ABC-100 line of
#: printers": a range of products), and not a code with a letter after its number ("RITM-200N"
#: reactors) nor before a satellite's or a weapon's noun (no project noun follows those).
_CODED_PROJECT = re.compile(r"(?<![\w-])[A-Z]{3,}-\d{1,5}(?![\w-])(?= (?!(?:production|assembly|products?) )"
                            r"(?:[a-z]+ ){0,2}(?:line(?! of\b)|project|programme|program|ministerial|corridor|initiative)\b)")


def coded_projects(text: str, merged: list[Candidate]) -> list[Candidate]:
    """Untagged or misread code names of projects ("the CASA-1000 power line"): initiatives, like the programmes a
    lowercase noun names (:func:`named_programmes`)."""
    out = []
    for m in _CODED_PROJECT.finditer(text):
        s, e = m.span()
        if all(c.source == "model" and c.label not in ("LAW", "EVENT") for c in merged if c.start < e and s < c.end):
            out.append(Candidate(s, e, "LAW", "model", TITLE + 0.2))
    return out


#: Nouns of businesses and outlets (before a name: "the consultancy X", "the state utility X"; after it in apposition:
#: "X, Chile's state-owned copper giant,").
COMPANY_NOUN = (r"(?:company|companies|firm|firms|consultancy|utility|operator|miner|lender|carrier|airline|developer"
                r"|contractor|shipbuilder|shipyard|refiner|insurer|conglomerate|giant|manufacturer|maker|carmaker"
                r"|producer|start-?up|broadcaster|newspaper|bank|wealth fund|investment fund|agency)")
#: Nouns of public bodies and parties, which say what a name next to them is, like a business noun.
BODY_NOUN = (r"(?:authority|authorities|regulator|watchdog|coast ?guard|ministry|council|commission|party|parties"
             r"|agency|agencies|directorate|inspectorate|institute|think[- ]tank|foundation|charity|broadcaster)")
#: A name right after a determined noun phrase headed by a business or body noun ("the Turkmen state gas company
#: Turkmengaz said", "the regulator Ofwat"): the noun says what it is.
_NOUN_LED = re.compile(rf"(?<![\w'’-])(?:[Tt]he|an?|An?|[Ii]ts|[Tt]heir|[Oo]ur|[a-z]+['’]s|[A-Z][\w-]*['’]s) "
                       rf"(?:[A-Za-z][\w-]* ){{0,3}}?"
                       rf"(?:{COMPANY_NOUN}|{BODY_NOUN}) (?P<run>[A-ZÀ-ÞĀ-Ž][\w'’&-]*(?: [A-ZÀ-ÞĀ-Ž][\w'’&-]*){{0,2}})"
                       rf"(?![\w'’-]| [A-ZÀ-Þ]| (?:of|for)\b)")


#: What a business does, said of a name (or of a list of names) as its subject: "Al Dahra and Agthia will source
#: rice", "Rheinmetall and Ukroboronprom will produce shells", "Srbijagas will book capacity".
#: Works, fleets, routes and plants are what a business builds, runs, operates, expands and adds ("Tarnex will build
#: a desalination plant", "Velcor expanded the field", "Ostrava still runs the port", "Norvia has added flights"), in
#: any tense; "build", "run" and "own" with their object ("the trains at Point Fortin run below capacity" is a place's).
BUSINESS_VERB = re.compile(r"(?:(?:,| and) [A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,3})* (?:will |would |also |has |have "
                            r"|had |still |plans to |agreed to |is |are |was |were |been |now |already )*"
                            r"(?:(?:produce|manufacture|assemble|supply|source|ship"
                            r"|export|refine|drill|invest|book|deliver|operate|expand)(?:s|d|ing)?|(?:add|launch)(?:s|ed)?"
                            # the -ing and -ed forms the stems above do not spell ("producing", "supplied")
                            r"|(?:produc|manufactur|assembl|sourc|refin|operat)ing|suppl(?:ies|ied)|shipping"
                            r"|(?:deliver|drill)ed"
                            r"|(?:export|invest|book|expand)ed|shipped|(?:(?:build|run|own)s?|ran)(?= (?:the|an?|its"
                            r"|their|two|three|four|five|six|new|\d)\b))\b")
#: What partners do together, said of a list of names ("Ostragaz and Vendomar will sign", "Tarvel, Norgaz and
#: Bpi will also fund", "Kestrel Energy and Ardo will jointly study"): only with a list, since a person signs too;
#: a list of names that sign, join, fund, survey or order together beside a business is one of businesses.
JOINT_BUSINESS_VERB = re.compile(r"(?P<list>(?:,| and) [A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,3})* (?:will |would |also "
                                 r"|jointly |today |plan to |agreed to )*(?:sign(?:s|ed)?|join(?:s|ed)?|survey(?:s|ed)?"
                                 r"|fund(?:s|ed)?|stud(?:y|ies|ied)|order(?:s|ed)?)\b")
#: An untagged one-word name right before such a verb ("Ukroboronprom will produce", "Tarvexgaz and Srbo will
#: launch", "KazVorgas ships more oil").
_BUSINESS_NAME = re.compile(r"(?<![\w'’.&-])(?P<name>[A-ZÀ-Þ][\w'’&-]{3,})(?=" + BUSINESS_VERB.pattern + ")")


_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’.&-])(?P<w>[A-ZÀ-Þ][\w'’&-]*) $")


def business_names(text: str, merged: list[Candidate], g: Gazetteer,
                   furniture: bytearray | None = None) -> list[Candidate]:
    """Untagged one-word names that produce, supply, ship, build or launch: businesses, like the model's misread
    ones (cleanup's business subjects); no common word, known entry or office's word."""
    free = _FreeSpans(merged, furniture, text, g)
    out = []
    for m in _BUSINESS_NAME.finditer(text):
        s, e = m.span("name")
        word = m.group("name")
        if (g.lookup(word) is not None or _common_word(word.strip("'’"), text, g) or word.endswith("ing")
                or word in NOT_NAMES or word in _HONORIFICS or word.endswith(("'s", "’s")) or word.isupper()
                or (word.endswith("s") and sentence_start(text, s))):
            # "Companies will invest", "Diversifying supply": a plural noun or a verb opening the sentence
            continue
        # the name's first words before it ("DP" + " World still runs the port")
        while (lead := _NAME_WORD_BEFORE.search(text, max(0, s - 30), s)) is not None and not (
                (_common_word(lead.group("w"), text, g) and not 2 <= len(lead.group("w")) <= 4)
                or lead.group("w") in _HONORIFICS or lead.group("w") in rules.STARTERS
                or g.lookup(lead.group("w")) is not None):
            s = lead.start("w")
        if free(s, e):
            out.append(Candidate(s, e, "ORG", "model", TITLE))
    return out


def named_by_noun(text: str, merged: list[Candidate], g: Gazetteer,
                  furniture: bytearray | None = None) -> list[Candidate]:
    """Untagged names right after a business's or a body's noun ("the state gas company Turkmengaz said", "the
    state agency NORKA Roots"): organisations."""
    free = _FreeSpans(merged, furniture)
    out = []
    for m in _NOUN_LED.finditer(text):
        s, e = m.span("run")
        run = m.group("run")
        if (not free(s, e) or g.lookup(run) is not None
                or any(w in NOT_NAMES or _common_word(w.strip("'’"), text, g) for w in run.split() if not w.isupper())
                or (run.isupper() and len(run) < 3)):
            continue
        out.append(Candidate(s, e, "ORG", "model", TITLE))
    return out


#: Last words of facility / geographic-feature names ("Crocus City Hall", "Lipulekh Pass"); ports, pipelines,
#: railways, canals and waterways are facilities too ("Grand Harbour Port", "Trans-Sahara Gas Pipeline"), and so are
#: power stations, economic zones, bases, fields and markets ("Orvalo Power Station", "Kessa Special Economic Zone").
FAC_HEADS = frozenset("""Hall Camp Hospital Highway Airport Airbase Bridge Dam Stadium Palace Barracks Shipyard Dockyard
Terminal Refinery Square Avenue Tower Museum Memorial Cathedral Mosque Temple Megaport Seaport Spaceport Port Pipeline
Railway Canal Waterway Station Zone Base Field Market""".split())
#: Two-word heads of protected areas, which are places like facilities ("Etosha National Park", "Kessa Game Reserve");
#: "Park" alone also ends companies' estates ("Vanta Industrial Park").
_AREA_HEADS = ("National Park", "Game Reserve", "Nature Reserve", "Marine Park")
#: Capitalised heads of works and sites that end an untagged name ("the Odumbe Refinery", "the Karima Maternity
#: Hospital", "the Sarnak High Dam"): railways, pipelines, zones and markets are left out (a railway company, a
#: pipeline project, an economic zone's authority are as often meant).
_SITE_HEAD = re.compile(r" (?:Hospital|Airport|Airbase|Seaport|Spaceport|Megaport|Port|Refinery|Dam|Bridge|Stadium"
                        r"|Barracks|Shipyard|Dockyard|Terminal|Mosque|Cathedral|Temple|(?:Air|Naval|Space|Military) Base"
                        r"|National Park)(?![\w'’-])")


def facility_named(surface: str, sites_only: bool = False) -> bool:
    """True when a name of two words or more ends in a facility's or a protected area's head noun (``sites_only``:
    a site's, :data:`_SITE_HEAD`, not a railway's, a pipeline's or a zone's, whose names are projects as often)."""
    words = surface.split()
    if sites_only:
        return len(words) >= 2 and (m := _SITE_HEAD.search(" " + surface)) is not None and m.end() == len(surface) + 1
    return len(words) >= 2 and (words[-1] in FAC_HEADS or surface.endswith(_AREA_HEADS))


_WORKS = ("dam|canal|reservoir|water intake|hydropower plant|hydroelectric plant|hydropower station|power station|barrage"
          "|plant|station|terminal|checkpoint|border post|campus|airfield|air base|naval base|refinery|smelter")
_NATURE = "basin|river|valley|lake|lagoon|delta|atoll|peninsula|glacier|gas field|oil field|salt flat"
_AREAS = "region|province|district|oblast|county|governorate|exclave|enclave|municipality"
#: A lowercase noun of a place right after a name ("the Vorlak dam", "the Tesh-Kul region") ...
_NOUN_AFTER = re.compile(rf" (?P<noun>{_WORKS}|{_NATURE}|{_AREAS})s?\b")
#: ... or right before it with "of" ("the exclave of Vorlak", "the municipality of Tresk").
_NOUN_BEFORE = re.compile(rf"\b(?:{_AREAS}|town|village|city|port|island|districts|provinces|regions) of $")
_CAP_WORD = re.compile(r"[A-ZÀ-ÞĀ-Ž][\w'’-]*")


def _words_before(text: str, end: int, g: Gazetteer) -> int:
    """Start of the run of up to three capitalised words ending at ``end`` (no common word in it), or ``end``."""
    start = end
    for _ in range(3):
        m = re.search(r"(?:^|(?<=[\s(]))(?P<w>[A-ZÀ-ÞĀ-Ž][\w'’-]*) ?$", text[max(0, start - 40):start])
        if m is None or _common_word(m.group("w").rstrip("'’"), text, g) or m.group("w").endswith(("'s", "’s")):
            break
        start = max(0, start - 40) + m.start("w")
    return start


def placed_by_noun(text: str, merged: list[Candidate], g: Gazetteer,
                   furniture: bytearray | None = None) -> list[Candidate]:
    """Untagged names before a place's lowercase noun ("the Vorlak dam", "the Tesh-Kul region") or after "the
    exclave of", "the municipality of": facilities for works, places otherwise."""
    free = _FreeSpans(merged, furniture, text, g)
    places = {(c.start, c.end) for c in merged if c.label in ("GPE", "LOC", "FAC")}
    out = []
    for m in _NOUN_AFTER.finditer(text):
        e = m.start()
        # a plant's number is part of its name ("the Xe Kong 5 plant")
        number = re.search(r"(?<=[^\W\d_]) \d{1,2}$", text[max(0, e - 4):e])
        s = _words_before(text, e - len(number.group()) if number else e, g)
        if number is not None and s == e - len(number.group()):
            continue
        if number is not None and (s, e - len(number.group())) in places:
            out.append(Candidate(s, e, "FAC", "model", TITLE))  # the model's "Sekam" + " 4" before "plant"
            continue
        if s == e or not free(s, e) or g.lookup(text[s:e]) is not None or sentence_start(text, s):
            continue
        noun = m.group("noun")
        label = "FAC" if re.fullmatch(_WORKS, noun) else "LOC" if re.fullmatch(_NATURE, noun) else "GPE"
        out.append(Candidate(s, e, label, "model", TITLE))
    out += _headed_sites(text, merged, g, furniture)
    for m in _CAP_WORD.finditer(text):
        s, e = m.span()
        if (_NOUN_BEFORE.search(text, max(0, s - 20), s) and free(s, e) and g.lookup(m.group()) is None
                and not _common_word(m.group(), text, g) and not re.match(r" [A-Z]", text[e:e + 2])):
            out.append(Candidate(s, e, "GPE", "model", TITLE))
    return out


#: The capitalised words before a site's head: up to four, with the particles of names ("King Salman bin Abdulaziz").
_SITE_WORDS = re.compile(r"(?<![\w'’-])[A-ZÀ-ÞĀ-Ž][\w'’-]*(?:(?: | (?:bin|al|de|la|do|da|of the|of) )[A-ZÀ-ÞĀ-Ž][\w'’-]*){0,3} $")


_SITE_PARTS = ("NORP", "GPE", "PERSON", "ORG", "LOC", "FAC", "PRODUCT", "WORK_OF_ART")


def _headed_sites(text: str, merged: list[Candidate], g: Gazetteer, furniture: bytearray | None) -> list[Candidate]:
    """Untagged names that end in a site's capitalised head noun ("the Odumbe Refinery", "at the Karima Maternity
    Hospital"): facilities, whole. A nationality or a place the name starts with is part of it ("the Saudi Maternity
    Hospital", "Lekki Port"); a run of common words alone ("the Main Terminal") is no name."""
    out = []
    spans = sorted((c.start, c.end, c.label) for c in merged)
    starts = [a for a, _e, _l in spans]
    for m in _SITE_HEAD.finditer(text):
        e = m.end()
        run = _SITE_WORDS.search(text, max(0, m.start() - 60), m.start() + 1)
        if run is None:
            continue
        s = run.start()
        words = text[s:m.start()].split()
        while words and (_common_word(words[0], text, g) or not words[0][:1].isupper()
                         or (words[0].endswith("ing") and sentence_start(text, s))):
            # "The Odumbe Refinery", "Completing Odumbe Port": the sentence's article or verb is no part of the name
            s += len(words[0]) + 1
            words = words[1:]
        if (not words or all(_common_word(w, text, g) for w in words if w[:1].isupper())
                or (furniture is not None and any(furniture[s:e]))
                or (m.group().endswith("Bridge") and _common_word(words[-1], text, g))):
            # a bridge after a common word is a programme's figure of speech ("the Varno Innovation Bridge")
            continue
        i = bisect_left(starts, e)
        over = [c for c in spans[max(0, i - 6):i] if c[0] < e and s < c[1]]
        # only names inside it (a nationality, a place, the model's guesses); a name over it all of a class the
        # officer sees is the place rules' to read ("Varnholm International Seaport" as a person)
        if any(not (s <= a and b <= e) or lab not in _SITE_PARTS for a, b, lab in over) or any(
                (a, b) == (s, e) and lab not in ("PRODUCT", "WORK_OF_ART") for a, b, lab in over):
            continue
        out.append(Candidate(s, e, "FAC", "model", TITLE))
    return out


#: A programme's lowercase noun right after its name ("under the Triple Win programme", "the Khaan Quest exercise",
#: "the Horizon 2047 roadmap"); not "project", "scheme" or "system" (a mine, a dam or a weapon as often as a programme).
_PROGRAMME_AFTER = re.compile(r" (?:programmes?|programs?|initiative|roadmap|exercises?|campaign|plan)\b")
#: The same noun heading an apposition after a name ("Khaan Quest, the peacekeeping exercise").
_PROGRAMME_APPOSITION = re.compile(r", (?:the|an?|its|their) (?:[a-z-]+ ){0,3}?(?:programme|program|exercise|initiative"
                                   r"|campaign)\b")
#: What stands before such a name: a determiner, a possessive or "under".
#: A road named for an abstract noun ("Development Road", "Great Friendship Road"), with one capitalised word before it.
_ABSTRACT_ROAD = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]* )?(?P<noun>[A-Z][a-z]{5,}(?:ment|ity|ship|ance|ence|ion|ness)) "
                           r"Road(?![\w'’-])(?! to\b)")
_PROGRAMME_LEAD = re.compile(r"(?:\b(?:the|its|our|their|his|her|under|Under|The)|['’]s) $")


def named_programmes(text: str, merged: list[Candidate], g: Gazetteer,
                     furniture: bytearray | None = None) -> list[Candidate]:
    """A title-case name the gazetteer does not know right before a programme's noun ("the Triple Win programme",
    "the East Shield programme"): an initiative, untagged or misread by the model as a person, place or body; a known
    body, place or nationality before the noun ("the Quad initiative", "the Kenya programme") stays what it is."""
    out = []
    for m in _PROGRAMME_AFTER.finditer(text):
        e = m.start()
        number = re.search(r"(?<=[^\W\d_]) \d{1,4}$", text[max(0, e - 6):e])  # "Horizon 2047"
        s = _words_before(text, e - len(number.group()) if number else e, g)
        if s == (e - len(number.group()) if number else e) or not _PROGRAMME_LEAD.search(text, max(0, s - 8), s):
            continue
        run = text[s:e]
        entries = [g.lookup(w) for w in run.split()]
        if g.lookup(run) is not None or any(en is not None and en.label != "NORP" for en in entries):
            continue  # a known name, or a place in it ("the Mozambique LNG project")
        over = [c for c in merged if c.start < e and s < c.end]
        if all(c.source == "model" and s <= c.start and c.end <= e and c.label not in ("LAW", "EVENT")
               for c in over) and (furniture is None or not any(furniture[s:e])):
            out.append(Candidate(s, e, "LAW", "model", TITLE + 0.2))
    # "the Prosperity Road": a road named for an abstract noun is a corridor project, not a street ("Station Road")
    for m in _ABSTRACT_ROAD.finditer(text) if " Road" in text else ():
        s, e = m.span()
        if text[s:m.start("noun")].strip() in rules.STARTERS:
            s = m.start("noun")  # "The Prosperity Road ...": the sentence's article stays out
        over = [c for c in merged if c.start < e and s < c.end]
        if (all(c.source == "model" and s <= c.start and c.end <= e and c.label not in ("LAW", "EVENT") for c in over)
                and g.lookup(text[s:e]) is None and (furniture is None or not any(furniture[s:e]))):
            out.append(Candidate(s, e, "LAW", "model", TITLE + 0.2))
    # "Khaan Quest, the peacekeeping exercise near ...": the apposition says what the model's guess is (above a rule's
    # guess from a preposition: "take part in Khaan Quest")
    for c in merged:
        if (c.source == "model" and c.label in ("GPE", "LOC", "PERSON", "FAC", "NORP")
                and _PROGRAMME_APPOSITION.match(text, c.end) and g.lookup(text[c.start:c.end]) is None):
            out.append(Candidate(c.start, c.end, "LAW", "model", TITLE + 0.2))
    return out


#: A preposition of place and one untagged capitalised word right before a one-word name the model tagged: the word
#: is the first of the place's name ("near Pedra" + "Branca", "in Tra" + "Vinh"); before a "person", not "to" or
#: "from" (letters and calls go to and come from people).
_PLACE_HEAD_BEFORE = re.compile(r"(?<![\w'’-])(?P<prep>in|at|near|outside|via|to|from) (?P<w>[A-ZÀ-ÞĀ-Ž][\w'’-]+) $")


def cut_place_names(text: str, merged: list[Candidate], g: Gazetteer,
                    furniture: bytearray | None = None) -> list[Candidate]:
    """A two-word place after a preposition of place whose last word alone the model tagged, as a person, a body
    or a place ("near Pedra Branca", "in Tra Vinh"): the whole name is the place."""
    free = _FreeSpans(merged, furniture, text, g)
    out = []
    for c in merged:
        if c.source != "model" or c.label not in ("PERSON", "ORG", "GPE", "LOC") or " " in text[c.start:c.end]:
            continue
        m = _PLACE_HEAD_BEFORE.search(text, max(0, c.start - 40), c.start)
        if m is None or (c.label == "PERSON" and m.group("prep") in ("to", "from")):
            continue
        s, e = m.span("w")
        word = m.group("w")
        if (not free(s, e) or word in _HONORIFICS or word in NOT_NAMES or word in PEERAGES
                or _common_word(word, text, g) or g.lookup(word) is not None
                or g.lookup(text[c.start:c.end]) is not None or text[c.end:c.end + 2] in ("'s", "’s")):
            continue
        out.append(Candidate(s, c.end, "GPE", "model", TITLE + 0.2))
    return out


#: Office-holders in the plural at the head of a span: a group of people, not a name ("the Foreign Ministers of the
#: Member States", "Ministers of Foreign Affairs"); a meeting named for them stays ("... Ministers' Meeting").
_PLURAL_OFFICE = PLURAL_OFFICE
_PLURAL_BODIES = frozenset({h + "s" for h in rules.BODY_HEADS if not h.endswith(("s", "y"))}
                           | {"Ministries", "Agencies", "Authorities", "Governments", "Parliaments"})
_EVENT_END = re.compile(r"\b(?:" + "|".join(rules.EVENT_HEADS + rules.LAW_HEADS) + r")$")
#: A numbered article, item, paragraph, rule or chapter alone (with a dangling "of its" the model took along):
#: a provision of some text, which the gold conventions leave untagged ("Section 301", a trade law, is a name).
_PROVISION = re.compile(r"(?:Article|Articles|Item|Paragraph|Rule|Chapter)\s+\d+[a-z]?(?:\(\w+\))*(?:\s+of\s+(?:its|their|the))?")
#: A season used as a modifier ("carry summer power", "sell winter gas"): not a date; "the summer", "in winter" are.
_SEASON = re.compile(r"(?:summer|winter|spring|autumn|monsoon)")
#: A heading's topic: "on" (and "the"), then the capitalised words of a list before the span ("Cooperation on
#: Digital Transformation, Semiconductors and [Green Hydrogen]", "Statement ... on the [Protection of ...]").
_HEADING_TOPIC = re.compile(r"(?<![\w'’-])on\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:,\s+(?:and\s+)?|\s+(?:and|of|the)\s+|\s+))*$")
_MINOR = frozenset("of and the for in on to".split())
#: Head nouns that make a heading's topic a body after all ("Statement on the Ruritania Investment Council").
_TOPIC_NOT_BODY = rules.BODY_HEADS | frozenset("University Party Parliament Assembly Government Senate".split())


def _heading_topic(text: str, c: Candidate, g: Gazetteer) -> bool:
    """True when a model span is a title-case heading's phrase in common words: its topic after "on" ("Joint
    Statement ... on the Protection of Critical Undersea Infrastructure", "Cooperation on Digital Transformation and
    Green Hydrogen"), one of whose words the text also writes in lowercase, or anywhere in the heading when the text
    writes every word of it in lowercase ("International Students: Ruritania"). The gazetteer does not know it and no
    word of it heads a body; the heading's style capitalised them, they name no one (a body keeps its head noun)."""
    surface = text[c.start:c.end]
    if "\n" in surface or g.lookup(surface) is not None:
        return False
    words = [w for w in re.findall(r"[\w'’-]+", surface) if w not in _MINOR]
    if (not words or any(w in _TOPIC_NOT_BODY for w in words)
            or not all(w[:1].isupper() and not w.isupper() and not any(ch.isdigit() for ch in w) for w in words)):
        return False
    low = lowercase_words(text)
    if _HEADING_TOPIC.search(text, text.rfind("\n", 0, c.start) + 1, c.start) is not None:
        # a "person" after "the" is a common noun the heading capitalised ("on the Situation in Ruritania")
        common = any(w.lower() in low for w in words) or (c.label == "PERSON" and text.endswith("the ", 0, c.start))
    else:
        common = len(words) >= 2 and all(w.lower() in low for w in words)
    return common and _title_case_heading(text, c.start)
_SEASON_DATE_BEFORE = re.compile(r"(?:\b(?:the|this|last|next|every|each|in|by|during|until|since|of|through|early|late"
                                 r"|mid|whole|entire|that|coming|past)\s+|\d\s*)$", re.IGNORECASE)


def not_names(text: str, cands: list[Candidate], g: Gazetteer | None = None) -> list[Candidate]:
    """``cands`` without spans that name no one: plural office-holders ("the Foreign Ministers of the Member
    States"), a bare season used as a modifier ("summer power") and one capitalised word of the model's that the
    text also writes in lowercase ("This Bill ..." beside "the bill")."""
    out = []
    # words of longer names in the text: "Price" alone after "Mark Price" is the surname, however "price" is written
    in_names = {w for c in cands if c.label == "PERSON" for w in text[c.start:c.end].split()[1:]}
    for c in cands:
        surface = text[c.start:c.end]
        if (g is not None and c.source == "model" and c.priority <= MODEL and c.label in ("PERSON", "ORG", "GPE", "LOC")
                and not c.role and " " not in surface and surface[:1].isupper() and not surface.isupper()
                and surface not in in_names and g.lookup(surface) is None and _common_word(surface, text, g)):
            continue
        if c.source != "learned":
            if (g is not None and c.source == "model" and c.label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
                    and not c.role and _heading_topic(text, c, g)):
                continue  # "Statement ... on the Protection of Critical Infrastructure": a heading's topic, no name
            if c.label in ("LAW", "EVENT") and _PROVISION.fullmatch(surface):
                continue  # "Under Article 4, ...", "debate on Item 3": a numbered provision of a text, not a name
            if c.label != "DATE" and (_PLURAL_OFFICE.fullmatch(surface) and not _EVENT_END.search(surface)
                                      or surface in _PLURAL_BODIES):
                continue  # "the two Commissions", "Both Ministries": bodies named before, not a name
            if (c.label == "DATE" and _SEASON.fullmatch(surface) and re.match(r" [a-z]", text[c.end:c.end + 2])
                    and not _SEASON_DATE_BEFORE.search(text, max(0, c.start - 12), c.start)):
                continue
        out.append(c)
    return out
