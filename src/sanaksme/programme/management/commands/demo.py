"""`sanaksme demo`: load the Daugavpils demo when the database has no meeting, and
make sure a facilitator account exists. Prints how to log in and join."""

from __future__ import annotations

import argparse
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from sanaksme.presenting.demo import demo_decks
from sanaksme.programme.models import Meeting, Organisation
from sanaksme.programme.services import programme_import

DEMO_FILE = Path(__file__).resolve().parents[3] / "examples" / "daugavpils-2017.yaml"


class Command(BaseCommand):
    help = "Load the demo meeting into an empty database and create the facilitator login."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--url", default="http://127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        if not Meeting.objects.exists():
            meeting = programme_import(text=DEMO_FILE.read_text(encoding="utf-8"))
            decks = demo_decks(meeting)
            self.stdout.write(f"Loaded the demo meeting “{meeting.full_title}” "
                              f"with {decks} sample slide decks.")
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
