"""Check a record against its programme: every name, title, site, column and group it
mentions must exist there. Nothing here touches the database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from sanaksme.programme.domain.methods import CATEGORY_VALUES, Method
from sanaksme.programme.yaml_io import ProgrammeFile

from .record import Brainstorm, Checker, DayRun, Path, Record, RecordError, Tour


@dataclass(frozen=True)
class Slot:
    """An agenda item as run: its day, planned parameters and actual start."""

    day: int
    position: int
    title: str
    method: str
    params: dict[str, Any]


def people_of(record: Record, programme: ProgrammeFile) -> dict[str, str]:
    """Every registered person's name → category (the programme's, then the record's)."""
    people = {str(p["name"]): str(p["category"]) for p in programme.participants}
    people.update({p.name: p.category for p in record.participants})
    return people


def check_record(record: Record, programme: ProgrammeFile,
                 lines: dict[Path, int] | None = None) -> dict[str, Slot]:
    """Raise RecordError listing every broken reference; return the items by title."""
    c = Checker(lines)
    people = _check_people(c, record, programme)
    slots = _check_days(c, record, programme, people)
    absent = {d.date: set(d.absent) for d in record.days}

    def find(path: Path, title: str, method: Method) -> Slot | None:
        slot = slots.get(title)
        if slot is None:
            c.error(path, _("“%(title)s” is not an agenda item of the programme (or its "
                            "title is used twice)") % {"title": title})
        elif slot.method != method.value:
            c.error(path, _("“%(title)s” is not a %(method)s item")
                    % {"title": title, "method": method.value})
            return None
        return slot

    def person(path: Path, name: str, slot: Slot | None = None) -> None:
        if name not in people:
            c.error(path, _("“%(name)s” is not registered (add them under participants)")
                    % {"name": name})
        elif slot is not None and name in absent.get(record.days[slot.day].date, set()):
            c.error(path, _("“%(name)s” is absent that day") % {"name": name})

    if record.tour:
        _check_tour(c, record, record.tour, people, absent, find, person)
    if record.brainstorm:
        _check_brainstorm(c, record.brainstorm, people, find, person)
    for i, discussion in enumerate(record.discussions):
        slot = find(("discussions", i, "item"), discussion.item, Method.DISCUSSION)
        for j, turn in enumerate(discussion.turns):
            person(("discussions", i, "turns", j, "name"), turn.name, slot)
    _check_groups(c, record, find)
    if record.summary:
        find(("summary", "item"), record.summary.item, Method.SUMMARY)
    if record.feedback:
        slot = find(("feedback", "item"), record.feedback.item, Method.FEEDBACK)
        kinds = slot.params.get("kinds", []) if slot else []
        for kind in sorted({k for k, _text in record.feedback.notes} - set(kinds)):
            c.error(("feedback", "notes", kind), _("“%(value)s” is not one of: %(options)s")
                    % {"value": kind, "options": ", ".join(kinds)})
    if c.errors:
        raise RecordError(c.errors)
    return slots


def _check_people(c: Checker, record: Record, programme: ProgrammeFile) -> dict[str, str]:
    listed = {str(p["name"]) for p in programme.participants}
    if len(listed) != len(programme.participants):
        c.error(("programme",), _("the programme lists a name twice; the record refers to "
                                  "people by name"))
    for i, p in enumerate(record.participants):
        if p.name in listed:
            c.error(("participants", i, "name"), _("“%(name)s” is already registered")
                    % {"name": p.name})
        listed.add(p.name)
        if p.category not in CATEGORY_VALUES:
            c.error(("participants", i, "category"),
                    _("“%(value)s” is not one of: %(options)s")
                    % {"value": p.category, "options": ", ".join(CATEGORY_VALUES)})
    return people_of(record, programme)


def _check_days(c: Checker, record: Record, programme: ProgrammeFile,
                people: dict[str, str]) -> dict[str, Slot]:
    planned = {d["date"]: d for d in programme.days}
    slots: dict[str, Slot] = {}
    twice: set[str] = set()
    seen = set()
    for i, day in enumerate(record.days):
        plan = planned.get(day.date)
        if plan is None or day.date in seen:
            c.error(("days", i, "date"), _("%(date)s is not a day of the programme (or is "
                                           "listed twice)") % {"date": day.date.isoformat()})
            continue
        seen.add(day.date)
        _check_presence(c, i, day, people)
        titles = [str(it["title"]) for it in plan["items"]]
        if [s.title for s in day.items] != titles:
            c.error(("days", i, "items"), _("must list the day's agenda items in the "
                                            "programme's order: %(titles)s")
                    % {"titles": "; ".join(titles)})
            continue
        for j, (start, it) in enumerate(zip(day.items, plan["items"], strict=True)):
            if j and start.started <= day.items[j - 1].started:
                c.error(("days", i, "items", j, "started"),
                        _("must be later than the previous item's start"))
            (twice if start.title in slots else set()).add(start.title)
            slots[start.title] = Slot(i, j, start.title, str(it["method"]),
                                      dict(it["params"] or {}))
        if day.items and day.ended <= day.items[-1].started:
            c.error(("days", i, "ended"), _("must be later than the last item's start"))
    for title in twice:
        del slots[title]
    return slots


def _check_presence(c: Checker, i: int, day: DayRun, people: dict[str, str]) -> None:
    for j, name in enumerate(day.absent):
        if name not in people:
            c.error(("days", i, "absent", j), _("“%(name)s” is not registered")
                    % {"name": name})
    for name, when in day.late:
        if name not in people or name in day.absent:
            c.error(("days", i, "late", name), _("“%(name)s” is not registered, or is "
                                                 "also absent") % {"name": name})
        elif when <= day.arrived:
            c.error(("days", i, "late", name), _("must be later than “arrived”"))


