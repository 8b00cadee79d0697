"""Quote selection: deduplicated, balanced, trimmed, deterministic, never unredacted."""

from analysis.text import Comment, quotes_for_theme, select_quotes
from analysis.text.quotes import ELLIPSIS, trim_quote


def comment(text: str, sentiment: str, themes: tuple[str, ...] = ()) -> Comment:
    return Comment(text=text, sentiment=sentiment, themes=themes, redacted=text)


POSITIVE = [
    comment(
        "My IRO always listens to me and explains what is happening.",
        "positive",
        ("being_heard", "information"),
    ),
    comment(
        "my iro always listens to me and explains what is happening",
        "positive",
        ("being_heard", "information"),
    ),
    comment(
        "My IRO always listens to me and explains what is happening!!",
        "positive",
        ("being_heard", "information"),
    ),
    comment("Good", "positive"),
    comment(
        "The reviews are well chaired and kept focused on the child.",
        "positive",
        ("professionalism",),
    ),
    comment(
        "Thank you for helping me get my bike back from the old placement.",
        "positive",
        ("support", "placement"),
    ),
]
CRITICAL = [
    comment(
        "The minutes take far too long to arrive after the review.",
        "critical",
        ("minutes", "delay"),
    ),
    comment(
        "The minutes take far too long to arrive after each review.",
        "critical",
        ("minutes", "delay"),
    ),
    comment(
        "I have had four social workers this year and I am fed up.", "critical", ("worker_change",)
    ),
]
OTHER = [
    comment("Nice IRO but the minutes were late.", "mixed", ("minutes",)),
    comment("football", "neutral"),
]


def test_sides_are_filled_separately_up_to_per_side() -> None:
    quotes = select_quotes(POSITIVE + CRITICAL + OTHER, per_side=2)
    assert set(quotes) == {"positive", "critical"}
    assert len(quotes["positive"]) == 2 and len(quotes["critical"]) == 2
    assert "Nice IRO but the minutes were late." not in quotes["positive"] + quotes["critical"]


def test_exact_and_near_duplicates_are_never_both_chosen() -> None:
    quotes = select_quotes(POSITIVE + CRITICAL, per_side=5)
    listens = [q for q in quotes["positive"] if "listens to me" in q.lower()]
    minutes = [q for q in quotes["critical"] if "far too long" in q]
    assert len(listens) == 1 and len(minutes) == 1


def test_specific_medium_length_quotes_beat_one_word_ones() -> None:
    quotes = select_quotes(POSITIVE, per_side=3)
    assert "Good" not in quotes["positive"]


def test_only_redacted_text_is_ever_returned() -> None:
    raw = Comment(
        text="Sarah Jones rang me on 07700 900123, she was brilliant", sentiment="positive"
    )
    stored = Comment(
        text="Sarah rang, she is brilliant",
        sentiment="positive",
        redacted="[name] rang, she is brilliant",
    )
    quotes = select_quotes([raw, stored], per_side=2)["positive"]
    assert quotes and all("Sarah" not in q and "07700" not in q for q in quotes)
    assert "[name] rang, she is brilliant" in quotes


def test_output_is_deterministic_whatever_the_input_order() -> None:
    pool = POSITIVE + CRITICAL + OTHER
    assert select_quotes(pool) == select_quotes(list(reversed(pool)))


def test_trim_cuts_at_a_sentence_end_with_an_ellipsis_only_when_cut() -> None:
    text = "The IRO was great. She listened to everyone. The minutes were late though, again."
    assert trim_quote(text, 200) == text
    assert trim_quote(text, 50) == f"The IRO was great. She listened to everyone. {ELLIPSIS}"
    assert trim_quote(text, 30) == f"The IRO was great. {ELLIPSIS}"


def test_trim_falls_back_to_a_word_boundary_for_one_long_sentence() -> None:
    text = "word " * 60
    trimmed = trim_quote(text, 40)
    assert len(trimmed) <= 40 and trimmed.endswith(ELLIPSIS) and "wor" + ELLIPSIS not in trimmed


def test_quotes_are_trimmed_to_max_chars() -> None:
    long = comment("Very good. " * 40, "positive", ("support",))
    (quote,) = select_quotes([long], per_side=1, max_chars=60)["positive"]
    assert len(quote) <= 60 and quote.endswith(ELLIPSIS)


def test_quotes_for_theme_prefer_specific_comments_and_mix_sentiments() -> None:
    pool = [
        comment("minutes", "neutral", ("minutes",)),
        comment(
            "The minutes arrived quickly and were written for my son.", "positive", ("minutes",)
        ),
        comment(
            "Still no minutes from the review in March, three months on.",
            "critical",
            ("minutes", "delay"),
        ),
        comment("Minutes late again", "critical", ("minutes", "delay")),
        comment("I like my school", "positive", ("education",)),
    ]
    quotes = quotes_for_theme(pool, "minutes", 2)
    assert quotes == [
        "Still no minutes from the review in March, three months on.",
        "The minutes arrived quickly and were written for my son.",
    ]


def test_no_comments_no_quotes() -> None:
    assert select_quotes([]) == {"positive": [], "critical": []}
    assert quotes_for_theme([], "minutes") == []
