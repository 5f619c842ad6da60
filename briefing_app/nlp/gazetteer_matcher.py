"""The gazetteer compiled once: token sequences -> (label, entity id), cached on disk.

Matching the gazetteer's ~8,600 surface forms with spaCy's ``SpanRuler`` means
tokenising every form and building a ``Doc`` for each at every start (about
0.3 s, the largest start-up cost after spaCy's own load). The forms only change
when the gazetteer files, the tokenizer or spaCy change, so they are tokenised
once and the token sequences are kept in a small JSON file in the user cache
folder, named by a hash of everything that could change them. A start with a
valid cache reads that file (tens of milliseconds) and builds a lookup table.

Matching is exact on token text (``ORTH``), like the ``PhraseMatcher`` it
replaces: at each token that can begin a form, the candidate lengths are tried
longest first. Every match is kept (nested and overlapping ones too), sorted as
``SpanRuler`` sorts them; the analyser decides between them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_app.nlp.gazetteer import SPANS_KEY, Gazetteer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: Bump when the cache file's layout or the way forms are tokenised changes.
CACHE_FORMAT = 1
CACHE_ENV = "BRIEFING_APP_CACHE_DIR"
_PREFIX = "gazetteer-"

#: (token texts) -> [(label, entity id), ...]
Table = dict[tuple[str, ...], list[tuple[str, str]]]


def cache_dir() -> Path:
    """Folder of compiled caches (``BRIEFING_APP_CACHE_DIR`` overrides the platform's cache folder)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("BriefingBuilder", appauthor=False))


def _tokenizer_signature(nlp: Language) -> list[str]:
    """What decides how a form is tokenised: spaCy, the model and the (patched) infix rules."""
    import spacy

    tokenizer: Any = nlp.tokenizer
    infix = getattr(getattr(tokenizer, "infix_finditer", None), "__self__", None)
    return [
        spacy.__version__,
        str(nlp.meta.get("name", "")), str(nlp.meta.get("version", "")), str(nlp.lang),
        str(getattr(infix, "pattern", "")),
    ]


def cache_key(nlp: Language, patterns: list[dict[str, str]]) -> str:
    """Hash of the forms, their labels and ids, and the tokenizer that splits them."""
    payload = json.dumps([CACHE_FORMAT, _tokenizer_signature(nlp), patterns], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


def _compile(nlp: Language, patterns: list[dict[str, str]]) -> list[list[Any]]:
    """Tokenise every form: ``[[token texts], label, id], ...`` (the cache file's content)."""
    rows: list[list[Any]] = []
    tokenizer: Any = nlp.tokenizer  # typed as a plain callable by spaCy
    for pattern, doc in zip(patterns, tokenizer.pipe(p["pattern"] for p in patterns), strict=True):
        words = [t.text for t in doc]
        if words:
            rows.append([words, pattern["label"], pattern["id"]])
    return rows


def _read_cache(path: Path) -> list[list[Any]] | None:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(rows, list) or not all(
        isinstance(r, list) and len(r) == 3 and isinstance(r[0], list) for r in rows
    ):
        return None
    return rows


def _write_cache(folder: Path, path: Path, rows: list[list[Any]]) -> None:
    """Write atomically (temp file + replace) and drop caches of older gazetteers; failures only cost speed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-" + _PREFIX, dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(rows, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError as exc:
        log.info("Gazetteer cache not written (%s); it will be compiled again next start", exc)
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
        return
    for old in folder.glob(_PREFIX + "*.json"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


class GazetteerMatcher:
    """Finds every gazetteer form in a ``Doc`` and writes them to ``doc.spans["gazetteer"]``.

    Spans carry the entry's label (``span.label_``) and canonical entity id (``span.id_``).
    """

    def __init__(self, rows: list[list[Any]]) -> None:
        table: Table = defaultdict(list)
        lengths: dict[str, set[int]] = defaultdict(set)
        for words, label, entity_id in rows:
            key = tuple(words)
            if (label, entity_id) not in table[key]:
                table[key].append((label, entity_id))
            lengths[key[0]].add(len(key))
        self._table: Table = dict(table)
        #: first token text -> candidate form lengths, longest first
        self._lengths = {first: sorted(ns, reverse=True) for first, ns in lengths.items()}

    def __len__(self) -> int:
        return len(self._table)

    def rows(self) -> list[list[Any]]:
        """The table as rows ``[[token texts], label, id], ...`` (``GazetteerMatcher(rows)`` rebuilds it)."""
        return [[list(words), label, entity_id] for words, pairs in self._table.items() for label, entity_id in pairs]

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        words = [t.text for t in doc]
        total = len(words)
        spans = []
        for i, word in enumerate(words):
            for n in self._lengths.get(word, ()):
                if i + n > total:
                    continue
                for label, entity_id in self._table.get(tuple(words[i:i + n]), ()):
                    spans.append(Span(doc, i, i + n, label=label, span_id=entity_id))
        doc.spans[SPANS_KEY] = sorted(spans)
        return doc


def load_gazetteer_matcher(nlp: Language, gazetteer: Gazetteer, folder: Path | None = None) -> GazetteerMatcher:
    """The compiled matcher for ``gazetteer`` on ``nlp``'s tokenizer, from the cache when it is current."""
    patterns = gazetteer.patterns()
    folder = folder if folder is not None else cache_dir()
    path = folder / f"{_PREFIX}{cache_key(nlp, patterns)}.json"
    rows = _read_cache(path)
    if rows is None:
        rows = _compile(nlp, patterns)
        _write_cache(folder, path, rows)
    return GazetteerMatcher(rows)
