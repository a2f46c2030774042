"""Consent for a category that reveals ethnic origin: recorded, asked, withdrawn, audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sanaksme.core.exceptions import ImportRejected
from sanaksme.participants.models import ConsentEvent, Participant
from sanaksme.participants.services import participant_save, participants_import_csv
from sanaksme.programme.models import Meeting

pytestmark = pytest.mark.django_db


def test_a_community_member_registered_without_consent_is_asked_at_join(
        meeting: Meeting) -> None:
    person = participant_save(meeting=meeting, name="Olga", category="roma_community")

    assert (person.consent_method, person.needs_consent) == ("ask", True)


def test_a_consent_on_paper_gets_a_date_and_an_audit_row(meeting: Meeting) -> None:
    person = participant_save(meeting=meeting, name="Olga", category="roma_community",
                              consent_method="paper")

    assert person.consent_at is not None
    assert person.needs_consent is False
    assert ConsentEvent.objects.filter(participant=person, action="given",
                                       method="paper").count() == 1


def test_a_roma_mediator_mark_needs_consent_too(meeting: Meeting) -> None:
    person = participant_save(meeting=meeting, name="Ilze", category="municipal",
                              is_roma_mediator=True)

    assert person.needs_consent is True


def test_an_expert_needs_no_consent(meeting: Meeting) -> None:
    person = participant_save(meeting=meeting, name="Jānis", category="expert")

    assert (person.consent_method, person.needs_consent) == ("", False)


def test_the_facilitator_withdrawing_consent_removes_the_category(
        meeting: Meeting, facilitator: Any) -> None:
    meeting.organisation.members.add(facilitator)
    person = participant_save(meeting=meeting, name="Olga", category="roma_community",
                              is_roma_mediator=True, consent_method="oral")
    client = Client()
    client.force_login(facilitator)

    client.post(f"/console/m/{meeting.slug}/participants/{person.pk}/consent/withdraw/")

    person.refresh_from_db()
    assert (person.category, person.is_roma_mediator, person.consent_method) == (
        "not_stated", False, "")
    event = ConsentEvent.objects.get(participant=person, action="withdrawn")
    assert (event.actor, event.by_person) == (facilitator, False)


def test_the_csv_reads_the_consent_columns(meeting: Meeting) -> None:
    participants_import_csv(meeting=meeting, text=(
        "name,category,consent,consent_date\nOlga,roma_community,paper,2017-05-24\n"))

    person = Participant.objects.get(meeting=meeting, name="Olga")
    assert (person.consent_method, person.consent_at.date().isoformat()) == (  # type: ignore[union-attr]
        "paper", "2017-05-24")
    assert ConsentEvent.objects.filter(participant=person, action="given").exists()


def test_the_csv_refuses_an_unknown_consent_word(meeting: Meeting, english: None) -> None:
    with pytest.raises(ImportRejected, match="consent must be one of"):
        participants_import_csv(meeting=meeting, text=(
            "name,category,consent\nOlga,roma_community,maybe\n"))

    assert not Participant.objects.filter(meeting=meeting).exists()
