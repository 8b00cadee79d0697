"""The languages respondents can use, read from ``languages.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

LANGUAGES_FILE = Path(__file__).with_name("languages.yaml")
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Language:
    """One supported language and how to present it."""

    code: str
    name: str
    english: str
    dir: str
    locale: str
    font: str
    #: Whether a qualified translator has checked the interface catalogue (final | draft).
    interface: str = "draft"

    @property
    def rtl(self) -> bool:
        return self.dir == "rtl"


@cache
def all_languages() -> dict[str, Language]:
    """Return the supported languages by code, in the file's order (loaded once)."""
    entries = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))["languages"]
    return {entry["code"]: Language(**entry) for entry in entries}


def get_language(code: str | None) -> Language:
    """Return the language for ``code``, falling back to English for unknown codes."""
    languages = all_languages()
    return languages.get(code or DEFAULT_LANGUAGE) or languages[DEFAULT_LANGUAGE]


def is_supported(code: str | None) -> bool:
    return code in all_languages()
