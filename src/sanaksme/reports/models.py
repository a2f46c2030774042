"""A report being produced in the background, so the page can show its progress."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanaksme.programme.models import Meeting


class ReportJob(models.Model):
    """One requested export: progress while it runs, the file once done (kept briefly)."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                     related_name="+")
    fmt = models.CharField(_("format"), max_length=12)
    include_names = models.BooleanField(_("with names"), default=False)
    from_presence = models.BooleanField(default=False)
    step = models.PositiveSmallIntegerField(default=0)
    steps = models.PositiveSmallIntegerField(default=1)
    doing = models.CharField(max_length=200, blank=True)
    done = models.BooleanField(default=False)
    error = models.CharField(max_length=500, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    content = models.BinaryField(blank=True, default=b"")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report job")
        verbose_name_plural = _("report jobs")

    def __str__(self) -> str:
        return f"{self.meeting_id}:{self.fmt}:{self.key}"

    @property
    def percent(self) -> int:
        if self.done:
            return 100
        return min(95, round(100 * self.step / max(1, self.steps)))
