"""Headings and captions of the series report (the meeting report's are in words.py)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from sanaksme.programme.labels import option_label

from ..series import SuggestionLine, TakenUp


@dataclass(frozen=True)
class SeriesWords:
    report: str
    meetings_line: str
    in_numbers: str
    meeting: str
    present: str
    brainstorm_notes: str
    problems: str
    solutions: str
    factors: str
    feedback: str
    suggestions: str
    taken_up: str
    total: str
    category: str
    present_by_category: str
    themes: str
    themes_note: str
    no_themes: str
    raised_at: str
    existing_solutions: str
    possible_solutions: str
    group_solutions: str
    group_factors: str
    group: str
    factor: str
    feedback_heading: str
    feedback_note: str
    suggestion: str
    in_next: str
    not_taken_up: str
    no_next: str
    theme: str
    none: str
    project_number: str
    funding_programme: str
    generated: str


def series_words(meetings: int) -> SeriesWords:
    """The words in the active language."""
    return SeriesWords(
        report=pgettext("report", "Series report"),
        meetings_line=ngettext("%(count)d meeting", "%(count)d meetings", meetings)
        % {"count": meetings},
        in_numbers=_("The series in numbers"),
        meeting=pgettext("series report", "Meeting"),
        present=_("Present"), brainstorm_notes=_("Brainstorm notes"),
        problems=_("Problems"), solutions=_("Solutions"),
        factors=_("Factors"), feedback=_("Feedback"),
        suggestions=_("Suggestions for the next meeting"),
        taken_up=_("Taken up"), total=_("Total"), category=_("Category"),
        present_by_category=_("Participants present by category"),
        themes=_("Recurring themes across meetings"),
        themes_note=_("Themes found by the comparison engine among the brainstorm problems "
                      "and the small-group factors of at least two meetings."),
        no_themes=_("No theme recurred in more than one meeting."),
        raised_at=_("Raised at"),
        existing_solutions=option_label("existing_solution"),
        possible_solutions=option_label("possible_solution"),
        group_solutions=_("Solutions from the small-group work"),
        group_factors=_("Factors from the small-group work"),
        group=_("Group"), factor=_("Factor"),
        feedback_heading=_("Feedback and what the next meeting took up"),
        feedback_note=_("Each meeting's feedback and its suggestions for the next meeting, "
                        "next to what a later meeting of the series marked as taken up."),
        suggestion=_("Suggestion"), in_next=_("Taken up in the next meeting"),
        not_taken_up=_("not taken up"),
        no_next=_("no later meeting yet"), theme=_("Theme"), none="–",
        project_number=_("Project number"), funding_programme=_("Funding programme"),
        generated=_("Series report produced with Sanāksme on %(date)s."),
    )


def taken_up_text(taken: TakenUp) -> str:
    """"Jelgava, 18 May 2017: two school heads invited"."""
    return f"{taken.meeting}: {taken.comment}" if taken.comment else taken.meeting


def uptake_text(line: SuggestionLine, w: SeriesWords, *, last: bool = False) -> str:
    """Where a suggestion was taken up; for the last meeting, that none followed yet."""
    taken = "; ".join(taken_up_text(t) for t in line.taken_up)
    return taken or (w.no_next if last else w.not_taken_up)
