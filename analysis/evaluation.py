"""Measure the free-text analysis against hand-labelled comments and redaction cases.

Run ``python -m analysis.evaluation --split test`` for the held-out figures quoted in
docs/ANALYSIS.md; ``--split dev`` is the part rules may be tuned on, and ``--errors`` lists
what went wrong. A TextBlob-polarity-only baseline is printed beside the sentiment figures so
the gain from the domain lexicon is visible.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml
from textblob.en import sentiment as pattern_sentiment

from analysis.text import SENTIMENTS, THEMES, analyse_text, redact
from analysis.text.sentiment import classify_sentiment

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
COMMENTS_FILE = "comments_dev.csv"
REDACTION_FILE = "redaction_cases.yaml"
SPLITS = ("dev", "test", "all")


@dataclass(frozen=True)
class LabelledComment:
    """One row of comments_dev.csv."""

    id: str
    split: str
    respondent: str
    question: str
    text: str
    sentiment: str
    themes: frozenset[str]


@dataclass
class Scores:
    """Sentiment agreement, theme precision/recall and the errors behind them."""

    total: int = 0
    correct: int = 0
    correct_without_question: int = 0
    baseline_correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    baseline_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    true_positive: Counter[str] = field(default_factory=Counter)
    false_positive: Counter[str] = field(default_factory=Counter)
    false_negative: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def precision(self, theme: str | None = None) -> float:
        """Return precision for one theme, or micro-averaged over all when ``theme`` is None."""
        tp = self._sum(self.true_positive, theme)
        fp = self._sum(self.false_positive, theme)
        return tp / (tp + fp) if tp + fp else 0.0

    def recall(self, theme: str | None = None) -> float:
        """Return recall for one theme, or micro-averaged over all when ``theme`` is None."""
        tp = self._sum(self.true_positive, theme)
        fn = self._sum(self.false_negative, theme)
        return tp / (tp + fn) if tp + fn else 0.0

    @staticmethod
    def _sum(counter: Counter[str], theme: str | None) -> int:
        return counter[theme] if theme else sum(counter.values())


def load_comments(path: Path, split: str) -> list[LabelledComment]:
    """Read the labelled comments of one split (or all)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    comments = [
        LabelledComment(
            id=row["id"],
            split=row["split"],
            respondent=row["respondent"],
            question=row["question"],
            text=row["text"],
            sentiment=row["sentiment"],
            themes=frozenset(t for t in row["themes"].split(";") if t),
        )
        for row in rows
    ]
    return [c for c in comments if split == "all" or c.split == split]


def baseline_sentiment(text: str) -> str:
    """Label by TextBlob polarity alone: above zero positive, below critical, else neutral."""
    polarity = pattern_sentiment(text)[0]
    if polarity > 0:
        return "positive"
    if polarity < 0:
        return "critical"
    return "neutral"


def score_comments(comments: Sequence[LabelledComment]) -> Scores:
    """Compare analyse_text and the baseline with the labels."""
    scores = Scores()
    for comment in comments:
        result = analyse_text(comment.text, question=comment.question)
        baseline = baseline_sentiment(comment.text)
        scores.total += 1
        scores.correct += result.sentiment == comment.sentiment
        unprompted = classify_sentiment(comment.text)
        scores.correct_without_question += unprompted == comment.sentiment
        scores.baseline_correct += baseline == comment.sentiment
        scores.confusion[(comment.sentiment, result.sentiment)] += 1
        scores.baseline_confusion[(comment.sentiment, baseline)] += 1
        predicted = set(result.themes)
        for theme in THEMES:
            if theme in predicted and theme in comment.themes:
                scores.true_positive[theme] += 1
            elif theme in predicted:
                scores.false_positive[theme] += 1
            elif theme in comment.themes:
                scores.false_negative[theme] += 1
        missing = sorted(comment.themes - predicted)
        extra = sorted(predicted - comment.themes)
        if result.sentiment != comment.sentiment or missing or extra:
            scores.errors.append(
                f"{comment.id} [{comment.question}] {comment.text!r}\n"
                f"    sentiment {comment.sentiment} -> {result.sentiment}"
                f"   missing {missing}   extra {extra}"
            )
    return scores


@dataclass
class RedactionScores:
    """Leaks (strings that should be gone) and losses (strings that should stay)."""

    cases: int = 0
    leaks: int = 0
    lost: int = 0
    leaks_by_kind: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)


