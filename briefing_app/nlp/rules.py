"""Regular-expression entity rules: dates, generic named initiatives, acronym definitions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
           r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d{2}"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE_PATTERNS = [
    # a range of years or months of years is one period ("2025 to 2027", "July 2021 to July 2024"); two years
    # joined by "and" stay two dates ("in 2021 and 2022")
    rf"\b(?:{_MONTHS}\s+)?{_YEAR}\s+to\s+(?:{_MONTHS}\s+)?{_YEAR}\b",
    rf"\b{_WEEKDAY},?\s+{_DAY}\s+{_MONTHS}(?:,?\s+{_YEAR})?\b",  # "Wednesday, 14 January 2026"
    rf"\b{_WEEKDAY},?\s+{_MONTHS}\s+{_DAY}(?:,?\s+{_YEAR})?\b",
    rf"\b{_WEEKDAY}\s+(?:morning|afternoon|evening|night)\b",
    rf"\b\d{{1,2}}\s*(?:to|[–-])\s*{_DAY}\s+{_MONTHS}(?:,?\s+{_YEAR})?\b",  # "12 to 14 January"
    rf"\b{_MONTHS}\s+\d{{1,2}}\s*(?:to|[–-])\s*{_DAY}(?:,?\s+{_YEAR})?\b",
    rf"\b{_DAY}\s+{_MONTHS}(?:,?\s+{_YEAR})?\b",
    rf"\b{_MONTHS}\s+{_DAY}(?:,?\s+{_YEAR})?\b",
    rf"\b{_MONTHS}\s+{_YEAR}\b",
    r"\b(?:January|February|April|June|July|August|September|October|November|December)\b",
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    r"\b(?:(?:the\s+)?(?:last|past|next|coming)|this|earlier\s+this|later\s+this)\s+"
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|few|\d+)\s+)?"
    r"(?:week|month|year|decade|quarter|fortnight|century|winter|summer|spring|autumn|monsoon)s?\b",
    # a season as the time of something, after a preposition of time: "in the autumn", "by the summer", "by spring"
    # (a bare season after "in" is often a modifier's or a habit's: "in winter", "in summer heat")
    r"(?:(?<=\bin )|(?<=\bby )|(?<=\buntil )|(?<=\bduring )|(?<=\bbefore )|(?<=\bafter )|(?<=\bthrough ))"
    r"the\s+(?:winter|summer|spring|autumn)\b(?!\s+(?:of|months|session|heat|rains|crops?|harvest)\b)"
    r"|(?<=\bby )(?:winter|summer|spring|autumn)\b(?![\w-])",
    rf"(?:(?<=\bin )|(?<=\bby )|(?<=\bof )|(?<=\bsince )|(?<=\buntil )|(?<=\bfrom )|(?<=\bbefore )"
    rf"|(?<=\bafter )|(?<=\bduring )){_YEAR}(?:[–-]\d{{2,4}})?\b",
    rf"\b(?:FY\s?)?{_YEAR}[–-](?:\d{{2}}|{_YEAR})\b",
    # a festival marks a time of year, with its year or without ("by Easter 2027", "bookings for Lunar New Year");
    # not a place named for one ("Christmas Island")
    rf"\b(?:Easter|Christmas|Ramadan|Eid al-(?:Fitr|Adha)|Diwali|Nowruz|Lunar New Year|Chinese New Year|Hanukkah"
    rf"|Passover)(?:\s+{_YEAR})?\b(?!\s+[A-Z])",
]
#: The festival dates above, which a rule dates over the model's guess of an event or a law ("Easter 2027").
FESTIVAL = re.compile(r"(?:Easter|Christmas|Ramadan|Eid al-|Diwali|Nowruz|Lunar New Year|Chinese New Year|Hanukkah"
                      r"|Passover)")
_DATE_RE = re.compile("|".join(f"(?:{p})" for p in _DATE_PATTERNS))

#: Head nouns of named initiatives: LAW for instruments, EVENT for meetings and exercises.
LAW_HEADS = ("Partnership", "Agreement", "Initiative", "Framework", "Treaty", "Accord", "Pact", "Compact",
             "Strategy", "Declaration", "Roadmap", "Corridor", "Charter", "Arrangement", "Vision", "Programme",
             "Program", "Policy", "Mechanism", "Protocol", "Convention", "Act", "Project", "Consensus",
             "Free Trade Area", "Law", "Code", "Memorandum", "Plan",
             # a scheme, a pathway or regulations named in title case are programmes and rules, not bodies
             "Scheme", "Pathway", "Regulations",
             # a named bill is a law in the making ("Green Hydrogen and Derivatives Bill"); "Bill Clinton" goes on
             "Bill",
             # a fund's window for one purpose is a programme, not a body ("Drought Resilience Window")
             "Window")
EVENT_HEADS = ("Dialogue", "Summit", "Conference", "Exercise", "Meeting", "Talks", "Consultations",
               "Conclave",
               "Working Group", "Process")
_HEAD_RE = re.compile(r"\b(" + "|".join(LAW_HEADS + EVENT_HEADS) + r")\b")
#: Lowercase particles of place names that may lead an instrument's name ("Dar es Salaam", "Rio de Janeiro").
_PLACE_PARTICLES = frozenset(("es", "de", "da", "do", "del", "dos", "das"))
_WORD_RE = re.compile(r"(?:\d\+\d|[A-Z0-9][\w'’&+.-]*|of|for|on|and|the|in|&|" + "|".join(sorted(_PLACE_PARTICLES))
                      + r")$")
#: Capitalised words that begin sentences but never begin an initiative's name.
STARTERS = frozenset("""
The This That These Those A An Its Their Our His Her Both Each Every During Under With At In On For And But As
Of By From To Into After Before Since While When Where Why How What Which Who Also Such Another Any Some All
New Last Next First Second Third Future Recent Previous Upcoming Annual Historic Landmark Proposed Key Further
Later Earlier Meanwhile However Separately Yesterday Today Tomorrow Then Now Still Yet Thus No My Your
""".split())
_CONNECTORS = frozenset({"of", "for", "on", "and", "&"})
#: The rest of a name after its head: "... Working Group on Counter-Terrorism", "Agreement on Reciprocal, Fair and
#: Balanced Trade" (capitalised words only; "Agreement on climate" stops at the head).
_NOT_NAME = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June"
             r"|July|August|September|October|November|December)\b)")
#: Capitalised words of a title-case name, joined by spaces, hyphens, commas, "and" and the minor words of titles
#: ("Protection of the Rights of All Migrant Workers and Members of Their Families", "Right to Development").
_TITLE_JOINT = r"(?:,? and (?:the )?|, | |-| (?:of|to|for|on|and|through|with|against|towards) (?:the )?)"
_TITLE_RUN = rf"{_NOT_NAME}[A-Z][\w'’-]*(?:{_TITLE_JOINT}{_NOT_NAME}[A-Z][\w'’-]*)*(?<![,.])"
_NAME_TAIL = re.compile(rf" (?:on|for|Establishing) (?:the )?{_TITLE_RUN}")
#: "of" and a name, not "of the": an instrument named for its subject or place ("Declaration of Principles",
#: "Treaty of Permanent Good-Neighbourliness, Friendship and Cooperation", "Declaration of Lima"); "Bishkek
#: Declaration of the Council ..." is two names.
_OF_TAIL = re.compile(rf" of (?!the\b|The\b){_NOT_NAME}[A-Z][\w'’-]*(?:(?:,? and |, | |-){_NOT_NAME}[A-Z][\w'’-]*)*(?<![,.])")
#: Where a tail runs into another named instrument or body ("... on the Implementation of the Kuala Lumpur Peace
#: Accord"): the tail ends before it.
_INNER_NAME = re.compile(r" of the (?=(?:[A-Z][\w'’-]* ){0,5}(?:" + "|".join(LAW_HEADS + EVENT_HEADS) + r")\b)")
#: Words that make "Law" a field of law ("International Law", "Customary International Humanitarian Law").
_FIELDS_OF_LAW = frozenset("""International Humanitarian Customary Public Private Criminal Civil Maritime Constitutional
Domestic National Federal Administrative Commercial Environmental Human Rights Refugee Space Trade Investment Economic
European Islamic Common Case Company Labour Labor Tax Family""".split())
_OF_HEADS = frozenset(("Declaration", "Treaty", "Charter", "Convention", "Protocol", "Accord", "Agreement", "Pact", "Code",
                       "Memorandum", "Plan"))
#: After an "of" tail, the instrument's subject or its sea or region: "Memorandum of Understanding [on Renewable
#: Hydrogen]", "Code of Conduct [in the South China Sea]"; not the town it was signed in ("... in Tashkent").
_AFTER_OF_TAIL = re.compile(rf" (?:(?:on|for) (?:the )?|in the ){_TITLE_RUN}")


#: An exercise named after the word "exercise": its capitalised words, an inner "of (the)", and a trailing number
#: or year ("the joint exercise Coastal Shield 2026", "exercise, Amistad 2027,", "Bilateral Exercise "Ocean Edge 26"").
_NAMED_EXERCISE = re.compile(
    rf"\b[Ee]xercises?,?[ \t]+[\"“]?(?P<name>{_NOT_NAME}[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*"
    rf"(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?{_NOT_NAME}[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*){{0,3}}"
    r"(?:(?:[ \t]+|-)\d{2,4}[A-Z]?)?)(?![\w'’-])")


#: ... or named right before a lowercase "exercise" after an article ("the next Ocean Edge exercise").
_EXERCISE_NAMED_BEFORE = re.compile(
    rf"\b(?:the|next|annual|its|their|this|last|biennial)[ \t]+(?P<name>{_NOT_NAME}[A-Z][\w'’]*"
    rf"(?:[ \t]+{_NOT_NAME}[A-Z][\w'’]*){{0,2}}(?:[ \t]+\d{{2,4}})?)[ \t]+exercises?\b")


def find_named_exercises(text: str) -> Iterator[tuple[int, int]]:
    """Spans of exercises named right after the word "exercise" ("exercise Pearl of the South", "... Edge 26") or
    right before it ("the next Ocean Edge exercise"); the caller checks that a name before it is no place."""
    for rx in (_NAMED_EXERCISE, _EXERCISE_NAMED_BEFORE):
        for m in rx.finditer(text):
            if m.group("name").split()[0] not in STARTERS:
                yield m.start("name"), m.end("name")


def find_dates(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of explicit dates ("November 6", "last month", "in 2024")."""
    for match in _DATE_RE.finditer(text):
        start = match.start()
        if (match.group().startswith("last ") and match.group()[5:6].isdigit()
                and _MODAL_BEFORE.search(text, max(0, start - 12), start)):
            start += 5  # "it will last 18 months": the verb "last", not "the last 18 months"
        yield start, match.end()


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|can|may|might|must|should|shall|to|did|does|do)\s+$")


