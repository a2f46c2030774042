"""Reads never write: a brainstorm's sheets are made when it opens (live/opening.py),
by the console and by the replay alike, and reading the state only shows them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from sanaksme.boards.models import Sheet
from sanaksme.live.channel_groups import Audience
from sanaksme.live.opening import current_item_set
from sanaksme.live.state import state_data
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item
from sanaksme.speaking.models import Round, Turn
from sanaksme.speaking.services import round_get_or_create, round_order, turn_next

pytestmark = pytest.mark.django_db


def test_reading_the_state_creates_no_sheet(demo_meeting: Meeting,
                                            brainstorm: AgendaItem) -> None:
    meeting_set_current_item(meeting=demo_meeting, item=brainstorm)  # no hooks run

    for audience in Audience:
        state = state_data(demo_meeting.pk, audience)
        assert state["item"]["id"] == brainstorm.pk
        assert state["sheets"] == []
    assert not Sheet.objects.exists()


def test_opening_a_brainstorm_makes_its_sheets_and_the_state_shows_them(
    demo_meeting: Meeting, brainstorm: AgendaItem,
) -> None:
    current_item_set(meeting=demo_meeting, item=brainstorm)

    made = list(Sheet.objects.filter(item=brainstorm).order_by("position"))
    assert len(made) == 4
    state = state_data(demo_meeting.pk, Audience.PHONE)
    assert [s["id"] for s in state["sheets"]] == [s.pk for s in made]


def test_opening_it_again_makes_no_more_sheets(demo_meeting: Meeting,
                                               brainstorm: AgendaItem) -> None:
    current_item_set(meeting=demo_meeting, item=brainstorm)
    current_item_set(meeting=demo_meeting, item=None)
    current_item_set(meeting=demo_meeting, item=brainstorm)

    assert Sheet.objects.filter(item=brainstorm).count() == 4


def test_the_console_opening_a_feedback_item_makes_its_sheet(
    facilitator_client: Client, demo_meeting: Meeting,
) -> None:
    feedback = AgendaItem.objects.get(day__meeting=demo_meeting, method="feedback")

    facilitator_client.post(f"/console/m/{demo_meeting.slug}/live/current/",
                            {"item": feedback.pk})

    [sheet] = Sheet.objects.filter(item=feedback)
    assert sheet.revealed is False  # feedback waits for the facilitator


# Speaking time: leaving a tour de table or a discussion ends the turn under way. -------


def _tour(meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=meeting, method="tour_de_table")


def test_time_on_another_item_is_not_spoken_time(demo_meeting: Meeting) -> None:
    """The review's case: someone who spoke for a moment was credited 9 min 32 s,
    because the turn ran on while the facilitator was on another item."""
    tour, elsewhere = _tour(demo_meeting), AgendaItem.objects.get(
        day__meeting=demo_meeting, method="brainstorm")
    current_item_set(meeting=demo_meeting, item=tour)
    round_ = round_get_or_create(item=tour)
    started = timezone.now()
    turn_next(round_=round_, expected=None, now=started)
    first = Round.objects.get(pk=round_.pk).current
    assert first is not None

    current_item_set(meeting=demo_meeting, item=elsewhere)
    current_item_set(meeting=demo_meeting, item=tour)
    turn_next(round_=round_, expected=first.pk, now=started + dt.timedelta(seconds=572))

    spoken = Turn.objects.get(pk=first.pk).spoken_seconds
    assert spoken < 60  # the moment before the switch, not 9 min 32 s


def test_back_on_the_item_next_gives_the_floor_to_the_next_speaker(
    demo_meeting: Meeting,
) -> None:
    tour = _tour(demo_meeting)
    current_item_set(meeting=demo_meeting, item=tour)
    round_ = round_get_or_create(item=tour)
    turn_next(round_=round_, expected=None)
    first = Round.objects.get(pk=round_.pk).current
    assert first is not None

    current_item_set(meeting=demo_meeting, item=None)  # "Show nothing": a coffee break
    current_item_set(meeting=demo_meeting, item=tour)
    turn_next(round_=round_, expected=first.pk)

    second = Round.objects.get(pk=round_.pk).current
    assert second is not None
    order = round_order(round_)
    assert order.index(second.participant_id or 0) == order.index(first.participant_id or 0) + 1


def test_opening_the_same_item_again_keeps_the_turn_running(demo_meeting: Meeting) -> None:
    tour = _tour(demo_meeting)
    current_item_set(meeting=demo_meeting, item=tour)
    round_ = round_get_or_create(item=tour)
    turn_next(round_=round_, expected=None)

    current_item_set(meeting=demo_meeting, item=tour)

    turn = Round.objects.get(pk=round_.pk).current
    assert turn is not None
    assert turn.ended_at is None
