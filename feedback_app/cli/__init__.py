"""The ``feedback-app`` command line: a FlaskGroup over ``create_app``.

``feedback-app X`` and ``flask --app feedback_app X`` run the same commands, because every
command is registered on the app's own CLI group.
"""

from __future__ import annotations

from flask import Flask
from flask.cli import FlaskGroup


def register_commands(app: Flask) -> None:
    """Attach every platform command to ``app.cli``."""
    from feedback_app.cli import database, imports, instruments, invitations, text, users

    for module in (database, users, instruments, invitations, imports, text):
        for command in module.COMMANDS:
            app.cli.add_command(command)


def _create_app() -> Flask:
    from feedback_app import create_app

    return create_app()


main = FlaskGroup(
    name="feedback-app",
    create_app=_create_app,
    add_version_option=False,
    help="Run and manage the IRO feedback platform.",
)
