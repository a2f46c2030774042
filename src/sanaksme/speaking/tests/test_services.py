"""Running the tour de table: turns, the clock and the recorded durations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sanaksme.core.exceptions import DomainError
from sanaksme.live.events import Event, SpeakingChanged
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.speaking.models import Round, Turn
from sanaksme.speaking.selectors import speaking_state
from sanaksme.speaking.services import (
    round_arrange,
    round_get_or_create,
    round_order,
    turn_add_time,
    turn_next,
    turn_pause,
    turn_resume,
)

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2017, 1, 27, 8, 0, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


@pytest.fixture
def tour(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="tour_de_table")


@pytest.fixture
def round_(tour: AgendaItem) -> Round:
    return round_get_or_create(item=tour)


def current(round_: Round) -> Turn:
    turn = Round.objects.get(pk=round_.pk).current
    assert turn is not None
    return turn


def test_the_order_is_everyone_registered_but_the_organisers(round_: Round) -> None:
    assert len(round_order(round_)) == 28


def test_the_first_next_gives_the_floor_to_the_first_speaker_for_3_minutes(
    round_: Round,
) -> None:
    turn_next(round_=round_, expected=None, now=T0)

    turn = current(round_)
    assert turn.participant_id == round_order(round_)[0]
    assert turn.ends_at == at(180)


def test_next_ends_the_turn_and_records_how_long_it_took(round_: Round) -> None:
    turn_next(round_=round_, expected=None, now=T0)
    first = current(round_)

    turn_next(round_=round_, expected=first.pk, now=at(200))

    first.refresh_from_db()
    assert first.ended_at == at(200)
    assert first.spoken_seconds == 200
    assert current(round_).participant_id == round_order(round_)[1]


def test_two_consoles_pressing_next_at_once_move_one_step(round_: Round) -> None:
    turn_next(round_=round_, expected=None, now=T0)
    seen = current(round_).pk

    turn_next(round_=round_, expected=seen, now=at(10))
    turn_next(round_=round_, expected=seen, now=at(10))

    assert current(round_).participant_id == round_order(round_)[1]
    assert Turn.objects.filter(round=round_).count() == 2


def test_back_gives_the_previous_speaker_the_floor_again(round_: Round) -> None:
    turn_next(round_=round_, expected=None, now=T0)
    turn_next(round_=round_, expected=current(round_).pk, now=at(100))

    turn_next(round_=round_, expected=current(round_).pk, step=-1, now=at(110))

    assert current(round_).participant_id == round_order(round_)[0]


def test_after_the_last_speaker_the_round_is_finished(round_: Round) -> None:
    round_arrange(round_=round_, order=round_order(round_))
    for i in range(28):
        turn = Round.objects.get(pk=round_.pk).current
        turn_next(round_=round_, expected=turn.pk if turn else None, now=at(i * 10))

    turn_next(round_=round_, expected=current(round_).pk, now=at(999))

    round_.refresh_from_db()
    assert round_.finished
    assert round_.current_id is None
    assert speaking_state(round_.item)["done"] == 28  # type: ignore[index]


def test_a_pause_stops_the_clock_and_the_spoken_time(round_: Round) -> None:
    turn_next(round_=round_, expected=None, now=T0)

    turn_pause(round_=round_, now=at(60))
    turn_resume(round_=round_, now=at(300))
    turn_next(round_=round_, expected=current(round_).pk, now=at(330))

    turn = Turn.objects.filter(round=round_).order_by("started_at").first()
    assert turn is not None
    assert turn.spoken_seconds == 90


def test_resuming_continues_from_what_was_left(round_: Round) -> None:
    turn_next(round_=round_, expected=None, now=T0)
    turn_pause(round_=round_, now=at(60))

    turn_resume(round_=round_, now=at(300))

    assert current(round_).ends_at == at(420)


def test_a_minute_more_moves_the_end(round_: Round) -> None:
    turn_next(round_=round_, expected=None, now=T0)

    turn_add_time(round_=round_, seconds=60)

    assert current(round_).ends_at == at(240)
    assert current(round_).allowed_seconds == 240


def test_extra_time_out_of_range_is_refused(round_: Round) -> None:
    turn_next(round_=round_, expected=None, now=T0)

    with pytest.raises(DomainError):
        turn_add_time(round_=round_, seconds=0)


def test_pausing_when_nobody_speaks_is_refused(round_: Round) -> None:
    with pytest.raises(DomainError):
        turn_pause(round_=round_, now=T0)


def test_arranging_puts_people_first_and_keeps_the_rest(round_: Round) -> None:
    order = round_order(round_)

    round_arrange(round_=round_, order=[order[5], order[2]])

    assert round_order(round_)[:3] == [order[5], order[2], order[0]]


def test_a_turn_change_is_announced_with_the_next_seq(
    round_: Round, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        turn_next(round_=round_, expected=None, now=T0)

    seq = Meeting.objects.get(pk=round_.meeting_id).last_seq
    assert broadcasts == [SpeakingChanged(meeting_id=round_.meeting_id, seq=seq,
                                          item_id=round_.item_id)]


def test_the_state_names_the_speaker_and_never_a_category(round_: Round) -> None:
    turn_next(round_=round_, expected=None, now=T0)

    state = speaking_state(round_.item)

    assert state is not None
    assert state["current"]["name"]
    assert "category" not in str(state)
    assert "roma_community" not in str(speaking_state(round_.item, console=True))
