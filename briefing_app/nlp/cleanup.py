"""Entity clean-up: the domain rules that turn model, gazetteer, title and learned candidates into one
set of non-overlapping candidates (the ``briefing_entities`` stage of the pipeline, see nlp/pipeline.py).

Pure text rules over code-point offsets; no spaCy objects. Moved whole from the analyser.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from briefing_app.nlp import recall_rules, rules, transcript
from briefing_app.nlp.chunking import _is_abbreviation
from briefing_app.nlp.entities import (
    BACK_REFERENCES,
    CONTAINER,
    DATE_RULE,
    ENDPOINT_HEADS,
    GENRE_WORDS,
    LOWERCASE_OK,
    MODEL,
    PLAIN_NOUNS,
    RULE,
    SURNAME,
    TITLE,
    Candidate,
    clean_model_span,
    contains,
    in_title_portfolio,
    is_document_genre,
    merge,
    promote_containers,
    split_coordination,
    strip_prefixes,
)
from briefing_app.nlp.gazetteer import Gazetteer
from briefing_app.nlp.lessons import ADD, SENTENCE_INSIDE, CompiledLessons
from briefing_app.nlp.rules import STARTERS
from briefing_app.nlp.titles import (
    NAME_WORD,
    OFFICE_WORDS,
    PORTFOLIO_WORDS,
    TitleMatcher,
    extend_name,
    find_peers,
    is_title_abbreviation,
    surname_of,
)

#: Words after a one-word name that make it a speaker ("Šefčovič said").
_SPEECH = re.compile(r"['’]?s?\s+(?:said|says|told|added|noted|stressed|announced|thanked|urged|wrote|argued|"
                     r"warned|insisted|replied|asked|explained|remarked|emphasised|emphasized|tweeted|posted)\b")
#: A given name and a family name with an Arabic particle ("Abdulrahman al-Mannai", "Faisal bin Farhan").
_ARABIC_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:al|el|bin|bint|ibn|abu|Al|Bin)[- ][A-Z][a-z]+(?: [A-Z][a-z]+)?")
#: A word of address before a one-word name: a person spoken to ("dear Volodymyr", "my friend Giorgia").
_VOCATIVE = re.compile(r"\b(?:[Dd]ear|[Mm]y (?:dear )?(?:friend|brother|sister|colleague)) $")
#: A greeting or thanks before a one-word name set off by commas: a person spoken to ("welcome, Keir,", "Thank you,
#: Arnoldo.").
_GREETED = re.compile(r"\b(?:[Ww]elcome|[Tt]hank you|[Tt]hanks|[Cc]ongratulations|[Gg]ood (?:morning|afternoon|evening)),"
                      r"[ \t]+$")
#: Prepositions before a one-word "person" that make it a place ("at Kiel", "in Pune").
_LOCATIVE = re.compile(r"\b(?:at|in|near|off|from|to|across|via)\s+(?:the\s+)?$")
#: Prepositions before a longer "person" that make it a place ("at Qasr Al Watan", "at Frontera Comalapa"); not
#: "to" or "from" (letters and calls go to and come from people).
_LOCATIVE_LONG = re.compile(r"\b(?:at|in|near|off|outside|across|via)\s+(?:the\s+)?$")
#: A route's or a grid's noun and "to" before a name the model took for a person or a body: the route's end is a
#: place ("the line to Stung Treng", "the 380-kilometre stretch to Nakhon Sawan"); letters and calls to people have
#: no such noun.
_ROUTE_NOUN = (r"(?:line|railway|rail link|road|highway|route|link|corridor|cable|pipeline|bridge|stretch|section"
               r"|segment|spur|substation|interconnector|flights?|ferry|trains?)")
_ROUTE_TO = re.compile(rf"\b{_ROUTE_NOUN}\s+to\s+(?:the\s+)?$")
#: ... and the two ends of a route "between" them ("the 2-gigawatt cable between Crete and Kofinou", "the fibre cable
#: between Longyearbyen and the mainland").
_ROUTE_BETWEEN = re.compile(rf"(?i:\b{_ROUTE_NOUN})(?: [\w-]+){{0,2}}? between (?:the )?"
                            r"(?:[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2} and (?:the )?)?$")
#: A lowercase noun right after a one-word name: used as a modifier ("Dakar plant", "Jaitapur nuclear project").
_MODIFIER = re.compile(r"\s+(?!(?:and|or|has|had|have|was|is|will|would|were|are|also|who|which|did|does|could|can|"
                       r"may|might|should|must|then|later|on|in|at|to|with|for|of|by|from|near|off|into|onto|over|"
                       r"under|inside|outside|along|across|around|about|after|before|since|until|during|against|"
                       r"between|among|amid|through|within|without|towards?|via|per|than)\b)[a-z]{3,}\b")




def _without_title_abbreviation(text: str, c: Candidate, g: Gazetteer) -> Candidate | None:
    """The model's span without an abbreviated title at its end, or None when nothing of a name is left: "Amb" of
    "Amb. Jane Doe" and "Diaspora Affairs Amb" of "Cabinet Secretary for Foreign and Diaspora Affairs Amb. Jane Doe"
    are the title's (DESIGN: titles stay outside the person's span)."""
    if is_title_abbreviation(text, c.start, c.end, g):
        return None
    if text[c.end:c.end + 1] != ".":
        return c
    words = list(re.finditer(r"\S+", text[c.start:c.end]))
    if len(words) < 2 or not is_title_abbreviation(text, c.start + words[-1].start(), c.end, g):
        return c
    rest = [w.group() for w in words[:-1]]
    if all(w in PORTFOLIO_WORDS or w in ("and", "&", "of", "for", "the") for w in rest):
        return None  # an office's portfolio before the abbreviation: the title's words, no name
    end = c.start + words[-2].end()
    # "U.S. Amb. Jane Doe": the model's "U.S. Amb" body is the country the title names
    entry = g.lookup(text[c.start:end])
    return Candidate(c.start, end, entry.label if entry is not None else c.label, c.source, c.priority, c.role, entry)


def titled_candidates(text: str, gaz: list[Candidate], titles: TitleMatcher, particles: tuple[str, ...]
                      ) -> tuple[list[Candidate], list[transcript.SpeakerLabel]]:
    """People named by a title ("Prime Minister Modi"), a peerage ("Lord Smith of Flint") or a transcript's
    speaker label ("COMMANDER OTUNGE:"), and the speaker labels themselves (their role words are furniture)."""
    titled = []
    places = sorted((r for r in gaz if r.label != "PERSON"), key=lambda c: c.start)
    place_starts = [r.start for r in places]
    for t in titles.find(text):
        end = name_suffix_end(text, extend_name(text, t.name_end, particles))
        near = places[bisect_left(place_starts, t.name_start - 300):bisect_left(place_starts, end)]
        start = t.name_start
        lead = next((r for r in near if r.start == start and r.end < end), None)
        if lead is not None and len(text[lead.end:end].split()) >= 2:
            # "Commissioner for the Mediterranean Ilze Kalnina": the place closes the title, the name follows it
            start = lead.end + len(text[lead.end:end]) - len(text[lead.end:end].lstrip())
        blocked = any(r.start < end and start < r.end for r in near)
        if not blocked:
            titled.append(Candidate(start, end, "PERSON", "gazetteer", TITLE, role=t.role))
    # a peer's territorial designation ("of Flint") is part of the name, even where it is a known place
    titled += [Candidate(t.name_start, t.name_end, "PERSON", "gazetteer", TITLE, role=t.role) for t in find_peers(text)]
    # transcripts: the name in a speaker label is a person ("COMMANDER OTUNGE:", "Mr TAYLOR (Hume):")
    labels = transcript.speaker_labels(text)
    titled += [Candidate(s, e, "PERSON", "gazetteer", TITLE) for lab in labels for s, e in lab.names]
    # "Jane Doe (Northfield):": the member's seat is a place
    titled += [Candidate(s, e, "GPE", "gazetteer", TITLE) for s, e in transcript.seats(text, labels)]
    # "Q: Jane Doe, Daily Planet.": the reporter and the outlet of a question turn
    if ":" in text:
        titled += [Candidate(s, e, label, "gazetteer", TITLE) for s, e, label in transcript.questioner_credits(text)]
    return titled, labels


#: A ministry's portfolio words after "the" ("... and the Public Service", "..., the Environment and Water"); words
#: that name a body of their own ("the Treasury", "the Cabinet", "the Customs Service") are left out.
_PORTFOLIO_RUN = (r"(?:" + "|".join(sorted(PORTFOLIO_WORDS - {"Treasury", "Cabinet", "Union", "Press", "Media", "Customs",
                                                              "Official", "Chief", "Spokesperson", "Ambassador",
                                                              "Envoy", "Representative", "Minister", "Ministers"},
                                           key=len, reverse=True))
                  + r")(?: (?:" + "|".join(sorted(PORTFOLIO_WORDS, key=len, reverse=True)) + r")){0,2}")
_PORTFOLIO_TAIL = re.compile(rf"(?:,? and |, | & )the {_PORTFOLIO_RUN}(?:(?:,? and |, | & )(?:the )?{_PORTFOLIO_RUN})*"
                             r"(?![\w'’-]| [A-Z(]| of\b| for\b)")
_MINISTRY_HEAD = re.compile(r"(?:Ministry|Department) (?:of|for) ")


def _portfolio_tail(text: str, start: int, end: int) -> int | None:
    """The end of a ministry's name whose portfolio goes on after "the" ("Department of Climate Change, Energy, the
    Environment and Water"), or None when nothing of the portfolio follows."""
    if _MINISTRY_HEAD.match(text, start) is None or (m := _PORTFOLIO_TAIL.match(text, end)) is None:
        return None
    return m.end()


#: An office or a chair's word alone ("the Chairperson", "the Moderator"): the model's name for it is never one.
_ONE_WORD_OFFICES = frozenset(w.capitalize() for w in (transcript.OFFICES | transcript.CHAIR_WORDS) - {"government"})


#: Institutions named by their kind alone, which a determiner of possession or quantity makes common nouns ("our
#: Congress approves ...", "no Government does", "every Parliament must ratify"): the bodies' heads of
#: ``BACK_REFERENCES`` and the one-word names of a state's organs.
_ORGAN_NOUNS = BACK_REFERENCES | frozenset("""Congress Parliament Senate Cabinet Treasury Presidency Legislature Judiciary
Navy Army Police Military""".split())
_OWNER = r"(?i:our|their|its|your|his|her|my|no|every|each|any|another)"
_OWNER_BEFORE = re.compile(rf"(?<![\w'’-]){_OWNER}[ \t]+$")
#: ... the model's span that took the determiner in ("Every Government since 1994", "No Army can win").
_OWNER_LED = re.compile(rf"{_OWNER}[ \t]+(?P<noun>[A-Z][a-z]+)")
#: What keeps the noun a name after the determiner: more of the name ("our Parliament of Ghana"), or a noun the
#: name modifies, which the determiner belongs to ("another Senate vote", "her Treasury officials", "every Army
#: unit"): the common nouns that head such phrases.
_NAME_GOES_ON = re.compile(r"[ \t]+(?:of[ \t]+[A-Z]|(?:vote|votes|member|members|session|sessions|official|officials"
                           r"|officer|officers|staff|colleague|colleagues|committee|committees|hearing|hearings|seat"
                           r"|seats|election|elections|debate|debates|minister|ministers|spokesman|spokeswoman"
                           r"|spokesperson|leader|leaders|building|ship|ships|unit|units|majority|approval|decision"
                           r"|decisions|sources|source|delegation|delegations|team|teams|veterans|troops|soldiers"
                           r"|personnel|chief|chiefs|commander|commanders|report|reports|ruling|rulings)\b)")


def _owned_body_noun(text: str, start: int, end: int) -> bool:
    """True for a one-word institution's noun after a possessive or quantifying determiner ("our Congress", "no
    Government"): a common noun, not a name ("the Congress" is left to the back-reference rule and the gazetteer).
    Not when the name goes on ("our Parliament of Ghana") or modifies the noun the determiner belongs to ("another
    Senate vote")."""
    if _NAME_GOES_ON.match(text, end):
        return False
    led = _OWNER_LED.fullmatch(text, start, end)
    if led is not None:
        return led.group("noun") in _ORGAN_NOUNS
    return text[start:end] in _ORGAN_NOUNS and _OWNER_BEFORE.search(text, max(0, start - 10), start) is not None


