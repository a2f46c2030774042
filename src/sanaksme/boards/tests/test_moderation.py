"""Moderation, replies and reveal: the rows they leave, the live state, the events."""

from __future__ import annotations

from typing import Any

import pytest

from sanaksme.boards.models import Note, NoteAudit, Reply, Sheet
from sanaksme.boards.services import (
    note_create,
    note_hide,
    note_merge,
    note_show,
    note_unmerge,
    reply_create,
    reply_submit,
    sheet_reveal,
    sheets_ensure,
)
from sanaksme.core.exceptions import DomainError
from sanaksme.live.channel_groups import Audience
from sanaksme.live.events import (
    Event,
    NoteAdded,
    NoteChanged,
    ReplyAdded,
    SeqAdvanced,
    SheetChanged,
)
from sanaksme.live.state import state_data
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

Sent = list[tuple[Event, tuple[Audience, ...]]]


# Data -------------------------------------------------------------------------------


@pytest.fixture
def brainstorm(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")


@pytest.fixture
def feedback(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="feedback")


@pytest.fixture
def meeting(demo_meeting: Meeting, brainstorm: AgendaItem) -> Meeting:
    """The demo meeting with its brainstorm as the current item."""
    meeting_set_current_item(meeting=demo_meeting, item=brainstorm)
    return Meeting.objects.get(pk=demo_meeting.pk)


@pytest.fixture
def sheet(meeting: Meeting, brainstorm: AgendaItem) -> Sheet:
    return sheets_ensure(item=brainstorm)[0]


@pytest.fixture
def other_sheet(meeting: Meeting, brainstorm: AgendaItem) -> Sheet:
    return sheets_ensure(item=brainstorm)[1]


@pytest.fixture
def feedback_sheet(demo_meeting: Meeting, feedback: AgendaItem) -> Sheet:
    """The feedback round's sheet, with feedback as the current item."""
    meeting_set_current_item(meeting=demo_meeting, item=feedback)
    return sheets_ensure(item=feedback)[0]


@pytest.fixture
def note(sheet: Sheet) -> Note:
    return add(sheet, "n1", "Nav telpu")


@pytest.fixture
def twin(sheet: Sheet) -> Note:
    return add(sheet, "n2", "Trūkst telpu")


@pytest.fixture
def municipal(demo_meeting: Meeting) -> Participant:
    return demo_meeting.participants.filter(category="municipal").order_by("pk")[0]


@pytest.fixture
def regional_expert(demo_meeting: Meeting) -> Participant:
    return demo_meeting.participants.filter(category="regional_expert").order_by("pk")[0]


def add(sheet: Sheet, client_id: str, text: str = "Laba skola",
        column: str = "problem") -> Note:
    note, _created = note_create(sheet=sheet, column=column, text=text,
                                 client_id=client_id)
    return note


def last_seq(meeting_id: int) -> int:
    return int(Meeting.objects.values_list("last_seq", flat=True).get(pk=meeting_id))


def shown(meeting: Meeting, *, console: bool = False) -> dict[int, dict[str, Any]]:
    """The notes a screen's state shows, by id."""
    state = state_data(meeting.pk, Audience.CONSOLE if console else Audience.PROJECTOR)
    return {n["id"]: n for s in state["sheets"] for n in s["notes"]}


def audit(note: Note) -> list[tuple[str, int | None, str, int | None]]:
    return list(NoteAudit.objects.filter(note=note).values_list(
        "action", "actor_id", "reason", "other_id"))


# Hiding -----------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   "])
def test_hide_without_a_reason_is_refused_and_changes_nothing(
    note: Note, facilitator: Any, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any, reason: str,
) -> None:
    before = last_seq(note.meeting_id)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError) as error:
        note_hide(note=note, actor=facilitator, reason=reason)

    assert error.value.field == "reason"
    assert Note.objects.get(pk=note.pk).hidden is False
    assert not NoteAudit.objects.exists()
    assert last_seq(note.meeting_id) == before
    assert broadcasts == []


def test_hide_stores_the_reason_and_an_audit_row(note: Note, facilitator: Any) -> None:
    note_hide(note=note, actor=facilitator, reason="  dublikāts ")

    stored = Note.objects.get(pk=note.pk)
    assert (stored.hidden, stored.hidden_reason) == (True, "dublikāts")
    assert audit(note) == [("hide", facilitator.pk, "dublikāts", None)]


