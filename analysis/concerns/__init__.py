"""Spot answers that suggest a child may be at risk, so they reach the IRO at once.

``detect_concerns`` reads free text with per-language lexicons and English negation rules;
``concerning_choices`` applies the choice rules in ``choices.yaml``. Both support, and never
replace, professional judgement: see ``docs/CONCERNS.md`` for what is detected and how well.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from analysis.concerns.choices import CHOICE_RULES_FILE, concerning_choices
from analysis.concerns.detect import canonical_language, detect_concerns
from analysis.concerns.lexicon import LANGUAGES, lexicon_files
from analysis.concerns.model import CATEGORIES, CHOICE_LANGUAGE, ConcernMatch

_PACKAGE = Path(__file__).parent
_ENGINE = ("normalise.py", "lexicon.py", "detect.py", "model.py", "choices.py")


def version_of(paths: list[Path]) -> str:
    """Fingerprint the files whose content decides what is detected."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return f"concerns-{digest.hexdigest()[:12]}"


#: Changes whenever a lexicon, the choice rules or the matching code changes, so answers
#: checked with an older version can be found and checked again.
CONCERNS_VERSION: str = version_of(
    [*lexicon_files(), CHOICE_RULES_FILE, *(_PACKAGE / name for name in _ENGINE)]
)

__all__ = [
    "CATEGORIES",
    "CHOICE_LANGUAGE",
    "CONCERNS_VERSION",
    "LANGUAGES",
    "ConcernMatch",
    "canonical_language",
    "concerning_choices",
    "detect_concerns",
]
