"""Say whether a free-text answer is positive, critical, mixed or neutral.

TextBlob's polarity alone misreads much of what children and carers write: "supported me in
tough times" scores negative, "would like more contact with my mum" positive. So the domain
lexicon (``lexicons/sentiment.yaml``) decides first, with rules for negation, wishes and
requests, and TextBlob's polarity is only the fallback for answers the lexicon does not cover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from textblob.en import sentiment as _pattern_sentiment

from analysis.text._phrases import BOUNDARIES, Match, PhraseSet
from analysis.text.lexicons import load_yaml
from analysis.text.tokenize import SENTENCE_END, normalise

POSITIVE = "positive"
CRITICAL = "critical"
MIXED = "mixed"
NEUTRAL = "neutral"
#: Every label ``classify_sentiment`` can return.
SENTIMENTS = (POSITIVE, CRITICAL, MIXED, NEUTRAL)

#: Phrase sections of sentiment.yaml, by the role they play in scoring.
_PHRASE_SECTIONS = (
    "positive",
    "weak_positive",
    "continue",
    "resolving",
    "critical",
    "wish",
    "request",
    "reported",
    "negatable",
    "negators",
    "neutral_context",
    "contrast",
)
#: How many words after a negator it still reaches ("not really listened to").
NEGATION_REACH = 4
#: TextBlob polarity beyond which an answer the lexicon does not cover is not neutral.
POLARITY_POSITIVE = 0.3
POLARITY_CRITICAL = -0.3


@dataclass(frozen=True)
class _Rules:
    """sentiment.yaml, compiled once."""

    phrases: PhraseSet
    imperatives: frozenset[str]
    neutral_heads: frozenset[str]
    neutral_fillers: frozenset[str]
    whole_answers: frozenset[str]
    whole_fillers: frozenset[str]
    positive_questions: frozenset[str]
    critical_questions: frozenset[str]


@cache
def _rules() -> _Rules:
    """Compile the sentiment lexicon on first use."""
    data = load_yaml("sentiment.yaml")
    phrases = PhraseSet(
        (pattern, section) for section in _PHRASE_SECTIONS for pattern in data[section]
    )

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in data[key])

    return _Rules(
        phrases=phrases,
        imperatives=words("imperative_starts"),
        neutral_heads=words("neutral_heads"),
        neutral_fillers=words("neutral_fillers"),
        whole_answers=words("whole_answers"),
        whole_fillers=words("whole_fillers"),
        positive_questions=words("positive_questions"),
        critical_questions=words("critical_questions"),
    )


@dataclass
class Evidence:
    """What the lexicon found in one answer, counted by strength."""

    praise: int = 0  # clear praise or thanks
    mild: int = 0  # wishes to keep things, negated complaints ("never late")
    lukewarm: int = 0  # "ok", "fine"
    criticism: int = 0  # complaints, wishes, requests, negated praise

    @property
    def any(self) -> bool:
        """Say whether the lexicon found anything that carries sentiment."""
        return bool(self.praise or self.mild or self.lukewarm or self.criticism)


def classify_sentiment(text: str, *, question: str | None = None) -> str:
    """Return one of ``SENTIMENTS`` for a free-text answer.

    ``question`` (an instrument question key such as ``going_well``) only settles bare
    answers like "everything", which mean praise or criticism depending on what was asked.
    """
    return classify_tokens(normalise(text), question=question)


def classify_tokens(tokens: Sequence[str], *, question: str | None = None) -> str:
    """Classify already normalised tokens (see ``tokenize.normalise``)."""
    rules = _rules()
    words = [t for t in tokens if t not in BOUNDARIES]
    if not words or _is_no_answer(words, rules):
        return NEUTRAL
    if _is_whole_answer(words, rules):
        if question in rules.positive_questions:
            return POSITIVE
        if question in rules.critical_questions:
            return CRITICAL
        return NEUTRAL
    evidence = weigh(tokens)
    if evidence.criticism and evidence.praise:
        return MIXED
    if evidence.criticism:
        return CRITICAL
    if evidence.praise or evidence.mild:
        return POSITIVE
    if evidence.lukewarm:
        return NEUTRAL  # "it's ok", "fine": lukewarm whatever was asked
    polarity = _pattern_sentiment(" ".join(words))[0]
    if polarity >= POLARITY_POSITIVE:
        return POSITIVE
    if polarity <= POLARITY_CRITICAL:
        return CRITICAL
    # Nothing evaluative was said: the question tells what the answer is an example of.
    if question in rules.positive_questions:
        return POSITIVE
    if question in rules.critical_questions:
        return CRITICAL
    return NEUTRAL


def _is_no_answer(words: list[str], rules: _Rules) -> bool:
    """Say whether the answer only says there is nothing to say ("n/a", "nothing to add")."""
    allowed = rules.neutral_heads | rules.neutral_fillers
    return all(w in allowed for w in words) and any(w in rules.neutral_heads for w in words)


def _is_whole_answer(words: list[str], rules: _Rules) -> bool:
    """Say whether the answer is just "everything" or "all of it"."""
    rest = [w for w in words if w not in rules.whole_fillers]
    return len(rest) == 1 and rest[0] in rules.whole_answers


def weigh(tokens: Sequence[str]) -> Evidence:
    """Count praise and criticism in normalised tokens.

    Within a clause: a negator flips the next phrase within ``NEGATION_REACH`` words; after a
    wish or request, praise words are what is wished for; after praise for resolving something,
    problems are what was resolved; after reported speech, wishes and negations were said then.
    """
    evidence = Evidence()
    for _, role in _assess(tokens):
        if role == "praise":
            evidence.praise += 1
        elif role == "mild":
            evidence.mild += 1
        elif role == "lukewarm":
            evidence.lukewarm += 1
        elif role == "criticism":
            evidence.criticism += 1
    return evidence


def explain(text: str) -> list[tuple[str, str]]:
    """Return each phrase found in ``text`` with the part it played, to show why it was read so.

    Roles: praise, mild, lukewarm, criticism, or ignored (a negator, a phrase in a wish, a
    problem that was resolved, and other context).
    """
    tokens = normalise(text)
    return [(" ".join(tokens[m.start : m.end]), role) for m, role in _assess(tokens)]


def _assess(tokens: Sequence[str]) -> list[tuple[Match, str]]:
    """Give every lexicon match in the tokens its role in the verdict."""
    rules = _rules()
    matches = _with_imperatives(rules.phrases.find_longest(tokens), tokens, rules)
    clause = _clause_numbers(tokens, matches)
    roles: list[tuple[Match, str]] = []
    negated_until = -1  # token index up to which the last negator reaches
    negated_clause = -1
    scopes: dict[str, int] = {"wish": -1, "resolving": -1, "reported": -1}  # clause numbers
    for position, match in enumerate(matches):
        kind = match.label
        here = clause[match.start]
        following = matches[position + 1] if position + 1 < len(matches) else None
        if (
            kind == "wish"
            and following is not None
            and following.label == "continue"
            and (following.start - match.end <= 1)
        ):
            roles.append((match, "ignored"))  # "I want to | stay where I am": the wish to keep
            continue
        in_scope = {name: number == here for name, number in scopes.items()}
        negated = match.start < negated_until and negated_clause == here
        if kind == "negators":
            if not in_scope["reported"]:
                negated_until, negated_clause = match.end + NEGATION_REACH, here
            roles.append((match, "ignored"))
            continue
        if kind in ("neutral_context", "contrast"):
            roles.append((match, "ignored"))
            continue
        if (
            kind == "negatable"
            and negated
            and _evaluative_follows(matches, position, negated_until)
        ):
            roles.append((match, "ignored"))  # "haven't had any problems": the negation is theirs
            continue
        role = _role(kind, negated, in_scope)
        if kind in ("wish", "request") and role == "criticism":
            scopes["wish"] = here
        elif kind == "resolving" and role == "praise":
            scopes["resolving"] = here
        elif kind == "reported":
            scopes["reported"] = here
        if negated:
            negated_until = -1
        roles.append((match, role))
    return roles


_EVALUATIVE = frozenset({"positive", "resolving", "weak_positive", "continue", "critical"})


def _evaluative_follows(matches: list[Match], position: int, reach: int) -> bool:
    """Say whether a praise or complaint phrase comes later within a negator's reach."""
    return any(m.start < reach and m.label in _EVALUATIVE for m in matches[position + 1 :])


