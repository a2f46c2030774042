"""Speaking over the WebSocket: the tour de table and the discussion queue.

Same approach as `test_consumers.py`: data is committed in synchronous fixtures, each
test is an `async def` run by `run_async`. Every change is announced after commit as
a `speaking.changed` event carrying the meeting's next seq; screens then ask for the
state (`sync`), which is rebuilt from the database.
"""

from __future__ import annotations

from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from sanaksme.live.actions import ACTIONS, PHONE
from sanaksme.live.state import meeting_seq
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
from sanaksme.speaking.models import Hand, Round, Turn
from sanaksme.speaking.services import (
    hand_raise,
    round_get_or_create,
    turn_next,
    turn_pause,
)

pytestmark = pytest.mark.django_db(transaction=True)

TOUR = "Dalībnieku iepazīšanās"
DISCUSSION = "Diskusija par romu mediatoru darba nepieciešamību pašvaldībās"
FIRST_IN_TOUR = "Anita Bērziņa"  # the tour's order starts with the regional experts
SECOND_IN_TOUR = "Dace Liepiņa"


# Data -------------------------------------------------------------------------------


def item_titled(meeting: Meeting, title: str) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=meeting, title=title)


def on_screens(meeting: Meeting, title: str) -> Meeting:
    meeting_set_current_item(meeting=meeting, item=item_titled(meeting, title))
    return Meeting.objects.get(pk=meeting.pk)


def person(meeting: Meeting, name: str) -> Participant:
    return Participant.objects.get(meeting=meeting, name=name)


@pytest.fixture
def tour_meeting(demo_meeting: Meeting) -> Meeting:
    """The demo meeting with its tour de table on every screen, not started."""
    return on_screens(demo_meeting, TOUR)


@pytest.fixture
def tour_round(tour_meeting: Meeting) -> Round:
    """The tour de table under way: the first speaker has the floor."""
    round_ = round_get_or_create(item=item_titled(tour_meeting, TOUR))
    return turn_next(round_=round_, expected=None)


@pytest.fixture
def second_turn(tour_round: Round) -> Round:
    """The tour de table one step further: the second speaker has the floor."""
    return turn_next(round_=tour_round, expected=tour_round.current_id)


@pytest.fixture
def discussion_meeting(demo_meeting: Meeting) -> Meeting:
    """The demo meeting with the discussion on Roma mediators on every screen."""
    return on_screens(demo_meeting, DISCUSSION)


@pytest.fixture
def discussion_round(discussion_meeting: Meeting) -> Round:
    return round_get_or_create(item=item_titled(discussion_meeting, DISCUSSION))


@pytest.fixture
def expert(discussion_meeting: Meeting) -> Participant:
    """A regional expert with no mediator experience: not invited first."""
    return person(discussion_meeting, "Dace Liepiņa")


@pytest.fixture
def mediator(discussion_meeting: Meeting) -> Participant:
    """A Roma mediator: invited to speak first in this discussion."""
    return person(discussion_meeting, "Roberts Kozlovskis")


@pytest.fixture
def two_hands(discussion_round: Round, expert: Participant,
              mediator: Participant) -> tuple[Hand, Hand]:
    """The expert raised a hand first, the mediator after."""
    return (hand_raise(round_=discussion_round, participant_id=expert.pk),
            hand_raise(round_=discussion_round, participant_id=mediator.pk))


@pytest.fixture
def mediator_speaking(discussion_round: Round, two_hands: tuple[Hand, Hand]) -> Round:
    """The mediator was called from the queue; the expert still waits."""
    return turn_next(round_=discussion_round, expected=None)


# Helpers ----------------------------------------------------------------------------


async def seq_now(meeting: Meeting) -> int:
    seq: int = await database_sync_to_async(meeting_seq)(meeting.pk)
    return seq


