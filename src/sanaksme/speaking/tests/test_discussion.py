"""The discussion queue: hands, invited speakers first, minutes and who had the floor."""

from __future__ import annotations

import datetime as dt

import pytest

from sanaksme.core.exceptions import DomainError
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.speaking.models import Hand, Round
from sanaksme.speaking.selectors import speaking_state
from sanaksme.speaking.services import (
    hand_lower,
    hand_raise,
    queue,
    round_get_or_create,
    round_show_key_points,
    turn_call,
    turn_next,
    turn_write,
)

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2017, 1, 27, 11, 20, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


@pytest.fixture
def discussion(demo_meeting: Meeting) -> Round:
    item = AgendaItem.objects.filter(day__meeting=demo_meeting, method="discussion") \
        .order_by("starts_at").first()
    assert item is not None
    return round_get_or_create(item=item)


def person(meeting_id: int, name: str) -> Participant:
    return Participant.objects.get(meeting_id=meeting_id, name=name)


@pytest.fixture
def expert(discussion: Round) -> Participant:
    return person(discussion.meeting_id, "Dace Liepiņa")  # no mediator experience


@pytest.fixture
def mediator(discussion: Round) -> Participant:
    return person(discussion.meeting_id, "Roberts Kozlovskis")  # a Roma mediator


@pytest.fixture
def from_jelgava(discussion: Round) -> Participant:
    return person(discussion.meeting_id, "Anita Bērziņa")  # municipality had mediators


def test_a_mediator_is_invited_first_even_after_an_earlier_hand(
    discussion: Round, expert: Participant, mediator: Participant,
) -> None:
    hand_raise(round_=discussion, participant_id=expert.pk, now=at(0))

    hand_raise(round_=discussion, participant_id=mediator.pk, now=at(5))

    assert [h.participant_id for h in queue(discussion)] == [mediator.pk, expert.pk]


def test_someone_from_a_municipality_with_mediators_is_invited_first(
    discussion: Round, expert: Participant, from_jelgava: Participant,
) -> None:
    hand_raise(round_=discussion, participant_id=expert.pk, now=at(0))
    hand = hand_raise(round_=discussion, participant_id=from_jelgava.pk, now=at(9))

    assert hand.priority
    assert queue(discussion)[0].participant_id == from_jelgava.pk


def test_raising_a_hand_twice_keeps_one_place(discussion: Round, expert: Participant) -> None:
    hand_raise(round_=discussion, participant_id=expert.pk, now=at(0))

    hand_raise(round_=discussion, participant_id=expert.pk, now=at(30))

    assert Hand.objects.filter(round=discussion).count() == 1


def test_lowering_a_hand_takes_it_out_of_the_queue(
    discussion: Round, expert: Participant,
) -> None:
    hand_raise(round_=discussion, participant_id=expert.pk, now=at(0))

    hand_lower(round_=discussion, participant_id=expert.pk, now=at(3))

    assert queue(discussion) == []


def test_next_gives_the_floor_to_the_head_of_the_queue(
    discussion: Round, expert: Participant, mediator: Participant,
) -> None:
    hand_raise(round_=discussion, participant_id=expert.pk, now=at(0))
    hand_raise(round_=discussion, participant_id=mediator.pk, now=at(1))

    turn_next(round_=discussion, expected=None, now=at(10))

    current = Round.objects.get(pk=discussion.pk).current
    assert current is not None
    assert current.participant_id == mediator.pk
    assert [h.participant_id for h in queue(discussion)] == [expert.pk]


def test_lowering_a_hand_that_was_already_called_changes_nothing(
    discussion: Round, mediator: Participant,
) -> None:
    hand_raise(round_=discussion, participant_id=mediator.pk, now=at(0))
    turn_next(round_=discussion, expected=None, now=at(10))

    hand_lower(round_=discussion, participant_id=mediator.pk, now=at(11))

    hand = Hand.objects.get(round=discussion)
    assert hand.called_at == at(10)
    assert hand.lowered_at is None


def test_the_facilitator_can_give_the_floor_to_any_waiting_hand(
    discussion: Round, expert: Participant, mediator: Participant,
) -> None:
    hand_raise(round_=discussion, participant_id=mediator.pk, now=at(0))
    waiting = hand_raise(round_=discussion, participant_id=expert.pk, now=at(1))

    turn_call(round_=discussion, expected=None, hand_id=waiting.pk, now=at(5))

    current = Round.objects.get(pk=discussion.pk).current
    assert current is not None
    assert current.participant_id == expert.pk


def test_hands_belong_to_discussions_only(demo_meeting: Meeting) -> None:
    tour = round_get_or_create(item=AgendaItem.objects.get(day__meeting=demo_meeting,
                                                           method="tour_de_table"))
    someone = Participant.objects.filter(meeting=demo_meeting).first()
    assert someone is not None

    with pytest.raises(DomainError):
        hand_raise(round_=tour, participant_id=someone.pk)


def test_minutes_key_points_and_who_had_the_floor(
    discussion: Round, expert: Participant, mediator: Participant,
) -> None:
    hand_raise(round_=discussion, participant_id=mediator.pk, now=at(0))
    hand_raise(round_=discussion, participant_id=expert.pk, now=at(1))
    turn_next(round_=discussion, expected=None, now=at(10))
    first = Round.objects.get(pk=discussion.pk).current
    assert first is not None
    turn_write(round_=discussion, turn_id=first.pk, minutes="Par mediatoru darbu.",
               key_points=["Mediators ir tilts", " ", "Vajag finansējumu"])
    turn_next(round_=discussion, expected=first.pk, now=at(100))
    turn_next(round_=discussion, expected=Round.objects.get(pk=discussion.pk).current_id,
              now=at(160))

    state = speaking_state(discussion.item, console=True)

    assert state is not None
    assert state["key_points"] == [{"name": mediator.name,
                                    "points": ["Mediators ir tilts", "Vajag finansējumu"]}]
    seconds = {c["category"]: c["seconds"] for c in state["totals"]["categories"]}
    assert seconds == {"roma_community": 90, "regional_expert": 60}
    assert state["totals"]["people"] == [{"name": mediator.name, "seconds": 90},
                                         {"name": expert.name, "seconds": 60}]


def test_key_points_reach_the_projector_only_when_shown(
    discussion: Round, mediator: Participant,
) -> None:
    hand_raise(round_=discussion, participant_id=mediator.pk, now=at(0))
    turn_next(round_=discussion, expected=None, now=at(10))
    turn = Round.objects.get(pk=discussion.pk).current
    assert turn is not None
    turn_write(round_=discussion, turn_id=turn.pk, minutes="", key_points=["Tilts"])

    hidden = speaking_state(discussion.item)
    round_show_key_points(round_=discussion, show=True)
    shown = speaking_state(discussion.item)

    assert hidden is not None
    assert shown is not None
    assert hidden["key_points"] == []
    assert shown["key_points"][0]["points"] == ["Tilts"]
    assert "priority" not in str(shown["queue"])
    assert "totals" not in shown


def test_the_invited_first_mark_is_shown_only_on_the_console(
    discussion: Round, mediator: Participant,
) -> None:
    hand_raise(round_=discussion, participant_id=mediator.pk, now=at(0))

    public = speaking_state(discussion.item)
    console = speaking_state(discussion.item, console=True)

    assert public is not None
    assert console is not None
    assert "priority" not in public["queue"][0]
    assert console["queue"][0]["priority"] is True
