"""Lessons compiled for the analyser: applied where their context matches (issue 13)."""

from __future__ import annotations

from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.lessons import LessonRule


def _taught(analyzer: Analyzer, *rules: LessonRule) -> Analyzer:
    return analyzer.with_lessons(analyzer.compile_lessons(list(rules)))


def _ents(analyzer: Analyzer, text: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.label, e.source) for e in analyzer.analyze(text).entities}


def test_rejected_span_is_suppressed(analyzer: Analyzer) -> None:
    text = "PM Modi met officials in Kochi."
    assert any(e.text == "Kochi" for e in analyzer.analyze(text).entities)
    taught = _taught(analyzer, LessonRule(1, "reject", "Kochi", "GPE"))
    assert not any(e.text == "Kochi" and e.label == "GPE" for e in taught.analyze(text).entities)
    assert taught.nlp is analyzer.nlp, "lessons share the loaded pipeline"


def test_added_name_found_in_new_text(analyzer: Analyzer) -> None:
    taught = _taught(analyzer, LessonRule(1, "add", "Project Sagarmala Plus", "LAW"))
    result = taught.analyze("A completely new article mentions Project Sagarmala Plus twice: Project Sagarmala Plus.")
    hits = [e for e in result.entities if e.text == "Project Sagarmala Plus"]
    assert len(hits) == 2 and all(e.label == "LAW" and e.source == "learned" for e in hits)


def test_relabel_without_context_and_alias(analyzer: Analyzer) -> None:
    text = "NaMo addressed the rally. Modi later flew to Tokyo."
    taught = _taught(analyzer, LessonRule(1, "add", "NaMo", "PERSON"),
                     LessonRule(2, "alias", "NaMo", "PERSON", canonical="Narendra Modi",
                                entity_key="PERSON:narendra modi"),
                     LessonRule(3, "relabel", "Tokyo", "LOC", from_label="GPE"))
    ents = {e.text: e for e in taught.analyze(text).entities}
    assert ents["NaMo"].entity_id == ents["Modi"].entity_id == "PERSON:narendra modi"
    assert ents["Tokyo"].label == "LOC"


def test_relabel_fires_only_in_its_context(analyzer: Analyzer) -> None:
    """A relabel of "Jordan" learned after "Rep." leaves "King Abdullah of Jordan" a place."""
    rule = LessonRule(1, "relabel", "Jordan", "PERSON", from_label="GPE", left="Rep.", right="said")
    taught = _taught(analyzer, rule)
    place = "King Abdullah of Jordan received the envoy in Amman on Monday."
    assert _ents(analyzer, place)["Jordan"][0] == "GPE"
    assert _ents(taught, place)["Jordan"][0] == "GPE"
    person = "Rep. Jordan said the committee would hold hearings."
    assert _ents(analyzer, person)["Jordan"][0] != "PERSON"
    assert _ents(taught, person)["Jordan"][0] == "PERSON"


def test_added_name_never_breaks_a_longer_entity(analyzer: Analyzer) -> None:
    """An added "India" does not cut "Make in India" or "Air India" out of their names."""
    text = "The Make in India programme helped Air India order jets, officials in India said."
    before = _ents(analyzer, text)
    assert "Make in India" in before and "Air India" in before
    taught = _taught(analyzer, LessonRule(1, "add", "India", "GPE"))
    after = _ents(taught, text)
    assert after["Make in India"] == before["Make in India"]
    assert after["Air India"] == before["Air India"]
    assert after["India"][0] == "GPE"


def test_grown_boundary_teaches_the_longer_span_only(analyzer: Analyzer) -> None:
    """"Quad" grown into "Quad Cancer Moonshot" tags the long name and keeps bare "Quad" elsewhere."""
    taught = _taught(analyzer, LessonRule(1, "boundary", "Quad Cancer Moonshot", "LAW", from_text="Quad",
                                          from_label="ORG"))
    text = "The Quad Cancer Moonshot was launched in 2024. Quad leaders met in Delaware."
    ents = _ents(taught, text)
    assert ents["Quad Cancer Moonshot"][0] == "LAW"
    assert "Quad" in ents, "bare Quad is still tagged"


def test_pillar_lesson_recurs_on_the_same_passage(analyzer: Analyzer) -> None:
    text = "The two leaders spoke about the weather."
    assert "health" not in analyzer.analyze(text).passages[0].pillars
    taught = _taught(analyzer, LessonRule(1, "pillar_add", text, "health"))
    assert "health" in taught.analyze(text).passages[0].pillars


