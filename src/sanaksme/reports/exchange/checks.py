"""Check a meeting file completely before anything is written.

`check_file` returns the rows as Python values (references still as ids of the file)
or raises `ImportRejected` with one message per problem, each naming where it is
(`notes[3].sheet: refers to sheets id 99, which is not in the file`).

A file of an earlier format version (`READABLE`) is checked against the fields that
version had: a field added later is unknown there, and its rows get the model's default.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import ImportRejected
from sanaksme.programme.domain.methods import Method, clean_params
from sanaksme.programme.yaml_io import SLUG_RE, param_message

from .nested import problems
from .spec import (
    KNOWN_ELSEWHERE,
    NESTED,
    READABLE,
    SCHEMA,
    SECTIONS,
    Path,
    Table,
    tables,
    target,
)

Row = dict[str, Any]
TOP_LEVEL = ("schema", "exported_at", "names_included", *SECTIONS)


@dataclass
class CheckedFile:
    sections: dict[str, Row | None]
    rows: dict[str, list[Row]]


class _Checker:
    def __init__(self, version: int) -> None:
        self.version = version  # the file's format version (1 for `sanaksme/meeting@1`)
        self.errors: list[str] = []
        self.ids: dict[str, set[int]] = {}

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def row(self, table: Table, value: Any, where: str, *, with_id: bool) -> Row:
        if not isinstance(value, dict):
            self.error(where, _("must be an object with fields"))
            return {}
        fields = table.fields_in(self.version)
        allowed = {*fields, "id"} if with_id else set(fields)
        for key in value:
            if key not in allowed:
                self.error(f"{where}.{key}", _("unknown field; allowed: %(names)s")
                           % {"names": ", ".join(sorted(allowed))})
        out: Row = {"id": value.get("id")} if with_id else {}
        for name in table.fields:
            field = table.model_field(name)
            if name not in value:
                if field.has_default() or field.null or field.blank:
                    out[name] = field.get_default()
                    continue
                self.error(f"{where}.{name}", _("is required"))
                continue
            out[name] = self.value(table, name, field, value[name], f"{where}.{name}")
        return out

    def value(self, table: Table, name: str, field: models.Field[Any, Any], value: Any,
              where: str) -> Any:
        if value is None:
            if field.null or getattr(field, "auto_now_add", False):
                return None
            self.error(where, _("is required"))
            return None
        json = table.json.get(name)
        to = target(table, name)
        if to is not None and json is None:
            return self.ref(to, value, where)
        if json is not None:
            return self.json(json, value, where)
        return self.scalar(field, value, where)

    def ref(self, to: str, value: Any, where: str) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(where, _("must be the id of a row of “%(table)s”") % {"table": to})
            return None
        if value not in self.ids.get(to, set()):
            self.error(where, _("refers to %(table)s id %(id)d, which is not in the file")
                       % {"table": to, "id": value})
            return None
        return int(value)

    def json(self, kind: str, value: Any, where: str) -> Any:
        if kind in NESTED:
            for at, message in problems(kind, value,
                                        lambda table, v: v in self.ids.get(table, set()),
                                        where):
                self.error(at, message)
            return value
        if kind == "params":
            if not isinstance(value, dict):
                self.error(where, _("must be an object with fields"))
                return {}
            return value
        if not isinstance(value, list):
            self.error(where, _("must be a list"))
            return []
        if kind == "texts":
            if not all(isinstance(v, str) for v in value):
                self.error(where, _("must be a list of texts"))
            return [v for v in value if isinstance(v, str)]
        to = kind.removeprefix("refs:")
        return [ref for i, v in enumerate(value)
                if (ref := self.ref(to, v, f"{where}[{i}]")) is not None]

    def scalar(self, field: models.Field[Any, Any], value: Any, where: str) -> Any:
        converted = _convert(field, value)
        if converted is None:
            self.error(where, _expected(field))
            return None
        if field.choices and converted not in {c[0] for c in field.flatchoices}:
            self.error(where, _("“%(value)s” is not one of: %(options)s") % {
                "value": converted,
                "options": ", ".join(str(c[0]) for c in field.flatchoices)})
            return None
        try:
            field.run_validators(converted)
        except ValidationError as exc:
            self.error(where, " ".join(str(m) for m in exc.messages))
            return None
        return converted


def _convert(field: models.Field[Any, Any], value: Any) -> Any:
    """The value as the field's Python type, or None when it is not one."""
    if isinstance(field, models.BooleanField):
        return value if isinstance(value, bool) else None
    if isinstance(value, bool):
        return None
    if isinstance(field, models.IntegerField):
        ok = isinstance(value, int) and (value >= 0 or not _positive(field))
        return value if ok else None
    if isinstance(field, models.FloatField):
        ok = isinstance(value, int | float) and math.isfinite(value)
        return float(value) if ok else None
    if not isinstance(value, str):
        return None
    if isinstance(field, models.DateTimeField):
        moment = _parse(dt.datetime.fromisoformat, value)
        return moment if moment is not None and moment.tzinfo is not None else None
    if isinstance(field, models.DateField):
        return _parse(dt.date.fromisoformat, value)
    if isinstance(field, models.TimeField):
        return _parse(dt.time.fromisoformat, value)
    return value


