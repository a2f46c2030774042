"""Attacks on the cost of input: every input is refused with bounded work.

Parsing attacks (YAML alias bombs, deep YAML and JSON, control characters) run in
process. The body-size, PDF and YAML-bomb memory checks measure a subprocess's RSS
(read from /proc, psutil is not installed): a real Daphne for the body, the PDF worker
for slides, a fresh interpreter for YAML.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import socket
import subprocess
import sys
import time
import zlib
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.conf import settings

from sanaksme.boards.models import Sheet
from sanaksme.boards.services import sheets_ensure
from sanaksme.core.exceptions import DomainError, ImportRejected
from sanaksme.core.jsonsafe import JsonTooDeepError, loads_bounded
from sanaksme.core.yamlsafe import YamlBoundsError, check_yaml_bounds
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item, programme_import
from sanaksme.programme.yaml_io import parse_programme

HOST = [(b"host", b"127.0.0.1:8000")]
ORIGIN = [(b"origin", b"http://127.0.0.1:8000"), *HOST]
CONTROL_MESSAGE = "The text contains characters that cannot be stored (control characters)."


def yaml_alias_bomb(levels: int = 7) -> str:
    """Each level lists the previous one nine times: 9**levels strings once expanded."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels + 1):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def run_async(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        async_to_sync(test)(*args, **kwargs)

    return wrapper


# YAML ---------------------------------------------------------------------------------


def test_yaml_alias_bomb_is_refused_before_expansion() -> None:
    with pytest.raises(YamlBoundsError) as refused:
        check_yaml_bounds(yaml_alias_bomb(12))

    assert refused.value.code == "alias"


def test_programme_with_an_alias_bomb_is_rejected_with_a_message(english: None) -> None:
    with pytest.raises(ImportRejected) as rejected:
        parse_programme(yaml_alias_bomb())

    assert "YAML alias" in rejected.value.message


def test_deeply_nested_programme_is_rejected_with_a_message(english: None) -> None:
    text = "meeting: " + "[" * 5000 + "]" * 5000 + "\n"

    with pytest.raises(ImportRejected) as rejected:
        parse_programme(text)

    assert "nested more deeply" in rejected.value.message


@pytest.mark.django_db
def test_programme_import_with_nul_changes_nothing(demo_text: str, english: None) -> None:
    text = demo_text.replace("  place: Daugavpils\n", '  place: "Daugav\\0pils"\n', 1)
    assert "\\0" in text
    before = Meeting.objects.count()

    with pytest.raises(ImportRejected) as rejected:
        programme_import(text=text)

    assert rejected.value.message == CONTROL_MESSAGE
    assert Meeting.objects.count() == before


# JSON ---------------------------------------------------------------------------------


def test_deep_json_is_refused_before_parsing() -> None:
    with pytest.raises(JsonTooDeepError):
        loads_bounded("[" * 1900 + "]" * 1900)


def test_brackets_inside_json_strings_do_not_count_as_depth() -> None:
    text = json.dumps({"text": "[[[[{{{{" * 100, "nested": [[["ok"]]]})

    assert loads_bounded(text, max_depth=4)["nested"] == [[["ok"]]]


@pytest.mark.django_db
def test_meeting_file_nested_too_deep_is_rejected(english: None) -> None:
    from sanaksme.reports.exchange import meeting_import

    with pytest.raises(ImportRejected) as rejected:
        meeting_import('{"meeting": ' + "[" * 1900 + "]" * 1900 + "}")

    assert "nested more deeply" in rejected.value.message


# WebSocket frames ---------------------------------------------------------------------


@pytest.fixture
def fresh_layer() -> Iterator[None]:
    layer = get_channel_layer()
    async_to_sync(layer.flush)()
    yield
    async_to_sync(layer.flush)()


@pytest.fixture
def live_sheet(demo_meeting: Meeting, fresh_layer: None) -> Sheet:
    brainstorm = AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")
    meeting_set_current_item(meeting=demo_meeting, item=brainstorm)
    return sheets_ensure(item=brainstorm)[0]


