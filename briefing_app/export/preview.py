"""HTML rendering of a briefing for the in-app live preview.

Uses only the rich-text subset Qt's ``QTextDocument`` understands (``h1``-``h3``,
``p``, ``ul``/``ol``, ``blockquote``, simple tables, ``font`` colours, ``align``
attributes); no CSS layout. Structure and order mirror the exported ``.docx``:
both take their parts and wording from :mod:`briefing_app.export.formatting`.
"""

from __future__ import annotations

from html import escape

from . import formatting as fmt
from .model import BriefingDocument

NAVY = "#1f3864"
DARK = "#262626"
GREY = "#595959"
COMMENT = "#385623"
LINK = "#0563c1"
RULE = "#a6a6a6"


def _e(text: str) -> str:
    """Escape for HTML text, keeping line breaks visible."""
    return escape(text, quote=True).replace("\n", "<br/>")


def _heading(text: str) -> str:
    return f'<h2><font color="{NAVY}">{_e(text)}</font></h2>'


def _marking(text: str) -> str:
    return f'<p align="center"><b>{_e(text)}</b></p>'


def _cite(marker: str) -> str:
    return f' <b><font color="{NAVY}">{_e(marker)}</font></b>' if marker else ""


def _table_open() -> str:
    return (f'<table width="100%" cellspacing="0" cellpadding="3" border="1" '
            f'style="border-collapse: collapse; border-color: {RULE};">')


def _header_row(columns: tuple[str, ...]) -> str:
    return ("<tr>" + "".join(f'<th bgcolor="{NAVY}" align="left"><font color="#ffffff">{_e(c)}</font></th>'
                             for c in columns) + "</tr>")


def render_preview_html(doc: BriefingDocument) -> str:
    """Return an HTML page previewing ``doc`` as the exported note will read."""
    out: list[str] = [
        "<html><head><meta charset=\"utf-8\"/></head>",
        f'<body style="font-family: Arial, \'Nirmala UI\', \'Noto Sans Devanagari\', sans-serif; '
        f'font-size: 11pt; color: {DARK};">',
    ]
    marking = fmt.marking(doc)
    out.append(_marking(marking))
    out.append("<hr/>")
    out.append(f'<h1><font color="{NAVY}">{_e(fmt.document_title(doc))}</font></h1>')

    rows = fmt.metadata_rows(doc)
    if rows:
        out.append(f'<table width="100%" cellspacing="0" cellpadding="3" border="1" '
                   f'style="border-collapse: collapse; border-color: {RULE};">')
        for label, value in rows:
            out.append(
                f'<tr><td width="20%"><b><font color="{NAVY}">{_e(label)}</font></b></td>'
                f"<td>{_e(value)}</td></tr>"
            )
        out.append("</table>")

    summary = fmt.key_points(doc)
    if summary:
        out.append(_heading(fmt.SUMMARY_HEADING))
        out.append("<ul>" + "".join(f"<li>{_e(s)}{_cite(c)}</li>" for s, c in summary) + "</ul>")

    if doc.new_since:
        out.append(_heading(fmt.new_since_heading(doc)))
        out.append("<ul>" + "".join(f"<li>{_e(s)}{_cite(c)}</li>"
                                    for s, c in (fmt.new_since_parts(line) for line in doc.new_since)) + "</ul>")

    if doc.commitments:
        out.append(_heading(fmt.COMMITMENTS_HEADING))
        out.append(_table_open())
        out.append(_header_row(fmt.COMMITMENT_COLUMNS))
        for c in doc.commitments:
            values = (c.who, c.action, c.what, c.when, fmt.citations(c.sources))
            out.append("<tr>" + "".join(f"<td>{_e(fmt.prose(v))}</td>" for v in values) + "</tr>")
        out.append("</table>")

    for section in fmt.visible_sections(doc):
        out.append(_heading(fmt.section_heading(section)))
        for item in section.items:
            text = fmt.clean(item.text)
            if not text:
                continue
            out.append(
                f"<blockquote><p>{_e(fmt.item_text(item))} "
                f'<b><font color="{NAVY}">{_e(fmt.citation(item.source_number))}</font></b></p></blockquote>'
            )
            comment = fmt.prose(item.comment)
            if comment:
                out.append(
                    f'<blockquote><p><i><font color="{COMMENT}"><b>{_e(fmt.COMMENT_LABEL)}</b> '
                    f"{_e(comment)}</font></i></p></blockquote>"
                )

    if doc.timeline:
        out.append(_heading(fmt.TIMELINE_HEADING))
        out.append(_table_open())
        for event in doc.timeline:
            out.append(f'<tr><td width="20%"><b><font color="{NAVY}">{_e(fmt.clean(event.date))}</font></b></td>'
                       f"<td>{_e(fmt.prose(event.text))}{_cite(fmt.citation(event.source))}</td></tr>")
        out.append("</table>")

    blocks = fmt.paragraphs(doc.assessment)
    if blocks:
        out.append(_heading(fmt.ASSESSMENT_HEADING))
        out.extend(f"<p>{_e(b)}</p>" for b in blocks)

    steps = fmt.non_empty(doc.next_steps)
    if steps:
        out.append(_heading(fmt.NEXT_STEPS_HEADING))
        out.append("<ol>" + "".join(f"<li>{_e(s)}</li>" for s in steps) + "</ol>")

    if doc.actors:
        out.append(_heading(fmt.ACTORS_HEADING))
        out.append(f'<table width="100%" cellspacing="0" cellpadding="3" border="1" '
                   f'style="border-collapse: collapse; border-color: {RULE};">')
        out.append(
            "<tr>"
            + "".join(f'<th bgcolor="{NAVY}" align="left"><font color="#ffffff">{_e(c)}</font></th>'
                      for c in fmt.ACTOR_COLUMNS)
            + "</tr>"
        )
        for actor in doc.actors:
            cells = (actor.name, actor.type, actor.role)
            numbers = (actor.mentions, actor.articles)
            out.append(
                "<tr>"
                + "".join(f"<td>{_e(fmt.clean(v))}</td>" for v in cells)
                + "".join(f'<td align="right">{_e(fmt.clean(v))}</td>' for v in numbers)
                + "</tr>"
            )
        out.append("</table>")

    sources = fmt.sorted_sources(doc)
    if sources:
        out.append(_heading(fmt.SOURCES_HEADING))
        for src in sources:
            text, url = fmt.source_parts(src)
            line = f"{_e(fmt.citation(src.number))} {_e(text)}"
            if url:
                sep = ", " if text else ""
                if fmt.is_linkable(url):
                    line += f'{sep}<a href="{escape(url, quote=True)}"><font color="{LINK}">{_e(url)}</font></a>'
                else:
                    line += f"{sep}{_e(url)}"
            out.append(f"<p>{line}</p>")

    out.append("<hr/>")
    out.append(_marking(marking))
    out.append("</body></html>")
    return "\n".join(out)
