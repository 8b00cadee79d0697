"""Shared fixtures: an app on a real database, its test client and CLI runner, factories.

Each pytest-xdist worker gets its own database, migrated once with Alembic: a SQLite file by
default, or its own schema in the PostgreSQL database named by ``TEST_DATABASE_URL``.
Every test starts from empty tables.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from feedback_app import create_app
from feedback_app.extensions import db
from feedback_app.invitations import IssuedInvitation, create_invitation
from feedback_app.models import Base, Child, Organisation, Review, User

TEST_SECRET = "test-secret-key-0123456789abcdef"  # noqa: S105
TRANSLATIONS = Path(__file__).resolve().parent.parent / "feedback_app" / "translations"


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues() -> None:
    """Compile interface catalogues that are missing or older than their ``.po`` file.

    ``make install`` compiles them, but a fresh clone tested another way would otherwise
    show English everywhere and fail confusingly. Each file is written to a temporary
    name and renamed, so parallel workers never read half a catalogue.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            catalog = read_po(source)
        partial = mo.with_name(f"messages.mo.{os.getpid()}")
        with partial.open("wb") as target:
            write_mo(target, catalog)
        os.replace(partial, mo)


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Create and migrate this worker's database; yield its URL."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        _migrate(url)
        yield url
        return
    # Unique per process: several runs may share the `test` database at once.
    schema = "t_" + re.sub(r"\W", "_", _worker()) + f"_{os.getpid()}"
    admin = sa.create_engine(base)
    with admin.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = (
        sa.engine.make_url(base)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )
    _migrate(url)
    yield url
    with admin.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def _migrate(url: str) -> None:
    from flask_migrate import upgrade

    app = create_app(_test_config(url))
    with app.app_context():
        upgrade()
        db.engine.dispose()


def _test_config(url: str, **extra: Any) -> dict[str, Any]:
    return {
        "ENV": "testing",
        "SECRET_KEY": TEST_SECRET,
        "SQLALCHEMY_DATABASE_URI": url,
        "PUBLIC_BASE_URL": "http://localhost",
        **extra,
    }


def _empty_tables() -> None:
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
            connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """An app on this worker's database, in an app context, with empty tables after."""
    application = create_app(_test_config(database_url))
    with application.app_context():
        yield application
        db.session.remove()
        _empty_tables()
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def organisation(app: Flask) -> Organisation:
    """The deployment's default service."""
    org = Organisation(slug=app.config["DEFAULT_ORGANISATION"], name="Testshire IRO Service")
    db.session.add(org)
    db.session.commit()
    return org


@pytest.fixture
def make_child(organisation: Organisation) -> Callable[..., Child]:
    """Return a factory of children (invented names) in the default service."""
    counter = iter(range(1, 10_000))

    def make(**fields: Any) -> Child:
        number = next(counter)
        values: dict[str, Any] = {
            "organisation_id": organisation.id,
            "reference": f"C{number:05d}",
            "first_name": "Ayo",
            "last_name": f"Testchild{number}",
            "date_of_birth": date.today() - timedelta(days=365 * 9 + 40),
            "preferred_language": "en",
            "area": "North",
        }
        values.update(fields)
        child = Child(**values)
        db.session.add(child)
        db.session.commit()
        return child

    return make


@pytest.fixture
def make_invitation(
    organisation: Organisation, make_child: Callable[..., Child]
) -> Callable[..., IssuedInvitation]:
    """Return a factory of invitations; the result keeps the token and short code."""

    def make(
        instrument_key: str = "child_booklet",
        *,
        child: Child | None = None,
        review_on: date | None = None,
        **fields: Any,
    ) -> IssuedInvitation:
        role = fields.pop("respondent_role", None)
        from feedback_app.instruments import get_instrument

        instrument = get_instrument(instrument_key)
        assert instrument is not None
        child = child or make_child()
        review = None
        if review_on is not None:
            review = Review(
                organisation_id=organisation.id,
                child=child,
                scheduled_for=review_on,
                kind="subsequent",
            )
            db.session.add(review)
        issued = create_invitation(
            organisation_id=organisation.id,
            instrument_key=instrument_key,
            respondent_role=role or instrument.respondent_role,
            child=child,
            review=review,
            **fields,
        )
        db.session.commit()
        return issued

    return make


@pytest.fixture
def make_user(organisation: Organisation) -> Callable[..., User]:
    """Return a factory of staff users with a known password (``correct-horse-battery``)."""
    from feedback_app.auth.passwords import hash_password

    password_hash = hash_password("correct-horse-battery")
    counter = iter(range(1, 10_000))

    def make(role: str = "iro", **fields: Any) -> User:
        number = next(counter)
        values: dict[str, Any] = {
            "organisation_id": organisation.id,
            "email": f"{role}{number}@testshire.invalid",
            "name": f"Test {role.title()} {number}",
            "role": role,
            "password_hash": password_hash,
        }
        values.update(fields)
        user = User(**values)
        db.session.add(user)
        db.session.commit()
        return user

    return make


@pytest.fixture
def data_dir() -> Path:
    return Path(__file__).parent / "data"
