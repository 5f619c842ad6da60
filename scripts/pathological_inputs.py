"""Analysis time on pathological inputs, beside stock spaCy on the same text (a probe, never a test).

Usage: python scripts/pathological_inputs.py [--kinds single_line,no_spaces,...] [--sizes 50,100,200,400]
       [--no-stock] [--cap 90] [--profile KIND:SIZE]

Officers import whatever they get: a long text pasted as one line, a PDF extract whose spaces are lost, a
table dumped as one line, text without sentence punctuation, a run of capitalised words (a list of names,
an all-caps annex), a base64 blob or URL soup from an HTML export, Devanagari or emoji runs. Each kind is
generated (made up, deterministic) at each size in kB (thousands of characters), normalised as an import
would be, and timed through the app's analyser and through stock ``nlp(text)`` (both loaded once). Per size:
seconds, the ratio app/stock, and the growth of the app's time per doubling of the size (2.0 = linear).
A kind whose app run exceeds ``--cap`` seconds is not run at larger sizes. ``--profile kind:size`` prints a
cProfile of that one analysis instead.
"""

from __future__ import annotations

import argparse
import cProfile
import math
import pstats
import random
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing_app.domain.text import normalize_text  # noqa: E402
from briefing_app.resources import resource_path  # noqa: E402


def _sample() -> str:
    return resource_path("sample_article.txt").read_text(encoding="utf-8")


def _fill(unit: Callable[[random.Random], str], size: int, sep: str = " ") -> str:
    """``unit`` pieces joined by ``sep`` until ``size`` characters (cut at the size)."""
    rng = random.Random(size)
    out: list[str] = []
    total = 0
    while total < size:
        piece = unit(rng)
        out.append(piece)
        total += len(piece) + len(sep)
    return sep.join(out)[:size]


def single_line(size: int) -> str:
    """The sample article repeated as one line (paragraph breaks become spaces)."""
    base = " ".join(_sample().split("\n"))
    return _fill(lambda _r: base, size)


#: A made-up report with acronyms in running text (each an unknown body's name to the acronym rule).
ACRONYM_REPORT = ("Prime Minister Narendra Modi met Prime Minister Anthony Albanese in Canberra on Tuesday. The leaders "
                  "welcomed the work of SJVN and NHPC on hydropower in Bhutan and asked IREDA to finance solar parks. "
                  "Mr Albanese said the ECTA had lifted trade, and that KOMPAS would map the Indian Ocean.")


def acronym_line(size: int) -> str:
    """A report with acronyms repeated as one line (the reviewer's slow case: many all-caps words on one line)."""
    return _fill(lambda _r: ACRONYM_REPORT, size)


def no_spaces(size: int) -> str:
    """A PDF extract whose spaces are lost: the sample article with no whitespace at all."""
    base = "".join(_sample().split())
    return _fill(lambda _r: base, size, sep="")


def table_line(size: int) -> str:
    """A table dumped as one line: cells between pipes, figures, codes and dates."""
    countries = ["India", "Australia", "Japan", "Viet Nam", "Indonesia", "Fiji", "Papua New Guinea", "Sri Lanka"]

    def row(rng: random.Random) -> str:
        return (f"| {rng.choice(countries)} | {rng.randint(1, 999)}.{rng.randint(0, 99):02d} | "
                f"{rng.randint(2001, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} | "
                f"AUD {rng.randint(1, 99_999):,} | {rng.choice(['MoU', 'FTA', 'CECA', 'n/a'])} | "
                f"{rng.randint(0, 100)}% |")
    return _fill(row, size)


def no_punct(size: int) -> str:
    """Text without any sentence punctuation, as one line (a transcript or a caption dump)."""
    base = " ".join(_sample().translate(str.maketrans("", "", ".!?…;:")).split())
    return _fill(lambda _r: base, size)


def caps_names(size: int) -> str:
    """A list of made-up names with no punctuation: one long run of capitalised words."""
    first = ["Arjun", "Meera", "Tomas", "Keiko", "Rahul", "Priya", "Oliver", "Sione", "Leilani", "Dev"]
    last = ["Pradhan", "Whitcombe", "Nakamura", "Raghavan", "Tupou", "Fernando", "Castellano", "Okafor"]
    return _fill(lambda r: f"{r.choice(first)} {r.choice(last)}", size)


def name_list(size: int) -> str:
    """A delegation list: thousands of different made-up people, "Name Surname, Name Surname, ..." on one line."""
    onsets = ["b", "d", "k", "m", "n", "p", "r", "s", "t", "v", "ch", "sh"]
    vowels = ["a", "e", "i", "o", "u", "ai"]

    def word(rng: random.Random, syllables: int) -> str:
        return "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(syllables)).capitalize()
    return _fill(lambda r: f"{word(r, 2)} {word(r, 3)},", size)


def acronym_defs(size: int) -> str:
    """A list of made-up bodies, each defined with its acronym and named by it: "The Kimo Tosire Agency (KTAX) said
    the KTAX would help." (thousands of different acronyms, one line)."""
    onsets = ["b", "d", "k", "m", "n", "p", "r", "s", "t", "v"]

    def word(rng: random.Random, syllables: int) -> str:
        return "".join(rng.choice(onsets) + rng.choice("aeiou") for _ in range(syllables)).capitalize()

    def body(rng: random.Random) -> str:
        a, b, c = word(rng, 2), word(rng, 3), rng.choice(["Agency", "Council", "Authority", "Bank"])
        acronym = a[0] + b[0] + c[0] + rng.choice("XYZQ")
        return f"The {a} {b} {c} ({acronym}) said the {acronym} would help."
    return _fill(body, size)


