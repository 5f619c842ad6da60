"""Turn the many date spellings found in document metadata and datelines into ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
# Ordered: ISO / PDF first, then "12 March 2025", "March 12, 2025". No ambiguous 03/04/2025.
_PATTERNS = (
    re.compile(r"^(?:D:)?(?P<year>\d{4})-?(?P<mon>\d{2})-?(?P<day>\d{2})(?:$|[T\s\d+\-Z'])"),
    re.compile(r"^(?P<year>\d{4})[/.](?P<mon>\d{1,2})[/.](?P<day>\d{1,2})$"),
    re.compile(rf"^(?:[A-Za-z]+,?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"^(?:[A-Za-z]+,?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
)


def iso_date(value: object) -> str:
    """Return ``value`` as ``"YYYY-MM-DD"``, or ``""`` when it is not a recognisable date."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return _valid(value.year, value.month, value.day)
    if isinstance(value, date):
        return _valid(value.year, value.month, value.day)
    text = str(value).strip()
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("month"):
            month = _MONTHS.get(groups["month"].lower())
            if month is None:
                continue
        else:
            month = int(groups["mon"])
        result = _valid(int(groups["year"]), month, int(groups["day"]))
        if result:
            return result
    return ""


def _valid(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


#: A date written out in a dateline or a date line near the top: "New Delhi, 14 October 2025:",
#: "WARSAW, Oct. 2, 2025 –", "March 3, 2026", "Tuesday, 17 March 2026". Only spelled-out months or ISO dates:
#: "03/04/2025" is ambiguous.
_TEXT_DATE = re.compile(
    r"(?<![\w-])(?:(?P<dmy>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
    r"|(?P<mdy>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))(?![\w-])"
)
_DATELINE_LINES = 6  # a dateline is in the first few lines (title, byline, date line, first paragraph)
_DATELINE_CHARS = 300  # ...and near the start of its line


def dateline_date(text: str) -> str:
    """The publication date written near the top of an article (dateline or date line), ISO, or ``""``.

    Used instead of a file's own creation date, which says when the file was made, not when the
    article was published."""
    lines = [line for line in text.splitlines() if line.strip()][:_DATELINE_LINES]
    for line in lines:
        match = _TEXT_DATE.search(line[:_DATELINE_CHARS])
        if match:
            found = iso_date(match.group(0).replace(".", "") if not match.group("iso") else match.group(0))
            if found:
                return found
    return ""
