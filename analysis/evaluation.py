"""Measure the free-text analysis against hand-labelled comments and redaction cases.

Run ``python -m analysis.evaluation --split test`` for the held-out figures quoted in
docs/ANALYSIS.md; ``--split dev`` is the part rules may be tuned on, and ``--errors`` lists
what went wrong. A TextBlob-polarity-only baseline is printed beside the sentiment figures so
the gain from the domain lexicon is visible.

``--data`` and ``--redaction`` read any file in the same formats, with whatever split names
it uses: ``--data tests/data/comments_independent.csv --redaction
tests/data/redaction_independent.yaml --split tune`` is the second author's set. Sentiment is
scored twice, with the question key and from the text alone (as ``feedback-app analyse-text``
sees it).
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
#: ``all`` takes every row whatever its split; other names are whatever the file uses.
ALL = "all"


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
    confusion_without_question: Counter[tuple[str, str]] = field(default_factory=Counter)
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

    def macro(self) -> tuple[float, float]:
        """Return precision and recall averaged over the themes that occur (labelled or found).

        The micro average is dominated by frequent themes; the macro average shows whether
        rare ones are read too.
        """
        used = [
            t
            for t in THEMES
            if self.true_positive[t] + self.false_positive[t] + self.false_negative[t]
        ]
        if not used:
            return 0.0, 0.0
        precision = sum(self.precision(t) for t in used) / len(used)
        recall = sum(self.recall(t) for t in used) / len(used)
        return precision, recall

    @staticmethod
    def _sum(counter: Counter[str], theme: str | None) -> int:
        return counter[theme] if theme else sum(counter.values())


def load_comments(path: Path, split: str) -> list[LabelledComment]:
    """Read the labelled comments of one split (or all); an unknown split is an error."""
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
    _check_split(split, {c.split for c in comments}, path)
    return [c for c in comments if split == ALL or c.split == split]


def _check_split(split: str, known: set[str], path: Path) -> None:
    """Refuse a split the file does not have, so a typo never reports on nothing."""
    if split != ALL and split not in known:
        choices = ", ".join(sorted(known | {ALL}))
        raise ValueError(f"{path.name} has no split {split!r} (choose from {choices})")


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
        scores.confusion_without_question[(comment.sentiment, unprompted)] += 1
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
        if (
            unprompted != comment.sentiment
            or result.sentiment != comment.sentiment
            or (missing or extra)
        ):
            scores.errors.append(
                f"{comment.id} [{comment.question}] {comment.text!r}\n"
                f"    sentiment {comment.sentiment} -> {result.sentiment}"
                f" (text alone {unprompted})   missing {missing}   extra {extra}"
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
    return [c for c in cases if split == ALL or c["split"] == split]


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


def _percent(part: int, whole: int) -> str:
    """Format ``part`` of ``whole`` as "87.3% (96/110)"."""
    share = part / whole if whole else 0.0
    return f"{share:.1%} ({part}/{whole})"


def _sentiment_table(scores: Scores, out: TextIO) -> None:
    """Print agreement with and without the question key, for the rules and the baseline."""
    out.write(f"    {'':<26}{'with question key':>20}{'text alone':>20}\n")
    rows = [
        ("lexicon and rules", scores.correct, scores.correct_without_question),
        ("TextBlob polarity only", scores.baseline_correct, scores.baseline_correct),
    ]
    for name, prompted, unprompted in rows:
        out.write(
            f"    {name:<26}{_percent(prompted, scores.total):>20}"
            f"{_percent(unprompted, scores.total):>20}\n"
        )


def report(
    split: str,
    data_dir: Path,
    show_errors: bool,
    out: TextIO,
    *,
    comments_path: Path | None = None,
    redaction_path: Path | None = None,
) -> None:
    """Print every figure for one split of the comments and redaction files.

    The files default to the author's set in ``data_dir``; any other file in the same
    format (with its own split names) may be given instead.
    """
    comments = load_comments(comments_path or data_dir / COMMENTS_FILE, split)
    scores = score_comments(comments)
    out.write(f"Split: {split}   comments: {scores.total}\n\n")
    out.write(
        f"Sentiment agreement: {_percent(scores.correct, scores.total)} with the question key, "
        f"{_percent(scores.correct_without_question, scores.total)} from the text alone\n"
    )
    _sentiment_table(scores, out)
    out.write("\n  Confusion, lexicon and rules (with the question key):\n")
    _confusion_table(scores.confusion, out)
    out.write("  Confusion, lexicon and rules (text alone):\n")
    _confusion_table(scores.confusion_without_question, out)
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
        f"{sum(scores.true_positive.values()) + sum(scores.false_negative.values()):>10}\n"
    )
    macro_precision, macro_recall = scores.macro()
    out.write(f"  {'macro average':<20}{macro_precision:>7.0%}{macro_recall:>8.0%}\n\n")
    if show_errors:
        out.write("\nComment errors:\n" + "\n".join(scores.errors) + "\n")
    if comments_path is not None and redaction_path is None:
        out.write("Redaction: not scored (give --redaction with --data)\n")
        return
    cases = load_redaction_cases(redaction_path or data_dir / REDACTION_FILE, split)
    _redaction_report(score_redaction(cases), show_errors, out)


def _redaction_report(redaction: RedactionScores, show_errors: bool, out: TextIO) -> None:
    """Print leaks (by kind) and words lost, and each failing case when asked."""
    out.write(
        f"Redaction: {redaction.cases} cases, {redaction.leaks} leaks, "
        f"{redaction.lost} kept words lost\n"
    )
    for kind, count in sorted(redaction.leaks_by_kind.items()):
        if count:
            out.write(f"  leaks in {kind}: {count}\n")
    if show_errors:
        out.write("\nRedaction errors:\n" + "\n".join(redaction.errors) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and print the evaluation."""
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluation", description=__doc__)
    parser.add_argument(
        "--split", default="test", help="a split the files use (dev, test, tune, holdout) or all"
    )
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--data", type=Path, help=f"labelled comments (default {COMMENTS_FILE})")
    parser.add_argument(
        "--redaction", type=Path, help=f"redaction cases (default {REDACTION_FILE})"
    )
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    try:
        report(
            args.split,
            args.data_dir,
            args.errors,
            sys.stdout,
            comments_path=args.data,
            redaction_path=args.redaction,
        )
    except ValueError as error:
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
