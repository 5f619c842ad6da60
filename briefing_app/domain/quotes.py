"""What a briefing quotes: datelines and bylines cut off, trims with "[…]", relative dates resolved (issue 15).

Pure text functions (no Qt, no database), used by the briefing service, the export model and the builder.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

ELLIPSIS = "[…]"

# "WASHINGTON D.C.:", "NEW DELHI —", "New Delhi, 14 October 2025:", "WARSAW, Oct. 2, 2025 –", "(Reuters) -".
_DATE_WORDS = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
_DATELINE = re.compile(
    r"^\s*(?:"
    r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?(?:,?\s*" + _DATE_WORDS + r")?"
    # A place in title case only with a date or "D.C." after it ("Prime Minister Modi: …" is speech, not a dateline).
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:\s+D\.C\.(?:,?\s*" + _DATE_WORDS + r")?|,?\s*" + _DATE_WORDS + r")"
    r")"
    r"\s*(?:\((?:[A-Z][A-Za-z ]{1,20})\))?\s*[:—–-]\s+(?=[A-Z\"“‘'])"
)
# "By Jane Doe, Staff Reporter" / "By Jane Doe and John Roe |" on its own at the start of a passage.
_BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.'\-]*(?:\s+(?:[A-Z][\w.'\-]*|and|&))*(?:,\s*[\w ]{2,40})?\s*(?:\||\n|—|–)\s*")


# A list marker is layout, not words: "• India will join…" is quoted from "India".
_MARKER = re.compile(r"^\s*(?:[•▪◦●○■□➢►*–—-]|\(?\d{1,2}[.)])\s+(?=\S)")


def quote_start(text: str) -> int:
    """Index where the quotable words of ``text`` begin: after a list marker, dateline or byline (0 when none)."""
    offset = 0
    for _ in range(3):  # a marker, a byline, a dateline
        rest = text[offset:]
        match = _MARKER.match(rest) or _BYLINE.match(rest) or _DATELINE.match(rest)
        if match is None or match.end() >= len(rest):
            break
        offset += match.end()
    return offset


def trimmed(original: str, keep: list[tuple[int, int]]) -> str:
    """The words of ``original`` in the spans ``keep`` (in order), gaps shown as "[…]".

    A gap at the start or end is also marked, so a reader knows the quote was cut there.
    """
    spans = sorted((max(0, s), min(len(original), e)) for s, e in keep if e > s)
    if not spans:
        return original.strip()
    parts: list[str] = []
    cursor = 0
    for start, end in spans:
        if original[cursor:start].strip():
            parts.append(ELLIPSIS)
        piece = original[start:end].strip()
        if piece:
            parts.append(piece)
        cursor = max(cursor, end)
    if original[cursor:].strip() and not _only_closing(original[cursor:]):
        parts.append(ELLIPSIS)
    return " ".join(parts)


def _only_closing(tail: str) -> bool:
    return not tail.strip(" .!?…”\"’')]")


# -- relative dates --------------------------------------------------------------------------
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = tuple(m.lower() for m in calendar.month_name[1:])
_RELATIVE = re.compile(
    r"\b(?:(?P<this_year>this year)|(?P<last_year>last year)|(?P<next_year>next year)"
    r"|(?P<this_month>this month)|(?P<last_month>last month)|(?P<next_month>next month)"
    r"|(?P<today>today)|(?P<yesterday>yesterday)|(?P<tomorrow>tomorrow)"
    r"|on (?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:in|since|by|until|last|next) (?P<month>January|February|March|April|May|June|July|August|September"
    r"|October|November|December)(?! \d)(?!,? \d{4})"
    r")\b(?! ?\[)",
    re.IGNORECASE,
)


def _month_label(day: date) -> str:
    return f"{calendar.month_name[day.month]} {day.year}"


def _shift_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _resolve(match: re.Match[str], when: date) -> str | None:
    g = match.groupdict()
    if g["this_year"]:
        return str(when.year)
    if g["last_year"]:
        return str(when.year - 1)
    if g["next_year"]:
        return str(when.year + 1)
    if g["this_month"]:
        return _month_label(when)
    if g["last_month"]:
        return _month_label(_shift_month(when, -1))
    if g["next_month"]:
        return _month_label(_shift_month(when, 1))
    if g["today"]:
        return _long(when)
    if g["yesterday"]:
        return _long(when - timedelta(days=1))
    if g["tomorrow"]:
        return _long(when + timedelta(days=1))
    if g["weekday"]:
        # News reports the past: "on Thursday" is the latest Thursday up to the article's date;
        # a future announcement ("will visit on Thursday") is the next one.
        target = _WEEKDAYS.index(g["weekday"].lower())
        text = _sentence_before(match)
        future = bool(re.search(r"\b(will|to be|next|shall|would)\b[^.]*$", text))
        delta = (target - when.weekday()) % 7 if future else -((when.weekday() - target) % 7)
        return _long(when + timedelta(days=delta))
    if g["month"]:
        month = _MONTHS.index(g["month"].lower()) + 1
        word = match.group(0).split()[0].lower()
        if word == "next" or (word in ("by", "until") and month > when.month):
            year = when.year if month > when.month else when.year + 1
        elif word == "last":
            year = when.year if month < when.month else when.year - 1
        else:  # "in February": the closest one not after the article, unless clearly ahead
            year = when.year if month <= when.month else when.year - 1
            if word == "in" and re.search(r"\b(will|to|next|shall)\b", _sentence_before(match)):
                year = when.year if month >= when.month else when.year + 1
        return str(year)
    return None


def _sentence_before(match: re.Match[str]) -> str:
    """Up to 40 characters before the match, within its sentence, lower-cased."""
    before = match.string[max(0, match.start() - 40):match.start()]
    return re.split(r"[.!?]\s", before)[-1].lower()


def _long(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def resolve_relative_dates(text: str, published: str) -> str:
    """``text`` with each relative date followed by its resolved date in brackets.

    ``"visit to India in February this year"`` from an article of 2020-02-20 becomes
    ``"visit to India in February this year [2020]"`` (one bracket per phrase). Without an ISO
    ``published`` date the text is returned unchanged.
    """
    try:
        when = date.fromisoformat(published[:10])
    except (TypeError, ValueError):
        return text
    out: list[str] = []
    cursor = 0
    for match in _RELATIVE.finditer(text):
        resolved = _resolve(match, when)
        if resolved is None:
            continue
        # "in February this year": one bracket after the whole phrase is enough.
        if match.group("month") and re.match(r" (?:this|last|next) year\b", text[match.end():], re.IGNORECASE):
            continue
        out.append(text[cursor:match.end()])
        out.append(f" [{resolved}]")
        cursor = match.end()
    out.append(text[cursor:])
    return "".join(out)
