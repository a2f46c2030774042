"""Presence per day: joining records today's attendance for the signed sheet."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from sanaksme.core.exceptions import DomainError
from sanaksme.participants.models import Attendance, Participant
from sanaksme.participants.services import (
    attendance_record,
    attendance_record_seen,
    participant_join,
    participant_self_register,
)
from sanaksme.programme.models import Meeting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

UTC = dt.UTC


def at(monkeypatch: pytest.MonkeyPatch, moment: dt.datetime) -> None:
    """Make `timezone.now()` return `moment` for the rest of the test."""
    monkeypatch.setattr(timezone, "now", lambda: moment)


def days_of(person: Participant) -> list[dt.date]:
    return list(person.attendance.order_by("date").values_list("date", flat=True))


def test_joining_records_attendance_for_today(meeting: Meeting,
                                              participant_factory: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    person = participant_factory(meeting=meeting)
    moment = dt.datetime(2017, 1, 26, 8, 55, tzinfo=UTC)
    at(monkeypatch, moment)

    participant_join(meeting=meeting, participant_id=person.pk)

    row = Attendance.objects.get(participant=person)
    assert (row.date, row.first_seen_at) == (dt.date(2017, 1, 26), moment)


def test_joining_twice_on_a_day_keeps_the_first_time(meeting: Meeting,
                                                     participant_factory: Any,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     ) -> None:
    person = participant_factory(meeting=meeting)
    first = dt.datetime(2017, 1, 26, 8, 55, tzinfo=UTC)
    at(monkeypatch, first)
    participant_join(meeting=meeting, participant_id=person.pk)
    at(monkeypatch, first + dt.timedelta(hours=3))

    participant_join(meeting=meeting, participant_id=person.pk)

    rows = list(Attendance.objects.filter(participant=person))
    assert [(r.date, r.first_seen_at) for r in rows] == [(dt.date(2017, 1, 26), first)]


def test_joining_again_on_the_next_day_records_that_day_too(
    meeting: Meeting, participant_factory: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    person = participant_factory(meeting=meeting)
    at(monkeypatch, dt.datetime(2017, 1, 26, 9, 0, tzinfo=UTC))
    participant_join(meeting=meeting, participant_id=person.pk)
    at(monkeypatch, dt.datetime(2017, 1, 27, 9, 0, tzinfo=UTC))

    participant_join(meeting=meeting, participant_id=person.pk)

    assert days_of(person) == [dt.date(2017, 1, 26), dt.date(2017, 1, 27)]


def test_the_day_is_the_local_date_in_riga(meeting: Meeting, participant_factory: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.TIME_ZONE == "Europe/Riga"
    person = participant_factory(meeting=meeting)
    # 23:30 UTC on the 25th is 01:30 on the 26th in Riga (UTC+2 in winter).
    at(monkeypatch, dt.datetime(2017, 1, 25, 23, 30, tzinfo=UTC))

    participant_join(meeting=meeting, participant_id=person.pk)

    assert days_of(person) == [dt.date(2017, 1, 26)]


def test_self_register_records_attendance(meeting: Meeting,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, dt.datetime(2017, 1, 27, 10, 0, tzinfo=UTC))

    person = participant_self_register(meeting=meeting, name="Jānis Jaunais",
                                       category="municipal", institution="Dome")

    assert person.present
    assert days_of(person) == [dt.date(2017, 1, 27)]


def test_a_refused_self_register_records_nothing(meeting: Meeting) -> None:
    with pytest.raises(DomainError):
        participant_self_register(meeting=meeting, name=" ", category="municipal")

    assert not Attendance.objects.exists()


def test_attendance_record_is_idempotent_per_day(meeting: Meeting,
                                                 participant_factory: Any) -> None:
    person = participant_factory(meeting=meeting)
    now = dt.datetime(2017, 1, 26, 12, 0, tzinfo=UTC)

    first = attendance_record(participant=person, now=now)
    again = attendance_record(participant=person, now=now + dt.timedelta(hours=1))

    assert first.pk == again.pk
    assert Attendance.objects.count() == 1


def test_attendance_goes_with_the_participant(meeting: Meeting,
                                              participant_factory: Any) -> None:
    person = participant_factory(meeting=meeting)
    attendance_record(participant=person)

    person.delete()

    assert not Attendance.objects.exists()


def test_the_personal_link_records_attendance(demo_meeting: Meeting) -> None:
    person = demo_meeting.participants.order_by("pk")[0]
    phone = Client()

    response = phone.post(f"/j/{demo_meeting.join_code}/{person.join_token}/")

    assert response.status_code == 302
    assert days_of(person) == [timezone.localdate()]


def test_a_returning_phone_counts_as_attending_today(demo_meeting: Meeting) -> None:
    person = demo_meeting.participants.first()
    assert person is not None

    attendance_record_seen(participant_id=person.pk)
    attendance_record_seen(participant_id=person.pk)

    assert list(Attendance.objects.filter(participant=person).values_list(
        "date", flat=True)) == [timezone.localdate()]
