"""The analyser's model load compiled once and kept on disk, so it costs what ``spacy.load`` costs (issue 17).

Loading the analyser used to be ``spacy.load(model)`` plus work that gives the same answer every start:
the abbreviation-dash rule added to the tokenizer (which makes spaCy compile its 4,000 special cases a
second time), the gazetteer read and its ~32,000 surface forms tokenised and tabled, the title rules
built. The first load does that and saves the result in one folder of the user cache folder:

* ``model/``: the model as loaded (only the components the analyser keeps), its tokenizer already
  carrying the dash rule, its string table left empty (``_drop_strings``): restored by ``load_model``,
  a ``spacy.load`` that builds the tokenizer once instead of twice;
* ``compiled.pickle``: the gazetteer, the title rules and the compiled gazetteer table.

The folder is named by a hash of everything the result depends on: the contents of the model's files,
of the bundled rule resources (gazetteer, pillars) and of the rules' own code (``nlp/``, ``domain/``),
and the Python, spaCy and thinc versions. Any change gives a new name, so a stale folder is never read;
it is rebuilt next to it and the oldest folders are removed. A folder that cannot be read (damaged,
removed by another start) only costs the slower path: everything is built again.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.nlp.gazetteer_matcher import cache_dir

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

    from briefing_app.nlp.gazetteer_matcher import GazetteerMatcher
    from briefing_app.nlp.pipeline import DomainResources

log = logging.getLogger(__name__)

#: Bump when what the folder holds, or how it is made, changes.
CACHE_FORMAT = 2
PREFIX = "pipeline-"
#: Folders kept (other versions of the app or models may share the cache folder).
KEEP = 3
_DONE = "complete"
_PACKAGE = Path(__file__).resolve().parents[1]


@dataclass
class Compiled:
    """What a start restores besides the spaCy model."""

    resources: DomainResources
    matcher: GazetteerMatcher


def _hash_files(digest: hashlib._Hash, root: Path, suffixes: tuple[str, ...] = ()) -> None:
    """Feed every file under ``root`` (names and contents, in a fixed order) to ``digest``."""
    if root.is_file():
        digest.update(root.name.encode() + b"\0" + root.read_bytes())
        return
    for path in sorted(root.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file() or (suffixes and path.suffix not in suffixes):
            continue
        data = path.read_bytes()
        digest.update(f"{path.relative_to(root).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)


def model_files(name: str) -> Path:
    """The folder (or file) holding the model ``name`` (a package name or a path)."""
    import spacy.util

    return Path(name) if Path(name).exists() else Path(spacy.util.get_package_path(name))


def cache_key(name: str) -> str:
    """Hash of everything the compiled pipeline depends on (see the module's docstring)."""
    from importlib.metadata import version

    import spacy

    digest = hashlib.sha256()
    # thinc (spaCy's own dependency) is read by its version only: the app does not import it itself
    digest.update(repr((CACHE_FORMAT, sys.version, spacy.__version__, version("thinc"), name)).encode())
    _hash_files(digest, model_files(name))
    _hash_files(digest, _PACKAGE / "resources", (".json",))
    _hash_files(digest, _PACKAGE / "nlp", (".py",))
    _hash_files(digest, _PACKAGE / "domain", (".py",))
    return digest.hexdigest()[:24]


#: The tokenizer a restored model is created with: empty, since the saved one replaces it at once.
RESTORED_TOKENIZER = "briefing_app.restored_tokenizer.v1"


def _empty_tokenizer() -> Callable[[Language], Tokenizer]:
    from spacy.tokenizer import Tokenizer

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


def load_model(path: Path) -> Language:
    """The model saved in ``path`` (by ``_write``): ``spacy.load(path)`` without the work the saved folder
    makes redundant.

    ``spacy.load`` first builds the language's default tokenizer (its 1,300 special cases and its prefix,
    suffix and infix expressions) and then replaces all of it with the saved tokenizer; here the model is
    created with an empty tokenizer instead, so the saved one is built once. ``Tokenizer.from_bytes`` resets
    every setting before it reads the saved ones, so the result is the same tokenizer either way.
    """
    import spacy

    spacy.registry.tokenizers.register(RESTORED_TOKENIZER, func=_empty_tokenizer)
    nlp = spacy.load(path, config={"nlp": {"tokenizer": {"@tokenizers": RESTORED_TOKENIZER}}})
    # The model's config names its own tokenizer again: saved (``to_disk``), it loads in any process.
    saved = spacy.util.load_config(path / "config.cfg", interpolate=False)
    nlp.config["nlp"]["tokenizer"] = saved["nlp"]["tokenizer"]
    return nlp


def _read(folder: Path) -> tuple[Language, Compiled] | None:
    if not (folder / _DONE).is_file():
        return None
    try:
        nlp = load_model(folder / "model")
        with (folder / "compiled.pickle").open("rb") as handle:
            compiled = pickle.load(handle)
    except Exception as exc:  # noqa: BLE001 - a damaged or vanished folder: build again
        log.info("Compiled pipeline %s not used (%s); building it again", folder.name, exc)
        return None
    if not isinstance(compiled, Compiled):
        return None
    return nlp, compiled


def _drop_strings(model: Path) -> None:
    """Empty the saved model's string table (its ``vocab/strings.json``): reading its ~90,000 strings is a
    tenth of the load, and nothing the analyser does looks one up.

    spaCy identifies every string by its hash, which does not depend on the table; the table only turns a
    hash back into text, and every string the analyser reads back (token texts, norms and shapes, entity
    and span labels, tokenizer exceptions, matcher keys) is added to it when the lexeme, label or key is
    created in this process.
    """
    (model / "vocab" / "strings.json").write_text("[]", encoding="utf-8")


def _write(folder: Path, nlp: Language, compiled: Compiled) -> None:
    """Write the folder under a temporary name and rename it (a reader never sees half of it)."""
    parent = folder.parent
    tmp: Path | None = None
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-" + PREFIX, dir=parent))
        nlp.to_disk(tmp / "model")
        _drop_strings(tmp / "model")
        with (tmp / "compiled.pickle").open("wb") as handle:
            pickle.dump(compiled, handle, protocol=pickle.HIGHEST_PROTOCOL)
        (tmp / _DONE).write_text(folder.name, encoding="utf-8")
        os.replace(tmp, folder)
        tmp = None
    except OSError as exc:  # a read-only or full disk costs only speed; another start may have won the race
        log.info("Compiled pipeline not kept (%s); it will be built again next start", exc)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    older = sorted((p for p in parent.glob(PREFIX + "*") if p.is_dir() and p != folder), key=_mtime, reverse=True)
    for old in older[KEEP - 1:]:
        with contextlib.suppress(OSError):
            shutil.rmtree(old)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another start
        return 0.0


def _build(name: str) -> tuple[Language, Compiled]:
    from briefing_app.nlp import pipeline
    from briefing_app.nlp.gazetteer_matcher import load_gazetteer_matcher
    from briefing_app.nlp.model_loading import load_pipeline, split_abbreviation_dashes

    nlp = load_pipeline(name)
    split_abbreviation_dashes(nlp)
    resources = pipeline.domain_resources()
    return nlp, Compiled(resources, load_gazetteer_matcher(nlp, resources.gazetteer))


def load_compiled(name: str, folder: Path | None = None) -> tuple[Language, Compiled]:
    """The model ``name`` (components the analyser keeps, dash rule in its tokenizer) and the compiled
    rules, from the cache folder when it is current, else built (and kept for the next start).

    Raises :class:`~briefing_app.nlp.model_loading.ModelUnavailable` when the model cannot be loaded.
    """
    try:
        key = cache_key(name)
    except Exception as exc:  # noqa: BLE001 - not installed (or unreadable): the loader says so in its words
        log.info("Model %r not hashed (%s)", name, exc)
        key = None
    target = (folder if folder is not None else cache_dir()) / f"{PREFIX}{key}" if key else None
    if target is not None and (found := _read(target)) is not None:
        return found
    nlp, compiled = _build(name)  # ModelUnavailable: the caller runs rules-only
    if target is not None:
        _write(target, nlp, compiled)
    return nlp, compiled
