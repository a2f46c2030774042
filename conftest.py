"""Shared fixtures: factories, the facilitator persona, the demo meeting, broadcasts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from pytest_factoryboy import register

from sanaksme.live.events import Event
from sanaksme.participants.tests.factories import ParticipantFactory
from sanaksme.programme.management.commands.demo import DEMO_FILE
from sanaksme.programme.models import Meeting, Organisation
from sanaksme.programme.services import programme_import
from sanaksme.programme.tests.factories import (
    AgendaItemFactory,
    DayFactory,
    MeetingFactory,
    OrganisationFactory,
    SiteFactory,
)

FACILITATOR_PASSWORD = "correct horse battery"  # noqa: S105 (test-only account)

register(OrganisationFactory)
register(MeetingFactory)
register(DayFactory)
register(SiteFactory)
register(AgendaItemFactory)
# The instance fixture is not `participant`: that name is kept for the participant
# persona (STYLE.md §8). The factory fixture is still `participant_factory`.
register(ParticipantFactory, "registered_participant")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: Playwright's sync API keeps an event loop running in the
    main thread for the rest of the session, which `async_to_sync` refuses."""
    items.sort(key=lambda item: "tests/e2e" in str(item.path))


@pytest.fixture
def demo_text() -> str:
    """The Daugavpils 2017 demo programme file."""
    return DEMO_FILE.read_text(encoding="utf-8")


@pytest.fixture
def english() -> Iterator[None]:
    """Messages in English (outside a request the default language is Latvian)."""
    with translation.override("en"):
        yield


@pytest.fixture
def facilitator(db: None, organisation: Organisation) -> Any:
    """A staff user who is a member of `organisation`."""
    user = get_user_model().objects.create_user(
        "facilitator", email="facilitator@example.org", is_staff=True,
        password=FACILITATOR_PASSWORD)
    organisation.members.add(user)
    return user


@pytest.fixture
def facilitator_client(facilitator: Any) -> Client:
    client = Client()
    client.force_login(facilitator)
    return client


@pytest.fixture
def demo_meeting(db: None, facilitator: Any, demo_text: str) -> Meeting:
    """The demo programme imported, with the facilitator in its organisation."""
    meeting = programme_import(text=demo_text)
    meeting.organisation.members.add(facilitator)
    return meeting


@pytest.fixture
def broadcasts(monkeypatch: pytest.MonkeyPatch) -> list[Event]:
    """Events that `broadcast_on_commit` sent; run the code under
    `django_capture_on_commit_callbacks(execute=True)` so they are sent."""
    sent: list[Event] = []

    def record(event: Event, audiences: Any) -> None:
        sent.append(event)

    monkeypatch.setattr("sanaksme.live.broadcast._send", record)
    return sent


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate limits and join throttles live in the cache: every test starts clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
