"""Speaking timers as absolute times, not ticking counters (OpenSlides' projector idea).

A running timer stores when it ends; a paused one stores what was left. Screens count
down locally from `ends_at` and stay in step after a reconnect. Time is passed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

WARN_SHARE = 0.2  # warn in the last fifth of the time…
WARN_MAX = dt.timedelta(seconds=30)  # …but never earlier than 30 s before the end


class Phase(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    WARNING = "warning"
    OVERRUN = "overrun"
    PAUSED = "paused"


@dataclass(frozen=True)
class Countdown:
    allowed: dt.timedelta
    started_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None  # set while running
    left: dt.timedelta | None = None  # set while paused

    @property
    def running(self) -> bool:
        return self.ends_at is not None


def start(allowed: dt.timedelta, *, now: dt.datetime) -> Countdown:
    """A countdown of `allowed` from `now`."""
    return Countdown(allowed=allowed, started_at=now, ends_at=now + allowed)


def pause(timer: Countdown, *, now: dt.datetime) -> Countdown:
    """Freeze what is left (negative when already over time); no-op unless running."""
    if timer.ends_at is None:
        return timer
    return replace(timer, ends_at=None, left=timer.ends_at - now)


def resume(timer: Countdown, *, now: dt.datetime) -> Countdown:
    """Go on from what was left; no-op unless paused."""
    if timer.left is None:
        return timer
    return replace(timer, ends_at=now + timer.left, left=None)


def add_time(timer: Countdown, extra: dt.timedelta) -> Countdown:
    """Give the speaker more (or, negative, less) time, running or paused."""
    if timer.ends_at is not None:
        return replace(timer, allowed=timer.allowed + extra, ends_at=timer.ends_at + extra)
    if timer.left is not None:
        return replace(timer, allowed=timer.allowed + extra, left=timer.left + extra)
    return replace(timer, allowed=timer.allowed + extra)


def remaining(timer: Countdown, *, now: dt.datetime) -> dt.timedelta:
    """Time left; negative once over time."""
    if timer.ends_at is not None:
        return timer.ends_at - now
    if timer.left is not None:
        return timer.left
    return timer.allowed


def warn_before(allowed: dt.timedelta) -> dt.timedelta:
    """How long before the end the warning shows."""
    return min(allowed * WARN_SHARE, WARN_MAX)


def phase(timer: Countdown, *, now: dt.datetime) -> Phase:
    if timer.started_at is None:
        return Phase.IDLE
    if timer.left is not None:
        return Phase.PAUSED
    left = remaining(timer, now=now)
    if left < dt.timedelta(0):
        return Phase.OVERRUN
    if left <= warn_before(timer.allowed):
        return Phase.WARNING
    return Phase.RUNNING