def _role(kind: str, negated: bool, in_scope: dict[str, bool]) -> str:
    """Decide what one match contributes, given negation and the scopes it falls in."""
    if kind in ("positive", "resolving", "weak_positive"):
        if negated:
            return "criticism"
        if in_scope["wish"]:
            return "ignored"
        return "lukewarm" if kind == "weak_positive" else "praise"
    if kind == "continue":
        return "criticism" if negated else "mild"
    if kind == "critical":
        if negated:
            return "mild"
        return "ignored" if in_scope["resolving"] else "criticism"
    if kind in ("wish", "request"):
        if in_scope["reported"]:
            return "ignored"
        return "mild" if negated and kind == "request" else "criticism"
    if kind == "negatable" and negated:
        return "criticism"
    return "ignored"


def _with_imperatives(matches: list[Match], tokens: Sequence[str], rules: _Rules) -> list[Match]:
    """Read a sentence that opens with a bare verb ("Stop having ...") as a request."""
    starting = {m.start: m for m in matches}
    covered = {i for m in matches for i in range(m.start, m.end)}
    result = list(matches)
    at_start = True
    for index, word in enumerate(tokens):
        if word == SENTENCE_END:
            at_start = True
            continue
        if at_start and word == "please":
            continue
        if at_start and word in rules.imperatives:
            current = starting.get(index)
            if current is None and index not in covered:
                result.append(Match(index, index + 1, "request"))
            elif current is not None and current.end - current.start == 1:
                result[result.index(current)] = Match(index, index + 1, "request")
        at_start = False
    return sorted(result, key=lambda m: m.start)


def _clause_numbers(tokens: Sequence[str], matches: list[Match]) -> list[int]:
    """Number the clauses: a new one after each sentence end, comma or contrast word."""
    contrast_starts = {m.start for m in matches if m.label == "contrast"}
    numbers = []
    current = 0
    for index, token in enumerate(tokens):
        if token in BOUNDARIES or index in contrast_starts:
            current += 1
        numbers.append(current)
    return numbers
