"""Load the concern lexicons (``lexicons/<code>.yaml``) and compile them once for fast matching.

The file format is described at the top of ``lexicons/en.yaml``. Everything a lexicon says is
normalised here exactly as text is normalised at detection time, so lexicon authors write
ordinary spelling and never need to think about variants the normaliser already unifies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from analysis.concerns.model import CATEGORIES
from analysis.concerns.normalise import BREAK, QUESTION, fold, normalise, tokens

LEXICON_DIR = Path(__file__).with_name("lexicons")

#: Platform languages, in the order their lexicons are tried.
LANGUAGES: tuple[str, ...] = ("en", "ar", "ps", "fa-AF", "ckb", "ti", "vi", "sq")

#: Other spellings of the platform's language codes that callers may pass.
LANGUAGE_ALIASES: Mapping[str, str] = {
    "fa": "fa-AF",
    "fa-af": "fa-AF",
    "prs": "fa-AF",
    "ku": "ckb",
    "ckb-iq": "ckb",
    "tir": "ti",
    "sqi": "sq",
    "alb": "sq",
    "vie": "vi",
    "ara": "ar",
    "pus": "ps",
    "eng": "en",
}

TermKind = Literal["concern", "when_negated", "exclusion"]
_GlobKind = Literal["prefix", "suffix", "infix"]
_SCRIPTS = ("latin", "arabic", "ethiopic")
_TOP_KEYS = frozenset(
    "language name script status marker_letters spellings fuzzy accents_required negation"
    " categories exclusions".split()
)
_NEGATION_KEYS = frozenset(
    "cancels before after negators hedges bridges subjects conditionals whether_words history"
    " breaks or_words contrasts raisers exceptions".split()
)
_CATEGORY_KEYS = {"terms", "when_negated"}


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


#: In a term, ``~`` stands for up to this many words of any kind ("call* me ~ names").
GAP = "~"
GAP_WIDTH = 2


@dataclass(frozen=True)
class Slot:
    """One word position of a term: exact words plus ``*`` patterns, any of which may match."""

    exact: frozenset[str]
    globs: tuple[tuple[_GlobKind, str], ...] = ()
    any_word: bool = False  # one word of a ``~`` gap; never a clause end

    def matches(self, token: str) -> bool:
        """Say whether ``token`` fills this slot."""
        if token in self.exact:
            return True
        if self.any_word:
            return token not in (BREAK, QUESTION)
        for kind, core in self.globs:
            if kind == "prefix":
                if token.startswith(core):
                    return True
            elif kind == "suffix":
                if token.endswith(core):
                    return True
            elif core in token:
                return True
        return False


@dataclass(frozen=True)
class Term:
    """A lexicon entry compiled into slots; ``category`` is None for an exclusion."""

    source: str
    kind: TermKind
    category: str | None
    slots: tuple[Slot, ...]
    #: the slots after the first, with their offsets (the first is matched by the index)
    rest: tuple[tuple[int, Slot], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rest", tuple(enumerate(self.slots))[1:])

    def end_at(self, toks: Sequence[str], start: int) -> int:
        """Return the index just past this term if it matches at ``start``, else -1.

        The index has already matched the first word; this is the innermost loop of
        detection, hence the exact-word test before the general one.
        """
        end = start + len(self.slots)
        if end > len(toks):
            return -1
        for offset, slot in self.rest:
            token = toks[start + offset]
            if token in slot.exact:
                continue
            if (slot.globs or slot.any_word) and slot.matches(token):
                continue
            return -1
        return end


def _parse_alternative(alternative: str) -> tuple[str | None, tuple[_GlobKind, str] | None]:
    """Split ``word``, ``word*``, ``*word`` or ``*word*`` into an exact word or a glob."""
    starts, ends = alternative.startswith("*"), alternative.endswith("*")
    core = alternative.strip("*")
    if not core or "*" in core:
        raise ValueError(f"bad use of '*' in {alternative!r}")
    if starts and ends:
        return None, ("infix", core)
    if starts:
        return None, ("suffix", core)
    if ends:
        return None, ("prefix", core)
    return core, None


def parse_slot(word: str) -> Slot:
    """Compile one already-normalised word position such as ``hit|hits|punch*``."""
    exact: set[str] = set()
    globs: list[tuple[_GlobKind, str]] = []
    for alternative in word.split("|"):
        plain, glob = _parse_alternative(alternative)
        if plain is not None:
            exact.add(plain)
        elif glob is not None:
            globs.append(glob)
    return Slot(frozenset(exact), tuple(globs))


def prepare_entry(text: str, *, accented: bool = False) -> str:
    """Normalise lexicon text as detection normalises comments (``*`` and ``|`` survive)."""
    prepared = normalise(text)
    return prepared if accented else fold(prepared)


_ANY_WORD = Slot(frozenset(), (), any_word=True)


def compile_terms(
    source: str, kind: TermKind, category: str | None, *, accented: bool = False
) -> list[Term]:
    """Compile one lexicon entry (one term per width of each ``~`` gap).

    Accents are kept when the lexicon says they matter.
    """
    words = prepare_entry(source, accented=accented).split()
    if not words:
        raise ValueError("empty term")
    if GAP in (words[0], words[-1]):
        raise ValueError(f"'{GAP}' must stand between two words")
    variants: list[list[Slot]] = [[]]
    for word in words:
        if word == GAP:
            variants = [v + [_ANY_WORD] * n for v in variants for n in range(GAP_WIDTH + 1)]
            continue
        slot = parse_slot(word)
        for plain in [*slot.exact, *(core for _, core in slot.globs)]:
            if tokens(plain) != [plain]:
                raise ValueError(f"{plain!r} is not a single word after normalising")
        variants = [v + [slot] for v in variants]
    return [Term(source, kind, category, tuple(slots)) for slots in variants]


class TermIndex:
    """Terms indexed by their first word; each distinct token is resolved once, then recalled.

    Children's vocabulary repeats, so after a few hundred comments almost every token costs a
    single dictionary look-up, however many terms and ``*`` patterns a lexicon has.
    """

    _MEMO_LIMIT = 200_000

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = tuple(terms)
        self._by_word: dict[str, list[Term]] = {}
        self._patterned: list[Term] = []
        globs: dict[_GlobKind, set[str]] = {"prefix": set(), "suffix": set(), "infix": set()}
        for term in self.terms:
            first = term.slots[0]
            for word in first.exact:
                self._by_word.setdefault(word, []).append(term)
            if first.globs:
                self._patterned.append(term)
                for kind, core in first.globs:
                    globs[kind].add(core)
        # One regular expression says whether a new token can fill any patterned first word.
        parts = [
            template.format("|".join(map(re.escape, sorted(globs[kind]))))
            for kind, template in (("prefix", "^(?:{})"), ("suffix", "(?:{})$"), ("infix", "{}"))
            if globs[kind]
        ]
        self._patterned_gate = re.compile("|".join(parts)) if parts else None
        #: token -> the terms it can start; read directly by the matching loop
        self.memo: dict[str, Candidates] = {}
        #: tokens known to start no term: a comment made only of these needs no loop
        self.inert: set[str] = set()

    def starting_with(self, token: str) -> Candidates:
        """Return the terms whose first word ``token`` fills, and remember them."""
        found = self.memo.get(token)
        if found is None:
            terms = [*self._by_word.get(token, ())]
            if self._patterned_gate is not None and self._patterned_gate.search(token):
                terms += [t for t in self._patterned if t.slots[0].matches(token)]
            found = Candidates.of(dict.fromkeys(terms)) if terms else _NO_CANDIDATES
            if len(self.memo) >= self._MEMO_LIMIT:
                self.memo.clear()
                self.inert.clear()
            self.memo[token] = found
            if found.empty:
                self.inert.add(token)
        return found


@dataclass(frozen=True)
class Candidates:
    """The terms one token can start, split by what the next token must be.

    Most candidates fail on the second word, so indexing them by it spares the matcher
    trying each one.
    """

    single: tuple[Term, ...]  # one-word terms: already matched
    by_second: dict[str, tuple[Term, ...]]  # keyed by an exact second word
    other: tuple[Term, ...]  # second word is a pattern or a gap

    @property
    def empty(self) -> bool:
        return not (self.single or self.by_second or self.other)

    @classmethod
    def of(cls, terms: Iterable[Term]) -> Candidates:
        single: list[Term] = []
        by_second: dict[str, list[Term]] = {}
        other: list[Term] = []
        for term in terms:
            if len(term.slots) == 1:
                single.append(term)
                continue
            second = term.slots[1]
            for word in second.exact:
                by_second.setdefault(word, []).append(term)
            if second.globs or second.any_word:
                other.append(term)
        return cls(tuple(single), {k: tuple(v) for k, v in by_second.items()}, tuple(other))


_NO_CANDIDATES = Candidates((), {}, ())


@dataclass(frozen=True)
class Negation:
    """How a lexicon's language negates, hedges and conditions a term (see ``en.yaml``)."""

    cancels: bool = False
    before: int = 3
    after: int = 0
    negators: Slot = Slot(frozenset())
    hedges: Slot = Slot(frozenset())
    bridges: Slot = Slot(frozenset())
    subjects: Slot = Slot(frozenset())
    conditionals: frozenset[str] = frozenset()
    whether_words: frozenset[str] = frozenset()
    history: frozenset[str] = frozenset()
    breaks: frozenset[str] = frozenset()
    or_words: frozenset[str] = frozenset()
    contrasts: frozenset[str] = frozenset()
    raisers: frozenset[str] = frozenset()
    exceptions: frozenset[str] = frozenset()


