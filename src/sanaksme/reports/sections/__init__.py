"""Builders of each part of `ReportData`, one module per kind of activity."""

from __future__ import annotations

from django.utils import timezone

from sanaksme.core.dates import format_date, format_date_range
from sanaksme.programme.document.data import funding_lines
from sanaksme.programme.models import Meeting

from ..data import ReportData
from .boards import brainstorms, feedback
from .groups import comparisons, group_work
from .meeting import (
    attendance,
    items_of,
    participation,
    programme_as_run,
    summary,
    visits,
)
from .speaking import discussions, tours


def build(meeting: Meeting, *, include_names: bool) -> ReportData:
    """Every section of the report, read from the database in the active language."""
    items = items_of(meeting)
    acknowledgement, disclaimer, number = funding_lines(meeting)
    project = meeting.project
    return ReportData(
        language=meeting.language,
        organisation=meeting.organisation.name,
        title=meeting.full_title,
        date_range=format_date_range(meeting.starts_on, meeting.ends_on, meeting.language),
        place=meeting.place,
        project_name=project.name if project else "",
        project_number=number,
        funding_programme=project.funding_programme if project else "",
        acknowledgement=acknowledgement,
        disclaimer=disclaimer,
        goal=" ".join(meeting.goal.split()),
        tasks=tuple(" ".join(t.split()) for t in meeting.task_list if t.strip()),
        programme=programme_as_run(meeting),
        participation=participation(meeting),
        visits=visits(meeting, items),
        tours=tours(items),
        brainstorms=brainstorms(items),
        discussions=discussions(items),
        group_work=group_work(items),
        comparisons=comparisons(items),
        summary=summary(items),
        feedback=feedback(items),
        attendance=attendance(meeting) if include_names else (),
        generated=format_date(timezone.localdate(), meeting.language, locative=True),
    )
