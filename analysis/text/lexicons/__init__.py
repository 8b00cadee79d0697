"""Readable, extendable data files behind the text analysis, and one place that loads them."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

_PACKAGE = __name__


def read_text(name: str) -> str:
    """Return the text of one lexicon file shipped in this folder."""
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@cache
def load_yaml(name: str) -> dict[str, Any]:
    """Parse one YAML lexicon once; callers must not mutate the result."""
    data = yaml.safe_load(read_text(name))
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    _check_strings(data, name)
    return data


def _check_strings(node: Any, where: str) -> None:
    """Refuse list entries YAML did not read as text (an unquoted ``no`` or ``# weeks``)."""
    if isinstance(node, dict):
        for key, value in node.items():
            _check_strings(value, f"{where}: {key}")
    elif isinstance(node, list):
        for item in node:
            if not isinstance(item, str):
                raise ValueError(f"{where}: entry {item!r} is not text; put it in quotes")


@cache
def load_words(name: str) -> frozenset[str]:
    """Read a one-entry-per-line word list, skipping blank lines and # comments, lower-cased."""
    entries = (line.strip() for line in read_text(name).splitlines())
    return frozenset(e.lower() for e in entries if e and not e.startswith("#"))


def digest(folder: Traversable | None = None) -> str:
    """Hash every lexicon file, so a changed word list gives a new LEXICON_VERSION."""
    folder = folder or resources.files(_PACKAGE)
    sha = hashlib.sha256()
    names = sorted(
        entry.name for entry in folder.iterdir() if entry.name.endswith((".yaml", ".txt"))
    )
    for name in names:
        sha.update(name.encode())
        sha.update(folder.joinpath(name).read_bytes())
    return sha.hexdigest()[:12]
