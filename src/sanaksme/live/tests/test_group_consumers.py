"""Small groups over the WebSocket: forming groups, worksheets, presentations, themes.

Same approach as `test_consumers.py`: data is committed in synchronous fixtures, each
test is an `async def` run by `run_async`. Every change is announced after commit as
a `groups.changed` event carrying the meeting's next seq; screens then ask for the
state (`sync`), which is rebuilt from the database. A phone gets only its own group's
part of the state.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import translation

from sanaksme.groups.models import (
    Factor,
    Group,
    GroupSet,
    Membership,
    Showing,
    Solution,
    Theme,
)
from sanaksme.groups.selectors import groups_state
from sanaksme.groups.services.formation import groups_draw
from sanaksme.groups.services.worksheets import factor_add, solution_add
from sanaksme.live import state as live_state
from sanaksme.live.actions import ACTIONS, PHONE
from sanaksme.live.channel_groups import Audience
from sanaksme.live.state import meeting_seq, state_for
from sanaksme.live.tests.test_consumers import (
    answer,
    console,
    open_,
    phone,
    projector,
    run_async,
)
from sanaksme.live.tests.test_speaking_consumers import close
from sanaksme.participants.models import Participant
from sanaksme.participants.services import participant_join
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item

pytestmark = pytest.mark.django_db(transaction=True)

SEED = 1  # three random groups and the Roma community's own group (number 4)
ROMA_GROUP = 4
ORGANISER = "Ilze Kalniņa"  # in no group
EXPERTS_FACTOR = "Zema motivācija mācīties"
COMMUNITY_FACTOR = "bērni negrib iet uz skolu, neredz jēgu"


# Data -------------------------------------------------------------------------------


@pytest.fixture
def group_work(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="group_work")


@pytest.fixture
def presentations(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="group_presentations")


@pytest.fixture
def work_meeting(demo_meeting: Meeting, group_work: AgendaItem) -> Meeting:
    """The demo meeting with its group work on every screen, groups not drawn."""
    meeting_set_current_item(meeting=demo_meeting, item=group_work)
    return Meeting.objects.get(pk=demo_meeting.pk)


@pytest.fixture
def drawn(work_meeting: Meeting, group_work: AgendaItem) -> GroupSet:
    return groups_draw(item=group_work, seed=SEED)


@pytest.fixture
def written(drawn: GroupSet) -> dict[str, Factor]:
    """Group 1 (experts) and group 4 (the community) wrote one factor each."""
    return {EXPERTS_FACTOR: factor_add(group=group(drawn, 1), text=EXPERTS_FACTOR,
                                       client_id="e1"),
            COMMUNITY_FACTOR: factor_add(group=group(drawn, ROMA_GROUP),
                                         text=COMMUNITY_FACTOR, client_id="c1"),
            "Nabadzība ģimenēs": factor_add(group=group(drawn, 2), text="Nabadzība ģimenēs",
                                            client_id="p1"),
            "Valodas barjera": factor_add(group=group(drawn, 3), text="Valodas barjera",
                                          client_id="l1")}


@pytest.fixture
def showing_meeting(written: dict[str, Factor], presentations: AgendaItem) -> Meeting:
    """The presentations on every screen, after the groups wrote."""
    meeting = presentations.day.meeting
    meeting_set_current_item(meeting=meeting, item=presentations)
    return Meeting.objects.get(pk=meeting.pk)


def group(group_set: GroupSet, number: int) -> Group:
    return Group.objects.get(group_set=group_set, number=number)


def member(group_set: GroupSet, number: int, index: int = 0) -> Participant:
    return Participant.objects.filter(
        memberships__group__group_set=group_set,
        memberships__group__number=number).order_by("pk")[index]


def by_name(meeting: Meeting, name: str) -> Participant:
    return Participant.objects.get(meeting=meeting, name=name)


def factor_text(pk: int) -> str:
    return Factor.objects.get(pk=pk).text


def factor_values(pk: int) -> dict[str, Any]:
    return dict(Factor.objects.filter(pk=pk).values(
        "text", "hidden", "position", "municipality", "state", "community").get())


# Helpers ----------------------------------------------------------------------------


def changed(meeting: Meeting, seq: int, item: AgendaItem) -> dict[str, Any]:
    return {"type": "groups.changed", "meeting_id": meeting.pk, "seq": seq,
            "item_id": item.pk}


async def connect_phone(meeting: Meeting, person: Participant) -> WebsocketCommunicator:
    hand = await database_sync_to_async(phone)(meeting, person)
    await open_(hand)
    return hand


async def connect_console(meeting: Meeting, user: Any) -> WebsocketCommunicator:
    desk = await database_sync_to_async(console)(meeting, user)
    await open_(desk)
    return desk


async def synced(communicator: WebsocketCommunicator) -> dict[str, Any]:
    """Ask for the state, as a screen does after an event."""
    await communicator.send_json_to({"action": "sync"})
    state: dict[str, Any] = await communicator.receive_json_from()
    assert state["type"] == "state"
    return state


async def groups_of(communicator: WebsocketCommunicator) -> dict[str, Any]:
    part: dict[str, Any] = (await synced(communicator))["groups"]
    return part


async def act(desk: WebsocketCommunicator, message: dict[str, Any],
              reply: str = "done") -> dict[str, Any]:
    """Send an action that changes something: its reply, plus its own event."""
    await desk.send_json_to(message)
    done, own = await answer(desk)
    assert done["type"] == reply, done
    # A worksheet edit during the group work carries the worksheet itself.
    assert [m["type"] for m in own] in (["groups.changed"], ["groups.worksheet_changed"])
    return done


async def refused(sender: WebsocketCommunicator, message: dict[str, Any]) -> str:
    """An error comes back and no event follows."""
    await sender.send_json_to(message)
    error = await sender.receive_json_from()
    assert error["type"] == "error", error
    assert error["message"]
    assert await sender.receive_nothing()
    message_text: str = error["message"]
    return message_text


def worksheet_texts(part: dict[str, Any]) -> dict[int, list[str]]:
    return {w["number"]: [f["text"] for f in w["factors"]] for w in part["worksheets"]}


async def seq_now(meeting: Meeting) -> int:
    seq: int = await database_sync_to_async(meeting_seq)(meeting.pk)
    return seq


def fresh_state(meeting: Meeting, audience: Audience,
                person: Participant | None = None) -> dict[str, Any]:
    """The screen's state rebuilt from the database, not taken from the state cache."""
    live_state._STATES.clear()
    if person is None:
        text = state_for(meeting.pk, audience)[0]
    else:
        text = state_for(meeting.pk, audience, person.category, person.pk)[0]
    state: dict[str, Any] = json.loads(text)
    return state


