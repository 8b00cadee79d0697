"""Measure concern detection against the hand-labelled comments, per split and language.

Run ``python -m analysis.concerns.evaluate`` from the repository root. Figures worth quoting
come from the ``test`` split only; the ``dev`` split is the one rules may be tuned on.
``--csv tests/data/concerns_fresh.csv`` reports the rounds of fresh comments written after
the lexicon (see docs/CONCERNS.md). ``--data tests/data/concerns_independent.csv`` reports
the independent set (``tune`` may be looked at while changing rules; ``holdout`` is scored
once, at the end). ``--speed`` also times detection per comment.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.concerns import CONCERNS_VERSION, LANGUAGES, detect_concerns

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "tests" / "data" / "concerns_labelled.csv"

#: The seed and share that fixed the test split before any rule was tuned.
SPLIT_SEED = "concerns-split-v1"
TEST_SHARE = 0.3

#: The seed and share that fixed the independent set's holdout before any rule was changed.
INDEPENDENT_SEED = "concerns-independent-v1"
HOLDOUT_SHARE = 0.5


@dataclass(frozen=True)
class Example:
    """One labelled comment."""

    id: str
    language: str
    text: str
    concern: bool
    categories: tuple[str, ...]
    split: str


@dataclass(frozen=True)
class Scores:
    """Confusion counts and the figures derived from them."""

    n: int
    tp: int
    fp: int
    fn: int

    @property
    def positives(self) -> int:
        return self.tp + self.fn

    @property
    def recall(self) -> float:
        return self.tp / self.positives if self.positives else 1.0

    @property
    def precision(self) -> float:
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else 1.0

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0


def load_examples(path: Path = DEFAULT_CSV) -> list[Example]:
    """Read the labelled CSV (``id,language,text,concern,category,split``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Example(
                id=row["id"],
                language=row["language"],
                text=row["text"],
                concern=row["concern"] == "1",
                categories=tuple(c for c in row["category"].split(";") if c),
                split=row["split"],
            )
            for row in csv.DictReader(handle)
        ]


def assign_splits(
    examples: Iterable[Example],
    seed: str = SPLIT_SEED,
    share: float = TEST_SHARE,
    names: tuple[str, str] = ("test", "dev"),
) -> dict[str, str]:
    """Recompute the split: per (language, concern), the ``share`` with the lowest hash.

    Stratifying keeps positives and negatives of every language in the held-out split;
    hashing ids with a fixed seed makes the choice reproducible and independent of the
    rules. ``names`` are (held out, tuned on): ``("test", "dev")`` for the labelled set,
    ``("holdout", "tune")`` for the independent one.
    """
    strata: dict[tuple[str, bool], list[str]] = {}
    for example in examples:
        strata.setdefault((example.language, example.concern), []).append(example.id)
    splits: dict[str, str] = {}
    held_out, tuned = names
    for ids in strata.values():
        ids.sort(key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).digest())
        cut = round(share * len(ids))
        splits.update({i: (held_out if rank < cut else tuned) for rank, i in enumerate(ids)})
    return splits


def assign_independent_splits(examples: Iterable[Example]) -> dict[str, str]:
    """The independent set's split: half of each (language, concern) stratum held out."""
    return assign_splits(examples, INDEPENDENT_SEED, HOLDOUT_SHARE, ("holdout", "tune"))


def predictions(examples: Iterable[Example]) -> dict[str, bool]:
    """Run the detector on every example with the example's form language."""
    return {e.id: bool(detect_concerns(e.text, e.language)) for e in examples}


def score(examples: Sequence[Example], predicted: dict[str, bool]) -> Scores:
    """Count true positives, false positives and misses."""
    tp = sum(1 for e in examples if e.concern and predicted[e.id])
    fp = sum(1 for e in examples if not e.concern and predicted[e.id])
    fn = sum(1 for e in examples if e.concern and not predicted[e.id])
    return Scores(len(examples), tp, fp, fn)


def _row(label: str, scores: Scores) -> str:
    return (
        f"{label:<14}{scores.n:>5}{scores.positives:>6}{scores.tp:>5}{scores.fn:>5}{scores.fp:>5}"
        f"{scores.recall:>9.3f}{scores.precision:>11.3f}{scores.f1:>7.3f}"
    )