async def open_console(sheet: Sheet, user: Any) -> WebsocketCommunicator:
    meeting = await database_sync_to_async(lambda: sheet.item.day.meeting)()
    screen = await database_sync_to_async(console_socket)(
        meeting, user, origin=b"http://127.0.0.1:8000")
    connected, _code = await screen.connect()
    assert connected
    state = await screen.receive_json_from()
    assert state["type"] == "state"
    return screen


@pytest.mark.django_db(transaction=True)
@run_async
async def test_deep_json_frame_gets_an_error_and_the_socket_stays_open(
    live_sheet: Sheet, facilitator: Any,
) -> None:
    hand = await open_console(live_sheet, facilitator)

    await hand.send_to(text_data='{"action": "ping", "x": ' + "[" * 1900 + "]" * 1900
                       + "}")

    error = await hand.receive_json_from()
    assert error["type"] == "error"
    await hand.send_json_to({"action": "ping"})
    assert (await hand.receive_json_from())["type"] == "pong"
    await hand.disconnect()


@pytest.mark.django_db(transaction=True)
@run_async
async def test_summary_with_nul_over_the_socket_is_refused_and_not_stored(
    live_sheet: Sheet, facilitator: Any,
) -> None:
    from sanaksme.presenting.models import Projection

    screen = await open_console(live_sheet, facilitator)

    await screen.send_json_to({"action": "summary_write", "client_id": "s1",
                               "text": "Secin\u0101jumi\x00"})

    error = await screen.receive_json_from()
    assert (error["type"], error["client_id"]) == ("error", "s1")
    assert not await database_sync_to_async(
        Projection.objects.filter(summary__contains="Secin").exists)()
    await screen.disconnect()


# Request bodies: a real Daphne in a subprocess -----------------------------------------

MB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise AssertionError(field)


@pytest.fixture(scope="module")
def daphne(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int]]:
    """(pid, port) of a Daphne serving the project, with a fresh data directory."""
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sanaksme.config.settings.dev",
           "SANAKSME_ENV": "development", "LOG_LEVEL": "ERROR",
           "SANAKSME_DATA_DIR": str(tmp_path_factory.mktemp("daphne-data"))}
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port),
         "sanaksme.config.asgi:application"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "Daphne did not listen within 30 s"
            with contextlib.suppress(subprocess.TimeoutExpired):  # still starting
                server.wait(timeout=0.1)
            assert server.returncode is None, "Daphne did not start"
    yield server.pid, port
    server.terminate()
    server.wait(timeout=10)


