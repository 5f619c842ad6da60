"""Calibration of the pillar scorer to an officer's convention (issue 13, item 3)."""

from __future__ import annotations

from dataclasses import replace

from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.pillar_calibration import describe, fit_calibration, held_aside_better
from briefing_app.nlp.pillar_learning import PillarExample, PillarLearner
from briefing_app.nlp.pillars import PillarScorer

#: sentences with a main pillar and a clear but weaker second one (the lexicon gives only the main one)
_PAIRED = ["The new port at {p} will boost exports, cut shipping costs and attract investment, and its terminal will store LNG.",
           "The trade deal signed in {p} cuts tariffs, opens markets to investors and promotes exports of solar panels.",
           "The agreement reached in {p} lowers tariffs, expands market access, boosts investment and covers vaccine supply.",
           "Bilateral trade, investment and exports through {p} grew, and the two sides discussed maritime security.",
           "The loan finances a railway, a port at {p} and an industrial corridor, with a cybersecurity agency."]
#: more such sentences with other main pillars (defence, energy, health), in no reviewed article: the new
#: articles are made of these, so no word learned from the reviewed ones helps
_NEW_PAIRED = ["The army deployed troops, tanks and artillery near {p} for the drills, and a field hospital treated "
               "villagers.",
               "The defence pact signed in {p} covers arms sales, military training and joint patrols, and artificial "
               "intelligence.",
               "The pipeline, the gas terminal and the refinery at {p} will secure oil supply, and a clinic opened.",
               "Doctors and nurses were sent to {p} to fight the epidemic with medicines, and a new data centre opened."]
#: sentences whose pillars every convention agrees on
_PLAIN = ["Defence ministers met in {p} and agreed on joint exercises, arms sales and military training.",
          "The mayor of {p} opened a new public library on Monday.",
          "Leaders held talks in {p} on the sidelines of the summit.",
          "Heavy rain closed two roads near {p} for most of the afternoon."]
_PLACES = ["Mombasa", "Chittagong", "Gwadar", "Hambantota", "Lamu", "Sittwe", "Kyaukpyu", "Djibouti", "Bagamoyo",
           "Colombo", "Pecem", "Lobito", "Walvis Bay", "Tema", "Berbera"]


def _article(scorer: PillarScorer, article: int, place: str, paired: list[str], plain: bool = True,
             ) -> list[PillarExample]:
    """One article of the officer's: its sentences (``paired``, then ``_PLAIN`` if ``plain``), each with the
    pillars ``scorer`` (the officer's convention) gives it, in document context."""
    sentences = [s.format(p=place) for s in [*paired, *(_PLAIN if plain else [])]]
    text = "\n\n".join(sentences)
    spans = []
    pos = 0
    for s in sentences:
        spans.append((pos, pos + len(s), ()))
        pos += len(s) + 2
    passages = scorer.passages(text, spans)
    return [PillarExample(article, text[a:b], frozenset(p.pillars), (), text, a, b)
            for (a, b, _e), p in zip(spans, passages, strict=True)]


def _articles(officer: PillarScorer, places: list[str], first: int = 0,
              pool: list[str] = _PAIRED) -> list[PillarExample]:
    out = []
    for i, place in enumerate(places):
        # each article has two of the paired sentences, in turn
        paired = [pool[i % len(pool)], pool[(i + 2) % len(pool)]]
        out += _article(officer, first + i, place, paired)
    return out


def _f1(scorer: PillarScorer, examples: list[PillarExample]) -> float:
    tp = fp = fn = 0
    by_article: dict[int, list[PillarExample]] = {}
    for ex in examples:
        by_article.setdefault(ex.article, []).append(ex)
    for sentences in by_article.values():
        text = sentences[0].document
        passages = scorer.passages(text, [(e.start, e.end, ()) for e in sentences])
        for ex, passage in zip(sentences, passages, strict=True):
            chosen = set(passage.pillars)
            tp += len(chosen & ex.pillars)
            fp += len(chosen - ex.pillars)
            fn += len(ex.pillars - chosen)
    return 2 * tp / (2 * tp + fp + fn)


