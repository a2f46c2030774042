"""Headings, captions and number formats shared by the PDF, DOCX and Markdown reports."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from sanaksme.groups.domain.worksheet import Shares


@dataclass(frozen=True)
class Words:
    report: str
    project: str
    project_number: str
    funding_programme: str
    goal: str
    tasks: str
    programme: str
    activity: str
    method: str
    planned: str
    actual: str
    difference: str
    not_run: str
    participation: str
    category: str
    registered: str
    present: str
    total: str
    municipality_from: str
    people: str
    by_day: str
    visits: str
    tour: str
    brainstorm: str
    hidden_note: str
    discussions: str
    question: str
    key_points: str
    speaking_time: str
    turns: str
    time: str
    group_work: str
    composition: str
    factor: str
    solutions: str
    responsibility: str
    top_factor: str
    comparison: str
    common: str
    experts_only: str
    community_only: str
    experts: str
    community: str
    chart_title: str
    chart_note: str
    overall: str
    not_confirmed: str
    summary: str
    feedback: str
    feedback_notes: str
    suggestions: str
    other_notes: str
    annex: str
    name: str
    institution: str
    generated: str
    merged_note: str


def words() -> Words:
    """The words in the active language."""
    return Words(
        report=pgettext("report", "Meeting report"),
        project=_("Project"), project_number=_("Project number"),
        funding_programme=_("Funding programme"),
        goal=pgettext("document", "Goal"), tasks=pgettext("document", "Tasks"),
        programme=_("Programme as run: planned and actual times"),
        activity=pgettext("document", "Activity"), method=pgettext("document", "Method"),
        planned=_("Planned"), actual=_("Actual"), difference=_("Difference"),
        not_run=_("not recorded"),
        participation=_("Participation in numbers"), category=_("Category"),
        registered=_("Registered"), present=_("Present"), total=_("Total"),
        municipality_from=_("Present by municipality"), people=_("People"),
        by_day=_("Present by day"),
        visits=pgettext("heading", "Good-practice visits"),
        tour=_("Round of introductions (tour de table)"),
        brainstorm=_("Brainstorm"), hidden_note=_("hidden"),
        discussions=_("Discussions"), question=_("Question"), key_points=_("Key points"),
        speaking_time=_("Speaking time by category"), turns=_("Turns"), time=_("Time"),
        group_work=_("Small-group work"), composition=_("Composition"),
        factor=_("Factor"), solutions=_("Solutions"),
        responsibility=_("Responsibility (municipality / state / community)"),
        top_factor=_("★ one of the group's three most significant factors"),
        comparison=_("Comparison of the groups' conclusions"),
        common=_("Common to the experts and the community"),
        experts_only=_("Raised by the experts only"),
        community_only=_("Raised by the community only"),
        experts=_("Experts"), community=_("Community"),
        chart_title=_("Who should act: the experts' and the community's view"),
        chart_note=_("Average split of responsibility over the factors of each theme, in "
                     "per cent. Themes raised by both sides."),
        overall=_("All factors"),
        not_confirmed=_("The facilitator has not confirmed these themes yet."),
        summary=_("Summary of the day"),
        feedback=_("Feedback and suggestions for the next meeting"),
        feedback_notes=_("Feedback"), suggestions=_("Suggestions for the next meeting"),
        other_notes=_("Other notes"),
        annex=_("Annex: list of participants present"),
        name=_("Name"), institution=_("Institution"),
        generated=_("Report produced with Sanāksme on %(date)s."),
        merged_note=_("also said"),
    )


def duration(seconds: int) -> str:
    """"1 h 05 min", "12 min 30 s", "45 s"."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return _("%(h)d h %(m)02d min") % {"h": hours, "m": minutes}
    if minutes:
        return _("%(m)d min %(s)02d s") % {"m": minutes, "s": secs} if secs else \
            _("%(m)d min") % {"m": minutes}
    return _("%(s)d s") % {"s": secs}


def minutes_delta(delta: int | None) -> str:
    if delta is None:
        return ""
    if delta == 0:
        return "±0"
    return f"+{delta}" if delta > 0 else f"−{-delta}"


def split_text(split: Shares | None) -> str:
    if split is None:
        return "–"
    return f"{split.municipality} / {split.state} / {split.community} %"


def visit_count(count: int) -> str:
    """How many of a site's notes were observations from the visit itself."""
    return ngettext("%(count)d of these notes is an observation from the visit.",
                    "%(count)d of these notes are observations from the visit.",
                    count) % {"count": count}


def hidden_count(count: int) -> str:
    return ngettext("%(count)d note hidden by the facilitator is left out.",
                    "%(count)d notes hidden by the facilitator are left out.",
                    count) % {"count": count}


def tour_line(speakers: int, total: int, average: int, allowed: int, overruns: int,
              skipped: int) -> str:
    """One sentence on a tour de table."""
    text = ngettext("%(count)d participant introduced themselves",
                    "%(count)d participants introduced themselves", speakers) % {
        "count": speakers}
    text += _(" in %(total)s, on average %(average)s each") % {
        "total": duration(total), "average": duration(average)}
    if allowed:
        text += _(" (limit %(limit)s)") % {"limit": duration(allowed)}
    text += "."
    if allowed:
        text += " " + ngettext("%(count)d speaker went over the limit.",
                               "%(count)d speakers went over the limit.",
                               overruns) % {"count": overruns}
    if skipped:
        text += " " + ngettext("%(count)d registered person was not there.",
                               "%(count)d registered people were not there.",
                               skipped) % {"count": skipped}
    return text


def turns_line(turns: int, seconds: int) -> str:
    return ngettext("%(count)d turn to speak, %(time)s in total.",
                    "%(count)d turns to speak, %(time)s in total.", turns) % {
        "count": turns, "time": duration(seconds)}


def group_line(members: int, presented: int) -> str:
    text = ngettext("%(count)d member", "%(count)d members", members) % {"count": members}
    if presented:
        text += "; " + _("presented in %(time)s") % {"time": duration(presented)}
    return text


def present_line(present: int, registered: int) -> str:
    return _("%(present)d of %(registered)d registered participants took part.") % {
        "present": present, "registered": registered}
