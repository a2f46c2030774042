"""The built-in lexicon, read from groups/data/lexicon/*.yaml and checked on load.

Each file maps concept keys to {label, terms}; files are read in name order and the
concepts keep that order (on a tie between two concepts, the earlier one wins). Any
mistake stops the load with a `LexiconError` naming the file and line. Reading files
is I/O, so it lives here and not in `domain/`; the domain gets the `Lexicon`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

from sanaksme.core.yamlsafe import compose_bounded

from .domain.lexicon import Concept, Lexicon

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
LEXICON_DIR = Path(__file__).resolve().parent / "data" / "lexicon"
FIELDS = ("label", "terms")
_STR = "tag:yaml.org,2002:str"
_At = Callable[[yaml.Node], str]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed


class LexiconError(ValueError):
    """A lexicon file is malformed; the message starts with "file:line: "."""


def default_lexicon() -> Lexicon:
    """The built-in lexicon of factors that hurt Roma children's education (loaded once)."""
    return load_lexicon(LEXICON_DIR)


@cache
def load_lexicon(directory: Path) -> Lexicon:
    """The concepts of every *.yaml file in `directory`, in file-name order."""
    concepts: list[Concept] = []
    where_key: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        for concept, where in _file_concepts(path):
            if concept.key in where_key:
                raise LexiconError(f"{where}: concept {concept.key!r} is already defined "
                                   f"at {where_key[concept.key]}")
            where_key[concept.key] = where
            concepts.append(concept)
    return Lexicon(tuple(concepts))


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(PACKAGE_ROOT).as_posix()
    except ValueError:
        return str(path)


def _file_concepts(path: Path) -> list[tuple[Concept, str]]:
    name = _shown(path)

    def at(node: yaml.Node) -> str:
        return f"{name}:{node.start_mark.line + 1}"

    try:
        root = compose_bounded(path.read_text(encoding="utf-8"), loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise LexiconError(f"{name}{line}: not valid YAML "
                           f"({getattr(error, 'problem', None) or error})") from error
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise LexiconError(f"{at(root)}: expected concepts (key: {{label, terms}})")
    found: list[tuple[Concept, str]] = []
    for key_node, value in root.value:
        key = _string(key_node, at, "a concept key")
        if any(c.key == key for c, _ in found):
            raise LexiconError(f"{at(key_node)}: concept {key!r} appears twice")
        found.append((_concept(key, key_node, value, at), at(key_node)))
    return found


def _concept(key: str, key_node: yaml.Node, node: yaml.Node,
             at: _At) -> Concept:
    if not isinstance(node, yaml.MappingNode):
        raise LexiconError(f"{at(node)}: concept {key!r}: expected label and terms")
    fields: dict[str, yaml.Node] = {}
    for name_node, value in node.value:
        name = _string(name_node, at, "a field name")
        if name not in FIELDS:
            raise LexiconError(f"{at(name_node)}: concept {key!r}: unknown key {name!r} "
                               f"(expected label, terms)")
        fields[name] = value
    for name in FIELDS:
        if name not in fields:
            raise LexiconError(f"{at(key_node)}: concept {key!r}: missing {name}")
    label = _string(fields["label"], at, "a label")
    terms_node = fields["terms"]
    if not isinstance(terms_node, yaml.SequenceNode):
        raise LexiconError(f"{at(terms_node)}: concept {key!r}: terms must be a list")
    terms: dict[str, None] = {}
    for item in terms_node.value:
        term = _string(item, at, "a term")
        if term in terms:
            raise LexiconError(f"{at(item)}: concept {key!r}: duplicate term {term!r}")
        terms[term] = None
    return Concept(key, label, tuple(terms))


def _string(node: yaml.Node, at: _At, what: str) -> str:
    text = " ".join(str(node.value).split()) if isinstance(node, yaml.ScalarNode) else None
    if text == "":
        raise LexiconError(f"{at(node)}: {what} is empty")
    if text is None or node.tag != _STR:
        raise LexiconError(f"{at(node)}: expected {what} as text, not {_kind(node)}")
    return text


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"{node.value!r} (put it in quotes to keep it as text)"
