"""Tour de table order, the discussion queue with invited speakers, speaking totals."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sanaksme.speaking.domain.queue import (
    Hand,
    Person,
    Turn,
    is_priority,
    projected_end,
    queue_order,
    speaking_totals,
    tour_order,
)

T0 = dt.datetime(2017, 1, 27, 13, 20, tzinfo=dt.UTC)


def at(seconds: int) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


PEOPLE = [Person(1, "organiser"), Person(2, "regional_expert"), Person(3, "municipal"),
          Person(4, "roma_community"), Person(5, "expert", present=False)]


def test_tour_takes_present_people_in_registration_order_without_organisers() -> None:
    assert tour_order(PEOPLE) == [2, 3, 4]


def test_tour_follows_the_arranged_order_and_appends_late_arrivals() -> None:
    people = [*PEOPLE, Person(6, "municipal")]

    assert tour_order(people, arranged=[4, 2, 3]) == [4, 2, 3, 6]


def test_tour_skips_an_arranged_person_who_is_absent() -> None:
    assert tour_order(PEOPLE, arranged=[5, 3, 2, 4]) == [3, 2, 4]


def test_invited_speakers_are_offered_first_then_first_come() -> None:
    hands = [Hand(10, at(0)), Hand(11, at(5), priority=True), Hand(12, at(7)),
             Hand(13, at(9), priority=True)]

    assert queue_order(hands) == [11, 13, 10, 12]


def test_a_person_raising_a_hand_twice_keeps_the_first_place() -> None:
    hands = [Hand(10, at(0)), Hand(11, at(1)), Hand(10, at(2))]

    assert queue_order(hands) == [10, 11]


@given(st.lists(st.tuples(st.integers(1, 20), st.integers(0, 600), st.booleans()),
                max_size=40))
def test_the_queue_lists_each_person_once_and_priority_before_others(
    raw: list[tuple[int, int, bool]],
) -> None:
    hands = [Hand(pid, at(sec), prio) for pid, sec, prio in raw]

    order = queue_order(hands)

    assert sorted(order) == sorted({h.person_id for h in hands})
    first: dict[int, Hand] = {}
    for hand in sorted(hands, key=lambda h: h.raised_at):
        first.setdefault(hand.person_id, hand)
    flags = [first[pid].priority for pid in order]
    assert flags == sorted(flags, reverse=True)


def test_speaking_totals_add_up_per_person_and_per_category() -> None:
    turns = [Turn(1, "regional_expert", 170), Turn(2, "roma_community", 95),
             Turn(1, "regional_expert", 30), Turn(3, "municipal", 200)]

    per_person, per_category = speaking_totals(turns)

    assert per_person == {1: 200, 2: 95, 3: 200}
    assert per_category == {"regional_expert": 200, "roma_community": 95, "municipal": 200}


def test_projected_end_counts_the_current_speakers_time_left_and_everyone_after() -> None:
    end = projected_end(now=T0, speakers_left=10, per_speaker=dt.timedelta(minutes=3),
                        current_left=dt.timedelta(seconds=45))

    assert end == T0 + dt.timedelta(minutes=30, seconds=45)


def test_an_overrunning_speaker_does_not_pull_the_projected_end_earlier() -> None:
    end = projected_end(now=T0, speakers_left=1, per_speaker=dt.timedelta(minutes=3),
                        current_left=dt.timedelta(seconds=-20))

    assert end == T0 + dt.timedelta(minutes=3)


def test_mediators_and_people_from_mediator_municipalities_are_priority() -> None:
    marks = ["roma_mediator", "mediator_municipality"]

    assert is_priority(is_mediator=True, municipality_had_mediators=False, marks=marks)
    assert is_priority(is_mediator=False, municipality_had_mediators=True, marks=marks)
    assert not is_priority(is_mediator=False, municipality_had_mediators=False, marks=marks)
    assert not is_priority(is_mediator=True, municipality_had_mediators=True, marks=[])
