"""Read instrument definitions from YAML, checking every rule on the way.

Loading and validating are one pass: the loader records each problem with the file and the
path inside it (``foster_carer.yaml: pages[1].questions[0].label: missing 'ar'``) and keeps
going, so ``feedback-app instruments validate`` can list every problem at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from feedback_app.instruments.contract import REQUIRED_QUESTIONS, REQUIRED_SCALES
from feedback_app.instruments.model import (
    QUESTION_TYPES,
    Condition,
    Instrument,
    Labels,
    Option,
    Page,
    Question,
    Scale,
)
from feedback_app.languages import DEFAULT_LANGUAGE, all_languages
from feedback_app.models.vocab import RESPONDENT_ROLES

DEFINITIONS_DIR = Path(__file__).with_name("definitions")
SCALES_FILE = "scales.yaml"
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
TRANSLATION_STATUSES = ("final", "draft")
DISPLAYS = ("buttons", "faces")

_INSTRUMENT_KEYS = {
    "key", "version", "respondent_role", "age_range", "style", "languages", "title",
    "description", "welcome", "thank_you", "pages",
}
_PAGE_KEYS = {"key", "title", "intro", "icon", "questions"}
_QUESTION_KEYS = {
    "key", "type", "scale", "label", "help", "required", "not_applicable", "good", "better",
    "show_if", "options", "max_length", "min", "max",
}
_SCALE_KEYS = {"options", "optional", "positive", "labels", "display"}


class DefinitionError(ValueError):
    """One or more definitions are broken; ``problems`` says where and how."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Catalogue:
    """Every scale and instrument of a deployment."""

    scales: Mapping[str, Scale]
    instruments: Mapping[str, Instrument]

    def get(self, key: str) -> Instrument | None:
        return self.instruments.get(key)


