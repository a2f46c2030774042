"""Live load benchmark: N phones and a projector on real WebSockets, against a reference.

Run `.venv/bin/pip install -e '.[bench]'` once, then `.venv/bin/python
benchmarks/live_load.py` (all three scenarios at the issue's sizes: `steady`, 500
phones and 5 notes/s for 20 s; `burst`, 200 notes in 2 s to 500 phones; `connect`,
2000 phones at once) or pick one with `--scenario steady|burst|connect` and change the
sizes with `--clients`, `--rate`, `--duration`, `--burst`, `--burst-seconds`. Each
scenario runs twice in the same run, on a fresh copy of one prepared SQLite database:
first against `benchmarks/raw_broadcast.py` (a bare `websockets` broadcast server, the
reference; skip it with `--no-reference`), then against the app as `sanaksme serve`
runs it (one Daphne process, SQLite, in-memory channel layer). Clients behave as
live.js does: they apply events in `seq` order (one beyond a gap waits 1 s for the ones
before it), ask for `{"action": "sync"}` on a gap that stays open,
count a note delivered when it arrives as an event or inside a state message, and ping
every 15 s. Latency is from a phone's send until every client (phones and projector)
has the note. Everything stays on 127.0.0.1 and every server is started under
`timeout`, killed at the end, and bounded by `--timeout`. Figures go into
docs/performance.md by hand, with the machine they were measured on.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import resource
import secrets
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
PING_EVERY = 15.0  # live.js sends {"action": "ping"} this often
NOTE_PREFIX = "bench "
SYNC = '{"action": "sync"}'
PING = '{"action": "ping"}'
SYNC_AGAIN = 10.0  # connection.js: ask for the state again only if the last ask got lost
GAP_WAIT = 1.0  # rules.js: an event beyond a gap waits this long for the ones before it

DEFAULT_CLIENTS = {"steady": 500, "burst": 500, "connect": 2000}
TARGET_P95_RATIO = 2.5
TARGET_BURST_MAX_S = 3.0
TARGET_CONNECT_S = 5.0


# ---------------------------------------------------------------- preparation


@dataclass(frozen=True)
class Fixture:
    """One prepared database: a meeting on its brainstorm item, phones with sessions."""

    database: Path
    secret_key: str
    join_code: str
    slug: str
    projector_token: str
    sheet_id: int
    column: str
    cookies: tuple[str, ...]


def prepare(workdir: Path, phones: int) -> Fixture:
    """Migrate a throwaway SQLite database, import the demo, make `phones` sessions."""
    data = workdir / "template"
    data.mkdir(mode=0o700, parents=True)  # settings never create the data directory
    secret_key = secrets.token_urlsafe(50)
    os.environ.update(SANAKSME_DATA_DIR=str(data), SECRET_KEY=secret_key,
                      DJANGO_SETTINGS_MODULE="sanaksme.config.settings.dev")
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", verbosity=0)
    database = Path(settings.DATABASES["default"]["NAME"])
    fixture = prepare_meeting(phones, database=database, secret_key=secret_key)
    connections.close_all()
    with contextlib.closing(sqlite3.connect(database)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return fixture


def prepare_meeting(phones: int, *, database: Path, secret_key: str,
                    slug: str | None = None) -> Fixture:
    """Import the demo programme (as `slug` if given), open its brainstorm, bind phones.

    Django must be set up and the database migrated. `database` and `secret_key` are
    only recorded in the fixture (hosted_load.py names its PostgreSQL database there).
    """
    from datetime import timedelta

    from django.contrib.sessions.backends.base import VALID_KEY_CHARS
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from sanaksme.boards.services import sheets_ensure
    from sanaksme.core.clients import DEVICE_SESSION_KEY
    from sanaksme.participants.models import CATEGORY_CHOICES, Participant
    from sanaksme.participants.selectors import session_key
    from sanaksme.programme.models import AgendaItem
    from sanaksme.programme.services import meeting_set_current_item, programme_import

    demo = (ROOT / "src" / "sanaksme" / "examples" / "daugavpils-2017.yaml").read_text(encoding="utf-8")
    if slug is not None:
        demo = demo.replace("\n  slug: daugavpils-2017\n", f"\n  slug: {slug}\n", 1)
    meeting = programme_import(text=demo)
    item = AgendaItem.objects.get(day__meeting=meeting, method="brainstorm")
    meeting_set_current_item(meeting=meeting, item=item)
    sheet = sheets_ensure(item=item)[0]
    column = "problem" if "problem" in sheet.columns else sheet.columns[0]
    # Each phone holds its identity (as after its personal link): the session names the
    # person and the phone's device id, and the person is bound to that device.
    prefix = f"bench-device-{meeting.pk}-" if slug is not None else "bench-device-"
    Participant.objects.bulk_create(
        [Participant(meeting=meeting, name=f"Bench phone {i:05d}",
                     category=CATEGORY_CHOICES[0][0], device=f"{prefix}{i:05d}")
         for i in range(phones)],
        batch_size=500)
    people = list(Participant.objects.filter(meeting=meeting, name__startswith="Bench phone ")
                  .order_by("name").values_list("pk", "device"))
    store, key = SessionStore(), session_key(meeting)
    expires = timezone.now() + timedelta(days=1)
    sessions = [Session(session_key=get_random_string(32, VALID_KEY_CHARS),
                        session_data=store.encode({key: pk, DEVICE_SESSION_KEY: device}),
                        expire_date=expires)
                for pk, device in people]
    Session.objects.bulk_create(sessions, batch_size=500)
    return Fixture(database=database, secret_key=secret_key, join_code=meeting.join_code,
                   slug=meeting.slug, projector_token=meeting.projector_token,
                   sheet_id=sheet.pk, column=column,
                   cookies=tuple(f"sessionid={s.session_key}" for s in sessions))


def copy_database(fixture: Fixture, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    with contextlib.closing(sqlite3.connect(fixture.database)) as source, \
            contextlib.closing(sqlite3.connect(data_dir / fixture.database.name)) as copy:
        source.backup(copy)


def count_stored_notes(data_dir: Path, fixture: Fixture, tag: str) -> tuple[int, int]:
    """(notes stored, distinct texts) for this run's tag: a second row would be a duplicate."""
    with contextlib.closing(sqlite3.connect(data_dir / fixture.database.name)) as db:
        row = db.execute("SELECT count(*), count(DISTINCT text) FROM boards_note "
                         "WHERE text LIKE ?", (f"{NOTE_PREFIX}{tag}-%",)).fetchone()
    return int(row[0]), int(row[1])


