"""Read free-text answers: sentiment, themes, redaction and quotes for reports.

``analyse_text`` is what the web layer and ``feedback-app analyse-text`` call for every
answer; the parts live in small modules (``tokenize``, ``sentiment``, ``themes``, ``redact``,
``quotes``) driven by the readable lexicons in ``lexicons/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version

from analysis.text import lexicons
from analysis.text.quotes import Comment, quotes_for_theme, select_quotes
from analysis.text.redact import PLACEHOLDERS, redact
from analysis.text.sentiment import SENTIMENTS, classify_tokens
from analysis.text.themes import THEMES, themes_from_tokens
from analysis.text.tokenize import normalise

#: Bump when a rule in the code changes meaning; lexicon edits are picked up by their hash.
RULES_VERSION = 1

#: How many distinct short answers ``analyse_text`` remembers, and how short is short:
#: repeats are answers like "n/a" or "nothing", so long ones are not worth the memory.
CACHE_SIZE = 4096
CACHE_MAX_CHARS = 200

#: Identifies the lexicons and rules that produced a result, so stored results can be redone.
LEXICON_VERSION = f"r{RULES_VERSION}-{lexicons.digest()}-tb{version('textblob')}"

__all__ = [
    "LEXICON_VERSION",
    "PLACEHOLDERS",
    "SENTIMENTS",
    "THEMES",
    "Comment",
    "TextAnalysis",
    "analyse_text",
    "quotes_for_theme",
    "redact",
    "select_quotes",
]


@dataclass(frozen=True)
class TextAnalysis:
    """What one free-text answer says: its sentiment, its themes and a quotable version."""

    sentiment: str
    themes: tuple[str, ...]
    redacted: str

    def as_dict(self) -> dict[str, object]:
        """Return plain JSON-ready data (themes as a list)."""
        return {"sentiment": self.sentiment, "themes": list(self.themes), "redacted": self.redacted}


def analyse_text(
    text: str, names: Iterable[str] = (), *, question: str | None = None
) -> TextAnalysis:
    """Classify, tag and redact one answer.

    ``names`` are people the caller knows (child, carers, workers) and wants removed;
    ``question`` is the instrument question key, used only to read bare answers such as
    "everything" (praise under ``going_well``, criticism under ``not_going_well``).
    Short results are cached, since imports repeat the same answers ("n/a", "nothing").
    """
    if len(text) <= CACHE_MAX_CHARS:
        return _analyse_short(text, tuple(names), question)
    return _analyse(text, tuple(names), question)


def _analyse(text: str, names: tuple[str, ...], question: str | None) -> TextAnalysis:
    """Do the work of ``analyse_text``."""
    tokens = normalise(text)
    return TextAnalysis(
        sentiment=classify_tokens(tokens, question=question),
        themes=themes_from_tokens(tokens),
        redacted=redact(text, names),
    )


_analyse_short = lru_cache(maxsize=CACHE_SIZE)(_analyse)
