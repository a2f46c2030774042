"""Observations from a good-practice visit (docs/domain/visits.md).

A site visit has no sheet of its own: its observations go to the sheet of that site on
the brainstorm that lists the site (`site-<key>`, made by `services.sheets_ensure`), so
the day-2 brainstorm starts with them. They are held back from the projector and the
phones' shared board until the facilitator reveals them (`Sheet.visit_revealed`).

Accepted from the moment one of the site's visits has been on the screens (or is now)
until that brainstorm has ended.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.participants.models import Participant
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import AgendaItem, ItemRun, Meeting

from . import services
from .models import Note, Sheet
from .services import written_time

SITE_SHEET_PREFIX = "site-"


def _order(item: AgendaItem) -> tuple[dt.date, int, int]:
    """An item's place in the programme (AgendaItem's ordering)."""
    return (item.day.date, item.position, item.pk)


def _items(meeting_id: int, method: Method) -> list[AgendaItem]:
    return list(AgendaItem.objects.select_related("day")
                .filter(day__meeting_id=meeting_id, method=method.value)
                .order_by("day__date", "position", "id"))


def site_brainstorm(meeting_id: int, site_key: str) -> AgendaItem | None:
    """The first brainstorm in programme order whose `sites` lists the site."""
    return next((b for b in _items(meeting_id, Method.BRAINSTORM)
                 if site_key in (b.params.get("sites") or [])), None)


def visit_sheet(visit: AgendaItem, *, create: bool = False) -> Sheet | None:
    """The site's sheet a visit's observations go to (None: no brainstorm lists the
    site). A read unless `create`: the sheet is made when the visit opens."""
    key = str(visit.params.get("site") or "")
    brainstorm = site_brainstorm(visit.day.meeting_id, key) if key else None
    if brainstorm is None:
        return None
    if create:
        services.sheets_ensure(item=brainstorm)
    return Sheet.objects.filter(item=brainstorm, key=SITE_SHEET_PREFIX + key).first()


def window_open(sheet: Sheet, *, meeting: Meeting | None = None) -> bool:
    """Whether observations from the visit are accepted on `sheet` now: one of its
    site's visits has been (or is) on the screens, and the brainstorm holding the sheet
    has not ended (the current item is not later in the programme; with no current
    item, it has not run yet), and the meeting is not closed."""
    if not sheet.key.startswith(SITE_SHEET_PREFIX):
        return False
    meeting = meeting or Meeting.objects.select_related("current_item__day").get(
        pk=sheet.meeting_id)
    if meeting.closed_at is not None:
        return False
    site_key = sheet.key.removeprefix(SITE_SHEET_PREFIX)
    visits = [v.pk for v in _items(meeting.pk, Method.SITE_VISIT)
              if v.params.get("site") == site_key]
    current = meeting.current_item
    began = (current is not None and current.pk in visits) or ItemRun.objects.filter(
        meeting_id=meeting.pk, item_id__in=visits).exists()
    if not began:
        return False
    brainstorm = AgendaItem.objects.select_related("day").get(pk=sheet.item_id)
    if current is None:
        return not ItemRun.objects.filter(item=brainstorm).exists()
    return _order(current) <= _order(brainstorm)


def _window_check(sheet: Sheet) -> None:
    if not sheet.key.startswith(SITE_SHEET_PREFIX):
        raise DomainError(_("Observations from a visit go on a visited place's sheet."),
                          field="sheet")
    if not window_open(sheet):
        raise DomainError(_("Observations for this place are no longer collected (or not "
                            "yet): the visit has not begun, or its brainstorm has ended."))


def bounded_written_at(value: object, meeting: Meeting,
                       now: dt.datetime | None = None) -> dt.datetime:
    """When the phone says the note was written, if believable: an ISO 8601 time with
    its offset, not in the future, not before the day before the meeting's first day;
    otherwise the time it was received."""
    now = now or timezone.now()
    if not isinstance(value, str):
        return now
    try:
        written = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return now
    if written.tzinfo is None:
        return now
    earliest = timezone.make_aware(dt.datetime.combine(
        meeting.starts_on - dt.timedelta(days=1), dt.time.min))
    if written > now or written < earliest:
        return now
    return written


def _existing(meeting_id: int, client_id: str) -> Note | None:
    return Note.objects.filter(meeting_id=meeting_id,
                               client_id=client_id.strip()[:64]).first()


def visit_note_add(*, sheet: Sheet, column: str, text: str, client_id: str,
                   written_at: str, author: Participant | None,
                   anonymous: bool = False) -> tuple[Note, bool]:
    """An observation from a phone: stored once per client id (a resend gets the note
    stored first, even after the window closed); refused for good outside the window."""
    existing = _existing(sheet.meeting_id, client_id)
    if existing is not None:
        return existing, False
    _window_check(sheet)
    meeting = Meeting.objects.get(pk=sheet.meeting_id)
    return services.note_create(
        sheet=sheet, column=column, text=text, client_id=client_id, author=author,
        anonymous=anonymous, from_visit=True,
        written_at=bounded_written_at(written_at, meeting))


def visit_note_type(*, sheet: Sheet, column: str, text: str, client_id: str,
                    author_id: int | None) -> tuple[Note, bool]:
    """The scribe: an observation typed on the console for a participant of the
    meeting (or anonymous, `author_id` None)."""
    existing = _existing(sheet.meeting_id, client_id)
    if existing is not None:
        return existing, False
    author = None
    if author_id is not None:
        author = Participant.objects.filter(pk=author_id,
                                            meeting_id=sheet.meeting_id).first()
        if author is None:
            raise DomainError(_("That person is not a participant of this meeting."),
                              field="author")
    _window_check(sheet)
    return services.note_create(
        sheet=sheet, column=column, text=text, client_id=client_id, author=author,
        anonymous=author is None, typed_by_facilitator=True, from_visit=True,
        written_at=timezone.now())


def visit_reveal(*, sheet: Sheet, revealed: bool) -> Sheet:
    """Show a sheet's observations from the visit on the projector and phones, or
    withdraw them."""
    return services.sheet_shown(sheet, "visit_revealed", revealed)


def mine(sheet_id: int, participant_id: int) -> list[dict[str, Any]]:
    """A phone's own observations on a sheet (its author's, anonymous ones included)."""
    return [{"id": n["id"], "client_id": n["client_id"], "column": n["column"],
             "text": n["text"], "written_at": written_time(n["written_at"])}
            for n in Note.objects.filter(sheet_id=sheet_id, author_id=participant_id,
                                         from_visit=True)
            .order_by("seq").values("id", "client_id", "column", "text", "written_at")]