def fresh_groups(item: AgendaItem, audience: str, group_id: int | None = None
                 ) -> dict[str, Any]:
    """Only the groups part, straight from the selector (as JSON would carry it)."""
    language = Meeting.objects.get(pk=item.day.meeting_id).language
    with translation.override(language):
        state = groups_state(item, audience=audience, group_id=group_id)
    part: dict[str, Any] = json.loads(json.dumps(state, ensure_ascii=False))
    return part


# Forming the groups ------------------------------------------------------------------


@run_async
async def test_drawn_groups_reach_the_projector_and_the_phones(
    work_meeting: Meeting, group_work: AgendaItem, facilitator: Any,
) -> None:
    anita = await database_sync_to_async(by_name)(work_meeting, "Anita Bērziņa")
    wall = projector(work_meeting)
    before = await open_(wall)
    assert before["groups"]["drawn"] is False
    hand = await connect_phone(work_meeting, anita)
    desk = await connect_console(work_meeting, facilitator)

    await act(desk, {"action": "groups_draw"})

    event = changed(work_meeting, before["seq"] + 1, group_work)
    assert await wall.receive_json_from() == event
    assert await hand.receive_json_from() == event
    mine = await database_sync_to_async(
        lambda: Membership.objects.get(participant=anita).group_id)()
    on_phone = await groups_of(hand)
    assert (on_phone["drawn"], on_phone["my_group"]) == (True, mine)
    [own] = [g for g in on_phone["groups"] if g["id"] == mine]
    assert "Anita Bērziņa" in [m["name"] for m in own["members"]]
    assert len((await groups_of(wall))["groups"]) == 4
    await close(wall, hand, desk)


@run_async
async def test_the_console_draws_from_everyone_registered_when_asked(
    work_meeting: Meeting, facilitator: Any,
) -> None:
    await database_sync_to_async(
        lambda: Participant.objects.filter(meeting=work_meeting,
                                           name="Anita Bērziņa").update(present=True))()
    desk = await connect_console(work_meeting, facilitator)

    await act(desk, {"action": "groups_draw", "everyone": True})

    assert await database_sync_to_async(Membership.objects.count)() == 28
    await close(desk)


@run_async
async def test_a_draw_with_a_malformed_everyone_flag_is_refused(
    work_meeting: Meeting, facilitator: Any,
) -> None:
    desk = await connect_console(work_meeting, facilitator)

    await refused(desk, {"action": "groups_draw", "everyone": "yes"})

    assert not await database_sync_to_async(GroupSet.objects.exists)()
    await close(desk)


@run_async
async def test_a_phone_in_no_group_sees_no_group_as_its_own(
    drawn: GroupSet, work_meeting: Meeting,
) -> None:
    organiser = await database_sync_to_async(by_name)(work_meeting, ORGANISER)
    hand = await database_sync_to_async(phone)(work_meeting, organiser)

    state = await open_(hand)

    assert state["groups"]["my_group"] is None
    assert state["groups"]["worksheets"] == []
    await close(hand)


@run_async
async def test_drawing_again_after_the_groups_wrote_is_refused(
    written: dict[str, Factor], work_meeting: Meeting, facilitator: Any,
) -> None:
    desk = await connect_console(work_meeting, facilitator)
    seq = await seq_now(work_meeting)

    await refused(desk, {"action": "groups_draw"})

    assert await seq_now(work_meeting) == seq
    await close(desk)


@run_async
async def test_the_console_moves_a_person_and_their_phone_follows(
    drawn: GroupSet, work_meeting: Meeting, facilitator: Any,
) -> None:
    mover = await database_sync_to_async(member)(drawn, 1)
    target = await database_sync_to_async(group)(drawn, 2)
    hand = await connect_phone(work_meeting, mover)
    desk = await connect_console(work_meeting, facilitator)

    await act(desk, {"action": "group_move", "participant": mover.pk,
                     "group": target.pk})

    assert (await hand.receive_json_from())["type"] == "groups.changed"
    assert (await groups_of(hand))["my_group"] == target.pk
    await close(hand, desk)


