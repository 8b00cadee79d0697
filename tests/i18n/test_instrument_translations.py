"""Instrument translations: every language listed everywhere, and no label left in English.

The seven languages came with the translations-children and translations-adults branches,
each marked draft until a qualified translator signs it off (docs/TRANSLATIONS.md).
"""

from __future__ import annotations

import pytest

from feedback_app.instruments import load_catalogue
from feedback_app.languages import DEFAULT_LANGUAGE, all_languages
from tests.i18n.catalogues import labels_of

INSTRUMENTS = sorted(load_catalogue().instruments)


@pytest.mark.parametrize("key", INSTRUMENTS)
def test_every_instrument_lists_every_language(key: str) -> None:
    instrument = load_catalogue().instruments[key]
    assert [code for code in all_languages() if code not in instrument.languages] == []


@pytest.mark.parametrize("key", INSTRUMENTS)
def test_no_translated_label_is_a_copy_of_the_english(key: str) -> None:
    """A copied English label would pass the validator but leave a child unable to read it.

    Languages an instrument does not list yet are skipped.
    """
    instrument = load_catalogue().instruments[key]
    copies = [
        f"{code}: {labels[DEFAULT_LANGUAGE]!r}"
        for code in instrument.languages if code != DEFAULT_LANGUAGE
        for labels in labels_of(instrument)
        if labels and any(char.isalpha() for char in labels.get(DEFAULT_LANGUAGE, ""))
        and labels.get(code) == labels[DEFAULT_LANGUAGE]
    ]
    assert copies == []