# ---------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Server:
    """A server subprocess under `timeout`, so it stops by itself whatever happens here."""

    def __init__(self, argv: list[str], env: dict[str, str], log: Path, port: int,
                 limit: float) -> None:
        self.port, self.log_path = port, log
        self.log = log.open("wb")
        self.proc = subprocess.Popen(
            ["timeout", "-k", "5", f"{int(limit)}", *argv], env=env, cwd=ROOT,
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.pid = 0

    def wait_ready(self, marker: str | None = None, limit: float = 60.0) -> None:
        """Wait for the server process and its port (or for `marker` in its output)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log_tail()}")
            if not self.pid:
                children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
                with contextlib.suppress(OSError, ValueError, IndexError):
                    self.pid = int(children.read_text().split()[0])
            if marker is not None:
                if self.pid and marker in self.log_path.read_text(errors="replace"):
                    return
            else:
                with contextlib.suppress(OSError), \
                        socket.create_connection((HOST, self.port), 0.2):
                    if self.pid:
                        return
            time.sleep(0.1)
        raise RuntimeError(f"server did not listen within {limit:.0f} s:\n{self.log_tail()}")

    def cpu(self) -> float:
        """User + system CPU seconds of the server process (all its threads)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def rss_mb(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[21]) * PAGE / 2**20

    def log_tail(self, lines: int = 15) -> str:
        self.log.flush()
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def problems(self) -> list[str]:
        self.log.flush()
        text = self.log_path.read_text(errors="replace").splitlines()
        return [line for line in text if "Traceback" in line or "ERROR" in line
                or "Exception" in line or "WARNING" in line]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # `timeout` passes it on to the server
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                if self.pid:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(self.pid, signal.SIGKILL)
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()


def start_reference(workdir: Path, limit: float) -> Server:
    port = free_port()
    argv = [sys.executable, str(ROOT / "benchmarks" / "raw_broadcast.py"),
            "--port", str(port), "--max-seconds", str(int(limit))]
    server = Server(argv, dict(os.environ), workdir / f"reference-{port}.log", port,
                    limit + 10)
    server.wait_ready(marker="listening on")
    return server


def start_app(fixture: Fixture, workdir: Path, limit: float) -> tuple[Server, Path]:
    port = free_port()
    data_dir = workdir / f"app-{port}"
    copy_database(fixture, data_dir)
    env = dict(os.environ, SANAKSME_DATA_DIR=str(data_dir), SECRET_KEY=fixture.secret_key,
               DJANGO_SETTINGS_MODULE="sanaksme.config.settings.dev")
    script = Path(sys.executable).with_name("sanaksme")
    argv = [str(script)] if script.exists() else [sys.executable, "-m", "sanaksme"]
    server = Server([*argv, "serve", "--host", HOST, "--port", str(port)], env,
                    workdir / f"app-{port}.log", port, limit)
    server.wait_ready()
    return server, data_dir


# ---------------------------------------------------------------- clients


class Conn:
    """One phone or projector: what it has seen, as live.js would have it."""

    __slots__ = (
        "close",
        "cookie",
        "dropped",
        "failure",
        "first",
        "gap_timer",
        "handshake_at",
        "held",
        "index",
        "last_seq",
        "lost_at",
        "meeting",
        "pinger",
        "reader",
        "ready",
        "ready_at",
        "seen",
        "sent",
        "started",
        "states",
        "sync_asked",
        "synced_at",
        "syncs",
        "url",
        "urls",
        "ws",
    )

    def __init__(self, index: int, url: str, cookie: str | None, notes: int,
                 meeting: int = 0, urls: tuple[str, ...] = ()) -> None:
        self.index, self.url, self.cookie = index, url, cookie
        self.meeting = meeting  # which meeting of a Side with several (hosted_load.py)
        self.urls = urls or (url,)  # where to reconnect, in turn, when Side.reconnect
        self.sent: list[int] = []  # notes this client sent (resent after a reconnect)
        self.lost_at = self.synced_at = 0.0  # connection lost; first state after it
        self.ws: ClientConnection | None = None
        self.first = [0.0] * notes   # when the note first became visible to this client
        self.seen = bytearray(notes)  # note events received (duplicates counted apart)
        self.last_seq = 0
        self.states = 0
        self.syncs = 0
        self.sync_asked = 0.0  # live.js asks again only after a state or SYNC_AGAIN
        self.held: dict[int, tuple[Any, int | None]] = {}  # events beyond a gap, by seq
        self.gap_timer: asyncio.TimerHandle | None = None
        self.dropped = False
        self.close = ""
        self.failure = ""
        self.started = self.handshake_at = self.ready_at = 0.0
        self.ready = asyncio.Event()
        self.reader: asyncio.Task[None] | None = None
        self.pinger: asyncio.Task[None] | None = None


@dataclass
class Side:
    """Everything measured against one server in one scenario."""

    name: str
    app: bool
    tag: str
    notes: int
    conns: list[Conn] = field(default_factory=list)
    send_at: list[float] = field(default_factory=list)
    ack_at: list[float] = field(default_factory=list)
    done_at: list[float] = field(default_factory=list)
    got: list[int] = field(default_factory=list)
    expected: int = 0
    complete: int = 0
    sent: int = 0
    unsendable: int = 0
    refused: set[int] = field(default_factory=set)
    errors: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    closing: bool = False
    all_done: asyncio.Event = field(default_factory=asyncio.Event)
    sending_done: bool = False
    figures: dict[str, Any] = field(default_factory=dict)
    # Several meetings in one side (hosted_load.py): the meeting of each note, each
    # meeting's fixture, its connected clients, and notes that reached another meeting.
    meeting_of: list[int] = field(default_factory=list)
    fixtures: list[Fixture] = field(default_factory=list)
    expected_by: Counter[int] = field(default_factory=Counter)
    foreign: int = 0
    # Reconnect a dropped client (to its next URL) and resend its unacknowledged notes,
    # as live.js does, instead of counting it as dropped.
    reconnect: bool = False
    reconnect_limit: float = 60.0
    tasks: set[asyncio.Task[None]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.send_at = [0.0] * self.notes
        self.ack_at = [0.0] * self.notes
        self.done_at = [0.0] * self.notes
        self.got = [0] * self.notes

    # -- messages

    def note_index(self, client_id: object) -> int | None:
        prefix = self.tag + "-"
        if isinstance(client_id, str) and client_id.startswith(prefix):
            return int(client_id[len(prefix):])
        return None

    def is_foreign(self, conn: Conn, index: int) -> bool:
        """A note of another meeting reached this client (counted, never delivered)."""
        if self.meeting_of and self.meeting_of[index] != conn.meeting:
            self.foreign += 1
            return True
        return False

    def deliver(self, conn: Conn, index: int, now: float) -> None:
        if conn.first[index]:
            return
        conn.first[index] = now
        self.got[index] += 1
        expected = self.expected_by[self.meeting_of[index]] if self.meeting_of else self.expected
        if self.got[index] == expected:
            self.done_at[index] = now
            self.complete += 1
            self.check_done()

    def check_done(self) -> None:
        settled = self.complete + sum(1 for i in self.refused if not self.done_at[i])
        if self.sending_done and settled + self.unsendable >= self.notes:
            self.all_done.set()

    def on_event(self, conn: Conn, index: int) -> None:
        if conn.seen[index]:
            self.duplicates += 1
        else:
            conn.seen[index] = 1

    def on_message(self, conn: Conn, raw: str | bytes, now: float) -> str | None:
        """Handle one message as live.js does; return what the client sends back."""
        msg = json.loads(raw)
        if not self.app:  # the reference echoes the phone's own note_submit message
            index = self.note_index(msg.get("client_id"))
            if index is not None and not self.is_foreign(conn, index):
                self.on_event(conn, index)
                self.deliver(conn, index, now)
            return None
        kind = msg.get("type")
        if kind == "state":
            conn.states += 1
            conn.sync_asked = 0.0
            if conn.ready_at and msg["seq"] < conn.last_seq:
                return None  # live.js: an older answer overtaken by events
            conn.last_seq = msg["seq"]
            if conn.lost_at and not conn.synced_at:
                conn.synced_at = now
            for sheet in msg.get("sheets", ()):
                for note in sheet["notes"]:
                    text = note["text"]
                    if text.startswith(NOTE_PREFIX):
                        index = self.note_index(text[len(NOTE_PREFIX):])
                        if index is not None and not self.is_foreign(conn, index):
                            self.deliver(conn, index, now)
            if not conn.ready_at:
                conn.ready_at = now
                conn.ready.set()
            return self.caught_up(conn, now)
        if kind in ("pong", "done"):
            return None
        if kind == "ack":
            index = self.note_index(msg.get("client_id"))
            if index is not None and not self.ack_at[index]:
                self.ack_at[index] = now
            return None
        if kind == "error":
            self.errors[str(msg.get("message"))[:80]] += 1
            index = self.note_index(msg.get("client_id"))
            if index is not None:
                self.refused.add(index)
                self.check_done()
            return None
        index = self.note_index(msg.get("client_id")) if kind == "boards.note_added" else None
        if index is not None and self.is_foreign(conn, index):
            return None
        if index is not None:
            self.on_event(conn, index)
        seq = msg.get("seq")
        if not isinstance(seq, int):
            return self.take(conn, kind, index, now)
        if seq <= conn.last_seq:
            return None  # already in the state we have
        if seq != conn.last_seq + 1:  # connection.js: wait GAP_WAIT for the ones before
            conn.held[seq] = (kind, index)
            if conn.gap_timer is None:
                conn.gap_timer = asyncio.get_running_loop().call_later(
                    GAP_WAIT, self.gap_expired, conn)
            return None
        conn.last_seq = seq
        reply = self.take(conn, kind, index, now)
        return self.caught_up(conn, now) or reply

    def take(self, conn: Conn, kind: Any, index: int | None, now: float) -> str | None:
        if index is not None:
            self.deliver(conn, index, now)
            return None
        if kind == "live.seq_advanced":
            return None
        return self.sync(conn, now)  # live.js re-syncs on any other event

    def caught_up(self, conn: Conn, now: float) -> str | None:
        """Apply the held events that now follow (connection.js `caughtUp`)."""
        reply = None
        while conn.last_seq + 1 in conn.held:
            conn.last_seq += 1
            reply = self.take(conn, *conn.held.pop(conn.last_seq), now) or reply
        for seq in [seq for seq in conn.held if seq <= conn.last_seq]:
            del conn.held[seq]
        if not conn.held and conn.gap_timer is not None:
            conn.gap_timer.cancel()
            conn.gap_timer = None
        return reply

    def gap_expired(self, conn: Conn) -> None:
        """The events before the held ones never came: ask for the state."""
        conn.gap_timer = None
        conn.held.clear()
        reply = self.sync(conn, time.perf_counter())
        if reply is not None and conn.ws is not None and not self.closing:
            task = asyncio.get_running_loop().create_task(self.send_quietly(conn.ws, reply))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    @staticmethod
    async def send_quietly(ws: ClientConnection, text: str) -> None:
        with contextlib.suppress(ConnectionClosed):
            await ws.send(text)

    def sync(self, conn: Conn, now: float) -> str | None:
        """Ask for the state, unless asked less than SYNC_AGAIN ago with no state since."""
        if conn.sync_asked and now - conn.sync_asked < SYNC_AGAIN:
            return None
        conn.sync_asked = now
        conn.syncs += 1
        return SYNC

    # -- connection life

    async def read(self, conn: Conn) -> None:
        while True:
            ws = conn.ws
            assert ws is not None
            try:
                async for raw in ws:
                    reply = self.on_message(conn, raw, time.perf_counter())
                    if reply is not None:
                        await ws.send(reply)
            except ConnectionClosed:
                pass
            if self.closing:
                return
            conn.close = f"{ws.close_code} {ws.close_reason or ''}".strip()
            if self.reconnect and conn.ready_at and await self.reopen(conn):
                continue
            conn.dropped = True
            if not conn.ready_at:
                conn.ready.set()
            return

    async def reopen(self, conn: Conn) -> bool:
        """Reconnect as live.js does (connection.js: a wait of 0.5 s doubled up to 8 s,
        plus up to half of it at random; the browser waits for a handshake as long as it
        takes), to the next URL in turn; then resend the notes this client sent that
        have no answer. False if it did not come back within `reconnect_limit`."""
        if not conn.lost_at:
            conn.lost_at = time.perf_counter()
        headers = {"Cookie": conn.cookie} if conn.cookie else {}
        deadline = time.perf_counter() + self.reconnect_limit
        attempt, backoff = 0, 0.5
        while not self.closing and time.perf_counter() < deadline:
            await asyncio.sleep(backoff + random.uniform(0, backoff / 2))
            backoff = min(backoff * 2, 8.0)
            attempt += 1
            url = conn.urls[(conn.urls.index(conn.url) + attempt) % len(conn.urls)]
            try:
                ws = await connect(url, additional_headers=headers, origin=origin_of(url),  # type: ignore[arg-type]
                                   compression=None, max_size=None, ping_interval=None,
                                   open_timeout=max(deadline - time.perf_counter(), 1),
                                   close_timeout=2)
            except Exception:  # noqa: BLE001  refused or timed out: try again
                continue
            conn.ws = ws
            for index in conn.sent:
                if not self.ack_at[index] and index not in self.refused:
                    with contextlib.suppress(ConnectionClosed):
                        await ws.send(self.note_payload(index))
            return True
        return False

    async def open(self, conn: Conn, origin: str, gate: asyncio.Semaphore | None,
                   limit: float) -> None:
        headers = {"Cookie": conn.cookie} if conn.cookie else {}
        conn.started = time.perf_counter()
        try:
            async with gate or contextlib.nullcontext():
                conn.ws = await connect(
                    conn.url, additional_headers=headers, origin=origin,  # type: ignore[arg-type]
                    compression=None, max_size=None, ping_interval=None,
                    open_timeout=limit, close_timeout=2)
        except Exception as error:  # noqa: BLE001  the failure is a result to report
            conn.failure = type(error).__name__ + ": " + str(error)[:60]
            return
        conn.handshake_at = time.perf_counter()
        conn.reader = asyncio.create_task(self.read(conn))
        if not self.app:
            conn.ready_at = conn.handshake_at
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(conn.ready.wait(), limit)

    async def ping(self, conn: Conn, rng: random.Random) -> None:
        await asyncio.sleep(rng.uniform(0, PING_EVERY))
        while conn.ws is not None and not self.closing:
            with contextlib.suppress(ConnectionClosed):
                await conn.ws.send(PING)
            await asyncio.sleep(PING_EVERY)

    def note_payload(self, index: int) -> str:
        fixture = self.fixtures[self.meeting_of[index] if self.meeting_of else 0]
        client_id = f"{self.tag}-{index}"
        return json.dumps({"action": "note_submit", "client_id": client_id,
                           "sheet": fixture.sheet_id, "column": fixture.column,
                           "text": NOTE_PREFIX + client_id})

    async def send_notes(self, senders: list[Conn], offsets: list[float],
                         fixture: Fixture) -> None:
        if not self.fixtures:
            self.fixtures = [fixture]
        by_meeting: dict[int, list[Conn]] = {}
        for each in senders:
            by_meeting.setdefault(each.meeting, []).append(each)
        meetings = len(self.fixtures) if self.meeting_of else 1
        start = time.perf_counter()
        for index, offset in enumerate(offsets):
            delay = start + offset - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            group = by_meeting.get(self.meeting_of[index] if self.meeting_of else 0, [])
            conn = group[index // meetings % len(group)] if group else None
            if conn is None or conn.ws is None or conn.dropped:
                self.unsendable += 1
                continue
            self.send_at[index] = time.perf_counter()
            conn.sent.append(index)
            try:
                await conn.ws.send(self.note_payload(index))
                self.sent += 1
            except ConnectionClosed:
                if self.reconnect:
                    self.sent += 1  # in the outbox: reopen() sends it again
                else:
                    self.unsendable += 1
        self.sending_done = True
        self.check_done()

    async def close_all(self) -> None:
        self.closing = True
        for conn in self.conns:
            if conn.pinger:
                conn.pinger.cancel()
        open_ones = [c.ws for c in self.conns if c.ws is not None]
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*(ws.close() for ws in open_ones),
                                                  return_exceptions=True), 30)
        for conn in self.conns:
            if conn.reader:
                conn.reader.cancel()
        await asyncio.gather(*(c.reader for c in self.conns if c.reader),
                             return_exceptions=True)


@dataclass(frozen=True)
class Plan:
    scenario: str
    phones: int  # per meeting
    offsets: list[float]
    timeout: float
    concurrency: int
    pings: bool
    meetings: int = 1  # each with `phones` phones and a projector

    @property
    def clients(self) -> int:
        return (self.phones + 1) * self.meetings


class Measured(Protocol):
    """What drive() reads of the server side: a Server, or hosted_load's group of them."""

    @property
    def port(self) -> int: ...

    def cpu(self) -> float: ...

    def rss_mb(self) -> float: ...

    def problems(self) -> list[str]: ...


def origin_of(url: str) -> str:
    """The Origin a page served from the same host would send (ws://h:p/... -> http://h:p)."""
    return ("https" if url.startswith("wss:") else "http") + "://" + url.split("/", 3)[2]


def client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def client_urls(side: Side, plan: Plan, fixture: Fixture, ports: list[int]) -> list[Conn]:
    """Each meeting's phones then its projector; client k on ports[k % len(ports)] (its
    reconnect URLs are the same path on the other ports, in turn)."""
    fixtures = side.fixtures or [fixture]
    several = len(fixtures) > 1
    conns: list[Conn] = []
    for m, fx in enumerate(fixtures):
        if side.app:
            paths = [f"/ws/phone/{fx.join_code}/", f"/ws/projector/{fx.slug}/{fx.projector_token}/"]
        else:  # the reference broadcasts within a room (/m/<room>/...) or to everyone
            room = f"/m/{m}" if several else ""
            paths = [f"{room}/phone/", f"{room}/projector/"]
        for i in range(plan.phones + 1):
            k = len(conns)
            path = paths[0] if i < plan.phones else paths[1]
            urls = tuple(f"ws://{HOST}:{ports[(k + j) % len(ports)]}{path}"
                         for j in range(len(ports)))
            cookie = fx.cookies[i] if i < plan.phones else None
            conns.append(Conn(k, urls[0], cookie, side.notes, meeting=m, urls=urls))
    return conns


async def drive(side: Side, plan: Plan, fixture: Fixture, server: Measured, *,
                ports: list[int] | None = None,
                during_load: Callable[[], Coroutine[Any, Any, None]] | None = None) -> None:
    """Connect everyone, send the notes, wait until delivered or timed out, close.

    hosted_load.py passes several meetings (side.fixtures, side.meeting_of), several
    ports to spread the clients over, and work to run while the notes are sent."""
    side.conns = client_urls(side, plan, fixture, ports or [server.port])
    gate = asyncio.Semaphore(plan.concurrency) if plan.concurrency else None
    figures = side.figures
    extra: asyncio.Task[None] | None = None
    try:
        cpu0, ccpu0, t0 = server.cpu(), client_cpu(), time.perf_counter()
        await asyncio.gather(*(side.open(c, origin_of(c.url), gate, plan.timeout)
                               for c in side.conns))
        t1 = time.perf_counter()
        ready = [c for c in side.conns if c.ready_at and not c.dropped]
        figures["connected"] = len(ready)
        figures["handshakes_s"] = max((c.handshake_at for c in side.conns if c.handshake_at),
                                      default=t0) - t0
        figures["ready_s"] = (max(c.ready_at for c in ready) - t0
                              if len(ready) == len(side.conns) else None)
        figures["ready_wall_s"] = t1 - t0
        figures["connect_ms"] = [(c.ready_at - c.started) * 1000 for c in ready]
        figures["connect_failures"] = Counter(c.failure or (c.close and f"closed {c.close}")
                                              or "no state in time"
                                              for c in side.conns if c not in ready)
        figures["connect_cpu"] = server.cpu() - cpu0
        figures["connect_client_cpu"] = client_cpu() - ccpu0
        figures["rss_mb"] = server.rss_mb()
        side.expected = len(ready)
        side.expected_by = Counter(c.meeting for c in ready)
        if side.notes:
            await asyncio.sleep(1.0)  # let the connect storm settle
            rng = random.Random(7)
            if side.app and plan.pings:
                for conn in ready:
                    conn.pinger = asyncio.create_task(side.ping(conn, rng))
            senders = [c for c in ready if c.cookie is not None]
            cpu1, ccpu1, t2 = server.cpu(), client_cpu(), time.perf_counter()
            sender = asyncio.create_task(side.send_notes(senders, plan.offsets, fixture))
            if during_load is not None:
                extra = asyncio.create_task(during_load())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(side.all_done.wait(),
                                       plan.offsets[-1] + plan.timeout)
            if not sender.done():
                sender.cancel()
            t3 = time.perf_counter()
            figures["load_wall_s"] = t3 - t2
            figures["load_cpu"] = server.cpu() - cpu1
            figures["load_client_cpu"] = client_cpu() - ccpu1
            if extra is not None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(asyncio.shield(extra), plan.timeout)
    finally:
        if extra is not None and not extra.done():
            extra.cancel()
        await side.close_all()
    figures["problems"] = server.problems()


# ---------------------------------------------------------------- figures


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def summarise(side: Side) -> dict[str, Any]:
    f = side.figures
    sent = [i for i in range(side.notes) if side.send_at[i]]
    wanted = [i for i in sent if i not in side.refused]
    latencies = [(side.done_at[i] - side.send_at[i]) * 1000 for i in wanted if side.done_at[i]]
    acks = [(side.ack_at[i] - side.send_at[i]) * 1000 for i in sent if side.ack_at[i]]
    live = [c for c in side.conns if c.ready_at]

    def wanted_by(conn: Conn) -> list[int]:  # the notes of its own meeting
        if not side.meeting_of:
            return wanted
        return [i for i in wanted if side.meeting_of[i] == conn.meeting]

    missing = sum(1 for c in live for i in wanted_by(c) if not c.first[i])
    short = [c for c in live if any(not c.first[i] for i in wanted_by(c))]
    # A client missing only the last notes saw no later event, so it never saw a gap.
    tail_only = sum(1 for c in short if max((i for i in wanted_by(c) if c.first[i]), default=-1)
                    < min(i for i in wanted_by(c) if not c.first[i]))
    delivered = sum(side.got)
    f.update(
        sent=len(sent), refused=len(side.refused), unsendable=side.unsendable,
        p50=percentile(latencies, 50), p95=percentile(latencies, 95),
        p99=percentile(latencies, 99), max=max(latencies, default=None),
        ack_p50=percentile(acks, 50), ack_p95=percentile(acks, 95),
        lost=len(wanted) - len(latencies), missing=missing, duplicated=side.duplicates,
        short_clients=len(short), tail_only=tail_only,
        syncs=sum(c.syncs for c in side.conns),
        extra_states=sum(max(c.states - 1, 0) for c in side.conns),
        errors=sum(side.errors.values()), error_kinds=dict(side.errors),
        disconnects=sum(1 for c in live if c.dropped),
        disconnect_kinds=Counter(c.close for c in live if c.dropped),
        delivered=delivered)
    if "load_cpu" in f:
        f["cpu_per_msg_us"] = f["load_cpu"] / delivered * 1e6 if delivered else None
    return f


def fmt(value: Any, digits: int = 0) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def print_table(title: str, sides: list[Side], plan: Plan, verdicts: list[tuple[str, bool | None]]) -> None:
    figs = [s.figures for s in sides]
    clients = plan.clients
    rows: list[tuple[str, list[str], str]] = []

    def row(label: str, key: Any, target: str = "") -> None:
        cells = [key(f, s) if callable(key) else fmt(f.get(key)) for f, s in zip(figs, sides, strict=True)]
        rows.append((label, cells, target))

    row(f"connected (of {clients})", "connected", "all")
    row("connect: all handshakes done (s)", lambda f, s: fmt(f["handshakes_s"], 2))
    row("connect: all have first state (s)", lambda f, s: fmt(f["ready_s"], 2) if s.app else "-",
        f"≤ {TARGET_CONNECT_S:.0f}" if plan.scenario == "connect" else "")
    row("connect per client p50/p95/max (ms)", lambda f, s: "/".join(
        fmt(v) for v in (percentile(f["connect_ms"], 50), percentile(f["connect_ms"], 95),
                         max(f["connect_ms"], default=None))))
    row("connect failures", lambda f, s: fmt(sum(f["connect_failures"].values())))
    row("server CPU while connecting (s)", lambda f, s: fmt(f["connect_cpu"], 2))
    row("client CPU while connecting (s)", lambda f, s: fmt(f["connect_client_cpu"], 2))
    row("server RSS after connect (MB)", lambda f, s: fmt(f["rss_mb"]))
    if plan.offsets:
        row("notes sent / refused / unsendable", lambda f, s: f"{f['sent']}/{f['refused']}/{f['unsendable']}")
        row("to every client p50 (ms)", lambda f, s: fmt(f["p50"]))
        row("to every client p95 (ms)", lambda f, s: fmt(f["p95"]))
        row("to every client p99 (ms)", lambda f, s: fmt(f["p99"]))
        row("to every client max (ms)", lambda f, s: fmt(f["max"]),
            f"≤ {TARGET_BURST_MAX_S * 1000:.0f}" if plan.scenario == "burst" else "")
        row("ack to sender p50/p95 (ms)", lambda f, s: f"{fmt(f['ack_p50'])}/{fmt(f['ack_p95'])}" if s.app else "-")
        row("lost notes (missing deliveries)", lambda f, s: f"{f['lost']} ({f['missing']})", "0")
        row("duplicated events", "duplicated", "0")
        row("resyncs: sync sent / extra states", lambda f, s: f"{f['syncs']}/{f['extra_states']}" if s.app else "-")
        row("errors (type error)", lambda f, s: fmt(f["errors"]) if s.app else "-")
        row("server-side disconnects", "disconnects", "0")
        row("load phase wall (s)", lambda f, s: fmt(f.get("load_wall_s"), 1))
        row("server CPU in load phase (s, % core)", lambda f, s: (
            f"{f['load_cpu']:.2f} ({100 * f['load_cpu'] / f['load_wall_s']:.0f}%)" if "load_cpu" in f else "-"))
        row("server CPU per delivered message (µs)", lambda f, s: fmt(f.get("cpu_per_msg_us")))
        row("client CPU in load phase (% core)", lambda f, s: (
            f"{100 * f['load_client_cpu'] / f['load_wall_s']:.0f}%" if "load_cpu" in f else "-"))
    names = [s.name for s in sides]
    width = 40
    print(f"\n== {title} ==")
    print(f"{'metric':{width}}" + "".join(f"{n:>18}" for n in names) + f"  {'target'}")
    for label, cells, target in rows:
        print(f"{label:{width}}" + "".join(f"{c:>18}" for c in cells) + f"  {target}")
    for side in sides:
        f = side.figures
        notes = []
        if f.get("connect_failures"):
            notes.append("connect failures: " + ", ".join(
                f"{k} ×{v}" for k, v in f["connect_failures"].most_common(3)))
        if f.get("short_clients"):
            notes.append(f"{f['short_clients']} clients miss notes, {f['tail_only']} of them "
                         "only the last ones (no later event showed them a gap)")
        if f.get("error_kinds"):
            notes.append(f"errors: {f['error_kinds']}")
        if f.get("disconnect_kinds"):
            notes.append(f"close codes: {dict(f['disconnect_kinds'])}")
        if f.get("stored") is not None:
            notes.append(f"notes in database: {f['stored'][0]} ({f['stored'][1]} distinct)")
        if f.get("problems"):
            notes.append(f"server log: {len(f['problems'])} warning/error lines, "
                         f"first: {f['problems'][0][:120]}")
        if notes:
            print(f"  {side.name}: " + "; ".join(notes))
    for text, ok in verdicts:
        mark = "PASS" if ok else ("n/a " if ok is None else "FAIL")
        print(f"  {mark}  {text}")


def verdicts_for(plan: Plan, app: Side, reference: Side | None) -> list[tuple[str, bool | None]]:
    f = app.figures
    clients = plan.clients
    out: list[tuple[str, bool | None]] = [
        (f"all {clients} clients connected ({f['connected']})", f["connected"] == clients)]
    if plan.scenario == "connect":
        ready = f["ready_s"]
        out.append((f"every client has its state within {TARGET_CONNECT_S:.0f} s "
                    f"({fmt(ready, 2)} s)", ready is not None and ready <= TARGET_CONNECT_S))
        return out
    base = [(f"0 lost ({f['lost']} notes, {f['missing']} deliveries)",
             f["lost"] == 0 and f["missing"] == 0 and f["unsendable"] == 0),
            (f"0 duplicated ({f['duplicated']})", f["duplicated"] == 0)]
    if plan.scenario == "steady":
        ref = reference.figures.get("p95") if reference else None
        if ref and f["p95"] is not None:
            ratio = f["p95"] / ref
            out.append((f"p95 ≤ {TARGET_P95_RATIO}× reference p95 ({fmt(f['p95'])} / "
                        f"{fmt(ref)} ms = {ratio:.2f}×)", ratio <= TARGET_P95_RATIO))
        else:
            out.append(("p95 ratio to the reference (no reference run)", None))
        out += base
        out.append((f"no server-side disconnects ({f['disconnects']})", f["disconnects"] == 0))
    else:
        worst = f["max"]
        out += base
        out.append((f"every client has every note within {TARGET_BURST_MAX_S:.0f} s "
                    f"(worst {fmt(worst)} ms)", worst is not None and f["lost"] == 0
                    and worst <= TARGET_BURST_MAX_S * 1000))
    if f["refused"]:
        out.append((f"{f['refused']} notes refused by the server (see errors)", False))
    return out


def dump(path: Path, plan: Plan, sides: list[Side]) -> None:
    """Per note and side: seconds from the first send, ms to ack, ms until everyone has it."""
    out: dict[str, Any] = {}
    for side in sides:
        start = min((t for t in side.send_at if t), default=0.0)
        out[side.name] = [
            {"sent_s": round(sent - start, 3),
             "ack_ms": round((side.ack_at[i] - sent) * 1000, 1) if side.ack_at[i] else None,
             "all_ms": round((side.done_at[i] - sent) * 1000, 1) if side.done_at[i] else None}
            for i, sent in enumerate(side.send_at) if sent]
    target = path.with_name(f"{path.stem}-{plan.scenario}{path.suffix}")
    target.write_text(json.dumps(out))
    print(f"  per-note figures written to {target}")


# ---------------------------------------------------------------- main


def raise_open_files_limit() -> int:
    """Raise the soft open-files limit as far as the hard limit allows; return it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else 1 << 20
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        soft = wanted
    return soft


def plan_for(scenario: str, args: argparse.Namespace) -> Plan:
    phones = args.clients or DEFAULT_CLIENTS[scenario]
    if scenario == "steady":
        count = round(args.rate * args.duration)
        offsets = [i / args.rate for i in range(count)]
        if phones / args.rate < 5:
            print(f"warning: {phones} phones at {args.rate}/s send a note every "
                  f"{phones / args.rate:.1f} s each; the server allows 10 per 30 s")
    elif scenario == "burst":
        offsets = [i * args.burst_seconds / args.burst for i in range(args.burst)]
        if args.burst > phones * 10:
            print("warning: more than 10 notes per phone; the rate limit will refuse some")
    else:
        offsets = []
    return Plan(scenario, phones, offsets, args.timeout, args.connect_concurrency,
                args.pings)


def title_for(plan: Plan, args: argparse.Namespace) -> str:
    who = f"{plan.phones} phones + 1 projector"
    if plan.scenario == "steady":
        return f"steady: {who}, {args.rate:g} notes/s for {args.duration:g} s ({len(plan.offsets)} notes)"
    if plan.scenario == "burst":
        return f"burst: {who}, {args.burst} notes in {args.burst_seconds:g} s"
    return f"connect: {who} at once" + (
        f" (at most {plan.concurrency} handshakes in flight)" if plan.concurrency else "")


def run_side(name: str, plan: Plan, fixture: Fixture, workdir: Path, tag: str) -> Side:
    limit = plan.timeout * 2 + (plan.offsets[-1] if plan.offsets else 0) + 90
    side = Side(name=name, app=name == "app", tag=tag, notes=len(plan.offsets))
    data_dir = None
    if side.app:
        server, data_dir = start_app(fixture, workdir, limit)
    else:
        server = start_reference(workdir, limit)
    try:
        asyncio.run(asyncio.wait_for(drive(side, plan, fixture, server), limit - 20))
    finally:
        server.stop()
    summarise(side)
    if data_dir is not None and side.notes:
        side.figures["stored"] = count_stored_notes(data_dir, fixture, tag)
    return side


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", choices=["all", "steady", "burst", "connect"],
                        default="all")
    parser.add_argument("--clients", type=int, default=None,
                        help="phones per scenario (default 500; 2000 for connect)")
    parser.add_argument("--rate", type=float, default=5.0, help="steady: notes per second")
    parser.add_argument("--duration", type=float, default=20.0, help="steady: seconds")
    parser.add_argument("--burst", type=int, default=200, help="burst: notes")
    parser.add_argument("--burst-seconds", type=float, default=2.0, help="burst: seconds")
    parser.add_argument("--connect-only", action="store_true",
                        help="same as --scenario connect")
    parser.add_argument("--connect-concurrency", type=int, default=0,
                        help="at most this many handshakes in flight (default 0: no limit)")
    parser.add_argument("--reference", action=argparse.BooleanOptionalAction, default=True,
                        help="also run the raw websockets reference (default: yes)")
    parser.add_argument("--pings", action=argparse.BooleanOptionalAction, default=True,
                        help="phones ping every 15 s as live.js does (default: yes)")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write per-note figures (send offset, ack, to-all) as JSON")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="seconds allowed to connect, and to deliver after the last send")
    args = parser.parse_args()
    scenarios = (["connect"] if args.connect_only else
                 ["steady", "burst", "connect"] if args.scenario == "all" else [args.scenario])

    hard = raise_open_files_limit()
    plans = [plan_for(s, args) for s in scenarios]
    if max(p.phones for p in plans) + 50 > hard // 2:
        print(f"warning: open-files limit {hard} is low for this many clients")
    workdir = Path(tempfile.mkdtemp(prefix="sanaksme-live-load-"))
    try:
        started = time.perf_counter()
        fixture = prepare(workdir, max(p.phones for p in plans))
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
              f"open files {hard}; prepared in {time.perf_counter() - started:.1f} s")
        for plan in plans:
            tag = f"{plan.scenario}{secrets.token_hex(3)}"
            sides = []
            reference = None
            if args.reference:
                reference = run_side("reference", plan, fixture, workdir, tag)
                sides.append(reference)
            app = run_side("app", plan, fixture, workdir, tag)
            sides.append(app)
            print_table(title_for(plan, args), sides, plan, verdicts_for(plan, app, reference))
            if args.dump:
                dump(args.dump, plan, sides)
            sys.stdout.flush()
    finally:
        import shutil

        if not os.environ.get("LIVE_LOAD_KEEP"):
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
