"""What goes into the meeting report: plain frozen data, no layout, no names.

`report_data(meeting)` is the one reader; the PDF, DOCX and Markdown renderers only
decide how it looks. Everything is worded in the meeting's language. No participant is
named anywhere in `ReportData` unless `include_names` asks for the attendance annex,
and even then no category is attached to a name (a category can reveal ethnic origin).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation

from sanaksme.groups.domain.worksheet import Shares
from sanaksme.programme.models import Meeting


@dataclass(frozen=True)
class Count:
    label: str
    value: int


@dataclass(frozen=True)
class CategoryCount:
    label: str
    registered: int
    present: int


@dataclass(frozen=True)
class Participation:
    registered: int
    present: int
    by_category: tuple[CategoryCount, ...]
    by_municipality: tuple[Count, ...]  # present people, by the municipality they come from
    by_day: tuple[Count, ...]  # people seen on each day (empty when presence per day is unknown)


@dataclass(frozen=True)
class RunRow:
    title: str
    method: str  # empty for a break
    planned: str  # "10:00–11:30"
    actual: str  # "10:05–11:42", or "" when it was never on the screens
    planned_minutes: int | None
    actual_minutes: int | None
    is_break: bool

    @property
    def delta_minutes(self) -> int | None:
        if self.planned_minutes is None or self.actual_minutes is None:
            return None
        return self.actual_minutes - self.planned_minutes


@dataclass(frozen=True)
class DayRun:
    heading: str
    title: str
    rows: tuple[RunRow, ...]
    recorded: bool  # at least one item of the day was run live


@dataclass(frozen=True)
class Visit:
    name: str
    address: str
    time: str
    description: str


@dataclass(frozen=True)
class TourStats:
    title: str
    speakers: int
    total_seconds: int
    average_seconds: int
    allowed_seconds: int  # per speaker, 0 when there was no limit
    overruns: int
    skipped: int


@dataclass(frozen=True)
class ReplyLine:
    kind: str
    text: str


@dataclass(frozen=True)
class NoteLine:
    text: str
    replies: tuple[ReplyLine, ...] = ()
    merged: tuple[str, ...] = ()  # similar notes merged into this one, kept word for word


@dataclass(frozen=True)
class ColumnSection:
    label: str
    notes: tuple[NoteLine, ...]


@dataclass(frozen=True)
class SheetSection:
    title: str
    columns: tuple[ColumnSection, ...]
    notes: int  # shown notes incl. merged ones
    hidden: int
    from_visit: int = 0  # of `notes`: observations from the site visit


@dataclass(frozen=True)
class Brainstorm:
    title: str
    sheets: tuple[SheetSection, ...]
    notes: int
    replies: int
    hidden: int


@dataclass(frozen=True)
class CategoryTime:
    label: str
    turns: int
    seconds: int


@dataclass(frozen=True)
class Discussion:
    title: str
    question: str
    turns: int
    seconds: int
    by_category: tuple[CategoryTime, ...]
    key_points: tuple[str, ...]


@dataclass(frozen=True)
class FactorLine:
    text: str
    top: bool  # one of the group's three most significant
    solutions: tuple[str, ...]
    shares: Shares | None


@dataclass(frozen=True)
class GroupSection:
    name: str
    dedicated: bool
    composition: tuple[Count, ...]  # by category, never names
    members: int
    factors: tuple[FactorLine, ...]
    average: Shares | None
    presented_seconds: int


@dataclass(frozen=True)
class GroupWork:
    title: str
    question: str
    groups: tuple[GroupSection, ...]  # in the presenting order
    seed: int


@dataclass(frozen=True)
class ThemeLine:
    label: str
    status: str  # common / experts_only / community_only
    factors: tuple[str, ...]  # "text (Group 2)"
    experts: Shares | None
    community: Shares | None
    confirmed: bool


@dataclass(frozen=True)
class Comparison:
    common: tuple[ThemeLine, ...]
    experts_only: tuple[ThemeLine, ...]
    community_only: tuple[ThemeLine, ...]
    experts_overall: Shares | None
    community_overall: Shares | None
    confirmed: bool
    parts: tuple[str, ...]  # labels of the responsibility parts

    @property
    def chart_themes(self) -> tuple[ThemeLine, ...]:
        """The common themes where both sides weighed the responsibility."""
        return tuple(t for t in self.common if t.experts and t.community)


@dataclass(frozen=True)
class Feedback:
    title: str
    feedback: tuple[str, ...]
    suggestions: tuple[str, ...]
    other: tuple[str, ...]
    hidden: int


@dataclass(frozen=True)
class Person:
    name: str
    institution: str


@dataclass(frozen=True)
class ReportData:
    language: str
    organisation: str
    title: str
    date_range: str
    place: str
    project_name: str
    project_number: str
    funding_programme: str
    acknowledgement: str
    disclaimer: str
    goal: str
    tasks: tuple[str, ...]
    programme: tuple[DayRun, ...]
    participation: Participation
    visits: tuple[Visit, ...]
    tours: tuple[TourStats, ...]
    brainstorms: tuple[Brainstorm, ...]
    discussions: tuple[Discussion, ...]
    group_work: tuple[GroupWork, ...]
    comparisons: tuple[Comparison, ...]
    summary: str
    feedback: tuple[Feedback, ...]
    attendance: tuple[Person, ...]  # only with include_names: the explicit annex
    generated: str  # date the report was made, in the meeting's language


def report_data(meeting: Meeting, *, include_names: bool = False) -> ReportData:
    """The report of `meeting` in its language; names only in the explicit annex."""
    from . import sections  # the builders read every app; keep this module light

    with translation.override(meeting.language):
        return sections.build(meeting, include_names=include_names)