def _positive(field: models.Field[Any, Any]) -> bool:
    return isinstance(field, models.PositiveIntegerField | models.PositiveSmallIntegerField
                      | models.PositiveBigIntegerField)


def _parse(parse: Any, value: str) -> Any:
    try:
        return parse(value)
    except ValueError:
        return None


def _expected(field: models.Field[Any, Any]) -> str:
    if isinstance(field, models.BooleanField):
        return _("must be true or false")
    if isinstance(field, models.IntegerField):
        return _("must be a whole number") if not _positive(field) else _(
            "must be a whole number, 0 or more")
    if isinstance(field, models.FloatField):
        return _("must be a number")
    if isinstance(field, models.DateTimeField):
        return _("must be a date and time with its time zone, e.g. "
                 "2017-01-27T10:30:00+02:00")
    if isinstance(field, models.DateField):
        return _("must be a date written as YYYY-MM-DD, e.g. 2017-01-26")
    if isinstance(field, models.TimeField):
        return _("must be a time written as HH:MM, e.g. 10:30")
    return _("must be text")


def check_file(data: Any, *, slug: str | None) -> CheckedFile:
    """Every problem of the file at once, or the checked rows (see the module doc)."""
    if not isinstance(data, dict):
        raise ImportRejected([_("The file must be a JSON object: a Sanāksme meeting "
                                "file.")])
    if data.get("schema") not in READABLE:
        raise ImportRejected([_("schema: “%(found)s” is not a Sanāksme meeting file "
                                "this version can read (expected “%(schema)s”)")
                              % {"found": data.get("schema"), "schema": SCHEMA}])
    c = _Checker(READABLE.index(data["schema"]) + 1)
    known = {t.name for t in tables()}
    for table in tables():
        if table.added > c.version and data.get(table.name):
            c.error(table.name, _("unknown section"))
    for key in data:
        if key in KNOWN_ELSEWHERE and key not in known and data[key]:
            c.error(key, _("this Sanāksme cannot store these rows yet; update it first"))
        elif key not in known and key not in TOP_LEVEL and key not in KNOWN_ELSEWHERE:
            c.error(key, _("unknown section"))
    raw = {t.name: _list(c, data.get(t.name), t.name) for t in tables()}
    for name, rows in raw.items():
        c.ids[name] = _ids(c, name, rows)
    sections: dict[str, Row | None] = {}
    for name, table in SECTIONS.items():
        value = data.get(name)
        if value is None and name in ("project", "series"):
            sections[name] = None
            continue
        sections[name] = c.row(table, value, name, with_id=False)
    checked = {t.name: [c.row(t, row, f"{t.name}[{i}]", with_id=True)
                        for i, row in enumerate(raw[t.name])] for t in tables()}
    if not c.errors:
        _relations(c, checked)
        _meeting(c, sections["meeting"] or {}, checked, slug)
    if c.errors:
        raise ImportRejected(c.errors)
    return CheckedFile(sections, checked)


