"""The boards' live actions, their part of a screen's state, and the sheets an item
gets when it opens (registries: live/actions.py, live/state.py, live/opening.py)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from sanaksme.live.actions import (
    CONSOLE,
    PHONE,
    ActionContext,
    Reply,
    done,
    live_action,
)
from sanaksme.live.channel_groups import Audience
from sanaksme.live.opening import item_closed, item_opened
from sanaksme.live.payload import refusal
from sanaksme.live.state import OMIT, Phone, Screen, phone_part, state_part
from sanaksme.participants.models import Participant
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import AgendaItem

from . import services, visits
from .permissions import access_note, access_sheet
from .selectors import NOTE_METHODS, projector_view_state, sheets_state, visit_state


def note_ack(client_id: str, note: Any) -> dict[str, Any]:
    """The answer to a stored note: the phone's outbox drops the entry by its id."""
    return {"type": "ack", "client_id": client_id, "note_id": note.pk, "seq": note.seq}


@dataclass(frozen=True)
class NoteSubmit:
    sheet: int
    column: str
    text: str
    client_id: str
    anonymous: bool = False  # phone: leave my name off a feedback note
    author: int | None = None  # console: who said it (None: anonymous)


@live_action("note_submit", audiences={CONSOLE, PHONE}, retry_on_database_error=True)
def note_submit(ctx: ActionContext, payload: NoteSubmit) -> Reply:
    by_phone = ctx.from_phone
    note = services.note_submit(
        meeting_id=ctx.meeting_id, sheet_id=payload.sheet, column=payload.column,
        text=payload.text, client_id=payload.client_id,
        author_id=ctx.participant_id if by_phone else payload.author,
        anonymous=payload.anonymous if by_phone else payload.author is None,
        typed_by_facilitator=not by_phone)
    return note_ack(payload.client_id, note)


@dataclass(frozen=True)
class ReplyTo:
    note: int
    kind: str
    text: str
    client_id: str


@live_action("reply_submit", audiences={PHONE})
def reply_submit(ctx: ActionContext, payload: ReplyTo) -> Reply:
    reply = services.reply_submit(
        meeting_id=ctx.meeting_id, note_id=payload.note, kind=payload.kind,
        text=payload.text, client_id=payload.client_id, author_id=ctx.phone_participant_id)
    return done("reply_submit", client_id=payload.client_id, reply_id=reply.pk)


@live_action("reply_create", audiences={CONSOLE})
def reply_create(ctx: ActionContext, payload: ReplyTo) -> Reply:
    note = access_note(ctx.meeting_id, payload.note)
    if not payload.client_id:
        raise refusal("client_id")
    services.reply_create(note=note, kind=payload.kind, text=payload.text,
                          client_id=payload.client_id[:64])
    return done("reply_create", client_id=payload.client_id)


@dataclass(frozen=True)
class NoteHide:
    note: int
    reason: str = ""


@live_action("note_hide", audiences={CONSOLE})
def note_hide(ctx: ActionContext, payload: NoteHide) -> Reply:
    services.note_hide(note=access_note(ctx.meeting_id, payload.note), actor=ctx.user,
                       reason=payload.reason)
    return None


@dataclass(frozen=True)
class OneNote:
    note: int


@live_action("note_show", audiences={CONSOLE})
def note_show(ctx: ActionContext, payload: OneNote) -> Reply:
    services.note_show(note=access_note(ctx.meeting_id, payload.note), actor=ctx.user)
    return None


@dataclass(frozen=True)
class NoteMerge:
    note: int
    into: int


@live_action("note_merge", audiences={CONSOLE})
def note_merge(ctx: ActionContext, payload: NoteMerge) -> Reply:
    services.note_merge(note=access_note(ctx.meeting_id, payload.note),
                        into=access_note(ctx.meeting_id, payload.into), actor=ctx.user)
    return None


@live_action("note_unmerge", audiences={CONSOLE})
def note_unmerge(ctx: ActionContext, payload: OneNote) -> Reply:
    services.note_unmerge(note=access_note(ctx.meeting_id, payload.note), actor=ctx.user)
    return None


@dataclass(frozen=True)
class SheetReveal:
    """A sheet (sheet_reveal), or its observations from the visit (visit_reveal), shown
    or withdrawn."""

    sheet: int
    revealed: bool


@live_action("sheet_reveal", audiences={CONSOLE})
def sheet_reveal(ctx: ActionContext, payload: SheetReveal) -> Reply:
    services.sheet_reveal(sheet=access_sheet(ctx.meeting_id, payload.sheet),
                          revealed=payload.revealed)
    return None


