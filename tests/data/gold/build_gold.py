"""Build the gold evaluation set from its marked-up sources.

Usage (from anywhere)::

    python tests/data/gold/build_gold.py          # (re)write NAME.txt + NAME.gold.json
    python tests/data/gold/build_gold.py --check  # verify the committed files, write nothing
    python tests/data/gold/build_gold.py --src tests/data/gold_heldout/src --out tests/data/gold_heldout

``--src`` defaults to ``src/`` next to this script; ``--out`` defaults to the
parent folder of ``--src`` (so the default writes next to this script).

Sources live in ``src/NAME.md``, one sentence per line::

    // a comment line (skipped)
    @defence,security ~diplomacy | [[Narendra Modi|PERSON]] met ... on [[Tuesday|DATE]].
    @trade | Another sentence of the same paragraph.

    @ | A blank source line starts a new paragraph; "@ |" means no pillars (clutter).

* ``@p1,p2`` are the sentence's pillars; ``~a1,a2`` the also-acceptable ones.
* ``[[surface|LABEL]]`` marks an entity (PERSON, PLACE, ORG, DATE, INITIATIVE).
* ``{{surface}}`` marks a span to ignore (titles, nationalities, product names, clutter).
* Sentences of one paragraph are joined by one space; paragraphs by one LF;
  the text ends with one LF.  Offsets are code points into that text.

The build is deterministic and checks every span against the text it produced.

Pillars are double-annotated where ``second/NAME.pillars.json`` exists (beside ``src/``): a second
annotator's blind labels, one ``{"n": 1, "pillars": [...], "also": [...]}`` per sentence. The gold
then *requires* a pillar only when one annotator chose it and the other at least accepted it; every
other pillar either of them named becomes also-acceptable (``merge_pillars``). ``--iaa`` prints how
well the two annotators agree (F1 of the second against the first, before merging).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC_DIR = HERE / "src"

LABELS = ("PERSON", "PLACE", "ORG", "DATE", "INITIATIVE")
PILLARS = ("defence", "security", "trade", "technology", "energy", "health", "people", "diplomacy")
CLASSES = {
    "PERSON": ["PERSON"],
    "PLACE": ["GPE", "LOC", "FAC"],
    "ORG": ["ORG"],
    "DATE": ["DATE", "TIME"],
    "INITIATIVE": ["LAW", "EVENT", "ORG (accepted)"],
}
MIN_WORDS, MAX_WORDS = 250, 450

_HEADER = re.compile(r"^@(?P<pillars>[a-z,]*)(?:\s+~(?P<also>[a-z,]+))?\s*\|\s?(?P<body>.*)$")
_MARKUP = re.compile(r"\[\[(?P<ent>[^\[\]|]+)\|(?P<label>[A-Z]+)\]\]|\{\{(?P<ign>[^{}]+)\}\}")
_LEFTOVER = re.compile(r"\[\[|\]\]|\{\{|\}\}")


class GoldError(ValueError):
    pass


def _pillar_list(raw: str | None, where: str) -> list[str]:
    if not raw:
        return []
    items = raw.split(",")
    for item in items:
        if item not in PILLARS:
            raise GoldError(f"{where}: unknown pillar {item!r}")
    if len(set(items)) != len(items):
        raise GoldError(f"{where}: repeated pillar in {raw!r}")
    return items


def make_prefix(sentence: str) -> str:
    """First words of a sentence: whole if short, else cut at a word boundary near 55 chars."""
    if len(sentence) <= 60:
        return sentence
    cut = sentence[:55]
    if not sentence[55].isspace():
        space = cut.rfind(" ")
        if space >= 30:
            cut = cut[:space]
    return cut.rstrip()


def merge_pillars(a: list[str], a_also: list[str], b: list[str], b_also: list[str]) -> tuple[list[str], list[str]]:
    """Adjudicate two annotators' pillars: required where one chose it and the other accepted it, else acceptable."""
    required = {p for p in a if p in b or p in b_also} | {p for p in b if p in a or p in a_also}
    acceptable = (set(a) | set(a_also) | set(b) | set(b_also)) - required
    order = list(PILLARS)
    return sorted(required, key=order.index), sorted(acceptable, key=order.index)


def second_annotation(src_path: Path) -> list[dict] | None:
    """The second annotator's pillars for a source (``second/NAME.pillars.json`` beside ``src/``), if any."""
    path = src_path.parent.parent / "second" / f"{src_path.stem}.pillars.json"
    if not path.exists():
        return None
    rows = json.loads(path.read_text(encoding="utf-8"))
    for k, row in enumerate(rows, 1):
        if row.get("n") != k:
            raise GoldError(f"{path.name}: sentence numbers must run 1, 2, 3... (got {row.get('n')!r} at {k})")
        for p in row.get("pillars", []) + row.get("also", []):
            if p not in PILLARS:
                raise GoldError(f"{path.name}: unknown pillar {p!r} in sentence {k}")
    return rows


