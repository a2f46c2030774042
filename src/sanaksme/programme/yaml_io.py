"""The programme file format (YAML, schema `sanaksme/programme@1`): read and check.

`parse_programme` checks a whole file and either returns a `ProgrammeFile` or raises
`ImportRejected` with one message per problem, each naming the field and its line.
Writing to the database is `services.programme_import`'s job, in one transaction.
The format is documented in docs/programme-format.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import ImportRejected
from sanaksme.core.text import contains_control_chars, control_chars_message
from sanaksme.core.yamlsafe import YamlBoundsError, compose_bounded, safe_load_bounded
from sanaksme.programme.domain.methods import (
    CATEGORY_VALUES,
    Method,
    ParamError,
    clean_params,
)
from sanaksme.programme.models import PARTICIPANT_LANGUAGES, SITE_LOOK_FOR_MAX_LENGTH

SCHEMA = "sanaksme/programme@1"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
Path = tuple[str | int, ...]


@dataclass
class ProgrammeFile:
    """A checked programme file: plain dicts with Python dates and times."""

    organisation: dict[str, Any]
    project: dict[str, Any] | None
    series: dict[str, Any] | None
    meeting: dict[str, Any]
    sites: list[dict[str, Any]] = field(default_factory=list)
    days: list[dict[str, Any]] = field(default_factory=list)
    participants: list[dict[str, Any]] = field(default_factory=list)


def line_map(text: str) -> dict[Path, int]:
    """Map each path in the document to the 1-based line where its value starts."""
    lines: dict[Path, int] = {}

    def walk(node: yaml.Node, path: Path) -> None:
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    lines[(*path, key.value)] = key.start_mark.line + 1
                    walk(value, (*path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                walk(value, (*path, index))

    root = compose_bounded(text)
    if root is not None:
        walk(root, ())
    return lines


class _Checker:
    """Collects errors while it walks the data; `path` names the field in messages."""

    def __init__(self, lines: dict[Path, int]) -> None:
        self.lines = lines
        self.errors: list[str] = []

    def error(self, path: Path, message: str) -> None:
        name = ".".join(f"[{p}]" if isinstance(p, int) else p for p in path)
        name = name.replace(".[", "[")
        line = self._line(path)
        where = _("%(field)s (line %(line)d)") % {"field": name, "line": line} if line else name
        self.errors.append(f"{where}: {message}")

    def _line(self, path: Path) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None

    def mapping(self, value: Any, path: Path, spec: dict[str, Callable[..., Any]],
                required: tuple[str, ...] = ()) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.error(path, _("must be a mapping of fields"))
            return {}
        for key in value:
            if key not in spec:
                self.error((*path, str(key)), _("unknown field; allowed: %(names)s")
                           % {"names": ", ".join(spec)})
        out: dict[str, Any] = {}
        for key, check in spec.items():
            if value.get(key) in (None, ""):
                if key in required:
                    self.error((*path, key), _("is required"))
                out[key] = None
                continue
            out[key] = check(value[key], (*path, key))
        return out

    def text(self, value: Any, path: Path, limit: int = 5000) -> str | None:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(path, _("must be text"))
            return None
        text = str(value).strip()
        if len(text) > limit:
            self.error(path, _("is too long (%(count)d characters, at most %(limit)d)")
                       % {"count": len(text), "limit": limit})
        return text

    def short(self, value: Any, path: Path) -> str | None:
        return self.text(value, path, limit=300)

    def slug(self, value: Any, path: Path) -> str | None:
        if not isinstance(value, str) or not SLUG_RE.match(value):
            self.error(path, _("must be lowercase letters, digits and hyphens, "
                               "e.g. “daugavpils-2017”"))
            return None
        return value

    def date(self, value: Any, path: Path) -> dt.date | None:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.error(path, _("must be a date written as YYYY-MM-DD, e.g. 2017-01-26"))
        return None

    def time(self, value: Any, path: Path) -> dt.time | None:
        # YAML 1.1 reads an unquoted 10:30 as the base-60 number 630.
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            return dt.time(value // 60, value % 60)
        if isinstance(value, str) and (m := TIME_RE.match(value.strip())):
            return dt.time(int(m.group(1)), int(m.group(2)))
        self.error(path, _("must be a time written as HH:MM, e.g. 10:30"))
        return None

    def boolean(self, value: Any, path: Path) -> bool | None:
        if isinstance(value, bool):
            return value
        self.error(path, _("must be true or false"))
        return None

    def texts(self, value: Any, path: Path) -> list[str]:
        if not isinstance(value, list):
            self.error(path, _("must be a list"))
            return []
        return [t for i, v in enumerate(value) if (t := self.text(v, (*path, i)))]

    def items(self, value: Any, path: Path,
              each: Callable[[Any, Path], dict[str, Any]]) -> list[dict[str, Any]]:
        if not isinstance(value, list):
            self.error(path, _("must be a list"))
            return []
        return [each(v, (*path, i)) for i, v in enumerate(value)]

    def choice(self, options: tuple[str, ...]) -> Callable[[Any, Path], str | None]:
        def check(value: Any, path: Path) -> str | None:
            if value not in options:
                self.error(path, _("“%(value)s” is not one of: %(options)s")
                           % {"value": value, "options": ", ".join(options)})
                return None
            return str(value)
        return check

    def languages(self, value: Any, path: Path) -> list[str] | None:
        """The phones' languages: a list of at least one of lv, en, ru."""
        if not isinstance(value, list) or not value:
            self.error(path, _("must list at least one of: %(options)s")
                       % {"options": ", ".join(PARTICIPANT_LANGUAGES)})
            return None
        check = self.choice(PARTICIPANT_LANGUAGES)
        chosen = {check(v, (*path, i)) for i, v in enumerate(value)}
        return [code for code in PARTICIPANT_LANGUAGES if code in chosen]


