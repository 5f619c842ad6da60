"""Score an analyser against gold annotations (DESIGN §3): entities by overlap, pillars per sentence."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing_app.domain.text import normalize_text
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.types import AnalysisResult, EntitySpan, Passage

DEFAULT_CLASSES: dict[str, list[str]] = {
    "PERSON": ["PERSON"], "PLACE": ["GPE", "LOC", "FAC"], "ORG": ["ORG"], "DATE": ["DATE", "TIME"],
    "INITIATIVE": ["LAW", "EVENT", "ORG"],
}


@dataclass
class PRF:
    """Counts and precision/recall/F1 of one class or pillar."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        """Counts and rounded scores."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EvalReport:
    """Micro-averaged entity and pillar scores, with per-class/per-pillar detail and error lists."""

    entities: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    pillars: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: exact start, end and class (what the officer sees highlighted)
    strict: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    #: per file: (genre, region, entity overlap, entity strict, pillars)
    per_file: dict[str, tuple[str, str, PRF, PRF, PRF]] = field(default_factory=dict)
    #: entity error kind -> (gold surface, predicted surface) of each error
    patterns: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))

    @property
    def entity_total(self) -> PRF:
        """Micro total over classes."""
        return _sum(self.entities.values())

    @property
    def pillar_total(self) -> PRF:
        """Micro total over pillars."""
        return _sum(self.pillars.values())

    @property
    def entity_f1(self) -> float:
        """Micro entity F1."""
        return self.entity_total.f1

    @property
    def pillar_f1(self) -> float:
        """Micro pillar F1 (per sentence)."""
        return self.pillar_total.f1

    @property
    def strict_total(self) -> PRF:
        """Micro total of exact-boundary, exact-class matches."""
        return _sum(self.strict.values())

    @property
    def strict_f1(self) -> float:
        """Micro entity F1 with exact start, end and class."""
        return self.strict_total.f1

    def groups(self, key: str) -> dict[str, tuple[PRF, PRF, PRF, int]]:
        """Totals per ``"genre"`` or ``"region"``: (entity overlap, entity strict, pillars, files)."""
        out: dict[str, tuple[PRF, PRF, PRF, int]] = {}
        for row in self.per_file.values():
            name = row[0] if key == "genre" else row[1]
            ent, strict, pil, n = out.get(name, (PRF(), PRF(), PRF(), 0))
            out[name] = (_sum([ent, row[2]]), _sum([strict, row[3]]), _sum([pil, row[4]]), n + 1)
        return dict(sorted(out.items()))

    def top_patterns(self, kinds: int = 8, surfaces: int = 5) -> list[tuple[str, int, list[tuple[str, int]]]]:
        """The most frequent entity error kinds with their most frequent surfaces ("gold -> predicted")."""
        rows = []
        for kind, items in sorted(self.patterns.items(), key=lambda kv: -len(kv[1]))[:kinds]:
            counts = Counter(f"{g} -> {p}" if g and p else (g or p) for g, p in items)
            rows.append((kind, len(items), counts.most_common(surfaces)))
        return rows

    def to_json(self) -> dict[str, Any]:
        """Machine-readable report."""
        return {
            "files": self.files, "entity_f1": round(self.entity_f1, 4), "pillar_f1": round(self.pillar_f1, 4),
            "entities": {"total": self.entity_total.to_json(), **{k: v.to_json() for k, v in sorted(self.entities.items())}},
            "pillars": {"total": self.pillar_total.to_json(), **{k: v.to_json() for k, v in sorted(self.pillars.items())}},
            "entity_strict_f1": round(self.strict_f1, 4),
            "entities_strict": {"total": self.strict_total.to_json(),
                                **{k: v.to_json() for k, v in sorted(self.strict.items())}},
            "by_genre": {k: _group_json(v) for k, v in self.groups("genre").items()},
            "by_region": {k: _group_json(v) for k, v in self.groups("region").items()},
            "error_patterns": [{"kind": kind, "count": n, "surfaces": dict(top)}
                               for kind, n, top in self.top_patterns()],
            "errors": self.errors,
        }

    def to_text(self) -> str:
        """A readable table."""
        lines = [f"Gold files: {len(self.files)}", ""]
        for title, table, total in (("Entities (class)", self.entities, self.entity_total),
                                    ("Pillars", self.pillars, self.pillar_total)):
            lines.append(f"{title:<18} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}")
            for name, prf in [*sorted(table.items()), ("micro total", total)]:
                lines.append(f"{name:<18} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f} "
                             f"{prf.tp:5d} {prf.fp:5d} {prf.fn:5d}")
            lines.append("")
        lines.append(f"Entity F1: overlap {self.entity_f1:.3f}, strict {self.strict_f1:.3f} "
                     "(strict = exact start, end and class)")
        lines.append("")
        lines.append(f"{'Entities (strict)':<18} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}")
        for name, prf in [*sorted(self.strict.items()), ("micro total", self.strict_total)]:
            lines.append(f"{name:<18} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f} "
                         f"{prf.tp:5d} {prf.fp:5d} {prf.fn:5d}")
        lines.append("")
        for key in ("genre", "region"):
            lines.append(f"{'By ' + key:<24} {'files':>5} {'ent F1':>7} {'strict':>7} {'pillar':>7}")
            for name, (ent, strict, pil, n) in self.groups(key).items():
                lines.append(f"{name:<24} {n:5d} {ent.f1:7.3f} {strict.f1:7.3f} {pil.f1:7.3f}")
            lines.append("")
        patterns = self.top_patterns()
        if patterns:
            lines.append("Top entity error patterns (gold -> predicted)")
            for kind, n, top in patterns:
                lines.append(f"  {kind:<22} {n:4d}  " + "; ".join(f"{surface} ({c})" for surface, c in top))
            lines.append("")
        return "\n".join(lines)


