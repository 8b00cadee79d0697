"""Split free text into sentences and words, and read it the way people actually write it.

Children and young people write "my sw is gr8", "dont no who my iro is", "thx 4 everything";
the lexicons are written in plain English, so ``normalise`` maps one onto the other. Only the
analysis sees normalised words: redaction and quotes work on the text as written.
We split text ourselves because TextBlob's tokenizers need NLTK data we cannot download.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.text.lexicons import load_yaml

#: Tokens ``normalise`` uses for the end of a sentence and for a comma.
SENTENCE_END = "."
COMMA = ","

_TOKEN_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[.!?;:\n]+|,")
_REPEAT_RE = re.compile(r"([^\W\d_])\1{2,}")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})

# Sentence boundaries: end punctuation (with closing quotes or brackets) before a space, or
# a line break. An abbreviation or a single initial before a full stop is not a boundary.
_BOUNDARY_RE = re.compile(r"[.!?]+[\"')\]\u201d\u2019]*(?=\s|$)|\n+")
_ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr st prof rev no vs etc eg e.g ie i.e approx ext tel dept jan feb mar apr "
    "jun jul aug sep sept oct nov dec".split()
)
_LAST_WORD_RE = re.compile(r"([\w.]+)[.]*$")
_INITIALS_RE = re.compile(r"[b-hj-z](?:\.[a-z])*|[a-z](?:\.[a-z])+")


@cache
def _maps() -> tuple[
    dict[str, tuple[str, ...]],
    dict[tuple[str, str], tuple[str, ...]],
    re.Pattern[str] | None,
    dict[str, str],
]:
    """Load normalise.yaml once: word map, two-word map, and the slashed-forms regex."""
    data = load_yaml("normalise.yaml")
    words: dict[str, tuple[str, ...]] = {}
    for section in ("text_speak", "misspellings"):
        for key, value in (data.get(section) or {}).items():
            words[str(key).translate(_APOSTROPHES)] = tuple(str(value).split())
    pairs: dict[tuple[str, str], tuple[str, ...]] = {}
    for key, value in (data.get("two_words") or {}).items():
        first, second = str(key).translate(_APOSTROPHES).split()
        pairs[(first, second)] = tuple(str(value).split())
    slashed = {str(k): str(v) for k, v in (data.get("slashed") or {}).items()}
    pattern = None
    if slashed:
        alternatives = "|".join(re.escape(k) for k in sorted(slashed, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w/.])(?:{alternatives})(?![\w/])")
    return words, pairs, pattern, slashed


def normalise(text: str) -> tuple[str, ...]:
    """Return the lower-case words of ``text`` in plain English, with clause marks.

    Sentence ends (``.``, ``!``, ``?``, ``;``, ``:``, line breaks) become ``"."`` and commas
    ``","``, so phrases and negation can stop at clause boundaries.
    """
    words_map, pairs, slashed_re, slashed = _maps()
    lowered = text.lower().translate(_APOSTROPHES)
    if slashed_re is not None:
        lowered = slashed_re.sub(lambda m: slashed[m.group(0)], lowered)
    raw: list[str] = []
    for piece in _TOKEN_RE.findall(lowered):
        if piece == COMMA:
            raw.append(COMMA)
        elif piece[0].isalnum():
            raw.append(_REPEAT_RE.sub(r"\1\1", piece))
        elif not (piece == "." and raw and _is_abbreviation(raw[-1])):
            raw.append(SENTENCE_END)
    out: list[str] = []
    i = 0
    while i < len(raw):
        token = raw[i]
        pair = pairs.get((token, raw[i + 1])) if i + 1 < len(raw) else None
        if pair is not None:
            out.extend(pair)
            i += 2
            continue
        out.extend(_normalise_word(token, words_map))
        i += 1
    return tuple(out)


def _normalise_word(token: str, words_map: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Map one token through the word map, dropping a possessive ending first if needed."""
    mapped = words_map.get(token)
    if mapped is not None:
        return mapped
    if token.endswith("'s"):
        base = token[:-2]
        return words_map.get(base, (base,))
    if token.endswith("s'"):
        return (token[:-1],)
    return (token,)


def words(text: str) -> list[str]:
    """Return the normalised words of ``text`` without clause marks."""
    return [t for t in normalise(text) if t not in (SENTENCE_END, COMMA)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character offsets of each sentence, surrounding space trimmed."""
    spans = []
    start = 0
    for boundary in _BOUNDARY_RE.finditer(text):
        if boundary.group(0).startswith(".") and _is_abbreviation(text[start : boundary.start()]):
            continue
        spans.append((start, boundary.end()))
        start = boundary.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            offset = begin + len(piece) - len(piece.lstrip())
            trimmed.append((offset, offset + len(stripped)))
    return trimmed


def _is_abbreviation(before: str) -> bool:
    """Say whether the text before a full stop ends in an abbreviation or an initial."""
    last = _LAST_WORD_RE.search(before)
    if not last:
        return False
    word = last.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or bool(_INITIALS_RE.fullmatch(word))


def sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, keeping their own punctuation."""
    return [text[start:end] for start, end in sentence_spans(text)]
