"""Where a respondent is in a form: which pages apply, what comes next, what is answered."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from feedback_app.answers import Value
from feedback_app.instruments.model import Instrument, Page, Question


@dataclass(frozen=True)
class Journey:
    """The pages of ``instrument`` that apply given the answers so far (1-based numbers)."""

    instrument: Instrument
    answers: Mapping[str, Value]

    def shown_questions(self, page: Page) -> tuple[Question, ...]:
        """Return the page's questions to render.

        A follow-up whose condition depends on a question of the same page is always
        rendered (script hides it until it applies; without script it stays visible),
        and its answer is dropped on saving if the condition does not hold.
        """
        on_page = {question.key for question in page.questions}
        return tuple(
            question for question in page.questions
            if question.is_shown(self.answers)
            or (question.show_if is not None and question.show_if.question in on_page)
        )

    @property
    def page_numbers(self) -> list[int]:
        """Return the numbers of pages with at least one question to show."""
        return [
            number
            for number, page in enumerate(self.instrument.pages, start=1)
            if self.shown_questions(page)
        ]

    def page(self, number: int) -> Page | None:
        if number in self.page_numbers:
            return self.instrument.pages[number - 1]
        return None

    def next_number(self, number: int) -> int | None:
        """Return the next applicable page after ``number``, or None at the end."""
        return next((n for n in self.page_numbers if n > number), None)

    def previous_number(self, number: int) -> int | None:
        return next((n for n in reversed(self.page_numbers) if n < number), None)

    def position(self, number: int) -> tuple[int, int]:
        """Return (step, of) for the progress indicator."""
        numbers = self.page_numbers
        return (numbers.index(number) + 1 if number in numbers else 0, len(numbers))
