"""Questionnaires as data: definitions in YAML, loaded into plain dataclasses."""

from feedback_app.instruments.loader import (
    Catalogue,
    DefinitionError,
    get_instrument,
    load_catalogue,
    read_catalogue,
)
from feedback_app.instruments.model import Instrument, Option, Page, Question, Scale, localise

__all__ = [
    "Catalogue",
    "DefinitionError",
    "Instrument",
    "Option",
    "Page",
    "Question",
    "Scale",
    "get_instrument",
    "load_catalogue",
    "localise",
    "read_catalogue",
]