def report(examples: Sequence[Example], predicted: dict[str, bool], split: str) -> str:
    """Format the figures for one split, overall, per language and per category."""
    chosen = [e for e in examples if e.split == split]
    lines = [
        f"split={split}",
        f"{'':<14}{'n':>5}{'pos':>6}{'TP':>5}{'FN':>5}{'FP':>5}{'recall':>9}"
        f"{'precision':>11}{'F1':>7}",
        _row("all", score(chosen, predicted)),
    ]
    for language in LANGUAGES:
        subset = [e for e in chosen if e.language == language]
        if subset:
            lines.append(_row(f"  {language}", score(subset, predicted)))
    lines.append("recall by labelled category (positives only):")
    categories = sorted({c for e in chosen for c in e.categories})
    for category in categories:
        positives = [e for e in chosen if category in e.categories]
        lines.append(_row(f"  {category}", score(positives, predicted)))
    misses = [e for e in chosen if e.concern and not predicted[e.id]]
    alarms = [e for e in chosen if not e.concern and predicted[e.id]]
    lines.append(f"misses ({len(misses)}):")
    lines.extend(f"  {e.id:<10} {e.text}" for e in misses)
    lines.append(f"false alarms ({len(alarms)}):")
    lines.extend(f"  {e.id:<10} {e.text}" for e in alarms)
    return "\n".join(lines)


def speed(examples: Sequence[Example], comments: int = 100_000) -> str:
    """Time detection per comment, in CPU time so that a busy machine does not inflate it.

    No comment is answered from the cache of repeated answers: each pass over the labelled
    set adds different trailing spaces ("known words"), or a new number ("one new word", the
    cost of a word the lexicons have not seen before). The labelled set is half concerns and
    a third non-English, so the mix is slower than real feedback.
    """
    everything = [(e.text, e.language) for e in examples]
    english = [(e.text, e.language) for e in examples if e.language == "en"]
    calm = [(e.text, e.language) for e in examples if e.language == "en" and not e.concern]
    lines = [f"speed: {comments} distinct comments per line (CPU time)"]
    for label, pool, with_language in (
        ("labelled mix, form language given", everything, True),
        ("labelled mix, language None", everything, False),
        ("English answers, concerns and not", english, True),
        ("English answers without a concern", calm, True),
    ):
        for text, language in pool:  # warm the per-word memories, as a running server would
            detect_concerns(text, language)
        for words in ("known words", "one new word"):
            started = time.process_time()
            for i in range(comments):
                text, language = pool[i % len(pool)]
                if words == "known words":
                    text += " " * (i // len(pool) % 64 + 1)
                else:
                    text += f" {i}"
                detect_concerns(text, language if with_language else None)
            spent = time.process_time() - started
            lines.append(
                f"  {label}, {words}: {spent:.2f} s, {spent / comments * 1e6:.1f} us per comment"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the evaluation; exit non-zero if a dev/test file's split is not the seeded one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--csv", "--data", dest="csv", type=Path, default=DEFAULT_CSV, help="labelled comments"
    )
    parser.add_argument(
        "--split",
        action="append",
        help="split to report (repeatable); default: every split in the file",
    )
    parser.add_argument("--speed", action="store_true", help="also time 100,000 comments")
    args = parser.parse_args(argv)
    examples = load_examples(args.csv)
    present = list(dict.fromkeys(e.split for e in examples))
    seeded = {
        frozenset({"dev", "test"}): assign_splits,
        frozenset({"tune", "holdout"}): assign_independent_splits,
    }.get(frozenset(present))
    if seeded is not None and seeded(examples) != {e.id: e.split for e in examples}:
        print("the split column differs from the seeded split; figures would mislead")
        return 2
    unknown = set(args.split or ()) - set(present)
    if unknown:
        print(f"no split named {sorted(unknown)} in {args.csv.name}; it has {present}")
        return 2
    predicted = predictions(examples)
    print(f"{args.csv.name}: {len(examples)} comments, {CONCERNS_VERSION}")
    for split in args.split or present:
        print()
        print(report(examples, predicted, split))
    if args.speed:
        print()
        print(speed(examples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
