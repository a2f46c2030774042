"""`phone_admission` (plain SQL, for a room joining at once) admits exactly whom the
ORM's `session_participant` admits, and reads the same meeting fields."""

from __future__ import annotations

from importlib import import_module
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from sanaksme.participants.models import Participant
from sanaksme.participants.selectors import phone_admission, session_participant
from sanaksme.participants.tests.factories import phone_session
from sanaksme.programme.models import Meeting

pytestmark = pytest.mark.django_db

FIELDS = ("meeting__slug", "meeting__last_seq", "meeting__language", "meeting__languages")


def store(key: str | None) -> Any:
    return import_module(settings.SESSION_ENGINE).SessionStore(key)


@pytest.fixture
def person(demo_meeting: Meeting) -> Participant:
    return demo_meeting.participants.exclude(category="organiser").order_by("pk")[0]


def cases(people: list[Participant]) -> dict[str, tuple[Any, int]]:
    """Each case with a person of its own: a new session moves a person's phone."""
    meeting = people[0].meeting_id
    tampered = store(phone_session(people[4]))
    tampered[f"sanaksme.participant.{meeting}"] = True  # a bool is not an id
    return {"holds it": (store(phone_session(people[0])), meeting),
            "does not hold it": (store(phone_session(people[1], holds=False)), meeting),
            "another meeting": (store(phone_session(people[2])), meeting + 1000),
            "no session": (None, meeting), "an empty session": (store(None), meeting),
            "not an id": (tampered, meeting),
            "held by another phone": (store(phone_session(people[3])), meeting)}


def test_admits_whom_the_orm_admits(person: Participant) -> None:
    people = list(person.meeting.participants.exclude(category="organiser").order_by("pk"))
    person.meeting.languages = ["lv", "ru"]
    person.meeting.save(update_fields=["languages"])
    every = cases(people)
    phone_session(people[3])  # a second phone took people[3] over

    admitted = {}
    for name, (session, meeting_id) in every.items():
        fast = phone_admission(session, meeting_id)
        orm = session_participant(session, meeting_id, *FIELDS) if session else None
        assert fast == orm, name
        admitted[name] = fast is not None
    assert admitted == {name: name == "holds it" for name in every}
    assert phone_admission(*every["holds it"]) == (
        person.pk, person.category, person.meeting.slug, person.meeting.last_seq,
        person.meeting.language, ["lv", "ru"])


def test_a_closed_meeting_admits_nobody(person: Participant) -> None:
    session = store(phone_session(person))
    Meeting.objects.filter(pk=person.meeting_id).update(closed_at=timezone.now())

    assert phone_admission(session, person.meeting_id) is None
    assert session_participant(session, person.meeting_id) is None
