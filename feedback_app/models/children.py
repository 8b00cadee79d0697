"""Children in care, the people around them, and their statutory reviews."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from feedback_app.models.base import Base, UTCDateTime, in_values, utcnow
from feedback_app.models.organisation import Organisation
from feedback_app.models.staff import User
from feedback_app.models.vocab import (
    AGE_BANDS,
    CONTACT_ROLES,
    PARTICIPATION_CODES,
    REVIEW_KINDS,
)


class Child(Base):
    """A looked-after child on an IRO's caseload."""

    __tablename__ = "children"
    __table_args__ = (
        sa.UniqueConstraint("organisation_id", "reference"),
        sa.CheckConstraint(
            "date_of_birth IS NOT NULL OR age_band IS NOT NULL", name="age_known"
        ),
        sa.CheckConstraint(
            "age_band IS NULL OR " + in_values("age_band", AGE_BANDS), name="age_band"
        ),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    organisation_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    #: The local authority's case reference (not a name), unique within the service.
    reference: so.Mapped[str] = so.mapped_column(sa.String(40))
    first_name: so.Mapped[str] = so.mapped_column(sa.String(100))
    last_name: so.Mapped[str] = so.mapped_column(sa.String(100))
    date_of_birth: so.Mapped[date | None]
    #: Used when the date of birth is not held (e.g. age assessed for an asylum seeker).
    age_band: so.Mapped[str | None] = so.mapped_column(sa.String(8))
    preferred_language: so.Mapped[str] = so.mapped_column(sa.String(16), default="en")
    area: so.Mapped[str | None] = so.mapped_column(sa.String(100))
    iro_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    entered_care_on: so.Mapped[date | None]
    left_care_on: so.Mapped[date | None]
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)

    organisation: so.Mapped[Organisation] = so.relationship()
    iro: so.Mapped[User | None] = so.relationship()
    contacts: so.WriteOnlyMapped[Contact] = so.relationship(
        back_populates="child", cascade="all, delete-orphan", passive_deletes=True
    )
    reviews: so.WriteOnlyMapped[Review] = so.relationship(
        back_populates="child", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: date) -> int | None:
        """Return the child's age in whole years on ``day``, if the birth date is held."""
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def __repr__(self) -> str:
        return f"<Child {self.reference}>"


class Contact(Base):
    """Someone asked for their view of a child's care: carer, parent, social worker, guardian."""

    __tablename__ = "contacts"
    __table_args__ = (sa.CheckConstraint(in_values("role", CONTACT_ROLES), name="role"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    child_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("children.id", ondelete="CASCADE"), index=True
    )
    role: so.Mapped[str] = so.mapped_column(sa.String(20))
    name: so.Mapped[str] = so.mapped_column(sa.String(200))
    email: so.Mapped[str | None] = so.mapped_column(sa.String(254))
    language: so.Mapped[str] = so.mapped_column(sa.String(16), default="en")

    child: so.Mapped[Child] = so.relationship(back_populates="contacts")


class Review(Base):
    """A statutory review of a child's care plan, chaired by the IRO."""

    __tablename__ = "reviews"
    __table_args__ = (
        sa.CheckConstraint(in_values("kind", REVIEW_KINDS), name="kind"),
        sa.CheckConstraint(
            "participation_code IS NULL OR " + in_values("participation_code", PARTICIPATION_CODES),
            name="participation_code",
        ),
        sa.CheckConstraint(
            "participation_code IS NULL OR held_on IS NOT NULL", name="code_after_meeting"
        ),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    organisation_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    child_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("children.id", ondelete="CASCADE"), index=True
    )
    scheduled_for: so.Mapped[date] = so.mapped_column(index=True)
    held_on: so.Mapped[date | None]
    kind: so.Mapped[str] = so.mapped_column(sa.String(12))
    #: National participation code (PN0-PN7), recorded by the IRO after the meeting.
    participation_code: so.Mapped[str | None] = so.mapped_column(sa.String(3))

    child: so.Mapped[Child] = so.relationship(back_populates="reviews")

    def __repr__(self) -> str:
        return f"<Review {self.child_id} {self.scheduled_for}>"