def post_body(port: int, head: bytes, chunks: Iterator[bytes]) -> tuple[bytes, float]:
    """Send a request head then body chunks until done or cut off; the status line and
    the seconds until it came."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
        conn.sendall(head)
        try:
            for chunk in chunks:
                conn.sendall(chunk)
        except OSError:
            pass  # the server cut the upload off
        answer = conn.recv(200)
    return answer.split(b"\r\n", 1)[0], time.monotonic() - started


def body(total: int, *, chunked: bool) -> Iterator[bytes]:
    piece = b"a" * (64 * 1024)
    for _sent in range(0, total, len(piece)):
        yield b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece
    if chunked:
        yield b"0\r\n\r\n"


def test_200_mb_body_to_join_is_refused_at_once_without_growing_the_server(
    daphne: tuple[int, int],
) -> None:
    pid, port = daphne
    peak_before = status_kb(pid, "VmHWM")
    head = (b"POST /j/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data;"
            b" boundary=x\r\nContent-Length: %d\r\n\r\n" % (200 * MB))

    status, seconds = post_body(port, head, body(200 * MB, chunked=False))

    assert status == b"HTTP/1.1 413 Content Too Large"
    assert seconds < 10
    assert status_kb(pid, "VmHWM") - peak_before < 30 * 1024


def test_chunked_200_mb_body_is_cut_off_without_growing_the_server(
    daphne: tuple[int, int],
) -> None:
    pid, port = daphne
    peak_before = status_kb(pid, "VmHWM")
    head = (b"POST /j/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data;"
            b" boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n")

    status, seconds = post_body(port, head, body(200 * MB, chunked=True))

    assert status == b"HTTP/1.1 413 Content Too Large"
    assert seconds < 10
    assert status_kb(pid, "VmHWM") - peak_before < 30 * 1024


def test_video_over_the_limit_is_refused_before_upload(daphne: tuple[int, int]) -> None:
    _pid, port = daphne
    head = (b"POST /console/m/x/items/1/materials/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            b"Content-Length: %d\r\n\r\n" % (501 * MB))

    status, seconds = post_body(port, head, iter(()))

    assert status == b"HTTP/1.1 413 Content Too Large"
    assert seconds < 5


def test_an_upload_within_its_limit_is_not_held_in_memory(
    daphne: tuple[int, int],
) -> None:
    pid, port = daphne
    peak_before = status_kb(pid, "VmHWM")
    head = (b"POST /console/m/x/items/1/materials/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            b"Content-Length: %d\r\n\r\n" % (300 * MB))

    status, _seconds = post_body(port, head, body(300 * MB, chunked=False))

    assert status.split(b" ")[1] in {b"302", b"400", b"403", b"404"}  # refused
    assert status_kb(pid, "VmHWM") - peak_before < 60 * 1024


def test_small_form_post_still_reaches_django(daphne: tuple[int, int]) -> None:
    _pid, port = daphne
    form = b"code=ABCDEF"
    head = (b"POST /j/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
            b"application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n"
            % len(form))

    status, _seconds = post_body(port, head, iter((form,)))

    assert status != b"HTTP/1.1 413 Content Too Large"
    assert status.startswith(b"HTTP/1.1 ")


# The same rule as ASGI middleware ------------------------------------------------------


def asgi_post(path: str, chunks: list[bytes], *,
              content_length: int | None = None) -> tuple[int, bool]:
    """Run BodyLimitMiddleware around an app that reads the whole body; (status, app
    finished reading)."""
    from sanaksme.core.asgi_limits import BodyLimitMiddleware

    finished = False

    async def app(scope: Any, receive: Any, send: Any) -> None:
        nonlocal finished
        while (await receive()).get("more_body"):
            pass
        finished = True
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    messages = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
                for i, c in enumerate(chunks)]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    async def send(message: Any) -> None:
        sent.append(message)

    headers = [] if content_length is None else [
        (b"content-length", str(content_length).encode())]
    scope = {"type": "http", "method": "POST", "path": path, "headers": headers}
    async_to_sync(BodyLimitMiddleware(app))(scope, receive, send)
    return sent[0]["status"], finished


def test_middleware_refuses_by_content_length_without_reading() -> None:
    status, finished = asgi_post("/j/", [b"x"], content_length=10 * MB)

    assert (status, finished) == (413, False)


def test_middleware_cuts_off_a_streamed_body_over_the_limit() -> None:
    status, finished = asgi_post("/j/", [b"x" * 32 * 1024] * 4)

    assert (status, finished) == (413, False)


def test_middleware_lets_a_body_within_the_limit_through() -> None:
    status, finished = asgi_post("/j/", [b"x" * 1024] * 4)

    assert (status, finished) == (200, True)


# WebSocket origin ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@run_async
async def test_console_socket_from_another_port_is_refused(facilitator: Any,
                                                          demo_meeting: Meeting) -> None:
    communicator = await database_sync_to_async(console_socket)(
        demo_meeting, facilitator, origin=b"http://127.0.0.1:9999")

    connected, _code = await communicator.connect()

    assert not connected


@pytest.mark.django_db(transaction=True)
@run_async
async def test_console_socket_without_origin_is_refused(facilitator: Any,
                                                       demo_meeting: Meeting) -> None:
    communicator = await database_sync_to_async(console_socket)(
        demo_meeting, facilitator, origin=None)

    connected, _code = await communicator.connect()

    assert not connected


@pytest.mark.django_db(transaction=True)
@run_async
async def test_console_socket_from_the_same_origin_is_accepted(
    facilitator: Any, demo_meeting: Meeting, fresh_layer: None,
) -> None:
    communicator = await database_sync_to_async(console_socket)(
        demo_meeting, facilitator, origin=b"http://127.0.0.1:8000")

    connected, _code = await communicator.connect()

    assert connected
    await communicator.disconnect()


def test_listed_origin_is_accepted(settings: Any) -> None:
    from sanaksme.core.origin import same_origin

    settings.SANAKSME_WS_ALLOWED_ORIGINS = ["https://meet.example.org"]

    assert same_origin("https://meet.example.org", "127.0.0.1:8000")


def console_socket(meeting: Meeting, user: Any, *,
                   origin: bytes | None) -> WebsocketCommunicator:
    from django.test import Client

    from sanaksme.config.asgi import application

    client = Client()
    client.force_login(user)
    session_id = client.cookies[settings.SESSION_COOKIE_NAME].value
    headers = [*HOST, (b"cookie", f"{settings.SESSION_COOKIE_NAME}={session_id}".encode())]
    if origin is not None:
        headers.append((b"origin", origin))
    return WebsocketCommunicator(application, f"/ws/console/{meeting.slug}/",
                                 headers=headers)


# Slides: a PDF content-stream bomb -----------------------------------------------------


def pdf_bomb(megabytes: int = 200) -> bytes:
    """A one-page PDF whose content stream inflates to `megabytes` of line drawing
    (about 0.5 MB on disk for 200 MB). Built piece by piece: the test stays small."""
    ops = b"0 0 m 100 100 l S\n" * 58254  # 1 MB of drawing instructions
    packer = zlib.compressobj(9)
    stream = b"".join(packer.compress(ops) for _ in range(megabytes)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.django_db
def test_pdf_bomb_is_refused_within_limits_and_nothing_is_kept(
    demo_meeting: Meeting, settings: Any, tmp_path: Path, english: None,
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sanaksme.presenting.models import Deck
    from sanaksme.presenting.services import deck_upload

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SANAKSME_PDF_WORKER_MEMORY_MB = 512
    settings.SANAKSME_PDF_WORKER_CPU_SECONDS = 10
    settings.SANAKSME_PDF_WORKER_TIMEOUT = 15
    item = AgendaItem.objects.filter(day__meeting=demo_meeting).order_by("pk")[0]
    upload = SimpleUploadedFile("bomb.pdf", pdf_bomb(), "application/pdf")
    peak_before = status_kb(os.getpid(), "VmHWM")
    started = time.monotonic()

    with pytest.raises(DomainError) as refused:
        deck_upload(item=item, upload=upload)

    assert "more time or memory" in refused.value.message
    assert time.monotonic() - started < 20
    assert status_kb(os.getpid(), "VmHWM") - peak_before < 30 * 1024
    assert not Deck.objects.exists()
    assert not any((tmp_path / "media").rglob("*"))


# YAML: memory of a fresh interpreter ---------------------------------------------------

YAML_PROBE = """
import os, sys, time
os.environ["DJANGO_SETTINGS_MODULE"] = "sanaksme.config.settings.test"
import django
django.setup()
from sanaksme.core.exceptions import DomainError, ImportRejected
from sanaksme.programme.yaml_io import parse_programme
text = sys.stdin.read()
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
before, started = peak(), time.monotonic()
try:
    parse_programme(text)
    outcome = "accepted"
