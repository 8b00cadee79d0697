"""Fixtures for the analysis tests: questions as tiny dataclasses, no Flask anywhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pytest

from analysis.types import Better, QuestionType

SCALES = {
    "frequency5": ("always", "usually", "sometimes", "occasionally", "never"),
    "quality4": ("excellent", "good", "fair", "poor"),
    "yes_no_unsure": ("yes", "no", "not_sure"),
    "feelings": ("happy", "ok", "sad", "worried", "angry", "confused"),
}
POSITIVE = {
    "frequency5": ("always", "usually"),
    "quality4": ("excellent", "good"),
    "feelings": ("happy",),
}


@dataclass(frozen=True)
class Question:
    """Satisfies ``analysis.types.QuestionLike``."""

    key: str
    type: QuestionType
    scale: str | None = None
    options: Sequence[str] = ()
    good: Sequence[str] = ()
    better: Better = "none"


MakeQuestion = Callable[..., Question]


@pytest.fixture(scope="session")
def make_question() -> MakeQuestion:
    """Return a factory: a scale question by scale name, or any type with explicit options."""

    def make(
        key: str,
        scale: str | None = None,
        *,
        type: QuestionType = "scale",
        options: Sequence[str] = (),
        good: Sequence[str] | None = None,
        better: Better = "none",
        not_applicable: bool = False,
    ) -> Question:
        if scale is not None:
            options = SCALES[scale] + (("not_applicable",) if not_applicable else ())
            good = POSITIVE.get(scale, ()) if good is None else good
        return Question(key, type, scale, tuple(options), tuple(good or ()), better)

    return make
