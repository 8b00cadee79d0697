"""Read the interface catalogues and instrument labels the way the tests need them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from feedback_app.instruments import load_catalogue
from feedback_app.instruments.model import Instrument, Labels
from feedback_app.languages import DEFAULT_LANGUAGE, all_languages

TRANSLATIONS = Path(__file__).resolve().parents[2] / "feedback_app" / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"
PLACEHOLDER = re.compile(r"%\(\w+\)s")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
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


def english_fragments() -> list[str]:
    """Return the pieces of interface English long enough to recognise on a page."""
    pieces = []
    for msgid in english_messages():
        for piece in PLACEHOLDER.split(msgid):
            piece = piece.strip(" .,:")
            if len(piece) >= 4 and any(char.isalpha() for char in piece):
                pieces.append(piece)
    return pieces


def translations(code: str) -> dict[str, str]:
    """Return msgid -> translation for the language ``code``."""
    return {str(m.id): str(m.string) for m in read_catalogue(po_path(code)) if m.id}


def translate(code: str, msgid: str, **values: object) -> str:
    """Return the interface string as a page in ``code`` shows it (placeholders filled)."""
    text = msgid if code == DEFAULT_LANGUAGE else translations(code)[msgid]
    return text % values if values else text


def labels_of(instrument: Instrument) -> Iterator[Labels]:
    """Yield every label map of an instrument (titles, texts, questions, help, options)."""
    yield from (instrument.title, instrument.description, instrument.welcome,
                instrument.thank_you)
    for page in instrument.pages:
        yield from (page.title, page.intro)
        for question in page.questions:
            yield from (question.label, question.help)
            yield from (option.label for option in question.choices)


def latin_words_of_translations(code: str) -> set[str]:
    """Return the Latin words the translations into ``code`` use on purpose.

    docs/TRANSLATIONS.md keeps "IRO", "Childline" and some English terms in brackets
    inside translated text; any other Latin word on a page in a non-Latin script is
    English that escaped translation.
    """
    texts = list(translations(code).values())
    for instrument in load_catalogue().instruments.values():
        texts.extend(labels.get(code, "") for labels in labels_of(instrument))
    return set(LATIN_WORD.findall(" ".join(texts)))
