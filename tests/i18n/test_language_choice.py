"""Choosing a language: the picker, a choice that sticks, and every page in that language."""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import request

from feedback_app.extensions import db
from feedback_app.instruments import Instrument, load_catalogue
from feedback_app.languages import all_languages
from feedback_app.models import Draft, Response
from feedback_app.models.base import utcnow
from tests.helpers import form_tokens
from tests.i18n.catalogues import (
    LATIN_WORD,
    english_fragments,
    latin_words_of_translations,
    translate,
)
from tests.i18n.pages import html_language, visible_text
from tests.respond.journey import answer_every_page, submit


@pytest.fixture
def rendered(app):
    """Every HTML page the app shows during the test (not redirects): (path, status, html)."""
    pages: list[tuple[str, int, str]] = []

    @app.after_request
    def keep(response):
        if response.mimetype == "text/html" and not 300 <= response.status_code < 400:
            pages.append((request.path, response.status_code, response.get_data(as_text=True)))
        return response

    return pages


def choose(client, code: str, on: str = "/respond", back: str | None = None):
    """Tap ``code`` in the picker shown on the page ``on``."""
    page = client.get(on)
    data = {**form_tokens(page), "language": code}
    if back is not None:
        data["next"] = back
    return client.post("/respond/language", data=data)


def test_a_first_visit_shows_every_language_first_each_in_its_own_script(client,
                                                                          make_invitation):
    issued = make_invitation("child_booklet")
    client.get(f"/r/{issued.token}")
    html = client.get("/respond").get_data(as_text=True)
    assert html_language(html) == ("en", "ltr")
    assert html.index('class="language-choice"') < html.index("<h1")
    for language in all_languages().values():
        button = (f'value="{language.code}" lang="{language.code}" dir="{language.dir}"')
        assert button in html, language.code
        assert f">{language.name}</button>" in html, language.code


def test_one_tap_switches_the_form_and_moves_the_picker_down(client, make_invitation):
    issued = make_invitation("child_booklet")
    client.get(f"/r/{issued.token}")
    tapped = choose(client, "ar", back="/respond")
    assert tapped.status_code == 302 and tapped.headers["Location"] == "/respond"
    html = client.get("/respond").get_data(as_text=True)
    assert html_language(html) == ("ar", "rtl")
    assert 'class="script-arabic' in html
    assert html.index("<h1") < html.index('class="language-choice"')
    assert translate("ar", "Choose your language") in html
    assert 'value="ar" lang="ar" dir="rtl" aria-current="true"' in html
    assert db.session.scalars(sa.select(Draft)).one().language == "ar"


def test_an_invitation_in_a_language_opens_the_form_in_it(client, make_invitation):
    issued = make_invitation("child_booklet", language="ti")
    client.get(f"/r/{issued.token}")
    html = client.get("/respond").get_data(as_text=True)
    assert html_language(html) == ("ti", "ltr")
    assert 'class="script-ethiopic' in html
    assert html.index("<h1") < html.index('class="language-choice"')
    assert translate("ti", "Start") in html


def test_the_choice_holds_on_every_page_and_is_stored_with_the_response(
        client, make_invitation, rendered):
    issued = make_invitation("child_booklet")
    client.get(f"/r/{issued.token}")
    choose(client, "ps")
    answer_every_page(client, load_catalogue().instruments["child_booklet"])
    submit(client)
    done = client.get("/respond/done").get_data(as_text=True)
    assert translate("ps", "Thank you, your answers have been sent") in done
    after_choice = [page for page in rendered if page[0] != "/respond/language"][1:]
    assert {html_language(html) for _, _, html in after_choice} == {("ps", "rtl")}
    assert db.session.scalars(sa.select(Response)).one().language == "ps"


def test_a_new_browser_reopening_the_link_resumes_in_the_chosen_language(
        app, client, make_invitation):
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    choose(client, "fa-AF")
    page1 = client.get("/respond/page/1")
    client.post("/respond/page/1", data={**form_tokens(page1), "q_views_asked": "always"})

    later = app.test_client()  # another phone, or cookies cleared
    later.get(f"/r/{issued.token}")
    welcome = later.get("/respond").get_data(as_text=True)
    assert html_language(welcome) == ("fa-AF", "rtl")
    assert translate("fa-AF", "Carry on where you left off") in welcome
    assert html_language(later.get("/respond/page/2").get_data(as_text=True)) == ("fa-AF", "rtl")