def load_redaction_cases(path: Path, split: str) -> list[dict[str, Any]]:
    """Read the redaction cases of one split (or all)."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    return [c for c in cases if split == "all" or c["split"] == split]


def leaked(output: str, secret: str) -> bool:
    """Say whether ``secret`` survives in ``output`` as a whole word, ignoring case."""
    pattern = rf"(?<![\w]){re.escape(secret)}(?![\w])"
    return re.search(pattern, output, re.IGNORECASE) is not None


def score_redaction(cases: Sequence[dict[str, Any]]) -> RedactionScores:
    """Run redact over every case and count leaks and lost words."""
    scores = RedactionScores()
    for case in cases:
        output = redact(case["text"], case.get("names", ()))
        scores.cases += 1
        leaks = [s for s in case["absent"] if leaked(output, s)]
        lost = [s for s in case["present"] if s not in output]
        scores.leaks += len(leaks)
        scores.lost += len(lost)
        scores.leaks_by_kind[case["kind"]] += len(leaks)
        if leaks or lost:
            scores.errors.append(
                f"{case['id']} {case['text']!r} -> {output!r}   leaked {leaks}   lost {lost}"
            )
    return scores


def _confusion_table(confusion: Counter[tuple[str, str]], out: TextIO) -> None:
    """Print a confusion matrix, labels down the side and predictions across."""
    width = max(len(s) for s in SENTIMENTS) + 2
    header = "".join(s.rjust(width) for s in SENTIMENTS)
    out.write("    label \\ predicted".ljust(24) + header + "\n")
    for label in SENTIMENTS:
        row = "".join(str(confusion[(label, p)]).rjust(width) for p in SENTIMENTS)
        out.write(f"    {label}".ljust(24) + row + "\n")


def report(split: str, data_dir: Path, show_errors: bool, out: TextIO) -> None:
    """Print every figure for one split."""
    comments = load_comments(data_dir / COMMENTS_FILE, split)
    scores = score_comments(comments)
    out.write(f"Split: {split}   comments: {scores.total}\n\n")
    accuracy = scores.correct / scores.total if scores.total else 0.0
    baseline = scores.baseline_correct / scores.total if scores.total else 0.0
    unprompted = scores.correct_without_question / scores.total if scores.total else 0.0
    out.write(f"Sentiment agreement: {accuracy:.1%} ({scores.correct}/{scores.total})\n")
    out.write(
        f"  without the question key: {unprompted:.1%} "
        f"({scores.correct_without_question}/{scores.total})\n"
    )
    out.write(
        f"TextBlob polarity only (baseline): {baseline:.1%} "
        f"({scores.baseline_correct}/{scores.total})\n\n"
    )
    out.write("  Confusion, lexicon and rules:\n")
    _confusion_table(scores.confusion, out)
    out.write("  Confusion, TextBlob baseline:\n")
    _confusion_table(scores.baseline_confusion, out)
    out.write("\nThemes            precision  recall  labelled\n")
    for theme in THEMES:
        labelled = scores.true_positive[theme] + scores.false_negative[theme]
        out.write(
            f"  {theme:<20}{scores.precision(theme):>7.0%}{scores.recall(theme):>8.0%}"
            f"{labelled:>10}\n"
        )
    out.write(
        f"  {'micro average':<20}{scores.precision():>7.0%}{scores.recall():>8.0%}"
        f"{sum(scores.true_positive.values()) + sum(scores.false_negative.values()):>10}\n\n"
    )
    cases = load_redaction_cases(data_dir / REDACTION_FILE, split)
    redaction = score_redaction(cases)
    out.write(
        f"Redaction: {redaction.cases} cases, {redaction.leaks} leaks, "
        f"{redaction.lost} kept words lost\n"
    )
    for kind, count in sorted(redaction.leaks_by_kind.items()):
        if count:
            out.write(f"  leaks in {kind}: {count}\n")
    if show_errors:
        out.write("\nComment errors:\n" + "\n".join(scores.errors) + "\n")
        out.write("\nRedaction errors:\n" + "\n".join(redaction.errors) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and print the evaluation."""
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluation", description=__doc__)
    parser.add_argument("--split", choices=SPLITS, default="test")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    report(args.split, args.data_dir, args.errors, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
