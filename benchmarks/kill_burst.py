"""Kill a server mid-burst: is any note a person wrote lost or stored twice?

PostgreSQL + Redis, two Daphne processes on two ports (as behind a load balancer).
`--phones` phones (default 40) each write `--notes` notes (default 15, more than the
rate limit lets through in one window) at once. Each phone has an outbox that behaves
like live.js: at most 3 notes waiting for an answer, a note leaves it only on an ack
or a refusal for good, a refusal for now (`retry: true`) holds the queue for
`retry_after`, and after a dropped connection every unanswered note goes again, to
the other server if its own is gone. When `--kill-after` notes are acknowledged, one
server gets SIGKILL. At the end the database is counted: notes written vs stored vs
duplicated, and every acknowledged note must be stored.

    .venv/bin/python benchmarks/kill_burst.py            # needs PostgreSQL and Redis

It creates (and drops first) the database named in `--database-url` and empties the
Redis database in `--redis-url`: use a spare one. Prints one line; exits 1 if a note
was lost or duplicated, or a phone got a refusal for good. Bounded by `--timeout`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import secrets
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from live_load import HOST, ROOT, Server, free_port
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

AT_ONCE = 3  # live.js: OUTBOX_AT_ONCE
TEXT = "killburst {phone:03d}-{note:02d}"


@dataclass(frozen=True)
class Fixture:
    join_code: str
    sheet_id: int
    column: str
    cookies: tuple[str, ...]


def fresh_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')


def prepare(phones: int) -> Fixture:
    """Migrate, import the demo on its brainstorm, and bind one session per phone."""
    import django

    django.setup()
    from datetime import timedelta

    from django.contrib.sessions.backends.base import VALID_KEY_CHARS
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connections
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from sanaksme.boards.services import sheets_ensure
    from sanaksme.core.clients import DEVICE_SESSION_KEY
    from sanaksme.participants.models import Participant
    from sanaksme.participants.selectors import session_key
    from sanaksme.programme.models import AgendaItem
    from sanaksme.programme.services import meeting_set_current_item, programme_import

    call_command("migrate", verbosity=0)
    cache.clear()  # the spare Redis database: no rate-limit counts left from a run
    demo = (ROOT / "src" / "sanaksme" / "examples" / "daugavpils-2017.yaml").read_text(
        encoding="utf-8")
    meeting = programme_import(text=demo)
    item = AgendaItem.objects.get(day__meeting=meeting, method="brainstorm")
    meeting_set_current_item(meeting=meeting, item=item)
    sheet = sheets_ensure(item=item)[0]
    column = "problem" if "problem" in sheet.columns else sheet.columns[0]
    devices = [secrets.token_urlsafe(24) for _ in range(phones)]
    Participant.objects.bulk_create([
        Participant(meeting=meeting, name=f"Kill burst {i:03d}", category="expert",
                    device=devices[i], bound_at=timezone.now())
        for i in range(phones)])
    pks = list(Participant.objects.filter(meeting=meeting, name__startswith="Kill burst ")
               .order_by("name").values_list("pk", flat=True))
    store, key = SessionStore(), session_key(meeting)
    expires = timezone.now() + timedelta(hours=1)
    sessions = [Session(session_key=get_random_string(32, VALID_KEY_CHARS),
                        session_data=store.encode({key: pk, DEVICE_SESSION_KEY: device}),
                        expire_date=expires)
                for pk, device in zip(pks, devices, strict=True)]
    Session.objects.bulk_create(sessions)
    connections.close_all()
    return Fixture(meeting.join_code, sheet.pk, column,
                   tuple(f"sessionid={s.session_key}" for s in sessions))


def count() -> tuple[int, int, set[str]]:
    """(rows stored, distinct texts, texts) of this run's notes."""
    from django.db import connections

    from sanaksme.boards.models import Note

    connections.close_all()
    texts = list(Note.objects.filter(text__startswith="killburst ").values_list(
        "text", flat=True))
    return len(texts), len(set(texts)), set(texts)


@dataclass
class Totals:
    acked: set[str] = field(default_factory=set)
    refused_for_good: list[str] = field(default_factory=list)
    refused_for_now: int = 0
    resent: int = 0
    reconnects: int = 0
    ack_event: asyncio.Event = field(default_factory=asyncio.Event)
    kill_after: int = 0


