"""`briefing-app lessons list`: the lessons in the words the GUI shows, never the label codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.cli import main


def test_lessons_list_names_labels_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lessons = tmp_path / "lessons.jsonl"
    lessons.write_text('{"action": "add", "text": "Vistula Forum", "label": "ORG"}\n'
                       '{"action": "relabel", "text": "Warsaw Pact", "label": "LAW", "from": "GPE"}\n'
                       '{"action": "reject", "text": "Monday Club", "label": "NORP"}\n'
                       '{"action": "alias", "text": "PM Kowalska", "label": "PERSON", "canonical": "Anna Kowalska"}\n',
                       encoding="utf-8")
    db = tmp_path / "x.db"
    assert main(["lessons", "import", str(lessons), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["lessons", "list", "--db", str(db)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    details = {row[3]: row[2] for row in rows}
    assert details == {"Vistula Forum": "Organisation", "Warsaw Pact": "Country or city -> Agreement / initiative",
                       "Monday Club": "Nationality or group", "PM Kowalska": "Person = Anna Kowalska"}


def test_lessons_list_names_kinds_and_pillars_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The kind column says "Relabelled" / "Pillar tagged" as the Lessons tab does, and a pillar is "Security",
    never the stored codes (relabel, pillar_add, security)."""
    lessons = tmp_path / "lessons.jsonl"
    lessons.write_text('{"action": "relabel", "text": "Warsaw Pact", "label": "LAW", "from": "GPE"}\n'
                       '{"action": "pillar", "text": "Coast guards will patrol the strait together.", '
                       '"add": ["security"], "remove": ["health"]}\n',
                       encoding="utf-8")
    db = tmp_path / "x.db"
    assert main(["lessons", "import", str(lessons), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["lessons", "list", "--db", str(db)]) == 0
    rows = {(row[1], row[2]) for row in (line.split("\t") for line in capsys.readouterr().out.splitlines())}
    assert rows == {("Relabelled", "Country or city -> Agreement / initiative"), ("Pillar tagged", "Security"),
                    ("Pillar removed", "Health")}
