"""Read the interface catalogues the way the tests need them (not fixtures)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from feedback_app.languages import DEFAULT_LANGUAGE, all_languages

TRANSLATIONS = Path(__file__).resolve().parents[2] / "feedback_app" / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"
PLACEHOLDER = re.compile(r"%\(\w+\)s")
#: Every language but English, by code: what the catalogues must cover.
TRANSLATED = [code for code in all_languages() if code != DEFAULT_LANGUAGE]


def po_path(code: str) -> Path:
    return TRANSLATIONS / all_languages()[code].locale / "LC_MESSAGES" / "messages.po"


@cache
def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as source:
        return read_po(source)


def english_messages() -> list[str]:
    """Return every interface string, as marked in the code and templates."""
    return [str(message.id) for message in read_catalogue(TEMPLATE) if message.id]


def translations(code: str) -> dict[str, str]:
    """Return msgid -> translation for the language ``code``."""
    return {str(m.id): str(m.string) for m in read_catalogue(po_path(code)) if m.id}


def translate(code: str, msgid: str, **values: object) -> str:
    """Return the interface string as a page in ``code`` shows it (placeholders filled)."""
    text = msgid if code == DEFAULT_LANGUAGE else translations(code)[msgid]
    return text % values if values else text
