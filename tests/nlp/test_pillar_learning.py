"""The pillar learner: cues learned from the officer's reviewed sentences, adopted only where they help."""

from __future__ import annotations

from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.pillar_learning import PillarExample, PillarLearner
from briefing_app.nlp.pillars import PillarScorer

#: sentences the officer tags "trade" whose cues the lexicon does not know (mango orchards, growers)
_TAGGED = ["Orchard cooperatives harvested mangoes in the valley on {d}.",
           "Mango growers in the valley packed the orchard crop on {d}.",
           "Growers said the mango orchards had a record season by {d}."]
_PLAIN = ["The ministry published its annual report on {d}.", "Officials met farmers in the capital on {d}."]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

#: made-up articles: one passage about mangrove replanting (tagged "energy" by the officer: climate adaptation),
#: and everyday sentences, one of them with volunteers too (left without a pillar)
_MANGROVE = ["Volunteers replanted mangrove saplings along the {place} estuary to hold back the tides.",
             "The {place} estuary lost half of its mangrove belt to shrimp farms, and saplings are now replanted.",
             "Mangrove saplings raised by schoolchildren were replanted in the {place} estuary."]
_EVERYDAY = ["Volunteers also handed out leaflets at the {place} bus station.",
             "The mayor of {place} opened a new public library on Monday.",
             "Heavy rain closed two roads near {place} for most of the afternoon."]
_PLACES = ["Rufiji", "Sundarbans", "Mekong"]

#: unrelated made-up sentences with ordinary lexicon cues: none of them should change after one tag elsewhere
_OTHERS = ["The two navies held joint exercises near the strait.",
           "Bilateral trade rose by a fifth last year, officials said.",
           "The ministers signed a memorandum on clean energy and solar parks.",
           "Students from both countries will receive new scholarships.",
           "The outbreak was contained after a vaccination campaign.",
           "Leaders held talks on the sidelines of the summit.",
           "The chipmaker will build a semiconductor plant in the state.",
           "Police arrested three suspects over the terror attack.",
           "Farmers in the valley harvested rice before the rains.",
           "The ministry published its annual report on exports.",
           "A new ferry service links the two islands every morning.",
           "Officials met growers and exporters in the capital.",
           "The report said the harbour was dredged last winter.",
           "Investors welcomed the new rules on foreign ownership.",
           "The president thanked the volunteers who cleared the beach.",
           "Heavy rain closed the port for two days.",
           "The agreement covers customs, standards and investment.",
           "Tourism recovered as flights resumed from the capital.",
           "The coast guard rescued twelve fishermen off the cape.",
           "Schools reopened after the long holiday."]


def _reviewed() -> list[PillarExample]:
    out = []
    for article, day in enumerate(_DAYS):
        out += [PillarExample(article, s.format(d=day), frozenset({"trade"})) for s in _TAGGED]
        out += [PillarExample(article, s.format(d=day), frozenset()) for s in _PLAIN]
    return out


def _mangrove_articles(tagged: int = 3) -> list[PillarExample]:
    """The officer's reviewed articles: the mangrove passage tagged "energy" in the first ``tagged`` of them."""
    out = []
    for article, (place, passage) in enumerate(zip(_PLACES, _MANGROVE, strict=True)):
        pillars = frozenset({"energy"}) if article < tagged else frozenset()
        out.append(PillarExample(article, passage.format(place=place), pillars))
        out += [PillarExample(article, s.format(place=place), frozenset()) for s in _EVERYDAY]
    return out


def _pillars(scorer: PillarScorer, text: str) -> list[str]:
    return scorer.choose(scorer.raw_scores(text)[0])


def test_the_learned_cues_generalise_to_new_sentences_and_leave_others_alone(analyzer: Analyzer) -> None:
    base = analyzer.shared.scorer
    new = "Mango orchards in the valley were harvested by growers on Sunday."
    other = "Two warships docked at the naval base for joint exercises with the air force."
    assert "trade" not in _pillars(base, new), "the lexicon alone misses it"
    learner = PillarLearner.build([(_TAGGED[0].format(d="Monday"), "trade", True, "")], base, _reviewed())
    assert "trade" in learner.adopted, "left-out articles are decided better with the learned cues"
    taught = base.with_learner(learner)
    raw, why = taught.raw_scores(new)
    assert "trade" in taught.choose(raw) and "like passages you tagged" in why["trade"]
    assert _pillars(taught, other) == _pillars(base, other)


