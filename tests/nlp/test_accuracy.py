"""Accuracy floor on the gold set (tests/data/gold) and the shared sample (DESIGN §6 targets).

Both live in the repository (the shared sample is copied into tests/data/samples), so the floor is
the same on a fresh clone with nothing beside it.
"""

from __future__ import annotations

from briefing_app.nlp.evaluation import evaluate, find_gold_files

from .conftest import GOLD_DIR, SHARED_SAMPLES

#: Floors reached on the 40 dev articles + shared sample, pillars double-annotated and adjudicated (see
#: tests/data/gold/README.md): entity 0.956 (target 0.95), pillars 0.912 (target 0.90). The held-out set
#: (tests/data/gold_heldout, never used for tuning) is lower and is reported, not asserted: see README.
ENTITY_F1_FLOOR = 0.95
PILLAR_F1_FLOOR = 0.91


def _gold_paths():
    paths = find_gold_files(GOLD_DIR) + find_gold_files(SHARED_SAMPLES)
    assert len(paths) == 41, "40 development articles and the shared sample, all in the repository"
    return paths


def test_accuracy_floor(analyzer):
    report = evaluate(_gold_paths(), analyzer)
    print(report.to_text())
    assert report.entity_f1 >= ENTITY_F1_FLOOR, report.to_text()
    assert report.pillar_f1 >= PILLAR_F1_FLOOR, report.to_text()


def test_shared_sample_alone(analyzer):
    paths = find_gold_files(SHARED_SAMPLES)
    assert paths, "tests/data/samples holds the shared sample"
    report = evaluate(paths, analyzer)
    assert report.entity_f1 >= 0.97 and report.pillar_f1 >= 0.85, report.to_text()


def test_report_formats(analyzer):
    report = evaluate(_gold_paths()[:1], analyzer)
    data = report.to_json()
    assert {"entity_f1", "pillar_f1", "entities", "pillars"} <= set(data)
    assert "micro total" in report.to_text()
