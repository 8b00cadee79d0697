"""Store completed responses exactly once, whichever channel they come through.

Every submission carries a client submission id. The database's unique constraint on it is
the final guard against duplicates (double clicks, retries after a timeout, parallel
requests): the same id with the same content is accepted again without a second row; the
same id with different content is refused as a conflict.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from feedback_app.answers import Value
from feedback_app.extensions import db
from feedback_app.instruments.model import Instrument
from feedback_app.models import Answer, AnswerChoice, Draft, Invitation, Response
from feedback_app.models.base import utcnow
from feedback_app.text_analysis import analysis_columns


class SubmissionConflict(Exception):
    """The submission id was used before for different answers."""


@dataclass(frozen=True)
class Submission:
    """Everything needed to store one response (answers already cleaned)."""

    organisation_id: int
    instrument: Instrument
    answers: Mapping[str, Value]
    channel: str
    language: str
    client_submission_id: str
    respondent_role: str
    submitted_at: datetime | None = None
    area: str | None = None
    age_band: str | None = None
    invitation_id: int | None = None
    child_id: int | None = None
    review_id: int | None = None
    entered_by_id: int | None = None
    #: Names known around the respondent (child, carers, workers), removed from quotes.
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stored:
    """The stored response's id and whether this call created it."""

    response_id: int
    created: bool


def content_hash(instrument: Instrument, answers: Mapping[str, Value], language: str) -> str:
    """Return a stable fingerprint of what was said, to tell a retry from a conflict."""
    canonical = json.dumps(
        {"instrument": instrument.key, "version": instrument.version, "language": language,
         "answers": {key: answers[key] for key in sorted(answers)}},
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def answer_rows(submission: Submission) -> list[dict[str, Any]]:
    """Return one column mapping per non-empty answer, in the instrument's question order.

    Free text is analysed here, once, so every channel stores the same results. Multiple-
    choice answers carry their selections under ``choices`` (a list of option keys) for the
    caller to store as ``answer_choices`` rows.
    """
    rows: list[dict[str, Any]] = []
    for question in submission.instrument.questions:
        value = submission.answers.get(question.key)
        if value is None or value == [] or value == "":
            continue
        row: dict[str, Any] = {"question_key": question.key, "option_key": None,
                               "is_multi": False, "number": None, "text": None}
        if question.type == "multi":
            row["is_multi"] = True
            row["choices"] = list(value)  # type: ignore[arg-type]
        elif question.type in ("scale", "choice"):
            row["option_key"] = str(value)
        elif question.type == "integer":
            row["number"] = int(value)  # type: ignore[arg-type]
        else:
            row["text"] = str(value)
            row.update(analysis_columns(
                text=row["text"], translation=None, language=submission.language,
                question_key=question.key, names=submission.names))
        rows.append(row)
    return rows


def build_answers(submission: Submission) -> list[Answer]:
    """Return answer objects (with their choices) for the ORM path."""
    built = []
    for row in answer_rows(submission):
        choices = row.pop("choices", [])
        built.append(Answer(**row, choices=[AnswerChoice(option_key=key) for key in choices]))
    return built


def response_row(submission: Submission, now: datetime) -> dict[str, Any]:
    """Return the ``responses`` columns for ``submission``."""
    return {
        "organisation_id": submission.organisation_id,
        "instrument_key": submission.instrument.key,
        "instrument_version": submission.instrument.version,
        "channel": submission.channel,
        "language": submission.language,
        "submitted_at": submission.submitted_at or now,
        "received_at": now,
        "area": submission.area,
        "age_band": submission.age_band,
        "respondent_role": submission.respondent_role,
        "client_submission_id": submission.client_submission_id,
        "content_hash": content_hash(submission.instrument, submission.answers,
                                     submission.language),
        "invitation_id": submission.invitation_id,
        "child_id": submission.child_id,
        "review_id": submission.review_id,
        "entered_by_id": submission.entered_by_id,
    }


def bulk_store(submissions: Sequence[Submission]) -> list[int]:
    """Insert many new responses with a few multi-row statements; the caller commits.

    For imports and generated data, where one ORM object per answer would be far too slow.
    Raises IntegrityError if any submission id already exists.
    """
    if not submissions:
        return []
    now = utcnow()
    response_ids = list(db.session.scalars(
        sa.insert(Response).returning(Response.id, sort_by_parameter_order=True),
        [response_row(submission, now) for submission in submissions],
    ))
    answers: list[dict[str, Any]] = []
    choices: list[list[str]] = []
    for response_id, submission in zip(response_ids, submissions, strict=True):
        for row in answer_rows(submission):
            row["response_id"] = response_id
            choices.append(row.pop("choices", []))
            answers.append(row)
    if answers:
        answer_ids = list(db.session.scalars(
            sa.insert(Answer).returning(Answer.id, sort_by_parameter_order=True), answers
        ))
        selected = [
            {"answer_id": answer_id, "option_key": key}
            for answer_id, keys in zip(answer_ids, choices, strict=True)
            for key in keys
        ]
        if selected:
            db.session.execute(sa.insert(AnswerChoice), selected)
    return response_ids


def _existing(client_submission_id: str) -> Response | None:
    return db.session.scalar(
        sa.select(Response).where(Response.client_submission_id == client_submission_id)
    )


def store_response(submission: Submission, *, draft: Draft | None = None) -> Stored:
    """Store ``submission`` in one transaction and commit; idempotent on its id.

    With an invitation the invitation is marked submitted and its draft deleted in the same
    transaction, so a crash can never leave a stored response with a live draft or the
    reverse.
    """
    previous = _existing(submission.client_submission_id)
    if previous is not None:
        return _same_or_conflict(previous, content_hash(
            submission.instrument, submission.answers, submission.language))
    row = response_row(submission, utcnow())
    response = Response(**row, answers=build_answers(submission))
    try:
        db.session.add(response)
        if submission.invitation_id is not None:
            db.session.execute(
                sa.update(Invitation)
                .where(Invitation.id == submission.invitation_id)
                .values(status="submitted", submitted_at=row["received_at"])
            )
        if draft is not None:
            # A Core delete: a parallel duplicate may already have removed it.
            db.session.execute(sa.delete(Draft).where(Draft.id == draft.id))
        db.session.commit()
    except IntegrityError:
        # A parallel request with the same id (or for the same invitation) won the race.
        db.session.rollback()
        previous = _existing(submission.client_submission_id)
        if previous is None and submission.invitation_id is not None:
            previous = db.session.scalar(
                sa.select(Response).where(Response.invitation_id == submission.invitation_id)
            )
        if previous is None:
            raise
        return _same_or_conflict(previous, row["content_hash"])
    return Stored(response.id, created=True)


def _same_or_conflict(previous: Response, digest: str) -> Stored:
    if previous.content_hash != digest:
        raise SubmissionConflict(previous.client_submission_id)
    return Stored(previous.id, created=False)
