"""The comparison's JSON format: parse and check groups' results, write themes. Pure Python.

Input: {"groups": [{"name", "kind", "items": [{"id", "text", "responsibility"?}]}],
"decisions"?: {"together"?: [[id, id]], "apart"?: [[id, id]],
"themes"?: [{"label", "items": [id], "confirmed"?}]}}.
Other top-level keys (a meeting name, benchmark "gold" themes) are ignored; unknown keys
inside a group, an item, a responsibility or the decisions are errors, so typos do not
pass silently.
An item's "responsibility" (the group's split, shares adding up to 100) is checked and
accepted, so exported worksheets stay valid input, but the engine does not use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sanaksme.core.jsonsafe import loads_bounded
from sanaksme.groups.domain.comparison import (
    GroupKind,
    GroupResult,
    Item,
    Theme,
)
from sanaksme.groups.domain.decisions import (
    DecidedTheme,
    DecisionError,
    Decisions,
    Pair,
)

_GROUP_FIELDS = {"name", "kind", "items"}
_ITEM_FIELDS = {"id", "text", "responsibility"}
_SHARES = ("municipality", "state", "community")
_DECISION_FIELDS = {"together", "apart", "themes"}
_THEME_FIELDS = {"label", "items", "confirmed"}


class CompareInputError(ValueError):
    """Bad comparison input; `path` names the field, e.g. `groups[2].items[0].text`."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


def parse_compare_json(text: str) -> list[GroupResult]:
    """Groups' results from JSON text; CompareInputError if anything is wrong."""
    try:
        data = loads_bounded(text)
    except ValueError as exc:  # JSONDecodeError or nesting beyond the bound
        raise CompareInputError("", f"not valid JSON: {exc}") from exc
    return parse_compare_input(data)


def parse_compare_input(data: Any) -> list[GroupResult]:
    """Groups' results from parsed JSON data; CompareInputError if anything is wrong."""
    if not isinstance(data, dict):
        raise CompareInputError("", "expected an object with a \"groups\" list")
    groups = data.get("groups")
    if not isinstance(groups, list):
        raise CompareInputError("groups", "missing or not a list")
    if not groups:
        raise CompareInputError("groups", "empty")
    seen_ids: dict[str, str] = {}
    seen_names: dict[str, str] = {}
    result: list[GroupResult] = []
    for number, group in enumerate(groups):
        path = f"groups[{number}]"
        fields = _object(group, path, _GROUP_FIELDS)
        name = _string(fields, "name", path)
        if name in seen_names:
            raise CompareInputError(f"{path}.name", f"duplicate of {seen_names[name]}.name")
        seen_names[name] = path
        kind_value = _string(fields, "kind", path)
        try:
            kind = GroupKind(kind_value)
        except ValueError:
            allowed = ", ".join(k.value for k in GroupKind)
            raise CompareInputError(f"{path}.kind",
                                    f"unknown kind {kind_value!r} (use {allowed})") from None
        items = fields.get("items")
        if not isinstance(items, list):
            raise CompareInputError(f"{path}.items", "missing or not a list")
        parsed = tuple(_item(item, f"{path}.items[{i}]", seen_ids)
                       for i, item in enumerate(items))
        result.append(GroupResult(name, kind, parsed))
    return result


def parse_compare_decisions(data: Any, groups: Sequence[GroupResult]) -> Decisions:
    """The facilitator's decisions from parsed JSON data (none when the key is absent),
    checked against the groups' items; CompareInputError names the field."""
    if not isinstance(data, dict) or data.get("decisions") is None:
        return Decisions()
    fields = _object(data["decisions"], "decisions", _DECISION_FIELDS)
    together = _pairs(fields.get("together", []), "decisions.together")
    apart = _pairs(fields.get("apart", []), "decisions.apart")
    raw_themes = fields.get("themes", [])
    if not isinstance(raw_themes, list):
        raise CompareInputError("decisions.themes", "expected a list")
    themes = tuple(_decided_theme(theme, f"decisions.themes[{number}]")
                   for number, theme in enumerate(raw_themes))
    decisions = Decisions(together, apart, themes)
    try:
        decisions.check([item.id for group in groups for item in group.items])
    except DecisionError as exc:
        raise CompareInputError(exc.path, exc.problem) from None
    return decisions


def _pairs(value: Any, path: str) -> tuple[Pair, ...]:
    if not isinstance(value, list):
        raise CompareInputError(path, "expected a list of [id, id] pairs")
    pairs: list[Pair] = []
    for number, pair in enumerate(value):
        if (not isinstance(pair, list) or len(pair) != 2
                or not all(isinstance(i, str) for i in pair)):
            raise CompareInputError(f"{path}[{number}]", "expected a pair [id, id]")
        pairs.append((pair[0].strip(), pair[1].strip()))
    return tuple(pairs)


def _decided_theme(value: Any, path: str) -> DecidedTheme:
    fields = _object(value, path, _THEME_FIELDS)
    label = fields.get("label", "")
    if not isinstance(label, str):
        raise CompareInputError(f"{path}.label", "expected a string")
    items = fields.get("items")
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise CompareInputError(f"{path}.items", "missing or not a list of ids")
    confirmed = fields.get("confirmed", True)
    if not isinstance(confirmed, bool):
        raise CompareInputError(f"{path}.confirmed", "expected true or false")
    return DecidedTheme(label.strip(), tuple(i.strip() for i in items), confirmed)


def _object(value: Any, path: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CompareInputError(path, "expected an object")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise CompareInputError(f"{path}.{unknown[0]}", "unknown field")
    return value


def _string(fields: dict[str, Any], name: str, path: str) -> str:
    if name not in fields:
        raise CompareInputError(f"{path}.{name}", "missing")
    value = fields[name]
    if not isinstance(value, str):
        raise CompareInputError(f"{path}.{name}", "expected a string")
    if not value.strip():
        raise CompareInputError(f"{path}.{name}", "empty")
    return value.strip()


def _item(value: Any, path: str, seen_ids: dict[str, str]) -> Item:
    fields = _object(value, path, _ITEM_FIELDS)
    item_id = _string(fields, "id", path)
    if item_id in seen_ids:
        raise CompareInputError(f"{path}.id", f"duplicate of {seen_ids[item_id]}.id")
    seen_ids[item_id] = path
    text = _string(fields, "text", path)
    shares = fields.get("responsibility")
    if shares is not None:
        _check_responsibility(shares, f"{path}.responsibility")
    return Item(item_id, text)


def _check_responsibility(value: Any, path: str) -> None:
    fields = _object(value, path, set(_SHARES))
    numbers: list[int] = []
    for share in _SHARES:
        if share not in fields:
            raise CompareInputError(f"{path}.{share}", "missing")
        number = fields[share]
        if isinstance(number, bool) or not isinstance(number, int):
            raise CompareInputError(f"{path}.{share}", "expected a whole number")
        if not 0 <= number <= 100:
            raise CompareInputError(f"{path}.{share}", "must be between 0 and 100")
        numbers.append(number)
    if sum(numbers) != 100:
        raise CompareInputError(path, f"shares add up to {sum(numbers)}, not 100")


def themes_to_data(themes: Sequence[Theme]) -> dict[str, Any]:
    """Themes as JSON-safe data: {"themes": [{label, items, status, confirmed}]}."""
    return {"themes": [{"label": t.label, "items": list(t.items), "status": t.status.value,
                        "confirmed": t.confirmed} for t in themes]}
