"""Apply a record to the database through the real services, all or nothing.

The programme is imported under the record's slug, the extra participants registered,
and then every step (joins, the agenda as it ran, notes, turns, groups …) runs in time
order, with `django.utils.timezone.now` patched to a `Clock` set to the step's moment,
so every row carries the meeting's own January 2017 times.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from unittest import mock

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError, ImportRejected
from sanaksme.live.opening import current_item_set
from sanaksme.participants.services import participant_join, participant_save
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import programme_import
from sanaksme.programme.yaml_io import ProgrammeFile, parse_programme

from .checks import Slot, check_record, people_of
from .groupwork import group_work_steps, presentation_steps, summary_steps
from .record import DayRun, Record, RecordError, line_map, parse_record
from .sections import (
    SECOND,
    Action,
    Context,
    brainstorm_steps,
    discussion_steps,
    feedback_steps,
    tour_steps,
)
from .timeline import MEETING_ZONE, Clock, ReplayError, Timeline, Window, zoned

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
JOIN_INTERVAL = 10 * SECOND  # people reach the door one after another


def load_programme(record: Record, base_dir: Path) -> tuple[str, ProgrammeFile]:
    """The programme file the record names (relative to `base_dir`), checked."""
    path = base_dir / record.programme
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordError([_("programme: cannot read %(path)s (%(error)s)")
                           % {"path": path, "error": exc}]) from exc
    try:
        return text, parse_programme(text)
    except ImportRejected as exc:
        raise RecordError([f"{record.programme}: {e}" for e in exc.errors]) from exc


def plan(record: Record, programme: ProgrammeFile, slots: dict[str, Slot]) -> Timeline:
    """Every step of the record at its moment; RecordError if one falls outside its item."""
    t = Timeline(record, frozenset(people_of(record, programme)))
    for day in record.days:
        _day_steps(t, day)
    day_of = {title: record.days[slot.day] for title, slot in slots.items()}
    if record.tour:
        tour_steps(t, record.tour, day_of[record.tour.item].absent)
    if record.brainstorm:
        brainstorm_steps(t, record.brainstorm)
    for number, discussion in enumerate(record.discussions):
        discussion_steps(t, discussion, number)
    if record.group_work:
        group_work_steps(t, record.group_work)
    if record.presentations:
        presentation_steps(t, record.presentations)
    if record.summary:
        summary_steps(t, record.summary)
    if record.feedback:
        feedback_steps(t, record.feedback)
    if problems := t.problems():
        raise RecordError(problems)
    return t


def _day_steps(t: Timeline, day: DayRun) -> None:
    """Who came (a phone join each), every item at its actual start, the day's end."""
    late = dict(day.late)
    for k, name in enumerate(sorted(t.record_people - set(day.absent) - set(late))):
        t.at(zoned(day.date, day.arrived) + k * JOIN_INTERVAL, f"days[{day.date}].arrived",
             _join(name))
    for name, when in day.late:
        t.at(zoned(day.date, when), f"days[{day.date}].late.{name}", _join(name))
    starts = [zoned(day.date, i.started) for i in day.items]
    ends = [*starts[1:], zoned(day.date, day.ended)]
    for position, (item, start, end) in enumerate(zip(day.items, starts, ends, strict=True)):
        t.windows.setdefault(item.title, Window(item.title, start, end))
        t.at(start, f"days[{day.date}].items[{position}]", _switch(day.date, position))
    t.at(zoned(day.date, day.ended), f"days[{day.date}].ended", _switch(day.date, None))


def _join(name: str) -> Action:
    def step(ctx: Context) -> None:
        participant_join(meeting=ctx.meeting, participant_id=ctx.people[name].pk)
    return step


def _switch(date: dt.date, position: int | None) -> Action:
    def step(ctx: Context) -> None:
        item = None if position is None else AgendaItem.objects.get(
            day__meeting=ctx.meeting, day__date=date, position=position)
        current_item_set(meeting=ctx.meeting, item=item)
    return step


def _with_slug(programme_text: str, slug: str) -> str:
    data = yaml.safe_load(programme_text)
    data["meeting"]["slug"] = slug
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))


def _prepare(record: Record, programme_text: str, clock: Clock) -> Context:
    """Import the programme under the record's slug and register the extra people."""
    meeting = programme_import(text=_with_slug(programme_text, record.slug))
    for person in record.participants:
        clock.set(clock.now + SECOND)
        participant_save(meeting=meeting, name=person.name, category=person.category,
                         institution=person.institution, municipality=person.municipality,
                         is_roma_mediator=person.roma_mediator,
                         municipality_had_mediators=person.municipality_had_mediators)
    items = {i.title: i for i in AgendaItem.objects.filter(day__meeting=meeting)
             .select_related("day__meeting")}
    return Context(meeting=meeting, clock=clock, items=items,
                   people={p.name: p for p in meeting.participants.all()})


def replay_record(text: str, *, base_dir: Path = EXAMPLES_DIR) -> Meeting:
    """Create the recorded meeting from a record file, all or nothing.

    Raises RecordError (nothing written) when the file or its references are wrong,
    and ReplayError (everything rolled back) when a service refuses a step.
    """
    record = parse_record(text)
    programme_text, programme = load_programme(record, base_dir)
    slots = check_record(record, programme, line_map(text))
    timeline = plan(record, programme, slots)
    if Meeting.objects.filter(slug=record.slug).exists():
        raise RecordError([_("meeting.slug: a meeting “%(slug)s” already exists")
                           % {"slug": record.slug}])
    clock = Clock(record.prepared.replace(tzinfo=MEETING_ZONE))
    with mock.patch("django.utils.timezone.now", clock), transaction.atomic():
        ctx = _prepare(record, programme_text, clock)
        for step in timeline.ordered():
            try:
                clock.set(step.when)
                step.action(ctx)
            except DomainError as exc:
                raise ReplayError(_("%(field)s at %(when)s: %(problem)s")
                                  % {"field": step.label, "problem": exc.message,
                                     "when": f"{step.when:%Y-%m-%d %H:%M:%S}"}) from exc
    ctx.meeting.refresh_from_db()
    return ctx.meeting