def test_an_officer_who_gives_a_second_pillar_readily_is_learned_and_new_articles_follow(analyzer: Analyzer) -> None:
    """The officer keeps a clear second pillar beside the main one ("... and its terminal will store LNG":
    energy beside trade) where the lexicon gives the main one only. After ten corrected articles, new
    articles of the same convention, made of sentences never reviewed, are decided as this officer would."""
    base = analyzer.shared.scorer
    officer = replace(base, relative_cut=round(base.relative_cut - 0.1, 3))
    reviewed = _articles(officer, _PLACES[:10])
    new = _articles(officer, _PLACES[10:], first=100, pool=_NEW_PAIRED)  # sentences never reviewed
    assert _f1(base, new) < 1.0, "the lexicon alone misses the officer's second pillars"
    lessons = [(e.text, p, True, "") for e in reviewed for p in sorted(e.pillars) if p not in
               base.choose(base.raw_scores(e.text)[0])]
    learner = PillarLearner.build(lessons, base, reviewed)
    taught = base.with_learner(learner)
    assert _f1(taught, new) > _f1(base, new), "new articles are decided better"
    assert "you give a second pillar beside the main one more readily" in learner.habits(base), "said in words"
    health = "The army deployed troops, tanks and artillery near Tema for the drills, and a field hospital treated villagers."
    assert base.choose(base.raw_scores(health)[0]) == ["defence"]
    assert set(taught.choose(taught.raw_scores(health)[0])) == {"defence", "health"}
    for plain in _PLAIN:  # sentences with one clear pillar (or none) keep theirs
        text = plain.format(p="Tema")
        assert taught.choose(taught.raw_scores(text)[0]) == base.choose(base.raw_scores(text)[0]), text


def test_no_setting_changes_when_the_officer_agrees_with_the_lexicon(analyzer: Analyzer) -> None:
    base = analyzer.shared.scorer
    assert fit_calibration(_articles(base, _PLACES[:10]), base) is None


def test_no_setting_changes_when_articles_left_out_say_it_would_not_help(analyzer: Analyzer) -> None:
    """Two of ten articles follow the looser convention, the other eight the lexicon's: chosen on the other
    articles, the change would break more left-out articles than it fixes, so nothing is adopted, and the
    scorer a learner hands out keeps the lexicon's settings."""
    base = analyzer.shared.scorer
    loose = replace(base, relative_cut=round(base.relative_cut - 0.1, 3))
    reviewed = _articles(loose, _PLACES[:2]) + _articles(base, _PLACES[2:10], first=2)
    assert fit_calibration(reviewed, base) is None
    learner = PillarLearner.build([(reviewed[0].text, "energy", True, "")], base, reviewed)
    assert learner.settings == {}
    assert base.with_learner(learner).relative_cut == base.relative_cut


def test_too_few_articles_change_nothing(analyzer: Analyzer) -> None:
    """Five corrected articles, all of the looser convention, are not yet a convention."""
    base = analyzer.shared.scorer
    loose = replace(base, relative_cut=round(base.relative_cut - 0.1, 3))
    assert fit_calibration(_articles(loose, _PLACES[:5]), base) is None


# -- the document's topic (nlp/pillar_topic.py): how readily an officer lends it is a convention too ----------

#: an article on energy: three sentences with energy cues, two with a pillar of their own and none for energy,
#: two with no pillar of their own
_ENERGY_ARTICLE = ["The new gas pipeline from {p} will carry natural gas to the coast.",
                   "The refinery at {p} will process more crude oil next year.",
                   "Solar farms near {p} will add electricity to the grid.",
                   "Doctors and nurses at the clinic in {p} treated patients for malaria.",
                   "Soldiers from the army base at {p} joined the military drills.",
                   "Officials say the project will change the lives of many families.",
                   "Heavy rain closed two roads near {p} for most of the afternoon."]
