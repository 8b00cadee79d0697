"""Remove what could identify a child from free text before it is quoted in a report.

Replaces personal names (the ones the caller knows and the ones the text gives away),
initials, phone numbers, emails, postcodes, street addresses and school names with bracketed
placeholders, and keeps everything else exactly as written: the sector's acronyms, ordinary
capitalised words, months and festivals. A leaked name is worse than an over-cautious
placeholder, so doubtful capitalised words are redacted; the rules live in
``lexicons/redaction.yaml`` and the word lists beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from analysis.text.lexicons import load_yaml
from analysis.text.tokenize import sentence_spans
from analysis.text.vocabulary import (
    first_names,
    fold,
    is_acronym,
    is_keep_word,
    is_ordinary,
    keep_phrases,
    looks_misspelt,
)

NAME = "[name]"
INITIALS = "[initials]"
PHONE = "[phone]"
EMAIL = "[email]"
POSTCODE = "[postcode]"
ADDRESS = "[address]"
SCHOOL = "[school]"
#: Every placeholder ``redact`` writes.
PLACEHOLDERS = (NAME, INITIALS, PHONE, EMAIL, POSTCODE, ADDRESS, SCHOOL)

_EMAIL_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE_RE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_.]{2,30}")
_PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(0|0)\d(?:[\s.\-]?\)?[\s.\-]?\d){8,10}(?!\d)"
)
_POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_DOTTED_INITIALS_RE = re.compile(
    r"(?<![\w.])(?:[A-Z]\.\s?){1,3}[A-Z](?![\w'’])\.?|"
    r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?!\w)"
)
_CAPS_INITIALS_RE = re.compile(r"(?<![\w'’.-])([A-Z]{2,3})(?=['’]s\b|[^\w'’-]|$)")
_SINGLE_INITIAL_RE = re.compile(r"(?<![\w'’.-])[B-HJ-Z](?=['’]s\b)")
# A lone capital between words that name people: "T.J. and K went", "me and J".
_LONE_INITIAL_RE = re.compile(
    r"(?:\b(?:and|with|to|for|from|called|told|me|&)\s+)([B-HJ-Z])(?=\s*(?:$|[,.!?]|\s+(?:and|"
    r"is|was|has|had|said|says|came|comes|went|goes|lives|will|would|can|could|&)\b))"
)
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_WORDISH_RE = re.compile(r"[A-Za-z][\w'’-]*\.?|&")
_POSSESSIVE = ("'s", "\u2019s")


@dataclass(frozen=True, slots=True)
class _Span:
    """A stretch of the text to replace with a placeholder."""

    start: int
    end: int
    placeholder: str


@dataclass(frozen=True)
class _Rules:
    """redaction.yaml and the word lists, compiled once."""

    titles: frozenset[str]
    cues: frozenset[tuple[str, ...]]
    cue_endings: frozenset[str]
    longest_cue: int
    followers: frozenset[str]
    ambiguous_names: frozenset[str]
    names: frozenset[str]
    shouted: frozenset[str]
    numbered_address: re.Pattern[str]
    unit_address: re.Pattern[str]
    named_street: re.Pattern[str]
    address_cue: re.Pattern[str]
    school_words: frozenset[str]
    school_word: re.Pattern[str]
    school_qualifiers: tuple[tuple[str, ...], ...]
    generic_school: frozenset[str]
    normalised_spellings: frozenset[str]
    keep_phrase: re.Pattern[str] | None


def _alternation(words: Iterable[str]) -> str:
    """Build a regex alternation, longest first, spaces matching any run of space."""
    ordered = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@cache
def _rules() -> _Rules:
    """Compile redaction.yaml and the word lists on first use."""
    data = load_yaml("redaction.yaml")
    suffixes = _alternation(data["street_suffixes"])
    named = _alternation(s.capitalize() for s in data["named_street_suffixes"])
    units = _alternation(data["unit_words"])
    spellings = load_yaml("normalise.yaml")
    phrases = keep_phrases()
    return _Rules(
        titles=frozenset(data["titles"]),
        cues=frozenset(tuple(str(c).split()) for c in data["cues"]),
        cue_endings=frozenset(str(c).split()[-1] for c in data["cues"]),
        longest_cue=max(len(str(c).split()) for c in data["cues"]),
        followers=frozenset(str(w) for w in data["subject_followers"]),
        ambiguous_names=frozenset(str(w) for w in data["names_that_are_words"]),
        names=first_names() | frozenset(str(w) for w in data["names_that_are_words"]),
        shouted=frozenset(str(w) for w in data["shouted_short_words"]),
        numbered_address=re.compile(
            rf"(?:\b(?:{units})\s+\d+[a-z]?\s*,?\s*)?\b\d{{1,4}}[a-z]?\b,?\s+"
            rf"((?:[A-Za-z'’-]+\s+){{0,3}}?)(?:{suffixes})\b\.?",
            re.IGNORECASE,
        ),
        unit_address=re.compile(r"\b(?:flat|apartment|apt)\s+\d+[a-z]?\b", re.IGNORECASE),
        named_street=re.compile(rf"\b(?:[A-Z][a-z'’]+\s+){{1,2}}(?:{named})\b"),
        address_cue=re.compile(rf"(?:{_alternation(data['address_cues'])})\s*$", re.IGNORECASE),
        school_words=frozenset(str(w) for w in data["school_words"] if " " not in str(w)),
        school_word=re.compile(
            rf"\b(?:{_alternation(w for w in data['school_words'] if ' ' not in str(w))})\b",
            re.IGNORECASE,
        ),
        school_qualifiers=tuple(
            sorted(
                (tuple(str(q).split()) for q in data["school_qualifiers"]), key=len, reverse=True
            )
        ),
        generic_school=frozenset(str(w) for w in data["generic_school_words"]),
        normalised_spellings=frozenset(
            str(k)
            for section in ("text_speak", "misspellings")
            for k in (spellings.get(section) or {})
        ),
        keep_phrase=(
            re.compile(rf"\b(?:{_alternation(phrases)})\b", re.IGNORECASE) if phrases else None
        ),
    )


def redact(text: str, names: Iterable[str] = ()) -> str:
    """Return ``text`` with names, initials and contact details replaced by placeholders.

    ``names`` are the people the caller knows about (the child, carers, workers): each full
    name and each part of it is removed wherever it appears, in any case, possessives too.
    Other names are found from the text itself.
    """
    if not text:
        return text
    rules = _rules()
    spans: list[_Span] = []
    spans += [_Span(m.start(), m.end(), EMAIL) for m in _EMAIL_RE.finditer(text)]
    spans += [_Span(m.start(), m.end(), NAME) for m in _HANDLE_RE.finditer(text)]
    spans += _phones(text)
    spans += [_Span(m.start(), m.end(), POSTCODE) for m in _POSTCODE_RE.finditer(text)]
    spans += _addresses(text, rules)
    spans += _schools(text, rules)
    shouting = _is_shouting(text)
    spans += _initials(text, rules, shouting)
    spans += _names(text, _given_parts(tuple(names)), rules, spans, shouting)
    return _apply(text, spans)


@lru_cache(maxsize=1024)
def _given_parts(names: tuple[str, ...]) -> frozenset[str]:
    """Split the caller's names into folded parts: "Mary-Jane O'Neil" gives five."""
    parts: set[str] = set()
    for name in names:
        for part in _TOKEN_RE.findall(name):
            folded = fold(part)
            parts.add(folded)
            parts.update(p for p in re.split(r"['-]", folded) if len(p) >= 3)
    return frozenset(p for p in parts if len(p) >= 2)