def find_initiatives(text: str) -> Iterator[tuple[int, int, str]]:
    """Capitalised phrases ending in an initiative head ("Comprehensive Global Strategic Partnership").

    Leading sentence starters are dropped; at least one modifier must remain.
    Country prefixes are not removed here (the analyser splits them off).
    """
    for match in _HEAD_RE.finditer(text):
        head_start, head_end = match.span()
        if re.match(r" [A-Z][a-z]", text[head_end:head_end + 3]) and not text.startswith(" Establishing", head_end):
            continue  # the name goes on ("... Policy Studies", "... Partnership Council"): not the head
        label = "EVENT" if match.group(1) in EVENT_HEADS else "LAW"
        words: list[tuple[int, int]] = []
        pos = head_start
        while len(words) < 8:
            gap_end = pos
            while pos > 0 and text[pos - 1] in " \t":
                pos -= 1
            if pos == gap_end or pos == 0:
                break
            wstart = pos
            while wstart > 0 and not text[wstart - 1].isspace() and text[wstart - 1] not in "–—(\"“‘,;:|":
                wstart -= 1
            word = text[wstart:pos]
            if not _WORD_RE.match(word) or word.endswith((".", ",")) or word in ("the", "in"):
                break
            if word == "and":
                left = text[max(0, wstart - 30):wstart].split()
                if not left or not left[-1][:1].isupper() or left[-1].isupper():
                    break  # "X and Y Council" joins title-case words only
            elif word in _PLACE_PARTICLES:
                left = text[max(0, wstart - 30):wstart].split()
                if not left or not left[-1][:1].isupper() or not words:
                    break  # "Dar es Salaam Accord", "Rio de Janeiro Declaration": a particle inside a place's name
            words.append((wstart, pos))
            pos = wstart
        words.reverse()
        # drop connectors and sentence starters at the left edge
        while words and (text[words[0][0]:words[0][1]] in _CONNECTORS | STARTERS):
            words.pop(0)
        if match.group(1) == "Law" and all(text[a:b] in _FIELDS_OF_LAW for a, b in words):
            continue  # "International Humanitarian Law": a field of law, not a named law
        tail = _NAME_TAIL.match(text, head_end)
        if tail is None and match.group(1) in _OF_HEADS:
            tail = _OF_TAIL.match(text, head_end)
        tail_end = tail.end() if tail else head_end
        if tail is not None and tail.re is _OF_TAIL and (more := _AFTER_OF_TAIL.match(text, tail_end)) is not None:
            tail_end = more.end()
        if tail is not None and (inner := _INNER_NAME.search(text, head_end, tail_end)) is not None:
            tail_end = inner.start()
        if not words:
            # "the Agreement on Reciprocal, Fair and Balanced Trade", "the Declaration of Principles"
            if tail is not None and len(text[head_end:tail_end].split()) >= (2 if tail.re is _OF_TAIL else 3):
                yield head_start, tail_end, label
            continue
        yield words[0][0], tail_end, label


