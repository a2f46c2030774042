"""Produce a report in the background and record its progress in the database.

The database, not process memory, holds the progress and the file, so the page can
poll any worker. Files are kept for SANAKSME_REPORT_JOB_DAYS days (they may name
people), then purged: here whenever a job is started or the page is opened, and by
`sanaksme purge`.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.programme.models import Meeting

from .models import ReportJob, report_job_lifetime
from .produce import FORMATS, report_produce

log = logging.getLogger(__name__)


def report_jobs_purge() -> int:
    """Delete every job older than SANAKSME_REPORT_JOB_DAYS, its file with it; the count."""
    cutoff = timezone.now() - report_job_lifetime()
    deleted, _by_model = ReportJob.objects.filter(created_at__lte=cutoff).delete()
    return deleted


def report_job_start(*, meeting: Meeting, user: Any, fmt: str, include_names: bool = False,
                     include_affiliations: bool = False,
                     from_presence: bool = False) -> ReportJob:
    """Record the request and start producing it (in a thread, or at once in tests)."""
    if fmt not in FORMATS:
        raise DomainError(_("Unknown report format."), field="fmt")
    if fmt == "attendance" and not include_names:
        raise DomainError(_("Attendance sheets list names: tick the box to confirm that "
                            "you need them."), field="names")
    report_jobs_purge()
    job = ReportJob.objects.create(meeting=meeting, requested_by=user, fmt=fmt,
                                   include_names=include_names,
                                   include_affiliations=include_affiliations,
                                   from_presence=from_presence, doing=_("Starting"))
    if getattr(settings, "REPORTS_INLINE", False):
        report_job_run(job_id=job.pk)
    else:
        threading.Thread(target=_run_in_thread, args=(job.pk,), daemon=True).start()
    return job


def _run_in_thread(job_id: int) -> None:
    close_old_connections()
    try:
        report_job_run(job_id=job_id)
    finally:
        connection.close()


def report_job_run(*, job_id: int) -> None:
    """Produce the job's file, saving each step; a failure is recorded, never raised."""
    job = ReportJob.objects.select_related("meeting").get(pk=job_id)
    started = time.perf_counter()

    def progress(step: int, steps: int, what: str) -> None:
        ReportJob.objects.filter(pk=job_id).update(step=step, steps=steps, doing=what[:200])

    try:
        output = report_produce(job.meeting, fmt=job.fmt, include_names=job.include_names,
                                include_affiliations=job.include_affiliations,
                                from_presence=job.from_presence, progress=progress)
    except Exception:  # a report must never take the server down; say so on the page
        log.exception("report job %s failed", job_id)
        ReportJob.objects.filter(pk=job_id).update(
            done=True, error=_("The report could not be produced. The error is in the "
                               "server log; please tell the administrator."))
        return
    ReportJob.objects.filter(pk=job_id).update(
        done=True, step=1, steps=1, doing="", content=output.content,
        filename=output.filename, content_type=output.content_type,
        seconds=time.perf_counter() - started)