class _Reader:
    """Collects problems while turning raw YAML into model objects."""

    def __init__(self, filename: str, languages: Iterable[str]) -> None:
        self.filename = filename
        self.languages = tuple(languages)
        self.problems: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{self.filename}: {where}: {message}" if where else
                             f"{self.filename}: {message}")

    def mapping(self, value: Any, where: str, allowed: set[str] | None = None) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problem(where, "must be a mapping")
            return {}
        if allowed is not None:
            for unknown in sorted(set(map(str, value)) - allowed):
                self.problem(where, f"unknown field {unknown!r}")
        return value

    def key(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not KEY_PATTERN.match(value):
            self.problem(where, f"{value!r} is not a valid key (lower case, digits, _)")
            return str(value)
        return value

    def labels(self, value: Any, where: str, required: bool = True) -> Labels:
        """Read a label map; every listed language must have non-empty text."""
        if value is None:
            if required:
                self.problem(where, "is missing")
            return {}
        if isinstance(value, str):
            self.problem(where, "must be a map of language code to text, e.g. {en: ...}")
            return {DEFAULT_LANGUAGE: value}
        raw = self.mapping(value, where)
        labels = {str(code): text for code, text in raw.items()}
        for code, text in labels.items():
            if code not in all_languages():
                self.problem(where, f"unknown language {code!r}")
            elif not isinstance(text, str) or not text.strip():
                self.problem(where, f"empty text for {code!r}")
        for code in self.languages:
            if code not in labels:
                self.problem(where, f"missing {code!r}")
        return {code: text.strip() for code, text in labels.items() if isinstance(text, str)}

    def options(self, value: Any, where: str) -> tuple[Option, ...]:
        if not isinstance(value, list) or not value:
            self.problem(where, "must be a non-empty list of options")
            return ()
        options: list[Option] = []
        for index, raw in enumerate(value):
            at = f"{where}[{index}]"
            entry = self.mapping(raw, at, {"key", "label"})
            options.append(Option(self.key(entry.get("key"), f"{at}.key"),
                                  self.labels(entry.get("label"), f"{at}.label")))
        self.unique((option.key for option in options), where)
        return tuple(options)

    def unique(self, keys: Iterable[str], where: str) -> None:
        seen: set[str] = set()
        for key in keys:
            if key in seen:
                self.problem(where, f"duplicate key {key!r}")
            seen.add(key)


def _read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _scale_options(
    reader: _Reader, keys: Any, labels: dict[str, Any], at: str, field: str
) -> tuple[Option, ...]:
    """Read a scale's option list, attaching each option's labels."""
    if not isinstance(keys, list):
        reader.problem(f"{at}.{field}", "must be a list of option keys")
        return ()
    return tuple(
        Option(reader.key(key, f"{at}.{field}"),
               reader.labels(labels.get(key), f"{at}.labels.{key}"))
        for key in keys
    )


def _load_scales(path: Path, languages: tuple[str, ...], problems: list[str]) -> dict[str, Scale]:
    """Read ``scales.yaml``; scale labels are checked later, per instrument language."""
    reader = _Reader(path.name, ())
    root = reader.mapping(_read_yaml(path), "", {"scales"})
    scales: dict[str, Scale] = {}
    for key, raw in reader.mapping(root.get("scales"), "scales").items():
        at = f"scales.{key}"
        reader.key(key, at)
        entry = reader.mapping(raw, at, _SCALE_KEYS)
        labels = reader.mapping(entry.get("labels"), f"{at}.labels")

        options = _scale_options(reader, entry.get("options"), labels, at, "options")
        optional = _scale_options(reader, entry.get("optional", []), labels, at, "optional")
        all_keys = [option.key for option in options + optional]
        reader.unique(all_keys, f"{at}.options")
        positive = entry.get("positive", [])
        if not isinstance(positive, list) or any(p not in all_keys for p in positive):
            reader.problem(f"{at}.positive", "must list options of the scale")
            positive = []
        display = entry.get("display", "buttons")
        if display not in DISPLAYS:
            reader.problem(f"{at}.display", f"must be one of {', '.join(DISPLAYS)}")
        scales[key] = Scale(key, options, optional, tuple(positive), display)
    for key, expected in REQUIRED_SCALES.items():
        scale = scales.get(key)
        if scale is None:
            reader.problem("scales", f"the required scale {key!r} is missing")
        elif tuple(option.key for option in scale.options) != expected:
            reader.problem(f"scales.{key}.options", f"must be {list(expected)} in that order")
    problems.extend(reader.problems)
    return scales


def _load_question(
    reader: _Reader, raw: Any, at: str, scales: Mapping[str, Scale], earlier: dict[str, Question]
) -> Question:
    entry = reader.mapping(raw, at, _QUESTION_KEYS)
    key = reader.key(entry.get("key"), f"{at}.key")
    qtype = entry.get("type")
    if qtype not in QUESTION_TYPES:
        reader.problem(f"{at}.type", f"{qtype!r} is not one of {', '.join(QUESTION_TYPES)}")
        qtype = "text"
    choices: tuple[Option, ...] = ()
    scale_key = entry.get("scale")
    display = "buttons"
    good: tuple[str, ...] = ()
    if qtype == "scale":
        scale = scales.get(scale_key) if isinstance(scale_key, str) else None
        if scale is None:
            reader.problem(f"{at}.scale", f"unknown scale {scale_key!r}")
        else:
            choices = scale.options + (scale.optional if entry.get("not_applicable") else ())
            display = scale.display
            good = scale.positive
            for option in choices:
                reader.labels(option.label, f"scales.{scale.key}.labels.{option.key}")
    elif scale_key is not None:
        reader.problem(f"{at}.scale", "only scale questions take a scale")
    if qtype in ("choice", "multi"):
        choices = reader.options(entry.get("options"), f"{at}.options")
    elif "options" in entry:
        reader.problem(f"{at}.options", "only choice and multi questions list options")
    if "good" in entry:
        raw_good = entry["good"]
        if not isinstance(raw_good, list) or any(g not in [c.key for c in choices]
                                                 for g in raw_good):
            reader.problem(f"{at}.good", "must list options of the question")
        else:
            good = tuple(raw_good)
    better = entry.get("better", "none")
    if better not in ("lower", "higher", "none") or (better != "none" and qtype != "integer"):
        reader.problem(f"{at}.better", "integer questions only: lower, higher or none")
        better = "none"
    minimum, maximum = entry.get("min"), entry.get("max")
    for bound, name in ((minimum, "min"), (maximum, "max")):
        if bound is not None and (qtype != "integer" or not isinstance(bound, int)):
            reader.problem(f"{at}.{name}", "integer questions only, a whole number")
    if isinstance(minimum, int) and isinstance(maximum, int) and minimum > maximum:
        reader.problem(f"{at}.min", "is greater than max")
    max_length = entry.get("max_length", 2000)
    if not isinstance(max_length, int) or not 1 <= max_length <= 10000:
        reader.problem(f"{at}.max_length", "must be a whole number from 1 to 10000")
        max_length = 2000
    show_if = None
    if "show_if" in entry:
        cond = reader.mapping(entry["show_if"], f"{at}.show_if", {"question", "any_of"})
        target = earlier.get(str(cond.get("question")))
        any_of = cond.get("any_of")
        if target is None:
            reader.problem(f"{at}.show_if.question", "must name an earlier question")
        elif not isinstance(any_of, list) or not any_of or any(
            value not in target.options for value in any_of
        ):
            reader.problem(f"{at}.show_if.any_of", f"must list options of {target.key!r}")
        else:
            show_if = Condition(target.key, tuple(any_of))
    return Question(
        key=key,
        type=qtype,
        label=reader.labels(entry.get("label"), f"{at}.label"),
        help=reader.labels(entry.get("help"), f"{at}.help", required=False),
        scale=scale_key if qtype == "scale" else None,
        choices=choices,
        required=bool(entry.get("required", False)),
        good=good,
        better=better,
        show_if=show_if,
        display=display,
        max_length=max_length,
        minimum=minimum if isinstance(minimum, int) else None,
        maximum=maximum if isinstance(maximum, int) else None,
    )


def _load_instrument(path: Path, scales: Mapping[str, Scale], problems: list[str]) -> Instrument:
    reader = _Reader(path.name, ())
    root = reader.mapping(_read_yaml(path), "", _INSTRUMENT_KEYS)
    languages = root.get("languages")
    if not isinstance(languages, dict) or DEFAULT_LANGUAGE not in languages:
        reader.problem("languages", "must map language codes to final/draft and include 'en'")
        languages = {DEFAULT_LANGUAGE: "final"}
    for code, status in languages.items():
        if code not in all_languages():
            reader.problem("languages", f"unknown language {code!r} (see languages.yaml)")
        if status not in TRANSLATION_STATUSES:
            reader.problem(f"languages.{code}", "must be final or draft")
    reader.languages = tuple(code for code in languages if code in all_languages())
    key = reader.key(root.get("key"), "key")
    if key != path.stem:
        reader.problem("key", f"must match the file name {path.stem!r}")
    version = root.get("version")
    if not isinstance(version, int) or version < 1:
        reader.problem("version", "must be a whole number from 1")
        version = 1
    role = root.get("respondent_role")
    if role not in RESPONDENT_ROLES:
        reader.problem("respondent_role", f"must be one of {', '.join(RESPONDENT_ROLES)}")
    age_range = root.get("age_range")
    if age_range is not None and not (
        isinstance(age_range, list) and len(age_range) == 2
        and all(isinstance(a, int) for a in age_range) and age_range[0] <= age_range[1]
    ):
        reader.problem("age_range", "must be [youngest, oldest]")
        age_range = None
    style = root.get("style", "standard")
    if style not in ("standard", "pictorial"):
        reader.problem("style", "must be standard or pictorial")

    pages: list[Page] = []
    earlier: dict[str, Question] = {}
    raw_pages = root.get("pages")
    if not isinstance(raw_pages, list) or not raw_pages:
        reader.problem("pages", "must be a non-empty list")
        raw_pages = []
    for page_index, raw_page in enumerate(raw_pages):
        at = f"pages[{page_index}]"
        page = reader.mapping(raw_page, at, _PAGE_KEYS)
        questions: list[Question] = []
        raw_questions = page.get("questions")
        if not isinstance(raw_questions, list) or not raw_questions:
            reader.problem(f"{at}.questions", "must be a non-empty list")
            raw_questions = []
        for q_index, raw_question in enumerate(raw_questions):
            question = _load_question(reader, raw_question, f"{at}.questions[{q_index}]",
                                      scales, earlier)
            if question.key in earlier:
                reader.problem(f"{at}.questions[{q_index}].key",
                               f"duplicate question key {question.key!r}")
            earlier[question.key] = question
            questions.append(question)
        icon = page.get("icon")
        pages.append(Page(
            key=reader.key(page.get("key"), f"{at}.key"),
            title=reader.labels(page.get("title"), f"{at}.title"),
            intro=reader.labels(page.get("intro"), f"{at}.intro", required=False),
            icon=reader.key(icon, f"{at}.icon") if icon is not None else None,
            questions=tuple(questions),
        ))
    reader.unique((page.key for page in pages), "pages")

    for qkey, (qtype, scale) in REQUIRED_QUESTIONS.get(key, {}).items():
        question = earlier.get(qkey)
        if question is None:
            reader.problem("pages", f"the brief's question {qkey!r} is missing")
        elif question.type != qtype or question.scale != scale:
            expected = f"{qtype} on {scale}" if scale else qtype
            reader.problem(qkey, f"must be a {expected} question")

    instrument = Instrument(
        key=key,
        version=version,
        respondent_role=str(role),
        languages={code: str(status) for code, status in languages.items()},
        title=reader.labels(root.get("title"), "title"),
        description=reader.labels(root.get("description"), "description", required=False),
        welcome=reader.labels(root.get("welcome"), "welcome", required=False),
        thank_you=reader.labels(root.get("thank_you"), "thank_you", required=False),
        pages=tuple(pages),
        style=style,
        age_range=tuple(age_range) if age_range else None,
    )
    problems.extend(dict.fromkeys(reader.problems))
    return instrument


def read_catalogue(directory: Path = DEFINITIONS_DIR) -> tuple[Catalogue, list[str]]:
    """Read every definition under ``directory``; return it with the problems found."""
    problems: list[str] = []
    scales_path = directory / SCALES_FILE
    if not scales_path.exists():
        return Catalogue({}, {}), [f"{SCALES_FILE}: file is missing"]
    languages = tuple(all_languages())
    scales = _load_scales(scales_path, languages, problems)
    instruments: dict[str, Instrument] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name == SCALES_FILE:
            continue
        try:
            instrument = _load_instrument(path, scales, problems)
        except yaml.YAMLError as error:
            problems.append(f"{path.name}: not valid YAML: {error}")
            continue
        instruments[instrument.key] = instrument
    for key in REQUIRED_QUESTIONS:
        if key not in instruments:
            problems.append(f"{key}.yaml: the brief's instrument {key!r} is missing")
    return Catalogue(scales, instruments), problems


@cache
def load_catalogue(directory: Path = DEFINITIONS_DIR) -> Catalogue:
    """Return the checked catalogue, read once per process; raise if anything is broken."""
    catalogue, problems = read_catalogue(directory)
    if problems:
        raise DefinitionError(problems)
    return catalogue


def get_instrument(key: str) -> Instrument | None:
    """Return the instrument called ``key`` from the shipped definitions, if any."""
    return load_catalogue().get(key)