_ACRONYM_AFTER = re.compile(r"\b([A-Z][A-Za-z0-9+&-]{1,11})\s*\(([^()\n]{6,160})\)")
_ACRONYM_BEFORE = re.compile(r"([A-Z][^()\n]{5,160}?)\s*\(([A-Z][A-Za-z0-9+&-]{1,11})\)")
_MINOR = frozenset({"of", "for", "and", "the", "on", "in", "to", "&", "a", "an", "with"})


def _plain(text: str) -> str:
    """``text`` with its accents taken off letter by letter, same length ("Électricité" -> "Electricite"): an
    acronym spells a name's initials without them ("EDL")."""
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in text)


def _initials(phrase: str) -> str:
    words = re.findall(r"[A-Za-z][\w'’-]*", _plain(phrase))
    return "".join(w[0].upper() for w in words if w.casefold() not in _MINOR)


def _is_acronym(token: str) -> bool:
    return sum(c.isupper() for c in token) >= 2 and token[0].isupper()


#: A presiding office before "of the" and a body's name, which the model (or an acronym's letters) takes into the
#: body ("Chairperson of the Common Market for ... (COMESA)"): a title, ignored; the name starts after "the".
CHAIR_OF_THE = re.compile(r"(?:Vice[ -])?(?:Chairperson|Chairman|Chairwoman|Chair|President|Secretary[ -]General"
                          r"|Director[ -]General|Executive Secretary|Commissioner|Governor)\s+of\s+the\s+(?=[A-Z])")


