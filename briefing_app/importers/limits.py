"""Size caps that protect the application from huge or malicious files."""

from __future__ import annotations

import os
import zipfile

from briefing_app.importers.base import ImportFailed

MB = 1024 * 1024
# Largest file accepted at all (a 50 MB plain-text report must still import).
MAX_FILE_BYTES = 60 * MB
# A .docx is a zip: cap the total of its members' declared uncompressed sizes...
MAX_UNCOMPRESSED_BYTES = 200 * MB
# ...and the compression ratio of any large member (zip bombs compress ~1000:1).
MAX_COMPRESSION_RATIO = 150
RATIO_CHECK_MIN_BYTES = 5 * MB
MAX_ZIP_MEMBERS = 10_000
# Titles taken from a first line must be short.
MAX_TITLE_CHARS = 200


def format_size(size: int) -> str:
    """Human-readable size, e.g. ``"61.2 MB"``."""
    if size >= MB:
        return f"{size / MB:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"


def check_zip_members(path: str | os.PathLike[str], archive: zipfile.ZipFile) -> None:
    """Refuse zip bombs: too many members, too much declared data or an extreme ratio."""
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ImportFailed.for_file(path, f"has too many parts ({len(infos)}); it may be malicious")
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise ImportFailed.for_file(
                path,
                f"expands to more than {format_size(MAX_UNCOMPRESSED_BYTES)} when unpacked "
                "(possible zip bomb); it was not opened",
            )
        if info.file_size >= RATIO_CHECK_MIN_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_COMPRESSION_RATIO:
                raise ImportFailed.for_file(
                    path,
                    f"contains a part compressed {ratio:.0f}:1 (possible zip bomb); it was not opened",
                )
