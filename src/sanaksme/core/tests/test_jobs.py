"""The job queue (core/jobs.py): inline, embedded (in-process worker), retries, logs."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.test import override_settings

from sanaksme.core import jobs
from sanaksme.core.tests.waiting import wait_for

EMBEDDED = {"REPORTS_INLINE": False, "SANAKSME_JOBS_INLINE": False, "REDIS_URL": ""}


class Calls:
    def __init__(self) -> None:
        self.kwargs: list[dict[str, Any]] = []
        self.failures: list[tuple[dict[str, Any], BaseException]] = []


@pytest.fixture
def calls() -> Iterator[Calls]:
    """Test jobs: `tests.ok` records its arguments, `tests.flaky` fails with a
    transient database error on its first `fail_times` runs, `tests.broken` always
    raises a ValueError."""
    record = Calls()

    def ok(**kwargs: Any) -> None:
        record.kwargs.append(kwargs)

    def flaky(*, fail_times: int) -> None:
        record.kwargs.append({"fail_times": fail_times})
        if len(record.kwargs) <= fail_times:
            raise OperationalError("the database went away for a moment")

    def broken() -> None:
        record.kwargs.append({})
        raise ValueError("bad data")

    def failed(kwargs: dict[str, Any], exc: BaseException) -> None:
        record.failures.append((kwargs, exc))

    jobs.job("tests.ok")(ok)
    jobs.job("tests.flaky", max_retries=2, min_backoff_ms=10, max_backoff_ms=50,
             on_failure=failed)(flaky)
    jobs.job("tests.broken", on_failure=failed)(broken)
    jobs.reset()
    yield record
    jobs.reset()
    for name in ("tests.ok", "tests.flaky", "tests.broken"):
        jobs._jobs.pop(name, None)


def job_lines(caplog: pytest.LogCaptureFixture, name: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records
            if r.name == "sanaksme.jobs" and getattr(r, "event", "") == "job"
            and getattr(r, "job", "") == name]


def test_inline_runs_at_once_and_logs_one_line(calls: Calls,
                                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="sanaksme.jobs")

    jobs.enqueue("tests.ok", meeting="daugavpils-2017", x=1)

    assert calls.kwargs == [{"x": 1}]
    [line] = job_lines(caplog, "tests.ok")
    assert line.getMessage() == "job finished"
    assert line.meeting == "daugavpils-2017"  # type: ignore[attr-defined]
    assert line.outcome == "ok"  # type: ignore[attr-defined]
    assert line.seconds >= 0  # type: ignore[attr-defined]


def test_inline_failure_is_recorded_not_raised(calls: Calls,
                                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="sanaksme.jobs")

    jobs.enqueue("tests.broken")

    [(_kwargs, exc)] = calls.failures
    assert isinstance(exc, ValueError)
    assert [r.outcome for r in job_lines(caplog, "tests.broken")] == ["failed"]  # type: ignore[attr-defined]


def test_an_unknown_job_is_refused() -> None:
    with pytest.raises(LookupError):
        jobs.enqueue("tests.nothing-by-this-name")


def test_the_reports_job_is_registered() -> None:
    assert "reports.produce" in jobs.jobs()


@pytest.mark.django_db(transaction=True)
def test_embedded_runs_in_a_thread_of_this_process(calls: Calls) -> None:
    with override_settings(**EMBEDDED):
        assert jobs.mode() == "embedded"
        jobs.enqueue("tests.ok", y=2)
        wait_for(lambda: calls.kwargs, what="the embedded worker")
        assert calls.kwargs == [{"y": 2}]
        assert jobs.queue_check() is None


@pytest.mark.django_db(transaction=True)
def test_embedded_retries_a_transient_failure_with_backoff(
        calls: Calls, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="sanaksme.jobs")
    with override_settings(**EMBEDDED):
        jobs.enqueue("tests.flaky", fail_times=1)
        wait_for(lambda: [r for r in job_lines(caplog, "tests.flaky")
                          if r.outcome == "ok"], what="the retry")  # type: ignore[attr-defined]

    assert len(calls.kwargs) == 2
    assert calls.failures == []
    assert [r.outcome for r in job_lines(caplog, "tests.flaky")] == ["retry", "ok"]  # type: ignore[attr-defined]
    assert [r.attempt for r in job_lines(caplog, "tests.flaky")] == [1, 2]  # type: ignore[attr-defined]


@pytest.mark.django_db(transaction=True)
def test_embedded_gives_up_after_the_retries_and_records_the_failure(
        calls: Calls, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="sanaksme.jobs")
    with override_settings(**EMBEDDED):
        jobs.enqueue("tests.flaky", fail_times=99)
        wait_for(lambda: calls.failures, what="the failure")

    assert len(calls.kwargs) == 3  # the first run and max_retries=2 retries
    assert isinstance(calls.failures[0][1], OperationalError)
    assert [r.outcome for r in job_lines(caplog, "tests.flaky")] == ["retry", "retry", "failed"]  # type: ignore[attr-defined]


@pytest.mark.django_db(transaction=True)
def test_embedded_does_not_retry_a_job_that_fails_on_its_data(calls: Calls) -> None:
    with override_settings(**EMBEDDED):
        jobs.enqueue("tests.broken")
        wait_for(lambda: calls.failures, what="the failure")
        jobs.enqueue("tests.ok")  # runs after: the broken one is not queued again
        wait_for(lambda: len(calls.kwargs) == 2, what="the next job")

    assert calls.kwargs == [{}, {}]
    assert isinstance(calls.failures[0][1], ValueError)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_queue_check_names_an_unreachable_broker() -> None:
    assert jobs.queue_check() is None  # inline (the test settings)
    url = f"redis://127.0.0.1:{_closed_port()}/3"
    with override_settings(REPORTS_INLINE=False, SANAKSME_JOBS_INLINE=False, REDIS_URL=url):
        assert jobs.mode() == "hosted"
        reason = jobs.queue_check()
    assert reason is not None
    assert "unreachable" in reason
    with override_settings(**EMBEDDED):
        assert jobs.queue_check() is None


def test_worker_refuses_without_redis() -> None:
    with override_settings(REDIS_URL=""), pytest.raises(CommandError, match="REDIS_URL"):
        call_command("worker")
