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


#: Common phrasings the first lexicon missed, found on the tune half of the independent set
#: and written here in other words.
PHRASINGS = [
    ("She never gave up on him", "support"),
    ("Always available when we needed advice", "support"),
    ("I picked where we had the meeting", "being_heard"),
    ("Good at engaging the child in his plan", "being_heard"),
    ("The school's contribution was valued", "being_heard"),
    ("She has been with us since the start", "worker_change"),
    ("The IRO changes all the time", "worker_change"),
    ("We were given plenty of notice", "communication"),
    ("Moved without any warning", "communication"),
    ("Gave a clear steer on permanence", "information"),
    ("Nobody will tell me why", "information"),
    ("My boyfriend isn't allowed round", "contact"),
    ("I want my kids back", "contact"),
    ("I want to stay with them till I'm 18", "placement"),
    ("Reviews in the school holidays are hard to get to", "review_arrangements"),
    ("There was no interpreter for mum", "review_arrangements"),
    ("The review ran over by an hour", "review_arrangements"),
    ("Would like the minutes sooner", "delay"),
    ("They came two weeks late", "delay"),
    ("An older boy hit me", "safety"),
    ("I want to see you on my own", "relationship"),
    ("It feels like I'm just a number", "relationship"),
    ("She made me feel like a bad parent", "professionalism"),
    ("The IRO seems to side with the social worker", "professionalism"),
    ("The IRO just goes along with the local authority", "challenge"),
    ("Made sure the safety plan was updated", "challenge"),
    ("She always makes sure I'm OK", "support"),
    ("I didn't know I could come to my review", "review_arrangements"),
    ("Nobody tells me what's going on", "information"),
    ("I hate having reviews", "review_arrangements"),
    ("I don't see my social worker enough", "relationship"),
    ("She always chases things up", "challenge"),
    ("i dont want to go to contact no more", "contact"),
    ("its good here", "placement"),
    ("i have no one to talk to", "support"),
    ("Thanks for coming to my graduation", "relationship"),
    ("She makes sure things happen", "challenge"),
    ("The IRO was fair", "professionalism"),
    ("Responsive to emails", "communication"),
    ("Her knowledge of the child was evident", "relationship"),
]


@pytest.mark.parametrize(("text", "theme"), PHRASINGS)
def test_common_phrasings_reach_their_theme(text: str, theme: str) -> None:
    assert theme in detect_themes(text)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("I see my IRO once every 6 months", "delay"),
        ("Helpful challenge at the review", "support"),
        ("She rang my mum", "communication"),
        ("When can I have my phone back", "communication"),
        ("I felt valued as a carer", "placement"),
        ("I can go to my friend's house after school", "placement"),
        ("Got things moving at last", "placement"),
        ("Can the review be after school", "education"),
        ("Learning to drive", "education"),
        ("Thank you for supporting our family", "contact"),
        ("It took forever", "placement"),
        ("She felt safe to share her worries", "safety"),
        ("There has been drift in the plan", "challenge"),
        ("Minutes arrived after the next review", "review_arrangements"),
        ("I'd like my meeting at home", "placement"),
        ("Good at her job", "education"),
        ("I would like to chair my own review", "professionalism"),
        ("Moving the plan forward", "placement"),
        ("I think the IRO does a good job", "education"),
        ("She has a good understanding of the case", "information"),
    ],
)
def test_words_used_in_another_sense_do_not_count(text: str, theme: str) -> None:
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
