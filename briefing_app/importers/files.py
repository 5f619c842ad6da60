"""Opening files to import: regular files only, never blocking, never more than the size cap.

A named pipe, socket or device (or a link to one) with an article's name must not be read:
opening a FIFO blocks until a writer appears, and ``/dev/zero`` never ends. Every importer
reads through :func:`read_capped`, which opens without blocking, checks the opened file's
type and size (``fstat``, so a swap after the check cannot fool it) and stops reading at the
cap even if the file grows or lies about its size.
"""

from __future__ import annotations

import os
import stat

from briefing_app.importers.base import ImportFailed, display_name
from briefing_app.importers.limits import MAX_FILE_BYTES, format_size

# O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer (no effect on
# regular files). O_BINARY: Windows would otherwise translate line ends.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1024 * 1024


class NotRegularFile(ImportFailed):
    """The path is a named pipe, socket, device or a link to one: it is never read."""

    def __init__(self, path: str | os.PathLike[str], kind: str) -> None:
        self.reason = f"not a regular file ({kind})"
        super().__init__(f"{display_name(path)} is {self.reason}; it was not read")


def special_kind(mode: int) -> str:
    """What a non-regular file is, in words ("" for a regular file or a folder)."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return ""
    return "a special file"


def check_regular(path: str | os.PathLike[str]) -> os.stat_result:
    """Stat ``path`` (following links, without opening it); raise NotRegularFile for special files."""
    info = os.stat(path)
    kind = special_kind(info.st_mode)
    if kind:
        raise NotRegularFile(path, kind)
    return info


def read_capped(path: str | os.PathLike[str], limit: int | None = MAX_FILE_BYTES,
                head: int | None = None) -> bytes:
    """The bytes of a regular file (the first ``head`` bytes when given).

    Raises NotRegularFile for special files and ImportFailed when the file is (or grows)
    larger than ``limit``; never blocks on a pipe or device.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        kind = special_kind(info.st_mode)
        if kind or stat.S_ISDIR(info.st_mode):
            raise NotRegularFile(path, kind or "a folder")
        if limit is not None and head is None and info.st_size > limit:
            raise _too_large(path, format_size(info.st_size), limit)
        wanted = head if head is not None else (limit + 1 if limit is not None else None)
        chunks: list[bytes] = []
        total = 0
        while wanted is None or total < wanted:
            size = _CHUNK if wanted is None else min(_CHUNK, wanted - total)
            try:
                chunk = os.read(fd, size)
            except BlockingIOError:  # only special files block, and those were refused above
                break
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if limit is not None and head is None and total > limit:
            raise _too_large(path, f"more than {format_size(limit)}", limit)  # it grew, or lied about its size
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(path: str | os.PathLike[str], shown: str, limit: int) -> ImportFailed:
    return ImportFailed.for_file(
        path, f"is too large to import ({shown}; the limit is {format_size(limit)})"
    )
