"""Guessing the encoding of undeclared legacy (non-UTF-8) bytes."""

from __future__ import annotations

from charset_normalizer import from_bytes

# When several encodings read the bytes equally cleanly, prefer the common Western ones:
# with few accented letters charset-normalizer otherwise picks e.g. cp775 for cp1252 text.
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "utf_16")
_CHAOS_TOLERANCE = 0.01


def guess_encoding(data: bytes) -> str | None:
    """The most plausible encoding of ``data`` (not valid UTF-8), or None when it looks binary."""
    results = list(from_bytes(data))
    if not results:
        return None
    least_chaos = min(result.chaos for result in results)
    clean = [result.encoding for result in results if result.chaos <= least_chaos + _CHAOS_TOLERANCE]
    for preferred in PREFERRED_ENCODINGS:
        if preferred in clean:
            return preferred
    return str(clean[0])  # matches come sorted best first