@run_async
async def test_the_console_names_a_groups_place_for_its_phones(
    drawn: GroupSet, work_meeting: Meeting, facilitator: Any,
) -> None:
    person = await database_sync_to_async(member)(drawn, 3)
    third = await database_sync_to_async(group)(drawn, 3)
    hand = await connect_phone(work_meeting, person)
    desk = await connect_console(work_meeting, facilitator)

    await act(desk, {"action": "group_set_place", "group": third.pk, "place": "Zāle B"})

    await hand.receive_json_from()
    [sheet] = (await groups_of(hand))["worksheets"]
    assert sheet["place"] == "Zāle B"
    await close(hand, desk)


# Worksheets from phones ---------------------------------------------------------------


@run_async
async def test_a_phone_adds_a_factor_to_its_groups_worksheet(
    drawn: GroupSet, work_meeting: Meeting,
) -> None:
    writer = await database_sync_to_async(member)(drawn, 1)
    hand = await connect_phone(work_meeting, writer)

    await hand.send_json_to({"action": "factor_add", "client_id": "c1",
                             "text": EXPERTS_FACTOR})

    ack, own = await answer(hand)
    assert (ack["type"], ack["client_id"]) == ("ack", "c1")
    stored = await database_sync_to_async(Factor.objects.get)(pk=ack["factor_id"])
    first = await database_sync_to_async(group)(drawn, 1)
    assert (stored.group_id, stored.text, stored.author_id) == (
        first.pk, EXPERTS_FACTOR, writer.pk)
    assert [m["type"] for m in own] == ["groups.worksheet_changed"]
    await close(hand)


@run_async
async def test_another_member_of_the_group_sees_the_factor_after_sync(
    drawn: GroupSet, work_meeting: Meeting,
) -> None:
    writer = await database_sync_to_async(member)(drawn, 1, 0)
    reader = await database_sync_to_async(member)(drawn, 1, 1)
    hand = await connect_phone(work_meeting, writer)
    neighbour = await connect_phone(work_meeting, reader)

    await act(hand, {"action": "factor_add", "client_id": "c1", "text": EXPERTS_FACTOR},
              reply="ack")

    assert (await neighbour.receive_json_from())["type"] == "groups.worksheet_changed"
    assert worksheet_texts(await groups_of(neighbour)) == {1: [EXPERTS_FACTOR]}
    await close(hand, neighbour)


@run_async
async def test_a_phone_of_another_group_does_not_get_that_worksheet(
    drawn: GroupSet, work_meeting: Meeting,
) -> None:
    writer = await database_sync_to_async(member)(drawn, 1)
    outsider = await database_sync_to_async(member)(drawn, ROMA_GROUP)
    hand = await connect_phone(work_meeting, writer)
    other = await connect_phone(work_meeting, outsider)

    await act(hand, {"action": "factor_add", "client_id": "c1", "text": EXPERTS_FACTOR},
              reply="ack")

    assert (await other.receive_json_from())["type"] == "groups.worksheet_changed"
    state = await synced(other)
    assert worksheet_texts(state["groups"]) == {ROMA_GROUP: []}
    assert EXPERTS_FACTOR not in json.dumps(state, ensure_ascii=False)
    await close(hand, other)


@run_async
async def test_a_factor_sent_twice_is_stored_once_and_acked_again(
    drawn: GroupSet, work_meeting: Meeting,
) -> None:
    writer = await database_sync_to_async(member)(drawn, 1)
    hand = await connect_phone(work_meeting, writer)
    frame = {"action": "factor_add", "client_id": "c1", "text": EXPERTS_FACTOR}
    first = await act(hand, frame, reply="ack")

    await hand.send_json_to(frame)

    again = await hand.receive_json_from()
    assert (again["type"], again["factor_id"]) == ("ack", first["factor_id"])
    assert await hand.receive_nothing()
    assert await database_sync_to_async(Factor.objects.count)() == 1
    await close(hand)


@run_async
async def test_a_phone_weighs_arranges_and_hides_its_factors(
    drawn: GroupSet, work_meeting: Meeting,
) -> None:
    writer = await database_sync_to_async(member)(drawn, 2)
    hand = await connect_phone(work_meeting, writer)
    one = await act(hand, {"action": "factor_add", "client_id": "a",
                           "text": "Nabadzība ģimenēs"}, reply="ack")
    two = await act(hand, {"action": "factor_add", "client_id": "b",
                           "text": "Valodas barjera"}, reply="ack")

    await act(hand, {"action": "factor_arrange",
                     "order": [two["factor_id"], one["factor_id"]]})
    await act(hand, {"action": "factor_weigh", "factor": one["factor_id"],
                     "weights": {"municipality": 2, "state": 1, "community": 1}})
    await act(hand, {"action": "factor_hide", "factor": two["factor_id"], "hidden": True})

    [sheet] = (await groups_of(hand))["worksheets"]
    assert [(f["text"], f["hidden"], f["rank"]) for f in sheet["factors"]] == [
        ("Valodas barjera", True, None), ("Nabadzība ģimenēs", False, 1)]
    assert sheet["factors"][1]["shares"] == {"municipality": 50, "state": 25,
                                             "community": 25}
    await close(hand)


@run_async
async def test_a_phone_writes_and_hides_a_solution(
    written: dict[str, Factor], drawn: GroupSet, work_meeting: Meeting,
) -> None:
    writer = await database_sync_to_async(member)(drawn, 1)
    hand = await connect_phone(work_meeting, writer)
    factor = written[EXPERTS_FACTOR]
    await act(hand, {"action": "solution_add", "factor": factor.pk, "client_id": "s1",
                     "text": "Pulciņi"}, reply="ack")
    [solution] = (await groups_of(hand))["worksheets"][0]["factors"][0]["solutions"]

    await act(hand, {"action": "solution_hide", "solution": solution["id"],
                     "hidden": True})

    [shown] = (await groups_of(hand))["worksheets"][0]["factors"][0]["solutions"]
    assert shown == {"id": solution["id"], "text": "Pulciņi", "hidden": True}
    await close(hand)


