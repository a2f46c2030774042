"""What goes on the attendance sheets: one frozen sheet per day, no layout.

An EU-funded event keeps a signed list of who came each day. Before the meeting the
sheet lists every registered participant (organisers sign too); afterwards it can be
built from the recorded presence (`participants.Attendance`). Either way it shows a
name and an institution only, never a category: belonging to the Roma community is
special-category data and has no place on a sheet that is passed round the room.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sanaksme.core.dates import format_date, format_weekday
from sanaksme.core.text import latvian_sort_key
from sanaksme.participants.models import Participant
from sanaksme.programme.document.data import funding_lines
from sanaksme.programme.models import Meeting


@dataclass(frozen=True)
class AttendanceLabels:
    """Headings and column captions, in the meeting's language."""

    title: str
    number: str
    name: str
    institution: str
    signature: str


@dataclass(frozen=True)
class AttendanceRow:
    name: str
    institution: str


@dataclass(frozen=True)
class AttendanceSheet:
    """The attendance sheet of one day of a meeting."""

    language: str
    organisation: str
    project_name: str
    project_number: str  # empty when the meeting has no project or it has no number
    funding_programme: str
    acknowledgement: str
    disclaimer: str
    meeting_title: str
    date: dt.date
    date_text: str  # "Ceturtdiena, 2017. gada 26. janvāris"
    place: str
    day_title: str  # "1. diena – Labās prakses vizītes" when the meeting has several days
    rows: tuple[AttendanceRow, ...]
    blank_rows: int
    from_presence: bool
    labels: AttendanceLabels


def meeting_dates(meeting: Meeting) -> list[dt.date]:
    """The meeting's days: its programme days, else every date from first to last."""
    dates = sorted({day.date for day in meeting.days.all()})
    if dates:
        return dates
    count = (meeting.ends_on - meeting.starts_on).days + 1
    return [meeting.starts_on + dt.timedelta(days=n) for n in range(max(count, 1))]


def attendance_sheets(meeting: Meeting, *, day: dt.date | None = None,
                      from_presence: bool = False,
                      blank_rows: int = 10) -> tuple[AttendanceSheet, ...]:
    """One sheet per day of `meeting` (only `day` when given), in the meeting's language.

    Raises ValueError when `day` is not a day of the meeting.
    """
    dates_all = meeting_dates(meeting)
    if day is not None and day not in dates_all:
        raise ValueError(f"{day.isoformat()} is not a day of the meeting")
    with translation.override(meeting.language):
        return tuple(_sheet(meeting, date, dates_all=dates_all,
                            from_presence=from_presence, blank_rows=blank_rows)
                     for date in ([day] if day is not None else dates_all))


def attendance_rows(meeting: Meeting, date: dt.date, *,
                    from_presence: bool) -> tuple[AttendanceRow, ...]:
    """Who signs on `date`: everyone registered, or those recorded present that day."""
    people = Participant.objects.filter(meeting=meeting)
    if from_presence:
        people = people.filter(attendance__date=date)
    rows = [(" ".join(name.split()), " ".join(institution.split()))
            for name, institution in people.values_list("name", "institution")]
    ordered = sorted(rows, key=lambda r: (latvian_sort_key(r[0]), latvian_sort_key(r[1])))
    return tuple(AttendanceRow(name=name, institution=institution)
                 for name, institution in ordered)


def _labels() -> AttendanceLabels:
    return AttendanceLabels(
        title=pgettext("document", "Attendance sheet"),
        number=pgettext("row number", "No."),
        name=_("Name"),
        institution=_("Institution"),
        signature=pgettext("document", "Signature"),
    )


def _day_title(meeting: Meeting, date: dt.date, dates_all: list[dt.date]) -> str:
    days = {day.date: day for day in meeting.days.all()}
    parts = []
    if len(dates_all) > 1:
        parts.append(pgettext("programme day", "Day %(number)d")
                     % {"number": dates_all.index(date) + 1})
    if date in days and days[date].title.strip():
        parts.append(" ".join(days[date].title.split()))
    return " – ".join(parts)


def _sheet(meeting: Meeting, date: dt.date, *, dates_all: list[dt.date],
           from_presence: bool, blank_rows: int) -> AttendanceSheet:
    project = meeting.project
    acknowledgement, disclaimer, number = funding_lines(meeting)
    weekday = format_weekday(date, meeting.language)
    return AttendanceSheet(
        language=meeting.language,
        organisation=meeting.organisation.name,
        project_name=" ".join(project.name.split()) if project else "",
        project_number=number,
        funding_programme=project.funding_programme if project else "",
        acknowledgement=acknowledgement,
        disclaimer=disclaimer,
        meeting_title=meeting.full_title,
        date=date,
        date_text=f"{weekday[:1].upper()}{weekday[1:]}, "
                  f"{format_date(date, meeting.language)}",
        place=meeting.place,
        day_title=_day_title(meeting, date, dates_all),
        rows=attendance_rows(meeting, date, from_presence=from_presence),
        blank_rows=max(blank_rows, 0),
        from_presence=from_presence,
        labels=_labels(),
    )
