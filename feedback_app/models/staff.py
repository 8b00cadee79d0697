"""Staff accounts: IROs, managers and administrators."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from feedback_app.models.base import Base, UTCDateTime, in_values, utcnow
from feedback_app.models.organisation import Organisation
from feedback_app.models.vocab import STAFF_ROLES


class User(Base):
    """A member of staff who signs in; respondents never have accounts."""

    __tablename__ = "users"
    __table_args__ = (sa.CheckConstraint(in_values("role", STAFF_ROLES), name="role"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    organisation_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    email: so.Mapped[str] = so.mapped_column(sa.String(254), unique=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(200))
    role: so.Mapped[str] = so.mapped_column(sa.String(16))
    #: argon2id hash; never the password itself.
    password_hash: so.Mapped[str | None] = so.mapped_column(sa.String(255))
    is_active: so.Mapped[bool] = so.mapped_column(default=True)
    #: Bumped at logout, disabling and password change so old session cookies stop working.
    session_generation: so.Mapped[int] = so.mapped_column(default=0)
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)

    organisation: so.Mapped[Organisation] = so.relationship()

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"