def test_an_untagged_passage_does_not_inherit_the_pillar_either(analyzer: Analyzer) -> None:
    text = "Both navies will hold joint patrols against piracy. They will repeat them next year."
    second = analyzer.analyze(text).passages[-1]
    assert "security" in second.pillars, "continues the previous sentence"
    taught = _taught(analyzer, LessonRule(1, "pillar_remove", "They will repeat them next year.", "security"))
    assert "security" not in taught.analyze(text).passages[-1].pillars


def test_a_rejection_covers_other_words_of_its_shape_between_the_same_neighbours(analyzer: Analyzer) -> None:
    # (bare plurals, "from months to weeks", are no longer tagged at all: a vague word the model still tags is used)
    text = "The season runs from midsummer to midwinter.\nPrices stayed high until midsummer after the strike."
    first = text.index("midsummer")
    dates = {e.start for e in analyzer.analyze(text).entities if e.label == "DATE"}
    assert first in dates, "the model tags a vague word as a date"
    taught = _taught(analyzer, LessonRule(1, "reject", "days", "DATE", left="from", right="to"))
    result = taught.analyze(text)
    assert not any(e.start == first and e.label == "DATE" for e in result.entities), "same shape, same neighbours"
    untaught = {(e.start, e.label) for e in analyzer.analyze(text).entities if e.start > first}
    assert {(e.start, e.label) for e in result.entities if e.start > first} == untaught, "elsewhere untouched"


def test_a_cut_at_a_sentence_end_splits_other_tags_running_across_one(analyzer: Analyzer) -> None:
    text = "Naval crews later trained in India. The Indian Coast Guard joined the drill, said Mr. Smith."
    taught = _taught(analyzer, LessonRule(1, "boundary", "Pacific", "GPE", from_label="ORG",
                                          from_text="Pacific. The Indian Navy"))
    # The base tagger no longer makes this mistake on this text, so the rule the lesson switches on is
    # checked directly as well: a span across "India. The" runs over a sentence end, "Mr. Smith" does not.
    from briefing_app.nlp.analyzer import _spans_sentence_end

    wrong = text.index("India. The Indian Coast Guard")
    assert _spans_sentence_end(text, wrong, wrong + len("India. The Indian Coast Guard"))
    assert not _spans_sentence_end(text, text.index("Mr. Smith"), len(text) - 1)
    assert taught.lessons is not None and taught.lessons.cuts_at_sentences()
    spans = [e.text for e in taught.analyze(text).entities]
    assert not any(". The" in s for s in spans) and "India" in spans
    assert any(s.endswith("Smith") for s in spans), "an abbreviation is not a sentence end"


def test_an_added_name_is_also_found_in_capitals(analyzer: Analyzer) -> None:
    taught = _taught(analyzer, LessonRule(1, "add", "Hydrom", "ORG"))
    assert ("ORG", "learned") == _ents(taught, "HYDROM AWARDS NEW BLOCKS\nHydrom said on Monday it had awarded two.")["HYDROM"]


def test_a_common_phrase_rejected_in_lower_case_keeps_the_capitalised_name(analyzer: Analyzer) -> None:
    text = "Both sides signed the Free Trade Agreement in 2024."
    assert ("LAW", "gazetteer") == _ents(analyzer, text).get("Free Trade Agreement")
    taught = _taught(analyzer, LessonRule(1, "reject", "free trade agreement", "LAW"))
    assert "Free Trade Agreement" in _ents(taught, text), "a name, not the common phrase rejected"
    assert "Free Trade Agreement" not in _ents(_taught(analyzer, LessonRule(1, "reject", "Free Trade Agreement",
                                                                              "LAW")), text)


def test_a_grown_boundary_changes_the_label_only_in_the_context_it_was_taught_in(analyzer: Analyzer) -> None:
    """Growing "Golden Steppe" (a facility) into a "Golden Steppe 3" project keeps the grown span everywhere,
    but the project label only after "the" where it was taught; elsewhere the model's own label stays."""
    taught = _taught(analyzer, LessonRule(1, "boundary", "Golden Steppe 3", "LAW", from_text="Golden Steppe",
                                          from_label="FAC", left="the", right="gas"))
    assert _ents(taught, "Talks on the Golden Steppe 3 gas deal resumed.")["Golden Steppe 3"][0] == "LAW"
    other = _ents(taught, "Gas will flow through a planned Golden Steppe 3 pipeline, officials said.")
    assert other["Golden Steppe 3"][0] == _ents(analyzer, "Gas will flow through a planned Golden Steppe 3 pipeline, "
                                                          "officials said.")["Golden Steppe 3"][0] != "LAW"


