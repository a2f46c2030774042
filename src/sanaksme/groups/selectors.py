"""The small-groups part of a live screen's state.

Privacy: the projector names the members of groups drawn at random but only counts
those of a dedicated group (being in it reveals a category: ethnic origin). A phone
gets its own group's members only if that group was drawn at random, and its own
group's worksheet only, until the worksheets are opened or the presentations begin.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from sanaksme.participants.models import Participant
from sanaksme.participants.selectors import participants_by_name
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.labels import option_label
from sanaksme.programme.models import AgendaItem

from .domain.comparison import GroupKind as Side
from .domain.comparison import theme_status
from .domain.worksheet import TOP, Presenter, average_shares, presentation_order, shares
from .models import Factor, Group, GroupSet, Membership, Showing, Theme
from .services.formation import rule_for
from .services.showing import group_set_for

GROUP_METHODS = (Method.GROUP_WORK.value, Method.GROUP_PRESENTATIONS.value)


def group_name(group: Group) -> str:
    return _("Group %(number)d") % {"number": group.number}


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def my_group_id(item: AgendaItem, participant_id: int) -> int | None:
    """The group of this participant in the groups the item works with."""
    group_set = group_set_for(item)
    if group_set is None:
        return None
    return Membership.objects.filter(group_set=group_set, participant_id=participant_id
                                     ).values_list("group_id", flat=True).first()


def worksheet(group: Group, factors: list[Factor], *, with_hidden: bool) -> dict[str, Any]:
    """One group's worksheet: factors in order of significance, solutions, shares."""
    shown = [f for f in factors if with_hidden or not f.hidden]
    rank = 0
    rows = []
    for f in shown:
        if not f.hidden:
            rank += 1
        split = shares((f.municipality, f.state, f.community))
        rows.append({
            "id": f.pk, "text": f.text, "hidden": f.hidden, "top": not f.hidden and rank <= TOP,
            "rank": rank if not f.hidden else None,
            "weights": {"municipality": f.municipality, "state": f.state,
                        "community": f.community},
            "shares": split.as_dict() if split else None,
            "solutions": [{"id": s.pk, "text": s.text, "hidden": s.hidden}
                          for s in f.solutions.all() if with_hidden or not s.hidden],
        })
    return {"group_id": group.pk, "number": group.number, "name": group_name(group),
            "place": group.place, "factors": rows}


def _factors_by_group(group_set: GroupSet) -> dict[int, list[Factor]]:
    by_group: dict[int, list[Factor]] = defaultdict(list)
    for f in Factor.objects.filter(group__group_set=group_set).prefetch_related(
            "solutions").order_by("position", "pk"):
        by_group[f.group_id].append(f)
    return by_group


def _members(group_set: GroupSet) -> dict[int, list[dict[str, Any]]]:
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for group_id, pid, name in Membership.objects.filter(group_set=group_set).values_list(
            "group_id", "participant_id", "participant__name").order_by(
            "participant__name", "participant_id"):
        members[group_id].append({"id": pid, "name": name})
    return members


def groups_state(item: AgendaItem, *, audience: str,
                 group_id: int | None = None) -> dict[str, Any]:
    """What a screen shows for a group-work or group-presentations item."""
    group_set = group_set_for(item)
    state: dict[str, Any] = {"kind": item.method,
                             "question": str(item.params.get("question", "") or ""),
                             "drawn": group_set is not None, "groups": [],
                             "worksheets": [], "my_group": group_id}
    if item.method == Method.GROUP_WORK.value and audience == "console":
        state["pool"] = _pool(item, group_set)
    if group_set is None:
        return state
    groups = list(group_set.groups.order_by("number"))
    members = _members(group_set)
    by_group = _factors_by_group(group_set)
    showing = (Showing.objects.filter(item=item).first()
               if item.method == Method.GROUP_PRESENTATIONS.value else None)
    state["open"] = group_set.worksheets_open
    state["seed"] = group_set.seed if audience == "console" else None
    for g in groups:
        # Names: the console all; the projector the groups drawn at random; a phone its
        # own group's, only if drawn at random (a dedicated group's members all share
        # the category: naming them to a phone would tell who is in it).
        named = audience == "console" or (g.kind == "random" and (
            audience == "projector" or g.pk == group_id))
        state["groups"].append({
            "id": g.pk, "number": g.number, "name": group_name(g), "place": g.place,
            "dedicated": g.kind == "dedicated", "size": len(members[g.pk]),
            "label": option_label(g.category) if audience == "console" and g.category else "",
            "members": members[g.pk] if named else [],
            "factors": sum(1 for f in by_group[g.pk] if not f.hidden),
        })
    everyone = (audience == "console" or group_set.worksheets_open
                or item.method == Method.GROUP_PRESENTATIONS.value)
    for g in groups:
        if everyone or g.pk == group_id:
            mine = audience == "console" or g.pk == group_id
            state["worksheets"].append(worksheet(g, by_group[g.pk], with_hidden=mine))
    if item.method == Method.GROUP_PRESENTATIONS.value:
        state["showing"] = _showing(item, showing, groups)
        state["comparison"] = comparison_state(group_set, groups, by_group)
        state["comparison"]["shown"] = bool(showing and showing.comparison_shown)
        state["comparison"]["enabled"] = bool(item.params.get("compare", True))
    return state


