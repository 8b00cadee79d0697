"""Interface language: Flask-Babel wired to the respondent's chosen language.

A respondent's language lives in their draft (so it survives a new browser) and is
mirrored in the session (so pages without a draft, such as error pages, can use it).
Views call ``use_language`` before rendering; everything else reads ``current_language``.
"""

from __future__ import annotations

import re

from flask import Flask, g, request, session
from flask_babel import Babel, refresh
from markupsafe import Markup, escape

from feedback_app.instruments.model import Labels, localise
from feedback_app.languages import (
    DEFAULT_LANGUAGE,
    Language,
    all_languages,
    get_language,
    is_supported,
)

babel = Babel()

#: Session key of the language this browser is using (mirrors its draft's language).
SESSION_LANGUAGE = "language"
#: URL prefixes of the public respondent pages, whose error pages speak the session's language.
RESPONDENT_PREFIXES = ("/r/", "/c/", "/respond", "/start")


def current_language() -> Language:
    """Return the language of the page being rendered (English unless a view chose one)."""
    return get_language(g.get("language", DEFAULT_LANGUAGE))


def use_language(code: str | None) -> Language:
    """Render the rest of this request in ``code`` (English when unknown).

    Flask-Babel caches the locale on first use in a request, so the cache is refreshed:
    a validation message produced after this call is in the new language.
    """
    language = get_language(code)
    g.language = language.code
    refresh()
    return language


def remember_language(code: str) -> None:
    """Use ``code`` for this request and keep it in the session for pages without a draft."""
    if is_supported(code):
        session[SESSION_LANGUAGE] = code
    use_language(code)


def session_language() -> str | None:
    """Return the language this browser chose or was last shown a form in, if any."""
    code = session.get(SESSION_LANGUAGE)
    return code if isinstance(code, str) and is_supported(code) else None


def use_error_page_language() -> None:
    """Pick the language of an error page: the session's on respondent pages, else English.

    Only this browser's own session is consulted, never the invitation a link names, so
    an error page reveals nothing about someone else's invitation.
    """
    if "language" in g:
        return
    path = request.path
    respondent = path == "/" or path.startswith(RESPONDENT_PREFIXES)
    use_language(session_language() if respondent else None)


def select_locale() -> str:
    return current_language().locale


def translate_labels(labels: Labels | None) -> str:
    """Jinja filter ``tr``: a label map in the page's language (English as fallback)."""
    return localise(labels, current_language().code)


def label_lang(labels: Labels | None) -> Markup:
    """Jinja filter: ``lang``/``dir`` attributes for a label shown in English as a fallback.

    An instrument not yet translated into the page's language shows its English text;
    marking it keeps it left to right inside a right-to-left page, in a Latin font, and
    read by screen readers with English pronunciation.
    """
    code = current_language().code
    if not labels or labels.get(code) or code == DEFAULT_LANGUAGE:
        return Markup("")
    english = all_languages()[DEFAULT_LANGUAGE]
    return Markup(' lang="{}" dir="{}"').format(english.code, english.dir)


#: Digit groups joined by spaces (a phone number, "07700 900123"), any script's digits.
_SPACED_NUMBER = re.compile(r"\+?\d+(?:[./-]\d+)*(?:[ \u00a0]\d+(?:[./-]\d+)*)+")


def isolate_numbers(text: str) -> Markup:
    """Jinja filter: escape typed text, keeping spaced numbers whole in right-to-left text.

    The bidi algorithm orders the groups of "07700 900123" right to left inside Arabic
    ("900123 07700"); wrapping each such number in ``<bdi dir="ltr">`` keeps it as
    written. The stored text is never changed, only how it is shown.
    """
    parts, last = [], 0
    for match in _SPACED_NUMBER.finditer(text):
        parts.append(escape(text[last:match.start()]))
        parts.append(Markup('<bdi class="number" dir="ltr">{}</bdi>').format(match.group()))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def paragraphs(text: str) -> Markup:
    """Jinja filter: split text on blank lines into escaped ``<p>`` paragraphs."""
    parts = [part.strip() for part in text.split("\n\n") if part.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(escape(part)) for part in parts)


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en_GB")
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/London")
    babel.init_app(app, locale_selector=select_locale)
    app.add_template_filter(translate_labels, "tr")
    app.add_template_filter(label_lang, "label_lang")
    app.add_template_filter(paragraphs, "paragraphs")
    app.add_template_filter(isolate_numbers, "isolate_numbers")

    @app.context_processor
    def language_context() -> dict[str, object]:
        return {"current_language": current_language(), "languages": all_languages()}
