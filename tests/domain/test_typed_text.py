"""Text typed or pasted by the officer (notes, metadata, names, briefing fields) is stored
and exported even when it carries half an emoji pair or control characters."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from briefing_app.export import export_docx
from briefing_app.importers import from_paste
from briefing_app.services import Services

BROKEN = "Talks \ud83d went well\x00\x07 — नमस्ते"  # lone high surrogate, NUL, BEL


def test_typed_text_with_broken_characters_is_cleaned_everywhere(services: Services, tmp_path: Path) -> None:
    article = services.articles.add(from_paste(
        "Prime Minister Narendra Modi met President Lula in New Delhi to discuss defence and trade ties.",
        title="Modi meets Lula \ud83d", outlet="Wire\x0b"))
    assert article.id is not None
    assert (article.title, article.outlet) == ("Modi meets Lula \ufffd", "Wire")
    services.articles.update_metadata(article.id, title=BROKEN, outlet=BROKEN)
    services.notes.add(article.id, 0, 14, BROKEN)
    key = services.annotations.add(article.id, "entity", 15, 28, "PERSON").entity_id
    services.entities.rename(key, BROKEN)
    briefing = services.briefings.create(title=BROKEN)
    assert briefing.id is not None
    services.briefings.update(briefing.id, summary=[BROKEN], assessment=BROKEN)
    item = services.briefings.add_item(briefing.id, article.id, 0, 40, "diplomacy")
    services.briefings.update_item(item.id or 0, comment=BROKEN)

    cleaned = "Talks \ufffd went well — नमस्ते"
    stored = services.articles.get(article.id)
    assert stored is not None and stored.title == cleaned and stored.outlet == cleaned
    assert [n.body for n in services.notes.for_article(article.id)] == [cleaned]
    assert services.entities.display_name(key) == cleaned

    out = export_docx(services.briefings.document(briefing.id), tmp_path / "note.docx")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Talks \ufffd went well — नमस्ते" in text
    assert "\x00" not in text and "\x07" not in text


def test_bidi_overrides_are_stripped_from_titles_and_metadata_but_rtl_letters_stay(
    services: Services, tmp_path: Path
) -> None:
    """A right-to-left override (U+202E) makes 'gpj.exe' show as 'exe.jpg'; Arabic and Hebrew are text."""
    page = tmp_path / "rtl.html"
    page.write_text("<html><head><title>Report \u202egpj.exe</title><meta property='og:site_name' "
                    "content='\u2067الأهرام\u2069'></head><body><article><p>Prime Minister Narendra Modi met the "
                    "Egyptian foreign minister in Cairo to discuss trade and defence cooperation "
                    "in the region.</p></article></body></html>", encoding="utf-8")
    [outcome] = services.articles.import_files([page])
    stored = services.articles.get(outcome.article_id)  # type: ignore[arg-type]
    assert stored is not None
    assert (stored.title, stored.outlet) == ("Report gpj.exe", "الأهرام")
    assert stored.id is not None
    services.articles.update_metadata(stored.id, title="שלום \u202dעולם\u202c", url="https://example.org/\u202ex")
    updated = services.articles.get(stored.id)
    assert updated is not None and (updated.title, updated.url) == ("שלום עולם", "https://example.org/x")
