"""Privacy by default: exports without names unless asked, a person's data exported and
erased across the organisation's meetings, report files that expire.

docs/privacy.md, "Names in exports and reports", "A person's data: export and erasure",
"How long things are kept".
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
import yaml
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.utils import timezone

from sanaksme.boards.models import Note
from sanaksme.boards.services import note_create, sheets_ensure
from sanaksme.participants.models import Attendance, Participant
from sanaksme.participants.privacy import person_erase, person_export
from sanaksme.participants.services import participant_delete
from sanaksme.programme.models import AgendaItem, Meeting, Organisation
from sanaksme.reports.exchange import meeting_export
from sanaksme.reports.models import ReportJob

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}
NAME = "Zeta Romanovska"


@pytest.fixture
def person(demo_meeting: Meeting) -> Participant:
    """A Roma community representative with every kind of personal detail."""
    return Participant.objects.create(
        meeting=demo_meeting, name=NAME, category="roma_community",
        institution="Biedrība Čigānu Dzīve", municipality="Viļāni", is_roma_mediator=True,
        municipality_had_mediators=True, email="zeta@example.org", phone="+371 2000 1234")


def _note(person: Participant, text: str, client_id: str) -> Note:
    item = AgendaItem.objects.filter(day__meeting=person.meeting,
                                     method="brainstorm").order_by("pk")[0]
    sheet = sheets_ensure(item=item)[0]
    note, _created = note_create(sheet=sheet, column=sheet.columns[0], text=text,
                                 client_id=client_id, author=person)
    return note


def _meeting(organisation: Organisation) -> Meeting:
    number = Meeting.objects.count() + 1
    return Meeting.objects.create(
        organisation=organisation, slug=f"other-{number}", title=f"Other {number}",
        place="Rēzekne", language="lv", starts_on=dt.date(2018, 3, 1),
        ends_on=dt.date(2018, 3, 1))


def _same_person_elsewhere(organisation: Organisation, person: Participant,
                           name: str = "  zeta   ROMANOVSKA ") -> Participant:
    meeting = _meeting(organisation)
    return Participant.objects.create(meeting=meeting, name=name, category="roma_community",
                                      email=person.email.upper())


def _job(meeting: Meeting, user: Any, **fields: Any) -> ReportJob:
    return ReportJob.objects.create(meeting=meeting, requested_by=user, fmt="pdf",
                                    done=True, content=b"%PDF names", filename="r.pdf",
                                    content_type="application/pdf", **fields)


# Names in exports ------------------------------------------------------------------


def test_programme_yaml_export_names_nobody_by_default(facilitator_client: Client,
                                                       person: Participant) -> None:
    response = facilitator_client.get(f"/console/m/{person.meeting.slug}/programme.yaml")

    text = response.content.decode()
    assert response.status_code == 200
    assert "participants" not in yaml.safe_load(text)
    for secret in (NAME, "zeta@example.org", "2000 1234", "category: roma_community"):
        assert secret not in text


def test_programme_yaml_export_with_names_leaves_out_contacts_unless_asked(
        facilitator_client: Client, person: Participant) -> None:
    response = facilitator_client.get(
        f"/console/m/{person.meeting.slug}/programme.yaml?names=1")

    text = response.content.decode()
    assert NAME in text
    assert "zeta@example.org" not in text
    assert "2000 1234" not in text


def test_pseudonymised_json_has_no_institution_municipality_or_mediator_mark(
        person: Participant) -> None:
    data = meeting_export(person.meeting)

    text = json.dumps(data, ensure_ascii=False)
    assert {(p["institution"], p["municipality"], p["is_roma_mediator"],
             p["municipality_had_mediators"]) for p in data["participants"]} == {
        ("", "", False, False)}
    assert "Čigānu Dzīve" not in text


def test_pseudonymised_json_keeps_affiliations_when_asked(person: Participant) -> None:
    data = meeting_export(person.meeting, include_affiliations=True)

    text = json.dumps(data, ensure_ascii=False)
    assert "Čigānu Dzīve" in text
    assert NAME not in text


def test_attendance_sheets_are_refused_without_an_explicit_choice_of_names(
        facilitator_client: Client, demo_meeting: Meeting) -> None:
    response = facilitator_client.post(f"/console/m/{demo_meeting.slug}/reports/jobs/",
                                       {"fmt": "attendance", "presence": "0"}, headers=HX)

    assert response.status_code == 400
    assert not ReportJob.objects.exists()


# A person's data: export ---------------------------------------------------------


def test_person_export_contains_their_notes_from_every_meeting_of_the_organisation(
        person: Participant) -> None:
    _note(person, "Mediators katrā skolā", "p1")
    elsewhere = _same_person_elsewhere(person.meeting.organisation, person)
    Attendance.objects.create(participant=elsewhere, date=elsewhere.meeting.starts_on,
                              first_seen_at=timezone.now())

    data = person_export(organisation=person.meeting.organisation, participant=person)

    assert [n["text"] for n in data["boards.note"]] == ["Mediators katrā skolā"]
    assert {p["id"] for p in data["participants"]} == {person.pk, elsewhere.pk}
    assert [a["participant_id"] for a in data["participants.attendance"]] == [elsewhere.pk]


def test_person_export_leaves_out_anonymous_notes_and_join_secrets(
        person: Participant) -> None:
    note = _note(person, "Anonīma piezīme", "p2")
    Note.objects.filter(pk=note.pk).update(anonymous=True)

    text = json.dumps(person_export(organisation=person.meeting.organisation,
                                    participant=person), default=str)

    assert "Anonīma piezīme" not in text
    for secret in ("join_token", '"pin"', "device"):
        assert secret not in text


def test_another_organisations_facilitator_cannot_export_a_person(
        person: Participant) -> None:
    client = _outsider_client()

    response = client.get(f"/console/m/{person.meeting.slug}/participants/{person.pk}/"
                          "export.json")

    assert response.status_code == 404


def test_facilitator_downloads_a_persons_data_as_json(facilitator_client: Client,
                                                      person: Participant) -> None:
    response = facilitator_client.get(
        f"/console/m/{person.meeting.slug}/participants/{person.pk}/export.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["participants"][0]["email"] == "zeta@example.org"


# A person's data: erasure --------------------------------------------------------


def test_erasure_keeps_the_notes_text_without_its_author(person: Participant,
                                                         facilitator: Any) -> None:
    note = _note(person, "Mediators katrā skolā", "p3")

    person_erase(organisation=person.meeting.organisation, participant=person,
                 by_user=facilitator)

    note.refresh_from_db()
    assert note.text == "Mediators katrā skolā"
    assert note.author_id is None


def test_erasure_removes_the_person_from_every_meeting_of_the_organisation_only(
        person: Participant, facilitator: Any) -> None:
    elsewhere = _same_person_elsewhere(person.meeting.organisation, person)
    other_organisation = Organisation.objects.create(name="Another organisation")
    namesake = _same_person_elsewhere(other_organisation, person)
    other_person = Participant.objects.create(meeting=person.meeting, name="Anna Bērziņa",
                                              category="expert")

    person_erase(organisation=person.meeting.organisation, participant=person,
                 by_user=facilitator)

    assert not Participant.objects.filter(pk__in=[person.pk, elsewhere.pk]).exists()
    assert Participant.objects.filter(pk__in=[namesake.pk, other_person.pk]).count() == 2


def test_erasure_deletes_the_stored_report_files_of_the_meetings_involved(
        person: Participant, facilitator: Any) -> None:
    elsewhere = _same_person_elsewhere(person.meeting.organisation, person)
    named = _job(person.meeting, facilitator, include_names=True)
    named_elsewhere = _job(elsewhere.meeting, facilitator, include_names=True)
    unrelated = _job(_meeting(person.meeting.organisation), facilitator,
                     include_names=True)

    person_erase(organisation=person.meeting.organisation, participant=person,
                 by_user=facilitator)

    assert not ReportJob.objects.filter(pk__in=[named.pk, named_elsewhere.pk]).exists()
    assert ReportJob.objects.filter(pk=unrelated.pk).exists()


def test_removing_a_registration_deletes_the_meetings_report_files_with_names(
        person: Participant, facilitator: Any) -> None:
    named = _job(person.meeting, facilitator, include_names=True)
    anonymous = _job(person.meeting, facilitator, include_names=False)

    participant_delete(participant=person)

    assert not ReportJob.objects.filter(pk=named.pk).exists()
    assert ReportJob.objects.filter(pk=anonymous.pk).exists()


def test_erasure_is_audited_without_the_name(person: Participant, facilitator: Any) -> None:
    _note(person, "Mediators katrā skolā", "p4")

    person_erase(organisation=person.meeting.organisation, participant=person,
                 by_user=facilitator)

    entry = LogEntry.objects.get()
    assert entry.user_id == facilitator.pk
    assert NAME not in entry.object_repr + entry.change_message
    assert json.loads(entry.change_message)["participant_rows"] == 1


def test_erasure_leaves_no_erased_id_in_speaking_orders(demo_meeting: Meeting,
                                                        person: Participant,
                                                        facilitator: Any) -> None:
    from sanaksme.speaking.models import Round

    item = AgendaItem.objects.filter(day__meeting=demo_meeting,
                                     method="tour_de_table").order_by("pk")[0]
    round_ = Round.objects.create(meeting=demo_meeting, item=item,
                                  arranged=[person.pk], skipped=[person.pk])

    person_erase(organisation=demo_meeting.organisation, participant=person,
                 by_user=facilitator)

    round_.refresh_from_db()
    assert round_.arranged == round_.skipped == []


def test_erasure_keeps_a_speaking_turn_without_its_speaker(demo_meeting: Meeting,
                                                           person: Participant,
                                                           facilitator: Any) -> None:
    from sanaksme.speaking.models import Round, Turn

    item = AgendaItem.objects.filter(day__meeting=demo_meeting,
                                     method="tour_de_table").order_by("pk")[0]
    round_ = Round.objects.create(meeting=demo_meeting, item=item)
    turn = Turn.objects.create(round=round_, participant=person, started_at=timezone.now(),
                               spoken_seconds=95, minutes="Mediatori vajadzīgi.")

    person_erase(organisation=demo_meeting.organisation, participant=person,
                 by_user=facilitator)

    turn.refresh_from_db()
    assert (turn.participant_id, turn.spoken_seconds, turn.minutes) == (
        None, 95, "Mediatori vajadzīgi.")


def test_erasure_page_asks_first_and_changes_nothing(facilitator_client: Client,
                                                     person: Participant) -> None:
    response = facilitator_client.get(
        f"/console/m/{person.meeting.slug}/participants/{person.pk}/erase/")

    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert Participant.objects.filter(pk=person.pk).exists()


def test_facilitator_erases_a_person_by_posting_the_confirmation(
        facilitator_client: Client, person: Participant) -> None:
    response = facilitator_client.post(
        f"/console/m/{person.meeting.slug}/participants/{person.pk}/erase/")

    assert response.status_code == 302
    assert not Participant.objects.filter(pk=person.pk).exists()


def test_another_organisations_facilitator_cannot_erase_a_person(
        person: Participant) -> None:
    client = _outsider_client()

    response = client.post(f"/console/m/{person.meeting.slug}/participants/{person.pk}/"
                           "erase/")

    assert response.status_code == 404
    assert Participant.objects.filter(pk=person.pk).exists()


def test_no_table_with_text_is_deleted_along_with_a_participant() -> None:
    cascading = []
    for rel in Participant._meta.related_objects:
        model = rel.related_model
        assert isinstance(model, type)
        texts = [f.name for f in model._meta.concrete_fields
                 if isinstance(f, models.TextField) or f.name in ("text", "minutes")]
        if texts and rel.on_delete is not models.SET_NULL:
            cascading.append(f"{model._meta.label}.{rel.field.name}")

    assert cascading == []


def _outsider_client() -> Client:
    outsider = get_user_model().objects.create_user("outsider", is_staff=True)
    Organisation.objects.create(name="Other organisation").members.add(outsider)
    client = Client()
    client.force_login(outsider)
    return client


# How long things are kept --------------------------------------------------------


def _expire(job: ReportJob, days: int) -> None:
    ReportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days, minutes=1))


def test_an_expired_report_file_is_not_downloadable(facilitator_client: Client,
                                                    demo_meeting: Meeting,
                                                    facilitator: Any,
                                                    settings: Any) -> None:
    settings.SANAKSME_REPORT_JOB_DAYS = 3
    job = _job(demo_meeting, facilitator, include_names=True)
    _expire(job, 3)

    response = facilitator_client.get(
        f"/console/m/{demo_meeting.slug}/reports/jobs/{job.key}/file/")

    assert response.status_code == 410
    assert b"%PDF names" not in response.content


def test_a_report_file_within_its_days_is_downloadable(facilitator_client: Client,
                                                       demo_meeting: Meeting,
                                                       facilitator: Any,
                                                       settings: Any) -> None:
    settings.SANAKSME_REPORT_JOB_DAYS = 3
    job = _job(demo_meeting, facilitator)
    _expire(job, 2)

    response = facilitator_client.get(
        f"/console/m/{demo_meeting.slug}/reports/jobs/{job.key}/file/")

    assert response.status_code == 200


def test_purge_command_deletes_expired_report_files_only(demo_meeting: Meeting,
                                                         facilitator: Any,
                                                         settings: Any) -> None:
    settings.SANAKSME_REPORT_JOB_DAYS = 3
    old, fresh = _job(demo_meeting, facilitator), _job(demo_meeting, facilitator)
    _expire(old, 3)

    call_command("purge", stdout=io.StringIO())

    assert list(ReportJob.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_opening_the_reports_page_purges_expired_report_files(
        facilitator_client: Client, demo_meeting: Meeting, facilitator: Any,
        settings: Any) -> None:
    settings.SANAKSME_REPORT_JOB_DAYS = 3
    _expire(_job(demo_meeting, facilitator), 3)

    facilitator_client.get(f"/console/m/{demo_meeting.slug}/reports/")

    assert not ReportJob.objects.exists()