@pytest.mark.parametrize("action", ["factor_hide", "factor_weigh",
                                    "solution_add"])
@run_async
async def test_a_phone_cannot_touch_another_groups_factor(
    written: dict[str, Factor], drawn: GroupSet, work_meeting: Meeting, action: str,
) -> None:
    outsider = await database_sync_to_async(member)(drawn, ROMA_GROUP)
    hand = await connect_phone(work_meeting, outsider)
    target = written[EXPERTS_FACTOR]
    before = await database_sync_to_async(factor_values)(target.pk)
    seq = await seq_now(work_meeting)

    await refused(hand, {"action": action, "factor": target.pk, "text": "Pārrakstīts",
                         "hidden": True, "client_id": "x",
                         "weights": {"municipality": 1, "state": 1, "community": 1}})

    assert await database_sync_to_async(factor_values)(target.pk) == before
    assert await seq_now(work_meeting) == seq
    await close(hand)


@run_async
async def test_a_phone_cannot_touch_another_groups_solution(
    written: dict[str, Factor], drawn: GroupSet, work_meeting: Meeting,
) -> None:
    solution = await database_sync_to_async(solution_add)(
        factor=written[EXPERTS_FACTOR], text="Pulciņi", client_id="s1")
    outsider = await database_sync_to_async(member)(drawn, ROMA_GROUP)
    hand = await connect_phone(work_meeting, outsider)

    await refused(hand, {"action": "solution_hide", "solution": solution.pk,
                         "hidden": True})

    stored = await database_sync_to_async(Solution.objects.get)(pk=solution.pk)
    assert (stored.text, stored.hidden) == ("Pulciņi", False)
    await close(hand)


@run_async
async def test_a_phone_cannot_arrange_another_groups_worksheet(
    written: dict[str, Factor], drawn: GroupSet, work_meeting: Meeting,
) -> None:
    outsider = await database_sync_to_async(member)(drawn, ROMA_GROUP)
    first = await database_sync_to_async(group)(drawn, 1)
    hand = await connect_phone(work_meeting, outsider)
    target = written[EXPERTS_FACTOR]
    before = await database_sync_to_async(factor_values)(target.pk)

    await refused(hand, {"action": "factor_arrange", "group": first.pk,
                         "order": [target.pk]})

    assert await database_sync_to_async(factor_values)(target.pk) == before
    await close(hand)


@run_async
async def test_a_phone_cannot_put_a_factor_into_a_theme(
    written: dict[str, Factor], drawn: GroupSet, work_meeting: Meeting,
) -> None:
    writer = await database_sync_to_async(member)(drawn, 1)
    hand = await connect_phone(work_meeting, writer)

    await refused(hand, {"action": "factor_set_theme", "factor": written[EXPERTS_FACTOR].pk,
                         "theme": None})

    assert await database_sync_to_async(Theme.objects.count)() == 0
    await close(hand)


@run_async
async def test_a_phone_in_no_group_cannot_write(drawn: GroupSet,
                                                work_meeting: Meeting) -> None:
    organiser = await database_sync_to_async(by_name)(work_meeting, ORGANISER)
    hand = await connect_phone(work_meeting, organiser)

    await refused(hand, {"action": "factor_add", "client_id": "c1", "text": "Nekas"})

    assert await database_sync_to_async(Factor.objects.count)() == 0
    await close(hand)


@run_async
async def test_a_phone_cannot_run_the_console_actions(drawn: GroupSet,
                                                      work_meeting: Meeting) -> None:
    writer = await database_sync_to_async(member)(drawn, 1)
    hand = await connect_phone(work_meeting, writer)
    seq = await seq_now(work_meeting)

    for action in sorted(a.name for a in ACTIONS.values() if PHONE not in a.audiences
                         and a.handler.__module__ == "sanaksme.groups.live"):
        await refused(hand, {"action": action, "open": True, "expected": None})

    assert await seq_now(work_meeting) == seq
    await close(hand)


@run_async
async def test_an_empty_factor_gets_an_error_with_its_client_id(
    drawn: GroupSet, work_meeting: Meeting,
) -> None:
    writer = await database_sync_to_async(member)(drawn, 1)
    hand = await connect_phone(work_meeting, writer)

    await hand.send_json_to({"action": "factor_add", "client_id": "c1", "text": "  "})

    error = await hand.receive_json_from()
    assert (error["type"], error["client_id"]) == ("error", "c1")
    assert await database_sync_to_async(Factor.objects.count)() == 0
    await close(hand)


