"""Accuracy floor on the gold sets (tests/data/gold, tests/data/gold_round3) and the shared sample (DESIGN §6).

Both live in the repository (the shared sample is copied into tests/data/samples), so the floor is
the same on a fresh clone with nothing beside it.
"""

from __future__ import annotations

from briefing_app.nlp.evaluation import evaluate, find_gold_files

from .conftest import GOLD_DIR, ROUND3_DIR, SHARED_SAMPLES

#: Floors on the whole development evaluation: the 40 dev articles, the 12 round-3 articles of issue 14 (tuned on
#: after their first blind score) and the shared sample. Measured (issue 14): entity F1 0.963 (overlap), 0.939
#: (strict: exact start, end and class), pillars 0.901. The held-out set (tests/data/gold_heldout, never used for
#: tuning) is reported, not asserted: see README.
ENTITY_F1_FLOOR = 0.96
ENTITY_STRICT_F1_FLOOR = 0.94
PILLAR_F1_FLOOR = 0.90
#: Separate floors per folder, so a regression on the new genres cannot hide in the larger set.
#: Measured: 40 dev + sample 0.965 / 0.939 / 0.913; round 3 0.955 / 0.939 / 0.848. After issue 14's wave-5 rules
#: (strict boundaries and pillar generalisation): 40 dev 0.966 / 0.944 / 0.911, round 3 0.955 / 0.939 / 0.874,
#: round 4 (48 blind articles, first scored at 0.917 / 0.883 / 0.767) 0.935 / 0.915 / 0.79.
FOLDER_FLOORS = {"gold": (0.96, 0.94, 0.91), "gold_round3": (0.95, 0.935, 0.865),
                 "gold_round4": (0.93, 0.91, 0.785)}


def _gold_paths():
    paths = find_gold_files(GOLD_DIR) + find_gold_files(ROUND3_DIR) + find_gold_files(SHARED_SAMPLES)
    assert len(paths) == 53, "40 development articles, 12 round-3 articles and the shared sample, all in the repository"
    return paths


def test_accuracy_floor(analyzer):
    report = evaluate(_gold_paths(), analyzer)
    print(report.to_text())
    assert report.entity_f1 >= ENTITY_F1_FLOOR, report.to_text()
    assert report.strict_f1 >= ENTITY_STRICT_F1_FLOOR, report.to_text()
    assert report.pillar_f1 >= PILLAR_F1_FLOOR, report.to_text()


def test_accuracy_floor_per_folder(analyzer):
    for folder, (entity, strict, pillar) in FOLDER_FLOORS.items():
        paths = find_gold_files(GOLD_DIR.parent / folder)
        if folder == "gold":
            paths += find_gold_files(SHARED_SAMPLES)
        report = evaluate(paths, analyzer)
        assert report.entity_f1 >= entity and report.strict_f1 >= strict, (folder, report.to_text())
        assert report.pillar_f1 >= pillar, (folder, report.to_text())


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
