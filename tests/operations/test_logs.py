"""Structured logs: one line per request with the route, status, time and meeting, and
never a participant's name or text, a join code, a query string or an address."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from sanaksme.core.logs import (
    JsonFormatter,
    RequestPathFilter,
    TextFormatter,
    log_socket,
    logging_config,
    scrub,
)
from sanaksme.programme.models import Meeting

SANAKSME = Path(sys.executable).with_name("sanaksme")
NAME = "Zigfrīda Quillfeather-Ozoliņa"  # a name no fixture has
REQUEST_FIELDS = {"time", "level", "logger", "message", "event", "method", "route", "view",
                  "status", "ms", "meeting", "pid"}


@pytest.fixture
def lines() -> Iterator[io.StringIO]:
    """Everything logged anywhere, at DEBUG, as the production handler writes it (JSON
    lines, through the path filter)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestPathFilter())
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level
              for name in ("", "sanaksme", "sanaksme.requests", "django", "django.request")}
    root.addHandler(handler)
    for name in levels:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield stream
    root.removeHandler(handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def parsed(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def request_lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [entry for entry in parsed(stream) if entry.get("event") == "request"]


def test_a_console_request_is_one_line_with_the_route_and_the_meeting(
        facilitator_client: Client, demo_meeting: Meeting, lines: io.StringIO) -> None:
    response = facilitator_client.get(f"/console/m/{demo_meeting.slug}/?tab=x")

    [entry] = request_lines(lines)
    assert set(entry) == REQUEST_FIELDS
    assert entry["logger"] == "sanaksme.requests"
    assert entry["level"] == "INFO"
    assert (entry["method"], entry["route"], entry["view"], entry["status"]) == (
        "GET", "console/m/<slug:slug>/", "programme:meeting-detail",
        response.status_code)
    assert entry["meeting"] == demo_meeting.slug
    assert entry["pid"] == os.getpid()
    assert isinstance(entry["ms"], float)
    assert entry["ms"] >= 0
    assert entry["time"].endswith("Z")
    assert "tab=x" not in lines.getvalue()


def test_joining_logs_no_name_no_join_code_and_no_query_string(
        demo_meeting: Meeting, lines: io.StringIO) -> None:
    phone = Client()
    code = demo_meeting.join_code

    phone.get(f"/j/{code}/?utm_source=poster-in-the-hall")
    response = phone.post(f"/j/{code}/new/", {"name": NAME, "category": "municipal",
                                             "institution": "Dome of Quillfeather"})
    phone.get(response["Location"])
    phone.get("/p/NOPE42/")  # an unknown code: a 404 that Django would log with the path

    assert demo_meeting.participants.filter(name=NAME).exists()
    text = lines.getvalue()
    assert [(e["view"], e["status"]) for e in request_lines(lines)] == [
        ("join-meeting", 200), ("join-register", 302), ("live:phone", 200),
        ("live:phone", 404)]
    for secret in (NAME, "Quillfeather", code, "NOPE42", "poster-in-the-hall",
                   "127.0.0.1", phone.cookies[settings.SESSION_COOKIE_NAME].value):
        assert secret not in text, secret


@pytest.mark.django_db(transaction=True)
def test_a_note_sent_from_a_phone_is_not_logged(demo_meeting: Meeting,
                                                lines: io.StringIO) -> None:
    """A phone joins over HTTP, opens its WebSocket and sends a brainstorm note: no
    line anywhere (Django, Channels, Daphne, ours) has the note, the name or the code."""
    from asgiref.sync import async_to_sync
    from channels.testing import WebsocketCommunicator

    from sanaksme.boards.models import Note
    from sanaksme.boards.services import sheets_ensure
    from sanaksme.config.asgi import application
    from sanaksme.live.opening import current_item_set
    from sanaksme.programme.models import AgendaItem

    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")
    current_item_set(meeting=demo_meeting, item=item)
    sheet = sheets_ensure(item=item)[0]
    column = item.params.get("columns", ["problem"])[0]
    phone = Client()
    code = demo_meeting.join_code
    phone.post(f"/j/{code}/new/", {"name": NAME, "category": "municipal"})
    session_id = phone.cookies[settings.SESSION_COOKIE_NAME].value
    note_text = "Quillfeather wants the parish hall heated"

    async def send_note() -> None:
        socket = WebsocketCommunicator(application, f"/ws/phone/{code}/", headers=[
            (b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000"),
            (b"cookie", f"{settings.SESSION_COOKIE_NAME}={session_id}".encode())])
        connected, _ = await socket.connect()
        assert connected
        await socket.receive_json_from()  # the state
        await socket.send_json_to({"action": "note_submit", "client_id": "c1",
                                   "sheet": sheet.pk, "column": column,
                                   "text": note_text})
        while (await socket.receive_json_from()).get("type") != "ack":
            pass
        await socket.disconnect()

    async_to_sync(send_note)()

    assert Note.objects.filter(text=note_text).exists()
    text = lines.getvalue()
    for secret in (note_text, NAME, code, session_id):
        assert secret not in text, secret


def test_a_wrong_join_code_logs_neither_the_code_nor_the_path(
        db: None, lines: io.StringIO) -> None:
    Client().get("/j/WRONG1/")

    [entry] = request_lines(lines)
    assert (entry["route"], entry["meeting"]) == ("j/<str:code>/", None)
    assert "WRONG1" not in lines.getvalue()


def test_an_unknown_url_logs_no_path(db: None, lines: io.StringIO) -> None:
    Client().get("/no/such/place/ABC123/")

    [entry] = request_lines(lines)
    assert (entry["route"], entry["view"], entry["status"]) == (None, None, 404)
    assert "ABC123" not in lines.getvalue()


def test_django_s_error_line_gets_the_route_instead_of_the_path() -> None:
    request = SimpleNamespace(
        path="/p/SECRET/", get_full_path=lambda: "/p/SECRET/?x=1",
        resolver_match=SimpleNamespace(route="p/<str:code>/", view_name="live:phone",
                                       kwargs={"code": "SECRET"}))
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "%s: %s",
                               ("Internal Server Error", "/p/SECRET/"), None)
    record.request = request
    record.status_code = 500

    assert RequestPathFilter().filter(record)
    entry = json.loads(JsonFormatter().format(record))

    assert entry["message"] == "Internal Server Error: p/<str:code>/"
    assert (entry["status_code"], entry["view"]) == (500, "live:phone")
    assert "request" not in entry
    assert "SECRET" not in json.dumps(entry)


def test_daphne_s_lines_lose_codes_tokens_and_query_strings() -> None:
    record = logging.LogRecord(
        "daphne.server", logging.WARNING, __file__, 1,
        "Application instance for connection %s took too long to shut down", (
            "<WebRequest method=GET uri=/p/AB12CD/?lang=ru clientproto=HTTP/1.1>",), None)

    RequestPathFilter().filter(record)
    message = record.getMessage()

    assert "AB12CD" not in message
    assert "lang=ru" not in message
    assert "uri=/p/…" in message
    assert scrub("/projector/daugavpils/TOKEN123/media/x") == "/projector/daugavpils/…/media/x"
    assert scrub("/j/ABCDEF/new/") == "/j/…/"


def test_the_json_line_has_the_extra_fields_and_leaves_objects_out() -> None:
    record = logging.LogRecord("sanaksme.jobs", logging.INFO, __file__, 1,
                               "job finished", None, None)
    record.__dict__.update(event="job", job="report", meeting="m-1", seconds=1.5,
                           outcome="ok", steps=[1, 2], obj=object())

    entry = json.loads(JsonFormatter().format(record))

    assert entry == {"time": entry["time"], "level": "INFO", "logger": "sanaksme.jobs",
                     "message": "job finished", "event": "job", "job": "report",
                     "meeting": "m-1", "seconds": 1.5, "outcome": "ok", "steps": [1, 2]}


def test_an_exception_is_in_the_json_line() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None,
                                   sys.exc_info())

    entry = json.loads(JsonFormatter().format(record))

    assert "ValueError: boom" in entry["exception"]


def test_the_text_line_is_readable() -> None:
    record = logging.LogRecord("sanaksme.requests", logging.INFO, __file__, 1,
                               "GET live:phone 200", None, None)
    record.__dict__.update(route="p/<str:code>/", status=200, meeting=None, note="a b")

    line = TextFormatter().format(record)

    assert line.endswith(' INFO sanaksme.requests GET live:phone 200 '
                         'route=p/<str:code>/ status=200 note="a b"')


def test_log_socket_writes_one_line_without_who(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="sanaksme.sockets")

    log_socket("close", meeting="daugavpils-2017", audience="phone", code=1001, ms=12.5)

    [record] = caplog.records
    entry = json.loads(JsonFormatter().format(record))
    assert {k: entry[k] for k in ("event", "socket", "meeting", "audience", "code", "ms",
                                  "pid")} == {
        "event": "socket", "socket": "close", "meeting": "daugavpils-2017",
        "audience": "phone", "code": 1001, "ms": 12.5, "pid": os.getpid()}


def test_static_files_are_logged_at_debug_only(
        db: None, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="sanaksme.requests")

    Client().get(f"/{str(settings.STATIC_URL).lstrip('/')}js/no-such-file.js")

    assert [r for r in caplog.records if r.name == "sanaksme.requests"] == []


def test_the_test_settings_keep_request_lines_out_of_test_output() -> None:
    assert settings.LOGGING["root"]["level"] == "WARNING"
    assert not logging.getLogger("sanaksme.requests").isEnabledFor(logging.INFO)


@pytest.mark.parametrize(("fmt", "json_lines"), [("json", True), ("text", False)])
def test_the_logging_setting_writes_the_chosen_format(tmp_path: Path, fmt: str,
                                                      json_lines: bool) -> None:
    config = json.dumps(logging_config("INFO", fmt))
    code = ("import json, logging, logging.config, sys; "
            "logging.config.dictConfig(json.loads(sys.argv[1])); "
            "logging.getLogger('sanaksme.jobs').info('job finished', "
            "extra={'meeting': 'm-1', 'outcome': 'ok'}); "
            "logging.getLogger('daphne.http_protocol').debug('HTTP GET /p/X/')")

    result = subprocess.run([sys.executable, "-c", code, config],  # noqa: S603
                            capture_output=True, text=True, timeout=60, check=True)

    [line] = result.stderr.splitlines()
    if json_lines:
        entry = json.loads(line)
        assert (entry["message"], entry["meeting"], entry["outcome"]) == (
            "job finished", "m-1", "ok")
    else:
        assert line.endswith("INFO sanaksme.jobs job finished meeting=m-1 outcome=ok")


def test_production_settings_log_json_and_dev_settings_text(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in {"DJANGO_SETTINGS_MODULE", "LOG_FORMAT", "LOG_LEVEL"}}
    env.update(HOME=str(tmp_path), SANAKSME_DATA_DIR=str(tmp_path / "data"),
               SECRET_KEY="k" * 50, ALLOWED_HOSTS="example.org")
    code = ("import django; django.setup(); import logging; "
            "logging.getLogger('sanaksme.requests').info('GET x 200', "
            "extra={'status': 200})")
    formats = {}
    for module in ("production", "dev"):
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
            check=True, env={**env, "DJANGO_SETTINGS_MODULE":
                             f"sanaksme.config.settings.{module}"})
        formats[module] = result.stderr.strip()

    assert json.loads(formats["production"])["status"] == 200
    assert formats["dev"].endswith("INFO sanaksme.requests GET x 200 status=200")