def build(src_path: Path, *, merge_second: bool = True) -> tuple[str, dict]:
    """Return (text, gold) for one source file; raise GoldError on any inconsistency."""
    name = src_path.stem
    paragraphs: list[list[tuple[int, str, list[str], list[str]]]] = [[]]
    for lineno, line in enumerate(src_path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{src_path.name}:{lineno}"
        if line.startswith("//"):
            continue
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        m = _HEADER.match(line)
        if not m:
            raise GoldError(f"{where}: expected '@pillars ~also | sentence'")
        pillars = _pillar_list(m.group("pillars"), where)
        also = _pillar_list(m.group("also"), where)
        if set(pillars) & set(also):
            raise GoldError(f"{where}: pillar both required and also-acceptable")
        body = m.group("body").strip()
        if not body:
            raise GoldError(f"{where}: empty sentence")
        paragraphs[-1].append((lineno, body, pillars, also))
    if not paragraphs[-1]:
        paragraphs.pop()

    out: list[str] = []
    pos = 0
    entities: list[dict] = []
    ignore: list[dict] = []
    sentences: list[dict] = []

    def emit(s: str) -> None:
        nonlocal pos
        out.append(s)
        pos += len(s)

    for p_index, paragraph in enumerate(paragraphs):
        if p_index:
            emit("\n")
        for s_index, (lineno, body, pillars, also) in enumerate(paragraph):
            where = f"{src_path.name}:{lineno}"
            if s_index:
                emit(" ")
            start = pos
            last = 0
            for m in _MARKUP.finditer(body):
                emit(body[last : m.start()])
                surface = m.group("ent") or m.group("ign")
                if surface != surface.strip():
                    raise GoldError(f"{where}: span {surface!r} has outer whitespace")
                span = {"start": pos, "end": pos + len(surface)}
                if m.group("ent") is not None:
                    label = m.group("label")
                    if label not in LABELS:
                        raise GoldError(f"{where}: unknown label {label!r}")
                    entities.append({**span, "label": label, "text": surface})
                else:
                    ignore.append({**span, "text": surface})
                emit(surface)
                last = m.end()
            emit(body[last:])
            sentence = "".join(out)[start:pos]
            if _LEFTOVER.search(sentence):
                raise GoldError(f"{where}: unbalanced markup in {sentence!r}")
            sentences.append(
                {"start": start, "prefix": make_prefix(sentence), "pillars": pillars, "also_acceptable": also}
            )
    emit("\n")
    text = "".join(out)

    second = second_annotation(src_path) if merge_second else None
    if second is not None:
        if len(second) != len(sentences):
            raise GoldError(f"{name}: second annotation has {len(second)} sentences, source has {len(sentences)}")
        for sent, row in zip(sentences, second, strict=True):
            sent["pillars"], sent["also_acceptable"] = merge_pillars(
                sent["pillars"], sent["also_acceptable"], row.get("pillars", []), row.get("also", []))

    validate(text, entities, ignore, sentences, name)
    gold = {
        "text_file": f"{name}.txt",
        "classes": CLASSES,
        "entities": entities,
        "ignore": ignore,
        "sentences": sentences,
    }
    return text, gold


def validate(text: str, entities: list[dict], ignore: list[dict], sentences: list[dict], name: str) -> None:
    """Checks shared by the builder and the tests."""
    if unicodedata.normalize("NFC", text) != text or "\r" in text:
        raise GoldError(f"{name}: text must be NFC with LF line ends")
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        raise GoldError(f"{name}: {words} words, want {MIN_WORDS}-{MAX_WORDS}")
    for span in entities + ignore:
        if text[span["start"] : span["end"]] != span["text"]:
            raise GoldError(f"{name}: span {span} does not match text")
    for ent in entities:
        if ent["label"] not in LABELS:
            raise GoldError(f"{name}: bad label in {ent}")
    spans = sorted(entities + ignore, key=lambda s: (s["start"], s["end"]))
    for a, b in pairwise(spans):
        if b["start"] < a["end"]:
            raise GoldError(f"{name}: overlapping spans {a} and {b}")
    for sent in sentences:
        if not text.startswith(sent["prefix"], sent["start"]):
            raise GoldError(f"{name}: sentence prefix mismatch at {sent['start']}")
        for p in sent["pillars"] + sent["also_acceptable"]:
            if p not in PILLARS:
                raise GoldError(f"{name}: bad pillar {p!r}")


def dump_json(gold: dict) -> str:
    return json.dumps(gold, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify committed outputs, write nothing")
    parser.add_argument("--src", type=Path, default=SRC_DIR, help="folder of NAME.md sources (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: the parent of --src)")
    parser.add_argument("--iaa", action="store_true", help="print the two annotators' pillar agreement, write nothing")
    args = parser.parse_args(argv)
    if args.iaa:
        return print_agreement(sorted(args.src.resolve().glob("*.md")))
    src_dir = args.src.resolve()
    out_dir = (args.out or src_dir.parent).resolve()
    stale = []
    sources = sorted(src_dir.glob("*.md"))
    if not sources:
        print(f"no sources in {src_dir}", file=sys.stderr)
        return 1
    for src in sources:
        try:
            text, gold = build(src)
        except GoldError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        targets = {out_dir / f"{src.stem}.txt": text, out_dir / f"{src.stem}.gold.json": dump_json(gold)}
        for path, content in targets.items():
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current == content:
                continue
            if args.check:
                stale.append(path.name)
            else:
                path.write_text(content, encoding="utf-8", newline="\n")
                print(f"wrote {path.name}")
    if stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


def print_agreement(sources: list[Path]) -> int:
    """F1 of the second annotator's pillars scored against the first's (first's also-acceptable forgiven)."""
    tp = fp = fn = 0
    files = 0
    for src in sources:
        second = second_annotation(src)
        if second is None:
            continue
        _text, gold = build(src, merge_second=False)
        files += 1
        for sent, row in zip(gold["sentences"], second, strict=True):
            first, first_also, other = set(sent["pillars"]), set(sent["also_acceptable"]), set(row.get("pillars", []))
            tp += len(first & other)
            fn += len(first - other)
            fp += len(other - first - first_also)
    if not files:
        print("no second annotations found", file=sys.stderr)
        return 1
    print(f"{files} double-annotated files: second annotator vs first, pillar F1 {2 * tp / (2 * tp + fp + fn):.3f} "
          f"(agreed {tp}, only first {fn}, only second {fp})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