def test_cues_that_do_not_help_the_officers_own_tags_are_not_adopted(analyzer: Analyzer) -> None:
    base = analyzer.shared.scorer
    # the same words tagged in some articles and not in others: no better than the lexicon on left-out articles
    noisy = [PillarExample(a, s.format(d="Monday"), frozenset({"trade"} if a % 2 else set()))
             for a in range(6) for s in _TAGGED]
    learner = PillarLearner.build([(_TAGGED[0].format(d="Monday"), "trade", True, "")], base, noisy)
    assert "trade" not in learner.adopted


def test_a_pillar_tagged_in_three_articles_reaches_a_similar_passage_not_a_sentence_sharing_one_word(
        analyzer: Analyzer) -> None:
    base = analyzer.shared.scorer
    similar = "Fishermen and volunteers planted mangrove saplings in the Zambezi estuary this week."
    one_word = ["The estuary was closed to boats after a storm.",  # a word of every tagged passage
                "Volunteers cleaned the Zambezi beaches after the festival this week."]  # also left untagged
    assert "energy" not in _pillars(base, similar), "the lexicon alone does not know mangroves"
    lessons = [(_MANGROVE[a].format(place=_PLACES[a]), "energy", True, "") for a in range(3)]
    taught = base.with_learner(PillarLearner.build(lessons, base, _mangrove_articles()))
    raw, why = taught.raw_scores(similar)
    assert "energy" in taught.choose(raw) and "like passages you tagged" in why["energy"]
    for sentence in one_word:
        assert "energy" not in _pillars(taught, sentence), f"one shared word is not a similar passage: {sentence}"


def test_a_single_tag_changes_at_most_a_handful_of_sentences_elsewhere(analyzer: Analyzer) -> None:
    base = analyzer.shared.scorer
    # the officer has reviewed six articles (mangoes tagged trade), then tags trade on one more passage
    reviewed = _reviewed()
    first = [(_TAGGED[0].format(d="Monday"), "trade", True, "")]
    before = base.with_learner(PillarLearner.build(first, base, reviewed))
    for tag in ("Officials met farmers in the capital on Saturday.",
                "The ministry published its annual report on Saturday."):
        after_reviewed = [PillarExample(e.article, e.text, e.pillars | {"trade"} if e.text == tag else e.pillars)
                          for e in reviewed]
        after = base.with_learner(PillarLearner.build([*first, (tag, "trade", True, "")], base, after_reviewed))
        assert "trade" in _pillars(after, tag), "the tagged passage itself is decided as the officer said"
        changed = [s for s in _OTHERS if _pillars(after, s) != _pillars(before, s)]
        assert not changed, f"one tag in one article changed unrelated sentences: {changed}"


#: delivery-drone sentences the officer removes defence from ("drone" is a lexicon cue of defence, and of technology
#: beside another technology word: round 13)
_DRONES = [(0, "The Rufiji post office now delivers parcels by drone."),
           (0, "A drone carries letters to the Rufiji islands every morning."),
           (1, "The Mekong courier company tested delivery by drone."),
           (2, "The Sundarbans courier service sends mail by drone.")]


def _drone_articles(articles: int) -> tuple[list[tuple[str, str, bool, str]], list[PillarExample]]:
    removed = [(a, s) for a, s in _DRONES if a < articles]
    reviewed = [PillarExample(a, s, frozenset({"technology"})) for a, s in removed]
    reviewed += [PillarExample(a, s.format(place=_PLACES[a]), frozenset()) for a in range(articles) for s in _EVERYDAY]
    return [(s, "defence", False, "") for _a, s in removed], reviewed


def test_a_lexicon_cue_the_officer_keeps_removing_stops_firing(analyzer: Analyzer) -> None:
    base = analyzer.shared.scorer
    new = "Farmers in the Mekong delta spray their fields by drone and share the data."
    assert "defence" in _pillars(base, new), "the lexicon's cue fires"
    lessons, reviewed = _drone_articles(1)
    once = base.with_learner(PillarLearner.build(lessons, base, reviewed))
    assert "defence" in _pillars(once, new), "one article's removals are not yet a pattern"
    lessons, reviewed = _drone_articles(3)
    taught = base.with_learner(PillarLearner.build(lessons, base, reviewed))
    assert "defence" not in _pillars(taught, new), "removed in three articles: the cue stops counting for defence"
    assert "technology" in _pillars(taught, new), "only the removed pillar stops"


