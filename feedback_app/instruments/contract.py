"""Question keys the brief fixes for each instrument (CSV import, JSON and tests rely on them).

Instruments may add questions freely; these must stay, with this type and scale.
"""

from __future__ import annotations

_BOOKLET: dict[str, tuple[str, str | None]] = {
    "feelings_most_of_time": ("scale", "feelings"),
    "feel_about_home": ("scale", "feelings"),
    "feel_safe": ("scale", "yes_no_unsure"),
    "school_going": ("scale", "feelings"),
    "family_contact": ("scale", "amount3"),
    "see_social_worker": ("scale", "amount3"),
    "know_iro": ("scale", "yes_no_unsure"),
    "know_iro_contact": ("scale", "yes_no_unsure"),
    "have_care_plan_copy": ("scale", "yes_no_unsure"),
    "understand_care_plan": ("scale", "yes_no_unsure"),
    "know_pledge": ("scale", "yes_no_unsure"),
    "know_complaints": ("scale", "yes_no_unsure"),
    "know_advocacy": ("scale", "yes_no_unsure"),
    "know_children_council": ("scale", "yes_no_unsure"),
    "review_take_part": ("scale", "participation"),
    "review_chair": ("scale", "chair"),
    "review_who": ("multi", None),
    "review_where_when": ("text", None),
    "talk_about": ("text", None),
    "going_well": ("text", None),
    "not_going_well": ("text", None),
    "message_to_iro": ("text", None),
}

REQUIRED_QUESTIONS: dict[str, dict[str, tuple[str, str | None]]] = {
    "child_booklet": _BOOKLET,
    "young_person_booklet": _BOOKLET,
    "leaving_care": {
        "who_helped": ("multi", None),
        "support_after_care": ("scale", "ease3"),
        "know_personal_adviser": ("scale", "yes_no_unsure"),
        "same_social_worker": ("scale", "yes_no_unsure"),
        "support_in_care": ("scale", "quality4"),
        "what_was_good": ("text", None),
        "what_could_be_better": ("text", None),
    },
    "foster_carer": {
        "informed_iro_contact": ("scale", "frequency5"),
        "invited_to_review": ("scale", "frequency5"),
        "consultation_form_received": ("scale", "frequency5"),
        "review_record_received": ("scale", "frequency5"),
        "chairing_quality": ("scale", "quality4"),
        "child_knows_iro_contact": ("scale", "frequency5"),
        "understand_iro_role": ("scale", "yes_no_unsure"),
        "can_contact_iro_between_reviews": ("scale", "yes_no_unsure"),
        "comments_positive": ("text", None),
        "comments_improve": ("text", None),
    },
    "parent": {
        "views_asked": ("scale", "frequency5"),
        "views_listened_to": ("scale", "frequency5"),
        "minutes_on_time": ("scale", "frequency5"),
        "told_where_when": ("scale", "frequency5"),
        "venue_suitable": ("scale", "yes_no_unsure"),
        "spoke_to_iro_before": ("scale", "yes_no_unsure"),
        "number_of_iros_last_year": ("integer", None),
        "comments_positive": ("text", None),
        "comments_improve": ("text", None),
    },
    "social_worker": {
        "children_know_iro_contact": ("scale", "frequency5"),
        "iro_encourages_participation": ("scale", "frequency5"),
        "info_contributes_outcomes": ("scale", "frequency5"),
        "iro_scrutiny_challenge": ("scale", "frequency5"),
        "placement_needs_examined": ("scale", "frequency5"),
        "iro_monitors_performance": ("scale", "how_well3"),
        "iro_challenges_agencies": ("scale", "frequency5"),
        "iro_consulted_final_plan": ("scale", "frequency5"),
        "service_quality": ("scale", "quality4"),
        "comments_positive": ("text", None),
        "comments_improve": ("text", None),
    },
    "professional": {
        "informed_iro_contact": ("scale", "frequency5"),
        "invited_to_review": ("scale", "frequency5"),
        "review_record_received": ("scale", "frequency5"),
        "iro_alerts_issues": ("scale", "frequency5"),
        "chairing_quality": ("scale", "quality4"),
        "children_know_iro_contact": ("scale", "frequency5"),
        "end_of_proceedings_discussion": ("scale", "frequency5"),
        "comments_positive": ("text", None),
        "comments_improve": ("text", None),
    },
}

#: Scales every deployment needs, with their option keys in order.
REQUIRED_SCALES: dict[str, tuple[str, ...]] = {
    "frequency5": ("always", "usually", "sometimes", "occasionally", "never"),
    "quality4": ("excellent", "good", "fair", "poor"),
    "how_well3": ("very_well", "quite_well", "poorly"),
    "yes_no_unsure": ("yes", "no", "not_sure"),
    "feelings": ("happy", "ok", "sad", "worried", "angry", "confused"),
    "amount3": ("not_enough", "about_right", "too_much"),
    "ease3": ("easy", "ok", "difficult"),
    "participation": (
        "attend_speak",
        "attend_advocate",
        "attend_other_way",
        "not_attend_advocate",
        "not_attend_send_views",
    ),
    "chair": ("all", "part", "no", "not_sure"),
}
