"""The job queue: work that must not run in a web process (Dramatiq).

A job is a plain function registered with `@job(...)` in an app's `jobs` module and
started with `enqueue(name_or_function, meeting=slug, **kwargs)`. Where it runs
depends on the settings (docs/jobs.md):

- hosted (`REDIS_URL` set): the message goes to Redis (a Dramatiq RedisBroker with its
  own key namespace) and a `sanaksme worker` process runs it;
- embedded (no `REDIS_URL`): a Dramatiq StubBroker and one in-process Worker thread,
  started on the first `enqueue` in the web process: no extra process to run;
- inline (`SANAKSME_JOBS_INLINE` or `REPORTS_INLINE`, the test settings): at once, in
  the caller, so a test sees the finished result.

A transient failure (the database or Redis went away for a moment) is retried with
exponential backoff; any other exception, the last retry or a time limit calls the
job's `on_failure`, which records it where the user will see it. Jobs that a dead
worker held are requeued to a live worker once its Redis heartbeat is older than
`SANAKSME_JOBS_HEARTBEAT_SECONDS`.

One log line per run on the `sanaksme.jobs` logger: the job's name, the meeting's slug,
the seconds and the outcome (ok, retry or failed); never a participant's text or name.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import dramatiq
from django.conf import settings
from django.core.signals import setting_changed
from django.db import (
    DatabaseError,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connections,
    transaction,
)
from django.dispatch import receiver
from django.utils.module_loading import autodiscover_modules
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import (
    CurrentMessage,
    Retries,
    TimeLimit,
)

log = logging.getLogger("sanaksme.jobs")

QUEUE_NAME = "sanaksme"
# Keys in Redis start with this, apart from the channel layer's and the cache's.
REDIS_NAMESPACE = "sanaksme-jobs"
# How many commands in a million run Dramatiq's queue maintenance, which moves the
# messages of workers without a heartbeat back to the queue. An idle worker polls about
# once a second, so at 20 % a dead worker's job is requeued a few seconds after its
# heartbeat expired (Dramatiq's default, 0.1 %, takes many minutes).
MAINTENANCE_CHANCE = 200_000
# Failed messages are kept this long in Redis's dead-letter queue (for inspection).
DEAD_MESSAGE_TTL_MS = 3 * 24 * 3600 * 1000

# Failures worth another try: the database or the broker was briefly unreachable.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (OperationalError, InterfaceError)


class JobFailed(Exception):  # noqa: N818 (a job's verdict, not a programming error)
    """Raised by a job whose input cannot be processed: no retry, `on_failure` runs."""


FailureHandler = Callable[[dict[str, Any], BaseException], None]


@dataclass(frozen=True)
class Job:
    name: str
    fn: Callable[..., Any]
    max_retries: int = 5
    min_backoff_ms: int = 2_000
    max_backoff_ms: int = 120_000
    time_limit_s: int = 15 * 60
    on_failure: FailureHandler | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def retry(self, retries: int, exc: BaseException) -> bool:
        """Whether a run that raised `exc` after `retries` earlier retries is tried again."""
        return isinstance(exc, TRANSIENT_ERRORS) and retries < self.max_retries


_jobs: dict[str, Job] = {}


def job(name: str, *, max_retries: int = 5, min_backoff_ms: int = 2_000,
        max_backoff_ms: int = 120_000, time_limit_s: int = 15 * 60,
        on_failure: FailureHandler | None = None) -> Callable[[Callable[..., Any]],
                                                               Callable[..., Any]]:
    """Register a function as the job `name` (its keyword arguments must be JSON)."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        _jobs[name] = Job(name=name, fn=fn, max_retries=max_retries,
                          min_backoff_ms=min_backoff_ms, max_backoff_ms=max_backoff_ms,
                          time_limit_s=time_limit_s, on_failure=on_failure)
        fn.job_name = name  # type: ignore[attr-defined]
        return fn

    return register


def jobs() -> dict[str, Job]:
    """Every registered job: each app's `jobs` module is imported first."""
    autodiscover_modules("jobs")
    return dict(_jobs)


def _job_of(name_or_fn: str | Callable[..., Any]) -> Job:
    name = name_or_fn if isinstance(name_or_fn, str) else getattr(name_or_fn, "job_name", "")
    if name not in _jobs:
        jobs()
    try:
        return _jobs[name]
    except KeyError:
        raise LookupError(f"no job named {name!r}") from None


# Settings -------------------------------------------------------------------------------

def inline() -> bool:
    return bool(getattr(settings, "SANAKSME_JOBS_INLINE", False)
                or getattr(settings, "REPORTS_INLINE", False))


def redis_url() -> str:
    return str(getattr(settings, "REDIS_URL", "") or "")


def heartbeat_seconds() -> int:
    return max(2, int(getattr(settings, "SANAKSME_JOBS_HEARTBEAT_SECONDS", 20)))


def mode() -> str:
    """'inline', 'hosted' (Redis and `sanaksme worker`) or 'embedded' (in-process)."""
    if inline():
        return "inline"
    return "hosted" if redis_url() else "embedded"


# The broker -----------------------------------------------------------------------------

_lock = threading.RLock()
_broker: dramatiq.Broker | None = None
_embedded_worker: dramatiq.Worker | None = None
_check_client: Any = None


def _middleware() -> list[dramatiq.Middleware]:
    # Retries decides per job (Job.retry); the numbers here are only the fallbacks.
    return [TimeLimit(), Retries(max_retries=0), CurrentMessage()]