def _pool(item: AgendaItem, group_set: GroupSet | None) -> dict[str, Any]:
    rule = rule_for(item)
    everyone = participants_by_name(Participant.objects.filter(
        meeting_id=item.day.meeting_id))
    present = [p for p in everyone if p.present]
    placed = set()
    if group_set is not None:
        placed = set(Membership.objects.filter(group_set=group_set).values_list(
            "participant_id", flat=True))

    def eligible(people: list[Participant]) -> int:
        return sum(1 for p in people if rule.kind_for(p.category) is not None)

    waiting = [{"id": p.pk, "name": p.name} for p in present
               if p.pk not in placed and rule.kind_for(p.category) is not None]
    return {"present": len(present), "registered": len(everyone),
            "eligible_present": eligible(present), "eligible_all": eligible(everyone),
            "waiting": waiting if group_set is not None else []}


def _showing(item: AgendaItem, showing: Showing | None, groups: list[Group]) -> dict[str, Any]:
    by_id = {g.pk: g for g in groups}
    order = _order(item, groups)
    return {
        "order": [{"group_id": gid, "number": by_id[gid].number,
                   "name": group_name(by_id[gid]),
                   "presented_seconds": round(by_id[gid].presented_seconds)}
                  for gid in order if gid in by_id],
        "current": showing.current_id if showing else None,
        "finished": bool(showing and showing.finished),
        "allowed": showing.allowed_seconds if showing else int(
            item.params.get("minutes_per_group", 0) or 0) * 60,
        "started_at": _iso(showing.started_at) if showing else None,
        "ends_at": _iso(showing.ends_at) if showing else None,
        "left": showing.left_seconds if showing else None,
        "paused": bool(showing and showing.current_id and showing.resumed_at is None),
    }


def _order(item: AgendaItem, groups: list[Group]) -> list[int]:
    """The presenting order by the item's rule (the same as `showing_order`, from the
    groups already read)."""
    return presentation_order([Presenter(g.pk, g.number, g.kind == "dedicated")
                               for g in groups],
                              str(item.params.get("order", "random_first")))


def comparison_state(group_set: GroupSet, groups: list[Group],
                     by_group: dict[int, list[Factor]]) -> dict[str, Any]:
    """Themes with their factors, status and each side's average responsibility."""
    number = {g.pk: g.number for g in groups}
    side = {g.pk: Side.COMMUNITY if g.kind == "dedicated" else Side.EXPERTS for g in groups}
    factors: dict[int, list[Factor]] = defaultdict(list)
    for fs in by_group.values():
        for f in fs:
            if f.theme_id is not None and not f.hidden:
                factors[f.theme_id].append(f)
    themes: list[dict[str, Any]] = []
    for theme in Theme.objects.filter(group_set=group_set).order_by("position", "pk"):
        members = factors.get(theme.pk, [])
        if not members:
            continue
        sides = {side[f.group_id] for f in members}
        themes.append({
            "id": theme.pk, "label": theme.label, "confirmed": theme.confirmed,
            "status": theme_status(sides).value,
            "factors": [{"id": f.pk, "text": f.text, "group": number[f.group_id],
                         "side": side[f.group_id].value} for f in members],
            "experts": _avg([f for f in members if side[f.group_id] is Side.EXPERTS]),
            "community": _avg([f for f in members if side[f.group_id] is Side.COMMUNITY]),
        })
    order = {"common": 0, "experts_only": 1, "community_only": 2}
    themes.sort(key=lambda t: (order[t["status"]], -len(t["factors"])))
    unthemed = sum(1 for fs in by_group.values() for f in fs
                   if f.theme_id is None and not f.hidden)
    last = group_set.decisions.filter(undone=False).order_by("-number").first()
    return {"themes": themes, "unthemed": unthemed,
            "confirmed": bool(themes) and all(t["confirmed"] for t in themes),
            "last": None if last is None else {
                "number": last.number, "action": last.action,
                "moved": [int(i) for i in last.moved],
                "replaced": [int(i) for i in last.replaced]},
            "undo": last is not None}


def _avg(factors: list[Factor]) -> dict[str, int] | None:
    split = average_shares([shares((f.municipality, f.state, f.community)) for f in factors])
    return split.as_dict() if split else None
