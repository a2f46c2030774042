"""The console's count of connected phones (live/presence.py): counted per socket,
announced once per burst, never on the room's screens."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from sanaksme.config.asgi import application
from sanaksme.live.channel_groups import Audience
from sanaksme.live.events import PresenceChanged, SeqAdvanced
from sanaksme.live.presence import phone_counted, phones_announce, phones_record
from sanaksme.live.state import state_data
from sanaksme.participants.models import Attendance, Participant
from sanaksme.participants.tests.factories import phone_session
from sanaksme.programme.models import Meeting

from .test_consumers import console, cookie, open_, phone, run_async

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone_person(live_meeting: Meeting) -> Participant:
    return live_meeting.participants.exclude(category="organiser").order_by("pk")[0]


@run_async
async def count(meeting: Meeting, step: int) -> None:
    await phone_counted(meeting.pk, step)


def test_only_the_console_state_has_the_count(live_meeting: Meeting) -> None:
    count(live_meeting, +1)
    count(live_meeting, +1)
    count(live_meeting, -1)

    assert state_data(live_meeting.pk, Audience.CONSOLE)["presence"] == {"phones": 1}
    for audience in (Audience.PROJECTOR, Audience.PHONE):
        assert "presence" not in state_data(live_meeting.pk, audience)


def test_a_new_count_is_told_to_the_console_once_and_the_room_sees_only_a_seq(
    live_meeting: Meeting, sent: list[tuple[Any, tuple[Audience, ...]]],
) -> None:
    count(live_meeting, +1)

    seq = phones_announce(meeting_id=live_meeting.pk)
    again = phones_announce(meeting_id=live_meeting.pk)

    assert again is None
    assert seq == Meeting.objects.get(pk=live_meeting.pk).last_seq
    assert sent == [
        (PresenceChanged(meeting_id=live_meeting.pk, seq=seq, phones=1), (Audience.CONSOLE,)),
        (SeqAdvanced(meeting_id=live_meeting.pk, seq=seq),
         (Audience.PROJECTOR, Audience.PHONE)),
    ]


def test_the_count_never_goes_below_zero(live_meeting: Meeting) -> None:
    count(live_meeting, -1)

    assert state_data(live_meeting.pk, Audience.CONSOLE)["presence"] == {"phones": 0}


@run_async
async def test_the_console_hears_when_a_phone_comes_and_goes(
    live_meeting: Meeting, phone_person: Participant, facilitator: Any, settings: Any,
) -> None:
    settings.SANAKSME_PHONES_WAIT = 0.05
    desk = await database_sync_to_async(console)(live_meeting, facilitator)
    first = await open_(desk)
    assert first["presence"] == {"phones": 0}
    handset = await database_sync_to_async(phone)(live_meeting, phone_person)
    await open_(handset)

    came = await desk.receive_json_from(timeout=5)
    await handset.disconnect()
    went = await desk.receive_json_from(timeout=5)
    await desk.disconnect()

    assert (came["type"], came["phones"]) == ("presence.changed", 1)
    assert (went["type"], went["phones"]) == ("presence.changed", 0)
    assert went["seq"] == came["seq"] + 1



@run_async
async def test_a_returning_phone_counts_as_attending_today_once_the_burst_is_counted(
    live_meeting: Meeting, phone_person: Participant, settings: Any, monkeypatch: Any,
) -> None:
    settings.SANAKSME_PHONES_WAIT = 0.05
    monkeypatch.setattr("sanaksme.participants.services._SEEN_TODAY", set())
    await database_sync_to_async(Attendance.objects.filter(participant=phone_person).delete)()
    held = cookie(await database_sync_to_async(phone_session)(phone_person))
    handsets = [WebsocketCommunicator(application, f"/ws/phone/{live_meeting.join_code}/",
                                      headers=held) for _ in range(3)]  # three tabs
    for handset in handsets:
        await open_(handset)

    days = await until(lambda: list(Attendance.objects.filter(
        participant=phone_person).values_list("date", flat=True)))
    for handset in handsets:
        await handset.disconnect()

    assert days == [timezone.localdate()]


def test_someone_erased_before_their_burst_is_recorded_is_skipped(
    live_meeting: Meeting, phone_person: Participant, monkeypatch: Any,
) -> None:
    monkeypatch.setattr("sanaksme.participants.services._SEEN_TODAY", set())
    Attendance.objects.all().delete()
    gone = phone_person.pk
    phone_person.delete()
    other = live_meeting.participants.exclude(category="organiser").order_by("pk")[0]

    phones_record(meeting_id=live_meeting.pk, delta=2, seen={gone, other.pk},
                  announce=False)

    assert list(Attendance.objects.values_list("participant_id", flat=True)) == [other.pk]
    assert state_data(live_meeting.pk, Audience.CONSOLE)["presence"] == {"phones": 2}


async def until(read: Callable[[], list[Any]], limit: float = 15.0) -> list[Any]:
    """What `read` returns once it is not empty (polled in a database thread)."""
    deadline = time.monotonic() + limit
    while True:
        value: list[Any] = await database_sync_to_async(read)()
        if value or time.monotonic() > deadline:
            return value
        await asyncio.sleep(0.05)
