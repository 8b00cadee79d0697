"""Statutory review timescales for looked-after children, with England's bank holidays.

The Care Planning, Placement and Case Review (England) Regulations 2010 set the deadlines:
the first review within 20 working days of the child becoming looked after, the second
within 3 months of the first, then each within 6 months of the one before.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import cache

FIRST_REVIEW_WORKING_DAYS = 20
SECOND_REVIEW_MONTHS = 3
LATER_REVIEW_MONTHS = 6

#: One-off bank holidays and moved ones (England and Wales), by year.
_SPECIAL: dict[int, tuple[tuple[date, ...], tuple[date, ...]]] = {
    # year: (added, removed)
    1995: ((date(1995, 5, 8),), (date(1995, 5, 1),)),
    2002: ((date(2002, 6, 3), date(2002, 6, 4)), (date(2002, 5, 27),)),
    2011: ((date(2011, 4, 29),), ()),
    2012: ((date(2012, 6, 4), date(2012, 6, 5)), (date(2012, 5, 28),)),
    2020: ((date(2020, 5, 8),), (date(2020, 5, 4),)),
    2022: ((date(2022, 6, 2), date(2022, 6, 3), date(2022, 9, 19)), (date(2022, 5, 30),)),
    2023: ((date(2023, 5, 8),), ()),
}


def easter_sunday(year: int) -> date:
    """Return Easter Sunday (Gregorian calendar; anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lk = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lk) // 451
    month, day = divmod(h + lk - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_weekday(year: int, month: int, weekday: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7)


def _last_weekday(year: int, month: int, weekday: int) -> date:
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


@cache
def bank_holidays(year: int) -> frozenset[date]:
    """Return England and Wales bank holidays in ``year``, substitute days included."""
    easter = easter_sunday(year)
    days = {
        easter - timedelta(days=2),  # Good Friday
        easter + timedelta(days=1),  # Easter Monday
        _first_weekday(year, 5, calendar.MONDAY),  # Early May
        _last_weekday(year, 5, calendar.MONDAY),  # Spring
        _last_weekday(year, 8, calendar.MONDAY),  # Summer
    }
    new_year = date(year, 1, 1)
    while new_year.weekday() >= 5:
        new_year += timedelta(days=1)
    days.add(new_year)
    christmas, boxing = date(year, 12, 25), date(year, 12, 26)
    if christmas.weekday() == 5:  # Saturday: Monday and Tuesday
        christmas, boxing = date(year, 12, 27), date(year, 12, 28)
    elif christmas.weekday() == 6:  # Sunday: Tuesday for Christmas, Monday for Boxing Day
        christmas, boxing = date(year, 12, 27), date(year, 12, 26)
    elif boxing.weekday() == 5:  # Boxing Day on Saturday: Monday
        boxing = date(year, 12, 28)
    days.update((christmas, boxing))
    added, removed = _SPECIAL.get(year, ((), ()))
    return frozenset((days - set(removed)) | set(added))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """Return the date ``count`` working days after ``start``."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def add_months(start: date, months: int) -> date:
    """Return the same day ``months`` later, or the month's last day if it is shorter."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def next_review_due(entered_care_on: date, held_reviews: list[date]) -> date:
    """Return the latest date the next review may be held by law.

    ``held_reviews`` are the dates of the reviews already held since the child became
    looked after (any order).
    """
    if not held_reviews:
        return add_working_days(entered_care_on, FIRST_REVIEW_WORKING_DAYS)
    last = max(held_reviews)
    months = SECOND_REVIEW_MONTHS if len(held_reviews) == 1 else LATER_REVIEW_MONTHS
    return add_months(last, months)


def review_kind(held_before: int) -> str:
    """Return the statutory kind of the review that follows ``held_before`` held reviews."""
    return ("initial", "second")[held_before] if held_before < 2 else "subsequent"