def test_a_rejected_name_does_not_untag_other_names_between_the_same_neighbours(analyzer: Analyzer) -> None:
    """"States" rejected as a place between "of" and ";" (a half of "United States") is no reason to untag
    "Japan" in "the Ambassador of Japan;": a capitalised rejection is not generalised by its shape."""
    text = "The minister received the Ambassador of Japan; the Ambassador of Ghana; and others."
    before = _ents(analyzer, text)
    assert before["Japan"][0] == "GPE" and before["Ghana"][0] == "GPE"
    after = _ents(_taught(analyzer, LessonRule(1, "reject", "States", "GPE", left="of", right=";")), text)
    assert after["Japan"][0] == "GPE" and after["Ghana"][0] == "GPE"


def test_a_common_word_rejected_in_one_context_stays_tagged_in_others(analyzer: Analyzer) -> None:
    """"today" rejected in "issued today by the Council" (one article's convention) stays a date in
    "said today." elsewhere, and is still dropped beside a neighbour it was rejected beside."""
    rule = LessonRule(1, "reject", "today", "DATE", left="issued", right="by")
    taught = _taught(analyzer, rule)
    text = "The minister said today that talks would resume."
    assert _ents(analyzer, text)["today"][0] == "DATE"
    assert _ents(taught, text).get("today", ("",))[0] == "DATE"
    again = "A statement was issued today in Geneva."
    assert _ents(analyzer, again)["today"][0] == "DATE"
    assert "today" not in _ents(taught, again)


def test_a_common_word_rejected_at_a_sentence_start_is_not_a_name_rejected_everywhere(analyzer: Analyzer) -> None:
    """"Today" rejected where it opened a sentence ("... my friend. Today we held talks") is the common word, not
    a name: "today" stays a date in "the minister announced today." elsewhere."""
    taught = _taught(analyzer, LessonRule(1, "reject", "Today", "DATE", left="friend.", right="we"))
    text = "The agreement was announced today by the minister."
    assert _ents(analyzer, text)["today"][0] == "DATE"
    assert _ents(taught, text).get("today", ("",))[0] == "DATE"
    again = "Thank you, my friend. Today we held the second round."
    assert _ents(analyzer, again)["Today"][0] == "DATE"
    assert "Today" not in _ents(taught, again), "still rejected where it was taught"


def test_a_rejected_phrase_generalises_only_to_phrases_with_the_same_head(analyzer: Analyzer) -> None:
    """"the second year running" rejected between "For" and "," does not untag "more than a decade" in
    "For more than a decade, ..." (same shape, same neighbours, another head)."""
    text = "For more than a decade, the two ports have shared one pilot service."
    assert _ents(analyzer, text)["more than a decade"][0] == "DATE"
    taught = _taught(analyzer, LessonRule(1, "reject", "the second year running", "DATE", left="For", right=","))
    assert _ents(taught, text).get("more than a decade", ("",))[0] == "DATE"
    same_head = "For the third year running, the two ports have shared one pilot service."
    assert _ents(analyzer, same_head)["the third year running"][0] == "DATE"
    assert "the third year running" not in _ents(taught, same_head), "same head, same neighbours: rejected"


def test_a_rejected_name_kept_elsewhere_is_rejected_only_between_its_neighbours(analyzer: Analyzer) -> None:
    kept = LessonRule(1, "reject", "China", "GPE", left="one", right="policy", kept=True)
    taught = _taught(analyzer, kept)
    assert ("China", "GPE") in {(e.text, e.label) for e in taught.analyze("China and India signed a pact.").entities}
    assert "China" not in _ents(taught, "Washington restated its one China policy.")
    # the same rejection of a name never kept anywhere: rejected everywhere, as before
    everywhere = _taught(analyzer, LessonRule(1, "reject", "China", "GPE", left="one", right="policy"))
    assert "China" not in _ents(everywhere, "China and India signed a pact.")


def test_a_rejection_whose_name_is_since_kept_is_recompiled(analyzer: Analyzer) -> None:
    """The compiled set follows a rule that changed under the same id (a rejected name kept later)."""
    compiled = analyzer.compile_lessons([LessonRule(1, "reject", "China", "GPE", left="one", right="policy")])
    taught = analyzer.with_lessons(compiled)
    assert "China" not in _ents(taught, "China and India signed a pact.")
    assert compiled.sync([LessonRule(1, "reject", "China", "GPE", left="one", right="policy", kept=True)])
    assert "China" in _ents(taught, "China and India signed a pact.")


def test_a_common_phrase_added_in_one_sentence_is_suggested_only_beside_the_same_neighbour(analyzer: Analyzer) -> None:
    """"years" added as a date in "could take years" is that sentence's reading, not a name: the next article's
    "runs years behind schedule" gets no date from it, while "may take years" (same left neighbour) does."""
    rule = LessonRule(1, "add", "years", "DATE", left="take", right=",")
    taught = _taught(analyzer, rule)
    elsewhere = "The old line, built with borrowed money, runs years behind schedule."
    assert "years" not in _ents(analyzer, elsewhere)
    assert "years" not in _ents(taught, elsewhere)
    alike = "Officials warned that the repairs may take years to finish."
    assert "years" not in _ents(analyzer, alike)
    assert _ents(taught, alike)["years"] == ("DATE", "learned")