class EntityCleanup:
    """The domain rules over all candidates of one text (read-only after construction: thread-safe)."""

    def __init__(self, gazetteer: Gazetteer, particles: tuple[str, ...]) -> None:
        self.gazetteer = gazetteer
        self.particles = particles

    def candidates(self, text: str, model: list[Candidate], gaz: list[Candidate], learned: list[Candidate],
                   titled: list[Candidate], labels: list[transcript.SpeakerLabel],
                   acronym_pairs: list[tuple[tuple[int, int], tuple[int, int]]],
                   lessons: CompiledLessons | None = None) -> list[Candidate]:
        """All candidates after domain rules: model fixes, initiatives, dates, titled and learned names."""
        g = self.gazetteer
        total = len(text)
        # "a free trade agreement", "talks on a new partnership": a lowercase instrument is a common noun, however
        # the gazetteer lists it
        gaz = [c for c in gaz if (c.label not in ("LAW", "EVENT") or any(ch.isupper() or ch.isdigit()
                                                                           for ch in text[c.start:c.end]))
               and not _owned_body_noun(text, c.start, c.end)
               # "Secretary of State for Foreign, Commonwealth and Development Affairs": a known name inside an
               # office's portfolio is the title's
               and not (c.label in ("ORG", "GPE", "LOC", "NORP") and in_title_portfolio(text, c.start, c.end,
                                                                                         OFFICE_WORDS))]
        fixed = [kept for line_part in _split_lines(text, model)
                 if (c2 := clean_model_span(text, line_part, g, OFFICE_WORDS)) is not None
                 and not _owned_body_noun(text, c2.start, c2.end)  # "our Congress", "no Government does"
                 and text[c2.start:c2.end] not in _NOT_ACRONYMS  # "LNG", "GDP": abbreviations, not names
                 and text[c2.start:c2.end] not in _ONE_WORD_OFFICES  # "the Chairperson noted": an office, not a name
                 for part in split_coordination(text, c2) for part in _split_month_pair(text, part)
                 for part in _split_date_joint(text, part) for part in _split_place_list(text, part, g)
                 for part in _split_country_agency(text, part, g) for part in _split_between_pair(text, part, g)
                 # "Amb. Jane Doe": the model's "Amb" is the abbreviated title, never a name
                 if (kept := _without_title_abbreviation(text, part, g)) is not None]
        rule_cands = list(gaz)
        for start, end, label in rules.find_initiatives(text):
            if (text[start:end].split()[-1] not in ENDPOINT_HEADS
                    and (chain := _place_chain(text, start, end, g)) is not None):
                # "Lao PDR-Thailand-Malaysia-Singapore Power Integration Project": the parties are places apart
                start = chain[-1].end + 1
                rule_cands += chain
            cand = strip_prefixes(text, Candidate(start, end, label, "gazetteer", RULE), gaz)
            if cand is not None and not is_document_genre(text[cand.start:cand.end]):
                rule_cands.append(cand)
        people_places = {c.start for c in fixed + gaz if c.label in ("PERSON", "GPE", "LOC", "NORP")}
        # "Ministry of Finance and EDC": an acronym the model or the gazetteer names a body (in a title-case name;
        # a letterhead in capitals is all "acronyms")
        acronyms = {c.start for c in fixed + gaz if c.label == "ORG" and text[c.start:c.end].isupper()
                    and text[c.start:c.end] not in _CONCEPTS}
        for start, end in rules.find_institutions(text):
            if " and " in text[start:end] or " & " in text[start:end] or ", " in text[start:end]:
                # "Ministry of Finance and Kenya", "Department of Energy and Amina Odhiambo": the joint leads to
                # another name, not to the rest of the portfolio ("Ministry of Trade and Industry")
                cut = next((j.start() for j in re.finditer(r" (?:and|&) |, ", text[start:end])
                            if start + j.end() in people_places
                            or (start + j.end() in acronyms and not text[start:end].isupper())), None)
                end = start + cut if cut is not None else end
            if "\n" in text[start:end]:
                end = text.index("\n", start)  # a body's name ends at the line break ("..., Islamabad\nFriday")
                end = start + len(text[start:end].rstrip(" ,;:"))
            if (tail := _portfolio_tail(text, start, end)) is not None:
                # "Ministry of Finance and the Public Service": "the" joins more of the portfolio, not a new name
                rule_cands.append(Candidate(start, tail, "ORG", "gazetteer", RULE))
                continue
            rule_cands += [part for c in split_coordination(text, Candidate(start, end, "ORG", "gazetteer", RULE))
                           for part in _split_place_list(text, c, g) for part in _split_country_agency(text, part, g)]
        dates = [Candidate(s, e, "DATE", "gazetteer", RULE if rules.FESTIVAL.match(text, s) else DATE_RULE)
                 for s, e in rules.find_dates(text)]
        # an explicit date longer than the model's ("9 October 2025" over "October 2025") is the whole date
        model_dates = sorted((c.start, c.end) for c in fixed if c.label == "DATE")
        for d in dates:
            i = bisect_left(model_dates, (d.start, 0))
            close = model_dates[max(0, i - 2):i + 3]
            if any(d.start <= a and b <= d.end and b - a < d.length for a, b in close):
                d.priority = MODEL + 0.1
        rule_cands += self._official_names(text, gaz, fixed)
        if " of the " in text:
            rule_cands += _collective_names(text, g)
        if "xercise" in text:
            # "the joint exercise Coastal Shield 2026": the named exercise whole, over the model's date or person
            # (not a place's, people's or known body's name before "exercise": "the India exercise", "the Indian
            # exercise", "the ASEAN exercise")
            known_names = [c for c in gaz + fixed if c.label in ("GPE", "LOC", "NORP")
                           or (c.label == "ORG" and c.source == "gazetteer")]
            rule_cands += [Candidate(s, e, "EVENT", "gazetteer", TITLE) for s, e in rules.find_named_exercises(text)
                           if not any((c.start <= s and e <= c.end)  # the whole name is the place's or body's
                                      or (c.start == s and c.label in ("GPE", "NORP"))  # led by one: "Indian Navy"
                                      for c in known_names)]
        fixed = promote_containers(text, fixed, rule_cands)
        base = _extend_names(text, fixed + rule_cands) + titled + dates
        if lessons is not None and lessons.cuts_at_sentences():
            # the officer cut a tag at a sentence end ("Pacific. The Indian Navy"): none spans one
            base = [c for c in base if not _spans_sentence_end(text, c.start, c.end)]
        base += _not_inside(learned, base)
        furniture = self._furniture_mask(text, labels)
        if furniture is not None:
            base = [c for c in base if c.source == "learned" or not any(furniture[c.start:c.end])]
        merged = merge(base, total)
        if " of " in text or " OF " in text:
            joined = _of_joined(text, merged, self.gazetteer)
            if joined:
                base += joined
                merged = merge(base, total)
        extra = self._person_rules(text, merged, fixed)
        bodies = _place_led_bodies(text, merged)
        # a body the model missed but its place or nationality leads ("Indonesian Maritime Security Agency
        # (Bakamla)") is there for its bracketed short name to take its class
        extra += self._acronym_rules(text, merge(base + bodies, total) if bodies else merged, acronym_pairs)
        extra += bodies
        if "Rail" in text or "Air" in text:
            extra += _national_operators(text, merged, self.gazetteer)
        if "-" in text or "–" in text:
            extra += _pair_led_institutions(text, merged)
        if " and " in text:
            extra += _organs_after_and(text, merged, self.gazetteer)
        extra += _unknown_acronyms(text, merged, self.gazetteer)
        extra += _acronym_dash_bodies(text, self.gazetteer) if " – " in text or " — " in text or " - " in text else []
        if "ve " in text or "en " in text or "ght " in text or "ree " in text or "our " in text or "ix " in text:
            extra += _numbered_groupings(text, merged, self.gazetteer)
        if furniture is not None:
            extra = [c for c in extra if not any(furniture[c.start:c.end])]
        out = merge(base + extra, total) if extra else merged
        # unknown names listed with places ("Pemba and Montepuez"): places (nlp/recall_rules.py)
        recalled = recall_rules.located_places(text, out, self.gazetteer, furniture)
        recalled += recall_rules.pair_named(text, out, fixed, furniture)
        recalled += recall_rules.placed_by_noun(text, out, self.gazetteer, furniture)
        recalled += recall_rules.named_by_noun(text, out, self.gazetteer, furniture)
        recalled += recall_rules.business_names(text, out, self.gazetteer, furniture)
        recalled += recall_rules.coordinated_bodies(text, out, self.gazetteer, furniture) if " and " in text else []
        recalled += recall_rules.named_programmes(text, out, self.gazetteer, furniture)
        recalled += recall_rules.coded_projects(text, out) if "-" in text else []
        recalled += recall_rules.cut_place_names(text, out, self.gazetteer, furniture)
        recalled += recall_rules.numbered_instruments(text, out) if "esolution " in text or "Decision " in text else []
        recalled += recall_rules.unnamed_people(text, out, self.gazetteer, _beside_office, furniture)
        recalled += recall_rules.coordinated_places(text, merge(out + recalled, total) if recalled else out,
                                                    self.gazetteer, furniture)
        if recalled:
            out = merge(out + recalled, total)
        out = recall_rules.not_names(text, out, self.gazetteer)
        if extra:
            out = _one_class_per_name(text, out, extra, self.gazetteer)
        if (mentions := _other_mentions(text, out, self.gazetteer, furniture)):
            out = merge(out + mentions, total)
        if "-" in text or "–" in text or "—" in text:
            out = _dash_joined(text, out, self.gazetteer, furniture)
        # no name runs across a line break, whichever rule grew it ("President Xi Jinping\nMerdeka Palace")
        if ". " in text:
            out = _cut_at_sentence_ends(text, out)
            # an abbreviated title alone ("Amb", "Atty" of "In Manila, Atty. Gen. Mark Ruiz"), whichever rule found
            # it, is never an entity (the officer's own tags stand)
            out = [c for c in out if c.source == "learned" or not is_title_abbreviation(text, c.start, c.end, g)]
        return out if not any("\n" in text[c.start:c.end] for c in out) else merge(_split_lines(text, out), total)

    def _official_names(self, text: str, gaz: list[Candidate], model: list[Candidate]) -> list[Candidate]:
        """Official state names whole ("Republic of Chile") and formats with a plus sign ("C5+1")."""
        g = self.gazetteer
        places = {(c.start, c.end) for c in gaz + model if c.label in ("GPE", "LOC")}

        def is_place(start: int, end: int) -> bool:
            entry = g.lookup(text[start:end])
            return (start, end) in places or (entry is not None and entry.label in ("GPE", "LOC"))

        out = [Candidate(s, e, "GPE", "gazetteer", CONTAINER + 0.5) for s, e in rules.find_official_states(text, is_place)]
        if out:
            # a model name running into the official name ("MINISTRY OF HEALTH – REPUBLIC") ends before it
            starts = sorted(c.start for c in out)
            for c in model:
                i = bisect_left(starts, c.start + 1)
                if i < len(starts) and starts[i] < c.end:
                    end = starts[i]
                    while end > c.start and text[end - 1] in " \t–—-,:":
                        end -= 1
                    # "Foreign Ministers of the Kingdom of ...": a title of the state, not a name of its own
                    if end > c.start and not re.search(r"\b(?:of|the|for|and|to)$", text[c.start:end], re.IGNORECASE):
                        out.append(Candidate(c.start, end, c.label, c.source, c.priority + 0.05, c.role))
        out += [Candidate(s, e, "ORG", "gazetteer", RULE) for s, e in rules.find_formats(text)]
        out += [Candidate(s, e, "LAW", "gazetteer", RULE) for s, e in rules.find_plus_names(text)]
        return out

    def _furniture_mask(self, text: str, labels: list[transcript.SpeakerLabel]) -> bytearray | None:
        """Characters that are never inside an entity: stage directions, role-only words of speaker labels
        and communiqué openers ("Noting", "3. Commends"); None when there are none."""
        spans = list(transcript.stage_directions(text)) if "(" in text else []
        spans += [r for lab in labels for r in lab.roles]
        g = self.gazetteer
        spans += [(s, e) for s, e in rules.opener_words(text) if g.lookup(text[s:e]) is None]
        if not spans:
            return None
        mask = bytearray(len(text) + 1)
        for s, e in spans:
            mask[s:e] = b"\x01" * (e - s)
        return mask

    def _person_rules(self, text: str, merged: list[Candidate], model: list[Candidate]) -> list[Candidate]:
        """Multi-token names kept whole and surnames carried over to later (or earlier) mentions."""
        extra = []
        particles = frozenset(p.casefold() for p in self.particles)
        by_start = {c.start: c for c in model}
        names = set()
        for c in merged:
            if c.label != "PERSON":
                continue
            end = extend_name(text, c.end, self.particles)
            nxt = by_start.get(end + 1)
            # "António" PERSON + "Costa" GPE: one capitalised word right after a name is its surname
            if (nxt is not None and text[end:end + 1] == " " and nxt.label in ("GPE", "ORG", "NORP", "PERSON")
                    and " " not in text[nxt.start:nxt.end] and self.gazetteer.lookup(text[nxt.start:nxt.end]) is None):
                end = nxt.end
            if end != c.end:
                extra.append(Candidate(c.start, end, "PERSON", c.source, TITLE, role=c.role))
            names.add(text[c.start:end])
        surnames = {s for n in names if (s := surname_of(" ".join(n.split()), particles))}
        persons = sorted((c for c in merged + extra if c.label == "PERSON"), key=lambda c: c.start)
        person_starts = [c.start for c in persons]
        words = _word_starts(text) if surnames else {}
        for surname in surnames:
            for start, end in _whole_word_matches(text, surname, words):
                if contains(persons, person_starts, start, end):
                    continue  # part of the full name itself
                extra.append(Candidate(start, end, "PERSON", "gazetteer", SURNAME))
        known = {w for n in names if len(n.split()) > 1 for w in n.split()}
        extra += self._orphan_rules(text, merged, known)
        extra += _apposed_people(text, merged, self.gazetteer)
        extra += _named_companies(text, merged, self.gazetteer)
        extra += _listed_with_companies(text, merged, self.gazetteer, known)
        extra += _business_subjects(text, merged, self.gazetteer, known)
        extra += _country_named_companies(text, merged, self.gazetteer)
        extra += _eponyms(text, merged)
        # the places the orphan rules found ("at Kalpo Verde") lead a list as much as the model's own ("... and Nga Sa")
        placed = {(c.start, c.end): c.label for c in extra if c.label in ("GPE", "LOC")}
        extra += _place_rules(text, merged, self.gazetteer, placed)
        extra += _seat_venue_lines(text, merged, self.gazetteer)
        extra += _vessels(text)
        extra += _dateline_towns(text, merged, self.gazetteer) if ", " in text else []
        extra += _geo_word_before(text, merged, self.gazetteer)
        return extra

    def _orphan_rules(self, text: str, merged: list[Candidate], known: set[str]) -> list[Candidate]:
        """Fix one-word model names: "Šefčovič said" is a person; "at Kiel", "Dakar plant" are places."""
        extra = []
        g = self.gazetteer
        # names a title, a speaker label or a speech verb made a person somewhere in the text
        titled = {text[c.start:c.end] for c in merged if c.label == "PERSON" and (c.role or c.priority >= TITLE)}
        # given names of the people named in full ("Q: Marta Rinaldi, ..." then "MINISTER: Marta, ...")
        given = {text[c.start:c.end].split()[0] for c in merged if c.label == "PERSON" and " " in text[c.start:c.end]}
        for c in merged:
            if (c.source == "model" and c.label in ("GPE", "ORG", "LOC", "FAC", "NORP")
                    and _ARABIC_NAME.fullmatch(text[c.start:c.end]) and g.lookup(text[c.start:c.end]) is None
                    and not _LOCATIVE_LONG.search(text, max(0, c.start - 12), c.start)):
                extra.append(Candidate(c.start, c.end, "PERSON", "model", TITLE))  # "Abdulrahman al-Mannai"
                continue
            if (c.source == "model" and c.label == "PERSON" and not c.role and 2 <= len(text[c.start:c.end].split()) <= 3
                    and _LOCATIVE_LONG.search(text, max(0, c.start - 12), c.start)
                    and text[c.end:c.end + 2] not in ("'s", "’s") and text[c.start:c.end] not in titled
                    and not re.match(r"[ -][A-Z]", text[c.end:c.end + 2])
                    and text[c.start:c.end].split()[-1] not in _FAC_HEADS | _LOC_HEADS
                    and g.lookup(text[c.start:c.end]) is None):
                extra.append(Candidate(c.start, c.end, "GPE", "model", TITLE))  # "at Qasr Al Watan"
                continue
            if c.source != "model" or " " in text[c.start:c.end] or g.lookup(text[c.start:c.end]) is not None:
                continue
            after = text[c.end:c.end + 20]
            before = text[max(0, c.start - 12):c.start]
            addressed = ((_GREETED.search(text, max(0, c.start - 20), c.start) is not None
                          and text[c.end:c.end + 1] in (",", ".", "!", ";"))  # "and welcome, Keir, to Warsaw"
                         # a reply opening on the questioner's given name: "MINISTER: Marta, I cannot promise ..."
                         or (text.endswith(": ", 0, c.start) and text[c.end:c.end + 1] == ","
                             and text[c.start:c.end] in given))
            if _body_cue(text, c.start, c.end):
                continue  # "the state gas company Kaspigaz said": the noun says what it is (_named_companies)
            if c.label in ("GPE", "ORG", "NORP", "LOC") and ((_SPEECH.match(after) and not _LOCATIVE_LONG.search(before))
                                                              or _VOCATIVE.search(before) or addressed):
                # ("one official in Lofanga said": the official speaks, the town is where)
                extra.append(Candidate(c.start, c.end, "PERSON", "model", TITLE))
            elif c.label == "PERSON" and text[c.start:c.end] not in known and not c.role:
                if _LOCATIVE.search(before) or (_MODIFIER.match(after) and not _SPEECH.match(after)):
                    extra.append(Candidate(c.start, c.end, "GPE", "model", TITLE))
        return extra

    def _acronym_rules(self, text: str, merged: list[Candidate],
                       acronym_pairs: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[Candidate]:
        """An acronym and its spelled-out form share a label ("COMPACT (Catalyzing ... Technology)")."""
        extra = []
        at = {(c.start, c.end): c for c in merged}
        known_shorts = {short for short, _ in acronym_pairs}
        # a mission's name that runs on over "in" a place keeps the class its first words had: the place widens
        # the name, it does not retype it
        missions = _placed_mission_acronyms(text, merged, known_shorts, self.gazetteer)
        placed = {long: label for _short, long, label in missions}
        acronym_pairs = (acronym_pairs + _bracketed_acronyms(text, merged, known_shorts)
                         + [(short, long) for short, long, _label in missions])
        ends = {c.end: c for c in merged if c.label != "PERSON"}
        named = sorted((c for c in merged if c.priority >= RULE and c.label != "PERSON" and c.source != "model"),
                       key=lambda c: c.start)
        named_starts = [c.start for c in named]
        by_start = {c.start: c for c in merged}
        peoples = frozenset(c.start for c in merged if c.label == "NORP")
        words: dict[str, list[int]] | None = None  # the text's words, indexed for the first acronym defined
        mentions: dict[str, list[tuple[int, int]]] = {}
        # (acronym, class) -> the earliest definition handled, the later mentions not tagged with that class yet
        tagged: dict[tuple[str, str], tuple[int, set[tuple[int, int]]]] = {}
        for short, long in acronym_pairs:
            wider = ends.get(long[1])
            if (long not in at and wider is not None and wider.start < long[0]
                    and (not re.search(r"\b(?:of|the|for|and|on|in)\b", text[wider.start:long[0]])
                         # "Code of [Conduct in the South China Sea] (COC)": an instrument's head and its "of"
                         or (wider.label in ("LAW", "EVENT") and wider.source != "model"
                             and re.fullmatch(r"[A-Z][\w-]* of ", text[wider.start:long[0]]) is not None))):
                long = (wider.start, wider.end)  # "the 59th ASEAN Ministers' Meeting (AMM)": the whole tagged name
            if long not in at:
                long = _after_place_prefix(text, long, self.gazetteer, peoples)
            known = at.get(short)
            by_head = rules.class_of_name(text[long[0]:long[1]])
            named_after = by_head is None and _PROGRAMME_AFTER.match(text, short[1]) is not None
            if named_after:
                # "the Pacific Labour Mobility (PLM) scheme": the head noun after the bracket says what the name
                # and its acronym are, whatever the model or a place-led body ("Pacific" + "Labour") made of the
                # long form's words
                by_head = "LAW"
            if by_head is None and text[long[0]:long[1]].split()[-1] in _FAC_HEADS:
                by_head = "FAC"  # "... Renaissance Dam (GERD)", "... Gas Pipeline (WSGP)": a facility and its acronym
            # "the A-B-C (ABC) gas pipeline": the acronym names the line the places are joined by; the places stay
            # places, tagged apart
            chain = (by_head is None and _FACILITY_AFTER.match(text, short[1]) is not None
                     and _dashed_places(text, long, self.gazetteer))
            if chain:
                by_head = "FAC"
            if (known is not None and known.label != "PERSON" and long not in at and by_head is None
                    and any(ch.isupper() for ch in text[long[0]:long[1]])):
                extra.append(Candidate(long[0], long[1], known.label, known.source, RULE + 0.1))
                continue
            # "the Export Credit Agency (ECA) ... ECA said": the acronym, there and alone later, takes the
            # long form's class (a programme's acronym is a programme, a body's a body)
            label = at[long].label if long in at else placed.get(long, by_head)
            if long in at and at[long].source == "model" and by_head is not None:
                label = by_head  # the head noun says what the model guessed ("... Mission" is a programme)
            if label is None or (label == "PERSON" and long in at and at[long].source == "model"):
                label = _defined_name_label(text, long, short)
            if label is None or label == "PERSON":
                continue
            if (long not in at or at[long].label != label) and not chain:
                extra.append(Candidate(long[0], long[1], label, "gazetteer", TITLE + (0.4 if named_after else 0.2)))
            acronym = text[short[0]:short[1]]
            if acronym not in mentions:  # each acronym looked for once, however often it is defined
                words = words if words is not None else _word_starts(text)
                mentions[acronym] = [
                    (start, end) for start, end in _whole_word_matches(text, acronym, words, edge="+-")
                    if not (contains(named, named_starts, start, end)
                            and not _OF_BEFORE.search(text[max(0, start - 8):start]))
                    # not inside a longer name ("ASEAN" in "49th ASEAN Summit"; "... of the SCO" is two)
                    and not ((led := by_start.get(start)) is not None and led.end > end
                             and led.label in _LED_LABELS and text[led.start:led.end].split()[-1] not in GENRE_WORDS)
                    # nor leading a longer name the model read ("ECOWAS Standby Force")
                ]
            # defined in this very text: stronger than the guess that a word before "said" is a surname; the
            # mentions from the definition on, each once per class (an article repeated defines its acronyms
            # again in each copy: every definition re-tagging every later mention was quadratic)
            low, pending = tagged.get((acronym, label), (len(text) + 1, set()))
            found = mentions[acronym]
            newly = found[bisect_left(found, (short[0],)):bisect_left(found, (low,))]
            chosen = [m for m in newly + sorted(m for m in pending if m[0] >= short[0])
                      if not (long[0] <= m[0] < long[1] and short != m)]
            extra += [Candidate(start, end, label, "gazetteer", TITLE + 0.2) for start, end in chosen]
            # the mentions from ``low`` on that are not tagged yet: the ones inside a definition's long form
            tagged[(acronym, label)] = (min(low, short[0]), (pending | set(newly)) - set(chosen))
        return extra


#: A lowercase programme noun right after a defined acronym's bracket ("... Mobility (PLM) scheme", "(RIGI) regime"):
#: the name before the bracket is the programme's.
_PROGRAMME_AFTER = re.compile(r"\)\s+(?:programme|program|scheme|regime|initiative|project|plan|strategy|framework"
                              r"|mechanism|agreement|pact|treaty|process)s?\b")


#: A lowercase line or link right after a defined acronym's bracket ("(TAPI) gas pipeline", "(AGR) railway").
_FACILITY_AFTER = re.compile(r"\)\s+(?:[a-z]+\s+)?(?:pipeline|railway|rail link|cable|interconnector|power line"
                             r"|transmission line|road|highway|canal|tunnel|bridge)s?\b")


def _dashed_places(text: str, span: tuple[int, int], g: Gazetteer) -> bool:
    """True when ``span`` is, whole, two or more known places joined by dashes ("Turkmenistan-Afghanistan-Pakistan");
    ``_place_chain`` finds such a chain opening a longer name."""
    parts = re.split(r"[-–—]", text[span[0]:span[1]])
    if len(parts) < 2:
        return False
    entries = [g.lookup(p) for p in parts]
    return all(e is not None and e.label in ("GPE", "LOC") for e in entries)


#: Abbreviations of concepts and technologies, defined in brackets like names ("Artificial Intelligence (AI)").
_CONCEPTS = frozenset("AI ML IT ICT IP EV PV SAF SDG CCS CCUS DPI GHG NTB NTM ODA RE".split())


def _after_place_prefix(text: str, long: tuple[int, int], g: Gazetteer, peoples: frozenset[int] = frozenset()
                        ) -> tuple[int, int]:
    """A long form without its dash-joined places ("Ruritania-Freedonia [Power Link Project] (RFPLP)"): the
    country-pair prefix is tagged apart (README conventions), the name is what follows it."""
    start = long[0]
    for m in re.finditer(r"\S+", text[long[0]:long[1]]):
        parts = re.split(r"[-–—]", m.group())
        entry = g.lookup(parts[-1]) if len(parts) > 1 else None
        if long[0] + m.start() in peoples:
            continue  # a people's adjective joined to a region is a name, not a pair's prefix ("Nordic-Baltic Eight")
        if entry is not None and entry.label in ("GPE", "LOC") and long[0] + m.end() < long[1]:
            start = long[0] + m.end() + 1
    return (start, long[1]) if start != long[0] else long


def _defined_name_label(text: str, long: tuple[int, int], short: tuple[int, int]) -> str | None:
    """The class of a title-case name defined with an acronym in brackets whose head noun says nothing ("the Regional
    Anti-Terrorist Structure (RATS)", "the Grand Ethiopian Renaissance Dam (GERD)"): a facility by its head, else a
    body (a person has no acronym); None for a concept's abbreviation ("Gross Domestic Product (GDP)")."""
    words = text[long[0]:long[1]].split()
    acronym = text[short[0]:short[1]]
    if (len(words) < 2 or not all(w[:1].isupper() or w in rules._MINOR for w in words)
            or acronym.upper() in _NOT_ACRONYMS | _CONCEPTS or acronym.upper().rstrip("S") in _NOT_ACRONYMS | _CONCEPTS):
        return None
    return "FAC" if words[-1] in _FAC_HEADS else "ORG"


#: Head words of offices that a name stands in apposition to ("the Secretary General, Amara Nwosu", "Janis Ozols, the
#: Minister of Defence").
_OFFICE_HEADS = frozenset("""Minister Secretary Secretary-General President Vice-President Chancellor Premier Governor
Senator Ambassador Commissioner Envoy Representative Spokesperson Spokesman Spokeswoman Chairman Chairperson Chairwoman
Chair Mayor Director Director-General Adviser Advisor Governor Commander Chief Deputy Speaker""".split())
#: An office before a comma and a name: the head word, then only capitalised words and the minor words of an office
#: ("Minister of Defence of the Republic of Latvia, ").
_OFFICE_BEFORE = re.compile(r"(?<![\w-])(?P<head>" + "|".join(sorted(_OFFICE_HEADS, key=len, reverse=True))
                            + r")(?: (?:[A-Z][\w'’-]*|of|for|the|and|to|&))*,[ \t]+$")
#: An office after a name and a comma ("Janis Ozols, the Minister of Defence", "..., Latvia's Defence Minister").
_OFFICE_AFTER = re.compile(r",[ \t]+(?:the |[A-Z][\w-]*['’]s )?(?:[A-Z][\w-]* ){0,3}?(?P<head>[A-Z][\w-]*)(?![\w-])")
#: A name that an author's note or a profile describes ("Aditi Rao is a Senior Fellow at ...").
_PROFILE_AFTER = re.compile(r" is (?:a|an|the) (?:[\w-]+ ){0,2}?(?:[Ff]ellow|[Pp]rofessor|[Rr]esearcher|[Aa]nalyst"
                            r"|[Ll]ecturer|[Ee]conomist|[Ee]ditor|[Cc]orrespondent|[Dd]irector|[Dd]iplomat|[Jj]ournalist"
                            r"|Secretary|Minister|Ambassador)\b")
#: A speech verb before a name that a relative "who" or an affiliation follows: a person quoted ("..., said Ana Ruiz,
#: who heads the consultancy", "said Jean Mbeki of the International Crisis Group").
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|wrote|warned|argued)[ \t]+$")
_QUOTED_AFTER = re.compile(r",[ \t]+who\b| of the [A-Z]")
_PERSON_NAME = re.compile(rf"{NAME_WORD}(?: {NAME_WORD}){{1,3}}")


