"""Helpers shared by the commands."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask import current_app

from feedback_app.extensions import db
from feedback_app.instruments import Instrument, get_instrument, load_catalogue
from feedback_app.models import Organisation

organisation_option = click.option(
    "--organisation",
    "organisation_slug",
    default=None,
    help="Short name of the IRO service (default: the deployment's default service).",
)


def get_organisation(slug: str | None) -> Organisation:
    """Return the named (or default) organisation, or stop with a clear message."""
    slug = slug or current_app.config["DEFAULT_ORGANISATION"]
    organisation = db.session.scalar(sa.select(Organisation).where(Organisation.slug == slug))
    if organisation is None:
        raise click.ClickException(
            f"No organisation {slug!r}. Run `feedback-app init-db` first "
            "(it creates the default service)."
        )
    return organisation


def instrument_or_fail(key: str) -> Instrument:
    instrument = get_instrument(key)
    if instrument is None:
        known = ", ".join(sorted(load_catalogue().instruments))
        raise click.ClickException(f"Unknown instrument {key!r}. Known: {known}.")
    return instrument
