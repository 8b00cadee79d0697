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
        ("Nothing comes to mind", "comments_improve", NEUTRAL),
        ("See previous comments", "comments_improve", NEUTRAL),
        ("As previously stated", "what_could_be_better", NEUTRAL),
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


@pytest.mark.parametrize(
    "text",
    [
        "my IRO is good, my placement not so much",
        "I like school but not lunch time",
        "She listened, but the social worker didn't",
        "The IRO was good, the social worker less so",
    ],
)
def test_a_negator_with_its_object_left_out_takes_back_the_praise(text: str) -> None:
    check(text, MIXED)


def test_an_elided_negator_after_lukewarm_words_is_a_complaint() -> None:
    check("Meeting fine, minutes not", CRITICAL)


@pytest.mark.parametrize(
    "text",
    [
        "Brilliant, the minutes arrived a week after the next review",
        "oh yeah great, another new social worker",
    ],
)
def test_a_lone_cheer_before_a_complaint_is_sarcasm(text: str) -> None:
    check(text, CRITICAL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Great IRO, always listens", POSITIVE),
        ("Brilliant, she always rings me back", POSITIVE),
        ("Excellent, although the minutes were late", MIXED),
    ],
)
def test_sincere_cheers_still_count(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", ["I want a puppy", "I want to go to Disneyland"])
def test_a_wish_about_nothing_the_care_plan_decides_is_neutral(text: str) -> None:
    check(text, NEUTRAL)


@pytest.mark.parametrize(
    "text", ["I want to see my dad", "I would like my reviews after school", "I want to go home"]
)
def test_a_wish_about_care_stays_critical(text: str) -> None:
    check(text, CRITICAL)


@pytest.mark.parametrize(
    "text",
    [
        "She kept me updated even when the news wasn't good",
        "Very supportive, even though it's hard for me",
        "they never gave up on me even when I was hard work",
    ],
)
def test_what_follows_even_when_is_background_not_complaint(text: str) -> None:
    check(text, POSITIVE)


@pytest.mark.parametrize("text", ["not bad considering", "can't complain", "not bad tbh"])
def test_faint_praise_is_positive(text: str) -> None:
    check(text, POSITIVE)


def test_faint_praise_beside_a_complaint_is_critical() -> None:
    check("not bad but the minutes are late", CRITICAL)


@pytest.mark.parametrize(
    "text",
    [
        "I don't know why I can't go home",
        "Nobody said I'm not allowed to see my friends but I'm not allowed",
    ],
)
def test_a_phrase_that_is_negative_already_is_not_negated_again(text: str) -> None:
    check(text, CRITICAL)


@pytest.mark.parametrize(
    "text",
    [
        "Why does my son have to move again?",
        "Why are reviews always in the school holidays?",
        "It may be helpful for the IRO to clarify actions at the end of the meeting",
        "Would benefit from more consistent IRO allocation",
        "The IRO could perhaps consider meeting the young person first",
        "The IRO changed three times this year",
        "Took 9 months to get my son back into school",
        "Review paperwork is lengthy and repetitive",
        "someone hit me at school",
        "Sometimes the IRO seems to side with the birth family",
        "The IRO just agrees with whatever the social worker says",
        "my sw dosnt come wen she says",
    ],
)
def test_objecting_questions_hedges_and_plain_complaints_are_critical(text: str) -> None:
    check(text, CRITICAL)


@pytest.mark.parametrize(
    "text",
    [
        "I like my teacher Miss Begum",
        "I have lots of friends at my new school",
        "I can ring my mum on Sundays",
        "I chose where my review was",
        "Ive stopped going missing and I'm back at school",
        "Not having to change school when I moved placement",
        "Someone to talk to when things went wrong",
        "The review was chaired well",
        "Good at engaging the young person, who usually refuses to attend",
        "I can see my mum whenever I want",
    ],
)
def test_everyday_ways_of_saying_things_are_good(text: str) -> None:
    check(text, POSITIVE)


@pytest.mark.parametrize(
    "text",
    ["Can you explain what a care order means", "Moving to independence and what support I get"],
)
def test_questions_asking_only_for_information_are_neutral(text: str) -> None:
    check(text, NEUTRAL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We haven't had any problems", POSITIVE),
        ("I didn't understand the big words", CRITICAL),
        ("I don't feel the IRO knows my son", CRITICAL),
    ],
)
def test_only_light_verbs_hand_a_negation_on(text: str, expected: str) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "The IRO has not always been available for consultation",
        "Minutes are not always timely",
        "No one returns my calls",
        "I feel the IRO could challenge the local authority more",
        "I don't like talking in front of lots of people",
    ],
)
def test_partial_negation_hedged_wishes_and_dislikes_are_critical(text: str) -> None:
    check(text, CRITICAL)


@pytest.mark.parametrize(
    "text",
    [
        "Couldn't have asked for a better IRO",
        "The IRO picked up on issues that had been missed",
        "Consistent IRO who knows the family well",
    ],
)
def test_professional_praise_is_positive(text: str) -> None:
    check(text, POSITIVE)


@pytest.mark.parametrize(
    "text",
    [
        "The IRO made sure school were doing what they should for her",
        "Nothing could be better",
        "The review took place on Teams which worked well for us",
        "The IRO sent the minutes within a week",
        "The IRO held the council to account over my son's education",
        "The IRO always chases things up",
    ],
)
def test_what_was_put_right_and_what_worked_is_positive(text: str) -> None:
    check(text, POSITIVE)


@pytest.mark.parametrize(
    "text",
    [
        "Just let me see my brother",
        "Reviews feel like a tick box exercise",
        "Review was rescheduled three times",
        "Meetings are ok but they go on forever",
        "My IRO doesn't really do anything",
        "Being in care is hard",
    ],
)
def test_more_everyday_complaints_are_critical(text: str) -> None:
    check(text, CRITICAL)


@pytest.mark.parametrize(
    "text", ["my foster carer is nice but strict", "The IRO was helpful but I don't agree"]
)
def test_praise_with_a_reservation_is_mixed(text: str) -> None:
    check(text, MIXED)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The foster carer was not invited to the professionals meeting", CRITICAL),
        ("The IRO has not responded to my emails", CRITICAL),
        ("I've asked for help so many times and got nothing", CRITICAL),
        ("the carers feel unsupported by the local authority", CRITICAL),
        ("the iro helped me understand why i couldnt live with my mum", POSITIVE),
        ("The IRO is always willing to discuss concerns", POSITIVE),
    ],
)
def test_nouns_for_people_are_not_praise_and_put_right_problems_are_not_complaints(
    text: str, expected: str
) -> None:
    check(text, expected)
