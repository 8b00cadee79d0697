"""Every character any language shows has a glyph in the bundled fonts, on the web and in PDFs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from feedback_app.instruments import load_catalogue
from feedback_app.languages import DEFAULT_LANGUAGE, Language, all_languages
from tests.i18n.catalogues import labels_of, translations

STATIC = Path(__file__).resolve().parents[2] / "static"
APP_CSS = STATIC / "css" / "app.css"
PRINT_CSS = STATIC / "css" / "print-fonts.css"
FACE = re.compile(r"@font-face\s*\{([^}]*)\}")
STACK = re.compile(r"--font-([\w-]+)\s*:\s*\"([^\"]+)\"")
RANGE = re.compile(r"U\+([0-9A-F]+)(?:-([0-9A-F]+))?", re.I)
LATIN_FAMILY = "Noto Sans"


@dataclass(frozen=True)
class Face:
    family: str
    weight: int
    file: Path
    ranges: tuple[tuple[int, int], ...]

    def in_range(self, char: str) -> bool:
        return not self.ranges or any(low <= ord(char) <= high for low, high in self.ranges)


def faces(stylesheet: Path) -> list[Face]:
    """Return the @font-face rules of a stylesheet."""
    found = []
    for block in FACE.findall(stylesheet.read_text(encoding="utf-8")):
        family = re.search(r'font-family:\s*"([^"]+)"', block)
        weight = re.search(r"font-weight:\s*(\d+)", block)
        src = re.search(r'url\("([^"]+)"\)', block)
        unicode_range = re.search(r"unicode-range:\s*([^;]+)", block)
        assert family and weight and src, block
        ranges = tuple((int(low, 16), int(high or low, 16))
                       for low, high in RANGE.findall(unicode_range.group(1) if unicode_range
                                                      else ""))
        found.append(Face(family.group(1), int(weight.group(1)),
                          (stylesheet.parent / src.group(1)).resolve(), ranges))
    return found


def family_of(language: Language) -> str:
    """Return the first family of the language's font stack in app.css."""
    stacks = dict(STACK.findall(APP_CSS.read_text(encoding="utf-8")))
    assert language.font in stacks, f"app.css has no --font-{language.font} stack"
    return stacks[language.font]


@cache
def cmap(path: Path) -> frozenset[int]:
    return frozenset(TTFont(path).getBestCmap())


def shown_text(language: Language) -> str:
    """Return everything a respondent may read in ``language``: its name, the interface, and
    the labels of every instrument translated into it."""
    parts = [language.name]
    if language.code != DEFAULT_LANGUAGE:
        parts.extend(translations(language.code).values())
    for instrument in load_catalogue().instruments.values():
        if language.code in instrument.languages:
            parts.extend(labels.get(language.code, "") for labels in labels_of(instrument))
    return "".join(parts)


def drawable(text: str) -> set[str]:
    """Return the characters that need a glyph (not spaces, joiners or direction marks)."""
    return {char for char in text if unicodedata.category(char) not in ("Zs", "Cc", "Cf")}


LANGUAGES = list(all_languages().values())


@pytest.mark.parametrize("stylesheet", [APP_CSS, PRINT_CSS], ids=["web", "pdf"])
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_character_a_language_shows_has_a_glyph(stylesheet: Path, language: Language):
    """Checked against the very files each stylesheet loads, regular and bold.

    A character the language's own font lacks (a Latin digit in Tigrinya, say) must be in
    the Latin font, which every stack falls back to.
    """
    by_family = {(face.family, face.weight): face for face in faces(stylesheet)}
    family = family_of(language)
    for weight in (400, 700):
        own, latin = by_family[(family, weight)], by_family[(LATIN_FAMILY, weight)]
        missing = sorted(
            f"U+{ord(char):04X} {char}" for char in drawable(shown_text(language))
            if not (ord(char) in cmap(own.file) and own.in_range(char))
            and not (ord(char) in cmap(latin.file) and latin.in_range(char))
        )
        assert missing == [], (language.code, weight, own.file.name)


@pytest.mark.parametrize("stylesheet", [APP_CSS, PRINT_CSS], ids=["web", "pdf"])
def test_each_stylesheet_loads_existing_fonts_of_the_right_format(stylesheet: Path):
    suffix = ".woff2" if stylesheet == APP_CSS else ".ttf"
    found = faces(stylesheet)
    families = {family_of(language) for language in LANGUAGES}
    assert {(face.family, face.weight) for face in found} == {
        (family, weight) for family in families for weight in (400, 700)}
    for face in found:
        assert face.file.is_relative_to(STATIC / "fonts") and face.file.suffix == suffix
        assert face.file.exists(), face.file


def test_web_and_pdf_fonts_are_the_same_subsets():
    """The woff2 and ttf of each font were built together (same glyphs, same characters)."""
    for face in faces(APP_CSS):
        ttf = face.file.with_suffix(".ttf")
        assert cmap(face.file) == cmap(ttf), face.file.name
        assert TTFont(face.file)["maxp"].numGlyphs == TTFont(ttf)["maxp"].numGlyphs


def test_the_fonts_carry_their_licence():
    licence = (STATIC / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence
    readme = (STATIC / "fonts" / "README.md").read_text(encoding="utf-8")
    for face in faces(APP_CSS):
        assert face.family in licence and face.family in readme
        assert "Open Font License" in str(TTFont(face.file)["name"].getDebugName(13))
