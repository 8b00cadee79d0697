"""Alembic environment: migrations run against the app's own engine and metadata."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

config = context.config
if config.config_file_name and not logging.getLogger().handlers:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")


def _db():
    return current_app.extensions["migrate"].db


def render_item(type_, obj, autogen_context):
    """Write the platform's column types as plain SQLAlchemy types in migrations.

    A migration must not import application code, which changes after it is written.
    """
    if type_ == "type" and type(obj).__name__ == "UTCDateTime":
        return "sa.DateTime(timezone=True)"
    return False


def process_revision_directives(context, revision, directives):
    """Write no empty migration when autogenerate finds nothing to do."""
    if getattr(config.cmd_opts, "autogenerate", False):
        script = directives[0]
        if script.upgrade_ops.is_empty():
            directives[:] = []
            logger.info("No changes in schema detected.")


def _configure_args():
    args = dict(current_app.extensions["migrate"].configure_args)
    args.setdefault("process_revision_directives", process_revision_directives)
    args.setdefault("render_item", render_item)
    args.setdefault("render_as_batch", True)
    args.setdefault("compare_type", True)
    return args


def run_migrations_offline():
    """Emit SQL for the migration instead of running it (``--sql``)."""
    url = _db().engine.url.render_as_string(hide_password=False)
    context.configure(url=url, target_metadata=_db().metadata, literal_binds=True,
                      **_configure_args())
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    with _db().engine.connect() as connection:
        context.configure(connection=connection, target_metadata=_db().metadata,
                          **_configure_args())
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
