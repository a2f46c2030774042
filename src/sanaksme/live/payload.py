"""One strict reader for the payloads of live actions.

A payload type is a frozen dataclass whose fields are `int`, `bool`, `str`, `X | None`,
`Literal[...]`, `list[X]` or another payload dataclass, optionally narrowed with
`Annotated[int, Range(low, high)]` or `Annotated[str | list[X], MaxLen(n)]`. Whatever
does not fit (an unknown field, a missing one, a wrong type, `true` for a number, a
number or a list out of bounds) is refused with one message, naming the field; a text
longer than its `MaxLen` gets a message that names the limit.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import (
    Annotated,
    Any,
    Literal,
    TypeVar,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.core.jsonsafe import loads_bounded

T = TypeVar("T")


@dataclass(frozen=True)
class Range:
    """Inclusive bounds of a number."""

    low: int
    high: int


@dataclass(frozen=True)
class MaxLen:
    """The most characters of a string, or items of a list."""

    n: int


@dataclass(frozen=True)
class Empty:
    """The payload of an action that takes none."""


INT_RANGE = Range(-(2**31), 2**31 - 1)  # what every integer column holds
STR_MAX = 65536  # the console's largest frame
LIST_MAX = 1000


def refusal(field: str) -> DomainError:
    """The one answer to a malformed payload."""
    return DomainError(_("The message is incomplete."), field=field)


def read_frame(text: str | None, *, max_size: int, max_depth: int) -> dict[str, Any] | None:
    """A client's frame as a JSON object naming an `action`; None if it is not one."""
    if text is None or len(text) > max_size:
        return None
    try:
        data = loads_bounded(text, max_depth=max_depth)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("action"), str):
        return None
    return data


def parse(cls: type[T], data: Mapping[str, Any], prefix: str = "") -> T:
    """An instance of the payload dataclass `cls` from untrusted JSON `data`."""
    known = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    for key in data:
        if key not in known:
            raise refusal(prefix + key)
    hints = _hints(cls)
    values: dict[str, Any] = {}
    for name, spec in known.items():
        if name in data:
            values[name] = _value(hints[name], data[name], prefix + name)
        elif spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
            raise refusal(prefix + name)
    return cls(**values)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls, include_extras=True)
    return _HINTS[cls]


def _value(kind: Any, value: Any, field: str) -> Any:
    origin, args = get_origin(kind), get_args(kind)
    limits: tuple[Any, ...] = ()
    if origin is Annotated:
        kind, limits = args[0], tuple(args[1:])
        origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        [kind] = [a for a in args if a is not type(None)]
        return _value(Annotated[kind, *limits] if limits else kind, value, field)
    if origin is Literal:
        if not any(type(value) is type(a) and value == a for a in args):
            raise refusal(field)
        return value
    if origin is list:
        size = next((m.n for m in limits if isinstance(m, MaxLen)), LIST_MAX)
        if not isinstance(value, list) or len(value) > size:
            raise refusal(field)
        return [_value(args[0], v, field) for v in value]
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise refusal(field)
        return parse(kind, value, prefix=field + ".")  # type: ignore[arg-type]
    return _scalar(kind, value, field, limits)


def _scalar(kind: Any, value: Any, field: str, limits: tuple[Any, ...]) -> Any:
    if type(value) is not kind or kind not in (int, bool, str):  # bool is not an int
        raise refusal(field)
    if kind is int:
        bounds = next((m for m in limits if isinstance(m, Range)), INT_RANGE)
        if not bounds.low <= value <= bounds.high:
            raise refusal(field)
    if kind is str:
        most = next((m.n for m in limits if isinstance(m, MaxLen)), STR_MAX)
        if len(value) > most:
            raise too_long(field, most)
    return value


def too_long(field: str, most: int) -> DomainError:
    """A text longer than its field takes: the answer names the limit."""
    return DomainError(_("At most %(limit)d characters, please.") % {"limit": most},
                       field=field)


def unreadable(text: str | None, *, max_size: int) -> str:
    """Why read_frame() refused `text`: too long, or not readable. (The frame's limit
    is no text's limit, so it is not named; the screens count each text's own.)"""
    if text is not None and len(text) > max_size:
        return _("The text is too long. Shorten it and send it again.")
    return _("The message could not be read.")
