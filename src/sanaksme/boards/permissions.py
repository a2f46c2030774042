"""Fetch a note or sheet of a meeting from untrusted ids, or refuse."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError

from .models import Note, Sheet


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def access_note(meeting_id: int, note_id: Any) -> Note:
    note = (Note.objects.select_related("sheet__item").filter(
        pk=note_id, meeting_id=meeting_id).first() if _is_id(note_id) else None)
    if note is None:
        raise DomainError(_("Unknown note."))
    return note


def access_sheet(meeting_id: int, sheet_id: Any) -> Sheet:
    sheet = (Sheet.objects.select_related("item").filter(
        pk=sheet_id, meeting_id=meeting_id).first()
             if _is_id(sheet_id) else None)
    if sheet is None:
        raise DomainError(_("Unknown sheet."), field="sheet")
    return sheet
