"""Small groups' live actions (worksheets, formation, presentations, comparison) and
their part of a screen's state (registries: live/actions.py, live/state.py).

A phone writes on its own group's worksheet only; the console may write on any (the
`group` field), form the groups, run the presentations and correct the comparison.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from django.utils.translation import gettext as _

from sanaksme.live.actions import CONSOLE, PHONE, ActionContext, Reply, live_action
from sanaksme.live.channel_groups import Audience
from sanaksme.live.payload import Empty, MaxLen
from sanaksme.live.state import OMIT, Phone, Screen, phone_part, state_part
from sanaksme.programme.domain.methods import Method

from .models import Group, GroupSet
from .permissions import (
    access_factor,
    access_group,
    access_group_set,
    access_own_group,
    access_showing,
    access_solution,
    access_theme,
)
from .selectors import GROUP_METHODS, groups_state, my_group_id
from .services import comparison, formation, showing, summary, worksheets

BOTH = {CONSOLE, PHONE}


def _worksheets(ctx: ActionContext) -> tuple[GroupSet, Group | None]:
    """The current groups, and the phone's own group (None: the console, any group)."""
    group_set = access_group_set(ctx.meeting_id)
    if not ctx.from_phone:
        return group_set, None
    return group_set, access_own_group(group_set, ctx.phone_participant_id)


# Worksheets (phone: its own group; console: any) ---------------------------------------


@dataclass(frozen=True)
class FactorAdd:
    text: str
    client_id: str
    group: int | None = None  # console: which group (a phone writes on its own)


@live_action("factor_add", audiences=BOTH)
def factor_add(ctx: ActionContext, payload: FactorAdd) -> Reply:
    group_set, own = _worksheets(ctx)
    factor = worksheets.factor_add(group=own or access_group(group_set, payload.group),
                                   text=payload.text, client_id=payload.client_id,
                                   author_id=ctx.participant_id)
    return {"type": "ack", "client_id": payload.client_id, "factor_id": factor.pk}


@dataclass(frozen=True)
class FactorArrange:
    order: Annotated[list[int], MaxLen(200)]  # factor ids
    group: int | None = None


@live_action("factor_arrange", audiences=BOTH)
def factor_arrange(ctx: ActionContext, payload: FactorArrange) -> Reply:
    group_set, own = _worksheets(ctx)
    worksheets.factor_arrange(group=own or access_group(group_set, payload.group),
                              order=payload.order)
    return None


@dataclass(frozen=True)
class FactorHide:
    factor: int
    hidden: bool


@live_action("factor_hide", audiences=BOTH)
def factor_hide(ctx: ActionContext, payload: FactorHide) -> Reply:
    group_set, own = _worksheets(ctx)
    worksheets.factor_hide(factor=access_factor(group_set, payload.factor, own),
                           hidden=payload.hidden)
    return None


@dataclass(frozen=True)
class Weights:
    municipality: int  # taps, 0-10 each
    state: int
    community: int


@dataclass(frozen=True)
class FactorWeigh:
    factor: int
    weights: Weights


@live_action("factor_weigh", audiences=BOTH)
def factor_weigh(ctx: ActionContext, payload: FactorWeigh) -> Reply:
    group_set, own = _worksheets(ctx)
    weights = payload.weights
    worksheets.factor_weigh(factor=access_factor(group_set, payload.factor, own),
                            municipality=weights.municipality, state=weights.state,
                            community=weights.community)
    return None


@dataclass(frozen=True)
class SolutionAdd:
    factor: int
    text: str
    client_id: str


@live_action("solution_add", audiences=BOTH)
def solution_add(ctx: ActionContext, payload: SolutionAdd) -> Reply:
    group_set, own = _worksheets(ctx)
    worksheets.solution_add(factor=access_factor(group_set, payload.factor, own),
                            text=payload.text, client_id=payload.client_id)
    return {"type": "ack", "client_id": payload.client_id}


@dataclass(frozen=True)
class SolutionHide:
    solution: int
    hidden: bool


@live_action("solution_hide", audiences=BOTH)
def solution_hide(ctx: ActionContext, payload: SolutionHide) -> Reply:
    group_set, own = _worksheets(ctx)
    worksheets.solution_hide(solution=access_solution(group_set, payload.solution, own),
                             hidden=payload.hidden)
    return None


# Forming the groups (console) --------------------------------------------------------


@dataclass(frozen=True)
class GroupsDraw:
    everyone: bool = False  # also the people not checked in


@live_action("groups_draw", audiences={CONSOLE})
def groups_draw(ctx: ActionContext, payload: GroupsDraw) -> Reply:
    formation.groups_draw(item=ctx.current_item(), everyone=payload.everyone)
    return None


@dataclass(frozen=True)
class GroupMove:
    participant: int
    group: int


@live_action("group_move", audiences={CONSOLE})
def group_move(ctx: ActionContext, payload: GroupMove) -> Reply:
    formation.group_move(group_set=access_group_set(ctx.meeting_id),
                         participant_id=payload.participant, group_id=payload.group)
    return None


@live_action("groups_add_late", audiences={CONSOLE})
def groups_add_late(ctx: ActionContext, payload: Empty) -> Reply:
    formation.groups_add_late(group_set=access_group_set(ctx.meeting_id))
    return None


@dataclass(frozen=True)
class GroupPlace:
    group: int
    place: str


@live_action("group_set_place", audiences={CONSOLE})
def group_set_place(ctx: ActionContext, payload: GroupPlace) -> Reply:
    group = access_group(access_group_set(ctx.meeting_id), payload.group)
    formation.group_set_place(group=group, place=payload.place)
    return None


@dataclass(frozen=True)
class WorksheetsOpen:
    open: bool


