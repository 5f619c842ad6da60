"""Precision/recall of commitment extraction against ``*.commitments.json`` gold files.

A predicted commitment matches a gold one when their spans overlap and the action lemma agrees
("strict"); "span only" ignores the action. Matching is one-to-one, in text order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing_app.domain.text import normalize_text

#: Lemma spellings that mean the same action.
_SAME = {"finalize": "finalise", "ink": "sign", "organize": "organise"}


def _norm_action(action: str) -> str:
    a = (action or "").strip().lower()
    return _SAME.get(a, a)


@dataclass
class Score:
    """Counts and rates of one matching rule."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class CommitmentReport:
    """Strict and span-only scores over a set of files, with the errors for tuning."""

    strict: Score = field(default_factory=Score)
    span: Score = field(default_factory=Score)
    files: int = 0
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"files": self.files, "strict": self.strict.to_json(), "span_only": self.span.to_json()}

    def to_text(self) -> str:
        lines = [f"{self.files} files", f"{'matching':<26}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
        for name, s in (("span overlap + action", self.strict), ("span only", self.span)):
            lines.append(f"{name:<26}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6d}{s.fp:6d}{s.fn:6d}")
        return "\n".join(lines)


def match_items(gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]],
                use_action: bool) -> tuple[set[int], set[int]]:
    """Indices of matched gold and predicted items (greedy, one-to-one, largest overlap first)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0 and (not use_action or _norm_action(g["action"]) == _norm_action(p["action"])):
                pairs.append((-overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(pairs):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    return used_g, used_p


def find_commitment_gold(folder: Path) -> list[Path]:
    """The ``*.commitments.json`` files of ``folder``, sorted."""
    return sorted(folder.glob("*.commitments.json"))


def evaluate_commitments(gold_files: Sequence[Path], text_dirs: Sequence[Path],
                         predict: Callable[[str], list[dict[str, Any]]]) -> CommitmentReport:
    """Score ``predict(text) -> commitment JSON objects`` on every gold file (texts looked up in ``text_dirs``)."""
    report = CommitmentReport()
    for path in gold_files:
        gold_doc = json.loads(path.read_text(encoding="utf-8"))
        name = gold_doc["text_file"]
        text_path = next((d / name for d in text_dirs if (d / name).is_file()), None)
        if text_path is None:
            raise FileNotFoundError(f"{name} (of {path.name}) is in none of the text folders")
        text = normalize_text(text_path.read_text(encoding="utf-8"))
        gold = gold_doc.get("commitments", [])
        pred = predict(text)
        report.files += 1
        tally(report.span, gold, pred, use_action=False)
        mg, mp = tally(report.strict, gold, pred, use_action=True)
        for gi, g in enumerate(gold):
            if gi not in mg:
                report.errors.append(f"FN {name} [{g['action']}] {text[g['start']:g['end']][:160]!r}")
        for pi, p in enumerate(pred):
            if pi not in mp:
                report.errors.append(f"FP {name} [{p['action']}] {text[p['start']:p['end']][:160]!r}")
    return report


def tally(score: Score, gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]],
          use_action: bool) -> tuple[set[int], set[int]]:
    """Add one file's matches to ``score``; returns the matched gold and predicted indices."""
    mg, mp = match_items(gold, pred, use_action)
    score.tp += len(mg)
    score.fn += len(gold) - len(mg)
    score.fp += len(pred) - len(mp)
    return mg, mp
