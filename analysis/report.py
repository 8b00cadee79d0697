"""Assemble the report model (DESIGN.md "Report JSON") from figures computed elsewhere.

The model is plain JSON data so HTML, PDF, CSV and the JSON export all draw from one
source. Order is kept where it means something (instruments as given, questions in
instrument order, options in scale order, quotes as ranked) and sorted everywhere else,
so the same inputs always give byte-identical JSON. Nothing is suppressed here: every
figure based on fewer than 5 people carries ``small_numbers: true`` and renderers must
not print its percentages.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.numbers import SMALL_NUMBERS, Share, is_small
from analysis.periods import Period
from analysis.responses import DIMENSIONS, normalise_breakdown
from analysis.tallies import InstrumentTally
from analysis.trends import compare_instruments

#: A theme as the text analysis produces it: ``{"key", "count", "quotes": [...]}``.
ThemeInput = Mapping[str, Any]
#: Quotes as the text analysis selects them: ``{"positive": [...], "critical": [...]}``.
QuotesInput = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Baseline:
    """An earlier period to compare with, such as the previous quarter or previous year."""

    name: str
    period: Period
    instruments: Sequence[InstrumentTally]


@dataclass(frozen=True)
class Report:
    """The built report model; read it through :meth:`to_dict` or :meth:`to_json`."""

    data: Mapping[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """Return a copy of the model as plain dicts and lists, safe to change."""
        return copy.deepcopy(dict(self.data))

    def to_json(self, indent: int | None = 2) -> str:
        """Return the model as JSON text, with non-Latin scripts kept readable."""
        return json.dumps(self.data, ensure_ascii=False, indent=indent, allow_nan=False)


def build_report(
    period: Period,
    instruments: Sequence[InstrumentTally],
    *,
    themes: Mapping[str, Sequence[ThemeInput]] | None = None,
    quotes: Mapping[str, QuotesInput] | None = None,
    baselines: Sequence[Baseline] = (),
    indicators: Mapping[str, Share] | None = None,
    responses_by: Mapping[str, Mapping[str | None, int]] | None = None,
    response_rates: Mapping[str, Share] | None = None,
) -> Report:
    """Build the report model for one period.

    :param instruments: this period's tallies, in the order the report shows them.
    :param themes: per instrument key, the themes found in its free text.
    :param quotes: per instrument key, the selected (already redacted) quotes.
    :param baselines: earlier periods; each question gets a ``comparison`` entry per baseline.
    :param indicators: named shares, e.g. from :mod:`analysis.indicators`.
    :param responses_by: response counts per dimension (see ``DIMENSIONS``) and value.
    :param response_rates: returned / invited per respondent group.
    """
    themes, quotes = themes or {}, quotes or {}
    keys = [tally.instrument_key for tally in instruments]
    _check_unique("instrument", keys)
    _check_unique("baseline", [baseline.name for baseline in baselines])
    for name, mapping in (("themes", themes), ("quotes", quotes)):
        unknown = sorted(set(mapping) - set(keys))
        if unknown:
            raise ValueError(f"{name} given for instruments not in the report: {unknown}")
    unknown_dimensions = sorted(set(responses_by or {}) - set(DIMENSIONS))
    if unknown_dimensions:
        raise ValueError(f"unknown response dimensions: {unknown_dimensions}")

    data = {
        "period": period.to_dict(),
        "comparison_periods": {
            baseline.name: baseline.period.to_dict()
            for baseline in sorted(baselines, key=lambda baseline: baseline.name)
        },
        "small_numbers_threshold": SMALL_NUMBERS,
        "instruments": [
            _instrument(
                tally,
                baselines,
                themes.get(tally.instrument_key, ()),
                quotes.get(tally.instrument_key, {}),
            )
            for tally in instruments
        ],
        "indicators": _shares(indicators or {}),
        "responses_by": {
            dimension: normalise_breakdown((responses_by or {})[dimension])
            for dimension in DIMENSIONS
            if dimension in (responses_by or {})
        },
        "response_rates": _shares(response_rates or {}),
    }
    return Report(data)


def _instrument(
    tally: InstrumentTally,
    baselines: Sequence[Baseline],
    themes: Sequence[ThemeInput],
    quotes: QuotesInput,
) -> dict[str, Any]:
    comparisons = {
        baseline.name: compare_instruments(tally, _find(baseline, tally.instrument_key))
        for baseline in sorted(baselines, key=lambda baseline: baseline.name)
    }
    questions = []
    for question in tally.questions:
        shape = question.to_dict()
        shape["comparison"] = {
            name: by_key[question.key].to_dict() for name, by_key in comparisons.items()
        }
        questions.append(shape)
    return {
        "key": tally.instrument_key,
        "responses": tally.responses,
        "small_numbers": is_small(tally.responses),
        "questions": questions,
        "themes": _themes(tally.instrument_key, themes),
        "quotes": _quotes(tally.instrument_key, quotes),
    }


def _find(baseline: Baseline, instrument_key: str) -> InstrumentTally | None:
    return next(
        (tally for tally in baseline.instruments if tally.instrument_key == instrument_key), None
    )


def _themes(instrument_key: str, themes: Sequence[ThemeInput]) -> list[dict[str, Any]]:
    """Copy themes, most frequent first (ties by key); only key, count and quotes are kept."""
    copied: list[tuple[int, str, list[str]]] = []
    for theme in themes:
        key, count, theme_quotes = theme.get("key"), theme.get("count"), theme.get("quotes", [])
        if not isinstance(key, str) or not isinstance(count, int) or count < 0:
            raise ValueError(f"{instrument_key}: a theme needs a key and a count >= 0: {theme!r}")
        copied.append((count, key, _strings(instrument_key, theme_quotes)))
    _check_unique(f"{instrument_key} theme", [key for _, key, _ in copied])
    return [
        {"key": key, "count": count, "quotes": theme_quotes}
        for count, key, theme_quotes in sorted(copied, key=lambda theme: (-theme[0], theme[1]))
    ]


def _quotes(instrument_key: str, quotes: QuotesInput) -> dict[str, list[str]]:
    """Copy quotes in their given order, with ``positive`` and ``critical`` always present."""
    copied = {tone: _strings(instrument_key, quotes.get(tone, [])) for tone in quotes}
    copied.setdefault("positive", [])
    copied.setdefault("critical", [])
    return dict(sorted(copied.items()))


def _strings(instrument_key: str, values: Any) -> list[str]:
    if isinstance(values, str) or not all(isinstance(value, str) for value in values):
        raise ValueError(f"{instrument_key}: quotes must be a list of strings, not {values!r}")
    return list(values)


def _shares(shares: Mapping[str, Share]) -> dict[str, dict[str, object]]:
    return {key: shares[key].to_dict() for key in sorted(shares)}


def _check_unique(what: str, keys: Sequence[str]) -> None:
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate {what} keys: {', '.join(duplicates)}")
