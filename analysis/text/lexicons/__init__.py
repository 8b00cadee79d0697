"""Readable, extendable data files behind the text analysis, and one place that loads them."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

_PACKAGE = __name__
#: A list entry with " #" inside it and no quotes: YAML reads the rest as a comment, so
#: "- every # months" would silently become "every".
_CUT_BY_COMMENT_RE = re.compile(r"^\s*-\s+[^\s\"'#][^#\n]*\s#", re.MULTILINE)


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses a key given twice (YAML would keep only the last)."""


def _mapping_without_duplicates(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    """Build a mapping, naming the first key that appears twice."""
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise ValueError(f"key {key!r} appears twice (line {key_node.start_mark.line + 1})")
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates
)


def read_text(name: str) -> str:
    """Return the text of one lexicon file shipped in this folder."""
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@cache
def load_yaml(name: str) -> dict[str, Any]:
    """Parse one YAML lexicon once; callers must not mutate the result."""
    text = read_text(name)
    cut = _CUT_BY_COMMENT_RE.search(text)
    if cut:
        line = text.count("\n", 0, cut.start()) + 1
        raise ValueError(f"{name}: line {line} has an unquoted ' #'; put the entry in quotes")
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except ValueError as error:
        raise ValueError(f"{name}: {error}") from error
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
