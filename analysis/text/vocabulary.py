"""Know ordinary English words, first names and words to keep, so names can be told apart.

The English word list is the lower-case part of the Brill tagger lexicon that TextBlob ships
(``textblob/en/en-lexicon.txt``: MIT licence, Brill 1993, with additions from CMU's Twitter
POS data under CC-BY 3.0). We read it from the installed package at run time rather than copy
it, and add our own ``ordinary_words.txt`` for British spellings and care-sector words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from analysis.text.lexicons import load_words

_BRILL_WORD_RE = re.compile(r"^([a-z][a-z'-]*) ", re.MULTILINE)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: Endings tried when a word form is not itself listed ("carers" -> "carer").
_ENDINGS = (
    ("s", ""),
    ("es", ""),
    ("ies", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("er", ""),
    ("ers", ""),
    ("est", ""),
    ("'s", ""),
)


def fold(word: str) -> str:
    """Lower-case a word and strip accents, so "Zoë" and "zoe" compare equal."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def ordinary_words() -> frozenset[str]:
    """Return the lower-case English word list (loaded once, about 55,000 words)."""
    lexicon = resources.files("textblob").joinpath("en", "en-lexicon.txt")
    brill = _BRILL_WORD_RE.findall(lexicon.read_text(encoding="utf-8"))
    return frozenset(brill) | load_words("ordinary_words.txt")


@cache
def first_names() -> frozenset[str]:
    """Return the folded first names of ``first_names.txt``."""
    return frozenset(fold(name) for name in load_words("first_names.txt"))


@cache
def keep_words() -> frozenset[str]:
    """Return the folded single words of ``keep_words.txt``."""
    return frozenset(fold(w) for w in load_words("keep_words.txt") if " " not in w)


@cache
def keep_phrases() -> tuple[str, ...]:
    """Return the folded several-word entries of ``keep_words.txt``, longest first."""
    phrases = (fold(w) for w in load_words("keep_words.txt") if " " in w)
    return tuple(sorted(phrases, key=len, reverse=True))


@cache
def acronyms() -> frozenset[str]:
    """Return ``acronyms.txt`` in upper case."""
    return frozenset(a.upper() for a in load_words("acronyms.txt"))


def is_ordinary(word: str) -> bool:
    """Say whether a folded word (or every part of a hyphenated one) is ordinary English."""
    if "-" in word:
        return all(is_ordinary(part) for part in word.split("-") if part)
    vocabulary = ordinary_words()
    if word in vocabulary:
        return True
    for ending, replacement in _ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and stem + replacement in vocabulary:
            return True
    return False


def is_keep_word(word: str) -> bool:
    """Say whether a folded word is on the keep list, allowing a plural ("Sundays")."""
    keep = keep_words()
    return word in keep or (word.endswith("s") and word[:-1] in keep)


def is_acronym(token: str) -> bool:
    """Say whether a token written with two or more capitals is a known acronym ("IROs")."""
    if token.islower() or token[1:].islower() or sum(map(str.isupper, token)) < 2:
        return False
    upper = token.upper()
    known = acronyms()
    return upper in known or (upper.endswith("S") and upper[:-1] in known)


def looks_misspelt(word: str) -> bool:
    """Say whether a folded word is one edit away from an ordinary word of four letters or more.

    Used only for capitalised words at the start of a sentence, so "Realy good" is not read as
    a name while "Kacper is my friend" still is.
    """
    if len(word) < 4 or not word.isalpha():
        return False
    vocabulary = ordinary_words()
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    candidates = {a + b[1:] for a, b in splits if b}
    candidates |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    candidates |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    candidates |= {a + c + b for a, b in splits for c in _LETTERS}
    return any(len(c) >= 4 and c in vocabulary for c in candidates - {word})