def _group_json(row: tuple[PRF, PRF, PRF, int]) -> dict[str, Any]:
    ent, strict, pil, n = row
    return {"files": n, "entity_f1": round(ent.f1, 4), "entity_strict_f1": round(strict.f1, 4),
            "pillar_f1": round(pil.f1, 4)}


def _sum(items: Any) -> PRF:
    total = PRF()
    for prf in items:
        total.tp += prf.tp
        total.fp += prf.fp
        total.fn += prf.fn
    return total


def find_gold_files(gold_dir: Path) -> list[Path]:
    """Every ``*.gold.json`` under ``gold_dir`` (sorted)."""
    return sorted(Path(gold_dir).rglob("*.gold.json"))


def _parse_classes(raw: dict[str, list[str]] | None) -> dict[str, set[str]]:
    classes = raw or DEFAULT_CLASSES
    # "ORG (accepted)" -> "ORG"
    return {name: {str(label).split()[0] for label in labels} for name, labels in classes.items()}


def _locate(text: str, start: int, snippet: str) -> int | None:
    """Where ``snippet`` is in ``text``: at ``start`` or the nearest occurrence (offsets of unnormalised gold)."""
    if not snippet or text.startswith(snippet, start):
        return start
    best = None
    for probe in range(max(0, start - 400), min(len(text), start + 400)):
        if text.startswith(snippet, probe) and (best is None or abs(probe - start) < abs(best - start)):
            best = probe
    return best


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _passage_counts(p: Passage, s0: int, s1: int) -> bool:
    ov = _overlap(p.start, p.end, s0, s1)
    return ov > 0 and (2 * ov >= (s1 - s0) or 2 * ov >= (p.end - p.start))


