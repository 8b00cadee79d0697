"""Say whether each question improved, stayed the same or got worse against an earlier period.

The rule, for a question with good options (``good``, e.g. ``always`` and ``usually``):

1. Compare the share of good answers among applicable answers (``not_applicable`` is left
   out of the base), using the current question's ``good`` for both periods.
2. ``not_comparable`` when either period has fewer than 5 applicable answers (the
   small-numbers rule) or the question has no good direction.
3. ``unchanged`` when the shares differ by less than 5 percentage points, or when a pooled
   two-proportion z-test does not reach the 5% level (|z| < 1.96): small samples swing by
   more than 5 points by chance alone.
4. Otherwise ``improved`` when the good share went up, ``worse`` when it went down.

For an integer question with ``better`` = ``lower`` or ``higher``, the means are compared
with a two-sample z-test using each period's sample variance (Welch's statistic); there is no
size threshold, because a meaningful step differs from question to question. ``better`` =
``none`` is ``not_comparable``. Multiple-choice questions have no direction.

All arithmetic is exact (fractions, with z compared as z squared against 1.96 squared), so a
verdict never flips on float rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from analysis.numbers import SMALL_NUMBERS, Share, round_half_up
from analysis.tallies import InstrumentTally, MultiTally, NumberTally, OptionTally, Tally

Verdict = Literal["improved", "unchanged", "worse", "not_comparable"]
Reason = Literal[
    "no_direction",
    "too_few",
    "different_question",
    "below_threshold",
    "not_significant",
    "significant",
]
Measure = Literal["good_share", "mean"]

#: A change in the good share smaller than this many percentage points is "unchanged".
MIN_CHANGE_POINTS = 5
#: Two-sided 5% critical value of the normal distribution.
Z_CRITICAL = Fraction("1.96")


@dataclass(frozen=True)
class Comparison:
    """The verdict for one question, with the figures behind it.

    ``current``/``previous`` are good shares in percent (or means); ``change`` is their
    difference in percentage points (or in the question's units), rounded to one decimal.
    """

    key: str
    verdict: Verdict
    reason: Reason
    measure: Measure | None = None
    current: float | None = None
    previous: float | None = None
    current_n: int = 0
    previous_n: int = 0
    change: float | None = None

    @property
    def direction(self) -> Literal["up", "down", "same"] | None:
        """Which way the figure moved, whatever the verdict."""
        if self.change is None:
            return None
        return "up" if self.change > 0 else "down" if self.change < 0 else "same"

    def to_dict(self) -> dict[str, object]:
        """Return the report JSON shape."""
        return {
            "measure": self.measure,
            "current": self.current,
            "previous": self.previous,
            "current_n": self.current_n,
            "previous_n": self.previous_n,
            "change": self.change,
            "direction": self.direction,
            "verdict": self.verdict,
            "reason": self.reason,
            "small_numbers": min(self.current_n, self.previous_n) < SMALL_NUMBERS,
        }


def compare(current: Tally, previous: Tally | None) -> Comparison:
    """Compare one question's tally with the same question's tally in an earlier period.

    ``previous`` is None when the earlier period has no such question (a new question).
    """
    if isinstance(current, MultiTally):
        return Comparison(current.key, "not_comparable", "no_direction")
    if isinstance(current, OptionTally):
        if previous is None or isinstance(previous, OptionTally):
            return _compare_shares(current, previous)
    elif previous is None or isinstance(previous, NumberTally):
        return _compare_means(current, previous)
    return Comparison(current.key, "not_comparable", "different_question")


def compare_instruments(
    current: InstrumentTally, previous: InstrumentTally | None
) -> dict[str, Comparison]:
    """Compare every question of an instrument, keyed by question key in instrument order."""
    return {
        tally.key: compare(tally, previous.question(tally.key) if previous else None)
        for tally in current.questions
    }


def _compare_shares(current: OptionTally, previous: OptionTally | None) -> Comparison:
    if not current.good:
        return Comparison(current.key, "not_comparable", "no_direction")
    now = current.share(current.good)
    before = previous.share(current.good) if previous else Share(0, 0)
    n1, n0 = now.denominator, before.denominator
    verdict: Verdict = "not_comparable"
    reason: Reason = "too_few"
    change: float | None = None
    if min(n1, n0) >= SMALL_NUMBERS:
        difference = Fraction(now.numerator, n1) - Fraction(before.numerator, n0)
        change = round_half_up(difference * 100)
        if abs(difference) * 100 < MIN_CHANGE_POINTS:
            reason = "below_threshold"
        else:
            # A difference of 5 points or more puts the pooled share strictly between 0 and 1.
            pooled = Fraction(now.numerator + before.numerator, n1 + n0)
            variance = pooled * (1 - pooled) * (Fraction(1, n1) + Fraction(1, n0))
            reason = _significance(difference, variance)
        verdict = _verdict(reason, difference)
    return Comparison(
        current.key, verdict, reason, "good_share", now.percent, before.percent, n1, n0, change
    )


def _compare_means(current: NumberTally, previous: NumberTally | None) -> Comparison:
    if current.better == "none":
        return Comparison(current.key, "not_comparable", "no_direction")
    before = previous or NumberTally(current.key, ())
    mean1, mean0 = current.exact_mean, before.exact_mean
    verdict: Verdict = "not_comparable"
    reason: Reason = "too_few"
    change: float | None = None
    if mean1 is not None and mean0 is not None and min(current.n, before.n) >= SMALL_NUMBERS:
        difference = mean1 - mean0
        change = round_half_up(difference)
        error = _variance(current, mean1) / current.n + _variance(before, mean0) / before.n
        reason = _significance(difference, error)
        verdict = _verdict(reason, difference if current.better == "higher" else -difference)
    return Comparison(
        current.key, verdict, reason, "mean", current.mean, before.mean, current.n, before.n, change
    )


def _significance(difference: Fraction, variance: Fraction) -> Reason:
    """Apply the z-test as z squared against 1.96 squared; no spread and a gap is significant."""
    if difference == 0:
        return "not_significant"
    if variance == 0 or difference**2 >= Z_CRITICAL**2 * variance:
        return "significant"
    return "not_significant"


def _variance(tally: NumberTally, mean: Fraction) -> Fraction:
    """Sample variance (n - 1 in the denominator) from a distribution of whole numbers."""
    squares = sum(count * (value - mean) ** 2 for value, count in tally.distribution)
    return Fraction(squares) / (tally.n - 1)


def _verdict(reason: Reason, good_change: Fraction) -> Verdict:
    if reason != "significant":
        return "unchanged"
    return "improved" if good_change > 0 else "worse"
