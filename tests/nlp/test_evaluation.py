"""`briefing-app eval` scoring: strict F1 beside overlap, genre/region tables and error patterns (made-up text)."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.nlp.evaluation import evaluate
from briefing_app.nlp.types import AnalysisResult, EntitySpan, Passage

TEXT = "The Republic of Ruritania met Zed Alpha in Borduria."


class _Fixed:
    """An analyser that always returns the same entities."""

    def __init__(self, spans: list[tuple[str, str]]) -> None:
        self.spans = spans

    def analyze(self, text: str) -> AnalysisResult:
        ents = []
        for surface, label in self.spans:
            at = text.index(surface)
            ents.append(EntitySpan(at, at + len(surface), label, surface))
        return AnalysisResult(text=text, entities=ents, passages=[Passage(0, len(text), ["diplomacy"])])


def _gold(folder: Path, name: str, index: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    ents = []
    for surface, label in (("Republic of Ruritania", "PLACE"), ("Zed Alpha", "PERSON"), ("Borduria", "PLACE")):
        at = TEXT.index(surface)
        ents.append({"start": at, "end": at + len(surface), "label": label, "text": surface})
    gold = {"text_file": f"{name}.txt", "entities": ents,
            "sentences": [{"start": 0, "prefix": "The", "pillars": ["diplomacy"]}]}
    path = folder / f"{name}.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    if index is not None:
        (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")
    return path


def test_strict_f1_counts_boundaries_that_overlap_forgives(tmp_path):
    path = _gold(tmp_path, "a")
    # "Ruritania" overlaps the gold "Republic of Ruritania" (counted by overlap, not strict)
    report = evaluate([path], _Fixed([("Ruritania", "GPE"), ("Zed Alpha", "PERSON"), ("Borduria", "GPE")]))
    assert report.entity_f1 == 1.0
    assert round(report.strict_f1, 3) == round(2 / 3, 3)
    assert report.strict["PLACE"].tp == 1 and report.strict["PLACE"].fn == 1 and report.strict["PLACE"].fp == 1
    kinds = {kind: n for kind, n, _ in report.top_patterns()}
    assert kinds == {"boundary too short": 1}
    text = report.to_text()
    assert "micro total" in text and "strict 0.667" in text
    assert "Republic of Ruritania [PLACE] -> Ruritania [PLACE]" in text


def test_wrong_class_missed_and_spurious_patterns(tmp_path):
    path = _gold(tmp_path, "a")
    report = evaluate([path], _Fixed([("Republic of Ruritania", "ORG"), ("met", "ORG")]))
    kinds = {kind: n for kind, n, _ in report.top_patterns()}
    assert kinds == {"wrong class": 1, "missed": 2, "spurious": 1}


def test_genre_and_region_from_the_folder_index(tmp_path):
    a = _gold(tmp_path, "a", {"a": {"genre": "transcript", "region": "Pacific"}})
    b = _gold(tmp_path, "b")  # not in the index
    report = evaluate([a, b], _Fixed([("Zed Alpha", "PERSON")]))
    genres = report.groups("genre")
    assert set(genres) == {"transcript", "unknown"}
    assert genres["transcript"][3] == 1
    assert set(report.groups("region")) == {"Pacific", "unknown"}
    data = report.to_json()
    assert data["by_genre"]["transcript"]["pillar_f1"] == 1.0
    assert "By genre" in report.to_text() and "Pacific" in report.to_text()
