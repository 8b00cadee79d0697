"""Sentiment rules, one parametrised group per rule of the brief (issue item 1)."""

import pytest

from analysis.text.sentiment import SENTIMENTS, classify_sentiment, explain, weigh
from analysis.text.tokenize import normalise

POSITIVE, CRITICAL, MIXED, NEUTRAL = "positive", "critical", "mixed", "neutral"


def check(text: str, expected: str, question: str | None = None) -> None:
    got = classify_sentiment(text, question=question)
    assert got == expected, f"{text!r}: {got} ({explain(text)})"


@pytest.mark.parametrize(
    "text",
    [
        "wants contact with family",
        "would rather live at home",
        "I wish I could see my brother",
        "I would like more time with my mum",
        "id rather live with my dad",
        "When am I going home?",
    ],
)
def test_wishes_are_critical_of_the_present(text: str) -> None:
    check(text, CRITICAL)


@pytest.mark.parametrize(
    "text",
    [
        "need to listen more",
        "to be updated regularly",
        "IROs should visit more",
        "It would be good if the minutes came quicker",
        "Please send the minutes sooner",
        "Stop having reviews at school",
        "Explain things better to young people",
        "More contact with mum please",
    ],
)
def test_requests_are_critical(text: str) -> None:
    check(text, CRITICAL)


@pytest.mark.parametrize(
    "text",
    [
        "I want to stay where I am",
        "Keep up the good work",
        "keep listening to me like you do",
        "I would like to thank my IRO",
    ],
)
def test_wishes_to_keep_what_is_good_and_thanks_inside_a_wish_are_positive(text: str) -> None:
    check(text, POSITIVE)


@pytest.mark.parametrize(
    "text",
    [
        "supported me in tough times",
        "A great support during a very difficult care proceedings case",
        "CAMHS has helped me a lot with my anxiety",
        "The IRO challenged the delay in my school place",
        "Thank you for all your hard work",
    ],
)
def test_praise_survives_hard_words_around_it(text: str) -> None:
    check(text, POSITIVE)


@pytest.mark.parametrize(
    "text",
    [
        "not listened to",
        "never told",
        "I didn't get the minutes",
        "Nobody listens, they just decide stuff",
        "I don't feel safe",
        "no one explained why",
        "Reviews have been held without the guardian being invited",
        "the minutes said things I never said",
    ],
)
def test_negation_turns_neutral_or_praise_words_critical(text: str) -> None:
    check(text, CRITICAL)


@pytest.mark.parametrize(
    "text", ["never late", "No complaints", "not a bad meeting at all", "can't fault her"]
)
def test_negated_complaints_are_positive(text: str) -> None:
    check(text, POSITIVE)


@pytest.mark.parametrize(
    "text",
    [
        "no minutes",
        "still no minutes",
        "still waiting for my passport",
        "My views were ignored",
        "excluded from part of the meeting",
        "I have had 4 social workers this year",
        "The child has had three IROs during proceedings",
        "The minutes take too long to arrive",
        "minutes can be slow",
        "Limited contact with the IRO between reviews",
        "I'm not sure what the IRO does",
    ],
)
def test_domain_complaints_are_critical(text: str) -> None:
    check(text, CRITICAL)


@pytest.mark.parametrize(
    "text", ["thank you", "thanks for everything", "thx 4 everything!!", "i am greatful"]
)
def test_thanks_are_positive(text: str) -> None:
    check(text, POSITIVE)


@pytest.mark.parametrize(
    "text",
    [
        "X is great but the minutes are always late",
        "You listen to me but the minutes are always late",
        "I like my carers but I miss my mum",
        "Good chairing, but far too long for a child",
        "Generally good, although the venue was too small",
    ],
)
def test_praise_and_criticism_together_are_mixed(text: str) -> None:
    check(text, MIXED)


@pytest.mark.parametrize(
    "text",
    [
        "n/a",
        "N/A",
        "none",
        "None at present",
        "no comment",
        "No comments",
        "nothing",
        "Nothing to add",
        "nothing really",
        "not sure",
        "dont know",
        "-",
        "",
        "  ",
        "I live with my nan",
        "football",
        "my dog",
        "no",
        "I want to talk about my holiday",
        "its alright i guess",
        "It was ok",
    ],
)
def test_factual_empty_and_lukewarm_answers_are_neutral(text: str) -> None:
    check(text, NEUTRAL)


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        ("everything", "going_well", POSITIVE),
        ("Everything tbh", "what_was_good", POSITIVE),
        ("everything", "not_going_well", CRITICAL),
        ("everything", "talk_about", NEUTRAL),
        ("everything", None, NEUTRAL),
        ("nothing", "not_going_well", NEUTRAL),
        ("seeing nanny on Saturdays", "going_well", POSITIVE),
        ("seeing nanny on Saturdays", None, NEUTRAL),
        ("recieved the minutes 4 months after the review", "comments_improve", CRITICAL),
        ("my dog", "talk_about", NEUTRAL),
    ],
)
def test_the_question_settles_answers_that_carry_no_opinion(
    text: str, question: str | None, expected: str
) -> None:
    check(text, expected, question)


def test_reported_speech_is_not_a_wish() -> None:
    check("when I said I didn't want to go to contact they listened", POSITIVE)
    check("I told them I want to stay at this school but they didn't listen", CRITICAL)


def test_textblob_polarity_decides_when_the_lexicon_is_silent() -> None:
    check("A delightful afternoon", POSITIVE)
    check("A dreadful afternoon", CRITICAL)


def test_weigh_counts_evidence_by_strength() -> None:
    evidence = weigh(normalise("Great IRO, never late, but the minutes are slow"))
    assert (evidence.praise, evidence.mild, evidence.criticism) == (1, 1, 1)


def test_explain_names_the_phrases_and_their_roles() -> None:
    assert explain("not listened to") == [("not", "ignored"), ("listened", "criticism")]


def test_every_result_is_one_of_the_four_labels() -> None:
    for text in ["good", "bad", "good but bad", "", "the cat sat"]:
        assert classify_sentiment(text) in SENTIMENTS
