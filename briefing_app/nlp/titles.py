"""Titles and honorifics before person names: kept out of PERSON spans, reported as the role."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from briefing_app.nlp.gazetteer import Gazetteer
from briefing_app.nlp.rules import STARTERS

# Latin Extended-A/B and Latin Extended Additional (Vietnamese "Phạm Thu Hằng")
_LATIN = [*range(0x100, 0x250), *range(0x1E00, 0x1F00)]
_UP = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, _LATIN) if c.isupper())
_LOW = "a-zß-öø-ÿ" + "".join(c for c in map(chr, _LATIN) if c.islower())
#: One word of a name: "Modi", "O'Brien", "Jae-myung", "McGuinty" (a capital inside: "DeSantis", "MacKenzie"), or an
#: initial "S." / "J.D." / "N" before more of the name (Hansard's "Ms N K Sharif"); an Arabic article joined by a
#: hyphen belongs to the word ("al-Sisi", "el-Amin").
NAME_WORD = (rf"(?:(?:[{_UP}]\.){{1,3}}|(?:(?:al|el|ad|ash|as|at|ar|an|az|ibn)-)?[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?"
             rf"(?:['’-][{_UP}{_LOW}][{_LOW}]+)*"
             rf"|[{_UP}](?=[ \t]+[{_UP}]))")
#: Capitalised words that never begin a person's name after a title.
NOT_NAMES = frozenset("""
The This That These Those A An And Or Of On In At For With From To By As Is Was Has Had Will Would Said Says
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Office Secretariat House Administration Government Ministry Department
Council Minister Ministers President Presidents Secretary Also Both But He She They It Its Their His Her
""".split())
#: Capitalised words of office names that end a title, never start a name ("... Information Technology Ashwini").
OFFICE_WORDS = frozenset("""
Affairs Technology Information Electronics Industry Industries Commerce Trade Defence Defense Finance Energy Health Home
External Foreign Education Development Security Science Sciences Environment Climate Change Water Power Culture Justice
Law State Labour Labor Employment Tourism Railways Shipping Agriculture Welfare Family Women Child Economy Planning
Communications Petroleum Natural Gas Mines Coal Steel Textiles Civil Aviation Road Transport Highways Ports Waterways
Housing Urban Rural Fisheries Food Consumer Parliamentary Cooperation Skill Skills Entrepreneurship Youth Sports Space
Atomic Press Media Official Chief Deputy Union Cabinet General National International Global Interior Treasury War
Strategic Policy Affairs Resources Mineral Minerals Emerging Critical Digital Innovation Research Public Prime Vice
Assistant Joint Additional Under Principal Senior Special Permanent Representative Spokesperson Ambassador Envoy
""".split())
#: More words of portfolios, which end a title's tail but may begin a body's name elsewhere ("Public Service Fayval
#: Williams" is the end of "Minister of Finance and the Public Service" and a name; "Customs Service" is a body).
_PORTFOLIO_WORDS = OFFICE_WORDS | frozenset("""Service Services Overseas Territories Relations Investment Infrastructure
Works Lands Immigration Citizenship Integration Reconstruction Procurement Revenue Customs Budget Solidarity Religious
Equality Gender Veterans Regions Regional Local Social Protection Emergency Disaster Management Commonwealth Diaspora
Reform Forestry Forests Livestock Irrigation""".split())
#: (for the rules that read a ministry's portfolio: nlp/cleanup.py)
PORTFOLIO_WORDS = _PORTFOLIO_WORDS
#: The joints of a portfolio: a name never runs back over them ("... and Forestry Tomas Elvander").
_JOINS = frozenset(("and", "&", "for", "the"))

#: Head words of official state names, never words of a person's name.
_STATE_WORD = re.compile(r"\b(?:Republic|Kingdom|Federation|Sultanate|Principality|Emirates|Commonwealth)\b")
#: Peerages: a title of their own, never part of the name ("Prime Minister Lord Tupou" is "Tupou", like "Baroness
#: Smith of Malvern" is "Smith of Malvern").
PEERAGES = frozenset("Lord Baroness Lady Viscount Viscountess Earl Countess Marquess Baron".split())


@dataclass(slots=True)
class TitledName:
    """A title/honorific directly followed by a name."""

    role: str
    role_start: int
    name_start: int
    name_end: int


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(slots=True)
class TitleMatcher:
    """Finds "Prime Minister Narendra Modi", "External Affairs Minister Smt. Sushma Swaraj"..."""

    gazetteer: Gazetteer
    pattern: re.Pattern[str]
    particles: frozenset[str]

    @classmethod
    def build(cls, gazetteer: Gazetteer) -> TitleMatcher:
        """Compile the title regex from the gazetteer's title lists."""
        titles = _alternation(gazetteer.titles)
        heads = _alternation(gazetteer.title_heads)
        # a comma inside a portfolio lists more of it ("of Economy, Trade and Industry"), not the holder's name
        portfolio = _alternation(sorted(_PORTFOLIO_WORDS))
        particles = _alternation(gazetteer.name_particles)
        # "External Affairs Minister", "Union Minister of State for Commerce and Industry", "Minister of Economy, Trade
        # and Industry", "Minister of Finance and the Public Service"
        compound = (rf"(?:[{_UP}][{_LOW}]+\s+(?:(?:and|of|for)\s+)?){{0,3}}(?:{heads})"
                    rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[{_UP}][{_LOW}]+(?:,\s+(?=(?:{portfolio})\b)|\s*(?:(?:and|&)\s+(?:the\s+)?)?)){{1,4}})?")
        # an abbreviated title may follow an office like an honorific ("Cabinet Secretary for Foreign and Diaspora
        # Affairs Amb. Jane Doe"): the name starts after it, never at "Amb"
        honor = _alternation(gazetteer.honorifics + [t for t in gazetteer.titles if t.endswith(".")])
        role = rf"(?:(?:{titles}|{compound})(?:\s+(?:{honor})(?!\w))*|(?:{honor})(?!\w)(?:\s+(?:{honor})(?!\w))*)"
        # a name never runs over a line break ("President Ana Ruiz\nVilla Rosa, Rome": the dateline is not hers)
        name = rf"{NAME_WORD}(?:[ \t]+(?:(?:{particles})[ \t]+)*{NAME_WORD}){{0,5}}"
        # a bracketed portfolio may stand between the title and the name ("Joint Secretary (Americas) Ravi Rao")
        pattern = re.compile(rf"(?<![\w-])(?P<role>{role})(?:[ \t]+\([^()\n]{{2,40}}\))?\s+(?P<name>{name})")
        lowered = frozenset(p.casefold() for p in gazetteer.name_particles)
        return cls(gazetteer=gazetteer, pattern=pattern, particles=lowered)

    def find(self, text: str) -> list[TitledName]:
        """Every title directly followed by a plausible name (not a place or organisation)."""
        found = []
        for m in self.pattern.finditer(text):
            # a title's tail ran over a name and "and" into the next title ("Commissioner for the Mediterranean
            # Ilze Kalnina and Foreign Minister Badr Tawfiq"): the part before "and" is a title and a name too
            joint = re.search(r"\s(?:and|&)\s", m.group("role"))
            inner = self.pattern.match(text, m.start("role"), m.start("role") + joint.start()) if joint else None
            if inner is not None and (titled := self._titled(text, inner)) is not None and text[titled.name_start].isupper():
                found.append(titled)  # (a name, never "for": "Minister for Defence Industry and Minister for ...")
            if (titled := self._titled(text, m)) is not None:
                found.append(titled)
        return found

    def _titled(self, text: str, m: re.Match[str]) -> TitledName | None:
        """The title and name of one pattern match, or None when no plausible name follows the title."""
        words = list(re.finditer(r"\S+", text[m.start("role"):m.end("name")]))
        tail_office = False  # the match ended in a portfolio word ("... of Marine Affairs")
        while words and words[-1].group() in NOT_NAMES | _PORTFOLIO_WORDS:
            tail_office = words.pop().group() in _PORTFOLIO_WORDS
        # the name is the trailing run of name-like words (at most four)
        first = len(words)
        # particles do not count towards the four ("Salman bin Hamad Al Khalifa")
        while (first > 0 and len(words) - first - sum(w.group().casefold() in self.particles
                                                       for w in words[first:]) < 4
               and words[first - 1].group() not in NOT_NAMES | _PORTFOLIO_WORDS | _JOINS
               and not words[first - 1].group().endswith(")")  # "(Americas)": the title's bracket
               and m.start("role") + words[first - 1].start() >= m.start("name") - 60
               and not _is_role_word(words[first - 1].group(), self.gazetteer)):
            first -= 1
        if first == len(words) or first == 0:
            return None
        if words[first - 1].group() in ("of", "for"):
            # right after the portfolio's "of"/"for", a capitalised run ending in an office word ("Minister of
            # Marine Affairs and Fisheries") or one or two words ("Minister for Ocean ...") is the portfolio, not a
            # name
            if tail_office or len(words) - first < 3 or any(w.group() in STARTERS for w in words[first + 1:]):
                return None  # ("Prime Minister of Canada Earlier, ...": a heading ran on into the next sentence)
            first += 1  # "Minister of Digitalisation Karianne Tung": a portfolio has a word, the name follows it
        if words[first].group() in PEERAGES - {"Baron", "Lady"} and first + 1 < len(words):
            first += 1  # "Prime Minister Lord Tupou": the peerage is a title too (Baron and Lady are also given names)
        base = m.start("role")
        name_start, name_end = base + words[first].start(), base + words[-1].end()
        if name_start < m.start("name") - 60:
            return None
        if _STATE_WORD.search(text, name_start, name_end):
            return None  # "Prime Minister of the Federal Democratic Republic of X": the title's state, not a name
        entry = self.gazetteer.lookup(text[name_start:name_end])
        if entry is not None and entry.label != "PERSON":
            return None
        role_words = [w.group() for w in words[:first]]
        while len(role_words) > 1 and role_words[0] in STARTERS:
            role_words.pop(0)
        return TitledName(role=" ".join(role_words), role_start=m.start("role"), name_start=name_start,
                          name_end=name_end)


