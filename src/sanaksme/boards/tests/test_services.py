"""Board services and the live state: the rows they leave and the events they announce."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import (
    note_create,
    note_submit,
    sheets_ensure,
)
from sanaksme.core.exceptions import DomainError
from sanaksme.live.channel_groups import Audience
from sanaksme.live.events import CurrentItemChanged, Event, NoteAdded
from sanaksme.live.state import state_data
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

DEMO_COLUMNS = ["positive", "problem", "existing_solution", "possible_solution"]


class RollbackError(Exception):
    """Raised to roll a test's transaction back."""


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """The per-author rate limit counts in the cache; no test sees another's counts."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def brainstorm(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")


@pytest.fixture
def sheet(brainstorm: AgendaItem) -> Sheet:
    return sheets_ensure(item=brainstorm)[0]


@pytest.fixture
def author(demo_meeting: Meeting) -> Participant:
    return demo_meeting.participants.exclude(category="organiser").order_by("pk")[0]


def add(sheet: Sheet, client_id: str, text: str = "Laba skola", **kwargs: Any) -> Note:
    kwargs.setdefault("column", "problem")
    note, _created = note_create(sheet=sheet, text=text, client_id=client_id, **kwargs)
    return note


# Sheets ---------------------------------------------------------------------------


def test_sheets_ensure_makes_one_sheet_per_visited_site(brainstorm: AgendaItem) -> None:
    sheets = sheets_ensure(item=brainstorm)

    assert [s.key for s in sheets] == ["site-raina-6-vidusskola", "site-pii-26",
                                       "site-socialo-lietu-parvalde",
                                       "site-romu-gimenes-un-nvo"]
    assert all(s.columns == DEMO_COLUMNS for s in sheets)
    assert all(s.meeting_id == brainstorm.day.meeting_id for s in sheets)


def test_sheets_are_titled_with_the_site_names(brainstorm: AgendaItem) -> None:
    names = list(brainstorm.day.meeting.sites.order_by("position")
                 .values_list("name", flat=True))

    sheets = sheets_ensure(item=brainstorm)

    assert [s.title for s in sheets] == names


def test_sheets_ensure_is_idempotent(brainstorm: AgendaItem) -> None:
    first = sheets_ensure(item=brainstorm)

    second = sheets_ensure(item=brainstorm)

    assert [s.pk for s in second] == [s.pk for s in first]
    assert Sheet.objects.filter(item=brainstorm).count() == 4


def test_feedback_item_gets_one_sheet_with_feedback_and_suggestion(
    demo_meeting: Meeting,
) -> None:
    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="feedback")

    sheets = sheets_ensure(item=item)

    assert len(sheets) == 1
    assert sheets[0].columns == ["feedback", "suggestion"]


# Creating notes -------------------------------------------------------------------


def test_note_create_stores_the_note(sheet: Sheet, author: Participant) -> None:
    note, created = note_create(sheet=sheet, column="problem", text="  Nav telpu  ",
                                client_id="c1", author=author)

    assert created is True
    stored = Note.objects.get(pk=note.pk)
    assert (stored.sheet_id, stored.column, stored.text, stored.author_id,
            stored.client_id) == (sheet.pk, "problem", "Nav telpu", author.pk, "c1")


def test_note_create_assigns_increasing_seq(sheet: Sheet, demo_meeting: Meeting) -> None:
    before = demo_meeting.last_seq

    notes = [add(sheet, f"c{i}") for i in range(3)]

    assert [n.seq for n in notes] == [before + 1, before + 2, before + 3]
    demo_meeting.refresh_from_db()
    assert demo_meeting.last_seq == before + 3


def test_note_create_broadcasts_note_added_after_commit(
    sheet: Sheet, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        note = add(sheet, "c1", text="Labi")
        assert broadcasts == []  # not before the transaction commits

    assert broadcasts == [NoteAdded(meeting_id=sheet.meeting_id, seq=note.seq,
                                    note_id=note.pk, sheet_id=sheet.pk, column="problem",
                                    text="Labi", client_id="c1")]


def test_a_rolled_back_note_is_never_announced(
    sheet: Sheet, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    def add_then_fail() -> None:
        with transaction.atomic():
            add(sheet, "c1")
            raise RollbackError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RollbackError):
        add_then_fail()

    assert broadcasts == []
    assert not Note.objects.exists()


def test_the_same_client_id_twice_stores_one_note(
    sheet: Sheet, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    first, _ = note_create(sheet=sheet, column="problem", text="a", client_id="c1")

    with django_capture_on_commit_callbacks(execute=True):
        second, created = note_create(sheet=sheet, column="problem", text="a",
                                      client_id="c1")

    assert created is False
    assert second.pk == first.pk
    assert Note.objects.count() == 1
    assert broadcasts == []


def test_unknown_column_is_refused_and_nothing_stored(
    sheet: Sheet, demo_meeting: Meeting,
) -> None:
    before = demo_meeting.last_seq

    with pytest.raises(DomainError) as error:
        add(sheet, "c1", column="feedback")

    assert error.value.field == "column"
    assert not Note.objects.exists()
    demo_meeting.refresh_from_db()
    assert demo_meeting.last_seq == before


def test_empty_text_is_refused(sheet: Sheet) -> None:
    with pytest.raises(DomainError) as error:
        add(sheet, "c1", text="   ")

    assert error.value.field == "text"
    assert not Note.objects.exists()


def test_markup_is_stored_verbatim(sheet: Sheet) -> None:
    note = add(sheet, "c1", text="<script>alert(1)</script>")

    assert Note.objects.get(pk=note.pk).text == "<script>alert(1)</script>"


# Submitting from a live screen ------------------------------------------------------


def test_note_submit_refuses_a_sheet_of_another_meeting(
    sheet: Sheet, meeting_factory: Any, agenda_item_factory: Any,
) -> None:
    other = meeting_factory()
    other_item = agenda_item_factory(day=other.days.first(), method="brainstorm",
                                     params={"columns": ["problem"]})
    other_sheet = sheets_ensure(item=other_item)[0]

    with pytest.raises(DomainError) as error:
        note_submit(meeting_id=sheet.meeting_id, sheet_id=other_sheet.pk,
                    column="problem", text="x", client_id="c1")

    assert error.value.field == "sheet"
    assert not Note.objects.exists()


@pytest.mark.parametrize("sheet_id", ["1", 1.0, None, True, [1]])
def test_note_submit_refuses_a_sheet_id_that_is_not_an_int(
    sheet: Sheet, sheet_id: object,
) -> None:
    with pytest.raises(DomainError):
        note_submit(meeting_id=sheet.meeting_id, sheet_id=sheet_id, column="problem",
                    text="x", client_id="c1")

    assert not Note.objects.exists()


@pytest.mark.parametrize("field", ["text", "column", "client_id"])
@pytest.mark.parametrize("value", [None, 5, ["x"], {"x": 1}])
def test_note_submit_refuses_fields_that_are_not_strings(
    sheet: Sheet, field: str, value: object,
) -> None:
    fields: dict[str, Any] = {"column": "problem", "text": "x", "client_id": "c1"}
    fields[field] = value

    with pytest.raises(DomainError):
        note_submit(meeting_id=sheet.meeting_id, sheet_id=sheet.pk, **fields)

    assert not Note.objects.exists()


def test_note_submit_ignores_an_author_of_another_meeting(
    sheet: Sheet, participant_factory: Any,
) -> None:
    stranger = participant_factory()

    note = note_submit(meeting_id=sheet.meeting_id, sheet_id=sheet.pk, column="problem",
                       text="x", client_id="c1", author_id=stranger.pk)

    assert note.author_id is None


# Current item -----------------------------------------------------------------------


def test_set_current_item_broadcasts_with_the_next_seq(
    demo_meeting: Meeting, brainstorm: AgendaItem, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    before = Meeting.objects.get(pk=demo_meeting.pk).last_seq

    with django_capture_on_commit_callbacks(execute=True):
        meeting_set_current_item(meeting=demo_meeting, item=brainstorm)

    assert broadcasts == [CurrentItemChanged(meeting_id=demo_meeting.pk, seq=before + 1,
                                             item_id=brainstorm.pk)]
    demo_meeting.refresh_from_db()
    assert (demo_meeting.current_item_id, demo_meeting.last_seq) == (brainstorm.pk,
                                                                     before + 1)


def test_set_current_item_refuses_an_item_of_another_meeting(
    demo_meeting: Meeting, agenda_item: AgendaItem,
) -> None:
    with pytest.raises(DomainError):
        meeting_set_current_item(meeting=demo_meeting, item=agenda_item)

    demo_meeting.refresh_from_db()
    assert demo_meeting.current_item_id is None


# Live state -------------------------------------------------------------------------


def test_live_state_without_a_current_item(demo_meeting: Meeting) -> None:
    state = state_data(demo_meeting.pk, Audience.PROJECTOR)

    assert state == {"type": "state", "seq": demo_meeting.last_seq, "item": None,
                     "sheets": []}


def test_live_state_contains_the_notes_and_the_seq(
    demo_meeting: Meeting, brainstorm: AgendaItem, sheet: Sheet,
) -> None:
    meeting_set_current_item(meeting=demo_meeting, item=brainstorm)
    note = add(sheet, "c1", text="Labi")

    state = state_data(demo_meeting.pk, Audience.PROJECTOR)

    assert state["seq"] == note.seq
    assert state["item"]["id"] == brainstorm.pk
    assert len(state["sheets"]) == 4
    [shown] = state["sheets"][0]["notes"]
    assert {k: shown[k] for k in ("id", "column", "text", "seq")} == {
        "id": note.pk, "column": "problem", "text": "Labi", "seq": note.seq}
    assert all(s["notes"] == [] for s in state["sheets"][1:])
    assert [c["key"] for c in state["sheets"][0]["columns"]] == DEMO_COLUMNS


def test_live_state_leaves_out_hidden_and_merged_notes(
    demo_meeting: Meeting, brainstorm: AgendaItem, sheet: Sheet,
) -> None:
    meeting_set_current_item(meeting=demo_meeting, item=brainstorm)
    kept = add(sheet, "c1", text="kept")
    hidden = add(sheet, "c2", text="hidden")
    merged = add(sheet, "c3", text="merged")
    Note.objects.filter(pk=hidden.pk).update(hidden=True, hidden_reason="off topic")
    Note.objects.filter(pk=merged.pk).update(merged_into=kept)

    state = state_data(demo_meeting.pk, Audience.PROJECTOR)

    texts = [n["text"] for s in state["sheets"] for n in s["notes"]]
    assert texts == ["kept"]


def test_live_state_names_no_participant(
    demo_meeting: Meeting, brainstorm: AgendaItem, sheet: Sheet, author: Participant,
) -> None:
    meeting_set_current_item(meeting=demo_meeting, item=brainstorm)
    add(sheet, "c1", text="Labi", author=author)

    dumped = json.dumps(state_data(demo_meeting.pk, Audience.PROJECTOR), ensure_ascii=False)

    assert "Labi" in dumped
    assert author.name not in dumped
    assert not any(p.name in dumped for p in demo_meeting.participants.all())
    assert "author" not in dumped