MALFORMED = [
    pytest.param({"action": "factor_weigh", "weights": "3,1,1"}, id="weights-a-string"),
    pytest.param({"action": "factor_weigh", "weights": [3, 1, 1]}, id="weights-a-list"),
    pytest.param({"action": "factor_weigh", "weights": {"municipality": 3}},
                 id="weights-missing-parts"),
    pytest.param({"action": "factor_weigh",
                  "weights": {"municipality": "3", "state": 1, "community": 1}},
                 id="weight-a-string"),
    pytest.param({"action": "factor_weigh",
                  "weights": {"municipality": True, "state": 1, "community": 1}},
                 id="weight-a-bool"),
    pytest.param({"action": "factor_weigh",
                  "weights": {"municipality": 11, "state": 1, "community": 1}},
                 id="weight-too-big"),
    pytest.param({"action": "factor_hide", "hidden": "true"}, id="hidden-a-string"),
    pytest.param({"action": "factor_hide", "hidden": 1}, id="hidden-a-number"),
    pytest.param({"action": "factor_hide"}, id="hidden-missing"),
    pytest.param({"action": "factor_arrange", "order": "1,2"}, id="order-a-string"),
    pytest.param({"action": "factor_arrange", "order": {"0": 1}}, id="order-a-dict"),
    pytest.param({"action": "factor_arrange", "order": ["first"]}, id="order-of-strings"),
    pytest.param({"action": "factor_arrange", "order": []}, id="order-incomplete"),
    pytest.param({"action": "factor_hide", "factor": "1", "hidden": True},
                 id="factor-id-a-string"),
    pytest.param({"action": "factor_add", "text": "Bez klienta"}, id="no-client-id"),
    pytest.param({"action": "factor_add", "client_id": 7, "text": "x"},
                 id="client-id-a-number"),
    pytest.param({"action": "solution_hide", "solution": None, "hidden": True},
                 id="solution-missing"),
]


@pytest.mark.parametrize("frame", MALFORMED)
@run_async
async def test_a_malformed_worksheet_message_gets_an_error_and_changes_nothing(
    written: dict[str, Factor], drawn: GroupSet, work_meeting: Meeting,
    frame: dict[str, Any],
) -> None:
    writer = await database_sync_to_async(member)(drawn, 1)
    hand = await connect_phone(work_meeting, writer)
    wall = projector(work_meeting)
    await open_(wall)
    target = written[EXPERTS_FACTOR]
    before = await database_sync_to_async(factor_values)(target.pk)
    count = await database_sync_to_async(Factor.objects.count)()
    frame = {"factor": target.pk, **frame}

    await refused(hand, frame)

    assert await database_sync_to_async(factor_values)(target.pk) == before
    assert await database_sync_to_async(Factor.objects.count)() == count
    assert await wall.receive_nothing()
    await close(hand, wall)


@run_async
async def test_after_an_error_the_phone_can_still_write(
    drawn: GroupSet, work_meeting: Meeting,
) -> None:
    writer = await database_sync_to_async(member)(drawn, 1)
    hand = await connect_phone(work_meeting, writer)
    await refused(hand, {"action": "factor_weigh", "factor": 1, "weights": "x"})

    ack = await act(hand, {"action": "factor_add", "client_id": "c1", "text": "Ok"},
                    reply="ack")

    assert ack["client_id"] == "c1"
    await close(hand)


# Worksheets from the console ---------------------------------------------------------


@run_async
async def test_the_console_writes_for_a_group(drawn: GroupSet, work_meeting: Meeting,
                                              facilitator: Any) -> None:
    third = await database_sync_to_async(group)(drawn, 3)
    desk = await connect_console(work_meeting, facilitator)

    ack = await act(desk, {"action": "factor_add", "group": third.pk, "client_id": "k1",
                           "text": "Valodas barjera"}, reply="ack")

    stored = await database_sync_to_async(Factor.objects.get)(pk=ack["factor_id"])
    assert (stored.group_id, stored.author_id) == (third.pk, None)
    await close(desk)


@run_async
async def test_the_console_must_name_the_group_it_writes_for(
    drawn: GroupSet, work_meeting: Meeting, facilitator: Any,
) -> None:
    desk = await connect_console(work_meeting, facilitator)

    await refused(desk, {"action": "factor_add", "client_id": "k1", "text": "x"})

    assert await database_sync_to_async(Factor.objects.count)() == 0
    await close(desk)


@run_async
async def test_the_console_arranges_a_groups_worksheet(
    drawn: GroupSet, work_meeting: Meeting, facilitator: Any,
) -> None:
    third = await database_sync_to_async(group)(drawn, 3)
    desk = await connect_console(work_meeting, facilitator)
    one = await act(desk, {"action": "factor_add", "group": third.pk, "client_id": "a",
                           "text": "Valodas barjera"}, reply="ack")
    two = await act(desk, {"action": "factor_add", "group": third.pk, "client_id": "b",
                           "text": "Nabadzība"}, reply="ack")

    await act(desk, {"action": "factor_arrange", "group": third.pk,
                     "order": [two["factor_id"], one["factor_id"]]})

    assert worksheet_texts(await groups_of(desk))[3] == ["Nabadzība", "Valodas barjera"]
    await close(desk)


@run_async
async def test_the_console_places_a_late_arrival(
    drawn: GroupSet, work_meeting: Meeting, facilitator: Any,
) -> None:
    def arrive() -> Participant:
        Participant.objects.filter(meeting=work_meeting).update(present=True)
        return Participant.objects.create(meeting=work_meeting, name="Vēlā Viešņa",
                                          category="expert", present=True)

    late = await database_sync_to_async(arrive)()
    desk = await connect_console(work_meeting, facilitator)
    assert (await groups_of(desk))["pool"]["waiting"] == [
        {"id": late.pk, "name": "Vēlā Viešņa"}]

    await act(desk, {"action": "groups_add_late"})

    part = await groups_of(desk)
    assert part["pool"]["waiting"] == []
    assert late.pk in [m["id"] for g in part["groups"] for m in g["members"]]
    await close(desk)


