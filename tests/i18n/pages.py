"""Read what a rendered page says and in which language (helpers, not fixtures)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

HTML_TAG = re.compile(r'<html lang="([^"]+)" dir="(ltr|rtl)">')
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
SHOWN_ATTRIBUTES = ("alt", "aria-label", "placeholder", "title")


def html_language(html: str) -> tuple[str, str]:
    """Return the ``lang`` and ``dir`` of a page's ``<html>`` element."""
    match = HTML_TAG.search(html)
    assert match, "no <html lang dir> on the page"
    return match.group(1), match.group(2)


class _Text(HTMLParser):
    """Collect the text a reader sees, leaving out parts marked as another language.

    Skipped: elements with a ``lang`` of their own (instrument labels still in English,
    the language picker's names), ``<bdi
    dir="ltr">`` (codes and phone numbers), ``dir="auto"`` (what the respondent typed),
    scripts, styles, icons and the ``<title>``.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skipped = (bool(self.stack and self.stack[-1]) or "lang" in values
                   or values.get("dir") == "auto"
                   or tag in ("script", "style", "title", "svg")
                   or (tag == "bdi" and values.get("dir") == "ltr"))
        if not skipped:
            self.parts.extend(str(values[name]) for name in SHOWN_ATTRIBUTES if values.get(name))
        if tag not in VOID:
            self.stack.append(skipped)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(html: str) -> str:
    """Return the page's text in its own language, whitespace collapsed."""
    parser = _Text()
    parser.feed(html[html.index("<body"):])
    return " ".join(" ".join(parser.parts).split())
