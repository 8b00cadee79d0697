"""An invented but believable IRO service, so a new install has something to look at.

Everything here is made up: names, comments and case references. The same seed gives the
same children, reviews and answers (secret invitation tokens are always new).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml

from feedback_app.auth.passwords import hash_password
from feedback_app.extensions import db
from feedback_app.instruments import Instrument, Question, load_catalogue
from feedback_app.invitations import create_invitation, format_short_code
from feedback_app.models import Answer, Child, Contact, Invitation, Organisation, Review, User
from feedback_app.models.base import utcnow
from feedback_app.people import age_band_of_age
from feedback_app.schedule import add_working_days, next_review_due, review_kind
from feedback_app.submissions import Submission, bulk_store
from feedback_app.text_analysis import related_names

DEMO_PASSWORD = "demo-password-2024"  # noqa: S105  (printed for trying the demo locally)
DEMO_DOMAIN = "demo.invalid"
CHILDREN = 48
AREAS = ("North", "South", "East", "West", "Central")
COMMENTS_FILE = Path(__file__).with_name("comments.yaml")

FIRST_NAMES = (
    "Amira", "Bilal", "Chloe", "Daniel", "Ellie", "Farid", "Grace", "Hassan", "Isla", "Jayden",
    "Kiara", "Liam", "Mia", "Noah", "Olivia", "Parwana", "Qasim", "Ruby", "Samuel", "Tia",
    "Umar", "Vinh", "Wiktoria", "Xander", "Yonas", "Zara", "Aaron", "Bethany", "Callum", "Dilan",
    "Eden", "Filmon", "Gjergj", "Habib", "Imogen", "Jamal", "Kacper", "Lily", "Mason", "Nadia",
    "Oscar", "Poppy", "Riley", "Sami", "Teodor", "Uma", "Warsan", "Yusuf",
)
LAST_NAMES = (
    "Ahmadi", "Bennett", "Clarke", "Dawson", "Evans", "Fofana", "Gashi", "Hughes", "Ibrahim",
    "Jones", "Karimi", "Lewis", "Mehari", "Nguyen", "O'Brien", "Patel", "Quinn", "Rahimi",
    "Smith", "Tesfay", "Usman", "Walker", "Yilmaz", "Zeqiri",
)
#: Preferred languages of the demo children, weighted towards English.
CHILD_LANGUAGES = ("en",) * 30 + ("ar",) * 4 + ("ps",) * 4 + ("fa-AF",) * 3 + (
    "ti",) * 3 + ("ckb",) * 2 + ("vi",) + ("sq",)
PARTICIPATION = (("PN1", 45), ("PN2", 10), ("PN3", 8), ("PN4", 5), ("PN5", 8), ("PN6", 15),
                 ("PN7", 9))
#: How likely each kind of respondent is to answer (published return rates, roughly).
RETURN_RATES = {"child": 0.5, "foster_carer": 0.55, "parent": 0.3, "social_worker": 0.25,
                "guardian": 0.15}
STAFF = (
    ("manager", "Morgan Ellis"), ("admin", "Alex Admin"),
    ("iro", "Priya Sharma"), ("iro", "Tom Hughes"), ("iro", "Grace Okafor"),
    ("iro", "Daniel Byrne"), ("iro", "Fatima Noor"),
)


@dataclass(frozen=True)
class Bank:
    """Invented comments by kind, plus non-English ones with translations."""

    comments: dict[str, list[str]]
    other: dict[str, list[dict[str, str]]]


@cache
def comment_bank() -> Bank:
    raw = yaml.safe_load(COMMENTS_FILE.read_text(encoding="utf-8"))
    other = raw.pop("other")
    return Bank(raw, other)


#: Which comment list feeds each free-text question, per instrument family.
TEXT_SOURCES = {
    "child_booklet": {"going_well": "child_positive", "not_going_well": "child_critical",
                      "talk_about": "child_talk", "message_to_iro": "child_critical"},
    "young_person_booklet": {"going_well": "young_positive", "not_going_well": "young_critical",
                             "talk_about": "child_talk", "message_to_iro": "young_critical"},
    "leaving_care": {"what_was_good": "leaving_positive",
                     "what_could_be_better": "leaving_critical"},
    "foster_carer": {"comments_positive": "carer_positive", "comments_improve": "carer_critical"},
    "parent": {"comments_positive": "parent_positive", "comments_improve": "parent_critical"},
    "social_worker": {"comments_positive": "sw_positive", "comments_improve": "sw_critical"},
    "professional": {"comments_positive": "professional_positive",
                     "comments_improve": "professional_critical"},
}


class DemoBuilder:
    """Builds the demo service step by step with one random generator."""

    def __init__(self, organisation: Organisation, seed: int, today: date) -> None:
        self.org = organisation
        self.rng = random.Random(seed)  # noqa: S311  (invented demo data, not secrets)
        self.today = today
        self.catalogue = load_catalogue()
        self.submissions: list[Submission] = []
        #: (index of the submission, question key, English translation)
        self.translations: list[tuple[int, str, str]] = []
        self.links: list[str] = []
        self.known_names: dict[int, tuple[str, ...]] = {}

    # -- people ---------------------------------------------------------------------------
    def staff(self) -> dict[str, list[User]]:
        password_hash = hash_password(DEMO_PASSWORD)
        users: dict[str, list[User]] = {"iro": [], "manager": [], "admin": []}
        for role, name in STAFF:
            email = f"{name.split()[0].lower()}@{DEMO_DOMAIN}"
            if role in ("manager", "admin"):
                email = f"{role}@{DEMO_DOMAIN}"
            user = db.session.scalar(sa.select(User).where(User.email == email))
            if user is None:
                user = User(organisation_id=self.org.id, email=email, name=name, role=role,
                            password_hash=password_hash)
                db.session.add(user)
            users[role].append(user)
        db.session.flush()
        return users

    def child(self, number: int, iro: User) -> Child:
        rng = self.rng
        left = None
        if number % 6 == 0:  # a care leaver, left in the last two years
            age_days = rng.randint(365 * 18 + 30, 365 * 21)
            left = self.today - timedelta(days=rng.randint(10, 700))
        else:
            age_days = rng.randint(365 * 4 + 30, 365 * 18 - 30)
        born = self.today - timedelta(days=age_days)
        entered = self.today - timedelta(days=rng.randint(20, 365 * 5))
        entered = max(entered, born + timedelta(days=200))
        if left is not None:
            entered = min(entered, left - timedelta(days=365 * 2))
        child = Child(
            organisation_id=self.org.id,
            reference=f"DEMO{number:04d}",
            first_name=FIRST_NAMES[number % len(FIRST_NAMES)],
            last_name=rng.choice(LAST_NAMES),
            date_of_birth=born,
            preferred_language=rng.choice(CHILD_LANGUAGES),
            area=rng.choice(AREAS),
            iro=iro,
            entered_care_on=entered,
            left_care_on=left,
        )
        db.session.add(child)
        carer = f"{rng.choice(('Julie', 'Mark', 'Sandra', 'Kevin', 'Aisha', 'Peter'))} " \
                f"{rng.choice(LAST_NAMES)}"
        contacts = [Contact(child=child, role="foster_carer", name=carer,
                            email=f"carer{number}@{DEMO_DOMAIN}")]
        if rng.random() < 0.7:
            contacts.append(Contact(child=child, role="parent",
                                    name=f"{rng.choice(('Lisa', 'Sam', 'Nasrin', 'Dawit'))} "
                                         f"{child.last_name}",
                                    language=child.preferred_language))
        contacts.append(Contact(child=child, role="social_worker",
                                name=f"{rng.choice(('Rachel', 'Ben', 'Ngozi', 'Sophie'))} "
                                     f"{rng.choice(LAST_NAMES)}",
                                email=f"sw{number}@{DEMO_DOMAIN}"))
        if rng.random() < 0.3:
            contacts.append(Contact(child=child, role="guardian", name="Helen Marsh",
                                    email=f"guardian{number}@{DEMO_DOMAIN}"))
        db.session.add_all(contacts)
        return child

    # -- reviews and what came back -------------------------------------------------------
    def reviews(self, child: Child, entered: date) -> None:
        """Hold every statutory review since ``entered`` care, then schedule the next one."""
        held: list[date] = []
        end = child.left_care_on or self.today
        while True:
            due = next_review_due(entered, held)
            day = due - timedelta(days=self.rng.randint(0, 12))
            if self.rng.random() < 0.08:
                day = due + timedelta(days=self.rng.randint(1, 15))  # a late review
            if day >= end:
                break
            self.hold_review(child, day, review_kind(len(held)))
            held.append(day)
        if child.left_care_on is None:
            due = next_review_due(entered, held)
            upcoming = max(due - timedelta(days=self.rng.randint(0, 10)),
                           add_working_days(self.today, 2))
            review = Review(organisation_id=self.org.id, child=child, scheduled_for=upcoming,
                            kind=review_kind(len(held)))
            db.session.add(review)
            if upcoming <= self.today + timedelta(days=42):
                self.invite_for(review, child, upcoming, past=False)
        else:
            self.leaving_interview(child)

    def hold_review(self, child: Child, day: date, kind: str) -> None:
        age = child.age_on(day) or 0
        code = "PN0" if age < 4 else self.weighted(PARTICIPATION)
        review = Review(organisation_id=self.org.id, child=child, scheduled_for=day,
                        held_on=day, kind=kind, participation_code=code)
        db.session.add(review)
        if day >= self.today - timedelta(days=730):
            self.invite_for(review, child, day, past=True)

    def invite_for(self, review: Review, child: Child, day: date, *, past: bool) -> None:
        """Invite the child and the adults around them; some answer, online or on paper."""
        age = child.age_on(day) or 0
        respondents: list[tuple[str, str, Contact | None, str]] = []
        if 4 <= age <= 11:
            respondents.append(("child_booklet", "child", None, child.preferred_language))
        elif 12 <= age <= 17:
            respondents.append(("young_person_booklet", "young_person", None,
                                child.preferred_language))
        instruments = {"foster_carer": "foster_carer", "parent": "parent",
                       "social_worker": "social_worker", "guardian": "professional"}
        for contact in db.session.scalars(child.contacts.select()):
            respondents.append((instruments[contact.role], contact.role, contact,
                                contact.language))
        for instrument_key, role, contact, language in respondents:
            instrument = self.catalogue.instruments[instrument_key]
            offered = language if language in instrument.languages else None
            issued = create_invitation(
                organisation_id=self.org.id, instrument_key=instrument_key,
                respondent_role=role if role != "child" else instrument.respondent_role,
                child=child, review=review, contact=contact, language=offered,
            )
            invitation = issued.invitation
            sent = datetime.combine(day - timedelta(days=self.rng.randint(14, 28)), time(9),
                                    tzinfo=UTC)
            invitation.created_at = invitation.sent_at = min(sent, utcnow())
            invitation.status = "sent"
            rate = RETURN_RATES["child" if role in ("child", "young_person") else role]
            if self.rng.random() < rate and (past or self.rng.random() < 0.5):
                moment = datetime.combine(day - timedelta(days=self.rng.randint(1, 10)),
                                          time(self.rng.randint(8, 21)), tzinfo=UTC)
                moment = min(moment, utcnow() - timedelta(hours=1))
                invitation.opened_at = invitation.submitted_at = moment
                invitation.status = "submitted"
                db.session.flush()
                channel = "paper" if self.rng.random() < 0.2 else "online"
                self.respond(instrument, invitation, child, language, channel, moment)
            elif past:
                invitation.status = "expired" if self.rng.random() < 0.7 else "opened"
            elif self.rng.random() < 0.3:
                invitation.status, invitation.opened_at = "opened", utcnow()
            if not past and role in ("child", "young_person") and len(self.links) < 3:
                self.links.append(f"{issued.link}  (code {format_short_code(issued.short_code)},"
                                  f" {instrument.key} for {child.first_name})")

    def leaving_interview(self, child: Child) -> None:
        if self.rng.random() < 0.8 and child.left_care_on is not None:
            moment = datetime.combine(child.left_care_on, time(14), tzinfo=UTC)
            self.respond(self.catalogue.instruments["leaving_care"], None, child, "en",
                         "interview", moment)

    def respond(self, instrument: Instrument, invitation: Invitation | None, child: Child,
                language: str, channel: str, moment: datetime) -> None:
        """Queue one response: a mood, answers that fit it, now and then a comment."""
        positive = self.rng.random() < 0.7
        writes_own_language = language != "en" and language in comment_bank().other
        if writes_own_language and language not in instrument.languages:
            channel = "paper"  # a translated paper booklet, keyed in by staff
        answers: dict[str, Any] = {}
        for question in instrument.questions:
            if not question.is_shown(answers) or self.rng.random() < 0.06:
                continue
            if question.type == "text":
                value = self.comment(instrument, question, positive,
                                     language if writes_own_language else "en")
            else:
                value = self.choose(question, positive)
            if value not in (None, "", []):
                answers[question.key] = value
        is_child = instrument.respondent_role in ("child", "young_person", "care_leaver")
        age = child.age_on(moment.date())
        self.submissions.append(Submission(
            organisation_id=self.org.id, instrument=instrument, answers=answers,
            channel=channel, language=language if writes_own_language else "en",
            client_submission_id=f"demo:{self.org.id}:{child.reference}:{len(self.submissions)}",
            respondent_role=invitation.respondent_role if invitation else
            instrument.respondent_role,
            submitted_at=moment, area=child.area,
            age_band=age_band_of_age(age) if is_child and age is not None else None,
            invitation_id=invitation.id if invitation else None,
            child_id=child.id, review_id=invitation.review_id if invitation else None,
            names=self.names_of(child),
        ))

    def names_of(self, child: Child) -> tuple[str, ...]:
        if child.id not in self.known_names:
            self.known_names[child.id] = related_names(child)
        return self.known_names[child.id]

    def choose(self, question: Question, positive: bool) -> Any:
        """Pick a choice answer, leaning towards good outcomes when the mood is positive."""
        rng = self.rng
        options = list(question.options)
        if question.type == "multi":
            return rng.sample(options, k=min(len(options), rng.randint(1, 3)))
        if question.type == "integer":
            return rng.choice((1, 1, 1, 2, 2, 3))
        good = [option for option in options if option in question.good]
        if good and rng.random() < (0.8 if positive else 0.35):
            return rng.choice(good)
        return rng.choice(options)

    def comment(self, instrument: Instrument, question: Question, positive: bool,
                language: str) -> str | None:
        """Pick an invented comment for a free-text question, or None (left blank)."""
        source = TEXT_SOURCES.get(instrument.key, {}).get(question.key)
        if source is None or self.rng.random() < 0.45:
            return None
        if not positive and source.endswith("_positive") and self.rng.random() < 0.5:
            return None
        bank = comment_bank()
        if language != "en":
            entry = self.rng.choice(bank.other[language])
            if self.rng.random() < 0.6:  # some translated already, some awaiting a translator
                self.translations.append((len(self.submissions), question.key, entry["en"]))
            return entry["text"]
        return self.rng.choice(bank.comments[source])

    def weighted(self, choices: tuple[tuple[str, int], ...]) -> str:
        return self.rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def seed_demo_service(organisation: Organisation, *, seed: int = 2024,
                      today: date | None = None) -> list[str]:
    """Create the demo service's staff, children, reviews, invitations and responses."""
    builder = DemoBuilder(organisation, seed, today or date.today())
    users = builder.staff()
    existing = db.session.scalar(sa.select(sa.func.count(Child.id)).where(
        Child.organisation_id == organisation.id)) or 0
    for number in range(existing + 1, existing + CHILDREN + 1):
        child = builder.child(number, users["iro"][number % len(users["iro"])])
        db.session.flush()
        builder.reviews(child, child.entered_care_on or child.created_at.date())
    db.session.flush()
    response_ids = bulk_store(builder.submissions)
    translator = users["manager"][0]
    for index, question_key, english in builder.translations:
        db.session.execute(
            sa.update(Answer)
            .where(Answer.response_id == response_ids[index],
                   Answer.question_key == question_key)
            .values(translation=english, translated_by_id=translator.id, translated_at=utcnow())
        )
    db.session.commit()
    lines = [
        f"Demo service {organisation.name!r}: {CHILDREN} children, "
        f"{len(builder.submissions)} responses over two years.",
        f"Staff sign-in (password {DEMO_PASSWORD}): "
        + ", ".join(user.email for group in users.values() for user in group),
    ]
    if builder.links:
        lines.append("Try a booklet as a child would:")
        lines.extend(f"  {link}" for link in builder.links)
    return lines
