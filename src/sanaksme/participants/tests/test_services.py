"""Registering participants one by one and from CSV files."""

from __future__ import annotations

from typing import Any

import pytest

from sanaksme.core.exceptions import DomainError, ImportRejected
from sanaksme.live.events import Event, ProgrammeChanged
from sanaksme.participants.models import Participant
from sanaksme.participants.services import (
    participant_delete,
    participant_save,
    participants_import_csv,
)
from sanaksme.programme.models import Meeting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def people(meeting: Meeting) -> list[tuple[str, str]]:
    return list(meeting.participants.order_by("id").values_list("name", "category"))


# One at a time --------------------------------------------------------------------


def test_participant_save_registers_a_person(meeting: Meeting) -> None:
    person = participant_save(meeting=meeting, name="  Anita Bērziņa ",
                              category="regional_expert", institution="Jelgava")

    assert (person.name, person.institution) == ("Anita Bērziņa", "Jelgava")
    assert people(meeting) == [("Anita Bērziņa", "regional_expert")]


def test_participant_save_refuses_the_same_name_and_institution(
    meeting: Meeting, participant_factory: Any,
) -> None:
    participant_factory(meeting=meeting, name="Anita Bērziņa",
                                   institution="Jelgava")

    with pytest.raises(DomainError) as error:
        participant_save(meeting=meeting, name="Anita Bērziņa", category="expert",
                         institution="Jelgava")

    assert error.value.field == "name"
    assert meeting.participants.count() == 1


def test_participant_save_allows_the_same_name_from_another_institution(
    meeting: Meeting, participant_factory: Any,
) -> None:
    participant_factory(meeting=meeting, name="Anita Bērziņa",
                                   institution="Jelgava")

    participant_save(meeting=meeting, name="Anita Bērziņa", category="expert",
                     institution="Rīga")

    assert meeting.participants.count() == 2


def test_participant_save_allows_the_same_person_in_another_meeting(
    registered_participant: Participant, meeting_factory: Any,
) -> None:
    other = meeting_factory()

    participant_save(meeting=other, name=registered_participant.name,
                     category=registered_participant.category)

    assert other.participants.count() == 1


def test_participant_save_edits_a_person_keeping_their_name(
    registered_participant: Participant,
) -> None:
    participant_save(meeting=registered_participant.meeting,
                     participant=registered_participant,
                     name=registered_participant.name, category="expert")

    registered_participant.refresh_from_db()
    assert registered_participant.category == "expert"


def test_participant_save_refuses_an_empty_name(meeting: Meeting) -> None:
    with pytest.raises(DomainError) as error:
        participant_save(meeting=meeting, name="  ", category="expert")

    assert error.value.field == "name"


def test_participant_save_refuses_an_unknown_category(meeting: Meeting) -> None:
    with pytest.raises(DomainError) as error:
        participant_save(meeting=meeting, name="Anita", category="professor")

    assert error.value.field == "category"
    assert not meeting.participants.exists()


