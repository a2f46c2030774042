"""Fixtures shared by the consumer tests: a clean channel layer, the demo meeting live."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from sanaksme.live.opening import current_item_set
from sanaksme.programme.models import AgendaItem, Meeting


@pytest.fixture(autouse=True)
def fresh_layer() -> Iterator[None]:
    """No channel-group members left over from another test (the cache is cleared by
    the root conftest)."""
    layer = get_channel_layer()
    async_to_sync(layer.flush)()
    yield
    async_to_sync(layer.flush)()


@pytest.fixture(autouse=True)
def phones_unannounced(settings: Any) -> None:
    """Phones are counted but their count is not announced (live/presence.py): these
    tests read every frame a screen gets. test_presence.py turns it back on."""
    settings.SANAKSME_PHONES_WAIT = None


@pytest.fixture
def brainstorm(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")


@pytest.fixture
def live_meeting(demo_meeting: Meeting, brainstorm: AgendaItem) -> Meeting:
    """The demo meeting with its brainstorm on every screen."""
    current_item_set(meeting=demo_meeting, item=brainstorm)
    return Meeting.objects.get(pk=demo_meeting.pk)
