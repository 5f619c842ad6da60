"""Consistency checks for the commitments gold sets (tests/data/commitments/*/NAME.commitments.json, issue 16).

Written independently of the builders in tests/data/commitments/tools/ so that a bug in them cannot hide a bad
offset. No import of the extractor: these files are read as plain JSON against their article texts.
"""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent
COMMITMENTS = DATA / "commitments"
TEXT_DIRS = [DATA / "gold", DATA / "gold_round3", DATA / "gold_round4", DATA / "gold_heldout", DATA / "gold_heldout_round2",
             DATA / "gold_round6", DATA / "gold_round7", DATA / "gold_heldout_round3",
             DATA / "gold_heldout_round4"]
KEYS = {"start", "end", "who", "action", "what", "when", "negated"}
ACTION = re.compile(r"[a-z]+(?:-[a-z]+)*")  # a lowercase word, hyphenated allowed ("co-invest")

FILES = sorted(COMMITMENTS.glob("*/*.commitments.json"))


def find_text(path: Path, text_file: str) -> Path | None:
    """The article text: the folder's own texts/ subfolder first, then the gold text folders."""
    for folder in [path.parent / "texts", *TEXT_DIRS]:
        candidate = folder / text_file
        if candidate.is_file():
            return candidate
    return None


def test_there_are_commitment_files():
    assert len(FILES) >= 61
    assert {p.parent.name for p in FILES} >= {"dev", "heldout"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_commitments_file(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and set(data) == {"text_file", "commitments"}
    name = path.name.removesuffix(".commitments.json")
    assert data["text_file"] == f"{name}.txt"
    text_path = find_text(path, data["text_file"])
    assert text_path is not None, f"no text for {data['text_file']}"
    text = text_path.read_text(encoding="utf-8")
    items = data["commitments"]
    assert isinstance(items, list)
    for item in items:
        assert isinstance(item, dict) and set(item) == KEYS, item
        assert type(item["start"]) is int and type(item["end"]) is int, item
        assert 0 <= item["start"] < item["end"] <= len(text), item
        span = text[item["start"]:item["end"]]
        assert span.strip() == span and span, f"span has outer whitespace: {span!r}"
        assert isinstance(item["who"], list) and item["who"], item
        assert all(isinstance(w, str) and w.strip() for w in item["who"]), item
        assert isinstance(item["action"], str) and ACTION.fullmatch(item["action"]), item
        assert isinstance(item["what"], str) and item["what"].strip(), item
        assert isinstance(item["when"], str), item
        assert type(item["negated"]) is bool, item
    starts = [(i["start"], i["end"]) for i in items]
    assert starts == sorted(starts), "entries are not sorted by start"
    for a, b in pairwise(items):
        assert a["end"] <= b["start"], f"overlapping spans: {a} / {b}"
