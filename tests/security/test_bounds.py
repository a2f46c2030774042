"""Attacks on the cost of input: every input is refused with bounded work.

Parsing attacks (YAML alias bombs, deep YAML and JSON, control characters) run in
process. The body-size, PDF and YAML-bomb memory checks measure a subprocess's RSS
(read from /proc, psutil is not installed): a real Daphne for the body, the PDF worker
for slides, a fresh interpreter for YAML.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable, Iterator
from importlib import import_module
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.conf import settings

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import sheets_ensure
from sanaksme.core.exceptions import ImportRejected
from sanaksme.core.jsonsafe import JsonTooDeepError, loads_bounded
from sanaksme.core.yamlsafe import YamlBoundsError, check_yaml_bounds
from sanaksme.participants.selectors import session_key
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

    with pytest.raises(ImportRejected) as rejected:
        programme_import(text=text)

    assert rejected.value.message == CONTROL_MESSAGE
    assert Meeting.objects.count() == 0


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


def phone_socket(meeting: Meeting) -> WebsocketCommunicator:
    from sanaksme.config.asgi import application

    person = meeting.participants.exclude(category="organiser").order_by("pk")[0]
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[session_key(meeting)] = person.pk
    store.save()
    headers = [*ORIGIN, (b"cookie", f"{settings.SESSION_COOKIE_NAME}="
                                   f"{store.session_key}".encode())]
    return WebsocketCommunicator(application, f"/ws/phone/{meeting.join_code}/",
                                 headers=headers)


async def open_phone(sheet: Sheet) -> WebsocketCommunicator:
    meeting = await database_sync_to_async(lambda: sheet.item.day.meeting)()
    hand = await database_sync_to_async(phone_socket)(meeting)
    connected, _code = await hand.connect()
    assert connected
    state = await hand.receive_json_from()
    assert state["type"] == "state"
    return hand


@pytest.mark.django_db(transaction=True)
@run_async
async def test_deep_json_frame_gets_an_error_and_the_socket_stays_open(
    live_sheet: Sheet,
) -> None:
    hand = await open_phone(live_sheet)

    await hand.send_to(text_data='{"action": "ping", "x": ' + "[" * 1900 + "]" * 1900
                       + "}")

    error = await hand.receive_json_from()
    assert error["type"] == "error"
    await hand.send_json_to({"action": "ping"})
    assert (await hand.receive_json_from())["type"] == "pong"
    await hand.disconnect()


@pytest.mark.django_db(transaction=True)
@run_async
async def test_note_with_nul_is_refused_with_a_message_and_not_stored(
    live_sheet: Sheet,
) -> None:
    hand = await open_phone(live_sheet)

    await hand.send_json_to({"action": "note.add", "client_id": "c1", "column": "problem",
                             "sheet": live_sheet.pk, "text": "Nav\x00telpu"})

    error = await hand.receive_json_from()
    assert (error["type"], error["client_id"]) == ("error", "c1")
    assert error["message"] != ""
    assert not await database_sync_to_async(Note.objects.exists)()
    await hand.disconnect()

