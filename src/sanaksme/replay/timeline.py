"""The replay's clock and its timeline of steps. No database here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError

if TYPE_CHECKING:
    from .record import Record

MEETING_ZONE = ZoneInfo("Europe/Riga")  # the series' meetings are held in Latvia


class ReplayError(DomainError):
    """A step of the record could not be applied; the whole replay was rolled back."""


def zoned(date: dt.date, time: dt.time) -> dt.datetime:
    """A wall time on a meeting day as an aware datetime (Europe/Riga)."""
    return dt.datetime.combine(date, time, tzinfo=MEETING_ZONE)


class Clock:
    """What `timezone.now()` returns while a record is replayed; it only moves on."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, when: dt.datetime) -> None:
        if when < self.now:
            raise ReplayError(_("The clock cannot go back from %(now)s to %(when)s.")
                              % {"now": self.now.isoformat(), "when": when.isoformat()})
        self.now = when


@dataclass(frozen=True)
class Window:
    """When an agenda item was running: from its start to the next item's start."""

    title: str
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class Step:
    when: dt.datetime
    order: int
    label: str  # the record field this step comes from, for error messages
    action: Callable[[Any], None]
    within: str | None = None  # the title of the item it must happen during


@dataclass
class Timeline:
    """Steps collected from every part of the record, run in time order."""

    record: Record
    record_people: frozenset[str]  # every registered name
    windows: dict[str, Window] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)

    def at(self, when: dt.datetime, label: str, action: Callable[[Any], None],
           within: str | None = None) -> None:
        self.steps.append(Step(when, len(self.steps), label, action, within))

    def window(self, title: str) -> Window:
        return self.windows[title]

    def on(self, title: str, time: dt.time) -> dt.datetime:
        """A wall time on the day of the item `title`."""
        return zoned(self.windows[title].start.date(), time)

    def problems(self) -> list[str]:
        """Steps that fall outside the item they belong to, worded for the author."""
        found = []
        for step in self.steps:
            window = self.windows.get(step.within or "")
            if window and not window.start <= step.when <= window.end:
                found.append(_("%(field)s: at %(when)s, outside “%(title)s” "
                               "(%(start)s–%(end)s)")
                             % {"field": step.label, "when": f"{step.when:%H:%M:%S}",
                                "title": window.title, "start": f"{window.start:%H:%M}",
                                "end": f"{window.end:%H:%M}"})
        return found

    def ordered(self) -> list[Step]:
        return sorted(self.steps, key=lambda s: (s.when, s.order))


def spread(start: dt.datetime, end: dt.datetime, count: int) -> list[dt.datetime]:
    """`count` moments evenly inside [start, end], whole seconds, none at the edges."""
    span = (end - start).total_seconds()
    return [start + dt.timedelta(seconds=int(span * (k + 0.5) / max(count, 1)))
            for k in range(count)]