#: an article on health made of sentences no reviewed article has
_HEALTH_ARTICLE = ["A new hospital in {p} will treat patients with cancer and diabetes.",
                   "Vaccines against measles reached children in {p} this week.",
                   "The epidemic in {p} has strained clinics and doctors.",
                   "Farmers near {p} sold their crops at the market on Friday.",
                   "The navy sent two warships to patrol the coast off {p}.",
                   "Nobody expected the change to come so quickly.",
                   "The work is due to finish before the end of the year."]


def _topic_articles(officer: PillarScorer, places: list[str], first: int, pool: list[str]) -> list[PillarExample]:
    out = []
    for i, place in enumerate(places):
        turn = i % 3  # the sentences in another order in each article
        out += _article(officer, first + i, place, pool[turn:] + pool[:turn], plain=False)
    return out


def _lessons(base: PillarScorer, reviewed: list[PillarExample]) -> list[tuple[str, str, bool, str]]:
    """The pillar lessons an officer's corrections leave: what they added to or removed from the suggestions
    (the scorer's decisions in the article, the document's topic included)."""
    out: list[tuple[str, str, bool, str]] = []
    by_article: dict[int, list[PillarExample]] = {}
    for ex in reviewed:
        by_article.setdefault(ex.article, []).append(ex)
    for sentences in by_article.values():
        passages = base.passages(sentences[0].document, [(e.start, e.end, ()) for e in sentences])
        for ex, passage in zip(sentences, passages, strict=True):
            out += [(ex.text, p, True, "") for p in sorted(ex.pillars - set(passage.pillars))]
            out += [(ex.text, p, False, "") for p in sorted(set(passage.pillars) - ex.pillars)]
    return out


def test_an_officer_who_lends_the_topic_readily_is_learned_and_new_articles_follow(analyzer: Analyzer) -> None:
    """This officer gives every sentence of an article on energy the article's topic, beside the sentence's
    own pillar too ("Doctors and nurses at the clinic ..." in a piece about a pipeline: health and energy),
    where the scorer lends the topic only to sentences with a cue for it or none of their own. After ten
    corrected articles on energy, new articles on health are decided as this officer would."""
    base = analyzer.shared.scorer
    officer = base.with_settings({"topic.NOCUE_SHARE": 0.4})
    reviewed = _topic_articles(officer, _PLACES[:10], 0, _ENERGY_ARTICLE)
    new = _topic_articles(officer, _PLACES[10:], 100, _HEALTH_ARTICLE)
    assert _f1(base, new) < 0.9, "the scorer alone does not lend the topic beside a sentence's own pillar"
    learner = PillarLearner.build(_lessons(base, reviewed), base, reviewed)
    assert learner.settings == {"topic.NOCUE_SHARE": 0.4}
    assert _f1(base.with_learner(learner), new) > _f1(base, new) + 0.1
    assert _f1(base.with_learner(learner), new) == 1.0


def test_an_officer_who_never_lends_the_topic_is_learned_and_new_articles_follow(analyzer: Analyzer) -> None:
    """This officer tags each sentence on its own words: "Heavy rain closed two roads ..." in a piece about a
    pipeline has no pillar. After ten corrected articles, new articles (on health) keep their cue-less
    sentences untagged too, and the sentences with pillars of their own keep them."""
    base = analyzer.shared.scorer
    officer = base.with_settings({"topic.TOPIC_SHARE": 0.6})
    reviewed = _topic_articles(officer, _PLACES[:10], 0, _ENERGY_ARTICLE)
    new = _topic_articles(officer, _PLACES[10:], 100, _HEALTH_ARTICLE)
    assert _f1(base, new) < 0.9, "the scorer alone lends the article's topic to cue-less sentences"
    learner = PillarLearner.build(_lessons(base, reviewed), base, reviewed)
    taught = base.with_learner(learner)
    assert _f1(taught, new) > _f1(base, new) + 0.1
    article = [e for e in new if e.article == 100]
    passages = taught.passages(article[0].document, [(e.start, e.end, ()) for e in article])
    assert [sorted(p.pillars) for p in passages] == [sorted(e.pillars) for e in article]
    assert any(not p.pillars for p in passages) and sum(bool(p.pillars) for p in passages) >= 5


