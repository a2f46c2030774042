"""What the projector shows of a board: the console's choice (`projector_view_set`), the
state part that heals the projector from the database, and the reset on the next item."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sanaksme.boards.models import Sheet
from sanaksme.boards.services import projector_view_set, sheets_ensure
from sanaksme.core.exceptions import DomainError
from sanaksme.live.actions import ActionContext, lookup
from sanaksme.live.channel_groups import Audience
from sanaksme.live.events import Event, ProjectorViewChanged, SeqAdvanced
from sanaksme.live.opening import current_item_set
from sanaksme.live.payload import parse
from sanaksme.live.state import state_data
from sanaksme.programme.models import AgendaItem, Meeting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

Sent = list[tuple[Event, tuple[Audience, ...]]]


@pytest.fixture
def brainstorm(demo_meeting: Meeting) -> AgendaItem:
    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")
    current_item_set(meeting=demo_meeting, item=item)
    return item


@pytest.fixture
def sheets(brainstorm: AgendaItem) -> list[Sheet]:
    return sheets_ensure(item=brainstorm)


def test_a_new_item_shows_every_sheet_in_turn(brainstorm: AgendaItem) -> None:
    state = state_data(brainstorm.day.meeting_id, Audience.PROJECTOR)

    assert state["projector_view"] == {"mode": "all", "sheet": None, "column": None}


def test_choosing_one_column_is_stored_and_announced_to_console_and_projector(
        brainstorm: AgendaItem, sheets: list[Sheet], sent: Sent,
        django_capture_on_commit_callbacks: Any) -> None:
    sheet = sheets[1]

    with django_capture_on_commit_callbacks(execute=True):
        view = projector_view_set(item=brainstorm, mode="column", sheet_id=sheet.pk,
                                  column="problem")

    meeting = Meeting.objects.get(pk=brainstorm.day.meeting_id)
    assert view == {"mode": "column", "sheet": sheet.pk, "column": "problem"}
    assert meeting.projector_view == view
    [(changed, to_screens), (advanced, to_phones)] = sent
    assert isinstance(changed, ProjectorViewChanged)
    assert changed.view == view
    assert changed.seq == meeting.last_seq
    assert set(to_screens) == {Audience.CONSOLE, Audience.PROJECTOR}
    assert isinstance(advanced, SeqAdvanced)
    assert to_phones == (Audience.PHONE,)
    assert json.loads(changed.to_message()["json"])["view"] == view


def test_the_projector_state_heals_from_the_database(brainstorm: AgendaItem,
                                                     sheets: list[Sheet]) -> None:
    projector_view_set(item=brainstorm, mode="sheet", sheet_id=sheets[2].pk)

    projector = state_data(brainstorm.day.meeting_id, Audience.PROJECTOR)
    console = state_data(brainstorm.day.meeting_id, Audience.CONSOLE)
    phone = state_data(brainstorm.day.meeting_id, Audience.PHONE)

    wanted = {"mode": "sheet", "sheet": sheets[2].pk, "column": None}
    assert projector["projector_view"] == console["projector_view"] == wanted
    assert "projector_view" not in phone


def test_a_sheet_of_another_item_is_refused(brainstorm: AgendaItem,
                                            sheets: list[Sheet]) -> None:
    feedback = AgendaItem.objects.get(day__meeting=brainstorm.day.meeting, method="feedback")
    other = sheets_ensure(item=feedback)[0]

    with pytest.raises(DomainError):
        projector_view_set(item=brainstorm, mode="sheet", sheet_id=other.pk)

    assert Meeting.objects.get(pk=brainstorm.day.meeting_id).projector_view == {}


def test_a_column_the_sheet_lacks_is_refused(brainstorm: AgendaItem,
                                             sheets: list[Sheet]) -> None:
    with pytest.raises(DomainError):
        projector_view_set(item=brainstorm, mode="column", sheet_id=sheets[0].pk,
                           column="nonsense")


def test_an_unknown_mode_is_refused(brainstorm: AgendaItem) -> None:
    with pytest.raises(DomainError):
        projector_view_set(item=brainstorm, mode="everything")


def test_the_next_item_starts_again_with_every_sheet(brainstorm: AgendaItem,
                                                     sheets: list[Sheet]) -> None:
    meeting = brainstorm.day.meeting
    projector_view_set(item=brainstorm, mode="sheet", sheet_id=sheets[0].pk)
    feedback = AgendaItem.objects.get(day__meeting=meeting, method="feedback")

    current_item_set(meeting=meeting, item=feedback)

    assert Meeting.objects.get(pk=meeting.pk).projector_view == {}
    state = state_data(meeting.pk, Audience.PROJECTOR)
    assert state["projector_view"]["mode"] == "all"


def test_a_removed_sheet_falls_back_to_every_sheet(brainstorm: AgendaItem,
                                                   sheets: list[Sheet]) -> None:
    projector_view_set(item=brainstorm, mode="sheet", sheet_id=sheets[3].pk)

    sheets[3].delete()

    state = state_data(brainstorm.day.meeting_id, Audience.PROJECTOR)
    assert state["projector_view"] == {"mode": "all", "sheet": None, "column": None}


def test_the_console_may_choose_and_the_projector_may_not(brainstorm: AgendaItem,
                                                          sheets: list[Sheet]) -> None:
    action = lookup("projector_show", Audience.CONSOLE)
    payload = parse(action.payload, {"mode": "sheet", "sheet": sheets[1].pk})
    ctx = ActionContext(meeting_id=brainstorm.day.meeting_id, audience=Audience.CONSOLE)

    action.run(ctx, payload)

    assert Meeting.objects.get(pk=brainstorm.day.meeting_id).projector_view["sheet"] == (
        sheets[1].pk)
    with pytest.raises(DomainError):
        lookup("projector_show", Audience.PROJECTOR)
