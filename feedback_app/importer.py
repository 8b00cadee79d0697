"""Import paper or interview responses from CSV: every row checked, all or nothing.

The header is ``submitted_at`` (optional ISO date), ``language``, ``area``, ``age_band``, then
one column per question key. Scale answers are option keys; multiple choice is ``a;b;c``.
A file with any bad row imports nothing, and every bad row is reported with its line number.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

import sqlalchemy as sa

from feedback_app.answers import AnswerError, clean_answer
from feedback_app.extensions import db
from feedback_app.instruments.model import Instrument
from feedback_app.languages import DEFAULT_LANGUAGE, is_supported
from feedback_app.models import Response
from feedback_app.models.vocab import AGE_BANDS, CHANNELS
from feedback_app.submissions import Submission, bulk_store

META_COLUMNS = ("submitted_at", "language", "area", "age_band")
MAX_ROWS = 500_000
MAX_AREA_LENGTH = 100
#: Rows inserted per statement batch: bounded memory on very large files.
BATCH_SIZE = 5_000


@dataclass(frozen=True)
class RowProblem:
    """Why one line of the file was refused."""

    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportReport:
    """What an import did, or why it did nothing."""

    rows: int = 0
    imported: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _parse_date(value: str, today: date) -> datetime:
    """Read an ISO date (or date-time); the response counts as submitted that day."""
    try:
        if "T" in value or " " in value.strip():
            moment = datetime.fromisoformat(value.strip())
            moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        else:
            moment = datetime.combine(date.fromisoformat(value.strip()), time(12), tzinfo=UTC)
    except ValueError:
        raise AnswerError("is not a date in the form YYYY-MM-DD") from None
    if moment.date() > today:
        raise AnswerError("is in the future")
    if moment.year < 2000:
        raise AnswerError("is before 2000")
    return moment


def _split_multi(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number where the row starts, row) for every data row."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    line = reader.line_num + 1
    for row in reader:
        yield line, row
        line = reader.line_num + 1


def check_header(instrument: Instrument, header: list[str]) -> list[RowProblem]:
    """Refuse unknown, duplicate or missing columns before reading any row."""
    problems = []
    known = set(META_COLUMNS) | {question.key for question in instrument.questions}
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(RowProblem(1, name, "this column appears twice"))
        seen.add(name)
        if name not in known:
            problems.append(RowProblem(
                1, name, f"is not a question of {instrument.key} nor one of "
                         f"{', '.join(META_COLUMNS)}"))
    if not seen & {question.key for question in instrument.questions}:
        problems.append(RowProblem(1, None, "no column names a question of this instrument"))
    return problems


def read_submissions(
    instrument: Instrument,
    text: str,
    *,
    organisation_id: int,
    channel: str,
    file_digest: str,
    today: date,
    report: ImportReport,
) -> list[Submission]:
    """Check every row; return the submissions (meaningful only if ``report.ok``)."""
    submissions: list[Submission] = []
    try:
        header = next(csv.reader(io.StringIO(text, newline="")), [])
    except csv.Error as error:
        report.problems.append(RowProblem(1, None, f"the header cannot be read: {error}"))
        return []
    header = [name.strip() for name in header]
    report.problems.extend(check_header(instrument, header))
    if report.problems:
        return []
    try:
        for line, raw in _rows(text):
            report.rows += 1
            if report.rows > MAX_ROWS:
                report.problems.append(RowProblem(line, None, f"more than {MAX_ROWS} rows"))
                break
            submission = _read_row(instrument, line, raw, organisation_id=organisation_id,
                                   channel=channel, file_digest=file_digest, today=today,
                                   report=report)
            if submission is not None:
                submissions.append(submission)
    except csv.Error as error:
        report.problems.append(RowProblem(report.rows + 1, None,
                                          f"the file is not valid CSV: {error}"))
    return submissions


def _read_row(
    instrument: Instrument,
    line: int,
    raw: dict[str | None, str | list[str] | None],
    *,
    organisation_id: int,
    channel: str,
    file_digest: str,
    today: date,
    report: ImportReport,
) -> Submission | None:
    problems: list[RowProblem] = []
    if None in raw:
        problems.append(RowProblem(line, None, "has more cells than the header"))
    cells = {str(key): (value or "").strip() if isinstance(value, str) else ""
             for key, value in raw.items() if key is not None}
    if any(value is None for value in raw.values()):
        problems.append(RowProblem(line, None, "has fewer cells than the header"))

    submitted_at = None
    if cells.get("submitted_at"):
        try:
            submitted_at = _parse_date(cells["submitted_at"], today)
        except AnswerError as error:
            problems.append(RowProblem(line, "submitted_at", str(error)))
    language = cells.get("language") or DEFAULT_LANGUAGE
    if not is_supported(language):
        problems.append(RowProblem(line, "language", f"{language!r} is not a supported language"))
    area = cells.get("area") or None
    if area and len(area) > MAX_AREA_LENGTH:
        problems.append(RowProblem(line, "area", f"is longer than {MAX_AREA_LENGTH} characters"))
    age_band = cells.get("age_band") or None
    if age_band and age_band not in AGE_BANDS:
        problems.append(RowProblem(line, "age_band", f"must be one of {', '.join(AGE_BANDS)}"))

    answers = {}
    for question in instrument.questions:
        if question.key not in cells:
            continue
        value = cells[question.key]
        raw_value: str | list[str] = _split_multi(value) if question.type == "multi" else value
        if question.type != "text" and value[:1] in ("=", "+", "@"):
            problems.append(RowProblem(line, question.key, "looks like a spreadsheet formula, "
                                                           "not an answer"))
            continue
        try:
            cleaned = clean_answer(question, raw_value)
        except AnswerError as error:
            problems.append(RowProblem(line, question.key, _describe(question, value, error)))
            continue
        if cleaned is not None:
            answers[question.key] = cleaned
    if not answers:
        problems.append(RowProblem(line, None, "has no answers"))
    for question in instrument.questions:
        if question.key in answers and not question.is_shown(answers):
            problems.append(RowProblem(line, question.key, "is answered but should have been "
                                                           "skipped given an earlier answer"))
    if problems:
        report.problems.extend(problems)
        return None
    return Submission(
        organisation_id=organisation_id,
        instrument=instrument,
        answers=answers,
        channel=channel,
        language=language,
        client_submission_id=f"import:{file_digest[:40]}:{line}",
        respondent_role=instrument.respondent_role,
        submitted_at=submitted_at,
        area=area,
        age_band=age_band,
    )


def _describe(question: object, value: str, error: AnswerError) -> str:
    """Say what was wrong and what would be accepted, for staff fixing the file."""
    options = getattr(question, "options", ())
    shown = value if len(value) <= 40 else value[:37] + "..."
    if options:
        return f"{shown!r} is not allowed: use one of {', '.join(options)}"
    return f"{shown!r}: {error}"


def import_csv(
    instrument: Instrument,
    content: bytes,
    *,
    organisation_id: int,
    channel: str = "paper",
    today: date | None = None,
) -> ImportReport:
    """Check the whole file, then store every row in one transaction, or nothing."""
    if channel not in CHANNELS or channel == "online":
        raise ValueError("channel must be paper or interview")
    report = ImportReport()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        report.problems.append(RowProblem(1, None, f"the file is not UTF-8 text ({error.reason} "
                                                   f"at byte {error.start})"))
        return report
    digest = hashlib.sha256(content).hexdigest()
    submissions = read_submissions(
        instrument, text, organisation_id=organisation_id, channel=channel,
        file_digest=digest, today=today or date.today(), report=report,
    )
    if not report.ok:
        return report
    already = db.session.scalar(sa.select(Response.received_at).where(
        Response.client_submission_id.like(f"import:{digest[:40]}:%")).limit(1))
    if already is not None:
        report.problems.append(RowProblem(
            1, None, f"this file was already imported on {already:%Y-%m-%d %H:%M} UTC"))
        return report
    try:
        for start in range(0, len(submissions), BATCH_SIZE):
            bulk_store(submissions[start:start + BATCH_SIZE])
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    report.imported = len(submissions)
    return report
