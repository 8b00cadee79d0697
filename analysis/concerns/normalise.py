"""Normalise free text so one lexicon entry matches the many ways children type a word.

Two forms are produced. ``normalise`` keeps accents (Vietnamese needs them for a few words
whose unaccented spelling means something harmless). ``fold`` also removes every accent and
Arabic vowel mark, which is what most matching uses: children often type Vietnamese without
diacritics, Albanian ``e`` for ``ë``, and Arabic-script text with or without harakat.

Both forms map letter variants to one letter (Arabic and Persian yeh and kaf, teh marbuta,
Sorani and Pashto letters often typed with an Arabic keyboard, Ethiopic syllables written with
either of two equivalent consonants), remove tatweel and invisible joiners, drop apostrophes
("don't" becomes "dont") and turn sentence punctuation of every script into ``.`` or ``?``.
"""

from __future__ import annotations

import re
import unicodedata

BREAK = "."
QUESTION = "?"

_YEH = "\u06cc"  # Persian yeh; Arabic yeh and alef maksura fold to it
_KEHEH = "\u06a9"  # Persian kaf; Arabic kaf folds to it
_HEH = "\u0647"


def _ethiopic_series(source: int, target: int) -> dict[int, str]:
    """Map the seven vowel orders of one Ethiopic consonant onto another's."""
    return {source + i: chr(target + i) for i in range(8)}


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    # Invisible characters that split or join words without being seen.
    for code in (0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF):
        table[code] = None
    for code in range(0x202A, 0x202F):
        table[code] = None
    for code in range(0x2066, 0x206A):
        table[code] = None
    # Joining punctuation reads as a space: "self-harm" is "self harm".
    for char in "-\u2010\u2011\u2012\u2013\u2014\u2015_/\\+&\u1361":
        table[ord(char)] = " "
    # Sentence and clause punctuation ends the reach of a negation.
    for char in ".!;:,\u2026\n\r\u060c\u061b\u06d4\u1362\u1363\u1364\u1365\u1366\u1368":
        table[ord(char)] = f" {BREAK} "
    for char in "?\u061f\u1367":
        table[ord(char)] = f" {QUESTION} "
    # Arabic script: one letter for each set of variants.
    table[0x0640] = None  # tatweel
    for code in [*range(0x064B, 0x0660), 0x0670]:  # harakat, shadda, sukun, dagger alef
        table[code] = None
    for code in (0x064A, 0x0649, 0x06D0, 0x06CD, 0x06CE):  # ي ى ې ۍ ێ
        table[code] = _YEH
    table[0x0643] = _KEHEH  # ك
    for code in (0x0629, 0x06BE, 0x06C0, 0x06C1, 0x06D5):  # ة ھ ۀ ہ ە
        table[code] = _HEH
    table[0x06C6] = "\u0648"  # ۆ -> و
    table[0x0695] = "\u0631"  # ڕ -> ر
    table[0x06B5] = "\u0644"  # ڵ -> ل
    table[0x06AB] = "\u06af"  # ګ -> گ
    for code in (0x0622, 0x0623, 0x0625, 0x0671):  # آ أ إ ٱ
        table[code] = "\u0627"
    table[0x0624] = "\u0648"  # ؤ
    table[0x0626] = _YEH  # ئ
    for zero in (0x0660, 0x06F0):  # Arabic-Indic and Persian digits
        for i in range(10):
            table[zero + i] = str(i)
    # Ethiopic: ሐ and ኀ read as ሀ, ሠ as ሰ, ዐ as አ, ፀ as ጸ.
    table.update(_ethiopic_series(0x1210, 0x1200))
    table.update(_ethiopic_series(0x1280, 0x1200))
    table.update(_ethiopic_series(0x1220, 0x1230))
    table.update(_ethiopic_series(0x12D0, 0x12A0))
    table.update(_ethiopic_series(0x1340, 0x1338))
    return table


#: Apostrophes vanish, before NFKC turns ´ into a space and an accent, so "don't", "dont",
#: "don’t" and "don´t" are one word.
_APOSTROPHES = {ord(char): None for char in "'\u2018\u2019\u02bc\u02bb`\u00b4"}
#: Phone keyboards' curly quotes, dashes and spaces, written as the ASCII they stand for.
_TYPOGRAPHY = _APOSTROPHES | {
    **{ord(char): '"' for char in "\u201c\u201d\u201e"},
    **{ord(char): "-" for char in "\u2010\u2011\u2012\u2013\u2014\u2015"},
    **{ord(char): " " for char in "\u00a0\u2009\u202f"},
    ord("\u2026"): ".",
}
_TABLE = _build_table()
_FOLD_TABLE = {**_TABLE, ord("\u0111"): "d", ord("\u0142"): "l", ord("\u00f8"): "o"}
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc"
    "\u06df-\u06e8\u06ea-\u06ed\u135d-\u135f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\ufe20-\ufe2f]"
)
_TOKENS = re.compile(r"\w+|[.?]")


def _ascii_table() -> bytes:
    """Byte table giving ASCII text exactly the treatment ``_TABLE`` and ``_TOKENS`` give."""
    table = bytearray(range(256))
    for code in range(128):
        char = chr(code)
        if char.isalnum():
            continue
        target = _TABLE.get(code) or " "
        table[code] = ord(target.strip() or " ")
    return bytes(table)


_ASCII_TABLE = _ascii_table()
_ASCII_DELETE = bytes(code for code in _APOSTROPHES if code < 128)

SCRIPTS: dict[str, re.Pattern[str]] = {
    "latin": re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"),
    "arabic": re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
    "ethiopic": re.compile("[\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f]"),
}


def normalise(text: str) -> str:
    """Return ``text`` compatibility-composed, case-folded and with letter variants unified."""
    return unicodedata.normalize("NFKC", text.translate(_APOSTROPHES)).casefold().translate(_TABLE)


def fold(normalised: str) -> str:
    """Remove accents and vowel marks from text that ``normalise`` has already prepared."""
    if normalised.isascii():
        return normalised
    stripped = _MARKS.sub("", unicodedata.normalize("NFD", normalised))
    return stripped.translate(_FOLD_TABLE)


def tokens(prepared: str) -> list[str]:
    """Split prepared text into words plus ``.`` and ``?`` marks where clauses end."""
    return _TOKENS.findall(prepared)


def plain_typography(text: str) -> str:
    """Replace curly quotes, dashes and special spaces, so most phone text becomes ASCII."""
    return text.translate(_TYPOGRAPHY)


def ascii_tokens(text: str) -> list[str]:
    """Give ASCII text the tokens ``tokens(fold(normalise(text)))`` gives, five times faster.

    Most comments are plain ASCII English, so this path decides the cost of bulk imports.
    """
    data = text.encode("ascii").lower().translate(_ASCII_TABLE, _ASCII_DELETE)
    data = data.replace(b".", b" . ").replace(b"?", b" ? ")
    return data.decode("ascii").split()


def scripts_in(text: str) -> frozenset[str]:
    """Name the writing systems that occur in ``text`` (latin, arabic, ethiopic)."""
    return frozenset(name for name, pattern in SCRIPTS.items() if pattern.search(text))
