"""`sanaksme import_meeting FILE.json [--slug NEW]`: a meeting exported as JSON, back in."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from sanaksme.core.exceptions import ImportRejected
from sanaksme.reports.exchange import meeting_import


class Command(BaseCommand):
    help = ("Import a meeting from a Sanāksme JSON file (sanaksme/meeting@3, @2 or @1), "
            "all or nothing.")

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--slug", help="Short name for the new meeting (needed when "
                                           "the file's is taken).")

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate("en")
        path: Path = options["file"]
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            meeting = meeting_import(text, slug=options["slug"])
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(f"{path}: {error}")
            raise CommandError(f"{path} was not imported; nothing was changed.") from exc
        self.stdout.write(f"Imported “{meeting.full_title}” as {meeting.slug} "
                          f"(join code {meeting.join_code}).")