def test_the_header_link_on_any_page_leads_back_to_that_page(client, make_invitation):
    issued = make_invitation("child_booklet")
    client.get(f"/r/{issued.token}")
    choose(client, "en")
    html = client.get("/respond/page/2").get_data(as_text=True)
    assert 'href="/respond/language?next=/respond/page/2"' in html
    picker = client.get("/respond/language?next=/respond/page/2")
    assert picker.status_code == 200
    assert picker.get_data(as_text=True).count('name="language"') == len(all_languages())
    tapped = client.post("/respond/language", data={
        **form_tokens(picker), "language": "ckb", "next": "/respond/page/2"})
    assert tapped.headers["Location"] == "/respond/page/2"
    assert html_language(client.get("/respond/page/2").get_data(as_text=True)) == ("ckb", "rtl")


def test_the_start_page_offers_languages_before_a_code_is_typed(client, make_invitation):
    issued = make_invitation("parent")
    start = client.get("/start").get_data(as_text=True)
    assert html_language(start) == ("en", "ltr")
    assert start.index('class="language-choice"') < start.index("<h1")
    tapped = choose(client, "sq", on="/start", back="/start")
    assert tapped.headers["Location"] == "/start"
    page = client.get("/start")
    assert html_language(page.get_data(as_text=True)) == ("sq", "ltr")
    entered = client.post("/start", data={**form_tokens(page), "code": issued.short_code})
    assert entered.headers["Location"].endswith("/respond")
    assert html_language(client.get("/respond").get_data(as_text=True)) == ("sq", "ltr")
    assert db.session.scalars(sa.select(Draft)).one().language == "sq"


@pytest.mark.parametrize("back", [
    "//evil.example/phish", "https://evil.example/", "/respond/../staff", "/static/css/app.css",
    "javascript:alert(1)", "/respond/page/1?x=//evil.example", "/respond\\@evil.example",
])
def test_the_picker_returns_only_to_respondent_pages(client, make_invitation, back):
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    assert choose(client, "vi", back=back).headers["Location"] == "/respond"


def test_unknown_languages_and_forged_posts_change_nothing(app, client, make_invitation):
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    choose(client, "xx")
    choose(client, "' OR 1=1 --")
    client.post("/respond/language", data={"language": "ar"})  # no CSRF or access token
    assert db.session.scalars(sa.select(Draft)).one().language == "en"
    assert html_language(client.get("/respond").get_data(as_text=True)) == ("en", "ltr")


def test_validation_messages_are_in_the_chosen_language(client, make_invitation):
    issued = make_invitation("parent", language="ar")
    client.get(f"/r/{issued.token}")
    maximum = load_catalogue().instruments["parent"].question("number_of_iros_last_year").maximum
    for typed, message in (
        ("two", translate("ar", "Enter a whole number, like 2.")),
        ("-3", translate("ar", "Enter a number from %(low)s to %(high)s.", low=0, high=maximum)),
    ):
        page = client.get("/respond/page/2")
        refused = client.post("/respond/page/2", data={
            **form_tokens(page), "q_number_of_iros_last_year": typed})
        html = refused.get_data(as_text=True)
        assert refused.status_code == 200 and html_language(html) == ("ar", "rtl")
        assert translate("ar", "There is a problem") in html
        assert message in html
        assert "Enter a" not in html


def test_error_pages_in_a_form_speak_its_language(client, make_invitation):
    issued = make_invitation("child_booklet", language="ar")
    expired = make_invitation("parent", language="ti", expires_at=utcnow() - timedelta(hours=1))
    client.get(f"/r/{issued.token}")
    client.get("/respond")
    for url, status, title in (
        ("/respond/page/99", 404, "Page not found"),
        ("/r/not-a-real-token", 404, "Page not found"),
        ("/c/0000-0000", 404, "Page not found"),
        (f"/r/{expired.token}", 410, "This link can no longer be used"),
    ):
        response = client.get(url)
        html = response.get_data(as_text=True)
        assert response.status_code == status, url
        assert html_language(html) == ("ar", "rtl"), url
        assert translate("ar", title) in html, url


def test_error_pages_for_a_stranger_are_english_and_reveal_nothing(app, make_invitation):
    expired = make_invitation("parent", language="ar", expires_at=utcnow() - timedelta(hours=1))
    stranger = app.test_client()
    for url in (f"/r/{expired.token}", f"/c/{expired.short_code}", "/r/not-a-real-token"):
        html = stranger.get(url).get_data(as_text=True)
        assert html_language(html) == ("en", "ltr"), url
        assert "العربية" not in html.split('class="site-footer"')[0].split("<main")[1]


