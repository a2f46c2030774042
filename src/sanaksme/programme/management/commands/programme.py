"""`sanaksme programme import FILE.yaml` and `sanaksme programme export SLUG …`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

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
                         help="Replace an existing meeting with the same slug (refused "
                              "when it has been run, unless --backup-first).")
        imp.add_argument("--backup-first", action="store_true",
                         help="With --replace: first write the whole meeting as JSON "
                              "(names included; restore with `sanaksme import_meeting "
                              "FILE --slug NEW`), then replace it.")
        imp.add_argument("--backup-to", type=Path,
                         help="Where --backup-first writes (default: DATA_DIR/backups/).")
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
            backup_to = None
            if options["backup_first"]:
                if not options["replace"]:
                    raise CommandError("--backup-first goes with --replace.")
                backup_to = options["backup_to"] or settings.DATA_DIR / "backups"
            self._import(options["file"], options["replace"], backup_to)
        else:
            self._export(options["slug"], options["format"], options["output"],
                         names=options["names"], contacts=options["contacts"])

    def _import(self, path: Path, replace: bool, backup_to: Path | None) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            meeting = programme_import(
                text=text, replace=replace,
                backup=None if backup_to is None else self._backup_writer(backup_to))
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(f"{path}: {error}")
            raise CommandError(f"{path} was not imported; nothing was changed.") from exc
        self.stdout.write(f"Imported “{meeting.full_title}” as {meeting.slug}.")

    def _backup_writer(self, target: Path) -> Callable[[Meeting], Path]:
        """Write the whole meeting as `sanaksme/meeting@3` JSON, readable by the owner
        only (it names people and their categories), and say where."""
        from sanaksme.reports.exchange import meeting_export  # the CLI may read reports

        def write(meeting: Meeting) -> Path:
            path = target
            if target.is_dir() or not target.suffix:
                stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
                path = target / f"{meeting.slug}-before-replace-{stamp}.json"
            data = json.dumps(meeting_export(meeting, include_names=True),
                              ensure_ascii=False, indent=1)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(data)
            except OSError as exc:  # refused inside the transaction: nothing is replaced
                raise ImportRejected([f"Cannot write the backup {path}: {exc}"]) from exc
            self.stdout.write(f"Backed up “{meeting.full_title}” to {path}")
            return path

        return write

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
