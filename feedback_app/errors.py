"""Friendly error pages that reveal nothing about the request or the data."""

from __future__ import annotations

import logging

from flask import Flask, render_template
from flask_babel import gettext as _
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

from feedback_app.extensions import db
from feedback_app.i18n import use_error_page_language

log = logging.getLogger(__name__)


def render_error(status: int, title: str, message: str) -> tuple[str, int]:
    """Render the shared error page (handlers pick its language before writing the text)."""
    return render_template("errors/error.html", status=status, title=title,
                           message=message), status


def handle_http_error(error: HTTPException) -> tuple[str, int]:
    use_error_page_language()
    status = error.code or 500
    messages = {
        400: (_("Something went wrong with that request"),
              _("Please go back and try again.")),
        403: (_("You cannot see this page"),
              _("Your account does not give you access to this page.")),
        404: (_("Page not found"),
              _("Check the web address, or the code on your letter, and try again.")),
        405: (_("Page not found"),
              _("Check the web address, or the code on your letter, and try again.")),
        410: (_("This link can no longer be used"),
              _("If you still want to have your say, ask the person who sent it for a "
                "new one.")),
        413: (_("That was too much to send at once"),
              _("Please make your answer shorter and try again.")),
        429: (_("Too many tries"),
              _("Please wait a few minutes before trying again.")),
    }
    title, message = messages.get(status, (_("Sorry, there is a problem"),
                                           _("Please try again later.")))
    return render_error(status, title, message)


def handle_database_down(error: OperationalError) -> tuple[str, int]:
    """Answer 503 when the database is unreachable; the session keeps the respondent's place."""
    log.error("database unavailable: %s", type(error.orig).__name__)
    db.session.rollback()
    use_error_page_language()
    return render_error(503, _("Sorry, the service is busy"),
                        _("Nothing you have already saved is lost. Please try again in a "
                          "few minutes."))


def handle_unexpected(error: Exception) -> tuple[str, int]:
    log.exception("unhandled error")
    use_error_page_language()
    return render_error(500, _("Sorry, there is a problem"), _("Please try again later."))


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(OperationalError, handle_database_down)
    app.register_error_handler(Exception, handle_unexpected)