@run_async
async def test_opening_the_worksheets_shows_a_phone_the_other_groups_work(
    written: dict[str, Factor], drawn: GroupSet, work_meeting: Meeting, facilitator: Any,
) -> None:
    outsider = await database_sync_to_async(member)(drawn, ROMA_GROUP)
    hand = await connect_phone(work_meeting, outsider)
    desk = await connect_console(work_meeting, facilitator)

    await act(desk, {"action": "worksheets_set_open", "open": True})

    await hand.receive_json_from()
    assert worksheet_texts(await groups_of(hand)) == {
        1: [EXPERTS_FACTOR], 2: ["Nabadzība ģimenēs"], 3: ["Valodas barjera"],
        ROMA_GROUP: [COMMUNITY_FACTOR]}
    await close(hand, desk)


# Presentations ---------------------------------------------------------------------


@run_async
async def test_next_lets_the_first_group_present_on_every_screen(
    showing_meeting: Meeting, drawn: GroupSet, presentations: AgendaItem,
    facilitator: Any,
) -> None:
    first = await database_sync_to_async(group)(drawn, 1)
    person = await database_sync_to_async(member)(drawn, 2)
    wall = projector(showing_meeting)
    before = await open_(wall)
    hand = await connect_phone(showing_meeting, person)
    desk = await connect_console(showing_meeting, facilitator)

    await act(desk, {"action": "showing_next", "expected": None})

    event = changed(showing_meeting, before["seq"] + 1, presentations)
    assert await wall.receive_json_from() == event
    assert await hand.receive_json_from() == event
    showing = (await groups_of(wall))["showing"]
    assert (showing["current"], showing["allowed"], showing["paused"]) == (
        first.pk, 420, False)
    assert showing["ends_at"] is not None
    assert (await groups_of(hand))["showing"]["current"] == first.pk
    await close(wall, hand, desk)


@run_async
async def test_a_second_next_with_the_same_expected_group_changes_nothing(
    showing_meeting: Meeting, drawn: GroupSet, facilitator: Any,
) -> None:
    first = await database_sync_to_async(group)(drawn, 1)
    second = await database_sync_to_async(group)(drawn, 2)
    desk = await connect_console(showing_meeting, facilitator)
    await act(desk, {"action": "showing_next", "expected": None})
    await act(desk, {"action": "showing_next", "expected": first.pk})
    seq = await seq_now(showing_meeting)

    await desk.send_json_to({"action": "showing_next", "expected": first.pk})

    assert (await desk.receive_json_from())["type"] == "done"
    assert await desk.receive_nothing()
    assert await seq_now(showing_meeting) == seq
    assert (await groups_of(desk))["showing"]["current"] == second.pk
    await close(desk)


@run_async
async def test_back_lets_the_previous_group_present_again(
    showing_meeting: Meeting, drawn: GroupSet, facilitator: Any,
) -> None:
    first = await database_sync_to_async(group)(drawn, 1)
    second = await database_sync_to_async(group)(drawn, 2)
    desk = await connect_console(showing_meeting, facilitator)
    await act(desk, {"action": "showing_next", "expected": None})
    await act(desk, {"action": "showing_next", "expected": first.pk})

    await act(desk, {"action": "showing_next", "step": -1, "expected": second.pk})

    assert (await groups_of(desk))["showing"]["current"] == first.pk
    await close(desk)


@run_async
async def test_pause_stops_the_presenting_groups_clock(
    showing_meeting: Meeting, drawn: GroupSet, facilitator: Any,
) -> None:
    wall = projector(showing_meeting)
    await open_(wall)
    desk = await connect_console(showing_meeting, facilitator)
    await act(desk, {"action": "showing_next", "expected": None})
    await wall.receive_json_from()

    await act(desk, {"action": "showing_pause", "paused": True})

    assert (await wall.receive_json_from())["type"] == "groups.changed"
    showing = (await groups_of(wall))["showing"]
    assert (showing["paused"], showing["ends_at"]) == (True, None)
    assert 0 < showing["left"] <= 420
    await close(wall, desk)


@run_async
async def test_extra_time_moves_the_end_of_the_presentation(
    showing_meeting: Meeting, drawn: GroupSet, facilitator: Any,
) -> None:
    desk = await connect_console(showing_meeting, facilitator)
    await act(desk, {"action": "showing_next", "expected": None})

    await act(desk, {"action": "showing_add_time", "seconds": 60})

    assert (await groups_of(desk))["showing"]["allowed"] == 480
    await close(desk)


@pytest.mark.parametrize("frame", [
    {"action": "showing_pause", "paused": "yes"},
    {"action": "showing_add_time", "seconds": "60"},
    {"action": "showing_add_time", "seconds": 3600},
])
@run_async
async def test_a_malformed_presentation_message_gets_an_error(
    showing_meeting: Meeting, drawn: GroupSet, facilitator: Any, frame: dict[str, Any],
) -> None:
    desk = await connect_console(showing_meeting, facilitator)
    await act(desk, {"action": "showing_next", "expected": None})
    before = await groups_of(desk)

    await refused(desk, frame)

    assert (await groups_of(desk))["showing"] == before["showing"]
    await close(desk)


@run_async
async def test_presentation_actions_are_refused_during_the_group_work(
    drawn: GroupSet, work_meeting: Meeting, facilitator: Any,
) -> None:
    desk = await connect_console(work_meeting, facilitator)

    await refused(desk, {"action": "showing_next", "expected": None})

    assert not await database_sync_to_async(Showing.objects.exists)()
    await close(desk)


