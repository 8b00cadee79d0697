"""Each kind of invalid answer is refused with a clear message, and nothing typed is lost."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from feedback_app.extensions import db
from feedback_app.models import Draft
from tests.helpers import form_tokens


@pytest.fixture
def parent_form(client, make_invitation):
    """A parent questionnaire opened in the client (page 2 has the integer question)."""
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    return client


def post_page(client, number, data):
    page = client.get(f"/respond/page/{number}")
    return client.post(f"/respond/page/{number}", data={**form_tokens(page), **data})


@pytest.mark.parametrize(
    ("number", "data", "message"),
    [
        (1, {"q_views_asked": "sometimes-ish"}, "Choose one of the answers shown."),
        (1, {"q_views_asked": ["always", "never"]}, "Choose one of the answers shown."),
        (2, {"q_number_of_iros_last_year": "two"}, "Enter a whole number, like 2."),
        (2, {"q_number_of_iros_last_year": "2.5"}, "Enter a whole number, like 2."),
        (2, {"q_number_of_iros_last_year": "-3"}, "Enter a number from 0 to"),
        (2, {"q_number_of_iros_last_year": "99999"}, "Enter a number from 0 to"),
        (3, {"q_comments_positive": "x" * 5001}, "Please shorten it to"),
    ],
)
def test_invalid_answers_are_refused_with_a_message(parent_form, number, data, message):
    response = post_page(parent_form, number, data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "There is a problem" in html
    assert message in html
    assert 'aria-invalid="true"' in html or "question--error" in html
    # The error summary links to the field in error.
    field = next(iter(data)).removeprefix("q_")
    assert f'href="#q_{field}' in html
    assert db.session.scalars(sa.select(Draft)).one().answers == {}


def test_forged_multiple_choice_option_is_refused(client, make_invitation):
    issued = make_invitation("child_booklet")
    client.get(f"/r/{issued.token}")
    html = client.get("/respond/page/5").get_data(as_text=True)
    assert 'name="q_review_who"' in html
    response = post_page(client, 5, {"q_review_who": ["carer", "the_prime_minister"]})
    assert "Choose from the answers shown." in response.get_data(as_text=True)


def test_a_refused_page_keeps_everything_typed(parent_form):
    comment = "The minutes arrived <late> & were wrong"
    response = post_page(
        parent_form, 2, {"q_number_of_iros_last_year": "lots", "q_venue_suitable": "yes"}
    )
    html = response.get_data(as_text=True)
    assert 'value="lots"' in html
    assert 'value="yes" checked' in html
    response = post_page(
        parent_form, 3, {"q_comments_positive": "x" * 5001, "q_comments_improve": comment}
    )
    html = response.get_data(as_text=True)
    assert "The minutes arrived &lt;late&gt; &amp; were wrong" in html


def test_numbers_in_other_scripts_are_accepted(parent_form):
    response = post_page(parent_form, 2, {"q_number_of_iros_last_year": "٣"})
    assert response.status_code == 302
    assert db.session.scalars(sa.select(Draft)).one().answers["number_of_iros_last_year"] == 3


def test_invisible_control_characters_are_removed_but_text_is_kept(parent_form):
    text = "Good\x00 IRO\u200b.\r\nمرحبا\u200c بالعالم"
    post_page(parent_form, 3, {"q_comments_positive": text})
    saved = db.session.scalars(sa.select(Draft)).one().answers["comments_positive"]
    assert saved == "Good IRO.\nمرحبا\u200c بالعالم"
