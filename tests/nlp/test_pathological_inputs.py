"""Pathological imports are analysed correctly: one huge line, no punctuation, all capitals, emoji and Devanagari.

No timings here (scripts/pathological_inputs.py measures them); each test checks what the officer would see,
on made-up text. The size of each input is what made the slow path slow, so a regression shows as a test
that takes far longer.
"""

from __future__ import annotations

import random
import re
import unicodedata

from briefing_app.domain.offsets import OffsetMap
from briefing_app.nlp.chunking import MAX_SENTENCE_CHARS, chunk_spans, cut_before, sentence_spans
from briefing_app.nlp.cleanup import _unknown_acronyms, _whole_word_matches, _word_starts
from briefing_app.nlp.gazetteer import default_gazetteer
from briefing_app.nlp.pipeline import CHUNK_CHARS

#: A made-up report: a leader's name, bodies known by their acronyms, places.
REPORT = ("Prime Minister Narendra Modi met Prime Minister Anthony Albanese in Canberra on Tuesday. The leaders "
          "welcomed the work of SJVN and NHPC on hydropower in Bhutan and asked IREDA to finance solar parks. "
          "Mr Albanese said that the trade agreement had lifted exports, and that maritime cooperation in the "
          "Indian Ocean would grow. ")


def _starts(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _splits_cluster(text: str, pos: int) -> bool:
    """True when ``pos`` falls inside a character cluster (before a mark or joiner, after a virama or joiner)."""
    ch, before = text[pos], text[pos - 1]
    return (unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in "\u200d\ufe0f"
            or before == "\u200d" or unicodedata.combining(before) == 9)


# ------------------------------------------------------------------------------ one huge line
def test_single_line_of_300kb_tags_every_repetition_alike(analyzer):
    reps = 300_000 // len(REPORT) + 1
    text = (REPORT * reps).strip()
    assert "\n" not in text and len(text) > 300_000
    result = analyzer.analyze(text)
    for e in result.entities:
        assert text[e.start:e.end] == e.text
    modi = [(e.start, e.end, e.label) for e in result.entities if e.text == "Narendra Modi"]
    assert [s for s, _e, _l in modi] == _starts(text, "Narendra Modi")
    assert {label for _s, _e, label in modi} == {"PERSON"}
    # every repetition after the first (which introduces the names) gets the very same tags at the same places
    size = len(REPORT)
    per_rep: list[set[tuple[int, int, str]]] = [set() for _ in range(reps)]
    for e in result.entities:
        per_rep[e.start // size].add((e.start % size, e.end - e.start, e.label))
    assert per_rep[1] and all(tags == per_rep[1] for tags in per_rep[2:-1])
    sjvn = [e for e in result.entities if e.text == "SJVN"]
    assert [e.start for e in sjvn] == _starts(text, "SJVN")


def test_acronyms_on_one_long_line_are_each_found_once():
    # A line of 60,000 characters with an acronym in every sentence: the line was read again for each word
    # (whether it is a heading in capitals), which took seconds at this size and minutes at 400 kB.
    text = ("The engineers of SJVN visited the site again today. " * 1200).strip()
    found = _unknown_acronyms(text, [], default_gazetteer())
    assert [c.start for c in found] == _starts(text, "SJVN")
    assert {c.label for c in found} == {"ORG"}


def test_all_caps_line_has_no_acronyms():
    # An annex in capitals pasted as one line: a heading's words are not acronyms, however long the line.
    text = ("ANNEX TWO THE PARTIES SHALL CONSULT THE SJVN BOARD ON EACH PROJECT " * 400).strip()
    assert _unknown_acronyms(text, [], default_gazetteer()) == []


# ------------------------------------------------------------------------------ a list of names
def _made_up_names(n: int) -> list[str]:
    rng = random.Random(3)
    syllables = ["ba", "de", "ki", "mo", "nu", "pa", "re", "si", "to", "vu", "chai", "sho"]
    return [" ".join("".join(rng.choice(syllables) for _ in range(k)).capitalize() for k in (2, 3))
            for _ in range(n)]


def test_a_delegation_list_tags_each_person_where_they_are(analyzer):
    # 2,500 different people on one line: every surname was looked for by a scan of the whole text
    # (seconds at this size, minutes at 400 kB)
    text = "The delegation: " + ", ".join(_made_up_names(2500)) + "."
    result = analyzer.analyze(text)
    assert len(result.entities) > 1000  # (which class the model gives a made-up name varies)
    for e in result.entities:
        assert text[e.start:e.end] == e.text
    assert all(a.end <= b.start for a, b in zip(result.entities, result.entities[1:], strict=False))


def test_bodies_defined_with_their_acronyms_on_one_line(analyzer):
    # 600 different bodies, each defined with its acronym and then named by it: every acronym was looked for
    # by a scan of the whole text (seconds at this size, two minutes at 400 kB)
    rng = random.Random(5)
    parts, later = [], []
    for name in _made_up_names(600):
        first, second = name.split()
        body = f"{first} {second} {rng.choice(['Agency', 'Council', 'Authority'])}"
        acronym = "".join(w[0] for w in body.split()) + rng.choice("XYZQ")
        parts.append(f"The {body} ({acronym}) said the {acronym} would help.")
        later.append(acronym)
    text = " ".join(parts)
    result = analyzer.analyze(text)
    tags = {(e.start, e.end): e.label for e in result.entities}
    pos = 0
    for part, acronym in zip(parts, later, strict=True):
        mention = pos + part.rindex(acronym)
        assert tags.get((mention, mention + len(acronym))) == "ORG", part
        pos += len(part) + 1


def test_an_article_repeated_defines_its_acronyms_again_and_keeps_its_tags(analyzer):
    # every copy defines "ECA" again: each definition tagged every later mention again (quadratic in copies)
    unit = ("The Export Credit Agency (ECA) of Kenya met Prime Minister Narendra Modi in Delhi. The ECA said "
            "trade with the European Union (EU) would grow, and the EU agreed. ")
    copies = 250
    text = (unit * copies).strip()
    result = analyzer.analyze(text)
    eca = [(e.start, e.label) for e in result.entities if e.text == "ECA"]
    assert [s for s, _l in eca] == _starts(text, "ECA") and {label for _s, label in eca} == {"ORG"}
    per_copy: list[set[tuple[int, int, str]]] = [set() for _ in range(copies)]
    for e in result.entities:
        per_copy[e.start // len(unit)].add((e.start % len(unit), e.end - e.start, e.label))
    assert all(tags == per_copy[1] for tags in per_copy[2:-1])


def test_whole_word_matches_are_the_regex_matches():
    text = ("Ba Ba Ba, O'Brien met al-Sabah and Sabah; Sabah_x, Sabahs, -Sabah, Mc-Ba, BA ba "
            "Vu Do Vu Do Vu, Ba. de la Cruz, de la Cruz-Lopez") * 3
    text = "Ba " + text + " +ECA, ECA+ ECA-led, (ECA), ECA ECA"
    words = _word_starts(text)
    for phrase in ("Ba", "Ba Ba", "O'Brien", "Sabah", "al-Sabah", "Vu Do Vu", "de la Cruz", "'Brien", "Ba.", "ECA"):
        for edge, touching in (("-", r"[\w-]"), ("+-", r"[\w+-]")):
            expected = [m.span() for m in re.finditer(f"(?<!{touching}){re.escape(phrase)}(?!{touching})", text)]
            assert _whole_word_matches(text, phrase, words, edge) == expected, (phrase, edge)


# ------------------------------------------------------------------------------ no punctuation
def test_text_without_punctuation_has_sane_sentences(analyzer):
    words = ("the minister said that talks with Japan on trade and shipping would resume soon and that the "
             "delegation from Fiji would arrive next week with officials of the ministry of finance ")
    text = (words * 200).strip()
    assert len(text) > 10 * MAX_SENTENCE_CHARS and not any(c in text for c in ".!?;:")
    spans = sentence_spans(text)
    assert len(spans) > 10
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    # cut between words, covering every word once
    assert all((s == 0 or text[s - 1] == " ") and (e == len(text) or text[e] == " ") for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text
    result = analyzer.analyze(text)
    assert result.passages and all(p.end - p.start <= MAX_SENTENCE_CHARS for p in result.passages)
    assert [e.start for e in result.entities if e.text == "Japan"] == _starts(text, "Japan")


def test_ordinary_sentences_are_not_cut():
    sentence = "The ministers of Samoa and Tonga met in Apia on Monday to discuss fisheries and climate finance. "
    text = (sentence * 40).strip()
    assert sentence_spans(text) == [(i * len(sentence), (i + 1) * len(sentence) - 1) for i in range(40)]


def test_a_long_run_without_spaces_is_cut_outside_character_clusters():
    # a PDF extract that lost its spaces, in Devanagari (vowel signs, viramas) and emoji (joiners, skin tones)
    run = "नमस्तेक्षत्रिय👨‍👩‍👧👍🏽" * 2000
    for s, e in sentence_spans(run):
        assert e - s <= MAX_SENTENCE_CHARS
        assert s == 0 or not _splits_cluster(run, s)
    chunks = chunk_spans(run, 1000)
    assert chunks[0][0] == 0 and chunks[-1][1] == len(run)
    assert all(a[1] == b[0] for a, b in zip(chunks, chunks[1:], strict=False))
    assert not any(_splits_cluster(run, s) for s, _e in chunks[1:])
    assert cut_before("ab cd", 0, 4) == 2  # a space wins over the limit


# ------------------------------------------------------------------------------ emoji and Devanagari
def test_offsets_stay_exact_across_chunks_with_emoji_and_devanagari(analyzer):
    piece = ("प्रधानमंत्री ने आज बैठक की। 🇮🇳🤝🇦🇺 Prime Minister Narendra Modi met the President of Fiji. "
             "👨‍👩‍👧👍🏽 दोनों नेताओं ने व्यापार पर चर्चा की। ")
    text = (piece * (4 * CHUNK_CHARS // len(piece) + 1)).strip()
    assert len(chunk_spans(text, CHUNK_CHARS)) >= 4
    result = analyzer.analyze(text)
    for e in result.entities:
        assert text[e.start:e.end] == e.text
    assert [e.start for e in result.entities if e.text == "Narendra Modi"] == _starts(text, "Narendra Modi")
    assert [e.start for e in result.entities if e.text == "Fiji"] == _starts(text, "Fiji")
    # the window draws at UTF-16 positions: each astral character before a name shifts it by one unit
    offsets = OffsetMap(text)
    for e in result.entities[::7]:
        assert offsets.to_utf16(e.start) == len(text[:e.start].encode("utf-16-le")) // 2
