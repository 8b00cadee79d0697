"""Respondent views: thin controllers over access, journey and submission logic."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any

import sqlalchemy as sa
from flask import abort, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as WerkzeugResponse

from feedback_app.answers import clean_answers, drop_hidden
from feedback_app.extensions import csrf, db
from feedback_app.i18n import remember_language, session_language, use_language
from feedback_app.instruments import get_instrument
from feedback_app.invitations import (
    find_by_short_code,
    find_by_token,
    format_short_code,
    is_expired,
    mark_opened,
)
from feedback_app.languages import DEFAULT_LANGUAGE, all_languages, is_supported
from feedback_app.models import Invitation, Response
from feedback_app.people import age_band_for
from feedback_app.respond import access, bp
from feedback_app.respond.forms import (
    LanguageForm,
    ShortCodeForm,
    SubmitForm,
    answers_from,
    field_name,
    page_form,
)
from feedback_app.respond.journey import Journey
from feedback_app.submissions import Submission, SubmissionConflict, store_response
from feedback_app.text_analysis import related_names

# Respondent forms carry their own CSRF token and a signed access token (see access.py);
# they are checked per form so a failed check can keep the answers instead of erroring.
csrf.exempt(bp)

View = Callable[..., Any]
bp.add_app_template_global(field_name, "field_name")

#: Session key: the invitation whose respondent picked a language (the picker then moves
#: from the top of the welcome page to the bottom).
LANGUAGE_CHOSEN = "language_chosen"
#: Pages the language picker may return to (anything else goes to the welcome or start page).
RETURN_PATHS = re.compile(r"/(?:start|respond(?:/page/\d{1,4}|/check|/saved|/done)?)")


def _enter(invitation: Invitation | None) -> WerkzeugResponse:
    """Open the form for a link or code; refuse unknown, used and expired ones alike."""
    if invitation is None:
        abort(404)
    if invitation.status == "submitted":
        if session.get(access.DONE_KEY) == invitation.id:
            return redirect(url_for("respond.done"))
        abort(410)
    if is_expired(invitation):
        if invitation.status != "expired":
            invitation.status = "expired"
            db.session.commit()
        abort(410)
    access.grant(invitation)
    mark_opened(invitation)
    db.session.commit()
    return redirect(url_for("respond.welcome"))


@bp.get("/r/<token>")
def open_link(token: str) -> WerkzeugResponse:
    return _enter(find_by_token(token))


@bp.get("/c/<code>")
def open_code(code: str) -> WerkzeugResponse:
    return _enter(find_by_short_code(code))


@bp.route("/", methods=["GET", "POST"])
@bp.route("/start", methods=["GET", "POST"])
def start() -> Any:
    """Let a respondent type the code from their letter."""
    chosen = session_language()
    use_language(chosen)
    form = ShortCodeForm()
    if form.validate_on_submit():
        invitation = find_by_short_code(form.code.data or "")
        if invitation is not None:
            return _enter(invitation)
        form.code.errors = [_("We could not find that code. Check it and try again.")]
    return render_template("respond/start.html", form=form, language_form=LanguageForm(),
                           offered=list(all_languages().values()), language_first=not chosen)


def load_respondent() -> WerkzeugResponse | None:
    """Load the respondent's invitation, draft, instrument and language into ``g``.

    Returns where to send a browser that has no open invitation, or None once loaded.
    The draft keeps the language, so a new browser reopening the link resumes in it.
    """
    g.access_verified = False
    invitation = access.granted_invitation()
    posted_token = request.form.get("access", "") if request.method == "POST" else ""
    if posted_token:
        from_token = access.invitation_from_access_token(posted_token)
        if from_token is not None and (invitation is None or from_token.id == invitation.id):
            invitation = from_token
            access.grant(invitation)
            g.access_verified = True
    if invitation is None:
        done = session.get(access.DONE_KEY)
        if done is not None and done == session.get(access.SESSION_KEY):
            return redirect(url_for("respond.done"))
        return redirect(url_for("respond.start"))
    instrument = get_instrument(invitation.instrument_key)
    if instrument is None:
        abort(404)
    starting = invitation.language if is_supported(invitation.language) else None
    draft = access.get_or_start_draft(invitation, starting or session_language()
                                      or DEFAULT_LANGUAGE)
    if not is_supported(draft.language):
        draft.language = DEFAULT_LANGUAGE
    g.invitation, g.instrument, g.draft = invitation, instrument, draft
    remember_language(draft.language)
    g.language_chosen = (bool(starting) or draft.page_index > 0
                         or session.get(LANGUAGE_CHOSEN) == invitation.id)
    return None


def respondent_required(view: View) -> View:
    """Run ``view`` only for a browser with an open invitation (see ``load_respondent``)."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        elsewhere = load_respondent()
        if elsewhere is not None:
            return elsewhere
        return view(*args, **kwargs)

    return wrapper


def _trusted(form: Any) -> bool:
    """Return True when the post is proven ours: a valid CSRF token or access token."""
    return g.access_verified or not form.csrf_token.errors


@bp.get("/respond")
@respondent_required
def welcome() -> str:
    db.session.commit()
    return render_template(
        "respond/welcome.html",
        instrument=g.instrument,
        language_form=LanguageForm(),
        offered=list(all_languages().values()),
        language_first=not g.language_chosen,
        access_token=access.access_token(g.draft),
        resume_number=g.draft.page_index if g.draft.page_index > 1 else None,
        first_number=Journey(g.instrument, g.draft.answers).page_numbers[0],
    )


