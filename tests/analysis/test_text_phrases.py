"""The lexicon phrase syntax: stems, choices, groups, numbers, gaps and longest match."""

import pytest

from analysis.text._phrases import PatternError, PhraseSet, expand


def found(patterns: list[str], text: str) -> list[str]:
    tokens = text.split()
    matches = PhraseSet((p, "x") for p in patterns).find_all(tokens)
    return [" ".join(tokens[m.start : m.end]) for m in matches]


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("listen*", "she listened to me", ["listened"]),
        ("listen*", "the listener", ["listener"]),
        ("mum|dad", "my dad came", ["dad"]),
        ("see my mum|dad", "i see my mum", ["see my mum"]),
        ("# social workers", "i had 4 social workers", ["4 social workers"]),
        ("not ~ listened", "not really listened", ["not really listened"]),
        ("not ~ listened", "not listened", ["not listened"]),
        ("not ~ listened", "not at all really listened", []),
        ("not ~3 listened", "not at all really listened", ["not at all really listened"]),
        ("not ~ listened", "not , listened", []),
        ("too _", "too long", ["too long"]),
        ("too _", "me too", []),
        ("same (social worker|iro)", "the same iro", ["same iro"]),
        ("(|very) kind", "very kind", ["very kind", "kind"]),
    ],
)
def test_pattern_syntax(pattern: str, text: str, expected: list[str]) -> None:
    assert found([pattern], text) == expected


def test_expand_spells_out_every_choice() -> None:
    assert expand("had (two|three) (social workers|iros)") == [
        "had two social workers",
        "had two iros",
        "had three social workers",
        "had three iros",
    ]


def test_longest_match_wins_and_matches_do_not_overlap() -> None:
    phrases = PhraseSet([("would like", "wish"), ("would like to thank", "thanks"), ("i", "me")])
    tokens = "i would like to thank you".split()
    assert [(m.label, m.start, m.end) for m in phrases.find_longest(tokens)] == [
        ("me", 0, 1),
        ("thanks", 1, 5),
    ]


@pytest.mark.parametrize("bad", ["~ listen", "listen ~", "a* b", "x|", "(a|b", "what?"])
def test_bad_patterns_are_refused_with_their_text(bad: str) -> None:
    with pytest.raises(PatternError, match="pattern|bracket|stem|choice|character"):
        PhraseSet([(bad, "x")])