@state_part("sheets")
def sheets(screen: Screen) -> list[dict[str, Any]]:
    if screen.item is None or screen.item.method not in NOTE_METHODS:
        return []
    return sheets_state(screen.item, console=screen.console)


@state_part("projector_view")
def projector_view(screen: Screen) -> Any:
    """What the projector shows of the board (console and projector only)."""
    if (screen.item is None or screen.item.method not in NOTE_METHODS
            or screen.audience is Audience.PHONE):
        return OMIT
    return projector_view_state(screen.meeting.projector_view, screen.item.sheets.all())


@dataclass(frozen=True)
class ProjectorShow:
    mode: str  # "all" (every sheet in turn), "sheet" or "column"
    sheet: int | None = None
    column: str | None = None


@live_action("projector_show", audiences={CONSOLE})
def projector_show(ctx: ActionContext, payload: ProjectorShow) -> Reply:
    item = ctx.current_item(methods=NOTE_METHODS)
    services.projector_view_set(item=item, mode=payload.mode, sheet_id=payload.sheet,
                                column=payload.column)
    return None


@phone_part("can_reply")
def can_reply(phone: Phone) -> Hashable:
    """Whether this phone's category may reply to notes (the item's repliers)."""
    return phone.category in (phone.shared.get("item") or {}).get("repliers", [])


@item_opened
def sheets_open(item: AgendaItem) -> None:
    """A brainstorm or feedback item gets its sheets when it first opens."""
    if item.method in NOTE_METHODS:
        services.sheets_ensure(item=item)


@item_closed
def projector_view_reset(item: AgendaItem) -> None:
    """The next item starts with every sheet in turn."""
    services.projector_view_reset(meeting_id=item.day.meeting_id)


# Observations from a site visit (boards/visits.py, docs/domain/visits.md). -----------


@dataclass(frozen=True)
class VisitNoteAdd:
    sheet: int
    column: str
    text: str
    client_id: str
    written_at: str  # the phone's clock, ISO 8601 with its offset
    anonymous: bool = False


@live_action("visit_note_add", audiences={PHONE}, retry_on_database_error=True)
def visit_note_add(ctx: ActionContext, payload: VisitNoteAdd) -> Reply:
    author = Participant.objects.filter(pk=ctx.phone_participant_id,
                                        meeting_id=ctx.meeting_id).first()
    note, _created = visits.visit_note_add(
        sheet=access_sheet(ctx.meeting_id, payload.sheet), column=payload.column,
        text=payload.text, client_id=payload.client_id, written_at=payload.written_at,
        author=author, anonymous=payload.anonymous)
    return note_ack(payload.client_id, note)


@dataclass(frozen=True)
class VisitNoteType:
    sheet: int
    column: str
    text: str
    client_id: str
    author: int | None = None  # a participant of the meeting; None: anonymous


@live_action("visit_note_type", audiences={CONSOLE}, retry_on_database_error=True)
def visit_note_type(ctx: ActionContext, payload: VisitNoteType) -> Reply:
    note, _created = visits.visit_note_type(
        sheet=access_sheet(ctx.meeting_id, payload.sheet), column=payload.column,
        text=payload.text, client_id=payload.client_id, author_id=payload.author)
    return note_ack(payload.client_id, note)


@live_action("visit_reveal", audiences={CONSOLE})
def visit_reveal(ctx: ActionContext, payload: SheetReveal) -> Reply:
    visits.visit_reveal(sheet=access_sheet(ctx.meeting_id, payload.sheet),
                        revealed=payload.revealed)
    return None


@state_part("visit")
def visit(screen: Screen) -> Any:
    """For a site-visit item: the place, the day's visits, the departure, the site's
    sheet and whether observations are accepted now (+ the console: how many)."""
    if screen.item is None or screen.item.method != Method.SITE_VISIT.value:
        return OMIT
    return visit_state(screen.meeting, screen.item, screen.audience)


def _visit_mine(phone: Phone) -> Hashable:
    """A phone's own observations go into its `visit` (keyed by who holds the phone)."""
    shared = phone.shared.get("visit")
    if not shared or shared.get("sheet") is None or phone.participant_id is None:
        return OMIT
    return phone.participant_id


def _visit_with_mine(phone: Phone, participant_id: Any) -> dict[str, Any]:
    shared = phone.shared["visit"]
    return {**shared, "mine": visits.mine(shared["sheet"]["id"], int(participant_id))}


phone_part("visit", build=_visit_with_mine)(_visit_mine)


@item_opened
def visit_sheet_open(item: AgendaItem) -> None:
    """A site visit opens: its site's sheet exists from now on (phones post to it)."""
    if item.method == Method.SITE_VISIT.value:
        visits.visit_sheet(item, create=True)