def test_no_topic_setting_is_adopted_when_articles_left_out_say_it_would_not_help(analyzer: Analyzer) -> None:
    """Two of ten officer's articles lend the topic readily, eight as the scorer does: on each article left out,
    a change chosen on the others would not decide it better, so the topic's thresholds stay the module's."""
    base = analyzer.shared.scorer
    readily = base.with_settings({"topic.NOCUE_SHARE": 0.4})
    reviewed = (_topic_articles(readily, _PLACES[:2], 0, _ENERGY_ARTICLE)
                + _topic_articles(base, _PLACES[2:10], 2, _ENERGY_ARTICLE))
    assert fit_calibration(reviewed, base) is None
    learner = PillarLearner.build(_lessons(base, reviewed), base, reviewed)
    assert learner.settings == {}
    assert base.with_learner(learner).topic_knobs == {}
    new = _topic_articles(base, _PLACES[10:], 100, _HEALTH_ARTICLE)
    assert _f1(base.with_learner(learner), new) == _f1(base, new)


def test_the_scorer_without_lessons_lends_the_topic_as_before(analyzer: Analyzer) -> None:
    """No calibrated knob: the document's topic keeps the module's thresholds (outputs identical to no lessons)."""
    base = analyzer.shared.scorer
    learner = PillarLearner.build([], base, [])
    assert learner.settings == {} and base.with_learner(learner).topic_knobs == {}
    article = _topic_articles(base, _PLACES[:1], 0, _ENERGY_ARTICLE)
    spans = [(e.start, e.end, ()) for e in article]
    assert ([p.pillars for p in base.with_learner(learner).passages(article[0].document, spans)]
            == [p.pillars for p in base.passages(article[0].document, spans)])


def test_a_setting_a_few_articles_favour_and_others_oppose_is_not_adopted(analyzer: Analyzer) -> None:
    """A noisy officer: four of twelve reviewed articles keep a clear second pillar, two with the same
    sentences do not, and six have no such sentence at all. Eight left-out sentences decided better against four
    decided worse (four articles against two) is what a coin toss gives often: the setting is not adopted, and new
    articles keep the lexicon's decisions."""
    base = analyzer.shared.scorer
    loose = replace(base, relative_cut=round(base.relative_cut - 0.1, 3))
    reviewed = (_articles(loose, _PLACES[:4]) + _articles(base, _PLACES[4:6], first=4)
                + [ex for i, place in enumerate(_PLACES[6:12]) for ex in _article(base, 6 + i, place, [])])
    assert fit_calibration(reviewed, base) is None
    learner = PillarLearner.build(_lessons(base, reviewed), base, reviewed)
    assert learner.settings == {}
    new = _articles(loose, _PLACES[12:], first=100, pool=_NEW_PAIRED)
    assert _f1(base.with_learner(learner), new) == _f1(base, new)


def test_a_setting_every_article_left_out_favours_is_adopted_from_five_articles_on(analyzer: Analyzer) -> None:
    """A consistent officer: of nine reviewed articles, the five with a clear second pillar all keep it, the
    four others have none. Ten left-out sentences decided better and none worse, in five articles, is no coin toss:
    adopted."""
    base = analyzer.shared.scorer
    loose = replace(base, relative_cut=round(base.relative_cut - 0.1, 3))
    reviewed = (_articles(loose, _PLACES[:5])
                + [ex for i, place in enumerate(_PLACES[5:9]) for ex in _article(loose, 5 + i, place, [])])
    calibration = fit_calibration(reviewed, base)
    assert calibration is not None and calibration.settings == {"relative_cut": loose.relative_cut}


