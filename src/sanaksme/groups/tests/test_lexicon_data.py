"""The built-in lexicon files: loaded once, and every mistake named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanaksme.groups.domain.lexicon import Concept, Lexicon
from sanaksme.groups.lexicon_data import (
    LEXICON_DIR,
    LexiconError,
    default_lexicon,
    load_lexicon,
)

GOOD = """\
poverty:
  label: Nabadzība
  terms:
    - nav naudas
    - mazas algas
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_concepts_load_in_file_name_order_with_their_terms_in_order(tmp_path: Path) -> None:
    write(tmp_path, "02-language.yaml", "language:\n  label: Valoda\n  terms: [valoda]\n")
    write(tmp_path, "01-poverty.yaml", GOOD)
    write(tmp_path, "notes.txt", "not a lexicon file")

    lexicon = load_lexicon(tmp_path)

    assert lexicon == Lexicon((
        Concept("poverty", "Nabadzība", ("nav naudas", "mazas algas")),
        Concept("language", "Valoda", ("valoda",)),
    ))


def test_the_built_in_lexicon_is_read_once() -> None:
    assert default_lexicon() is default_lexicon()
    assert default_lexicon() is load_lexicon(LEXICON_DIR)


def test_every_built_in_file_holds_concepts_with_a_label_and_terms() -> None:
    concepts = default_lexicon().concepts

    assert len(list(LEXICON_DIR.glob("*.yaml"))) == len(concepts)
    assert len({c.label for c in concepts}) == len(concepts)
    assert all(c.terms for c in concepts)


@pytest.mark.parametrize(("text", "line", "message"), [
    (GOOD.replace("  terms:", "  term:"), 3, "concept 'poverty': unknown key 'term'"),
    (GOOD.replace("  label: Nabadzība\n", ""), 1, "concept 'poverty': missing label"),
    (GOOD.replace("  label: Nabadzība", "  label: ''"), 2, "a label is empty"),
    (GOOD.replace("    - mazas algas", "    - 12"), 5, "expected a term as text, not '12'"),
    (GOOD.replace("    - mazas algas", "    - [a, b]"), 5, "expected a term as text, not a list"),
    (GOOD.replace("    - mazas algas", '    - "  "'), 5, "a term is empty"),
    (GOOD.replace("    - mazas algas", "    -"), 5, "a term is empty"),
    (GOOD.replace("    - mazas algas", "    - nav  naudas"), 5,
     "concept 'poverty': duplicate term 'nav naudas'"),
    (GOOD.replace("  terms:\n", "  terms: nav naudas\n").replace("    - ", "# "), 3,
     "concept 'poverty': terms must be a list"),
    (GOOD + "poverty:\n  label: Cits\n  terms: [x]\n", 6, "concept 'poverty' appears twice"),
    (GOOD.replace("    - mazas algas", "    - mazas: algas: x"), 5, "not valid YAML"),
    ("- poverty\n", 1, "expected concepts"),
])
def test_a_mistake_is_named_by_file_and_line(tmp_path: Path, text: str, line: int,
                                             message: str) -> None:
    path = write(tmp_path, "poverty.yaml", text)

    with pytest.raises(LexiconError) as raised:
        load_lexicon(tmp_path)

    assert str(raised.value).startswith(f"{path}:{line}: ")
    assert message in str(raised.value)


def test_a_concept_key_defined_in_two_files_is_refused(tmp_path: Path) -> None:
    first = write(tmp_path, "01-poverty.yaml", GOOD)
    second = write(tmp_path, "02-money.yaml",
                   "language:\n  label: Valoda\n  terms: [valoda]\n"
                   "poverty:\n  label: Nauda\n  terms: [nauda]\n")

    with pytest.raises(LexiconError) as raised:
        load_lexicon(tmp_path)

    assert str(raised.value) == (f"{second}:4: concept 'poverty' is already defined "
                                 f"at {first}:1")


def test_a_shipped_file_is_named_from_the_package(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sanaksme.groups.lexicon_data.PACKAGE_ROOT", tmp_path)
    (tmp_path / "groups").mkdir()
    write(tmp_path / "groups", "poverty.yaml", GOOD.replace("    - mazas algas", "    - 12"))

    with pytest.raises(LexiconError, match=r"^groups/poverty\.yaml:5: "):
        load_lexicon(tmp_path / "groups")
