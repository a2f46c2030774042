"""Speaking's live actions (tour de table, discussion) and its part of a screen's
state (registries: live/actions.py, live/state.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from sanaksme.live.actions import CONSOLE, PHONE, ActionContext, Reply, live_action
from sanaksme.live.opening import item_closed
from sanaksme.live.payload import Empty, MaxLen, refusal
from sanaksme.live.state import OMIT, Screen, state_part
from sanaksme.programme.models import AgendaItem

from . import services
from .models import Round
from .selectors import speaking_state
from .services import SPEAKING_METHODS


def _round(ctx: ActionContext) -> Round:
    return services.round_get_or_create(item=ctx.current_item())


@dataclass(frozen=True)
class TurnNext:
    expected: int | None = None  # the turn the console saw: a stale one does nothing
    step: Literal[1, -1] = 1


@live_action("turn_next", audiences={CONSOLE})
def turn_next(ctx: ActionContext, payload: TurnNext) -> Reply:
    services.turn_next(round_=_round(ctx), expected=payload.expected, step=payload.step)
    return None


@live_action("turn_pause", audiences={CONSOLE})
def turn_pause(ctx: ActionContext, payload: Empty) -> Reply:
    services.turn_pause(round_=_round(ctx))
    return None


@live_action("turn_resume", audiences={CONSOLE})
def turn_resume(ctx: ActionContext, payload: Empty) -> Reply:
    services.turn_resume(round_=_round(ctx))
    return None


@dataclass(frozen=True)
class Seconds:
    seconds: int


@live_action("turn_add_time", audiences={CONSOLE})
def turn_add_time(ctx: ActionContext, payload: Seconds) -> Reply:
    services.turn_add_time(round_=_round(ctx), seconds=payload.seconds)
    return None


@dataclass(frozen=True)
class TurnCall:
    hand: int
    expected: int | None = None


@live_action("turn_call", audiences={CONSOLE})
def turn_call(ctx: ActionContext, payload: TurnCall) -> Reply:
    services.turn_call(round_=_round(ctx), expected=payload.expected, hand_id=payload.hand)
    return None


@dataclass(frozen=True)
class TurnWrite:
    turn: int
    minutes: str = ""
    key_points: Annotated[list[str], MaxLen(100)] = field(default_factory=list)


@live_action("turn_write", audiences={CONSOLE})
def turn_write(ctx: ActionContext, payload: TurnWrite) -> Reply:
    services.turn_write(round_=_round(ctx), turn_id=payload.turn, minutes=payload.minutes,
                        key_points=payload.key_points)
    return None


@dataclass(frozen=True)
class HandRaise:
    participant: int | None = None  # console: whose hand (a phone raises its own)


@live_action("hand_raise", audiences={CONSOLE, PHONE})
def hand_raise(ctx: ActionContext, payload: HandRaise) -> Reply:
    if ctx.from_phone:
        who, by_facilitator = ctx.participant_id, False
    else:
        who, by_facilitator = payload.participant, True
    if who is None:
        raise refusal("participant")
    services.hand_raise(round_=_round(ctx), participant_id=who,
                        by_facilitator=by_facilitator)
    return None


@live_action("hand_lower", audiences={PHONE})
def hand_lower(ctx: ActionContext, payload: Empty) -> Reply:
    services.hand_lower(round_=_round(ctx), participant_id=ctx.phone_participant_id)
    return None


@dataclass(frozen=True)
class Show:
    show: bool


@live_action("round_show_key_points", audiences={CONSOLE})
def round_show_key_points(ctx: ActionContext, payload: Show) -> Reply:
    services.round_show_key_points(round_=_round(ctx), show=payload.show)
    return None


@dataclass(frozen=True)
class RoundArrange:
    order: list[int]  # participant ids


@live_action("round_arrange", audiences={CONSOLE})
def round_arrange(ctx: ActionContext, payload: RoundArrange) -> Reply:
    services.round_arrange(round_=_round(ctx), order=payload.order)
    return None


@dataclass(frozen=True)
class RoundSkip:
    participant: int
    skipped: bool


@live_action("round_skip", audiences={CONSOLE})
def round_skip(ctx: ActionContext, payload: RoundSkip) -> Reply:
    services.round_skip(round_=_round(ctx), participant_id=payload.participant,
                        skipped=payload.skipped)
    return None


@state_part("speaking")
def speaking(screen: Screen) -> Any:
    if screen.item is None or screen.item.method not in SPEAKING_METHODS:
        return OMIT
    return speaking_state(screen.item, console=screen.console)


@item_closed
def turn_end(item: AgendaItem) -> None:
    """Leaving a tour de table or a discussion ends the turn under way."""
    if item.method in SPEAKING_METHODS:
        services.round_leave(item=item)
