"""Free text is analysed once when stored, on every channel, and redone for a new lexicon."""

from __future__ import annotations

import json

import sqlalchemy as sa

from analysis.text import LEXICON_VERSION
from feedback_app.extensions import db
from feedback_app.instruments import load_catalogue
from feedback_app.models import Answer, Contact
from feedback_app.text_analysis import reanalyse
from tests.respond.journey import answer_every_page, submit


def text_answers() -> dict[str, Answer]:
    rows = db.session.scalars(sa.select(Answer).where(Answer.text.is_not(None))).all()
    return {answer.question_key: answer for answer in rows}


def test_online_answers_are_analysed_with_the_childs_names_removed(client, make_invitation,
                                                                  make_child):
    child = make_child(first_name="Ruby", last_name="Tesfay")
    db.session.add(Contact(child=child, role="foster_carer", name="Julie Marsh"))
    db.session.commit()
    issued = make_invitation("child_booklet", child=child)
    client.get(f"/r/{issued.token}")
    answer_every_page(client, load_catalogue().instruments["child_booklet"], {
        "going_well": "Julie is really kind and helps me. Ruby loves it here, thank you",
        "not_going_well": "I want to see my brother more but nobody listens",
    })
    submit(client)
    answers = text_answers()
    good = answers["going_well"]
    assert good.sentiment == "positive"
    assert "Julie" not in good.redacted and "Ruby" not in good.redacted
    assert "[name]" in good.redacted
    assert good.text.startswith("Julie is really kind")  # the child's words are kept as written
    assert good.analysis_version == LEXICON_VERSION
    bad = answers["not_going_well"]
    assert bad.sentiment == "critical"
    assert {"contact", "being_heard"} <= set(bad.theme_keys)


def test_untranslated_text_is_counted_not_scored(runner, organisation, tmp_path):
    path = tmp_path / "ar.csv"
    path.write_text("language,invited_to_review,comments_positive\n"
                    "ar,always,المسؤول يستمع إلي دائما\n", encoding="utf-8")
    assert runner.invoke(args=["import-responses", "--instrument", "foster_carer",
                               str(path)]).exit_code == 0
    answer = text_answers()["comments_positive"]
    assert answer.text == "المسؤول يستمع إلي دائما"
    assert answer.sentiment is None and answer.themes is None and answer.redacted is None
    assert answer.analysis_version == LEXICON_VERSION


def test_reanalyse_redoes_old_versions_and_uses_translations(runner, organisation, tmp_path):
    path = tmp_path / "two.csv"
    path.write_text("language,comments_positive,comments_improve\n"
                    "en,The IRO was excellent,\n"
                    "ar,,لم أحصل على المحضر\n", encoding="utf-8")
    runner.invoke(args=["import-responses", "--instrument", "foster_carer", str(path)])
    answers = text_answers()
    arabic = answers["comments_improve"]
    arabic.translation = "I never got the minutes."
    answers["comments_positive"].analysis_version = "old"
    answers["comments_positive"].sentiment = "critical"
    db.session.commit()
    arabic.analysis_version = "old"
    db.session.commit()

    result = runner.invoke(args=["reanalyse"])
    assert result.exit_code == 0 and "Re-analysed 2 answers" in result.output
    db.session.expire_all()
    answers = text_answers()
    assert answers["comments_positive"].sentiment == "positive"
    assert answers["comments_improve"].sentiment == "critical"
    assert "minutes" in answers["comments_improve"].theme_keys
    assert answers["comments_improve"].text == "لم أحصل على المحضر"  # original kept
    assert reanalyse() == 0  # everything is current now


def test_analyse_text_cli_contract(runner):
    lines = ("My IRO Priya always listens to me\n"
             "Phone me on 07700 900123 or email sam.jones@example.org\n"
             "\n"
             "I live at 12 Oak Road, Leeds LS6 2AB and MK is my key worker\n")
    result = runner.invoke(args=["analyse-text", "--names", "Priya"], input=lines)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 3
    for row in rows:
        assert set(row) == {"text", "sentiment", "themes", "redacted"}
        assert row["sentiment"] in ("positive", "critical", "mixed", "neutral")
    assert rows[0]["redacted"] == "My IRO [name] always listens to me"
    assert "07700" not in rows[1]["redacted"] and "[phone]" in rows[1]["redacted"]
    assert "[email]" in rows[1]["redacted"]
    assert "LS6" not in rows[2]["redacted"] and "Oak Road" not in rows[2]["redacted"]
    assert "MK" not in rows[2]["redacted"]
