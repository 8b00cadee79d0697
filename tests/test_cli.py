"""The command line contract (DESIGN.md): every command through Flask's CLI runner."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import sqlalchemy as sa

from feedback_app.auth.passwords import verify_password
from feedback_app.extensions import db
from feedback_app.instruments.contract import REQUIRED_QUESTIONS
from feedback_app.models import Child, Invitation, Response, Review, User
from feedback_app.models.vocab import PARTICIPATION_CODES

LINK = re.compile(r"^(http://localhost/r/[A-Za-z0-9_-]{40,})$", re.MULTILINE)


def test_instruments_list_names_all_seven(runner):
    result = runner.invoke(args=["instruments", "list"])
    assert result.exit_code == 0
    for key in REQUIRED_QUESTIONS:
        assert key in result.output


def test_instruments_show_json_lists_the_brief_keys(runner):
    result = runner.invoke(args=["instruments", "show", "foster_carer", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["key"] == "foster_carer" and data["version"] >= 1
    assert "en" in data["languages"]
    by_key = {q["key"]: q for q in data["questions"]}
    assert set(REQUIRED_QUESTIONS["foster_carer"]) <= set(by_key)
    invited = by_key["invited_to_review"]
    assert invited["type"] == "scale" and invited["scale"] == "frequency5"
    assert invited["options"] == ["always", "usually", "sometimes", "occasionally", "never"]
    assert invited["label"]["en"]
    assert by_key["child_knows_iro_contact"]["options"][-1] == "not_applicable"


def test_instruments_show_unknown_key_fails_clearly(runner):
    result = runner.invoke(args=["instruments", "show", "nope"])
    assert result.exit_code != 0 and "Unknown instrument 'nope'" in result.output


def test_instruments_validate_passes(runner):
    result = runner.invoke(args=["instruments", "validate"])
    assert result.exit_code == 0, result.output
    assert "7 instruments and 9 scales are valid" in result.output


def test_init_db_is_repeatable_and_creates_the_default_service(runner):
    for _ in range(2):
        result = runner.invoke(args=["init-db"])
        assert result.exit_code == 0, result.output
    assert "service 'demo'" in result.output


def test_create_user_hashes_the_password_and_refuses_weak_ones(runner, organisation):
    result = runner.invoke(args=["create-user", "Sam.Iro@Example.org", "--role", "iro",
                                 "--password", "a-long-unusual-passphrase"])
    assert result.exit_code == 0, result.output
    user = db.session.scalars(sa.select(User)).one()
    assert user.email == "sam.iro@example.org" and user.role == "iro"
    assert user.password_hash.startswith("$argon2id$")
    assert verify_password(user.password_hash, "a-long-unusual-passphrase")

    weak = runner.invoke(args=["create-user", "b@example.org", "--role", "iro",
                               "--password", "password123"])
    assert weak.exit_code != 0 and "too common" in weak.output
    short = runner.invoke(args=["create-user", "c@example.org", "--role", "admin",
                                "--password", "short"])
    assert short.exit_code != 0 and "at least 10" in short.output
    duplicate = runner.invoke(args=["create-user", "sam.iro@example.org", "--role", "iro",
                                    "--password", "another-long-passphrase"])
    assert duplicate.exit_code != 0 and "already exists" in duplicate.output


def test_invite_prints_a_link_that_opens_the_form(runner, client, make_child):
    child = make_child(reference="REF42")
    result = runner.invoke(args=["invite", "--instrument", "child_booklet", "--child", "REF42",
                                 "--review-date", "2031-05-01", "--language", "en"])
    assert result.exit_code == 0, result.output
    link = LINK.search(result.output).group(1)
    assert re.search(r"Short code: [A-Z2-9]{4}-[A-Z2-9]{4}", result.output)
    invitation = db.session.scalars(sa.select(Invitation)).one()
    assert invitation.child_id == child.id and invitation.language == "en"
    review = db.session.scalars(sa.select(Review)).one()
    assert str(review.scheduled_for) == "2031-05-01"
    opened = client.get(link.removeprefix("http://localhost"), follow_redirects=True)
    assert opened.status_code == 200 and "My review booklet" in opened.get_data(as_text=True)


def test_invite_refuses_unknown_things(runner, organisation):
    assert "Unknown instrument" in runner.invoke(args=["invite", "--instrument", "x"]).output
    assert "no child" in runner.invoke(
        args=["invite", "--instrument", "parent", "--child", "NOPE"]).output
    assert "not supported" in runner.invoke(
        args=["invite", "--instrument", "parent", "--language", "klingon"]).output


def test_seed_demo_builds_a_believable_service(runner, organisation):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    children = db.session.scalar(sa.select(sa.func.count(Child.id)))
    assert children >= 40
    instruments = set(db.session.scalars(sa.select(Response.instrument_key).distinct()))
    assert instruments == set(REQUIRED_QUESTIONS)
    channels = set(db.session.scalars(sa.select(Response.channel).distinct()))
    assert channels == {"online", "paper", "interview"}
    languages = set(db.session.scalars(sa.select(Response.language).distinct()))
    assert len(languages) >= 4
    first, last = db.session.execute(
        sa.select(sa.func.min(Response.submitted_at), sa.func.max(Response.submitted_at))).one()
    assert (last - first).days > 600
    codes = set(db.session.scalars(sa.select(Review.participation_code).distinct()))
    assert codes - {None} <= set(PARTICIPATION_CODES) and len(codes) > 5
    assert db.session.scalar(sa.select(sa.func.count(User.id))) >= 5
    again = runner.invoke(args=["seed-demo", "--if-empty"])
    assert "already present" in again.output


@pytest.mark.slow
def test_console_script_and_flask_cli_are_the_same(tmp_path):
    env = {"FEEDBACK_ENV": "development", "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3",
           "PATH": "/usr/bin:/bin"}
    bindir = sys.executable.rsplit("/", 1)[0]
    via_script = subprocess.run([f"{bindir}/feedback-app", "instruments", "list"],
                                capture_output=True, text=True, env=env, check=True)
    via_flask = subprocess.run([f"{bindir}/flask", "--app", "feedback_app", "instruments",
                                "list"], capture_output=True, text=True, env=env, check=True)
    assert via_script.stdout == via_flask.stdout and "foster_carer" in via_script.stdout
