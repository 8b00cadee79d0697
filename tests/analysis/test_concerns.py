"""Concern detection: lexicon terms, negation, normalisation, languages, choices and quality.

A missed child at risk is far worse than a false alarm, so most cases here pin recall; the
negatives pin the safe phrasings that are common in this domain.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.concerns import (
    CATEGORIES,
    CHOICE_LANGUAGE,
    CONCERNS_VERSION,
    LANGUAGES,
    ConcernMatch,
    canonical_language,
    concerning_choices,
    detect_concerns,
    version_of,
)
from analysis.concerns.choices import parse_choice_rules
from analysis.concerns.evaluate import (
    DEFAULT_CSV,
    assign_independent_splits,
    assign_splits,
    load_examples,
    main,
    predictions,
    score,
)
from analysis.concerns.lexicon import LexiconError, lexicons, parse_lexicon
from analysis.concerns.normalise import ascii_tokens, fold, normalise, scripts_in, tokens


def categories(text: str, language: str | None = "en") -> set[str]:
    return {match.category for match in detect_concerns(text, language)}


# --- English, per category ------------------------------------------------------------------

ENGLISH_POSITIVES = [
    ("I don't feel safe", "unsafe"),
    ("not safe at my dads", "unsafe"),
    ("dont feel safe at home", "unsafe"),
    ("I never feel safe when he is here", "unsafe"),
    ("nowhere is safe", "unsafe"),
    ("I'm not sure I'm safe", "unsafe"),
    ("i dont know if im safe there", "unsafe"),
    ("I only sometimes feel safe", "unsafe"),
    ("I feel safe with my carer but not with my dad", "unsafe"),
    ("safe? no", "unsafe"),
    ("i feel unsafe", "unsafe"),
    ("I feel unsave at night", "unsafe"),
    ("There are safeguarding concerns about contact", "unsafe"),
    ("please help me", "unsafe"),
    ("he hits me", "harm"),
    ("sw hit me", "harm"),
    ("mums boyfriend hurt me", "harm"),
    ("someone touches me", "harm"),
    ("I get smacked", "harm"),
    ("they lock me in my room", "harm"),
    ("there is no food at my mums", "harm"),
    ("they never feed me", "harm"),
    ("he said it is our secret", "harm"),
    ("I want to kill myself", "self_harm"),
    ("i want 2 die", "self_harm"),
    ("cutting myself", "self_harm"),
    ("i wanna unalive myself", "self_harm"),
    ("kms", "self_harm"),
    ("I've had suicidal thoughts", "self_harm"),
    ("life is not worth living", "self_harm"),
    ("I ran away last week", "running_away"),
    ("I keep going missing", "running_away"),
    ("i stayed out all night", "running_away"),
    ("I don't come home till 3am", "running_away"),
    ("I'm scared of him", "scared"),
    ("im scard", "scared"),
    ("i am afriad of my uncle", "scared"),
    ("I'm frightened at night", "scared"),
    ("they make me sell stuff", "exploitation"),
    ("an older man gives me money", "exploitation"),
    ("county lines", "exploitation"),
    ("someone online asked me to send pics", "exploitation"),
    ("I get bullied at school", "bullying"),
    ("i am being bulied", "bullying"),
    ("they call me names", "bullying"),
    ("they told me to kys", "bullying"),
]


@pytest.mark.parametrize(("text", "category"), ENGLISH_POSITIVES)
def test_english_positive(text: str, category: str) -> None:
    assert category in categories(text)


ENGLISH_NEGATIVES = [
    "I feel safe here",
    "my carer keeps me safe",
    "Safeguarding was good",
    "the review was killing me with boredom",
    "I'm not scared anymore",
    "I go to running club",
    "I miss my mum",
    "I'm missing my family",
    "I hurt my ankle playing football",
    "I'm scared of spiders",
    "i got hit by a football in PE",
    "hit me up on snapchat",
    "She hit all her targets this term",
    "I need help with my homework",
    "He is at risk of exclusion from school",
    "I don't want to go back to my country",
    "I ran away from the war in my country",
    "The IRO was very good",
    "",
    "   ",
    "?!",
]


@pytest.mark.parametrize("text", ENGLISH_NEGATIVES)
def test_english_negative(text: str) -> None:
    assert detect_concerns(text, "en") == []


# --- English families of indirect phrasing (one or more examples per family) ---------------

ENGLISH_FAMILIES = [
    # harm verbs children use, and body-part / object patterns
    ("my step dad lays into me when hes had a drink", "harm"),
    ("she takes it out on me", "harm"),
    ("they belt me", "harm"),
    ("he used the belt on me last night", "harm"),
    ("he holds me down on the bed", "harm"),
    ("he puts his hand over my mouth", "harm"),
    ("he grabbed me by the throat", "harm"),
    ("she hit mum again", "harm"),
    ("he shouts till i cry", "harm"),
    ("i wear long sleeves so nobody sees", "harm"),
    # sexual harm described indirectly
    ("he puts his hand inside my pants", "harm"),
    ("he asked me to touch him", "harm"),
    ("he says if you loved me you would do it", "harm"),
    ("he stands over my bed at night", "harm"),
    ("he showed me porn", "harm"),
    ("we play a special game when mum is at work", "harm"),
    ("he touches my private bits", "harm"),
    ("he keeps trying to get me alone", "unsafe"),
    ("i dont like being on my own with him", "unsafe"),
    ("i dont like it when he baths me", "unsafe"),
    ("he makes me feel weird", "unsafe"),
    # neglect: food, care, being left
    ("there is never enough to eat at dads", "harm"),
    ("they lock the cupboards at night", "harm"),
    ("i go to school hungry", "harm"),
    ("he steals food from the other kids", "harm"),
    ("we get left on our own for days", "harm"),
    ("i have to look after my little brothers because mum is always out", "harm"),
    ("nobody ever picks me up from school", "harm"),
    ("they never wash my clothes", "harm"),
    ("nobody takes me to the doctor", "harm"),
    ("nobody feeds me", "harm"),
    ("they are not feeding him properly", "harm"),
    ("she wont let me have any dinner", "harm"),
    ("i sleep on the floor", "harm"),
    ("she tells me im unwanted", "harm"),
    # secrecy, threats, coaching, asking to talk
    ("if i ever tell anyone he said he would hurt my cat", "unsafe"),
    ("theyd kill my mum if i said anything", "unsafe"),
    ("i'm not supposed to say what goes on", "unsafe"),
    ("they told me to say im happy here", "unsafe"),
    ("keep your mouth shut he said", "unsafe"),
    ("can i talk to you privately", "unsafe"),
    ("theres something private i need to tell you", "unsafe"),
    ("please get me out of here", "unsafe"),
    # not wanting to go home; violence at home seen from outside
    ("i dont like staying at my dads", "unsafe"),
    ("police were called to our flat again", "unsafe"),
    ("I'm concerned about her welfare at home", "unsafe"),
    ("the young person disclosed that her uncle hit her", "unsafe"),
    ("i dont feel ok at home", "unsafe"),
    # self-harm, passive ideation, eating
    ("wats the point in living", "self_harm"),
    ("i can't cope any more", "self_harm"),
    ("i just want to sleep forever", "self_harm"),
    ("everyone would be happier without me", "self_harm"),
    ("i shouldnt be alive", "self_harm"),
    ("i wrote a goodbye note", "self_harm"),
    ("if they move me again ill end it", "self_harm"),
    ("i took a handful of pills", "self_harm"),
    ("i throw up after meals", "self_harm"),
    ("i havent eaten for 3 days", "self_harm"),
    ("i hate my body", "self_harm"),
    ("I don't eat so I don't get fat", "self_harm"),
    # one word per `|` position: these were written as phrases inside one position
    ("nobody would care", "self_harm"),
    ("no one would miss me", "self_harm"),
    ("I took loads of paracetamol", "self_harm"),
    ("I keep wanting to die", "self_harm"),
    # missing from home
    ("i climbed out my window last night", "running_away"),
    ("i was brought back by police at 4am", "running_away"),
    ("i walk the streets till late", "running_away"),
    ("i never tell my carer where i am", "running_away"),
    ("she has not been seen since friday", "running_away"),
    ("they reported him missing again", "running_away"),
    ("he did not return to placement last night", "running_away"),
    ("i sleep at different peoples houses", "running_away"),
    # fear shown rather than named
    ("i lock myself in the bathroom", "scared"),
    ("i sleep with my shoes on", "scared"),
    ("i hide behind the sofa when dad shouts", "scared"),
    ("my heart starts racing when i hear his voice", "scared"),
    ("i dread going to contact", "scared"),
    ("i push my bed against the door", "scared"),
    ("he has started wetting the bed again", "scared"),
    ("there is always shouting and fighting", "scared"),
    # exploitation: older partners, gifts, carrying, travelling
    ("he is about 19 and picks me up from school", "exploitation"),
    ("my boyfriend is 6 years older than me", "exploitation"),
    ("i do drops for my cousin", "exploitation"),
    ("i keep stuff in my socks for them", "exploitation"),
    ("they send me to other towns on the train", "exploitation"),
    ("she has a second phone we didn't know about", "exploitation"),
    ("he came back with a wad of cash", "exploitation"),
    ("a man at the takeaway gives me free vapes", "exploitation"),
    ("a man online pays me for pics", "exploitation"),
    ("he keeps asking me to meet him", "exploitation"),
    ("i carry bags for some older lads", "exploitation"),
    ("i stayed in a flat in another city for a week", "exploitation"),
    # bullying
    ("they make me hand over my dinner money", "bullying"),
    ("nobody sits with me at lunch", "bullying"),
    ("they say i stink", "bullying"),
    ("they call me the p word", "bullying"),
]


@pytest.mark.parametrize(("text", "category"), ENGLISH_FAMILIES)
def test_english_indirect_phrasing(text: str, category: str) -> None:
    assert category in categories(text)


ENGLISH_FAMILY_NEGATIVES = [
    "why cant i see my nan on my own",
    "I had a sex education lesson",
    "we learned about county lines in PSHE",
    "the police came into school to talk about knife crime",
    "my homework went missing",
    "I'm allowed to stay out till 10 on fridays",
    "I get angry sometimes but I have a punch bag",
    "my nan gives me money for my birthday",
    "I laughed until I cried",
    "I feel safe with my carers",
    "my carer takes me to the dentist",
    "I carry my PE kit to school",
    "my nan sends me presents",
    "I'm hungry, what's for tea",
]


@pytest.mark.parametrize("text", ENGLISH_FAMILY_NEGATIVES)
def test_english_indirect_phrasing_negative(text: str) -> None:
    assert detect_concerns(text, "en") == []


# --- negation, hedges, conditionals -----------------------------------------------------------

NEGATION = [
    ("nobody hurts me", False),
    ("no one has ever hurt me", False),
    ("I have never been hit", False),
    ("I'm not being bullied", False),
    ("nothing scares me", False),
    ("I don't feel unsafe", False),
    ("I've never run away", False),
    ("I don't want to run away, I like it here", False),
    ("nobody hurts me or shouts at me", False),
    ("My carer doesn't let me stay out late", False),
    ("If I ever feel unsafe I ring my IRO", False),
    ("if i dont feel safe i tell my carer", False),
    ("If anyone hurt me I would tell my teacher", False),
    ("No, I feel safe", False),
    ("no I feel safe", False),
    ("no he hits me", True),
    ("No one listens when I say he hits me", True),
    ("I can't tell anyone he hurts me", True),
    ("I can't stop cutting myself", True),
    ("He doesn't hit me anymore", True),  # a past disclosure still matters
    ("i dont self harm anymore", True),
    ("he no longer hits me", True),
    ("if he hits me again I will run away", True),
    ("if they move me I will kill myself", True),
    ("If they move me I will run away", True),
    ("I don't think I'm safe", True),
    ("I don't believe I am safe", True),
    ("they said if I don't do it they will hurt my family", True),
    ("I'm not sure if I'm safe", True),
    ("I'm not ok, I'm scared to go home", True),
    # A denial never hides a disclosure: an exception after it, a doubt, or self-harm.
    ("nobody hurts me except my dad", True),
    ("no one hits me apart from my brother", True),
    ("he doesn't hit me when mum is home", True),
    ("I dont think he would hurt me", True),
    ("I don't know if anyone would believe he hits me", True),
    ("I don't want to kill myself but I think about it", True),
    ("I have never self harmed", True),
    ("i'm not suicidal", True),
    # ... while plain denials, with a place between, still read as denials.
    ("nobody at school bullies me", False),
    ("no one in my family hurts me", False),
    ("nobody hurts me here", False),
    ("I'm not scared of anyone in my placement", False),
]


@pytest.mark.parametrize(("text", "concern"), NEGATION)
def test_negation_and_context(text: str, concern: bool) -> None:
    assert bool(detect_concerns(text, "en")) is concern


def test_the_term_quotes_the_negation_that_raised_it() -> None:
    assert detect_concerns("I don't feel safe at home", "en") == [
        ConcernMatch("unsafe", "en", "not feel safe")
    ]


def test_longer_match_replaces_the_shorter_one_inside_it() -> None:
    terms = [m.term for m in detect_concerns("i scratch my arms till they bleed", "en")]
    assert terms == ["scratch my arms"]


def test_matches_are_unique_and_in_reading_order() -> None:
    found = detect_concerns("he hits me, he hits me and I'm scared", "en")
    assert [(m.category, m.term) for m in found] == [("harm", "hits me"), ("scared", "scared")]


# --- other languages --------------------------------------------------------------------------

OTHER_POSITIVES = [
    ("ar", "لا أشعر بالأمان في البيت", "unsafe"),
    ("ar", "أبي يضربني", "harm"),
    ("ar", "أنا خائف", "scared"),
    ("ar", "فكرت في الانتحار", "self_harm"),
    ("ar", "هربت من البيت", "running_away"),
    ("ar", "يتنمرون علي في المدرسة", "bullying"),
    ("ar", "يبيعون مخدرات", "exploitation"),
    ("ps", "زه په کور کې خوندي نه یم", "unsafe"),
    ("ps", "زه ډارېږم", "scared"),
    ("ps", "غواړم مړ شم", "self_harm"),
    ("ps", "له کوره وتښتېدم", "running_away"),
    ("fa-AF", "احساس امنیت نمی‌کنم", "unsafe"),
    ("fa-AF", "از او می‌ترسم", "scared"),
    ("fa-AF", "مرا لت و کوب می‌کند", "harm"),
    ("fa-AF", "به خودکشی فکر می‌کنم", "self_harm"),
    ("fa-AF", "مرا مسخره می‌کنند", "bullying"),
    ("ckb", "هەست بە ئاسایش ناکەم", "unsafe"),
    ("ckb", "من دەترسم", "scared"),
    ("ckb", "بیر لە خۆکوشتن دەکەمەوە", "self_harm"),
    ("ti", "ውሑስ ኣይኮንኩን", "unsafe"),
    ("ti", "ፍርሒ ኣሎኒ", "scared"),
    ("ti", "ክሞት እደሊ", "self_harm"),
    ("vi", "Em không cảm thấy an toàn", "unsafe"),
    ("vi", "em bi danh", "harm"),
    ("vi", "Em bị đánh", "harm"),
    ("vi", "em muon chet", "self_harm"),
    ("vi", "em muốn tự tử", "self_harm"),
    ("vi", "em bị bắt nạt", "bullying"),
    ("sq", "Nuk ndihem i sigurt", "unsafe"),
    ("sq", "kam frike", "scared"),
    ("sq", "Babai më rrah", "harm"),
    ("sq", "dua te vdes", "self_harm"),
    ("sq", "Më detyrojnë të shes drogë", "exploitation"),
]


@pytest.mark.parametrize(("language", "text", "category"), OTHER_POSITIVES)
def test_other_language_positive(language: str, text: str, category: str) -> None:
    assert category in categories(text, language)


OTHER_NEGATIVES = [
    ("ar", "أشعر بالأمان مع عائلتي"),
    ("ar", "وهي تحبني كثيرا"),
    ("ps", "زه دلته خوندي یم"),
    ("ps", "زما کورنۍ ډېره مهربانه ده"),
    ("fa-AF", "اینجا احساس امنیت می‌کنم"),
    ("fa-AF", "خانواده‌ام مهربان هستند"),
    ("ckb", "لێرە هەست بە ئاسایش دەکەم"),
    ("ti", "ኣብዚ ውሑስ እየ"),
    ("vi", "Em cảm thấy an toàn ở đây"),
    ("vi", "em đi học từ từ cũng quen"),
    ("sq", "Ndihem i sigurt këtu"),
    ("sq", "Nuk jam i sigurt kur është takimi"),
]


@pytest.mark.parametrize(("language", "text"), OTHER_NEGATIVES)
def test_other_language_negative(language: str, text: str) -> None:
    assert detect_concerns(text, language) == []


OTHER_FAMILIES = [
    # Arabic (Levantine and standard), with Arabic-script variants typed either way
    ("ar", "بيدخل غرفتى بالليل", "harm"),  # comes into my room at night (alef maksura)
    ("ar", "بيدخل غرفتي بالليل", "harm"),
    ("ar", "يلمسنى لما ماما برا", "harm"),
    ("ar", "اذا حكيت لحدا بيقتلوني", "unsafe"),
    ("ar", "قال لا تخبر أحدا", "unsafe"),
    ("ar", "بحس انو الكل احسن بدوني", "self_harm"),
    ("ar", "جرحت نفسي", "self_harm"),
    ("ar", "ما في اكل بالبيت", "harm"),
    ("ar", "بتخبى بالحمام", "scared"),
    ("ar", "بيعطيني مصاري رجل كبير", "exploitation"),
    ("ar", "صاحبي عمره ٣٠", "exploitation"),  # Arabic-Indic digits
    ("ar", "بيقولولي روح على بلدك", "bullying"),
    # Pashto
    ("ps", "که چا ته ووایې نو وژني مې", "unsafe"),
    ("ps", "زما کوټې ته د شپې راځي", "harm"),
    ("ps", "زه پټېږم", "scared"),
    ("ps", "پیسې راکوي", "exploitation"),
    # Dari, with the half-space typed, left out, or as a space
    ("fa-AF", "اگر به کسی بگویم مرا میکشند", "unsafe"),
    ("fa-AF", "شبها به اتاقم می آید", "harm"),
    ("fa-AF", "شب‌ها به اتاقم می‌آید", "harm"),
    ("fa-AF", "خودم را زخمی می‌کنم", "self_harm"),
    ("fa-AF", "طاقت ندارم", "self_harm"),
    ("fa-AF", "زیر تخت پنهان میشوم", "scared"),
    ("fa-AF", "بسته‌ها را به شهر دیگر می‌برم", "exploitation"),
    # Sorani
    ("ckb", "ئەگەر بڵێم دەمکوژن", "unsafe"),
    ("ckb", "دێتە ژوورم", "harm"),
    ("ckb", "خۆم دەشارمەوە", "scared"),
    ("ckb", "پارە و دیاری پێدەدات", "exploitation"),
    # Tigrinya
    ("ti", "እንተ ነጊረ ይቐትሉኒ", "unsafe"),
    ("ti", "ንዝኾነ ሰብ ከይትነግር ኢሉኒ", "unsafe"),
    ("ti", "ኣብ ትሕቲ ዓራት እሕባእ", "scared"),
    ("ti", "ናብ ገዛ ክምለስ ኣይደልን", "unsafe"),
    # Vietnamese, with and without diacritics
    ("vi", "chú ấy vào phòng con", "harm"),
    ("vi", "chu ay vao phong con", "harm"),
    ("vi", "nếu con kể với ai họ sẽ đánh con", "unsafe"),
    ("vi", "neu con ke voi ai", "unsafe"),
    ("vi", "dung noi voi ai", "unsafe"),
    ("vi", "con trốn dưới gầm giường", "scared"),
    ("vi", "con tron duoi gam giuong", "scared"),
    ("vi", "con khong muon ve nha", "unsafe"),
    ("vi", "mọi người sẽ tốt hơn nếu không có con", "self_harm"),
    ("vi", "moi nguoi se tot hon neu khong co con", "self_harm"),
    ("vi", "con rach tay", "self_harm"),
    ("vi", "ông ấy cho con tiền", "exploitation"),
    ("vi", "con phai cho hang di thanh pho khac", "exploitation"),
    # Albanian, with and without ë and ç
    ("sq", "vjen në dhomën time natën", "harm"),
    ("sq", "ai vjen ne dhomen time naten", "harm"),
    ("sq", "mos i thuaj askujt", "unsafe"),
    ("sq", "nese i tregoj dikujt do me vrasin", "unsafe"),
    ("sq", "fshihem nën krevat", "scared"),
    ("sq", "fshihem nen krevat", "scared"),
    ("sq", "me mire pa mua", "self_harm"),
    ("sq", "nje burre i madh me jep para", "exploitation"),
    ("sq", "më detyrojnë të çoj pako në qytete të tjera", "exploitation"),
    ("sq", "me detyrojne te coj pako ne qytete te tjera", "exploitation"),
    ("sq", "nuk dua te kthehem ne shtepi", "unsafe"),
]


@pytest.mark.parametrize(("language", "text", "category"), OTHER_FAMILIES)
def test_other_language_indirect_phrasing(language: str, text: str, category: str) -> None:
    assert category in categories(text, language)


OTHER_FAMILY_NEGATIVES = [
    ("ar", "بخاف من العناكب"),  # afraid of spiders
    ("ar", "شفنا فيلم رعب"),  # we watched a horror film
    ("fa-AF", "از عنکبوت می‌ترسم"),  # read by the Pashto and Sorani lexicons too
    ("ckb", "لە جاڵجاڵۆکە دەترسم"),
    ("ps", "له جولاګو ډارېږم"),
    ("ti", "ካብ ሳሬት እፈርሕ"),
    ("sq", "kam frikë nga merimangat"),
    ("sq", "kam frike nga qente"),
]


@pytest.mark.parametrize(("language", "text"), OTHER_FAMILY_NEGATIVES)
def test_other_language_indirect_phrasing_negative(language: str, text: str) -> None:
    assert detect_concerns(text, language) == []


def test_english_is_read_on_every_form() -> None:
    assert detect_concerns("he hits me", "ar") == [ConcernMatch("harm", "en", "hits me")]


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("از ناپدری‌ام می‌ترسم", {"ps", "fa-AF", "ckb"}),  # Dari, script shared with Pashto
        ("ኣብ ገዛ ሓደጋ ኣሎ", {"ti"}),
        ("em bị đánh", {"vi"}),  # Vietnamese letters
        ("Ndihem e pasigurt në shtëpi", {"sq"}),  # Albanian ë
    ],
)
def test_another_language_on_an_english_form_is_read_too(text: str, languages: set[str]) -> None:
    assert {m.language for m in detect_concerns(text, "en")} & languages


def test_unaccented_vietnamese_needs_the_form_language_or_none() -> None:
    assert detect_concerns("em bi danh", "en") == []
    assert categories("em bi danh", "vi") == {"harm"}
    assert categories("em bi danh", None) == {"harm"}


def test_shared_words_are_reported_once() -> None:
    assert len(detect_concerns("می‌ترسم", "fa-AF")) == 1


@pytest.mark.parametrize(
    ("given", "expected"),
    [("fa", "fa-AF"), ("FA-af", "fa-AF"), ("ar-SA", "ar"), ("en_GB", "en"), ("xx", None)],
)
def test_language_codes_are_understood(given: str, expected: str | None) -> None:
    assert canonical_language(given) == expected


def test_an_unknown_language_reads_with_every_lexicon() -> None:
    assert categories("em bi danh", "fr") == {"harm"}


# --- normalisation ----------------------------------------------------------------------------


def prepared(text: str) -> list[str]:
    return tokens(fold(normalise(text)))


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("يضربني", "یضربنی"),  # Arabic yeh -> Persian yeh
        ("كتك", "کتک"),  # Arabic kaf -> Persian kaf
        ("أمـــان", "امان"),  # tatweel and hamza seat
        ("أَمَانٌ", "امان"),  # harakat
        ("می‌ترسم", "میترسم"),  # zero-width non-joiner
        ("ئازار", "یازار"),  # Sorani hamza seat
        ("هەڵاتم", "ههلاتم"),  # Sorani ە and ڵ
        ("ګواښ", "گواښ"),  # Pashto gaf
        ("ሓደጋ", "ሃደጋ"),  # Ethiopic ሐ series read as ሀ series, same vowel
        ("bị đánh", "bi danh"),  # Vietnamese diacritics and đ
        ("frikë çdo", "frike cdo"),  # Albanian ë and ç
        ("DON’T", "dont"),  # case and curly apostrophe
        ("self-harm", "self harm"),
        ("ｓａｆｅ", "safe"),  # full-width letters (NFKC)
    ],
)
def test_normalisation_unifies_variants(variant: str, plain: str) -> None:
    assert prepared(variant) == prepared(plain)


def test_punctuation_of_every_script_ends_a_clause() -> None:
    assert prepared("a، b؟ c። d") == ["a", ".", "b", "?", "c", ".", "d"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("he hits me", {"latin"}), ("يضربني", {"arabic"}), ("ሓደጋ", {"ethiopic"})],
)
def test_scripts_are_recognised(text: str, expected: set[str]) -> None:
    assert scripts_in(text) == expected


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
@settings(max_examples=300)
def test_ascii_fast_path_matches_the_general_path(text: str) -> None:
    assert ascii_tokens(text) == prepared(text)


@given(st.text(max_size=80), st.sampled_from([None, *LANGUAGES]))
@settings(max_examples=200, deadline=None)  # the first call compiles every lexicon (~0.2 s)
def test_any_text_gives_known_categories(text: str, language: str | None) -> None:
    for match in detect_concerns(text, language):
        assert match.category in CATEGORIES
        assert match.language in LANGUAGES


@pytest.mark.parametrize(
    "variant", ["I don’t feel safe", "i dont feel safe", "I DO NOT FEEL SAFE", "i don´t feel safe"]
)
def test_spelling_variants_give_the_same_answer(variant: str) -> None:
    assert categories(variant) == {"unsafe"}


@pytest.mark.parametrize("word", ["shared", "cared", "sacked", "bullet"])
def test_typo_tolerance_does_not_reach_ordinary_words(word: str) -> None:
    assert detect_concerns(f"I {word} it", "en") == []


# --- choices ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"feel_safe": "no"}, [("unsafe", "feel_safe", "no")]),
        ({"feel_safe": "not_sure"}, [("unsafe", "feel_safe", "not_sure")]),
        ({"feel_safe": " No "}, [("unsafe", "feel_safe", "no")]),
        ({"feel_safe": "yes"}, []),
        ({"feel_about_home": "worried"}, [("unsafe", "feel_about_home", "worried")]),
        ({"feelings_most_of_time": "worried"}, [("scared", "feelings_most_of_time", "worried")]),
        ({"feelings_most_of_time": "sad", "feel_about_home": "angry"}, []),
        ({"school_going": "worried"}, []),
        ({"feel_safe": None, "talk_about": "he hits me"}, []),
        ({"feel_safe": ["yes", "no"]}, [("unsafe", "feel_safe", "no")]),
    ],
)
def test_choice_rules(answers: dict, expected: list[tuple[str, str, str]]) -> None:
    found = concerning_choices(answers)
    assert [(m.category, m.question_key, m.term) for m in found] == expected
    assert all(m.language == CHOICE_LANGUAGE for m in found)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"rules": {"feel_safe": {"no": "danger"}}},
        {"rules": {"feel_safe": {False: "unsafe"}}},  # a bare YAML no
        {"rules": {"feel_safe": "unsafe"}},
    ],
)
def test_broken_choice_rules_are_refused(data: dict) -> None:
    with pytest.raises(ValueError, match="choice rules"):
        parse_choice_rules(data)


# --- the match, the lexicon files and the version --------------------------------------------


def test_a_match_is_a_frozen_value() -> None:
    match = detect_concerns("he hits me", "en")[0]
    assert match.question_key is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.category = "scared"  # type: ignore[misc]
    assert dataclasses.replace(match, question_key="talk_about").question_key == "talk_about"


def test_every_platform_language_has_a_lexicon() -> None:
    loaded = lexicons()
    assert list(loaded) == list(LANGUAGES)
    assert {lexicon.status for lexicon in loaded.values()} <= {"draft", "reviewed"}


def minimal_lexicon(**changes: object) -> dict:
    data: dict = {
        "language": "xx",
        "name": "Test",
        "script": "latin",
        "status": "draft",
        "categories": {"scared": {"terms": ["scared"]}},
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"categories": {"danger": {"terms": ["x"]}}}, "unknown category"),
        ({"categories": {"scared": {"terms": ["sc*ared"]}}}, "bad use of"),
        ({"categories": {"scared": {"terms": ["scared", "scared"]}}}, "listed twice"),
        ({"spellings": {"im": "i am"}, "categories": {"scared": {"terms": ["im scared"]}}}, "im"),
        ({"spellings": {"nah": False}}, "quote the spelling"),
        ({"accents_required": ["sợ"]}, "accents_required"),
        ({"script": "cyrillic"}, "script"),
        ({"colour": "red"}, "unknown keys"),
        ({"negation": {"negators": ["no one"]}}, "single word"),
    ],
)
def test_broken_lexicons_are_refused(changes: dict, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(minimal_lexicon(**changes), "xx.yaml")


def test_version_is_stable_and_follows_content(tmp_path: Path) -> None:
    assert CONCERNS_VERSION.startswith("concerns-")
    lexicon = tmp_path / "en.yaml"
    lexicon.write_text("a: 1\n", encoding="utf-8")
    before = version_of([lexicon])
    assert version_of([lexicon]) == before
    lexicon.write_text("a: 2\n", encoding="utf-8")
    assert version_of([lexicon]) != before


# --- the labelled comments and the quality floor ---------------------------------------------

EXAMPLES = load_examples(DEFAULT_CSV)


def test_labelled_comments_cover_every_language() -> None:
    assert len(EXAMPLES) >= 250
    assert len({e.id for e in EXAMPLES}) == len(EXAMPLES)
    counts = Counter((e.language, e.concern) for e in EXAMPLES)
    for language in LANGUAGES:
        assert counts[(language, True)] >= 8, language
        assert counts[(language, False)] >= 8, language
    for example in EXAMPLES:
        assert example.concern == bool(example.categories), example.id
        assert set(example.categories) <= set(CATEGORIES), example.id


def test_split_is_the_one_fixed_before_tuning() -> None:
    assert assign_splits(EXAMPLES) == {e.id: e.split for e in EXAMPLES}
    share = sum(e.split == "test" for e in EXAMPLES) / len(EXAMPLES)
    assert 0.28 <= share <= 0.32


def test_recall_on_the_test_split_is_at_least_095() -> None:
    test = [e for e in EXAMPLES if e.split == "test"]
    scores = score(test, predictions(test))
    assert scores.recall >= 0.95, f"recall {scores.recall:.3f}"


def test_evaluate_command_reports_both_splits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "split=dev" in out
    assert "split=test" in out
    assert CONCERNS_VERSION in out


def test_evaluate_command_reads_the_fresh_rounds(capsys: pytest.CaptureFixture[str]) -> None:
    fresh = DEFAULT_CSV.with_name("concerns_fresh.csv")
    assert main(["--csv", str(fresh), "--split", "fresh4"]) == 0
    assert "split=fresh4" in capsys.readouterr().out
    assert main(["--csv", str(fresh), "--split", "test"]) == 2


def test_evaluate_command_refuses_a_tampered_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = DEFAULT_CSV.read_text(encoding="utf-8").splitlines()
    flipped = lines[1].rsplit(",", 1)[0] + ("," + ("dev" if lines[1].endswith("test") else "test"))
    tampered = tmp_path / "tampered.csv"
    tampered.write_text("\n".join([lines[0], flipped, *lines[2:]]) + "\n", encoding="utf-8")
    assert main(["--csv", str(tampered)]) == 2
    assert "differs from the seeded split" in capsys.readouterr().out


# --- The independent set (tests/data/concerns_independent.csv) ------------------------------

INDEPENDENT_CSV = DEFAULT_CSV.with_name("concerns_independent.csv")


def test_independent_set_is_labelled_and_split_as_committed() -> None:
    examples = load_examples(INDEPENDENT_CSV)
    assert len({e.id for e in examples}) == len(examples)
    counts = Counter((e.language, e.concern) for e in examples)
    assert counts[("en", True)] + counts[("en", False)] >= 400
    for language in LANGUAGES:
        if language != "en":
            assert counts[(language, True)] >= 15, language
            assert counts[(language, False)] >= 15, language
    for example in examples:
        assert example.concern == bool(example.categories), example.id
        assert set(example.categories) <= set(CATEGORIES), example.id
    assert assign_independent_splits(examples) == {e.id: e.split for e in examples}


def test_evaluate_command_reads_the_independent_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data", str(INDEPENDENT_CSV), "--split", "tune"]) == 0
    assert "split=tune" in capsys.readouterr().out
    lines = INDEPENDENT_CSV.read_text(encoding="utf-8").splitlines()
    head, split = lines[1].rsplit(",", 1)
    tampered = tmp_path / "tampered.csv"
    flipped = head + "," + ("tune" if split == "holdout" else "holdout")
    tampered.write_text("\n".join([lines[0], flipped, *lines[2:]]) + "\n", encoding="utf-8")
    assert main(["--data", str(tampered)]) == 2
