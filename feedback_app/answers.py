"""Validate raw answers against their question: one rule book for every way answers arrive.

Online forms, paper entry and CSV import all pass raw values through ``clean_answer`` so a
value refused in one channel is refused in every channel, with the same message in the
respondent's language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext

from feedback_app.instruments.model import Instrument, Question

#: A cleaned answer: option key, list of option keys, whole number, text, or None (skipped).
Value = str | list[str] | int | None

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2028\u2029\ufeff]")
_WHOLE_NUMBER = re.compile(r"^[+-]?\d{1,9}$")
MAX_NUMBER_DIGITS = 9


class AnswerError(ValueError):
    """A raw answer cannot be accepted; ``str(error)`` is the message for the respondent."""


@dataclass(frozen=True)
class Cleaned:
    """The outcome of checking a set of raw answers."""

    values: dict[str, Value]
    errors: dict[str, str]


def normalise_text(raw: str) -> str:
    """Return text as written, minus invisible control characters and outer whitespace.

    Unicode is NFC-normalised so the same words typed on two keyboards compare equal;
    right-to-left marks (U+200F/U+200E) and joiners (U+200C/U+200D) are kept because
    Arabic-script and mixed-direction writing needs them.
    """
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", text).strip()


def to_whole_number(raw: str) -> int:
    """Read a whole number typed in any digits (Arabic-Indic and Persian digits too)."""
    digits = "".join(
        str(unicodedata.digit(char)) if char.isdigit() else char for char in raw.strip()
    )
    if not _WHOLE_NUMBER.match(digits):
        raise AnswerError(gettext("Enter a whole number, like 2."))
    return int(digits)


def clean_answer(question: Question, raw: Any) -> Value:
    """Return the stored form of ``raw`` for ``question``, or raise ``AnswerError``.

    ``raw`` is what a form or a CSV cell gave: a string, a list of strings (multiple
    choice) or None. Blank means skipped, which is allowed unless the question is required.
    """
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)  # an already-cleaned number, e.g. from a saved draft
    if isinstance(raw, list | tuple):
        items = [item.strip() for item in raw if isinstance(item, str) and item.strip()]
    elif isinstance(raw, str):
        items = [raw.strip()] if raw.strip() else []
    elif raw is None:
        items = []
    else:
        raise AnswerError(gettext("That answer could not be read. Please try again."))

    if not items:
        if question.required:
            raise AnswerError(required_message(question))
        return None

    if question.type in ("scale", "choice"):
        if len(items) != 1 or items[0] not in question.options:
            raise AnswerError(gettext("Choose one of the answers shown."))
        return items[0]
    if question.type == "multi":
        unknown = [item for item in items if item not in question.options]
        if unknown:
            raise AnswerError(gettext("Choose from the answers shown."))
        return [option for option in question.options if option in items]
    if question.type == "integer":
        if len(items) != 1:
            raise AnswerError(gettext("Enter a whole number, like 2."))
        number = to_whole_number(items[0])
        low, high = question.minimum, question.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            raise AnswerError(gettext("Enter a number from %(low)s to %(high)s.",
                                      low=low if low is not None else 0,
                                      high=high if high is not None else "…"))
        return number
    text = normalise_text("\n".join(items))
    if len(text) > question.max_length:
        raise AnswerError(gettext(
            "Your answer is %(length)s characters long. Please shorten it to %(limit)s "
            "characters or fewer.", length=len(text), limit=question.max_length))
    if not text and question.required:
        raise AnswerError(required_message(question))
    return text or None


def required_message(question: Question) -> str:
    if question.type == "text":
        return gettext("Write an answer to this question.")
    if question.type == "integer":
        return gettext("Enter a number.")
    if question.type == "multi":
        return gettext("Choose at least one answer.")
    return gettext("Choose an answer.")


def clean_answers(
    instrument: Instrument,
    raw: Mapping[str, Any],
    questions: tuple[Question, ...] | None = None,
    context: Mapping[str, Any] | None = None,
) -> Cleaned:
    """Check every shown question of ``questions`` (default: the whole instrument).

    ``context`` holds answers already given (earlier pages), used for skip conditions;
    answers to questions hidden by a skip condition are dropped, never stored.
    """
    values: dict[str, Value] = {}
    errors: dict[str, str] = {}
    seen: dict[str, Any] = dict(context or {})
    for question in questions if questions is not None else instrument.questions:
        if not question.is_shown(seen):
            continue
        try:
            value = clean_answer(question, raw.get(question.key))
        except AnswerError as error:
            errors[question.key] = str(error)
            continue
        values[question.key] = value
        seen[question.key] = value
    return Cleaned(values, errors)


def drop_hidden(instrument: Instrument, answers: Mapping[str, Value]) -> dict[str, Value]:
    """Return only the answers to questions still shown, and only non-empty ones.

    A respondent can go back and change an answer so that a later question no longer
    applies; its old answer must not be stored.
    """
    kept: dict[str, Value] = {}
    for question in instrument.questions:
        if question.is_shown(kept) and answers.get(question.key) not in (None, "", []):
            kept[question.key] = answers[question.key]
    return kept
