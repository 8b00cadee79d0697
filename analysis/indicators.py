"""The headline indicators of an IRO annual report, each a numerator over a denominator.

Every indicator is a :class:`~analysis.numbers.Share`: its percentage is None when the
denominator is 0, and ``small_numbers`` marks denominators under 5.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from analysis.numbers import Share
from analysis.tallies import InstrumentTally, OptionTally

#: Children's consultation booklets, counted together against reviews of booklet-age children.
BOOKLET_INSTRUMENTS = ("child_booklet", "young_person_booklet")

#: Children's awareness questions, each reported as the share answering ``yes``.
AWARENESS_QUESTIONS = (
    "know_iro",
    "know_iro_contact",
    "have_care_plan_copy",
    "know_pledge",
    "know_complaints",
    "know_advocacy",
    "know_children_council",
)

#: National participation codes, PN0 (under 4) to PN7.
PARTICIPATION_CODES = tuple(f"PN{number}" for number in range(8))
#: Codes that count as the child taking part: attended and spoke, was spoken for or conveyed
#: views (PN1-PN3), or did not attend but briefed an advocate or sent views (PN5, PN6).
PARTICIPATED = ("PN1", "PN2", "PN3", "PN5", "PN6")
#: Key for held reviews with no code recorded yet.
NOT_RECORDED = "not_recorded"


@dataclass(frozen=True, kw_only=True)
class Participation(Share):
    """The participation rate, with the number of reviews under each code."""

    counts: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """Return the report JSON shape: the share plus ``counts`` per code."""
        return {**super().to_dict(), "counts": dict(self.counts)}


def response_rates(returned: Mapping[str, int], invited: Mapping[str, int]) -> dict[str, Share]:
    """Return returned / invited for each respondent group, sorted by group.

    A group missing from one side counts 0 there. Paper forms returned without an invitation
    can push a rate over 100%; the caller decides whether "returned" includes them.
    """
    groups = sorted(set(returned) | set(invited))
    return {group: Share(returned.get(group, 0), invited.get(group, 0)) for group in groups}


def booklet_share(responses_by_instrument: Mapping[str, int], reviews: int) -> Share:
    """Return children's booklets returned as a share of reviews of booklet-age children.

    :param responses_by_instrument: responses per instrument key in the period.
    :param reviews: reviews held in the period for children aged 4 to 17.
    """
    booklets = sum(responses_by_instrument.get(key, 0) for key in BOOKLET_INSTRUMENTS)
    return Share(booklets, reviews)


def awareness(tallies: Iterable[InstrumentTally]) -> dict[str, Share]:
    """Return the share answering ``yes`` to each awareness question, across the instruments.

    Pass the tallies of both booklets; a question nobody was asked gives 0 of 0.
    """
    tallies = tuple(tallies)
    return {key: _share_choosing(tallies, key, "yes") for key in AWARENESS_QUESTIONS}


def happy_most_of_the_time(tallies: Iterable[InstrumentTally]) -> Share:
    """Return the share answering ``happy`` to ``feelings_most_of_time``."""
    return _share_choosing(tuple(tallies), "feelings_most_of_time", "happy")


def participation(codes: Mapping[str | None, int]) -> Participation:
    """Return the participation rate of children aged 4 and over from review counts per code.

    :param codes: held reviews in the period per participation code, as ``GROUP BY
        participation_code`` returns them; None is a review with no code recorded, which
        counts in the denominator (the rule is over all reviews of children aged 4+) but
        never as taking part. PN0 (under 4) is left out of both.
    """
    counts = dict.fromkeys((*PARTICIPATION_CODES, NOT_RECORDED), 0)
    for code, count in codes.items():
        key = NOT_RECORDED if code is None else code
        if key not in counts:
            raise ValueError(f"unknown participation code {code!r}")
        if count < 0:
            raise ValueError(f"negative count {count} for {code!r}")
        counts[key] += count
    aged_four_and_over = sum(count for code, count in counts.items() if code != "PN0")
    took_part = sum(counts[code] for code in PARTICIPATED)
    return Participation(took_part, aged_four_and_over, counts=counts)


def _share_choosing(tallies: tuple[InstrumentTally, ...], key: str, option: str) -> Share:
    chose, answered = 0, 0
    for tally in tallies:
        question = tally.question(key)
        if question is None:
            continue
        if not isinstance(question, OptionTally):
            raise ValueError(f"{tally.instrument_key}.{key} is not a single-answer question")
        share = question.share([option])
        chose, answered = chose + share.numerator, answered + share.denominator
    return Share(chose, answered)
