"""Find and resolve dates as written ("by March 2026", "next year", "on Thursday") against an article's date."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_DAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "twelve": 12, "eighteen": 18, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90}
_UNIT = r"(?:days?|weeks?|months?|years?)"
_COUNT = r"(?:\d{1,3}|" + "|".join(_NUMBER) + r")"

#: Date expressions, most specific first. Each is found as written; ``resolve`` turns it into ISO.
WHEN_PATTERNS = [
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}\b",
    rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}\b",
    rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b",
    rf"\b(?:(?:the )?(?:end|beginning|start|middle|first half|second half) of )?{_MONTH} \d{{4}}\b",
    r"\b(?:(?:the )?(?:end|beginning|start|middle|first half|second half) of |early |mid-|late )?(?:19|20)\d{2}\b",
    r"\b(?:(?:the )?(?:end|beginning|start) of )?(?:this|next|last) (?:year|month|week|decade)\b",
    r"\b(?:the )?(?:end|beginning|start) of the (?:year|month|decade)\b",
    rf"\b(?:within|in|over|for) (?:the next )?{_COUNT} {_UNIT}\b",
    rf"\b(?:(?:on|last|next|this) )?{_DAY}\b",
    rf"\b(?:in |by |from |until |before |after )?(?:early |mid-|late )?{_MONTH}\b(?! \d)",
    r"\b(?:today|tomorrow|yesterday)\b",
]
_WHEN_RE = re.compile("|".join(f"(?:{p})" for p in WHEN_PATTERNS))
#: Capitalised "May" / "March" are also words: only take them after a preposition or next to a number.
_AMBIGUOUS = re.compile(r"^(?:may|march)$", re.I)


def find_when(text: str) -> list[tuple[int, int]]:
    """Spans of date expressions in ``text`` (non-overlapping, left to right)."""
    out = []
    for m in _WHEN_RE.finditer(text):
        s, e = m.span()
        if _AMBIGUOUS.match(text[s:e]) and not re.search(r"\b(?:in|by|from|until|since|before|after)\s+$", text[:s]):
            continue
        if text[s:e][0].islower() and not re.match(r"(?:this|next|last|within|in|over|for|on|by|from|until|before|"
                                                   r"after|the|early|mid|late|today|tomorrow|yesterday)", text[s:e]):
            continue
        out.append((s, e))
    return out


def parse_iso(value: str) -> date | None:
    """An ISO date ("2026-03-04", "2026-03", "2026") as a date (first day of the period), or None."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def resolve(when: str, ref: date | None, future: bool = True) -> str:
    """ISO date (or "YYYY-MM", "YYYY") of ``when`` as written, resolved against ``ref``; "" when unknown.

    ``future`` says which way an undated weekday or month points ("will meet on Friday" vs "met on Friday").
    """
    w = when.strip().lower().rstrip(".")
    w = re.sub(r"^(?:on|by|in|from|until|before|after|since) ", "", w)
    end_of = bool(re.match(r"(?:the )?end of ", w))
    w = re.sub(r"^(?:the )?(?:end|beginning|start|middle|first half|second half) of (?:the )?", "", w)
    w = re.sub(r"^(?:early|mid-|late) ?", "", w)
    w = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", w).replace(",", "").replace(".", "")
    words = w.split()
    try:
        if m := re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", w):
            return date(int(m[3]), _MONTHS[m[2]], int(m[1])).isoformat()
        if m := re.fullmatch(r"([a-z]+) (\d{1,2}) (\d{4})", w):
            return date(int(m[3]), _MONTHS[m[1]], int(m[2])).isoformat()
        if m := re.fullmatch(r"([a-z]+) (\d{4})", w):
            month = _MONTHS[m[1]]
            return _month_end(int(m[2]), month).isoformat() if end_of else f"{int(m[2]):04d}-{month:02d}"
        if m := re.fullmatch(r"(\d{4})", w):
            return f"{m[1]}-12-31" if end_of else m[1]
        if ref is None:
            return ""
        if m := re.fullmatch(r"(\d{1,2}) ([a-z]+)|([a-z]+) (\d{1,2})", w):
            day, name = (int(m[1]), m[2]) if m[1] else (int(m[4]), m[3])
            d = date(ref.year, _MONTHS[name], day)
            if future and d < ref - timedelta(days=31):
                d = date(ref.year + 1, d.month, d.day)
            elif not future and d > ref + timedelta(days=31):
                d = date(ref.year - 1, d.month, d.day)
            return d.isoformat()
        if w in ("today",):
            return ref.isoformat()
        if w == "tomorrow":
            return (ref + timedelta(days=1)).isoformat()
        if w == "yesterday":
            return (ref - timedelta(days=1)).isoformat()
        if len(words) == 2 and words[0] in ("this", "next", "last") and words[1] in ("year", "month", "week"):
            step = {"this": 0, "next": 1, "last": -1}[words[0]]
            if words[1] == "year":
                return f"{ref.year + step}-12-31" if end_of else str(ref.year + step)
            if words[1] == "month":
                y, mo = divmod(ref.month - 1 + step, 12)
                return _month_end(ref.year + y, mo + 1).isoformat() if end_of else f"{ref.year + y:04d}-{mo + 1:02d}"
            return (ref + timedelta(weeks=step)).isoformat()
        if w in ("year", "month"):  # "the end of the year"
            return f"{ref.year}-12-31" if w == "year" else _month_end(ref.year, ref.month).isoformat()
        if m := re.fullmatch(r"(?:within|in|over|for) (?:the next )?(\w+) (day|week|month|year)s?", w):
            n = int(m[1]) if m[1].isdigit() else _NUMBER.get(m[1], 0)
            if not n:
                return ""
            days = {"day": 1, "week": 7, "month": 30, "year": 365}[m[2]] * n
            return (ref + timedelta(days=days)).isoformat()
        if words and words[-1] in _DAYS:
            target = _DAYS[words[-1]]
            if words[0] == "next" or (future and words[0] != "last"):
                delta = (target - ref.weekday()) % 7 or 7
                return (ref + timedelta(days=delta)).isoformat()
            delta = (ref.weekday() - target) % 7
            return (ref - timedelta(days=delta)).isoformat()
        if w in _MONTHS:
            month = _MONTHS[w]
            year = ref.year + (1 if future and month < ref.month else 0) - (1 if not future and month > ref.month else 0)
            return f"{year:04d}-{month:02d}"
    except (ValueError, KeyError):
        return ""
    return ""