@live_action("worksheets_set_open", audiences={CONSOLE})
def worksheets_set_open(ctx: ActionContext, payload: WorksheetsOpen) -> Reply:
    formation.worksheets_set_open(group_set=access_group_set(ctx.meeting_id),
                                  is_open=payload.open)
    return None


# Presentations (console) -------------------------------------------------------------


@dataclass(frozen=True)
class ShowingNext:
    expected: int | None = None  # the presenting group the console saw
    step: Literal[1, -1] = 1


@live_action("showing_next", audiences={CONSOLE})
def showing_next(ctx: ActionContext, payload: ShowingNext) -> Reply:
    showing.showing_next(showing=access_showing(ctx.meeting_id), expected=payload.expected,
                         step=payload.step)
    return None


@dataclass(frozen=True)
class ShowingPause:
    paused: bool


@live_action("showing_pause", audiences={CONSOLE})
def showing_pause(ctx: ActionContext, payload: ShowingPause) -> Reply:
    showing.showing_pause(showing=access_showing(ctx.meeting_id), paused=payload.paused)
    return None


@dataclass(frozen=True)
class Seconds:
    seconds: int


@live_action("showing_add_time", audiences={CONSOLE})
def showing_add_time(ctx: ActionContext, payload: Seconds) -> Reply:
    showing.showing_add_time(showing=access_showing(ctx.meeting_id),
                             seconds=payload.seconds)
    return None


# Comparison (console) ----------------------------------------------------------------


@live_action("comparison_propose", audiences={CONSOLE})
def comparison_propose(ctx: ActionContext, payload: Empty) -> Reply:
    comparison.comparison_propose(group_set=access_group_set(ctx.meeting_id))
    return None


@live_action("comparison_confirm", audiences={CONSOLE})
def comparison_confirm(ctx: ActionContext, payload: Empty) -> Reply:
    comparison.comparison_confirm(group_set=access_group_set(ctx.meeting_id))
    return None


@dataclass(frozen=True)
class ComparisonShow:
    shown: bool


@live_action("comparison_show", audiences={CONSOLE})
def comparison_show(ctx: ActionContext, payload: ComparisonShow) -> Reply:
    showing.comparison_show(showing=access_showing(ctx.meeting_id), shown=payload.shown)
    return None


@dataclass(frozen=True)
class ThemeMerge:
    theme: int
    into: int


@live_action("theme_merge", audiences={CONSOLE})
def theme_merge(ctx: ActionContext, payload: ThemeMerge) -> Reply:
    group_set = access_group_set(ctx.meeting_id)
    comparison.theme_merge(theme=access_theme(group_set, payload.theme),
                           into=access_theme(group_set, payload.into))
    return None


@dataclass(frozen=True)
class ThemeRename:
    theme: int
    label: str


@live_action("theme_rename", audiences={CONSOLE})
def theme_rename(ctx: ActionContext, payload: ThemeRename) -> Reply:
    group_set = access_group_set(ctx.meeting_id)
    comparison.theme_rename(theme=access_theme(group_set, payload.theme),
                            label=payload.label)
    return None


@dataclass(frozen=True)
class OneTheme:
    theme: int


@live_action("theme_unconfirm", audiences={CONSOLE})
def theme_unconfirm(ctx: ActionContext, payload: OneTheme) -> Reply:
    group_set = access_group_set(ctx.meeting_id)
    comparison.theme_unconfirm(theme=access_theme(group_set, payload.theme))
    return None


@live_action("theme_confirm", audiences={CONSOLE})
def theme_confirm(ctx: ActionContext, payload: OneTheme) -> Reply:
    group_set = access_group_set(ctx.meeting_id)
    comparison.theme_confirm(theme=access_theme(group_set, payload.theme))
    return None


@live_action("comparison_undo", audiences={CONSOLE})
def comparison_undo(ctx: ActionContext, payload: Empty) -> Reply:
    comparison.comparison_undo(group_set=access_group_set(ctx.meeting_id))
    return None


@dataclass(frozen=True)
class FactorSetTheme:
    factor: int
    theme: int | None = None  # None: split the factor off into a theme of its own


@live_action("factor_set_theme", audiences={CONSOLE})
def factor_set_theme(ctx: ActionContext, payload: FactorSetTheme) -> Reply:
    group_set = access_group_set(ctx.meeting_id)
    theme = None if payload.theme is None else access_theme(group_set, payload.theme)
    comparison.factor_set_theme(factor=access_factor(group_set, payload.factor),
                                theme=theme)
    return None


@live_action("summary_add_draft", audiences={CONSOLE})
def summary_add_draft(ctx: ActionContext, payload: Empty) -> Reply:
    item = ctx.current_item(methods=(Method.SUMMARY.value,),
                            refusal=_("The day's summary is not on the screens now."))
    summary.summary_add_draft(item=item)
    return None


# State -------------------------------------------------------------------------------


@state_part("groups")
def groups(screen: Screen) -> Any:
    if screen.item is None or screen.item.method not in GROUP_METHODS:
        return OMIT
    # Phones get their own group's part (my_group below), never the others'.
    if screen.audience is Audience.PHONE:
        return None
    return groups_state(screen.item, audience=screen.audience.value)


def _phone_groups(phone: Phone, group_id: Any) -> Any:
    if phone.item is None:
        return None
    return groups_state(phone.item, audience="phone", group_id=group_id)


@phone_part("groups", build=_phone_groups)
def my_group(phone: Phone) -> Hashable:
    """The phone's small group (its worksheet is its own part of the state)."""
    if "groups" not in phone.shared or phone.item is None or phone.participant_id is None:
        return OMIT
    group_id: int | None = my_group_id(phone.item, phone.participant_id)
    return group_id
