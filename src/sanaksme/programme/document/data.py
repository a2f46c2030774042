"""What goes into the printed facilitation programme: plain frozen data, no layout.

`programme_document(meeting)` is the one reader; the PDF and DOCX renderers only
decide how it looks. Everything is built in the meeting's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from sanaksme.core.dates import (
    format_date,
    format_date_range,
    format_time,
    format_weekday,
)

from ..domain.methods import Method, default_params
from ..models import AgendaItem, Day, Meeting, Site
from .descriptions import ItemFacts, describe, split_paragraphs, tie_numbers


@dataclass(frozen=True)
class Labels:
    """Headings and captions, in the meeting's language."""

    programme: str
    goal: str
    tasks: str
    participants: str
    plan: str
    structure: str
    methods: str
    time: str
    activity: str
    method: str
    location: str
    materials: str
    host: str
    look_for: str


@dataclass(frozen=True)
class AgendaRow:
    time: str
    title: str
    method: str  # the method's name; empty for a break
    location: str
    is_break: bool


@dataclass(frozen=True)
class DayBlock:
    heading: str  # weekday and date
    title: str
    description: str
    rows: tuple[AgendaRow, ...]
    has_locations: bool


@dataclass(frozen=True)
class SiteLine:
    name: str
    address: str
    description: str
    note: str = ""  # the agenda item's own description of the visit
    time: str = ""
    host: str = ""
    look_for: str = ""  # what the participants should notice there


@dataclass(frozen=True)
class MethodEntry:
    title: str
    method: str
    when: str
    paragraphs: tuple[str, ...]
    sites: tuple[SiteLine, ...] = ()
    materials: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProgrammeDocument:
    language: str
    organisation: str
    title_lines: tuple[str, ...]
    date_range: str
    place: str
    goal: str
    tasks: tuple[str, ...]
    participants: str
    plan: tuple[str, ...]
    structure: tuple[str, ...]
    days: tuple[DayBlock, ...]
    sites: tuple[SiteLine, ...]
    methods: tuple[MethodEntry, ...]
    project_number: str
    acknowledgement: str
    disclaimer: str
    labels: Labels


def programme_document(meeting: Meeting) -> ProgrammeDocument:
    """The facilitation programme of `meeting`, in the meeting's language."""
    with translation.override(meeting.language):
        return _build(meeting)


def _build(meeting: Meeting) -> ProgrammeDocument:
    labels = _labels()
    days = list(meeting.days.all())
    sites = {site.key: site for site in meeting.sites.all()}
    acknowledgement, disclaimer, number = funding_lines(meeting)
    return ProgrammeDocument(
        language=meeting.language,
        organisation=meeting.organisation.name,
        title_lines=(meeting.full_title, labels.programme),
        date_range=format_date_range(meeting.starts_on, meeting.ends_on, meeting.language),
        place=meeting.place,
        goal=" ".join(meeting.goal.split()),
        tasks=tuple(" ".join(t.split()) for t in meeting.task_list if t.strip()),
        participants=" ".join(meeting.participants_description.split()),
        plan=tuple(split_paragraphs(meeting.plan)),
        structure=tuple(split_paragraphs(meeting.structure)),
        days=tuple(_day_block(day, sites, meeting.language) for day in days),
        sites=tuple(SiteLine(s.name, s.address, " ".join(s.description.split()),
                             host=s.host, look_for=" ".join(s.look_for.split()))
                    for s in sites.values()),
        methods=tuple(_method_entries(days, sites)),
        project_number=number,
        acknowledgement=acknowledgement,
        disclaimer=disclaimer,
        labels=labels,
    )


def _labels() -> Labels:
    return Labels(
        programme=pgettext("document", "Facilitation programme"),
        goal=pgettext("document", "Goal"),
        tasks=pgettext("document", "Tasks"),
        participants=pgettext("document", "Participants"),
        plan=pgettext("document", "Plan"),
        structure=pgettext("document", "Structure of the meeting"),
        methods=pgettext("document", "Methods used in facilitating the meeting"),
        time=pgettext("document", "Time"),
        activity=pgettext("document", "Activity"),
        method=pgettext("document", "Method"),
        location=pgettext("document", "Location"),
        materials=pgettext("document", "Materials"),
        host=pgettext("document", "Host"),
        look_for=pgettext("document", "What to look at"),
    )


