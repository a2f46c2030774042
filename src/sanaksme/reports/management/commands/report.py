"""`sanaksme report SLUG --format pdf -o FILE`: a meeting's report or data export;
`sanaksme report --series SLUG --format pdf -o FILE`: the report of a meeting series."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sanaksme.programme.models import Meeting, Series
from sanaksme.reports.produce import FORMATS, report_produce

SERIES_FORMATS = ("pdf", "docx", "md")


class Command(BaseCommand):
    help = ("Produce a meeting's report (pdf, docx, md), data (xlsx, csv, json) or "
            "attendance sheets; or, with --series, the report of a meeting series. "
            "No participant is named unless --names is given.")

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("slug", nargs="?", help="the meeting's short name")
        parser.add_argument("--series", metavar="SLUG", help="a series' short name")
        parser.add_argument("--format", dest="fmt", default="pdf", choices=sorted(FORMATS))
        parser.add_argument("-o", "--output", required=True, help="file to write ('-' = stdout)")
        parser.add_argument("--names", action="store_true",
                            help="include names (the attendance annex; names in data exports)")
        parser.add_argument("--affiliations", action="store_true",
                            help="JSON without names: keep institutions, municipalities "
                                 "and mediator marks")
        parser.add_argument("--from-presence", action="store_true",
                            help="attendance sheets: only those recorded present")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        if options["series"]:
            content = self._series(options["series"], options["fmt"])
        else:
            content = self._meeting(options)
        self._write(options["output"], content)
        self.stderr.write(f"{len(content) / 1024:.1f} KB in "
                          f"{time.perf_counter() - started:.2f} s")

    def _meeting(self, options: dict[str, Any]) -> bytes:
        if not options["slug"]:
            raise CommandError("Give a meeting's short name, or --series SLUG.")
        meeting = Meeting.objects.filter(slug=options["slug"]).first()
        if meeting is None:
            raise CommandError(f"No meeting “{options['slug']}”.")
        if options["fmt"] == "attendance" and not options["names"]:
            raise CommandError("Attendance sheets list names: give --names to confirm.")
        output = report_produce(meeting, fmt=options["fmt"], include_names=options["names"],
                                include_affiliations=options["affiliations"],
                                from_presence=options["from_presence"], progress=self._progress)
        return output.content

    def _series(self, slug: str, fmt: str) -> bytes:
        series = Series.objects.filter(slug=slug).first()
        if series is None:
            raise CommandError(f"No series “{slug}”.")
        if fmt not in SERIES_FORMATS:
            raise CommandError(f"A series report is made as {', '.join(SERIES_FORMATS)}.")
        meeting = series.meetings.order_by("-starts_on").first()
        if meeting is None:
            raise CommandError(f"The series “{slug}” has no meeting yet.")
        return report_produce(meeting, fmt=f"series-{fmt}", progress=self._progress).content

    def _progress(self, step: int, steps: int, what: str) -> None:
        self.stderr.write(f"[{step}/{steps}] {what}")

    def _write(self, output: str, content: bytes) -> None:
        if output == "-":
            sys.stdout.buffer.write(content)
            return
        Path(output).write_bytes(content)
