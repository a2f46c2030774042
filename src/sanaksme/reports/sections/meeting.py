"""The meeting as a whole: the programme as run, participation, visits, the summary."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext as _

from sanaksme.core.dates import format_date, format_time, format_weekday
from sanaksme.core.text import latvian_sort_key
from sanaksme.participants.models import Participant
from sanaksme.presenting.models import Projection
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.labels import option_label
from sanaksme.programme.models import AgendaItem, ItemRun, Meeting

from ..data import CategoryCount, Count, DayRun, Participation, Person, RunRow, Visit

CATEGORY_ORDER = ("regional_expert", "municipal", "expert", "roma_community", "organiser")


def items_of(meeting: Meeting) -> list[AgendaItem]:
    """The agenda in programme order, with its day."""
    return list(AgendaItem.objects.filter(day__meeting=meeting).select_related("day")
                .order_by("day__date", "position", "id"))


def _span(start: dt.time | None, end: dt.time | None) -> str:
    if start and end:
        return f"{format_time(start)}–{format_time(end)}"
    return format_time(start)


def _local(value: dt.datetime) -> dt.time:
    return timezone.localtime(value).time().replace(second=0, microsecond=0)


def _run_row(item: AgendaItem, runs: list[ItemRun], now: dt.datetime) -> RunRow:
    is_break = item.method == Method.BREAK.value
    actual, actual_minutes = "", None
    if runs:
        end = runs[-1].ended_at or now
        actual = _span(_local(runs[0].started_at), _local(end))
        seconds = sum(((r.ended_at or now) - r.started_at).total_seconds() for r in runs)
        actual_minutes = round(seconds / 60)
    return RunRow(title=item.title,
                  method="" if is_break else str(item.get_method_display()),
                  planned=_span(item.starts_at, item.ends_at), actual=actual,
                  planned_minutes=item.minutes, actual_minutes=actual_minutes,
                  is_break=is_break)


def programme_as_run(meeting: Meeting) -> tuple[DayRun, ...]:
    """Each day's agenda with the planned and the actual times side by side."""
    runs: dict[int, list[ItemRun]] = defaultdict(list)
    for run in ItemRun.objects.filter(meeting=meeting).order_by("started_at", "id"):
        runs[run.item_id].append(run)
    now = timezone.now()
    days = []
    for day in meeting.days.order_by("date").prefetch_related("items"):
        weekday = format_weekday(day.date, meeting.language)
        rows = tuple(_run_row(item, runs.get(item.pk, []), now) for item in day.items.all())
        days.append(DayRun(
            heading=f"{weekday[:1].upper()}{weekday[1:]}, "
                    f"{format_date(day.date, meeting.language)}",
            title=day.title, rows=rows, recorded=any(r.actual for r in rows)))
    return tuple(days)


def category_label(code: str) -> str:
    return option_label(code) if code else _("Not given")


def _by_day(meeting: Meeting) -> tuple[Count, ...]:
    """People seen on each day, when presence is recorded per day."""
    try:
        attendance = apps.get_model("participants", "Attendance")
    except LookupError:
        return ()
    seen = Counter(attendance.objects.filter(participant__meeting=meeting)
                   .values_list("date", flat=True))
    return tuple(Count(format_date(day.date, meeting.language), seen.get(day.date, 0))
                 for day in meeting.days.order_by("date"))


def participation(meeting: Meeting) -> Participation:
    """Counts by category and municipality; never a name."""
    people = list(Participant.objects.filter(meeting=meeting)
                  .values_list("category", "municipality", "present"))
    registered = Counter(c for c, _m, _p in people)
    present = Counter(c for c, _m, p in people if p)
    order = [c for c in CATEGORY_ORDER if c in registered]
    order += sorted(c for c in registered if c not in CATEGORY_ORDER)
    places = Counter((m or "").strip() or _("Not given") for _c, m, p in people if p)
    return Participation(
        registered=len(people), present=sum(present.values()),
        by_category=tuple(CategoryCount(category_label(c), registered[c], present[c])
                          for c in order),
        by_municipality=tuple(Count(m, n) for m, n in
                              sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_day=_by_day(meeting),
    )


def visits(meeting: Meeting, items: list[AgendaItem]) -> tuple[Visit, ...]:
    """The good-practice visits in programme order."""
    sites = {s.key: s for s in meeting.sites.all()}
    found = []
    for item in items:
        if item.method != Method.SITE_VISIT.value:
            continue
        site = sites.get(str(item.params.get("site", "")))
        description = " ".join((site.description if site else item.description).split())
        found.append(Visit(name=site.name if site else item.title,
                           address=(site.address if site else "") or item.location,
                           time=_span(item.starts_at, item.ends_at),
                           description=description))
    return tuple(found)


def summary(items: list[AgendaItem]) -> str:
    """The day summary as the facilitator left it (summary items, in order)."""
    ids = [i.pk for i in items if i.method == Method.SUMMARY.value]
    texts = Projection.objects.filter(item_id__in=ids).order_by(
        "item__day__date", "item__position").values_list("summary", flat=True)
    return "\n\n".join(t.strip() for t in texts if t.strip())


def attendance(meeting: Meeting) -> tuple[Person, ...]:
    """The annex of names: only people who were present, name and institution only."""
    people = Participant.objects.filter(meeting=meeting, present=True)
    return tuple(Person(p.name, p.institution)
                 for p in sorted(people, key=lambda p: latvian_sort_key(p.name)))