def _phones(text: str) -> list[_Span]:
    """Find UK phone numbers (mobile, landline, +44), spaced or not."""
    spans = []
    for match in _PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if digits.startswith("0044"):
            digits = digits[2:]
        if digits.startswith("44"):
            digits = "0" + digits[2:].removeprefix("0")
        if 10 <= len(digits) <= 11 and digits[1] in "123789":
            spans.append(_Span(match.start(), match.end(), PHONE))
    return spans


def _addresses(text: str, rules: _Rules) -> list[_Span]:
    """Find street addresses: numbered ("12 Oak Road"), flats, and capitalised street names."""
    spans = []
    for match in rules.numbered_address.finditer(text):
        street = match.group(1).split()
        capitalised = all(w[0].isupper() for w in street)
        cue = rules.address_cue.search(text[: match.start()])
        if street and (capitalised or cue):
            spans.append(_Span(match.start(), match.end(), ADDRESS))
    spans += [_Span(m.start(), m.end(), ADDRESS) for m in rules.unit_address.finditer(text)]
    for match in rules.named_street.finditer(text):
        words = match.group(0).split()
        if fold(words[0]) in rules.generic_school or _is_kept_phrase(text, match, rules):
            continue
        spans.append(_Span(match.start(), match.end(), ADDRESS))
    return spans


