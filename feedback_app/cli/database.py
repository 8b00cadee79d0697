"""``init-db`` and ``seed-demo``."""

from __future__ import annotations

import os
from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask_migrate import upgrade

from feedback_app.cli.common import get_organisation, organisation_option
from feedback_app.extensions import db
from feedback_app.models import Organisation, Response


def ensure_sqlite_directory() -> None:
    """Create the folder of a SQLite database file, which SQLite will not do itself."""
    url = sa.engine.make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)


def ensure_default_organisation() -> Organisation:
    slug = current_app.config["DEFAULT_ORGANISATION"]
    organisation = db.session.scalar(sa.select(Organisation).where(Organisation.slug == slug))
    if organisation is None:
        name = os.environ.get("ORGANISATION_NAME", "IRO Service")
        organisation = Organisation(slug=slug, name=name)
        db.session.add(organisation)
        db.session.commit()
    return organisation


@click.command("init-db")
def init_db() -> None:
    """Create the database or upgrade it to the latest schema."""
    ensure_sqlite_directory()
    upgrade()
    organisation = ensure_default_organisation()
    click.echo(f"Database ready ({db.engine.url.render_as_string(hide_password=True)}); "
               f"service {organisation.slug!r}.")


@click.command("seed-demo")
@organisation_option
@click.option("--seed", default=2024, show_default=True, help="Random seed (same seed, same data).")
@click.option("--if-empty", is_flag=True, help="Do nothing when responses already exist.")
def seed_demo(organisation_slug: str | None, seed: int, if_empty: bool) -> None:
    """Fill the service with an invented but believable demo: staff, children, responses."""
    from feedback_app.demo import seed_demo_service

    organisation = get_organisation(organisation_slug)
    has_data = db.session.scalar(sa.select(Response.id).where(
        Response.organisation_id == organisation.id).limit(1))
    if if_empty and has_data is not None:
        click.echo("Demo data already present; nothing to do.")
        return
    summary = seed_demo_service(organisation, seed=seed)
    for line in summary:
        click.echo(line)


COMMANDS = [init_db, seed_demo]
