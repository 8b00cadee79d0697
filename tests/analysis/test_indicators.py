"""Indicators: response rates, booklets per review, awareness, happiness, participation."""

from __future__ import annotations

import pytest

from analysis.indicators import (
    AWARENESS_QUESTIONS,
    awareness,
    booklet_share,
    happy_most_of_the_time,
    participation,
    response_rates,
)
from analysis.numbers import Share
from analysis.tallies import InstrumentTally, MultiTally, OptionTally

YES_NO = ("yes", "no", "not_sure")
FEELINGS = ("happy", "ok", "sad", "worried", "angry", "confused")


def yes_no(key: str, yes: int, no: int, not_sure: int = 0) -> OptionTally:
    counts = {"yes": yes, "no": no, "not_sure": not_sure}
    return OptionTally(key, "scale", "yes_no_unsure", yes + no + not_sure, counts)


def test_response_rates_per_group_sorted_with_missing_sides_as_zero():
    rates = response_rates(
        returned={"social_worker": 21, "foster_carer": 40, "guardian": 3},
        invited={"foster_carer": 100, "social_worker": 100, "parent": 10},
    )

    assert list(rates) == ["foster_carer", "guardian", "parent", "social_worker"]
    assert rates["foster_carer"] == Share(40, 100) and rates["foster_carer"].percent == 40.0
    assert rates["guardian"].percent is None  # 3 returned, nobody invited
    assert rates["parent"].percent == 0.0
    assert rates["social_worker"].to_dict() == {
        "numerator": 21,
        "denominator": 100,
        "percent": 21.0,
        "small_numbers": False,
    }


def test_booklets_as_a_share_of_reviews_count_both_booklets_only():
    # The county in the brief: 764 booklets for about 4,200 reviews.
    share = booklet_share(
        {"child_booklet": 300, "young_person_booklet": 464, "foster_carer": 900}, reviews=4200
    )

    assert (share.numerator, share.denominator, share.percent) == (764, 4200, 18.2)
    assert booklet_share({}, reviews=0).percent is None


def test_awareness_adds_both_booklets_and_counts_not_sure_as_not_yes():
    child = InstrumentTally("child_booklet", 20, (yes_no("know_iro", 12, 4, 4),))
    young = InstrumentTally(
        "young_person_booklet", 30, (yes_no("know_iro", 27, 3), yes_no("know_pledge", 1, 2))
    )

    result = awareness(iter([child, young]))

    assert list(result) == list(AWARENESS_QUESTIONS)
    assert result["know_iro"] == Share(39, 50) and result["know_iro"].percent == 78.0
    assert result["know_pledge"] == Share(1, 3) and result["know_pledge"].small_numbers
    assert result["know_advocacy"] == Share(0, 0) and result["know_advocacy"].percent is None


def test_awareness_refuses_a_question_that_is_not_single_answer():
    odd = InstrumentTally("child_booklet", 5, (MultiTally("know_iro", 5, {"yes": 5}),))

    with pytest.raises(ValueError, match="child_booklet.know_iro"):
        awareness([odd])


def test_share_feeling_happy_most_of_the_time():
    counts = dict.fromkeys(FEELINGS, 0) | {"happy": 33, "ok": 10, "sad": 5, "worried": 2}
    feelings = OptionTally("feelings_most_of_time", "scale", "feelings", 50, counts, ("happy",))

    share = happy_most_of_the_time([InstrumentTally("child_booklet", 50, (feelings,))])

    assert (share.numerator, share.denominator, share.percent) == (33, 50, 66.0)


def test_participation_counts_pn1_to_pn3_pn5_pn6_over_reviews_of_children_aged_4_and_over():
    result = participation(
        {
            "PN0": 10,
            "PN1": 50,
            "PN2": 5,
            "PN3": 5,
            "PN4": 10,
            "PN5": 10,
            "PN6": 10,
            "PN7": 8,
            None: 2,
        }
    )

    assert (result.numerator, result.denominator, result.percent) == (80, 100, 80.0)
    assert result.to_dict() == {
        "numerator": 80,
        "denominator": 100,
        "percent": 80.0,
        "small_numbers": False,
        "counts": {
            "PN0": 10,
            "PN1": 50,
            "PN2": 5,
            "PN3": 5,
            "PN4": 10,
            "PN5": 10,
            "PN6": 10,
            "PN7": 8,
            "not_recorded": 2,
        },
    }


def test_participation_with_only_under_fours_or_nothing_has_no_percentage():
    assert participation({"PN0": 12}).percent is None
    empty = participation({})
    assert (empty.numerator, empty.denominator, empty.percent) == (0, 0, None)
    assert set(empty.counts.values()) == {0}


@pytest.mark.parametrize(
    ("codes", "message"),
    [({"PN8": 1}, "unknown"), ({"pn1": 1}, "unknown"), ({"PN1": -1}, "negative")],
)
def test_participation_refuses_bad_codes_and_counts(codes, message):
    with pytest.raises(ValueError, match=message):
        participation(codes)
