"""Reporting periods: English financial years, their quarters and custom date ranges.

A financial year runs 1 April to 31 March and is labelled by its two calendar years
("2024-25"); Q1 is April-June, Q2 July-September, Q3 October-December, Q4 January-March.
Every period is an inclusive date range, so the same filter works for all three kinds.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

PeriodKind = Literal["year", "quarter", "custom"]

_YEAR = re.compile(r"^(?:FY\s*)?(\d{4})\s*[-/]\s*(\d{2}|\d{4})(?:\s+Q([1-4]))?$", re.IGNORECASE)
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:/|--|\.\.|\s+to\s+)\s*(\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True, order=True)
class Period:
    """An inclusive date range with a label people recognise."""

    start: date
    end: date
    kind: PeriodKind = "custom"
    label: str = ""

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period starts {self.start} after it ends {self.end}")
        if not self.label:
            object.__setattr__(self, "label", f"{self.start.isoformat()} to {self.end.isoformat()}")

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def to_dict(self) -> dict[str, str]:
        """Return the report JSON shape: ``from`` and ``to`` as ISO dates, plus kind and label."""
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "kind": self.kind,
            "label": self.label,
        }


def financial_year(start_year: int) -> Period:
    """Return the financial year starting on 1 April of ``start_year``."""
    return Period(
        date(start_year, 4, 1), date(start_year + 1, 3, 31), "year", _year_label(start_year)
    )


def quarter(start_year: int, number: int) -> Period:
    """Return quarter ``number`` (1-4) of the financial year starting in ``start_year``."""
    if number not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1 to 4, not {number}")
    first_month = 4 + 3 * (number - 1)
    year = start_year + (first_month - 1) // 12
    month = (first_month - 1) % 12 + 1
    start = date(year, month, 1)
    end = _month_end(year, month + 2)
    return Period(start, end, "quarter", f"{_year_label(start_year)} Q{number}")


def financial_year_of(day: date) -> Period:
    """Return the financial year a date falls in."""
    return financial_year(_start_year(day))


def quarter_of(day: date) -> Period:
    """Return the financial quarter a date falls in."""
    return quarter(_start_year(day), (day.month - 4) % 12 // 3 + 1)


def date_range(start: date, end: date) -> Period:
    """Return the period for an inclusive range, named as a year or quarter when it is one."""
    year = financial_year_of(start)
    if (start, end) == (year.start, year.end):
        return year
    three_months = quarter_of(start)
    if (start, end) == (three_months.start, three_months.end):
        return three_months
    return Period(start, end)


def parse_period(text: str) -> Period:
    """Parse "2024-25", "2024/25", "2024-25 Q3" or an ISO range "2024-04-01/2024-06-30".

    Ranges may also be written with "--", ".." or " to " between the dates.
    """
    cleaned = text.strip()
    year_match = _YEAR.match(cleaned)
    if year_match:
        start_year = int(year_match.group(1))
        end_part = year_match.group(2)
        if int(end_part) % 10 ** len(end_part) != (start_year + 1) % 10 ** len(end_part):
            raise ValueError(f"{text!r}: a financial year runs over two consecutive years")
        number = year_match.group(3)
        return quarter(start_year, int(number)) if number else financial_year(start_year)
    range_match = _RANGE.match(cleaned)
    if range_match:
        start, end = (date.fromisoformat(part) for part in range_match.groups())
        return date_range(start, end)
    raise ValueError(f"{text!r} is not a period: use 2024-25, 2024-25 Q3 or 2024-04-01/2024-06-30")


def previous_quarter(period: Period) -> Period:
    """Return the period three months earlier (the previous quarter of a quarter)."""
    return _shift(period, 3)


def previous_year(period: Period) -> Period:
    """Return the same period a year earlier."""
    return _shift(period, 12)


def _shift(period: Period, months: int) -> Period:
    """Move a period back by whole months, keeping month starts and month ends aligned."""
    return date_range(_months_back(period.start, months), _months_back(period.end, months))


def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    if day == _month_end(day.year, day.month):
        return _month_end(year, month)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> date:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _start_year(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _year_label(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"
