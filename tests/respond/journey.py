"""Drive a whole questionnaire through the test client, as a respondent's browser would."""

from __future__ import annotations

import re
from typing import Any

from flask.testing import FlaskClient

from feedback_app.instruments.model import Instrument, Question
from tests.helpers import form_tokens

PAGE_URL = re.compile(r"/respond/page/(\d+)$")


def sample_answer(question: Question, variant: int = 0) -> Any:
    """Return a valid raw answer for ``question`` (varied by ``variant``)."""
    if question.type in ("scale", "choice"):
        return question.options[variant % len(question.options)]
    if question.type == "multi":
        return list(question.options[: 1 + variant % 2])
    if question.type == "integer":
        return str(max(question.minimum or 0, 1 + variant))
    return f"My answer to {question.key}: things are fine, thank you."


def answer_every_page(
    client: FlaskClient,
    instrument: Instrument,
    answers: dict[str, Any] | None = None,
    *,
    variant: int = 0,
) -> dict[str, Any]:
    """Answer each page in turn until the check page; return what was sent per question.

    ``answers`` overrides the sample answer for given keys (None leaves a question blank).
    """
    overrides = answers or {}
    sent: dict[str, Any] = {}
    response = client.get("/respond", follow_redirects=True)
    assert response.status_code == 200
    url = "/respond/page/1"
    for _ in range(len(instrument.pages) + 1):
        page = client.get(url)
        assert page.status_code == 200, (url, page.status_code)
        html = page.get_data(as_text=True)
        data: dict[str, Any] = {**form_tokens(page), "go": "next"}
        for question in instrument.questions:
            if f'name="q_{question.key}"' not in html:
                continue
            value = overrides.get(question.key, sample_answer(question, variant))
            if value is not None:
                data[f"q_{question.key}"] = value
                sent[question.key] = value
        posted = client.post(url, data=data)
        assert posted.status_code == 302, posted.get_data(as_text=True)[:2000]
        url = posted.headers["Location"]
        if url.endswith("/respond/check"):
            return sent
        assert PAGE_URL.search(url), url
    raise AssertionError("the form never reached the check page")


def submit(client: FlaskClient) -> Any:
    """Open the check page and send the answers; return the final response."""
    check = client.get("/respond/check")
    assert check.status_code == 200
    return client.post("/respond/submit", data=form_tokens(check))
