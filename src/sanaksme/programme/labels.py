"""Words for the codes the domain returns: parameter names, options, findings."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from sanaksme.core.dates import format_time

from .domain.checks import Code, Finding

PARAM_LABELS = {
    "site": gettext_lazy("Site visited"),
    "minutes_per_speaker": gettext_lazy("Minutes per speaker"),
    "sites": gettext_lazy("Sites (one sheet each)"),
    "prompts": gettext_lazy("Other prompts (one sheet each, one per line)"),
    "columns": gettext_lazy("Columns of each sheet"),
    "reply_kinds": gettext_lazy("Kinds of reply"),
    "repliers": gettext_lazy("Who may reply to notes"),
    "topic": gettext_lazy("Topic"),
    "videos": gettext_lazy("Videos (one per line)"),
    "question": gettext_lazy("Question"),
    "priority": gettext_lazy("Invited to speak first"),
    "random_groups": gettext_lazy("Number of random groups"),
    "random_categories": gettext_lazy("Drawn at random from"),
    "dedicated_categories": gettext_lazy("Own group for"),
    "responsibility": gettext_lazy("Responsibility split between"),
    "order": gettext_lazy("Presentation order"),
    "minutes_per_group": gettext_lazy("Minutes per group"),
    "compare": gettext_lazy("Compare the groups' results"),
    "kinds": gettext_lazy("Kinds of note"),
    "anonymous": gettext_lazy("Anonymous"),
}

OPTION_LABELS = {
    "positive": gettext_lazy("Positive"),
    "problem": gettext_lazy("Problems"),
    "existing_solution": gettext_lazy("Existing solutions"),
    "possible_solution": gettext_lazy("Possible solutions"),
    "comment": gettext_lazy("Comment"),
    "clarification": gettext_lazy("Clarification"),
    "explanation": gettext_lazy("Explanation"),
    "addition": gettext_lazy("Addition"),
    "roma_mediator": gettext_lazy("Roma mediators present"),
    "mediator_municipality": gettext_lazy("People from municipalities that have had Roma mediators"),
    "random_first": gettext_lazy("Random groups first, own groups last"),
    "dedicated_first": gettext_lazy("Own groups first, random groups last"),
    "as_formed": gettext_lazy("In the order the groups were formed"),
    "municipality": gettext_lazy("Municipality"),
    "state": gettext_lazy("State"),
    "community": gettext_lazy("Community"),
    "feedback": gettext_lazy("Feedback"),
    "suggestion": gettext_lazy("Suggestion for the next meeting"),
    "regional_expert": gettext_lazy("Regional experts"),
    "municipal": gettext_lazy("Municipal representatives"),
    "expert": gettext_lazy("Experts"),
    "roma_community": gettext_lazy("Roma community representatives"),
    "organiser": gettext_lazy("Organisers"),
}


def option_label(code: str) -> str:
    return str(OPTION_LABELS.get(code, code))


def finding_message(finding: Finding) -> str:
    """One sentence, with the numbers, for a planning finding."""
    v = finding.values
    if finding.code is Code.TOUR_TOO_LONG:
        return _("Tour de table: %(registered)d registered × %(minutes)d min = "
                 "%(needed)d min, the slot is %(slot)d min.") % v
    if finding.code is Code.OVERLAP:
        return ngettext(
            "“%(title)s” overlaps “%(other)s” by %(minutes)d minute.",
            "“%(title)s” overlaps “%(other)s” by %(minutes)d minutes.", v["minutes"]) % v
    if finding.code is Code.ENDS_BEFORE_START:
        return _("“%(title)s” ends before it starts.") % v
    if finding.code is Code.NO_TIME:
        return _("“%(title)s” has no start or end time.") % v
    if finding.code is Code.OUTSIDE_DAY_HOURS:
        return _("“%(title)s” is outside the day's hours (%(start)s–%(end)s).") % {
            "title": v["title"], "start": format_time(v["day_starts"]) or "…",
            "end": format_time(v["day_ends"]) or "…"}
    if finding.code is Code.DAY_OUTSIDE_MEETING:
        return _("Day %(date)s is outside the meeting's dates.") % {
            "date": v["date"].isoformat()}
    if finding.code is Code.DEDICATED_GROUP_EMPTY:
        return _("Group work: the own group of “%(category)s” needs at least 2 "
                 "people; %(registered)d registered.") % {
            "category": option_label(v["category"]), "registered": v["registered"]}
    if finding.code is Code.TOO_FEW_FOR_GROUPS:
        return _("Group work: %(groups)d random groups need at least %(needed)d people "
                 "of the chosen categories; %(pool)d registered.") % v
    return _("“%(title)s”: group presentations come before any group work.") % v
