"""The record of a meeting as frozen dataclasses: what `record.parse_record` returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    name: str
    category: str
    institution: str = ""
    municipality: str = ""
    roma_mediator: bool = False
    municipality_had_mediators: bool = False


@dataclass(frozen=True)
class ItemStart:
    title: str
    started: dt.time


@dataclass(frozen=True)
class DayRun:
    date: dt.date
    arrived: dt.time
    absent: tuple[str, ...]
    late: tuple[tuple[str, dt.time], ...]
    items: tuple[ItemStart, ...]
    ended: dt.time


@dataclass(frozen=True)
class TourTurn:
    name: str
    seconds: int


@dataclass(frozen=True)
class Tour:
    item: str
    opening: int
    skipped: tuple[str, ...]
    turns: tuple[TourTurn, ...]


@dataclass(frozen=True)
class ReplyEntry:
    kind: str
    by: str
    text: str


@dataclass(frozen=True)
class NoteEntry:
    column: str
    text: str
    by: str | None = None
    typed: bool = False
    key: str | None = None
    hidden: str | None = None
    merge_into: str | None = None
    replies: tuple[ReplyEntry, ...] = ()


@dataclass(frozen=True)
class SheetRun:
    sheet: str  # the sheet key: "site-<site key>", "prompt-<n>" or "main"
    start: dt.time
    end: dt.time
    notes: tuple[NoteEntry, ...]  # column by column, as on the sheet


@dataclass(frozen=True)
class Brainstorm:
    item: str
    sheets: tuple[SheetRun, ...]


@dataclass(frozen=True)
class DiscussionTurn:
    name: str
    seconds: int
    raised: dt.time | None = None
    by_facilitator: bool = False
    minutes: str = ""
    key_points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Discussion:
    item: str
    opening: int
    turns: tuple[DiscussionTurn, ...]


@dataclass(frozen=True)
class FactorEntry:
    text: str
    responsibility: tuple[int, int, int]  # municipality, state, community (0–10 taps)
    solutions: tuple[str, ...]


@dataclass(frozen=True)
class Worksheet:
    group: int
    place: str
    factors: tuple[FactorEntry, ...]


@dataclass(frozen=True)
class GroupWork:
    item: str
    seed: int
    drawn: dt.time
    start: dt.time
    end: dt.time
    worksheets: tuple[Worksheet, ...]


@dataclass(frozen=True)
class ThemeEdit:
    label: str
    factors: tuple[tuple[int, int], ...]  # (group number, factor number), 1-based


@dataclass(frozen=True)
class PresentationTurn:
    group: int
    seconds: int


@dataclass(frozen=True)
class Presentations:
    item: str
    start: dt.time
    groups: tuple[PresentationTurn, ...]
    compared: dt.time
    themes: tuple[ThemeEdit, ...]
    confirmed: dt.time


@dataclass(frozen=True)
class Summary:
    item: str
    drafted: dt.time
    written: dt.time
    text: str


@dataclass(frozen=True)
class Feedback:
    item: str
    start: dt.time
    end: dt.time
    notes: tuple[tuple[str, str], ...]  # (kind, text)


@dataclass(frozen=True)
class Record:
    programme: str
    slug: str
    prepared: dt.datetime  # wall time in the meeting's time zone
    participants: tuple[Person, ...]
    days: tuple[DayRun, ...]
    tour: Tour | None
    brainstorm: Brainstorm | None
    discussions: tuple[Discussion, ...]
    group_work: GroupWork | None
    presentations: Presentations | None
    summary: Summary | None
    feedback: Feedback | None

    @property
    def brainstorm_notes(self) -> list[NoteEntry]:
        return [n for s in (self.brainstorm.sheets if self.brainstorm else ()) for n in s.notes]


# Reading ------------------------------------------------------------------------------
