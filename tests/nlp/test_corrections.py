"""Learning from the officer's corrections."""

from __future__ import annotations

from briefing_app.nlp.corrections import Corrections


def test_rejected_span_is_suppressed(analyzer):
    text = "PM Modi met officials in Kochi."
    assert any(e.text == "Kochi" for e in analyzer.analyze(text).entities)
    taught = analyzer.with_corrections(Corrections(rejected={("Kochi", "GPE")}))
    assert not any(e.text == "Kochi" and e.label == "GPE" for e in taught.analyze(text).entities)
    assert taught.nlp is analyzer.nlp, "with_corrections shares the loaded pipeline"


def test_added_pattern_found_in_new_text(analyzer):
    taught = analyzer.with_corrections(Corrections(added=[("Project Sagarmala Plus", "LAW")]))
    result = taught.analyze("A completely new article mentions Project Sagarmala Plus twice: Project Sagarmala Plus.")
    hits = [e for e in result.entities if e.text == "Project Sagarmala Plus"]
    assert len(hits) == 2 and all(e.label == "LAW" and e.source == "learned" for e in hits)


def test_relabel_and_alias_merge(analyzer):
    text = "NaMo addressed the rally. Modi later flew to Tokyo."
    taught = analyzer.with_corrections(Corrections(
        added=[("NaMo", "PERSON")], aliases={"NaMo": "Narendra Modi"}, relabelled={"Tokyo": "LOC"},
    ))
    ents = {e.text: e for e in taught.analyze(text).entities}
    assert ents["NaMo"].entity_id == ents["Modi"].entity_id == "PERSON:narendra modi"
    assert ents["Tokyo"].label == "LOC"


def test_pillar_examples_are_learned(analyzer):
    text = "The Varuna drills off Goa brought together frigates and patrol aircraft."
    base = analyzer.analyze(text).passages[0]
    examples = [("The navies conducted the Varuna drills in the Arabian Sea.", ["defence"]),
                ("Varuna drills are held every year.", ["defence"])]
    learned = analyzer.with_corrections(Corrections(pillar_examples=examples)).analyze(text).passages[0]
    assert "defence" in learned.pillars
    assert learned.scores["defence"] >= base.scores.get("defence", 0.0)
    unseen = analyzer.with_corrections(Corrections(pillar_examples=[("Health talks on vaccines.", ["health"])]))
    assert "health" not in unseen.analyze("The two leaders spoke about the weather.").passages[0].pillars
