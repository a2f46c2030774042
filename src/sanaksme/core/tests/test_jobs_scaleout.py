"""Hosted mode: real `sanaksme worker` processes take report jobs from Redis.

Scale-out suite only (REDIS_URL and a PostgreSQL DATABASE_URL): the workers are
subprocesses on the test database, so the tests commit (transactional_db). They use
Redis database 3, flushed before and after.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from django.test import override_settings

from sanaksme.core import jobs
from sanaksme.core.tests.scaleout import database_url, flush_redis, redis_url
from sanaksme.core.tests.waiting import wait_for
from sanaksme.programme.models import Meeting
from sanaksme.replay.run import EXAMPLES_DIR, replay_record
from sanaksme.reports.jobs import report_job_start
from sanaksme.reports.models import ReportJob

pytestmark = [
    pytest.mark.skipif(not os.environ.get("REDIS_URL")
                       or not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                       reason="scale-out suite only (REDIS_URL and a PostgreSQL "
                              "DATABASE_URL)"),
    pytest.mark.django_db(transaction=True),
]

REDIS_DB = 3
# Short, so a killed worker's job is requeued within seconds (production: 20 s).
HEARTBEAT_S = 3


class Workers:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.started: list[tuple[subprocess.Popen[bytes], IO[bytes]]] = []

    def start(self, threads: int = 1) -> subprocess.Popen[bytes]:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sanaksme.config.settings.test",
               "DATABASE_URL": database_url(), "REDIS_URL": redis_url(REDIS_DB),
               "SANAKSME_JOBS_HEARTBEAT_SECONDS": str(HEARTBEAT_S),
               "LOG_LEVEL": "INFO"}
        log = (self.tmp / f"worker-{len(self.started)}.log").open("wb")
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            [sys.executable, "-m", "sanaksme.cli", "worker", "--threads", str(threads)],
            env=env, stdout=log, stderr=subprocess.STDOUT)
        self.started.append((process, log))
        return process

    def logs(self) -> str:
        return "\n".join(f"--- worker {i}\n" + Path(log.name).read_text(errors="replace")
                         for i, (_p, log) in enumerate(self.started))

    def stop_all(self) -> None:
        for process, log in self.started:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
            log.close()


@pytest.fixture
def redis_db() -> Iterator[None]:
    flush_redis(redis_url(REDIS_DB))
    yield
    flush_redis(redis_url(REDIS_DB))


@pytest.fixture
def workers(redis_db: None) -> Iterator[Workers]:
    with tempfile.TemporaryDirectory(prefix="sanaksme-workers-") as tmp:
        started = Workers(Path(tmp))
        try:
            yield started
        finally:
            started.stop_all()


@pytest.fixture
def hosted(redis_db: None) -> Iterator[None]:
    """This process queues jobs on Redis database 3 (it runs none)."""
    with override_settings(REPORTS_INLINE=False, SANAKSME_JOBS_INLINE=False,
                           REDIS_URL=redis_url(REDIS_DB)):
        yield
    jobs.reset()


def _job(pk: int) -> ReportJob:
    return ReportJob.objects.get(pk=pk)


def test_a_worker_produces_the_report_and_stops_on_sigterm(
        hosted: None, workers: Workers, demo_meeting: Meeting, facilitator: Any) -> None:
    worker = workers.start()
    assert jobs.mode() == "hosted"
    assert jobs.queue_check() is None

    job = report_job_start(meeting=demo_meeting, user=facilitator, fmt="md")

    wait_for(lambda: _job(job.pk).done, seconds=120, what="the worker to produce the report",
             logs=workers.logs)
    job.refresh_from_db()
    assert job.error == ""
    assert job.attempts == 1
    assert bytes(job.content).startswith(b"#")

    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=60) == 0, workers.logs()
    assert "stopped" in workers.logs()


def test_a_job_of_a_killed_worker_is_finished_by_another(
        hosted: None, workers: Workers, facilitator: Any) -> None:
    meeting = replay_record((EXAMPLES_DIR / "daugavpils-2017-record.yaml")
                            .read_text(encoding="utf-8"))
    meeting.organisation.members.add(facilitator)
    first = workers.start()
    # The 22-page PDF takes seconds: stop the worker while it runs one, then kill it.
    for _try in range(3):
        job = report_job_start(meeting=meeting, user=facilitator, fmt="pdf")
        wait_for(lambda: (row := _job(job.pk)).started_at is not None or row.done,  # noqa: B023
                 seconds=120, what="the first worker to start the report",
                 logs=workers.logs)
        first.send_signal(signal.SIGSTOP)
        if not _job(job.pk).done:
            break
        first.send_signal(signal.SIGCONT)  # it was quicker than us: once more
    else:
        pytest.fail("the report finished each time before the worker could be stopped")
    first.kill()
    first.wait(timeout=30)
    assert not _job(job.pk).done

    workers.start()  # its heartbeat is alive, the first one's stops: the job moves over

    wait_for(lambda: _job(job.pk).done, seconds=180,
             what="the second worker to finish the report", logs=workers.logs)
    job.refresh_from_db()
    assert job.error == "", job.error
    assert job.attempts == 2
    assert bytes(job.content).startswith(b"%PDF")
