"""Guessing the encoding of undeclared legacy (non-UTF-8) bytes."""

from __future__ import annotations

import re
import unicodedata

from charset_normalizer import from_bytes

# When several encodings read the bytes equally cleanly, prefer the common Western ones:
# with few accented letters charset-normalizer otherwise picks e.g. cp775 for cp1252 text.
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "utf_16")
_CHAOS_TOLERANCE = 0.01
#: How an encoding is named to the officer (a codec name such as "cp1252" means nothing to most).
_SCRIPTS = {
    "cp1252": "Western European", "latin_1": "Western European", "iso8859_15": "Western European",
    "cp1250": "Central European", "iso8859_2": "Central European", "cp1251": "Cyrillic", "koi8_r": "Cyrillic",
    "cp1253": "Greek", "iso8859_7": "Greek", "cp1254": "Turkish", "cp1255": "Hebrew", "cp1256": "Arabic",
    "cp1257": "Baltic", "big5": "Chinese", "gb18030": "Chinese", "gb2312": "Chinese", "cp932": "Japanese",
    "shift_jis": "Japanese", "euc_jp": "Japanese", "cp949": "Korean", "euc_kr": "Korean", "utf_16": "Unicode",
}


def encoding_name(encoding: str) -> str:
    """The encoding in words: "Western European (cp1252)"; the codec name alone when it has no common name."""
    script = _SCRIPTS.get(encoding.lower().replace("-", "_"))
    return f"{script} ({encoding})" if script else encoding


def guessed_warning(encoding: str) -> str:
    """The warning of a guessed encoding, in words."""
    return f"The text's character set was guessed as {encoding_name(encoding)}; check accented letters."


#: The accented letters of the Latin alphabets a word is read against: a word whose accented letters fit
#: none of them (the cp1252 reading "Dvoøák" mixes Nordic ø with á) is unlikely. German letters are in both.
_ALPHABETS = (
    # Western European
    "àâæçéèêëîïôœùûüÿ", "áéíñóúü", "áâãàçéêíóôõú", "àèéìíîòóù", "äöüß", "éèëïöü", "åæøéó", "åäöé",
    "áðéíóúýþæö", "àçèéíïòóú",
    # Central European (Polish, Czech, Slovak, Hungarian, Croatian and Slovene, Romanian)
    "ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž", "áéíóöőúüű", "čćđšž", "ăâîşţșț",
)
#: Western letters only ever followed by a vowel (Spanish "año", Portuguese "ações"): "Gdañsk", "Poznañ"
#: and "Szõke" are Polish and Hungarian names read in the wrong code page.
_BEFORE_VOWEL = re.compile(r"[ñõ](?![aeiouáéíóú])", re.IGNORECASE)
#: a run of letters and digits with a non-ASCII one ("Bia³ystok" is one: ³ is a digit to the regex); plain
#: English words are never looked at (a file may be tens of MB)
_WORD = re.compile(r"[^\W_]*[^\W_\x00-\x7f][^\W_]*")
#: The Central European code page (Windows-1250: Polish, Czech, Slovak, Hungarian, Croatian, Slovene...).
_CENTRAL = "cp1250"
_SAMPLE = 1_000_000


def guess_encoding(data: bytes) -> str | None:
    """The most plausible encoding of ``data`` (not valid UTF-8), or None when it looks binary."""
    guess = _guess(data)
    if guess is None or guess == _CENTRAL:
        return guess
    # Replaced only are the Western guesses and the exotic code pages charset-normalizer offers for a handful
    # of accented letters (mac_latin2, hp_roman8, cp775...), never a named script such as Cyrillic or Baltic.
    if guess in PREFERRED_ENCODINGS[:3] or guess.lower().replace("-", "_") not in _SCRIPTS:
        # A few Polish, Czech or Hungarian letters read as Western ones look clean to charset-normalizer
        # ("£ódŸ" for "Łódź"): the Central European reading wins when it has fewer odd words.
        central = _strict_decode(data, _CENTRAL)
        chosen = _strict_decode(data, guess)
        # the first megabyte of each reading says it (a file may be tens of MB)
        if central is not None and chosen is not None \
                and _odd_words(central[:_SAMPLE]) < _odd_words(chosen[:_SAMPLE]):
            return _CENTRAL
    return guess


