"""``import-responses``."""

from __future__ import annotations

from pathlib import Path

import click

from feedback_app.cli.common import get_organisation, instrument_or_fail, organisation_option
from feedback_app.importer import import_csv

MAX_FILE_BYTES = 512 * 1024 * 1024


@click.command("import-responses")
@click.option("--instrument", "instrument_key", required=True, help="Instrument key.")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--channel", type=click.Choice(["paper", "interview"]), default="paper",
              show_default=True)
@organisation_option
def import_responses(instrument_key: str, csv_file: Path, channel: str,
                     organisation_slug: str | None) -> None:
    """Import responses from a CSV file: every row is checked; all or nothing."""
    instrument = instrument_or_fail(instrument_key)
    organisation = get_organisation(organisation_slug)
    if csv_file.stat().st_size > MAX_FILE_BYTES:
        raise click.ClickException("The file is larger than 512 MB; split it.")
    report = import_csv(instrument, csv_file.read_bytes(), organisation_id=organisation.id,
                        channel=channel)
    if not report.ok:
        for problem in report.problems:
            click.echo(f"{csv_file.name}: {problem}", err=True)
        raise click.ClickException(
            f"Nothing imported: {len(report.problems)} problem(s) in {report.rows} row(s).")
    click.echo(f"Imported {report.imported} {instrument.key} responses ({channel}) from "
               f"{csv_file.name}.")


COMMANDS = [import_responses]
