"""``analyse-text`` and ``reanalyse``."""

from __future__ import annotations

import json
import sys

import click

from analysis.text import LEXICON_VERSION, analyse_text
from feedback_app.text_analysis import reanalyse


@click.command("analyse-text")
@click.option("--names", default="", help='Known names to remove, e.g. "Name1,Name2".')
@click.option("--question", default=None, help="Question key the comments answer (optional).")
def analyse_text_command(names: str, question: str | None) -> None:
    """Read one comment per line on standard input; write one JSON object per line."""
    known = tuple(name.strip() for name in names.split(",") if name.strip())
    for line in sys.stdin:
        text = line.rstrip("\r\n")
        if not text.strip():
            continue
        result = analyse_text(text, known, question=question)
        click.echo(json.dumps({"text": text, **result.as_dict()}, ensure_ascii=False))


@click.command("reanalyse")
@click.option("--all", "everything", is_flag=True,
              help="Redo every answer, not only those from another lexicon version.")
def reanalyse_command(everything: bool) -> None:
    """Recompute sentiment, themes and redaction of stored free-text answers."""
    count = reanalyse(everything=everything)
    click.echo(f"Re-analysed {count} answers with lexicon {LEXICON_VERSION}.")


COMMANDS = [analyse_text_command, reanalyse_command]
