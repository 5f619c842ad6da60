"""Offline laptops (desk mode, issue 19): take a copy of the desk, edit it offline, bring it back
with the desk's conflict rules; every kind of edit comes back, deletions included; bringing the
same file back twice changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.services.desk_copy import (
    CopyCancelled,
    CopyError,
    CopySlice,
    bring_back,
    preview_bring_back,
    sidecar,
    take_copy,
)

PORT = "Officials discussed port access in Colombo with Ranil Wickremesinghe."
BORDER = "Talks on the border resumed in Ladakh after the Indian Army moved troops."


def _add(svc: Services, title: str, text: str) -> int:
    article = svc.articles.add(ImportedDocument(title=title, text=text, source_path=""))
    assert article.id is not None
    return article.id


def _desk_state(svc: Services) -> list[tuple[object, ...]]:
    """Everything a bring-back may change, as plain values (to compare before and after)."""
    state: list[tuple[object, ...]] = []
    for s in svc.articles.list_summaries():
        a = svc.articles.get(s.id)
        assert a is not None
        state.append(("article", a.id, a.title, a.status, a.version))
        state += [("tag", t.id, t.start, t.end, t.label, t.status, t.entity_id, t.version)
                  for t in svc.annotations.for_article(s.id, include_rejected=True)]
        state += [("note", n.id, n.body) for n in svc.notes.for_article(s.id)]
    for b in svc.briefings.all():
        state.append(("briefing", b.id, b.title, b.version))
        state += [("item", i.id, i.article_id, i.position, i.pillar_id) for i in svc.briefings.items(b.id or 0)]
    state += [("lesson", lesson.id, lesson.action, lesson.withdrawn) for lesson in svc.lessons.all(include_inactive=True)]
    state += [("pillar", p.id, p.name) for p in svc.pillars.all()]
    return sorted(state, key=repr)


def _content(svc: Services) -> list[tuple[object, ...]]:
    """What the library says, without ids and versions (rows made offline get the desk's ids)."""
    state: list[tuple[object, ...]] = []
    for s in svc.articles.list_summaries():
        a = svc.articles.get(s.id)
        assert a is not None
        state.append(("article", a.title, a.status))
        state += [("tag", a.title, t.start, t.end, t.label, t.status, t.entity_id)
                  for t in svc.annotations.for_article(s.id, include_rejected=True)]
        state += [("note", a.title, n.start, n.body) for n in svc.notes.for_article(s.id)]
    for b in svc.briefings.all():
        state.append(("briefing", b.title))
        state += [("item", b.title, i.start, i.end, i.position, i.pillar_id) for i in svc.briefings.items(b.id or 0)]
    state += [("lesson", lesson.action, lesson.text, lesson.label, lesson.withdrawn)
              for lesson in svc.lessons.all(include_inactive=True)]
    state += [("entity", e[0], svc.entities.display_name(e[0])) for e in svc.entities.library_entities()]
    return sorted(state, key=repr)


@pytest.fixture
def desk(services: Services) -> Services:
    services.db.officer = "Bram"
    return services


def _laptop(copy: Path) -> Services:
    return Services.open(copy, officer="Asha")  # offline: the officer's own SQLite file


def test_take_a_copy_edit_offline_and_bring_it_back_with_conflicts_reported(desk: Services, tmp_path: Path) -> None:
    first = _add(desk, "Port talks", PORT)
    second = _add(desk, "Border", BORDER)
    laptop_file = tmp_path / "laptop.db"
    assert take_copy(desk.db, laptop_file) > 0 and sidecar(laptop_file).is_file()

    laptop = _laptop(laptop_file)
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
    assert report.counts["articles"] == {"added": 1, "changed": 1, "deleted": 0}
    assert report.counts["lessons"]["added"] == 1
    (conflict,) = report.conflicts
    assert (conflict.article, conflict.officer) == ("Border talks (Bram)", "Bram") and conflict.at is not None
    assert str(conflict).startswith("Article (title, details, status) in “Border talks (Bram)”: changed on the desk "
                                    "by Bram at ")
    titles = {s.title for s in desk.articles.list_summaries()}
    assert {"Port talks, Colombo", "Border talks (Bram)", "Offline note"} == titles
    brought = desk.articles.get(first)
    assert brought is not None and brought.changed_by == "Asha" and brought.version == 2
    assert any(lesson.taught_by == "Asha" for lesson in desk.lessons.all())
    (offline,) = [s.id for s in desk.articles.list_summaries() if s.title == "Offline note"]
    assert [a.text for a in desk.annotations.for_article(offline)] == ["fisheries"]  # under the desk's new id

    before = _desk_state(desk)
    again = bring_back(desk.db, laptop_file)
    assert (again.updated, again.added, again.deleted) == (0, 0, 0), "bringing the same file back changes nothing"
    assert _desk_state(desk) == before
    assert len(again.conflicts) == 1  # the conflict, left as the desk has it, is said again


def test_every_kind_of_offline_edit_comes_back_and_twice_changes_nothing(desk: Services, tmp_path: Path) -> None:
    port = _add(desk, "Port talks", PORT)
    gone = _add(desk, "Stale wire", "A wire about nothing in particular from Kandy.")
    colombo = desk.annotations.add(port, "entity", 35, 42, "GPE").id  # "Colombo"
    desk.annotations.update(colombo or 0, status="suggested")  # as the analyser suggests it
    ranil = desk.annotations.add(port, "entity", 48, 68, "PERSON", entity_id="PERSON:ranil wickremesinghe").id
    officials = desk.annotations.add(port, "entity", 0, 9, "NORP").id
    ports = desk.annotations.add(port, "entity", 25, 31, "ORG").id  # "access": a wrong tag
    desk.notes.add(port, 0, 9, "Which officials?")
    doomed_note = desk.notes.add(port, 10, 19, "Check the date").notes[0][1].id
    desk.annotations.toggle_pillar(port, 0, len(PORT), "trade")
    briefing = desk.briefings.create("Weekly")
    assert briefing.id is not None
    kept_item = desk.briefings.add_item(briefing.id, port, 0, 30, "trade")
    dropped_item = desk.briefings.add_item(briefing.id, port, 31, 60, "trade")
    taught = desk.lessons.all()
    copy = tmp_path / "laptop.db"
    take_copy(desk.db, copy)

    laptop = _laptop(copy)
    try:
        laptop.annotations.accept([colombo])  # status
        laptop.annotations.relabel(officials, "ORG")  # label (and a lesson)
        laptop.annotations.change_boundary(ranil, 48, 68)  # (same span: stays as it was)
        laptop.annotations.reject([ports])  # rejected: a lesson
        laptop.annotations.add(port, "entity", 20, 24, "LOC")  # added tag
        laptop.annotations.toggle_pillar(port, 0, len(PORT), "trade")  # pillar removed
        laptop.annotations.toggle_pillar(port, 0, 30, "security")  # pillar added
        note = [n for n in laptop.notes.for_article(port) if n.body == "Which officials?"][0]
        laptop.notes.update(note.id or 0, "Which officials? Ask the embassy.")  # note edited
        laptop.notes.delete(doomed_note or 0)  # note deleted
        laptop.notes.add(port, 35, 42, "Port city")  # note added
        laptop.entities.rename("PERSON:ranil wickremesinghe", "President Wickremesinghe")  # entity renamed
        laptop.briefings.remove_item(dropped_item.id or 0)  # passage removed
        laptop.briefings.add_item(briefing.id, port, 0, 9, "security")  # passage added
        order = laptop.briefings.order(briefing.id)
        laptop.briefings.reorder(briefing.id, list(reversed(order)))  # passages reordered
        laptop.briefings.update(briefing.id, title="Weekly (from the road)")
        laptop.briefings.create("Offline briefing")  # briefing added
        if taught:
            laptop.lessons.withdraw(taught[0].id or 0)  # a lesson withdrawn offline
        laptop.articles.delete(gone)  # article deleted
        _add(laptop, "Imported offline", "Fisheries talks in Jaffna drew a large crowd.")  # article imported
        expected = _content(laptop)
    finally:
        laptop.close()

    preview = preview_bring_back(desk.db, copy)
    assert preview.counts["notes"] == {"added": 1, "changed": 1, "deleted": 1}
    assert preview.counts["articles"] == {"added": 1, "changed": 0, "deleted": 1}
    assert preview.counts["briefings"] == {"added": 1, "changed": 1, "deleted": 0}
    assert preview.counts["entities"]["added"] == 1  # its first rename made its row
    assert not preview.conflicts
    assert desk.articles.get(gone) is not None, "a preview writes nothing"

    report = bring_back(desk.db, copy)
    assert report.counts == preview.counts and not report.conflicts
    assert desk.articles.get(gone) is None
    assert desk.entities.display_name("PERSON:ranil wickremesinghe") == "President Wickremesinghe"
    assert sorted(n.body for n in desk.notes.for_article(port)) == ["Port city", "Which officials? Ask the embassy."]
    assert [n.changed_by for n in desk.notes.for_article(port)] == ["Asha", "Asha"]
    tags = {(t.start, t.end): t for t in desk.annotations.for_article(port, include_rejected=True)}
    assert tags[(35, 42)].status == "accepted" and tags[(0, 9)].label == "ORG"
    assert (25, 31) not in tags or tags[(25, 31)].status == "rejected"
    assert tags[(35, 42)].changed_by == "Asha"
    assert tags[(20, 24)].label == "LOC"
    assert ("trade", 0, len(PORT)) not in {(t.label, t.start, t.end) for t in tags.values()}
    assert (0, 30) in tags and tags[(0, 30)].label == "security"
    items = desk.briefings.items(briefing.id)
    assert sorted(i.start for i in items) == [0, 0] and kept_item.id in {i.id for i in items}
    assert {b.title for b in desk.briefings.all()} == {"Weekly (from the road)", "Offline briefing"}
    # The desk now says what the laptop says (ids of rows made offline are the desk's own).
    assert _content(desk) == expected
    before = _desk_state(desk)
    again = bring_back(desk.db, copy)
    assert again.empty, "bringing the same file back twice changes nothing"
    assert _desk_state(desk) == before


def test_deleting_offline_what_another_officer_changed_meanwhile_is_a_conflict(desk: Services, tmp_path: Path) -> None:
    port = _add(desk, "Port talks", PORT)
    tag = desk.annotations.add(port, "entity", 35, 42, "GPE").id
    note = desk.notes.add(port, 0, 9, "Which officials?").notes[0][1].id
    copy = tmp_path / "laptop.db"
    take_copy(desk.db, copy)
    laptop = _laptop(copy)
    try:
        laptop.annotations.remove(tag or 0)  # deleted offline
        laptop.notes.delete(note or 0)
    finally:
        laptop.close()
    desk.annotations.relabel(tag or 0, "LOC")  # ... but changed on the desk meanwhile
    desk.notes.update(note or 0, "Which officials? The harbour master.")

    report = bring_back(desk.db, copy)
    assert report.deleted == 0
    assert {(c.kind, c.article, c.officer) for c in report.conflicts} == {("tags", "Port talks", "Bram"),
                                                                          ("notes", "Port talks", "Bram")}
    assert all("deleted in your copy, changed on the desk by Bram at" in str(c) for c in report.conflicts)
    assert desk.annotations.get(tag or 0) is not None and desk.annotations.get(tag or 0).label == "LOC"  # type: ignore[union-attr]
    assert [n.body for n in desk.notes.for_article(port)] == ["Which officials? The harbour master."]


def test_an_article_deleted_offline_stays_when_its_tags_changed_on_the_desk(desk: Services, tmp_path: Path) -> None:
    port = _add(desk, "Port talks", PORT)
    tag = desk.annotations.add(port, "entity", 35, 42, "GPE").id
    copy = tmp_path / "laptop.db"
    take_copy(desk.db, copy)
    laptop = _laptop(copy)
    laptop.articles.delete(port)
    laptop.close()
    desk.annotations.relabel(tag or 0, "LOC")
    report = bring_back(desk.db, copy)
    assert desk.articles.get(port) is not None and report.deleted == 0
    assert [c.kind for c in report.conflicts] == ["tags", "articles"]
    assert "its tags changed on the desk since: kept" in str(report.conflicts[1])


def test_a_note_and_an_entity_merge_made_offline_round_trip(desk: Services, tmp_path: Path) -> None:
    port = _add(desk, "Port talks", PORT + " Later Wickremesinghe spoke.")
    desk.annotations.add(port, "entity", 48, 68, "PERSON", entity_id="PERSON:ranil wickremesinghe")
    short = desk.annotations.add(port, "entity", len(PORT) + 7, len(PORT) + 21, "PERSON",
                                 entity_id="PERSON:wickremesinghe").id
    copy = tmp_path / "laptop.db"
    take_copy(desk.db, copy)
    laptop = _laptop(copy)
    try:
        laptop.entities.merge("PERSON:wickremesinghe", "PERSON:ranil wickremesinghe")
        laptop.notes.add(port, 48, 68, "Met him in March")
    finally:
        laptop.close()
    report = bring_back(desk.db, copy)
    assert not report.conflicts
    merged = desk.annotations.get(short or 0)
    assert merged is not None and merged.entity_id == "PERSON:ranil wickremesinghe" and merged.changed_by == "Asha"
    entity = desk.entities.canonical("PERSON:ranil wickremesinghe")
    assert entity is not None and "Wickremesinghe" in entity.aliases and entity.changed_by == "Asha"
    assert any(lesson.action == "alias" and lesson.taught_by == "Asha" for lesson in desk.lessons.all())
    assert [(n.body, n.changed_by) for n in desk.notes.for_article(port)] == [("Met him in March", "Asha")]
    before = _desk_state(desk)
    assert bring_back(desk.db, copy).empty and _desk_state(desk) == before


def test_an_entity_renamed_on_both_sides_is_a_conflict_the_desk_keeps(desk: Services, tmp_path: Path) -> None:
    port = _add(desk, "Port talks", PORT)
    desk.annotations.add(port, "entity", 48, 68, "PERSON", entity_id="PERSON:ranil wickremesinghe")
    desk.entities.rename("PERSON:ranil wickremesinghe", "Ranil W.")
    copy = tmp_path / "laptop.db"
    take_copy(desk.db, copy)
    laptop = _laptop(copy)
    laptop.entities.rename("PERSON:ranil wickremesinghe", "President Wickremesinghe")
    laptop.close()
    desk.entities.rename("PERSON:ranil wickremesinghe", "Mr Wickremesinghe")
    report = bring_back(desk.db, copy)
    (conflict,) = report.conflicts
    assert conflict.kind == "entities" and conflict.officer == "Bram"
    assert desk.entities.display_name("PERSON:ranil wickremesinghe") == "Mr Wickremesinghe"


def test_the_same_wire_imported_on_both_sides_comes_back_once_with_its_tags_once(desk: Services,
                                                                                 tmp_path: Path) -> None:
    copy = tmp_path / "laptop.db"
    take_copy(desk.db, copy)
    laptop = _laptop(copy)
    offline = _add(laptop, "Port talks", PORT)
    laptop.annotations.add(offline, "entity", 35, 42, "GPE")
    laptop.annotations.add(offline, "entity", 0, 9, "NORP")
    laptop.close()
    on_desk = _add(desk, "Port talks (desk)", PORT)
    desk.annotations.add(on_desk, "entity", 35, 42, "GPE")
    report = bring_back(desk.db, copy)
    assert [s.id for s in desk.articles.list_summaries()] == [on_desk]
    assert sorted((t.start, t.label) for t in desk.annotations.for_article(on_desk)) == [(0, "NORP"), (35, "GPE")]
    assert report.counts["tags"]["added"] == 1
    assert bring_back(desk.db, copy).empty


def test_a_slice_of_chosen_articles_or_one_briefing(desk: Services, tmp_path: Path) -> None:
    port = _add(desk, "Port talks", PORT)
    border = _add(desk, "Border", BORDER)
    briefing = desk.briefings.create("Weekly")
    assert briefing.id is not None
    desk.briefings.add_item(briefing.id, border, 0, 20, "defence")
    desk.annotations.reject([desk.annotations.add(port, "entity", 0, 9, "NORP").id or 0])  # a lesson on `port`

    chosen = tmp_path / "chosen.db"
    take_copy(desk.db, chosen, CopySlice(article_ids=(port,)))
    laptop = _laptop(chosen)
    assert [s.id for s in laptop.articles.list_summaries()] == [port] and laptop.briefings.all() == []
    assert len(laptop.lessons.all()) == len(desk.lessons.all())  # lessons are library-wide
    laptop.close()
    assert bring_back(desk.db, chosen).empty, "what was not copied is not deleted"

    one = tmp_path / "weekly.db"
    take_copy(desk.db, one, CopySlice(briefing_id=briefing.id))
    laptop = _laptop(one)
    try:
        assert [s.id for s in laptop.articles.list_summaries()] == [border]
        assert [b.title for b in laptop.briefings.all()] == ["Weekly"]
        laptop.lessons.withdraw(laptop.lessons.all()[0].id or 0)  # its article (port) is not in this copy
    finally:
        laptop.close()
    report = bring_back(desk.db, one)
    assert report.counts["lessons"]["changed"] == 1 and desk.lessons.all() == []
    lesson = desk.lessons.all(include_inactive=True)[0]
    assert lesson.article_id == port, "a lesson's link to an article outside the slice is kept"
    with pytest.raises(CopyError, match="not in the library"):
        take_copy(desk.db, tmp_path / "none.db", CopySlice(briefing_id=9999))


def test_a_cancelled_bring_back_leaves_the_desk_as_it_was(desk: Services, tmp_path: Path) -> None:
    for n in range(3):
        _add(desk, f"Article {n}", f"{PORT} ({n})")
    copy = tmp_path / "laptop.db"
    take_copy(desk.db, copy)
    laptop = _laptop(copy)
    for n in range(250):  # enough rows for the cancel check to run
        _add(laptop, f"Offline {n}", f"Offline text number {n}.")
    laptop.close()
    before = _desk_state(desk)
    with pytest.raises(CopyCancelled):
        bring_back(desk.db, copy, cancelled=lambda: True)
    assert _desk_state(desk) == before
    assert bring_back(desk.db, copy).counts["articles"]["added"] == 250


def test_a_cancelled_copy_leaves_no_file_and_a_copy_never_overwrites_by_itself(desk: Services, tmp_path: Path) -> None:
    _add(desk, "Port talks", PORT)
    copy = tmp_path / "laptop.db"
    with pytest.raises(CopyCancelled):
        take_copy(desk.db, copy, cancelled=lambda: True)
    assert [p.name for p in tmp_path.iterdir() if "laptop" in p.name] == [], "nothing left behind"
    take_copy(desk.db, copy)
    with pytest.raises(CopyError, match="already exists"):
        take_copy(desk.db, copy)
    assert take_copy(desk.db, copy, replace=True) > 0  # the officer confirmed it


def test_a_copy_into_a_read_only_folder_says_so_in_one_line(desk: Services, tmp_path: Path) -> None:
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(CopyError, match="read-only") as caught:
            take_copy(desk.db, locked / "laptop.db")
        assert "\n" not in str(caught.value)
    finally:
        locked.chmod(0o700)


def test_a_copy_open_in_a_window_is_neither_replaced_nor_brought_back(desk: Services, tmp_path: Path) -> None:
    from briefing_app.storage.db_lock import DatabaseLock

    copy = tmp_path / "laptop.db"
    take_copy(desk.db, copy)
    window = DatabaseLock(copy)  # the laptop's window has it open
    assert window.acquire()
    try:
        with pytest.raises(CopyError, match=r"laptop.db is open in Briefing Builder \(process \d+\); close it there"):
            bring_back(desk.db, copy)
        with pytest.raises(CopyError, match="is open in Briefing Builder"):
            take_copy(desk.db, copy, replace=True)
    finally:
        window.release()
    assert bring_back(desk.db, copy).empty


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
    assert "brought back: 1 changed, 0 added, 0 deleted" in capsys.readouterr().out
    assert main(["desk", "bring-back", str(copy), "--db", db_target]) == 0
    assert "brought back: 0 changed, 0 added, 0 deleted" in capsys.readouterr().out
    assert main(["desk", "take-copy", "--db", db_target, "--out", str(copy)]) == 2  # never over a file
    assert "already exists" in capsys.readouterr().err
    part = tmp_path / "part.db"
    assert main(["desk", "take-copy", "--db", db_target, "--out", str(part), "--articles", f"{article}"]) == 0
    assert main(["desk", "take-copy", "--db", db_target, "--out", str(part), "--articles", "x"]) == 2
    assert "--articles takes article ids" in capsys.readouterr().err