def funding_lines(meeting: Meeting) -> tuple[str, str, str]:
    project = meeting.project
    if project is None:
        return "", "", ""
    acknowledgement = " ".join(project.acknowledgement.split())
    if not acknowledgement and project.number and project.funding_programme:
        acknowledgement = _(
            "This activity is organised within the project “%(project)s” "
            "No. %(number)s with the financial support of the programme “%(programme)s”."
        ) % {"project": project.name, "number": project.number,
             "programme": project.funding_programme}
    elif not acknowledgement:
        acknowledgement = _("This activity is organised within the project "
                            "“%(project)s”.") % {"project": project.name}
    return acknowledgement, " ".join(project.disclaimer.split()), project.number


def _time_range(start: dt.time | None, end: dt.time | None) -> str:
    if start and end:
        return f"{format_time(start)}–{format_time(end)}"
    return format_time(start)


def _site_of(item: AgendaItem, sites: dict[str, Site]) -> Site | None:
    if item.method != Method.SITE_VISIT:
        return None
    return sites.get(str((item.params or {}).get("site", "")))


def _day_block(day: Day, sites: dict[str, Site], language: str) -> DayBlock:
    rows = []
    for item in day.items.all():
        site = _site_of(item, sites)
        location = item.location or (site.address if site else "")
        is_break = item.method == Method.BREAK
        rows.append(AgendaRow(
            time=_time_range(item.starts_at, item.ends_at),
            title=item.title,
            method="" if is_break else str(item.get_method_display()),
            location=location,
            is_break=is_break,
        ))
    weekday = format_weekday(day.date, language)
    return DayBlock(
        heading=f"{weekday[:1].upper()}{weekday[1:]}, {format_date(day.date, language)}",
        title=day.title,
        description=" ".join(day.description.split()),
        rows=tuple(rows),
        has_locations=any(r.location for r in rows),
    )


def _params(item: AgendaItem) -> dict[str, Any]:
    try:
        defaults = default_params(Method(item.method))
    except ValueError:
        defaults = {}
    return {**defaults, **(item.params or {})}


def _when(day_number: int, several_days: bool, time: str) -> str:
    if not several_days:
        return time
    day = pgettext("programme day", "Day %(number)d") % {"number": day_number}
    return f"{day}, {time}" if time else day


def _method_entries(days: list[Day], sites: dict[str, Site]) -> list[MethodEntry]:
    """One entry per agenda item that is not a break; a day's visits make one entry."""
    entries: list[MethodEntry] = []
    several_days = len(days) > 1
    group_work: dict[str, Any] | None = None
    site_names = {key: site.name for key, site in sites.items()}
    for number, day in enumerate(days, start=1):
        items = list(day.items.all())
        visits = [i for i in items if i.method == Method.SITE_VISIT]
        for item in items:
            if item.method == Method.BREAK:
                continue
            if item.method == Method.SITE_VISIT:
                if item is visits[0]:
                    entries.append(_visits_entry(visits, sites, number, several_days))
                continue
            params = _params(item)
            facts = ItemFacts(description=item.description, params=params,
                              site_names=site_names, group_work=group_work)
            if item.method == Method.GROUP_WORK:
                group_work = params
            entries.append(MethodEntry(
                title=item.title,
                method=str(item.get_method_display()),
                when=_when(number, several_days, _time_range(item.starts_at, item.ends_at)),
                paragraphs=describe(Method(item.method), facts),
                materials=tuple(item.material_list),
            ))
    return entries


def _visits_entry(visits: list[AgendaItem], sites: dict[str, Site], day_number: int,
                  several_days: bool) -> MethodEntry:
    lines = []
    for item in visits:
        site = _site_of(item, sites)
        lines.append(SiteLine(
            name=site.name if site else item.title,
            address=(site.address if site else "") or item.location,
            description=" ".join(site.description.split()) if site else "",
            note=" ".join(item.description.split()),
            time=_time_range(item.starts_at, item.ends_at),
            host=site.host if site else "",
            look_for=" ".join(site.look_for.split()) if site else "",
        ))
    lead = tie_numbers(ngettext(
        "The participants visit %(count)d place to learn about its good practice:",
        "The participants visit %(count)d places to learn about their good practice:",
        len(lines)) % {"count": len(lines)})
    time = _time_range(visits[0].starts_at, visits[-1].ends_at or visits[-1].starts_at)
    return MethodEntry(
        title=pgettext("heading", "Good-practice visits"),
        method=str(visits[0].get_method_display()),
        when=_when(day_number, several_days, time),
        paragraphs=(lead,),
        sites=tuple(lines),
        materials=tuple(m for item in visits for m in item.material_list),
    )
