"""Two workers behind nginx on loopback: a phone's note reaches the projectors through it.

Scale-out suite only (PostgreSQL + Redis: `make test-scaleout`); skipped quietly on the
SQLite default. With CI=true a missing nginx fails the test (.ci/run installs it).

Two `sanaksme serve --no-collectstatic` workers (production settings behind a proxy,
SANAKSME_TRUSTED_PROXIES=1) share the pytest test database and a Redis database of
their own; nginx runs the configuration of `sanaksme.core.deploy.nginx_loopback`. A phone
and two projectors connect through nginx: with `least_conn` the first projector lands
on the worker the phone is not on, so the note crosses workers through Redis. nginx's
access log names the worker of every request; both must have served WebSockets.
"""

from __future__ import annotations

import asyncio
import json
import re
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from sanaksme.core.tests.waiting import wait_for

from .conftest import SCALEOUT_ONLY, WAIT_S, Hosted, brainstorm, http_get

pytestmark = SCALEOUT_ONLY


async def _note_through_nginx(base: str, data: dict[str, Any], text: str) -> list[str]:
    """A phone sends a note; every projector must receive it. The messages each got."""
    import websockets

    ws_base = base.replace("http://", "ws://")
    origin = {"Origin": base}
    async with websockets.connect(
            f"{ws_base}/ws/phone/{data['code']}/",
            additional_headers={**origin, "Cookie": f"sessionid={data['cookie']}"}) as phone:
        state = json.loads(await asyncio.wait_for(phone.recv(), WAIT_S))
        assert state["type"] == "state"
        projectors = []
        for _ in range(2):  # least_conn: the first goes to the worker without the phone
            projector = await websockets.connect(f"{ws_base}{data['projector']}",
                                                 additional_headers=origin)
            await asyncio.wait_for(projector.recv(), WAIT_S)  # its state
            projectors.append(projector)
        try:
            await phone.send(json.dumps({
                "action": "note_submit", "client_id": f"c-{uuid.uuid4().hex[:8]}",
                "sheet": data["sheet"], "column": "problem", "text": text}))

            async def until_note(socket: Any) -> str:
                while True:
                    message = str(await socket.recv())
                    if text in message:
                        return message

            async def until_ack() -> Any:
                while True:
                    reply = json.loads(await phone.recv())
                    if reply["type"] in ("ack", "error"):
                        return reply

            ack, *seen = await asyncio.wait_for(asyncio.gather(
                until_ack(), *(until_note(p) for p in projectors)), WAIT_S)
            assert ack["type"] == "ack", ack
            return list(seen)
        finally:
            for projector in projectors:
                await projector.close()


def _ws_upstreams(access_log: Path) -> list[tuple[str, str]]:
    """(path, worker) of every WebSocket nginx proxied, as its access log says."""
    if not access_log.exists():
        return []
    return re.findall(r'"GET (/ws/\S+) HTTP/1\.1" 101 .*?upstream=(\S+)',
                      access_log.read_text(encoding="utf-8"))


def test_a_note_crosses_workers_behind_nginx(hosted: Hosted) -> None:
    """A phone and two projectors through nginx; then its static files and a body the
    app would refuse (nginx answers it without a worker)."""
    data = brainstorm()
    text = f"Caur nginx {uuid.uuid4().hex[:8]}"

    seen = asyncio.run(_note_through_nginx(hosted.url, data, text))

    assert len(seen) == 2
    access_log = hosted.workdir / "nginx" / "access.log"
    workers = {f"127.0.0.1:{port}" for port in hosted.workers}
    wait_for(lambda: len(_ws_upstreams(access_log)) >= 3, seconds=WAIT_S,
             what="the WebSockets in nginx's access log", logs=hosted.logs)
    sockets = _ws_upstreams(access_log)
    phone = next(worker for path, worker in sockets if path.startswith("/ws/phone/"))
    projectors = [worker for path, worker in sockets if path.startswith("/ws/projector/")]
    assert {phone, *projectors} == workers, sockets  # both workers carried sockets
    assert any(worker != phone for worker in projectors), sockets  # the note crossed
    logged = access_log.read_text(encoding="utf-8")
    secrets = (data["code"], data["projector"].split("/")[-2], "127.0.0.1 ")
    assert not [secret for secret in secrets if secret in logged], logged  # as the app's logs

    # Static files come from nginx (collected once), compressed and with a short cache.
    status, headers, body = http_get(f"{hosted.url}/static/js/live/connection.js",
                                     {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"  # collectstatic's .gz, as it is
    assert headers.get("Cache-Control") == "public, max-age=60"  # not a hashed name
    assert body[:2] == b"\x1f\x8b"

    # A body larger than the app takes on that route: refused by nginx itself.
    big = urllib.request.Request(f"{hosted.url}/j/", data=b"x" * (  # noqa: S310
        int(settings.SANAKSME_MAX_FORM_BYTES) + 1), method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(big, timeout=10)  # noqa: S310 (loopback)
    assert refused.value.code == 413
    assert "nginx" in refused.value.read().decode("latin-1")  # refused by the proxy
