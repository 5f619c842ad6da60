"""Write the advance widths of Arial-metric fonts (Liberation Sans) used by the page estimate.

Run once when the table needs regenerating: ``python scripts/make_font_metrics.py``. It reads the TrueType
``cmap``/``hmtx``/``hhea``/``OS/2`` tables directly (no font library needed) of the fonts fontconfig finds for
Arial and Arial Bold, which are metric-compatible with Arial, and writes
``briefing_app/resources/font_metrics.json``: per style, the width of each character in 1/1000 em and the line
height in em.
"""

from __future__ import annotations

import json
import struct
import subprocess
from pathlib import Path

CHARS = [chr(c) for c in range(32, 127)] + list("‘’“”–—…•é·×°€£₹[]") + [chr(c) for c in range(0xA0, 0x100)]
OUT = Path(__file__).resolve().parents[1] / "briefing_app" / "resources" / "font_metrics.json"


def _tables(data: bytes) -> dict[str, tuple[int, int]]:
    count = struct.unpack(">H", data[4:6])[0]
    found = {}
    for i in range(count):
        tag, _sum, offset, length = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
        found[tag.decode()] = (offset, length)
    return found


def _cmap(data: bytes, offset: int) -> dict[int, int]:
    _version, count = struct.unpack(">HH", data[offset:offset + 4])
    for i in range(count):
        platform, encoding, sub = struct.unpack(">HHI", data[offset + 4 + 8 * i: offset + 12 + 8 * i])
        if (platform, encoding) in ((3, 1), (0, 3)):
            base = offset + sub
            if struct.unpack(">H", data[base:base + 2])[0] != 4:
                continue
            segs = struct.unpack(">H", data[base + 6:base + 8])[0] // 2
            ends = struct.unpack(f">{segs}H", data[base + 14: base + 14 + 2 * segs])
            p = base + 16 + 2 * segs
            starts = struct.unpack(f">{segs}H", data[p:p + 2 * segs])
            deltas = struct.unpack(f">{segs}h", data[p + 2 * segs: p + 4 * segs])
            range_at = p + 4 * segs
            ranges = struct.unpack(f">{segs}H", data[range_at: range_at + 2 * segs])
            out = {}
            for s, (start, end, delta, rng) in enumerate(zip(starts, ends, deltas, ranges, strict=True)):
                for code in range(start, end + 1):
                    if rng == 0:
                        glyph = (code + delta) & 0xFFFF
                    else:
                        at = range_at + 2 * s + rng + 2 * (code - start)
                        glyph = struct.unpack(">H", data[at:at + 2])[0]
                        glyph = (glyph + delta) & 0xFFFF if glyph else 0
                    out[code] = glyph
            return out
    raise ValueError("no Unicode cmap")


def metrics(path: str) -> dict[str, object]:
    data = Path(path).read_bytes()
    tables = _tables(data)
    units = struct.unpack(">H", data[tables["head"][0] + 18: tables["head"][0] + 20])[0]
    hhea = tables["hhea"][0]
    n_metrics = struct.unpack(">H", data[hhea + 34: hhea + 36])[0]
    os2 = tables["OS/2"][0]
    win_ascent, win_descent = struct.unpack(">HH", data[os2 + 74: os2 + 78])
    hmtx = tables["hmtx"][0]
    cmap = _cmap(data, tables["cmap"][0])
    widths = {}
    for ch in CHARS:
        glyph = cmap.get(ord(ch), 0)
        index = min(glyph, n_metrics - 1)
        advance = struct.unpack(">H", data[hmtx + 4 * index: hmtx + 4 * index + 2])[0]
        widths[ch] = round(advance * 1000 / units)
    return {"widths": widths, "line": round((win_ascent + win_descent) / units, 4)}


def main() -> None:
    out = {}
    for style, pattern in (("regular", "Arial"), ("bold", "Arial:bold")):
        path = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True,
                              check=True).stdout
        out[style] = metrics(path)
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
