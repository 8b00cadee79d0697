"""The trend rule: improved / unchanged / worse / not_comparable, at its edges."""

from __future__ import annotations

import pytest

from analysis.tallies import InstrumentTally, MultiTally, NumberTally, OptionTally
from analysis.trends import Comparison, compare, compare_instruments
from analysis.types import Better

FREQUENCY5 = ("always", "usually", "sometimes", "occasionally", "never")
GOOD = ("always", "usually")


def scale(good: int, bad: int, *, not_applicable: int = 0, key: str = "q") -> OptionTally:
    """A frequency5 tally with ``good`` answers "always" and ``bad`` answers "never"."""
    counts = dict.fromkeys(FREQUENCY5, 0) | {"always": good, "never": bad}
    if not_applicable:
        counts["not_applicable"] = not_applicable
    return OptionTally(key, "scale", "frequency5", sum(counts.values()), counts, GOOD)


def numbers(*values: int, better: Better = "lower") -> NumberTally:
    distribution = sorted({v: values.count(v) for v in values}.items())
    return NumberTally("q", tuple(distribution), better)


@pytest.mark.parametrize(
    ("now", "before", "verdict", "reason", "change"),
    [
        # 93.8% vs 62.5%: 31.3 points, z = 3.7
        (scale(45, 3), scale(30, 18), "improved", "significant", 31.3),
        (scale(30, 18), scale(45, 3), "worse", "significant", -31.3),
        # 10.4 points but z = 1.6 on 48 answers each: could be chance
        (scale(45, 3), scale(40, 8), "unchanged", "not_significant", 10.4),
        # 4.9 points is below the threshold even though z = 2.2 on 1000 answers each
        (scale(549, 451), scale(500, 500), "unchanged", "below_threshold", 4.9),
        # exactly 5 points reaches the threshold: then significance decides
        (scale(550, 450), scale(500, 500), "improved", "significant", 5.0),
        (scale(55, 45), scale(50, 50), "unchanged", "not_significant", 5.0),
        # 100% vs 100% and 0% vs 0%: no change at all
        (scale(48, 0), scale(20, 0), "unchanged", "below_threshold", 0.0),
        (scale(0, 7), scale(0, 9), "unchanged", "below_threshold", 0.0),
        # the smallest comparable samples: 5 each, all good vs all bad
        (scale(5, 0), scale(0, 5), "improved", "significant", 100.0),
        # 5 each, 100% vs 60%: a big swing, but not beyond chance
        (scale(5, 0), scale(3, 2), "unchanged", "not_significant", 40.0),
    ],
)
def test_good_share_rule(now, before, verdict, reason, change):
    result = compare(now, before)

    assert (result.verdict, result.reason, result.change) == (verdict, reason, change)
    assert result.measure == "good_share"


@pytest.mark.parametrize(
    ("now", "before"),
    [
        (scale(4, 0), scale(40, 8)),  # 4 answers now
        (scale(40, 8), scale(2, 2)),  # 4 answers before
        (scale(0, 0), scale(0, 0)),  # nobody on either side
        (scale(40, 8), None),  # a new question
        (scale(1, 0, not_applicable=9), scale(40, 8)),  # 10 answers, 1 applicable
    ],
)
def test_too_few_answers_are_not_comparable(now, before):
    result = compare(now, before)

    assert (result.verdict, result.reason, result.change) == ("not_comparable", "too_few", None)
    assert result.to_dict()["small_numbers"] is True


def test_not_applicable_answers_are_left_out_of_the_base():
    now = scale(10, 0, not_applicable=30)  # 10 of 10 applicable answers are good
    before = scale(5, 5)

    result = compare(now, before)

    assert (result.current, result.previous, result.current_n) == (100.0, 50.0, 10)
    assert result.verdict == "improved"


def test_the_current_definition_of_good_is_used_for_both_periods():
    before = OptionTally("q", "scale", "frequency5", 10, dict.fromkeys(FREQUENCY5, 2), ())

    result = compare(scale(10, 0), before)

    assert (result.current, result.previous) == (100.0, 40.0)


def test_questions_without_a_direction_are_not_comparable():
    no_good = OptionTally("q", "scale", "feelings", 10, {"happy": 10}, ())
    multi = MultiTally("q", 10, {"carer": 10})

    assert compare(no_good, no_good).reason == "no_direction"
    assert compare(multi, multi).reason == "no_direction"
    assert compare(numbers(1, 1, 1, 1, 1, better="none"), None).reason == "no_direction"


def test_a_question_that_changed_type_is_not_comparable():
    result = compare(scale(40, 8), numbers(1, 2, 3, 4, 5))

    assert (result.verdict, result.reason) == ("not_comparable", "different_question")


@pytest.mark.parametrize(("better", "verdict"), [("lower", "improved"), ("higher", "worse")])
def test_integer_means_follow_the_better_direction(better, verdict):
    fewer_iros = numbers(*[1] * 10, better=better)
    more_iros = numbers(*[2] * 10, better=better)

    result = compare(fewer_iros, more_iros)

    assert (result.verdict, result.reason, result.measure) == (verdict, "significant", "mean")
    assert (result.current, result.previous, result.change, result.direction) == (
        1.0,
        2.0,
        -1.0,
        "down",
    )


def test_integer_means_within_chance_are_unchanged():
    # Means 3 and 4, each with variance 2.5 on 5 answers: z = 1.
    result = compare(numbers(1, 2, 3, 4, 5), numbers(2, 3, 4, 5, 6))

    assert (result.verdict, result.reason, result.change) == ("unchanged", "not_significant", -1.0)
    assert compare(numbers(1, 2, 3, 4, 5), numbers(5, 4, 3, 2, 1)).reason == "not_significant"
    assert compare(numbers(1, 2, 3, 4), numbers(1, 2, 3, 4, 5)).reason == "too_few"


def test_compare_instruments_keys_questions_in_order_and_handles_a_missing_baseline():
    now = InstrumentTally("foster_carer", 48, (scale(45, 3, key="a"), scale(40, 8, key="b")))
    before = InstrumentTally("foster_carer", 48, (scale(30, 18, key="a"),))

    result = compare_instruments(now, before)

    assert list(result) == ["a", "b"]
    assert result["a"].verdict == "improved"
    assert result["b"].reason == "too_few"
    assert {c.reason for c in compare_instruments(now, None).values()} == {"too_few"}


def test_comparison_report_shape():
    result = compare(scale(45, 3), scale(30, 18))

    assert result.to_dict() == {
        "measure": "good_share",
        "current": 93.8,
        "previous": 62.5,
        "current_n": 48,
        "previous_n": 48,
        "change": 31.3,
        "direction": "up",
        "verdict": "improved",
        "reason": "significant",
        "small_numbers": False,
    }
    assert Comparison("q", "unchanged", "below_threshold", change=0.0).direction == "same"
