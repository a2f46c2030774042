"""Writes to brainstorm and feedback sheets. A note is stored before anyone is told."""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Iterable
from typing import Any, Literal

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sanaksme.core.clients import count_in_window
from sanaksme.core.exceptions import DomainError, RateLimited
from sanaksme.live.broadcast import broadcast_on_commit
from sanaksme.live.channel_groups import Audience
from sanaksme.live.events import (
    Event,
    NoteAdded,
    NoteChanged,
    ProjectorViewChanged,
    ReplyAdded,
    SeqAdvanced,
    SheetChanged,
)
from sanaksme.participants.models import Participant
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_next_seq

from .domain.notes import NOTE_LIMIT, NoteProblem, clean_note_text
from .models import Note, NoteAudit, Reply, Sheet
from .permissions import access_note, access_sheet

# A phone may post this many notes in this many seconds (people type; scripts flood).
RATE_LIMIT_NOTES = 10
RATE_LIMIT_WINDOW = dt.timedelta(seconds=30)


def sheets_ensure(*, item: AgendaItem) -> list[Sheet]:
    """The sheets a brainstorm or feedback item defines, created on first use."""
    method = Method(item.method)
    params = item.params
    wanted: list[tuple[str, str, list[str]]] = []
    if method is Method.BRAINSTORM:
        sites = {s.key: s.name for s in item.day.meeting.sites.all()}
        columns = list(params.get("columns", []))
        wanted += [(f"site-{key}", sites.get(key, key), columns)
                   for key in params.get("sites", [])]
        wanted += [(f"prompt-{i + 1}", prompt, columns)
                   for i, prompt in enumerate(params.get("prompts", []))]
        if not wanted:
            wanted.append(("main", item.title, columns))
    elif method is Method.FEEDBACK:
        wanted.append(("feedback", item.title, list(params.get("kinds", []))))
    revealed = method is not Method.FEEDBACK
    existing = {s.key: s for s in item.sheets.all()}
    missing = [(p, w) for p, w in enumerate(wanted) if w[0] not in existing]
    if not missing:  # the common case: a read, no write lock
        return sorted(existing.values(), key=lambda s: s.position)
    with transaction.atomic():
        for position, (key, title, columns) in missing:
            existing[key], _created = Sheet.objects.get_or_create(
                item=item, key=key, defaults={
                    "meeting_id": item.day.meeting_id, "title": title, "columns": columns,
                    "position": position, "revealed": revealed})
    return sorted(existing.values(), key=lambda s: s.position)


NOTE_MESSAGES = {
    NoteProblem.EMPTY: lambda: _("Write something first."),
    NoteProblem.TOO_LONG: lambda: _("A note may have at most %(limit)d characters.")
    % {"limit": NOTE_LIMIT},
    NoteProblem.CONTROL_CHARACTERS: lambda: _("The note contains characters that "
                                              "cannot be shown."),
}


