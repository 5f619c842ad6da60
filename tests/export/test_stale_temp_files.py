"""A killed export leaves a hidden temporary file beside the target; the next export into that folder
removes it (only ours, only when its writer is gone)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from briefing_app.domain.tempfiles import process_start_time
from briefing_app.export import export_docx
from tests.benchmarks.sample_briefing import make_sample_document
from tests.storage.test_stale_temp_files import dead_pid, make_old


def test_the_next_export_removes_temporary_files_of_killed_exports(tmp_path: Path) -> None:
    killed = make_old(tmp_path / f".~note-{dead_pid()}-ab12cd34.tmp", size=64 * 1024)
    legacy = make_old(tmp_path / ".~note-zq9x8w7v.tmp", age_s=time.time() - process_start_time() + 3 * 3600)
    live = make_old(tmp_path / f".~note-{os.getppid()}-ab12cd35.tmp")  # an export still running elsewhere
    mine = tmp_path / "keep.tmp"
    mine.write_bytes(b"not ours")
    export_docx(make_sample_document(2), tmp_path / "note.docx")
    assert (tmp_path / "note.docx").exists()
    assert not killed.exists() and not legacy.exists()
    assert live.exists() and mine.exists()