except ImportRejected:
    outcome = "rejected"
print(outcome, peak() - before, time.monotonic() - started)
"""


def test_yaml_alias_bomb_costs_little_time_and_memory() -> None:
    done = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-c", YAML_PROBE], input=yaml_alias_bomb(7),
        capture_output=True, text=True, timeout=60, check=True)

    outcome, grown_kb, seconds = done.stdout.split()
    assert outcome == "rejected"
    assert int(grown_kb) < 10 * 1024
    assert float(seconds) < 2


# Control characters in forms and CSV ---------------------------------------------------


def test_participant_form_refuses_a_control_character_with_a_message(
    english: None,
) -> None:
    from sanaksme.participants.forms import ParticipantForm

    form = ParticipantForm(data={"name": "Anna\x01 Bērziņa", "category": "municipality"})

    assert not form.is_valid()
    assert form.errors["name"] == [CONTROL_MESSAGE]


@pytest.mark.django_db
def test_participant_csv_with_nul_is_rejected_and_nothing_stored(
    demo_meeting: Meeting, english: None,
) -> None:
    from sanaksme.participants.models import Participant
    from sanaksme.participants.services import participants_import_csv

    count = Participant.objects.count()

    with pytest.raises(ImportRejected) as rejected:
        participants_import_csv(meeting=demo_meeting,
                                text="name,category\nAnna\x00,municipality\n")

    assert rejected.value.message == CONTROL_MESSAGE
    assert Participant.objects.count() == count
