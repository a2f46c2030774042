"""A report being produced in the background, so the page can show its progress."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanaksme.programme.models import Meeting


class ReportJob(models.Model):
    """One requested export: progress while it runs, the file once done.

    The file is kept for `SANAKSME_REPORT_JOB_DAYS` days, then purged
    (`reports.jobs.report_jobs_purge`); an expired job is never served.
    """

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                     related_name="+")
    fmt = models.CharField(_("format"), max_length=12)
    include_names = models.BooleanField(_("with names"), default=False)
    include_affiliations = models.BooleanField(
        _("with institution, municipality and mediator marks"), default=False)
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
    # Runs on the job queue (reports/jobs.py): how many times a worker started it, when
    # the last one did, and its last sign of life (each progress step).
    attempts = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

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

    @property
    def expires_at(self) -> dt.datetime:
        return self.created_at + report_job_lifetime()

    def is_expired(self, now: dt.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.expires_at


def report_job_lifetime() -> dt.timedelta:
    """How long a produced file is kept (setting SANAKSME_REPORT_JOB_DAYS, at least 1)."""
    return dt.timedelta(days=max(1, int(getattr(settings, "SANAKSME_REPORT_JOB_DAYS", 7))))
