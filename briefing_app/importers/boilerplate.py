"""Conservative removal of web clutter lines ("Also Read: ...", share buttons, cookie notices)."""

from __future__ import annotations

import re

# A line longer than this is prose, never clutter, whatever it starts with.
MAX_CLUTTER_LINE = 250

_EDGE = r"[\s|•·»›>▶►\-–—*#]*"  # decoration around clutter: "| Also Read: X |", "» Read more"
_SEP = r"\s*[:|\-–—»›>]"  # the separator after a clutter label
_SOCIAL = (
    r"(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|instagram|youtube|pinterest|"
    r"koo|threads|email|e-mail|mail|print|copy(?:\s+link)?|tweet|share|sms|google\s+news)"
)

# Each pattern must match a WHOLE line (after stripping); all are case-insensitive.
# Keep the list conservative: a line that is a normal sentence must never match.
# "(With inputs from agencies)" and similar attributions are deliberately kept.
BOILERPLATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(rf"^{_EDGE}(?:{body}){_EDGE}$", re.IGNORECASE)
    for body in (
        # Cross-links: "Also Read: ...", "READ MORE | ...", "Related: ...", "See also - ...".
        rf"(?:also\s+read|read\s+also|also\s+see|see\s+also|read\s+more|must\s+read|"
        rf"also\s+watch|recommended(?:\s+stories)?|related(?:\s+(?:stories|articles|news|posts))?|"
        rf"you\s+may\s+(?:also\s+)?like|trending(?:\s+now)?|top\s+stories|more\s+stories|"
        rf"don'?t\s+miss|in\s+case\s+you\s+missed\s+it){_SEP}.*",
        # The same labels standing alone.
        r"(?:also\s+read|read\s+more|read\s+full\s+(?:story|article)|continue\s+reading(?:\s+below)?|"
        r"related\s+(?:stories|articles|news)|recommended\s+stories|you\s+may\s+also\s+like|"
        r"trending(?:\s+now)?|top\s+stories|more\s+stories|most\s+read|most\s+popular|"
        r"show\s+(?:more|comments)|load\s+more|view\s+comments|comments|"
        r"listen\s+to\s+(?:this\s+)?(?:article|story)|font\s+size|print\s+this\s+(?:article|page))"
        r"\s*[.…:>»›]*",
        # Share bars: "Share this article", "Share on WhatsApp", "Share | Tweet | Email".
        r"share\s+(?:this|the)\s+(?:article|story|post|page)(?:\s+on\s+.*)?",
        rf"share\s+(?:on|via|with)\s+{_SOCIAL}.*",
        rf"{_SOCIAL}(?:[\s|•·,/]+{_SOCIAL})*",
        # Follow / subscribe prompts.
        r"follow\s+(?:us|[\w.&' ]{1,40}?)\s+on\s+(?:facebook|twitter|x|instagram|linkedin|youtube|"
        r"telegram|whatsapp|threads|google\s+news|social\s+media)\b.*",
        r"follow\s+us\b(?:\s*[:.!]|\s+(?:on|for)\b).*|follow\s+us",
        r"(?:join|subscribe\s+to)\s+(?:our|the)\s+(?:whatsapp|telegram|youtube)\s+channel\b.*",
        r"(?:subscribe|sign\s+up)\s+(?:to|for)\s+(?:our|the)\s+(?:daily\s+|weekly\s+|free\s+)*"
        r"newsletters?\b.*",
        r"click\s+here\s+to\s+(?:subscribe|read|download|join|follow|watch|sign\s+up|get|share|know)\b.*",
        r"(?:download|get)\s+the\s+[\w ]{1,30}\s+app\b.*",
        # Advertising.
        r"advertisements?(?:\s*[-–—:]\s*(?:continue|scroll|story)\b.*)?",
        r"(?:sponsored(?:\s+content)?|promoted(?:\s+content)?|paid\s+content|ad)",
        r"(?:story|article)\s+continues\s+below(?:\s+(?:this\s+)?(?:ad|advertisement))?\s*[.…]*",
        r"scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:reading|with\s+content))?\s*[.…]*",
        # Cookie and consent notices.
        r"(?:this\s+(?:web)?site|we)\s+uses?\s+cookies\b.*",
        r"by\s+(?:continuing|using|browsing)\b.{0,80}\bcookies\b.*",
        r"(?:we\s+)?(?:care\s+about|value)\s+your\s+privacy\b.*",
        r"(?:accept|reject|allow|decline)(?:\s+all)?(?:\s+cookies)?|"
        r"(?:cookie|privacy)\s+(?:settings|policy|preferences|notice)|manage\s+(?:cookies|preferences|"
        r"consent)|i\s+(?:agree|accept)|got\s+it|ok(?:ay)?,?\s+got\s+it",
    )
)

# A single alternation of all patterns, so a line is tested once.
_ANY_BOILERPLATE = re.compile("|".join(f"(?:{p.pattern})" for p in BOILERPLATE_PATTERNS), re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """True when ``line`` (one line) is web clutter under BOILERPLATE_PATTERNS."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_CLUTTER_LINE:
        return False
    return _ANY_BOILERPLATE.match(stripped) is not None


def strip_boilerplate(text: str) -> str:
    """Drop whole clutter lines from normalised ``text``; other lines are kept unchanged.

    Blank lines left around a removed line are collapsed to one paragraph break.
    """
    if not text:
        return text
    kept: list[str] = []
    removed = False
    for line in text.split("\n"):
        if line and len(line) <= MAX_CLUTTER_LINE and is_boilerplate(line):
            removed = True
            continue
        if not line and kept and not kept[-1]:
            continue  # collapse blank lines that removal left adjacent
        kept.append(line)
    if not removed:
        return text
    while kept and not kept[-1]:
        kept.pop()
    while kept and not kept[0]:
        kept.pop(0)
    return "\n".join(kept)
