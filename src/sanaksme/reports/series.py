"""What goes into the series report: one document across the meetings of a series.

`series_data(series)` reads every meeting of the series in date order and words the
result in the language of its latest meeting. Like `ReportData`, `SeriesData` never
names a participant: presence is counted by category only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils import timezone, translation

from sanaksme.boards.models import Note, SuggestionUptake
from sanaksme.boards.uptake import suggestion_notes
from sanaksme.core.dates import format_date, format_date_range
from sanaksme.groups.domain.comparison import (
    GroupKind,
    GroupResult,
    Item,
    compare_results,
)
from sanaksme.groups.lexicon_data import default_lexicon
from sanaksme.groups.models import Factor
from sanaksme.groups.selectors import group_name
from sanaksme.groups.services.engine import lexicon_learned
from sanaksme.participants.models import Participant
from sanaksme.programme.document.data import funding_lines
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import Meeting, Series

from .data import Count
from .sections.meeting import CATEGORY_ORDER, category_label

SOLUTION_COLUMNS = ("existing_solution", "possible_solution")


@dataclass(frozen=True)
class SeriesFactor:
    text: str
    group: str  # "Group 2"
    solutions: tuple[str, ...]


@dataclass(frozen=True)
class TakenUp:
    meeting: str  # the label of the later meeting that took the suggestion up
    comment: str


@dataclass(frozen=True)
class SuggestionLine:
    text: str
    taken_up: tuple[TakenUp, ...]  # usually the next meeting; empty when not taken up


@dataclass(frozen=True)
class SeriesMeeting:
    title: str
    label: str  # short: "Daugavpils, 26–27 January 2017"
    date_range: str
    place: str
    present: int
    by_category: tuple[Count, ...]  # present people by category, never names
    brainstorm_notes: int  # shown notes incl. merged ones
    problems: tuple[str, ...]
    existing_solutions: tuple[str, ...]
    possible_solutions: tuple[str, ...]
    factors: tuple[SeriesFactor, ...]
    feedback: tuple[str, ...]
    suggestions: tuple[SuggestionLine, ...]

    @property
    def group_solutions(self) -> tuple[str, ...]:
        return tuple(s for f in self.factors for s in f.solutions)

    @property
    def solutions(self) -> int:
        return (len(self.existing_solutions) + len(self.possible_solutions)
                + len(self.group_solutions))


@dataclass(frozen=True)
class SeriesTotals:
    meetings: int
    present: int
    by_category: tuple[Count, ...]
    brainstorm_notes: int
    problems: int
    solutions: int
    factors: int
    feedback: int
    suggestions: int
    taken_up: int


@dataclass(frozen=True)
class ThemeItem:
    text: str
    meeting: str  # the meeting's label


@dataclass(frozen=True)
class RecurringTheme:
    label: str
    meetings: tuple[str, ...]  # labels, in date order
    items: tuple[ThemeItem, ...]


@dataclass(frozen=True)
class SeriesData:
    language: str
    organisation: str
    title: str
    date_range: str
    project_name: str
    project_number: str
    funding_programme: str
    acknowledgement: str
    disclaimer: str
    meetings: tuple[SeriesMeeting, ...]
    totals: SeriesTotals
    themes: tuple[RecurringTheme, ...]
    generated: str


def _label(meeting: Meeting, language: str) -> str:
    dates = format_date_range(meeting.starts_on, meeting.ends_on, language)
    return f"{meeting.place}, {dates}" if meeting.place else dates


def _present(meeting: Meeting) -> Counter[str]:
    return Counter(Participant.objects.filter(meeting=meeting, present=True)
                   .values_list("category", flat=True))


def _counts(counts: Counter[str]) -> tuple[Count, ...]:
    order = [c for c in CATEGORY_ORDER if c in counts]
    order += sorted(c for c in counts if c not in CATEGORY_ORDER)
    return tuple(Count(category_label(c), counts[c]) for c in order)


def _shown(notes: list[Note]) -> list[Note]:
    """Notes with a place of their own: not hidden, not merged into a shown note."""
    visible = {n.pk for n in notes}
    return [n for n in notes if n.merged_into_id is None or n.merged_into_id not in visible]


def _notes(meeting: Meeting, method: Method) -> list[Note]:
    return list(Note.objects.filter(meeting=meeting, sheet__item__method=method.value,
                                     hidden=False).order_by("seq", "pk"))


def _factors(meeting: Meeting) -> list[Factor]:
    return list(Factor.objects.filter(group__group_set__meeting=meeting, hidden=False)
                .select_related("group").prefetch_related("solutions")
                .order_by("group__group_set__item__day__date", "group__number",
                          "position", "pk"))


def _suggestions(meeting: Meeting, labels: dict[int, str]) -> tuple[SuggestionLine, ...]:
    notes = list(suggestion_notes().filter(meeting=meeting).order_by("seq", "pk"))
    taken: dict[int, list[TakenUp]] = defaultdict(list)
    for uptake in (SuggestionUptake.objects.filter(note__in=notes)
                   .select_related("meeting").order_by("meeting__starts_on", "taken_at")):
        label = labels.get(uptake.meeting_id) or uptake.meeting.full_title
        taken[uptake.note_id].append(TakenUp(label, uptake.comment))
    return tuple(SuggestionLine(n.text, tuple(taken.get(n.pk, []))) for n in notes)


class _Read:
    """One meeting read once: its rows for the report and for the theme engine."""

    def __init__(self, meeting: Meeting, labels: dict[int, str]) -> None:
        brainstorm = _notes(meeting, Method.BRAINSTORM)
        shown = _shown(brainstorm)
        self.problem_notes = [n for n in shown if n.column == "problem"]
        self.factors = _factors(meeting)
        feedback = _shown(_notes(meeting, Method.FEEDBACK))
        present = _present(meeting)
        self.present = present

        def column(code: str) -> tuple[str, ...]:
            return tuple(n.text for n in shown if n.column == code)

        self.row = SeriesMeeting(
            title=meeting.full_title, label=labels[meeting.pk],
            date_range=format_date_range(meeting.starts_on, meeting.ends_on,
                                         translation.get_language()),
            place=meeting.place, present=sum(present.values()),
            by_category=_counts(present), brainstorm_notes=len(brainstorm),
            problems=tuple(n.text for n in self.problem_notes),
            existing_solutions=column(SOLUTION_COLUMNS[0]),
            possible_solutions=column(SOLUTION_COLUMNS[1]),
            factors=tuple(SeriesFactor(f.text, group_name(f.group),
                                       tuple(s.text for s in f.solutions.all()
                                             if not s.hidden))
                          for f in self.factors),
            feedback=tuple(n.text for n in feedback if n.column == "feedback"),
            suggestions=_suggestions(meeting, labels))

    def engine_items(self, index: int) -> tuple[Item, ...]:
        """This meeting's factors and brainstorm problems, ids unique across meetings."""
        return (tuple(Item(f"m{index}-f{f.pk}", f.text) for f in self.factors)
                + tuple(Item(f"m{index}-n{n.pk}", n.text) for n in self.problem_notes))


