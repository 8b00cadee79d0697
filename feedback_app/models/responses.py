"""Submitted responses and their answers: the platform's record of what people said."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from feedback_app.models.base import Base, UTCDateTime, in_values, utcnow
from feedback_app.models.invitations import Invitation
from feedback_app.models.staff import User
from feedback_app.models.vocab import (
    AGE_BANDS,
    CHANNELS,
    RESPONDENT_ROLES,
    SENTIMENTS,
)


class Response(Base):
    """One completed questionnaire, whichever way it arrived."""

    __tablename__ = "responses"
    __table_args__ = (
        sa.CheckConstraint(in_values("channel", CHANNELS), name="channel"),
        sa.CheckConstraint(in_values("respondent_role", RESPONDENT_ROLES), name="respondent_role"),
        sa.CheckConstraint(
            "age_band IS NULL OR " + in_values("age_band", AGE_BANDS), name="age_band"
        ),
        sa.Index("ix_responses_report", "organisation_id", "instrument_key", "submitted_at"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    organisation_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    instrument_key: so.Mapped[str] = so.mapped_column(sa.String(40))
    instrument_version: so.Mapped[int]
    channel: so.Mapped[str] = so.mapped_column(sa.String(10))
    language: so.Mapped[str] = so.mapped_column(sa.String(16))
    submitted_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
    area: so.Mapped[str | None] = so.mapped_column(sa.String(100))
    age_band: so.Mapped[str | None] = so.mapped_column(sa.String(8))
    respondent_role: so.Mapped[str] = so.mapped_column(sa.String(20))
    #: Idempotency key: the same submission sent twice is stored once (database-enforced).
    client_submission_id: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    #: SHA-256 of the canonical answers, to tell a retry from a conflicting resubmission.
    content_hash: so.Mapped[str] = so.mapped_column(sa.String(64))
    invitation_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("invitations.id", ondelete="SET NULL"), unique=True
    )
    child_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("children.id", ondelete="SET NULL"), index=True
    )
    review_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("reviews.id", ondelete="SET NULL"), index=True
    )
    #: Staff member who keyed in a paper or interview response.
    entered_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    received_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)

    invitation: so.Mapped[Invitation | None] = so.relationship()
    answers: so.Mapped[list[Answer]] = so.relationship(
        back_populates="response",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Answer.id",
    )

    def __repr__(self) -> str:
        return f"<Response {self.id} {self.instrument_key}>"


class Answer(Base):
    """One question's answer; free text keeps its language, translation and analysis."""

    __tablename__ = "answers"
    __table_args__ = (
        sa.UniqueConstraint("response_id", "question_key"),
        sa.CheckConstraint(
            "sentiment IS NULL OR " + in_values("sentiment", SENTIMENTS), name="sentiment"
        ),
        sa.CheckConstraint(
            "option_key IS NOT NULL OR number IS NOT NULL OR text IS NOT NULL OR is_multi",
            name="has_value",
        ),
        sa.Index("ix_answers_tally", "question_key", "option_key"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    response_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("responses.id", ondelete="CASCADE"), index=True
    )
    question_key: so.Mapped[str] = so.mapped_column(sa.String(60))
    #: Single choice (scale or choice question).
    option_key: so.Mapped[str | None] = so.mapped_column(sa.String(40))
    #: Multiple choice: the selections are rows of ``answer_choices``.
    is_multi: so.Mapped[bool] = so.mapped_column(default=False)
    number: so.Mapped[int | None]
    #: Free text exactly as written, in the response's language.
    text: so.Mapped[str | None] = so.mapped_column(sa.Text)
    translation: so.Mapped[str | None] = so.mapped_column(sa.Text)
    translated_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    translated_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    #: Computed once when stored (and again when the lexicon version changes).
    sentiment: so.Mapped[str | None] = so.mapped_column(sa.String(10))
    themes: so.Mapped[str | None] = so.mapped_column(sa.String(300))
    redacted: so.Mapped[str | None] = so.mapped_column(sa.Text)
    analysis_version: so.Mapped[str | None] = so.mapped_column(sa.String(40))

    response: so.Mapped[Response] = so.relationship(back_populates="answers")
    choices: so.Mapped[list[AnswerChoice]] = so.relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="AnswerChoice.id"
    )
    translated_by: so.Mapped[User | None] = so.relationship()

    @property
    def option_keys(self) -> list[str]:
        """Return the selected options, whether single or multiple choice."""
        if self.is_multi:
            return [choice.option_key for choice in self.choices]
        return [self.option_key] if self.option_key else []

    @property
    def theme_keys(self) -> list[str]:
        return self.themes.split(";") if self.themes else []


class AnswerChoice(Base):
    """One selected option of a multiple-choice answer, so SQL can count selections."""

    __tablename__ = "answer_choices"
    __table_args__ = (sa.UniqueConstraint("answer_id", "option_key"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    answer_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("answers.id", ondelete="CASCADE"), index=True
    )
    option_key: so.Mapped[str] = so.mapped_column(sa.String(40))
