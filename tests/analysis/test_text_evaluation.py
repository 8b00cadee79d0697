"""The measurement script: it runs, reports every figure, and the dev split stays good."""

import csv
import io
from pathlib import Path

import pytest

from analysis.evaluation import (
    DATA_DIR,
    baseline_sentiment,
    load_comments,
    main,
    report,
    score_comments,
    score_redaction,
)

SENTIMENTS = {"positive", "critical", "mixed", "neutral"}
THEMES_ALLOWED = {
    "support",
    "being_heard",
    "worker_change",
    "minutes",
    "communication",
    "information",
    "contact",
    "placement",
    "education",
    "review_arrangements",
    "delay",
    "safety",
    "relationship",
    "professionalism",
    "challenge",
}


def test_the_dataset_is_big_labelled_and_split() -> None:
    with (DATA_DIR / "comments_dev.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 400
    assert rows[0].keys() == {
        "id",
        "split",
        "respondent",
        "question",
        "text",
        "sentiment",
        "themes",
    }
    assert len({row["id"] for row in rows}) == len(rows)
    assert {row["sentiment"] for row in rows} == SENTIMENTS
    assert {t for row in rows for t in row["themes"].split(";") if t} == THEMES_ALLOWED
    test_share = sum(row["split"] == "test" for row in rows) / len(rows)
    assert 0.18 < test_share < 0.22


@pytest.fixture
def tiny_data(tmp_path: Path) -> Path:
    (tmp_path / "comments_dev.csv").write_text(
        "id,split,respondent,question,text,sentiment,themes\n"
        "c1,test,parent,comments_improve,Still no minutes,critical,minutes;delay\n"
        "c2,test,child_8_11,going_well,My IRO listens,positive,being_heard\n"
        "c3,dev,child_8_11,going_well,football,neutral,\n",
        encoding="utf-8",
    )
    (tmp_path / "redaction_cases.yaml").write_text(
        "cases:\n- {id: r1, split: test, kind: found_name, text: Mr Smith came,"
        " absent: [Smith], present: [came]}\n",
        encoding="utf-8",
    )
    return tmp_path


def test_report_prints_every_section(tiny_data: Path) -> None:
    out = io.StringIO()
    report("test", tiny_data, True, out)
    text = out.getvalue()
    for expected in [
        "Sentiment agreement: 100.0% (2/2)",
        "TextBlob polarity only",
        "Confusion",
        "micro average",
        "Redaction: 1 cases, 0 leaks",
    ]:
        assert expected in text


def test_main_parses_arguments(tiny_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--split", "dev", "--data-dir", str(tiny_data)]) == 0
    output = capsys.readouterr().out
    assert "Split: dev   comments: 1" in output
    assert "(1/1)" in output


def test_baseline_reads_polarity_only() -> None:
    assert baseline_sentiment("good") == "positive"
    assert baseline_sentiment("bad") == "critical"
    assert baseline_sentiment("the minutes") == "neutral"


def test_dev_split_quality_does_not_regress() -> None:
    """Guard the tuned figures on the dev split (the test split is only ever reported)."""
    scores = score_comments(load_comments(DATA_DIR / "comments_dev.csv", "dev"))
    assert scores.correct / scores.total >= 0.93
    assert scores.precision() >= 0.85 and scores.recall() >= 0.88
    assert scores.baseline_correct < scores.correct


def test_leak_check_is_case_insensitive_and_whole_word() -> None:
    scores = score_redaction(
        [
            {
                "id": "x",
                "kind": "found_name",
                "text": "Mr Jones and jonesy",
                "absent": ["Jones"],
                "present": [],
            },
        ]
    )
    assert scores.leaks == 0
