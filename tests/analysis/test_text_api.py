"""The public API the web layer and the CLI call, and the purity of the analysis package."""

import ast
import dataclasses
import json
from pathlib import Path

import pytest

from analysis.text import LEXICON_VERSION, SENTIMENTS, THEMES, TextAnalysis, analyse_text

ANALYSIS_DIR = Path(__file__).resolve().parents[2] / "analysis"
FORBIDDEN = {"flask", "sqlalchemy", "feedback_app", "flask_sqlalchemy", "werkzeug"}


def test_analyse_text_returns_sentiment_themes_and_redacted_text() -> None:
    result = analyse_text(
        "Sarah is great but the minutes are always late, ring 07700 900123", names=["Sarah Jones"]
    )
    assert result == TextAnalysis(
        sentiment="mixed",
        themes=("minutes", "communication", "delay"),
        redacted="[name] is great but the minutes are always late, ring [phone]",
    )


def test_as_dict_is_json_ready_for_the_cli_contract() -> None:
    data = analyse_text("My IRO always listens to me").as_dict()
    assert data == {
        "sentiment": "positive",
        "themes": ["being_heard"],
        "redacted": "My IRO always listens to me",
    }
    assert json.loads(json.dumps(data)) == data


def test_results_are_frozen() -> None:
    result = analyse_text("thanks")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.sentiment = "critical"  # type: ignore[misc]


def test_question_is_optional_and_only_settles_bare_answers() -> None:
    assert analyse_text("everything").sentiment == "neutral"
    assert analyse_text("everything", question="going_well").sentiment == "positive"


def test_constants() -> None:
    assert SENTIMENTS == ("positive", "critical", "mixed", "neutral")
    assert len(THEMES) == 15
    assert isinstance(LEXICON_VERSION, str) and LEXICON_VERSION


def test_empty_and_whitespace_answers() -> None:
    assert analyse_text("") == TextAnalysis("neutral", (), "")
    assert analyse_text("   ").sentiment == "neutral"


def test_analysis_package_imports_nothing_from_the_web_layer() -> None:
    offenders = []
    for path in ANALYSIS_DIR.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            else:
                continue
            offenders += [
                f"{path.name}: {m}" for m in modules if m.split(".")[0].lower() in FORBIDDEN
            ]
    assert offenders == []


def test_short_answers_are_cached_and_long_ones_are_not() -> None:
    assert analyse_text("n/a") is analyse_text("n/a")
    long_answer = "The IRO was great. " * 20
    assert analyse_text(long_answer) == analyse_text(long_answer)
    assert analyse_text(long_answer) is not analyse_text(long_answer)


def test_names_may_be_any_iterable() -> None:
    names = ["Sarah Jones"]
    assert analyse_text("Sarah came", names).redacted == "[name] came"
    assert analyse_text("Sarah came", iter(names)).redacted == "[name] came"
