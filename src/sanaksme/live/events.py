"""Typed live events. Each carries ids and small values only (JSON- and msgpack-safe).

Events that change what a live screen shows carry the meeting's sequence number
`seq`; a screen that sees a gap re-syncs from the database (STYLE §4).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, ClassVar, Literal


@dataclass(frozen=True)
class Event:
    type: ClassVar[str]
    meeting_id: int

    def payload(self) -> dict[str, Any]:
        """What a client receives: the type and the fields."""
        return {"type": self.type, **dataclasses.asdict(self)}

    def to_message(self) -> dict[str, Any]:
        """The channel-layer message: routed by `type`, with the client JSON made once;
        `seq` (if the event has one) lets each process know how far its screens are."""
        message: dict[str, Any] = {"type": self.type,
                                   "json": json.dumps(self.payload(), ensure_ascii=False)}
        seq = getattr(self, "seq", None)
        if isinstance(seq, int):
            message["seq"] = seq
        return message


@dataclass(frozen=True)
class ProgrammeChanged(Event):
    """The programme of a meeting was edited: agenda screens re-fetch it."""

    type: ClassVar[Literal["programme.changed"]] = "programme.changed"
    seq: int


@dataclass(frozen=True)
class CurrentItemChanged(Event):
    """The facilitator moved the meeting to another agenda item (or none)."""

    type: ClassVar[Literal["programme.current_item_changed"]] = (
        "programme.current_item_changed")
    seq: int
    item_id: int | None


@dataclass(frozen=True)
class NoteAdded(Event):
    """A note was stored; screens add it to its sheet and column."""

    type: ClassVar[Literal["boards.note_added"]] = "boards.note_added"
    seq: int
    note_id: int
    sheet_id: int
    column: str
    text: str
    client_id: str
    from_visit: bool = False  # an observation from the site visit (boards/visits.py)
    written_at: str | None = None  # when the phone says it was written (ISO 8601)


@dataclass(frozen=True)
class SeqAdvanced(Event):
    """Something this audience may not see happened; only the sequence moved on."""

    type: ClassVar[Literal["live.seq_advanced"]] = "live.seq_advanced"
    seq: int


@dataclass(frozen=True)
class NoteChanged(Event):
    """A note was hidden, shown, merged or unmerged. `notes` holds every note whose
    display changed, each as that audience's state shows it
    (`boards.selectors.note_entries`); the room's entries say `visible`."""

    type: ClassVar[Literal["boards.note_changed"]] = "boards.note_changed"
    seq: int
    sheet_id: int
    notes: list[dict[str, Any]]


@dataclass(frozen=True)
class ReplyAdded(Event):
    """An official's reply was stored under a note; screens add it (the kind's label
    is in the state's `item.reply_kinds`)."""

    type: ClassVar[Literal["boards.reply_added"]] = "boards.reply_added"
    seq: int
    note_id: int
    reply_id: int
    kind: str
    text: str


@dataclass(frozen=True)
class SheetChanged(Event):
    """A sheet was revealed on (or withdrawn from) the projector: screens re-sync."""

    type: ClassVar[Literal["boards.sheet_changed"]] = "boards.sheet_changed"
    seq: int
    sheet_id: int


@dataclass(frozen=True)
class ProjectorViewChanged(Event):
    """The console chose what the projector shows of a board: `view` is the state's
    `projector_view` (`boards.selectors.projector_view_state`)."""

    type: ClassVar[Literal["boards.projector_view_changed"]] = (
        "boards.projector_view_changed")
    seq: int
    view: dict[str, Any]


@dataclass(frozen=True)
class SpeakingChanged(Event):
    """A turn started, ended, paused or got more time: screens re-sync."""

    type: ClassVar[Literal["speaking.changed"]] = "speaking.changed"
    seq: int
    item_id: int


@dataclass(frozen=True)
class HandsChanged(Event):
    """A hand was raised or lowered: `queue` is the waiting list exactly as this
    audience's speaking state gives it, so screens redraw only the queue."""

    type: ClassVar[Literal["speaking.hands_changed"]] = "speaking.hands_changed"
    seq: int
    item_id: int
    queue: list[dict[str, Any]]


@dataclass(frozen=True)
class PresentationChanged(Event):
    """A slide, a video or the summary on the projector changed: screens re-sync."""

    type: ClassVar[Literal["presenting.changed"]] = "presenting.changed"
    seq: int
    item_id: int


@dataclass(frozen=True)
class GroupsChanged(Event):
    """Groups were drawn or changed, a group began presenting or the comparison
    changed (a worksheet edited during the presentations, too): screens re-sync
    (phones get only their own group's worksheet unless the worksheets are open)."""

    type: ClassVar[Literal["groups.changed"]] = "groups.changed"
    seq: int
    item_id: int


@dataclass(frozen=True)
class WorksheetChanged(Event):
    """A group's worksheet was edited during the group work. `factors` is the group's
    count of visible factors; `worksheet` is its entry as this audience's groups state
    gives it, or None where that state does not hold it (phones always: the group's
    phones re-sync)."""

    type: ClassVar[Literal["groups.worksheet_changed"]] = "groups.worksheet_changed"
    seq: int
    item_id: int
    group_id: int
    factors: int
    worksheet: dict[str, Any] | None


@dataclass(frozen=True)
class PresenceChanged(Event):
    """The number of phones connected to the meeting changed (the console only)."""

    type: ClassVar[Literal["presence.changed"]] = "presence.changed"
    seq: int
    phones: int
