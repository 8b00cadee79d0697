"""Exact percentages and the small-numbers rule shared by every figure in a report.

Percentages are computed with fractions and rounded half up, because binary floats turn
93.75 into 93.7499... and people check the arithmetic of published reports by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

#: Below this many respondents a report must not show a percentage (it could identify someone
#: and says little); trends also need at least this many answers on each side.
SMALL_NUMBERS = 5


def round_half_up(value: Fraction | int, places: int = 1) -> float:
    """Round an exact value to ``places`` decimals, halves away from zero as people expect."""
    scale: int = 10**places
    scaled = abs(Fraction(value)) * scale
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    rounded = whole / scale
    return -rounded if value < 0 and rounded else rounded


def percent(part: int, whole: int, places: int = 1) -> float | None:
    """Return ``part`` as a percentage of ``whole`` rounded half up; None when ``whole`` is 0."""
    if part < 0 or whole < 0:
        raise ValueError(f"counts cannot be negative: {part} of {whole}")
    if whole == 0:
        return None
    return round_half_up(Fraction(100 * part, whole), places)


def is_small(n: int) -> bool:
    """Say whether ``n`` respondents is too few to show a percentage."""
    return n < SMALL_NUMBERS


@dataclass(frozen=True)
class Share:
    """A count out of a total: what every indicator and "good answers" share reports."""

    numerator: int
    denominator: int

    def __post_init__(self) -> None:
        if self.numerator < 0 or self.denominator < 0:
            raise ValueError(f"counts cannot be negative: {self.numerator} of {self.denominator}")

    @property
    def percent(self) -> float | None:
        """The share as a percentage to one decimal; None when nobody is in the denominator."""
        return percent(self.numerator, self.denominator)

    @property
    def small_numbers(self) -> bool:
        """True when the denominator is too small for a percentage to be shown."""
        return is_small(self.denominator)

    def to_dict(self) -> dict[str, object]:
        """Return the report JSON shape."""
        return {
            "numerator": self.numerator,
            "denominator": self.denominator,
            "percent": self.percent,
            "small_numbers": self.small_numbers,
        }