#: The coarse class of a model label, for comparing the labels of two mentions.
_COARSE = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG", "PERSON": "PERSON", "NORP": "NORP"}


def _one_class_per_name(text: str, out: list[Candidate], extra: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """An unknown name a context cue typed as a place or an organisation in one mention ("the Corvina field",
    "the consultancy Velcor") is that in its other, bare mentions too ("Gas from Corvina", "Velcor said")."""
    votes: dict[str, set[str]] = {}
    for c in extra:
        if c.source == "model" and c.priority == TITLE and c.label in ("ORG", "GPE", "LOC", "FAC"):
            votes.setdefault(text[c.start:c.end], set()).add(c.label)
    if not votes:
        return out
    result = []
    for c in out:
        labels = votes.get(text[c.start:c.end])
        if (labels is not None and len({_COARSE[x] for x in labels}) == 1 and c.source == "model"
                and c.priority == MODEL and c.label in _COARSE and _COARSE[c.label] != _COARSE[min(labels)]
                and g.lookup(text[c.start:c.end]) is None):
            c = replace(c, label=min(labels))
        result.append(c)
    return result


#: A capitalised word or an apostrophe's name right after a mention: the mention is part of a longer name.
#: ("Organ on Politics, Defence and Security": a head noun before its own "on"/"of"/"for" and a capital)
_LONGER_NAME_AFTER = re.compile(r"(?:[ \t]+[A-ZÀ-Þ]|[-–'’][A-Za-z]|[ \t]+(?:of|on|for)[ \t]+(?:the[ \t]+)?[A-ZÀ-Þ])")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?P<w>[A-ZÀ-Þ][\w'’-]*)[ \t]+$")


def _inside_longer_name(text: str, start: int) -> bool:
    """True when a capitalised word, not a sentence's first word, stands right before ``start``."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group("w") not in STARTERS and not recall_rules.sentence_start(text, m.start())




def _other_mentions(text: str, out: list[Candidate], g: Gazetteer, furniture: bytearray | None) -> list[Candidate]:
    """A name tagged as a place is a place in its other mentions too: an untagged mention of it ("the port of Ilo" ...
    "a smelter in Ilo") and a bare mention the model took for a person ("Koeberg's second life extension" beside
    "the Koeberg site"), when no mention makes it a body. (A body's name is not carried over: the model's bodies
    include offices and back-references, "Government", "State Visit", that the text repeats.)"""
    mentions: dict[str, list[Candidate]] = {}
    for c in out:
        mentions.setdefault(text[c.start:c.end], []).append(c)
    # the surnames of the people the text names in full: "Orlek said" beside "Dana Orlek" and "the port of Orlek"
    # is the envoy, whatever the port is called
    surnames = {text[c.start:c.end].split()[-1] for c in out
                if c.label == "PERSON" and len(text[c.start:c.end].split()) > 1}
    lower: frozenset[str] | None = None
    words: dict[str, list[int]] | None = None
    free = None
    added: list[Candidate] = []
    for surface, cands in mentions.items():
        coarse = {_COARSE.get(c.label) for c in cands}
        named = [c for c in cands if _COARSE.get(c.label) == "PLACE"]
        if (not named or len(surface) < 3 or not surface[0].isupper() or "\n" in surface or surface in surnames
                or coarse - {"PERSON"} != {"PLACE"} or any(c.source == "learned" for c in cands)
                or any(w in STARTERS or w in OFFICE_WORDS or w in BACK_REFERENCES or w in GENRE_WORDS
                       or w in PLAIN_NOUNS or w in _ONE_WORD_OFFICES for w in surface.split())):
            continue
        lower = recall_rules.lowercase_words(text) if lower is None else lower
        if all(w.lower() in lower for w in surface.split()):
            continue  # common words the text writes in lowercase too ("Gulf" / "gulf", "State Visit" / "state visit")
        label = named[0].label
        if "PERSON" in coarse:
            if len(surface.split()) > 2:
                continue
            # the model's bare person, never beside an office, is the place the other mentions name
            added += [Candidate(c.start, c.end, label, "model", TITLE) for c in cands
                      if c.label == "PERSON" and c.source == "model" and c.priority == MODEL and not c.role
                      and not _beside_office(text, c.start, c.end)]
            continue
        words = _word_starts(text) if words is None else words
        if free is None:
            free = recall_rules.free_spans(out, furniture, text, g)
        spans = [(a, b) for a, b in _whole_word_matches(text, surface, words)
                 if free(a, b) and not _LONGER_NAME_AFTER.match(text, b) and not _inside_longer_name(text, a)]
        added += [Candidate(a, b, label, "model", MODEL) for a, b in spans]
    return added


def _apposed_people(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """Names of two to four words the model typed as a place or body but set beside an office: "the Secretary
    General, Amara Nwosu-Keita,", "Janis Ozols, the Minister of Defence", "Aditi Rao is a Fellow with ...", or quoted
    with their affiliation: "said Ana Ruiz, who heads ..."."""
    out = []
    for c in merged:
        if c.source != "model" or c.label not in ("ORG", "GPE", "LOC", "NORP", "FAC"):
            continue
        surface = text[c.start:c.end]
        if not _PERSON_NAME.fullmatch(surface) or g.lookup(surface) is not None or surface.isupper():
            continue
        if any(w in _ORG_WORDS or w in _FAC_HEADS or w in _LOC_HEADS for w in surface.split()):
            continue
        if _beside_office(text, c.start, c.end) or (_SAID_BEFORE.search(text, max(0, c.start - 12), c.start)
                                                    and _QUOTED_AFTER.match(text, c.end)):
            out.append(Candidate(c.start, c.end, "PERSON", "model", TITLE))
    return out


#: Nouns of businesses and outlets right before their name ("the consultancy X", "the state utility X", "firms such as
#: X") or after it in apposition ("X, Chile's state-owned copper giant,").
_COMPANY_NOUN = recall_rules.COMPANY_NOUN
#: Earlier items of a list after "including" / "such as" ("including Velcor, Tarnex and "): the kind the list
#: introduces runs along it.
_LISTED = r"(?:[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}(?:,| and| or|, and) )*"
_COMPANY_BEFORE = re.compile(rf"\b{_COMPANY_NOUN}(?:,? (?:such as|like|including))? $"
                             # "network operators, including Velcor, Tarnex and", "miners in Salta, including"
                             rf"|\b{_COMPANY_NOUN}s?(?: [\w'’-]+){{0,4}}?,? (?:such as|including) {_LISTED}$")
#: (a conjunction after the comma starts a new clause, not an apposition: "at Tarvik Space Base, and companies are
#: welcome")
_COMPANY_AFTER = re.compile(rf", (?!(?:who|and|but|or|while|whereas)\b)(?:an? |the |our |their |its |[A-Z][\w-]*['’]s )?(?:[\w-]+ ){{0,3}}?{_COMPANY_NOUN}\b")
#: Nouns of public bodies and parties (nlp/recall_rules.py): right before a one-word name they say what it is ("the
#: country's coast guard agency Bakamla", "the regulator Ofwat"), and so does the head of an apposition after it
#: ("Kaltora, the maritime security authority,"); after a name only as the apposition's head ("Kisumu, the party's
#: stronghold" is a place), and never in a relative clause ("Ana Ruiz, who heads the consultancy").
_BODY_NOUN = recall_rules.BODY_NOUN
_BODY_BEFORE = re.compile(rf"\b{_BODY_NOUN} $")
_BODY_AFTER = re.compile(rf", (?!who\b)(?:an? |the |its |their |[A-Z][\w-]*['’]s |(?:the )?[a-z]+['’]s )?(?:[\w-]+ ){{0,3}}?"
                         rf"{_BODY_NOUN}(?=[,;.)]| (?:that|which|who|said|says|has|had|is|was|will|would)\b)")
#: A works or a board a name owns, in the singular ("Hanwha Ocean's Geoje shipyard", "Bio Farma's plant in Bandung"):
#: the owner is a business; a region's works are plural ("Sulawesi's smelters").
_OWNER_AFTER = re.compile(r"['’]s (?:[A-Z][\w-]* |[a-z][\w-]* ){0,2}?(?:plant|factory|shipyard|refinery|smelter|facility"
                          r"|subsidiary|chief executive|shareholders|board of directors)(?![\w-])")
#: A company's legal form written before its name ("PT Karya Nusantara", "JSC Temir Zholy"): part of the name.
_LEGAL_FORM_BEFORE = re.compile(r"(?<![\w.-])(?:PT|JSC|PJSC|OJSC|CJSC) $")


def _named_companies(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """Unknown names the model took for a person or a place but that a business noun introduces or describes:
    "the consultancy Andes Energía", "Velcor, Chile's state-owned copper giant," are organisations."""
    out = []
    for c in merged:
        if (c.source != "model" or c.label not in ("GPE", "PERSON", "LOC", "NORP", "FAC", "PRODUCT", "LANGUAGE")
                or c.role):
            continue
        surface = text[c.start:c.end]
        if len(surface.split()) > 4 or g.lookup(surface) is not None:
            continue
        if (form := _LEGAL_FORM_BEFORE.search(text, max(0, c.start - 6), c.start)) is not None:
            out.append(Candidate(form.start(), c.end, "ORG", "model", TITLE))  # "PT" + " Karya Nusantara"
        elif _body_cue(text, c.start, c.end) or (_company_worded(surface) and not _person_cue(text, c.start, c.end)):
            out.append(Candidate(c.start, c.end, "ORG", "model", TITLE))
    return out


#: A title or an office right before a name ("Professor Lina Steel", "the foreign minister, Laura Energy"), or an
#: apposition or relative clause after it that describes a person ("Sara Air, the spokeswoman,", "..., who ..."):
#: the name is a person's, whatever its last word says (surnames such as Power, Steel, Air, Group exist).
_PERSON_TITLE_BEFORE = re.compile(r"(?<![\w'’-])(?P<w>[A-Za-z][a-z-]*\.?),?[ \t]+$")
_PERSON_AFTER = re.compile(r",[ \t]+(?:who\b|(?:a|an|the|[A-Z][\w-]*['’]s)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
                           r"(?:spokes(?:wo)?man|spokesperson|farmer|campaigner|activist|economist|historian|lawyer"
                           r"|analyst|journalist|reporter|writer|author|singer|artist|poet|professor|researcher|scholar"
                           r"|lecturer|diplomat|doctor|teacher|student|resident|official|politician|candidate"
                           r"|mother|father|wife|husband|son|daughter|woman|man)\b)")
_PERSON_TITLES = frozenset(w.lower() for w in _OFFICE_HEADS) | {"professor", "prof", "mr", "mrs", "ms", "dr", "sir",
                                                              "dame", "lord", "lady", "madam"}


def _person_cue(text: str, start: int, end: int) -> bool:
    """True when a title, an office or a person's apposition stands beside the name at ``[start, end)``."""
    if _beside_office(text, start, end) or _PERSON_AFTER.match(text, end) is not None:
        return True
    before = _PERSON_TITLE_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group("w").rstrip(".").lower() in _PERSON_TITLES


#: Endings of one-word state company names built on their trade ("Turkmengas", "Velkoneft", "Uzatom", "Tarvoprom",
#: "Kazenergo"): no place's name ends so.
#: ("-gas" only after a longer stem ending in a consonant: "Burgas" and "Vegas" are towns, "Villegas" and "Venegas"
#: surnames)
_TRADE_ENDING = re.compile(r"[A-Z][a-z]{3,}[b-df-hj-np-tv-z]gas|[A-Z][A-Za-z]{1,}(?:gaz|neft|naft|prom|atom|energo)")


def _company_worded(surface: str) -> bool:
    """True when a two- to four-word title-case name ends in a trade or a company's form, or holds a foreign legal
    form, or one word is built on a trade ("Turkmengas"): a business, not a person or a place."""
    words = surface.split()
    if len(words) == 1:
        return surface[0].isupper() and _TRADE_ENDING.fullmatch(surface) is not None
    # (a span the model cut after a particle, "Électricité du", is no whole name to relabel)
    return (2 <= len(words) <= 4 and words[-1][:1].isupper()
            and all(w[:1].isupper() or w in ("du", "de", "des", "del", "da", "do") for w in words)
            and (words[-1] in _COMPANY_LAST or any(w in _COMPANY_FORM_WORDS for w in words)))


def _body_cue(text: str, start: int, end: int) -> bool:
    """True when a business or body noun introduces the name at ``[start, end)`` ("the state utility X", "the
    regulator X") or heads its apposition ("X, Chile's state-owned copper giant,", "X, the maritime authority,"), or
    the name owns a plant or a board ("X's plant in Y")."""
    return (_COMPANY_BEFORE.search(text, max(0, start - 100), start) is not None
            or _COMPANY_AFTER.match(text, end) is not None
            or _BODY_BEFORE.search(text, max(0, start - 30), start) is not None
            or _BODY_AFTER.match(text, end) is not None
            or _OWNER_AFTER.match(text, end) is not None)


#: What a business does, said of a name or a list of names (nlp/recall_rules.py).
_BUSINESS_VERB = recall_rules.BUSINESS_VERB
_JOINT_BUSINESS_VERB = recall_rules.JOINT_BUSINESS_VERB


def _business_subjects(text: str, merged: list[Candidate], g: Gazetteer, known: set[str]) -> list[Candidate]:
    """Unknown names the model took for a person or a place that produce, supply, ship or invest: businesses
    ("Al Dahra and Agthia will source rice"), unless a title or a full name makes them people."""
    titled = {text[c.start:c.end] for c in merged if c.label == "PERSON" and (c.role or c.priority >= TITLE)}
    out = []
    for c in merged:
        surface = text[c.start:c.end]
        words = surface.split()
        if (c.source != "model" or c.label not in ("PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT") or c.role
                or len(words) > 3 or surface in titled
                # a full name is a person's, unless it ends in a noun the text also writes in lowercase: a product,
                # a trade or a place of the firm's ("Kessler Copper will build", "Varna Shipping will operate")
                or (any(w in known for w in words)
                    and (len(words) < 2 or words[-1].lower() not in recall_rules.lowercase_words(text)))
                or g.lookup(surface) is not None
                or (_BUSINESS_VERB.match(text, c.end) is None and not _joint_subject(text, c.start, c.end))):
            continue
        out.append(Candidate(c.start, c.end, "ORG", "model", TITLE))
    return out


#: The name before a listed one ("Transgaz and " + "Vestmoldtransgaz will sign"), also after its bracketed
#: acronym ("the Innovation Centre (NIC) and " + "Viettel will join").
_LIST_BEFORE = re.compile(r"(?<![\w'’.&-])[A-Z][\w'’&.-]*\)?(?:,| and) $")


def _joint_subject(text: str, start: int, end: int) -> bool:
    """True when the name at ``[start, end)`` is one of a list of capitalised names that sign, join, fund, survey,
    study or order something together ("Ostragaz and Vendomar will sign", "Tarvel, Norgaz and Bpi will also fund")."""
    m = _JOINT_BUSINESS_VERB.match(text, end)
    if m is None:
        return False
    return m.group("list") is not None or _LIST_BEFORE.search(text, max(0, start - 40), start) is not None


def _listed_with_companies(text: str, merged: list[Candidate], g: Gazetteer, known: set[str]) -> list[Candidate]:
    """An unknown name the model took for a person or a place but listed with a company is a company too
    ("Velcor and Tarnex", "Ostragaz and Vendomar will sign"): a list names things of one kind."""
    ordered = sorted(merged, key=lambda c: c.start)
    people = {w for c in ordered if c.label == "PERSON" and (c.role or c.priority >= TITLE)
              for w in text[c.start:c.end].split()}
    out = []
    for i, c in enumerate(ordered):
        surface = text[c.start:c.end]
        words = surface.split()
        if (c.source != "model" or c.label not in ("PERSON", "GPE", "FAC", "LOC") or c.role
                or len(words) > (1 if c.label == "PERSON" else 3) or g.lookup(surface) is not None
                or any(w in known or w in people for w in words) or _SPEECH.match(text, c.end)
                or text[c.end:c.end + 2] in ("'s", "’s")):
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(ordered):
                continue
            n = ordered[j]
            gap = text[n.end:c.start] if j < i else text[c.end:n.start]
            name = text[n.start:n.end]
            # the company is a known one or an acronym: an unknown title-case "ORG" may itself be a misread place
            if (n.label == "ORG" and (n.source != "model" or name.isupper()) and _COORD.fullmatch(gap)
                    and not re.search(r"['’]s$", name)
                    and not _headed_by(name, rules.BODY_HEADS | _ORG_FIRST | _NATIONAL_BODY)
                    and not any(w in rules.BODY_HEADS for w in name.split())):
                out.append(Candidate(c.start, c.end, "ORG", "model", TITLE))
                break
    return out


#: Countries whose names are also common family or given names ("Michael Jordan", "Tom Holland", "Dan Ireland"): a
#: "person" ending in one stays a person.
_SURNAME_COUNTRIES = frozenset("""Jordan Israel Chad Georgia England Ireland Holland Wales Scotland Brazil Cuba Jersey
Guernsey Kenya India""".split())
#: A speech verb right before a name ("said Anna Mali") or an age in commas right after it ("Jack Norway, 52,"): a
#: quoted or reported person, never a company named after its country.
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|added|asked)[ \t]+$")
_AGE_AFTER = re.compile(r",[ \t]+\d{1,3},")
#: What a body says, not a person, after the speech verb: itself as "it" or "its", or a written statement ("Orbit
#: Sweden said it would ...", "... said in a statement", "... said on its website"), before the clause ends.
#: ("it was" is left out: people say it of anything)
#: ("it would be", "it will take": the impersonal "it" anyone uses: "... said it would be a hard winter")
_BODY_SPEECH = re.compile(r"[^.;:!?\n\"“”]{0,40}?\b(?:it (?:would|will|had|has|plans|planned|expects|expected|aims|intends)"
                          r"(?! (?:be|been|take|takes)\b)|its|statement|filing|release|website|communiqué)\b")
#: ... but a personal pronoun in the rest of the sentence tells a person ("Maria Norway said in a statement that she
#: would resign", "... said on his website").
_PERSON_SPEECH = re.compile(r"[^.;!?\n]{0,80}?\b(?:he|she|his|her|him|himself|herself)\b")


def _spoke_as_person(text: str, end: int) -> bool:
    """True when a speech verb follows the name at ``end`` ("Peter Sweden said the plant ...", "... told reporters")
    and what follows is no body's way of speaking ("said it would", "said in a statement")."""
    speech = _SPEECH.match(text, end)
    return (speech is not None and text[end:end + 1] != "'" and text[end:end + 1] != "’"
            and (_BODY_SPEECH.match(text, speech.end()) is None or _PERSON_SPEECH.match(text, speech.end()) is not None))


def _brand_elsewhere(text: str, c: Candidate, words: list[str], merged: list[Candidate], g: Gazetteer) -> bool:
    """True when the first word of the "person" ``c`` ("Telenor Sweden") names a body elsewhere in the text: inside
    another body's name ("Telenor Group", "Vodafone Group plc") or before another country ("Digicel Samoa"). No one
    bears two countries as surnames, and a given name is not a body's ("Peter Sweden ... Peter said" stays a person)."""
    first = words[0]
    # a body the word leads, not one named after a person ("the Peter Wallenberg Foundation")
    if any(o.label == "ORG" and not (o.start < c.end and c.start < o.end) and (name := text[o.start:o.end].split())
           and name[0] == first and name[-1] not in _EPONYM_HEADS for o in merged):
        return True
    for m in re.finditer(rf"(?<![\w-]){re.escape(first)}[ \t]+([A-Z][\w-]+)", text):
        entry = g.lookup(m.group(1))
        if (m.start() != c.start and m.group(1) != words[-1] and entry is not None and entry.section == "countries"
                and entry.label == "GPE"):
            return True
    return False


def _country_named_companies(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """A two- or three-word "person" whose last word is a country's name is a national company, agency or body
    named after its country ("Space Norway", "Danantara Indonesia", "Campus France"): people are not surnamed after
    states, save a few names that are also family names (``_SURNAME_COUNTRIES``). A title, an office or a person's
    apposition beside the name, a word of it that a titled person bears, or a speech verb after it that no body's
    statement follows (:func:`_spoke_as_person`) unless its first word names a body elsewhere
    (:func:`_brand_elsewhere`), keeps it a person."""
    titled = {w for c in merged if c.label == "PERSON" and (c.role or c.priority >= TITLE)
              for w in text[c.start:c.end].split()}
    out = []
    for c in merged:
        if c.source != "model" or c.label != "PERSON" or c.role:
            continue
        words = text[c.start:c.end].split()
        if not 2 <= len(words) <= 3 or words[-1] in _SURNAME_COUNTRIES or any(w in titled for w in words):
            continue
        entry = g.lookup(words[-1])
        if (entry is None or entry.section != "countries" or entry.label != "GPE" or not words[0][:1].isupper()
                or g.lookup(" ".join(words)) is not None or _person_cue(text, c.start, c.end)
                or _VOCATIVE.search(text, max(0, c.start - 20), c.start)
                or _SPEAKER_BEFORE.search(text, max(0, c.start - 10), c.start) or _AGE_AFTER.match(text, c.end)
                # ("Telenor Sweden said the outage ...": "Telenor Group" elsewhere says it speaks as a body)
                or (_spoke_as_person(text, c.end) and not _brand_elsewhere(text, c, words, merged, g))
                # a title inside the span itself ("Mrs Ama Ghana"): the model kept it with the name
                or any(w.rstrip(".").lower() in _PERSON_TITLES for w in words)):
            continue
        out.append(Candidate(c.start, c.end, "ORG", "model", TITLE))
    return out


#: Head nouns of bodies and works named after a person ("Mohammed VI Polytechnic University", "King Sejong Institutes",
#: "King Fahd Causeway"), with the class the whole name takes.
_EPONYM_HEADS = {**dict.fromkeys(("University", "Universities", "Institute", "Institutes", "College", "Academy",
                                  "Foundation", "Centre", "Center", "Museum", "Library"), "ORG"),
                 **dict.fromkeys(("Airport", "Bridge", "Causeway", "Stadium", "Highway", "Tunnel", "Dam"), "FAC")}
#: Up to three more capitalised words, then the head noun, right after the person's name; not a head that "of" or
#: "for" continues (left to the body rules) nor one a capitalised word follows (a title-case heading's words: "Modi
#: University Visit Sparks Protest").
_EPONYM_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*){0,3}?[ \t]+(?P<head>" + "|".join(_EPONYM_HEADS) + r")\b"
                           r"(?![ \t]+(?:of|for)\b)(?![ \t]+[A-Z])")