def _is_role_word(word: str, gazetteer: Gazetteer) -> bool:
    """True for title and honorific words ("Minister", "Smt.", "PM")."""
    return word in _role_vocabulary(gazetteer.titles + gazetteer.title_heads + gazetteer.honorifics)


def is_title_abbreviation(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """True when ``text[start:end]`` is only abbreviated titles or honorifics ("Amb" of "Amb. Jane Doe", "Atty. Gen"):
    the model's tag on it is the title, never a name (DESIGN: titles stay outside the person's span)."""
    span = text[start:end] + ("." if text[end:end + 1] == "." else "")
    words = span.split()
    vocabulary = _role_vocabulary(gazetteer.titles + gazetteer.honorifics)
    # only dotted forms: "Gen." and "Amb." are abbreviations, while "General" or "Sheikh" may be names of their own
    return bool(words) and all(w.endswith(".") and w in vocabulary for w in words)


_ROLE_CACHE: dict[int, frozenset[str]] = {}


def _role_vocabulary(words: list[str]) -> frozenset[str]:
    key = hash(tuple(words))
    if key not in _ROLE_CACHE:
        _ROLE_CACHE[key] = frozenset(w for phrase in words for w in phrase.split())
    return _ROLE_CACHE[key]


@cache
def _particle_extension(particles: tuple[str, ...]) -> re.Pattern[str]:
    alt = _alternation(list(particles))
    return re.compile(rf"\s+(?:(?:{alt})\s+)+{NAME_WORD}")


def extend_name(text: str, end: int, particles: tuple[str, ...]) -> int:
    """End of a name continued by particles ("Ursula" + " von der Leyen"), else ``end``."""
    m = _particle_extension(particles).match(text, end)
    return m.end() if m else end


#: A British peer: "Lord Hanson of Flint", "Baroness Smith of Malvern" (the territorial designation is part of
#: the name), but not the offices "Lord Mayor", "Lord Chancellor", "Lord Speaker", "Lord Chief Justice".
PEER = re.compile(rf"(?<![\w-])(?P<role>Lord|Baroness|Lady|Viscount|Viscountess|Earl|Countess|Marquess)\s+"
                  rf"(?!(?:Mayor|Chancellor|Speaker|Chief|President|Privy|Advocate|Lieutenant|Justice|Provost)\b)"
                  rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?(?:\s+of\s+{NAME_WORD}(?:\s+{NAME_WORD})?)?)")


def find_peers(text: str) -> list[TitledName]:
    """Peers named by their title ("Lord Hanson of Flint"): the name includes "of Flint", the role is "Lord"."""
    return [TitledName(role=m.group("role"), role_start=m.start("role"), name_start=m.start("name"),
                       name_end=m.end("name")) for m in PEER.finditer(text)]


def surname_of(name: str, particles: frozenset[str]) -> str | None:
    """The part of a full name used alone later: "Modi", "von der Leyen"; None for one-word names."""
    words = name.split()
    if "of" in words:
        words = words[:words.index("of")]  # a peer: "Hanson of Flint" is later "Lord Hanson", never "Flint"
    if len(words) < 2:
        return None
    i = len(words) - 1
    while i > 1 and words[i - 1].casefold() in particles:
        i -= 1
    surname = " ".join(words[i:])
    if re.fullmatch(r"(?:[A-Z]\.)+", surname) or len(surname) < 3:
        return None
    return surname
