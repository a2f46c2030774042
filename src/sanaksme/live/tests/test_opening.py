"""Reads never write: a brainstorm's sheets are made when it opens (live/opening.py),
by the console and by the replay alike, and reading the state only shows them."""

from __future__ import annotations

import pytest
from django.test import Client

from sanaksme.boards.models import Sheet
from sanaksme.live.channel_groups import Audience
from sanaksme.live.opening import current_item_set
from sanaksme.live.state import state_data
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item

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
