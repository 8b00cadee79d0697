"""Tallies: counts, percentages, missing values, and the rows and counts paths agreeing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.numbers import Share, percent, round_half_up
from analysis.periods import previous_year, quarter
from analysis.responses import Filters, Response, count_responses_by
from analysis.tallies import (
    MultiTally,
    NumberTally,
    OptionTally,
    tally_counts,
    tally_responses,
)

FREQUENCY5 = ("always", "usually", "sometimes", "occasionally", "never")
WHO = ("carer", "mum", "dad", "social_worker")


def response(answers: dict, **fields) -> Response:
    fields.setdefault("instrument_key", "foster_carer")
    fields.setdefault("submitted_at", date(2024, 5, 1))
    return Response(answers=answers, **fields)


@pytest.fixture
def invited(make_question):
    return make_question("invited_to_review", "frequency5")


# --- rounding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (45, 48, 93.8),  # 93.75
        (3, 48, 6.3),  # 6.25
        (1, 16, 6.3),  # 6.25
        (1, 8, 12.5),
        (1, 3, 33.3),
        (2, 3, 66.7),
        (1, 2000, 0.1),  # 0.05 rounds up
        (1, 2001, 0.0),  # 0.04998 rounds down
        (1, 800, 0.1),  # 0.125
        (0, 7, 0.0),
        (7, 7, 100.0),
    ],
)
def test_percent_rounds_half_up_exactly(part, whole, expected):
    assert percent(part, whole) == expected


def test_percent_of_nobody_is_none_and_negative_counts_are_refused():
    assert percent(0, 0) is None
    with pytest.raises(ValueError, match="negative"):
        percent(-1, 4)


def test_round_half_up_handles_values_floats_get_wrong_and_negatives():
    # As a float, 1.005 is 1.00499999...; as an exact value it rounds up.
    assert round_half_up(Fraction("1.005"), 2) == 1.01
    assert round(1.005, 2) == 1.0
    assert round_half_up(Fraction("-2.25")) == -2.3
    assert str(round_half_up(Fraction("-0.04"))) == "0.0"  # no "-0.0" in a report
    assert round_half_up(Fraction(25, 2), 0) == 13.0


# --- option questions -----------------------------------------------------------------------


def test_design_example_counts_and_percentages(invited):
    rows = [response({"invited_to_review": "always"}) for _ in range(45)]
    rows += [response({"invited_to_review": "usually"}) for _ in range(3)]

    tally = tally_responses("foster_carer", [invited], rows).questions[0]

    assert isinstance(tally, OptionTally)
    assert tally.n == 48
    assert tally.counts == {
        "always": 45,
        "usually": 3,
        "sometimes": 0,
        "occasionally": 0,
        "never": 0,
    }
    assert list(tally.counts) == list(FREQUENCY5)
    assert tally.percent == {
        "always": 93.8,
        "usually": 6.3,
        "sometimes": 0.0,
        "occasionally": 0.0,
        "never": 0.0,
    }
    assert tally.to_dict()["good_share"] == {
        "numerator": 48,
        "denominator": 48,
        "percent": 100.0,
        "small_numbers": False,
    }


def test_unanswered_values_are_left_out_of_n(invited):
    rows = [
        response({"invited_to_review": "never"}),
        response({"invited_to_review": None}),
        response({"invited_to_review": ""}),
        response({}),
    ]

    result = tally_responses("foster_carer", [invited], rows)

    assert result.responses == 4
    assert result.questions[0].n == 1
    assert result.questions[0].percent["never"] == 100.0


def test_nobody_answering_gives_zero_counts_and_no_percentages(invited):
    tally = tally_responses("foster_carer", [invited], []).questions[0]

    assert tally.n == 0
    assert tally.counts == dict.fromkeys(FREQUENCY5, 0)
    assert tally.percent == dict.fromkeys(FREQUENCY5, None)
    assert tally.small_numbers


def test_optional_not_applicable_appears_only_when_the_question_allows_it(make_question):
    with_na = make_question("child_knows_iro_contact", "frequency5", not_applicable=True)
    rows = [
        response({"child_knows_iro_contact": answer}) for answer in ("always", "not_applicable")
    ]

    tally = tally_responses("foster_carer", [with_na], rows).questions[0]
    plain = tally_responses("foster_carer", [make_question("x", "frequency5")], []).questions[0]

    assert list(tally.counts) == [*FREQUENCY5, "not_applicable"]
    assert tally.n == 2 and tally.percent["not_applicable"] == 50.0
    assert "not_applicable" not in plain.counts
    # ...but "not applicable" is not part of the base of the good share.
    assert tally.good_share() == Share(1, 1)


def test_unrecognised_options_are_reported_not_counted(invited):
    rows = [response({"invited_to_review": "always"}), response({"invited_to_review": "mostly"})]

    tally = tally_responses("foster_carer", [invited], rows).questions[0]

    assert tally.n == 1
    assert tally.unrecognised == {"mostly": 1}
    assert tally.to_dict()["unrecognised"] == {"mostly": 1}


def test_choice_questions_tally_like_scales_without_a_scale(make_question):
    question = make_question("venue", type="choice", options=("home", "office"))

    tally = tally_responses(
        "parent", [question], [response({"venue": "office"}, instrument_key="parent")]
    )

    shape = tally.questions[0].to_dict()
    assert shape["type"] == "choice" and shape["scale"] is None
    assert shape["counts"] == {"home": 0, "office": 1}
    assert "good" not in shape


@pytest.mark.parametrize(
    ("question_type", "value"),
    [("scale", 3), ("multi", "carer"), ("integer", "2"), ("integer", True), ("multi", [1])],
)
def test_answers_of_the_wrong_shape_are_refused(make_question, question_type, value):
    question = make_question("q", type=question_type, options=WHO)

    with pytest.raises(ValueError, match="q:"):
        tally_responses("foster_carer", [question], [response({"q": value})])


def test_text_questions_are_not_tallied_and_duplicate_keys_are_refused(make_question, invited):
    text = make_question("comments_positive", type="text")

    assert [t.key for t in tally_responses("x", [invited, text], []).questions] == [
        "invited_to_review"
    ]
    with pytest.raises(ValueError, match="duplicate"):
        tally_responses("x", [invited, invited], [])


# --- multiple choice and integers -----------------------------------------------------------


def test_multi_percentages_are_of_those_who_ticked_anything(make_question):
    who = make_question("review_who", type="multi", options=WHO)
    rows = [
        response({"review_who": ["carer", "mum"]}),
        response({"review_who": ("carer", "carer")}),  # a repeat counts once
        response({"review_who": []}),  # ticked nothing: not answered
        response({}),
    ]

    tally = tally_responses("foster_carer", [who], rows).questions[0]

    assert isinstance(tally, MultiTally)
    assert tally.n == 2
    assert tally.counts == {"carer": 2, "mum": 1, "dad": 0, "social_worker": 0}
    assert tally.percent == {"carer": 100.0, "mum": 50.0, "dad": 0.0, "social_worker": 0.0}


def test_integer_summary(make_question):
    iros = make_question("number_of_iros_last_year", type="integer", better="lower")
    answers = [0, 1, 1, 2, 5, 7, None]
    rows = [response({"number_of_iros_last_year": a}, instrument_key="parent") for a in answers]

    tally = tally_responses("parent", [iros], rows).questions[0]

    assert isinstance(tally, NumberTally)
    assert (tally.n, tally.min, tally.max) == (6, 0, 7)
    assert tally.mean == 2.7  # 16 / 6 = 2.666...
    assert tally.median == 1.5  # halfway between 1 and 2
    assert tally.to_dict()["distribution"] == [
        {"value": 0, "count": 1},
        {"value": 1, "count": 2},
        {"value": 2, "count": 1},
        {"value": 5, "count": 1},
        {"value": 7, "count": 1},
    ]


def test_integer_summary_odd_count_and_nobody(make_question):
    iros = make_question("n", type="integer")
    odd = tally_responses("p", [iros], [response({"n": v}, instrument_key="p") for v in (3, 1, 2)])
    empty = tally_responses("p", [iros], [])

    assert odd.questions[0].median == 2.0
    assert empty.questions[0].to_dict() == {
        "key": "n",
        "type": "integer",
        "n": 0,
        "mean": None,
        "median": None,
        "min": None,
        "max": None,
        "distribution": [],
        "better": "none",
        "small_numbers": True,
    }


# --- filters and streaming ------------------------------------------------------------------


def test_filters_match_every_field_and_dates_are_inclusive():
    filters = Filters(
        instrument_keys=("foster_carer",),
        date_from=date(2024, 4, 1),
        date_to=date(2024, 6, 30),
        areas=("north",),
        channels=("paper", "online"),
    )
    good = response({}, area="north", channel="paper", submitted_at=datetime(2024, 6, 30, 23, 59))

    assert filters.matches(good)
    assert filters.matches(
        response({}, area="north", channel="online", submitted_at=date(2024, 4, 1))
    )
    assert not filters.matches(
        response({}, area="north", channel="paper", submitted_at=date(2024, 7, 1))
    )
    assert not filters.matches(response({}, area="south", channel="paper"))
    assert not filters.matches(response({}, area=None, channel="paper"))  # missing never matches
    assert not filters.matches(response({}, area="north", channel="paper", submitted_at=None))
    assert not filters.matches(response({}, area="north", channel="paper", instrument_key="parent"))
    assert Filters().matches(response({}, submitted_at=None))


def test_filters_for_a_comparison_period_keep_everything_but_the_dates():
    filters = Filters(areas=("north",), date_from=date(2024, 10, 1), date_to=date(2024, 12, 31))

    earlier = filters.for_period(previous_year(quarter(2024, 3)))

    assert earlier == Filters(
        areas=("north",), date_from=date(2023, 10, 1), date_to=date(2023, 12, 31)
    )


def test_filters_refuse_a_backwards_range():
    with pytest.raises(ValueError, match="after"):
        Filters(date_from=date(2024, 5, 1), date_to=date(2024, 4, 1))


def test_tally_responses_applies_filters_and_skips_other_instruments(invited):
    rows = [
        response({"invited_to_review": "always"}, language="en"),
        response({"invited_to_review": "never"}, language="ar"),
        response({"invited_to_review": "never"}, instrument_key="professional", language="en"),
    ]

    result = tally_responses("foster_carer", [invited], rows, Filters(languages=("en",)))

    assert result.responses == 1
    assert result.questions[0].counts["always"] == 1 and result.questions[0].n == 1


def test_rows_are_streamed_in_one_pass(invited):
    consumed = 0

    def stream() -> Iterator[Response]:
        nonlocal consumed
        for _ in range(1000):
            consumed += 1
            yield response({"invited_to_review": "usually"})

    result = tally_responses("foster_carer", [invited], stream())

    assert consumed == 1000 and result.questions[0].counts["usually"] == 1000


def test_count_responses_by_dimension():
    rows = [
        response({}, channel="online", language="en", area="north", respondent_role="foster_carer"),
        response({}, channel="paper", language="ar", area="north", respondent_role="foster_carer"),
        response({}, channel="online", language="en", area=None, respondent_role="foster_carer"),
    ]

    by = count_responses_by(iter(rows), Filters(instrument_keys=("foster_carer",)))

    assert by == {
        "channel": {"online": 2, "paper": 1},
        "language": {"ar": 1, "en": 2},
        "area": {"north": 2, "unknown": 1},
        "age_band": {"unknown": 3},
        "respondent_role": {"foster_carer": 3},
    }


# --- the counts path ------------------------------------------------------------------------


def test_counts_path_adds_repeated_rows_and_ignores_what_it_cannot_place(invited, make_question):
    who = make_question("review_who", type="multi", options=WHO)

    result = tally_counts(
        "foster_carer",
        [invited, who],
        responses=10,
        option_counts=[
            ("invited_to_review", "always", 4),
            ("invited_to_review", "always", 2),  # e.g. from a UNION of two queries
            ("invited_to_review", None, 3),  # skipped questions stored as NULL
            ("comments_positive", None, 9),  # a text question
            ("review_who", "mum", 3),
        ],
        answered={"review_who": 5},
    )

    scale, multi = result.questions
    assert scale.counts["always"] == 6 and scale.n == 6
    assert multi.n == 5 and multi.percent["mum"] == 60.0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"option_counts": [("invited_to_review", "always", -1)]}, "negative"),
        ({"option_counts": [("invited_to_review", "always", 11)]}, "only 10 responses"),
        ({"option_counts": [("review_who", "mum", 3)]}, "answered"),
        ({"option_counts": [("iros", "one", 3)]}, "integer question"),
        ({"option_counts": [], "number_counts": [("invited_to_review", 1, 1)]}, "number count"),
        ({"option_counts": [], "number_counts": [("iros", 1.5, 1)]}, "whole number"),
        ({"option_counts": [], "responses": -1}, "negative"),
    ],
)
def test_counts_path_refuses_inconsistent_counts(invited, make_question, kwargs, message):
    questions = [
        invited,
        make_question("review_who", type="multi", options=WHO),
        make_question("iros", type="integer"),
    ]

    with pytest.raises(ValueError, match=message):
        tally_counts("foster_carer", questions, **({"responses": 10} | kwargs))


def test_counts_path_ignores_zero_counts_of_numbers(make_question):
    iros = make_question("iros", type="integer")

    result = tally_counts(
        "parent",
        [iros],
        responses=2,
        option_counts=[],
        number_counts=[("iros", 0, 0), ("iros", 3, 2)],
    )

    assert (result.questions[0].min, result.questions[0].n) == (3, 2)


def test_unknown_question_types_are_refused(make_question):
    with pytest.raises(ValueError, match="unknown question type 'date'"):
        tally_counts("x", [make_question("when", type="date")], responses=0, option_counts=[])


# --- properties -----------------------------------------------------------------------------

RESPONSES = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "feel": st.sampled_from(("happy", "ok", "sad", "worried", "angry", "confused", "meh")),
            "know": st.sampled_from(("yes", "no", "not_sure")),
            "who": st.lists(st.sampled_from((*WHO, "alien")), max_size=4),
            "iros": st.integers(min_value=0, max_value=30),
        },
    ),
    max_size=60,
)


@given(RESPONSES)
def test_rows_and_counts_paths_agree(make_question, answers):
    questions = [
        make_question("feel", "feelings"),
        make_question("know", "yes_no_unsure"),
        make_question("who", type="multi", options=WHO),
        make_question("iros", type="integer", better="lower"),
    ]
    options: Counter[tuple[str, str]] = Counter()
    numbers: Counter[tuple[str, int]] = Counter()
    answered: Counter[str] = Counter()
    for answer in answers:
        for key in ("feel", "know"):
            if key in answer:
                options[key, answer[key]] += 1
        if answer.get("who"):
            answered["who"] += 1
            options.update(("who", choice) for choice in set(answer["who"]))
        if "iros" in answer:
            numbers["iros", answer["iros"]] += 1

    from_rows = tally_responses(
        "child_booklet",
        questions,
        (response(a, instrument_key="child_booklet") for a in answers),
    )
    from_counts = tally_counts(
        "child_booklet",
        questions,
        responses=len(answers),
        option_counts=[(key, option, count) for (key, option), count in options.items()],
        number_counts=[(key, number, count) for (key, number), count in numbers.items()],
        answered=answered,
    )

    assert from_rows == from_counts
    assert [t.to_dict() for t in from_rows.questions] == [
        t.to_dict() for t in from_counts.questions
    ]


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=2, max_size=6))
def test_percentages_of_an_option_set_sum_to_100_within_rounding(counts):
    n = sum(counts)
    if n == 0:
        assert all(percent(c, n) is None for c in counts)
        return
    total = sum(percent(c, n) for c in counts)
    inexact = sum(1 for c in counts if Fraction(1000 * c, n).denominator != 1)
    # Each rounded value is off by at most 0.05, so the sum is off by at most 0.05 per
    # option that did not divide exactly: within 0.1 for up to three options.
    assert abs(total - 100) <= 0.05 * inexact + 1e-9
    if len(counts) <= 3:
        assert abs(total - 100) <= 0.1 + 1e-9


def test_rounding_each_option_can_take_a_long_scale_past_100_point_1():
    """Why the property above is not a flat +-0.1: independent rounding, as the contract says."""
    counts = [11, 1, 1, 1, 1, 1]  # n = 16: 68.75 and five 6.25s
    assert [percent(c, 16) for c in counts] == [68.8, 6.3, 6.3, 6.3, 6.3, 6.3]
    assert round(sum(percent(c, 16) for c in counts), 1) == 100.3
