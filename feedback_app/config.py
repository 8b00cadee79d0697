"""Settings: defaults, then environment variables, then the caller's overrides.

Reading the environment is the only thing done here; nothing touches the disk or network,
so building an app stays cheap and side-effect free.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENTS = ("development", "testing", "production")
DEVELOPMENT_SECRET = "development-only-secret-key-not-for-real-data"  # noqa: S105


class ConfigError(RuntimeError):
    """A setting is missing or wrong; the message says how to fix it."""


def default_database_url(instance_path: Path) -> str:
    """Return the SQLite URL used when ``DATABASE_URL`` is not set."""
    return f"sqlite:///{instance_path / 'feedback.sqlite3'}"


def build_config(
    instance_path: Path, overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Return the full settings mapping for one app instance."""
    overrides = dict(overrides or {})
    env = overrides.get("ENV") or os.environ.get("FEEDBACK_ENV", "production")
    if env not in ENVIRONMENTS:
        raise ConfigError(f"FEEDBACK_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}.")

    config: dict[str, Any] = {
        "ENV": env,
        "SECRET_KEY": os.environ.get("SECRET_KEY"),
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL")
        or default_database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # Respondents may take days over a booklet: the CSRF token lives as long as the
        # session instead of the default hour, so a long pause never loses a page.
        "WTF_CSRF_TIME_LIMIT": None,
        "WTF_CSRF_SSL_STRICT": True,
        "PERMANENT_SESSION_LIFETIME": timedelta(days=30),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env == "production",
        "SESSION_COOKIE_NAME": "feedback_session",
        # Large enough for the longest booklet with every comment box full, small enough
        # that an oversized body is refused (413) before it is parsed.
        "MAX_CONTENT_LENGTH": 256 * 1024,
        "MAX_FORM_MEMORY_SIZE": 128 * 1024,
        "MAX_FORM_PARTS": 400,
        "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:5000"),
        "INVITATION_VALID_DAYS": int(os.environ.get("INVITATION_VALID_DAYS", "42")),
        "DEFAULT_ORGANISATION": os.environ.get("DEFAULT_ORGANISATION", "demo"),
        "REDIS_URL": os.environ.get("REDIS_URL"),
        "SMTP_HOST": os.environ.get("SMTP_HOST"),
        "SMTP_PORT": int(os.environ.get("SMTP_PORT", "587")),
        "SMTP_USERNAME": os.environ.get("SMTP_USERNAME"),
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD"),
        "SMTP_STARTTLS": os.environ.get("SMTP_STARTTLS", "1") == "1",
        "MAIL_FROM": os.environ.get("MAIL_FROM", "iro-feedback@localhost"),
    }
    if env == "testing":
        config.update(TESTING=True, SESSION_COOKIE_SECURE=False)
    config.update(overrides)
    config["ENV"] = env

    if not config["SECRET_KEY"]:
        if env == "production":
            raise ConfigError(
                "SECRET_KEY is not set. Set it to a long random value, for example "
                "`export SECRET_KEY=$(python -c 'import secrets; print(secrets.token_hex(32))')`"
                ", or set FEEDBACK_ENV=development to try the platform locally."
            )
        config["SECRET_KEY"] = DEVELOPMENT_SECRET
    if env == "production" and config["SECRET_KEY"] == DEVELOPMENT_SECRET:
        raise ConfigError("SECRET_KEY is the public development key; set a real secret.")
    return config
