"""YAML from outside, checked for size of structure before anything is built.

PyYAML's safe loader still expands aliases (a few kilobytes of nested `*a` references
make gigabytes: the "billion laughs") and composes nodes recursively (thousands of
nested `[` end in RecursionError). `check_yaml_bounds` walks the parser's event stream,
which is flat and cheap, and refuses aliases, deep nesting and huge node counts; only
then is the document constructed.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 24
MAX_NODES = 200_000


class YamlBoundsError(yaml.YAMLError):
    """The document uses aliases, nests too deep or has too many nodes.

    `code` is "alias", "depth" or "nodes"; `problem_mark` points at the place."""

    def __init__(self, code: str, mark: Any) -> None:
        super().__init__(code)
        self.code = code
        self.problem = code
        self.problem_mark = mark


def check_yaml_bounds(text: str, *, max_depth: int = MAX_DEPTH,
                      max_nodes: int = MAX_NODES, loader: Any = yaml.SafeLoader) -> None:
    """Raise YamlBoundsError for aliases, nesting deeper than `max_depth` or more than
    `max_nodes` nodes; malformed YAML raises yaml.YAMLError as usual. `loader` may be
    yaml.CSafeLoader (libyaml), about ten times faster."""
    depth = nodes = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise YamlBoundsError("alias", event.start_mark)
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if nodes > max_nodes:
                raise YamlBoundsError("nodes", event.start_mark)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                raise YamlBoundsError("depth", event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def safe_load_bounded(text: str, *, max_depth: int = MAX_DEPTH,
                      max_nodes: int = MAX_NODES) -> Any:
    """`yaml.safe_load` after `check_yaml_bounds`."""
    check_yaml_bounds(text, max_depth=max_depth, max_nodes=max_nodes)
    return yaml.safe_load(text)


def compose_bounded(text: str, *, max_depth: int = MAX_DEPTH,
                    max_nodes: int = MAX_NODES, loader: Any = yaml.SafeLoader) -> yaml.Node | None:
    """`yaml.compose` (safe loader) after `check_yaml_bounds`."""
    check_yaml_bounds(text, max_depth=max_depth, max_nodes=max_nodes, loader=loader)
    return yaml.compose(text, Loader=loader)
