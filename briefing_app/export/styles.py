"""Style resolution for templates that may lack some of the house styles.

python-docx raises ``KeyError`` for a style the document does not define, and
a template saved by Word only defines the styles it has used. The resolver
looks a style up in the target document first; if it is missing it copies the
definition (and the styles it is based on) from the bundled house template;
only if that fails too does it fall back to a default style. Every fallback
adds a human-readable warning.
"""

from __future__ import annotations

import copy
import logging
from functools import cache
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle

log = logging.getLogger(__name__)

HOUSE_TEMPLATE_NAME = "briefing_template.docx"


def house_template_path() -> Path:
    """Path of the bundled house-style template."""
    from briefing_app.resources import resource_path

    return resource_path(HOUSE_TEMPLATE_NAME)


@cache
def _house_styles_cached(path: str, mtime: float) -> object | None:
    try:
        return docx.Document(path).styles.element
    except Exception:  # noqa: BLE001 - a broken bundled template must not break export
        log.exception("house template %s cannot be read", path)
        return None


def _house_styles_element():
    try:
        path = house_template_path()
        return _house_styles_cached(str(path), path.stat().st_mtime)
    except (OSError, FileNotFoundError):
        return None


def _find_by_name(styles_el, name: str):
    """The ``w:style`` element whose (internal) name is ``name``, or None."""
    from docx.styles import BabelFish

    internal = BabelFish.ui2internal(name)
    for el in styles_el.findall(qn("w:style")):
        name_el = el.find(qn("w:name"))
        if name_el is not None and name_el.get(qn("w:val")) in (internal, name):
            return el
    return None


def _find_by_id(styles_el, style_id: str):
    for el in styles_el.findall(qn("w:style")):
        if el.get(qn("w:styleId")) == style_id:
            return el
    return None


class StyleResolver:
    """Resolve style names against one document, importing or falling back as needed."""

    def __init__(self, document: DocxDocument, *, import_missing: bool = True) -> None:
        self.document = document
        self.warnings: list[str] = []
        self._cache: dict[str, BaseStyle | None] = {}
        self.imported: set[str] = set()
        self.fell_back: set[str] = set()
        self._house = _house_styles_element() if import_missing else None

    # ------------------------------------------------------------------ lookup
    def get(self, name: str, kind: WD_STYLE_TYPE, fallbacks: tuple[str, ...] = ()) -> BaseStyle | None:
        """Style ``name`` of type ``kind``; import or fall back (with a warning) if missing.

        Returns None only when nothing suitable exists; callers then leave the
        element with the document's default style.
        """
        if name in self._cache:
            return self._cache[name]
        style = self._lookup(name, kind)
        if style is None:
            style = self._import(name, kind)
            if style is not None:
                self.imported.add(name)
                self.warnings.append(
                    f"Template has no style “{name}”; used the Briefing Builder house style instead."
                )
        if style is None:
            self.fell_back.add(name)
            for alt in fallbacks:
                style = self._lookup(alt, kind)
                if style is not None:
                    self.warnings.append(f"Template has no style “{name}”; used “{alt}” instead.")
                    break
            else:
                self.warnings.append(f"Template has no style “{name}”; used the default formatting.")
        self._cache[name] = style
        return style

    def is_native(self, name: str) -> bool:
        """True if ``name`` resolved to the document's (or house's) own definition."""
        return name not in self.fell_back

    def _lookup(self, name: str, kind: WD_STYLE_TYPE) -> BaseStyle | None:
        styles = self.document.styles
        try:
            if name not in styles:
                return None
            style = styles[name]
        except (KeyError, ValueError):
            return None
        return style if style.type == kind else None

    # ------------------------------------------------------------------ import
    def _import(self, name: str, kind: WD_STYLE_TYPE) -> BaseStyle | None:
        if self._house is None:
            return None
        source = _find_by_name(self._house, name)
        if source is None:
            return None
        try:
            self._copy_style(source, depth=0)
        except Exception:  # noqa: BLE001 - never let a style copy break the export
            log.exception("could not import style %s", name)
            return None
        return self._lookup(name, kind)

    def _copy_style(self, source, depth: int) -> str:
        """Copy one house ``w:style`` (and its basedOn chain) into the document; return its id there."""
        target_styles = self.document.styles.element
        name = source.find(qn("w:name")).get(qn("w:val"))
        existing = _find_by_name(target_styles, name)
        if existing is not None:
            return existing.get(qn("w:styleId"))
        clone = copy.deepcopy(source)
        # List numbering definitions live in numbering.xml and do not travel; the
        # exporter writes list markers as text when a list style has no numbering.
        ppr = clone.find(qn("w:pPr"))
        if ppr is not None:
            for num in ppr.findall(qn("w:numPr")):
                ppr.remove(num)
        for tag in ("w:link", "w:next", "w:rsid"):
            for el in clone.findall(qn(tag)):
                clone.remove(el)
        based = clone.find(qn("w:basedOn"))
        if based is not None:
            parent = _find_by_id(self._house, based.get(qn("w:val")))
            if parent is not None and depth < 8:
                based.set(qn("w:val"), self._copy_style(parent, depth + 1))
            else:
                clone.remove(based)
        style_id = clone.get(qn("w:styleId"))
        if _find_by_id(target_styles, style_id) is not None:  # id taken by another name
            style_id = f"BB{style_id}"
            clone.set(qn("w:styleId"), style_id)
        target_styles.append(clone)
        return style_id


def paragraph_has_numbering(document: DocxDocument, style: BaseStyle | None) -> bool:
    """Whether paragraphs in ``style`` get automatic list numbering/bullets in ``document``."""
    if style is None:
        return False
    seen = 0
    el = style.element
    styles_el = document.styles.element
    while el is not None and seen < 10:
        seen += 1
        ppr = el.find(qn("w:pPr"))
        num = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num is not None:
            num_id = num.find(qn("w:numId"))
            if num_id is None or num_id.get(qn("w:val")) in (None, "0"):
                return False
            return _numbering_has(document, num_id.get(qn("w:val")))
        based = el.find(qn("w:basedOn"))
        el = _find_by_id(styles_el, based.get(qn("w:val"))) if based is not None else None
    return False


def _numbering_has(document: DocxDocument, num_id: str) -> bool:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.part import XmlPart

    part = document.part
    try:
        numbering = part.part_related_by(RT.NUMBERING)
    except KeyError:
        return False
    if not isinstance(numbering, XmlPart):  # a numbering part python-docx could not parse
        return False
    for num in numbering.element.findall(qn("w:num")):
        if num.get(qn("w:numId")) == num_id:
            return True
    return False
