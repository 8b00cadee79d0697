"""The measurement script: it runs, reports every figure, and the dev split stays good."""

import csv
import io
import random
from pathlib import Path

import pytest
import yaml

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


def test_independent_sets_are_labelled_and_split_by_the_documented_seed() -> None:
    """The second author's set: big enough, valid labels, and the holdout is reproducible."""
    with (DATA_DIR / "comments_independent.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 300
    assert {row["sentiment"] for row in rows} == SENTIMENTS
    assert {t for row in rows for t in row["themes"].split(";") if t} == THEMES_ALLOWED
    ids = [row["id"] for row in rows]
    holdout = set(random.Random(20261201).sample(ids, len(ids) // 2))
    assert {row["id"] for row in rows if row["split"] == "holdout"} == holdout
    assert {row["split"] for row in rows} == {"tune", "holdout"}
    cases = yaml.safe_load((DATA_DIR / "redaction_independent.yaml").read_text("utf-8"))["cases"]
    assert len(cases) >= 100
    case_ids = [case["id"] for case in cases]
    assert len(set(case_ids)) == len(case_ids)
    held = set(random.Random(20261201).sample(case_ids, len(case_ids) // 2))
    assert {case["id"] for case in cases if case["split"] == "holdout"} == held


def test_any_file_and_split_can_be_measured(
    tiny_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    comments = tiny_data / "other.csv"
    comments.write_text(
        "id,split,respondent,question,text,sentiment,themes\n"
        "x1,tune,child_8_11,going_well,My IRO listens,positive,being_heard\n"
        "x2,holdout,parent,comments_improve,Still no minutes,critical,minutes;delay\n",
        encoding="utf-8",
    )
    assert main(["--data", str(comments), "--split", "tune"]) == 0
    output = capsys.readouterr().out
    assert "Split: tune   comments: 1" in output
    assert "text alone" in output and "macro average" in output
    assert "Redaction: not scored" in output
    redaction = tiny_data / "redaction_cases.yaml"
    assert main(["--data", str(comments), "--redaction", str(redaction), "--split", "all"]) == 0
    assert "Redaction: 1 cases, 0 leaks" in capsys.readouterr().out


def test_an_unknown_split_is_refused(tiny_data: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tiny_data), "--split", "holdout"])
    with pytest.raises(ValueError, match="no split 'tune'"):
        load_comments(tiny_data / "comments_dev.csv", "tune")
