"""Submitted responses as plain data, the filters a report applies, and response breakdowns.

The web layer applies the same :class:`Filters` in SQL; the fields are plain values (tuples
of allowed keys, inclusive dates) so they translate directly into ``IN`` and ``BETWEEN``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Protocol

from analysis.periods import Period

#: An answer as the rows path accepts it: an option key (scale, choice), the chosen option
#: keys (multi), a whole number (integer), free text (ignored here) or None (not answered).
AnswerValue = str | int | Sequence[str] | None

#: Response attributes a report counts responses by, in the order reports list them.
DIMENSIONS = ("channel", "language", "area", "age_band", "respondent_role")

#: Stands for a missing dimension value (an adult's empty age band, an unrecorded area).
UNKNOWN = "unknown"


class ResponseLike(Protocol):
    """A submitted response with its answers keyed by question key."""

    @property
    def instrument_key(self) -> str: ...
    @property
    def submitted_at(self) -> date | None: ...
    @property
    def channel(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...
    @property
    def area(self) -> str | None: ...
    @property
    def age_band(self) -> str | None: ...
    @property
    def respondent_role(self) -> str | None: ...
    @property
    def answers(self) -> Mapping[str, AnswerValue]: ...


@dataclass(frozen=True)
class Response:
    """One submitted form, shaped like the ``responses`` table plus its answers."""

    instrument_key: str
    submitted_at: date | None
    answers: Mapping[str, AnswerValue] = field(default_factory=dict)
    channel: str | None = None
    language: str | None = None
    area: str | None = None
    age_band: str | None = None
    respondent_role: str | None = None


@dataclass(frozen=True)
class Filters:
    """Which responses a report covers; an empty tuple or None means "no restriction".

    Dates are inclusive and compared on the date part of ``submitted_at``, which the caller
    gives in UK local time so that a form sent at 00:30 on 1 April counts in the new year.
    """

    instrument_keys: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    areas: tuple[str, ...] = ()
    age_bands: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    respondent_roles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"date_from {self.date_from} is after date_to {self.date_to}")

    def for_period(self, period: Period) -> Filters:
        """Return the same filters over another period (for comparison periods)."""
        return replace(self, date_from=period.start, date_to=period.end)

    def matches(self, response: ResponseLike) -> bool:
        """Say whether a response passes every filter; a missing value never matches one."""
        if not _allowed(self.instrument_keys, response.instrument_key):
            return False
        if self.date_from or self.date_to:
            day = _day(response.submitted_at)
            if day is None:
                return False
            if self.date_from and day < self.date_from:
                return False
            if self.date_to and day > self.date_to:
                return False
        return (
            _allowed(self.areas, response.area)
            and _allowed(self.age_bands, response.age_band)
            and _allowed(self.languages, response.language)
            and _allowed(self.channels, response.channel)
            and _allowed(self.respondent_roles, response.respondent_role)
        )


def count_responses_by(
    responses: Iterable[ResponseLike], filters: Filters | None = None
) -> dict[str, dict[str, int]]:
    """Count matching responses by each of :data:`DIMENSIONS` in one streamed pass."""
    filters = filters or Filters()
    counters: dict[str, Counter[str | None]] = {dimension: Counter() for dimension in DIMENSIONS}
    for response in responses:
        if filters.matches(response):
            for dimension, counter in counters.items():
                counter[getattr(response, dimension)] += 1
    return {dimension: normalise_breakdown(counter) for dimension, counter in counters.items()}


def normalise_breakdown(counts: Mapping[str | None, int]) -> dict[str, int]:
    """Sort a breakdown by key and name missing values :data:`UNKNOWN`, for stable output."""
    merged: Counter[str] = Counter()
    for key, count in counts.items():
        if count < 0:
            raise ValueError(f"negative count {count} for {key!r}")
        merged[key if key else UNKNOWN] += count
    return dict(sorted(merged.items()))


def _allowed(allowed: tuple[str, ...], value: str | None) -> bool:
    return not allowed or value in allowed


def _day(moment: date | None) -> date | None:
    return moment.date() if isinstance(moment, datetime) else moment
