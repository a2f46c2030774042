"""The WebSocket consumers, end to end through the ASGI application and in-memory layer.

pytest-asyncio is not a dependency: each test is an `async def` run by `async_to_sync`
(the `run_async` decorator). Data is set up synchronously in fixtures; with
`transaction=True` it is committed, so the consumers' database threads see it.
"""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Awaitable, Callable
from importlib import import_module
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import sheets_ensure
from sanaksme.config.asgi import application
from sanaksme.live import state
from sanaksme.live.admission import phone_connect
from sanaksme.live.channel_groups import Audience
from sanaksme.live.consumers import MAX_FRAME
from sanaksme.live.fanout import fanout
from sanaksme.live.state import state_for
from sanaksme.participants.models import Participant
from sanaksme.participants.selectors import session_key
from sanaksme.participants.tests.factories import phone_session
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]


def run_async(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an `async def` test to completion on a fresh event loop."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        async_to_sync(test)(*args, **kwargs)

    return wrapper


# Data -------------------------------------------------------------------------------


@pytest.fixture
def sheet(live_meeting: Meeting, brainstorm: AgendaItem) -> Sheet:
    return sheets_ensure(item=brainstorm)[0]


@pytest.fixture
def phone_person(live_meeting: Meeting) -> Participant:
    return live_meeting.participants.exclude(category="organiser").order_by("pk")[0]


@pytest.fixture
def other_sheet(meeting_factory: Any, agenda_item_factory: Any) -> Sheet:
    other = meeting_factory()
    item = agenda_item_factory(day=other.days.first(), method="brainstorm",
                               params={"columns": ["problem"]})
    return sheets_ensure(item=item)[0]


# Connections ------------------------------------------------------------------------


def cookie(session_id: str) -> list[tuple[bytes, bytes]]:
    return [*ORIGIN, (b"cookie", f"{settings.SESSION_COOKIE_NAME}={session_id}".encode())]


def projector(meeting: Meeting, token: str | None = None) -> WebsocketCommunicator:
    token = meeting.projector_token if token is None else token
    return WebsocketCommunicator(application, f"/ws/projector/{meeting.slug}/{token}/",
                                 headers=ORIGIN)


def phone(meeting: Meeting, participant: Participant | None) -> WebsocketCommunicator:
    headers = ORIGIN
    if participant is not None:
        headers = cookie(phone_session(participant))
    return WebsocketCommunicator(application, f"/ws/phone/{meeting.join_code}/",
                                 headers=headers)


def console(meeting: Meeting, user: Any) -> WebsocketCommunicator:
    client = Client()
    client.force_login(user)
    session_id = client.cookies[settings.SESSION_COOKIE_NAME].value
    return WebsocketCommunicator(application, f"/ws/console/{meeting.slug}/",
                                 headers=cookie(session_id))


async def open_(communicator: WebsocketCommunicator) -> dict[str, Any]:
    """Connect, and return the state message the screen gets first."""
    connected, _ = await communicator.connect()
    assert connected
    state: dict[str, Any] = await communicator.receive_json_from()
    assert state["type"] == "state"
    return state


def note_frame(sheet: Sheet, client_id: str = "c1", text: str = "x",
               column: str = "problem") -> dict[str, Any]:
    return {"action": "note_submit", "client_id": client_id, "sheet": sheet.pk,
            "column": column, "text": text}


# Who may connect --------------------------------------------------------------------


@run_async
async def test_projector_with_a_wrong_token_is_refused(live_meeting: Meeting) -> None:
    communicator = projector(live_meeting, token="not-the-token")

    connected, code = await communicator.connect()

    assert (connected, code) == (False, 4403)


@run_async
async def test_projector_of_an_unknown_meeting_is_refused(live_meeting: Meeting) -> None:
    communicator = WebsocketCommunicator(
        application, f"/ws/projector/nope/{live_meeting.projector_token}/", headers=ORIGIN)

    connected, _code = await communicator.connect()

    assert connected is False


@run_async
async def test_phone_without_a_session_is_refused(live_meeting: Meeting) -> None:
    communicator = phone(live_meeting, None)

    connected, code = await communicator.connect()

    assert (connected, code) == (False, 4403)


@run_async
async def test_phone_with_a_session_for_another_meeting_is_refused(
    live_meeting: Meeting, participant_factory: Any,
) -> None:
    stranger = await database_sync_to_async(participant_factory)()
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[session_key(stranger.meeting)] = stranger.pk
    await database_sync_to_async(store.save)()
    communicator = WebsocketCommunicator(application, f"/ws/phone/{live_meeting.join_code}/",
                                         headers=cookie(store.session_key))

    connected, _code = await communicator.connect()

    assert connected is False


@run_async
async def test_console_without_login_is_refused(live_meeting: Meeting) -> None:
    communicator = WebsocketCommunicator(application, f"/ws/console/{live_meeting.slug}/",
                                         headers=ORIGIN)

    connected, code = await communicator.connect()

    assert (connected, code) == (False, 4403)


@run_async
async def test_console_of_another_organisation_is_refused(
    live_meeting: Meeting, django_user_model: Any,
) -> None:
    outsider = await database_sync_to_async(django_user_model.objects.create_user)(
        "outsider", is_staff=True)
    communicator = await database_sync_to_async(console)(live_meeting, outsider)

    connected, _code = await communicator.connect()

    assert connected is False


# Heal on connect --------------------------------------------------------------------


@run_async
async def test_projector_gets_the_state_first(live_meeting: Meeting,
                                              brainstorm: AgendaItem) -> None:
    communicator = projector(live_meeting)

    state = await open_(communicator)

    assert state["seq"] == live_meeting.last_seq
    assert state["item"]["id"] == brainstorm.pk
    assert len(state["sheets"]) == 4
    await communicator.disconnect()


@run_async
async def test_phone_gets_the_state_first(live_meeting: Meeting,
                                          phone_person: Participant) -> None:
    communicator = await database_sync_to_async(phone)(live_meeting, phone_person)

    state = await open_(communicator)

    assert state["item"]["method"] == "brainstorm"
    await communicator.disconnect()


@run_async
async def test_current_item_change_reaches_a_connected_screen(
    demo_meeting: Meeting, brainstorm: AgendaItem,
) -> None:
    communicator = projector(demo_meeting)
    before = await open_(communicator)

    await database_sync_to_async(meeting_set_current_item)(meeting=demo_meeting,
                                                           item=brainstorm)

    event = await communicator.receive_json_from()
    assert event == {"type": "programme.current_item_changed",
                     "meeting_id": demo_meeting.pk, "seq": before["seq"] + 1,
                     "item_id": brainstorm.pk}
    await communicator.send_json_to({"action": "sync"})
    state = await communicator.receive_json_from()
    assert (state["item"]["id"], state["seq"]) == (brainstorm.pk, before["seq"] + 1)
    await communicator.disconnect()


async def answer(communicator: WebsocketCommunicator,
                 events: int = 1) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The sender's reply and its own events, in whichever order they arrive.

    The sender's own copy of an event may overtake its ack: events are written to the
    sockets by the process fan-out as soon as the transaction commits.
    """
    got = [await communicator.receive_json_from() for _ in range(1 + events)]
    reply = next(m for m in got if m["type"] in ("ack", "error", "done"))
    return reply, [m for m in got if m is not reply]


# Notes from phones -------------------------------------------------------------------


@run_async
async def test_phone_note_is_acked_and_reaches_the_projector_once(
    sheet: Sheet, phone_person: Participant, live_meeting: Meeting,
) -> None:
    wall = projector(live_meeting)
    await open_(wall)
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)

    await hand.send_json_to(note_frame(sheet, "c1", "Nav telpu"))

    ack, _own = await answer(hand)
    assert ack["type"] == "ack"
    assert ack["client_id"] == "c1"
    assert ack["seq"] == live_meeting.last_seq + 1
    added = await wall.receive_json_from()
    assert added == {"type": "boards.note_added", "meeting_id": live_meeting.pk,
                     "seq": ack["seq"], "note_id": ack["note_id"], "sheet_id": sheet.pk,
                     "column": "problem", "text": "Nav telpu", "client_id": "c1",
                     "from_visit": False, "written_at": None}
    assert await wall.receive_nothing()
    await wall.disconnect()
    await hand.disconnect()


@run_async
async def test_resending_the_same_client_id_is_acked_again_but_not_announced(
    sheet: Sheet, phone_person: Participant, live_meeting: Meeting,
) -> None:
    wall = projector(live_meeting)
    await open_(wall)
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)
    await hand.send_json_to(note_frame(sheet, "c1"))
    first, _own = await answer(hand)

    await wall.receive_json_from()

    await hand.send_json_to(note_frame(sheet, "c1"))

    second = await hand.receive_json_from()
    assert second["type"] == "ack"
    assert (second["note_id"], second["seq"]) == (first["note_id"], first["seq"])
    assert await wall.receive_nothing()
    assert await hand.receive_nothing()
    assert await database_sync_to_async(Note.objects.count)() == 1
    await wall.disconnect()
    await hand.disconnect()


@run_async
async def test_the_phone_gets_an_ack_and_its_own_note_event(
    sheet: Sheet, phone_person: Participant, live_meeting: Meeting,
) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)

    await hand.send_json_to(note_frame(sheet, "c1"))

    ack, own = await answer(hand)
    added = own[0]
    assert (ack["type"], added["type"]) == ("ack", "boards.note_added")
    assert added["note_id"] == ack["note_id"]
    await hand.disconnect()


@pytest.mark.parametrize("frame", [
    "not json",
    "[1, 2, 3]",
    '"just a string"',
    "{}",
    '{"action": 5}',
    "x" * 5000,
    json.dumps({"action": "sync", "pad": "x" * MAX_FRAME}),
])
@run_async
async def test_a_malformed_frame_gets_an_error_and_the_connection_stays_usable(
    live_meeting: Meeting, phone_person: Participant, frame: str,
) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)

    await hand.send_to(text_data=frame)

    error = await hand.receive_json_from()
    assert error["type"] == "error"
    assert error["message"]
    await hand.send_json_to({"action": "sync"})
    assert (await hand.receive_json_from())["type"] == "state"
    await hand.disconnect()


@run_async
async def test_a_binary_frame_gets_an_error(live_meeting: Meeting,
                                            phone_person: Participant) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)

    await hand.send_to(bytes_data=b'{"action": "sync"}')

    assert (await hand.receive_json_from())["type"] == "error"
    await hand.disconnect()


@run_async
async def test_an_unknown_action_gets_an_error(live_meeting: Meeting,
                                               phone_person: Participant) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)

    await hand.send_json_to({"action": "note.delete", "client_id": "c1"})

    error = await hand.receive_json_from()
    assert (error["type"], error["client_id"]) == ("error", "c1")
    await hand.disconnect()


@run_async
async def test_a_note_for_another_meetings_sheet_is_refused(
    live_meeting: Meeting, phone_person: Participant, other_sheet: Sheet,
) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)

    await hand.send_json_to(note_frame(other_sheet, "c1"))

    error = await hand.receive_json_from()
    assert (error["type"], error["client_id"]) == ("error", "c1")
    assert not await database_sync_to_async(Note.objects.exists)()
    await hand.disconnect()


@run_async
async def test_empty_text_gets_an_error_with_the_client_id(
    live_meeting: Meeting, phone_person: Participant, sheet: Sheet,
) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)

    await hand.send_json_to(note_frame(sheet, "c7", "   "))

    error = await hand.receive_json_from()
    assert error["type"] == "error"
    assert error["client_id"] == "c7"
    assert error["message"]
    assert not await database_sync_to_async(Note.objects.exists)()
    await hand.disconnect()


@run_async
async def test_a_non_string_client_id_is_not_echoed(
    live_meeting: Meeting, phone_person: Participant, sheet: Sheet,
) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)

    await hand.send_json_to({**note_frame(sheet), "client_id": {"x": 1}})

    error = await hand.receive_json_from()
    assert (error["type"], error["client_id"]) == ("error", None)
    await hand.disconnect()


# The projector is read-only ----------------------------------------------------------


@run_async
async def test_the_projector_is_read_only(live_meeting: Meeting, sheet: Sheet) -> None:
    wall = projector(live_meeting)
    await open_(wall)

    await wall.send_json_to(note_frame(sheet, "c1"))

    error = await wall.receive_json_from()
    assert error["type"] == "error"
    with translation.override(live_meeting.language):
        assert error["message"] == gettext("This screen is read-only.")
    assert not await database_sync_to_async(Note.objects.exists)()
    await wall.send_json_to({"action": "sync"})
    assert (await wall.receive_json_from())["type"] == "state"
    await wall.disconnect()


# The console -------------------------------------------------------------------------


@run_async
async def test_the_console_types_an_anonymous_note(
    live_meeting: Meeting, facilitator: Any, sheet: Sheet,
) -> None:
    desk = await database_sync_to_async(console)(live_meeting, facilitator)
    await open_(desk)

    await desk.send_json_to(note_frame(sheet, "f1", "Pierakstīts"))

    ack, _own = await answer(desk)
    assert ack["type"] == "ack"
    note = await database_sync_to_async(Note.objects.get)(pk=ack["note_id"])
    assert (note.typed_by_facilitator, note.anonymous, note.author_id,
            note.text) == (True, True, None, "Pierakstīts")
    await desk.disconnect()


@run_async
async def test_the_console_types_a_note_for_a_participant(
    live_meeting: Meeting, facilitator: Any, sheet: Sheet, phone_person: Participant,
) -> None:
    desk = await database_sync_to_async(console)(live_meeting, facilitator)
    await open_(desk)

    await desk.send_json_to({**note_frame(sheet, "f1"), "author": phone_person.pk})

    ack, _own = await answer(desk)
    note = await database_sync_to_async(Note.objects.get)(pk=ack["note_id"])
    assert (note.typed_by_facilitator, note.anonymous,
            note.author_id) == (True, False, phone_person.pk)
    await desk.disconnect()


# Live consistency (STYLE §8) --------------------------------------------------------


@run_async
async def test_the_state_rebuilt_from_the_database_matches_the_pushed_note(
    live_meeting: Meeting, phone_person: Participant, sheet: Sheet,
) -> None:
    wall = projector(live_meeting)
    await open_(wall)
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)

    await hand.send_json_to(note_frame(sheet, "c1", "  Laba prakse "))
    pushed = await wall.receive_json_from()

    state = json.loads((await database_sync_to_async(state_for)(
        live_meeting.pk, Audience.PROJECTOR))[0])
    notes = {s["id"]: [{k: n[k] for k in ("id", "column", "text", "seq")}
                       for n in s["notes"]] for s in state["sheets"]}
    assert notes[pushed["sheet_id"]] == [{"id": pushed["note_id"], "column": pushed["column"],
                                          "text": pushed["text"], "seq": pushed["seq"]}]
    assert sum(len(n) for n in notes.values()) == 1
    assert state["seq"] == pushed["seq"]
    await wall.send_json_to({"action": "sync"})
    assert await wall.receive_json_from() == json.loads(json.dumps(state))
    await wall.disconnect()
    await hand.disconnect()


# Feedback stays off the projector until revealed -----------------------------------


@run_async
async def test_a_feedback_note_reaches_the_console_but_not_the_projector(
    demo_meeting: Meeting, phone_person: Participant, facilitator: Any,
) -> None:
    def feedback_sheet() -> Sheet:
        item = AgendaItem.objects.get(day__meeting=demo_meeting, method="feedback")
        meeting_set_current_item(meeting=demo_meeting, item=item)
        return sheets_ensure(item=item)[0]

    sheet = await database_sync_to_async(feedback_sheet)()
    wall = projector(demo_meeting)
    await open_(wall)
    desk = await database_sync_to_async(console)(demo_meeting, facilitator)
    await open_(desk)
    hand = await database_sync_to_async(phone)(demo_meeting, phone_person)
    await open_(hand)

    await hand.send_json_to(note_frame(sheet, "f1", "Paldies", column="feedback"))

    ack, _own = await answer(hand)
    assert ack["type"] == "ack"
    assert await wall.receive_json_from() == {"type": "live.seq_advanced",
                                              "meeting_id": demo_meeting.pk,
                                              "seq": ack["seq"]}
    assert (await desk.receive_json_from())["text"] == "Paldies"
    await wall.send_json_to({"action": "sync"})
    assert "Paldies" not in json.dumps(await wall.receive_json_from(), ensure_ascii=False)
    for communicator in (wall, desk, hand):
        await communicator.disconnect()


def test_a_phone_is_admitted_in_two_queries(live_meeting: Meeting,
                                            django_assert_max_num_queries: Any) -> None:
    """A room joins at once: each admission is one session read and one query for the
    participant with the meeting's seq and languages (docs/performance.md)."""
    person = live_meeting.participants.exclude(category="organiser").order_by("pk")[0]
    engine = import_module(settings.SESSION_ENGINE)
    phone_connect(engine.SessionStore(phone_session(person)), live_meeting.join_code)
    store = engine.SessionStore(phone_session(person))  # the state is built and kept
    caches["default"].clear()  # the session from the database, as after a restart

    with django_assert_max_num_queries(2):
        admission = phone_connect(store, live_meeting.join_code)

    assert admission is not None
    assert admission.participant_id == person.pk


@run_async
async def test_a_socket_logs_its_connect_and_close_without_who_or_the_code(
    live_meeting: Meeting, caplog: Any,
) -> None:
    person = await database_sync_to_async(
        lambda: live_meeting.participants.exclude(category="organiser").order_by("pk")[0])()
    handset = await database_sync_to_async(phone)(live_meeting, person)
    stranger = phone(live_meeting, None)

    with caplog.at_level("INFO", logger="sanaksme.sockets"):
        await open_(handset)
        await handset.disconnect()
        await stranger.connect()

    lines = [(r.socket, r.audience, r.meeting, r.code)
             for r in caplog.records if r.name == "sanaksme.sockets"]
    assert lines == [("connect", "phone", live_meeting.slug, None),
                     ("close", "phone", live_meeting.slug, 1000),
                     ("refused", "phone", None, 4403)]
    assert not any(live_meeting.join_code in r.getMessage() or person.name in
                   r.getMessage() for r in caplog.records)


@run_async
async def test_beyond_the_admission_queue_a_socket_is_shed_before_its_handshake_ends(
    live_meeting: Meeting, settings: Any, caplog: Any,
) -> None:
    settings.SANAKSME_MAX_ADMITTING = 0  # as if 10,000 were already waiting

    with caplog.at_level("INFO", logger="sanaksme.sockets"):
        connected, _code = await projector(live_meeting).connect()

    assert connected is False
    assert [r.socket for r in caplog.records if r.name == "sanaksme.sockets"] == ["shed"]


@run_async
async def test_pongs_read_the_meetings_seq_once_per_second_per_process(
    live_meeting: Meeting, settings: Any, monkeypatch: Any,
) -> None:
    settings.SANAKSME_PONG_SEQ_SECONDS = 60.0  # as in production, but never stale here
    reads: list[int] = []

    def pong_for(meeting_id: int) -> dict[str, Any]:
        reads.append(meeting_id)
        return state.pong_for(meeting_id)

    monkeypatch.setattr("sanaksme.live.consumers.pong_for", pong_for)
    monkeypatch.setattr("sanaksme.live.consumers._seqs", {})
    hands = [projector(live_meeting) for _ in range(3)]
    seqs = []
    for hand in hands:
        await open_(hand)
        await hand.send_json_to({"action": "ping"})
        seqs.append((await hand.receive_json_from())["seq"])
        await hand.disconnect()

    assert seqs == [live_meeting.last_seq] * 3
    assert reads == [live_meeting.pk]


@run_async
async def test_a_message_costs_no_extra_hop_to_the_database_thread(
    live_meeting: Meeting, monkeypatch: Any,
) -> None:
    """Channels closes old connections before every message, in the one database
    thread; the live consumers' database steps do it themselves."""
    hops: list[str] = []

    async def counted() -> None:
        hops.append("close_old_connections")

    monkeypatch.setattr("channels.consumer.aclose_old_connections", counted)
    screen = projector(live_meeting)
    await open_(screen)
    await screen.send_json_to({"action": "ping"})
    assert (await screen.receive_json_from())["type"] == "pong"
    await screen.disconnect()

    assert hops == []


# A screen that connects while the meeting moves ---------------------------------------


async def _broadcasts_done() -> None:
    """Let the in-memory layer's sends, scheduled on this loop from the database
    thread (live.broadcast), run to the end."""
    from sanaksme.live import broadcast
    await asyncio.gather(*list(broadcast._pending))


async def _states_until(communicator: WebsocketCommunicator,
                        done: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = []
    while not got or not done(got[-1]):
        got.append(await communicator.receive_json_from(timeout=10))
    return got


@run_async
async def test_an_event_before_the_first_screen_joins_its_group_sends_the_state_again(
    demo_meeting: Meeting, brainstorm: AgendaItem, monkeypatch: Any,
) -> None:
    """The admission reads the state; the facilitator moves on before the socket has
    joined its group (this process was not subscribed yet: the event never reaches
    it). The screen gets the state again at once, not at its next ping."""
    join = fanout.join

    async def late_join(group: str, screen: Any) -> int | None:
        await database_sync_to_async(meeting_set_current_item)(meeting=demo_meeting,
                                                               item=brainstorm)
        await _broadcasts_done()
        return await join(group, screen)

    monkeypatch.setattr(fanout, "join", late_join)
    communicator = projector(demo_meeting)
    before = await open_(communicator)
    assert before["item"] is None or before["item"]["id"] != brainstorm.pk

    got = await _states_until(communicator, lambda m: m["type"] == "state")
    assert (got[-1]["item"]["id"], got[-1]["seq"]) == (brainstorm.pk, before["seq"] + 1)
    await communicator.disconnect()


@run_async
async def test_an_event_delivered_before_a_screen_joins_sends_it_the_state_again(
    demo_meeting: Meeting, brainstorm: AgendaItem, monkeypatch: Any,
) -> None:
    """Another screen of the same audience already subscribed this process: the event
    reaches the process (and that screen) before the new socket is in the group."""
    first = projector(demo_meeting)
    before = await open_(first)
    join = fanout.join

    async def late_join(group: str, screen: Any) -> int | None:
        await database_sync_to_async(meeting_set_current_item)(meeting=demo_meeting,
                                                               item=brainstorm)
        event = await first.receive_json_from(timeout=10)  # delivered to the process
        assert event["type"] == "programme.current_item_changed"
        return await join(group, screen)

    monkeypatch.setattr(fanout, "join", late_join)
    second = projector(demo_meeting)
    stale = await open_(second)
    assert stale["seq"] == before["seq"]

    got = await _states_until(second, lambda m: m["type"] == "state")
    assert (got[-1]["item"]["id"], got[-1]["seq"]) == (brainstorm.pk, before["seq"] + 1)
    for communicator in (first, second):
        await communicator.disconnect()


@run_async
async def test_a_screen_that_joins_a_still_meeting_gets_one_state(live_meeting: Meeting) -> None:
    screens = [projector(live_meeting) for _ in range(2)]
    for screen in screens:
        await open_(screen)
        assert await screen.receive_nothing(timeout=0.2)
        await screen.disconnect()
