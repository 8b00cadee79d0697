"""Tally answers per question: option counts and percentages, multiple choice, number summaries.

Two entry points give identical results: :func:`tally_responses` streams responses (tests, the
CLI, small imports) and :func:`tally_counts` takes what a SQL ``GROUP BY`` returns, which is how
the platform builds reports without loading every row. Both feed the same raw counters, then
the same code turns counters into figures.

Missing values: an answer that is None, an empty string or an empty selection is "not
answered" and is left out of ``n``. An option key the question does not list (an option
dropped in a later instrument version, say) is left out of ``n`` too, and reported under
``unrecognised`` so it cannot vanish silently. Text questions are not tallied.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal, get_args

from analysis.numbers import Share, is_small, percent, round_half_up
from analysis.responses import AnswerValue, Filters, ResponseLike
from analysis.types import Better, QuestionLike, QuestionType

#: Options that mean "this does not apply to me": counted and shown, but left out of the
#: base of the good-answers share (a carer with no child old enough cannot say "never").
NOT_APPLICABLE = frozenset({"not_applicable"})

#: One row of ``SELECT question_key, option_key, count(*) ... GROUP BY question_key, option_key``.
OptionCountRow = tuple[str, str | None, int]
#: One row of ``SELECT question_key, number, count(*) ... GROUP BY question_key, number``.
NumberCountRow = tuple[str, int | None, int]

_TYPES = frozenset(get_args(QuestionType))


@dataclass(frozen=True)
class OptionTally:
    """Counts of a single-answer question (a scale or an inline choice), in option order."""

    key: str
    type: Literal["scale", "choice"]
    scale: str | None
    n: int
    counts: Mapping[str, int]
    good: tuple[str, ...] = ()
    unrecognised: Mapping[str, int] = field(default_factory=dict)

    @property
    def percent(self) -> dict[str, float | None]:
        """Each option as a percentage of ``n`` (None for every option when ``n`` is 0)."""
        return {option: percent(count, self.n) for option, count in self.counts.items()}

    @property
    def small_numbers(self) -> bool:
        """True when too few answered for percentages to be shown."""
        return is_small(self.n)

    def share(self, options: Iterable[str]) -> Share:
        """Return how many chose any of ``options``, out of those giving an applicable answer.

        Answers such as ``not_applicable`` are left out of the base unless asked for.
        """
        chosen = set(options)
        base = sum(c for option, c in self.counts.items() if option not in NOT_APPLICABLE - chosen)
        return Share(sum(self.counts.get(option, 0) for option in chosen), base)

    def good_share(self) -> Share | None:
        """Return the share of good answers, or None when the question has no good direction."""
        return self.share(self.good) if self.good else None

    def to_dict(self) -> dict[str, object]:
        """Return the report JSON shape of a scale (or choice) question."""
        shape: dict[str, object] = {
            "key": self.key,
            "type": self.type,
            "scale": self.scale,
            "n": self.n,
            "counts": dict(self.counts),
            "percent": self.percent,
            "small_numbers": self.small_numbers,
        }
        good_share = self.good_share()
        if good_share is not None:
            shape["good"] = list(self.good)
            shape["good_share"] = good_share.to_dict()
        if self.unrecognised:
            shape["unrecognised"] = dict(self.unrecognised)
        return shape


@dataclass(frozen=True)
class MultiTally:
    """Counts of a multiple-choice question; percentages are of those who ticked anything."""

    key: str
    n: int
    counts: Mapping[str, int]
    unrecognised: Mapping[str, int] = field(default_factory=dict)
    type: Literal["multi"] = "multi"

    @property
    def percent(self) -> dict[str, float | None]:
        """Each option as a percentage of ``n``; they can add up to more than 100."""
        return {option: percent(count, self.n) for option, count in self.counts.items()}

    @property
    def small_numbers(self) -> bool:
        """True when too few answered for percentages to be shown."""
        return is_small(self.n)

    def to_dict(self) -> dict[str, object]:
        """Return the report JSON shape of a multiple-choice question."""
        shape: dict[str, object] = {
            "key": self.key,
            "type": self.type,
            "n": self.n,
            "counts": dict(self.counts),
            "percent": self.percent,
            "small_numbers": self.small_numbers,
        }
        if self.unrecognised:
            shape["unrecognised"] = dict(self.unrecognised)
        return shape


@dataclass(frozen=True)
class NumberTally:
    """Summary of an integer question; the statistics are None when nobody answered."""

    key: str
    distribution: tuple[tuple[int, int], ...]
    better: Better = "none"
    type: Literal["integer"] = "integer"

    @property
    def n(self) -> int:
        """How many answered."""
        return sum(count for _, count in self.distribution)

    @property
    def small_numbers(self) -> bool:
        """True when too few answered for the summary to be shown."""
        return is_small(self.n)

    @property
    def exact_mean(self) -> Fraction | None:
        """The mean as an exact fraction, for comparisons that must not suffer float error."""
        if not self.n:
            return None
        return Fraction(sum(value * count for value, count in self.distribution), self.n)

    @property
    def mean(self) -> float | None:
        """The mean rounded half up to one decimal."""
        exact = self.exact_mean
        return None if exact is None else round_half_up(exact)

    @property
    def median(self) -> float | None:
        """The middle answer (halfway between the two middle ones when ``n`` is even)."""
        if not self.n:
            return None
        low, high = self._nth((self.n - 1) // 2), self._nth(self.n // 2)
        return round_half_up(Fraction(low + high, 2))

    @property
    def min(self) -> int | None:
        """The smallest answer."""
        return self.distribution[0][0] if self.distribution else None

    @property
    def max(self) -> int | None:
        """The largest answer."""
        return self.distribution[-1][0] if self.distribution else None

    def _nth(self, index: int) -> int:
        seen = 0
        for value, count in self.distribution:
            seen += count
            if index < seen:
                return value
        raise IndexError(index)

    def to_dict(self) -> dict[str, object]:
        """Return the report JSON shape of an integer question."""
        return {
            "key": self.key,
            "type": self.type,
            "n": self.n,
            "mean": self.mean,
            "median": self.median,
            "min": self.min,
            "max": self.max,
            "distribution": [{"value": v, "count": c} for v, c in self.distribution],
            "better": self.better,
            "small_numbers": self.small_numbers,
        }


Tally = OptionTally | MultiTally | NumberTally


@dataclass(frozen=True)
class InstrumentTally:
    """Every tallied question of one instrument, in instrument order, and the response count."""

    instrument_key: str
    responses: int
    questions: tuple[Tally, ...]

    def question(self, key: str) -> Tally | None:
        """Return the tally of one question, or None when the instrument has no such question."""
        return next((tally for tally in self.questions if tally.key == key), None)


@dataclass
class _Raw:
    """Counters one question accumulates before they become figures."""

    options: Counter[str] = field(default_factory=Counter)
    numbers: Counter[int] = field(default_factory=Counter)
    answered: int = 0


def tally_responses(
    instrument_key: str,
    questions: Sequence[QuestionLike],
    responses: Iterable[ResponseLike],
    filters: Filters | None = None,
) -> InstrumentTally:
    """Tally one instrument's matching responses in a single streamed pass.

    Responses of other instruments are skipped, so a mixed stream cannot mix question keys.
    """
    filters = filters or Filters()
    tallied = _tallied(questions)
    raw = {question.key: _Raw() for question in tallied}
    total = 0
    for response in responses:
        if response.instrument_key != instrument_key or not filters.matches(response):
            continue
        total += 1
        for question in tallied:
            _add_answer(question, raw[question.key], response.answers.get(question.key))
    return _finish(instrument_key, total, tallied, raw)


def tally_counts(
    instrument_key: str,
    questions: Sequence[QuestionLike],
    *,
    responses: int,
    option_counts: Iterable[OptionCountRow],
    number_counts: Iterable[NumberCountRow] = (),
    answered: Mapping[str, int] | None = None,
) -> InstrumentTally:
    """Tally one instrument from counts the database aggregated (already filtered).

    :param responses: how many responses matched the filters.
    :param option_counts: ``(question_key, option_key, count)`` rows for scale and choice
        answers and for multiple-choice selections; repeated pairs are added up, rows of
        unknown or text questions and rows with no option are ignored.
    :param number_counts: ``(question_key, number, count)`` rows for integer questions.
    :param answered: for each multiple-choice question, how many responses ticked anything
        (the base of its percentages, which its option counts cannot give).
    """
    _check_count("responses", responses)
    tallied = _tallied(questions)
    by_key = {question.key: question for question in tallied}
    raw = {key: _Raw() for key in by_key}
    for key, option, count in option_counts:
        question = by_key.get(key)
        if question is None or option is None:
            continue
        if question.type == "integer":
            raise ValueError(f"{key}: integer question given option count for {option!r}")
        _check_count(key, count)
        raw[key].options[option] += count
    for key, number, count in number_counts:
        question = by_key.get(key)
        if question is None or number is None:
            continue
        if question.type != "integer":
            raise ValueError(f"{key}: {question.type} question given a number count")
        if isinstance(number, bool) or not isinstance(number, int):
            raise ValueError(f"{key}: expected a whole number, got {number!r}")
        _check_count(key, count)
        raw[key].numbers[number] += count
    for key, count in (answered or {}).items():
        if key in raw:
            _check_count(key, count)
            raw[key].answered = count
    result = _finish(instrument_key, responses, tallied, raw)
    for tally in result.questions:
        if tally.n > responses:
            raise ValueError(f"{tally.key}: {tally.n} answers but only {responses} responses")
    return result


def _tallied(questions: Sequence[QuestionLike]) -> tuple[QuestionLike, ...]:
    keys = [question.key for question in questions]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate question keys: {', '.join(duplicates)}")
    for question in questions:
        if question.type not in _TYPES:
            raise ValueError(f"{question.key}: unknown question type {question.type!r}")
    return tuple(question for question in questions if question.type != "text")


def _check_count(key: str, count: int) -> None:
    if count < 0:
        raise ValueError(f"{key}: negative count {count}")


def _add_answer(question: QuestionLike, raw: _Raw, value: AnswerValue) -> None:
    """Add one response's answer to a question's counters; None and empty mean unanswered."""
    if value is None or value == "":
        return
    if question.type == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{question.key}: expected a whole number, got {value!r}")
        raw.numbers[value] += 1
    elif question.type == "multi":
        if isinstance(value, str | int):
            raise ValueError(f"{question.key}: expected a list of option keys, got {value!r}")
        chosen = set(value)
        if chosen:
            raw.answered += 1
            raw.options.update(_option_keys(question.key, chosen))
    else:
        if not isinstance(value, str):
            raise ValueError(f"{question.key}: expected an option key, got {value!r}")
        raw.options[value] += 1


def _option_keys(key: str, chosen: set[str]) -> set[str]:
    if not all(isinstance(option, str) for option in chosen):
        raise ValueError(f"{key}: option keys must be strings, got {sorted(map(repr, chosen))}")
    return chosen


def _finish(
    instrument_key: str,
    responses: int,
    questions: tuple[QuestionLike, ...],
    raw: Mapping[str, _Raw],
) -> InstrumentTally:
    return InstrumentTally(
        instrument_key,
        responses,
        tuple(_figures(question, raw[question.key]) for question in questions),
    )


def _figures(question: QuestionLike, raw: _Raw) -> Tally:
    """Turn one question's counters into its tally."""
    if question.type == "integer":
        distribution = tuple(sorted((value, c) for value, c in raw.numbers.items() if c))
        return NumberTally(question.key, distribution, question.better)
    counts = {option: raw.options.get(option, 0) for option in question.options}
    unrecognised = {o: c for o, c in sorted(raw.options.items()) if o not in counts and c}
    if question.type == "multi":
        for option, count in counts.items():
            if count > raw.answered:
                raise ValueError(
                    f"{question.key}: {option!r} chosen {count} times but only {raw.answered} "
                    "answered; pass the number answering in `answered`"
                )
        return MultiTally(question.key, raw.answered, counts, unrecognised)
    return OptionTally(
        question.key,
        "choice" if question.type == "choice" else "scale",
        question.scale,
        sum(counts.values()),
        counts,
        tuple(question.good),
        unrecognised,
    )
