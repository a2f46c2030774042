"""Moderation, replies and reveal over the WebSocket, through the in-memory layer.

Same approach as `test_consumers.py`: data is committed in synchronous fixtures, each
test is an `async def` run by `run_async`.
"""

from __future__ import annotations

from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.utils import translation
from django.utils.translation import gettext

from sanaksme.boards.models import Note, Reply, Sheet
from sanaksme.boards.services import note_create, sheets_ensure
from sanaksme.live.tests.test_consumers import (
    answer,
    console,
    open_,
    phone,
    projector,
    run_async,
)
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item

pytestmark = pytest.mark.django_db(transaction=True)


# Data -------------------------------------------------------------------------------


@pytest.fixture
def note(live_meeting: Meeting) -> Note:
    assert live_meeting.current_item is not None
    sheet = sheets_ensure(item=live_meeting.current_item)[0]
    stored, _created = note_create(sheet=sheet, column="problem", text="Nav telpu",
                                   client_id="n1")
    return stored


@pytest.fixture
def municipal(live_meeting: Meeting) -> Participant:
    return live_meeting.participants.filter(category="municipal").order_by("pk")[0]


@pytest.fixture
def regional_expert(live_meeting: Meeting) -> Participant:
    return live_meeting.participants.filter(category="regional_expert").order_by("pk")[0]


@pytest.fixture
def feedback_meeting(demo_meeting: Meeting) -> Meeting:
    """The demo meeting in its feedback round, with one note on the unrevealed sheet."""
    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="feedback")
    meeting_set_current_item(meeting=demo_meeting, item=item)
    sheet = sheets_ensure(item=item)[0]
    note_create(sheet=sheet, column="feedback", text="Paldies", client_id="f1")
    return Meeting.objects.get(pk=demo_meeting.pk)


def projector_texts(state: dict[str, Any]) -> list[str]:
    return [n["text"] for s in state["sheets"] for n in s["notes"]]


def reply_frame(note: Note, client_id: str = "r1") -> dict[str, Any]:
    return {"action": "reply_submit", "note": note.pk, "kind": "comment",
            "text": "Telpas būs nākamgad", "client_id": client_id}


# Hiding from the console --------------------------------------------------------------


@run_async
async def test_the_console_hides_a_note_and_the_projector_loses_it(
    live_meeting: Meeting, note: Note, facilitator: Any,
) -> None:
    wall = projector(live_meeting)
    before = await open_(wall)
    assert projector_texts(before) == ["Nav telpu"]
    desk = await database_sync_to_async(console)(live_meeting, facilitator)
    await open_(desk)

    await desk.send_json_to({"action": "note_hide", "note": note.pk, "reason": "dublikāts"})

    done, own = await answer(desk)
    assert (done["type"], done["action"]) == ("done", "note_hide")
    assert [m["type"] for m in own] == ["boards.note_changed"]
    changed = await wall.receive_json_from()
    assert (changed["type"], changed["seq"], changed["sheet_id"]) == (
        "boards.note_changed", before["seq"] + 1, note.sheet_id)
    assert [(n["id"], n["visible"]) for n in changed["notes"]] == [(note.pk, False)]
    await wall.send_json_to({"action": "sync"})
    after = await wall.receive_json_from()
    assert after["seq"] == before["seq"] + 1
    assert projector_texts(after) == []
    for communicator in (wall, desk):
        await communicator.disconnect()


@run_async
async def test_hiding_without_a_reason_gets_an_error(
    live_meeting: Meeting, note: Note, facilitator: Any,
) -> None:
    wall = projector(live_meeting)
    await open_(wall)
    desk = await database_sync_to_async(console)(live_meeting, facilitator)
    await open_(desk)

    await desk.send_json_to({"action": "note_hide", "note": note.pk})

    error = await desk.receive_json_from()
    assert error["type"] == "error"
    assert error["message"]
    assert await wall.receive_nothing()
    assert (await database_sync_to_async(Note.objects.get)(pk=note.pk)).hidden is False
    for communicator in (wall, desk):
        await communicator.disconnect()


@run_async
async def test_the_projector_cannot_moderate(live_meeting: Meeting, note: Note) -> None:
    wall = projector(live_meeting)
    await open_(wall)

    await wall.send_json_to({"action": "note_hide", "note": note.pk, "reason": "x"})

    error = await wall.receive_json_from()
    assert error["type"] == "error"
    with translation.override(live_meeting.language):
        assert error["message"] == gettext("This screen is read-only.")
    assert (await database_sync_to_async(Note.objects.get)(pk=note.pk)).hidden is False
    await wall.disconnect()


