"""IRO feedback platform: the Flask application factory."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from feedback_app.config import PROJECT_ROOT, build_config


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build an app from defaults, the environment and ``config`` overrides.

    Does no I/O: no database connection, migration or file write happens here, so the
    factory is cheap for tests, the CLI and every worker process.
    """
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_mapping(build_config(Path(app.instance_path), config))

    from feedback_app import errors, i18n, security
    from feedback_app.extensions import csrf, db, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "feedback_app" / "migrations"))
    csrf.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    errors.init_app(app)

    from feedback_app.respond import bp as respond_bp

    app.register_blueprint(respond_bp)

    from feedback_app.cli import register_commands

    register_commands(app)
    return app