@bp.route("/respond/language", methods=["GET", "POST"])
def choose_language() -> Any:
    """Offer every language in its own script; one tap switches and returns to the page.

    Works before a form is opened (the start page) and inside one, where the choice is
    stored in the draft so it holds for every later page and on resume.
    """
    in_form = load_respondent() is None
    if not in_form:
        use_language(session_language())
    form = LanguageForm()
    wanted = form.next.data if request.method == "POST" else request.args.get("next")
    return_path = wanted if wanted and RETURN_PATHS.fullmatch(wanted) else None
    back = (request.script_root + return_path if return_path
            else url_for("respond.welcome" if in_form else "respond.start"))
    if request.method == "POST":
        form.validate()
        code = form.language.data
        if code is not None and is_supported(code) and _trusted(form):
            if in_form:
                g.draft.language = code
                session[LANGUAGE_CHOSEN] = g.invitation.id
            remember_language(code)
            db.session.commit()
        return redirect(back)
    db.session.commit()
    return render_template(
        "respond/language.html",
        instrument=g.instrument if in_form else None,
        language_form=form,
        offered=list(all_languages().values()),
        access_token=access.access_token(g.draft) if in_form else None,
        return_path=return_path,
        back=back,
    )


@bp.route("/respond/page/<int:number>", methods=["GET", "POST"])
@respondent_required
def page(number: int) -> Any:
    journey = Journey(g.instrument, g.draft.answers)
    current = journey.page(number)
    if current is None:
        abort(404)
    questions = journey.shown_questions(current)
    form = page_form(questions, g.draft.answers)
    notice = None
    if request.method == "POST":
        form.validate()
        if not _trusted(form):
            notice = _("We could not save this page yet. Your answers are still here: "
                       "please check them and press the button again.")
        elif not form.answer_errors():
            return _save_page(journey, number, answers_from(form, questions))
    db.session.commit()
    step, steps = journey.position(number)
    return render_template(
        "respond/page.html",
        instrument=g.instrument,
        page=current,
        number=number,
        questions=questions,
        form=form,
        step=step,
        steps=steps,
        previous_number=journey.previous_number(number),
        access_token=access.access_token(g.draft),
        notice=notice,
    )


def _save_page(journey: Journey, number: int, values: dict[str, Any]) -> WerkzeugResponse:
    """Store the page's answers in the draft and move in the direction asked."""
    answers = drop_hidden(g.instrument, {**g.draft.answers, **values})
    g.draft.answers = answers
    journey = Journey(g.instrument, answers)
    next_number = journey.next_number(number)
    g.draft.page_index = max(g.draft.page_index, next_number or number)
    db.session.commit()
    action = request.form.get("go")
    if action == "later":
        return redirect(url_for("respond.saved"))
    if action == "back":
        previous = journey.previous_number(number)
        return redirect(url_for("respond.page", number=previous) if previous
                        else url_for("respond.welcome"))
    if next_number is None:
        return redirect(url_for("respond.check"))
    return redirect(url_for("respond.page", number=next_number))


@bp.get("/respond/saved")
@respondent_required
def saved() -> str:
    db.session.commit()
    return render_template("respond/saved.html", instrument=g.instrument,
                           code=format_short_code(g.invitation.short_code))


@bp.get("/respond/check")
@respondent_required
def check() -> str:
    journey = Journey(g.instrument, g.draft.answers)
    sections = [
        (number, g.instrument.pages[number - 1],
         journey.shown_questions(g.instrument.pages[number - 1]))
        for number in journey.page_numbers
    ]
    db.session.commit()
    return render_template(
        "respond/check.html",
        instrument=g.instrument,
        sections=sections,
        answers=g.draft.answers,
        form=SubmitForm(),
        access_token=access.access_token(g.draft),
        last_number=journey.page_numbers[-1],
    )


@bp.post("/respond/submit")
@respondent_required
def submit() -> Any:
    form = SubmitForm()
    form.validate()
    if not _trusted(form):
        return redirect(url_for("respond.check"))
    cleaned = clean_answers(g.instrument, g.draft.answers)
    if cleaned.errors:
        first = next(iter(cleaned.errors))
        number = next(n for n, p in enumerate(g.instrument.pages, 1)
                      if any(q.key == first for q in p.questions))
        return redirect(url_for("respond.page", number=number))
    invitation: Invitation = g.invitation
    child = invitation.child
    try:
        store_response(
            Submission(
                organisation_id=invitation.organisation_id,
                instrument=g.instrument,
                answers=drop_hidden(g.instrument, cleaned.values),
                channel="online",
                language=g.draft.language,
                client_submission_id=g.draft.client_submission_id,
                respondent_role=invitation.respondent_role,
                area=child.area if child else None,
                age_band=age_band_of(invitation),
                invitation_id=invitation.id,
                child_id=invitation.child_id,
                review_id=invitation.review_id,
                names=related_names(child),
            ),
            draft=g.draft,
        )
    except SubmissionConflict:
        # A parallel request from this same browser already sent this invitation's answers
        # (e.g. a double tap that arrived after the draft was gone): show it as done.
        db.session.refresh(invitation)
        if invitation.status != "submitted":
            abort(409)
    session[access.DONE_KEY] = invitation.id
    return redirect(url_for("respond.done"))


def age_band_of(invitation: Invitation) -> str | None:
    """Return the child's age band for a child's own response (None for adults)."""
    if invitation.respondent_role not in ("child", "young_person", "care_leaver"):
        return None
    return age_band_for(invitation.child) if invitation.child else None


@bp.get("/respond/done")
def done() -> Any:
    invitation_id = session.get(access.DONE_KEY)
    invitation = db.session.get(Invitation, invitation_id) if invitation_id else None
    if invitation is None or invitation.status != "submitted":
        return redirect(url_for("respond.start"))
    use_language(session_language() or db.session.scalar(
        sa.select(Response.language).where(Response.invitation_id == invitation.id)))
    return render_template("respond/done.html",
                           instrument=get_instrument(invitation.instrument_key))
