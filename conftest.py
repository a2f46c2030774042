"""Shared fixtures: factories, the facilitator persona, the demo meeting, broadcasts.

The demo programme is imported ONCE per session, into the test database right after
its migrations (`django_db_setup`). Each test's rolled-back transaction leaves it in
place, so `demo_meeting` only fetches it. A transactional test (and a browser test)
ends by flushing the database; the demo is then imported again, lazily, before the next
test that asks for it (`pytest_runtest_setup`). Ids differ from run to run: tests look
things up, they never hard-code ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from pytest_factoryboy import register

from sanaksme.live.channel_groups import Audience
from sanaksme.live.events import Event
from sanaksme.participants.tests.factories import ParticipantFactory
from sanaksme.programme.management.commands.demo import DEMO_FILE
from sanaksme.programme.models import Meeting, Organisation
from sanaksme.programme.tests.demo import DEMO_SLUG, demo_ensure
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


class _Demo:
    """Where the session stands: the database blocker, once the test database exists."""

    blocker: Any = None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """The migrated test database, with the demo programme imported once."""
    with django_db_blocker.unblock():
        demo_ensure()
    _Demo.blocker = django_db_blocker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Any:
    """Before a test that uses the demo: import it again if a flush removed it. This runs
    before the test's transaction starts, so the rollback keeps it."""
    if _Demo.blocker is not None and "demo" in getattr(item, "fixturenames", ()):
        with _Demo.blocker.unblock():
            demo_ensure()
    return (yield)


@pytest.fixture
def demo(db: None) -> Meeting:
    """The demo meeting as imported (committed once per session; tests may change it:
    their transaction is rolled back)."""
    return Meeting.objects.get(slug=DEMO_SLUG)


@pytest.fixture
def no_demo(db: None) -> None:
    """A database without the session's demo meeting (nor its organisation), for tests of
    importing it or of an empty database. Rolled back with the test (a transactional
    test's flush removes it anyway)."""
    meeting = Meeting.objects.filter(slug=DEMO_SLUG).first()
    if meeting is not None:
        organisation = meeting.organisation
        meeting.delete()
        if not organisation.meetings.exists():
            organisation.delete()


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
def demo_meeting(demo: Meeting, facilitator: Any) -> Meeting:
    """The demo meeting, with the facilitator in its organisation."""
    demo.organisation.members.add(facilitator)
    return demo


@pytest.fixture
def broadcasts(monkeypatch: pytest.MonkeyPatch) -> list[Event]:
    """Events that `broadcast_on_commit` sent; run the code under
    `django_capture_on_commit_callbacks(execute=True)` so they are sent."""
    sent: list[Event] = []

    def record(event: Event, audiences: Any) -> None:
        sent.append(event)

    monkeypatch.setattr("sanaksme.live.broadcast._send", record)
    return sent


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Event, tuple[Audience, ...]]]:
    """Like `broadcasts`, but with each event's audiences (who may see what)."""
    recorded: list[tuple[Event, tuple[Audience, ...]]] = []

    def record(event: Event, audiences: Iterable[Audience]) -> None:
        recorded.append((event, tuple(audiences)))

    monkeypatch.setattr("sanaksme.live.broadcast._send", record)
    return recorded


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate limits and join throttles live in the cache: every test starts clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Every test starts in the default language (Latvian). A request through the test
    client activates the language it chose (a phone in Russian) on the thread, and
    Django leaves it active after the response: the next test on that worker would
    otherwise run in it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# Channels' test communicator gives up on a message after 1 s by default: on a loaded
# two-core machine a heavy action (a comparison proposal) can take longer. Waiting up to
# 15 s costs nothing when the message comes; tests that expect silence use
# receive_nothing, which keeps its own short timeout.
PATIENT_RECEIVE_S = 15


@pytest.fixture(autouse=True)
def _patient_communicators(monkeypatch: pytest.MonkeyPatch) -> None:
    from channels.testing import WebsocketCommunicator

    receive_from = WebsocketCommunicator.receive_from
    receive_json_from = WebsocketCommunicator.receive_json_from

    async def patient_receive_from(self: Any, timeout: float = PATIENT_RECEIVE_S) -> Any:
        return await receive_from(self, timeout)

    async def patient_receive_json_from(self: Any,
                                        timeout: float = PATIENT_RECEIVE_S) -> Any:
        return await receive_json_from(self, timeout)

    monkeypatch.setattr(WebsocketCommunicator, "receive_from", patient_receive_from)
    monkeypatch.setattr(WebsocketCommunicator, "receive_json_from",
                        patient_receive_json_from)
