"""Headline sentences: wording from the caller, numbers from us, no percentages under 5."""

from __future__ import annotations

import pytest

from analysis.headlines import headline, option_headline
from analysis.numbers import Share
from analysis.tallies import OptionTally

INVITED = "{share} said they are always invited to the review."


def test_headline_in_the_annual_report_style():
    sentence = headline(INVITED, "foster carers", Share(45, 48))

    assert sentence == "45 of 48 foster carers (94%) said they are always invited to the review."


def test_no_percentage_for_fewer_than_five_people():
    assert headline(INVITED, "foster carers", Share(3, 4)) == (
        "3 of 4 foster carers said they are always invited to the review."
    )
    assert "(" in headline(INVITED, "foster carers", Share(3, 5))


def test_nobody_answering_gives_no_sentence():
    assert headline(INVITED, "foster carers", Share(0, 0)) is None


@pytest.mark.parametrize(
    ("share", "expected"),
    [(Share(1, 8), "13%"), (Share(5, 8), "63%"), (Share(1, 200), "1%"), (Share(1, 201), "0%")],
)
def test_headline_percentages_are_whole_numbers_rounded_half_up(share, expected):
    assert f"({expected})" in headline("{share}.", "people", share)


def test_other_placeholders_for_other_word_orders():
    template = "Of the {n} {group} who answered, {count} knew how to contact their IRO."

    assert headline(template, "children", Share(30, 40)) == (
        "Of the 40 children who answered, 30 knew how to contact their IRO."
    )


def test_unknown_placeholders_are_refused_even_when_nobody_answered():
    with pytest.raises(ValueError, match=r"\{percent\}"):
        headline("{percent} of carers agreed.", "carers", Share(0, 0))


def test_option_headline_leaves_not_applicable_out_of_the_base():
    counts = {"always": 40, "usually": 5, "sometimes": 3, "occasionally": 0, "never": 0}
    tally = OptionTally(
        "child_knows_iro_contact", "scale", "frequency5", 58, counts | {"not_applicable": 10}
    )

    sentence = option_headline(
        "{share} said the child always knows how to contact the IRO.",
        "foster carers",
        tally,
        ["always"],
    )

    assert sentence == (
        "40 of 48 foster carers (83%) said the child always knows how to contact the IRO."
    )
    with pytest.raises(ValueError, match="no options"):
        option_headline(INVITED, "foster carers", tally, ["alwyas"])
