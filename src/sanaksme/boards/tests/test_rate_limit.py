"""The per-author rate limit: only stored notes count, and a refusal is for now only."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError

from sanaksme.boards import services
from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import (
    RATE_LIMIT_NOTES,
    RATE_LIMIT_WINDOW,
    note_create,
    sheets_ensure,
)
from sanaksme.core.exceptions import RateLimited
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

WINDOW = RATE_LIMIT_WINDOW.total_seconds()


class Clock:
    """The rate limit's clock, pinned; starts 5 s into a window."""

    def __init__(self) -> None:
        self.now = 1_000 * WINDOW + 5

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(services, "_now", clock)
    return clock


@pytest.fixture
def sheet(demo_meeting: Meeting) -> Sheet:
    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")
    return sheets_ensure(item=item)[0]


@pytest.fixture
def author(demo_meeting: Meeting) -> Participant:
    return demo_meeting.participants.exclude(category="organiser").order_by("pk")[0]


def add(sheet: Sheet, client_id: str, **kwargs: Any) -> Note:
    note, _created = note_create(sheet=sheet, column="problem", text="Laba skola",
                                 client_id=client_id, **kwargs)
    return note


def burst(sheet: Sheet, author: Participant, count: int) -> list[str]:
    """Send `count` notes at once; the client ids that were refused for now."""
    refused = []
    for i in range(count):
        try:
            add(sheet, f"c{i}", author=author)
        except RateLimited:
            refused.append(f"c{i}")
    return refused


@pytest.mark.usefixtures("clock")
def test_a_burst_of_15_stores_the_first_10_and_refuses_5_for_now(
    sheet: Sheet, author: Participant,
) -> None:
    refused = burst(sheet, author, 15)

    assert refused == [f"c{i}" for i in range(RATE_LIMIT_NOTES, 15)]
    assert Note.objects.count() == RATE_LIMIT_NOTES


@pytest.mark.usefixtures("clock")
def test_the_refusal_says_when_to_send_again(sheet: Sheet, author: Participant) -> None:
    burst(sheet, author, RATE_LIMIT_NOTES)

    with pytest.raises(RateLimited) as refusal:
        add(sheet, "one-too-many", author=author)

    assert refusal.value.retry is True
    assert refusal.value.retry_after == WINDOW - 5


def test_the_refused_notes_are_accepted_after_the_window(
    sheet: Sheet, author: Participant, clock: Clock,
) -> None:
    refused = burst(sheet, author, 15)
    clock.now += WINDOW

    for client_id in refused:
        add(sheet, client_id, author=author)

    assert Note.objects.count() == 15


def test_refused_notes_do_not_count_against_the_next_window(
    sheet: Sheet, author: Participant, clock: Clock,
) -> None:
    burst(sheet, author, 15)  # 10 stored, 5 refused
    clock.now += WINDOW

    assert burst(sheet, author, 25)[:1] == ["c20"]  # c0-c9 resent: no new count
    assert Note.objects.count() == 20


@pytest.mark.usefixtures("clock")
def test_a_note_sent_again_after_the_limit_returns_the_stored_note(
    sheet: Sheet, author: Participant,
) -> None:
    first = add(sheet, "c0", author=author)
    burst(sheet, author, RATE_LIMIT_NOTES)

    assert add(sheet, "c0", author=author).pk == first.pk


@pytest.mark.usefixtures("clock")
def test_a_note_that_failed_to_store_is_not_counted(
    sheet: Sheet, author: Participant, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(**_kwargs: Any) -> int:
        raise DatabaseError("the database went away")

    with monkeypatch.context() as patch:
        patch.setattr(services, "meeting_next_seq", broken)
        for i in range(RATE_LIMIT_NOTES):
            with pytest.raises(DatabaseError):
                add(sheet, f"lost-{i}", author=author)

    assert add(sheet, "after", author=author).client_id == "after"


@pytest.mark.usefixtures("clock")
def test_the_rate_limit_is_per_author(sheet: Sheet, author: Participant,
                                      demo_meeting: Meeting) -> None:
    other = demo_meeting.participants.exclude(pk=author.pk).order_by("pk")[0]
    burst(sheet, author, RATE_LIMIT_NOTES)

    note = add(sheet, "someone-else", author=other)

    assert note.author_id == other.pk


@pytest.mark.usefixtures("clock")
def test_the_facilitator_typing_is_not_rate_limited(
    sheet: Sheet, author: Participant,
) -> None:
    burst(sheet, author, RATE_LIMIT_NOTES)

    note = add(sheet, "typed", author=author, typed_by_facilitator=True)

    assert note.typed_by_facilitator is True
