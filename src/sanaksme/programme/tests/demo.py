"""The demo programme in tests: imported once per test session (see the root conftest).

A transactional test (consumers, browser tests) ends by flushing the database, which
removes the demo. On SQLite the database as it stood right after the session's import
is kept in memory (`sqlite3` backup API) and copied back in a few milliseconds; on
PostgreSQL the demo is imported again.
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor

from django.db import connection

from sanaksme.live import admission
from sanaksme.live import state as live_state
from sanaksme.programme.management.commands.demo import DEMO_FILE
from sanaksme.programme.models import Meeting
from sanaksme.programme.services import programme_import

DEMO_SLUG = "daugavpils-2017"


class _Snapshot:
    """The SQLite test database just after the session's demo import."""

    db: sqlite3.Connection | None = None


def demo_get_or_import() -> Meeting:
    """The demo meeting: the one in the database, or imported now if a flush removed it."""
    meeting = Meeting.objects.filter(slug=DEMO_SLUG).first()
    return meeting or programme_import(text=DEMO_FILE.read_text(encoding="utf-8"))


def _raw() -> sqlite3.Connection:
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _ensure() -> None:
    if connection.vendor != "sqlite":
        demo_get_or_import()
        return
    if Meeting.objects.filter(slug=DEMO_SLUG).exists():
        if _Snapshot.db is None:  # the first time: keep the database as it is now
            _Snapshot.db = sqlite3.connect(":memory:", check_same_thread=False)
            _raw().backup(_Snapshot.db)
        return
    if _Snapshot.db is None:
        demo_get_or_import()
        _ensure()
        return
    # After a flush: the whole database back as it was after the import (the flush
    # only emptied tables, so the schema is the same). Ids and seqs then repeat, so
    # this process forgets what it cached under them (a browser test's server is
    # forked from it).
    _Snapshot.db.backup(_raw())
    live_state._STATES.clear()
    admission._MEETING_BY_CODE.clear()


def demo_ensure() -> None:
    """Make sure the demo is in the database, in a thread of its own: the import
    broadcasts on commit with async_to_sync, which refuses to run beside the event loop
    that Playwright keeps in the main thread during browser tests."""

    def run() -> None:
        try:
            _ensure()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(run).result()