def _check_tour(c: Checker, record: Record, tour: Tour, people: dict[str, str],
                absent: dict[Any, set[str]], find: Any, person: Any) -> None:
    slot = find(("tour_de_table", "item"), tour.item, Method.TOUR_DE_TABLE)
    spoke = [t.name for t in tour.turns]
    for j, name in enumerate(spoke):
        person(("tour_de_table", "turns", j, "name"), name, slot)
        if name in spoke[:j]:
            c.error(("tour_de_table", "turns", j, "name"), _("speaks twice"))
        if people.get(name) == "organiser":
            c.error(("tour_de_table", "turns", j, "name"),
                    _("organisers are not in the tour de table"))
    for j, name in enumerate(tour.skipped):
        person(("tour_de_table", "skipped", j), name)
    if slot is None:
        return
    away = absent.get(record.days[slot.day].date, set())
    missing = [n for n, cat in people.items() if cat != "organiser" and n not in spoke
               and n not in tour.skipped and n not in away]
    if missing:
        c.error(("tour_de_table", "turns"), _("no turn and not skipped: %(names)s")
                % {"names": ", ".join(missing)})


def _sheet_keys(slot: Slot) -> list[str]:
    keys = [f"site-{k}" for k in slot.params.get("sites", [])]
    keys += [f"prompt-{i + 1}" for i in range(len(slot.params.get("prompts", [])))]
    return keys or ["main"]


def _check_brainstorm(c: Checker, brainstorm: Brainstorm, people: dict[str, str],
                      find: Any, person: Any) -> None:
    slot = find(("brainstorm", "item"), brainstorm.item, Method.BRAINSTORM)
    if slot is None:
        return
    keys, columns = _sheet_keys(slot), slot.params.get("columns", [])
    kinds, repliers = slot.params.get("reply_kinds", []), slot.params.get("repliers", [])
    for i, sheet in enumerate(brainstorm.sheets):
        base: Path = ("brainstorm", "sheets", i)
        if sheet.sheet not in keys:
            c.error((*base, "site"), _("“%(value)s” is not one of: %(options)s")
                    % {"value": sheet.sheet, "options": ", ".join(keys)})
        if sheet.end <= sheet.start:
            c.error((*base, "to"), _("must be later than “from”"))
        merged = {n.key: n.merge_into for n in sheet.notes if n.key}
        for note, path in zip(sheet.notes, _note_paths(base, sheet.notes), strict=True):
            if note.column not in columns:
                c.error(path[:-1], _("“%(value)s” is not one of: %(options)s")
                        % {"value": note.column, "options": ", ".join(columns)})
            if note.by:
                person((*path, "by"), note.by, slot)
            if note.merge_into and (note.merge_into not in merged or merged[note.merge_into]
                                    or note.merge_into == note.key):
                c.error((*path, "merge_into"), _("must name the key of another, unmerged "
                                                 "note of the same sheet"))
            for k, reply in enumerate(note.replies):
                if reply.kind not in kinds:
                    c.error((*path, "replies", k, "kind"),
                            _("“%(value)s” is not one of: %(options)s")
                            % {"value": reply.kind, "options": ", ".join(kinds)})
                person((*path, "replies", k, "by"), reply.by, slot)
                if people.get(reply.by, repliers[0] if repliers else "") not in repliers:
                    c.error((*path, "replies", k, "by"), _("only %(who)s reply to notes")
                            % {"who": ", ".join(repliers)})
        if len(merged) != len([n for n in sheet.notes if n.key]):
            c.error((*base, "notes"), _("a note key is used twice"))


def _note_paths(base: Path, notes: Iterable[Any]) -> list[Path]:
    counts: dict[str, int] = {}
    paths: list[Path] = []
    for note in notes:
        index = counts.get(note.column, 0)
        counts[note.column] = index + 1
        paths.append((*base, "notes", note.column, index))
    return paths


def _check_groups(c: Checker, record: Record, find: Any) -> int:
    work = record.group_work
    if work is None:
        return 0
    slot = find(("group_work", "item"), work.item, Method.GROUP_WORK)
    count = 0
    if slot is not None:
        count = (int(slot.params.get("random_groups", 0) or 0)
                 + len(slot.params.get("dedicated_categories") or []))
    numbers = [w.group for w in work.worksheets]
    for i, number in enumerate(numbers):
        if number > count or number in numbers[:i]:
            c.error(("group_work", "worksheets", i, "group"),
                    _("must be one of the %(count)d groups, each listed once")
                    % {"count": count})
    factors = {w.group: len(w.factors) for w in work.worksheets}
    shows = record.presentations
    if shows is None:
        return count
    find(("presentations", "item"), shows.item, Method.GROUP_PRESENTATIONS)
    if sorted(t.group for t in shows.groups) != list(range(1, count + 1)):
        c.error(("presentations", "groups"), _("must list each of the %(count)d groups "
                                               "once") % {"count": count})
    for i, theme in enumerate(shows.themes):
        for j, (group, number) in enumerate(theme.factors):
            if not 1 <= number <= factors.get(group, 0):
                c.error(("presentations", "themes", i, "factors", j),
                        _("group %(group)d has no factor %(number)d")
                        % {"group": group, "number": number})
    if not shows.compared <= shows.confirmed:
        c.error(("presentations", "confirmed"), _("must not be before “compared”"))
    return count
