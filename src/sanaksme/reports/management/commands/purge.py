"""`sanaksme purge`: delete what is kept no longer than a set time (run it daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sanaksme.reports.jobs import report_jobs_purge
from sanaksme.reports.models import report_job_lifetime


class Command(BaseCommand):
    help = ("Delete produced report files older than SANAKSME_REPORT_JOB_DAYS days. "
            "Safe to run at any time, e.g. daily from cron or a systemd timer.")

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = report_jobs_purge()
        days = report_job_lifetime().days
        self.stdout.write(f"Deleted {deleted} report file(s) older than {days} day(s).")
