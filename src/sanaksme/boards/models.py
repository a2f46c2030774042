"""Brainstorm sheets (the A2 sheets) and the notes on them. Notes are never deleted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanaksme.core.models import TimeStampedModel
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting

from .domain.notes import NOTE_LIMIT as NOTE_MAX_LENGTH


class Sheet(TimeStampedModel):
    """One sheet of a brainstorm (per visited site or prompt) or of a feedback round."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sheets")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="sheets")
    key = models.CharField(_("key"), max_length=80)
    title = models.CharField(_("title"), max_length=300)
    columns = models.JSONField(_("columns"), default=list)
    position = models.PositiveIntegerField(default=0)
    # Feedback notes reach the projector only when the facilitator decides.
    revealed = models.BooleanField(_("shown on the projector"), default=True)
    # A site's observations from the visit reach the projector only once revealed
    # (the day-2 brainstorm starts with them).
    visit_revealed = models.BooleanField(_("visit's observations shown"), default=False)

    class Meta:
        verbose_name = _("sheet")
        verbose_name_plural = _("sheets")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "key"], name="sheet_unique_key")
        ]

    def __str__(self) -> str:
        return self.title


class Note(TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notes")
    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="notes")
    column = models.CharField(_("column"), max_length=40)
    text = models.CharField(_("text"), max_length=NOTE_MAX_LENGTH)
    author = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="notes")
    anonymous = models.BooleanField(_("anonymous"), default=False)
    typed_by_facilitator = models.BooleanField(default=False)
    # An observation posted during (or typed after) the site visit, not in the hall.
    from_visit = models.BooleanField(_("from the visit"), default=False)
    # When the phone says it was written (bounded by the server; see boards/visits.py).
    written_at = models.DateTimeField(_("written at"), null=True, blank=True)
    client_id = models.CharField(max_length=64)
    seq = models.PositiveBigIntegerField(_("event number"))
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason"), max_length=300, blank=True)
    merged_into = models.ForeignKey("self", on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="merged")

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "client_id"],
                                    name="note_unique_client_id")
        ]

    def __str__(self) -> str:
        return self.text[:60]


REPLY_KINDS = [
    ("comment", _("Comment")),
    ("clarification", _("Clarification")),
    ("explanation", _("Explanation")),
    ("addition", _("Addition")),
]


class Reply(TimeStampedModel):
    """An official's comment, clarification, explanation or addition under a note."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="replies")
    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="replies")
    kind = models.CharField(_("kind"), max_length=20, choices=REPLY_KINDS)
    text = models.CharField(_("text"), max_length=NOTE_MAX_LENGTH)
    author = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="replies")
    client_id = models.CharField(max_length=64)
    seq = models.PositiveBigIntegerField(_("event number"))

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "client_id"],
                                    name="reply_unique_client_id")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class NoteAudit(models.Model):
    """Who hid, showed, merged or unmerged a note, when and why. Never edited."""

    class Action(models.TextChoices):
        HIDE = "hide", _("hidden")
        SHOW = "show", _("shown again")
        MERGE = "merge", _("merged")
        UNMERGE = "unmerge", _("unmerged")

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="audit")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                              null=True, related_name="+")
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    other = models.ForeignKey(Note, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("note history")
        verbose_name_plural = _("note history")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.note_id}"


class SuggestionUptake(models.Model):
    """A next-meeting suggestion of an earlier meeting that a later meeting took up."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE,
                                related_name="suggestion_uptakes",
                                verbose_name=_("meeting"))
    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="uptakes",
                             verbose_name=_("suggestion"))
    comment = models.CharField(_("comment"), max_length=300, blank=True)
    taken_at = models.DateTimeField(_("taken up at"))
    taken_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+",
                                 verbose_name=_("taken up by"))

    class Meta:
        verbose_name = _("suggestion taken up")
        verbose_name_plural = _("suggestions taken up")
        ordering = ["taken_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "note"],
                                    name="suggestion_uptake_unique")
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.note_id}"
