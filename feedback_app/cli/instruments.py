"""``instruments list | show | validate``."""

from __future__ import annotations

import json
from typing import Any

import click

from feedback_app.cli.common import instrument_or_fail
from feedback_app.instruments import Instrument, load_catalogue, localise, read_catalogue
from feedback_app.instruments.loader import DEFINITIONS_DIR


def instrument_json(instrument: Instrument) -> dict[str, Any]:
    """Return the DESIGN.md shape of an instrument, with every label in every language."""
    return {
        "key": instrument.key,
        "version": instrument.version,
        "respondent_role": instrument.respondent_role,
        "languages": list(instrument.languages),
        "translation_status": dict(instrument.languages),
        "title": dict(instrument.title),
        "questions": [
            {
                "key": question.key,
                "type": question.type,
                "scale": question.scale,
                "options": list(question.options),
                "option_labels": {option.key: dict(option.label) for option in question.choices},
                "label": dict(question.label),
                "help": dict(question.help),
                "page": page.key,
                "required": question.required,
                "good": list(question.good),
                "better": question.better,
                "show_if": ({"question": question.show_if.question,
                             "any_of": list(question.show_if.any_of)}
                            if question.show_if else None),
            }
            for page in instrument.pages
            for question in page.questions
        ],
    }


@click.group("instruments")
def instruments() -> None:
    """Inspect and check the questionnaire definitions."""


@instruments.command("list")
def list_instruments() -> None:
    """List every instrument with its version, questions and languages."""
    for instrument in load_catalogue().instruments.values():
        languages = ", ".join(f"{code}{'' if status == 'final' else ' (draft)'}"
                              for code, status in instrument.languages.items())
        click.echo(f"{instrument.key:<22} v{instrument.version}  "
                   f"{len(instrument.questions):>2} questions  {localise(instrument.title, 'en')}"
                   f"  [{languages}]")


@instruments.command("show")
@click.argument("key")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text",
              show_default=True)
@click.option("--language", default="en", show_default=True, help="Language of the text view.")
def show_instrument(key: str, fmt: str, language: str) -> None:
    """Show one instrument's questions (JSON: every label in every language)."""
    instrument = instrument_or_fail(key)
    if fmt == "json":
        click.echo(json.dumps(instrument_json(instrument), ensure_ascii=False, indent=2))
        return
    click.echo(f"{instrument.key} v{instrument.version}: {localise(instrument.title, language)}")
    for page in instrument.pages:
        click.echo(f"\n[{page.key}] {localise(page.title, language)}")
        for question in page.questions:
            kind = f"{question.type}:{question.scale}" if question.scale else question.type
            click.echo(f"  {question.key} ({kind}) {localise(question.label, language)}")
            if question.options:
                click.echo(f"      options: {', '.join(question.options)}")


@instruments.command("validate")
def validate_instruments() -> None:
    """Check every definition; exit non-zero naming each problem."""
    catalogue, problems = read_catalogue(DEFINITIONS_DIR)
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        raise click.ClickException(f"{len(problems)} problem(s) in the instrument definitions.")
    click.echo(f"{len(catalogue.instruments)} instruments and {len(catalogue.scales)} scales "
               "are valid.")


COMMANDS = [instruments]
