"""The report model: contract shape, extra keys, small-numbers markers, determinism."""

from __future__ import annotations

import json

import pytest

from analysis.indicators import participation, response_rates
from analysis.numbers import Share
from analysis.periods import previous_quarter, previous_year, quarter
from analysis.report import Baseline, build_report
from analysis.tallies import InstrumentTally, tally_counts

PERIOD = quarter(2024, 3)
WHO = ("carer", "mum")


@pytest.fixture
def questions(make_question):
    return {
        "foster_carer": [
            make_question("invited_to_review", "frequency5"),
            make_question("comments_positive", type="text"),
        ],
        "child_booklet": [
            make_question("know_iro", "yes_no_unsure", good=("yes",)),
            make_question("review_who", type="multi", options=WHO),
        ],
        "parent": [make_question("number_of_iros_last_year", type="integer", better="lower")],
    }


@pytest.fixture
def current(questions) -> list[InstrumentTally]:
    return [
        tally_counts(
            "foster_carer",
            questions["foster_carer"],
            responses=48,
            option_counts=[
                ("invited_to_review", "always", 45),
                ("invited_to_review", "usually", 3),
            ],
        ),
        tally_counts(
            "child_booklet",
            questions["child_booklet"],
            responses=3,
            option_counts=[
                ("know_iro", "yes", 2),
                ("know_iro", "no", 1),
                ("review_who", "carer", 2),
            ],
            answered={"review_who": 2},
        ),
        tally_counts(
            "parent",
            questions["parent"],
            responses=6,
            number_counts=[("number_of_iros_last_year", 1, 4), ("number_of_iros_last_year", 2, 2)],
            option_counts=[],
        ),
    ]


@pytest.fixture
def baselines(questions) -> list[Baseline]:
    earlier = tally_counts(
        "foster_carer",
        questions["foster_carer"],
        responses=48,
        option_counts=[("invited_to_review", "always", 30), ("invited_to_review", "never", 18)],
    )
    return [
        Baseline("previous_year", previous_year(PERIOD), []),
        Baseline("previous_quarter", previous_quarter(PERIOD), [earlier]),
    ]


def build(current, baselines, **overrides):
    arguments = {
        "themes": {
            "foster_carer": [
                {"key": "minutes", "count": 2, "quotes": ["Minutes came late."]},
                {"key": "being_heard", "count": 3, "quotes": ["I was listened to."]},
            ]
        },
        "quotes": {"foster_carer": {"positive": ["Very supportive IRO."]}},
        "baselines": baselines,
        "indicators": {
            "participation": participation({"PN1": 8, "PN7": 2}),
            "know_iro": Share(2, 3),
        },
        "responses_by": {
            "language": {"en": 50, "ar": 7},
            "channel": {"paper": 20, "online": 36, None: 1},
        },
        "response_rates": response_rates({"foster_carer": 48}, {"foster_carer": 120}),
    }
    return build_report(PERIOD, current, **(arguments | overrides))


NOT_COMPARABLE = {
    "measure": "good_share",
    "current": None,
    "previous": None,
    "current_n": 0,
    "previous_n": 0,
    "change": None,
    "direction": None,
    "verdict": "not_comparable",
    "reason": "too_few",
    "small_numbers": True,
}
NO_DIRECTION = NOT_COMPARABLE | {"measure": None, "reason": "no_direction"}