def english_only(instrument: Instrument) -> Instrument:
    """Return ``instrument`` as it was before any translation: English labels only."""

    def only(labels):
        return {"en": labels["en"]} if labels else labels

    pages = tuple(dataclasses.replace(
        page, title=only(page.title), intro=only(page.intro),
        questions=tuple(dataclasses.replace(
            question, label=only(question.label), help=only(question.help),
            choices=tuple(dataclasses.replace(option, label=only(option.label))
                          for option in question.choices))
            for question in page.questions))
        for page in instrument.pages)
    return dataclasses.replace(
        instrument, languages={"en": "final"}, title=only(instrument.title),
        description=only(instrument.description), welcome=only(instrument.welcome),
        thank_you=only(instrument.thank_you), pages=pages)


def test_untranslated_instrument_text_is_marked_english_with_a_notice(
        client, make_invitation, monkeypatch):
    booklet = english_only(load_catalogue().instruments["child_booklet"])
    monkeypatch.setattr("feedback_app.respond.routes.get_instrument", lambda key: booklet)
    issued = make_invitation("child_booklet", language="ar")
    client.get(f"/r/{issued.token}")
    welcome = client.get("/respond").get_data(as_text=True)
    assert translate("ar", "The questions in this form have not been translated into your "
                           "language yet, so they are in English.") in welcome
    page = client.get("/respond/page/1").get_data(as_text=True)
    assert html_language(page) == ("ar", "rtl")
    assert '<legend class="fieldset__legend" lang="en" dir="ltr">' in page
    assert '<span class="choice__text" lang="en" dir="ltr">' in page


def test_translated_instrument_text_takes_the_page_language(client, make_invitation):
    issued = make_invitation("child_booklet", language="ar")
    client.get(f"/r/{issued.token}")
    page = client.get("/respond/page/1").get_data(as_text=True)
    question = load_catalogue().instruments["child_booklet"].question("feelings_most_of_time")
    assert f'<legend class="fieldset__legend">{question.label["ar"]}</legend>' in page
    assert 'lang="en"' not in page.split("<main")[1]


@pytest.mark.parametrize(("status", "interface", "shown"), [
    ("draft", "final", True), ("final", "draft", True), ("final", "final", False),
])
def test_draft_translations_say_so(client, make_invitation, monkeypatch, status, interface,
                                   shown):
    booklet = load_catalogue().instruments["child_booklet"]
    listed = dataclasses.replace(booklet, languages={**booklet.languages, "vi": status})
    monkeypatch.setattr("feedback_app.respond.routes.get_instrument", lambda key: listed)
    vietnamese = dataclasses.replace(all_languages()["vi"], interface=interface)
    monkeypatch.setitem(all_languages(), "vi", vietnamese)
    issued = make_invitation("child_booklet", language="vi")
    client.get(f"/r/{issued.token}")
    welcome = client.get("/respond").get_data(as_text=True)
    notice = translate("vi", "This translation has not been checked by a qualified translator "
                             "yet. If something is not clear, ask someone you trust to help.")
    assert (notice in welcome) is shown


def visit_every_respondent_page(app, client, make_invitation, code: str) -> None:
    """Go through the start page, a whole booklet, a refused answer, and the error pages."""
    booklet = make_invitation("child_booklet", language=code)
    parent = make_invitation("parent", language=code)
    expired = make_invitation("parent", expires_at=utcnow() - timedelta(hours=1))
    client.get(f"/r/{booklet.token}")
    client.get("/respond/language?next=/respond")
    page = client.get("/respond/page/1")
    client.post("/respond/page/1", data={**form_tokens(page), "go": "later"})
    client.get("/respond/saved")
    answer_every_page(client, load_catalogue().instruments["child_booklet"])
    submit(client)
    client.get("/respond/done")
    client.get("/start")
    client.get("/respond/page/99")
    client.get("/r/not-a-real-token")
    client.get(f"/r/{expired.token}")
    client.get(f"/r/{parent.token}")
    page = client.get("/respond/page/2")
    client.post("/respond/page/2", data={**form_tokens(page), "q_number_of_iros_last_year": "x"})


@pytest.mark.parametrize("code", list(all_languages()))
def test_every_respondent_page_is_in_the_language_through_and_through(
        app, client, make_invitation, rendered, code):
    """``lang``/``dir`` on every page, and no interface English left on any of them."""
    visit_every_respondent_page(app, client, make_invitation, code)
    language = all_languages()[code]
    assert {status for _, status, _ in rendered} >= {200, 404, 410}
    for path, status, html in rendered:
        assert html_language(html) == (language.code, language.dir), (path, status)
    if code == "en":
        return
    fragments = english_fragments()
    for path, _, html in rendered:
        text = visible_text(html)
        leaked = [piece for piece in fragments if re.search(rf"\b{re.escape(piece)}\b", text)]
        assert leaked == [], (path, leaked)
        if language.font != "latin":
            stray = set(LATIN_WORD.findall(text)) - latin_words_of_translations(code)
            assert stray == set(), (path, stray)
