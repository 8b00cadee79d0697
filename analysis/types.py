"""Shapes the analysis package accepts from its callers, stated as protocols."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

QuestionType = Literal["scale", "choice", "multi", "text", "integer"]
Better = Literal["lower", "higher", "none"]


class QuestionLike(Protocol):
    """A question as the instrument loader describes it.

    ``options`` lists every option key in display order (a scale's options, plus its optional
    ones when the question allows them); ``good`` lists the options that count as a good
    outcome (empty when no direction applies); ``better`` gives the good direction of an
    integer question.
    """

    key: str
    type: QuestionType
    scale: str | None
    options: Sequence[str]
    good: Sequence[str]
    better: Better
