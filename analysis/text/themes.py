"""Tag a free-text answer with the report's themes (multi-label), from a readable lexicon.

Each theme in ``lexicons/themes.yaml`` lists phrases that put a comment under it and phrases
that stop a match counting where the words mean something else ("20 minutes" is not a review
record). Themes come back in the order of the annual report, so output is stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from analysis.text._phrases import PhraseSet
from analysis.text.lexicons import load_yaml
from analysis.text.tokenize import normalise

#: The fifteen theme keys of the brief, in report order.
THEMES = (
    "support",
    "being_heard",
    "worker_change",
    "minutes",
    "communication",
    "information",
    "contact",
    "placement",
    "education",
    "review_arrangements",
    "delay",
    "safety",
    "relationship",
    "professionalism",
    "challenge",
)

_EXCEPT = "!"


@cache
def _phrases() -> PhraseSet:
    """Compile themes.yaml once, checking it names exactly the report's themes in order."""
    data = load_yaml("themes.yaml")
    if tuple(data) != THEMES:
        raise ValueError(f"themes.yaml must list exactly these themes in order: {THEMES}")
    patterns = []
    for theme, entry in data.items():
        patterns.extend((p, theme) for p in entry.get("match") or ())
        patterns.extend((p, _EXCEPT + theme) for p in entry.get("except") or ())
    return PhraseSet(patterns)


def theme_descriptions() -> dict[str, str]:
    """Return each theme's one-line description from the lexicon, for reports and help."""
    return {theme: str(entry.get("about", "")) for theme, entry in load_yaml("themes.yaml").items()}


def detect_themes(text: str) -> tuple[str, ...]:
    """Return the themes of ``text`` in report order (empty when none applies)."""
    return themes_from_tokens(normalise(text))


def themes_from_tokens(tokens: Sequence[str]) -> tuple[str, ...]:
    """Return the themes of already normalised tokens (see ``tokenize.normalise``)."""
    matches = _phrases().find_all(tokens)
    excluded: dict[str, list[tuple[int, int]]] = {}
    for match in matches:
        if match.label.startswith(_EXCEPT):
            excluded.setdefault(match.label[1:], []).append((match.start, match.end))
    found = set()
    for match in matches:
        theme = match.label
        if theme.startswith(_EXCEPT) or theme in found:
            continue
        spans = excluded.get(theme, ())
        if not any(start <= match.start and match.end <= end for start, end in spans):
            found.add(theme)
    return tuple(theme for theme in THEMES if theme in found)