async def speaking(communicator: WebsocketCommunicator) -> dict[str, Any]:
    """Ask for the state, as a screen does after an event, and return its speaking part."""
    await communicator.send_json_to({"action": "sync"})
    state: dict[str, Any] = await communicator.receive_json_from()
    assert state["type"] == "state"
    part: dict[str, Any] = state["speaking"]
    return part


def changed(meeting: Meeting, seq: int, item: AgendaItem) -> dict[str, Any]:
    return {"type": "speaking.changed", "meeting_id": meeting.pk, "seq": seq,
            "item_id": item.pk}


async def act(desk: WebsocketCommunicator, message: dict[str, Any]) -> dict[str, Any]:
    """Send a console action that changes something: `done`, plus its own event."""
    await desk.send_json_to(message)
    done, own = await answer(desk)
    assert (done["type"], done["action"]) == ("done", message["action"])
    # A raised or lowered hand sends only the queue (speaking.hands_changed).
    assert [m["type"] for m in own] in (["speaking.changed"], ["speaking.hands_changed"])
    return own[0]


async def refused(sender: WebsocketCommunicator, message: dict[str, Any]) -> None:
    await sender.send_json_to(message)
    error = await sender.receive_json_from()
    assert error["type"] == "error"
    assert error["message"]
    assert await sender.receive_nothing()


async def reply_to(communicator: WebsocketCommunicator) -> dict[str, Any]:
    """The reply to the last action, skipping any events that came first."""
    while True:
        message: dict[str, Any] = await communicator.receive_json_from()
        if message["type"] in ("done", "error"):
            return message


