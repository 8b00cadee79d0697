"""Which invitation the current respondent may answer, kept in their session.

A respondent proves access once, with the link token or the short code; after that the
session carries the invitation id, so the secret never appears in later URLs (nor in
Referer headers or browser history). Each page also carries a signed access token, so a
respondent whose session cookie was lost during a long pause can still save the page.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from flask import current_app, session
from itsdangerous import BadSignature, URLSafeTimedSerializer

from feedback_app.extensions import db
from feedback_app.invitations import is_expired
from feedback_app.models import Draft, Invitation

SESSION_KEY = "respondent_invitation"
DONE_KEY = "respondent_done"
ACCESS_SALT = "respondent-access"
ACCESS_MAX_AGE = 90 * 24 * 3600


def grant(invitation: Invitation) -> None:
    """Remember in the session that this browser may answer ``invitation``."""
    session.permanent = True
    session[SESSION_KEY] = invitation.id
    session.pop(DONE_KEY, None)


def granted_invitation() -> Invitation | None:
    """Return the invitation this session may answer, if it is still open."""
    invitation_id = session.get(SESSION_KEY)
    if not isinstance(invitation_id, int):
        return None
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.status == "submitted" or is_expired(invitation):
        return None
    return invitation


def get_or_start_draft(invitation: Invitation, language: str) -> Draft:
    """Return the invitation's draft, creating it (with its submission id) on first use."""
    draft = db.session.scalar(sa.select(Draft).where(Draft.invitation_id == invitation.id))
    if draft is None:
        draft = Draft(invitation_id=invitation.id, answers={}, page_index=0, language=language,
                      client_submission_id=str(uuid.uuid4()))
        db.session.add(draft)
        db.session.flush()
    return draft


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=ACCESS_SALT)


def access_token(draft: Draft) -> str:
    """Return a signed token naming this draft, embedded in each page form."""
    return _serializer().dumps({"i": draft.invitation_id, "d": draft.client_submission_id})


def invitation_from_access_token(token: str) -> Invitation | None:
    """Return the open invitation a page's access token names, or None if it is not valid.

    The token is unguessable and never sent in a cookie, so a valid one also proves the
    form came from our own page (it stands in for a CSRF token after a lost session).
    """
    try:
        data = _serializer().loads(token, max_age=ACCESS_MAX_AGE)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("i"), int):
        return None
    draft = db.session.scalar(sa.select(Draft).where(Draft.invitation_id == data["i"]))
    if draft is None or draft.client_submission_id != data.get("d"):
        return None
    invitation = draft.invitation
    if invitation.status == "submitted" or is_expired(invitation):
        return None
    return invitation