def _odd_words(text: str) -> int:
    """How many words with accented letters read unlike any Latin alphabet: a symbol glued to it ("£ódŸ"),
    a capital after a small letter, letters of two alphabets ("Dvoøák"), a Western letter before a consonant."""
    odd = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if not any(c.isalpha() for c in word):
            continue  # a number ("½")
        accented = {c for c in word.lower() if not c.isascii()}
        if any(c.isalpha() and not unicodedata.name(c, "").startswith(("LATIN", "FEMININE ORDINAL", "MASCULINE ORDINAL"))
               for c in accented):
            continue  # another script (Cyrillic, Chinese...): not this test's business
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        glued = any(not c.isascii() and unicodedata.category(c).startswith("S") for c in (before, after)) \
            or after in "¡¿"  # Spanish opens a clause with these: never right after a letter
        capital_inside = any(b.isupper() and not b.isascii() and a.islower() for a, b in zip(word, word[1:], strict=False))
        # a letter glued to a number: "Ł5" is the Central European reading of "£5"
        numbered = any(c.isdigit() for c in word)
        coherent = any(accented <= set(alphabet) for alphabet in _ALPHABETS)
        if glued or capital_inside or numbered or not coherent or _BEFORE_VOWEL.search(word):
            odd += 1
    return odd


def _guess(data: bytes) -> str | None:
    """charset-normalizer's guess, with the Western preferences below."""
    results = list(from_bytes(data))
    if not results:
        return None
    least_chaos = min(result.chaos for result in results)
    clean = [result.encoding for result in results if result.chaos <= least_chaos + _CHAOS_TOLERANCE]
    for preferred in PREFERRED_ENCODINGS:
        if preferred in clean:
            return preferred
    # charset-normalizer reports one encoding of a group that reads these bytes identically
    # (one "ö" in Latin-1 text: cp1250 stands for cp1252, and an exotic hp_roman8, which
    # reads "K—ln", can rank first); when a clean candidate reads them exactly as a
    # preferred Western encoding does, that is the one the writer used.
    readings = {encoding: _strict_decode(data, encoding) for encoding in clean}
    # each preferred reading is made once (a file may be tens of MB): compared here, kept for the test below
    western: dict[str, str | None] = {}
    for preferred in PREFERRED_ENCODINGS:
        western[preferred] = reading = _strict_decode(data, preferred)
        if reading is not None and reading in readings.values():
            return preferred
    if _lone_high_bytes(data) and all(
        reading is not None and len(reading) < len(data) for reading in readings.values()
    ):
        # Only multi-byte (Chinese, Japanese, Korean) readings were offered, yet every
        # non-ASCII byte stands alone between ASCII ones: each such "character" would
        # swallow the next Latin letter ("K闤n" for "Köln"). That is Western text.
        for preferred in PREFERRED_ENCODINGS[:3]:
            if western[preferred] is not None:
                return preferred
    return str(clean[0])  # matches come sorted best first


def _lone_high_bytes(data: bytes) -> bool:
    """Whether ``data`` has non-ASCII bytes and each is flanked by ASCII bytes."""
    high = [index for index, byte in enumerate(data) if byte >= 0x80]
    return bool(high) and all(
        (index == 0 or data[index - 1] < 0x80) and (index + 1 == len(data) or data[index + 1] < 0x80)
        for index in high
    )


def _strict_decode(data: bytes, encoding: str) -> str | None:
    """``data`` read as ``encoding``, or None where it has bytes that encoding lacks."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
