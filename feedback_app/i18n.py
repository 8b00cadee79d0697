"""Interface language: Flask-Babel wired to the respondent's chosen language."""

from __future__ import annotations

from flask import Flask, g
from flask_babel import Babel

from feedback_app.languages import DEFAULT_LANGUAGE, Language, all_languages, get_language

babel = Babel()


def current_language() -> Language:
    """Return the language of the page being rendered (English unless a view chose one)."""
    return get_language(g.get("language", DEFAULT_LANGUAGE))


def select_locale() -> str:
    return current_language().locale


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en_GB")
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/London")
    babel.init_app(app, locale_selector=select_locale)

    @app.context_processor
    def language_context() -> dict[str, object]:
        return {"current_language": current_language(), "languages": all_languages()}
