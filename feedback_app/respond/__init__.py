"""Public respondent journey: invitation link or short code -> pages -> check -> thank you."""

from flask import Blueprint

bp = Blueprint("respond", __name__)

from feedback_app.respond import routes  # noqa: E402,F401  (routes attach to bp)
