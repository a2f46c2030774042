"""Reads of programme data, shaped for a screen, a document or an export."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import router
from django.db.models import Prefetch, ProtectedError, Q, QuerySet, RestrictedError
from django.db.models.deletion import Collector

from sanaksme.core.dates import format_time
from sanaksme.participants.models import Participant

from .domain.checks import Finding, Plan, PlanDay, PlanItem, check_plan
from .domain.methods import Method
from .models import PARTICIPANT_LANGUAGES, AgendaItem, Day, Meeting, Organisation
from .yaml_io import SCHEMA


def meeting_list_for_user(user: Any) -> QuerySet[Meeting]:
    """Meetings a facilitator may open: their organisations' (all for a superuser)."""
    meetings = Meeting.objects.select_related("organisation", "series")
    if getattr(user, "is_superuser", False):
        return meetings
    return meetings.filter(organisation__members=user)


def organisation_of_user(user: Any) -> Organisation | None:
    """The organisation a new meeting of this facilitator lands in (none yet: None)."""
    organisations: QuerySet[Organisation] = user.organisations.order_by("pk")
    return organisations.first()


def meeting_get_full(slug: str) -> Meeting:
    """A meeting with days, items, sites and project loaded for one render."""
    return (
        Meeting.objects.select_related("organisation", "project", "series")
        .prefetch_related(
            Prefetch("days", queryset=Day.objects.prefetch_related(
                Prefetch("items", queryset=AgendaItem.objects.order_by("position", "id")))),
            "sites",
        )
        .get(slug=slug)
    )


# What a programme file itself creates: replacing these loses nothing the file lacks.
PROGRAMME_TABLES = frozenset({"programme.meeting", "programme.day", "programme.agendaitem",
                              "programme.site", "participants.participant"})


# People who came or whose consent is on record: not in a programme file either.
_RUN_PEOPLE = Q(present=True)
for _name in ("consent_at", "consent_withdrawn_at"):
    if _name in {f.name for f in Participant._meta.get_fields()}:
        _RUN_PEOPLE |= Q(**{f"{_name}__isnull": False})


def meeting_run_data(meeting: Meeting) -> dict[str, int]:
    """Rows that deleting the meeting would take along beyond its programme file, by
    table (notes, replies, turns, attendance, factors, report jobs …); empty when the
    meeting has never run. Any table added later that points at the meeting counts."""
    found: Counter[str] = Counter()
    collector = Collector(using=router.db_for_write(Meeting))
    try:
        collector.collect([meeting])
    except (ProtectedError, RestrictedError) as blocked:
        for obj in blocked.args[1]:
            found[str(obj._meta.verbose_name_plural)] += 1
    for model, objs in collector.data.items():
        if model._meta.label_lower not in PROGRAMME_TABLES:
            found[str(model._meta.verbose_name_plural)] += len(objs)
    for query in collector.fast_deletes:
        if query.model._meta.label_lower not in PROGRAMME_TABLES:
            found[str(query.model._meta.verbose_name_plural)] += query.count()
    found[str(Participant._meta.verbose_name_plural)] += Participant.objects.filter(
        _RUN_PEOPLE, meeting=meeting).count()
    return {name: count for name, count in sorted(found.items()) if count}


def agenda_items(meeting: Meeting) -> list[AgendaItem]:
    return [item for day in meeting.days.all() for item in day.items.all()]


def _opt(value: Any) -> Any:
    return value if value not in ("", None, [], {}) else None


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if _opt(v) is not None or isinstance(v, bool)}


def programme_as_dict(meeting: Meeting) -> dict[str, Any]:
    """The whole programme as plain data in the file format (schema sanaksme/programme@1)."""
    project = meeting.project
    data: dict[str, Any] = {"schema": SCHEMA,
                            "organisation": {"name": meeting.organisation.name}}
    if project:
        data["project"] = _compact({
            "name": project.name, "number": project.number,
            "programme": project.funding_programme,
            "acknowledgement": project.acknowledgement, "disclaimer": project.disclaimer,
        })
    if meeting.series:
        data["series"] = {"slug": meeting.series.slug, "title": meeting.series.title}
    data["meeting"] = _compact({
        "slug": meeting.slug, "ordinal": meeting.ordinal, "title": meeting.title,
        "language": meeting.language, "place": meeting.place,
        "starts": meeting.starts_on.isoformat(), "ends": meeting.ends_on.isoformat(),
        "goal": meeting.goal, "tasks": meeting.task_list,
        "participants": meeting.participants_description, "plan": meeting.plan,
        "structure": meeting.structure, "easy_mode": meeting.easy_mode or None,
        # Only when the facilitator narrowed them: the default offers every language.
        "languages": None if set(meeting.languages or ()) >= set(PARTICIPANT_LANGUAGES)
        else meeting.languages,
    })
    data["sites"] = [_compact({"key": s.key, "name": s.name, "address": s.address,
                               "host": s.host, "description": s.description,
                               "look_for": s.look_for})
                     for s in meeting.sites.all()]
    data["days"] = [_day_as_dict(day) for day in meeting.days.all()]
    data["participants"] = [
        _compact({"name": p.name, "category": p.category, "institution": p.institution,
                  "municipality": p.municipality,
                  "roma_mediator": p.is_roma_mediator or None,
                  "municipality_had_mediators": p.municipality_had_mediators or None,
                  "email": p.email, "phone": p.phone})
        for p in meeting.participants.order_by("id")
    ]
    return {k: v for k, v in data.items() if v != []}


def _day_as_dict(day: Day) -> dict[str, Any]:
    return _compact({
        "date": day.date.isoformat(), "title": day.title, "description": day.description,
        "starts": format_time(day.starts_at), "ends": format_time(day.ends_at),
        "items": [_compact({
            "start": format_time(i.starts_at), "end": format_time(i.ends_at),
            "title": i.title, "method": i.method, "params": i.params,
            "description": i.description, "location": i.location,
            "materials": i.material_list,
        }) for i in day.items.all()],
    })


def planning_findings(meeting: Meeting) -> list[Finding]:
    """Planning problems of a meeting (see domain/checks.py)."""
    categories: dict[str, int] = {}
    for category in Participant.objects.filter(meeting=meeting).values_list(
        "category", flat=True
    ):
        categories[category] = categories.get(category, 0) + 1
    plan = Plan(
        starts_on=meeting.starts_on, ends_on=meeting.ends_on,
        days=[PlanDay(d.date, d.starts_at, d.ends_at) for d in meeting.days.all()],
        items=[PlanItem(i.pk, i.day.date, i.title, Method(i.method), i.params,
                        i.starts_at, i.ends_at) for i in agenda_items(meeting)],
        categories=categories,
    )
    return check_plan(plan)