#: A royal or religious title right before the name: part of the eponym ("King Sejong Institutes").
_EPONYM_TITLE = re.compile(r"(?<![\w-])(?:King|Queen|Prince|Princess|Crown Prince|Sultan|Sheikh|Emir|Saint|St\.?|Pope)"
                           r"[ \t]+$")


def _eponyms(text: str, merged: list[Candidate]) -> list[Candidate]:
    """A person's name (with its royal title) that goes on into a body's or a facility's head noun is the name of that
    body or facility ("Mohammed VI Polytechnic University", "King Sejong Institutes", "King Fahd Causeway"), not the
    person. Only a capitalised head right after the name or up to three capitalised words later (``_EPONYM_AFTER``)."""
    out = []
    for c in merged:
        # the model's person, a known one ("Mohammed VI") or one a royal title named ("King" + "Sejong Institutes")
        if c.label != "PERSON" or c.source == "learned" or (c.role and _EPONYM_TITLE.fullmatch(c.role + " ") is None):
            continue
        words = text[c.start:c.end].split()
        title = _EPONYM_TITLE.search(text, max(0, c.start - 16), c.start)
        if (title is not None and len(words) >= 2 and words[-1] in _EPONYM_HEADS
                and re.match(r"[ \t]+[A-Z]", text[c.end:c.end + 2]) is None):
            # the model took the head into the titled name ("King" + "Sejong Institutes"); without a royal title a
            # name ending so is a surname's ("John Bridge")
            end, label = c.end, _EPONYM_HEADS[words[-1]]
        elif (m := _EPONYM_AFTER.match(text, c.end)) is not None:
            end, label = m.end(), _EPONYM_HEADS[m.group("head")]
        else:
            continue
        out.append(Candidate(title.start() if title is not None else c.start, end, label, "model", TITLE + 0.5))
    return out


def _beside_office(text: str, start: int, end: int) -> bool:
    """True when the name at ``[start, end)`` stands in apposition to an office or is described by a profile."""
    before = _OFFICE_BEFORE.search(text, max(0, start - 100), start)
    after = _OFFICE_AFTER.match(text, end)
    return ((before is not None and before.group("head") in _OFFICE_HEADS)
            or (after is not None and after.group("head") in _OFFICE_HEADS)
            or _PROFILE_AFTER.match(text, end) is not None)


_WORD_START = re.compile(r"(?<![\w-])\w+")
_LEADING_WORD = re.compile(r"\w+")


def _word_starts(text: str) -> dict[str, list[int]]:
    """Where each word of ``text`` starts (a run of word characters not after a word character or hyphen)."""
    index: dict[str, list[int]] = {}
    for m in _WORD_START.finditer(text):
        index.setdefault(m.group(), []).append(m.start())
    return index


def _whole_word_matches(text: str, phrase: str, words: dict[str, list[int]], edge: str = "-"
                        ) -> list[tuple[int, int]]:
    r"""The (start, end) of ``phrase`` in ``text`` as whole words, left to right and not overlapping: the
    matches of ``(?<![\w<edge>])phrase(?![\w<edge>])`` (``edge``: the other characters a whole word may not
    touch; it holds "-", as ``words`` does), looked for only where ``words`` (``_word_starts``) has the
    phrase's first word. One scan of the whole text per surname or acronym made a list of thousands of
    people, or of bodies with their acronyms, quadratic."""
    touching = r"[\w" + re.escape(edge) + "]"
    lead = _LEADING_WORD.match(phrase)
    if lead is None:
        return [m.span() for m in re.finditer(f"(?<!{touching}){re.escape(phrase)}(?!{touching})", text)]
    rest = re.compile(f"{re.escape(phrase)}(?!{touching})")
    out: list[tuple[int, int]] = []
    last = 0
    for start in words.get(lead.group(), ()):
        # a word start holds the phrase's first word whole: the phrase goes on with a non-word character or ends
        if (start >= last and (start == 0 or text[start - 1] not in edge)
                and (m := rest.match(text, start)) is not None):
            out.append(m.span())
            last = m.end()
    return out


_OF_BEFORE = re.compile(r"\bof (?:the )?$")
#: Labels of names that an acronym may lead ("ECOWAS Standby Force", "IGAD Assembly of ...", "MLC Special Fund").
_LED_LABELS = frozenset({"ORG", "LAW", "EVENT", "FAC"})
#: A short form in brackets right after a name: an acronym ("GKNB", "dtic", "SPLM-IO") or an acronym with a head
#: noun ("AHA Centre").
_BRACKETED_SHORT = re.compile(r"[ \t]*\((?P<short>[A-Za-z][A-Za-z0-9+&-]{1,11}(?: [A-Z][a-z]+)?)\)")


#: A one-word short name in mixed case ("Corfo", "Ukrenergo"), in brackets after a body's full name.
_SHORT_NAME = re.compile(r"[A-Z][a-z]{3,11}")