def _is_kept_phrase(text: str, match: re.Match[str], rules: _Rules) -> bool:
    """Say whether a match is a phrase on the keep list ("Family Court")."""
    if rules.keep_phrase is None:
        return False
    return any(
        kept.start() <= match.start() and match.end() <= kept.end()
        for kept in rules.keep_phrase.finditer(text)
    )


def _schools(text: str, rules: _Rules) -> list[_Span]:
    """Find named schools and colleges: "St Mary's Primary", "Oakfield Academy"."""
    if not rules.school_word.search(text):
        return []
    tokens = list(_WORDISH_RE.finditer(text))
    lowered = [fold(t.group(0).rstrip(".")) for t in tokens]
    spans = []
    for index, token in enumerate(tokens):
        word = lowered[index]
        if word not in rules.school_words:
            continue
        end = token.end()
        if index + 1 < len(tokens) and lowered[index + 1] in {"school", "academy", "college"}:
            end = tokens[index + 1].end()
        start = _school_name_start(tokens, lowered, index, rules)
        if start is not None:
            spans.append(_Span(tokens[start].start(), end, SCHOOL))
    return spans


def _school_name_start(
    tokens: list[re.Match[str]], lowered: list[str], index: int, rules: _Rules
) -> int | None:
    """Walk back from a school word over qualifiers and name words; return where the name starts."""
    position = index
    while True:  # skip qualifiers such as "RC", "C of E", "Community"
        for qualifier in rules.school_qualifiers:
            size = len(qualifier)
            if position - size >= 0 and tuple(lowered[position - size : position]) == qualifier:
                position -= size
                break
        else:
            break
    capitalised = tokens[index].group(0)[0].isupper()
    names: list[int] = []
    cursor = position - 1
    while cursor >= 0 and len(names) < 3:
        word = tokens[cursor].group(0)
        if capitalised and not word[0].isupper() and word != "&":
            break
        if not capitalised and (names or lowered[cursor] in rules.generic_school):
            break
        names.append(cursor)
        if not capitalised:
            break
        cursor -= 1
    while names and lowered[names[-1]] in rules.generic_school:
        names.pop()  # leading "The", "My", "At"
    if not names or all(lowered[i] in rules.generic_school for i in names):
        return None
    if not capitalised:
        bare_school = lowered[index] == "school"
        if bare_school and (is_ordinary(lowered[names[0]]) or len(lowered[names[0]]) < 3):
            return None
    return names[-1]


def _initials(text: str, rules: _Rules, shouting: bool) -> list[_Span]:
    """Find initials: "M.K.", "MK", "JT's", "J's"; never known acronyms or shouted words."""
    spans = []
    for match in _DOTTED_INITIALS_RE.finditer(text):
        letters = re.sub(r"[^A-Z]", "", match.group(0))
        if not is_acronym(letters) and letters not in ("AM", "PM"):
            spans.append(_Span(match.start(), match.end(), INITIALS))
    if not shouting:
        for match in _CAPS_INITIALS_RE.finditer(text):
            letters = match.group(1)
            if not is_acronym(letters) and letters.lower() not in rules.shouted:
                spans.append(_Span(match.start(1), match.end(1), INITIALS))
        spans += [_Span(m.start(), m.end(), INITIALS) for m in _SINGLE_INITIAL_RE.finditer(text)]
        spans += [_Span(m.start(1), m.end(1), INITIALS) for m in _LONE_INITIAL_RE.finditer(text)]
    return spans


def _is_shouting(text: str) -> bool:
    """Say whether the text is written mostly in capitals, so case says nothing about names."""
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    return upper + lower >= 8 and upper >= 0.7 * (upper + lower)


