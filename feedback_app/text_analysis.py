"""Analyse free-text answers once, when they are stored, and again when the lexicon changes.

English text (or the staff translation of other text) gets sentiment, themes and a redacted,
quotable version. Text in another language with no translation yet is counted but not
scored: reports show it as awaiting translation rather than guessing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from analysis.text import LEXICON_VERSION, analyse_text
from feedback_app.extensions import db
from feedback_app.models import Answer, Child, Contact, Response, User

#: Answers re-analysed per batch by ``reanalyse``: bounded memory on any database size.
BATCH_SIZE = 2_000


def analysis_columns(
    *, text: str | None, translation: str | None, language: str,
    question_key: str, names: Iterable[str] = (),
) -> dict[str, Any]:
    """Return the ``answers`` analysis columns for one free-text answer."""
    source = translation or (text if language == "en" else None)
    if not source:
        return {"sentiment": None, "themes": None, "redacted": None,
                "analysis_version": LEXICON_VERSION}
    result = analyse_text(source, names, question=question_key)
    return {
        "sentiment": result.sentiment,
        "themes": ";".join(result.themes) or None,
        "redacted": result.redacted,
        "analysis_version": LEXICON_VERSION,
    }


def related_names(child: Child | None) -> tuple[str, ...]:
    """Return every name the platform knows around a child, for redaction."""
    if child is None:
        return ()
    names = [child.first_name, child.last_name]
    names += db.session.scalars(sa.select(Contact.name).where(Contact.child_id == child.id))
    if child.iro_id is not None:
        names.append(db.session.scalar(sa.select(User.name).where(User.id == child.iro_id)))
    return tuple(name for name in names if name)


def reanalyse(*, everything: bool = False) -> int:
    """Recompute stored results made with another lexicon version; return how many.

    Walks the answers in id order in batches, so memory stays bounded however many there
    are; commits after each batch.
    """
    done = 0
    last_id = 0
    while True:
        query = (
            sa.select(Answer.id, Answer.text, Answer.translation, Answer.question_key,
                      Response.language, Response.child_id)
            .join(Response, Response.id == Answer.response_id)
            .where(Answer.text.is_not(None), Answer.id > last_id)
            .order_by(Answer.id)
            .limit(BATCH_SIZE)
        )
        if not everything:
            query = query.where(sa.or_(Answer.analysis_version.is_(None),
                                       Answer.analysis_version != LEXICON_VERSION))
        rows = db.session.execute(query).all()
        if not rows:
            return done
        names_by_child: dict[int | None, tuple[str, ...]] = {}
        updates = []
        for row in rows:
            if row.child_id not in names_by_child:
                child = db.session.get(Child, row.child_id) if row.child_id else None
                names_by_child[row.child_id] = related_names(child)
            updates.append({"id": row.id, **analysis_columns(
                text=row.text, translation=row.translation, language=row.language,
                question_key=row.question_key, names=names_by_child[row.child_id])})
        db.session.execute(sa.update(Answer), updates)  # bulk UPDATE by primary key
        db.session.commit()
        done += len(rows)
        last_id = rows[-1].id
