"""Statutory timescales and England's bank holidays."""

from __future__ import annotations

from datetime import date

import pytest

from feedback_app.schedule import (
    add_months,
    add_working_days,
    bank_holidays,
    easter_sunday,
    next_review_due,
    review_kind,
)


@pytest.mark.parametrize(("year", "expected"), [
    (2019, date(2019, 4, 21)), (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
    (2026, date(2026, 4, 5)), (2038, date(2038, 4, 25)),
])
def test_easter(year, expected):
    assert easter_sunday(year) == expected


def test_bank_holidays_2022_include_the_moved_and_one_off_days():
    assert bank_holidays(2022) == {
        date(2022, 1, 3), date(2022, 4, 15), date(2022, 4, 18), date(2022, 5, 2),
        date(2022, 6, 2), date(2022, 6, 3), date(2022, 8, 29), date(2022, 9, 19),
        date(2022, 12, 26), date(2022, 12, 27),
    }


def test_bank_holidays_2026():
    assert bank_holidays(2026) == {
        date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4),
        date(2026, 5, 25), date(2026, 8, 31), date(2026, 12, 25), date(2026, 12, 28),
    }


def test_twenty_working_days_skip_weekends_and_easter():
    # Entered care on Wednesday 25 March 2026; Good Friday 3 and Easter Monday 6 April.
    assert add_working_days(date(2026, 3, 25), 20) == date(2026, 4, 24)


def test_add_months_clamps_to_month_end():
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)


def test_next_review_due_follows_the_regulations():
    entered = date(2025, 1, 6)
    assert next_review_due(entered, []) == date(2025, 2, 3)
    assert next_review_due(entered, [date(2025, 1, 30)]) == date(2025, 4, 30)
    assert next_review_due(entered, [date(2025, 4, 28), date(2025, 1, 30)]) == date(2025, 10, 28)


def test_review_kind():
    assert [review_kind(n) for n in range(4)] == ["initial", "second", "subsequent",
                                                  "subsequent"]
