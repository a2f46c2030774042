"""Small-group intents from the console and from phones (synchronous side).

A phone writes on its own group's worksheet only; the console may write on any, form
the groups, run the presentations and correct the comparison.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.groups.models import Group, GroupSet
from sanaksme.groups.permissions import (
    access_factor,
    access_group,
    access_group_set,
    access_own_group,
    access_showing,
    access_solution,
    access_theme,
)
from sanaksme.groups.services import comparison, formation, showing, summary, worksheets
from sanaksme.programme.models import Meeting

from .access import as_bool, as_int

WORKSHEET_ACTIONS = ("factor.add", "factor.edit", "factor.hide", "factor.arrange",
                     "factor.weigh", "solution.add", "solution.edit", "solution.hide")
CONSOLE_GROUP_ACTIONS = (*WORKSHEET_ACTIONS, "groups.draw", "groups.move",
                         "groups.add_late", "groups.place", "groups.open", "show.next",
                         "show.back", "show.pause", "show.add", "compare.run",
                         "compare.confirm", "compare.show", "theme.merge", "theme.rename",
                         "factor.theme", "summary.draft")


def _text(data: dict[str, Any], key: str = "text") -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise DomainError(_("The message is incomplete."))
    return value


def _worksheet(group_set: GroupSet, own: Group | None, data: dict[str, Any],
               author_id: int | None) -> dict[str, Any]:
    """Edit a worksheet: `own` is the phone's group (None: the console, any group)."""
    action = data["action"]
    if action in ("factor.add", "factor.arrange"):
        group = own or access_group(group_set, data.get("group"))
        if action == "factor.add":
            factor = worksheets.factor_add(group=group, text=_text(data),
                                           client_id=_text(data, "client_id"),
                                           author_id=author_id)
            return {"type": "ack", "client_id": data["client_id"], "factor_id": factor.pk}
        order = data.get("order")
        if not isinstance(order, list) or len(order) > 200:
            raise DomainError(_("The message is incomplete."))
        worksheets.factor_arrange(group=group, order=[as_int(i) for i in order])
    elif action.startswith("factor."):
        factor = access_factor(group_set, data.get("factor"), own)
        if action == "factor.edit":
            worksheets.factor_edit(factor=factor, text=_text(data))
        elif action == "factor.hide":
            worksheets.factor_hide(factor=factor, hidden=as_bool(data.get("hidden")))
        elif action == "factor.weigh":
            weights = data.get("weights")
            if not isinstance(weights, dict):
                raise DomainError(_("The message is incomplete."))
            worksheets.factor_weigh(factor=factor, **{
                part: as_int(weights.get(part)) for part in ("municipality", "state",
                                                            "community")})
        elif action == "factor.theme" and own is None:
            theme = data.get("theme")
            comparison.factor_set_theme(
                factor=factor,
                theme=None if theme is None else access_theme(group_set, theme))
        else:
            raise DomainError(_("Unknown action."))
    elif action == "solution.add":
        factor = access_factor(group_set, data.get("factor"), own)
        worksheets.solution_add(factor=factor, text=_text(data),
                                client_id=_text(data, "client_id"))
        return {"type": "ack", "client_id": data["client_id"]}
    else:
        solution = access_solution(group_set, data.get("solution"), own)
        if action == "solution.edit":
            worksheets.solution_edit(solution=solution, text=_text(data))
        else:
            worksheets.solution_hide(solution=solution, hidden=as_bool(data.get("hidden")))
    return {"type": "done", "action": action}


def phone_group(meeting_id: int, participant_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """A member edits their group's worksheet."""
    if data["action"] not in WORKSHEET_ACTIONS:
        raise DomainError(_("Unknown action."))
    group_set = access_group_set(meeting_id)
    own = access_own_group(group_set, participant_id)
    return _worksheet(group_set, own, data, participant_id)


def console_group(meeting_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """Form groups, write for a group, run presentations, correct the comparison."""
    action = data["action"]
    if action == "groups.draw":
        item = Meeting.objects.select_related("current_item__day").get(
            pk=meeting_id).current_item
        if item is None:
            raise DomainError(_("No agenda item is on the screens."))
        everyone = data.get("everyone", False)
        formation.groups_draw(item=item, everyone=as_bool(everyone))
        return {"type": "done", "action": action}
    if action == "summary.draft":
        item = Meeting.objects.select_related("current_item__day__meeting").get(
            pk=meeting_id).current_item
        if item is None or item.method != "summary":
            raise DomainError(_("The day's summary is not on the screens now."))
        summary.summary_add_draft(item=item)
        return {"type": "done", "action": action}
    if action.startswith("show."):
        return _show(meeting_id, data)
    group_set = access_group_set(meeting_id)
    if action in WORKSHEET_ACTIONS or action == "factor.theme":
        return _worksheet(group_set, None, data, None)
    if action == "groups.move":
        formation.group_move(group_set=group_set, participant_id=as_int(data.get("participant")),
                             group_id=as_int(data.get("group")))
    elif action == "groups.add_late":
        formation.groups_add_late(group_set=group_set)
    elif action == "groups.place":
        formation.group_set_place(group=access_group(group_set, data.get("group")),
                                  place=_text(data, "place"))
    elif action == "groups.open":
        formation.worksheets_set_open(group_set=group_set, is_open=as_bool(data.get("open")))
    elif action == "compare.run":
        comparison.comparison_propose(group_set=group_set)
    elif action == "compare.confirm":
        comparison.comparison_confirm(group_set=group_set)
    elif action == "compare.show":
        showing.comparison_show(showing=access_showing(meeting_id),
                                shown=as_bool(data.get("shown")))
    elif action == "theme.merge":
        comparison.theme_merge(theme=access_theme(group_set, data.get("theme")),
                               into=access_theme(group_set, data.get("into")))
    elif action == "theme.rename":
        comparison.theme_rename(theme=access_theme(group_set, data.get("theme")),
                                label=_text(data, "label"))
    else:
        raise DomainError(_("Unknown action."))
    return {"type": "done", "action": action}


def _show(meeting_id: int, data: dict[str, Any]) -> dict[str, Any]:
    action = data["action"]
    current = access_showing(meeting_id)
    expected = data.get("expected")
    expected = expected if isinstance(expected, int) and not isinstance(expected, bool) else None
    if action in ("show.next", "show.back"):
        showing.showing_next(showing=current, expected=expected,
                             step=1 if action == "show.next" else -1)
    elif action == "show.pause":
        showing.showing_pause(showing=current, paused=as_bool(data.get("paused")))
    elif action == "show.add":
        showing.showing_add_time(showing=current, seconds=as_int(data.get("seconds")))
    else:
        raise DomainError(_("Unknown action."))
    return {"type": "done", "action": action}