def test_a_name_added_in_one_sentence_is_suggested_everywhere(analyzer: Analyzer) -> None:
    """A capitalised name the officer added is a name wherever it recurs, whatever its neighbours."""
    taught = _taught(analyzer, LessonRule(1, "add", "Blue Corridor Compact", "LAW", left="the", right="will"))
    found = _ents(taught, "Ministers praised Blue Corridor Compact funding on Monday.")
    assert found["Blue Corridor Compact"] == ("LAW", "learned")


def test_a_name_added_is_not_cut_out_of_a_longer_name_the_model_missed(analyzer: Analyzer) -> None:
    """"Coalition" added as the opposition in a debate stays a name wherever it stands alone, but is not
    suggested at the head of a longer name ("Coalition of the Willing", "Coalition Partners Forum")."""
    taught = _taught(analyzer, LessonRule(1, "add", "Coalition", "ORG", left="the", right="would"))
    longer = "Envoys of the Coalition of the Willing met in Valdor, and the Coalition Partners Forum followed."
    assert _ents(analyzer, longer).get("Coalition") is None
    assert _ents(taught, longer).get("Coalition") is None
    alone = "Members of the Coalition said the bill went too far."
    assert _ents(taught, alone)["Coalition"] == ("ORG", "learned")
    same = "Ministers feared the Coalition Whip would block the bill."
    assert _ents(taught, same).get("Coalition") is None
    again = "Ministers feared the Coalition would block the bill."
    assert _ents(taught, again)["Coalition"] == ("ORG", "learned")


def test_a_name_nothing_lists_is_relabelled_wherever_it_is_suggested_otherwise(analyzer: Analyzer) -> None:
    """The officer's label for a name the domain does not know ("Veltrana", a made-up agency) replaces the model's
    guess in every context; a listed name ("Jordan") keeps the context rule (see above)."""
    text_a = "The Veltrana cutter escorted the boats, and the head of Veltrana spoke to reporters in Dili."
    guessed = [e for e in analyzer.analyze(text_a).entities if e.text == "Veltrana"]
    assert guessed and any(e.label != "ORG" for e in guessed), "the model guesses another class for the name"
    rule = LessonRule(1, "relabel", "Veltrana", "ORG", from_label=guessed[0].label, left="with", right="said")
    taught = [e for e in _taught(analyzer, rule).analyze(text_a).entities if e.text == "Veltrana"]
    assert taught and all(e.label == "ORG" for e in taught)
    place = "King Abdullah of Jordan received the envoy in Amman on Monday."
    jordan = LessonRule(2, "relabel", "Jordan", "PERSON", from_label="GPE", left="Rep.", right="said")
    assert _ents(_taught(analyzer, jordan), place)["Jordan"][0] == "GPE"


def test_a_name_added_is_suggested_in_a_title_case_heading(analyzer: Analyzer) -> None:
    """In a title-case heading every word is capitalised: the word after an added name ("Kopra Compact| Despite")
    does not make it a longer name there, while a sentence ending in a full stop keeps the rule."""
    taught = _taught(analyzer, LessonRule(1, "add", "Kopra Compact", "LAW", left="the", right="will"))
    heading = "Tuvalu Signs Kopra Compact Despite Objections\nThe island state signed the pact on Monday."
    assert _ents(analyzer, heading).get("Kopra Compact") is None
    assert _ents(taught, heading)["Kopra Compact"] == ("LAW", "learned")
    sentence = "Envoys of the Kopra Compact Review Board met."
    assert _ents(taught, sentence).get("Kopra Compact") is None


def test_a_name_a_title_marks_keeps_its_reading_against_a_relabel_elsewhere(analyzer: Analyzer) -> None:
    """A relabel of an unlisted name ("Kalvo" a place where the model saw a person) does not undo what a rule found:
    "Mr Kalvo" is a person by his title; the model's own guess elsewhere takes the officer's label."""
    rule = LessonRule(1, "relabel", "Kalvo", "GPE", from_label="PERSON", left="in", right="said")
    titled = "Mr Kalvo said the deal was fair."
    assert _ents(analyzer, titled)["Kalvo"][0] == "PERSON"
    assert _ents(_taught(analyzer, rule), titled)["Kalvo"][0] == "PERSON"
    assert _ents(_taught(analyzer, rule), "Officials in Kalvo said the ferry would sail.")["Kalvo"][0] == "GPE"