def _bracketed_acronyms(text: str, merged: list[Candidate], known: set[tuple[int, int]]
                        ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """``(short, long)`` pairs for a short form in brackets right after a tagged name whose initials do not spell
    it: a foreign long form ("State Committee for National Security (GKNB)", "... Liberation Front (FLNKS)"), a
    lowercase acronym ("Department of Trade, Industry and Competition (dtic)") or "(AHA Centre)"."""
    out = []
    for c in merged:
        if (c.label in ("PERSON", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "GPE", "LOC")
                or " " not in text[c.start:c.end]):
            continue  # a place whose initials do not spell the bracket ends a longer name ("... in West Africa (GIABA)")
        m = _BRACKETED_SHORT.match(text, c.end)
        if m is None or (m.start("short"), m.end("short")) in known:
            continue
        short = m.group("short")
        first = short.split()[0]
        if first.islower():
            # a lowercase acronym must spell the name's initials ("dtic"), else it is a word ("(continued)")
            if rules._initials(text[c.start:c.end]).casefold() != first:
                continue
        elif not rules._is_acronym(first) and not (_SHORT_NAME.fullmatch(short)
                                                   and rules.class_of_name(text[c.start:c.end]) == "ORG"):
            continue  # a body's short name may be a word ("Production Development Corporation (Corfo)")
        out.append(((m.start("short"), m.end("short")), (c.start, c.end)))
    return out


#: A mission's or body's head noun, then "in (the)" right before a place: the place that ends its full name
#: ("Stabilization Mission in the Central African Republic", "Action Group against Money Laundering in West Africa").
_HEAD_IN_BEFORE = re.compile(r"(?<![\w'’-])(?P<word>[A-Z][\w'’-]*) in (?:the )?$")
_HEAD_CUT = re.compile(r" (?:for|against|of|on) ")


def _placed_mission_acronyms(text: str, merged: list[Candidate], known: set[tuple[int, int]], g: Gazetteer
                             ) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """``(short, long)`` pairs for an acronym in brackets after a mission's or body's name that ends "in" a place
    ("United Nations Stabilization Mission in the Central African Republic (MINUSCA)"): the bracket names the whole
    mission, place included, when its letters are not the place's own ("... in the Central African Republic
    (CAR)"); with the class of the name before "in"."""
    names = {c.end: c for c in merged if c.label in ("ORG", "LAW", "EVENT") and " " in text[c.start:c.end]}
    out = []
    for c in merged:
        if c.label not in ("GPE", "LOC"):
            continue
        m = _BRACKETED_SHORT.match(text, c.end)
        if m is None or (m.start("short"), m.end("short")) in known or not rules._is_acronym(m.group("short")):
            continue
        before = _HEAD_IN_BEFORE.search(text, max(0, c.start - 40), c.start)
        name = names.get(before.end("word")) if before is not None else None
        if name is None:
            continue
        # the head noun is the last word before the name's own "for"/"against" ("Group against Money Laundering")
        head = _HEAD_CUT.split(text[name.start:name.end], maxsplit=1)[0].split()[-1]
        short = m.group("short").split()[0]
        place_own = rules._initials(text[c.start:c.end]) == re.sub(r"[^A-Z]", "", short) or (
            (entry := g.lookup(short)) is not None and entry.label in ("GPE", "LOC"))
        if head in _PURPOSE_HEADS and not place_own:
            out.append(((m.start("short"), m.end("short")), (name.start, c.end), name.label))
    return out


#: An all-caps word of three to seven letters or digits: an acronym ("SJVN", "NHPC", "ICEYE").
_CAPS_WORD = re.compile(r"(?<![\w&+.'’-])[A-Z][A-Z0-9]{2,6}(?![\w&+'’-]|\.\w)")
_ROMAN = re.compile(r"[IVXLC]+")
#: All-caps words that are not names: document furniture, units, currencies, time zones, common abbreviations.
_NOT_ACRONYMS = frozenset("""FACT SHEET PRESS MEDIA NOTE NOTES STEM END ENDS EUR USD GBP JPY CNY INR AUD GMT UTC AEDT AEST
CET CEST EST EDT BST IST LNG LPG CNG GHG HIV AIDS SIDS NDC NDCS ANALYSIS OPINION COMMENTARY EXPLAINER UPDATE UPDATED
BREAKING LIVE WATCH READ MORE NEW PDF URL FAQ VAT GST FDI SME SMES MSME MSMES PPP EEZ IUU UAV UAVS ICBM NCD NCDS
GDP GNI CEO CFO CTO MOU MOUS ASAP AND THE FOR NOT ALL TBC TBA ETA AGM EGM RSVP DNA RNA PCR""".split())


_LETTER_WORD = re.compile(r"[A-Za-z]{2,}")
_CAPITALISED_TAIL = re.compile(r"(?: [A-Z][\w&'’-]*){1,3}")


def _unknown_acronyms(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """All-caps words in running text that no other rule named: an acronym of a body ("SJVN is completing the
    project", "Finland's ICEYE"); not in all-caps lines (headings, labels), nor furniture and common abbreviations."""
    if not _CAPS_WORD.search(text):
        return []
    spans = sorted((c.start, c.end) for c in merged)
    starts = [a for a, _ in spans]
    out = []
    # the line of the last word looked at, and whether it is in capitals: worked out once per line, not per
    # word (a long all-caps line, an annex pasted as one line, would be read again for each of its words)
    line_start, line_end, caps_line = 0, -1, False
    for m in _CAPS_WORD.finditer(text):
        s, e = m.span()
        word = m.group()
        if (word in _NOT_ACRONYMS or word in g.not_entities or word in transcript.ROLE_WORDS
                or _ROMAN.fullmatch(word) or not any(ch.isalpha() for ch in word[1:])):
            continue
        i = bisect_left(starts, e)
        if any(a < e and s < b for a, b in spans[max(0, i - 3):i + 1]):
            continue  # already part of a name
        if s > line_end:
            line_start = text.rfind("\n", 0, s) + 1
            line_end = text.find("\n", e)
            line_end = len(text) if line_end < 0 else line_end
            letters = _LETTER_WORD.findall(text, line_start, line_end)
            caps_line = sum(w.isupper() for w in letters) * 2 > len(letters)
        if caps_line or text[e:e + 1] == ":":
            continue  # a heading or a speaker label in capitals
        if (text[s - 1:s] == "/" or text[e:e + 1] == "/" or (s == line_start and text[e:e + 1] == ",")
                or (text[s - 1:s] == "(" and not text[s - 2:s - 1].isspace())):
            continue  # a party's name ("90/DIE GRÜNEN"), a dateline's city ("NICE, France"), a code ("2501(RSP)")
        if text[s - 1:s] == "(" and text[e:e + 1] == ")" and text[max(0, s - 3):s - 1].strip()[-1:].isalpha():
            continue  # an acronym in brackets after its long form: the acronym rules decide its class
        # the name goes on over capitalised words ("COSCO Shipping Ports", "AHA Centre") or starts with a
        # company prefix ("PT PAL")
        tail = _CAPITALISED_TAIL.match(text, e)  # at e, not on a copy of the rest of the text
        if tail is not None and not tail.group().endswith((".", ",", ";", ":")):
            words = tail.group().split()
            while words and (words[-1] in STARTERS or words[-1] in _NOT_ACRONYMS):
                words.pop()
            e += len(" ".join(words)) + (1 if words else 0)
        lead = re.search(r"(?<![\w-])[A-Z]{2} $", text[max(0, s - 3):s])
        if lead is not None:
            s -= 3
        # a facility's acronym: "the TAPI pipeline", "the RTS Link"
        facility = (text[s:e].split()[-1] in _FAC_HEADS | {"Link", "Line"}
                    or _FACILITY_NOUN_AFTER.match(text, e) is not None)
        out.append(Candidate(s, e, "FAC" if facility else "ORG", "model", MODEL))
    return out


_FACILITY_NOUN_AFTER = re.compile(r" (?:pipeline|dam|gas field|oil field|field|terminal|railway|rail link|mine|plant"
                                  r"|port|highway|canal|power station|reactor)s?\b")


#: Heads of names that are a body or a standing initiative, both ORG to the briefing ("South Caucasus Regional
#: Cooperation Platform", "Central Asia Policy Lab", "Asia Pacific Initiative"): led by a place, the place is the name's.
_PLATFORM_HEADS = frozenset({"Platform", "Lab", "Initiative"})
#: A body's name led by its country or region: the place, one space, then capitalised words ending in a body's head
#: noun ("Middle East Institute", "Cook Islands Seabed Minerals Authority") or a platform's (``_PLATFORM_HEADS``).
_BODY_AFTER_PLACE = re.compile(r" (?:[A-Z][\w'’&-]*(?: |$)){0,3}?(?:" + "|".join(sorted(rules.BODY_HEADS | _PLATFORM_HEADS))
                              + r")(?![\w-])")


def _purpose_tail(text: str, start: int, end: int) -> re.Match[str] | None:
    """The purpose a body's name ``text[start:end]`` goes on with ("Indo-Pacific Centre" + " for Health Security"):
    its head is a purpose head and " for " / " against " follows; None otherwise."""
    if text.startswith((" for ", " against "), end) and text[start:end].split()[-1] in _PURPOSE_HEADS:
        return _PURPOSE_TAIL.match(text, end)
    return None


def _purpose_end(text: str, start: int, end: int) -> int:
    """End of a body's name with the purpose it is named for (:func:`_purpose_tail`); ``end`` when none follows."""
    return m.end() if (m := _purpose_tail(text, start, end)) is not None else end


def _place_led_bodies(text: str, merged: list[Candidate]) -> list[Candidate]:
    """A place right before a body is part of its name: "U.S." + "Treasury", "Japan" + "Coast Guard", "Middle East"
    + " Institute" (not "U.S.'s Treasury" nor "U.S.-China Council")."""
    extra = []
    by_start = {c.start: c for c in merged}
    for c in merged:
        if c.label not in ("GPE", "LOC") or c.source == "learned":
            continue
        nxt = by_start.get(c.end + 1)
        if text[c.end:c.end + 1] != " " or text[max(0, c.start - 1):c.start] in ("-", "–", "—", "/"):
            continue  # "Australia-Tuvalu Falepili Union": a pair prefix, split elsewhere
        if (nxt is not None and nxt.label == "ORG" and nxt.source != "learned" and not nxt.role
                and not text[nxt.start:nxt.end].isupper()):
            extra.append(Candidate(c.start, _purpose_end(text, c.start, nxt.end), "ORG", nxt.source, TITLE + 0.3))
        elif (nxt is None and (m := _BODY_AFTER_PLACE.match(text, c.end)) is not None
              and not (m.group().split()[-1] in _PLATFORM_HEADS
                       and (any(w in STARTERS for w in m.group().split())
                            or re.match(r" [A-Z]", text[m.end():m.end() + 2]) is not None))):
            # (a platform's name holds no starter word: "Ghana Launches New Platform" is a heading's sentence; nor does
            # a capitalised word go on after its head: "Nigeria Lab Results Show Rise" is a title-case heading)
            extra.append(Candidate(c.start, _purpose_end(text, c.start, m.end()), "ORG", "model", TITLE + 0.3))
    extra += _nationality_led_names(text, merged, by_start)
    # an organisation's own organ: "Pacific Islands Forum" + " Secretariat", like "ECOWAS Commission"
    for c in merged:
        if c.label == "ORG" and c.source != "learned" and (m := _ORGAN_AFTER.match(text, c.end)) is not None:
            if c.end + 1 not in by_start:
                extra.append(Candidate(c.start, m.end(), "ORG", c.source, TITLE + 0.3))
    return extra


#: The head of a state-named operator's name ("Bangladesh Railway", "Kenya Railways", "Mongolian Airlines") and the
#: one or two capitalised words before it.
_OPERATOR_HEAD = re.compile(r"(?<= )(?:Railways?|Airways|Airlines)(?![\w-])")
_PLACE_BEFORE = (re.compile(r"(?<![\w'’.–—/-])[A-Z][\w'’.-]* [A-Z][\w'’.-]* $"),
                 re.compile(r"(?<![\w'’.–—/-])[A-Z][\w'’.-]* $"))


def _national_operators(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """A country or nationality before "Railway(s)", "Airways" or "Airlines" names the operator, an organisation
    ("Bangladesh Railway", "Mongolian Railway"), however the model split or classed it; a line named for a region
    ("Trans-Afghan Railway") or its stations ("the A–B railway") is no country's and stays a place."""
    extra = []
    for m in _OPERATOR_HEAD.finditer(text):
        for before in _PLACE_BEFORE:
            p = before.search(text, max(0, m.start() - 40), m.start())
            entry = g.lookup(p.group().strip()) if p is not None else None
            if p is None or entry is None or entry.label not in ("GPE", "NORP") or p.group().split()[0] in STARTERS:
                continue  # ("The Kenya": the article is no part of it)
            # the model's span on it (a place, a person or a facility) gives way, but not a longer body's name
            # ("Bangladesh Railway Employees League")
            if not any(c.start < m.end() and p.start() < c.end and (c.start < p.start() or c.end > m.end())
                       for c in merged if c.label == "ORG"):
                extra.append(Candidate(p.start(), m.end(), "ORG", "model", TITLE + 0.3))
            break
    return extra


#: The rest of an institution's name after a dash-joined pair of places or bodies ("Lancang-Mekong" + " Water Resources
#: Cooperation Center", "China–Central Asia" + " Secretariat", "ASEAN-Singapore" + " Cybersecurity Centre of
#: Excellence"): an institution's head ends it. A bilateral mechanism's head (council, commission, forum, summit) does
#: not: its pair prefix is split off (DESIGN §3).
_PAIR_INSTITUTION = re.compile(r"(?: [A-Z][\w'’-]*| and(?= [A-Z])){0,8} (?:Centre|Center|Secretariat|Institute|Park|Lab"
                               r"|Laboratory|University|College|Academy)(?: of [A-Z][\w'’-]*)?(?![\w'’-]| [A-Z])")


_UNTAGGED_PAIR_LEAD = re.compile(r"(?<![\w'’.-])[A-Z][\w'’]+[-–]$")


def _pair_led_institutions(text: str, merged: list[Candidate]) -> list[Candidate]:
    """A dash-joined pair of places or bodies before an institution's name is part of it: one organisation
    ("Lancang-Mekong Water Resources Cooperation Center"), not two places and a dropped rest."""
    extra = []
    named = sorted((c for c in merged if c.label in ("GPE", "LOC", "ORG", "NORP")), key=lambda c: c.start)
    by_start = {c.start: c for c in named}
    for c in named:
        if text[c.end:c.end + 1] in ("-", "–") and text[max(0, c.start - 1):c.start] not in ("-", "–"):
            start, second = c.start, by_start.get(c.end + 1)
        elif (lead := _UNTAGGED_PAIR_LEAD.search(text, max(0, c.start - 30), c.start)) is not None:
            start, second = lead.start(), c  # "Lancang-" + "Mekong": the pair's first name is unknown
        else:
            continue
        if second is not None and (m := _PAIR_INSTITUTION.match(text, second.end)) is not None:
            extra.append(Candidate(start, m.end(), "ORG", "model", TITLE + 0.5))
    return extra


def _nationality_led_names(text: str, merged: list[Candidate], by_start: dict[int, Candidate]) -> list[Candidate]:
    """A nationality right before a body's name is part of it ("Mexican" + "Red Cross", "German" + "Bundestag"), but
    not before a state organ named by its head ("Indian" + "Ministry of External Affairs"); a pair of nationalities
    before a council or commission names a bilateral mechanism, an initiative ("Joint Norwegian-Russian Fisheries
    Commission", "Saudi-Japanese Strategic Partnership Council")."""
    extra = []
    for c in merged:
        if c.label != "NORP" or c.source == "learned" or text[max(0, c.start - 1):c.start] in ("-", "–"):
            continue
        start, end = c.start, c.end
        pair = by_start.get(end + 1) if text[end:end + 1] in ("-", "–") else None
        bilateral = pair is not None and pair.label == "NORP"
        if bilateral:
            end = pair.end  # type: ignore[union-attr]
            if text[max(0, start - 6):start] == "Joint ":
                start -= 6
        if text[end:end + 1] != " ":
            continue
        nxt = by_start.get(end + 1)
        if (nxt is not None and nxt.label in ("ORG", "LAW", "EVENT") and nxt.source != "learned" and not nxt.role
                and not text[nxt.start:nxt.end].isupper() and text[nxt.start:nxt.end].split()[0] not in _ORG_FIRST
                and "\n" not in text[start:nxt.end]):
            extra.append(Candidate(start, nxt.end, "LAW" if bilateral else nxt.label, nxt.source, TITLE + 0.3))
        elif nxt is None and bilateral and (m := _BODY_AFTER_PLACE.match(text, end)) is not None:
            extra.append(Candidate(start, m.end(), "LAW", "model", TITLE + 0.3))
        elif (nxt is None and (m := _BODY_AFTER_PLACE.match(text, end)) is not None
              and len(text[end:m.end()].split()) >= 2 and not text.startswith((" of ", " for "), m.end())):
            # a body the model missed, named with its nationality ("Indonesian" + " Maritime Security Agency");
            # a bare head with "of" after it is a state organ named by its head, the nationality apart
            extra.append(Candidate(start, m.end(), "ORG", "model", TITLE + 0.3))
    return extra


def _organs_after_and(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """A known body's organ named with "and": "African Union" + " Peace and Security Council" is one name, where the
    model cut it into "African Union Peace" and "Security Council"."""
    extra = []
    by_start = {c.start: c for c in merged}
    for c in merged:
        if c.label != "ORG" or c.source != "model" or not text.startswith(" and ", c.end):
            continue
        nxt = by_start.get(c.end + 5)
        words = text[c.start:c.end].split()
        if (nxt is None or nxt.label != "ORG" or len(words) < 2 or not words[-1][:1].isupper()
                or words[-1] in _NAMED_BODIES or text[nxt.start:nxt.end].split()[-1] not in _NAMED_BODIES):
            continue
        owner = g.lookup(" ".join(words[:-1]))
        if owner is not None and owner.label == "ORG" and g.lookup(text[c.start:c.end]) is None:
            extra.append(Candidate(c.start, nxt.end, "ORG", c.source, TITLE + 0.3))
    return extra


_ORGAN_AFTER = re.compile(r" (?:Secretariat|Commission|Council|Assembly|Parliament|Court)(?![\w-]| of\b| on\b| for\b)")


#: A body of a state's own: its head noun before "of" and the state ("Ministry of Foreign Affairs of the Kingdom of
#: Thailand", "Armed Defence Forces of Mozambique"); a company "of" a country is two names ("Masdar of the UAE").
# (a state's legislature and its national railway are its own bodies too: "Senate of Ruritania", "National Assembly
# of Ruritania", "State Railway of Ruritania")
_STATE_BODY_WORDS = frozenset(rules.BODY_HEADS - {"Company", "Group", "Corporation", "Fund", "Alliance", "Union",
                                                   "Association", "Foundation"}) | {
    "Government", "Embassy", "Parliament", "Senate", "Assembly", "Congress", "Railway", "Railways"}
#: A body named for its members' offices: "Council of Heads of State", "Conference of Heads of Government".
_HEADS_BODY = re.compile(r"(?<![\w-])(?-i:[A-Z]{2,6}\s+)?(?:Council|Conference|Assembly|Authority)\s+of\s+(?:the\s+)?Heads\s+of\s+(?:State|Government)"
                         r"(?:\s+and\s+(?:State|Government))?(?![\w-])", re.IGNORECASE)
#: First or last words of a state's cultural and national institutions ("National Library of France").
_NATIONAL_BODY = frozenset("National Library Museum Archives Assembly Senate Congress Parliament".split())
_OF_JOINT = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


#: A group named for what its members share: a collective noun, "of the" and a title-case word or two ("Coalition of
#: the Willing", "Friends of the Chair", "League of the Free").
_COLLECTIVE = re.compile(r"(?<![\w'’-])(?:Coalition|Friends|Group|Alliance|League|Club|Community|Union) of the "
                         r"(?P<tail>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w'’-]| [A-Z]| of\b)")


def _collective_names(text: str, g: Gazetteer) -> list[Candidate]:
    """Groups named "Coalition of the Willing": one body, unless the tail is a place ("Union of the Comoros") or a
    common word the text writes in lowercase too ("Group of the whole")."""
    out = []
    for m in _COLLECTIVE.finditer(text):
        tail = m.group("tail")
        if (g.lookup(tail) is not None or g.lookup(m.group()) is not None
                or any(w.lower() in recall_rules.lowercase_words(text) or w in rules.BODY_HEADS | _WEEK_MONTHS
                       for w in tail.split())):
            continue
        out.append(Candidate(m.start(), m.end(), "ORG", "gazetteer", RULE))
    return out


#: Places or peoples, joined by dashes or a space, then a capitalised number of members: a grouping named by its size
#: ("the Nordic-Baltic Eight", "the Visegrád Four", "the Arctic Five"), named with its article; not when a capitalised
#: word follows the number (a title-case heading's count: "Kenya Five Years On").
_NUMBERED_GROUP = re.compile(r"(?<=\b[Tt]he )(?P<lead>[A-Z][\w'’]+(?:[-–][A-Z][\w'’]+){0,3}) "
                             + rules.MEMBER_COUNTS + r"(?![\w-])"
                             r"(?![ \t]+[A-Z][a-z])")


def _numbered_groupings(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """A grouping of states named by its number of members ("the Nordic-Baltic Eight") is one body: every part of the
    name before the number is a place or a people, in the gazetteer or as the model tagged it (the model tags the parts
    apart: "Nordic" a people, "Baltic" a region)."""
    placed = {(c.start, c.end) for c in merged if c.label in ("GPE", "LOC", "NORP")}
    out = []
    for m in _NUMBERED_GROUP.finditer(text):
        parts = list(re.finditer(r"[^-–]+", m.group("lead")))
        start = m.start("lead")
        if all((start + p.start(), start + p.end()) in placed
               or ((e := g.lookup(p.group())) is not None and e.label in ("GPE", "LOC", "NORP")) for p in parts):
            out.append(Candidate(m.start(), m.end(), "ORG", "gazetteer", RULE))
    return out


#: A body that keeps its acronym before its name, joined by a spaced dash, after "the": "the ISEAS – Yusof Ishak
#: Institute", "the CAF – Development Bank of Latin America and the Caribbean" (one name; a heading's parts are not led
#: by "the").
_ACRONYM_DASH_BODY = re.compile(r"(?<=\b[Tt]he )[A-Z][A-Z&]{1,7} [–—-] (?P<name>[A-Z][\w'’-]*"
                                r"(?: (?:[A-Z][\w'’-]*|of|and|the|for|on))*)")


def _acronym_dash_bodies(text: str, g: Gazetteer) -> list[Candidate]:
    """A body's acronym, a spaced dash and its name after "the" ("the ISEAS – Yusof Ishak Institute") are one name,
    when the name holds a body's head noun; the model tags the two halves apart, the second often as a person. Not
    when a place or a people leads the name: "the EU – China Business Council" pairs two parties."""
    out = []
    for m in _ACRONYM_DASH_BODY.finditer(text):
        words = m.group("name").split()
        if (lead := g.lookup(words[0])) is not None and lead.label in ("GPE", "LOC", "NORP"):
            continue
        while words and words[-1] in ("of", "and", "the", "for", "on"):
            words.pop()  # "... Bank of Latin America and the Caribbean and" + " the next name"
        head = next((i for i, w in enumerate(words) if w in rules.BODY_HEADS), None)
        # the head ends the name or its "of"/"for"/"on" tail follows ("Development Bank of ..."), and the acronym is
        # a name's ("the GDP – Growth Bank Index" is neither)
        if (head is not None and (head == len(words) - 1 or words[head + 1] in ("of", "for", "on"))
                and text[m.start():m.start("name")].split()[0] not in g.not_entities):
            end = m.start("name") + len(" ".join(words))
            # two bodies the gazetteer knows apart are a body and its organ, not one name ("the UN – Security
            # Council"); the acronym and its own full name are one entry ("CAF" / "Development Bank of ...")
            acronym, name = g.lookup(text[m.start():m.start("name")].split()[0]), g.lookup(text[m.start("name"):end])
            if acronym is not None and name is not None and acronym is not name:
                continue
            out.append(Candidate(m.start(), end, "ORG", "gazetteer", TITLE + 0.5))
    return out


def _headed_by(name: str, heads: frozenset[str] | set[str]) -> bool:
    """True when ``name``'s head noun, first or last word before any "of" ("Ministry of ...", "Mine Action
    Agency", "PERMANENT COUNCIL"), is one of ``heads``."""
    words = re.split(r"\s+of\s+", name, maxsplit=1, flags=re.IGNORECASE)[0].split()
    return bool(words) and (words[0].capitalize() in heads or words[-1].capitalize() in heads)


def _of_joined(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """Names joined by "of": a state's own body with the state is one organisation ("Mine Action Agency of the
    Republic of Azerbaijan"); a body of an organisation is two ("PERMANENT COUNCIL" OF THE "ORGANIZATION OF
    AMERICAN STATES"), and an office-holders' body is a name of its own ("Council of Heads of State")."""
    out = [Candidate(m.start(), m.end(), "ORG", "gazetteer", TITLE + 0.3) for m in _HEADS_BODY.finditer(text)]
    by_start = {c.start: c for c in merged}
    for c in merged:
        if c.label != "ORG" or c.source == "learned":
            continue
        surface = text[c.start:c.end]
        # the state's own body: the next name, after "of (the)", is a state
        joint = _OF_JOINT.match(text, c.end)
        nxt = by_start.get(joint.end()) if joint is not None else None
        if (nxt is not None and nxt.label == "GPE" and _headed_by(surface, _STATE_BODY_WORDS)
                and "\n" not in text[c.start:nxt.end]
                # a ministry named with its portfolio, then "of" its country, is two names: "Ministry of Health"
                # of "Indonesia" (_split_country_agency)
                and _ministry_of_country(text[c.start:nxt.end]) is None):
            out.append(Candidate(c.start, nxt.end, "ORG", c.source, TITLE + 0.3))
            continue
        # a company "of" its country is two names ("ACWA Power of Saudi Arabia"): no body's head noun before "of"
        m = re.fullmatch(r"(?P<head>[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,2}) of (?:the )?(?P<tail>[A-Z].*)", surface)
        if (m is not None and c.source == "model" and g.lookup(surface) is None
                and (tail := g.lookup(m.group("tail"))) is not None and tail.label == "GPE"
                and not _headed_by(m.group("head"), _STATE_BODY_WORDS | _ORG_FIRST | _ORG_WORDS | _NATIONAL_BODY)):
            out.append(Candidate(c.start, c.start + m.end("head"), "ORG", c.source, TITLE + 0.3))
            out.append(Candidate(c.start + m.start("tail"), c.end, "GPE", "gazetteer", TITLE + 0.3))
            continue
        # a body of an organisation: the tail after the last "of (the)" is an organisation's known name
        for j in reversed(list(_OF_JOINT.finditer(text, c.start, c.end))):
            entry = g.lookup(text[j.end():c.end])
            if entry is None or entry.label != "ORG" or g.lookup(surface) is not None:
                continue
            out.append(Candidate(j.end(), c.end, "ORG", "gazetteer", TITLE + 0.3))
            if _headed_by(text[c.start:j.start()], rules.BODY_HEADS | {"Conference", "Assembly", "Parliament"}):
                out.append(Candidate(c.start, j.start(), "ORG", c.source, TITLE + 0.3))
            break
    return out


_PLACE_LABELS = ("GPE", "LOC", "ORG")
_DASHED = re.compile(r"[^\s\-–—]+(?:[-–—][^\s\-–—]+)+")
#: Places joined by dashes, then a capitalised facility's head: one facility ("Kyrgyzstan–Uzbekistan Railway",
#: "Nigeria-Morocco Gas Pipeline"); an initiative's head leaves the places apart ("A–B Framework Agreement").
_DASHED_FACILITY = re.compile(
    r"(?<![\w-])(?P<parts>[A-Z][\w.'’]*(?: [A-Z][\w.'’]*)??(?:[-–—][A-Z][\w.'’]*(?: [A-Z][\w.'’]*)??)+)"
    r"(?: (?:[A-Z][\w-]*|of)){0,3} (?:Railway|Railroad|Pipeline|Waterway|Canal|Highway|Expressway)(?![\w-])"
    r"(?!(?: [A-Z][\w-]*){0,2} (?:" + "|".join(rules.LAW_HEADS + rules.EVENT_HEADS) + r")\b)")


#: A dash-joined chain of names opening a longer name, its first name of one or two words ("Lao PDR-Thailand ...").
_CHAIN_LEAD = re.compile(r"(?:(?P<lead>[A-Z][\w.'’]*) )?(?P<chain>[A-Z][^\s\-–—]*(?:[-–—][A-Z][^\s\-–—]*)+) (?=[A-Z])")


def _place_chain(text: str, start: int, end: int, g: Gazetteer) -> list[Candidate] | None:
    """The places of a dash-joined chain that opens a name ("Lao PDR-Thailand-Malaysia-Singapore" + " Power
    Integration Project"), when every link is a known place (the gazetteer matches no name glued to a dash); else
    None."""
    m = _CHAIN_LEAD.match(text, start, end)
    if m is None:
        return None
    base = m.start("chain")
    links = [(base + p.start(), base + p.end()) for p in re.finditer(r"[^\-–—]+", m.group("chain"))]
    if m.group("lead") is not None:
        links[0] = (m.start("lead"), links[0][1])  # "Lao PDR": a first name of two words
    out = []
    for a, b in links:
        entry = g.lookup(text[a:b])
        if entry is None or entry.label not in ("GPE", "LOC"):
            return None
        out.append(Candidate(a, b, entry.label, "gazetteer", RULE))
    return out


def _dash_joined(text: str, out: list[Candidate], g: Gazetteer, furniture: bytearray | None) -> list[Candidate]:
    """Dash-joined names of places and bodies: a pair alone is two names ("EU-UK", "UK-US" base); with a facility's
    head noun after it, one facility ("China–Kyrgyzstan–Uzbekistan Railway")."""

    def known(part: str) -> bool:
        entry = g.lookup(part)
        return entry is not None and entry.label in _PLACE_LABELS

    result = []
    for c in out:
        surface = text[c.start:c.end]
        if c.source != "learned" and c.label in _PLACE_LABELS and _DASHED.fullmatch(surface):
            parts = list(re.finditer(r"[^\-–—]+", surface))
            if all(known(p.group()) for p in parts):
                for p in parts:
                    entry = g.lookup(p.group())
                    result.append(replace(c, start=c.start + p.start(), end=c.start + p.end(),
                                          label=entry.label if entry is not None else c.label))
                continue
        result.append(c)
    facilities = []
    for m in _DASHED_FACILITY.finditer(text):
        names = re.split(r"[-–—]", m.group("parts"))
        # one known place is enough: a capitalised facility's head makes the other ends places too ("Surabaya–
        # Malang High-Speed Railway", "Uruguay–Paraná Waterway" with an end the gazetteer does not list)
        if any(known(n) for n in names) and (furniture is None or not any(furniture[m.start():m.end()])):
            facilities.append((m.start(), m.end()))
    for s, e in facilities:
        if any(c.source == "learned" and c.start < e and s < c.end for c in result):
            continue
        result = [c for c in result if not (c.start < e and s < c.end)]
        result.append(Candidate(s, e, "FAC", "gazetteer", RULE))
    return sorted(result, key=lambda c: c.start)


#: A suffix of letters after an all-caps name ("ISIL-K", "QUAD-X"): part of the name.
_CAPS_SUFFIX = re.compile(r"-[A-Z0-9]{1,3}(?![\w-])")
#: A capitalised feature noun after a place: the place's name goes on ("Niger Delta", "Mekong Basin").
_FEATURE_AFTER = re.compile(r" (?:Delta|Basin|River|Valley|Plateau|Desert|Mountains|Peninsula|Lagoon|Estuary)\b(?![\w-])")
#: "The" that is part of a country's name mid-sentence ("and The Bahamas"), not a sentence-initial article.
#: A number that ends a name ("Power of Siberia 2", "Recovery Conference 2026", "Initiative 3.0", "Dialogue 2+2"),
#: not a count or a date that follows it ("... Conference 2 years ago", "... Summit 12 May").
_NUMBER_TAIL = re.compile(r" (?:\d{1,2}(?:\.\d)?|(?:19|20)\d\d|\d\+\d)(?![\w+%-]|[.,]\d|\s+(?:years?|months?|weeks?|days?"
                          r"|hours?|minutes?|decades?|percent|per|million|billion|trillion|km|metres|meters|tonnes|times"
                          r"|basis|points?|of|to|January|February|March|April|May|June|July|August|September"
                          r"|October|November|December)\b)")
#: The period a plan or a strategy covers, after its name: a year range, bracketed or not, or "until" a year.
_PERIOD_TAIL = re.compile(r" (?:until (?:19|20)\d\d|\((?:19|20)\d\d[-–](?:19|20)?\d\d\)|(?:19|20)\d\d[-–](?:19|20)?\d\d)"
                          r"(?![\w-])")
#: Heads of named plans (or the last word of the field they are named for: "Plan of Action for Energy Cooperation").
_PERIOD_HEADS = frozenset({"Plan", "Strategy", "Programme", "Program", "Agenda", "Vision", "Roadmap", "Framework",
                           "Action"})
#: A regnal number or generational suffix after a person's name ("Mohammed VI", "Marcos Jr.").
_NAME_SUFFIX = re.compile(r"(?:,? (?:Jr|Sr)\.?| (?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII))(?![\w-])")
def name_suffix_end(text: str, end: int) -> int:
    """End of a person's name with its regnal number or "Jr."/"Sr." ("Mohammed VI", "Marcos Jr."), else ``end``."""
    if text[end:end + 1] == "." and text[max(0, end - 3):end] in (" Jr", " Sr"):
        return end + 1
    m = _NAME_SUFFIX.match(text, end)
    return m.end() if m is not None else end


#: A capitalised compass or position word before a place is part of its name ("North Darfur", "Upper Nile").
_COMPASS_BEFORE = re.compile(r"(?<![\w'’-])(?:North|South|East|West|Upper|Lower|Central|Northern|Southern|Eastern"
                             r"|Western|Greater) $")
_NUMBERED_LABELS = frozenset({"LAW", "EVENT", "FAC", "ORG", "LOC"})
_CAPITAL_THE = re.compile(r"(?<=[a-z,;] )The $")


#: A body or programme named for its purpose: the head noun, "for" or "against", then a title-case run ("Regional
#: Centre for Maritime Security", "Task Force against Wildlife Trafficking", "Recovery Plan for the Sahel").
_PURPOSE_LABELS = frozenset({"ORG", "LAW", "EVENT"})
_PURPOSE_HEADS = rules.BODY_HEADS | {"Alliance", "Plan", "Facility", "Programme", "Program", "Initiative", "Mission",
                                     "Partnership", "Platform", "Task", "Network", "Coalition"}
_PURPOSE_TAIL = re.compile(rf" (?:for|against) (?:the )?(?P<run>{rules._NOT_NAME}[A-Z][\w'’-]*"
                           rf"(?:(?: |-| (?:of|and|on) (?:the )?){rules._NOT_NAME}[A-Z][\w'’-]*)*)")


#: Title-case words and "and" right before a body's name: the name's own first words ("the Peace and Security
#: Council", "the Trade and Economic Council"); not after another body's name ("the Assembly and Security Council").
_AND_BEFORE = re.compile(r"(?<![\w'’-])(?P<run>[A-Z][\w'’-]*) and $")
_NAMED_BODIES = rules.BODY_HEADS | {"Assembly", "Parliament", "Senate", "Congress", "Conference"}


#: One more capitalised word after "and" that ends a portfolio's or a body's name ("Committee on Foreign Affairs" +
#: " and Defence", "Government of Peace" + " and Unity"); not when another capitalised word follows it.
_AND_WORD_AFTER = re.compile(r" and (?P<word>[A-Z][a-z][\w'’-]*)(?=[\s.,;:)]|$)(?![ \t]+(?:[A-Z]|of\b|for\b|to\b|at\b))")


#: Words of a portfolio listed in a body's name after "on"/"of" ("Committee on Energy and Natural Resources", "Task
#: Force on Climate, Peace and Security"); "Peace" names as many councils and task forces as any ministry's word.
_PORTFOLIO_TAIL_WORDS = (PORTFOLIO_WORDS | {"Peace"}) - {"Official", "Chief", "Deputy", "Spokesperson", "Ambassador",
                                                        "Envoy", "Representative", "Minister", "Ministers", "Press",
                                                        "Media", "Cabinet", "Prime", "Vice", "Assistant"}
_PORTFOLIO_WORD = "(?:" + "|".join(sorted(_PORTFOLIO_TAIL_WORDS, key=len, reverse=True)) + ")"
#: One more item of the list: a joint, then one to three portfolio words.
_PORTFOLIO_ITEM = re.compile(rf"(?:,| and|, and) (?P<run>{_PORTFOLIO_WORD}(?: {_PORTFOLIO_WORD}){{0,2}})(?![\w'’-])")
#: The items up to the end of the list, which no other capitalised word nor "of"/"for"/"to"/"at" continues.
_PORTFOLIO_LIST_AFTER = re.compile(rf"(?:(?:,| and|, and) {_PORTFOLIO_WORD}(?: {_PORTFOLIO_WORD}){{0,2}})+"
                                   r"(?![\w'’-]|[ \t]+(?:[A-Z(]|of\b|for\b|to\b|at\b))")


#: The body that runs a named partnership or agreement: part of the mechanism's name ("Strategic Partnership" +
#: " Council", "CEPA" + " Joint Committee").
_MECHANISM_AFTER = re.compile(r" (?:Joint |Ministerial |Steering |Coordination |Coordinating |Oversight )?"
                              r"(?:Council|Committee|Commission|Working Group|Board)(?![\w'’-])")
#: A capitalised word right before a facility's or feature's bare head noun: the name's own first word ("Merdeka"
#: + " Palace", "Kiel" + " Canal").
_HEAD_LED_BY = re.compile(r"(?<![\w'’.-])([A-ZÀ-Þ][\w'’-]+) $")


def _and_led_start(text: str, c: Candidate) -> int:
    """Start of a body's name with its title-case words before "and" ("[Regional Peace and ]Security Council"), or
    ``c.start``; no word of another body's name nor a sentence starter may lead it."""
    m = _AND_BEFORE.search(text, max(0, c.start - 30), c.start)
    if m is None or m.group("run") in _NAMED_BODIES | STARTERS:
        return c.start
    start = m.start("run")
    if re.search(r"\b(?:of|for|on) $", text[max(0, start - 5):start]):
        return c.start  # "Ministry of [Finance] and Central Bank": the word ends the first body's name
    prev = re.search(r"(?<![\w'’-])([A-Z][\w'’-]*) $", text[max(0, start - 30):start])
    if prev is not None:
        if prev.group(1) in _NAMED_BODIES or prev.group(1) == "and":
            return c.start
        if prev.group(1) not in STARTERS:
            start -= len(prev.group(0))
    return start


#: The rest of a company's name after its one-word or acronym stem ("Toyota" + " Tsusho", "Samsung" + " SDI", "Velcor" +
#: " Gas", "IMSS" + "-Bienestar"): one more capitalised word that ends the run.
_STEM_PART_AFTER = re.compile(r"(?P<sep>[ -])(?P<word>[A-ZÀ-Þ][\w'’&]*)(?=[\s.,;:)]|$)(?![ \t]+[A-ZÀ-Þ(])")
#: Words of a company's trade that end its name ("ADNOC Gas", "Velcor Power").
_TRADE_WORDS = frozenset("""Gas Oil Power Energy Chem Chemicals Steel Mining Minerals Petroleum Shipping Logistics Telecom
Solar Airways Resources""".split())
#: Last words that make a title-case name a business whatever the model read ("Velkor Petroleum", "Manara Minerals",
#: "Tarvo Air"): a trade or a legal form. ("Bank" and "Ocean" are left out: "Vanguard Bank" is a reef, "Indian Ocean"
#: a sea.)
_COMPANY_LAST = _TRADE_WORDS | frozenset("""Company Corporation Corp Holdings Inc Ltd Limited Plc PLC Group Airlines Air
Motors Industries Technologies""".split())
#: A business's legal form in the languages of its country, anywhere in the name ("Grupa Velkor", "Électricité du
#: Tarvo", "Compañía Minera Andina").
_COMPANY_FORM_WORDS = frozenset("""Grupa Grupo Groupe Compañía Companhia Compagnie Société Empresa Empresas Electricité
Électricité Sociedad Konzern""".split())


#: An acronym the model left before a company's name ("HD" + " Hyundai Heavy Industries").
_STEM_ACRONYM_BEFORE = re.compile(r"(?<![\w'’.-])(?P<acr>[A-Z]{2,4}) $")


def _company_stem_part(text: str, c: Candidate, by_start: dict[int, Candidate], ordered: list[Candidate],
                       starts: list[int]) -> re.Match[str] | None:
    """The word that goes on a one-word organisation's name ("Toyota" + " Tsusho"): an acronym, a trade word, or a
    word the text never writes in lowercase and no office's, document's or plain noun; the model may have taken it
    for a name of its own (a one-word person, place or body), a known name never."""
    surface = text[c.start:c.end]
    if c.label != "ORG" or " " in surface or "-" in surface or (m := _STEM_PART_AFTER.match(text, c.end)) is None:
        return None
    word = m.group("word")
    there = by_start.get(m.start("word"))
    if there is not None and (there.source != "model" or there.end != m.end() or there.label == "DATE"):
        return None
    if word.isupper():
        ok = 2 <= len(word) <= 5 and word not in _CONCEPTS | _NOT_ACRONYMS and m.group("sep") == " "
    else:
        ok = word in _TRADE_WORDS or (
            word.lower() not in recall_rules.lowercase_words(text) and not any(ch.isdigit() for ch in word)
            and word not in STARTERS | OFFICE_WORDS | GENRE_WORDS | PLAIN_NOUNS | _NAMED_BODIES | _WEEK_MONTHS
            and not word.endswith(("'s", "’s")))
    # an instrument's or a meeting's head makes an initiative of the grouping ("ECOWAS Convention ...", "BRICS
    # Partnership"), an office's a title ("EU Commissioner")
    if not ok or word in _STEM_NOT_PARTS:
        return None
    # a longer name over the stem and the word is the whole name ("ASEAN Outlook on the Indo-Pacific")
    i = bisect_left(starts, m.end())
    return None if any(o is not c and o.start < m.end() and c.start < o.end and o.end > m.end()
                       for o in ordered[max(0, i - 8):i]) else m


_STEM_NOT_PARTS = frozenset(rules.LAW_HEADS + rules.EVENT_HEADS) | _OFFICE_HEADS | {"Outlook", "Plus", "Agenda"}


_WEEK_MONTHS = frozenset("""January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


#: A United Nations field office's name: "United Nations" or "UN", then title-case words, then "Office".
_UN_FIELD_BODY = re.compile(r"(?:United Nations|UN) (?:[A-Z][\w-]* ){0,4}Office")
_IN_STATE = re.compile(r" in (?:the )?(?P<state>[A-Z])")
#: A capitalised adjective by its ending ("Maritime", "Regional", "Strategic", "Economic").
_ADJECTIVE_FORM = re.compile(r"[A-Z][a-z]+(?:ime|al|ic|ary|ive|ous)")


def _adjective_fragment(text: str, c: Candidate) -> bool:
    """True for the model's one-word "name" that is an adjective cut off a body's name before "and" ("Maritime" of
    "Maritime and Coastguard Agency"): no name of its own that would stop the body's name at the joint."""
    return (c.source == "model" and c.label in ("ORG", "LOC", "NORP") and text.startswith(" and ", c.end)
            and _ADJECTIVE_FORM.fullmatch(text[c.start:c.end]) is not None)


def _extend_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Names that go on past the model's or gazetteer's span: "ISIL" + "-K", "The" + "Bahamas"."""
    out = []
    places = {(c.start, c.end) for c in cands if c.label in ("GPE", "LOC")}
    named = {c.start for c in cands if c.label != "DATE"}  # "India and [Security Council]": a name of its own
    by_start = {c.start: c for c in cands}
    spans = {(c.start, c.end) for c in cands}
    state_ends: dict[int, set[int]] = {}
    for c in cands:
        if c.label == "GPE":
            state_ends.setdefault(c.start, set()).add(c.end)
    ordered = sorted(cands, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    # where names end, by start: a name that ends before "and" is one of its own; a wider span that runs on over the
    # body ("The Peace and Security Council of the African Union" as a work) is not
    ends: dict[int, list[int]] = {}
    for c in cands:
        if c.label != "DATE" and not _adjective_fragment(text, c):
            ends.setdefault(c.start, []).append(c.end)
    for c in cands:
        if c.end < len(text) and text[c.end] == "-" and text[c.start:c.end].isupper():
            m = _CAPS_SUFFIX.match(text, c.end)
            if m is not None:
                c = Candidate(c.start, m.end(), c.label, c.source, c.priority, c.role, c.entry)
        if (c.label in ("GPE", "ORG") and c.start >= 6 and _CAPITAL_THE.search(text, c.start - 6, c.start)
                and c.start - 4 not in named):
            # "and The Bahamas", "spoke to The Daily Courier": a capital "The" mid-sentence is the name's own
            c = Candidate(c.start - 4, c.end, c.label, c.source, c.priority, c.role, c.entry)
        elif (c.label == "ORG" and text[c.start - 4:c.start] == "The " and text[c.start - 5:c.start - 4] in ("", "\n")
              and text[c.end:c.end + 1] in ("", "\n")):
            c = Candidate(c.start - 4, c.end, c.label, c.source, c.priority, c.role, c.entry)  # a letterhead line
        if (c.label in _NUMBERED_LABELS and " " in text[c.start:c.end] and text[c.end - 1:c.end].isalpha()
                and (m := _NUMBER_TAIL.match(text, c.end)) is not None):
            c = Candidate(c.start, m.end(), c.label, c.source, c.priority, c.role, c.entry)  # "Power of Siberia" + " 2"
        elif (c.label == "LAW" and text[c.end - 1:c.end].isalpha() and (m := _PERIOD_TAIL.match(text, c.end)) is not None
              and text[c.start:c.end].split()[-1] in _PERIOD_HEADS | {"Cooperation", "Development"}):
            # a plan's or strategy's period is part of its name ("Plan of Action ... 2026-2030", "Development Strategy
            # until 2035", "Plan ... (2023-2027)")
            c = Candidate(c.start, m.end(), c.label, c.source, c.priority, c.role, c.entry)
        elif (c.label == "EVENT" and text[c.start:c.end].isupper() and text[c.start:c.end].isalpha()
              and (m := _NUMBER_TAIL.match(text, c.end)) is not None and len(m.group().strip()) <= 2):
            # a numbered edition of a meeting known by its acronym ("TICAD" + " 9"); not a year after it
            c = Candidate(c.start, m.end(), c.label, c.source, c.priority, c.role, c.entry)
        if (c.label in _PURPOSE_LABELS and (m := _purpose_tail(text, c.start, c.end)) is not None
                and ((m.start("run"), m.end()) not in places or text[c.start:c.end].split()[-1] not in rules.BODY_HEADS)):
            # "Centre" + " for Maritime Security": one name, over any place inside it; a place alone after a body's
            # "for" stays apart, like a state after its ministry ("Creditor Committee for Sri Lanka"), while a
            # programme's stays in its name ("Recovery Plan for Chad")
            label = (rules.class_of_name(text[c.start:m.end()]) or c.label) if c.source == "model" else c.label
            c = Candidate(c.start, m.end(), label, c.source, max(c.priority, CONTAINER), c.role, c.entry)
        if (c.label == "ORG" and text.endswith(" and ", 0, c.start) and text[c.start:c.end].split()[-1] in _NAMED_BODIES
                and (lead := _and_led_start(text, c)) < c.start and all(e > c.start for e in ends.get(lead, ()))):
            c = Candidate(lead, c.end, c.label, c.source, c.priority, c.role, c.entry)  # "Peace and " + "Security Council"
        if (c.label == "ORG" and text.startswith(" and ", c.end) and re.search(r" (?:of|on) ", text[c.start:c.end])
                and (m := _AND_WORD_AFTER.match(text, c.end)) is not None and m.start("word") not in named
                and m.group("word") not in _NAMED_BODIES | STARTERS | GENRE_WORDS):
            c = Candidate(c.start, m.end("word"), c.label, c.source, c.priority, c.role, c.entry)  # "... and Defence"
        elif (c.label == "ORG" and re.search(r" (?:of|on|for) ", text[c.start:c.end])
              and text[c.start:c.end].split()[-1] in _PORTFOLIO_TAIL_WORDS
              and (m := _PORTFOLIO_LIST_AFTER.match(text, c.end)) is not None
              and not any(j.start("run") in named for j in _PORTFOLIO_ITEM.finditer(text, c.end, m.end()))):
            # "Committee on Foreign Affairs" + " and International Trade", "Task Force on Climate" + ", Peace and
            # Security": the portfolio listed after "on"/"of" goes on over more of its words
            c = Candidate(c.start, m.end(), c.label, c.source, c.priority, c.role, c.entry)
        if (c.label in ("GPE", "LOC", "FAC") and text[c.start:c.end] in _FAC_HEADS | _LOC_HEADS
                and (m := _HEAD_LED_BY.search(text, max(0, c.start - 30), c.start)) is not None
                and m.start() not in named and m.group(1) not in STARTERS):
            c = Candidate(m.start(), c.end, c.label, c.source, c.priority, c.role, c.entry)  # "Merdeka" + " Palace"
        if c.label in ("LAW", "EVENT") and (m := _MECHANISM_AFTER.match(text, c.end)) is not None:
            c = Candidate(c.start, m.end(), c.label, c.source, c.priority, c.role, c.entry)  # "... Partnership" + " Council"
        if c.label == "PERSON":
            c = replace(c, end=name_suffix_end(text, c.end))  # "Mohammed" + " VI", "Marcos Jr" + "."
        if (c.label == "ORG" and _UN_FIELD_BODY.fullmatch(text, c.start, c.end) is not None
                and (m := _IN_STATE.match(text, c.end)) is not None and m.start("state") in state_ends
                and (c.start, max(state_ends[m.start("state")])) not in spans  # a known name's own span stays
                and not text.startswith(" (", max(state_ends[m.start("state")]))):  # and so does a defined acronym's
            # a United Nations field office is named for the state it serves ("United Nations Support Office" + " in
            # Haiti"), unlike an institute in its seat ("Lowy Institute in Sydney"); its missions are other rules'
            c = Candidate(c.start, max(state_ends[m.start("state")]), c.label, c.source, c.priority, c.role, c.entry)
        if c.label == "ORG" and (part := _company_stem_part(text, c, by_start, ordered, starts)) is not None:
            c = Candidate(c.start, part.end(), c.label, c.source, c.priority, c.role, c.entry)
        if (c.label == "ORG" and c.source == "model" and " " in text[c.start:c.end]
                and (acr := _STEM_ACRONYM_BEFORE.search(text, max(0, c.start - 6), c.start)) is not None
                and acr.start() not in named and acr.group("acr") not in _CONCEPTS | _NOT_ACRONYMS
                and not recall_rules.sentence_start(text, acr.start())):
            c = Candidate(acr.start(), c.end, c.label, c.source, c.priority, c.role, c.entry)  # "HD" + " Hyundai ..."
        if c.label in ("GPE", "LOC") and (m := _COMPASS_BEFORE.search(text, max(0, c.start - 12), c.start)) is not None:
            c = Candidate(m.start(), c.end, c.label, c.source, c.priority, c.role, c.entry)  # "North" + " Darfur"
        if c.label in ("GPE", "LOC") and (m := _FEATURE_AFTER.match(text, c.end)) is not None:
            c = Candidate(c.start, m.end(), "LOC", c.source, c.priority, c.role, c.entry)  # "Mekong" + " Delta"
        out.append(c)
    return out


def _spans_sentence_end(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` runs across a sentence end (not an abbreviation: "Mr. Smith", "St. Kitts")."""
    return any(not _is_abbreviation(text, m.start() + 1)
               for m in SENTENCE_INSIDE.finditer(text, start, end))


def _not_inside(learned: list[Candidate], base: list[Candidate]) -> list[Candidate]:
    """Added names, except where a longer entity contains them ("India" in "Make in India", "Air India").

    A grown boundary ("Quad Cancer Moonshot") is kept: it is itself the longer name.
    """
    if not learned:
        return []
    ordered = sorted(base, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    return [c for c in learned if c.lesson != ADD or not contains(ordered, starts, c.start, c.end)]


def _cut_at_sentence_ends(text: str, cands: list[Candidate]) -> list[Candidate]:
    """No name runs over a sentence's end, whichever rule grew it ("Ministerial Roundtable. The", "No. The Defence
    Force"): the side that is not a sentence's opening word is the name; a stop after an abbreviation or an initial
    stays inside ("U.S. Navy", "J. D. Vance") unless a sentence starter follows it."""
    out = []
    for c in cands:
        stop = SENTENCE_INSIDE.search(text, c.start, c.end) if c.label not in LOWERCASE_OK else None
        if stop is None:
            out.append(c)
            continue
        dot, after = stop.start() + 1, stop.end() - 1  # the stop and the capital after it
        left, right = text[c.start:dot].split(), text[after:c.end].split()
        if left and all(w in STARTERS or w in ("No", "Yes") for w in left):
            start = after + (len(right[0]) + 1 if right and right[0] in ("The", "A", "An") else 0)
            out.append(replace(c, start=start))  # "No. The Defence Force": the answer opens the sentence
        elif not _is_abbreviation(text, dot) or (right and right[0] in STARTERS):
            out.append(replace(c, end=dot))  # "Nakhon Ratchasima. We"
        else:
            out.append(c)
    return out


def _split_lines(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Spans cut at line breaks: a name never runs from a heading or a dateline into the next line
    ("Nuuk\nNuuk ...", "Xi Jinping\nMerdeka Palace"); each part keeps the model's label for the later rules."""
    out: list[Candidate] = []
    for c in cands:
        if "\n" not in text[c.start:c.end]:
            out.append(c)
            continue
        for m in re.finditer(r"[^\n]+", text[c.start:c.end]):
            s, e = c.start + m.start(), c.start + m.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                words = text[s:e].split()
                facility = c.label in ("PERSON", "ORG") and len(words) >= 2 and words[-1] in _FAC_HEADS
                out.append(replace(c, start=s, end=e, label="FAC" if facility else c.label))
    return out


#: Joints of a list of places read as one name by the model ("Lomé, Tema and", "Batken and Sughd", "from Mary to
#: Herat", "Ministry of Foreign Affairs, Islamabad").
_LIST_JOINT = re.compile(r",\s+(?:and\s+)?|\s+(?:and|to)\s+")
_PLACE_WORDS = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?: [A-ZÀ-Þ][\w'’.-]*){0,2}")


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list of capitalised names ("Batken and Sughd"), or the whole span when it is not one."""
    cuts, pos = [], start
    for j in _LIST_JOINT.finditer(text, start, end):
        cuts.append((pos, j.start()))
        pos = j.end()
    cuts.append((pos, end))
    return cuts if len(cuts) > 1 and all(_PLACE_WORDS.fullmatch(text[s:e]) for s, e in cuts) else [(start, end)]


def _longest_item(text: str, start: int, end: int) -> int:
    """Words in the longest item of a list of names ("Goiás and Minas Gerais": 2), or in the whole span."""
    return max(len(text[s:e].split()) for s, e in _list_items(text, start, end))


def _split_place_list(text: str, c: Candidate, g: Gazetteer) -> list[Candidate]:
    """A model span that lists places, one place per item ("Batken and Sughd": two places); a body followed by
    its seat ("Ministry of Foreign Affairs, Islamabad"): the body and the place. The span itself otherwise."""
    surface = text[c.start:c.end]
    if c.label in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL") or g.lookup(surface):
        return [c]
    if ", " not in surface and " and " not in surface and " to " not in surface and not surface.endswith(" and"):
        return [c]
    end = c.end - 4 if surface.endswith(" and") else c.end
    if " to " in text[c.start:end] and not text[max(0, c.start - 5):c.start].endswith("from "):
        return [c]  # "to" joins places only in a route: "from Mary to Herat"
    cuts, pos = [], c.start
    for j in _LIST_JOINT.finditer(text, c.start, end):
        cuts.append((pos, j.start()))
        pos = j.end()
    cuts.append((pos, end))
    if len(cuts) < 2:
        return [c]

    def place(s: int, e: int) -> str | None:
        entry = g.lookup(text[s:e])
        return entry.label if entry is not None and entry.label in ("GPE", "LOC") else None

    if all(_PLACE_WORDS.fullmatch(text[s:e]) for s, e in cuts) and any(place(s, e) for s, e in cuts):
        return [replace(c, start=s, end=e, label=place(s, e) or "GPE") for s, e in cuts]
    last = cuts[-1]
    if (c.label == "ORG" and text[cuts[-2][1]:last[0]].startswith(",") and place(*last)
            and len(text[c.start:cuts[-2][1]].split()) >= 2):
        return [replace(c, end=cuts[-2][1]), replace(c, start=last[0], end=last[1], label=place(*last) or "GPE")]
    return [c]


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
          r"(?:\s+(?:1[89]|20)\d\d)?")
#: The two ends of a range "between" two months are two dates ("between January and September"); "November and
#: December 2025" stays one period.
_MONTH_PAIR = re.compile(rf"between\s+(?P<a>{_MONTH})\s+and\s+(?P<b>{_MONTH})")


#: A ministry's name with its country after a second "of" ("Ministry of Health of Indonesia"): the ministry and the
#: country, as a ministry is written with its country elsewhere ("Ministry of Defence, Japan"); an official state name
#: after "of the" is kept whole, as part of the ministry's formal title ("... of the Kingdom of Thailand").
_MINISTRY_OF_COUNTRY = re.compile(r"(?P<body>(?:Ministry|Department) of (?:[A-Z][\w'’-]*|and|&|,| )+?) of (?!the )"
                                  r"(?P<country>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")


def _ministry_of_country(name: str) -> re.Match[str] | None:
    """The match of :data:`_MINISTRY_OF_COUNTRY` over the whole ``name``, unless its portfolio holds a second body
    ("Ministry of Finance and Central Bank of Kenya" is two bodies, the second named with its country)."""
    m = _MINISTRY_OF_COUNTRY.fullmatch(name)
    if m is None or any(w in _ORG_FIRST or w in _ORG_WORDS for w in m.group("body").split()[2:]):
        return None
    return m


def _split_country_agency(text: str, c: Candidate, g: Gazetteer) -> list[Candidate]:
    """A ministry with its country after a second "of" ("Ministry of Health of Indonesia"): the ministry and the
    country. A body's name joined by "and" or a comma to an agency named for its country at its end: two bodies
    ("Department of Defence and Emergency Management Australia", "National Defence, Public Services and Procurement
    Canada"); a portfolio listed with commas has no place at its end ("Department of Trade, Industry and
    Competition")."""
    surface = text[c.start:c.end]
    if c.label == "ORG" and (m := _ministry_of_country(surface)) is not None:
        entry = g.lookup(m.group("country"))
        if entry is not None and entry.label == "GPE":
            return [replace(c, end=c.start + m.end("body")),
                    replace(c, start=c.start + m.start("country"), label="GPE")]
    if c.label != "ORG" or (" and " not in surface and ", " not in surface):
        return [c]
    for j in re.finditer(r" (?:and|&) |, ", surface):
        words = surface[j.end():].split()
        if (len(words) < 3 or len(surface[:j.start()].split()) < 2
                or not all(w[:1].isupper() or w in ("and", "&") for w in words)):
            continue
        entry = g.lookup(words[-1]) or g.lookup(" ".join(words[-2:]))
        if entry is not None and entry.label == "GPE":
            return [replace(c, end=c.start + j.start()), replace(c, start=c.start + j.end())]
    return [c]


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$")


def _split_between_pair(text: str, c: Candidate, g: Gazetteer) -> list[Candidate]:
    """"the partnership between Velcor and Tarnex": the two ends of "between ... and" are two names, whatever one span
    the model made of them; not a name with "and" in it that the pair's own "and" follows ("between the Ministry of
    Trade and Industry and ...") or that is known whole ("between Bosnia and Herzegovina")."""
    surface = text[c.start:c.end]
    if (c.label == "DATE" or surface.count(" and ") != 1 or text.startswith(" and ", c.end)
            or _BETWEEN_BEFORE.search(text, max(0, c.start - 9), c.start) is None or g.lookup(surface) is not None):
        return [c]
    cut = c.start + surface.index(" and ")
    if not text[cut + 5:cut + 6].isupper():
        return [c]
    return [Candidate(c.start, cut, c.label, c.source, c.priority, c.role),
            Candidate(cut + 5, c.end, c.label, c.source, c.priority, c.role)]


_BETWEEN_HEAD = re.compile(r"between\s+", re.IGNORECASE)


def _split_month_pair(text: str, c: Candidate) -> list[Candidate]:
    """A model date "between" two months, one date per month; any other range the model read with its "between"
    ("Between mid-2025 and early 2026", "between last spring") loses the preposition, as every other date does; the
    span itself otherwise."""
    if c.label != "DATE":
        return [c]
    m = _MONTH_PAIR.fullmatch(text, c.start, c.end) if " and " in text[c.start:c.end] else None
    if m is None:
        head = _BETWEEN_HEAD.match(text, c.start, c.end)
        return [replace(c, start=head.end())] if head is not None else [c]
    return [replace(c, start=m.start("a"), end=m.end("a")), replace(c, start=m.start("b"), end=m.end("b"))]


#: Joints the model read through inside one date: a dateline's dash before the story ("Dec 4 - Twenty months after
#: ..."), a comparison ("the first quarter than a year earlier").
_DATE_JOINT = re.compile(r"[ \t]+[-–—][ \t]+(?=[A-Z])|[ \t]+than[ \t]+")


def _split_date_joint(text: str, c: Candidate) -> list[Candidate]:
    """A model date run over a dateline's dash or a comparison's "than": one date per side when each side is a date
    (has a digit or a time word; "more than a decade" is one); the span itself otherwise."""
    if c.label != "DATE" or not _DATE_JOINT.search(text, c.start, c.end):
        return [c]
    out, pos = [], c.start
    for j in [*_DATE_JOINT.finditer(text, c.start, c.end), None]:
        end = j.start() if j is not None else c.end
        if not re.search(r"\d|\b(?:year|month|week|day|quarter|decade|century)s?\b", text[pos:end], re.IGNORECASE):
            return [c]
        out.append(replace(c, start=pos, end=end))
        pos = j.end() if j is not None else pos
    return out


#: Last words of facility names (nlp/recall_rules.py).
_FAC_HEADS = recall_rules.FAC_HEADS
#: Heads of the buildings that seat a government ("Government House", "Federal Chancellery", "Official Residence").
_SEAT_HEADS = frozenset({"House", "Chancellery", "Residence"})
_LOC_HEADS = frozenset("""Pass Valley Mountains River Lake Island Islands Peninsula Strait Straits Bay Sea Desert Plateau
Glacier Reef Shoal Delta Basin Volcano Coast Archipelago Point Falls Gorge Atoll Lagoon Canyon""".split())
#: First words of geographic names in several languages ("Salar de Atacama", "Cerro Rico", "Wadi Rum"; Malay and
#: Indonesian island, mountain, river, strait, bay and cape words: "Pulau Natuna", "Selat Malaka"; Vietnamese
#: island, river and bay words: "Đảo Phú Quý", "Sông Hồng").
_GEO_FIRST = frozenset("""Salar Lago Laguna Río Rio Cerro Volcán Isla Islas Sierra Bahía Mount Mt Lake Mont Monte
Lac Golfe Île Wadi Jebel Jabal Ras Kuh Ozero Gora Qasr Palacio Palais Villa Fort Castillo Schloss Kasbah
Pulau Kepulauan Gunung Sungai Selat Teluk Tanjung Danau Bukit Đảo Sông Vịnh Núi""".split())
#: First words of institutions named "X of/for Y" ("Centre for European Policy Studies").
_ORG_FIRST = frozenset("""Centre Center Institute Council Ministry Department Bank University Office Commission Agency
Academy School College Society Association Federation Foundation Board Bureau Court Union League""".split())
#: Words that make a short name an organisation, never a place.
_ORG_WORDS = frozenset("""Group Bank Ltd Limited Inc Corporation Corp Company Co Institute University Council Commission
Ministry Agency Authority Party Forces Army Navy Association Foundation Fund Organisation Organization Committee Office
Department Studies Centre Center News Times Post Airlines Motors Technologies Systems Holdings Partners Capital Media
Aerospace Industries Shipbuilders Club Team""".split())
_GEO_AFTER = re.compile(r"\s+(?:County|Province|State|District|Region|Governorate|Oblast|Prefecture|volcano|river|dam|"
                        r"substation|power station|"
                        r"canal|port|megaport|valley|border|crossing|province|county|district|region|island|state|city)\b")
_GEO_BEFORE = re.compile(r"(?:\b(?:in|near|outside|around|off)|\b(?:ports?|city|cities|towns?|states?|provinces?"
                         r"|regions?|districts?|villages?|islands?|capital) of"
                         # aid that can or cannot reach a town: "partners to reach Renk and Malakal", "convoys still
                         # cannot reach Kadugli"
                         r"|\b(?:cannot|can't|could not|couldn't|unable to|failed to|to)\s+(?:still\s+)?reach"
                         # a member's seat in a debate: "as the Senator for Kilifi asks", "the member for Hume"
                         r"|\b(?:[Mm]ember|[Ss]enator)\s+for)\s+$")
#: "reach" before a name: aid reaching a town, or a reporter reaching a person ...
_REACH_BEFORE = re.compile(r"\breach\s+$")
#: ... who is reached for comment, by phone or by e-mail, or described as a person ("could not reach Halvorsen for
#: comment", "unable to reach Okonkwo by phone", "tried to reach Mbeki, who declined")
_CONTACTED = re.compile(r"\s*(?:for\s+(?:comment|a\s+comment)|by\s+(?:tele)?phone|by\s+e-?mail|,\s+(?:who|whose)\b)",
                        re.IGNORECASE)
#: A list of places a plural geographic noun introduces ("towns held by armed groups, including Velmora and ",
#: "mines in the south, such as "): each name of the list is a place.
_GEO_LIST_BEFORE = re.compile(r"\b(?:cities|towns|villages|settlements|mines|ports|crossings|provinces|districts"
                              r"|counties|regions|islands|camps|municipalities|oases)(?: [\w'’-]+){0,4}?,? (?:including"
                              rf"|such as) {_LISTED}$")
#: "at" right before a name: a place when the name is one unknown word ("at Belvasko"); companies after "at" have
#: their head noun or several words ("at Hana Securities", "at Chantier Davie").
_AT_BEFORE = re.compile(r"\bat\s+$")
#: People or a line moved "to" a name: the destination is a place ("deployed a team of epidemiologists to Kisumu",
#: "is expected to be extended to Torghundi"); a company is paid, sold or written to, not deployed or flown to.
_MOVED_TO = re.compile(r"\b(?:(?:deploy|dispatch|evacuat|relocat|airlift|redeploy)(?:ed|ing|s|es)?|flown|flew"
                       r"|(?:be|been|being|was|were|is|are) extended)\b[^.;:!?()\n]{0,80}?\bto\s+$")
#: People or transport coming "from" a name: the origin is a place ("fishermen from Velmaram", "flights of the air
#: force from Tarso Mek", "evacuated from Kalpo"); a phrase of up to six words may stand between the noun and "from"
#: when it opens with a preposition or "and" ("flights of the air force from"), not a verb: "refugees received a
#: message from Ana Velk", "farmers got support from ..." name who sent or gave it, a person.
#: Things return and arrive too ("the money returned from Mirela Dostan", "a reply arrived from ..."): those two verbs
#: need the people, the transport or a personal pronoun right before them.
_MOVERS = (r"fishermen|fishers|workers|migrants|nationals|citizens|refugees|residents|villagers|farmers|pilgrims"
           r"|returnees|evacuees|flights?|ferr(?:y|ies)|trucks?|convoys?")
_MOVED_FROM = re.compile(rf"\b(?:(?:{_MOVERS})"
                         r"(?: (?:of|in|on|at|aboard|with|by|and)(?: [\w'’-]+){0,5}?)?"
                         r"|(?:evacuated|repatriated|fled|flown|deported|displaced)"
                         rf"|(?:{_MOVERS}|they|we|he|she|who)(?: (?:had|have|has|were|was|had been|have been))?"
                         r" (?:returned|arrived))"
                         r" from (?:the )?$", re.IGNORECASE)
_NOT_LOCATIVE = re.compile(r"\b(?:invest\w*|stake\w*|shares?|role|interest|confidence|trust|faith|partners?)\s+in\s+$")
_LOCATED_ON = re.compile(r" (?:on|in) (?=[A-Z][\w'’-]+ (?:Island|Islands|Peninsula|Coast|Atoll|Province|Region|State)\b)")
#: A plural geographic noun after a list of two names: both are places ("the Velboa and Cristal terminals", "the
#: Arno, Tarvo and Sella rivers"); the noun in the plural says the names are the list's items, not a company's.
_PLURAL_GEO_NOUN = re.compile(r" (?:rivers|ports|crossings|terminals|islands|valleys|provinces|districts|regions"
                              r"|lakes|fields|mines|dams|airports|bays|basins|border crossings|oases)\b")
_PLURAL_GEO_AFTER = re.compile(r"(?:,| and|, and) [A-ZÀ-Þ][\w'’-]*(?: [A-ZÀ-Þ][\w'’-]*){0,2}" + _PLURAL_GEO_NOUN.pattern)
#: A lowercase geographic noun after a list of names: the names are places ("the Putumayo and San Miguel rivers").
_GEO_NOUN_AFTER = re.compile(r"\s+(?:river|port|crossing|terminal|checkpoint|island|valley|province|district|region"
                             r"|border|basin|lake|field|mine|dam|airport|road|highway|canal|bay|coast)s?\b")
_COORD = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|or|&)\s+)")


#: What follows a company's name, not a place's: a business noun ("the Velcor development bank", "the Arvo plant") or
#: more of the name ("the Tehrik-e-Taliban Pakistan", "the uMkhonto weSizwe").
_BUSINESS_AFTER = re.compile(rf"\s+(?:(?:[\w-]+\s+)?{_COMPANY_NOUN}|plant|factory|works|subsidiary|[a-z]*[A-Z])")


#: An office joined after a word: the word is an office too ("the Tánaiste and Minister for Foreign Affairs").
_AND_OFFICE_AFTER = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w-]*\s+)?(?:" + "|".join(sorted(_OFFICE_HEADS)) + r")\b")


#: A news dateline opening a line: a town in capitals, a comma and its country or state, then the date or the dash
#: before the story ("NICE, France, April 3 (Meridian) -", "DAJABÓN, Dominican Republic — Monday ...").
_DATELINE_TOWN = re.compile(r"(?m)^[ \t]*(?P<town>[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){0,2}), "
                            r"(?P<place>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})(?=, " + rules._MONTHS + r"\.? \d| [—–-] )")


def _dateline_towns(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """The town of a news dateline is a place, whatever the model made of a town it does not know in capitals ("NICE",
    an acronym to it): only before a known country or state and the dateline's date or dash, and not a name the
    gazetteer knows as something else."""
    out = []
    for m in _DATELINE_TOWN.finditer(text):
        place, town = g.lookup(m.group("place")), g.lookup(m.group("town"))
        if place is None or place.label != "GPE" or (town is not None and town.label not in ("GPE", "LOC")):
            continue
        s, e = m.span("town")
        if all(c.source == "model" for c in merged if c.start < e and s < c.end):
            out.append(Candidate(s, e, "GPE", "model", TITLE))
    return out


#: A seat of government heading a location line: at a line's start or after "Location:", a comma and the town after
#: it ("Federal Chancellery, Vienna, 3 March 2026", "Location: Chancellery of the Prime Minister, Warsaw"). "House" is
#: left out: "Chatham House, London" heads a think tank's byline as often. Only a date or more places may follow the
#: town on its line: "Federal Chancellery, Vienna, confirmed on Monday ..." opens a sentence, where the seat is the
#: institution that speaks.
_SEAT_VENUE_LINE = re.compile(r"(?m)^[ \t]*(?:(?:Location|Venue|Place)[ \t]*:[ \t]*)?"
                              r"(?P<seat>(?:[A-Z][\w'’-]* ){0,3}(?:Chancellery|Residence|Palace)"
                              r"(?: of the (?:[A-Z][\w'’-]* ){0,2}[A-Z][\w'’-]*)?), "
                              r"(?P<town>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})(?=(?:,[ \t]+[A-Z\d][\w'’.:-]*(?:[ \t]+[A-Z\d][\w'’.:-]*)*)*[ \t]*$)")


def _seat_venue_lines(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """A seat of government that heads a location line is the place the event was held, not the institution
    ("Federal Chancellery, Vienna, 3 March 2026" under a press conference's title): only before a town the gazetteer
    or the model reads as a place. The gazetteer's entry for such a name ("Federal Chancellery") is the institution,
    which says and decides things; the line names where the event was held."""
    out = []
    places = {(c.start, c.end) for c in merged if c.label in ("GPE", "LOC")}
    for m in _SEAT_VENUE_LINE.finditer(text):
        s, e = m.span("seat")
        town = g.lookup(m.group("town"))
        if (m.group("seat").split()[0] in STARTERS or " " not in m.group("seat")  # "Palace, Kabul": a back-reference
                or not (m.span("town") in places or (town is not None and town.label in ("GPE", "LOC")))):
            continue
        out.append(Candidate(s, e, "FAC", "gazetteer", TITLE + 0.2))
    return out


#: A ship's name after its navy's or coast guard's prefix ("BRP Teresa Magbanua", "INS Imphal", "KN Pulau Dana",
#: "USS George Washington"): the prefixes are unambiguous ones (not "MS", "SAS", "ITS" ...). The gold conventions
#: ignore ships, but the model calls them people and organisations, and a briefing's Key actors table then lists a
#: cutter as a person: the whole name, prefix included, becomes a (hidden) product.
_VESSEL = re.compile(r"\b(?:USS|USNS|USCGC|HMS|HMAS|HMCS|HMNZS|INS|ICGS|KRI|KN|BRP|JS|ROKS|RSS|KD|HTMS|PNS|BNS|SLNS"
                     r"|TCG|HNLMS|HDMS|HNoMS|FGS|RFS|NRP|BAP|MV)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}")


def _vessels(text: str) -> list[Candidate]:
    """Ships named with their prefix, as hidden PRODUCT spans that outrank the model's person or organisation."""
    # above the same-tier rules that read "the carrier X" or "the cutter X said" as a company or a person
    return [Candidate(m.start(), m.end(), "PRODUCT", "gazetteer", TITLE + 0.2) for m in _VESSEL.finditer(text)]


_GEO_WORD_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(_GEO_FIRST)) + r") $")


def _geo_word_before(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """A model name right after a geographic name's first word, which the model left out ("Đảo" + "Hòn Mây",
    "Mount" + "Kenya"): the place, whole (``_place_rules`` types a span that starts with the word itself)."""
    out = []
    for c in merged:
        if c.source != "model" or c.label not in ("PERSON", "ORG", "NORP", "GPE", "LOC") or c.role:
            continue
        m = _GEO_WORD_BEFORE.search(text, max(0, c.start - 12), c.start)
        if m is not None and g.lookup(text[c.start:c.end]) is None:
            out.append(Candidate(m.start(), c.end, "LOC", "model", TITLE))
    return out


def _place_rules(text: str, merged: list[Candidate], g: Gazetteer,
                 placed: dict[tuple[int, int], str] | None = None) -> list[Candidate]:
    """Relabel model names by general cues: facility/feature head nouns, "in X", "X County", coordination with places
    (``placed``: the class other rules already gave a model name, by its span)."""
    placed = placed or {}
    extra = []
    labels = {}
    for c in merged:
        if c.source != "model" or c.label not in ("ORG", "PERSON", "GPE", "FAC", "NORP", "LOC", "WORK_OF_ART", "EVENT",
                                                  "LAW"):
            continue
        surface = text[c.start:c.end]
        words = surface.split()
        if not words or g.lookup(surface) is not None:
            continue
        if c.label == "LAW" and (not recall_rules.facility_named(surface, sites_only=True) or words[-1] == "Bridge"):
            # an instrument is a place only by a site's head ("the Sarnak High Dam"); a bridge in an instrument's
            # name is a figure of speech ("the Varno Innovation Bridge")
            continue
        new = None
        if len(words) >= 2 and words[0] in _ORG_FIRST and words[1] in ("for", "of") and c.label != "ORG":
            new = "ORG"
        elif len(words) >= 2 and words[0] in _GEO_FIRST and c.label not in ("LOC", "GPE"):
            new = "LOC"  # "Salar de Atacama", "Lago Titicaca", "Mount Hagen"
        elif recall_rules.facility_named(surface) and c.label != "FAC":
            new = "FAC"
        elif len(words) >= 2 and words[-1] in _LOC_HEADS and c.label not in ("LOC", "GPE"):
            new = "LOC"
        elif (c.label == "ORG" and len(words) >= 2 and words[-1] in _SEAT_HEADS
              and _LOCATIVE_LONG.search(text, max(0, c.start - 12), c.start)):
            # "signed at Government House", "shook hands at State House": a seat of government as the venue is a
            # place (the institution says or decides things: "State House said")
            new = "FAC"
        elif (c.label in ("PERSON", "EVENT") and len(words) <= 2 and not c.role and not surface.isupper()
              and _MOVED_FROM.search(text, max(0, c.start - 80), c.start) is not None
              and not _beside_office(text, c.start, c.end)):
            # "fourteen fishermen from Velmaram", "flights of the air force from Tarso Mek": where people or
            # transport come from is a place, not a person nor an event (a body may send them: its class stays)
            new = "GPE"
        elif c.label == "EVENT":
            pass  # only a facility's head noun makes an event a place ("... International Airport")
        elif (c.label in ("ORG", "PERSON", "NORP") and (longest := _longest_item(text, c.start, c.end)) <= 3
              and not surface.isupper() and not any(ch.isdigit() for ch in surface)
              and not any(w in _ORG_WORDS for w in words) and not c.role):
            # a list counts item by item ("in Goiás and Minas Gerais", "at Bash and Dzhankeldy")
            before = text[max(0, c.start - 40):c.start]
            if ((_GEO_BEFORE.search(before) and not _NOT_LOCATIVE.search(before)
                 and not (_REACH_BEFORE.search(before) and _CONTACTED.match(text, c.end))) or _ROUTE_TO.search(before)
                    or _ROUTE_BETWEEN.search(text, max(0, c.start - 70), c.start)
                    or _GEO_AFTER.match(text, c.end) or _GEO_LIST_BEFORE.search(text, max(0, c.start - 100), c.start)
                    or _PLURAL_GEO_AFTER.match(text, c.end)
                    or (_PLURAL_GEO_NOUN.match(text, c.end) and re.search(r"(?:,| and) $", before))):
                new = "GPE"
            elif c.label == "ORG" and longest == 1 and _AT_BEFORE.search(before):
                new = "GPE"  # "the terminal at Belvasko": one unknown word after "at" is a place, not a company
            elif (c.label == "ORG" and longest == 1 and len(words) == 1
                  and _MOVED_TO.search(text, max(0, c.start - 120), c.start)):
                new = "GPE"  # "deployed specialists to Kisumu", "to be extended to Torghundi": a destination
            elif (c.label == "ORG" and len(words) == 1 and before.endswith(" the ")
                  and text[c.end:c.end + 2] not in ("'s", "’s") and not _BUSINESS_AFTER.match(text, c.end)
                  and not re.match(r"-[a-z]", text[c.end:c.end + 2])  # one word of a longer name ("Tehrik-e-Taliban")
                  and not _AND_OFFICE_AFTER.match(text, c.end)
                  and not re.search(rf"(?m)^{re.escape(surface)}[ \t]*:", text)):  # "Tánaiste:" speaks: an office
                # "the Velmora", "clearing the Sertão": one unknown title-case word after a lowercase "the" is a
                # region, river, field or crossing far more often than a company, which goes without an article
                new = "LOC"
        if new is not None:
            parts = _list_items(text, c.start, c.end) if new == "GPE" else [(c.start, c.end)]
            extra += [Candidate(s, e, new, "model", TITLE) for s, e in parts]  # "districts of Batken and Sughd"
            labels[c.start] = new
    # "Lombrum on Manus Island": two places, the second locating the first
    for c in merged:
        if c.source == "model" and c.label in ("GPE", "LOC", "FAC"):
            m = _LOCATED_ON.search(text, c.start, c.end)
            if m is not None and m.end() < c.end and text[c.start].isupper():
                extra.append(Candidate(c.start, m.start(), c.label, "model", TITLE + 0.5))
                extra.append(Candidate(m.end(), c.end, "LOC", "model", TITLE + 0.5))
    # "São Paulo and Minas Gerais", "Lomé, Tema": a short model name coordinated with a place is a place; the class
    # runs along the whole list ("Rakhine, Shan and Sagaing": Shan takes Rakhine's, then Sagaing Shan's), and an
    # unknown word the model took for a nationality is listed like any name ("Antofagasta and Iquique")
    ordered = sorted(merged, key=lambda c: c.start)
    changed, forward = True, True
    while changed:
        # sweeps alternate in direction, so that a class runs along a list either way in one sweep (always forward,
        # a long list ending in its one known place took a sweep per name: quadratic on a long report)
        changed = False
        for i in range(len(ordered)) if forward else range(len(ordered) - 1, -1, -1):
            c = ordered[i]
            if (c.source != "model" or c.label not in ("ORG", "PERSON", "NORP") or c.role or c.start in labels
                    or len(text[c.start:c.end].split()) > 3 or text[c.start:c.end].isupper()
                    or any(w in _ORG_WORDS for w in text[c.start:c.end].split())
                    or (c.label == "NORP" and (g.lookup(text[c.start:c.end]) is not None  # "Timorese nationals"
                                               or (_MODIFIER.match(text, c.end) is not None
                                                   and _GEO_NOUN_AFTER.match(text, c.end) is None)))
                    or (c.label == "PERSON" and _beside_office(text, c.start, c.end))
                    or _COMPANY_BEFORE.search(text, max(0, c.start - 100), c.start) is not None):
                # "the Minister of Defence of Latvia, Janis Ozols,": a name beside an office, not a list; "operators,
                # including Velcor, Tarnex and Ostrava": a list of companies, whatever place it names
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(ordered):
                    n = ordered[j]
                    gap = text[n.end:c.start] if j < i else text[c.end:n.start]
                    # not an apposition: "Abdulrahman al-Mannai, Qatar's Minister of State"
                    possessive = text[n.end:n.end + 2] in ("'s", "’s")
                    # a route: "from Serhetabat to Herat" (the first end after "from", the other a place)
                    # ... or its other end ("from Bangkok to Nong Khai")
                    route = (re.fullmatch(r"\s+to\s+", gap) is not None
                             and re.search(r"\bfrom\s+$", text[max(0, min(c.start, n.start) - 6):min(c.start, n.start)])
                             is not None)
                    if (labels.get(n.start, placed.get((n.start, n.end), n.label)) in ("GPE", "LOC")
                            and (_COORD.fullmatch(gap) or route)
                            and not possessive
                            # "thanked Fiji and Vodafone", "Ghana and Amina": states are all known, and a model's
                            # firm or person listed after one is a firm or person as often as a place (before one,
                            # a port or town leads: "to Vizhinjam and Singapore")
                            and not (j < i and c.label in ("ORG", "PERSON") and g.is_state(text[n.start:n.end]))):
                        extra.append(Candidate(c.start, c.end, "GPE", "model", TITLE))
                        labels[c.start] = "GPE"
                        changed = True
                        break
        forward = not forward
    return extra

