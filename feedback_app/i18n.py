"""Interface language: Flask-Babel wired to the respondent's chosen language."""

from __future__ import annotations

from flask import Flask, g
from flask_babel import Babel
from markupsafe import Markup, escape

from feedback_app.instruments.model import Labels, localise
from feedback_app.languages import DEFAULT_LANGUAGE, Language, all_languages, get_language

babel = Babel()


def current_language() -> Language:
    """Return the language of the page being rendered (English unless a view chose one)."""
    return get_language(g.get("language", DEFAULT_LANGUAGE))


def select_locale() -> str:
    return current_language().locale


def translate_labels(labels: Labels | None) -> str:
    """Jinja filter ``tr``: a label map in the page's language (English as fallback)."""
    return localise(labels, current_language().code)


def paragraphs(text: str) -> Markup:
    """Jinja filter: split text on blank lines into escaped ``<p>`` paragraphs."""
    parts = [part.strip() for part in text.split("\n\n") if part.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(escape(part)) for part in parts)


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en_GB")
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/London")
    babel.init_app(app, locale_selector=select_locale)
    app.add_template_filter(translate_labels, "tr")
    app.add_template_filter(paragraphs, "paragraphs")

    @app.context_processor
    def language_context() -> dict[str, object]:
        return {"current_language": current_language(), "languages": all_languages()}
