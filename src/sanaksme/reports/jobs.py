"""Produce a report in the background and record its progress in the database.

The database, not process memory, holds the progress and the file, so the page can
poll any worker. Finished jobs are kept for an hour: files with names are sensitive.
"""

from __future__ import annotations

import datetime as dt
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

from .models import ReportJob
from .produce import FORMATS, report_produce

KEEP = dt.timedelta(hours=1)
log = logging.getLogger(__name__)


def report_job_start(*, meeting: Meeting, user: Any, fmt: str, include_names: bool = False,
                     from_presence: bool = False) -> ReportJob:
    """Record the request and start producing it (in a thread, or at once in tests)."""
    if fmt not in FORMATS:
        raise DomainError(_("Unknown report format."), field="fmt")
    ReportJob.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
    job = ReportJob.objects.create(meeting=meeting, requested_by=user, fmt=fmt,
                                   include_names=include_names, from_presence=from_presence,
                                   doing=_("Starting"))
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
