"""The lexicon files: readable, documented, loadable, and versioned."""

from pathlib import Path

import pytest

import analysis.text as text_package
from analysis.text import LEXICON_VERSION, lexicons
from analysis.text.lexicons import load_words, load_yaml
from analysis.text.vocabulary import acronyms, first_names, is_ordinary, keep_words

FOLDER = Path(lexicons.__file__).parent
FILES = sorted(p.name for p in FOLDER.iterdir() if p.suffix in (".yaml", ".txt"))


def test_there_are_lexicon_files() -> None:
    assert {"sentiment.yaml", "themes.yaml", "normalise.yaml", "redaction.yaml"} <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_each_file_opens_with_a_comment_explaining_its_format(name: str) -> None:
    first_lines = (FOLDER / name).read_text(encoding="utf-8").splitlines()[:3]
    assert all(line.startswith("#") for line in first_lines)
    assert "MIT" in (FOLDER / name).read_text(encoding="utf-8")[:1500]


@pytest.mark.parametrize("name", [n for n in FILES if n.endswith(".yaml")])
def test_each_yaml_file_loads_with_text_entries_only(name: str) -> None:
    assert load_yaml(name)


@pytest.mark.parametrize("name", [n for n in FILES if n.endswith(".txt")])
def test_each_word_list_has_entries(name: str) -> None:
    assert len(load_words(name)) > 50


def test_unquoted_yaml_oddities_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad.yaml").write_text("words:\n  - no\n  - # weeks\n", encoding="utf-8")
    monkeypatch.setattr(lexicons, "read_text", lambda name: (tmp_path / name).read_text())
    with pytest.raises(ValueError, match="put it in quotes"):
        lexicons.load_yaml.__wrapped__("bad.yaml")


def test_lexicon_version_names_rules_lexicon_hash_and_textblob() -> None:
    assert LEXICON_VERSION.startswith(f"r{text_package.RULES_VERSION}-")
    assert lexicons.digest() in LEXICON_VERSION
    assert "-tb" in LEXICON_VERSION


def test_digest_changes_when_a_lexicon_changes(tmp_path: Path) -> None:
    for name in FILES:
        (tmp_path / name).write_bytes((FOLDER / name).read_bytes())
    assert lexicons.digest(tmp_path) == lexicons.digest()
    with (tmp_path / "themes.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# a manager's edit\n")
    assert lexicons.digest(tmp_path) != lexicons.digest()


def test_word_lists_feed_the_vocabulary() -> None:
    assert "sarah" in first_names()
    assert "IRO" in acronyms() and "CAMHS" in acronyms()
    assert "christmas" in keep_words()
    assert is_ordinary("carers") and is_ordinary("favourite") and not is_ordinary("kayden")