def recurring_themes(reads: list[_Read], organisation_id: int | None = None,
                     ) -> tuple[RecurringTheme, ...]:
    """Themes with items from at least two meetings: one engine group per meeting."""
    groups = [GroupResult(str(i), GroupKind.EXPERTS, r.engine_items(i))
              for i, r in enumerate(reads)]
    texts = {item.id: (item.text, reads[i].row.label)
             for i, g in enumerate(groups) for item in g.items}
    found = []
    for theme in compare_results(groups, lexicon=default_lexicon(),
                                 learned=lexicon_learned(organisation_id)):
        indexes = sorted({int(i.split("-")[0][1:]) for i in theme.items})
        if len(indexes) < 2:
            continue
        items = tuple(ThemeItem(*texts[i]) for i in sorted(
            theme.items, key=lambda i: int(i.split("-")[0][1:])))
        found.append(RecurringTheme(label=theme.label,
                                    meetings=tuple(reads[i].row.label for i in indexes),
                                    items=items))
    found.sort(key=lambda t: -len(t.meetings))  # stable: the engine's order otherwise
    return tuple(found)


def _totals(reads: list[_Read]) -> SeriesTotals:
    rows = [r.row for r in reads]
    present: Counter[str] = sum((r.present for r in reads), Counter())
    return SeriesTotals(
        meetings=len(rows), present=sum(r.present for r in rows),
        by_category=_counts(present),
        brainstorm_notes=sum(r.brainstorm_notes for r in rows),
        problems=sum(len(r.problems) for r in rows),
        solutions=sum(r.solutions for r in rows),
        factors=sum(len(r.factors) for r in rows),
        feedback=sum(len(r.feedback) for r in rows),
        suggestions=sum(len(r.suggestions) for r in rows),
        taken_up=sum(1 for r in rows for s in r.suggestions if s.taken_up))


def series_of(meeting: Meeting) -> Series | None:
    """The meeting's series when it is of the meeting's own organisation, else None."""
    series = meeting.series
    return series if series and series.organisation_id == meeting.organisation_id else None


def series_data(series: Series) -> SeriesData:
    """The series report in the language of its latest meeting; never a name.

    Only the series' own organisation's meetings are read, whatever points at it."""
    meetings = list(series.meetings.filter(organisation_id=series.organisation_id)
                    .select_related("project", "organisation").order_by("starts_on", "pk"))
    latest = meetings[-1] if meetings else None
    language = latest.language if latest else Meeting.Language.LATVIAN.value
    with translation.override(language):
        labels = {m.pk: _label(m, language) for m in meetings}
        reads = [_Read(m, labels) for m in meetings]
        acknowledgement, disclaimer, number = funding_lines(latest) if latest else ("", "", "")
        project = latest.project if latest else None
        return SeriesData(
            language=language, organisation=series.organisation.name, title=series.title,
            date_range=format_date_range(meetings[0].starts_on, latest.ends_on, language)
            if latest else "",
            project_name=project.name if project else "", project_number=number,
            funding_programme=project.funding_programme if project else "",
            acknowledgement=acknowledgement, disclaimer=disclaimer,
            meetings=tuple(r.row for r in reads), totals=_totals(reads),
            themes=recurring_themes(reads, series.organisation_id),
            generated=format_date(timezone.localdate(), language, locative=True))