@run_async
async def test_a_phone_cannot_moderate(live_meeting: Meeting, note: Note,
                                       municipal: Participant) -> None:
    hand = await database_sync_to_async(phone)(live_meeting, municipal)
    await open_(hand)

    await hand.send_json_to({"action": "note_hide", "note": note.pk, "reason": "x"})

    assert (await hand.receive_json_from())["type"] == "error"
    assert (await database_sync_to_async(Note.objects.get)(pk=note.pk)).hidden is False
    await hand.disconnect()


# Replies from phones -----------------------------------------------------------------


@pytest.mark.parametrize(("category", "can_reply"), [("municipal", True),
                                                     ("regional_expert", False)])
@run_async
async def test_the_phones_first_state_says_whether_it_may_reply(
    live_meeting: Meeting, category: str, can_reply: bool,
) -> None:
    person = await database_sync_to_async(
        live_meeting.participants.filter(category=category).order_by("pk").first)()
    assert person is not None
    hand = await database_sync_to_async(phone)(live_meeting, person)

    state = await open_(hand)

    assert state["can_reply"] is can_reply
    await hand.disconnect()


@run_async
async def test_a_municipal_phones_reply_reaches_the_projector(
    live_meeting: Meeting, note: Note, municipal: Participant,
) -> None:
    wall = projector(live_meeting)
    before = await open_(wall)
    hand = await database_sync_to_async(phone)(live_meeting, municipal)
    await open_(hand)

    await hand.send_json_to(reply_frame(note, "r1"))

    done, _own = await answer(hand)
    assert (done["type"], done["action"], done["client_id"]) == ("done", "reply_submit", "r1")
    assert await wall.receive_json_from() == {
        "type": "boards.reply_added", "meeting_id": live_meeting.pk,
        "seq": before["seq"] + 1, "note_id": note.pk, "reply_id": done["reply_id"],
        "kind": "comment", "text": "Telpas būs nākamgad"}
    await wall.send_json_to({"action": "sync"})
    [shown] = [n for s in (await wall.receive_json_from())["sheets"] for n in s["notes"]]
    assert [r["text"] for r in shown["replies"]] == ["Telpas būs nākamgad"]
    for communicator in (wall, hand):
        await communicator.disconnect()


@run_async
async def test_a_regional_experts_reply_is_refused(
    live_meeting: Meeting, note: Note, regional_expert: Participant,
) -> None:
    wall = projector(live_meeting)
    await open_(wall)
    hand = await database_sync_to_async(phone)(live_meeting, regional_expert)
    await open_(hand)

    await hand.send_json_to(reply_frame(note, "r1"))

    error = await hand.receive_json_from()
    assert (error["type"], error["client_id"]) == ("error", "r1")
    assert error["message"]
    assert await wall.receive_nothing()
    assert not await database_sync_to_async(Reply.objects.exists)()
    for communicator in (wall, hand):
        await communicator.disconnect()


# Revealing the feedback sheet ----------------------------------------------------------


@run_async
async def test_revealing_the_feedback_sheet_puts_its_notes_on_the_projector(
    feedback_meeting: Meeting, facilitator: Any,
) -> None:
    wall = projector(feedback_meeting)
    before = await open_(wall)
    assert projector_texts(before) == []
    [sheet] = before["sheets"]
    desk = await database_sync_to_async(console)(feedback_meeting, facilitator)
    await open_(desk)

    await desk.send_json_to({"action": "sheet_reveal", "sheet": sheet["id"],
                             "revealed": True})

    done, _own = await answer(desk)
    assert (done["type"], done["action"]) == ("done", "sheet_reveal")
    assert await wall.receive_json_from() == {
        "type": "boards.sheet_changed", "meeting_id": feedback_meeting.pk,
        "seq": before["seq"] + 1, "sheet_id": sheet["id"]}
    await wall.send_json_to({"action": "sync"})
    after = await wall.receive_json_from()
    assert after["sheets"][0]["revealed"] is True
    assert projector_texts(after) == ["Paldies"]
    assert (await database_sync_to_async(Sheet.objects.get)(pk=sheet["id"])).revealed
    for communicator in (wall, desk):
        await communicator.disconnect()