def test_full_report_model(current, baselines):
    report = build(current, baselines).to_dict()

    assert report == {
        "period": {
            "from": "2024-10-01",
            "to": "2024-12-31",
            "kind": "quarter",
            "label": "2024-25 Q3",
        },
        "comparison_periods": {
            "previous_quarter": {
                "from": "2024-07-01",
                "to": "2024-09-30",
                "kind": "quarter",
                "label": "2024-25 Q2",
            },
            "previous_year": {
                "from": "2023-10-01",
                "to": "2023-12-31",
                "kind": "quarter",
                "label": "2023-24 Q3",
            },
        },
        "small_numbers_threshold": 5,
        "instruments": [
            {
                "key": "foster_carer",
                "responses": 48,
                "small_numbers": False,
                "questions": [
                    {
                        "key": "invited_to_review",
                        "type": "scale",
                        "scale": "frequency5",
                        "n": 48,
                        "counts": {
                            "always": 45,
                            "usually": 3,
                            "sometimes": 0,
                            "occasionally": 0,
                            "never": 0,
                        },
                        "percent": {
                            "always": 93.8,
                            "usually": 6.3,
                            "sometimes": 0.0,
                            "occasionally": 0.0,
                            "never": 0.0,
                        },
                        "small_numbers": False,
                        "good": ["always", "usually"],
                        "good_share": {
                            "numerator": 48,
                            "denominator": 48,
                            "percent": 100.0,
                            "small_numbers": False,
                        },
                        "comparison": {
                            "previous_quarter": {
                                "measure": "good_share",
                                "current": 100.0,
                                "previous": 62.5,
                                "current_n": 48,
                                "previous_n": 48,
                                "change": 37.5,
                                "direction": "up",
                                "verdict": "improved",
                                "reason": "significant",
                                "small_numbers": False,
                            },
                            "previous_year": NOT_COMPARABLE | {"current": 100.0, "current_n": 48},
                        },
                    }
                ],
                "themes": [
                    {"key": "being_heard", "count": 3, "quotes": ["I was listened to."]},
                    {"key": "minutes", "count": 2, "quotes": ["Minutes came late."]},
                ],
                "quotes": {"critical": [], "positive": ["Very supportive IRO."]},
            },
            {
                "key": "child_booklet",
                "responses": 3,
                "small_numbers": True,
                "questions": [
                    {
                        "key": "know_iro",
                        "type": "scale",
                        "scale": "yes_no_unsure",
                        "n": 3,
                        "counts": {"yes": 2, "no": 1, "not_sure": 0},
                        "percent": {"yes": 66.7, "no": 33.3, "not_sure": 0.0},
                        "small_numbers": True,
                        "good": ["yes"],
                        "good_share": {
                            "numerator": 2,
                            "denominator": 3,
                            "percent": 66.7,
                            "small_numbers": True,
                        },
                        "comparison": {
                            "previous_quarter": NOT_COMPARABLE | {"current": 66.7, "current_n": 3},
                            "previous_year": NOT_COMPARABLE | {"current": 66.7, "current_n": 3},
                        },
                    },
                    {
                        "key": "review_who",
                        "type": "multi",
                        "n": 2,
                        "counts": {"carer": 2, "mum": 0},
                        "percent": {"carer": 100.0, "mum": 0.0},
                        "small_numbers": True,
                        "comparison": {
                            "previous_quarter": NO_DIRECTION,
                            "previous_year": NO_DIRECTION,
                        },
                    },
                ],
                "themes": [],
                "quotes": {"critical": [], "positive": []},
            },
            {
                "key": "parent",
                "responses": 6,
                "small_numbers": False,
                "questions": [
                    {
                        "key": "number_of_iros_last_year",
                        "type": "integer",
                        "n": 6,
                        "mean": 1.3,
                        "median": 1.0,
                        "min": 1,
                        "max": 2,
                        "distribution": [{"value": 1, "count": 4}, {"value": 2, "count": 2}],
                        "better": "lower",
                        "small_numbers": False,
                        "comparison": {
                            "previous_quarter": NOT_COMPARABLE
                            | {"measure": "mean", "current": 1.3, "current_n": 6},
                            "previous_year": NOT_COMPARABLE
                            | {"measure": "mean", "current": 1.3, "current_n": 6},
                        },
                    }
                ],
                "themes": [],
                "quotes": {"critical": [], "positive": []},
            },
        ],
        "indicators": {
            "know_iro": {"numerator": 2, "denominator": 3, "percent": 66.7, "small_numbers": True},
            "participation": {
                "numerator": 8,
                "denominator": 10,
                "percent": 80.0,
                "small_numbers": False,
                "counts": {
                    "PN0": 0,
                    "PN1": 8,
                    "PN2": 0,
                    "PN3": 0,
                    "PN4": 0,
                    "PN5": 0,
                    "PN6": 0,
                    "PN7": 2,
                    "not_recorded": 0,
                },
            },
        },
        "responses_by": {
            "channel": {"online": 36, "paper": 20, "unknown": 1},
            "language": {"ar": 7, "en": 50},
        },
        "response_rates": {
            "foster_carer": {
                "numerator": 48,
                "denominator": 120,
                "percent": 40.0,
                "small_numbers": False,
            }
        },
    }


def test_minimal_report_keeps_the_contract_keys(current):
    report = build_report(PERIOD, current[:1]).to_dict()

    assert report["period"]["from"] == "2024-10-01" and report["period"]["to"] == "2024-12-31"
    instrument = report["instruments"][0]
    assert {"key", "responses", "questions", "themes", "quotes"} <= set(instrument)
    assert {"key", "type", "scale", "n", "counts", "percent"} <= set(instrument["questions"][0])
    assert instrument["questions"][0]["comparison"] == {}
    assert report["indicators"] == {} and report["responses_by"] == {}


def test_json_is_deterministic_whatever_the_order_of_unordered_inputs(current, baselines):
    first = build(current, baselines)
    second = build(
        current,
        list(reversed(baselines)),
        indicators={"know_iro": Share(2, 3), "participation": participation({"PN7": 2, "PN1": 8})},
        responses_by={
            "channel": {None: 1, "online": 36, "paper": 20},
            "language": {"ar": 7, "en": 50},
        },
    )

    assert first.to_json() == second.to_json()
    assert json.loads(first.to_json()) == first.to_dict()


def test_json_keeps_non_latin_scripts_readable(current):
    report = build_report(PERIOD, current[:1], quotes={"foster_carer": {"positive": ["شكرا"]}})

    assert "شكرا" in report.to_json()


def test_to_dict_is_a_copy(current):
    report = build_report(PERIOD, current[:1])

    report.to_dict()["instruments"].clear()

    assert len(report.to_dict()["instruments"]) == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"themes": {"parent_x": []}}, "not in the report"),
        ({"quotes": {"nobody": {}}}, "not in the report"),
        ({"themes": {"foster_carer": [{"key": "x"}]}}, "count"),
        (
            {"themes": {"foster_carer": [{"key": "x", "count": 1}, {"key": "x", "count": 2}]}},
            "duplicate",
        ),
        ({"quotes": {"foster_carer": {"positive": "one quote"}}}, "list of strings"),
        ({"responses_by": {"colour": {"red": 1}}}, "unknown response dimensions"),
    ],
)
def test_bad_inputs_are_refused(current, baselines, overrides, message):
    with pytest.raises(ValueError, match=message):
        build(current, baselines, **overrides)


def test_duplicate_instruments_and_baselines_are_refused(current):
    with pytest.raises(ValueError, match="duplicate instrument"):
        build_report(PERIOD, [current[0], current[0]])
    with pytest.raises(ValueError, match="duplicate baseline"):
        baseline = Baseline("previous_year", previous_year(PERIOD), [])
        build_report(PERIOD, current, baselines=[baseline, baseline])
