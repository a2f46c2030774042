"""Slides and the summary over WebSockets: the console drives, the projector follows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.core.files.uploadedfile import SimpleUploadedFile

from sanaksme.participants.models import Participant
from sanaksme.presenting.models import Deck
from sanaksme.presenting.services import deck_upload
from sanaksme.presenting.tests.conftest import pdf_bytes
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item

from .test_consumers import answer, console, open_, phone, projector, run_async

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def deck(demo_meeting: Meeting) -> Deck:
    item = AgendaItem.objects.get(day__meeting=demo_meeting, title__startswith="Pētījuma")
    deck = deck_upload(item=item, upload=SimpleUploadedFile("s.pdf", pdf_bytes(3)))
    meeting_set_current_item(meeting=demo_meeting, item=item)
    return deck


@run_async
async def test_the_console_turns_a_slide_and_the_projector_follows(
    demo_meeting: Meeting, deck: Deck, facilitator: Any,
) -> None:
    desk = await database_sync_to_async(console)(demo_meeting, facilitator)
    screen = projector(demo_meeting)
    first = await open_(desk)
    assert first["presenting"]["decks"][0]["pages"] == 3
    before = await open_(screen)
    assert before["presenting"]["showing"] is None

    await desk.send_json_to({"action": "slide_show", "deck": deck.pk, "page": 2})
    reply, _ = await answer(desk)
    assert reply == {"type": "done", "action": "slide_show"}

    event = await screen.receive_json_from()
    assert event["type"] == "presenting.changed"
    assert event["seq"] == before["seq"] + 1
    await screen.send_json_to({"action": "sync"})
    state = await screen.receive_json_from()
    shown = state["presenting"]["showing"]
    assert shown["page"] == 2
    assert demo_meeting.projector_token in shown["src"]  # the projector's own address
    assert "decks" not in state["presenting"]
    await desk.disconnect()
    await screen.disconnect()


@run_async
async def test_bad_slide_messages_get_an_error_and_change_nothing(
    demo_meeting: Meeting, deck: Deck, facilitator: Any,
) -> None:
    desk = await database_sync_to_async(console)(demo_meeting, facilitator)
    before = await open_(desk)
    for bad in ({"action": "slide_show", "deck": deck.pk},
                {"action": "slide_show", "deck": 999999, "page": 1},
                {"action": "slide_show", "deck": True, "page": 1},
                {"action": "summary_write", "text": 5},
                {"action": "video_play", "playing": True}):
        await desk.send_json_to(bad)
        reply = await desk.receive_json_from()
        assert reply["type"] == "error", bad
    await desk.send_json_to({"action": "ping"})
    assert (await desk.receive_json_from())["seq"] == before["seq"]
    await desk.disconnect()


@run_async
async def test_a_phone_cannot_turn_slides_and_sees_only_the_slide_number(
    demo_meeting: Meeting, deck: Deck,
) -> None:
    person = await database_sync_to_async(
        lambda: Participant.objects.filter(meeting=demo_meeting).first())()
    hand = await database_sync_to_async(phone)(demo_meeting, person)
    state = await open_(hand)
    await hand.send_json_to({"action": "slide_show", "deck": deck.pk, "page": 2})
    assert (await hand.receive_json_from())["type"] == "error"
    assert "decks" not in state["presenting"]
    await hand.disconnect()


@run_async
async def test_the_summary_reaches_the_projector_when_the_console_shows_it(
    demo_meeting: Meeting, facilitator: Any,
) -> None:
    item = await database_sync_to_async(AgendaItem.objects.get)(
        day__meeting=demo_meeting, method="summary")
    await database_sync_to_async(meeting_set_current_item)(meeting=demo_meeting, item=item)
    desk = await database_sync_to_async(console)(demo_meeting, facilitator)
    await open_(desk)
    screen = projector(demo_meeting)
    await open_(screen)

    await desk.send_json_to({"action": "summary_write", "text": "Mediatori ir vajadzīgi."})
    await answer(desk)
    await desk.send_json_to({"action": "summary_show", "shown": "yes"})  # not a boolean
    assert (await desk.receive_json_from())["type"] == "error"
    await screen.send_json_to({"action": "sync"})
    state = next(m for m in [await screen.receive_json_from() for _ in range(2)]
             if m["type"] == "state")
    assert state["presenting"]["summary"] == ""  # written, not shown yet

    await desk.send_json_to({"action": "summary_show", "shown": True})
    await answer(desk)
    while (message := await screen.receive_json_from())["type"] != "presenting.changed" \
            or message["seq"] < state["seq"] + 1:
        pass
    await screen.send_json_to({"action": "sync"})
    while (message := await screen.receive_json_from())["type"] != "state":
        pass
    assert message["presenting"]["summary"] == "Mediatori ir vajadzīgi."
    await desk.disconnect()
    await screen.disconnect()
