"""The respondent journey through the test client, for every instrument."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from feedback_app.extensions import db
from feedback_app.instruments import load_catalogue
from feedback_app.models import Answer, AnswerChoice, Draft, Invitation, Response
from tests.helpers import form_tokens
from tests.respond.journey import answer_every_page, submit

INSTRUMENTS = sorted(load_catalogue().instruments)


def stored_answers(response: Response) -> dict[str, object]:
    return {
        answer.question_key: (
            answer.option_keys
            if answer.is_multi
            else answer.option_key or answer.number or answer.text
        )
        for answer in response.answers
    }


@pytest.mark.parametrize("key", INSTRUMENTS)
def test_every_instrument_can_be_completed_and_is_stored(client, make_invitation, key):
    issued = make_invitation(key)
    assert client.get(f"/r/{issued.token}").status_code == 302
    instrument = load_catalogue().instruments[key]
    sent = answer_every_page(client, instrument)

    done = submit(client)
    assert done.status_code == 302 and done.headers["Location"].endswith("/respond/done")
    thank_you = client.get("/respond/done")
    assert thank_you.status_code == 200
    assert "Thank you" in thank_you.get_data(as_text=True)

    response = db.session.scalars(sa.select(Response)).one()
    assert response.instrument_key == key
    assert response.instrument_version == instrument.version
    assert response.channel == "online" and response.language == "en"
    assert response.invitation_id == issued.invitation.id
    stored = stored_answers(response)
    for question_key, value in sent.items():
        question = instrument.question(question_key)
        if question.show_if and not question.show_if.holds(sent):
            assert question_key not in stored  # a follow-up that no longer applies
            continue
        expected = int(value) if question.type == "integer" else value
        assert stored[question_key] == expected, question_key
    invitation = db.session.get(Invitation, issued.invitation.id)
    assert invitation.status == "submitted" and invitation.submitted_at is not None
    assert db.session.scalar(sa.select(sa.func.count(Draft.id))) == 0


def test_multiple_choice_is_stored_as_countable_rows(client, make_invitation):
    make = make_invitation("child_booklet")
    client.get(f"/r/{make.token}")
    instrument = load_catalogue().instruments["child_booklet"]
    answer_every_page(client, instrument, {"review_who": ["carer", "teacher", "advocate"]})
    submit(client)
    choices = db.session.scalars(
        sa.select(AnswerChoice.option_key).order_by(AnswerChoice.option_key)
    ).all()
    assert choices == ["advocate", "carer", "teacher"]


def test_follow_up_answer_is_dropped_when_it_no_longer_applies(client, make_invitation):
    issued = make_invitation("child_booklet")
    client.get(f"/r/{issued.token}")
    instrument = load_catalogue().instruments["child_booklet"]
    answer_every_page(
        client,
        instrument,
        {
            "feel_safe": "yes",
            "feel_safe_more": "this should not be kept",
        },
    )
    submit(client)
    keys = db.session.scalars(sa.select(Answer.question_key)).all()
    assert "feel_safe" in keys and "feel_safe_more" not in keys


def test_skipping_every_question_is_allowed_but_stores_no_empty_rows(client, make_invitation):
    issued = make_invitation("foster_carer")
    client.get(f"/r/{issued.token}")
    instrument = load_catalogue().instruments["foster_carer"]
    answer_every_page(client, instrument, {q.key: None for q in instrument.questions})
    assert submit(client).status_code == 302
    response = db.session.scalars(sa.select(Response)).one()
    assert response.answers == []


def test_page_numbers_that_do_not_exist_are_404(client, make_invitation):
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    assert client.get("/respond/page/0").status_code == 404
    assert client.get("/respond/page/99").status_code == 404


def test_pages_refuse_visitors_without_an_invitation(client):
    for url in ("/respond", "/respond/page/1", "/respond/check"):
        response = client.get(url)
        assert response.status_code == 302 and response.headers["Location"].endswith("/start")
    assert client.post("/respond/submit").status_code == 302


def test_back_button_saves_the_page_and_goes_back(client, make_invitation):
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    page1 = client.get("/respond/page/1")
    client.post("/respond/page/1", data={**form_tokens(page1), "q_views_asked": "always"})
    page2 = client.get("/respond/page/2")
    back = client.post(
        "/respond/page/2", data={**form_tokens(page2), "go": "back", "q_venue_suitable": "yes"}
    )
    assert back.headers["Location"].endswith("/respond/page/1")
    draft = db.session.scalars(sa.select(Draft)).one()
    assert draft.answers["views_asked"] == "always"
    assert draft.answers["venue_suitable"] == "yes"
    # The saved answer is shown checked when the page is opened again.
    html = client.get("/respond/page/1").get_data(as_text=True)
    assert 'value="always" checked' in html
