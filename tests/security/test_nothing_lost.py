"""Attack: make the server drop a note a person wrote.

A phone replays its outbox after being offline or after a server was killed. Every
refusal it gets must say whether to keep the note (`retry`) or give it up, and a note
never stored must never count against the rate limit. The browser side (the outbox in
live.js) is attacked in tests/e2e/test_outbox.py; a kill mid-burst on PostgreSQL + Redis
in benchmarks/kill_burst.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.db import OperationalError

from sanaksme.boards import services
from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import RATE_LIMIT_NOTES, sheets_ensure
from sanaksme.live.tests.test_consumers import note_frame, open_, phone, run_async
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def live_meeting(demo_meeting: Meeting) -> Meeting:
    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")
    meeting_set_current_item(meeting=demo_meeting, item=item)
    return Meeting.objects.get(pk=demo_meeting.pk)


@pytest.fixture
def sheet(live_meeting: Meeting) -> Sheet:
    item = AgendaItem.objects.get(day__meeting=live_meeting, method="brainstorm")
    return sheets_ensure(item=item)[0]


@pytest.fixture
def person(live_meeting: Meeting) -> Participant:
    return live_meeting.participants.exclude(category="organiser").order_by("pk")[0]


@pytest.fixture(autouse=True)
def mid_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rate limit's clock pinned 5 s into a window, so no burst straddles two."""
    window = services.RATE_LIMIT_WINDOW.total_seconds()
    monkeypatch.setattr(services, "_now", lambda: 1_000 * window + 5)


async def answer(hand: Any) -> dict[str, Any]:
    """The reply to a note (ack or error), skipping the broadcasts in between."""
    while True:
        message: dict[str, Any] = await hand.receive_json_from()
        if message["type"] in ("ack", "error"):
            return message


def broken_store(error: Exception) -> Any:
    def fail(**_kwargs: Any) -> int:
        raise error
    return fail


@run_async
async def test_a_rate_limited_note_is_refused_for_now_with_the_seconds_to_wait(
    live_meeting: Meeting, sheet: Sheet, person: Participant,
) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, person)
    await open_(hand)
    for i in range(RATE_LIMIT_NOTES):
        await hand.send_json_to(note_frame(sheet, f"c{i}"))
        assert (await answer(hand))["type"] == "ack"

    await hand.send_json_to(note_frame(sheet, "c-late"))

    error = await answer(hand)
    assert (error["client_id"], error["retry"], error["retry_after"]) == ("c-late", True, 25)
    await hand.disconnect()


@run_async
async def test_a_too_long_note_is_refused_for_good(
    live_meeting: Meeting, sheet: Sheet, person: Participant,
) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, person)
    await open_(hand)

    await hand.send_json_to(note_frame(sheet, "c-long", text="x" * 1000))

    error = await answer(hand)
    assert (error["client_id"], error["retry"]) == ("c-long", False)
    assert "retry_after" not in error
    await hand.disconnect()


@run_async
async def test_a_database_error_while_storing_is_refused_for_now(
    live_meeting: Meeting, sheet: Sheet, person: Participant,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(services, "meeting_next_seq",
                        broken_store(OperationalError("database is locked")))
    hand = await database_sync_to_async(phone)(live_meeting, person)
    await open_(hand)

    await hand.send_json_to(note_frame(sheet, "c-busy"))

    error = await answer(hand)
    assert (error["client_id"], error["retry"]) == ("c-busy", True)
    await hand.disconnect()


@run_async
async def test_an_unexpected_error_while_storing_is_refused_for_now(
    live_meeting: Meeting, sheet: Sheet, person: Participant,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(services, "meeting_next_seq", broken_store(RuntimeError("bug")))
    hand = await database_sync_to_async(phone)(live_meeting, person)
    await open_(hand)

    await hand.send_json_to(note_frame(sheet, "c-bug"))

    error = await answer(hand)
    assert (error["client_id"], error["retry"]) == ("c-bug", True)
    await hand.disconnect()


@run_async
async def test_notes_that_failed_to_store_do_not_use_up_the_rate_limit(
    live_meeting: Meeting, sheet: Sheet, person: Participant,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, person)
    await open_(hand)
    with monkeypatch.context() as patch:
        patch.setattr(services, "meeting_next_seq",
                      broken_store(OperationalError("server closed the connection")))
        for i in range(RATE_LIMIT_NOTES):
            await hand.send_json_to(note_frame(sheet, f"c{i}"))
            await answer(hand)

    for i in range(RATE_LIMIT_NOTES):  # the outbox sends them all again
        await hand.send_json_to(note_frame(sheet, f"c{i}"))
        assert (await answer(hand))["type"] == "ack"

    assert await database_sync_to_async(Note.objects.count)() == RATE_LIMIT_NOTES
    await hand.disconnect()
