"""Stylesheets mirror for right-to-left pages: logical properties only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS_DIR = Path(__file__).resolve().parents[2] / "static" / "css"
STYLESHEETS = sorted(CSS_DIR.glob("*.css"))
COMMENT = re.compile(r"/\*.*?\*/", re.S)
URL = re.compile(r"url\([^)]*\)")
DECLARATION = re.compile(r"([-\w]+)\s*:\s*([^;{}]+)")
#: Shorthands whose four-value form sets top, right, bottom, left.
BOX_SHORTHANDS = {"margin", "padding", "inset", "border-width", "border-style", "border-color",
                  "scroll-margin", "scroll-padding"}


def declarations(path: Path) -> list[tuple[str, str]]:
    """Return (property, value) pairs in the rule blocks of a stylesheet."""
    css = URL.sub("url()", COMMENT.sub("", path.read_text(encoding="utf-8")))
    body = "".join(re.findall(r"\{([^{}]*)\}", css))
    return [(prop.lower(), value.strip()) for prop, value in DECLARATION.findall(body)]


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_no_property_or_value_names_a_physical_side(path: Path) -> None:
    """margin-inline-start, inset-inline-end, text-align: start ... never left or right."""
    physical = [
        f"{prop}: {value}" for prop, value in declarations(path)
        if re.search(r"\b(left|right)\b", prop) or re.search(r"\b(left|right)\b", value)
        or re.search(r"\b(translateX|skewX)\b|translate\(\s*-?[\d.]+[a-z%]*\s*,", value)
    ]
    assert physical == []


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_no_shorthand_sets_the_two_sides_differently(path: Path) -> None:
    """``margin: 0 1rem 0 2rem`` would not mirror; equal sides are direction-neutral."""
    lopsided = []
    for prop, value in declarations(path):
        parts = value.split()
        if prop in BOX_SHORTHANDS and len(parts) == 4 and parts[1] != parts[3]:
            lopsided.append(f"{prop}: {value}")
        if prop == "border-radius" and len(set(value.replace("/", " ").split())) > 1:
            lopsided.append(f"{prop}: {value}")
    assert lopsided == []


def test_the_checks_see_the_stylesheets() -> None:
    assert any(path.name == "app.css" for path in STYLESHEETS)
    assert len(declarations(CSS_DIR / "app.css")) > 100
