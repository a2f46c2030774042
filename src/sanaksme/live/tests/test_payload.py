"""Strict payloads: whatever does not fit the declared type is refused with one
message, before any service runs (live/payload.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import pytest
from django.utils.translation import gettext

from sanaksme.core.exceptions import DomainError
from sanaksme.live.payload import Empty, MaxLen, Range, parse, unreadable


@dataclass(frozen=True)
class Inner:
    a: int


@dataclass(frozen=True)
class Sample:
    note: int
    text: str
    flag: bool = False
    maybe: int | None = None
    step: Literal[1, -1] = 1
    order: Annotated[list[int], MaxLen(3)] = field(default_factory=list)
    small: Annotated[int, Range(0, 10)] = 0
    line: Annotated[str | None, MaxLen(5)] = None
    inner: Inner | None = None


def test_a_well_formed_payload_is_read() -> None:
    payload = parse(Sample, {"note": 5, "text": "x", "flag": True, "maybe": None,
                             "step": -1, "order": [1, 2], "small": 10,
                             "inner": {"a": 1}})

    assert payload == Sample(note=5, text="x", flag=True, maybe=None, step=-1,
                             order=[1, 2], small=10, inner=Inner(a=1))


def test_defaults_fill_the_optional_fields() -> None:
    assert parse(Sample, {"note": 1, "text": ""}) == Sample(note=1, text="")
    assert parse(Empty, {}) == Empty()


@pytest.mark.parametrize(("data", "field_name"), [
    pytest.param({"note": 1, "text": "x", "extra": 1}, "extra", id="unknown-field"),
    pytest.param({"text": "x"}, "note", id="missing-field"),
    pytest.param({"note": "1", "text": "x"}, "note", id="string-for-int"),
    pytest.param({"note": True, "text": "x"}, "note", id="bool-for-int"),
    pytest.param({"note": 1.0, "text": "x"}, "note", id="float-for-int"),
    pytest.param({"note": 1, "text": 5}, "text", id="int-for-string"),
    pytest.param({"note": 1, "text": "x", "flag": 1}, "flag", id="int-for-bool"),
    pytest.param({"note": 2**31, "text": "x"}, "note", id="int-out-of-range"),
    pytest.param({"note": 1, "text": "x", "small": 11}, "small", id="above-its-range"),
    pytest.param({"note": 1, "text": "x", "step": 2}, "step", id="not-a-literal"),
    pytest.param({"note": 1, "text": "x", "step": True}, "step", id="bool-for-literal"),
    pytest.param({"note": 1, "text": "x", "order": [1, 2, 3, 4]}, "order",
                 id="list-too-long"),
    pytest.param({"note": 1, "text": "x", "order": [1, "2"]}, "order", id="list-item"),
    pytest.param({"note": 1, "text": "x", "order": {"1": 1}}, "order", id="dict-for-list"),
    pytest.param({"note": 1, "text": "x", "inner": {"a": 1, "b": 2}}, "inner.b",
                 id="unknown-nested-field"),
    pytest.param({"note": 1, "text": "x", "inner": [1]}, "inner", id="list-for-object"),
])
def test_a_malformed_payload_is_refused_with_one_message(data: dict[str, Any],
                                                         field_name: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse(Sample, data)

    assert refused.value.message == gettext("The message is incomplete.")
    assert refused.value.field == field_name


@pytest.mark.parametrize(("data", "field_name", "limit"), [
    pytest.param({"note": 1, "text": "x" * 70000}, "text", 65536, id="any-string"),
    pytest.param({"note": 1, "text": "x", "line": "abcdef"}, "line", 5, id="its-maxlen"),
])
def test_a_too_long_text_is_refused_with_its_limit(data: dict[str, Any], field_name: str,
                                                   limit: int) -> None:
    with pytest.raises(DomainError) as refused:
        parse(Sample, data)

    assert refused.value.message == gettext("At most %(limit)d characters, please.") % {
        "limit": limit}
    assert refused.value.field == field_name


def test_a_text_at_its_maxlen_is_read() -> None:
    assert parse(Sample, {"note": 1, "text": "", "line": "abcde"}).line == "abcde"


def test_a_frame_too_long_is_called_too_long_not_unreadable() -> None:
    assert unreadable("x" * 4097, max_size=4096) == gettext(
        "The text is too long. Shorten it and send it again.")
    assert unreadable("{not json", max_size=4096) == gettext("The message could not be read.")
    assert unreadable(None, max_size=4096) == gettext("The message could not be read.")