def broker() -> dramatiq.Broker:
    """This process's broker (built from the settings on first use) with every job."""
    global _broker
    with _lock:
        if _broker is not None:
            return _broker
        new: dramatiq.Broker
        if redis_url():
            from dramatiq.brokers.redis import RedisBroker

            new = RedisBroker(  # type: ignore[no-untyped-call]
                url=redis_url(), namespace=REDIS_NAMESPACE,
                              middleware=_middleware(),
                              heartbeat_timeout=heartbeat_seconds() * 1000,
                              maintenance_chance=MAINTENANCE_CHANCE,
                              dead_message_ttl=DEAD_MESSAGE_TTL_MS)
        else:
            new = StubBroker(middleware=_middleware())
        for spec in jobs().values():
            _declare(new, spec)
        dramatiq.set_broker(new)
        _broker = new
        return new


def _declare(b: dramatiq.Broker, spec: Job) -> None:
    def run(**kwargs: Any) -> None:
        _run(spec, kwargs, retries=_current_retries())

    run.__module__ = getattr(spec.fn, "__module__", __name__)
    dramatiq.Actor(run, broker=b, actor_name=spec.name, queue_name=QUEUE_NAME, priority=0,
                   options={"max_retries": spec.max_retries, "retry_when": spec.retry,
                            "min_backoff": spec.min_backoff_ms,
                            "max_backoff": spec.max_backoff_ms,
                            "time_limit": spec.time_limit_s * 1000})


def _current_retries() -> int:
    message = CurrentMessage.get_current_message()
    return int(message.options.get("retries", 0)) if message is not None else 0


def reset() -> None:
    """Forget the broker (tests, or the settings changed); stops the embedded worker."""
    global _broker, _embedded_worker, _check_client
    with _lock:
        worker, _embedded_worker = _embedded_worker, None
        old, _broker = _broker, None
        _check_client = None
    if worker is not None:
        worker.stop(timeout=10_000)
    if old is not None:
        old.close()


@receiver(setting_changed)
def _settings_changed(*, setting: str, **kwargs: Any) -> None:
    if setting in {"REDIS_URL", "SANAKSME_JOBS_INLINE", "REPORTS_INLINE",
                   "SANAKSME_JOBS_HEARTBEAT_SECONDS", "SANAKSME_JOBS_THREADS"}:
        reset()


def _ensure_embedded_worker(b: dramatiq.Broker) -> None:
    global _embedded_worker
    with _lock:
        if _embedded_worker is None:
            threads = max(1, int(getattr(settings, "SANAKSME_JOBS_THREADS", 1)))
            worker = dramatiq.Worker(b, worker_threads=threads, worker_timeout=250)
            worker.start()
            _embedded_worker = worker


# Enqueue and run ------------------------------------------------------------------------

def enqueue(name_or_fn: str | Callable[..., Any], /, *, meeting: str = "",
            **kwargs: Any) -> None:
    """Run a job in the background: hosted, embedded or inline (see the module's text).

    `meeting` is the meeting's slug, for the log line. The message is sent once the
    current transaction commits, so the worker finds the rows it refers to.
    """
    spec = _job_of(name_or_fn)
    payload = {**kwargs, "_meeting": meeting} if meeting else dict(kwargs)
    if inline():
        _run(spec, payload, retries=spec.max_retries, inline=True)
        return

    def send() -> None:
        b = broker()
        if isinstance(b, StubBroker):
            _ensure_embedded_worker(b)
        b.get_actor(spec.name).send_with_options(kwargs=payload)

    transaction.on_commit(send)


def _run(spec: Job, kwargs: dict[str, Any], *, retries: int, inline: bool = False) -> None:
    """Run one attempt of a job; log it; re-raise only what Dramatiq should retry."""
    kwargs = dict(kwargs)
    meeting = str(kwargs.pop("_meeting", ""))
    started = time.perf_counter()
    outcome = "ok"
    if not inline:
        close_old_connections()
    try:
        verdict = spec.fn(**kwargs)
        if verdict == "failed":
            outcome = "failed"
    except BaseException as exc:
        if not inline and spec.retry(retries, exc):
            outcome = "retry"
            raise
        outcome = "failed"
        log.warning("job %s failed", spec.name, exc_info=not isinstance(exc, JobFailed),
                    extra={"event": "job_error", "job": spec.name, "meeting": meeting})
        if spec.on_failure is not None:
            try:
                spec.on_failure(kwargs, exc)
            except DatabaseError:
                log.exception("job %s: recording the failure failed", spec.name)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
    finally:
        log.info("job finished", extra={
            "event": "job", "job": spec.name, "meeting": meeting,
            "seconds": round(time.perf_counter() - started, 3), "outcome": outcome,
            "attempt": retries + 1 if not inline else 1})
        if not inline:
            # A worker thread keeps no connection between jobs (they are seconds apart at
            # best, and a kept one would outlive a database restart or a test database).
            connections.close_all()


# Readiness ------------------------------------------------------------------------------

def queue_check() -> str | None:
    """None when jobs can be queued; else a short reason (the readiness endpoint)."""
    global _check_client
    current = mode()
    if current == "inline":
        return None
    if current == "embedded":
        with _lock:
            worker = _embedded_worker
        if worker is not None and not any(t.is_alive() for t in worker.workers):
            return "the in-process job worker has stopped"
        return None
    import redis

    try:
        with _lock:
            if _check_client is None:
                _check_client = redis.Redis.from_url(
                    redis_url(), socket_connect_timeout=2, socket_timeout=2)
            client = _check_client
        client.ping()
    except (redis.RedisError, OSError) as exc:
        return f"job broker unreachable: {type(exc).__name__}"
    return None