def param_message(error: ParamError) -> str:
    messages = {
        "required": _("is required"),
        "not_int": _("must be a whole number"),
        "too_small": _("must be at least %(limit)s"),
        "too_large": _("must be at most %(limit)s"),
        "not_bool": _("must be true or false"),
        "not_text": _("must be text"),
        "not_list": _("must be a list"),
        "unknown_option": _("“%(value)s” is not one of: %(options)s"),
        "unknown_site": _("“%(value)s” is not a site key of this meeting"),
        "unknown_param": _("is not a parameter of this method"),
    }
    options = ", ".join(error.limit) if isinstance(error.limit, tuple) else ""
    return messages[error.code] % {"value": error.value, "limit": error.limit,
                                   "options": options}


def _bounds_message(error: YamlBoundsError) -> str:
    mark = error.problem_mark
    line = mark.line + 1 if mark else 0
    if error.code == "alias":
        return _("Line %(line)d: the file uses a YAML alias (*name); write the value out "
                 "in full.") % {"line": line}
    if error.code == "depth":
        return _("Line %(line)d: the file is nested more deeply than a programme ever "
                 "is.") % {"line": line}
    return _("The file has too many entries to be a programme.")


def parse_programme(text: str) -> ProgrammeFile:
    """Check a whole programme file; raise ImportRejected listing every problem."""
    try:
        data = safe_load_bounded(text)
        lines = line_map(text)
    except YamlBoundsError as exc:
        raise ImportRejected([_bounds_message(exc)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" ({_('line %(line)d') % {'line': mark.line + 1}})" if mark else ""
        raise ImportRejected([_("The file is not valid YAML%(where)s: %(problem)s")
                              % {"where": line,
                                 "problem": getattr(exc, "problem", "") or exc}]) from exc
    if contains_control_chars(data):
        raise ImportRejected([control_chars_message()])
    c = _Checker(lines)
    if not isinstance(data, dict):
        raise ImportRejected([_("The file must be a YAML mapping with a “meeting” section.")])
    top = c.mapping(data, (), {
        "schema": c.short, "organisation": lambda v, p: v, "project": lambda v, p: v,
        "series": lambda v, p: v, "meeting": lambda v, p: v, "sites": lambda v, p: v,
        "days": lambda v, p: v, "participants": lambda v, p: v,
    }, required=("organisation", "meeting"))
    if top.get("schema") not in (None, SCHEMA):
        c.error(("schema",), _("must be “%(schema)s”") % {"schema": SCHEMA})
    result = ProgrammeFile(
        organisation=c.mapping(top["organisation"], ("organisation",),
                               {"name": c.short}, ("name",)),
        project=_project(c, top["project"]),
        series=_series(c, top["series"]),
        meeting=_meeting(c, top["meeting"]),
    )
    result.sites = _sites(c, top["sites"])
    site_keys = frozenset(s["key"] for s in result.sites if s.get("key"))
    result.days = _days(c, top["days"], result.meeting, site_keys)
    result.participants = _participants(c, top["participants"])
    if c.errors:
        raise ImportRejected(c.errors)
    return result


def _project(c: _Checker, value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    return c.mapping(value, ("project",), {
        "name": c.short, "number": c.short, "programme": c.short,
        "acknowledgement": c.text, "disclaimer": c.text,
    }, ("name",))


def _series(c: _Checker, value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    return c.mapping(value, ("series",), {"slug": c.slug, "title": c.short},
                     ("slug", "title"))


def _meeting(c: _Checker, value: Any) -> dict[str, Any]:
    meeting = c.mapping(value, ("meeting",), {
        "slug": c.slug, "ordinal": c.short, "title": c.short,
        "language": c.choice(("lv", "en")), "place": c.short, "starts": c.date,
        "ends": c.date, "goal": c.text, "tasks": c.texts, "participants": c.text,
        "plan": c.text, "structure": c.text, "easy_mode": c.boolean,
        "languages": c.languages,
    }, ("slug", "title", "place", "starts"))
    if meeting.get("ends") is None:
        meeting["ends"] = meeting.get("starts")
    if meeting.get("starts") and meeting["ends"] and meeting["ends"] < meeting["starts"]:
        c.error(("meeting", "ends"), _("is before the first day (%(date)s)")
                % {"date": meeting["starts"].isoformat()})
    meeting["language"] = meeting.get("language") or "lv"
    meeting["tasks"] = meeting.get("tasks") or []
    meeting["languages"] = meeting.get("languages") or list(PARTICIPANT_LANGUAGES)
    meeting["easy_mode"] = bool(meeting.get("easy_mode"))
    return meeting


def _sites(c: _Checker, value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    sites = c.items(value, ("sites",), lambda v, p: c.mapping(v, p, {
        "key": c.slug, "name": c.short, "address": c.short, "host": c.short,
        "description": c.text,
        "look_for": lambda v, p: c.text(v, p, limit=SITE_LOOK_FOR_MAX_LENGTH),
    }, ("key", "name")))
    seen: set[str] = set()
    for index, site in enumerate(sites):
        if site.get("key") in seen:
            c.error(("sites", index, "key"), _("“%(key)s” is used twice")
                    % {"key": site["key"]})
        seen.add(site.get("key") or "")
    return sites


def _days(c: _Checker, value: Any, meeting: dict[str, Any],
          site_keys: frozenset[str]) -> list[dict[str, Any]]:
    if value is None:
        return []
    days = c.items(value, ("days",), lambda v, p: c.mapping(v, p, {
        "date": c.date, "title": c.short, "description": c.text, "starts": c.time,
        "ends": c.time, "items": lambda v2, p2: v2,
    }, ("date",)))
    seen: set[dt.date] = set()
    for index, day in enumerate(days):
        date = day.get("date")
        if date and date in seen:
            c.error(("days", index, "date"), _("%(date)s is listed twice")
                    % {"date": date.isoformat()})
        if date and meeting.get("starts") and meeting.get("ends") and not (
            meeting["starts"] <= date <= meeting["ends"]
        ):
            c.error(("days", index, "date"), _("%(date)s is not between the meeting's "
                    "first and last day") % {"date": date.isoformat()})
        if date:
            seen.add(date)
        day["items"] = [] if day.get("items") is None else c.items(
            day["items"], ("days", index, "items"),
            lambda v, p: _item(c, v, p, site_keys))
    return days


def _item(c: _Checker, value: Any, path: Path, site_keys: frozenset[str]) -> dict[str, Any]:
    item = c.mapping(value, path, {
        "start": c.time, "end": c.time, "title": c.short,
        "method": c.choice(tuple(m.value for m in Method)), "params": lambda v, p: v,
        "description": c.text, "location": c.short, "materials": c.texts,
    }, ("title", "method"))
    item["materials"] = item.get("materials") or []
    raw = item.get("params") or {}
    if not isinstance(raw, dict):
        c.error((*path, "params"), _("must be a mapping of fields"))
        raw = {}
    if item.get("method"):
        cleaned, errors = clean_params(Method(item["method"]), raw, site_keys=site_keys)
        for error in errors:
            c.error((*path, "params", error.param), param_message(error))
        item["params"] = cleaned
    return item


def _participants(c: _Checker, value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    people = c.items(value, ("participants",), lambda v, p: c.mapping(v, p, {
        "name": c.short, "category": c.choice(CATEGORY_VALUES),
        "institution": c.short, "municipality": c.short,
        "roma_mediator": c.boolean, "municipality_had_mediators": c.boolean,
        "email": c.short, "phone": c.short,
    }, ("name", "category")))
    seen: set[tuple[str, str]] = set()
    for index, person in enumerate(people):
        key = (person.get("name") or "", person.get("institution") or "")
        if key in seen:
            c.error(("participants", index, "name"),
                    _("“%(name)s” of “%(institution)s” is listed twice")
                    % {"name": key[0], "institution": key[1]})
        seen.add(key)
    return people



class _Dumper(yaml.SafeDumper):
    """Writes multi-line texts as literal blocks, so exported files stay readable."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_programme(data: dict[str, Any]) -> str:
    """YAML text for a programme dict (as built by selectors.programme_as_dict)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)
