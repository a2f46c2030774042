"""The demo programme in tests: imported once per test session (see the root conftest)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from django.db import connection

from sanaksme.programme.management.commands.demo import DEMO_FILE
from sanaksme.programme.models import Meeting
from sanaksme.programme.services import programme_import

DEMO_SLUG = "daugavpils-2017"


def demo_get_or_import() -> Meeting:
    """The demo meeting: the one in the database, or imported now if a flush removed it."""
    meeting = Meeting.objects.filter(slug=DEMO_SLUG).first()
    return meeting or programme_import(text=DEMO_FILE.read_text(encoding="utf-8"))


def demo_ensure() -> None:
    """Import the demo if it is missing, in a thread of its own: the import broadcasts
    on commit with async_to_sync, which refuses to run beside the event loop that
    Playwright keeps in the main thread during browser tests."""

    def run() -> None:
        try:
            demo_get_or_import()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(run).result()
