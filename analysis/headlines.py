"""Turn a figure into the plain English sentence an annual report leads with.

The caller supplies the wording per question as a template, for example
``"{share} said they are always invited to the review."``, and a label for the group
("foster carers"). ``{share}`` becomes "45 of 48 foster carers (94%)"; under 5 people it
becomes "3 of 4 foster carers" with no percentage, which is why the percentage is only
available inside ``{share}``. Percentages in sentences are whole numbers, rounded half up.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from string import Formatter

from analysis.numbers import Share, round_half_up
from analysis.tallies import OptionTally

#: Placeholders a template may use.
PLACEHOLDERS = frozenset({"share", "count", "n", "group"})


def headline(template: str, group: str, share: Share) -> str | None:
    """Fill a sentence template with a share; None when nobody answered (nothing to say)."""
    _check_template(template)
    if share.denominator == 0:
        return None
    phrase = f"{share.numerator} of {share.denominator} {group}"
    if not share.small_numbers:
        whole = round_half_up(Fraction(100 * share.numerator, share.denominator), 0)
        phrase += f" ({int(whole)}%)"
    return template.format(share=phrase, count=share.numerator, n=share.denominator, group=group)


def option_headline(
    template: str, group: str, tally: OptionTally, options: Iterable[str]
) -> str | None:
    """Fill a template with how many chose any of ``options`` (e.g. ``["always"]``)."""
    chosen = tuple(options)
    unknown = sorted(set(chosen) - set(tally.counts))
    if unknown:
        raise ValueError(f"{tally.key} has no options {unknown}")
    return headline(template, group, tally.share(chosen))


def _check_template(template: str) -> None:
    """Reject unknown placeholders early, so a typo fails in tests rather than in a report."""
    for _, field_name, _, _ in Formatter().parse(template):
        if field_name is not None and field_name not in PLACEHOLDERS:
            allowed = ", ".join(f"{{{name}}}" for name in sorted(PLACEHOLDERS))
            raise ValueError(f"unknown placeholder {{{field_name}}} in {template!r}: use {allowed}")