# The comparison -----------------------------------------------------------------------


@run_async
async def test_the_comparison_finds_the_theme_experts_and_community_share(
    showing_meeting: Meeting, written: dict[str, Factor], facilitator: Any,
) -> None:
    desk = await connect_console(showing_meeting, facilitator)

    await act(desk, {"action": "comparison_propose"})

    themes = (await groups_of(desk))["comparison"]["themes"]
    [motivation] = [t for t in themes
                    if written[EXPERTS_FACTOR].pk in [f["id"] for f in t["factors"]]]
    assert written[COMMUNITY_FACTOR].pk in [f["id"] for f in motivation["factors"]]
    assert motivation["status"] == "common"
    await close(desk)


async def proposed_on_both(meeting: Meeting, facilitator: Any) -> tuple[Any, Any]:
    """A projector and the console, after the console proposed the comparison and the
    projector got its event."""
    wall = projector(meeting)
    await open_(wall)
    desk = await connect_console(meeting, facilitator)
    await act(desk, {"action": "comparison_propose"})
    await wall.receive_json_from()
    return wall, desk


@run_async
async def test_merging_two_themes_reaches_the_projector(
    showing_meeting: Meeting, written: dict[str, Factor], facilitator: Any,
) -> None:
    wall, desk = await proposed_on_both(showing_meeting, facilitator)
    themes = (await groups_of(desk))["comparison"]["themes"]
    assert len(themes) >= 2
    merged, into = themes[-1], themes[0]

    await act(desk, {"action": "theme_merge", "theme": merged["id"], "into": into["id"]})

    assert (await wall.receive_json_from())["type"] == "groups.changed"
    after = (await groups_of(wall))["comparison"]["themes"]
    assert len(after) == len(themes) - 1
    [grown] = [t for t in after if t["id"] == into["id"]]
    assert {f["id"] for f in grown["factors"]} == {
        f["id"] for f in (*into["factors"], *merged["factors"])}
    assert not await database_sync_to_async(
        Theme.objects.filter(pk=merged["id"]).exists)()
    await close(wall, desk)


@run_async
async def test_the_facilitator_corrects_and_confirms_the_comparison(
    showing_meeting: Meeting, written: dict[str, Factor], facilitator: Any,
) -> None:
    desk = await connect_console(showing_meeting, facilitator)
    await act(desk, {"action": "comparison_propose"})

    await act(desk, {"action": "factor_set_theme", "factor": written[COMMUNITY_FACTOR].pk,
                     "theme": None})
    split = (await groups_of(desk))["comparison"]["themes"]
    [alone] = [t for t in split
               if [f["id"] for f in t["factors"]] == [written[COMMUNITY_FACTOR].pk]]
    await act(desk, {"action": "theme_rename", "theme": alone["id"],
                     "label": "Neredz jēgu skolai"})
    await act(desk, {"action": "comparison_confirm"})

    comparison = (await groups_of(desk))["comparison"]
    [renamed] = [t for t in comparison["themes"] if t["id"] == alone["id"]]
    assert (renamed["label"], renamed["status"]) == ("Neredz jēgu skolai",
                                                     "community_only")
    assert comparison["confirmed"] is True
    await close(desk)


@run_async
async def test_the_comparison_goes_on_the_projector(
    showing_meeting: Meeting, written: dict[str, Factor], facilitator: Any,
) -> None:
    wall = projector(showing_meeting)
    await open_(wall)
    desk = await connect_console(showing_meeting, facilitator)

    await act(desk, {"action": "comparison_show", "shown": True})

    await wall.receive_json_from()
    assert (await groups_of(wall))["comparison"]["shown"] is True
    await close(wall, desk)


@run_async
async def test_a_theme_of_another_meeting_is_refused(
    showing_meeting: Meeting, written: dict[str, Factor], facilitator: Any,
) -> None:
    desk = await connect_console(showing_meeting, facilitator)
    await act(desk, {"action": "comparison_propose"})
    [first, *_] = (await groups_of(desk))["comparison"]["themes"]

    await refused(desk, {"action": "theme_merge", "theme": first["id"],
                         "into": 999_999})

    assert await database_sync_to_async(Theme.objects.filter(pk=first["id"]).exists)()
    await close(desk)


@run_async
async def test_the_facilitator_confirms_one_theme(
    showing_meeting: Meeting, written: dict[str, Factor], facilitator: Any,
) -> None:
    desk = await connect_console(showing_meeting, facilitator)
    await act(desk, {"action": "comparison_propose"})
    [first, *_] = (await groups_of(desk))["comparison"]["themes"]

    await act(desk, {"action": "theme_confirm", "theme": first["id"]})

    comparison = (await groups_of(desk))["comparison"]
    [confirmed] = [t for t in comparison["themes"] if t["id"] == first["id"]]
    assert confirmed["confirmed"] is True
    assert (comparison["last"]["action"], comparison["undo"]) == ("confirm", True)
    await close(desk)