def _list(c: _Checker, value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        c.error(name, _("must be a list"))
        return []
    return value


def _ids(c: _Checker, name: str, rows: list[Any]) -> set[int]:
    seen: set[int] = set()
    for i, row in enumerate(rows):
        value = row.get("id") if isinstance(row, dict) else None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            c.error(f"{name}[{i}].id", _("must be a whole number, 1 or more"))
        elif value in seen:
            c.error(f"{name}[{i}].id", _("id %(id)d is used twice") % {"id": value})
        else:
            seen.add(value)
    return seen


def _relations(c: _Checker, checked: dict[str, list[Row]]) -> None:
    """Unique keys, references that must agree, the kind of item a row belongs to."""
    by_id = {name: {row["id"]: row for row in rows} for name, rows in checked.items()}
    for table in tables():
        rows = checked[table.name]
        for key in table.unique:
            first: dict[tuple[Any, ...], int] = {}
            for i, row in enumerate(rows):
                value = tuple(row[k] for k in key)
                if value in first:
                    c.error(f"{table.name}[{i}]", _("%(fields)s repeats row %(row)d")
                            % {"fields": ", ".join(key), "row": first[value]})
                first.setdefault(value, i)
        for i, row in enumerate(rows):
            for left, right in table.same:
                a, b = _follow(table, row, left, by_id), _follow(table, row, right, by_id)
                if a is not None and b is not None and a != b:
                    c.error(f"{table.name}[{i}].{left[0]}", _(
                        "refers to a row that belongs to another %(parent)s")
                        % {"parent": left[-1]})
            item = by_id["items"].get(row["item"]) if table.item_methods else None
            if item is not None and item["method"] not in table.item_methods:
                c.error(f"{table.name}[{i}].item", _(
                    "is a “%(method)s” item; expected one of: %(methods)s") % {
                    "method": item["method"], "methods": ", ".join(table.item_methods)})
    for i, note in enumerate(checked["notes"]):
        sheet = by_id["sheets"][note["sheet"]]
        if note["column"] not in sheet["columns"]:
            c.error(f"notes[{i}].column", _("“%(column)s” is not a column of its sheet")
                    % {"column": note["column"]})
        if note["merged_into"] == note["id"]:
            c.error(f"notes[{i}].merged_into", _("a note cannot be merged into itself"))


def _follow(table: Table, row: Row, path: Path,
            by_id: dict[str, dict[int, Row]]) -> Any:
    """Walk references from `row` (("theme", "group_set"): the theme's group set)."""
    current: Row | None = row
    here = table
    for step in path:
        if current is None:
            return None
        value = current.get(step)
        if step == "id" or step == path[-1]:
            return value
        to = target(here, step)
        current = by_id[to].get(value) if to and isinstance(value, int) else None
        here = next(t for t in tables() if t.name == to)
    return None


def _meeting(c: _Checker, meeting: Row, checked: dict[str, list[Row]],
             slug: str | None) -> None:
    """The meeting's dates, the days within them, each item's method parameters."""
    if slug is not None:
        meeting["slug"] = slug
    if not SLUG_RE.match(meeting.get("slug") or ""):
        c.error("slug", _("must be lowercase letters, digits and hyphens, "
                          "e.g. “daugavpils-2017”"))
    starts, ends = meeting["starts_on"], meeting["ends_on"]
    if ends < starts:
        c.error("meeting.ends_on", _("is before the first day (%(date)s)")
                % {"date": starts.isoformat()})
    for i, day in enumerate(checked["days"]):
        if not starts <= day["date"] <= ends:
            c.error(f"days[{i}].date", _("%(date)s is not between the meeting's first "
                                         "and last day") % {"date": day["date"].isoformat()})
    site_keys = frozenset(s["key"] for s in checked["sites"])
    for i, item in enumerate(checked["items"]):
        cleaned, errors = clean_params(Method(item["method"]), item["params"],
                                       site_keys=site_keys)
        for error in errors:
            c.error(f"items[{i}].params.{error.param}", param_message(error))
        item["params"] = cleaned