# -- the adoption rule: the left-out articles' sentences, not only their count --------------------------------


def _convention_articles(officer: PillarScorer, places: list[str], first: int, paired: int) -> list[PillarExample]:
    """Articles of ``officer``'s with ``paired`` sentences of a clear second pillar each (then the plain ones)."""
    pool = _PAIRED[:paired]
    return [ex for i, place in enumerate(places) for ex in _article(officer, first + i, place, pool)]


def test_a_convention_four_articles_show_in_many_sentences_is_adopted(analyzer: Analyzer) -> None:
    """A made-up officer who keeps a clear second pillar beside the main one. Of nine reviewed articles, four have
    four such sentences each (all kept), five have none. Four articles decided better, none worse, is what a coin
    toss gives one time in sixteen (the sign test over articles refused it); but each of those articles, decided
    with the setting chosen on the others, has all four of its changed sentences decided better: sixteen to none
    is no coin toss, and four articles, none worse, is not the luck of one. Adopted from nine articles."""
    base = analyzer.shared.scorer
    loose = replace(base, relative_cut=round(base.relative_cut - 0.1, 3))
    reviewed = (_convention_articles(loose, _PLACES[:4], 0, 4)
                + [ex for i, place in enumerate(_PLACES[4:9]) for ex in _article(loose, 4 + i, place, [])])
    calibration = fit_calibration(reviewed, base)
    assert calibration is not None and calibration.settings == {"relative_cut": loose.relative_cut}
    new = _articles(loose, _PLACES[9:], first=100, pool=_NEW_PAIRED)
    learner = PillarLearner.build(_lessons(base, reviewed), base, reviewed)
    assert _f1(base.with_learner(learner), new) > _f1(base, new)


def test_a_convention_the_officer_follows_in_some_articles_and_not_others_is_refused(analyzer: Analyzer) -> None:
    """Noise: four reviewed articles keep the clear second pillars (four sentences each), three with the very same
    sentences do not, three have none. Many sentences change, but as many for the worse as for the better on
    articles left out of the choice: nothing is adopted."""
    base = analyzer.shared.scorer
    loose = replace(base, relative_cut=round(base.relative_cut - 0.1, 3))
    reviewed = (_convention_articles(loose, _PLACES[:4], 0, 4) + _convention_articles(base, _PLACES[4:7], 4, 4)
                + [ex for i, place in enumerate(_PLACES[7:10]) for ex in _article(base, 7 + i, place, [])])
    assert fit_calibration(reviewed, base) is None


def test_two_long_articles_decided_better_in_many_sentences_are_not_yet_a_convention(analyzer: Analyzer) -> None:
    """Two long articles of ten keep the second pillars (ten sentences each), the eight others have no such
    sentence. Each of the two, decided with the setting chosen on the other articles, is decided better in all ten
    sentences: twenty to none, but two articles, which one officer's habit in one story could give: nothing is
    adopted until a third article shows it."""
    base = analyzer.shared.scorer
    loose = replace(base, relative_cut=round(base.relative_cut - 0.1, 3))
    long = [*_PAIRED, *(s.replace("{p}", "{p} North") for s in _PAIRED)]
    reviewed = (_article(loose, 0, _PLACES[0], long) + _article(loose, 1, _PLACES[1], long)
                + [ex for i, place in enumerate(_PLACES[2:10]) for ex in _article(loose, 2 + i, place, [])])
    assert fit_calibration(reviewed, base) is None
    third = reviewed + _article(loose, 10, _PLACES[10], long)
    calibration = fit_calibration(third, base)
    assert calibration is not None and calibration.settings == {"relative_cut": loose.relative_cut}


