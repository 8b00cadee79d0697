"""Small helpers shared by tests (not fixtures)."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
_ACCESS = re.compile(r'name="access" value="([^"]+)"')


def form_tokens(page: TestResponse) -> dict[str, str]:
    """Return the hidden CSRF and access tokens of the first form on ``page``."""
    html = page.get_data(as_text=True)
    tokens = {}
    if match := _CSRF.search(html):
        tokens["csrf_token"] = match.group(1)
    if match := _ACCESS.search(html):
        tokens["access"] = match.group(1)
    return tokens


def post_form(
    client: FlaskClient, url: str, data: dict[str, object], follow: bool = False
) -> TestResponse:
    """GET ``url``, then POST ``data`` with that page's tokens (as a browser would)."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    return client.post(url, data={**form_tokens(page), **data}, follow_redirects=follow)
