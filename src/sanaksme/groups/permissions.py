"""Fetch-and-authorise for small groups: a screen may touch only its meeting's groups,
and a phone only its own group's worksheet."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.programme.models import Meeting

from .models import Factor, Group, GroupSet, Membership, Showing, Solution, Theme
from .selectors import GROUP_METHODS
from .services.showing import group_set_for, showing_get_or_create


def _id(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise DomainError(_("The message is incomplete."))


def access_group_set(meeting_id: int) -> GroupSet:
    """The groups of the agenda item on the screens now."""
    item = Meeting.objects.select_related("current_item__day").get(pk=meeting_id).current_item
    if item is None or item.method not in GROUP_METHODS:
        raise DomainError(_("The small groups are not on the screens now."))
    group_set = group_set_for(item)
    if group_set is None:
        raise DomainError(_("Form the groups in the group-work item first."))
    return group_set


def access_showing(meeting_id: int) -> Showing:
    item = Meeting.objects.select_related("current_item__day").get(pk=meeting_id).current_item
    if item is None or item.method != GROUP_METHODS[1]:
        raise DomainError(_("The group presentations are not on the screens now."))
    return showing_get_or_create(item=item)


def access_group(group_set: GroupSet, group_id: Any) -> Group:
    group = Group.objects.filter(pk=_id(group_id), group_set=group_set).select_related(
        "group_set").first()
    if group is None:
        raise DomainError(_("That group is not in this meeting."))
    return group


def access_own_group(group_set: GroupSet, participant_id: int) -> Group:
    """A phone's own group (writing elsewhere is refused)."""
    membership = Membership.objects.filter(group_set=group_set, participant_id=participant_id
                                           ).select_related("group__group_set").first()
    if membership is None:
        raise DomainError(_("You are not in a group yet: ask the facilitator."))
    return membership.group


def access_factor(group_set: GroupSet, factor_id: Any, group: Group | None = None) -> Factor:
    found = Factor.objects.filter(pk=_id(factor_id), group__group_set=group_set)
    if group is not None:
        found = found.filter(group=group)
    factor = found.select_related("group__group_set").first()
    if factor is None:
        raise DomainError(_("That factor is not on your worksheet."))
    return factor


def access_solution(group_set: GroupSet, solution_id: Any,
                    group: Group | None = None) -> Solution:
    found = Solution.objects.filter(pk=_id(solution_id), factor__group__group_set=group_set)
    if group is not None:
        found = found.filter(factor__group=group)
    solution = found.select_related("factor__group__group_set").first()
    if solution is None:
        raise DomainError(_("That solution is not on your worksheet."))
    return solution


def access_theme(group_set: GroupSet, theme_id: Any) -> Theme:
    theme = Theme.objects.filter(pk=_id(theme_id), group_set=group_set).select_related(
        "group_set").first()
    if theme is None:
        raise DomainError(_("That theme is not in this comparison."))
    return theme