def test_participant_save_broadcasts_programme_changed(
    meeting: Meeting, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        participant_save(meeting=meeting, name="Anita", category="expert")

    assert broadcasts == [ProgrammeChanged(meeting_id=meeting.pk, seq=last_seq(meeting.pk))]


def test_participant_delete_removes_the_person_and_broadcasts(
    registered_participant: Participant, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    meeting_id = registered_participant.meeting_id

    with django_capture_on_commit_callbacks(execute=True):
        participant_delete(participant=registered_participant)

    assert not Participant.objects.filter(meeting_id=meeting_id).exists()
    assert broadcasts == [ProgrammeChanged(meeting_id=meeting_id, seq=last_seq(meeting_id))]


# CSV files ------------------------------------------------------------------------

GOOD_CSV = (
    "name,category,institution,roma_mediator\n"
    "Anita Bērziņa,regional_expert,Jelgavas pašvaldība,no\n"
    "Roberts Kozlovskis,roma_community,\"Romu biedrība, Daugavpils\",jā\n"
)


def test_csv_registers_every_row(meeting: Meeting) -> None:
    count = participants_import_csv(meeting=meeting, text=GOOD_CSV)

    assert count == 2
    assert people(meeting) == [("Anita Bērziņa", "regional_expert"),
                               ("Roberts Kozlovskis", "roma_community")]


def test_csv_reads_quoted_cells_and_yes_no_flags(meeting: Meeting) -> None:
    participants_import_csv(meeting=meeting, text=GOOD_CSV)

    roberts = meeting.participants.get(name="Roberts Kozlovskis")
    assert roberts.institution == "Romu biedrība, Daugavpils"
    assert roberts.is_roma_mediator is True


def test_csv_separated_by_semicolons_is_read(meeting: Meeting) -> None:
    text = "name;category;municipality\nAnita Bērziņa;expert;Jelgava\nDace;municipal;Rīga\n"

    count = participants_import_csv(meeting=meeting, text=text)

    assert count == 2
    assert meeting.participants.get(name="Anita Bērziņa").municipality == "Jelgava"


def test_csv_header_is_read_regardless_of_case(meeting: Meeting) -> None:
    text = "Name,CATEGORY,Institution\nAnita,expert,LU\n"

    participants_import_csv(meeting=meeting, text=text)

    assert meeting.participants.get().institution == "LU"


def test_csv_with_a_byte_order_mark_is_read(meeting: Meeting) -> None:
    text = "\ufeffname;category\nAnita;expert\n"

    participants_import_csv(meeting=meeting, text=text)

    assert people(meeting) == [("Anita", "expert")]


def test_csv_category_may_be_written_as_its_label(meeting: Meeting) -> None:
    text = "name,category\nAnita,Municipal representative\n"

    participants_import_csv(meeting=meeting, text=text)

    assert people(meeting) == [("Anita", "municipal")]


def test_csv_with_an_unknown_category_names_its_line_and_registers_nobody(
    meeting: Meeting,
) -> None:
    text = "name,category\nAnita,expert\nDace,professor\nJānis,municipal\n"

    with pytest.raises(ImportRejected) as rejected:
        participants_import_csv(meeting=meeting, text=text)

    assert len(rejected.value.errors) == 1
    assert rejected.value.errors[0].startswith("line 3:")
    assert "“professor”" in rejected.value.errors[0]
    assert not meeting.participants.exists()


def test_csv_without_name_and_category_columns_is_refused(meeting: Meeting) -> None:
    with pytest.raises(ImportRejected) as rejected:
        participants_import_csv(meeting=meeting, text="person,kind\nAnita,expert\n")

    assert "“name”" in rejected.value.errors[0]


def test_csv_with_an_unknown_column_is_refused(meeting: Meeting) -> None:
    with pytest.raises(ImportRejected) as rejected:
        participants_import_csv(meeting=meeting, text="name,category,age\nAnita,expert,40\n")

    assert "“age”" in rejected.value.errors[0]
    assert not meeting.participants.exists()


def test_csv_row_repeating_an_earlier_row_is_refused(meeting: Meeting) -> None:
    text = "name,category\nAnita,expert\nAnita,expert\n"

    with pytest.raises(ImportRejected) as rejected:
        participants_import_csv(meeting=meeting, text=text)

    assert rejected.value.errors == ["line 3: “Anita” is already registered"]


def test_csv_row_of_someone_already_registered_is_refused(
    meeting: Meeting, participant_factory: Any,
) -> None:
    participant_factory(meeting=meeting, name="Anita")

    with pytest.raises(ImportRejected) as rejected:
        participants_import_csv(meeting=meeting, text="name,category\nAnita,expert\n")

    assert rejected.value.errors == ["line 2: “Anita” is already registered"]
    assert meeting.participants.count() == 1


def test_csv_flag_that_is_not_yes_or_no_is_refused(meeting: Meeting) -> None:
    text = "name,category,roma_mediator\nAnita,expert,maybe\n"

    with pytest.raises(ImportRejected) as rejected:
        participants_import_csv(meeting=meeting, text=text)

    assert rejected.value.errors == ["line 2: roma_mediator must be yes or no"]


def test_csv_with_only_a_header_is_refused(meeting: Meeting) -> None:
    with pytest.raises(ImportRejected) as rejected:
        participants_import_csv(meeting=meeting, text="name,category\n")

    assert rejected.value.errors == ["The file has no participants."]


def test_csv_import_broadcasts_once(
    meeting: Meeting, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        participants_import_csv(meeting=meeting, text=GOOD_CSV)

    assert broadcasts == [ProgrammeChanged(meeting_id=meeting.pk, seq=last_seq(meeting.pk))]


def last_seq(meeting_id: int) -> int:
    """The meeting's sequence number now: the event must carry the latest one."""
    return Meeting.objects.values_list("last_seq", flat=True).get(pk=meeting_id)
