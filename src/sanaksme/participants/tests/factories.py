"""factory_boy factories for participants; registered as fixtures in conftest.py."""

# factory_boy's declarations are untyped.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import secrets
from importlib import import_module

from django.conf import settings
from factory.declarations import Sequence, SubFactory
from factory.django import DjangoModelFactory

from sanaksme.core.clients import DEVICE_SESSION_KEY
from sanaksme.participants.models import Participant
from sanaksme.programme.domain.methods import Category
from sanaksme.programme.tests.factories import MeetingFactory


class ParticipantFactory(DjangoModelFactory[Participant]):
    class Meta:
        model = Participant

    meeting = SubFactory(MeetingFactory)
    name = Sequence(lambda n: f"Person {n}")
    category = Category.REGIONAL_EXPERT.value
    institution = ""


def phone_session(participant: Participant, *, holds: bool = True) -> str:
    """A saved browser session that joined as `participant`; with `holds` its phone
    holds the identity (as after a personal link, a PIN or an approval)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    device = secrets.token_urlsafe(12)
    store[DEVICE_SESSION_KEY] = device
    store[f"sanaksme.participant.{participant.meeting_id}"] = participant.pk
    store.save()
    if holds:
        Participant.objects.filter(pk=participant.pk).update(device=device)
    return str(store.session_key)
