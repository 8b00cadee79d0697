"""The platform's tables, one module per subject; import models from here."""

from feedback_app.models.base import Base
from feedback_app.models.children import Child, Contact, Review
from feedback_app.models.invitations import Draft, Invitation
from feedback_app.models.organisation import Organisation
from feedback_app.models.responses import Answer, AnswerChoice, Response
from feedback_app.models.staff import User

__all__ = [
    "Answer",
    "AnswerChoice",
    "Base",
    "Child",
    "Contact",
    "Draft",
    "Invitation",
    "Organisation",
    "Response",
    "Review",
    "User",
]
