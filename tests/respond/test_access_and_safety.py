"""Links and codes, resuming, double submission, long pauses and lost sessions."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import sqlalchemy as sa

from feedback_app.extensions import db
from feedback_app.instruments import load_catalogue
from feedback_app.invitations import format_short_code
from feedback_app.models import Invitation, Response
from feedback_app.models.base import utcnow
from feedback_app.respond import access
from tests.helpers import form_tokens
from tests.respond.journey import answer_every_page, submit


def test_link_opens_the_form_and_marks_the_invitation_opened(client, make_invitation):
    issued = make_invitation("foster_carer")
    response = client.get(f"/r/{issued.token}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/respond")
    assert db.session.get(Invitation, issued.invitation.id).status == "opened"
    assert "Foster carers" in client.get("/respond").get_data(as_text=True)


def test_short_code_opens_the_form_typed_loosely(client, make_invitation):
    issued = make_invitation("parent")
    typed = format_short_code(issued.short_code).lower().replace("-", " ")
    page = client.get("/start")
    response = client.post("/start", data={**form_tokens(page), "code": typed})
    assert response.status_code == 302 and response.headers["Location"].endswith("/respond")
    assert client.get(f"/c/{issued.short_code}").status_code == 302


def test_wrong_code_gets_a_message_not_a_clue(client, make_invitation):
    make_invitation("parent")
    page = client.get("/start")
    response = client.post("/start", data={**form_tokens(page), "code": "AAAA-2222"})
    assert response.status_code == 200
    assert "We could not find that code" in response.get_data(as_text=True)


def test_unknown_and_forged_links_are_404_and_reveal_nothing(client, make_invitation):
    issued = make_invitation("child_booklet")
    for url in (
        f"/r/{issued.token[:-1]}x",
        "/r/' OR 1=1 --",
        "/r/" + "a" * 300,
        "/c/0000-0000",
        f"/c/{issued.short_code}'; DROP TABLE responses;--",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        html = response.get_data(as_text=True)
        assert "Page not found" in html
        assert "Ayo" not in html and "child_booklet" not in html


def test_expired_link_is_410(client, make_invitation):
    issued = make_invitation("parent", expires_at=utcnow() - timedelta(minutes=1))
    response = client.get(f"/r/{issued.token}")
    assert response.status_code == 410
    assert "This link can no longer be used" in response.get_data(as_text=True)
    assert db.session.get(Invitation, issued.invitation.id).status == "expired"


def test_used_link_is_410_for_anyone_else(app, client, make_invitation):
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    answer_every_page(client, load_catalogue().instruments["parent"])
    submit(client)
    # The same browser is shown its thank-you page again ...
    assert client.get(f"/r/{issued.token}").headers["Location"].endswith("/respond/done")
    # ... anyone else who gets hold of the link learns nothing.
    other = app.test_client()
    response = other.get(f"/r/{issued.token}")
    assert response.status_code == 410
    assert "Thank you" not in response.get_data(as_text=True)


def test_closing_the_tab_and_coming_back_resumes_where_they_left(app, client, make_invitation):
    issued = make_invitation("child_booklet")
    client.get(f"/r/{issued.token}")
    page1 = client.get("/respond/page/1")
    client.post("/respond/page/1", data={**form_tokens(page1), "q_feelings_most_of_time": "ok"})
    page2 = client.get("/respond/page/2")
    client.post("/respond/page/2", data={**form_tokens(page2), "q_feel_safe": "yes"})

    # A new browser (cookies gone) opens the same link later.
    later = app.test_client()
    later.get(f"/r/{issued.token}")
    welcome = later.get("/respond").get_data(as_text=True)
    assert "Carry on where you left off" in welcome
    assert 'href="/respond/page/3"' in welcome
    html = later.get("/respond/page/1").get_data(as_text=True)
    assert 'value="ok" checked' in html


def test_save_and_finish_later_shows_the_code(client, make_invitation):
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    page = client.get("/respond/page/1")
    response = client.post(
        "/respond/page/1", data={**form_tokens(page), "go": "later", "q_views_asked": "usually"}
    )
    assert response.headers["Location"].endswith("/respond/saved")
    assert format_short_code(issued.short_code) in client.get("/respond/saved").get_data(
        as_text=True
    )


def test_double_submit_stores_one_response(client, make_invitation):
    issued = make_invitation("foster_carer")
    client.get(f"/r/{issued.token}")
    answer_every_page(client, load_catalogue().instruments["foster_carer"])
    check = client.get("/respond/check")
    tokens = form_tokens(check)
    first = client.post("/respond/submit", data=tokens)
    second = client.post("/respond/submit", data=tokens)  # double click / retry
    assert first.headers["Location"].endswith("/respond/done")
    assert second.headers["Location"].endswith("/respond/done")
    # Back button to an answered page after sending: thank-you page, not a new form.
    assert client.get("/respond/page/1").headers["Location"].endswith("/respond/done")
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 1


def test_parallel_submissions_of_one_draft_store_one_response(app, make_invitation):
    issued = make_invitation("foster_carer")
    client = app.test_client()
    client.get(f"/r/{issued.token}")
    answer_every_page(client, load_catalogue().instruments["foster_carer"])
    tokens = form_tokens(client.get("/respond/check"))
    cookie = client.get_cookie("feedback_session")

    def send(_: int) -> int:
        other = app.test_client()
        other.set_cookie(cookie.key, cookie.value)
        with app.app_context():
            return other.post("/respond/submit", data=tokens).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(send, range(16)))
    assert set(statuses) == {302}
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 1


def test_a_send_that_read_the_invitation_before_a_parallel_one_stored_it(
        app, client, make_invitation, monkeypatch):
    """The race behind parallel sends: this request saw the invitation still open, but the
    winner had already deleted the draft, so a new empty draft was started. It must end on
    the thank-you page, not as a conflict (409) between the answers and an empty form."""
    issued = make_invitation("foster_carer")
    client.get(f"/r/{issued.token}")
    answer_every_page(client, load_catalogue().instruments["foster_carer"])
    tokens = form_tokens(client.get("/respond/check"))
    cookie = client.get_cookie("feedback_session")
    assert client.post("/respond/submit", data=tokens).status_code == 302

    monkeypatch.setattr(access, "granted_invitation",
                        lambda: db.session.get(Invitation, issued.invitation.id))
    late = app.test_client()
    late.set_cookie(cookie.key, cookie.value)
    response = late.post("/respond/submit", data=tokens)
    assert response.status_code == 302 and response.headers["Location"].endswith("/done")
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 1


def test_a_long_pause_does_not_lose_the_page(app, client, make_invitation):
    """The CSRF token has no one-hour limit; it lives as long as the session."""
    assert app.config["WTF_CSRF_TIME_LIMIT"] is None
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    page = client.get("/respond/page/1")
    response = client.post("/respond/page/1", data={**form_tokens(page), "q_views_asked": "never"})
    assert response.status_code == 302


def test_lost_session_still_saves_the_page_with_its_access_token(app, client, make_invitation):
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    tokens = form_tokens(client.get("/respond/page/1"))
    # Cookies cleared (or a new phone browser tab restored from history) before pressing save.
    fresh = app.test_client()
    response = fresh.post("/respond/page/1", data={**tokens, "q_views_asked": "never"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/page/2")
    stored = db.session.scalars(sa.select(Invitation)).one()
    assert stored.id == issued.invitation.id
    from feedback_app.models import Draft

    assert db.session.scalars(sa.select(Draft)).one().answers["views_asked"] == "never"


def test_bad_csrf_without_access_token_keeps_the_answers_and_asks_again(client, make_invitation):
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    client.get("/respond/page/1")
    response = client.post(
        "/respond/page/1", data={"csrf_token": "stale", "q_views_asked": "never"}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "We could not save this page yet" in html
    assert 'value="never" checked' in html
    # Pressing the button again (now with fresh tokens) saves it.
    again = client.post("/respond/page/1", data={**form_tokens(response), "q_views_asked": "never"})
    assert again.status_code == 302


def test_forged_access_token_grants_nothing(app, make_invitation):
    make_invitation("parent")
    stranger = app.test_client()
    response = stranger.post(
        "/respond/page/1", data={"access": "eyJpIjoxfQ.forged.sig", "q_views_asked": "never"}
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/start")