@run_async
async def test_the_facilitator_undoes_a_move_and_the_projector_sees_it(
    showing_meeting: Meeting, written: dict[str, Factor], facilitator: Any,
) -> None:
    wall, desk = await proposed_on_both(showing_meeting, facilitator)
    proposed = (await groups_of(desk))["comparison"]["themes"]
    await act(desk, {"action": "factor_set_theme", "factor": written[COMMUNITY_FACTOR].pk,
                     "theme": None})
    await wall.receive_json_from()
    assert (await groups_of(wall))["comparison"]["last"]["moved"] == [
        written[COMMUNITY_FACTOR].pk]

    await act(desk, {"action": "comparison_undo"})

    assert (await wall.receive_json_from())["type"] == "groups.changed"
    after = (await groups_of(wall))["comparison"]
    assert [(t["id"], [f["id"] for f in t["factors"]]) for t in after["themes"]] == [
        (t["id"], [f["id"] for f in t["factors"]]) for t in proposed]
    assert after["last"]["action"] == "propose"
    await close(wall, desk)


@run_async
async def test_nothing_to_undo_is_refused(
    showing_meeting: Meeting, written: dict[str, Factor], facilitator: Any,
) -> None:
    desk = await connect_console(showing_meeting, facilitator)

    assert await refused(desk, {"action": "comparison_undo"})

    await close(desk)


@run_async
async def test_a_phone_cannot_confirm_or_undo(
    showing_meeting: Meeting, written: dict[str, Factor], drawn: GroupSet,
    facilitator: Any,
) -> None:
    desk = await connect_console(showing_meeting, facilitator)
    await act(desk, {"action": "comparison_propose"})
    [first, *_] = (await groups_of(desk))["comparison"]["themes"]
    hand = await connect_phone(showing_meeting,
                               await database_sync_to_async(member)(drawn, 1))

    await refused(hand, {"action": "theme_confirm", "theme": first["id"]})
    await refused(hand, {"action": "comparison_undo"})

    assert not await database_sync_to_async(
        Theme.objects.filter(confirmed=True).exists)()
    assert await database_sync_to_async(drawn.decisions.count)() == 1
    await close(desk, hand)


# Live consistency ---------------------------------------------------------------------


@run_async
async def test_after_a_phone_writes_every_screen_gets_the_state_the_database_gives(
    written: dict[str, Factor], drawn: GroupSet, work_meeting: Meeting,
    group_work: AgendaItem, facilitator: Any,
) -> None:
    writer = await database_sync_to_async(member)(drawn, 1, 0)
    reader = await database_sync_to_async(member)(drawn, 1, 1)
    outsider = await database_sync_to_async(member)(drawn, ROMA_GROUP)
    wall = projector(work_meeting)
    await open_(wall)
    desk = await connect_console(work_meeting, facilitator)
    hand = await connect_phone(work_meeting, writer)
    neighbour = await connect_phone(work_meeting, reader)
    other = await connect_phone(work_meeting, outsider)

    await act(hand, {"action": "factor_add", "client_id": "n1",
                     "text": "Trūkst romu mediatoru skolās"}, reply="ack")

    screens = [(wall, Audience.PROJECTOR, None), (desk, Audience.CONSOLE, None),
               (hand, Audience.PHONE, writer), (neighbour, Audience.PHONE, reader),
               (other, Audience.PHONE, outsider)]
    for screen, _audience, _person in screens[:2] + screens[3:]:
        assert (await screen.receive_json_from())["type"] == "groups.worksheet_changed"
    for screen, audience, person in screens:
        pushed = await synced(screen)
        assert pushed == await database_sync_to_async(fresh_state)(
            work_meeting, audience, person)
        group_id = None if person is None else await database_sync_to_async(
            lambda p=person: Membership.objects.get(participant=p).group_id)()
        assert pushed["groups"] == await database_sync_to_async(fresh_groups)(
            group_work, audience.value, group_id)
    await close(wall, desk, hand, neighbour, other)


@run_async
async def test_after_the_next_group_presents_every_screen_gets_the_state_the_database_gives(
    showing_meeting: Meeting, drawn: GroupSet, presentations: AgendaItem,
    facilitator: Any,
) -> None:
    person = await database_sync_to_async(member)(drawn, ROMA_GROUP)
    wall = projector(showing_meeting)
    await open_(wall)
    hand = await connect_phone(showing_meeting, person)
    desk = await connect_console(showing_meeting, facilitator)

    await act(desk, {"action": "showing_next", "expected": None})
    await act(desk, {"action": "comparison_propose"})

    for screen in (wall, hand, wall, hand):
        assert (await screen.receive_json_from())["type"] == "groups.changed"
    for screen, audience, who in ((wall, Audience.PROJECTOR, None),
                                  (desk, Audience.CONSOLE, None),
                                  (hand, Audience.PHONE, person)):
        pushed = await synced(screen)
        assert pushed == await database_sync_to_async(fresh_state)(
            showing_meeting, audience, who)
    await close(wall, hand, desk)


@run_async
async def test_a_participant_who_joins_during_group_work_is_waiting_on_the_console(
    drawn: GroupSet, work_meeting: Meeting, group_work: AgendaItem, facilitator: Any,
) -> None:
    late = await database_sync_to_async(Participant.objects.create)(
        meeting=work_meeting, name="Vēlā Viešņa", category="expert")
    desk = await connect_console(work_meeting, facilitator)
    assert (await groups_of(desk))["pool"]["waiting"] == []

    await database_sync_to_async(participant_join)(meeting=work_meeting,
                                                   participant_id=late.pk)

    assert (await desk.receive_json_from())["type"] == "programme.changed"
    pool = (await groups_of(desk))["pool"]
    assert pool["waiting"] == [{"id": late.pk, "name": "Vēlā Viešņa"}]
    assert pool == (await database_sync_to_async(fresh_groups)(
        group_work, "console"))["pool"]
    await close(desk)
