"""Choose quotes for a report: representative, distinct, balanced, readable, always redacted.

Managers used to copy quotes by hand, sometimes the same one twice, sometimes with a child's
name left in. Here quotes come only from redacted text, exact and near duplicates are dropped,
positive and critical sides are chosen alike, and long comments are cut at a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from analysis.text.redact import PLACEHOLDERS, redact
from analysis.text.tokenize import sentences

#: Default number of quotes per side and longest quote, in characters.
PER_SIDE = 3
MAX_CHARS = 200
#: Two quotes whose word pairs overlap this much (Jaccard) say the same thing.
NEAR_DUPLICATE = 0.5
ELLIPSIS = "\u2026"

_WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS))


@dataclass(frozen=True)
class Comment:
    """One analysed free-text answer, as quote selection needs it.

    ``redacted`` should be the stored ``TextAnalysis.redacted``; when it is None the text is
    redacted here (without the caller's known names), so a quote is never the raw text.
    """

    text: str
    sentiment: str
    themes: tuple[str, ...] = ()
    redacted: str | None = None

    def quotable(self) -> str:
        """Return the redacted text, redacting now if no stored version was given."""
        return self.redacted if self.redacted is not None else redact(self.text)


@dataclass(frozen=True)
class _Candidate:
    """A comment prepared for ranking."""

    quote: str
    key: str
    pairs: frozenset[tuple[str, ...]]
    themes: tuple[str, ...]
    sentiment: str
    quality: float


def select_quotes(
    comments: Iterable[Comment], *, per_side: int = PER_SIDE, max_chars: int = MAX_CHARS
) -> dict[str, list[str]]:
    """Pick up to ``per_side`` positive and ``per_side`` critical quotes.

    Each side favours medium-length, specific comments that between them cover the themes
    most often raised on that side; near duplicates are never both chosen.
    """
    pool = list(comments)
    return {
        side: _choose([c for c in pool if c.sentiment == side], per_side, max_chars)
        for side in ("positive", "critical")
    }


def quotes_for_theme(
    comments: Iterable[Comment], theme: str, n: int = PER_SIDE, *, max_chars: int = MAX_CHARS
) -> list[str]:
    """Pick up to ``n`` quotes for one theme, mixing praise and criticism where both exist."""
    return _choose([c for c in comments if theme in c.themes], n, max_chars, mix_sentiment=True)


def trim_quote(text: str, max_chars: int = MAX_CHARS) -> str:
    """Shorten ``text`` to at most ``max_chars`` at a sentence end, marking any cut with "…"."""
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return text
    kept = ""
    for sentence in sentences(text):
        longer = f"{kept} {sentence}".strip()
        if len(longer) + 2 > max_chars:
            break
        kept = longer
    if kept:
        return f"{kept} {ELLIPSIS}"
    cut = text[: max_chars - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + ELLIPSIS


def _normal_words(text: str) -> list[str]:
    """Lower-case words without placeholders, for comparing quotes."""
    return _WORD_RE.findall(_PLACEHOLDER_RE.sub(" ", text).lower())


def _quality(words: Sequence[str], quote: str, themes: Sequence[str], sentiment: str) -> float:
    """Score how good a quote reads: medium length, specific, few placeholders."""
    count = len(words)
    if count < 3:
        score = 0.1
    elif count < 6:
        score = 0.5
    elif count <= 40:
        score = 1.0
    else:
        score = 0.8
    score += 0.1 * min(len(themes), 3)
    score -= 0.2 * len(_PLACEHOLDER_RE.findall(quote))
    if sentiment == "neutral":
        score -= 0.3
    return score


def _prepare(comments: Sequence[Comment], max_chars: int) -> list[_Candidate]:
    """Redact, trim and score comments; drop empty ones and exact duplicates."""
    best: dict[str, _Candidate] = {}
    for comment in comments:
        quotable = comment.quotable()
        words = _normal_words(quotable)
        if not words:
            continue
        key = " ".join(words)
        pairs = frozenset(zip(words, words[1:], strict=False)) or frozenset({(words[0],)})
        candidate = _Candidate(
            quote=trim_quote(quotable, max_chars),
            key=key,
            pairs=pairs,
            themes=tuple(comment.themes),
            sentiment=comment.sentiment,
            quality=_quality(words, quotable, comment.themes, comment.sentiment),
        )
        current = best.get(key)
        better = current is None or (candidate.quality, candidate.quote) > (
            current.quality,
            current.quote,
        )
        if better:
            best[key] = candidate
    return [best[key] for key in sorted(best)]


def _near_duplicate(a: _Candidate, b: _Candidate) -> bool:
    """Say whether two quotes say the same thing: one contains the other, or word pairs overlap."""
    if a.key in b.key or b.key in a.key:
        return True
    overlap = len(a.pairs & b.pairs) / len(a.pairs | b.pairs)
    return overlap >= NEAR_DUPLICATE


def _choose(
    comments: Sequence[Comment], n: int, max_chars: int, *, mix_sentiment: bool = False
) -> list[str]:
    """Greedily pick good, distinct quotes that cover common themes (and sentiments)."""
    candidates = _prepare(comments, max_chars)
    frequency = Counter(theme for c in candidates for theme in c.themes)
    total = sum(frequency.values()) or 1
    chosen: list[_Candidate] = []
    covered_themes: set[str] = set()
    covered_sentiments: set[str] = set()

    def score(candidate: _Candidate) -> float:
        gain = sum(frequency[t] / total for t in candidate.themes if t not in covered_themes)
        if mix_sentiment and candidate.sentiment not in covered_sentiments:
            gain += 0.3
        return round(candidate.quality + gain, 6)

    while len(chosen) < n:
        remaining = [
            c
            for c in candidates
            if c not in chosen and not any(_near_duplicate(c, other) for other in chosen)
        ]
        if not remaining:
            break
        pick = min(remaining, key=lambda c: (-score(c), c.key))
        chosen.append(pick)
        covered_themes.update(pick.themes)
        covered_sentiments.add(pick.sentiment)
    return [c.quote for c in chosen]
