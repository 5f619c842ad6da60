"""A full render swaps in a new document (article_view.set_article): the article shown is as setPlainText left it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing_app.gui.article_view import ArticleView, EntityMark

PARAGRAPH = "The minister met the envoy of Ruritania in Klow on Monday to discuss trade and energy. " * 8


def _view(qtbot: QtBot) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    return view


def test_a_new_article_opens_at_its_top(qtbot: QtBot) -> None:
    view = _view(qtbot)
    view.set_article("\n\n".join(f"{i}. {PARAGRAPH}" for i in range(300)), [], [])
    qtbot.wait(50)
    bar = view.editor.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    view.set_article("\n\n".join(f"Part {i}: 😀 नमस्ते {PARAGRAPH}" for i in range(200)), [], [])
    # measured at once (the editor lays the new document out in timer steps): the top, not a span ending before it starts
    first, last = view.measure_visible()
    assert first == 0 < last < 20_000
    qtbot.wait(50)
    assert bar.value() == 0
    assert view.measure_visible()[0] == 0


def test_marks_beside_emoji_and_at_the_very_end(qtbot: QtBot) -> None:
    view = _view(qtbot)
    text = "😀 नमस्ते Ruritania and Klow"
    start = text.index("Ruritania")
    marks = [EntityMark(1, start, start + len("Ruritania"), "GPE", "suggested", "model"),
             EntityMark(2, len(text) - 4, len(text), "GPE", "suggested", "model")]
    view.set_article(text, marks, [])
    for mark in marks:
        cursor = view.cursor_at(mark.start, mark.end)
        assert cursor.selectedText() == text[mark.start:mark.end]
        probe = view.cursor_at(mark.start + 1)
        assert probe.charFormat().property(view_property()) == mark.annotation_id
    view.set_article("", [], [])  # an empty article, no marks
    assert view.editor.toPlainText() == ""


def view_property() -> int:
    from briefing_app.gui.article_view import ANNOTATION_ID_PROPERTY

    return int(ANNOTATION_ID_PROPERTY)


def test_marks_past_the_full_render_are_drawn_later(qtbot: QtBot, monkeypatch) -> None:
    from briefing_app.gui import article_view

    monkeypatch.setattr(article_view, "FULL_RENDER_MARKS", 3)
    view = _view(qtbot)
    text = " ".join(f"Klow{i:02d}" for i in range(20))
    marks = [EntityMark(i + 1, 7 * i, 7 * i + 6, "GPE", "suggested", "model") for i in range(20)]
    with qtbot.waitSignal(view.renderFinished, timeout=5000):
        view.set_article(text, marks, [])
        assert not view.rendering_done()
    for mark in marks:
        assert view.cursor_at(mark.start + 1).charFormat().property(view_property()) == mark.annotation_id