def test_hide_broadcasts_note_changed_with_the_next_seq_after_commit(
    note: Note, facilitator: Any, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    before = last_seq(note.meeting_id)

    with django_capture_on_commit_callbacks(execute=True):
        note_hide(note=note, actor=facilitator, reason="off topic")
        assert broadcasts == []  # not before the transaction commits

    assert [(e.type, e.seq, note.pk in [n["id"] for n in e.notes])  # type: ignore[attr-defined]
            for e in broadcasts] == [(NoteChanged.type, before + 1, True)] * 2
    assert last_seq(note.meeting_id) == before + 1


def test_a_hidden_note_stays_in_the_database(note: Note, twin: Note,
                                             facilitator: Any) -> None:
    note_hide(note=note, actor=facilitator, reason="off topic")

    assert Note.objects.count() == 2
    assert Note.objects.filter(pk=note.pk).exists()


def test_a_hidden_note_is_absent_from_the_projector_state(
    meeting: Meeting, note: Note, twin: Note, facilitator: Any,
) -> None:
    note_hide(note=note, actor=facilitator, reason="off topic")

    assert list(shown(meeting)) == [twin.pk]


def test_the_console_state_shows_a_hidden_note_with_its_reason(
    meeting: Meeting, note: Note, facilitator: Any,
) -> None:
    note_hide(note=note, actor=facilitator, reason="off topic")

    entry = shown(meeting, console=True)[note.pk]
    assert (entry["hidden"], entry["reason"], entry["merged_into"]) == (
        True, "off topic", None)


def test_show_undoes_a_hide(meeting: Meeting, note: Note, facilitator: Any) -> None:
    note_hide(note=note, actor=facilitator, reason="off topic")

    note_show(note=note, actor=facilitator)

    stored = Note.objects.get(pk=note.pk)
    assert (stored.hidden, stored.hidden_reason) == (False, "")
    assert note.pk in shown(meeting)
    assert [row[0] for row in audit(note)] == ["hide", "show"]


def test_show_broadcasts_note_changed_with_the_next_seq(
    note: Note, facilitator: Any, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    note_hide(note=note, actor=facilitator, reason="off topic")
    before = last_seq(note.meeting_id)

    with django_capture_on_commit_callbacks(execute=True):
        note_show(note=note, actor=facilitator)

    assert [(e.type, e.seq, note.pk in [n["id"] for n in e.notes])  # type: ignore[attr-defined]
            for e in broadcasts] == [(NoteChanged.type, before + 1, True)] * 2


# Merging ----------------------------------------------------------------------------


def test_merge_sets_merged_into_and_audits_the_target(
    note: Note, twin: Note, facilitator: Any,
) -> None:
    note_merge(note=twin, into=note, actor=facilitator)

    assert Note.objects.get(pk=twin.pk).merged_into_id == note.pk
    assert audit(twin) == [("merge", facilitator.pk, "", note.pk)]


def test_merge_broadcasts_note_changed_with_the_next_seq(
    note: Note, twin: Note, facilitator: Any, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    before = last_seq(note.meeting_id)

    with django_capture_on_commit_callbacks(execute=True):
        note_merge(note=twin, into=note, actor=facilitator)

    assert [(e.type, e.seq, twin.pk in [n["id"] for n in e.notes])  # type: ignore[attr-defined]
            for e in broadcasts] == [(NoteChanged.type, before + 1, True)] * 2


def test_the_projector_state_counts_the_merged_note_under_its_target(
    meeting: Meeting, note: Note, twin: Note, facilitator: Any,
) -> None:
    note_merge(note=twin, into=note, actor=facilitator)

    notes = shown(meeting)
    assert list(notes) == [note.pk]
    assert notes[note.pk]["merged"] == 1


def test_the_console_state_keeps_the_merged_note(
    meeting: Meeting, note: Note, twin: Note, facilitator: Any,
) -> None:
    note_merge(note=twin, into=note, actor=facilitator)

    notes = shown(meeting, console=True)
    assert notes[twin.pk]["merged_into"] == note.pk
    assert notes[note.pk]["merged"] == 1


def test_merging_a_note_into_itself_is_refused(note: Note, facilitator: Any) -> None:
    with pytest.raises(DomainError):
        note_merge(note=note, into=note, actor=facilitator)

    assert Note.objects.get(pk=note.pk).merged_into_id is None
    assert not NoteAudit.objects.exists()


def test_merging_into_a_note_of_another_sheet_is_refused(
    note: Note, other_sheet: Sheet, facilitator: Any,
) -> None:
    elsewhere = add(other_sheet, "o1")

    with pytest.raises(DomainError):
        note_merge(note=note, into=elsewhere, actor=facilitator)

    assert Note.objects.get(pk=note.pk).merged_into_id is None
    assert not NoteAudit.objects.exists()


def test_merging_into_a_note_that_is_itself_merged_is_refused(
    sheet: Sheet, note: Note, twin: Note, facilitator: Any,
) -> None:
    third = add(sheet, "n3")
    twin = note_merge(note=twin, into=note, actor=facilitator)

    with pytest.raises(DomainError):
        note_merge(note=third, into=twin, actor=facilitator)

    assert Note.objects.get(pk=third.pk).merged_into_id is None


def test_merging_back_into_a_stale_copy_of_a_merged_note_is_refused(
    sheet: Sheet, note: Note, twin: Note, facilitator: Any,
) -> None:
    stale = Note.objects.get(pk=twin.pk)
    note_merge(note=twin, into=note, actor=facilitator)

    with pytest.raises(DomainError):
        note_merge(note=note, into=stale, actor=facilitator)

    assert Note.objects.get(pk=note.pk).merged_into_id is None


def test_showing_a_note_that_is_not_hidden_changes_nothing(
    note: Note, facilitator: Any,
) -> None:
    note_show(note=note, actor=facilitator)

    assert not NoteAudit.objects.filter(note=note).exists()


def test_notes_merged_into_a_move_to_b_when_a_is_merged_into_b(
    meeting: Meeting, sheet: Sheet, note: Note, twin: Note, facilitator: Any,
) -> None:
    target = add(sheet, "n3", "Telpu nav")
    note_merge(note=twin, into=note, actor=facilitator)

    note_merge(note=note, into=target, actor=facilitator)

    assert Note.objects.get(pk=twin.pk).merged_into_id == target.pk
    assert Note.objects.get(pk=note.pk).merged_into_id == target.pk
    notes = shown(meeting)
    assert list(notes) == [target.pk]
    assert notes[target.pk]["merged"] == 2


def test_unmerge_gives_the_note_its_own_place_again(
    meeting: Meeting, note: Note, twin: Note, facilitator: Any,
) -> None:
    note_merge(note=twin, into=note, actor=facilitator)

    note_unmerge(note=twin, actor=facilitator)

    assert Note.objects.get(pk=twin.pk).merged_into_id is None
    notes = shown(meeting)
    assert set(notes) == {note.pk, twin.pk}
    assert notes[note.pk]["merged"] == 0
    assert [(row[0], row[3]) for row in audit(twin)] == [("merge", note.pk),
                                                         ("unmerge", note.pk)]


# Replies ----------------------------------------------------------------------------


def test_reply_create_stores_the_reply(note: Note, municipal: Participant) -> None:
    reply, created = reply_create(note=note, kind="clarification", text=" Ir plāns ",
                                  client_id="r1", author=municipal)

    assert created is True
    stored = Reply.objects.get(pk=reply.pk)
    assert (stored.note_id, stored.kind, stored.text, stored.author_id,
            stored.client_id) == (note.pk, "clarification", "Ir plāns", municipal.pk, "r1")


def test_reply_create_broadcasts_reply_added_with_the_next_seq(
    note: Note, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    before = last_seq(note.meeting_id)

    with django_capture_on_commit_callbacks(execute=True):
        reply, _created = reply_create(note=note, kind="comment", text="Labi",
                                       client_id="r1")

    assert broadcasts == [ReplyAdded(meeting_id=note.meeting_id, seq=before + 1,
                                     note_id=note.pk, reply_id=reply.pk, kind="comment",
                                     text="Labi")]
    assert reply.seq == before + 1


def test_the_same_reply_client_id_twice_stores_one_reply(
    note: Note, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    first, _created = reply_create(note=note, kind="comment", text="Labi", client_id="r1")

    with django_capture_on_commit_callbacks(execute=True):
        second, created = reply_create(note=note, kind="comment", text="Labi",
                                       client_id="r1")

    assert (created, second.pk) == (False, first.pk)
    assert Reply.objects.count() == 1
    assert broadcasts == []


@pytest.mark.parametrize("kind", ["praise", "", "positive"])
def test_reply_create_refuses_an_unknown_kind(note: Note, kind: str) -> None:
    with pytest.raises(DomainError) as error:
        reply_create(note=note, kind=kind, text="Labi", client_id="r1")

    assert error.value.field == "kind"
    assert not Reply.objects.exists()


def test_reply_create_refuses_empty_text(note: Note) -> None:
    before = last_seq(note.meeting_id)

    with pytest.raises(DomainError) as error:
        reply_create(note=note, kind="comment", text="  ", client_id="r1")

    assert error.value.field == "text"
    assert not Reply.objects.exists()
    assert last_seq(note.meeting_id) == before


def test_a_reply_appears_under_its_note_with_the_kinds_label(
    meeting: Meeting, note: Note, twin: Note,
) -> None:
    reply_create(note=note, kind="clarification", text="Ir plāns", client_id="r1")

    notes = shown(meeting)
    assert notes[note.pk]["replies"] == [{"kind": "clarification",
                                          "label": "Clarification", "text": "Ir plāns"}]
    assert notes[twin.pk]["replies"] == []


def test_reply_submit_refuses_a_participant_who_is_not_a_replier(
    note: Note, regional_expert: Participant,
) -> None:
    with pytest.raises(DomainError):
        reply_submit(meeting_id=note.meeting_id, note_id=note.pk, kind="comment",
                     text="Labi", client_id="r1", author_id=regional_expert.pk)

    assert not Reply.objects.exists()


def test_reply_submit_accepts_a_municipal_participant(
    note: Note, municipal: Participant,
) -> None:
    reply = reply_submit(meeting_id=note.meeting_id, note_id=note.pk, kind="comment",
                         text="Labi", client_id="r1", author_id=municipal.pk)

    assert (reply.note_id, reply.author_id) == (note.pk, municipal.pk)


def test_reply_submit_refuses_a_note_of_another_meeting(
    note: Note, municipal: Participant, meeting_factory: Any,
) -> None:
    other = meeting_factory()

    with pytest.raises(DomainError):
        reply_submit(meeting_id=other.pk, note_id=note.pk, kind="comment", text="Labi",
                     client_id="r1", author_id=municipal.pk)

    assert not Reply.objects.exists()


# Revealing a feedback sheet -----------------------------------------------------------


def test_a_feedback_sheet_starts_unrevealed(feedback_sheet: Sheet) -> None:
    assert feedback_sheet.revealed is False


def test_an_unrevealed_sheets_notes_reach_only_the_console_state(
    demo_meeting: Meeting, feedback_sheet: Sheet,
) -> None:
    note = add(feedback_sheet, "f1", "Paldies", column="feedback")

    assert shown(demo_meeting) == {}
    assert list(shown(demo_meeting, console=True)) == [note.pk]


def test_sheet_reveal_toggles_revealed(feedback_sheet: Sheet) -> None:
    sheet_reveal(sheet=feedback_sheet, revealed=True)
    assert Sheet.objects.get(pk=feedback_sheet.pk).revealed is True

    sheet_reveal(sheet=feedback_sheet, revealed=False)

    assert Sheet.objects.get(pk=feedback_sheet.pk).revealed is False


def test_sheet_reveal_broadcasts_sheet_changed_with_the_next_seq(
    feedback_sheet: Sheet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    before = last_seq(feedback_sheet.meeting_id)

    with django_capture_on_commit_callbacks(execute=True):
        sheet_reveal(sheet=feedback_sheet, revealed=True)

    assert broadcasts == [SheetChanged(meeting_id=feedback_sheet.meeting_id,
                                       seq=before + 1, sheet_id=feedback_sheet.pk)]


def test_revealing_puts_the_feedback_notes_in_the_projector_state(
    demo_meeting: Meeting, feedback_sheet: Sheet,
) -> None:
    note = add(feedback_sheet, "f1", "Paldies", column="feedback")

    sheet_reveal(sheet=feedback_sheet, revealed=True)

    assert shown(demo_meeting)[note.pk]["text"] == "Paldies"


def test_a_note_on_an_unrevealed_sheet_is_sent_to_the_console_only(
    feedback_sheet: Sheet, sent: Sent, django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        note = add(feedback_sheet, "f1", "Paldies", column="feedback")

    meeting_id = feedback_sheet.meeting_id
    assert sent == [
        (NoteAdded(meeting_id=meeting_id, seq=note.seq, note_id=note.pk,
                   sheet_id=feedback_sheet.pk, column="feedback", text="Paldies",
                   client_id="f1"), (Audience.CONSOLE,)),
        (SeqAdvanced(meeting_id=meeting_id, seq=note.seq),
         (Audience.PROJECTOR, Audience.PHONE)),
    ]


def test_a_note_on_a_revealed_sheet_is_sent_to_every_screen(
    feedback_sheet: Sheet, sent: Sent, django_capture_on_commit_callbacks: Any,
) -> None:
    sheet_reveal(sheet=feedback_sheet, revealed=True)

    with django_capture_on_commit_callbacks(execute=True):
        note = add(feedback_sheet, "f1", "Paldies", column="feedback")

    [(event, audiences)] = sent
    assert isinstance(event, NoteAdded)
    assert event.note_id == note.pk
    assert set(audiences) == {Audience.CONSOLE, Audience.PROJECTOR, Audience.PHONE}

