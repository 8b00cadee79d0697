"""Financial years, quarters, custom ranges and their comparison periods."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.periods import (
    Period,
    date_range,
    financial_year,
    financial_year_of,
    parse_period,
    previous_quarter,
    previous_year,
    quarter,
    quarter_of,
)


def test_financial_year_runs_april_to_march():
    year = financial_year(2024)

    assert (year.start, year.end, year.kind, year.label) == (
        date(2024, 4, 1),
        date(2025, 3, 31),
        "year",
        "2024-25",
    )
    assert financial_year(2099).label == "2099-00"


@pytest.mark.parametrize(
    ("number", "start", "end"),
    [
        (1, date(2024, 4, 1), date(2024, 6, 30)),
        (2, date(2024, 7, 1), date(2024, 9, 30)),
        (3, date(2024, 10, 1), date(2024, 12, 31)),
        (4, date(2025, 1, 1), date(2025, 3, 31)),
    ],
)
def test_quarters(number, start, end):
    period = quarter(2024, number)

    assert (period.start, period.end) == (start, end)
    assert period.label == f"2024-25 Q{number}" and period.kind == "quarter"


def test_quarter_number_is_checked():
    with pytest.raises(ValueError, match="1 to 4"):
        quarter(2024, 5)


@pytest.mark.parametrize(
    ("day", "year_label", "quarter_label"),
    [
        (date(2024, 3, 31), "2023-24", "2023-24 Q4"),
        (date(2024, 4, 1), "2024-25", "2024-25 Q1"),
        (date(2024, 6, 30), "2024-25", "2024-25 Q1"),
        (date(2024, 7, 1), "2024-25", "2024-25 Q2"),
        (date(2024, 12, 31), "2024-25", "2024-25 Q3"),
        (date(2025, 1, 1), "2024-25", "2024-25 Q4"),
        (date(2024, 2, 29), "2023-24", "2023-24 Q4"),
    ],
)
def test_period_of_a_date(day, year_label, quarter_label):
    assert financial_year_of(day).label == year_label
    assert quarter_of(day).label == quarter_label
    assert day in quarter_of(day) and day in financial_year_of(day)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-25", financial_year(2024)),
        ("2024/25", financial_year(2024)),
        ("2024-2025", financial_year(2024)),
        (" FY2024-25 ", financial_year(2024)),
        ("2024-25 Q3", quarter(2024, 3)),
        ("2024-25 q4", quarter(2024, 4)),
        ("2099-00", financial_year(2099)),
        ("2024-04-01/2025-03-31", financial_year(2024)),
        ("2024-07-01/2024-09-30", quarter(2024, 2)),
        ("2024-05-01/2024-05-31", Period(date(2024, 5, 1), date(2024, 5, 31))),
        ("2024-05-01--2024-05-31", Period(date(2024, 5, 1), date(2024, 5, 31))),
        ("2024-05-01 to 2024-05-31", Period(date(2024, 5, 1), date(2024, 5, 31))),
    ],
)
def test_parse_period(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024-26",
        "2024-25 Q5",
        "2024",
        "last year",
        "2024-05-31/2024-05-01",
        "2024-13-01/2024-12-31",
    ],
)
def test_parse_period_refuses_what_is_not_a_period(text):
    with pytest.raises(ValueError):
        parse_period(text)


def test_custom_range_has_a_readable_label_and_a_report_shape():
    period = date_range(date(2024, 5, 1), date(2024, 8, 15))

    assert period.kind == "custom"
    assert period.to_dict() == {
        "from": "2024-05-01",
        "to": "2024-08-15",
        "kind": "custom",
        "label": "2024-05-01 to 2024-08-15",
    }


def test_previous_quarter_crosses_the_year_boundary():
    assert previous_quarter(quarter(2024, 1)) == quarter(2023, 4)
    assert previous_quarter(quarter(2024, 4)) == quarter(2024, 3)
    assert previous_quarter(quarter(2024, 2)) == quarter(2024, 1)


def test_previous_year_of_years_quarters_and_leap_days():
    assert previous_year(financial_year(2024)) == financial_year(2023)
    assert previous_year(quarter(2024, 3)) == quarter(2023, 3)
    # Q4 2023-24 ends on 31 March 2024, a leap year; a year earlier it still ends on 31 March.
    assert previous_year(quarter(2023, 4)) == quarter(2022, 4)
    february = date_range(date(2024, 2, 1), date(2024, 2, 29))
    assert previous_year(february) == date_range(date(2023, 2, 1), date(2023, 2, 28))
    odd = date_range(date(2024, 2, 29), date(2024, 3, 15))
    assert previous_year(odd) == date_range(date(2023, 2, 28), date(2023, 3, 15))


def test_previous_periods_of_custom_ranges_keep_month_ends():
    autumn = date_range(date(2024, 9, 1), date(2024, 11, 30))

    assert previous_quarter(autumn) == date_range(date(2024, 6, 1), date(2024, 8, 31))
    # The previous quarter of a whole year is the twelve months ending a quarter earlier.
    assert previous_quarter(financial_year(2024)) == date_range(
        date(2024, 1, 1), date(2024, 12, 31)
    )


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="after"):
        Period(date(2024, 5, 2), date(2024, 5, 1))
