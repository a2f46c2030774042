"""The facilitator's participant pages: register one, upload a CSV file."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from sanaksme.participants.models import Participant
from sanaksme.programme.models import Meeting

pytestmark = pytest.mark.django_db


def url(meeting: Meeting, rest: str = "") -> str:
    return f"/console/m/{meeting.slug}/participants/{rest}"


def csv_file(text: str, encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile("people.csv", text.encode(encoding), content_type="text/csv")


def test_participant_list_shows_the_registered(facilitator_client: Client,
                                               registered_participant: Participant) -> None:
    response = facilitator_client.get(url(registered_participant.meeting))

    assert response.status_code == 200
    assert registered_participant.name in response.content.decode()


def test_participant_list_of_another_organisation_is_404(
    facilitator_client: Client, meeting_factory: Any, organisation_factory: Any,
) -> None:
    other = meeting_factory(organisation=organisation_factory(name="Other"))

    response = facilitator_client.get(url(other))

    assert response.status_code == 404


def test_registering_a_participant_redirects_to_the_list(facilitator_client: Client,
                                                         meeting: Meeting) -> None:
    response = facilitator_client.post(url(meeting), {"name": "Anita",
                                                      "category": "expert"})

    assert response.status_code == 302
    assert list(meeting.participants.values_list("name", flat=True)) == ["Anita"]


def test_registering_someone_twice_returns_400_with_the_error(
    facilitator_client: Client, registered_participant: Participant,
) -> None:
    meeting = registered_participant.meeting

    response = facilitator_client.post(url(meeting), {
        "name": registered_participant.name, "category": "expert",
        "institution": registered_participant.institution})

    assert response.status_code == 400
    assert response.context["form"].errors["name"]
    assert meeting.participants.count() == 1


def test_good_csv_upload_registers_everyone(facilitator_client: Client,
                                            meeting: Meeting) -> None:
    text = "\ufeffName;Category\nAnita;expert\nDace;municipal\n"

    response = facilitator_client.post(url(meeting, "import/"),
                                       {"file": csv_file(text)})

    assert response.status_code == 302
    assert meeting.participants.count() == 2


def test_bad_csv_upload_returns_400_naming_the_line_and_registers_nobody(
    facilitator_client: Client, meeting: Meeting,
) -> None:
    text = "name,category\nAnita,expert\nDace,professor\n"

    response = facilitator_client.post(url(meeting, "import/"),
                                       {"file": csv_file(text)})

    assert response.status_code == 400
    errors = response.context["csv_errors"]
    assert len(errors) == 1
    assert "3" in errors[0]
    assert errors[0] in response.content.decode()
    assert not meeting.participants.exists()


def test_bad_csv_upload_in_english_says_line_3(facilitator_client: Client,
                                               meeting: Meeting) -> None:
    facilitator_client.post("/i18n/setlang/", {"language": "en"})
    text = "name,category\nAnita,expert\nDace,professor\n"

    response = facilitator_client.post(url(meeting, "import/"), {"file": csv_file(text)})

    assert "line 3" in response.content.decode()


def test_csv_upload_that_is_not_utf8_returns_400(facilitator_client: Client,
                                                 meeting: Meeting) -> None:
    text = "name,category\nRūta,expert\n"

    response = facilitator_client.post(url(meeting, "import/"),
                                       {"file": csv_file(text, "utf-16")})

    assert response.status_code == 400
    assert not meeting.participants.exists()


def test_removing_a_participant_deletes_the_registration(
    facilitator_client: Client, registered_participant: Participant,
) -> None:
    meeting = registered_participant.meeting

    response = facilitator_client.post(url(meeting, f"{registered_participant.pk}/delete/"))

    assert response.status_code == 302
    assert not Participant.objects.filter(meeting=meeting).exists()
