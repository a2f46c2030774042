"""Presenting's live actions (slides, video, summary on the projector) and its part of
a screen's state (registries: live/actions.py, live/state.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from sanaksme.live.actions import CONSOLE, ActionContext, Reply, live_action
from sanaksme.live.channel_groups import Audience
from sanaksme.live.payload import Empty
from sanaksme.live.state import OMIT, Screen, state_part
from sanaksme.programme.models import Meeting

from . import services
from .selectors import has_presenting, presenting_state


@dataclass(frozen=True)
class SlideShow:
    deck: int
    page: int  # the page wanted, not "one more"


@live_action("slide_show", audiences={CONSOLE})
def slide_show(ctx: ActionContext, payload: SlideShow) -> Reply:
    services.slide_show(item=ctx.current_item(), deck_id=payload.deck, page=payload.page)
    return None


@dataclass(frozen=True)
class VideoShow:
    video: int


@live_action("video_show", audiences={CONSOLE})
def video_show(ctx: ActionContext, payload: VideoShow) -> Reply:
    services.video_show(item=ctx.current_item(), video_id=payload.video)
    return None


@dataclass(frozen=True)
class VideoPlay:
    playing: bool


@live_action("video_play", audiences={CONSOLE})
def video_play(ctx: ActionContext, payload: VideoPlay) -> Reply:
    services.video_play(item=ctx.current_item(), playing=payload.playing)
    return None


@live_action("screen_clear", audiences={CONSOLE})
def screen_clear(ctx: ActionContext, payload: Empty) -> Reply:
    services.screen_clear(item=ctx.current_item())
    return None


@dataclass(frozen=True)
class SummaryWrite:
    text: str


@live_action("summary_write", audiences={CONSOLE})
def summary_write(ctx: ActionContext, payload: SummaryWrite) -> Reply:
    services.summary_write(item=ctx.current_item(), text=payload.text)
    return None


@dataclass(frozen=True)
class SummaryShow:
    shown: bool


@live_action("summary_show", audiences={CONSOLE})
def summary_show(ctx: ActionContext, payload: SummaryShow) -> Reply:
    services.summary_show(item=ctx.current_item(), shown=payload.shown)
    return None


@state_part("presenting")
def presenting(screen: Screen) -> Any:
    if screen.item is None or not has_presenting(screen.item):
        return OMIT
    state = presenting_state(screen.item, url_for=_file_url(screen.meeting, screen.audience),
                             console=screen.console)
    if screen.console:
        state["materials_url"] = reverse("presenting:materials",
                                         args=[screen.meeting.slug, screen.item.pk])
    return state


def _file_url(meeting: Meeting, audience: Audience) -> Callable[[str], str]:
    """Slide and video addresses for this screen: the console's need a login, the
    projector's carry its token; phones get none (they show the slide number only)."""
    def url(key: str) -> str:
        if audience is Audience.CONSOLE:
            return reverse("presenting:console-file", args=[meeting.slug, key])
        if audience is Audience.PROJECTOR:
            return reverse("presenting:projector-file",
                           args=[meeting.slug, meeting.projector_token, key])
        return ""
    return url
