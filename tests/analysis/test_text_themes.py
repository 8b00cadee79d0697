"""Theme lexicon: each theme catches its own comments, exceptions hold, order is stable."""

import pytest

from analysis.text.themes import THEMES, detect_themes, theme_descriptions

EXAMPLES = {
    "support": ["My PA is always there when I need her", "I need more help with money"],
    "being_heard": ["My IRO always listens to me", "My views were ignored again"],
    "worker_change": ["I have had 4 social workers this year", "Please dont change my IRO"],
    "minutes": ["The minutes take too long to arrive", "We never received the review record"],
    "communication": ["Nobody told me the review had moved", "She never answers her phone"],
    "information": ["I don't understand what a care plan is", "She explained everything"],
    "contact": ["I want more contact with my dad", "I miss my brothers"],
    "placement": ["I am happy where I live", "I have moved 6 times"],
    "education": ["I got excluded from school", "The PEP meeting was useful"],
    "review_arrangements": [
        "The meetings are boring and too long",
        "Too many people at my review",
    ],
    "delay": ["Still waiting for my passport", "The court process is dragging on"],
    "safety": ["I don't feel safe walking home", "I get bullied on the bus"],
    "relationship": ["I trust my IRO", "I've never met my IRO"],
    "professionalism": ["Very professional and well prepared", "The IRO was rude to my mum"],
    "challenge": ["The IRO challenged the council", "Escalated the delay appropriately"],
}


def test_every_theme_has_examples() -> None:
    assert set(EXAMPLES) == set(THEMES)


@pytest.mark.parametrize(
    ("theme", "text"), [(theme, text) for theme, texts in EXAMPLES.items() for text in texts]
)
def test_each_theme_lexicon_catches_its_examples(theme: str, text: str) -> None:
    assert theme in detect_themes(text)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("I waited 20 minutes for the taxi", "minutes"),
        ("It was changed at the last minute", "minutes"),
        ("my cat called Biscuit", "communication"),
        ("My foster mum is kind", "contact"),
        ("supported accommodation", "support"),
        ("I did my homework", "placement"),
        ("contact details for the IRO", "contact"),
        ("I went swimming lessons", "education"),
    ],
)
def test_exceptions_stop_a_phrase_counting(text: str, theme: str) -> None:
    assert theme not in detect_themes(text)


def test_themes_are_multi_label_in_report_order() -> None:
    themes = detect_themes("The minutes came late and nobody told me, I miss my mum")
    assert themes == ("minutes", "communication", "contact", "delay")
    assert list(themes) == sorted(themes, key=THEMES.index)


def test_text_speak_reaches_the_lexicon() -> None:
    assert detect_themes("sw never rings me back") == ("communication",)


def test_plain_chat_has_no_theme() -> None:
    assert detect_themes("football and my xbox") == ()


def test_every_theme_is_described_for_managers() -> None:
    descriptions = theme_descriptions()
    assert list(descriptions) == list(THEMES)
    assert all(descriptions.values())
