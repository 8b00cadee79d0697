"""Every interface string is translated into every language, and the catalogues are built."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.support import Translations
from flask_babel import force_locale, gettext

from feedback_app.languages import all_languages
from tests.i18n.catalogues import (
    PLACEHOLDER,
    TRANSLATED,
    english_messages,
    po_path,
    read_catalogue,
)

ROOT = Path(__file__).resolve().parents[2]
MAPPING = ROOT / "feedback_app" / "babel.cfg"


def test_the_template_holds_every_string_marked_in_code_and_templates() -> None:
    """``make messages`` has been run since the last interface text changed."""
    with MAPPING.open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, str(MAPPING))
    keywords = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
    marked = {
        message for _, _, message, _, _ in
        extract_from_dir(str(ROOT), method_map, options_map, keywords=keywords)
    }
    assert marked, "nothing extracted: check feedback_app/babel.cfg"
    assert marked == set(english_messages()), "run `make messages` and translate the changes"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(code: str) -> None:
    catalogue = read_catalogue(po_path(code))
    messages = {str(m.id): m for m in catalogue if m.id}
    assert sorted(messages) == sorted(english_messages()), "run `make messages`"
    untranslated = [msgid for msgid, m in messages.items() if not str(m.string).strip()]
    fuzzy = [msgid for msgid, m in messages.items() if m.fuzzy]
    assert untranslated == [] and fuzzy == []
    assert not catalogue.fuzzy


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_every_placeholder_and_are_not_english_copies(code: str) -> None:
    for message in read_catalogue(po_path(code)):
        if not message.id:
            continue
        msgid, msgstr = str(message.id), str(message.string)
        assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(PLACEHOLDER.findall(msgid)), msgid
        if any(char.isalpha() for char in msgid):
            assert msgstr != msgid, f"{code}: {msgid!r} is not translated"


@pytest.mark.parametrize("code", TRANSLATED)
def test_compiled_catalogues_exist_and_match_their_source(code: str) -> None:
    po = po_path(code)
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `make translations`"
    compiled = Translations.load(str(po.parents[2]), [all_languages()[code].locale])
    for message in read_catalogue(po):
        if message.id:
            assert compiled.gettext(message.id) == message.string, message.id


@pytest.mark.parametrize("code", TRANSLATED)
def test_flask_babel_finds_each_language(app, code: str) -> None:
    """The locale names in languages.yaml match the catalogue folders Flask-Babel reads."""
    expected = read_catalogue(po_path(code))
    with app.test_request_context(), force_locale(all_languages()[code].locale):
        assert gettext("Save and continue") == expected["Save and continue"].string