def _rate_key(author_id: int, now: float) -> tuple[str, float]:
    """The cache key of the author's current window, and the seconds until it ends.

    Windows are aligned to the clock (not to the first note), so the time to wait is
    known without asking the cache for a key's expiry."""
    window = RATE_LIMIT_WINDOW.total_seconds()
    index = int(now // window)
    return f"note-rate:{author_id}:{index}", (index + 1) * window - now


def _check_rate(author_id: int | None) -> None:
    """Refuse, for now, a note beyond RATE_LIMIT_NOTES stored in this window.

    Kept in the cache, not on the note, so anonymous notes stay anonymous. Only stored
    notes count (see `_count_stored`): a refused or lost note never uses up the limit.
    """
    if author_id is None:
        return
    key, left = _rate_key(author_id, _now())
    if (cache.get(key) or 0) >= RATE_LIMIT_NOTES:
        raise RateLimited(_("Too many notes at once; the phone sends them again by "
                            "itself in a moment."), retry_after=max(1, math.ceil(left)))


def _count_stored(author_id: int | None) -> None:
    """Count a note against the rate limit once it is stored (after the commit)."""
    if author_id is None:
        return
    key, _left = _rate_key(author_id, _now())
    count_in_window(key, int(RATE_LIMIT_WINDOW.total_seconds()) * 2)


def _now() -> float:
    return time.time()


def note_create(*, sheet: Sheet, column: str, text: str, client_id: str,
                author: Participant | None = None, anonymous: bool = False,
                typed_by_facilitator: bool = False,
                rate_limited: bool = True, from_visit: bool = False,
                written_at: dt.datetime | None = None) -> tuple[Note, bool]:
    """Store a note exactly once per client id; returns (note, created).

    On an anonymous feedback sheet the author is not stored at all. `rate_limited`
    is False only for a recorded meeting replayed on its own clock (replay/). A note
    `from_visit` (boards/visits.py) reaches the room only once the sheet's visit is
    revealed.
    """
    client_id = client_id.strip()[:64]
    if not client_id:
        raise DomainError(_("The note has no client id."))
    existing = Note.objects.filter(meeting_id=sheet.meeting_id, client_id=client_id).first()
    if existing is not None:
        return existing, False
    if column not in sheet.columns:
        raise DomainError(_("Unknown column."), field="column")
    cleaned, problem = clean_note_text(text)
    if problem is not None:
        raise DomainError(NOTE_MESSAGES[problem](), field="text")
    limited = (None if typed_by_facilitator or author is None or not rate_limited
               else author.pk)
    _check_rate(limited)
    if sheet.item.method == Method.FEEDBACK.value and sheet.item.params.get("anonymous", True):
        author, anonymous = None, True
    try:
        with transaction.atomic():
            seq = meeting_next_seq(meeting_id=sheet.meeting_id)
            note = Note.objects.create(
                meeting_id=sheet.meeting_id, sheet=sheet, column=column, text=cleaned,
                author=author, anonymous=anonymous, client_id=client_id, seq=seq,
                typed_by_facilitator=typed_by_facilitator, from_visit=from_visit,
                written_at=written_at)
            added = NoteAdded(meeting_id=sheet.meeting_id, seq=seq, note_id=note.pk,
                              sheet_id=sheet.pk, column=column, text=cleaned,
                              client_id=client_id, from_visit=from_visit,
                              written_at=written_time(written_at))
            if _room_sees(sheet.pk, from_visit=from_visit):
                broadcast_on_commit(added)
            else:
                broadcast_on_commit(added, [Audience.CONSOLE])
                broadcast_on_commit(SeqAdvanced(meeting_id=sheet.meeting_id, seq=seq),
                                    [Audience.PROJECTOR, Audience.PHONE])
    except IntegrityError:
        # The same client id raced in from a second connection: keep the first.
        return Note.objects.get(meeting_id=sheet.meeting_id, client_id=client_id), False
    _count_stored(limited)
    return note, True


def note_submit(*, meeting_id: int, sheet_id: object, column: object, text: object,
                client_id: object, author_id: int | None = None,
                anonymous: bool = False, typed_by_facilitator: bool = False,
                rate_limited: bool = True) -> Note:
    """A note from a live screen: check the untrusted fields, then `note_create`."""
    sheet = access_sheet(meeting_id, sheet_id)
    if not all(isinstance(v, str) for v in (column, text, client_id)):
        raise DomainError(_("The message is incomplete."))
    author = None
    if author_id is not None:
        author = Participant.objects.filter(pk=author_id, meeting_id=meeting_id).first()
    note, _created = note_create(
        sheet=sheet, column=str(column), text=str(text), client_id=str(client_id),
        author=author, anonymous=anonymous, typed_by_facilitator=typed_by_facilitator,
        rate_limited=rate_limited)
    return note


# Moderation: nothing is deleted; every change is audited and can be undone. ---------


def _room_sees(sheet_id: int, *, from_visit: bool = False) -> bool:
    """Whether the projector and phones see this sheet's notes (of its visit, if
    `from_visit`), read after the seq is taken, so a concurrent reveal is ordered
    before or after this change."""
    revealed, visit_revealed = (Sheet.objects.filter(pk=sheet_id)
                                .values_list("revealed", "visit_revealed").get())
    return bool(revealed and (visit_revealed or not from_visit))


def written_time(value: dt.datetime | None) -> str | None:
    """A note's `written_at` as the screens get it: ISO 8601 in the meeting's zone."""
    return None if value is None else timezone.localtime(value).isoformat()


def _note_changed(note: Note, others: Iterable[int | None] = ()) -> None:
    """Tell the screens how `note` and the `others` whose display it changed look now:
    the console all of it, the room only on a revealed sheet (else just the seq)."""
    from .selectors import note_entries  # the selectors import this module

    seq = meeting_next_seq(meeting_id=note.meeting_id)
    ids = {note.pk, *(pk for pk in others if pk is not None)}
    language = Meeting.objects.values_list("language", flat=True).get(pk=note.meeting_id)
    with translation.override(language):  # reply labels, as in the screens' state
        broadcast_on_commit(NoteChanged(
            meeting_id=note.meeting_id, seq=seq, sheet_id=note.sheet_id,
            notes=note_entries(ids, console=True)), [Audience.CONSOLE])
        room: Event = SeqAdvanced(meeting_id=note.meeting_id, seq=seq)
        notes = []
        if _room_sees(note.sheet_id):
            held = not _room_sees(note.sheet_id, from_visit=True)
            notes = [entry for entry in note_entries(ids, console=False)
                     if not (held and entry["from_visit"])]  # held back: never told
        if notes:
            for entry in notes:
                if not entry["visible"]:  # removed: the room never sees its words
                    entry.update(text="", replies=[])
            room = NoteChanged(meeting_id=note.meeting_id, seq=seq, sheet_id=note.sheet_id,
                               notes=notes)
    broadcast_on_commit(room, [Audience.PROJECTOR, Audience.PHONE])


def note_hide(*, note: Note, actor: Any, reason: str) -> Note:
    """Hide a note from the screens, with a reason; it stays stored and can be shown."""
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Say why the note is hidden."), field="reason")
    with transaction.atomic():
        note = Note.objects.select_for_update().get(pk=note.pk)  # what it is merged into
        Note.objects.filter(pk=note.pk).update(hidden=True, hidden_reason=reason[:300])
        NoteAudit.objects.create(note=note, action=NoteAudit.Action.HIDE, actor=actor,
                                 reason=reason[:300])
        _note_changed(note, [note.merged_into_id])  # its count of merged notes
    note.refresh_from_db()
    return note


def note_show(*, note: Note, actor: Any) -> Note:
    """Undo a hide."""
    with transaction.atomic():
        note = Note.objects.select_for_update().get(pk=note.pk)
        if not note.hidden:
            return note
        Note.objects.filter(pk=note.pk).update(hidden=False, hidden_reason="")
        NoteAudit.objects.create(note=note, action=NoteAudit.Action.SHOW, actor=actor)
        _note_changed(note, [note.merged_into_id])
    note.refresh_from_db()
    return note


def note_merge(*, note: Note, into: Note, actor: Any) -> Note:
    """Fold a duplicate into another note of the same sheet; undone by `note_unmerge`."""
    with transaction.atomic():
        # Re-read both under the write lock: two consoles merging A→B and B→A at once
        # must not make a loop.
        note = Note.objects.select_for_update().get(pk=note.pk)
        into = Note.objects.select_for_update().get(pk=into.pk)
        if note.pk == into.pk or note.sheet_id != into.sheet_id:
            raise DomainError(_("A note can only be merged into another note of the same "
                                "sheet."))
        if into.merged_into_id is not None:
            raise DomainError(_("That note is itself merged into another one."))
        children = list(Note.objects.filter(merged_into=note))
        for child in children:
            # Duplicates already folded into this note move along, each on the record.
            Note.objects.filter(pk=child.pk).update(merged_into=into)
            NoteAudit.objects.create(note=child, action=NoteAudit.Action.MERGE,
                                     actor=actor, other=into)
        Note.objects.filter(pk=note.pk).update(merged_into=into)
        NoteAudit.objects.create(note=note, action=NoteAudit.Action.MERGE, actor=actor,
                                 other=into)
        _note_changed(note, [into.pk, note.merged_into_id, *(c.pk for c in children)])
    note.refresh_from_db()
    return note


def note_unmerge(*, note: Note, actor: Any) -> Note:
    """Give a merged note its own place on the sheet again."""
    with transaction.atomic():
        note = Note.objects.select_for_update().get(pk=note.pk)
        if note.merged_into_id is None:
            return note
        previous = note.merged_into
        Note.objects.filter(pk=note.pk).update(merged_into=None)
        NoteAudit.objects.create(note=note, action=NoteAudit.Action.UNMERGE, actor=actor,
                                 other=previous)
        _note_changed(note, [note.merged_into_id])
    note.refresh_from_db()
    return note


def reply_create(*, note: Note, kind: str, text: str, client_id: str,
                 author: Participant | None = None) -> tuple[Reply, bool]:
    """Attach an official's reply under a note, exactly once per client id."""
    if not client_id:
        raise DomainError(_("The message is incomplete."))
    existing = Reply.objects.filter(meeting_id=note.meeting_id, client_id=client_id).first()
    if existing is not None:
        return existing, False
    if note.hidden or note.merged_into_id is not None:
        raise DomainError(_("Unknown note."))
    # Only the kinds the item offers (a feedback round offers none).
    allowed = note.sheet.item.params.get("reply_kinds", [])
    if kind not in allowed:
        raise DomainError(_("Unknown kind of reply."), field="kind")
    cleaned, problem = clean_note_text(text)
    if problem is not None:
        raise DomainError(NOTE_MESSAGES[problem](), field="text")
    with transaction.atomic():
        seq = meeting_next_seq(meeting_id=note.meeting_id)
        reply = Reply.objects.create(meeting_id=note.meeting_id, note=note, kind=kind,
                                     text=cleaned, author=author, client_id=client_id,
                                     seq=seq)
        added = ReplyAdded(meeting_id=note.meeting_id, seq=seq, note_id=note.pk,
                           reply_id=reply.pk, kind=kind, text=cleaned)
        if _room_sees(note.sheet_id, from_visit=note.from_visit):
            broadcast_on_commit(added)
        else:
            broadcast_on_commit(added, [Audience.CONSOLE])
            broadcast_on_commit(SeqAdvanced(meeting_id=note.meeting_id, seq=seq),
                                [Audience.PROJECTOR, Audience.PHONE])
    return reply, True


def sheet_reveal(*, sheet: Sheet, revealed: bool) -> Sheet:
    """Show a sheet's notes on the projector and phones, or withdraw them."""
    return sheet_shown(sheet, "revealed", revealed)


def sheet_shown(sheet: Sheet, flag: Literal["revealed", "visit_revealed"],
                shown: bool) -> Sheet:
    """Set one of a sheet's "on the screens" flags (its notes; its observations from
    the visit, boards.visits) and tell every screen to re-sync."""
    fields: dict[str, bool] = {flag: shown}
    with transaction.atomic():
        Sheet.objects.filter(pk=sheet.pk).update(**fields)
        seq = meeting_next_seq(meeting_id=sheet.meeting_id)
        broadcast_on_commit(SheetChanged(meeting_id=sheet.meeting_id, seq=seq,
                                         sheet_id=sheet.pk))
    setattr(sheet, flag, shown)
    return sheet


def reply_submit(*, meeting_id: int, note_id: object, kind: object, text: object,
                 client_id: object, author_id: int) -> Reply:
    """A reply from a phone: only participants of the item's replier categories."""
    note = access_note(meeting_id, note_id)
    if not all(isinstance(v, str) for v in (kind, text, client_id)) or not client_id:
        raise DomainError(_("The message is incomplete."))
    author = Participant.objects.filter(pk=author_id, meeting_id=meeting_id).first()
    if author is None or not may_reply(note.sheet, author.category):
        raise DomainError(_("Only the people the facilitator invited can reply to notes."))
    reply, _created = reply_create(note=note, kind=str(kind), text=str(text),
                                   client_id=str(client_id)[:64], author=author)
    return reply


def may_reply(sheet: Sheet, category: str) -> bool:
    return category in sheet.item.params.get("repliers", [])


def projector_view_set(*, item: AgendaItem, mode: str, sheet_id: int | None = None,
                       column: str | None = None) -> dict[str, Any]:
    """Choose what the projector shows of the item's board: every sheet in turn ("all"),
    one sheet, or one column of a sheet. Stored on the meeting, announced to the console
    and the projector; returns the view as their state gives it."""
    from .selectors import PROJECTOR_MODES, projector_view_state  # (a cycle)

    if mode not in PROJECTOR_MODES:
        raise DomainError(_("The message is incomplete."))
    sheets = list(item.sheets.all())
    wanted = {"mode": mode, "sheet": sheet_id, "column": column}
    view = projector_view_state(wanted, sheets)
    if mode != "all" and view["sheet"] != sheet_id:
        raise DomainError(_("That sheet is not on the screens."))
    if view["mode"] != mode:
        raise DomainError(_("That sheet has no such column."))
    meeting_id = item.day.meeting_id
    with transaction.atomic():
        Meeting.objects.filter(pk=meeting_id).update(projector_view=view)
        seq = meeting_next_seq(meeting_id=meeting_id)
        broadcast_on_commit(ProjectorViewChanged(meeting_id=meeting_id, seq=seq, view=view),
                            [Audience.CONSOLE, Audience.PROJECTOR])
        broadcast_on_commit(SeqAdvanced(meeting_id=meeting_id, seq=seq), [Audience.PHONE])
    return view


def projector_view_reset(*, meeting_id: int) -> None:
    """Back to every sheet in turn. Called when the item leaves the screens, which is
    announced on its own (`programme.current_item_changed`), so nothing is sent here."""
    Meeting.objects.filter(pk=meeting_id).exclude(projector_view={}).update(
        projector_view={})
