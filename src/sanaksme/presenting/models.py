"""What an agenda item puts on the projector: slide decks, videos, the day's summary.

Uploaded files live under MEDIA_ROOT/meetings/<meeting id>/ with names Sanāksme makes
(a random key), never the uploader's; the original name is kept for display only.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanaksme.core.models import TimeStampedModel
from sanaksme.programme.models import AgendaItem, Meeting


class Deck(TimeStampedModel):
    """A PDF slide deck, stored as uploaded and rendered page by page to images."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decks")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decks")
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("slide deck")
        verbose_name_plural = _("slide decks")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def folder(self) -> str:
        return f"meetings/{self.meeting_id}/slides/{self.key}"

    def page_path(self, page: int) -> str:
        return f"{self.folder}/p{page}.webp"


class Video(TimeStampedModel):
    """A video to play on the projector: an uploaded file or a link."""

    class Kind(models.TextChoices):
        FILE = "file", _("file")
        LINK = "link", _("link")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="videos")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="videos")
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    url = models.URLField(_("link"), max_length=500, blank=True)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    extension = models.CharField(max_length=8, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def path(self) -> str:
        return f"meetings/{self.meeting_id}/video/{self.key}.{self.extension}"


class Projection(TimeStampedModel):
    """What an agenda item shows now: a slide, a playing video, or the summary text.

    A playing video keeps the moment it started and from where, so a projector that
    reconnects seeks to the right second (like the speaking countdown)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE,
                                related_name="projection")
    deck = models.ForeignKey(Deck, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+")
    page = models.PositiveIntegerField(default=1)
    video = models.ForeignKey(Video, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    playing_since = models.DateTimeField(null=True, blank=True)
    played_seconds = models.FloatField(default=0)
    summary = models.TextField(_("summary"), blank=True)
    summary_shown = models.BooleanField(_("summary on the projector"), default=False)

    class Meta:
        verbose_name = _("projection")
        verbose_name_plural = _("projections")

    def __str__(self) -> str:
        return str(self.item)
