"""Redaction: the cases in tests/data/redaction_cases.yaml, and each rule on its own."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from analysis.evaluation import leaked
from analysis.text.redact import PLACEHOLDERS, redact

CASES_FILE = Path(__file__).resolve().parents[1] / "data" / "redaction_cases.yaml"
ALL_CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]
# The test split is held out for docs/ANALYSIS.md (python -m analysis.evaluation --split test).
DEV_CASES = [case for case in ALL_CASES if case["split"] == "dev"]


def test_the_case_file_is_big_enough_and_covers_every_kind() -> None:
    assert len(ALL_CASES) >= 80
    kinds = {case["kind"] for case in ALL_CASES}
    assert {
        "given_name",
        "found_name",
        "initials",
        "phone",
        "email",
        "postcode",
        "address",
        "school",
        "keep",
    } <= kinds


@pytest.mark.parametrize("case", DEV_CASES, ids=[case["id"] for case in DEV_CASES])
def test_redaction_case(case: dict[str, Any]) -> None:
    output = redact(case["text"], case.get("names", ()))
    assert [s for s in case["absent"] if leaked(output, s)] == [], output
    assert [s for s in case["present"] if s not in output] == [], output


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Sarah Jones came", ["Sarah Jones"], "[name] came"),
        ("sarah's carer", ["Sarah Jones"], "[name]'s carer"),
        ("Zoe said hi", ["Zoë Clarke"], "[name] said hi"),
        ("I will go", ["Will Turner"], "I will go"),
        ("will is my brother", ["Will Turner"], "[name] is my brother"),
    ],
)
def test_given_names_in_any_case_and_possessive(text: str, names: list[str], expected: str) -> None:
    assert redact(text, names) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My social worker Priya is nice", "My social worker [name] is nice"),
        ("my sw becky is gr8", "my sw [name] is gr8"),
        ("it was Mrs Okafor", "it was Mrs [name]"),
        ("I miss my mum", "I miss my mum"),
        ("Grace is my carer", "[name] is my carer"),
        ("Hope you are well", "Hope you are well"),
        ("Will you come?", "Will you come?"),
        ("Realy good meeting", "Realy good meeting"),
        ("Kacper is my friend", "[name] is my friend"),
        ("me and chloe went", "me and [name] went"),
        ("Sarah Louise Mitchell came", "[name] came"),
        ("Tell Bilal I said thanks", "Tell [name] I said thanks"),
    ],
)
def test_names_found_from_the_text(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MK was moved", "[initials] was moved"),
        ("J.S. and M.K. came", "[initials] and [initials] came"),
        ("J's views", "[initials]'s views"),
        ("me and J went", "me and [initials] went"),
        ("I was SO happy", "I was SO happy"),
        ("Plan B is to go home", "Plan B is to go home"),
        ("The LAC review and the PEP", "The LAC review and the PEP"),
    ],
)
def test_initials_but_not_acronyms_or_shouted_words(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ring 07700 900123", "ring [phone]"),
        ("ring 07700900123 now", "ring [phone] now"),
        ("call +44 7700 900 456", "call [phone]"),
        ("call +44 (0)113 496 0000", "call [phone]"),
        ("(020) 7946 0018", "[phone]"),
        ("on 12/03/2024 at 10.30", "on 12/03/2024 at 10.30"),
        ("I had 4 workers in 2 years", "I had 4 workers in 2 years"),
        ("me@example.org", "[email]"),
        ("LS6 2AB", "[postcode]"),
        ("sw1a1aa", "[postcode]"),
        ("I scored 3 goals in the park", "I scored 3 goals in the park"),
        ("12 Oak Road", "[address]"),
        ("Flat 3, 5 High Street", "[address]"),
        ("i live at 9 willow crescent", "i live at [address]"),
        ("the Family Court", "the Family Court"),
        ("I go to St Mary's Primary", "I go to [school]"),
        ("Oakfield Academy is good", "[school] is good"),
        ("at hillside academy", "at [school]"),
        ("the Virtual School and secondary school", "the Virtual School and secondary school"),
        ("snap me @kayla_x", "snap me [name]"),
    ],
)
def test_contact_details_addresses_and_schools(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_redaction_is_idempotent_and_placeholders_survive() -> None:
    once = redact("Ring Sarah on 07700 900123 at 12 Oak Road, LS6 2AB", ["Sarah"])
    assert redact(once) == once
    assert all(redact(p) == p for p in PLACEHOLDERS)


def test_empty_text_and_text_with_nothing_to_hide_are_unchanged() -> None:
    assert redact("") == ""
    sentence = "I'm sick of it. Nobody listens, why can't I go home?"
    assert redact(sentence) == sentence