def keys_in(value: Any) -> set[str]:
    """Every dictionary key anywhere in a JSON value."""
    if isinstance(value, dict):
        return set(value).union(*(keys_in(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(keys_in(v) for v in value))
    return set()


async def close(*communicators: WebsocketCommunicator) -> None:
    for communicator in communicators:
        await communicator.disconnect()


# Tour de table ----------------------------------------------------------------------


@run_async
async def test_next_on_a_tour_de_table_reaches_the_projector_and_phones_with_the_speaker(
    tour_meeting: Meeting, facilitator: Any,
) -> None:
    tour = await database_sync_to_async(item_titled)(tour_meeting, TOUR)
    anita = await database_sync_to_async(person)(tour_meeting, FIRST_IN_TOUR)
    wall = projector(tour_meeting)
    before = await open_(wall)
    hand = await database_sync_to_async(phone)(tour_meeting, anita)
    await open_(hand)
    desk = await database_sync_to_async(console)(tour_meeting, facilitator)
    await open_(desk)

    await act(desk, {"action": "turn_next", "expected": None})

    event = changed(tour_meeting, before["seq"] + 1, tour)
    assert await wall.receive_json_from() == event
    assert await hand.receive_json_from() == event
    on_wall = await speaking(wall)
    assert on_wall["current"]["name"] == FIRST_IN_TOUR
    assert on_wall["next"]["name"] == SECOND_IN_TOUR
    assert (await speaking(hand))["current"]["participant_id"] == anita.pk
    await close(wall, hand, desk)


@run_async
async def test_next_gives_the_floor_to_the_following_speaker(
    tour_round: Round, tour_meeting: Meeting, facilitator: Any,
) -> None:
    wall = projector(tour_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(tour_meeting, facilitator)
    await open_(desk)

    await act(desk, {"action": "turn_next", "expected": tour_round.current_id})

    assert (await wall.receive_json_from())["seq"] == before["seq"] + 1
    assert (await speaking(wall))["current"]["name"] == SECOND_IN_TOUR
    await close(wall, desk)


@run_async
async def test_back_returns_the_floor_to_the_previous_speaker(
    second_turn: Round, tour_meeting: Meeting, facilitator: Any,
) -> None:
    wall = projector(tour_meeting)
    before = await open_(wall)
    assert before["speaking"]["current"]["name"] == SECOND_IN_TOUR
    desk = await database_sync_to_async(console)(tour_meeting, facilitator)
    await open_(desk)

    await act(desk, {"action": "turn_next", "step": -1, "expected": second_turn.current_id})

    assert (await wall.receive_json_from())["seq"] == before["seq"] + 1
    assert (await speaking(wall))["current"]["name"] == FIRST_IN_TOUR
    await close(wall, desk)


@run_async
async def test_pause_stops_the_speakers_clock(
    tour_round: Round, tour_meeting: Meeting, facilitator: Any,
) -> None:
    wall = projector(tour_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(tour_meeting, facilitator)
    await open_(desk)

    await act(desk, {"action": "turn_pause"})

    assert (await wall.receive_json_from())["seq"] == before["seq"] + 1
    current = (await speaking(wall))["current"]
    assert current["paused"] is True
    assert current["ends_at"] is None
    assert 0 < current["left"] <= 180
    await close(wall, desk)


@run_async
async def test_resume_starts_the_clock_again(
    tour_round: Round, tour_meeting: Meeting, facilitator: Any,
) -> None:
    await database_sync_to_async(turn_pause)(round_=tour_round)
    wall = projector(tour_meeting)
    before = await open_(wall)
    assert before["speaking"]["current"]["paused"] is True
    desk = await database_sync_to_async(console)(tour_meeting, facilitator)
    await open_(desk)

    await act(desk, {"action": "turn_resume"})

    assert (await wall.receive_json_from())["seq"] == before["seq"] + 1
    current = (await speaking(wall))["current"]
    assert current["paused"] is False
    assert current["ends_at"] is not None
    assert current["left"] is None
    await close(wall, desk)


@run_async
async def test_extra_time_is_added_to_the_current_turn(
    tour_round: Round, tour_meeting: Meeting, facilitator: Any,
) -> None:
    wall = projector(tour_meeting)
    before = await open_(wall)
    assert before["speaking"]["current"]["allowed"] == 180
    desk = await database_sync_to_async(console)(tour_meeting, facilitator)
    await open_(desk)

    await act(desk, {"action": "turn_add_time", "seconds": 60})

    assert (await wall.receive_json_from())["seq"] == before["seq"] + 1
    assert (await speaking(wall))["current"]["allowed"] == 240
    await close(wall, desk)


@run_async
async def test_next_with_a_stale_expected_turn_does_not_move(
    second_turn: Round, tour_round: Round, tour_meeting: Meeting, facilitator: Any,
) -> None:
    first_turn = await database_sync_to_async(
        Turn.objects.filter(round=second_turn).order_by("pk").first)()
    assert first_turn is not None
    wall = projector(tour_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(tour_meeting, facilitator)
    await open_(desk)

    await desk.send_json_to({"action": "turn_next", "expected": first_turn.pk})

    assert (await desk.receive_json_from())["type"] == "done"
    assert await wall.receive_nothing()
    assert await seq_now(tour_meeting) == before["seq"]
    assert (await speaking(wall))["current"]["name"] == SECOND_IN_TOUR
    await close(wall, desk)


@run_async
async def test_two_consoles_pressing_next_at_once_move_one_step(
    tour_round: Round, tour_meeting: Meeting, facilitator: Any,
) -> None:
    wall = projector(tour_meeting)
    before = await open_(wall)
    desks = [await database_sync_to_async(console)(tour_meeting, facilitator)
             for _ in range(2)]
    for desk in desks:
        await open_(desk)
    press = {"action": "turn_next", "expected": tour_round.current_id}

    for desk in desks:
        await desk.send_json_to(press)

    for desk in desks:  # each gets its `done` and the one event
        done, own = await answer(desk)
        assert done["type"] == "done"
        assert [m["seq"] for m in own] == [before["seq"] + 1]
    assert (await wall.receive_json_from())["seq"] == before["seq"] + 1
    assert await wall.receive_nothing()
    assert await seq_now(tour_meeting) == before["seq"] + 1
    assert (await speaking(wall))["current"]["name"] == SECOND_IN_TOUR
    await close(wall, *desks)


# Messages that change nothing -------------------------------------------------------


@pytest.mark.parametrize("message", [
    pytest.param({"action": "turn_add_time"}, id="missing-seconds"),
    pytest.param({"action": "turn_add_time", "seconds": True}, id="bool-seconds"),
    pytest.param({"action": "turn_add_time", "seconds": "60"}, id="text-seconds"),
    pytest.param({"action": "turn_add_time", "seconds": 0}, id="no-seconds"),
    pytest.param({"action": "turn_add_time", "seconds": 3600}, id="an-hour"),
    pytest.param({"action": "turn_write", "minutes": "x"}, id="write-without-turn"),
    pytest.param({"action": "turn_write", "turn": 0, "minutes": "x"}, id="unknown-turn"),
    pytest.param({"action": "hand_raise", "participant": 1}, id="hand-in-a-tour"),
])
@run_async
async def test_a_bad_tour_message_gets_an_error_and_changes_nothing(
    tour_round: Round, tour_meeting: Meeting, facilitator: Any, message: dict[str, Any],
) -> None:
    wall = projector(tour_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(tour_meeting, facilitator)
    await open_(desk)

    await refused(desk, message)

    assert await wall.receive_nothing()
    assert await seq_now(tour_meeting) == before["seq"]
    assert await speaking(wall) == before["speaking"]
    await close(wall, desk)


@pytest.mark.parametrize("action", ["turn_pause", "turn_resume", "turn_add_time"])
@run_async
async def test_the_clock_cannot_be_touched_before_anyone_speaks(
    tour_meeting: Meeting, facilitator: Any, action: str,
) -> None:
    desk = await database_sync_to_async(console)(tour_meeting, facilitator)
    before = await open_(desk)

    await refused(desk, {"action": action, "seconds": 60})

    assert await seq_now(tour_meeting) == before["seq"]
    await desk.disconnect()


@pytest.mark.parametrize("action", ["turn_next", "turn_pause", "round_show_key_points"])
@run_async
async def test_a_speaking_action_with_no_item_on_the_screens_gets_an_error(
    demo_meeting: Meeting, facilitator: Any, action: str,
) -> None:
    desk = await database_sync_to_async(console)(demo_meeting, facilitator)
    before = await open_(desk)
    assert before["item"] is None

    await refused(desk, {"action": action, "expected": None})

    assert await seq_now(demo_meeting) == before["seq"]
    assert not await database_sync_to_async(Round.objects.exists)()
    await desk.disconnect()


@run_async
async def test_a_speaking_action_on_a_brainstorm_gets_an_error(
    live_meeting: Meeting, facilitator: Any,
) -> None:
    desk = await database_sync_to_async(console)(live_meeting, facilitator)
    before = await open_(desk)

    await refused(desk, {"action": "turn_next", "expected": None})

    assert await seq_now(live_meeting) == before["seq"]
    await desk.disconnect()


@run_async
async def test_a_phone_cannot_raise_a_hand_with_no_item_on_the_screens(
    demo_meeting: Meeting,
) -> None:
    someone = await database_sync_to_async(person)(demo_meeting, "Dace Liepiņa")
    hand = await database_sync_to_async(phone)(demo_meeting, someone)
    before = await open_(hand)

    await refused(hand, {"action": "hand_raise"})

    assert await seq_now(demo_meeting) == before["seq"]
    await hand.disconnect()


@run_async
async def test_a_phone_cannot_raise_a_hand_in_a_tour_de_table(
    tour_round: Round, tour_meeting: Meeting,
) -> None:
    someone = await database_sync_to_async(person)(tour_meeting, "Dace Liepiņa")
    hand = await database_sync_to_async(phone)(tour_meeting, someone)
    before = await open_(hand)

    await refused(hand, {"action": "hand_raise"})

    assert await seq_now(tour_meeting) == before["seq"]
    assert not await database_sync_to_async(Hand.objects.exists)()
    await hand.disconnect()


@pytest.mark.parametrize("action", sorted(
    a.name for a in ACTIONS.values()
    if PHONE not in a.audiences and a.handler.__module__ == "sanaksme.speaking.live"))
@run_async
async def test_a_phone_sending_a_console_action_is_refused(
    mediator_speaking: Round, discussion_meeting: Meeting, expert: Participant,
    action: str,
) -> None:
    wall = projector(discussion_meeting)
    before = await open_(wall)
    hand = await database_sync_to_async(phone)(discussion_meeting, expert)
    await open_(hand)

    await refused(hand, {"action": action, "expected": mediator_speaking.current_id,
                         "seconds": 60, "show": True, "participant": expert.pk})

    assert await wall.receive_nothing()
    assert await seq_now(discussion_meeting) == before["seq"]
    await close(wall, hand)


@run_async
async def test_the_projector_cannot_send_a_speaking_action(
    tour_round: Round, tour_meeting: Meeting,
) -> None:
    wall = projector(tour_meeting)
    before = await open_(wall)

    await refused(wall, {"action": "turn_next", "expected": tour_round.current_id})

    assert await seq_now(tour_meeting) == before["seq"]
    await wall.disconnect()


# Discussion: hands from phones ------------------------------------------------------


@run_async
async def test_a_phone_raising_a_hand_is_announced_and_shows_its_place(
    discussion_meeting: Meeting, expert: Participant,
) -> None:
    discussion = await database_sync_to_async(item_titled)(discussion_meeting, DISCUSSION)
    wall = projector(discussion_meeting)
    before = await open_(wall)
    hand = await database_sync_to_async(phone)(discussion_meeting, expert)
    await open_(hand)

    await hand.send_json_to({"action": "hand_raise"})

    done, own = await answer(hand)
    assert (done["type"], done["action"]) == ("done", "hand_raise")
    event = changed(discussion_meeting, before["seq"] + 1, discussion)
    assert own == [event]
    assert await wall.receive_json_from() == event
    queue = (await speaking(hand))["queue"]
    assert [h["participant_id"] for h in queue] == [expert.pk]  # first place
    assert [h["name"] for h in (await speaking(wall))["queue"]] == ["Dace Liepiņa"]
    await close(wall, hand)


@run_async
async def test_a_mediator_raising_a_hand_later_takes_the_first_place(
    discussion_round: Round, discussion_meeting: Meeting, expert: Participant,
    mediator: Participant,
) -> None:
    await database_sync_to_async(hand_raise)(round_=discussion_round,
                                             participant_id=expert.pk)
    waiting = await database_sync_to_async(phone)(discussion_meeting, expert)
    before = await open_(waiting)
    late = await database_sync_to_async(phone)(discussion_meeting, mediator)
    await open_(late)

    await late.send_json_to({"action": "hand_raise"})

    await answer(late)
    assert (await waiting.receive_json_from())["seq"] == before["seq"] + 1
    queue = (await speaking(waiting))["queue"]
    assert [h["participant_id"] for h in queue] == [mediator.pk, expert.pk]
    await close(waiting, late)


@run_async
async def test_raising_a_hand_twice_keeps_one_place_and_is_not_announced_again(
    discussion_round: Round, discussion_meeting: Meeting, expert: Participant,
) -> None:
    await database_sync_to_async(hand_raise)(round_=discussion_round,
                                             participant_id=expert.pk)
    wall = projector(discussion_meeting)
    before = await open_(wall)
    hand = await database_sync_to_async(phone)(discussion_meeting, expert)
    await open_(hand)

    await hand.send_json_to({"action": "hand_raise"})

    assert (await hand.receive_json_from())["type"] == "done"
    assert await wall.receive_nothing()
    assert await seq_now(discussion_meeting) == before["seq"]
    assert await database_sync_to_async(Hand.objects.count)() == 1
    await close(wall, hand)


@run_async
async def test_a_phone_lowering_its_hand_leaves_the_queue(
    discussion_round: Round, discussion_meeting: Meeting, expert: Participant,
) -> None:
    await database_sync_to_async(hand_raise)(round_=discussion_round,
                                             participant_id=expert.pk)
    wall = projector(discussion_meeting)
    before = await open_(wall)
    assert len(before["speaking"]["queue"]) == 1
    hand = await database_sync_to_async(phone)(discussion_meeting, expert)
    await open_(hand)

    await hand.send_json_to({"action": "hand_lower"})

    done, own = await answer(hand)
    assert (done["action"], [m["seq"] for m in own]) == ("hand_lower", [before["seq"] + 1])
    assert (await wall.receive_json_from())["seq"] == before["seq"] + 1
    assert (await speaking(wall))["queue"] == []
    await close(wall, hand)


@run_async
async def test_a_phone_lowering_a_called_hand_changes_nothing(
    mediator_speaking: Round, discussion_meeting: Meeting, mediator: Participant,
) -> None:
    wall = projector(discussion_meeting)
    before = await open_(wall)
    hand = await database_sync_to_async(phone)(discussion_meeting, mediator)
    await open_(hand)

    await hand.send_json_to({"action": "hand_lower"})

    assert (await hand.receive_json_from())["type"] == "done"
    assert await wall.receive_nothing()
    assert await seq_now(discussion_meeting) == before["seq"]
    after = await speaking(wall)
    assert after == before["speaking"]
    assert after["current"]["participant_id"] == mediator.pk
    called = await database_sync_to_async(Hand.objects.get)(participant=mediator)
    assert (called.called_at is not None, called.lowered_at) == (True, None)
    await close(wall, hand)


@run_async
async def test_the_speakers_phone_sees_its_own_turn_and_not_its_place(
    mediator_speaking: Round, discussion_meeting: Meeting, mediator: Participant,
) -> None:
    hand = await database_sync_to_async(phone)(discussion_meeting, mediator)

    state = (await open_(hand))["speaking"]

    assert state["current"]["participant_id"] == mediator.pk
    assert mediator.pk not in [h["participant_id"] for h in state["queue"]]
    await hand.disconnect()


# Discussion: the console --------------------------------------------------------------


@run_async
async def test_the_console_adds_a_hand_raised_in_the_room(
    discussion_meeting: Meeting, expert: Participant, facilitator: Any,
) -> None:
    wall = projector(discussion_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(discussion_meeting, facilitator)
    await open_(desk)

    await act(desk, {"action": "hand_raise", "participant": expert.pk})

    assert (await wall.receive_json_from())["seq"] == before["seq"] + 1
    assert [h["name"] for h in (await speaking(wall))["queue"]] == ["Dace Liepiņa"]
    added = await database_sync_to_async(Hand.objects.get)()
    assert (added.participant_id, added.added_by_facilitator) == (expert.pk, True)
    await close(wall, desk)


@run_async
async def test_the_console_queue_marks_the_mediator_as_invited_first(
    two_hands: tuple[Hand, Hand], discussion_meeting: Meeting, facilitator: Any,
) -> None:
    desk = await database_sync_to_async(console)(discussion_meeting, facilitator)

    queue = (await open_(desk))["speaking"]["queue"]

    assert [(h["name"], h["priority"]) for h in queue] == [
        ("Roberts Kozlovskis", True), ("Dace Liepiņa", False)]
    await desk.disconnect()


@run_async
async def test_next_from_the_queue_calls_the_invited_speaker_first(
    two_hands: tuple[Hand, Hand], discussion_meeting: Meeting, facilitator: Any,
    mediator: Participant,
) -> None:
    wall = projector(discussion_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(discussion_meeting, facilitator)
    await open_(desk)

    await act(desk, {"action": "turn_next", "expected": None})

    assert (await wall.receive_json_from())["seq"] == before["seq"] + 1
    after = await speaking(wall)
    assert after["current"]["name"] == "Roberts Kozlovskis"
    assert [h["name"] for h in after["queue"]] == ["Dace Liepiņa"]
    await close(wall, desk)


@run_async
async def test_the_console_gives_the_floor_to_a_chosen_hand(
    two_hands: tuple[Hand, Hand], discussion_meeting: Meeting, facilitator: Any,
    expert: Participant,
) -> None:
    expert_hand, _mediator_hand = two_hands
    discussion = await database_sync_to_async(item_titled)(discussion_meeting, DISCUSSION)
    wall = projector(discussion_meeting)
    before = await open_(wall)
    hand = await database_sync_to_async(phone)(discussion_meeting, expert)
    await open_(hand)
    desk = await database_sync_to_async(console)(discussion_meeting, facilitator)
    await open_(desk)

    await act(desk, {"action": "turn_call", "hand": expert_hand.pk, "expected": None})

    event = changed(discussion_meeting, before["seq"] + 1, discussion)
    assert await wall.receive_json_from() == event
    assert await hand.receive_json_from() == event
    after = await speaking(wall)
    assert after["current"]["name"] == "Dace Liepiņa"
    assert [h["name"] for h in after["queue"]] == ["Roberts Kozlovskis"]
    assert (await speaking(hand))["current"]["participant_id"] == expert.pk
    await close(wall, hand, desk)


@run_async
async def test_calling_a_hand_with_a_stale_expected_turn_does_not_move(
    mediator_speaking: Round, discussion_meeting: Meeting, facilitator: Any,
    two_hands: tuple[Hand, Hand],
) -> None:
    expert_hand, _mediator_hand = two_hands
    wall = projector(discussion_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(discussion_meeting, facilitator)
    await open_(desk)

    await desk.send_json_to({"action": "turn_call", "hand": expert_hand.pk,
                             "expected": None})

    assert (await desk.receive_json_from())["type"] == "done"
    assert await wall.receive_nothing()
    assert await seq_now(discussion_meeting) == before["seq"]
    assert (await speaking(wall))["current"]["name"] == "Roberts Kozlovskis"
    await close(wall, desk)


@pytest.mark.parametrize("message", [
    pytest.param({"action": "turn_call", "expected": None}, id="call-without-hand"),
    pytest.param({"action": "turn_call", "hand": True, "expected": None},
                 id="call-bool-hand"),
    pytest.param({"action": "turn_call", "hand": "1", "expected": None},
                 id="call-text-hand"),
    pytest.param({"action": "hand_raise"}, id="add-without-participant"),
    pytest.param({"action": "hand_raise", "participant": 0}, id="add-unknown-participant"),
    pytest.param({"action": "hand_raise", "participant": False}, id="add-bool-participant"),
    pytest.param({"action": "turn_write", "turn": 0, "key_points": ["x"]},
                 id="write-unknown-turn"),
])
@run_async
async def test_a_bad_discussion_message_gets_an_error_and_changes_nothing(
    two_hands: tuple[Hand, Hand], discussion_meeting: Meeting, facilitator: Any,
    message: dict[str, Any],
) -> None:
    wall = projector(discussion_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(discussion_meeting, facilitator)
    await open_(desk)

    await refused(desk, message)

    assert await wall.receive_nothing()
    assert await seq_now(discussion_meeting) == before["seq"]
    assert await speaking(wall) == before["speaking"]
    await close(wall, desk)


@run_async
async def test_calling_an_unknown_hand_gets_an_error_and_changes_nothing(
    mediator_speaking: Round, discussion_meeting: Meeting, facilitator: Any,
) -> None:
    wall = projector(discussion_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(discussion_meeting, facilitator)
    await open_(desk)

    try:
        await refused(desk, {"action": "turn_call", "hand": 999_999,
                             "expected": mediator_speaking.current_id})

        assert await seq_now(discussion_meeting) == before["seq"]
        assert (await speaking(wall))["current"]["name"] == "Roberts Kozlovskis"
    finally:
        await close(wall, desk)


@run_async
async def test_back_in_a_discussion_does_not_call_the_next_hand(
    mediator_speaking: Round, discussion_meeting: Meeting, facilitator: Any,
) -> None:
    wall = projector(discussion_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(discussion_meeting, facilitator)
    await open_(desk)

    try:
        await desk.send_json_to({"action": "turn_next", "step": -1,
                                 "expected": mediator_speaking.current_id})
        await reply_to(desk)

        waiting = await database_sync_to_async(list)(
            Hand.objects.filter(called_at__isnull=True)
            .values_list("participant__name", flat=True))
        assert waiting == ["Dace Liepiņa"]
        assert await seq_now(discussion_meeting) == before["seq"]
    finally:
        await close(wall, desk)


# Discussion: minutes and key points ---------------------------------------------------


@run_async
async def test_written_key_points_stay_off_the_projector_until_shown(
    mediator_speaking: Round, discussion_meeting: Meeting, facilitator: Any,
) -> None:
    wall = projector(discussion_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(discussion_meeting, facilitator)
    await open_(desk)

    await act(desk, {"action": "turn_write", "turn": mediator_speaking.current_id,
                     "minutes": "Mediators palīdz ģimenēm", "key_points": ["Uzticēšanās", " "]})

    assert (await wall.receive_json_from())["seq"] == before["seq"] + 1
    assert (await speaking(wall))["key_points"] == []
    on_desk = await speaking(desk)
    assert on_desk["key_points"] == [{"name": "Roberts Kozlovskis",
                                      "points": ["Uzticēšanās"]}]
    assert on_desk["minutes"][0]["minutes"] == "Mediators palīdz ģimenēm"
    await close(wall, desk)


@run_async
async def test_shown_key_points_reach_the_projector(
    mediator_speaking: Round, discussion_meeting: Meeting, facilitator: Any,
) -> None:
    wall = projector(discussion_meeting)
    before = await open_(wall)
    desk = await database_sync_to_async(console)(discussion_meeting, facilitator)
    await open_(desk)
    await act(desk, {"action": "turn_write", "turn": mediator_speaking.current_id,
                     "minutes": "", "key_points": ["Uzticēšanās"]})
    await wall.receive_json_from()

    await act(desk, {"action": "round_show_key_points", "show": True})

    assert (await wall.receive_json_from())["seq"] == before["seq"] + 2
    on_wall = await speaking(wall)
    assert on_wall["show_key_points"] is True
    assert on_wall["key_points"] == [{"name": "Roberts Kozlovskis",
                                      "points": ["Uzticēšanās"]}]
    await close(wall, desk)


@run_async
async def test_the_projector_and_phones_never_see_the_invited_first_mark_or_totals(
    mediator_speaking: Round, discussion_meeting: Meeting, facilitator: Any,
    expert: Participant, mediator: Participant,
) -> None:
    desk = await database_sync_to_async(console)(discussion_meeting, facilitator)
    await open_(desk)
    await act(desk, {"action": "turn_write", "turn": mediator_speaking.current_id,
                     "minutes": "", "key_points": ["Uzticēšanās"]})
    await act(desk, {"action": "turn_next", "expected": mediator_speaking.current_id})
    await act(desk, {"action": "hand_raise", "participant": mediator.pk})
    await act(desk, {"action": "round_show_key_points", "show": True})
    wall = projector(discussion_meeting)
    hand = await database_sync_to_async(phone)(discussion_meeting, expert)

    seen = [(await open_(wall))["speaking"], (await open_(hand))["speaking"]]

    console_keys = keys_in(await speaking(desk))
    assert {"priority", "totals", "minutes", "people"} <= console_keys
    for state in seen:
        assert not keys_in(state) & {"priority", "totals", "minutes", "people", "order"}
    await close(wall, hand, desk)
