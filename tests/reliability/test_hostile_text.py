"""Hostile and odd text through analysis, storage and export (and exact highlights in the GUI).

Every input goes the whole way: normalised on import, stored and read back
unchanged, analysed (spans inside the text and matching it), drafted into a
briefing and exported to .docx which is opened again.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import docx
import pytest
from pytestqt.qtbot import QtBot

from briefing_app.domain.text import normalize_text, sanitize_for_xml
from briefing_app.export import export_docx
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.types import AnalysisCancelled
from briefing_app.services import Services
from briefing_app.services.analysis import AnalysisService

SENTENCE = "Prime Minister Narendra Modi met President Donald Trump in Washington on 12 March 2025."
_SURROGATE = re.compile("[\ud800-\udfff]")
XML_ILLEGAL = {chr(c) for c in (*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)}

#: name -> raw text as it might arrive (pasted, decoded from a file, typed).
HOSTILE: dict[str, str] = {
    "astral_before_entities": "🇮🇳🤝🇺🇸 😀 𝐀𝐁 𠜎 " + SENTENCE + " 🎉 The Quad met in Delhi.",
    "crlf_line_ends": "Leaders talk\r\n\r\n" + SENTENCE + "\r\nThey discussed defence and trade.\r\n",
    "lone_cr_line_ends": "Leaders talk\r" + SENTENCE + "\rThey discussed trade.\r\rEnd",
    "devanagari": "प्रधानमंत्री नरेंद्र मोदी ने अमेरिकी राष्ट्रपति से रक्षा सहयोग पर चर्चा की। " + SENTENCE,
    "arabic_rtl": "\u200fالتقى رئيس الوزراء الهندي بالرئيس الأمريكي في واشنطن.\u200e " + SENTENCE,
    "cjk": "日本の首相はインドのモディ首相と東京で会談した。中印边境问题。 " + SENTENCE + " 한국 외교부.",
    "nul_and_controls": "Prime\x00 Minister Narendra Modi\x01\x02 met\x0b\x0c President Donald Trump\x1b[31m in "
                        "Washington\x7f on 12 March 2025.\x08\x1f End.",
    "bidi_and_zero_width": "\u202eevil\u202c \u200bNarendra\u200d Modi \ufeffmet \u2066Donald Trump\u2069.",
    "unicode_line_separators": "One\u2028two\u2029three\x85" + SENTENCE,
    "lone_surrogates": "broken \ud800 pair \udfff " + SENTENCE,
    "decomposed_accents": "Emmanuel Macron and Ange\u0301la met in Cre\u0300te. " + SENTENCE,
    "noncharacters": "\ufffe\uffff" + SENTENCE + "\U0010ffff",
    "one_30000_char_line": (SENTENCE + " ") * 340,
    "thirty_thousand_dots": "Before. " + "." * 30_000 + " After " + SENTENCE,
    "url_like_tokens": "See https://" + "a." * 5_000 + "com/" + "%2F" * 2_000 + " and www." + "x-" * 3_000
                       + ".org?q=" + "&a=1" * 1_500 + " " + SENTENCE,
    "one_huge_word": "x" * 40_000 + " " + SENTENCE,
    "only_punctuation_and_symbols": "!!! ??? … ——— ### *** ((( ))) [[[ ]]] " * 200,
    "tabs_and_spaces": "\t\t  " + SENTENCE.replace(" ", " \t ") + "  \t",
}
EMPTY_INPUTS = {"empty": "", "whitespace_only": "  \n\t\r\n \u2028 \u00a0 \ufeff  "}


def _check_text(text: str) -> None:
    assert not XML_ILLEGAL & set(text)
    assert "\r" not in text
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text)
    text.encode("utf-8")  # storable and exportable


def _full_pass(services: Services, analyzer: Analyzer, raw: str, out: Path) -> tuple[int, str]:
    article = services.articles.add(ImportedDocument(title="Hostile input", text=raw, source_path=""))
    assert article.id is not None
    stored = services.articles.get(article.id)
    assert stored is not None and stored.text == normalize_text(raw)
    text = stored.text
    _check_text(text)
    result = AnalysisService(services.db, analyzer).analyze_article(article.id)
    assert result.text == text
    for ent in result.entities:
        assert 0 <= ent.start < ent.end <= len(text) and text[ent.start:ent.end] == ent.text
    for passage in result.passages:
        assert 0 <= passage.start < passage.end <= len(text)
    for ann in services.annotations.for_article(article.id):
        assert ann.text == text[ann.start:ann.end]
    # Export: a briefing holding the whole article as one passage plus a hostile comment.
    # Typed fields (title, comment) carry the same characters; lone surrogates cannot come from
    # a keyboard and SQLite cannot store them, so those are left out of the typed fields.
    typed = _SURROGATE.sub("", raw)
    briefing = services.briefings.create(title="Briefing \x00 with \x07 controls " + typed[:100])
    assert briefing.id is not None
    item = services.briefings.add_item(briefing.id, article.id, 0, len(text), "diplomacy",
                                       comment="note\x00\x1b " + typed[:200])
    document = services.briefings.document(briefing.id)
    written = export_docx(document, out)
    body = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    shown = sanitize_for_xml(item.text)  # as exported: bidi overrides are not carried into the note
    probe = shown.split()[0] if shown.split() else ""
    assert probe[:20] in body
    return article.id, text


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_survives_analysis_storage_and_export(
    name: str, services: Services, analyzer: Analyzer, tmp_path: Path
) -> None:
    _full_pass(services, analyzer, HOSTILE[name], tmp_path / f"{name}.docx")
    assert services.db.integrity_check() == ["ok"]


@pytest.mark.parametrize("name", sorted(EMPTY_INPUTS))
def test_empty_and_whitespace_only_text_is_refused_clearly(
    name: str, services: Services, analyzer: Analyzer
) -> None:
    with pytest.raises(ValueError, match="empty"):
        services.articles.add(ImportedDocument(title="", text=EMPTY_INPUTS[name], source_path=""))
    assert services.articles.list_summaries() == []
    # The analyser itself is fine with nothing to analyse.
    result = analyzer.analyze(normalize_text(EMPTY_INPUTS[name]))
    assert result.entities == [] and result.passages == []


def test_1_2_million_characters_analysed_stored_and_exported(
    services: Services, analyzer: Analyzer, tmp_path: Path
) -> None:
    # A long report: prose with a few names per paragraph and an astral flag now and then.
    prose = ("The committee reviewed the annual report on regional cooperation and noted that progress had "
             "been uneven across the sectors it covers, with several programmes delayed by funding questions "
             "and others advancing faster than expected. ")
    paragraph = SENTENCE + " 🇮🇳 The Quad discussed maritime security and trade. " + prose * 3 + "\n\n"
    raw = (paragraph * (1_200_000 // len(paragraph) + 1))[:1_200_000]
    assert len(raw) == 1_200_000
    progress: list[tuple[int, int]] = []
    article = services.articles.add(ImportedDocument(title="Huge report", text=raw, source_path=""))
    assert article.id is not None
    result = AnalysisService(services.db, analyzer).analyze_article(
        article.id, progress=lambda done, total: progress.append((done, total)))
    text = services.articles.get(article.id).text  # type: ignore[union-attr]
    assert len(text) > 1_190_000
    assert len(progress) > 100, "long texts report progress chunk by chunk"
    assert progress[-1][0] == progress[-1][1]
    modi = [e for e in result.entities if e.text == "Narendra Modi"]
    assert len(modi) == text.count("Narendra Modi")
    for ent in result.entities[::97]:
        assert text[ent.start:ent.end] == ent.text
    stored = services.annotations.for_article(article.id)
    assert len([a for a in stored if a.kind == "entity"]) == len(result.entities)
    briefing = services.briefings.create_draft([article.id])
    assert briefing.id is not None
    items = services.briefings.items(briefing.id)
    assert items, "the draft picked passages from the huge report"
    written = export_docx(services.briefings.document(briefing.id), tmp_path / "huge.docx")
    assert items[0].text[:40] in "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    assert services.db.integrity_check() == ["ok"]


@pytest.mark.parametrize("kind", ["url_tokens", "parentheses", "long_text"])
def test_pathological_input_analysis_can_be_cancelled(kind: str, analyzer: Analyzer) -> None:
    texts = {
        "url_tokens": " ".join("https://" + "a." * 4_000 + "com/" + "%2F" * 1_000 for _ in range(12)),
        "parentheses": "(" * 30_000 + "COMPACT" + ")" * 30_000,
        "long_text": (SENTENCE + "\n") * 5_000,
    }
    text = normalize_text(texts[kind])
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        cancel.set()  # the officer pressed cancel / closed the window after the first chunk

    with pytest.raises(AnalysisCancelled):
        analyzer.analyze(text, progress=progress, cancel=cancel.is_set)
    assert len(seen) == 1, "analysis stopped at the next chunk boundary"
    assert seen[0] < len(text)


@pytest.mark.parametrize("prefix", ["", "😀", "🇮🇳🤝🇺🇸 𝐀𝐁𝐂 ", "😀\n\n😀😀 ", "e\u0301𠜎\t"])
def test_gui_highlights_stay_exact_after_astral_characters(
    prefix: str, qtbot: QtBot, db_path: Path, analyzer: Analyzer
) -> None:
    from briefing_app.gui.main_window import MainWindow
    from briefing_app.settings import Settings

    window = MainWindow(Services.open(db_path), Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.analyzer is not None, timeout=60_000)
    raw = prefix + SENTENCE + " " + prefix + "The Quad Leaders Summit was held in New Delhi."
    with qtbot.waitSignal(window.analysisFinished, timeout=60_000):
        article_id = window.add_document(ImportedDocument(title="Astral", text=raw, source_path=""))
    assert article_id is not None
    text = window.view.text
    # An officer's own tag after the astral characters, added through the service.
    start = text.rindex("New Delhi")
    existing = [a for a in window.services.annotations.for_article(article_id)
                if a.kind == "entity" and a.start < start + 9 and a.end > start]
    for ann in existing:
        window.services.annotations.remove(ann.id or 0)
    window.services.annotations.add(article_id, "entity", start, start + 9, "GPE")
    window.render_annotations()
    entities = [a for a in window.services.annotations.for_article(article_id) if a.kind == "entity"
                and a.label not in window.view.hidden_labels and a.id in window.view.entity_marks]
    assert any(a.text == "Narendra Modi" for a in entities)
    assert any(a.text == "New Delhi" and a.origin == "user" for a in entities)
    for ann in entities:
        for offset in range(ann.start, ann.end):
            assert window.view.label_at(offset) == ann.label, (ann.text, offset)
            assert window.view.annotation_at(offset) == ann.id
        # Exactly: the characters just outside belong to something else.
        if ann.start > 0:
            assert window.view.annotation_at(ann.start - 1) != ann.id
        if ann.end < len(text):
            assert window.view.annotation_at(ann.end) != ann.id
        # The selection the officer would make maps back to the same code points.
        cursor = window.view.cursor_at(ann.start, ann.end)
        assert cursor.selectedText() == ann.text
    window.close()
    window.services.close()