def _loose_long_form(phrase: str, letters: str) -> int | None:
    """Where the name an acronym abbreviates starts when its letters are not plain initials ("... Mission in
    Somalia (AUSSOM)", "Korea Mine Rehabilitation and Mineral Resources Corporation (KOMIR)").

    The name is the capitalised run right before the bracket (minor words allowed inside); the acronym must
    begin with its first letter and its letters must appear in it in order. The longest such run wins, up to
    one word more than the acronym has letters.
    """
    phrase = _plain(phrase)
    words = list(re.finditer(r"[A-Za-z][\w'’-]*", phrase))
    if phrase.rstrip() != phrase[:words[-1].end()] if words else True:
        return None  # something other than a word before the bracket
    best = None
    content = 0
    for i in range(len(words) - 1, -1, -1):
        word = words[i].group(0)
        if word.casefold() in _MINOR or word in _NAME_PARTICLES:
            continue
        if not word[0].isupper() and not _PARTICLE_LED.fullmatch(word):
            break
        content += 1
        if content > len(letters) + 1:
            break
        if (word[0].upper() == letters[0] and _subsequence(letters, phrase[words[i].start():].upper())
                and CHAIR_OF_THE.match(phrase, words[i].start()) is None):
            best = words[i].start()
    return best


#: Lowercase particles inside a name ("Électricité du Laos", "Banco de la Nación") and names they lead with a hyphen
#: ("al-Din", "wal-Tawhid"): the name's run goes on over them.
_NAME_PARTICLES = frozenset("du de la le des del da do dos das di von van der al el".split())
_PARTICLE_LED = re.compile(r"(?:al|el|wal|bin|ibn|ad|ash|as|at|an|ar|az)-[A-Z][\w'’]*")


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(ch in it for ch in needle)


