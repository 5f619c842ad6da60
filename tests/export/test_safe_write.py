"""Atomic writing: failures raise ExportFailed with one line and leave existing files intact."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import docx
import pytest

from briefing_app.export import ExportFailed, export_docx
from tests.benchmarks.sample_briefing import make_sample_document

OLD = b"previous version of the note"


def _one_line(exc: pytest.ExceptionInfo[ExportFailed]) -> str:
    message = str(exc.value)
    assert message and "\n" not in message and "Traceback" not in message
    return message


def _no_temp_files(folder: Path) -> None:
    assert [p.name for p in folder.iterdir() if p.name.startswith(".~")] == []


def test_overwrites_existing_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(OLD)
    export_docx(make_sample_document(3), target)
    assert docx.Document(str(target)).paragraphs[0].text
    _no_temp_files(tmp_path)


def test_replace_refused_leaves_existing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulates Word holding the file open (Windows) or a read-only file: os.replace raises."""
    target = tmp_path / "note.docx"
    target.write_bytes(OLD)
    calls: list[tuple[str, str]] = []

    def refuse(src: str, dst: str) -> None:
        calls.append((str(src), str(dst)))
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportFailed) as err:
        export_docx(make_sample_document(3), target)
    assert "note.docx" in _one_line(err) and "open in another program or read-only" in str(err.value)
    assert calls and calls[0][1] == str(target)  # the failure path really reached the replace
    assert target.read_bytes() == OLD
    _no_temp_files(tmp_path)


def test_read_only_target_refused(tmp_path: Path) -> None:
    """Read-only by its mode bits: refused even for root, who could otherwise replace it."""
    target = tmp_path / "note.docx"
    target.write_bytes(OLD)
    target.chmod(0o444)
    try:
        with pytest.raises(ExportFailed) as err:
            export_docx(make_sample_document(3), target)
        assert "read-only" in _one_line(err)
        assert target.read_bytes() == OLD
    finally:
        target.chmod(stat.S_IWUSR | stat.S_IRUSR)
    _no_temp_files(tmp_path)


def test_target_is_a_directory(tmp_path: Path) -> None:
    target = tmp_path / "note.docx"
    target.mkdir()
    (target / "keep.txt").write_text("x")
    with pytest.raises(ExportFailed) as err:
        export_docx(make_sample_document(3), target)
    assert "is a folder" in _one_line(err)
    assert (target / "keep.txt").read_text() == "x"


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(ExportFailed) as err:
        export_docx(make_sample_document(3), tmp_path / "no" / "such" / "note.docx")
    assert "does not exist" in _one_line(err)


def test_unwritable_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    target = tmp_path / "note.docx"
    target.write_bytes(OLD)
    with pytest.raises(ExportFailed) as err:
        export_docx(make_sample_document(3), target)
    assert "not writable" in _one_line(err)
    assert target.read_bytes() == OLD


def test_failure_while_saving_leaves_existing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk-full style error while writing the temp file: target untouched, temp removed."""
    from docx.document import Document

    def fail(self: Document, path_or_stream: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Document, "save", fail)
    target = tmp_path / "note.docx"
    target.write_bytes(OLD)
    with pytest.raises(ExportFailed) as err:
        export_docx(make_sample_document(3), target)
    assert "the disk is full" in _one_line(err)
    assert target.read_bytes() == OLD
    _no_temp_files(tmp_path)


def test_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    target = export_docx(make_sample_document(2), tmp_path / "perm.docx")
    mode = stat.S_IMODE(target.stat().st_mode)
    assert mode & stat.S_IRUSR and mode & stat.S_IWUSR and mode & stat.S_IRGRP


@pytest.mark.parametrize("lock_name", [".~lock.weekly note.docx#", "~$ekly note.docx"])
def test_a_note_open_in_libreoffice_or_word_is_not_replaced(tmp_path: Path, lock_name: str) -> None:
    """Linux and macOS let a file open in another program be replaced; its next save would undo the export."""
    target = tmp_path / "weekly note.docx"
    target.write_bytes(OLD)
    lock = tmp_path / lock_name
    lock.write_text("officer,host,01.12.2026 10:00", encoding="utf-8")
    with pytest.raises(ExportFailed) as err:
        export_docx(make_sample_document(3), target)
    message = _one_line(err)
    assert "weekly note.docx is open in" in message and lock_name in message
    assert target.read_bytes() == OLD
    lock.unlink()  # closed there: the export goes through
    export_docx(make_sample_document(3), target)
    assert target.read_bytes() != OLD
    _no_temp_files(tmp_path)
