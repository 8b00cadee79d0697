"""Tokenizer and normaliser: how children and carers actually write, read as plain English."""

import pytest

from analysis.text.tokenize import normalise, sentence_spans, sentences, words


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("my sw is gr8", "my social worker is great"),
        ("u listen 2 me", "you listen to me"),
        ("thx 4 everything", "thanks for everything"),
        ("dont no who my iro is", "don't know who my iro is"),
        ("iro's r good", "iros are good"),
        ("my socail worker", "my social worker"),
        ("i didnt get my minits", "i didn't get my minutes"),
        ("shud of had the same s/w", "should have had the same social worker"),
        ("n/a", "not applicable"),
        ("soooo boring", "soo boring"),
        ("My Mum\u2019s house", "my mum house"),
        ("wanna see my mum n dad", "want to see my mum and dad"),
        ("no1 listens", "no one listens"),
        ("I've had 4 social workers", "i have had 4 social workers"),
    ],
)
def test_normalise_maps_text_speak_and_misspellings(written: str, plain: str) -> None:
    assert " ".join(t for t in normalise(written) if t not in ".,") == plain


def test_normalise_keeps_clause_marks_but_not_abbreviation_dots() -> None:
    assert normalise("Mrs. Smith came, then left! OK?") == (
        "mrs",
        "smith",
        "came",
        ",",
        "then",
        "left",
        ".",
        "ok",
        ".",
    )


def test_numbers_stay_numbers_unless_text_speak() -> None:
    assert words("had 2 social workers in 4 years") == [
        "had",
        "2",
        "social",
        "workers",
        "in",
        "4",
        "years",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Good meeting. Minutes late!", ["Good meeting.", "Minutes late!"]),
        ("Mr. Jones came. He was nice", ["Mr. Jones came.", "He was nice"]),
        ("Contact between J.S. and his mum. Fine.", ["Contact between J.S. and his mum.", "Fine."]),
        ("line one\nline two", ["line one", "line two"]),
        ("Is it 2.5 hours? Yes", ["Is it 2.5 hours?", "Yes"]),
        ("", []),
        ("   ", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_spans_are_offsets_into_the_text() -> None:
    text = "  First one.  Second one "
    assert [text[a:b] for a, b in sentence_spans(text)] == ["First one.", "Second one"]
