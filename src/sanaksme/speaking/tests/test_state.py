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
    turn_call,
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


def test_back_on_a_discussion_the_floor_goes_to_a_hand_though_the_last_turn_ended_away(
    discussion: Round, demo_meeting: Meeting,
) -> None:
    """Leaving the item ends the turn under way; the screens then show nobody speaking,
    so the console's "give the floor" (expecting no turn) must still work."""
    people = Participant.objects.filter(meeting=demo_meeting).order_by("pk")
    first, second = people[0], people[1]
    hand_raise(round_=discussion, participant_id=first.pk, now=at(0))
    turn_next(round_=discussion, expected=None, now=at(10))
    current_item_set(meeting=demo_meeting, item=None)  # a coffee break
    current_item_set(meeting=demo_meeting, item=discussion.item)
    hand = hand_raise(round_=discussion, participant_id=second.pk, now=at(900))
    assert state_data(demo_meeting.pk, Audience.CONSOLE)["speaking"]["current"] is None

    turn_call(round_=discussion, expected=None, hand_id=hand.pk, now=at(905))

    current = state_data(demo_meeting.pk, Audience.CONSOLE)["speaking"]["current"]
    assert current["participant_id"] == second.pk
