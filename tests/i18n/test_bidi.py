"""Mixed-direction text: numbers and codes keep their order inside right-to-left pages."""

from __future__ import annotations

import pytest

from feedback_app.i18n import isolate_numbers
from feedback_app.instruments import load_catalogue
from tests.respond.journey import answer_every_page


@pytest.mark.parametrize(("typed", "shown"), [
    ("رقمي 07700 900123.", 'رقمي <bdi class="number" dir="ltr">07700 900123</bdi>.'),
    ("call +44 20 7946-0000 now", 'call <bdi class="number" dir="ltr">+44 20 7946-0000</bdi> now'),
    ("٠٧٧٠٠ ٩٠٠١٢٣", '<bdi class="number" dir="ltr">٠٧٧٠٠ ٩٠٠١٢٣</bdi>'),
    ("I am 12, she is 9", "I am 12, she is 9"),
    ("on 12/03/2024 with ABCD-2345", "on 12/03/2024 with ABCD-2345"),
    ('<script>alert("1 2")</script>',
     '&lt;script&gt;alert(&#34;<bdi class="number" dir="ltr">1 2</bdi>&#34;)&lt;/script&gt;'),
])
def test_spaced_numbers_are_isolated_and_everything_is_escaped(typed: str, shown: str) -> None:
    """Only numbers whose groups the bidi algorithm would reorder are wrapped."""
    assert str(isolate_numbers(typed)) == shown


def test_the_check_page_shows_a_phone_number_in_arabic_text_in_order(client,
                                                                     make_invitation):
    issued = make_invitation("parent", language="ar")
    client.get(f"/r/{issued.token}")
    answer_every_page(client, load_catalogue().instruments["parent"],
                      {"comments_positive": "اتصلوا بي على 07700 900123 من فضلكم"})
    html = client.get("/respond/check").get_data(as_text=True)
    assert ('<span class="pre-wrap" dir="auto">اتصلوا بي على <bdi class="number" dir="ltr">'
            "07700 900123</bdi> من فضلكم</span>") in html
