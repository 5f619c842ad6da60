"""Offline laptops (desk mode, issue 19): take a copy of the desk, edit it offline, bring it back
with the desk's conflict rules; bringing the same file back twice changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.services.desk_copy import bring_back, sidecar, take_copy


def _add(svc: Services, title: str, text: str) -> int:
    article = svc.articles.add(ImportedDocument(title=title, text=text, source_path=""))
    assert article.id is not None
    return article.id


def _desk_state(svc: Services) -> list[tuple[object, ...]]:
    return sorted((a.id, a.title, a.version) for a in (svc.articles.get(s.id) for s in svc.articles.list_summaries())
                  if a is not None)


def test_take_a_copy_edit_offline_and_bring_it_back_with_conflicts_reported(services: Services,
                                                                             tmp_path: Path) -> None:
    desk = services
    desk.db.officer = "Bram"
    first = _add(desk, "Port talks", "Officials discussed port access in Colombo.")
    second = _add(desk, "Border", "Talks on the border resumed in Ladakh.")
    laptop_file = tmp_path / "laptop.db"
    assert take_copy(desk.db, laptop_file) > 0 and sidecar(laptop_file).is_file()

    laptop = Services.open(laptop_file, officer="Asha")  # offline: the officer's own SQLite file
    try:
        laptop.articles.get(first)
        laptop.articles.update_metadata(first, title="Port talks, Colombo")
        laptop.articles.get(second)
        laptop.articles.update_metadata(second, title="Border talks (Asha)")
        new = _add(laptop, "Offline note", "Written on the plane about fisheries.")
        laptop.annotations.add(new, "entity", 27, 36, "PRODUCT")  # a tag made offline
        wrong = laptop.annotations.add(new, "entity", 0, 7, "NORP").id
        laptop.annotations.reject([wrong])  # removed again: a lesson taught offline
    finally:
        laptop.close()
    desk.articles.update_metadata(second, title="Border talks (Bram)")  # meanwhile on the desk

    report = bring_back(desk.db, laptop_file)
    assert (report.updated, report.added) == (1, 3)  # one edit; the article, its tag, the lesson
    assert len(report.conflicts) == 1
    assert report.conflicts[0].startswith(f"This article #{second} was changed on the desk by Bram at ")
    titles = {s.title for s in desk.articles.list_summaries()}
    assert {"Port talks, Colombo", "Border talks (Bram)", "Offline note"} == titles
    brought = desk.articles.get(first)
    assert brought is not None and brought.changed_by == "Asha" and brought.version == 2
    assert any(lesson.taught_by == "Asha" for lesson in desk.lessons.all())
    (offline,) = [s.id for s in desk.articles.list_summaries() if s.title == "Offline note"]
    assert [a.text for a in desk.annotations.for_article(offline)] == ["fisheries"]  # under the desk's new id

    before = _desk_state(desk)
    lessons = len(desk.lessons.all(include_inactive=True))
    again = bring_back(desk.db, laptop_file)
    assert (again.updated, again.added) == (0, 0), "bringing the same file back changes nothing"
    assert _desk_state(desk) == before and len(desk.lessons.all(include_inactive=True)) == lessons


def test_a_file_that_is_not_a_desk_copy_is_refused(services: Services, tmp_path: Path) -> None:
    stray = tmp_path / "other.db"
    Services.open(stray).close()
    with pytest.raises(ValueError, match="not a copy taken from a desk database"):
        bring_back(services.db, stray)


def test_the_command_line_takes_a_copy_and_brings_it_back_twice(services: Services, db_target: str,
                                                                 tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from briefing_app.cli import main

    article = _add(services, "Port talks", "Officials discussed port access in Colombo.")
    copy = tmp_path / "laptop.db"
    assert main(["desk", "take-copy", "--db", db_target, "--out", str(copy)]) == 0
    assert "copied" in capsys.readouterr().out
    laptop = Services.open(copy, officer="Asha")
    laptop.articles.update_metadata(article, outlet="Daily Mirror")
    laptop.close()
    assert main(["desk", "bring-back", str(copy), "--db", db_target]) == 0
    assert "brought back: 1 changed, 0 added" in capsys.readouterr().out
    assert main(["desk", "bring-back", str(copy), "--db", db_target]) == 0
    assert "brought back: 0 changed, 0 added" in capsys.readouterr().out
    assert main(["desk", "take-copy", "--db", db_target, "--out", str(copy)]) == 2  # never over a file
    assert "already exists" in capsys.readouterr().err