class Fuzzy:
    """Recognise listed words typed with one letter missing, added or swapped with the next.

    Substitutions are deliberately not tolerated ("shared" is not "scared"), and the first
    letter must be right, which keeps common words from being mistaken for concern words.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self.variants: dict[str, str] = {}
        for word in sorted(self.words):
            for variant in self._deletions(word) | self._transpositions(word):
                self.variants.setdefault(variant, word)
        self.first_letters = frozenset(word[0] for word in self.words)
        self.min_length = min((len(w) for w in self.words), default=0) - 1

    @staticmethod
    def _deletions(word: str) -> set[str]:
        return {word[:i] + word[i + 1 :] for i in range(1, len(word))}

    @staticmethod
    def _transpositions(word: str) -> set[str]:
        return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}

    def correct(self, token: str) -> str:
        """Return the listed word ``token`` was meant to be, or ``token`` itself."""
        if len(token) < self.min_length or token[0] not in self.first_letters:
            return token
        if token in self.words:
            return token
        if token in self.variants:
            return self.variants[token]
        for deleted in self._deletions(token):
            if deleted in self.words:
                return deleted
        return token


@dataclass
class Lexicon:
    """One language's words, spellings and negation rules, compiled for matching."""

    code: str
    name: str
    script: str
    status: str
    marker_letters: frozenset[str]
    spellings: dict[str, tuple[str, ...]]
    pair_spellings: dict[tuple[str, str], tuple[str, ...]]
    fuzzy: Fuzzy | None
    negation: Negation
    folded: TermIndex
    accented: TermIndex | None

    def __post_init__(self) -> None:
        self._pair_firsts = frozenset(first for first, _ in self.pair_spellings)
        self._respelt: dict[str, tuple[str, ...] | None] = {}
        self._unchanged: set[str] = set()  # tokens known to read as themselves

    def _respell_one(self, token: str) -> tuple[str, ...] | None:
        """Return what ``token`` should read as, or None to keep it; remembered per token."""
        try:
            return self._respelt[token]
        except KeyError:
            pass
        replacement = self.spellings.get(token)
        if replacement is None and self.fuzzy is not None:
            corrected = self.fuzzy.correct(token)
            replacement = (corrected,) if corrected != token else None
        if len(self._respelt) >= TermIndex._MEMO_LIMIT:
            self._respelt.clear()
            self._unchanged.clear()
        self._respelt[token] = replacement
        if replacement is None and token not in self._pair_firsts:
            self._unchanged.add(token)
        return replacement

    def respell(self, toks: Sequence[str]) -> list[str]:
        """Apply this language's text-speak spellings and typo corrections to ``toks``."""
        if self._unchanged.issuperset(toks):
            return list(toks)
        out: list[str] = []
        i, count = 0, len(toks)
        pair_firsts, remembered = self._pair_firsts, self._respelt
        while i < count:
            token = toks[i]
            if token in pair_firsts and i + 1 < count:
                pair = self.pair_spellings.get((token, toks[i + 1]))
                if pair is not None:
                    out.extend(pair)
                    i += 2
                    continue
            replacement = remembered[token] if token in remembered else self._respell_one(token)
            if replacement is None:
                out.append(token)
            else:
                out.extend(replacement)
            i += 1
        return out


