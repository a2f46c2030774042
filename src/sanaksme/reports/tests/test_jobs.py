"""Report jobs on the queue: failures, retries, a dead worker's job, the stale bound."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client, override_settings
from django.utils import timezone

from sanaksme.core import jobs
from sanaksme.core.tests.waiting import wait_for
from sanaksme.programme.models import Meeting
from sanaksme.reports import jobs as report_jobs
from sanaksme.reports.models import ReportJob

HX = {"HX-Request": "true"}


def _job(meeting: Meeting, user: Any, **fields: Any) -> ReportJob:
    return ReportJob.objects.create(meeting=meeting, requested_by=user, fmt="md", **fields)


@pytest.mark.django_db
def test_a_report_failing_on_its_data_is_failed_with_a_message_once(
        demo_meeting: Meeting, facilitator: Any, monkeypatch: pytest.MonkeyPatch,
        english: None) -> None:
    runs: list[str] = []

    def broken(*args: Any, **kwargs: Any) -> None:
        runs.append("run")
        raise ValueError("a section could not be built")

    monkeypatch.setattr(report_jobs, "report_produce", broken)
    job = report_jobs.report_job_start(meeting=demo_meeting, user=facilitator, fmt="md")

    job.refresh_from_db()
    assert job.done
    assert job.error.startswith("The report could not be produced.")
    assert runs == ["run"]
    assert job.attempts == 1


@pytest.mark.django_db
def test_a_transient_error_is_raised_for_the_queue_to_retry(
        demo_meeting: Meeting, facilitator: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def gone(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(report_jobs, "report_produce", gone)
    job = _job(demo_meeting, facilitator)

    with pytest.raises(OperationalError):
        report_jobs.report_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert not job.done  # the next attempt may still produce it
    assert job.attempts == 1
    assert job.started_at is not None


@pytest.mark.django_db
def test_the_last_failed_retry_marks_the_job_failed(demo_meeting: Meeting, facilitator: Any,
                                                    english: None) -> None:
    job = _job(demo_meeting, facilitator, attempts=report_jobs.MAX_ATTEMPTS)

    report_jobs._failed({"job_id": job.pk, "language": "en"},
                        OperationalError("still down"))

    job.refresh_from_db()
    assert job.done
    assert job.error.startswith("The report could not be produced.")


@pytest.mark.django_db
def test_a_job_started_too_many_times_is_given_up(demo_meeting: Meeting,
                                                  facilitator: Any) -> None:
    # Every worker that took it died: it is not taken again and again.
    job = _job(demo_meeting, facilitator, attempts=report_jobs.MAX_ATTEMPTS)

    assert report_jobs.report_job_run(job_id=job.pk, language="en") == "failed"

    job.refresh_from_db()
    assert job.done
    assert job.error.startswith("The report was started several times")
    assert not job.content


@pytest.mark.django_db
def test_a_done_job_is_not_produced_again(demo_meeting: Meeting, facilitator: Any) -> None:
    # A message redelivered after its job was given up as stalled does nothing.
    job = _job(demo_meeting, facilitator, done=True, error="stopped")

    assert report_jobs.report_job_run(job_id=job.pk) is None

    job.refresh_from_db()
    assert job.attempts == 0
    assert job.error == "stopped"


@pytest.mark.django_db
def test_a_job_without_progress_for_too_long_shows_as_failed(
        demo_meeting: Meeting, facilitator: Any, facilitator_client: Client,
        english: None) -> None:
    started = timezone.now() - dt.timedelta(minutes=11)
    job = _job(demo_meeting, facilitator, step=3, steps=9, doing="Drawing the chart",
               attempts=1, started_at=started, heartbeat_at=started)

    facilitator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = facilitator_client.get(
        f"/console/m/{demo_meeting.slug}/reports/jobs/{job.key}/", headers=HX)

    assert page.status_code == 200
    text = page.content.decode()
    assert "The report stopped without finishing" in text
    assert "hx-get" not in text  # the page stops polling
    job.refresh_from_db()
    assert job.done


@pytest.mark.django_db
def test_a_job_no_worker_took_says_so(demo_meeting: Meeting, facilitator: Any,
                                      english: None) -> None:
    job = _job(demo_meeting, facilitator)
    ReportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=30))
    job.refresh_from_db()

    job = report_jobs.report_job_refresh(job)

    assert job.done
    assert "sanaksme worker" in job.error


@pytest.mark.django_db
def test_a_job_with_recent_progress_keeps_running(demo_meeting: Meeting,
                                                  facilitator: Any) -> None:
    beat = timezone.now() - dt.timedelta(minutes=9)
    job = _job(demo_meeting, facilitator, attempts=1, started_at=beat - dt.timedelta(
        minutes=30), heartbeat_at=beat)

    with override_settings(SANAKSME_JOBS_STALE_MINUTES=10):
        assert not report_jobs.report_job_refresh(job).done
    with override_settings(SANAKSME_JOBS_STALE_MINUTES=5):
        assert report_jobs.report_job_refresh(job).done


@pytest.mark.django_db(transaction=True)
def test_embedded_mode_produces_the_report_in_a_thread(
        demo_meeting: Meeting, facilitator: Any) -> None:
    try:
        with override_settings(REPORTS_INLINE=False, SANAKSME_JOBS_INLINE=False,
                               REDIS_URL=""):
            job = report_jobs.report_job_start(meeting=demo_meeting, user=facilitator,
                                               fmt="md")
            wait_for(lambda: ReportJob.objects.get(pk=job.pk).done,
                     what="the embedded worker to finish the report")
    finally:
        jobs.reset()

    job.refresh_from_db()
    assert job.error == ""
    assert job.attempts == 1
    assert bytes(job.content).startswith(b"#")
    assert job.filename.endswith(".md")
