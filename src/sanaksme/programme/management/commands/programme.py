"""`sanaksme programme import FILE.yaml` and `sanaksme programme export SLUG …`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from sanaksme.core.exceptions import ImportRejected
from sanaksme.programme.exports import EXPORT_FORMATS, export_programme
from sanaksme.programme.models import Meeting
from sanaksme.programme.services import programme_import


class Command(BaseCommand):
    help = "Import a programme from YAML, or export one as YAML, PDF or DOCX."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import a programme file (all or nothing).")
        imp.add_argument("file", type=Path)
        imp.add_argument("--replace", action="store_true",
                         help="Replace an existing meeting with the same slug.")
        exp = sub.add_parser("export", help="Export a meeting's programme.")
        exp.add_argument("slug")
        exp.add_argument("--format", choices=EXPORT_FORMATS, default="yaml")
        exp.add_argument("--names", action="store_true",
                         help="YAML: include the registration list (names, categories).")
        exp.add_argument("--contacts", action="store_true",
                         help="YAML with --names: include e-mail and phone as well.")
        exp.add_argument("-o", "--output", type=Path,
                         help="File to write (default: standard output for YAML).")

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate("en")
        if options["action"] == "import":
            self._import(options["file"], options["replace"])
        else:
            self._export(options["slug"], options["format"], options["output"],
                         names=options["names"], contacts=options["contacts"])

    def _import(self, path: Path, replace: bool) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            meeting = programme_import(text=text, replace=replace)
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(f"{path}: {error}")
            raise CommandError(f"{path} was not imported; nothing was changed.") from exc
        self.stdout.write(f"Imported “{meeting.full_title}” as {meeting.slug}.")

    def _export(self, slug: str, fmt: str, output: Path | None, *, names: bool,
                contacts: bool) -> None:
        meeting = Meeting.objects.filter(slug=slug).first()
        if meeting is None:
            raise CommandError(f"No meeting with the short name {slug!r}.")
        data = export_programme(meeting, fmt, names=names, contacts=contacts)
        if output is None:
            if fmt != "yaml":
                raise CommandError("Give -o FILE for PDF and DOCX.")
            sys.stdout.write(data.content.decode("utf-8"))
            return
        output.write_bytes(data.content)
        self.stdout.write(f"Wrote {output} ({len(data.content)} bytes).")
