"""The record file (YAML, schema `sanaksme/record@1`): read and check its structure.

`parse_record` returns a frozen `Record` or raises `RecordError` listing every problem,
each naming the field and its line. Whether the names, titles and sites exist in the
programme is `checks.check_record`'s job. The format: docs/recorded-demo.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, TypeVar

import yaml
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import ImportRejected
from sanaksme.programme.yaml_io import line_map

from .model import (
    Brainstorm,
    DayRun,
    Discussion,
    DiscussionTurn,
    FactorEntry,
    Feedback,
    GroupWork,
    ItemStart,
    NoteEntry,
    Person,
    Presentations,
    PresentationTurn,
    Record,
    ReplyEntry,
    SheetRun,
    Summary,
    ThemeEdit,
    Tour,
    TourTurn,
    Worksheet,
)

SCHEMA = "sanaksme/record@1"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$")
Path = tuple[str | int, ...]
T = TypeVar("T")


class RecordError(ImportRejected):
    """A record file had errors; nothing was written."""



__all__ = ['SCHEMA', 'SLUG_RE', 'TIME_RE', 'Brainstorm', 'Checker', 'DayRun', 'Discussion', 'DiscussionTurn', 'FactorEntry', 'Feedback', 'GroupWork', 'ItemStart', 'NoteEntry', 'Path', 'Person', 'PresentationTurn', 'Presentations', 'Record', 'RecordError', 'ReplyEntry', 'SheetRun', 'Summary', 'ThemeEdit', 'Tour', 'TourTurn', 'Worksheet', 'field_name', 'line_map', 'parse_record']


def field_name(path: Path) -> str:
    """A path as the record names it: `brainstorm.sheets[0].notes.problem[3].text`."""
    return ".".join(f"[{p}]" if isinstance(p, int) else p for p in path).replace(".[", "[")


class Checker:
    """Collects errors while it walks the data; each names the field and its line."""

    def __init__(self, lines: dict[Path, int] | None = None) -> None:
        self.lines = lines or {}
        self.errors: list[str] = []

    def error(self, path: Path, message: str) -> None:
        line = next((self.lines[path[:n]] for n in range(len(path), 0, -1)
                     if path[:n] in self.lines), None)
        where = field_name(path)
        if line:
            where = _("%(field)s (line %(line)d)") % {"field": where, "line": line}
        self.errors.append(f"{where}: {message}")

    def fields(self, value: Any, path: Path, allowed: tuple[str, ...],
               required: tuple[str, ...] = ()) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.error(path, _("must be a mapping of fields"))
            return {}
        for key in value:
            if key not in allowed:
                self.error((*path, str(key)), _("unknown field; allowed: %(names)s")
                           % {"names": ", ".join(allowed)})
        for key in required:
            if value.get(key) in (None, ""):
                self.error((*path, key), _("is required"))
        return value

    def text(self, value: Any, path: Path, default: str = "") -> str:
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(path, _("must be text"))
            return default
        return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()

    def flag(self, value: Any, path: Path) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(path, _("must be true or false"))
            return False
        return value

    def number(self, value: Any, path: Path, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.error(path, _("must be a whole number from %(low)d to %(high)d")
                       % {"low": low, "high": high})
            return low
        return int(value)

    def time(self, value: Any, path: Path) -> dt.time:
        if isinstance(value, str) and (m := TIME_RE.match(value.strip())):
            return dt.time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
        self.error(path, _("must be a time in quotes, 'HH:MM' or 'HH:MM:SS', e.g. '10:07'"))
        return dt.time(0, 0)

    def date(self, value: Any, path: Path) -> dt.date:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        self.error(path, _("must be a date written as YYYY-MM-DD, e.g. 2017-01-26"))
        return dt.date(2000, 1, 1)

    def moment(self, value: Any, path: Path) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=None)
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value.strip()).replace(tzinfo=None)
            except ValueError:
                pass
        self.error(path, _("must be a date and time, e.g. '2017-01-19 11:00'"))
        return dt.datetime(2000, 1, 1)  # noqa: DTZ001 (a wall time, zoned when replayed)

    def names(self, value: Any, path: Path) -> tuple[str, ...]:
        return tuple(self.text(v, (*path, i)) for i, v in enumerate(self.seq(value, path)))

    def seq(self, value: Any, path: Path) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, _("must be a list"))
            return []
        return value

    def each(self, value: Any, path: Path, read: Callable[[Any, Path], T]) -> tuple[T, ...]:
        return tuple(read(v, (*path, i)) for i, v in enumerate(self.seq(value, path)))


def parse_record(text: str) -> Record:
    """Check a whole record file's structure; raise RecordError listing every problem."""
    try:
        data = yaml.safe_load(text)
        lines = line_map(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" ({_('line %(line)d') % {'line': mark.line + 1}})" if mark else ""
        raise RecordError([_("The file is not valid YAML%(where)s: %(problem)s")
                           % {"where": where,
                              "problem": getattr(exc, "problem", "") or exc}]) from exc
    c = Checker(lines)
    top = c.fields(data, (), ("schema", "programme", "meeting", "prepared", "participants",
                              "days", "tour_de_table", "brainstorm", "discussions",
                              "group_work", "presentations", "summary", "feedback"),
                   ("schema", "programme", "meeting", "prepared", "days"))
    if not top:
        raise RecordError(c.errors or [_("The file is empty.")])
    if top.get("schema") not in (None, SCHEMA):
        c.error(("schema",), _("must be “%(schema)s”") % {"schema": SCHEMA})
    meeting = c.fields(top.get("meeting"), ("meeting",), ("slug",), ("slug",))
    slug = c.text(meeting.get("slug"), ("meeting", "slug"))
    if slug and not SLUG_RE.match(slug):
        c.error(("meeting", "slug"), _("must be lowercase letters, digits and hyphens"))
    record = Record(
        programme=c.text(top.get("programme"), ("programme",)),
        slug=slug,
        prepared=c.moment(top.get("prepared"), ("prepared",)),
        participants=c.each(top.get("participants"), ("participants",),
                            lambda v, p: _person(c, v, p)),
        days=c.each(top.get("days"), ("days",), lambda v, p: _day(c, v, p)),
        tour=_optional(top, "tour_de_table", lambda v, p: _tour(c, v, p)),
        brainstorm=_optional(top, "brainstorm", lambda v, p: _brainstorm(c, v, p)),
        discussions=c.each(top.get("discussions"), ("discussions",),
                           lambda v, p: _discussion(c, v, p)),
        group_work=_optional(top, "group_work", lambda v, p: _group_work(c, v, p)),
        presentations=_optional(top, "presentations", lambda v, p: _presentations(c, v, p)),
        summary=_optional(top, "summary", lambda v, p: _summary(c, v, p)),
        feedback=_optional(top, "feedback", lambda v, p: _feedback(c, v, p)),
    )
    if c.errors:
        raise RecordError(c.errors)
    return record


def _optional(top: dict[str, Any], key: str, read: Callable[[Any, Path], T]) -> T | None:
    return None if top.get(key) is None else read(top[key], (key,))


def _person(c: Checker, value: Any, path: Path) -> Person:
    v = c.fields(value, path, ("name", "category", "institution", "municipality",
                               "roma_mediator", "municipality_had_mediators"),
                 ("name", "category"))
    return Person(name=c.text(v.get("name"), (*path, "name")),
                  category=c.text(v.get("category"), (*path, "category")),
                  institution=c.text(v.get("institution"), (*path, "institution")),
                  municipality=c.text(v.get("municipality"), (*path, "municipality")),
                  roma_mediator=c.flag(v.get("roma_mediator"), (*path, "roma_mediator")),
                  municipality_had_mediators=c.flag(v.get("municipality_had_mediators"),
                                                    (*path, "municipality_had_mediators")))


def _day(c: Checker, value: Any, path: Path) -> DayRun:
    v = c.fields(value, path, ("date", "arrived", "absent", "late", "items", "ended"),
                 ("date", "arrived", "items", "ended"))
    late = v.get("late") or {}
    if not isinstance(late, dict):
        c.error((*path, "late"), _("must map names to times, e.g. Jānis Bērziņš: '10:40'"))
        late = {}
    items = c.each(v.get("items"), (*path, "items"), lambda i, p: _item_start(c, i, p))
    return DayRun(date=c.date(v.get("date"), (*path, "date")),
                  arrived=c.time(v.get("arrived"), (*path, "arrived")),
                  absent=c.names(v.get("absent"), (*path, "absent")),
                  late=tuple((str(n), c.time(t, (*path, "late", str(n))))
                             for n, t in late.items()),
                  items=items, ended=c.time(v.get("ended"), (*path, "ended")))


def _item_start(c: Checker, value: Any, path: Path) -> ItemStart:
    v = c.fields(value, path, ("title", "started"), ("title", "started"))
    return ItemStart(c.text(v.get("title"), (*path, "title")),
                     c.time(v.get("started"), (*path, "started")))


def _tour(c: Checker, value: Any, path: Path) -> Tour:
    v = c.fields(value, path, ("item", "opening", "skipped", "turns"), ("item", "turns"))

    def turn(t: Any, p: Path) -> TourTurn:
        f = c.fields(t, p, ("name", "seconds"), ("name", "seconds"))
        return TourTurn(c.text(f.get("name"), (*p, "name")),
                        c.number(f.get("seconds"), (*p, "seconds"), 1, 1800))

    return Tour(item=c.text(v.get("item"), (*path, "item")),
                opening=c.number(v.get("opening", 60), (*path, "opening"), 0, 1800),
                skipped=c.names(v.get("skipped"), (*path, "skipped")),
                turns=c.each(v.get("turns"), (*path, "turns"), turn))


def _brainstorm(c: Checker, value: Any, path: Path) -> Brainstorm:
    v = c.fields(value, path, ("item", "sheets"), ("item", "sheets"))
    return Brainstorm(item=c.text(v.get("item"), (*path, "item")),
                      sheets=c.each(v.get("sheets"), (*path, "sheets"),
                                    lambda s, p: _sheet(c, s, p)))


def _sheet(c: Checker, value: Any, path: Path) -> SheetRun:
    v = c.fields(value, path, ("site", "sheet", "from", "to", "notes"),
                 ("from", "to", "notes"))
    if v.get("site"):
        key = f"site-{c.text(v['site'], (*path, 'site'))}"
    else:
        key = c.text(v.get("sheet"), (*path, "sheet"), default="main")
    columns = v.get("notes")
    notes: list[NoteEntry] = []
    if not isinstance(columns, dict):
        c.error((*path, "notes"), _("must map each column to its list of notes"))
    else:
        for column, entries in columns.items():
            notes += [_note(c, n, (*path, "notes", str(column), i), str(column))
                      for i, n in enumerate(c.seq(entries, (*path, "notes", str(column))))]
    return SheetRun(sheet=key, start=c.time(v.get("from"), (*path, "from")),
                    end=c.time(v.get("to"), (*path, "to")), notes=tuple(notes))


def _note(c: Checker, value: Any, path: Path, column: str) -> NoteEntry:
    v = c.fields(value, path, ("text", "by", "typed", "key", "hidden", "merge_into",
                               "replies"), ("text",))

    def reply(r: Any, p: Path) -> ReplyEntry:
        f = c.fields(r, p, ("kind", "by", "text"), ("kind", "by", "text"))
        return ReplyEntry(c.text(f.get("kind"), (*p, "kind")), c.text(f.get("by"), (*p, "by")),
                          c.text(f.get("text"), (*p, "text")))

    return NoteEntry(column=column, text=c.text(v.get("text"), (*path, "text")),
                     by=c.text(v["by"], (*path, "by")) if v.get("by") else None,
                     typed=c.flag(v.get("typed"), (*path, "typed")),
                     key=c.text(v["key"], (*path, "key")) if v.get("key") else None,
                     hidden=c.text(v["hidden"], (*path, "hidden")) if v.get("hidden") else None,
                     merge_into=(c.text(v["merge_into"], (*path, "merge_into"))
                                 if v.get("merge_into") else None),
                     replies=c.each(v.get("replies"), (*path, "replies"), reply))


def _discussion(c: Checker, value: Any, path: Path) -> Discussion:
    v = c.fields(value, path, ("item", "opening", "turns"), ("item", "turns"))

    def turn(t: Any, p: Path) -> DiscussionTurn:
        f = c.fields(t, p, ("name", "seconds", "raised", "by_facilitator", "minutes",
                            "key_points"), ("name", "seconds"))
        return DiscussionTurn(
            name=c.text(f.get("name"), (*p, "name")),
            seconds=c.number(f.get("seconds"), (*p, "seconds"), 1, 3600),
            raised=c.time(f["raised"], (*p, "raised")) if f.get("raised") else None,
            by_facilitator=c.flag(f.get("by_facilitator"), (*p, "by_facilitator")),
            minutes=c.text(f.get("minutes"), (*p, "minutes")),
            key_points=c.names(f.get("key_points"), (*p, "key_points")))

    return Discussion(item=c.text(v.get("item"), (*path, "item")),
                      opening=c.number(v.get("opening", 60), (*path, "opening"), 0, 3600),
                      turns=c.each(v.get("turns"), (*path, "turns"), turn))


def _group_work(c: Checker, value: Any, path: Path) -> GroupWork:
    v = c.fields(value, path, ("item", "seed", "drawn", "from", "to", "worksheets"),
                 ("item", "seed", "drawn", "from", "to", "worksheets"))

    def factor(f: Any, p: Path) -> FactorEntry:
        g = c.fields(f, p, ("text", "responsibility", "solutions"),
                     ("text", "responsibility"))
        r = c.fields(g.get("responsibility"), (*p, "responsibility"),
                     ("municipality", "state", "community"),
                     ("municipality", "state", "community"))
        taps = tuple(c.number(r.get(k), (*p, "responsibility", k), 0, 10)
                     for k in ("municipality", "state", "community"))
        return FactorEntry(c.text(g.get("text"), (*p, "text")), (taps[0], taps[1], taps[2]),
                           c.names(g.get("solutions"), (*p, "solutions")))

    def sheet(s: Any, p: Path) -> Worksheet:
        f = c.fields(s, p, ("group", "place", "factors"), ("group", "factors"))
        return Worksheet(c.number(f.get("group"), (*p, "group"), 1, 50),
                         c.text(f.get("place"), (*p, "place")),
                         c.each(f.get("factors"), (*p, "factors"), factor))

    return GroupWork(item=c.text(v.get("item"), (*path, "item")),
                     seed=c.number(v.get("seed"), (*path, "seed"), 0, 2**31 - 1),
                     drawn=c.time(v.get("drawn"), (*path, "drawn")),
                     start=c.time(v.get("from"), (*path, "from")),
                     end=c.time(v.get("to"), (*path, "to")),
                     worksheets=c.each(v.get("worksheets"), (*path, "worksheets"), sheet))


def _presentations(c: Checker, value: Any, path: Path) -> Presentations:
    v = c.fields(value, path, ("item", "from", "groups", "compared", "themes",
                               "confirmed"), ("item", "from", "groups", "compared",
                                              "confirmed"))

    def turn(t: Any, p: Path) -> PresentationTurn:
        f = c.fields(t, p, ("group", "seconds"), ("group", "seconds"))
        return PresentationTurn(c.number(f.get("group"), (*p, "group"), 1, 50),
                                c.number(f.get("seconds"), (*p, "seconds"), 1, 3600))

    def theme(t: Any, p: Path) -> ThemeEdit:
        f = c.fields(t, p, ("label", "factors"), ("label", "factors"))
        refs: list[tuple[int, int]] = []
        for i, ref in enumerate(c.seq(f.get("factors"), (*p, "factors"))):
            if (isinstance(ref, list) and len(ref) == 2
                    and all(isinstance(n, int) and not isinstance(n, bool) for n in ref)):
                refs.append((ref[0], ref[1]))
            else:
                c.error((*p, "factors", i), _("must be [group number, factor number], "
                                              "e.g. [1, 2]"))
        return ThemeEdit(c.text(f.get("label"), (*p, "label")), tuple(refs))

    return Presentations(item=c.text(v.get("item"), (*path, "item")),
                         start=c.time(v.get("from"), (*path, "from")),
                         groups=c.each(v.get("groups"), (*path, "groups"), turn),
                         compared=c.time(v.get("compared"), (*path, "compared")),
                         themes=c.each(v.get("themes"), (*path, "themes"), theme),
                         confirmed=c.time(v.get("confirmed"), (*path, "confirmed")))


def _summary(c: Checker, value: Any, path: Path) -> Summary:
    v = c.fields(value, path, ("item", "drafted", "written", "text"),
                 ("item", "drafted", "written", "text"))
    return Summary(item=c.text(v.get("item"), (*path, "item")),
                   drafted=c.time(v.get("drafted"), (*path, "drafted")),
                   written=c.time(v.get("written"), (*path, "written")),
                   text=c.text(v.get("text"), (*path, "text")))


def _feedback(c: Checker, value: Any, path: Path) -> Feedback:
    v = c.fields(value, path, ("item", "from", "to", "notes"), ("item", "from", "to", "notes"))
    kinds = v.get("notes")
    notes: list[tuple[str, str]] = []
    if not isinstance(kinds, dict):
        c.error((*path, "notes"), _("must map each kind to its list of notes"))
    else:
        for kind, texts in kinds.items():
            notes += [(str(kind), t) for t in c.names(texts, (*path, "notes", str(kind)))]
    return Feedback(item=c.text(v.get("item"), (*path, "item")),
                    start=c.time(v.get("from"), (*path, "from")),
                    end=c.time(v.get("to"), (*path, "to")), notes=tuple(notes))
