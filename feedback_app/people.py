"""Facts derived from a child's record, kept in one place."""

from __future__ import annotations

from datetime import date

from feedback_app.models import Child

AGE_BAND_LIMITS: tuple[tuple[int, int, str], ...] = (
    (4, 7, "4-7"),
    (8, 11, "8-11"),
    (12, 15, "12-15"),
    (16, 17, "16-17"),
)


def age_band_of_age(age: int) -> str | None:
    """Return the reporting age band for an age in years (None under 4)."""
    if age >= 18:
        return "18+"
    return next((band for low, high, band in AGE_BAND_LIMITS if low <= age <= high), None)


def age_band_for(child: Child, on: date | None = None) -> str | None:
    """Return the child's age band today (or ``on``), from the birth date or the stored band."""
    age = child.age_on(on or date.today())
    return age_band_of_age(age) if age is not None else child.age_band
