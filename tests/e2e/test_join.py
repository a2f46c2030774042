"""A phone that types a name joins only when the facilitator approves it on the console,
and always shows who it joined as, with "Not you?"."""

from __future__ import annotations

import re
from typing import Any

import pytest
from channels.testing import ChannelsLiveServerTestCase
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from sanaksme.programme.models import Meeting
from sanaksme.programme.tests.demo import demo_get_or_import

from .conftest import in_thread, log_in

PASSWORD = "correct horse battery"
NAME = "Anita Bērziņa"  # a regional expert of the demo: no consent question
WAIT = 30_000  # the console and the waiting phone poll every few seconds


class TestJoinByName(ChannelsLiveServerTestCase):
    serve_static = True

    @pytest.fixture(autouse=True)
    def _browser(self, browser: Any) -> None:
        self.browser = browser

    @staticmethod
    def _load_demo() -> Meeting:
        meeting = demo_get_or_import()
        user = get_user_model().objects.create_user("facilitator", password=PASSWORD)
        meeting.organisation.members.add(user)
        return meeting

    def _page(self, **context: Any) -> Page:
        browser_context = self.browser.new_context(**context)
        self.addCleanup(browser_context.close)
        page: Page = browser_context.new_page()
        return page

    def test_a_typed_name_waits_for_the_facilitator_then_shows_who_joined(self) -> None:
        meeting = in_thread(self._load_demo)
        console = self._page()
        log_in(console, self.live_server_url, PASSWORD)
        console.goto(f"{self.live_server_url}/console/m/{meeting.slug}/live/")
        phone = self._page(viewport={"width": 390, "height": 844}, is_mobile=True)
        phone.goto(f"{self.live_server_url}/j/{meeting.join_code}/")

        expect(phone.get_by_text(NAME)).to_have_count(0)  # the page lists nobody
        phone.get_by_label("Vai ierakstiet savu vārdu un uzvārdu").fill(NAME)
        phone.get_by_role("button", name="Nākamais").click()
        expect(phone.get_by_role("status")).to_contain_text("parādiet šo tālruni vadītājam")
        claim = console.locator(".claims li", has_text=NAME)
        expect(claim).to_be_visible(timeout=WAIT)
        expect(claim.get_by_role("combobox")).to_have_value(re.compile(r"^\d+$"))
        claim.get_by_role("button", name="Apstiprināt").click()

        expect(phone.get_by_text(f"Jūs pievienojāties kā {NAME}")).to_be_visible(timeout=WAIT)
        expect(console.locator(".claims li", has_text=NAME)).to_have_count(0)
        phone.get_by_role("button", name="Tas neesat jūs?").click()
        expect(phone.get_by_label("Vai ierakstiet savu vārdu un uzvārdu")).to_be_visible()
