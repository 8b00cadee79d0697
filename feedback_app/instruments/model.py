"""Plain, immutable description of an instrument, as loaded from its YAML file.

These classes carry no Flask or database state, so the analysis package can take questions
directly (they satisfy ``analysis.types.QuestionLike``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from feedback_app.languages import DEFAULT_LANGUAGE

QuestionType = Literal["scale", "choice", "multi", "text", "integer"]
QUESTION_TYPES: tuple[str, ...] = ("scale", "choice", "multi", "text", "integer")
Labels = Mapping[str, str]


def localise(labels: Labels | None, language: str) -> str:
    """Return the label in ``language``, falling back to English, or '' when absent."""
    if not labels:
        return ""
    return labels.get(language) or labels.get(DEFAULT_LANGUAGE, "")


@dataclass(frozen=True)
class Option:
    """One answer a respondent can pick."""

    key: str
    label: Labels

    def text(self, language: str) -> str:
        return localise(self.label, language)


@dataclass(frozen=True)
class Scale:
    """A reusable answer scale shared by many questions."""

    key: str
    options: tuple[Option, ...]
    optional: tuple[Option, ...]
    positive: tuple[str, ...]
    display: str = "buttons"


@dataclass(frozen=True)
class Condition:
    """Show a question only when an earlier answer is one of ``any_of``."""

    question: str
    any_of: tuple[str, ...]

    def holds(self, answers: Mapping[str, object]) -> bool:
        value = answers.get(self.question)
        chosen = value if isinstance(value, list | tuple) else [value]
        return any(item in self.any_of for item in chosen)


@dataclass(frozen=True)
class Question:
    """One question; ``options`` lists the option keys in display order."""

    key: str
    type: QuestionType
    label: Labels
    help: Labels = field(default_factory=dict)
    scale: str | None = None
    choices: tuple[Option, ...] = ()
    required: bool = False
    good: tuple[str, ...] = ()
    better: Literal["lower", "higher", "none"] = "none"
    show_if: Condition | None = None
    display: str = "buttons"
    max_length: int = 2000
    minimum: int | None = None
    maximum: int | None = None

    @property
    def options(self) -> tuple[str, ...]:
        return tuple(option.key for option in self.choices)

    def option(self, key: str) -> Option | None:
        return next((option for option in self.choices if option.key == key), None)

    def is_shown(self, answers: Mapping[str, object]) -> bool:
        return self.show_if is None or self.show_if.holds(answers)


@dataclass(frozen=True)
class Page:
    """A screenful of questions with a title (a page of the paper booklet)."""

    key: str
    title: Labels
    questions: tuple[Question, ...]
    intro: Labels = field(default_factory=dict)
    icon: str | None = None


@dataclass(frozen=True)
class Instrument:
    """A versioned questionnaire: its pages, questions and every label in every language."""

    key: str
    version: int
    respondent_role: str
    languages: Mapping[str, str]
    title: Labels
    pages: tuple[Page, ...]
    description: Labels = field(default_factory=dict)
    welcome: Labels = field(default_factory=dict)
    thank_you: Labels = field(default_factory=dict)
    style: str = "standard"
    age_range: tuple[int, int] | None = None

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(question for page in self.pages for question in page.questions)

    def question(self, key: str) -> Question | None:
        return next((question for question in self.questions if question.key == key), None)

    def translation_status(self, language: str) -> str | None:
        """Return ``final`` or ``draft`` for a listed language, None when not offered."""
        return self.languages.get(language)
