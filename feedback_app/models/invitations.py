"""Invitations: a respondent's only way into a form, and their saved progress."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
import sqlalchemy.orm as so

from feedback_app.models.base import Base, UTCDateTime, in_values, utcnow
from feedback_app.models.children import Child, Contact, Review
from feedback_app.models.vocab import INVITATION_STATUSES, RESPONDENT_ROLES


class Invitation(Base):
    """Access for one respondent to one instrument, by secret link or short code."""

    __tablename__ = "invitations"
    __table_args__ = (
        sa.CheckConstraint(in_values("status", INVITATION_STATUSES), name="status"),
        sa.CheckConstraint(in_values("respondent_role", RESPONDENT_ROLES), name="respondent_role"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    organisation_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    instrument_key: so.Mapped[str] = so.mapped_column(sa.String(40))
    respondent_role: so.Mapped[str] = so.mapped_column(sa.String(20))
    child_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("children.id", ondelete="CASCADE"), index=True
    )
    review_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("reviews.id", ondelete="SET NULL"), index=True
    )
    contact_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("contacts.id", ondelete="SET NULL")
    )
    #: Language the form opens in; the respondent may change it. NULL: ask.
    language: so.Mapped[str | None] = so.mapped_column(sa.String(16))
    #: SHA-256 of the secret link token; the token itself is never stored.
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    #: Eight letters for paper letters and phones (stored without the hyphen).
    short_code: so.Mapped[str] = so.mapped_column(sa.String(8), unique=True)
    expires_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime())
    status: so.Mapped[str] = so.mapped_column(sa.String(10), default="created")
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
    sent_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    opened_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    submitted_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    created_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    child: so.Mapped[Child | None] = so.relationship()
    review: so.Mapped[Review | None] = so.relationship()
    contact: so.Mapped[Contact | None] = so.relationship()

    def __repr__(self) -> str:
        return f"<Invitation {self.id} {self.instrument_key} {self.status}>"


class Draft(Base):
    """Answers saved page by page, so a respondent who closes the tab resumes later."""

    __tablename__ = "drafts"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    invitation_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("invitations.id", ondelete="CASCADE"), unique=True
    )
    #: Question key -> raw answer (string, list of strings or None), as validated per page.
    answers: so.Mapped[dict[str, Any]] = so.mapped_column(sa.JSON, default=dict)
    #: Index of the furthest page reached; resuming opens it.
    page_index: so.Mapped[int] = so.mapped_column(default=0)
    language: so.Mapped[str] = so.mapped_column(sa.String(16), default="en")
    #: Idempotency key of the eventual submission, fixed when the draft starts.
    client_submission_id: so.Mapped[str] = so.mapped_column(sa.String(64))
    updated_at: so.Mapped[datetime] = so.mapped_column(
        UTCDateTime(), default=utcnow, onupdate=utcnow
    )

    invitation: so.Mapped[Invitation] = so.relationship()
