"""``invite``."""

from __future__ import annotations

from datetime import date

import click
import sqlalchemy as sa

from feedback_app.cli.common import get_organisation, instrument_or_fail, organisation_option
from feedback_app.extensions import db
from feedback_app.invitations import create_invitation
from feedback_app.languages import all_languages
from feedback_app.models import Child, Review
from feedback_app.models.vocab import RESPONDENT_ROLES


@click.command("invite")
@click.option("--instrument", "instrument_key", required=True, help="Instrument key.")
@click.option("--child", "child_reference", default=None, help="Child's case reference.")
@click.option("--review-date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Date of the review (YYYY-MM-DD); needs --child.")
@click.option("--language", default=None, help="Language the form opens in (e.g. ar, ti).")
@click.option("--role", type=click.Choice(RESPONDENT_ROLES), default=None,
              help="Respondent role (default: the instrument's).")
@organisation_option
def invite(instrument_key: str, child_reference: str | None, review_date: object,
           language: str | None, role: str | None, organisation_slug: str | None) -> None:
    """Create an invitation; print its link and short code."""
    instrument = instrument_or_fail(instrument_key)
    organisation = get_organisation(organisation_slug)
    if language is not None and language not in all_languages():
        raise click.BadParameter(f"{language!r} is not supported; use one of "
                                 f"{', '.join(all_languages())}", param_hint="--language")
    if language is not None and language not in instrument.languages:
        raise click.BadParameter(f"{instrument.key} is not yet available in {language}",
                                 param_hint="--language")
    child = review = None
    if child_reference:
        child = db.session.scalar(sa.select(Child).where(
            Child.organisation_id == organisation.id, Child.reference == child_reference))
        if child is None:
            raise click.BadParameter(f"no child with reference {child_reference!r}",
                                     param_hint="--child")
    if review_date is not None:
        if child is None:
            raise click.BadParameter("a review date needs --child", param_hint="--review-date")
        day: date = review_date.date()  # type: ignore[attr-defined]
        review = db.session.scalar(sa.select(Review).where(
            Review.child_id == child.id, Review.scheduled_for == day))
        if review is None:
            review = Review(organisation_id=organisation.id, child=child, scheduled_for=day,
                            kind="subsequent")
            db.session.add(review)
    issued = create_invitation(
        organisation_id=organisation.id,
        instrument_key=instrument.key,
        respondent_role=role or instrument.respondent_role,
        child=child,
        review=review,
        language=language,
    )
    db.session.commit()
    click.echo(issued.link)
    click.echo(f"Short code: {issued.display_code}")
    click.echo(f"Expires: {issued.invitation.expires_at:%Y-%m-%d}")


COMMANDS = [invite]
