"""Speaking rounds (tour de table, discussions) and each person's turn."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanaksme.core.models import TimeStampedModel
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting

from .domain.countdown import Countdown


class Round(TimeStampedModel):
    """The speaking order of one agenda item and whose turn it is."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rounds")
    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="round")
    arranged = models.JSONField(_("speaking order"), default=list)
    skipped = models.JSONField(_("skipped (not here)"), default=list, blank=True)
    current = models.ForeignKey("Turn", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    finished = models.BooleanField(default=False)
    show_key_points = models.BooleanField(_("key points on the projector"), default=False)

    class Meta:
        verbose_name = _("speaking round")
        verbose_name_plural = _("speaking rounds")

    def __str__(self) -> str:
        return str(self.item)


class Turn(TimeStampedModel):
    """One person's time at the microphone, with the actual duration recorded."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="turns")
    participant = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True,
                                    related_name="turns")
    allowed_seconds = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)  # while running
    left_seconds = models.FloatField(null=True, blank=True)  # while paused
    resumed_at = models.DateTimeField(null=True, blank=True)  # running since
    spoken_seconds = models.FloatField(default=0)
    ended_at = models.DateTimeField(null=True, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    key_points = models.JSONField(_("key points"), default=list, blank=True)

    class Meta:
        verbose_name = _("turn")
        verbose_name_plural = _("turns")
        ordering = ["started_at", "id"]

    def __str__(self) -> str:
        return f"{self.participant} {self.started_at:%H:%M}"

    def countdown(self) -> Countdown:
        left = None if self.left_seconds is None else dt.timedelta(seconds=self.left_seconds)
        return Countdown(allowed=dt.timedelta(seconds=self.allowed_seconds),
                         started_at=self.started_at, ends_at=self.ends_at, left=left)


class Hand(TimeStampedModel):
    """A raised hand in a discussion: from a phone, or added by the facilitator."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="hands")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="hands")
    raised_at = models.DateTimeField()
    priority = models.BooleanField(_("invited to speak first"), default=False)
    added_by_facilitator = models.BooleanField(default=False)
    lowered_at = models.DateTimeField(null=True, blank=True)
    called_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("raised hand")
        verbose_name_plural = _("raised hands")
        ordering = ["raised_at", "id"]

    def __str__(self) -> str:
        return f"{self.participant} {self.raised_at:%H:%M:%S}"
