"""Carrying next-meeting suggestions forward: a later meeting of the same series marks a
suggestion of an earlier one as taken up (with a short comment), or undoes that."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import Meeting

from .domain.notes import clean_note_text
from .models import Note, SuggestionUptake

SUGGESTION_COLUMN = "suggestion"
COMMENT_LIMIT = 300


def suggestion_notes() -> QuerySet[Note]:
    """Every visible next-meeting suggestion: feedback sheets, column "suggestion",
    neither hidden nor merged into another note."""
    return Note.objects.filter(sheet__item__method=Method.FEEDBACK.value,
                               column=SUGGESTION_COLUMN, hidden=False,
                               merged_into__isnull=True)


def _check(meeting: Meeting, note: Note) -> None:
    """Refuse anything but a visible suggestion of an earlier meeting of the series."""
    if meeting.series_id is None:
        raise DomainError(_("This meeting is not part of a series, so it has no "
                            "suggestions from a previous meeting."))
    if not suggestion_notes().filter(pk=note.pk).exists():
        raise DomainError(_("Only a visible suggestion for the next meeting can be "
                            "taken up."))
    earlier = Meeting.objects.filter(pk=note.meeting_id, series_id=meeting.series_id,
                                     starts_on__lt=meeting.starts_on).exists()
    if not earlier:
        raise DomainError(_("The suggestion must come from an earlier meeting of the "
                            "same series."))


def _clean_comment(comment: str) -> str:
    cleaned = " ".join(comment.split())
    if not cleaned:
        return ""
    cleaned, problem = clean_note_text(cleaned, limit=COMMENT_LIMIT)
    if problem is not None:
        raise DomainError(_("The comment may have at most %(limit)d characters and no "
                            "control characters.") % {"limit": COMMENT_LIMIT},
                          field="comment")
    return cleaned


def suggestion_take_up(*, meeting: Meeting, note: Note, comment: str = "",
                       user: Any = None) -> SuggestionUptake:
    """Mark `note` as taken up by `meeting`; again with a new comment replaces the comment."""
    _check(meeting, note)
    cleaned = _clean_comment(comment)
    with transaction.atomic():
        uptake, _created = SuggestionUptake.objects.update_or_create(
            meeting=meeting, note=note,
            defaults={"comment": cleaned, "taken_at": timezone.now(),
                      "taken_by": user if getattr(user, "is_authenticated", False)
                      else None})
    return uptake


def suggestion_drop(*, meeting: Meeting, note: Note) -> bool:
    """Undo a take-up; returns whether there was one. Validated like the take-up."""
    _check(meeting, note)
    with transaction.atomic():
        deleted, _rows = SuggestionUptake.objects.filter(meeting=meeting, note=note).delete()
    return deleted > 0
