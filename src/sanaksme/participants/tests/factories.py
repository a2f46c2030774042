"""factory_boy factories for participants; registered as fixtures in conftest.py."""

# factory_boy's declarations are untyped.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from factory.declarations import Sequence, SubFactory
from factory.django import DjangoModelFactory

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
