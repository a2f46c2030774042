"""Hosted-mode load benchmark: PostgreSQL, Redis, several `sanaksme serve` workers behind
nginx (or spread over directly), against the raw reference in the same run.

    .venv/bin/python benchmarks/hosted_load.py                  # every scenario, issue 16 sizes
    .venv/bin/python benchmarks/hosted_load.py --scenario many --meetings 3 --phones 20 --duration 10

It creates a throwaway PostgreSQL database (unique name, `--database-url`'s server,
dropped at the end), migrates it, runs `sanaksme demo` (the demo, the recorded meetings,
the facilitator) and imports the demo programme again as `--meetings` meetings open on
their brainstorm, each with phones that hold a session. Redis db 6 (`--redis-url`) is
emptied at the start, before every app run and at the end. Each app run starts
`--workers` `sanaksme serve` processes (SANAKSME_WORKERS set), `sanaksme worker` when
the command exists (the job queue), and nginx in front (`--via nginx`, the default when
/usr/sbin/nginx exists; `--via direct` spreads the clients round-robin over the
workers' own ports). The clients are live_load.py's: they apply events in seq order,
re-sync on a gap, and here reconnect (the next worker in turn, or nginx again) and
resend unacknowledged notes as live.js does.

Scenarios (`--scenario many|big|kill|report|all`):
  many   `--meetings` meetings × `--phones` phones + a projector, `--rate` notes/s per
         meeting for `--duration` s; latency from a phone's send until every client of
         that meeting has the note; notes are tagged with their meeting and one that
         reaches another meeting's client is counted.
  kill   the same run, one worker SIGKILLed halfway: notes acknowledged vs stored in
         PostgreSQL, and per phone of that worker the time from the kill until it is
         connected again and has a state (which holds every note stored by then).
  big    one meeting of `--big-phones` phones across the workers, `--big-rate` notes/s
         for `--big-duration` s.
  report the big run again while the recorded meeting's PDF report is produced
         `--reports` times over HTTP (the demo facilitator logged in), against the big
         run without reports.
Every process runs under `timeout` and in its own process group, and is stopped at the
end, on Ctrl-C and on failure; `--timeout` bounds the whole run. Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.cookiejar
import logging
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kill_burst import fresh_database
from live_load import (
    CLK_TCK,
    HOST,
    NOTE_PREFIX,
    ROOT,
    Fixture,
    Plan,
    Server,
    Side,
    drive,
    fmt,
    free_port,
    percentile,
    prepare_meeting,
    print_table,
    raise_open_files_limit,
    start_reference,
    summarise,
)

from sanaksme.core.tests.scaleout import flush_redis

NGINX = Path("/usr/sbin/nginx")
TARGET_P95_RATIO = 3.0
TARGET_BACK_S = 10.0
TARGET_REPORT_RISE = 0.25
SCRIPT = Path(sys.executable).with_name("sanaksme")


class DeadlineError(Exception):
    """--timeout passed."""


# ---------------------------------------------------------------- processes


def tree_cpu(pid: int) -> float:
    """User + system CPU seconds of a process and its live descendants (nginx's workers)."""
    total = 0.0
    with contextlib.suppress(OSError, IndexError, ValueError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total = (int(fields[11]) + int(fields[12])) / CLK_TCK
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += tree_cpu(int(child))
    return total


@dataclass
class Group:
    """The hosted service of one run: workers, the job worker, nginx; measured as one."""

    workers: list[Server] = field(default_factory=list)
    jobs: Server | None = None
    nginx: Server | None = None
    last: dict[int, float] = field(default_factory=dict)  # a killed process keeps its CPU
    killed: set[int] = field(default_factory=set)

    @property
    def port(self) -> int:
        return self.nginx.port if self.nginx else self.workers[0].port

    def client_ports(self) -> list[int]:
        return [self.nginx.port] if self.nginx else [w.port for w in self.workers]

    def parts(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for kind, servers in (("workers", self.workers), ("job worker", [self.jobs]),
                              ("nginx", [self.nginx])):
            for server in servers:
                if server is None or not server.pid:
                    continue
                if server.pid not in self.killed:
                    self.last[server.pid] = tree_cpu(server.pid)
                out[kind] = out.get(kind, 0.0) + self.last.get(server.pid, 0.0)
        return out

    def cpu(self) -> float:
        return sum(self.parts().values())

    def rss_mb(self) -> float:
        return sum(w.rss_mb() for w in self.workers if w.pid not in self.killed)

    def problems(self) -> list[str]:
        servers = [*self.workers, self.jobs] if self.jobs else self.workers
        return [line for s in servers for line in s.problems()]

    def kill_worker(self, index: int) -> None:
        pid = self.workers[index].pid
        self.last[pid] = tree_cpu(pid)
        self.killed.add(pid)
        os.kill(pid, signal.SIGKILL)

    def stop(self) -> None:
        for server in [self.nginx, self.jobs, *self.workers]:
            if server is not None:
                with contextlib.suppress(Exception):
                    server.stop()
                # `timeout` runs in a process group of its own: kill anything left in it.
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(server.proc.pid, signal.SIGKILL)


def commands() -> set[str]:
    out = subprocess.run([str(SCRIPT), "help"], capture_output=True, text=True, check=False,
                         timeout=120, env=os.environ)
    return {line.strip() for line in out.stdout.splitlines() if line.startswith("    ")}


@dataclass
class Setup:
    args: argparse.Namespace
    workdir: Path
    env: dict[str, str]
    redis_url: str
    database: str
    via: str
    has_worker: bool
    no_collectstatic: bool
    deadline: float
    fixtures: list[Fixture] = field(default_factory=list)
    recorded: str = ""
    password: str = ""
    runs: int = 0

    def remaining(self) -> float:
        return max(self.deadline - time.monotonic(), 1.0)


def start_group(setup: Setup) -> Group:
    flush_redis(setup.redis_url)  # no channels, rate-limit counts or jobs left over
    setup.runs += 1
    limit = setup.remaining() + 30
    group = Group()
    try:
        for i in range(setup.args.workers):
            port = free_port()
            argv = [str(SCRIPT), "serve", "--host", HOST, "--port", str(port)]
            if setup.no_collectstatic:
                argv.append("--no-collectstatic")
            group.workers.append(Server(argv, setup.env, setup.workdir
                                       / f"run{setup.runs}-worker{i}-{port}.log", port, limit))
            if not setup.no_collectstatic:  # each one collects: one at a time
                group.workers[-1].wait_ready()
        for worker in group.workers:
            worker.wait_ready()
        if setup.has_worker:
            group.jobs = Server([str(SCRIPT), "worker"], setup.env,
                               setup.workdir / f"run{setup.runs}-jobs.log", 0, limit)
            group.jobs.wait_ready(marker="sanaksme worker")  # its first line: started
        if setup.via == "nginx":
            from sanaksme.core.deploy import nginx_loopback

            port = free_port()
            where = setup.workdir / f"nginx-{setup.runs}"
            conf = nginx_loopback([f"{HOST}:{w.port}" for w in group.workers], port=port,
                                  static_root=Path(setup.env["SANAKSME_DATA_DIR"]) / "static",
                                  workdir=where)
            group.nginx = Server([str(NGINX), "-p", str(where), "-c", str(conf), "-g",
                                 "daemon off;"], setup.env, where / "stdout.log", port, limit)
            group.nginx.wait_ready()
    except BaseException:
        group.stop()
        raise
    return group


# ---------------------------------------------------------------- preparation


def drop_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def prepare(setup: Setup, phones: list[int]) -> None:
    """Migrate, `sanaksme demo`, then one imported demo meeting per entry of `phones`."""
    import io

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    from sanaksme.programme.management.commands.demo import RECORD_FILES
    from sanaksme.replay.record import parse_record

    call_command("migrate", verbosity=0)
    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # the demo's slide decks
    call_command("demo", url=f"http://{HOST}", stdout=io.StringIO())
    setup.password = (Path(settings.DATA_DIR) / "facilitator-password.txt").read_text().strip()
    setup.recorded = parse_record(RECORD_FILES[-1].read_text(encoding="utf-8")).slug
    secret = setup.env["SECRET_KEY"]
    for k, count in enumerate(phones):
        setup.fixtures.append(prepare_meeting(count, database=Path(setup.database),
                                              secret_key=secret, slug=f"bench-{k:02d}"))
    call_command("collectstatic", interactive=False, verbosity=0)
    connections.close_all()


def stored_notes(tag: str) -> tuple[int, set[str]]:
    """(rows, distinct texts) of this run's notes in PostgreSQL."""
    from django.db import connections

    from sanaksme.boards.models import Note

    connections.close_all()
    texts = list(Note.objects.filter(text__startswith=f"{NOTE_PREFIX}{tag}-")
                 .values_list("text", flat=True))
    return len(texts), set(texts)


# ---------------------------------------------------------------- reports over HTTP


class Facilitator:
    """The demo facilitator in a browser of its own (cookies, CSRF) on one base URL."""

    def __init__(self, base: str, password: str) -> None:
        from django.urls import reverse

        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.get(reverse("login"))
        self.post(reverse("login"), {"username": "facilitator", "password": password,
                              "csrfmiddlewaretoken": self.csrf(page)})
        if not any(c.name == "sessionid" for c in self.jar):
            raise RuntimeError("the facilitator could not log in")

    def csrf(self, page: str) -> str:
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if found:
            return found.group(1)
        return next(c.value or "" for c in self.jar if c.name == "csrftoken")

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=60) as response:
            return str(response.read().decode())

    def post(self, path: str, data: dict[str, str]) -> str:
        token = next((c.value or "" for c in self.jar if c.name == "csrftoken"), "")
        request = urllib.request.Request(
            self.base + path, data=urllib.parse.urlencode(data).encode(),
            headers={"X-CSRFToken": token, "Referer": self.base + path})
        with self.opener.open(request, timeout=60) as response:
            return str(response.read().decode())

    def report(self, slug: str, stop: threading.Event) -> float:
        """Start the PDF report and poll it (as the page does) until done; seconds."""
        from django.urls import reverse

        started = time.perf_counter()
        page = self.post(reverse("reports:job-start", args=[slug]), {"fmt": "pdf"})
        while "/file/" not in page:  # the download link: done
            poll = re.search(r'hx-get="([^"]+)"', page)
            if poll is None or stop.is_set():
                text = " ".join(re.sub(r"<[^>]+>", " ", page).split())[:120]
                raise RuntimeError(f"not produced by the end of the run: {text}")
            time.sleep(0.4)  # the page's hx-trigger delay
            page = self.get(poll.group(1))
        return time.perf_counter() - started


# ---------------------------------------------------------------- runs


@dataclass
class Outcome:
    """What a run adds to live_load's figures."""

    kill_at: float = 0.0
    killed_worker: int = -1
    reports: list[float] = field(default_factory=list)
    report_errors: list[str] = field(default_factory=list)
    cpu_parts: dict[str, float] = field(default_factory=dict)


def profile(setup: Setup, group: Group, seconds: float) -> subprocess.Popen[bytes] | None:
    """`--profile DIR`: py-spy records the last worker while the notes are sent."""
    if setup.args.profile is None:
        return None
    setup.args.profile.mkdir(parents=True, exist_ok=True)
    out = setup.args.profile / f"run{setup.runs}-worker{len(group.workers) - 1}.txt"
    spy = Path(sys.executable).with_name("py-spy")
    return subprocess.Popen(
        ["timeout", "-k", "5", str(int(seconds) + 30), str(spy), "record", "-p",
         str(group.workers[-1].pid), "-d", str(max(int(seconds), 1)), "-r", "100", "--nonblocking", "-f", "raw",
         "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def notes_plan(name: str, meetings: int, phones: int, rate: float, duration: float,
               timeout: float) -> tuple[Plan, list[int]]:
    """Notes in turn over the meetings, `rate` per meeting per second."""
    count = round(rate * duration) * meetings
    offsets = [i / (rate * meetings) for i in range(count)]
    return Plan(name, phones, offsets, timeout, 0, True, meetings), [i % meetings for i in range(count)]


def run_reference(setup: Setup, plan: Plan, meeting_of: list[int], tag: str) -> Side:
    limit = setup.remaining()
    side = Side(name="reference", app=False, tag=tag, notes=len(plan.offsets),
                meeting_of=meeting_of if plan.meetings > 1 else [],
                fixtures=setup.fixtures[:plan.meetings])
    server = start_reference(setup.workdir, limit)
    try:
        asyncio.run(asyncio.wait_for(drive(side, plan, side.fixtures[0], server),
                                     setup.remaining()))
    finally:
        server.stop()
    summarise(side)
    return side


def run_app(setup: Setup, name: str, plan: Plan, meeting_of: list[int], tag: str, *,
            kill: bool = False, reports: int = 0) -> tuple[Side, Outcome]:
    side = Side(name=name, app=True, tag=tag, notes=len(plan.offsets),
                meeting_of=meeting_of if plan.meetings > 1 else [],
                fixtures=setup.fixtures[:plan.meetings], reconnect=True)
    outcome = Outcome()
    group = start_group(setup)
    duration = plan.offsets[-1] if plan.offsets else 0.0

    async def killer() -> None:
        await asyncio.sleep(duration / 2)
        outcome.killed_worker = 0
        outcome.kill_at = time.perf_counter()
        group.kill_worker(0)

    async def reporter() -> None:
        base = f"http://{HOST}:{group.port}"
        who = await asyncio.to_thread(Facilitator, base, setup.password)
        stop = threading.Event()  # set when drive() stops waiting: the threads give up

        async def one(delay: float) -> None:
            await asyncio.sleep(delay)
            try:
                outcome.reports.append(await asyncio.to_thread(who.report, setup.recorded, stop))
            except Exception as error:  # noqa: BLE001  a failed report is a result
                where = getattr(error, "url", "")
                outcome.report_errors.append(f"{type(error).__name__}: {error} {where}"[:200])

        try:
            await asyncio.gather(*(one(i * duration / reports) for i in range(reports)))
        finally:
            stop.set()

    async def during() -> None:
        """Kill or produce reports while the notes go; CPU per process kind until the
        last note is delivered (or drive() gives up on it)."""
        before = group.parts()
        spy = profile(setup, group, duration)
        try:
            if kill:
                await killer()
            elif reports:
                await reporter()
            await side.all_done.wait()
        finally:
            after = group.parts()
            outcome.cpu_parts = {k: after[k] - before.get(k, 0.0) for k in after}
            if spy is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    spy.wait(30)

    try:
        asyncio.run(asyncio.wait_for(
            drive(side, plan, side.fixtures[0], group, ports=group.client_ports(),
                  during_load=during), setup.remaining()))
    finally:
        group.stop()
    summarise(side)
    rows, texts = stored_notes(tag)
    side.figures["stored"] = (rows, len(texts))
    acked = {f"{NOTE_PREFIX}{tag}-{i}" for i in range(side.notes) if side.ack_at[i]}
    side.figures["acked"] = len(acked)
    side.figures["acked_missing"] = len(acked - texts)
    side.figures["sent_missing"] = side.figures["sent"] - len(texts)
    side.figures["foreign"] = side.foreign
    return side, outcome


# ---------------------------------------------------------------- figures


def recovery(side: Side, outcome: Outcome) -> dict[str, Any]:
    """Per client that lost its connection: seconds from the kill to its next state."""
    lost = [c for c in side.conns if c.lost_at]
    back = [c.synced_at - outcome.kill_at for c in lost if c.synced_at]
    wanted = [i for i in range(side.notes) if side.send_at[i] and i not in side.refused]
    short = sum(1 for c in lost if any(not c.first[i] for i in wanted
                                       if not side.meeting_of or side.meeting_of[i] == c.meeting))
    return {"lost": len(lost), "back": len(back), "never": len(lost) - len(back),
            "p50": percentile(back, 50), "p95": percentile(back, 95),
            "max": max(back, default=None), "short": short}


def extra_rows(sides: list[tuple[Side, Outcome | None]]) -> None:
    width = 40
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, cell: Callable[[dict[str, Any], Outcome | None], str]) -> None:
        rows.append((label, [cell(s.figures, o) for s, o in sides]))

    row("notes acked / stored rows (distinct)", lambda f, o: (
        f"{f['acked']}/{f['stored'][0]} ({f['stored'][1]})" if "stored" in f else "-"))
    row("acked but not stored / sent not stored", lambda f, o: (
        f"{f['acked_missing']}/{f['sent_missing']}" if "stored" in f else "-"))
    row("deliveries to another meeting", lambda f, o: fmt(f.get("foreign", 0)))
    def cpu_of(kind: str) -> Callable[[dict[str, Any], Outcome | None], str]:
        return lambda f, o: fmt(o.cpu_parts.get(kind), 2) if o and kind in o.cpu_parts else "-"

    for kind in ("workers", "job worker", "nginx"):
        row(f"CPU in load phase: {kind} (s)", cpu_of(kind))
    print("  " + "-" * 20)
    for label, cells in rows:
        print(f"{label:{width}}" + "".join(f"{c:>18}" for c in cells))


def verdicts(app: Side, reference: Side | None, *, ratio_target: bool = True,
             foreign: bool = False) -> list[tuple[str, bool | None]]:
    f = app.figures
    out: list[tuple[str, bool | None]] = []
    ref = reference.figures.get("p95") if reference else None
    if ratio_target:
        if ref and f["p95"] is not None:
            ratio = f["p95"] / ref
            out.append((f"{app.name}: p95 ≤ {TARGET_P95_RATIO:g}× reference p95 "
                        f"({fmt(f['p95'])} / {fmt(ref)} ms = {ratio:.2f}×)",
                        ratio <= TARGET_P95_RATIO))
        else:
            out.append(("p95 ratio to the reference (no reference run)", None))
    out.append((f"{app.name}: 0 lost ({f['lost']} notes undelivered, {f['missing']} "
                f"deliveries missing, {f['unsendable']} unsendable, {f['acked_missing']} acked "
                f"but not stored, {f['sent_missing']} sent but not stored)",
                f["lost"] == 0 and f["missing"] == 0 and f["unsendable"] == 0
                and f["acked_missing"] == 0 and f["sent_missing"] == 0))
    out.append((f"{app.name}: 0 duplicated ({f['duplicated']} events, "
                f"{f['stored'][0] - f['stored'][1]} rows)",
                f["duplicated"] == 0 and f["stored"][0] == f["stored"][1]))
    if foreign:
        out.append((f"{app.name}: no note delivered to another meeting ({f['foreign']})",
                    f["foreign"] == 0 and (reference is None
                                           or reference.figures.get("foreign", 0) == 0)))
    if f["refused"]:
        out.append((f"{f['refused']} notes refused by the server (see errors)", False))
    return out


def show(title: str, plan: Plan, sides: list[tuple[Side, Outcome | None]],
         verdict_list: list[tuple[str, bool | None]]) -> None:
    for side, _outcome in sides:
        side.figures.setdefault("foreign", side.foreign)
    print_table(title, [s for s, _ in sides], plan, [])
    extra_rows(sides)
    for text, ok in verdict_list:
        mark = "PASS" if ok else ("n/a " if ok is None else "FAIL")
        print(f"  {mark}  {text}")
    sys.stdout.flush()


# ---------------------------------------------------------------- scenarios


def scenario_many(setup: Setup, kill: bool) -> None:
    a = setup.args
    plan, meeting_of = notes_plan("kill" if kill else "many", a.meetings, a.phones, a.rate,
                                  a.duration, a.settle)
    tag = f"{plan.scenario}{secrets.token_hex(3)}"
    sides: list[tuple[Side, Outcome | None]] = []
    reference = None
    if not kill:
        reference = run_reference(setup, plan, meeting_of, tag)
        sides.append((reference, None))
    app, outcome = run_app(setup, f"app {setup.via}", plan, meeting_of, tag, kill=kill)
    sides.append((app, outcome))
    who = (f"{a.meetings} meetings × ({a.phones} phones + projector), {a.rate:g} notes/s "
           f"per meeting for {a.duration:g} s ({len(plan.offsets)} notes), {a.workers} "
           f"workers via {setup.via}")
    checks = verdicts(app, reference, ratio_target=not kill, foreign=True)
    if kill:
        r = recovery(app, outcome)
        app.figures["recovery"] = r
        title = f"kill: {who}; worker 0 SIGKILLed at {plan.offsets[-1] / 2:.0f} s"
        checks.append((f"every client of the killed worker back and in sync within "
                       f"{TARGET_BACK_S:g} s ({r['back']} of {r['lost']} back, p50/p95/max "
                       f"{fmt(r['p50'], 2)}/{fmt(r['p95'], 2)}/{fmt(r['max'], 2)} s, "
                       f"{r['short']} missing a note at the end)",
                       r["lost"] > 0 and r["never"] == 0 and r["short"] == 0
                       and r["max"] is not None and r["max"] <= TARGET_BACK_S))
    else:
        title = f"many: {who}"
    show(title, plan, sides, checks)


def scenario_big(setup: Setup, with_reports: bool, without: bool) -> None:
    a = setup.args
    plan, meeting_of = notes_plan("big", 1, a.big_phones, a.big_rate, a.big_duration,
                                  a.settle)
    tag = f"big{secrets.token_hex(3)}"
    reference = run_reference(setup, plan, meeting_of, tag)
    sides: list[tuple[Side, Outcome | None]] = [(reference, None)]
    checks: list[tuple[str, bool | None]] = []
    plain = None
    if without:
        plain, outcome = run_app(setup, f"app {setup.via}", plan, meeting_of, tag)
        sides.append((plain, outcome))
        checks += verdicts(plain, reference)
    if with_reports:
        tag2 = f"rep{secrets.token_hex(3)}"
        busy, outcome = run_app(setup, "app + reports", plan, meeting_of, tag2,
                                reports=a.reports)
        sides.append((busy, outcome))
        checks += verdicts(busy, reference, ratio_target=False)
        times = outcome.reports
        checks.append((f"{len(times)} of {a.reports} PDF reports produced during the run "
                       f"(seconds each: {', '.join(f'{t:.1f}' for t in times) or '-'})"
                       + (f"; errors: {outcome.report_errors[:2]}" if outcome.report_errors
                          else ""), len(times) == a.reports))
        base, p95 = (plain.figures.get("p95") if plain else None), busy.figures.get("p95")
        if base and p95 is not None:
            rise = p95 / base - 1
            checks.append((f"live p95 with reports ≤ {100 * TARGET_REPORT_RISE:.0f} % over "
                           f"the run without ({fmt(p95)} vs {fmt(base)} ms: "
                           f"{100 * rise:+.0f} %)", rise <= TARGET_REPORT_RISE))
    title = (f"big{' + report' if with_reports else ''}: 1 meeting × ({a.big_phones} phones "
             f"+ projector), {a.big_rate:g} notes/s for {a.big_duration:g} s "
             f"({len(plan.offsets)} notes), {a.workers} workers via {setup.via}"
             + (f"; {a.reports} PDF reports of {setup.recorded} during the last run"
                if with_reports else ""))
    show(title, plan, sides, checks)


# ---------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", choices=["all", "many", "big", "kill", "report"],
                        default="all")
    parser.add_argument("--meetings", type=int, default=20)
    parser.add_argument("--phones", type=int, default=100, help="many/kill: per meeting")
    parser.add_argument("--rate", type=float, default=2.0, help="many/kill: notes/s per meeting")
    parser.add_argument("--duration", type=float, default=30.0, help="many/kill: seconds")
    parser.add_argument("--big-phones", type=int, default=1000)
    parser.add_argument("--big-rate", type=float, default=5.0)
    parser.add_argument("--big-duration", type=float, default=20.0)
    parser.add_argument("--reports", type=int, default=5, help="report: PDFs during the run")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--via", choices=["nginx", "direct"],
                        default="nginx" if NGINX.exists() else "direct")
    parser.add_argument("--settle", type=float, default=30.0,
                        help="seconds allowed to connect, and to deliver after the last send")
    parser.add_argument("--profile", type=Path, default=None,
                        help="py-spy records one worker of each app run into this directory")
    parser.add_argument("--timeout", type=float, default=1800.0,
                        help="seconds for the whole run; then everything is stopped")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/",
                        help="the server; a database of a unique name is created on it")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6",
                        help="a spare Redis database: it is emptied")
    args = parser.parse_args()
    wanted = ["many", "kill", "big", "report"] if args.scenario == "all" else [args.scenario]

    hard = raise_open_files_limit()
    workdir = Path(tempfile.mkdtemp(prefix="sanaksme-hosted-load-"))
    data = workdir / "data"
    data.mkdir(mode=0o700)
    name = f"sanaksme_bench_{secrets.token_hex(4)}"
    database_url = args.database_url.rstrip("/") + "/" + name
    env = dict(os.environ, SANAKSME_DATA_DIR=str(data), SECRET_KEY=secrets.token_urlsafe(50),
               DJANGO_SETTINGS_MODULE="sanaksme.config.settings.dev",
               DATABASE_URL=database_url, REDIS_URL=args.redis_url,
               SANAKSME_WORKERS=str(args.workers), PYTHONUNBUFFERED="1")
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "src"))

    def on_alarm(signum: int, frame: object) -> None:
        raise DeadlineError(f"--timeout {args.timeout:g} s passed")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.alarm(int(args.timeout))
    created = False
    status = 1
    try:
        available = commands()
        serve_help = subprocess.run([str(SCRIPT), "serve", "--help"], capture_output=True,
                                    text=True, check=False, timeout=120).stdout
        via = args.via
        if via == "nginx":
            try:
                from sanaksme.core.deploy import nginx_loopback  # noqa: F401
            except ImportError:
                print("sanaksme.core.deploy.nginx_loopback is missing: --via direct")
                via = "direct"
        setup = Setup(args=args, workdir=workdir, env=env, redis_url=args.redis_url,
                      database=name, via=via, has_worker="worker" in available,
                      no_collectstatic="--no-collectstatic" in serve_help,
                      deadline=time.monotonic() + args.timeout)
        started = time.perf_counter()
        flush_redis(args.redis_url)
        fresh_database(database_url)  # kill_burst's: drop if there, create
        created = True
        big = args.big_phones if {"big", "report"} & set(wanted) else 0
        many = args.phones if {"many", "kill"} & set(wanted) else 0
        meetings = args.meetings if many else 1
        prepare(setup, [max(many, big)] + [many] * (meetings - 1))
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True, check=False).stdout.strip()
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, commit "
              f"{commit}; open files {hard}; PostgreSQL {name}, Redis {args.redis_url}; "
              f"{args.workers} workers via {via}, job worker: "
              f"{'sanaksme worker' if setup.has_worker else 'none (in the web process)'}; "
              f"prepared in {time.perf_counter() - started:.1f} s", flush=True)
        for scenario in wanted:
            if scenario in ("many", "kill"):
                scenario_many(setup, kill=scenario == "kill")
            elif scenario == "big":
                scenario_big(setup, with_reports="report" in wanted, without=True)
            elif "big" not in wanted:  # report alone: the big run without, then with
                scenario_big(setup, with_reports=True, without=True)
        status = 0
    except (DeadlineError, KeyboardInterrupt) as stop:
        print(f"stopped: {stop!r}")
    finally:
        signal.alarm(0)
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        if created:
            drop_database(database_url)
        with contextlib.suppress(Exception):
            flush_redis(args.redis_url)
        if not os.environ.get("LIVE_LOAD_KEEP"):
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"kept {workdir}")
    return status


if __name__ == "__main__":
    sys.exit(main())
