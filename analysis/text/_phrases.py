"""Match lexicon phrases against normalised words, so managers can write patterns, not regexes.

The syntax is documented at the top of ``lexicons/sentiment.yaml``. Patterns are indexed by
their first word, so a comment is read in one pass whatever the size of the lexicon.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: Tokens that end a clause; gaps and phrases never cross them.
BOUNDARIES = frozenset({".", ","})

_GROUP_RE = re.compile(r"\(([^()]*)\)")
_GAP_RE = re.compile(r"~(\d*)")
_WORD_RE = re.compile(r"[a-z0-9'|*#_-]+")
_MIN_STEM = 2


class PatternError(ValueError):
    """A lexicon pattern that cannot be compiled; the message names it."""


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found at tokens ``start`` up to (not including) ``end``."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class _Element:
    """One position of a pattern: a word choice, a number, any word, or a gap."""

    exact: frozenset[str] = frozenset()
    stems: tuple[str, ...] = ()
    number: bool = False
    any_word: bool = False
    gap: int = 0

    def accepts(self, token: str) -> bool:
        """Say whether ``token`` fills this (non-gap) position."""
        if token in BOUNDARIES:
            return False
        if self.any_word or token in self.exact:
            return True
        if self.number and token.isdigit():
            return True
        return any(token.startswith(stem) for stem in self.stems)


def expand(pattern: str) -> list[str]:
    """Spell out every ``(a b|c)`` choice of a pattern as a plain pattern."""
    parts = _GROUP_RE.split(pattern)
    fixed = parts[0::2]
    choices = [group.split("|") for group in parts[1::2]]
    if any("(" in part or ")" in part for part in fixed):
        raise PatternError(f"unbalanced or nested brackets in {pattern!r}")
    expanded = []
    for combination in itertools.product(*choices):
        text = fixed[0] + "".join(c + f for c, f in zip(combination, fixed[1:], strict=True))
        expanded.append(" ".join(text.split()))
    return [text for text in expanded if text]


def _compile_element(word: str, pattern: str) -> _Element:
    """Turn one space-separated word of a pattern into an element."""
    gap = _GAP_RE.fullmatch(word)
    if gap:
        return _Element(gap=int(gap.group(1) or 2))
    if not _WORD_RE.fullmatch(word):
        raise PatternError(f"unexpected character in {word!r} of {pattern!r}")
    if word == "#":
        return _Element(number=True)
    if word == "_":
        return _Element(any_word=True)
    exact: set[str] = set()
    stems: list[str] = []
    for choice in word.split("|"):
        if not choice:
            raise PatternError(f"empty choice in {pattern!r}")
        if choice.endswith("*"):
            if len(choice) - 1 < _MIN_STEM:
                raise PatternError(f"stem too short in {pattern!r}")
            stems.append(choice[:-1])
        else:
            exact.add(choice)
    return _Element(exact=frozenset(exact), stems=tuple(stems))


class PhraseSet:
    """A compiled set of labelled phrases, searched over a list of normalised tokens."""

    #: Distinct words (and word pairs) whose candidate patterns are remembered: answers
    #: repeat the same words, so most lookups are then one dictionary read.
    CACHE_SIZE = 50_000

    def __init__(self, patterns: Iterable[tuple[str, str]]) -> None:
        self._patterns: list[tuple[tuple[_Element, ...], str]] = []
        self._by_word: dict[str, list[int]] = defaultdict(list)
        self._by_stem: dict[str, list[int]] = defaultdict(list)
        self._by_number: list[int] = []
        for raw, label in patterns:
            for text in expand(raw.lower()):
                self._add(text, label)
        self._stem_lengths = sorted({len(stem) for stem in self._by_stem})
        self._cache: dict[str, tuple[tuple[tuple[_Element, ...], str], ...]] = {}
        self._pair_cache: dict[
            tuple[str, str | None], tuple[tuple[tuple[_Element, ...], str], ...]
        ] = {}

    def _add(self, text: str, label: str) -> None:
        elements = tuple(_compile_element(word, text) for word in text.split())
        first = elements[0]
        if first.gap or first.any_word or (elements[-1].gap):
            raise PatternError(f"a pattern cannot start or end with a gap or _: {text!r}")
        index = len(self._patterns)
        self._patterns.append((elements[1:], label))
        for word in first.exact:
            self._by_word[word].append(index)
        for stem in first.stems:
            self._by_stem[stem].append(index)
        if first.number:
            self._by_number.append(index)

    def _candidates(self, token: str) -> tuple[tuple[tuple[_Element, ...], str], ...]:
        """Return (rest of pattern, label) for each pattern whose first word can be ``token``."""
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        found = list(self._by_word.get(token, ()))
        for length in self._stem_lengths:
            if length > len(token):
                break
            found.extend(self._by_stem.get(token[:length], ()))
        if token.isdigit():
            found.extend(self._by_number)
        result = tuple(self._patterns[i] for i in sorted(set(found)))
        if len(self._cache) >= self.CACHE_SIZE:
            self._cache.clear()
        self._cache[token] = result
        return result

    def _viable(
        self, token: str, following: str | None
    ) -> tuple[tuple[tuple[_Element, ...], str], ...]:
        """Return the candidates for ``token`` whose second word can be ``following``."""
        key = (token, following)
        cached = self._pair_cache.get(key)
        if cached is not None:
            return cached
        viable = tuple(
            (rest, label)
            for rest, label in self._candidates(token)
            if not rest or rest[0].gap or (following is not None and rest[0].accepts(following))
        )
        if len(self._pair_cache) >= self.CACHE_SIZE:
            self._pair_cache.clear()
        self._pair_cache[key] = viable
        return viable

    def find_all(self, tokens: Sequence[str]) -> list[Match]:
        """Return every match of every pattern, overlapping ones included."""
        matches = []
        size = len(tokens)
        for start, token in enumerate(tokens):
            if token in BOUNDARIES:
                continue
            following = tokens[start + 1] if start + 1 < size else None
            for rest, label in self._viable(token, following):
                if not rest:
                    end: int | None = start + 1
                elif rest[0].gap:
                    end = _match_from(rest, 0, tokens, start + 1)
                else:
                    end = _match_from(rest, 1, tokens, start + 2)
                if end is not None:
                    matches.append(Match(start, end, label))
        return matches

    def find_longest(self, tokens: Sequence[str]) -> list[Match]:
        """Return non-overlapping matches, longer phrases first, in text order."""
        chosen: list[Match] = []
        taken = [False] * len(tokens)
        ranked = sorted(self.find_all(tokens), key=lambda m: (m.start - m.end, m.start))
        for match in ranked:
            if not any(taken[match.start : match.end]):
                chosen.append(match)
                taken[match.start : match.end] = [True] * (match.end - match.start)
        return sorted(chosen, key=lambda m: m.start)


def _match_from(
    elements: tuple[_Element, ...], position: int, tokens: Sequence[str], at: int
) -> int | None:
    """Match ``elements[position:]`` from token ``at``; return the end index or None."""
    size = len(tokens)
    while position < len(elements):
        element = elements[position]
        if element.gap:
            for skip in range(element.gap + 1):
                end = _match_from(elements, position + 1, tokens, at + skip)
                if end is not None:
                    return end
                if at + skip >= size or tokens[at + skip] in BOUNDARIES:
                    return None
            return None
        if at >= size or not element.accepts(tokens[at]):
            return None
        position += 1
        at += 1
    return at