# -- the adoption statistic on counts: a habit shows in few sentences an article ---------------------------------


def _rows(better: int, worse: int, same: int) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """(now, left out) sentence counts with ``better`` sentences decided better, ``worse`` worse, ``same`` equal."""
    now = [(1, 0, 1)] * better + [(1, 0, 0)] * worse + [(1, 0, 0)] * same
    left = [(2, 0, 0)] * better + [(0, 0, 1)] * worse + [(1, 0, 0)] * same
    return now, left


def test_a_habit_shown_in_a_few_sentences_of_several_articles_left_out_is_adopted() -> None:
    """Of sixteen reviewed articles, left out in turn, five are decided better (fourteen sentences better, four worse
    among them) and none worse, as a real officer's habit showed on a blind dev set: a sign test gives 0.015. Adopted
    (at the old level, 0.01, such a habit was never followed)."""
    now: dict[int, list[tuple[int, int, int]]] = {}
    left: dict[int, list[tuple[int, int, int]]] = {}
    for key, (better, worse) in enumerate([(4, 1), (3, 1), (3, 1), (2, 1), (2, 0)]):
        now[key], left[key] = _rows(better, worse, 20)
    for key in range(5, 16):
        now[key], left[key] = _rows(0, 0, 20)
    assert held_aside_better(now, left)


def test_a_habit_of_eight_sentences_against_three_is_not_yet_adopted() -> None:
    """Eight sentences better against three worse, three articles better and none worse (a sign test gives 0.11):
    on a dev set such a change was one story's luck (the officer's other articles decided worse), so it waits."""
    now: dict[int, list[tuple[int, int, int]]] = {}
    left: dict[int, list[tuple[int, int, int]]] = {}
    for key, (better, worse) in enumerate([(3, 0), (3, 1), (2, 1), (0, 1)]):
        now[key], left[key] = _rows(better, worse, 20)
    for key in range(4, 16):
        now[key], left[key] = _rows(0, 0, 20)
    assert not held_aside_better(now, left)


def test_as_many_articles_worse_as_better_or_a_coin_toss_of_sentences_is_not_adopted() -> None:
    """Eight sentences better against four worse (p = 0.19) is refused; so are three articles better against two
    worse (a ratio under two), however the sentences fall."""
    now: dict[int, list[tuple[int, int, int]]] = {}
    left: dict[int, list[tuple[int, int, int]]] = {}
    for key, (better, worse) in enumerate([(3, 0), (3, 1), (2, 3)]):
        now[key], left[key] = _rows(better, worse, 20)
    for key in range(3, 16):
        now[key], left[key] = _rows(0, 0, 20)
    assert not held_aside_better(now, left)
    now2: dict[int, list[tuple[int, int, int]]] = {}
    left2: dict[int, list[tuple[int, int, int]]] = {}
    for key, (better, worse) in enumerate([(6, 0), (6, 0), (6, 0), (0, 1), (0, 1)]):
        now2[key], left2[key] = _rows(better, worse, 20)
    assert not held_aside_better(now2, left2)


def test_calibrated_settings_are_said_in_the_officers_words(analyzer: Analyzer) -> None:
    """The Lessons panel's words for what calibration changed: the direction against the lexicon's own value, the
    context pillar by its name; a setting left at the lexicon's value says nothing."""
    base = analyzer.shared.scorer
    assert describe({}, base) == []
    assert describe({"relative_cut": base.relative_cut}, base) == []
    assert describe({"relative_cut": base.relative_cut + 0.1, "context_min": base.context_min - 1.0}, base) == [
        "you give Diplomacy beside a topic more readily",
        "you give a second pillar only when it is nearly as strong as the main one"]
    assert describe({"topic.NOCUE_SHARE": 0.4}, base) == ["you lend the article's topic to its sentences more readily"]
