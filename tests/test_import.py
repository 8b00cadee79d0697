"""CSV import of paper and interview responses: all or nothing, every bad row named."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from feedback_app.extensions import db
from feedback_app.models import Answer, AnswerChoice, Response

GOOD = """submitted_at,language,area,age_band,invited_to_review,chairing_quality,comments_positive
2025-05-01,en,North,,always,excellent,The IRO was brilliant
2025-06-12,ar,South,,usually,good,"كان الاجتماع جيدا, شكرا"
2025-07-03,en,,,never,,"=HYPERLINK(""http://evil.example"",""click"")"
"""


def write(tmp_path: Path, text: str, name: str = "responses.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def count() -> int:
    return db.session.scalar(sa.select(sa.func.count(Response.id)))


def test_good_file_imports_every_row(runner, organisation, tmp_path):
    path = write(tmp_path, GOOD)
    result = runner.invoke(args=["import-responses", "--instrument", "foster_carer", str(path)])
    assert result.exit_code == 0, result.output
    assert "Imported 3 foster_carer responses (paper)" in result.output
    responses = db.session.scalars(sa.select(Response).order_by(Response.submitted_at)).all()
    assert [r.language for r in responses] == ["en", "ar", "en"]
    assert {r.channel for r in responses} == {"paper"}
    assert responses[0].area == "North" and str(responses[0].submitted_at.date()) == "2025-05-01"
    texts = db.session.scalars(sa.select(Answer.text).where(Answer.text.is_not(None))
                               .order_by(Answer.id)).all()
    # Kept exactly as written, formula included: it is data here, made inert on export.
    assert texts[1] == "كان الاجتماع جيدا, شكرا"
    assert texts[2].startswith("=HYPERLINK(")


def test_interview_channel_and_multiple_choice(runner, organisation, tmp_path):
    path = write(tmp_path, "who_helped,support_in_care,what_was_good\n"
                           "social_worker;iro; personal_adviser ,good,My PA\n")
    result = runner.invoke(args=["import-responses", "--instrument", "leaving_care", str(path),
                                 "--channel", "interview"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(sa.select(Response.channel)) == "interview"
    chosen = set(db.session.scalars(sa.select(AnswerChoice.option_key)))
    assert chosen == {"social_worker", "iro", "personal_adviser"}


def test_one_bad_row_imports_nothing_and_every_problem_is_named(runner, organisation, tmp_path):
    text = GOOD + (
        "2025-13-01,en,North,,always,good,\n"          # line 5: bad date
        "2025-05-02,en,North,,sometimes,superb,\n"     # line 6: bad option
        "2025-05-02,zz,North,,,,\n"                    # line 7: language, no answers
        "2099-01-01,en,North,12-15,=1+1,good,\n"       # line 8: future, age band ok, formula
    )
    path = write(tmp_path, text)
    result = runner.invoke(args=["import-responses", "--instrument", "foster_carer", str(path)])
    assert result.exit_code != 0
    output = result.output
    assert "line 5, column submitted_at: is not a date in the form YYYY-MM-DD" in output
    assert "line 6, column chairing_quality: 'superb' is not allowed: use one of " \
           "excellent, good, fair, poor" in output
    assert "line 7, column language: 'zz' is not a supported language" in output
    assert "line 7: has no answers" in output
    assert "line 8, column submitted_at: is in the future" in output
    assert "line 8, column invited_to_review: looks like a spreadsheet formula" in output
    assert "Nothing imported" in output
    assert count() == 0


def test_line_numbers_count_multi_line_cells(runner, organisation, tmp_path):
    path = write(tmp_path, 'invited_to_review,comments_positive\nalways,"two\nlines"\nnope,\n')
    result = runner.invoke(args=["import-responses", "--instrument", "foster_carer", str(path)])
    assert "line 4, column invited_to_review" in result.output


def test_unknown_columns_are_refused_before_reading_rows(runner, organisation, tmp_path):
    path = write(tmp_path, "invited_to_review,favourite_colour,invited_to_review\nalways,red,x\n")
    result = runner.invoke(args=["import-responses", "--instrument", "foster_carer", str(path)])
    assert "line 1, column favourite_colour: is not a question of foster_carer" in result.output
    assert "line 1, column invited_to_review: this column appears twice" in result.output
    assert count() == 0


def test_the_same_file_twice_is_refused(runner, organisation, tmp_path):
    path = write(tmp_path, GOOD)
    runner.invoke(args=["import-responses", "--instrument", "foster_carer", str(path)])
    again = runner.invoke(args=["import-responses", "--instrument", "foster_carer", str(path)])
    assert again.exit_code != 0 and "already imported" in again.output
    assert count() == 3


def test_not_utf8_and_not_csv(runner, organisation, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("invited_to_review,comments_positive\nalways,caf\xe9\n".encode("latin-1"))
    result = runner.invoke(args=["import-responses", "--instrument", "foster_carer", str(path)])
    assert "not UTF-8" in result.output and count() == 0
    ragged = write(tmp_path, "invited_to_review\nalways,extra\n", "ragged.csv")
    result = runner.invoke(args=["import-responses", "--instrument", "foster_carer", str(ragged)])
    assert "more cells than the header" in result.output


def test_bom_and_windows_line_endings_are_fine(runner, organisation, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbfinvited_to_review,chairing_quality\r\nalways,good\r\n")
    result = runner.invoke(args=["import-responses", "--instrument", "foster_carer", str(path)])
    assert result.exit_code == 0, result.output
