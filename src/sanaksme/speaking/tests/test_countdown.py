"""Speaking timers: absolute end times, pause, resume, extra time, warning, overrun."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sanaksme.speaking.domain.countdown import (
    Phase,
    add_time,
    pause,
    phase,
    remaining,
    resume,
    start,
    warn_before,
)

T0 = dt.datetime(2017, 1, 27, 10, 0, tzinfo=dt.UTC)
MIN3 = dt.timedelta(minutes=3)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_a_started_timer_ends_after_the_allowed_time() -> None:
    timer = start(MIN3, now=T0)

    assert timer.ends_at == at(180)
    assert remaining(timer, now=at(60)) == dt.timedelta(seconds=120)


def test_the_warning_shows_in_the_last_30_seconds_of_three_minutes() -> None:
    timer = start(MIN3, now=T0)

    assert phase(timer, now=at(149)) is Phase.RUNNING
    assert phase(timer, now=at(150)) is Phase.WARNING


def test_a_short_timer_warns_in_its_last_fifth() -> None:
    assert warn_before(dt.timedelta(seconds=60)) == dt.timedelta(seconds=12)


def test_past_the_end_is_overrun_with_negative_time_left() -> None:
    timer = start(MIN3, now=T0)

    assert phase(timer, now=at(200)) is Phase.OVERRUN
    assert remaining(timer, now=at(200)) == dt.timedelta(seconds=-20)


def test_pause_freezes_what_is_left_and_resume_goes_on_from_there() -> None:
    paused = pause(start(MIN3, now=T0), now=at(100))

    resumed = resume(paused, now=at(500))

    assert phase(paused, now=at(400)) is Phase.PAUSED
    assert remaining(paused, now=at(400)) == dt.timedelta(seconds=80)
    assert resumed.ends_at == at(580)


def test_extra_time_moves_the_end_of_a_running_timer() -> None:
    timer = add_time(start(MIN3, now=T0), dt.timedelta(seconds=60))

    assert timer.ends_at == at(240)
    assert timer.allowed == dt.timedelta(minutes=4)


def test_extra_time_adds_to_what_a_paused_timer_has_left() -> None:
    timer = add_time(pause(start(MIN3, now=T0), now=at(170)), dt.timedelta(seconds=30))

    assert remaining(timer, now=at(999)) == dt.timedelta(seconds=40)


def test_pausing_a_paused_timer_or_resuming_a_running_one_changes_nothing() -> None:
    running = start(MIN3, now=T0)
    paused = pause(running, now=at(10))

    assert resume(running, now=at(50)) == running
    assert pause(paused, now=at(50)) == paused


@given(st.integers(min_value=1, max_value=1800), st.integers(min_value=0, max_value=3600),
       st.integers(min_value=0, max_value=3600))
def test_a_pause_of_any_length_never_changes_the_time_left(
    allowed: int, spoken: int, pause_length: int,
) -> None:
    timer = start(dt.timedelta(seconds=allowed), now=T0)

    paused = pause(timer, now=at(spoken))
    resumed = resume(paused, now=at(spoken + pause_length))

    assert remaining(resumed, now=at(spoken + pause_length)) == remaining(timer, now=at(spoken))