@dataclass(frozen=True, slots=True)
class _Word:
    """A word of the text, its possessive-free base, and where the base ends."""

    start: int
    end: int  # end of the base, before any "'s"
    text: str  # the base as written
    folded: str
    sentence_start: bool

    @property
    def capitalised(self) -> bool:
        """Say whether the word starts with a capital letter."""
        return self.text[0].isupper()


def _words(text: str) -> list[_Word]:
    """Split text into words, noting possessives and which word opens each sentence."""
    sentence_ends = [end for _, end in sentence_spans(text)]
    words = []
    sentence = 0
    previous_sentence = -1
    for match in _TOKEN_RE.finditer(text):
        raw = match.group(0)
        base = raw[:-2] if raw.endswith(_POSSESSIVE) and len(raw) > 2 else raw
        while sentence < len(sentence_ends) - 1 and match.start() >= sentence_ends[sentence]:
            sentence += 1
        start = match.start()
        words.append(
            _Word(start, start + len(base), base, fold(base), sentence != previous_sentence)
        )
        previous_sentence = sentence
    return words


@dataclass(frozen=True)
class _Context:
    """One text's words and what is known about each, shared by the name rules."""

    text: str
    words: list[_Word]
    rules: _Rules
    given: frozenset[str]
    kept: set[int]
    shouting: bool
    after_cue: list[bool]
    after_title: list[bool]


def _names(
    text: str, given: frozenset[str], rules: _Rules, found: list[_Span], shouting: bool
) -> list[_Span]:
    """Find personal names among the words not already covered by another placeholder."""
    covered = [(s.start, s.end) for s in found]
    words = [
        w
        for w in _words(text)
        if not any(start <= w.start < end or start < w.end <= end for start, end in covered)
    ]
    spaced = [False] + [
        bool(gap) and not gap.strip(" ,")
        for gap in (text[a.end : b.start] for a, b in zip(words, words[1:], strict=False))
    ]
    context = _Context(
        text=text,
        words=words,
        rules=rules,
        given=given,
        kept=_kept_positions(text, rules),
        shouting=shouting,
        after_cue=[_follows_cue(words, spaced, i, rules) for i in range(len(words))],
        after_title=[_follows_title(text, words, i, rules) for i in range(len(words))],
    )
    spans: list[_Span] = []
    previous_was_name = False
    for index, word in enumerate(words):
        joined = index > 0 and _adjacent(text, words[index - 1], word)
        is_name = _is_name(context, index)
        if not is_name and previous_was_name and joined:
            is_name = _continues_name(word, context)
        if is_name:
            spans.append(_Span(word.start, word.end, NAME))
        previous_was_name = is_name
    return spans


def _kept_positions(text: str, rules: _Rules) -> set[int]:
    """Return start offsets of words inside kept phrases ("Children in Care Council")."""
    if rules.keep_phrase is None:
        return set()
    return {
        m.start()
        for kept in rules.keep_phrase.finditer(text)
        for m in _TOKEN_RE.finditer(text, kept.start(), kept.end())
    }


def _adjacent(text: str, first: _Word, second: _Word) -> bool:
    """Say whether two words are separated only by a space (as in a full name)."""
    gap = text[first.end : second.start]
    return gap in (" ", "'s ", "\u2019s ") and not second.sentence_start


def _is_name(context: _Context, index: int) -> bool:
    """Decide whether one word is a personal name."""
    rules = context.rules
    word = context.words[index]
    folded = word.folded
    if len(folded) < 2 or word.start in context.kept or folded in rules.titles:
        return False
    if folded in context.given:
        ambiguous = is_ordinary(folded) or folded in rules.ambiguous_names
        if not (ambiguous and (not word.capitalised or context.shouting)):
            return True
        return _has_name_clue(context, index)
    if (
        is_acronym(word.text)
        or word.text.isupper()
        and len(word.text) <= 3
        and not context.shouting
    ):
        return False  # acronyms; runs of two or three capitals are left to the initials rule
    if context.after_title[index]:
        return True
    capitalised = word.capitalised and not context.shouting
    definite = folded in rules.names and folded not in rules.ambiguous_names
    if context.after_cue[index]:
        if capitalised:
            return folded in rules.names or not (is_ordinary(folded) or is_keep_word(folded))
        return definite or _unknown_word(folded, rules)
    if not capitalised:
        return definite and not is_keep_word(folded)
    if is_keep_word(folded) and not definite:
        return False
    if not word.sentence_start:
        return folded in rules.names or not is_ordinary(folded)
    if definite:
        return True
    if folded in rules.ambiguous_names or is_ordinary(folded):
        return folded in rules.ambiguous_names and _has_name_clue(context, index)
    if folded in rules.normalised_spellings:
        return False
    return _has_name_clue(context, index) or not looks_misspelt(folded)