async def phone(index: int, fixture: Fixture, ports: list[int], alive: list[bool],
                notes: int, totals: Totals, deadline: float) -> None:
    """One phone's outbox, as live.js keeps it, until every note is answered for good."""
    outbox = {f"kb-{index:03d}-{n:02d}": TEXT.format(phone=index, note=n)
              for n in range(notes)}
    home = index % len(ports)
    hold_until = 0.0
    sent_once: set[str] = set()
    while outbox and time.monotonic() < deadline:
        # Its own server first; the other one if its own is gone (a load balancer would).
        order = [home, 1 - home] if alive[home] else [1 - home, home]
        port = ports[order[0]]
        try:
            async with connect(f"ws://{HOST}:{port}/ws/phone/{fixture.join_code}/",
                               additional_headers={"Cookie": fixture.cookies[index],
                                                   "Origin": f"http://{HOST}:{port}"},
                               open_timeout=5, max_size=2**24) as ws:
                in_flight: set[str] = set()
                state_seen = False
                while outbox:
                    now = time.monotonic()
                    if state_seen and now >= hold_until:
                        for client_id, text in list(outbox.items()):
                            if len(in_flight) >= AT_ONCE:
                                break
                            if client_id in in_flight:
                                continue
                            await ws.send(json.dumps({
                                "action": "note_submit", "client_id": client_id,
                                "sheet": fixture.sheet_id, "column": fixture.column,
                                "text": text}))
                            if client_id in sent_once:
                                totals.resent += 1
                            sent_once.add(client_id)
                            in_flight.add(client_id)
                    wait = max(0.05, hold_until - now) if now < hold_until else 10.0
                    try:
                        raw = await asyncio.wait_for(ws.recv(), wait)
                    except TimeoutError:
                        continue
                    msg = json.loads(raw)
                    if msg.get("type") == "state":
                        state_seen = True
                    elif msg.get("type") == "ack":
                        in_flight.discard(msg["client_id"])
                        if outbox.pop(msg["client_id"], None) is not None:
                            totals.acked.add(msg["client_id"])
                            if len(totals.acked) >= totals.kill_after:
                                totals.ack_event.set()
                    elif msg.get("type") == "error" and msg.get("client_id") in outbox:
                        in_flight.discard(msg["client_id"])
                        if msg.get("retry"):
                            totals.refused_for_now += 1
                            after = float(msg.get("retry_after") or 1)
                            hold_until = max(hold_until,
                                             time.monotonic() + after + random.random())
                        else:
                            totals.refused_for_good.append(
                                f"{msg['client_id']}: {msg.get('message')}")
                            outbox.pop(msg["client_id"])
        except (OSError, ConnectionClosed, InvalidStatus, TimeoutError):
            pass
        if outbox:  # the connection dropped: wait as live.js does, then reconnect
            totals.reconnects += 1
            await asyncio.sleep(0.5 + random.random())


async def run(args: argparse.Namespace, fixture: Fixture, servers: list[Server],
              totals: Totals) -> tuple[float, float]:
    alive = [True, True]
    deadline = time.monotonic() + args.timeout
    started = time.monotonic()
    tasks = [asyncio.create_task(phone(i, fixture, [s.port for s in servers], alive,
                                       args.notes, totals, deadline))
             for i in range(args.phones)]
    await asyncio.wait_for(totals.ack_event.wait(), args.timeout)
    os.kill(servers[0].pid, signal.SIGKILL)  # mid-burst, no warning
    alive[0] = False
    killed_at = time.monotonic() - started
    await asyncio.gather(*tasks)
    return killed_at, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phones", type=int, default=40)
    parser.add_argument("--notes", type=int, default=15)
    parser.add_argument("--kill-after", type=int, default=150,
                        help="acknowledged notes before one server is killed")
    parser.add_argument("--database-url",
                        default="postgres://postgres@127.0.0.1:5432/sanaksme_killburst")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--timeout", type=float, default=100.0)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="sanaksme-killburst-"))
    data = workdir / "data"
    data.mkdir(mode=0o700)
    os.environ.update(SANAKSME_DATA_DIR=str(data), SECRET_KEY=secrets.token_urlsafe(50),
                      DJANGO_SETTINGS_MODULE="sanaksme.config.settings.dev",
                      DATABASE_URL=args.database_url, REDIS_URL=args.redis_url)
    sys.path.insert(0, str(ROOT / "src"))
    fresh_database(args.database_url)
    fixture = prepare(args.phones)

    servers: list[Server] = []
    try:
        for _ in range(2):
            port = free_port()
            servers.append(Server(
                [sys.executable, "-m", "daphne", "-b", HOST, "-p", str(port),
                 "sanaksme.config.asgi:application"], dict(os.environ),
                workdir / f"daphne-{port}.log", port, args.timeout + 30))
        for server in servers:
            server.wait_ready()
        totals = Totals(kill_after=args.kill_after)
        killed_at, took = asyncio.run(run(args, fixture, servers, totals))
    finally:
        for server in servers:
            with contextlib.suppress(Exception):
                server.stop()

    written = args.phones * args.notes
    rows, distinct, texts = count()
    acked_texts = {f"killburst {c[3:6]}-{c[7:9]}" for c in totals.acked}
    lost = written - distinct
    duplicated = rows - distinct
    acked_missing = len(acked_texts - texts)
    ok = (lost == 0 and duplicated == 0 and acked_missing == 0
          and not totals.refused_for_good)
    print(f"kill_burst: {args.phones} phones x {args.notes} notes on PostgreSQL + Redis, "
          f"2 Daphne, one killed (SIGKILL) after {args.kill_after} acks at "
          f"{killed_at:.1f} s: written {written}, stored {distinct}, lost {lost}, "
          f"duplicated {duplicated}, acked but missing {acked_missing}, refused for good "
          f"{len(totals.refused_for_good)}, refused for now {totals.refused_for_now}, "
          f"resent {totals.resent}, reconnects {totals.reconnects}, all stored in "
          f"{took:.1f} s -> {'OK' if ok else 'FAIL'}")
    for line in totals.refused_for_good[:5]:
        print("  refused for good:", line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
