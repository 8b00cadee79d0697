"""Choice answers that suggest a child may be at risk, with the rules kept as data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

import yaml

from analysis.concerns.model import CATEGORIES, CHOICE_LANGUAGE, ConcernMatch

CHOICE_RULES_FILE = Path(__file__).with_name("choices.yaml")


def parse_choice_rules(data: object) -> dict[str, dict[str, str]]:
    """Validate ``{"rules": {question_key: {option_key: category}}}``."""
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, dict):
        raise ValueError("choice rules: expected a 'rules' mapping")
    checked: dict[str, dict[str, str]] = {}
    for question, options in rules.items():
        if not isinstance(options, dict):
            raise ValueError(f"choice rules: {question}: expected option: category pairs")
        for option, category in options.items():
            if not isinstance(option, str):  # YAML reads a bare no as False
                raise ValueError(f"choice rules: {question}: quote the option {option!r}")
            if category not in CATEGORIES:
                raise ValueError(f"choice rules: {question}.{option}: unknown {category!r}")
        checked[str(question)] = {k.strip().lower(): str(v) for k, v in options.items()}
    return checked


@cache
def choice_rules() -> dict[str, dict[str, str]]:
    """Load ``choices.yaml`` once per process."""
    with CHOICE_RULES_FILE.open(encoding="utf-8") as handle:
        return parse_choice_rules(yaml.safe_load(handle))


def concerning_choices(
    answers: Mapping[str, str | Sequence[str] | None],
) -> list[ConcernMatch]:
    """List the choice answers in one response that should reach the IRO as urgent.

    ``answers`` maps question keys to an option key, a sequence of option keys (multiple
    choice) or None; questions without a rule, and free text, are ignored.
    """
    rules = choice_rules()
    matches: list[ConcernMatch] = []
    for question, answer in answers.items():
        options = rules.get(question)
        if options is None or answer is None:
            continue
        chosen = [answer] if isinstance(answer, str) else list(answer)
        for option in chosen:
            key = str(option).strip().lower()
            category = options.get(key)
            if category is not None:
                matches.append(ConcernMatch(category, CHOICE_LANGUAGE, key, question))
    return matches
