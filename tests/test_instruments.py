"""Instrument definitions: the shipped ones are valid; broken ones are caught and named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from feedback_app.instruments import load_catalogue, read_catalogue
from feedback_app.instruments.contract import REQUIRED_QUESTIONS
from feedback_app.instruments.loader import DEFINITIONS_DIR
from feedback_app.languages import all_languages


def test_shipped_definitions_are_valid_and_complete():
    catalogue, problems = read_catalogue()
    assert problems == []
    assert set(catalogue.instruments) == set(REQUIRED_QUESTIONS)
    for key, required in REQUIRED_QUESTIONS.items():
        instrument = catalogue.instruments[key]
        for question_key, (qtype, scale) in required.items():
            question = instrument.question(question_key)
            assert question is not None, (key, question_key)
            assert (question.type, question.scale) == (qtype, scale)


def test_every_question_declares_a_direction_or_none():
    for instrument in load_catalogue().instruments.values():
        for question in instrument.questions:
            assert set(question.good) <= set(question.options)
            assert question.better in ("lower", "higher", "none")


def test_young_booklet_is_short_and_pictorial():
    booklet = load_catalogue().instruments["child_booklet"]
    assert booklet.style == "pictorial"
    assert len(booklet.pages) <= 6
    faces = [q for q in booklet.questions if q.display == "faces"]
    assert {q.key for q in faces} >= {"feelings_most_of_time", "feel_about_home", "school_going"}
    for face in ("happy", "ok", "sad", "worried", "angry", "confused"):
        assert (Path(__file__).parents[1] / "static/img/faces" / f"{face}.svg").exists()
    for question in booklet.questions:  # one breath when read aloud
        assert len(question.label["en"].split()) <= 14, question.key


@pytest.fixture
def definitions(tmp_path: Path) -> Path:
    """A writable copy of the shipped definitions."""
    target = tmp_path / "definitions"
    shutil.copytree(DEFINITIONS_DIR, target)
    return target


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def first_question(data: dict) -> dict:
    return data["pages"][0]["questions"][0]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: first_question(d).update(scale="frequency7"), "unknown scale 'frequency7'"),
        (lambda d: d["pages"][0]["questions"].append(dict(first_question(d))),
         "duplicate question key 'informed_iro_contact'"),
        (lambda d: first_question(d)["label"].pop("en"), "label: missing 'en'"),
        (lambda d: first_question(d).update(type="slider"), "'slider' is not one of"),
        (lambda d: first_question(d).update(colour="red"), "unknown field 'colour'"),
        (lambda d: d["pages"][0]["questions"].pop(0),
         "the brief's question 'informed_iro_contact' is missing"),
        (lambda d: first_question(d).update(show_if={"question": "nope", "any_of": ["yes"]}),
         "must name an earlier question"),
        (lambda d: first_question(d).update(good=["brilliant"]), "must list options"),
        (lambda d: d["languages"].update(xx="draft"), "unknown language 'xx'"),
        (lambda d: first_question(d).update(key="Bad Key"), "is not a valid key"),
    ],
)
def test_broken_definitions_are_reported_with_file_and_place(definitions, change, expected):
    edit(definitions / "foster_carer.yaml", change)
    _, problems = read_catalogue(definitions)
    assert any(expected in problem and problem.startswith("foster_carer.yaml")
               for problem in problems), problems


def test_a_listed_language_must_have_every_label(definitions):
    def drop_arabic(data: dict) -> None:
        assert data["languages"]["ar"] == "draft"
        data["title"].pop("ar")
        first_question(data)["label"].pop("ar")

    edit(definitions / "parent.yaml", drop_arabic)
    _, problems = read_catalogue(definitions)
    parent_problems = [p for p in problems if p.startswith("parent.yaml")]
    assert any("title: missing 'ar'" in p for p in parent_problems)
    assert any(".label: missing 'ar'" in p for p in parent_problems)


def test_unquoted_yes_is_caught(definitions):
    path = definitions / "scales.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"yes"', "yes", 1), encoding="utf-8")
    _, problems = read_catalogue(definitions)
    assert problems  # YAML reads bare yes as True, which is not a valid option key


def test_invalid_yaml_is_reported(definitions):
    (definitions / "parent.yaml").write_text("key: [unclosed", encoding="utf-8")
    _, problems = read_catalogue(definitions)
    assert any(p.startswith("parent.yaml: not valid YAML") for p in problems)


def test_languages_file_names_each_language_in_its_own_script():
    languages = all_languages()
    assert list(languages) == ["en", "ar", "ps", "fa-AF", "ckb", "ti", "vi", "sq"]
    assert {code for code, lang in languages.items() if lang.rtl} == {"ar", "ps", "fa-AF", "ckb"}
    assert languages["ti"].name == "ትግርኛ"