def find_acronym_pairs(text: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """``(acronym span, long-form span)`` for "COMPACT (Catalyzing Opportunities ...)" and "Long Form (LF)"."""
    for m in _ACRONYM_AFTER.finditer(text):
        acro, expansion = m.group(1), m.group(2).strip()
        letters = re.sub(r"[^A-Z]", "", acro.upper())
        if _is_acronym(acro) and _initials(expansion).startswith(letters[:3]) and len(letters) >= 2:
            start = m.start(2) + (len(m.group(2)) - len(m.group(2).lstrip()))
            yield (m.start(1), m.end(1)), (start, start + len(expansion))
    for m in _ACRONYM_BEFORE.finditer(text):
        acro = m.group(2)
        letters = re.sub(r"[^A-Z]", "", acro.upper())
        if not _is_acronym(acro) or len(letters) < 2:
            continue
        words = list(re.finditer(r"[A-Za-z][\w'’-]*", m.group(1)))
        # take the shortest tail of the phrase whose initials spell the acronym
        for i in range(len(words) - 1, -1, -1):
            tail = m.group(1)[words[i].start():]
            if _initials(tail) == letters and words[i].group(0)[0].isupper():
                start = m.start(1) + words[i].start()
                yield (m.start(2), m.end(2)), (start, m.start(1) + len(m.group(1).rstrip()))
                break
        else:
            loose = _loose_long_form(m.group(1), letters)
            if loose is not None:
                yield (m.start(2), m.end(2)), (m.start(1) + loose, m.start(1) + len(m.group(1).rstrip()))


_CAP = r"[A-Z][\w'’.-]*"
_FORCES = (r"Navy|Army|Air\s+Force|Air\s+and\s+Space\s+Force|Space\s+Force|Coast\s+Guard|Border\s+Guard|Armed\s+Forces"
           r"|Defen[cs]e\s+Forces?|Self-Defen[cs]e\s+Forces?|Marine\s+Corps|Marines|National\s+Guard")
_FORCES_RE = re.compile(rf"(?:(?:Royal|Republic\s+of(?:\s+the)?|People['’]s)\s+)?(?:{_CAP}\s+){{1,3}}(?:{_FORCES})\b")
#: Words that start a new name after a ministry's ("Ministry of Mining, Republic of Chile").
_NEW_NAME = (r"(?!(?:Republic|Kingdom|State|Government|Royal|Federal|Democratic|United|Embassy|Office|Ministry|The)\b)"
             r"(?![\w.-]*['’]s\b)")
_MINISTRY_RE = re.compile(rf"\b(?:Ministry|Department|Ministère|Secretariat)\s+(?:of|for)\s+(?:the\s+)?{_NEW_NAME}{_CAP}"
                          rf"(?:(?:\s+|,\s+|\s+(?:and|&)\s+){_NEW_NAME}{_CAP}){{0,6}}"
                          # a letterhead in capitals: "MINISTRY OF FISHERIES, LIVESTOCK, PORTS AND INLAND WATERWAYS"
                          r"|\b(?:MINISTRY|DEPARTMENT)\s+(?:OF|FOR)\s+(?:THE\s+)?[A-Z][A-Z'’.-]+"
                          r"(?:(?:[ \t]+|,[ \t]+|[ \t]+(?:AND|&)[ \t]+)(?!(?:REPUBLIC|KINGDOM|STATE|GOVERNMENT|PRESS|MEDIA|RELEASE|STATEMENT|NOTE)\b)"
                          r"[A-Z][A-Z'’.-]+){0,6}")
#: Words that end an institution's name ("Ministry of Health Minister ...", "... Spokesperson").
_ROLE_TAIL = frozenset("""Minister Ministers Secretary Spokesperson Spokesman Spokeswoman Director Chief Official Officials
Said Says On In At For With The This That""".split())


def find_institutions(text: str) -> Iterator[tuple[int, int]]:
    """National institutions by pattern: "Republic of Fiji Navy", "Ministry of Climate Change, Energy and Water"."""
    for rx in (_FORCES_RE, _MINISTRY_RE):
        for m in rx.finditer(text):
            words = list(re.finditer(r"\S+", m.group(0)))
            ends = [i for i, w in enumerate(words[:-1]) if w.group().endswith(".") and len(w.group()) > 3]
            if ends:
                words = words[ends[-1] + 1:]  # "... India. The Indian Coast Guard": a sentence ended inside
            while (words and words[0].group().strip(",") in STARTERS | _ROLE_TAIL
                   and not (len(words) > 1 and re.fullmatch(r"Majesty['’]s", words[1].group()))):
                words.pop(0)  # but "His Majesty's Armed Forces" is a name
            while words and (words[-1].group().strip(",") in _ROLE_TAIL or words[-1].group() in ("and", "the", "&")):
                words.pop()
            if len(words) >= 2:
                end = m.start() + words[-1].end()
                while text[end - 1] in ",.;:'’":
                    end -= 1
                yield m.start() + words[0].start(), end


#: Official state names: "Republic of Chile", "Democratic Socialist Republic of Sri Lanka", "Kingdom of Saudi
#: Arabia", "Independent State of Papua New Guinea", "United States of America", "Kyrgyz Republic".
_STATE_MODIFIERS = (r"Federal|Federative|Democratic|Socialist|Islamic|People['’]s|United|Independent|Plurinational|Bolivarian|Arab"
                    r"|Hashemite|Co-?operative|Oriental|Democratic\s+Socialist|Lao\s+People['’]s|Syrian\s+Arab")
_STATE_HEADS = (r"Republic|Kingdom|State|States|Sultanate|Emirates?|Principality|Commonwealth|Federation|Grand\s+Duchy"
                r"|Realm")
OFFICIAL_STATE = re.compile(
    rf"(?<![\w])(?:(?:{_STATE_MODIFIERS})\s+)*(?:{_STATE_HEADS})\s+of\s+(?:the\s+)?(?:Union\s+of\s+)?"
    rf"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|and|of|the)){{0,4}})", re.IGNORECASE)
#: Words after an official name that make the whole an institution ("Republic of Fiji Navy").
_INSTITUTION_AFTER = re.compile(r"\s+(?:Navy|Army|Air\s+Force|Police|Coast\s+Guard|Defen[cs]e\s+Forces?|Armed\s+Forces|Government"
                                r"|Ministry|Embassy|Parliament|National\s+Assembly)\b", re.IGNORECASE)
_NATIONAL_REPUBLIC = re.compile(r"(?<![\w-])(?!The\b)(?:[A-Z][a-z]+\s+People['’]s\s+)?[A-Z][a-z]+\s+Republic\b(?!\s+of\b)")
#: Words before an official name that make the whole phrase an institution ("Federal Government of Somalia").
#: ("President of the Republic of Kenya" is a title and a place: the president is not part of the state's name.)
_GOVERNMENT_BEFORE = re.compile(r"(?:Government|Ministry|Embassy|Parliament|Constitution|Presidency|Navy|Army)"
                                r"\s+of\s+(?:the\s+)?$")


#: An official name right after "of": the state's name itself ("State of the Republic of X" is no state's name).
_NESTED_STATE = re.compile(rf"(?:(?:{_STATE_MODIFIERS})\s+)*(?:{_STATE_HEADS})\s+of\b", re.IGNORECASE)


def find_official_states(text: str, is_place: Callable[[int, int], bool]) -> Iterator[tuple[int, int]]:
    """Official country names as one place; ``is_place(start, end)`` says whether the name part is a known place.

    Only when the name is a place ("Republic of Chile", not "Republic of Letters"), and not inside an
    institution's name ("Federal Government of Somalia" is an organisation).
    """
    pos = 0
    while (m := OFFICIAL_STATE.search(text, pos)) is not None:
        # the next search starts after the place found, not after the match: "the State of Kuwait and the Republic
        # of Iraq" is matched as one run of name words but holds two official names
        pos = m.start("name")  # by default look again inside the name ("a state of the Realm of ...")
        if not m.group(0)[0].isupper() or not m.group("name")[0].isupper():
            continue  # matched without regard to case so that letterheads in capitals count; names are capitalised
        name_start = m.start("name")
        if _NESTED_STATE.match(m.group("name")):
            continue  # "Heads of State of the Republic of X": the name is the inner official name, found next
        words = list(re.finditer(r"\S+", m.group("name")))
        # the longest leading run of the name that is a known place ("Sri Lanka" in "Sri Lanka to ...")
        for k in range(len(words), 0, -1):
            end = name_start + words[k - 1].end()
            while end > name_start and text[end - 1] in ",.;:'’)":
                end -= 1
            if text[end - 2:end] in ("'s", "’s"):
                end -= 2
            if is_place(name_start, end):
                if (not _GOVERNMENT_BEFORE.search(text, max(0, m.start() - 40), m.start())
                        and not _INSTITUTION_AFTER.match(text, end)):
                    yield m.start(), end
                pos = end
                break
    for m in _NATIONAL_REPUBLIC.finditer(text):
        word = m.group(0).split()[0]
        if (word not in STARTERS and not word.endswith("ing")
                and not _BODY_OF_BEFORE.search(text, max(0, m.start() - 40), m.start())):
            # "the Central Bank of the Argentine Republic": a state's own body named with the state, one name
            yield m.start(), m.end()


#: Formats and groupings written with digits and a plus sign: "C5+1", "N3+1", "B5+1", "G7+".
FORMAT = re.compile(r"(?<![\w+-])[A-Z]{1,5}\d{0,2}\+(?:[A-Z]{1,3}\d{1,2}|\d{0,2})(?![\w+])")  # "C5+1", "GCC+C5"
#: A programme or process named by a word and a plus sign, with or without a number ("Erasmus+", "Cartagena+40"):
#: the plus marks a follow-up or extension of the programme, so the whole is its name.
_PLUS_NAME = re.compile(r"(?<![\w+-])[A-ZÀ-Þ][a-zß-ÿ]{2,}\+\d{0,3}(?![\w+])")


#: A format written in digits only ("3+3", "2+2"): a name after "the" or alone in brackets ("the 3+3 platform",
#: "... Platform (3+3)"), not a sum ("2+2=4"), a rating ("18+") or the number of a longer name ("Dialogue 2+2", "the
#: 2+2 Ministerial Dialogue").
_DIGIT_FORMAT = re.compile(r"(?:(?<=\bthe )|(?<=\())\d\+\d(?![\w+=%.-])(?!\s*=)(?!\s+[A-Z0-9])")


def find_formats(text: str) -> Iterator[tuple[int, int]]:
    """Names of formats with a plus sign ("C5+1", "the 3+3"): organisations, like other groupings."""
    for m in FORMAT.finditer(text):
        if any(c.isdigit() for c in m.group(0)):
            yield m.start(), m.end()
    if "+" in text:
        for m in _DIGIT_FORMAT.finditer(text):
            if text[m.start() - 1] != "(" or text.startswith(")", m.end()):
                yield m.start(), m.end()


def find_plus_names(text: str) -> Iterator[tuple[int, int]]:
    """Programmes and processes named with a plus sign after a word ("Erasmus+", "the Cartagena+40 process")."""
    if "+" in text:
        for m in _PLUS_NAME.finditer(text):
            yield m.start(), m.end()


#: Preambular and operative openers of communiqués and resolutions ("Noting", "Welcoming", "3. Commends").
_OPENER = re.compile(r"(?:^|(?<=\n)|(?<=[.;:]\s))(?:\(?\d{1,3}[.)]\s+|\([a-z]\)\s+)?(?P<word>[A-Z][a-z]{2,}(?:ing|es|s))"
                     r"(?=\s+(?:the|that|its|their|with|further|also|all|deep|a|an|his|her|our|to|in|on|at|and|"
                     r"upon|once|again|strongly|firmly|full|particular|grave|serious|great)\b)")


#: Operative verbs of resolutions and communiqués, which may take a name as object ("6. Commends Chad, ...").
_OPERATIVE = re.compile(r"(?:^|(?<=\n)|(?<=[.;:]\s))(?:\(?\d{1,3}[.)]\s+|\([a-z]\)\s+)(?P<word>(?:Commends|Welcomes|Urges"
                        r"|Requests|Condemns|Calls|Encourages|Invites|Decides|Reaffirms|Reiterates|Expresses|Notes"
                        r"|Recogni[sz]es|Acknowledges|Stresses|Underlines|Emphasi[sz]es|Congratulates|Thanks|Directs"
                        r"|Instructs|Endorses|Approves|Authori[sz]es|Demands|Deplores|Salutes|Applauds|Tasks|Appeals"
                        r"|Commend|Welcome|Urge|Request|Condemn|Call|Encourage|Invite|Decide|Reaffirm|Congratulate"
                        r"|Direct|Instruct|Endorse|Approve|Demand|Deplore|Salute|Applaud|Task|Appeal))(?=\s+[A-Z])")


def opener_words(text: str) -> Iterator[tuple[int, int]]:
    """Sentence-initial participles and verbs of communiqués ("Noting the...", "2. Requests the...", "6. Commends
    Chad")."""
    for m in _OPENER.finditer(text):
        yield m.start("word"), m.end("word")
    for m in _OPERATIVE.finditer(text):
        yield m.start("word"), m.end("word")


#: Last words of spelled-out names that make them a programme or mission (else a body: agency, bank, force...).
_PROGRAMME_HEADS = frozenset("""Assistance Mission Operation Programme Program Initiative Strategy Plan Scheme Policy
Vision Corridor Process Partnership Agreement Act Treaty Pact Compact Framework Fund Accord Declaration
Convention Protocol Charter Mechanism Roadmap Route Project Consensus Window Regime""".split())
_BODY_HEADS = frozenset("""Agency Bank Corporation Institute Centre Center Council Commission Office Organisation
Organization Authority Force Forces Service Board Bureau Committee Ministry Department Union Association Alliance
Foundation Company Group Secretariat Court Police Guard Navy Army Administration Fund""".split())


#: Head nouns of bodies (for rules elsewhere).
BODY_HEADS = _BODY_HEADS
#: A grouping of states named by its number of members ("the Arctic Five", "the Nordic-Baltic Eight"): the numbers.
MEMBER_COUNTS = r"(?:Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty)"

#: A body's head noun and "of the" before an adjectival official name ("Central Bank of the Argentine Republic"): the
#: state's own body, named whole with its state (as "Mine Action Agency of the Republic of Azerbaijan").
_BODY_OF_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_BODY_HEADS | {"Government", "Embassy", "Parliament"}))
                             + r")\s+of\s+the\s+$")


def class_of_name(name: str) -> str | None:
    """Label of a spelled-out name by its head noun: "LAW" for programmes, "ORG" for bodies, None if unsure."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() or w in _MINOR for w in words):
        return None
    # the head is before a trailing "in Somalia" / "for Preventive Diplomacy ..." / "of the Pacific"
    cut = next((i for i, w in enumerate(words) if i > 0 and w in ("in", "for", "of", "on")), len(words))
    head = words[cut - 1]
    if head == "Fund" and words[cut:cut + 1] == ["for"] and words[-1] == "Development":
        # a fund "for (International, Economic ...) Development" is a state's or a group's lending institution
        # ("Kuwait Fund for Arab Economic Development"), unlike a fund that pays for one purpose ("Peace Fund")
        return "ORG"
    if head in _PROGRAMME_HEADS:
        return "LAW"
    if head in _BODY_HEADS:
        return "ORG"
    return None
