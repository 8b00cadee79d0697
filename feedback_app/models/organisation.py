"""An IRO service: the unit of data separation on a shared deployment."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from feedback_app.models.base import Base, UTCDateTime, utcnow


class Organisation(Base):
    """One local authority's IRO service; every record belongs to exactly one."""

    __tablename__ = "organisations"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    #: Short unique name used in configuration and the CLI.
    slug: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(200))
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<Organisation {self.slug}>"
