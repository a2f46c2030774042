"""Malformed payloads sent over a real socket: refused with the one message before any
service runs, and nothing changes (live/payload.py)."""

from __future__ import annotations

from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.utils.translation import gettext, override

from sanaksme.boards.models import Note, Sheet
from sanaksme.live.state import meeting_seq
from sanaksme.live.tests.test_consumers import (
    console,
    note_frame,
    open_,
    phone,
    run_async,
)
from sanaksme.participants.models import Participant
from sanaksme.programme.models import Meeting

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sheet(live_meeting: Meeting) -> Sheet:
    """The brainstorm's first sheet, made when the item opened (not by a read)."""
    return Sheet.objects.filter(item=live_meeting.current_item).order_by("position")[0]


@pytest.fixture
def phone_person(live_meeting: Meeting) -> Participant:
    return live_meeting.participants.exclude(category="organiser").order_by("pk")[0]


def incomplete(meeting: Meeting) -> str:
    with override(meeting.language):
        return gettext("The message is incomplete.")


async def assert_refused(communicator: Any, frame: dict[str, Any], meeting: Meeting
                         ) -> None:
    seq = await database_sync_to_async(meeting_seq)(meeting.pk)
    await communicator.send_json_to(frame)
    error = await communicator.receive_json_from()
    assert error["type"] == "error"
    assert error["message"] == incomplete(meeting)
    assert error["retry"] is False
    assert await communicator.receive_nothing()
    assert await database_sync_to_async(meeting_seq)(meeting.pk) == seq
    assert not await database_sync_to_async(Note.objects.exists)()


MALFORMED_NOTES = {
    "unknown-field": lambda sheet: {**note_frame(sheet), "colour": "red"},
    "missing-field": lambda sheet: {k: v for k, v in note_frame(sheet).items()
                                    if k != "column"},
    "wrong-type": lambda sheet: {**note_frame(sheet), "sheet": str(sheet.pk)},
    "bool-as-int": lambda sheet: {**note_frame(sheet), "sheet": True},
    "out-of-range": lambda sheet: {**note_frame(sheet), "sheet": 2**40},
    "bool-wrong-type": lambda sheet: {**note_frame(sheet), "anonymous": "yes"},
}


@pytest.mark.parametrize("kind", sorted(MALFORMED_NOTES))
@run_async
async def test_a_malformed_note_is_refused_and_nothing_changes(
    live_meeting: Meeting, phone_person: Participant, sheet: Sheet, kind: str,
) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)

    await assert_refused(hand, MALFORMED_NOTES[kind](sheet), live_meeting)

    await hand.disconnect()


@pytest.mark.parametrize("frame", [
    pytest.param({"action": "round_arrange", "order": list(range(1, 1002))},
                 id="too-long-list"),
    pytest.param({"action": "round_arrange", "order": [1, "2"]}, id="wrong-item-type"),
    pytest.param({"action": "turn_next", "step": 2}, id="step-out-of-range"),
    pytest.param({"action": "turn_next", "step": True}, id="bool-as-step"),
    pytest.param({"action": "turn_add_time", "seconds": 2**31}, id="seconds-out-of-range"),
    pytest.param({"action": "factor_weigh", "factor": 1,
                  "weights": {"municipality": 1, "state": 1, "community": 1, "x": 1}},
                 id="unknown-nested-field"),
    pytest.param({"action": "screen_clear", "now": True}, id="field-for-no-payload"),
])
@run_async
async def test_a_malformed_console_action_is_refused_and_nothing_changes(
    live_meeting: Meeting, facilitator: Any, frame: dict[str, Any],
) -> None:
    desk = await database_sync_to_async(console)(live_meeting, facilitator)
    await open_(desk)

    await assert_refused(desk, frame, live_meeting)

    await desk.disconnect()


@run_async
async def test_a_phone_sending_a_console_only_field_is_refused(
    live_meeting: Meeting, phone_person: Participant, sheet: Sheet,
) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(hand)

    await hand.send_json_to({"action": "hand_lower", "participant": 1})

    error = await hand.receive_json_from()
    assert (error["type"], error["message"]) == ("error", incomplete(live_meeting))
    await hand.disconnect()
