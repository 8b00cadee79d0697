"""A child completes the young booklet on a phone in Arabic and in Tigrinya, by tapping.

Checks on every page: ``<html lang dir>``, the interface strings in the language (from the
catalogue), no interface English, no sideways scrolling, and text drawn only with the
bundled web fonts (Chromium reports which fonts drew each element). Question labels are
checked only when the instrument lists the language (the translators' branches add them).
Screenshots of the welcome, faces, text, check and thank-you pages are kept for review.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Locator, Page

from feedback_app.extensions import db
from feedback_app.instruments import load_catalogue
from feedback_app.languages import all_languages
from feedback_app.models import Answer, Response
from tests.i18n.catalogues import (
    LATIN_WORD,
    english_fragments,
    latin_words_of_translations,
    translate,
)

pytestmark = pytest.mark.browser

BOOKLET = load_catalogue().instruments["child_booklet"]
BUNDLED_FAMILIES = {"Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic"}
#: What a child types: their words, an English name, a code and a phone number.
TYPED = {
    "ar": "أحب مدرستي ومعلمتي Ms Brown. رمزي ABCD-2345 ورقم هاتفي 07700 900123.",
    "ti": "ቤት ትምህርተይ እፈትዎ፣ መምህረይ Ms Brown እያ። ኮደይ ABCD-2345።",
}
#: Elements whose text is the interface's (not the respondent's, not an English label).
INTERFACE_TEXT_JS = """() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('[lang], [dir=auto], bdi, script, svg, textarea').forEach(e => e.remove());
  return body.innerText;
}"""
FONT_CHECKED = ("h1, .button, .link-button, .progress__text, .site-footer p, .language-button,"
                " .site-header__link span, .fieldset__legend, .choice__text, .label, .lead,"
                " .summary__row dt, .notice")


def fonts_used(page: Page) -> dict[str, bool]:
    """Return family -> whether it was a web font, for every font that drew checked text."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    used: dict[str, bool] = {}
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root,
                                                  "selector": FONT_CHECKED})["nodeIds"]:
        for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            used[font["familyName"]] = used.get(font["familyName"], True) and font["isCustomFont"]
    cdp.detach()
    return used


def tap_through(page: Page, target: Locator) -> None:
    """Tap a button or link and wait for the page it leads to."""
    with page.expect_navigation():
        target.tap()


def check_page(page: Page, code: str) -> None:
    """Assert the page is wholly in ``code``'s interface language and fits a phone."""
    language = all_languages()[code]
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language.code,
                                                                       language.dir)
    page.evaluate("document.fonts.ready")
    text = page.evaluate(INTERFACE_TEXT_JS)
    leaked = [piece for piece in english_fragments() if re.search(rf"\b{re.escape(piece)}\b", text)]
    assert leaked == [], (page.url, leaked)
    assert set(LATIN_WORD.findall(text)) <= latin_words_of_translations(code), (page.url, text)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url
    used = fonts_used(page)
    assert set(used) <= BUNDLED_FAMILIES and all(used.values()), (page.url, used)


def answer_shown_questions(page: Page, code: str) -> None:
    """Tap the first answer of each visible choice question and type into each text box."""
    for block in page.locator(".question").all():
        if not block.is_visible():
            continue  # a follow-up the script keeps hidden until it applies
        labels = block.locator(".choice__label")
        if labels.count():
            labels.first.tap()
        elif block.locator("textarea").count():
            block.locator("textarea").tap()
            page.keyboard.type(TYPED[code])


def complete_booklet(page: Page, code: str, shot: Callable[[str], Path]) -> None:
    """From the welcome page, answer every page, check, and send."""
    tap_through(page, page.get_by_role("link", name=translate(code, "Start"), exact=True))
    steps = 0
    while "/respond/page/" in page.url:
        steps += 1
        check_page(page, code)
        progress = page.locator(".progress__text").inner_text()
        assert re.fullmatch(translate(code, "Page %(step)s of %(steps)s", step=steps,
                                      steps=r"\d+"), progress), progress
        if code in BOOKLET.languages:
            title = BOOKLET.pages[int(page.url.rsplit("/", 1)[1]) - 1].title[code]
            assert page.locator("h1").inner_text() == title
        answer_shown_questions(page, code)
        if page.locator(".choices--faces").count() and steps == 1:
            shot("2-faces")
        if page.url.endswith(f"/respond/page/{len(BOOKLET.pages)}"):
            shot("3-text")  # the message page: comment boxes
        tap_through(page, page.get_by_role("button", name=translate(code, "Save and continue")))
    assert page.url.endswith("/respond/check")
    check_page(page, code)
    assert page.locator("h1").inner_text() == translate(code, "Check your answers")
    typed = page.locator(".pre-wrap[dir=auto]").first
    assert typed.inner_text() == TYPED[code]
    assert typed.evaluate("e => getComputedStyle(e).direction") == all_languages()[code].dir
    if code == "ar":  # the phone number keeps its digit groups in order inside Arabic
        number = typed.locator("bdi.number")
        assert number.inner_text() == "07700 900123"
        assert number.evaluate("e => getComputedStyle(e).direction") == "ltr"
    shot("4-check")
    tap_through(page, page.get_by_role("button", name=translate(code, "Send my answers")))
    assert page.url.endswith("/respond/done")
    check_page(page, code)
    assert page.locator("h1").inner_text() == translate(code, "Thank you, your answers have "
                                                              "been sent")
    shot("5-thank-you")


def stored_response(code: str) -> Response:
    response = db.session.scalars(sa.select(Response)).one()
    assert response.language == code
    return response


def test_arabic_from_the_picker_on_a_phone(page: Page, make_invitation, screenshot) -> None:
    """No language on the invitation: the picker comes first, and one tap turns the page."""
    issued = make_invitation("child_booklet")
    page.goto(f"/r/{issued.token}")
    picker = page.locator(".language-choice")
    assert picker.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
    screenshot("0-first-visit")
    tap_through(page, page.locator('button[value="ar"]'))
    check_page(page, "ar")
    assert page.locator(".button--start").inner_text() == translate("ar", "Start")
    screenshot("1-welcome")
    complete_booklet(page, "ar", screenshot)
    response = stored_response("ar")
    texts = db.session.scalars(sa.select(Answer.text).where(
        Answer.response_id == response.id, Answer.text.is_not(None))).all()
    assert TYPED["ar"] in texts  # kept exactly as typed


def test_tigrinya_from_the_invitation_on_a_phone(page: Page, make_invitation,
                                                 screenshot) -> None:
    """The invitation carries the language: the form opens in it, picker below."""
    issued = make_invitation("child_booklet", language="ti")
    page.goto(f"/r/{issued.token}")
    check_page(page, "ti")
    assert (page.locator("h1").bounding_box()["y"]
            < page.locator(".language-choice").bounding_box()["y"])
    screenshot("1-welcome")
    complete_booklet(page, "ti", screenshot)
    stored_response("ti")


def test_faces_read_right_to_left_and_keep_their_keys(page: Page, make_invitation) -> None:
    """The first face sits at the right in Arabic, and tapping it still answers "happy"."""
    issued = make_invitation("child_booklet", language="ar")
    page.goto(f"/r/{issued.token}")
    page.goto("/respond/page/1")
    first, second = page.locator("#q_feelings_most_of_time-block .choice").all()[:2]
    assert first.bounding_box()["x"] > second.bounding_box()["x"]
    assert page.locator(".progress__bar").evaluate("e => getComputedStyle(e).direction") == "rtl"
    first.locator("label").tap()
    assert page.locator("#q_feelings_most_of_time-happy").is_checked()
