"""The analyze contract: offsets are code points into the normalised text; passages cover sentences."""

from __future__ import annotations

import json

from briefing_app.domain.text import normalize_text
from briefing_app.nlp.types import HIDDEN_LABELS, SHOWN_LABELS

TRICKY = (
    "🇮🇳🤝🇺🇸 PM Modi spoke to President Trump on Thursday.\r\n"
    "प्रधानमंत्री नरेंद्र मोदी ने कहा कि India और US मिलकर काम करेंगे। 😀😀 Defence ties deepen.\r\n\r\n\r\n"
    "Prime Minister Narendra Modi met Ursula von der Leyen in Brussels on 6 November 2025 🎉.\r\n"
)


def test_every_span_matches_text(analyzer):
    text = normalize_text(TRICKY)
    result = analyzer.analyze(text)
    assert result.text == text
    assert result.entities, "something must be found"
    for ent in result.entities:
        assert text[ent.start:ent.end] == ent.text
        assert ent.label in SHOWN_LABELS + HIDDEN_LABELS
        assert ent.source in ("model", "gazetteer", "learned", "user")
        assert ent.entity_id
    starts = [e.start for e in result.entities]
    assert starts == sorted(starts)
    for a, b in zip(result.entities, result.entities[1:], strict=False):
        assert a.end <= b.start, "entities do not overlap"


def test_astral_characters_do_not_shift_offsets(analyzer):
    text = normalize_text(TRICKY)
    result = analyzer.analyze(text)
    found = {(e.text, e.label) for e in result.entities}
    assert ("Modi", "PERSON") in found
    assert ("Ursula von der Leyen", "PERSON") in found
    assert ("India", "GPE") in found


def test_passages_cover_sentences_and_lines(analyzer):
    text = normalize_text("Headline about defence ties\nFirst sentence on trade. Second sentence on vaccines and health.")
    result = analyzer.analyze(text)
    spans = [(p.start, p.end) for p in result.passages]
    assert [text[s:e] for s, e in spans] == [
        "Headline about defence ties", "First sentence on trade.", "Second sentence on vaccines and health.",
    ]
    pillars = [p.pillars for p in result.passages]
    assert "defence" in pillars[0] and "trade" in pillars[1] and "health" in pillars[2]
    for p in result.passages:
        assert all(0.0 <= v <= 1.0 for v in p.scores.values())
        assert p.why or not p.pillars


def test_boilerplate_gets_no_pillar(analyzer):
    text = "India and the US discussed defence and trade.\n| Also Read: Trade war escalates |\nShare on WhatsApp"
    result = analyzer.analyze(text)
    assert result.passages[0].pillars
    assert result.passages[1].pillars == [] and result.passages[2].pillars == []


def test_json_shape(analyzer):
    data = analyzer.analyze("PM Modi visited Japan.").to_json()
    assert set(data) == {"text", "entities", "passages", "commitments"}
    assert set(data["entities"][0]) == {"start", "end", "label", "text", "source", "entity_id"}
    assert set(data["passages"][0]) == {"start", "end", "pillars", "scores", "why"}


def test_commitments_in_contract(tmp_path, capsys):
    """`briefing-app analyze FILE` carries the commitments (the review path's analyser leaves them out)."""
    from briefing_app.cli import main

    text = normalize_text("🇮🇳🤝🇺🇸 India and the United States agreed to launch a joint fund by March 2026.\n"
                          "Analysts said the deal will expand trade.")
    source = tmp_path / "statement.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["analyze", str(source)]) == 0
    data = json.loads(capsys.readouterr().out)
    text = data["text"]
    assert len(data["commitments"]) == 1
    c = data["commitments"][0]
    assert set(c) == {"start", "end", "who", "action", "what", "when", "negated"}
    assert text[c["start"]:c["end"]].startswith("India and the United States agreed")
    assert c["action"] == "agree" and c["what"] == "launch a joint fund" and c["when"] == "March 2026"
    assert "India" in c["who"] and c["negated"] is False
