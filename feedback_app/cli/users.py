"""``create-user``."""

from __future__ import annotations

import click
import sqlalchemy as sa

from feedback_app.auth.passwords import PasswordRejected, check_policy, hash_password
from feedback_app.cli.common import get_organisation, organisation_option
from feedback_app.extensions import db
from feedback_app.models import User
from feedback_app.models.vocab import STAFF_ROLES


@click.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice(STAFF_ROLES), required=True)
@click.option("--name", default=None, help="Display name (default: from the email).")
@organisation_option
@click.password_option(
    "--password", envvar="FEEDBACK_NEW_PASSWORD",
    help="Prompted for when not given (or set FEEDBACK_NEW_PASSWORD).",
)
def create_user(
    email: str, role: str, name: str | None, organisation_slug: str | None, password: str
) -> None:
    """Create a staff account (IRO, manager or admin)."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise click.BadParameter("must be an email address", param_hint="EMAIL")
    organisation = get_organisation(organisation_slug)
    if db.session.scalar(sa.select(User.id).where(User.email == email)) is not None:
        raise click.ClickException(f"A user with the email {email} already exists.")
    display = name or email.split("@")[0].replace(".", " ").title()
    try:
        check_policy(password, email=email, name=display)
    except PasswordRejected as error:
        raise click.ClickException(f"Password refused: {error}") from None
    db.session.add(User(organisation_id=organisation.id, email=email, name=display, role=role,
                        password_hash=hash_password(password)))
    db.session.commit()
    click.echo(f"Created {role} {email} in {organisation.slug}.")


COMMANDS = [create_user]
