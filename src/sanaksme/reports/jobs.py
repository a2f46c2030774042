"""Produce a report on the job queue and record its progress in the database.

The database, not process memory, holds the progress and the file, so the page can
poll any web worker while a `sanaksme worker` (hosted) or a thread of the web process
(embedded) produces it (core/jobs.py, docs/jobs.md). A job whose worker died is run
again by another worker; one with no progress for SANAKSME_JOBS_STALE_MINUTES is shown
as failed, so the page never says "running" for ever.

Files are kept for SANAKSME_REPORT_JOB_DAYS days (they may name people), then purged:
here whenever a job is started or the page is opened, and by `sanaksme purge`.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import Any

from django.conf import settings
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from dramatiq.middleware import TimeLimitExceeded

from sanaksme.core.exceptions import DomainError
from sanaksme.core.jobs import TRANSIENT_ERRORS, enqueue, job
from sanaksme.programme.models import Meeting

from .models import ReportJob, report_job_lifetime
from .produce import FORMATS, report_produce

log = logging.getLogger(__name__)

JOB_NAME = "reports.produce"
# A report that was started this many times (its worker died each time, or the
# database kept failing) is given up, not tried again.
MAX_ATTEMPTS = 4


def report_jobs_purge() -> int:
    """Delete every job older than SANAKSME_REPORT_JOB_DAYS, its file with it; the count."""
    cutoff = timezone.now() - report_job_lifetime()
    deleted, _by_model = ReportJob.objects.filter(created_at__lte=cutoff).delete()
    return deleted


def report_job_start(*, meeting: Meeting, user: Any, fmt: str, include_names: bool = False,
                     include_affiliations: bool = False,
                     from_presence: bool = False) -> ReportJob:
    """Record the request and queue it (in tests, produce it at once)."""
    if fmt not in FORMATS:
        raise DomainError(_("Unknown report format."), field="fmt")
    if fmt == "attendance" and not include_names:
        raise DomainError(_("Attendance sheets list names: tick the box to confirm that "
                            "you need them."), field="names")
    report_jobs_purge()
    job_row = ReportJob.objects.create(meeting=meeting, requested_by=user, fmt=fmt,
                                       include_names=include_names,
                                       include_affiliations=include_affiliations,
                                       from_presence=from_presence, doing=_("Starting"))
    enqueue(JOB_NAME, meeting=meeting.slug, job_id=job_row.pk,
            language=translation.get_language() or settings.LANGUAGE_CODE)
    return job_row


def _failed(kwargs: dict[str, Any], exc: BaseException) -> None:
    """The queue gave up on a run (time limit, retries spent, an unexpected error)."""
    with translation.override(kwargs.get("language") or settings.LANGUAGE_CODE):
        if isinstance(exc, TimeLimitExceeded):
            message = _("The report took too long to produce and was stopped. Please "
                        "tell the administrator.")
        else:
            message = _("The report could not be produced. The error is in the "
                        "server log; please tell the administrator.")
        ReportJob.objects.filter(pk=kwargs["job_id"], done=False).update(
            done=True, error=message, doing="")


@job(JOB_NAME, max_retries=MAX_ATTEMPTS - 1, time_limit_s=15 * 60, on_failure=_failed)
def report_job_run(*, job_id: int, language: str = "") -> str | None:
    """Produce the job's file, saving each step; "failed" when its data could not be.

    A transient database error is raised, for the queue to try again later.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        return _produce(job_id)


def _produce(job_id: int) -> str | None:
    now = timezone.now()
    # Claim the run: a job that is done (or was given up as stalled) is not produced again.
    if not ReportJob.objects.filter(pk=job_id, done=False).update(
            attempts=F("attempts") + 1, started_at=now, heartbeat_at=now, step=0):
        return None
    job_row = ReportJob.objects.select_related("meeting").get(pk=job_id)
    if job_row.attempts > MAX_ATTEMPTS:
        ReportJob.objects.filter(pk=job_id).update(done=True, doing="", error=_(
            "The report was started several times and never finished. Please tell the "
            "administrator."))
        return "failed"
    started = time.perf_counter()

    def progress(step: int, steps: int, what: str) -> None:
        ReportJob.objects.filter(pk=job_id).update(step=step, steps=steps, doing=what[:200],
                                                   heartbeat_at=timezone.now())

    try:
        output = report_produce(job_row.meeting, fmt=job_row.fmt,
                                include_names=job_row.include_names,
                                include_affiliations=job_row.include_affiliations,
                                from_presence=job_row.from_presence, progress=progress)
    except TRANSIENT_ERRORS:
        raise  # the queue retries it with backoff
    except Exception:  # the report's own data: say so on the page, do not retry
        log.exception("report job %s failed", job_id)
        ReportJob.objects.filter(pk=job_id).update(
            done=True, doing="", error=_("The report could not be produced. The error is "
                                         "in the server log; please tell the "
                                         "administrator."))
        return "failed"
    ReportJob.objects.filter(pk=job_id).update(
        done=True, step=1, steps=1, doing="", error="", content=output.content,
        filename=output.filename, content_type=output.content_type,
        seconds=time.perf_counter() - started, heartbeat_at=timezone.now())
    return None


def report_job_stale_after() -> dt.timedelta:
    """How long a job may show no progress before it is given up (at least a minute)."""
    return dt.timedelta(minutes=max(1, int(getattr(settings, "SANAKSME_JOBS_STALE_MINUTES",
                                                   10))))


def report_job_refresh(job_row: ReportJob, now: dt.datetime | None = None) -> ReportJob:
    """The job, marked failed (with a message) if it has shown no progress for too long.

    A queued job that no worker took, or whose worker died and none took it over, would
    otherwise say "running" for ever.
    """
    if job_row.done:
        return job_row
    last = job_row.heartbeat_at or job_row.created_at
    if (now or timezone.now()) - last < report_job_stale_after():
        return job_row
    if job_row.started_at is None:
        message = _("No job worker took the report. Please tell the administrator (is "
                    "“sanaksme worker” running?).")
    else:
        message = _("The report stopped without finishing. Please produce it again; if "
                    "this happens again, tell the administrator.")
    # Only if nothing changed since it was read: a worker may have just moved it on.
    ReportJob.objects.filter(pk=job_row.pk, done=False,
                             heartbeat_at=job_row.heartbeat_at).update(
        done=True, doing="", error=message)
    job_row.refresh_from_db()
    return job_row