@dataclass
class GoldDoc:
    """One gold file located in its normalised text."""

    name: str
    text: str
    classes: dict[str, set[str]]
    #: (start, end) spans whose predictions are not scored
    ignore: list[tuple[int, int]]
    #: (start, end, class, text)
    entities: list[tuple[int, int, str, str]]
    #: (start, end, expected pillars, also acceptable pillars)
    sentences: list[tuple[int, int, set[str], set[str]]]
    errors: list[str] = field(default_factory=list)

    @property
    def counted_labels(self) -> set[str]:
        """Entity labels the gold scores."""
        return set().union(*self.classes.values())

    def ignored(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` touches a span to ignore."""
        return any(_overlap(start, end, a, b) for a, b in self.ignore)


def read_index(folder: Path) -> dict[str, dict[str, str]]:
    """``index.json`` of a gold folder: article name -> {"genre", "region"}; empty when absent or unreadable."""
    path = Path(folder) / "index.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): {"genre": str(v.get("genre", "unknown")), "region": str(v.get("region", "unknown"))}
            for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def _meta(gold_path: Path, cache: dict[Path, dict[str, dict[str, str]]]) -> tuple[str, str]:
    folder = Path(gold_path).parent
    if folder not in cache:
        cache[folder] = read_index(folder)
    row = cache[folder].get(Path(gold_path).name.removesuffix(".gold.json"), {})
    return row.get("genre", "unknown"), row.get("region", "unknown")


def _error_kind(g0: int, g1: int, gcls: str, p: EntitySpan, primary: dict[str, str]) -> str:
    """How a prediction overlapping a gold entity differs from it."""
    pcls = primary.get(p.label, p.label)
    same_span = p.start == g0 and p.end == g1
    if pcls != gcls and same_span:
        return "wrong class"
    if pcls != gcls:
        return "wrong class+boundary"
    if p.start <= g0 and p.end >= g1:
        return "boundary too long"
    if p.start >= g0 and p.end <= g1:
        return "boundary too short"
    return "boundary shifted"


def read_gold(gold_path: Path) -> GoldDoc:
    """Read a gold file and locate its spans and sentences in the normalised text it names."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    text = normalize_text((Path(gold_path).parent / gold["text_file"]).read_text(encoding="utf-8"))
    name = Path(gold_path).name
    doc = GoldDoc(name=name, text=text, classes=_parse_classes(gold.get("classes")), ignore=[], entities=[],
                  sentences=[])
    for ig in gold.get("ignore", []):
        at = _locate(text, ig["start"], ig.get("text", ""))
        if at is not None:
            doc.ignore.append((at, at + (ig["end"] - ig["start"])))
    for g in gold.get("entities", []):
        at = _locate(text, g["start"], g.get("text", ""))
        if at is None:
            doc.errors.append(f"{name}: gold entity {g.get('text')!r} not found in text")
            continue
        doc.entities.append((at, at + (g["end"] - g["start"]), g["label"], g.get("text", "")))
    sentences = gold.get("sentences", [])
    starts = []
    for s in sentences:
        at = _locate(text, s["start"], s.get("prefix", ""))
        starts.append(s["start"] if at is None else at)
    for k, s in enumerate(sentences):
        s0 = starts[k]
        s1 = starts[k + 1] if k + 1 < len(starts) else len(text)
        while s1 > s0 and text[s1 - 1].isspace():
            s1 -= 1
        doc.sentences.append((s0, s1, set(s.get("pillars", [])), set(s.get("also_acceptable", []))))
    return doc


def passage_counts(p: Passage, s0: int, s1: int) -> bool:
    """True when passage ``p`` counts for the sentence ``[s0, s1)``."""
    return _passage_counts(p, s0, s1)


def sentence_pillars(passages: Iterable[Passage], s0: int, s1: int) -> set[str]:
    """The pillars predicted for the gold sentence ``[s0, s1)``: those of every passage that counts for it."""
    out: set[str] = set()
    for passage in passages:
        if _passage_counts(passage, s0, s1):
            out.update(passage.pillars)
    return out


def pillar_outcomes(expected: set[str], predicted: set[str], acceptable: set[str]) -> Iterator[tuple[str, str]]:
    """Each pillar's outcome for one sentence: ``"tp"``, ``"fn"`` (missed) or ``"fp"`` (spurious); a predicted
    pillar that is only acceptable counts neither way."""
    for pillar in expected | predicted:
        if pillar in expected and pillar in predicted:
            yield pillar, "tp"
        elif pillar in expected:
            yield pillar, "fn"
        elif pillar not in acceptable:
            yield pillar, "fp"


@dataclass
class EntityMatching:
    """How an article's predicted entities meet its gold ones (overlap with a compatible class)."""

    #: the predictions that count (a counted label, outside the gold's ignored spans)
    preds: list[EntitySpan]
    #: each gold entity (start, end, class, text) with the prediction matched to it, or None (missed)
    pairs: list[tuple[tuple[int, int, str, str], EntitySpan | None]]
    #: predictions matched to no gold entity
    spurious: list[EntitySpan]
    #: each label's primary gold class (where a label serves several classes)
    primary: dict[str, str]


def match_entities(gold: GoldDoc, entities: Sequence[EntitySpan]) -> EntityMatching:
    """Greedy one-to-one matching: each gold entity, in order, takes the unused prediction of an allowed class that
    overlaps it most. Used by the evaluation and by ``scripts/entity_errors.py``."""
    classes = gold.classes
    counted_labels = gold.counted_labels
    preds = [e for e in entities if e.label in counted_labels and not gold.ignored(e.start, e.end)]
    used: set[int] = set()
    pairs: list[tuple[tuple[int, int, str, str], EntitySpan | None]] = []
    for g in gold.entities:
        g0, g1, cls, _gtext = g
        allowed = classes.get(cls, {cls})
        best, best_ov = None, 0
        for i, p in enumerate(preds):
            ov = _overlap(p.start, p.end, g0, g1)
            if i not in used and p.label in allowed and ov > best_ov:
                best, best_ov = i, ov
        if best is not None:
            used.add(best)
        pairs.append((g, preds[best] if best is not None else None))
    primary = {label: cls for cls, labels in reversed(list(classes.items())) for label in labels}
    primary.update({label: cls for cls, labels in classes.items() for label in labels if cls == label})
    spurious = [p for i, p in enumerate(preds) if i not in used]
    return EntityMatching(preds, pairs, spurious, primary)


def evaluate_one(gold_path: Path, analyzer: Analyzer, report: EvalReport,
                 meta: tuple[str, str] = ("unknown", "unknown")) -> None:
    """Add one gold file's counts to ``report`` (``meta``: the article's genre and region)."""
    before = (_sum(report.entities.values()), _sum(report.strict.values()), _sum(report.pillars.values()))
    gold = read_gold(gold_path)
    result = analyzer.analyze(gold.text)
    name = gold.name
    report.files.append(name)
    report.errors.extend(gold.errors)
    matching = match_entities(gold, result.entities)
    for (g0, _g1, cls, gtext), found in matching.pairs:
        if found is None:
            report.entities[cls].fn += 1
            report.errors.append(f"{name}: missed {cls} {gtext!r} @{g0}")
        else:
            report.entities[cls].tp += 1
    primary = matching.primary
    for p in matching.spurious:
        report.entities[primary.get(p.label, p.label)].fp += 1
        report.errors.append(f"{name}: spurious {p.label} {p.text!r} @{p.start}")
    _strict(gold, matching.preds, primary, report)

    for s0, s1, expected, acceptable in gold.sentences:
        predicted = sentence_pillars(result.passages, s0, s1)
        for pillar, outcome in pillar_outcomes(expected, predicted, acceptable):
            counts = report.pillars[pillar]
            if outcome == "tp":
                counts.tp += 1
            elif outcome == "fn":
                counts.fn += 1
                report.errors.append(f"{name}: sentence @{s0} missed pillar {pillar}")
            else:
                counts.fp += 1
                report.errors.append(f"{name}: sentence @{s0} spurious pillar {pillar}")
    after = (_sum(report.entities.values()), _sum(report.strict.values()), _sum(report.pillars.values()))
    delta = [PRF(a.tp - b.tp, a.fp - b.fp, a.fn - b.fn) for a, b in zip(after, before, strict=True)]
    report.per_file[name] = (meta[0], meta[1], delta[0], delta[1], delta[2])


#: A gold entity (start, end, class, text)
GoldEntity = tuple[int, int, str, str]


def strict_outcomes(gold: GoldDoc, preds: Sequence[EntitySpan], primary: dict[str, str]
                    ) -> Iterator[tuple[str, GoldEntity | None, EntitySpan | None]]:
    """Each outcome of strict matching (exact start, end and class): ``("tp", gold, prediction)``; a gold entity
    without an exact match, ``("missed", gold, None)`` or its error kind (:func:`_error_kind`) with the prediction
    overlapping it most; then each prediction left unmatched, ``("spurious", None, p)`` when it overlaps no gold
    entity, else ``("unmatched", None, p)``. The eval counts these; ``scripts/entity_errors.py --strict`` lists them."""
    exact = {(p.start, p.end): p for p in preds}
    matched: set[tuple[int, int]] = set()
    for g in gold.entities:
        g0, g1, cls, _gtext = g
        p = exact.get((g0, g1))
        if p is not None and p.label in gold.classes.get(cls, {cls}) and (g0, g1) not in matched:
            matched.add((g0, g1))
            yield "tp", g, p
            continue
        near = [q for q in preds if _overlap(q.start, q.end, g0, g1)]
        if not near:
            yield "missed", g, None
            continue
        q = max(near, key=lambda q: _overlap(q.start, q.end, g0, g1))
        yield _error_kind(g0, g1, cls, q, primary), g, q
    for p in preds:
        if (p.start, p.end) not in matched:
            spurious = not any(_overlap(p.start, p.end, g0, g1) for g0, g1, _c, _t in gold.entities)
            yield ("spurious" if spurious else "unmatched"), None, p


def _strict(gold: GoldDoc, preds: list[EntitySpan], primary: dict[str, str], report: EvalReport) -> None:
    """Exact start, end and class; every miss is filed under an error pattern."""
    for kind, g, p in strict_outcomes(gold, preds, primary):
        if g is not None:
            cls, gtext = g[2], g[3]
            if kind == "tp":
                report.strict[cls].tp += 1
                continue
            report.strict[cls].fn += 1
            found = f"{p.text} [{primary.get(p.label, p.label)}]" if p is not None else ""
            report.patterns[kind].append((f"{gtext} [{cls}]", found))
        elif p is not None:
            report.strict[primary.get(p.label, p.label)].fp += 1
            if kind == "spurious":
                report.patterns["spurious"].append(("", f"{p.text} [{primary.get(p.label, p.label)}]"))


def analysed_gold(folders: Iterable[Path], analyzer: Analyzer) -> Iterator[tuple[Path, GoldDoc, str, AnalysisResult]]:
    """Each gold file of ``folders`` with its gold, its genre (``index.json``; "unknown" when not listed) and the
    analyser's result: the walk the error listings (``scripts/entity_errors.py``, ``scripts/pillar_errors.py``) share."""
    cache: dict[Path, dict[str, dict[str, str]]] = {}
    for folder in folders:
        for path in find_gold_files(folder):
            gold = read_gold(path)
            yield path, gold, _meta(path, cache)[0], analyzer.analyze(gold.text)


def evaluate(gold_paths: list[Path], analyzer: Analyzer) -> EvalReport:
    """Evaluate ``analyzer`` on gold json files (each names its text file, relative to the json).

    Genre and region of each article come from ``index.json`` beside it ("unknown" when not listed).
    """
    report = EvalReport()
    cache: dict[Path, dict[str, dict[str, str]]] = {}
    for path in gold_paths:
        evaluate_one(Path(path), analyzer, report, _meta(Path(path), cache))
    return report
