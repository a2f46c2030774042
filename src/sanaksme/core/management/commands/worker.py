"""`sanaksme worker`: run the queued jobs (reports, ...) of the hosted mode (docs/jobs.md)."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import threading
from types import FrameType
from typing import Any

import dramatiq
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from sanaksme.core import jobs

log = logging.getLogger("sanaksme.jobs")
# A report is seconds of CPU; the live layer's work is milliseconds that phones wait
# for. On a machine that runs both, the job worker yields (docs/performance.md).
NICE = 10


class Command(BaseCommand):
    help = ("Run queued jobs (reports) from Redis. Only with REDIS_URL: without it, jobs "
            "run inside `sanaksme serve` and no worker is needed.")

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--threads", type=int, default=1,
                            help="Jobs run at once by this process (default 1). For more "
                                 "CPU, start more `sanaksme worker` processes.")
        parser.add_argument("--nice", type=int, default=NICE,
                            help="Lower this process's CPU priority by this much (default "
                                 f"{NICE}; 0 keeps it): a report then takes the CPU the "
                                 "web workers leave, and phones do not wait for it.")
        parser.add_argument("--stop-timeout", type=int, default=60,
                            help="Seconds a stop (SIGTERM/SIGINT) waits for running jobs; "
                                 "what is still running then is run again by another "
                                 "worker (default 60).")

    def handle(self, *args: Any, **options: Any) -> None:
        if not jobs.redis_url():
            raise CommandError(
                "REDIS_URL is not set. Without it jobs run inside `sanaksme serve` "
                "(the embedded mode) and no worker is needed; set REDIS_URL (the same "
                "for the web processes and the workers) to run jobs here.")
        threads = max(1, options["threads"])
        if options["nice"] > 0:
            os.nice(options["nice"])
        broker = jobs.broker()
        reason = jobs.queue_check()
        if reason:
            raise CommandError(f"{reason} ({jobs.REDIS_NAMESPACE} at REDIS_URL)")
        # Connections opened while starting are not for the worker threads.
        connections.close_all()

        stop = threading.Event()

        def on_signal(signum: int, frame: FrameType | None) -> None:
            if stop.is_set():  # a second signal: do not wait for the jobs
                log.warning("job worker: second signal, exiting now")
                os._exit(1)
            stop.set()

        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)

        worker = dramatiq.Worker(broker, worker_threads=threads)
        worker.start()
        names = sorted(jobs.jobs())
        log.info("job worker started", extra={"event": "worker", "threads": threads,
                                              "pid": os.getpid(), "jobs": names})
        self.stdout.write(f"sanaksme worker: {threads} thread(s), pid {os.getpid()}, "
                          f"jobs: {', '.join(names)}")
        self.stdout.flush()
        while not stop.wait(1.0):
            pass
        self.stdout.write("sanaksme worker: stopping (waiting for running jobs)")
        self.stdout.flush()
        worker.stop(timeout=max(1, options["stop_timeout"]) * 1000)
        log.info("job worker stopped", extra={"event": "worker", "pid": os.getpid()})
        self.stdout.write("sanaksme worker: stopped")