#: A made-up report that defines its acronyms, as an article repeated defines them again in each copy.
DEFINING_REPORT = ("The Export Credit Agency (ECA) of Kenya met Prime Minister Narendra Modi in Delhi. The ECA said trade "
                   "with the European Union (EU) would grow, and the EU agreed.")


def repeated_defs(size: int) -> str:
    """A report that defines its acronyms, repeated as one line (each copy defines them again)."""
    return _fill(lambda _r: DEFINING_REPORT, size)


def all_caps(size: int) -> str:
    """An all-caps annex as one line (the sample article upper-cased)."""
    base = " ".join(_sample().upper().split())
    return _fill(lambda _r: base, size)


def base64_blob(size: int) -> str:
    """An embedded image as base64 with a sentence either side."""
    alphabet = string.ascii_letters + string.digits + "+/"
    rng = random.Random(7)
    blob = "".join(rng.choice(alphabet) for _ in range(size))
    head = "Prime Minister Narendra Modi met Anthony Albanese in Canberra. data:image/png;base64,"
    return (head + blob)[:size - 40] + "= The talks ended on Tuesday."


def url_soup(size: int) -> str:
    """Links from an HTML export, one after another."""
    hosts = ["www.mea.gov.in", "dfat.gov.au", "www.pmindia.gov.in", "pib.gov.in", "example.org"]

    def url(rng: random.Random) -> str:
        return (f"https://{rng.choice(hosts)}/Press-Releases/{rng.randint(1000, 99999)}/"
                f"India-Australia_Strategic_Partnership.htm?lang={rng.choice(['en', 'hi'])}&id={rng.randint(1, 9999)}")
    return _fill(url, size)


def devanagari(size: int) -> str:
    """Hindi sentences (danda ends) mixed with English names and emoji, as one line."""
    hindi = ["प्रधानमंत्री नरेन्द्र मोदी ने आज कैनबरा में बैठक की।", "भारत और ऑस्ट्रेलिया के बीच व्यापार बढ़ रहा है।",
             "Prime Minister Narendra Modi met Anthony Albanese.", "दोनों नेताओं ने रक्षा सहयोग पर चर्चा की।",
             "🇮🇳🤝🇦🇺 👏👏👏", "समुद्री सुरक्षा पर नई पहल 🚢⚓ शुरू हुई।"]
    return _fill(lambda r: r.choice(hindi), size)


def emoji_run(size: int) -> str:
    """A long run of emoji (astral code points: two UTF-16 units each) with a name now and then."""
    emoji = ["😀", "🇮🇳", "👍🏽", "🚀", "❤️", "🤝", "👨‍👩‍👧"]

    def unit(rng: random.Random) -> str:
        run = "".join(rng.choice(emoji) for _ in range(rng.randint(20, 60)))
        return run + (" Narendra Modi" if rng.random() < 0.2 else "")
    return _fill(unit, size)


KINDS: dict[str, Callable[[int], str]] = {
    f.__name__: f for f in (single_line, acronym_line, no_spaces, table_line, no_punct, caps_names, name_list, acronym_defs, repeated_defs, all_caps, base64_blob,
                            url_soup, devanagari, emoji_run)
}


def make(kind: str, kb: int) -> str:
    """The normalised text of ``kind`` at ``kb`` thousand characters."""
    return normalize_text(KINDS[kind](kb * 1000))


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    """Print the table (or a profile)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--sizes", default="50,100,200,400")
    ap.add_argument("--no-stock", action="store_true", help="skip stock spaCy")
    ap.add_argument("--cap", type=float, default=90.0, help="skip larger sizes of a kind after a run this long (s)")
    ap.add_argument("--profile", default="", help="KIND:SIZE: print a cProfile of that analysis")
    args = ap.parse_args(argv)

    import spacy

    from briefing_app.nlp.analyzer import create_analyzer
    from briefing_app.nlp.model_loading import DEFAULT_MODEL

    analyzer = create_analyzer()
    analyzer.analyze(_sample())  # warm up (lazy stages)
    if args.profile:
        kind, kb = args.profile.split(":")
        text = make(kind, int(kb))
        prof = cProfile.Profile()
        prof.enable()
        analyzer.analyze(text)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)
        return 0
    stock = None
    if not args.no_stock:
        stock = spacy.load(DEFAULT_MODEL)
        stock.max_length = 2_000_000
        stock(_sample())
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'kind':<12} {'kB':>4} {'app s':>8} {'stock s':>8} {'app/stock':>9} {'growth':>7}", flush=True)
    for kind in args.kinds.split(","):
        previous: tuple[int, float] | None = None
        for kb in sizes:
            text = make(kind, kb)
            app_s = _timed(lambda text=text: analyzer.analyze(text))
            stock_s = _timed(lambda text=text: stock(text)) if stock is not None else 0.0
            ratio = f"{app_s / stock_s:9.2f}" if stock_s else f"{'-':>9}"
            growth = "-"
            if previous is not None and previous[1] > 0:
                # time ratio per doubling of the size (2.0 = linear)
                factor = kb / previous[0]
                growth = f"{(app_s / previous[1]) ** (1 / max(1e-9, math.log2(factor))):.2f}"
            print(f"{kind:<12} {kb:>4} {app_s:8.2f} {stock_s:8.2f} {ratio} {growth:>7}", flush=True)
            previous = (kb, app_s)
            if app_s > args.cap:
                print(f"{kind:<12} (larger sizes skipped: over {args.cap:.0f} s)", flush=True)
                break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
