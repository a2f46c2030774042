"""nginx in front of two `sanaksme serve` workers on loopback, for the scale-out suite.

Skipped quietly unless DATABASE_URL is PostgreSQL and REDIS_URL is set; with CI=true a
missing nginx fails instead (.ci/run installs it).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from sanaksme.core.deploy import nginx_binary, nginx_loopback
from sanaksme.core.tests.scaleout import database_url, flush_redis, redis_url
from sanaksme.core.tests.waiting import wait_for

REDIS_DB = 4  # this test's own Redis database (issue 16: proxy tests)
START_S = 120  # a worker's first start (imports, a loaded two-core machine)
WAIT_S = 30


def _scaleout() -> bool:
    return (os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
            and bool(os.environ.get("REDIS_URL")))


SCALEOUT_ONLY = pytest.mark.skipif(not _scaleout(), reason="scale-out suite only "
                                   "(DATABASE_URL on PostgreSQL and REDIS_URL)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def answers(url: str) -> bool:
    try:
        return http_get(url)[0] == 200
    except OSError:
        return False


@dataclass
class Hosted:
    """nginx on `port` in front of two workers; their logs in `workdir`."""

    port: int
    workers: list[int]
    workdir: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def logs(self) -> str:
        parts = []
        for path in sorted(self.workdir.glob("*.log")):
            text = path.read_text(encoding="utf-8", errors="replace")
            parts.append(f"--- {path.name}\n{text[-3000:]}")
        return "\n".join(parts)

    def start(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> None:
        log = (self.workdir / f"{name}.log").open("wb")
        # A session of its own: the whole process group is ended at the end.
        self.processes.append(subprocess.Popen(  # noqa: S603 (our own commands)
            argv, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        log.close()

    def stop(self) -> None:
        for process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for process in self.processes:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def the_nginx() -> str:
    found = nginx_binary()
    if found is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("nginx is not installed (apt-get install -y nginx); the scale-out "
                        "suite must run it in CI.")
        pytest.skip("nginx is not installed: apt-get install -y nginx")
    return found


@pytest.fixture
def hosted(transactional_db: None, tmp_path: Path) -> Iterator[Hosted]:
    """Two workers and nginx, started as an administrator would (docs/deploy.md)."""
    nginx = the_nginx()
    sanaksme = str(Path(sys.executable).with_name("sanaksme"))
    env = {key: value for key, value in os.environ.items()
           if key not in ("DJANGO_SETTINGS_MODULE", "PYTEST_XDIST_WORKER")}
    env.update({
        "SANAKSME_ENV": "production", "SECRET_KEY": str(settings.SECRET_KEY),
        "ALLOWED_HOSTS": "127.0.0.1,localhost", "SECURE_SSL_REDIRECT": "0",
        "SANAKSME_BEHIND_PROXY": "1", "SANAKSME_TRUSTED_PROXIES": "1",
        "SANAKSME_WORKERS": "2", "DATABASE_URL": database_url(), "REDIS_URL": redis_url(REDIS_DB),
        "SANAKSME_DATA_DIR": str(tmp_path / "data"),
        "SANAKSME_STATIC_ROOT": str(tmp_path / "static"),
    })
    flush_redis(env["REDIS_URL"])
    site = Hosted(port=free_port(), workers=[free_port(), free_port()], workdir=tmp_path)
    try:
        # Static files once, before the workers (they must not race to collect them).
        subprocess.run([sanaksme, "collectstatic", "--noinput", "-v", "0"],  # noqa: S603
                       env=env, check=True, capture_output=True, timeout=START_S)
        for port in site.workers:
            site.start(f"worker-{port}", [sanaksme, "serve", "--port", str(port),
                                          "--no-collectstatic"], env)
        conf = nginx_loopback([f"127.0.0.1:{port}" for port in site.workers], port=site.port,
                              static_root=tmp_path / "static", workdir=tmp_path / "nginx")
        site.start("nginx", [nginx, "-p", str(conf.parent), "-c", str(conf),
                             "-g", "daemon off;"])
        for port in site.workers:  # each worker's own health check
            wait_for(lambda p=port: answers(  # type: ignore[misc]
                f"http://127.0.0.1:{p}/healthz"), seconds=START_S,
                what=f"worker {port} /healthz", logs=site.logs)
        wait_for(lambda: answers(f"{site.url}/healthz"), seconds=WAIT_S,
                 what="/healthz through nginx", logs=site.logs)
        yield site
    finally:
        site.stop()
        flush_redis(env["REDIS_URL"])


def brainstorm() -> dict[str, Any]:
    """The demo meeting on its brainstorm, a phone's session, the projector's address."""
    from sanaksme.boards.services import sheets_ensure
    from sanaksme.participants.models import Participant
    from sanaksme.participants.tests.factories import phone_session
    from sanaksme.programme.models import AgendaItem
    from sanaksme.programme.services import meeting_set_current_item
    from sanaksme.programme.tests.demo import demo_get_or_import

    meeting = demo_get_or_import()
    item = AgendaItem.objects.get(day__meeting=meeting, method="brainstorm")
    meeting_set_current_item(meeting=meeting, item=item)
    sheet = sheets_ensure(item=item)[0]
    person = Participant.objects.filter(meeting=meeting, category="regional_expert").first()
    assert person is not None
    # Another person for a browser: the one above holds its identity on its session.
    other = Participant.objects.filter(meeting=meeting).exclude(pk=person.pk).order_by("pk")[0]
    return {"code": meeting.join_code, "sheet": sheet.pk, "cookie": phone_session(person),
            "projector": f"/ws/projector/{meeting.slug}/{meeting.projector_token}/",
            "projector_page": f"/projector/{meeting.slug}/{meeting.projector_token}/",
            "join_link": f"/j/{meeting.join_code}/{other.join_token}/",
            "needs_consent": other.needs_consent}
