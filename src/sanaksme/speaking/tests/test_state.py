"""What every screen's speaking part carries for the room: the item's question and
how long the current speaker has spoken (issue 15)."""

from __future__ import annotations

import datetime as dt

import pytest

from sanaksme.live.channel_groups import Audience
from sanaksme.live.opening import current_item_set
from sanaksme.live.state import state_data
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.speaking.models import Round
from sanaksme.speaking.services import (
    hand_raise,
    round_get_or_create,
    turn_next,
    turn_pause,
    turn_resume,
)

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2017, 1, 27, 11, 20, tzinfo=dt.UTC)
QUESTION = "Vai un kāpēc pašvaldībām ir nepieciešams romu mediators?"


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


@pytest.fixture
def discussion(demo_meeting: Meeting) -> Round:
    item = AgendaItem.objects.filter(day__meeting=demo_meeting, method="discussion") \
        .order_by("starts_at").first()
    assert item is not None
    current_item_set(meeting=demo_meeting, item=item)
    return round_get_or_create(item=item)


@pytest.mark.parametrize("audience", list(Audience))
def test_every_screen_gets_the_discussion_question(discussion: Round,
                                                   audience: Audience) -> None:
    state = state_data(discussion.meeting_id, audience)

    assert state["speaking"]["question"] == QUESTION


def test_a_tour_de_table_without_a_question_has_an_empty_one(demo_meeting: Meeting) -> None:
    item = AgendaItem.objects.filter(day__meeting=demo_meeting, method="tour_de_table") \
        .order_by("starts_at").first()
    assert item is not None
    current_item_set(meeting=demo_meeting, item=item)

    state = state_data(demo_meeting.pk, Audience.PROJECTOR)

    assert state["speaking"]["question"] == ""


def test_the_elapsed_time_counts_only_while_the_clock_runs(discussion: Round) -> None:
    mediator = Participant.objects.get(meeting_id=discussion.meeting_id,
                                       name="Roberts Kozlovskis")
    hand_raise(round_=discussion, participant_id=mediator.pk, now=at(0))
    turn_next(round_=discussion, expected=None, now=at(10))
    turn_pause(round_=discussion, now=at(40))

    paused = state_data(discussion.meeting_id, Audience.CONSOLE)["speaking"]["current"]
    turn_resume(round_=discussion, now=at(100))
    running = state_data(discussion.meeting_id, Audience.PROJECTOR)["speaking"]["current"]

    assert (paused["spoken"], paused["resumed_at"]) == (30.0, None)
    assert (running["spoken"], running["resumed_at"]) == (30.0, at(100).isoformat())
