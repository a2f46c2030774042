"""Nothing a person wrote is lost: the phone's outbox against the rate limit.

A phone offline writes 15 notes (more than the 10 per 30 s the server takes); back
online, every one is stored exactly once. A note the server refuses for good leaves the
outbox, with the reason shown beside it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from unittest import mock

import pytest
from channels.testing import ChannelsLiveServerTestCase
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import expect

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import RATE_LIMIT_NOTES
from sanaksme.live.opening import current_item_set
from sanaksme.participants.identity import device_for, participant_bind
from sanaksme.participants.models import Participant
from sanaksme.participants.selectors import session_key
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.tests.demo import demo_get_or_import

from .conftest import in_thread

PHONE = {"viewport": {"width": 390, "height": 800}, "is_mobile": True, "has_touch": True}
WRITTEN = 15
# The server takes RATE_LIMIT_NOTES per window; the rest wait for the next one. The
# test's server has a short window (the rule is the same, the wait is not).
WINDOW = dt.timedelta(seconds=6)
THROUGH_THE_LIMIT_MS = 60_000


def _prepare() -> tuple[Meeting, str]:
    """The demo meeting on its brainstorm, and a session joined as one participant."""
    meeting = demo_get_or_import()
    item = AgendaItem.objects.get(day__meeting=meeting, method="brainstorm")
    current_item_set(meeting=meeting, item=item)
    person = Participant.objects.filter(meeting=meeting).exclude(
        category="organiser").order_by("pk").first()
    assert person is not None
    session = SessionStore()  # as if the phone had opened its personal link
    participant_bind(participant=person, device=device_for(session))
    session[session_key(meeting)] = person.pk
    session.create()
    assert session.session_key is not None
    return meeting, session.session_key


class OutboxCase(ChannelsLiveServerTestCase):
    """One test per class: each class gets its own live server (a second test in the
    same class saw its server's SQLite connection fail with "disk I/O error")."""

    serve_static = True

    @classmethod
    def setUpClass(cls) -> None:
        # Patched before the server process is forked from this one, so it has it too.
        cls._window = mock.patch("sanaksme.boards.services.RATE_LIMIT_WINDOW", WINDOW)
        cls._window.start()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls) -> None:
        super().tearDownClass()
        cls._window.stop()

    @pytest.fixture(autouse=True)
    def _browser(self, browser: Any) -> None:
        self.browser = browser

    def setUp(self) -> None:
        super().setUp()
        self.meeting, self.session = in_thread(_prepare)
        self.contexts: list[Any] = []

    def tearDown(self) -> None:
        for context in self.contexts:  # no phone left talking to the next test's server
            context.close()
        super().tearDown()

    def _phone(self) -> Any:
        context = self.browser.new_context(**PHONE)
        self.contexts.append(context)
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": self.session,
                              "url": self.live_server_url}])
        page = context.new_page()
        page.goto(f"{self.live_server_url}/p/{self.meeting.join_code}/")
        expect(page.locator("#conn")).to_have_text("Savienots")
        page.get_by_role("button", name=re.compile("Problēmas")).click()
        return page

    @staticmethod
    def _write(phone: Any, text: str) -> None:
        phone.get_by_label("Jūsu piezīme").fill(text)
        phone.get_by_role("button", name="Sūtīt").click()

    def _stored(self) -> list[tuple[str, str]]:
        return in_thread(lambda: list(Note.objects.filter(
            meeting=self.meeting).values_list("client_id", "text")))


class TestOfflineQueue(OutboxCase):
    def test_fifteen_notes_written_offline_are_all_stored_once(self) -> None:
        assert WRITTEN > RATE_LIMIT_NOTES
        phone = self._phone()
        phone.context.set_offline(True)
        expect(phone.locator("#conn")).to_contain_text("Nav savienojuma")
        for i in range(WRITTEN):
            self._write(phone, f"Piezīme bez tīkla {i + 1}")
        expect(phone.locator(".mine .pending")).to_have_count(WRITTEN)

        phone.context.set_offline(False)

        expect(phone.locator(".mine .pending")).to_have_count(
            0, timeout=THROUGH_THE_LIMIT_MS)
        stored = self._stored()
        assert sorted(text for _id, text in stored) == sorted(
            f"Piezīme bez tīkla {i + 1}" for i in range(WRITTEN))
        assert len({client_id for client_id, _text in stored}) == WRITTEN


class TestRefusedForGood(OutboxCase):
    def test_a_too_long_note_is_refused_for_good_and_shown_beside_it(self) -> None:
        phone = self._phone()
        area = phone.get_by_label("Jūsu piezīme")
        # An altered client (the page itself never sends a text over its counter's limit):
        # a too-long note put straight into the outbox, which sends it on the next load.
        sheet = in_thread(lambda: Sheet.objects.filter(
            meeting=self.meeting, item__method="brainstorm").order_by("position").first())
        phone.evaluate("([key, entry]) => localStorage.setItem(key, JSON.stringify([entry]))",
                       [f"sanaksme.outbox./ws/phone/{self.meeting.join_code}/",
                        {"action": "note_submit", "client_id": "altered-client-1",
                         "sheet": sheet.pk, "column": "problem", "text": "x" * 300}])
        phone.reload()

        refused = phone.locator(".mine .refused")
        expect(refused).to_have_count(1)
        expect(refused).to_contain_text("ne vairāk kā 280 rakstzīmes")
        expect(phone.locator(".mine .pending")).to_have_count(0)
        expect(area).to_have_value("x" * 300)
        assert self._stored() == []
