"""Create invitations and find them again from a link token or a short code."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app

from feedback_app.extensions import db
from feedback_app.instruments import get_instrument
from feedback_app.models import Child, Contact, Invitation, Review
from feedback_app.models.base import utcnow

#: No 0/O, 1/I/L: codes are read aloud on the phone and copied from paper.
SHORT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SHORT_CODE_LENGTH = 8
#: Days after the review that its invitations stay open (post-review questions).
DAYS_OPEN_AFTER_REVIEW = 28


@dataclass(frozen=True)
class IssuedInvitation:
    """A new invitation with its secrets, which exist only now (the database keeps a hash)."""

    invitation: Invitation
    token: str
    short_code: str

    @property
    def link(self) -> str:
        return invitation_link(self.token)

    @property
    def display_code(self) -> str:
        return format_short_code(self.short_code)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def format_short_code(code: str) -> str:
    """Return ``ABCD2345`` as ``ABCD-2345`` for letters and screens."""
    return f"{code[:4]}-{code[4:]}"


def normalise_short_code(typed: str) -> str | None:
    """Return the stored form of a typed code, or None when it cannot be one."""
    code = "".join(char for char in typed.upper() if char.isalnum())
    if len(code) != SHORT_CODE_LENGTH or any(c not in SHORT_CODE_ALPHABET for c in code):
        return None
    return code


def public_url(endpoint: str, **values: str) -> str:
    """Return an absolute URL on the public site; works outside a request (CLI, email)."""
    base = urlsplit(current_app.config["PUBLIC_BASE_URL"])
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/",
                                       url_scheme=base.scheme or "https")
    return adapter.build(endpoint, values, force_external=True)


def invitation_link(token: str) -> str:
    """Return the full public link for ``token``."""
    return public_url("respond.open_link", token=token)


def _new_short_code() -> str:
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))


def default_expiry(review: Review | None, now: datetime) -> datetime:
    """Return when an invitation stops working: some weeks after its review, if any."""
    if review is not None:
        last_day = review.scheduled_for + timedelta(days=DAYS_OPEN_AFTER_REVIEW)
        return datetime.combine(last_day, time(23, 59), tzinfo=UTC)
    return now + timedelta(days=current_app.config["INVITATION_VALID_DAYS"])


def create_invitation(
    *,
    organisation_id: int,
    instrument_key: str,
    respondent_role: str,
    child: Child | None = None,
    review: Review | None = None,
    contact: Contact | None = None,
    language: str | None = None,
    expires_at: datetime | None = None,
    created_by_id: int | None = None,
) -> IssuedInvitation:
    """Add an invitation to the session (the caller commits) and return its secrets."""
    if get_instrument(instrument_key) is None:
        raise ValueError(f"unknown instrument {instrument_key!r}")
    now = utcnow()
    token = secrets.token_urlsafe(32)
    while True:
        code = _new_short_code()
        taken = db.session.scalar(sa.select(Invitation.id).where(Invitation.short_code == code))
        if taken is None:
            break
    invitation = Invitation(
        organisation_id=organisation_id,
        instrument_key=instrument_key,
        respondent_role=respondent_role,
        child=child,
        review=review,
        contact=contact,
        language=language,
        token_hash=hash_token(token),
        short_code=code,
        expires_at=expires_at or default_expiry(review, now),
        status="created",
        created_at=now,
        created_by_id=created_by_id,
    )
    db.session.add(invitation)
    return IssuedInvitation(invitation, token, code)


def find_by_token(token: str) -> Invitation | None:
    if not token or len(token) > 200:
        return None
    return db.session.scalar(
        sa.select(Invitation).where(Invitation.token_hash == hash_token(token))
    )


def find_by_short_code(typed: str) -> Invitation | None:
    code = normalise_short_code(typed)
    if code is None:
        return None
    return db.session.scalar(sa.select(Invitation).where(Invitation.short_code == code))


def is_expired(invitation: Invitation, now: datetime | None = None) -> bool:
    """Return True when the invitation can no longer be used to answer."""
    return invitation.status == "expired" or (now or utcnow()) > invitation.expires_at


def mark_opened(invitation: Invitation) -> None:
    if invitation.status in ("created", "sent"):
        invitation.status = "opened"
        invitation.opened_at = utcnow()
