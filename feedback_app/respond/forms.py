"""Flask-WTF forms for the respondent pages, built from the instrument definition."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, StringField
from wtforms.validators import StopValidation

from feedback_app.answers import AnswerError, clean_answer
from feedback_app.instruments.model import Question

FIELD_PREFIX = "q_"


def field_name(question_key: str) -> str:
    """Return the form field name of a question (prefixed so no key shadows a form method)."""
    return FIELD_PREFIX + question_key


class RawAnswerField(Field):
    """Carries a question's raw submitted value(s); the answer rules do the checking."""

    def __init__(self, question: Question, **kwargs: Any) -> None:
        super().__init__(validators=[AnswerRules(question)], **kwargs)
        self.question = question

    def process_formdata(self, valuelist: list[str]) -> None:
        if self.question.type == "multi" or len(valuelist) > 1:
            self.data = list(valuelist)  # several values for a single answer are refused later
        else:
            self.data = valuelist[0] if valuelist else None

    def _value(self) -> str:
        return "" if self.data is None else str(self.data)


class AnswerRules:
    """Validator applying ``clean_answer``; leaves the cleaned value in ``field.data``."""

    def __init__(self, question: Question) -> None:
        self.question = question

    def __call__(self, form: FlaskForm, field: Field) -> None:
        try:
            field.data = clean_answer(self.question, field.data)
        except AnswerError as error:
            raise StopValidation(str(error)) from error


class RespondentForm(FlaskForm):
    """Base of every respondent form: CSRF plus the page's signed access token."""

    access = HiddenField()

    def answer_errors(self) -> dict[str, list[str]]:
        """Return the errors of the answers alone (the CSRF check is judged separately)."""
        return {name: errors for name, errors in self.errors.items() if name != "csrf_token"}


def page_form(questions: tuple[Question, ...], answers: dict[str, Any]) -> RespondentForm:
    """Build and instantiate the form for one page, prefilled from saved answers."""
    fields = {
        field_name(question.key): RawAnswerField(question, name=field_name(question.key))
        for question in questions
    }
    form_class = type("PageForm", (RespondentForm,), fields)
    data = {field_name(q.key): answers.get(q.key) for q in questions if q.key in answers}
    return form_class(data=data)


def answers_from(form: RespondentForm, questions: tuple[Question, ...]) -> dict[str, Any]:
    """Return question key -> value: cleaned once validated, as typed where it failed."""
    return {question.key: form[field_name(question.key)].data for question in questions}


class LanguageForm(RespondentForm):
    """Choose the language of the form (options come from languages.yaml).

    ``next`` is the page to return to; the view accepts only our own respondent pages.
    """

    language = StringField(_l("Language"))
    next = HiddenField()


class ShortCodeForm(FlaskForm):
    """Enter the code printed on an invitation letter."""

    code = StringField(_l("Your code"))


class SubmitForm(RespondentForm):
    """Send the answers (the draft on the server holds them)."""
