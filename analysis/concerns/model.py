"""What a concern is: its categories, the match we report, and how categories treat context."""

from __future__ import annotations

from dataclasses import dataclass

#: Every concern category, in the order reports list them.
CATEGORIES: tuple[str, ...] = (
    "unsafe",  # feeling or being unsafe, danger, threats, weapons
    "harm",  # being hurt, hit or abused (physical, sexual, emotional), neglect
    "self_harm",  # self-harm, suicidal thoughts
    "running_away",  # running away, going missing, staying out
    "scared",  # being scared, afraid, frightened
    "exploitation",  # grooming, county lines, drugs, debts, older partners, gifts
    "bullying",  # bullying, name-calling, being picked on, racism
)

#: A denial that mentions the past is still a disclosure in these categories: "he doesn't hit
#: me anymore" tells the IRO he did; "I'm not scared anymore" tells nothing urgent.
HISTORY_MATTERS: frozenset[str] = frozenset({"harm", "self_harm", "exploitation"})

#: A denial never hides these: "I don't want to kill myself", "I'm not cutting" and "I don't
#: eat so I don't get fat" all tell the IRO the thought is there, and a child rarely denies
#: self-harm unprompted. The other categories keep "nobody hurts me" and "I'm not scared".
NEGATION_NEVER_CANCELS: frozenset[str] = frozenset({"self_harm"})

#: "If ..." makes a mention hypothetical in these categories ("if I ever feel unsafe I ring my
#: IRO"); never for self-harm, running away or exploitation, where a condition is a threat or
#: a plan ("if they move me I'll run away").
CONDITIONAL_CANCELS: frozenset[str] = frozenset({"unsafe", "scared", "harm", "bullying"})

#: ``ConcernMatch.language`` of a match found in a choice answer rather than in words.
CHOICE_LANGUAGE = "und"


@dataclass(frozen=True)
class ConcernMatch:
    """One reason to send an answer to the child's IRO as urgent.

    ``language`` is the code of the lexicon that matched (``"und"`` for a choice answer);
    ``term`` is the normalised words that matched (for a choice, the option key);
    ``question_key`` names the question when the caller knows it.
    """

    category: str
    language: str
    term: str
    question_key: str | None = None
