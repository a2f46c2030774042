"""JSON fields that hold ids inside a structure (spec.NESTED): the comparison's decision
log. The export maps database ids to file ids, the import file ids to the new rows';
an id with no row (a theme deleted since, a factor of an erased person) is left out,
or, for a snapshot's theme, is null: undo then makes a new theme row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from .spec import FACTORS, PAIRS, SNAPSHOT

Map = Callable[[Any], Any]  # an id → the other side's id, or None
SNAPSHOT_KEYS = frozenset({"id", "label", "items", "confirmed", "named", "position"})
LABEL_LIMIT = 200  # Theme.label
POSITION_MAX = 2**31 - 1  # Theme.position: what undo writes must fit the column


def remap(kind: str, value: Any, factor: Map, theme: Map) -> Any:
    """`value` with every factor and theme id mapped; unknown ones are left out."""
    def factors(ids: list[Any]) -> list[Any]:
        return [new for old in ids if (new := factor(old)) is not None]

    if kind == PAIRS:
        return [pair for pair in (factors(list(p)) for p in value) if len(pair) == 2]
    if kind == FACTORS:
        return factors(value)
    if kind == SNAPSHOT:
        return [{**t, "id": None if t["id"] is None else theme(t["id"]),
                 "items": factors(t["items"])} for t in value]
    raise ValueError(kind)


def problems(kind: str, value: Any, known: Callable[[str, Any], bool],
             where: str) -> list[tuple[str, str]]:
    """What is wrong with a value of a nested kind, as (place, message); `known(table,
    id)` says whether the file has that row."""
    out: list[tuple[str, str]] = []

    def ref(table: str, v: Any, at: str) -> None:
        if isinstance(v, bool) or not isinstance(v, int) or not known(table, v):
            out.append((at, _("must be the id of a row of “%(table)s”") % {"table": table}))

    if not isinstance(value, list):
        return [(where, _("must be a list"))]
    for i, entry in enumerate(value):
        at = f"{where}[{i}]"
        if kind == PAIRS:
            if not isinstance(entry, list) or len(entry) != 2:
                out.append((at, _("must be a pair of ids")))
                continue
            for j, v in enumerate(entry):
                ref("factors", v, f"{at}[{j}]")
        elif kind == FACTORS:
            ref("factors", entry, at)
        else:
            out.extend(_theme_problems(entry, ref, at))
    return out


def _theme_problems(entry: Any, ref: Callable[[str, Any, str], None],
                    at: str) -> list[tuple[str, str]]:
    if not isinstance(entry, dict) or set(entry) != SNAPSHOT_KEYS:
        return [(at, _("must be an object with exactly: %(names)s")
                 % {"names": ", ".join(sorted(SNAPSHOT_KEYS))})]
    out: list[tuple[str, str]] = []
    if entry["id"] is not None:
        ref("themes", entry["id"], f"{at}.id")
    if not isinstance(entry["label"], str) or len(entry["label"]) > LABEL_LIMIT:
        out.append((f"{at}.label", _("must be a text of at most %(limit)d characters")
                    % {"limit": LABEL_LIMIT}))
    if not isinstance(entry["items"], list):
        out.append((f"{at}.items", _("must be a list")))
    else:
        for j, v in enumerate(entry["items"]):
            ref("factors", v, f"{at}.items[{j}]")
    for flag in ("confirmed", "named"):
        if not isinstance(entry[flag], bool):
            out.append((f"{at}.{flag}", _("must be true or false")))
    position = entry["position"]
    if (isinstance(position, bool) or not isinstance(position, int)
            or not 0 <= position <= POSITION_MAX):
        out.append((f"{at}.position", _("must be a whole number from %(low)d to %(high)d")
                    % {"low": 0, "high": POSITION_MAX}))
    return out