def test_a_removed_cue_stops_only_when_that_helps_on_articles_left_out_of_the_learning(analyzer: Analyzer) -> None:
    """Removals in two articles, and no other article where the cue fired: nothing shows the removal would
    decide a new article better, so the cue keeps counting (two procedural turns untagged "diplomacy" must not
    silence "president" for diplomacy in every later article)."""
    base = analyzer.shared.scorer
    new = "Farmers in the Mekong delta spray their fields by drone."
    lessons, reviewed = _drone_articles(2)
    taught = base.with_learner(PillarLearner.build(lessons, base, reviewed))
    assert "defence" in _pillars(taught, new)
    assert "defence" in _pillars(taught, "Two navies deployed drones and warships to the strait."), \
        "the pillar's other cues still count"


def test_a_correction_reaches_a_close_paraphrase_of_the_corrected_sentence_but_not_sentences_sharing_a_word(
        analyzer: Analyzer) -> None:
    base = analyzer.shared.scorer
    corrected = "Volunteers replanted mangrove saplings along the Rufiji estuary to hold back the tides."
    paraphrase = "Mangrove saplings were replanted by volunteers along the Rufiji estuary to hold back tides."
    unrelated = ["Volunteers handed out leaflets at the Rufiji bus station.",
                 "The tides flooded the estuary road on Monday."]
    assert "energy" not in _pillars(base, paraphrase), "the lexicon alone does not know mangroves"
    taught = base.with_learner(PillarLearner.build([(corrected, "energy", True, "")], base, []))
    assert "energy" in _pillars(taught, corrected)
    assert "energy" in _pillars(taught, paraphrase), "a close paraphrase is decided as the officer said"
    for sentence in unrelated:
        assert _pillars(taught, sentence) == _pillars(base, sentence), sentence


def test_removals_in_one_genre_do_not_silence_the_engagement_in_another(analyzer: Analyzer) -> None:
    """The officer untags diplomacy from a local-news sentence in six articles ("the mayor thanked the
    volunteers"): readouts elsewhere where a country thanks another still count as engagement."""
    base = analyzer.shared.scorer
    lessons, reviewed = [], []
    for article, place in enumerate(["Rufiji", "Mekong", "Sundarbans", "Zambezi", "Volta", "Niger"]):
        sentence = f"The mayor thanked the volunteers who cleaned the {place} beach after the festival."
        lessons.append((sentence, "diplomacy", False, ""))
        reviewed += [PillarExample(article, sentence, frozenset()),
                     PillarExample(article, f"The weather in the {place} delta was mild.", frozenset())]
    taught = base.with_learner(PillarLearner.build(lessons, base, reviewed))
    for readout in ("Kenya thanked Japan for the loan.", "The ministers thanked each other."):
        assert "diplomacy" in _pillars(base, readout)
        assert _pillars(taught, readout) == _pillars(base, readout), readout


def test_a_two_word_name_is_one_learned_cue_not_three(analyzer: Analyzer) -> None:
    """The officer tagged security on one sentence in each of three articles, where people of Santa Marta
    gathered, sentences the lexicon gives no pillar. "santa", "marta" and "santa marta" are learned, but they
    are one name: a new sentence that only mentions the place is not a similar passage (two learned cues are
    needed), while one with the name and the other learned cue (people gathering) is."""
    base = analyzer.shared.scorer
    tagged = ["Residents of Santa Marta gathered at the square on Monday.",
              "Drivers of Santa Marta gathered at the depot because of fog.",
              "Shopkeepers of Santa Marta gathered early on Friday."]
    plain = ["The museum reopened its western wing after repairs.", "Heavy rain closed two roads near the river."]
    reviewed = [PillarExample(a, s, frozenset({"security"}) if s == tagged[a] else frozenset())
                for a in range(3) for s in [tagged[a], *plain]]
    for sentence in tagged:
        assert _pillars(base, sentence) == [], sentence
    learner = PillarLearner.build([(s, "security", True, "") for s in tagged], base, reviewed)
    assert "security" in learner.adopted, "left-out articles are decided better with the learned cues"
    taught = base.with_learner(learner)
    assert "security" not in _pillars(taught, "A new bakery opened in Santa Marta this week.")
    assert "security" in _pillars(taught, "Farmers gathered near Santa Marta on Sunday.")