def _words(value: Any, where: str) -> list[str]:
    """Check that a YAML value is a list of strings."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: expected a list of words")
    return value


def _single_words(words: Iterable[str]) -> list[str]:
    """Normalise a list of one-word entries, refusing any that normalise to several words."""
    prepared = [prepare_entry(word) for word in words]
    for word in prepared:
        if tokens(word.strip("*")) != [word.strip("*")]:
            raise ValueError(f"{word!r} must be a single word")
    return prepared


def _slot_of(words: Iterable[str]) -> Slot:
    prepared = _single_words(words)
    return parse_slot("|".join(prepared)) if prepared else Slot(frozenset())


def _set_of(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_single_words(words))


def _negation(raw: Any, where: str) -> Negation:
    if raw is None:
        return Negation()
    if not isinstance(raw, dict) or set(raw) - _NEGATION_KEYS:
        raise LexiconError(f"{where}: negation keys must be among {sorted(_NEGATION_KEYS)}")
    lists = {
        key: _words(raw.get(key), f"{where}: negation.{key}")
        for key in _NEGATION_KEYS
        if key not in {"cancels", "before", "after"}
    }
    try:
        return Negation(
            cancels=bool(raw.get("cancels", False)),
            before=int(raw.get("before", 3)),
            after=int(raw.get("after", 0)),
            negators=_slot_of(lists["negators"]),
            hedges=_slot_of(lists["hedges"]),
            bridges=_slot_of(lists["bridges"]),
            subjects=_slot_of(lists["subjects"]),
            conditionals=_set_of(lists["conditionals"]),
            whether_words=_set_of(lists["whether_words"]),
            history=_set_of(lists["history"]),
            breaks=_set_of(lists["breaks"]),
            or_words=_set_of(lists["or_words"]),
            contrasts=_set_of(lists["contrasts"]),
            raisers=_set_of(lists["raisers"]),
            exceptions=_set_of(lists["exceptions"]),
        )
    except ValueError as error:
        raise LexiconError(f"{where}: negation: {error}") from error


def _spellings(
    raw: Any, where: str
) -> tuple[dict[str, tuple[str, ...]], dict[tuple[str, str], tuple[str, ...]]]:
    if raw is None:
        return {}, {}
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: spellings must map what children type to a word")
    single: dict[str, tuple[str, ...]] = {}
    pairs: dict[tuple[str, str], tuple[str, ...]] = {}
    for typed, meant in raw.items():
        if not isinstance(typed, str) or not isinstance(meant, str):  # a bare no is False
            raise LexiconError(f"{where}: quote the spelling {typed!r}: {meant!r}")
        key = tuple(tokens(prepare_entry(typed)))
        value = tuple(tokens(prepare_entry(meant)))
        if len(key) == 1:
            single[key[0]] = value
        elif len(key) == 2:
            pairs[(key[0], key[1])] = value
        else:
            raise LexiconError(f"{where}: spelling {typed!r} must be one or two words")
    return single, pairs


def parse_lexicon(data: Any, where: str) -> Lexicon:
    """Validate and compile the parsed YAML of one lexicon file."""
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: expected a mapping at the top")
    unknown = set(data) - _TOP_KEYS
    missing = {"language", "name", "script", "status", "categories"} - set(data)
    if unknown or missing:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}, missing {sorted(missing)}")
    if data["script"] not in _SCRIPTS:
        raise LexiconError(f"{where}: script must be one of {_SCRIPTS}")
    accents_required = set(_words(data.get("accents_required"), f"{where}: accents_required"))
    entries: list[tuple[str, TermKind, str | None]] = []
    categories = data["categories"]
    if not isinstance(categories, dict):
        raise LexiconError(f"{where}: categories must be a mapping")
    for category, sections in categories.items():
        if category not in CATEGORIES:
            raise LexiconError(f"{where}: unknown category {category!r}; use one of {CATEGORIES}")
        if not isinstance(sections, dict) or set(sections) - _CATEGORY_KEYS:
            raise LexiconError(f"{where}: {category} may only have {sorted(_CATEGORY_KEYS)}")
        for text in _words(sections.get("terms"), f"{where}: {category}.terms"):
            entries.append((text, "concern", category))
        for text in _words(sections.get("when_negated"), f"{where}: {category}.when_negated"):
            entries.append((text, "when_negated", category))
    for text in _words(data.get("exclusions"), f"{where}: exclusions"):
        entries.append((text, "exclusion", None))
    folded: list[Term] = []
    accented: list[Term] = []
    seen: set[tuple[str, str | None]] = set()
    for text, kind, category in entries:
        if (text, category) in seen:
            raise LexiconError(f"{where}: {text!r} is listed twice")
        seen.add((text, category))
        try:
            if text in accents_required:
                accented.extend(compile_terms(text, kind, category, accented=True))
            else:
                folded.extend(compile_terms(text, kind, category))
        except ValueError as error:
            raise LexiconError(f"{where}: {text!r}: {error}") from error
    unused = accents_required - {text for text, _, _ in entries}
    if unused:
        raise LexiconError(f"{where}: accents_required lists unknown terms {sorted(unused)}")
    if accented:  # exclusions must also apply to the accented pass
        for text, kind, _ in entries:
            if kind == "exclusion" and text not in accents_required:
                accented.extend(compile_terms(text, "exclusion", None, accented=True))
    single, pairs = _spellings(data.get("spellings"), where)
    respelled = sorted(
        {word for term in folded + accented for slot in term.slots for word in slot.exact}
        & set(single)
    )
    if respelled:  # text is respelled before matching, so such a term could never match
        raise LexiconError(f"{where}: write {respelled} as the spellings table spells them")
    try:
        fuzzy_words = _single_words(_words(data.get("fuzzy"), f"{where}: fuzzy"))
    except ValueError as error:
        raise LexiconError(f"{where}: fuzzy: {error}") from error
    return Lexicon(
        code=str(data["language"]),
        name=str(data["name"]),
        script=str(data["script"]),
        status=str(data["status"]),
        marker_letters=frozenset(normalise(str(data.get("marker_letters", "")))),
        spellings=single,
        pair_spellings=pairs,
        fuzzy=Fuzzy(fuzzy_words) if fuzzy_words else None,
        negation=_negation(data.get("negation"), where),
        folded=TermIndex(folded),
        accented=TermIndex(accented) if accented else None,
    )


def lexicon_files() -> list[Path]:
    """List the lexicon files in the order of ``LANGUAGES``."""
    return [LEXICON_DIR / f"{code}.yaml" for code in LANGUAGES]


def load_lexicon(path: Path) -> Lexicon:
    """Read, validate and compile one lexicon file."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    lexicon = parse_lexicon(data, path.name)
    if lexicon.code != path.stem:
        raise LexiconError(f"{path.name}: language {lexicon.code!r} does not match file name")
    return lexicon


@cache
def lexicons() -> dict[str, Lexicon]:
    """Load every platform lexicon once per process, keyed by language code."""
    return {path.stem: load_lexicon(path) for path in lexicon_files()}
