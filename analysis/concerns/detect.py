"""Find words in a free-text answer that suggest a child may be at risk.

Recall comes first: a missed disclosure is far worse than a false alarm, so the rules only
set a term aside when the words around it plainly say it does not apply ("nobody hurts me",
"I'm not scared anymore", "if I ever feel unsafe I ring my IRO").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from analysis.concerns.lexicon import (
    LANGUAGE_ALIASES,
    LANGUAGES,
    Lexicon,
    Negation,
    Term,
    TermIndex,
    lexicons,
)
from analysis.concerns.model import (
    CONDITIONAL_CANCELS,
    HISTORY_MATTERS,
    NEGATION_NEVER_CANCELS,
    ConcernMatch,
)
from analysis.concerns.normalise import (
    BREAK,
    QUESTION,
    ascii_tokens,
    fold,
    normalise,
    plain_typography,
    scripts_in,
    tokens,
)

#: How many words after a term may say the term is in the past ("... anymore").
_HISTORY_REACH = 3
#: How far "safe ... but not ..." may reach within a sentence.
_CONTRAST_REACH = 8
_CLAUSE_ENDS = frozenset({BREAK, QUESTION})
_CANONICAL = {code.casefold(): code for code in LANGUAGES} | dict(LANGUAGE_ALIASES)


class _Prepared:
    """A comment normalised once and shared by every lexicon that reads it."""

    def __init__(self, text: str) -> None:
        if not text.isascii():
            plain = plain_typography(text)  # "I don’t feel safe" from a phone
            text = plain if plain.isascii() else text
        self.ascii = text.isascii()
        if self.ascii:
            self.normalised = ""  # only non-ASCII text needs it (scripts, accents)
            self.folded_tokens = ascii_tokens(text)
        else:
            self.normalised = normalise(text)
            self.folded_tokens = tokens(fold(self.normalised))
        self._accented_tokens: list[str] | None = None

    @property
    def accented_tokens(self) -> list[str]:
        if self._accented_tokens is None:
            self._accented_tokens = tokens(self.normalised)
        return self._accented_tokens


@dataclass(frozen=True)
class _Context:
    """What the words around one match say about it."""

    negated: bool = False
    hedged: bool = False
    conditional: bool = False
    history: bool = False
    raised: bool = False  # the negation reached the term through "think", "know", ...
    excepted: bool = False  # "nobody hurts me except my dad", "... when mum is out"
    first: int = 0  # where the words worth quoting begin (a negator before the term)
    last: int = 0  # where they end (a negator after the term, in verb-final languages)


def _context(
    toks: Sequence[str], start: int, end: int, rules: Negation, negated_ends: set[int]
) -> _Context:
    """Read the negation, hedges, conditions and time words around ``toks[start:end]``."""
    negated = hedged = conditional = history = other_clause = raised = raising = False
    first, last = start, end
    j, steps = start - 1, 0
    while j >= 0 and steps < rules.before:
        word = toks[j]
        if word in _CLAUSE_ENDS or word in rules.breaks:
            break
        if word in rules.history:
            history = True
        elif rules.negators.matches(word):
            # "no he hits me": a negator right before a subject answers something else, and
            # one before another subject's clause ("if I don't do it they will hurt me")
            # belongs to that clause, unless a verb like "think" carries it over.
            if not (negated or other_clause or rules.subjects.matches(toks[j + 1])):
                negated, first, raised = True, j, raising
        elif rules.hedges.matches(word):
            hedged, first = True, min(first, j)
        elif word in rules.conditionals:
            if j > 0 and toks[j - 1] in rules.whether_words:  # "not sure if", "know if"
                hedged, first = True, min(first, j - 1)
            else:
                conditional = True
            break
        elif word in rules.or_words:
            # "nobody hurts me or shouts at me": the first denial covers both.
            if j in negated_ends:
                negated = True
            break
        elif rules.subjects.matches(word):
            other_clause = True
        elif word in rules.raisers:
            raising = raising or other_clause  # "I don't think he ..." doubts, not denies
            other_clause = False
        elif not rules.bridges.matches(word):
            break
        j -= 1
        steps += 1
    if end + 1 < len(toks) and toks[end] == QUESTION and rules.negators.matches(toks[end + 1]):
        negated, last = True, end + 2  # "safe? no"
    k = end
    while k < len(toks) and k - end < max(rules.after, _HISTORY_REACH):
        word = toks[k]
        if word in _CLAUSE_ENDS or word in rules.breaks:
            break
        if word in rules.history:
            history = True
        elif k - end < rules.after and rules.negators.matches(word) and not negated:
            negated, last = True, k + 1
        k += 1
    # "I feel safe with my carer but not with my dad": safe, but not everywhere.
    for k in range(end, min(len(toks) - 1, end + _CONTRAST_REACH)):
        if toks[k] in _CLAUSE_ENDS:
            break
        if toks[k] in rules.contrasts and rules.negators.matches(toks[k + 1]):
            hedged, last = True, max(last, k + 2)
            break
    # "nobody hurts me except my dad", "he doesn't hit me when mum is in": an exception
    # after a denial is a disclosure.
    excepted = False
    if negated and rules.exceptions:
        for k in range(end, min(len(toks), end + _CONTRAST_REACH)):
            if toks[k] in _CLAUSE_ENDS:
                break
            if toks[k] in rules.exceptions:
                excepted = True
                break
    return _Context(negated, hedged, conditional, history, raised, excepted, first, last)


def _applies(term: Term, context: _Context, rules: Negation) -> bool:
    """Decide whether a matched term is a concern given its context."""
    category = term.category or ""
    if term.kind == "when_negated":
        if not (context.negated or context.hedged):
            return False
    elif context.negated and rules.cancels and category not in NEGATION_NEVER_CANCELS:
        # A denial through "I don't think ..." is a doubt, and one with an exception or a
        # past ("anymore") still discloses; none of those hide the term.
        kept = context.raised or context.excepted
        if not (kept or (context.history and category in HISTORY_MATTERS)):
            return False
    return not (context.conditional and category in CONDITIONAL_CANCELS and not context.history)


_Hit = tuple[int, int, str, str]  # start, end, category, the words worth quoting


def _scan(lexicon: Lexicon, index: TermIndex, toks: Sequence[str]) -> list[_Hit]:
    """Return every concern ``index`` finds in ``toks``."""
    if index.inert.issuperset(toks):
        return []
    hits: list[tuple[int, int, Term]] = []
    remembered = index.memo.get
    last = len(toks) - 1
    for start, token in enumerate(toks):
        candidates = remembered(token) or index.starting_with(token)
        for term in candidates.single:
            hits.append((start, start + 1, term))
        if start < last and (candidates.by_second or candidates.other):
            for term in (*candidates.by_second.get(toks[start + 1], ()), *candidates.other):
                end = term.end_at(toks, start)
                if end > 0:
                    hits.append((start, end, term))
    if not hits:
        return []
    excluded = [(s, e) for s, e, term in hits if term.kind == "exclusion"]
    rules = lexicon.negation
    negated_ends: set[int] = set()
    kept: list[_Hit] = []
    for start, end, term in hits:
        if term.kind == "exclusion" or any(s < end and start < e for s, e in excluded):
            continue
        context = _context(toks, start, end, rules, negated_ends)
        if _applies(term, context, rules):
            # Quote the negation that raised a when_negated term: "not feel safe".
            quoted = (context.first, context.last) if term.kind == "when_negated" else (start, end)
            words = " ".join(toks[quoted[0] : quoted[1]])
            kept.append((*quoted, term.category or "", words))
        elif context.negated:
            negated_ends.add(end)
    return kept


def _find(lexicon: Lexicon, prepared: _Prepared) -> list[_Hit]:
    """Run one lexicon over a prepared comment, in reading order."""
    found = _scan(lexicon, lexicon.folded, lexicon.respell(prepared.folded_tokens))
    if lexicon.accented is not None and not prepared.ascii:
        found += _scan(lexicon, lexicon.accented, lexicon.respell(prepared.accented_tokens))
    # A longer match says more than a shorter one of its category inside it ("scratch my
    # arms" over "scratch my", "em sợ" over "sợ").
    return sorted(
        hit
        for hit in found
        if not any(
            other[2] == hit[2]
            and other[0] <= hit[0]
            and hit[1] <= other[1]
            and (other[1] - other[0]) > (hit[1] - hit[0])
            for other in found
        )
    )


def canonical_language(language: str | None) -> str | None:
    """Return the platform code for ``language`` ("fa" -> "fa-AF"), or None if unknown."""
    if not language:
        return None
    key = language.strip().casefold()
    return _CANONICAL.get(key) or _CANONICAL.get(key.split("-")[0].split("_")[0])


@cache
def _latin_lexicons(code: str | None) -> list[Lexicon]:
    """The lexicons that can read ASCII text on a form in ``code`` (None: every one)."""
    every = lexicons()
    codes = [code, "en"] if code is not None else list(LANGUAGES)
    return [every[c] for c in dict.fromkeys(codes) if every[c].script == "latin"]


def _chosen(code: str | None, prepared: _Prepared) -> list[Lexicon]:
    """Pick the lexicons to read a comment with, skipping any whose script is absent."""
    if prepared.ascii:  # the usual case: English, or a language typed without accents
        return _latin_lexicons(code)
    every = lexicons()
    scripts = scripts_in(prepared.normalised)
    if code is None:
        codes = list(LANGUAGES)
    else:
        codes = [code, "en"]
        for other, lexicon in every.items():
            if lexicon.script != "latin":
                wanted = lexicon.script in scripts
            else:
                wanted = not lexicon.marker_letters.isdisjoint(prepared.normalised)
            if wanted:
                codes.append(other)
    return [every[c] for c in dict.fromkeys(codes) if every[c].script in scripts]


def detect_concerns(text: str, language: str | None = None) -> list[ConcernMatch]:
    """List the concerns a free-text answer suggests, in reading order, without repeats.

    With ``language`` (the form's language) the text is read with that lexicon, English, and
    any other lexicon whose script or tell-tale letters appear in it; with None (or a code the
    platform does not know) with every lexicon.
    """
    if not text or text.isspace():
        return []
    return list(_detect(text, canonical_language(language)))


@lru_cache(maxsize=8192)
def _detect(text: str, code: str | None) -> tuple[ConcernMatch, ...]:
    """Detect once per distinct answer: short ones ("no", "nothing", "fine") repeat a lot."""
    prepared = _Prepared(text)
    if not prepared.folded_tokens:
        return ()
    matches: list[ConcernMatch] = []
    seen: set[tuple[str, str]] = set()
    for lexicon in _chosen(code, prepared):
        for _, _, category, words in _find(lexicon, prepared):
            key = (category, words)  # Dari, Pashto and Sorani share some words
            if key not in seen:
                seen.add(key)
                matches.append(ConcernMatch(category, lexicon.code, words))
    return tuple(matches)
