"""Time analyse_text per comment, and the one-off cost of loading lexicons and TextBlob.

Run: python bench/bench_text.py [--comments N]. Prints the cold start (imports plus the first
call, which loads every lexicon) and the steady per-comment time over the labelled comments
in tests/data/comments_dev.csv, cycled to N answers (best of three rounds, as timeit does,
because other work on the machine only ever slows a round down). A measurement, not a test.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

ROUNDS = 3
DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "comments_dev.csv"


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--comments", type=int, default=20_000)
    args = parser.parse_args()
    with DATA.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]

    start = time.process_time()
    # Imported here: the import is part of the cold start. The uncached function is timed,
    # since analyse_text answers a repeated answer ("n/a") from its cache.
    from analysis.text import _analyse as analyse

    analyse("My IRO always listens to me", ("Sarah Jones",), None)
    cold = time.process_time() - start

    rounds = []
    for _ in range(ROUNDS):
        start = time.process_time()
        for index in range(args.comments):
            analyse(texts[index % len(texts)], ("Sarah Jones",), None)
        rounds.append((time.process_time() - start) / args.comments)
    steady = min(rounds)

    mean_chars = sum(map(len, texts)) / len(texts)
    print(f"cold start (imports + lexicons + first call): {cold:.2f} s")
    print(
        f"per comment: {steady * 1e6:.0f} µs (best of {ROUNDS} rounds of {args.comments}; "
        f"slowest round {max(rounds) * 1e6:.0f} µs; mean {mean_chars:.0f} characters)"
    )
    print(f"so 10,000 free-text answers take about {cold + steady * 10_000:.1f} s in all")


if __name__ == "__main__":
    main()
