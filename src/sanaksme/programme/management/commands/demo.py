"""`sanaksme demo`: load the Daugavpils demo when the database has no meeting (the live
demo, empty for trying things, and the recorded meeting as it ran), and make sure a
facilitator account exists. Prints how to log in and join. `--recorded` loads only the
recorded meeting(s), into any database where their short names are free."""

from __future__ import annotations

import argparse
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError, ImportRejected
from sanaksme.presenting.demo import demo_decks
from sanaksme.programme.models import Meeting, Organisation
from sanaksme.programme.services import programme_import
from sanaksme.replay.record import parse_record
from sanaksme.replay.run import replay_record

DEMO_FILE = Path(__file__).resolve().parents[3] / "examples" / "daugavpils-2017.yaml"
# Recorded meetings, oldest first: what happened in the room, replayed (docs/recorded-demo.md).
RECORD_FILES = (DEMO_FILE.with_name("jurmala-2016-record.yaml"),
                DEMO_FILE.with_name("daugavpils-2017-record.yaml"))


class Command(BaseCommand):
    help = "Load the demo meeting into an empty database and create the facilitator login."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--url", default="http://127.0.0.1:8000")
        parser.add_argument("--recorded", action="store_true",
                            help="Load only the recorded demo meeting(s), if their short "
                                 "names are free, also into a database with meetings.")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("en"):  # the rest of this command's output is English
            self._handle(options)

    def _handle(self, options: dict[str, Any]) -> None:
        if options["recorded"]:
            self._load_records()
        elif not Meeting.objects.exists():
            meeting = programme_import(text=DEMO_FILE.read_text(encoding="utf-8"))
            decks = demo_decks(meeting)
            self.stdout.write(f"Loaded the demo meeting “{meeting.full_title}” "
                              f"with {decks} sample slide decks.")
            self._load_records()
        password = self._facilitator_password()
        url = options["url"]
        lines = [
            f"\n  Sanāksme is starting on {url}",
            f"  Facilitator login: {url}/login/  user: facilitator  password: {password}",
            f"  Programme designer: {url}/console/",
        ]
        for meeting in Meeting.objects.order_by("-starts_on")[:3]:
            lines += [
                f"  {meeting.full_title}:",
                f"    participants join: {url}/j/{meeting.join_code}/  (code {meeting.join_code})",
                f"    projector: {url}/projector/{meeting.slug}/{meeting.projector_token}/",
            ]
        self.stdout.write("\n".join(lines) + "\n")

    def _load_records(self) -> None:
        """Replay each recorded meeting whose short name is still free; one line each."""
        for path in RECORD_FILES:
            text = path.read_text(encoding="utf-8")
            try:
                slug = parse_record(text).slug
                if Meeting.objects.filter(slug=slug).exists():
                    self.stdout.write(_("The recorded meeting “%(slug)s” is already loaded.")
                                      % {"slug": slug})
                    continue
                meeting = replay_record(text, base_dir=path.parent)
            except ImportRejected as exc:
                raise CommandError(_("%(file)s was not loaded: %(errors)s")
                                   % {"file": path.name, "errors": "; ".join(exc.errors)}
                                   ) from exc
            except DomainError as exc:
                raise CommandError(_("%(file)s was not loaded: %(error)s")
                                   % {"file": path.name, "error": exc.message}) from exc
            self.stdout.write(_("Loaded the recorded meeting “%(title)s” as %(slug)s: "
                                "%(people)d participants, %(notes)d notes, as it ran on "
                                "%(dates)s.")
                              % {"title": meeting.full_title, "slug": meeting.slug,
                                 "people": meeting.participants.count(),
                                 "notes": meeting.notes.count(),
                                 "dates": _dates(meeting)})

    def _facilitator_password(self) -> str:
        """Create the `facilitator` account once; its password is kept in DATA_DIR."""
        path = Path(settings.DATA_DIR) / "facilitator-password.txt"
        user_model = get_user_model()
        user = user_model.objects.filter(username="facilitator").first()
        if user is not None and path.exists():
            return path.read_text().strip()
        password = secrets.token_urlsafe(9)
        if user is None:
            user = user_model.objects.create_user("facilitator", password=password,
                                                  is_staff=True, is_superuser=True)
        else:
            user.set_password(password)
            user.save()
        for organisation in Organisation.objects.all():
            organisation.members.add(user)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(password)
        path.chmod(0o600)
        return password


def _dates(meeting: Meeting) -> str:
    if meeting.starts_on == meeting.ends_on:
        return meeting.starts_on.isoformat()
    return f"{meeting.starts_on.isoformat()} – {meeting.ends_on.isoformat()}"