def _unknown_word(folded: str, rules: _Rules) -> bool:
    """Say whether a lower-case word after a cue is no known word, so likely a name."""
    return (
        folded.replace("-", "").isalpha()
        and not is_ordinary(folded)
        and not is_keep_word(folded)
        and not is_acronym(folded.upper())
        and folded not in rules.normalised_spellings
        and not looks_misspelt(folded)
    )


def _has_name_clue(context: _Context, index: int) -> bool:
    """Say whether context shows an ambiguous word is a person: a cue, or "is", "said" after."""
    text, words = context.text, context.words
    word = words[index]
    if text[word.end : word.end + 2] in _POSSESSIVE:
        return True
    if context.after_cue[index] or context.after_title[index]:
        return True
    following = words[index + 1] if index + 1 < len(words) else None
    if following is None or text[word.end : following.start].strip(" ,"):
        return False
    if following.capitalised and not following.sentence_start and following.folded != "i":
        return not is_ordinary(following.folded) or following.folded in context.rules.names
    return following.folded in context.rules.followers


def _follows_title(text: str, words: list[_Word], index: int, rules: _Rules) -> bool:
    """Say whether the word follows a title such as "Mrs" or "Dr" ("Miss" only capitalised)."""
    if not index:
        return False
    title = words[index - 1]
    gap = text[title.end : words[index].start]
    if title.folded not in rules.titles or gap.strip(". ") or not gap:
        return False
    if title.folded == "miss":
        return title.text == "Miss" and words[index].capitalised
    return True


def _follows_cue(words: list[_Word], spaced: list[bool], index: int, rules: _Rules) -> bool:
    """Say whether the word directly follows a cue such as "my social worker" or "called"."""
    if words[index].sentence_start or not spaced[index]:
        return False
    if not index or words[index - 1].folded not in rules.cue_endings:
        return False
    for size in range(1, min(rules.longest_cue, index) + 1):
        if not spaced[index - size + 1]:
            return False
        if tuple(w.folded for w in words[index - size : index]) in rules.cues:
            return True
    return False


def _continues_name(word: _Word, context: _Context) -> bool:
    """Say whether a word right after a name is more of it: "Sarah Louise Mitchell"."""
    rules = context.rules
    if word.start in context.kept or word.folded in rules.shouted or is_acronym(word.text):
        return False
    if word.capitalised and not context.shouting:
        return not is_keep_word(word.folded) or word.folded in rules.names
    return not is_ordinary(word.folded) and not looks_misspelt(word.folded)


def _apply(text: str, spans: list[_Span]) -> str:
    """Write placeholders over the chosen spans, merging runs like "[name] [name]"."""
    chosen: list[_Span] = []
    order = {p: i for i, p in enumerate((EMAIL, PHONE, POSTCODE, ADDRESS, SCHOOL, INITIALS, NAME))}
    for span in sorted(spans, key=lambda s: (order[s.placeholder], s.start - s.end)):
        if all(span.end <= other.start or span.start >= other.end for other in chosen):
            chosen.append(span)
    chosen.sort(key=lambda s: s.start)
    pieces: list[str] = []
    cursor = 0
    last: _Span | None = None
    for span in chosen:
        gap = text[cursor : span.start]
        mergeable = (
            last is not None
            and last.placeholder == span.placeholder
            and (gap.strip() == "" or (span.placeholder == ADDRESS and gap.strip() == ","))
        )
        if mergeable and gap.strip(" ,") == "" and gap not in ("'s ", "\u2019s "):
            pieces.append("")
        else:
            pieces.append(gap + span.placeholder)
        cursor = span.end
        last = span
    pieces.append(text[cursor:])
    return "".join(pieces)
