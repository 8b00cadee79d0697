"""Closed vocabularies shared by the models, forms and analysis glue."""

from __future__ import annotations

STAFF_ROLES = ("iro", "manager", "admin")
RESPONDENT_ROLES = (
    "child",
    "young_person",
    "care_leaver",
    "foster_carer",
    "parent",
    "social_worker",
    "guardian",
    "professional",
)
CONTACT_ROLES = ("foster_carer", "parent", "social_worker", "guardian", "professional")
CHANNELS = ("online", "paper", "interview")
AGE_BANDS = ("4-7", "8-11", "12-15", "16-17", "18+")
REVIEW_KINDS = ("initial", "second", "subsequent")
PARTICIPATION_CODES = ("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")
INVITATION_STATUSES = ("created", "sent", "opened", "submitted", "expired")
SENTIMENTS = ("positive", "critical", "mixed", "neutral")
