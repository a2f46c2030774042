"""The tour de table live: console starts it, projector and the speaker's phone follow."""

from __future__ import annotations

import re
from typing import Any

import pytest
from channels.testing import ChannelsLiveServerTestCase
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from sanaksme.programme.models import Meeting
from sanaksme.programme.tests.demo import demo_get_or_import

from .conftest import in_thread, join_as, log_in

PASSWORD = "correct horse battery"


class DemoLive(ChannelsLiveServerTestCase):
    """The demo meeting on a live server. One test per class: a second test on the
    same SQLite live server finds the database being flushed under it."""

    __test__ = False

    @pytest.fixture(autouse=True)
    def _browser(self, browser: Any) -> None:
        self.browser = browser

    def setUp(self) -> None:
        super().setUp()
        self.meeting: Meeting = in_thread(self._load_demo)

    @staticmethod
    def _load_demo() -> Meeting:
        meeting = demo_get_or_import()
        user = get_user_model().objects.create_user("facilitator", password=PASSWORD)
        meeting.organisation.members.add(user)
        return meeting


class TestTourDeTable(DemoLive):
    __test__ = True

    def test_next_moves_the_projector_and_the_speakers_phone_together(self) -> None:
        console = self.browser.new_context().new_page()
        log_in(console, self.live_server_url, PASSWORD)
        console.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/live/")
        console.get_by_role("button", name=re.compile("Dalībnieku iepazīšanās")).click()
        projector = self.browser.new_context().new_page()
        projector.goto(f"{self.live_server_url}/projector/{self.meeting.slug}/"
                       f"{self.meeting.projector_token}/")
        console.get_by_role("button", name="Sākt kārtu").click()
        expect(projector.locator(".speaker")).to_have_text("Anita Bērziņa")
        phone = self.browser.new_context(viewport={"width": 390, "height": 800},
                                         is_mobile=True).new_page()
        join_as(phone, self.live_server_url, self.meeting, "Anita Bērziņa")

        expect(phone.get_by_text("Jūsu kārta runāt")).to_be_visible()
        expect(phone.locator("#clock")).to_have_text(re.compile(r"^[23]:\d\d$"))
        expect(projector.locator("#clock")).to_have_text(re.compile(r"^[23]:\d\d$"))
        console.get_by_role("button", name="Nākamais runātājs ▶").click()

        expect(projector.locator(".speaker")).to_have_text("Dace Liepiņa")
        expect(phone.locator(".speaker")).to_have_text("Dace Liepiņa")
        expect(phone.get_by_text("Jūsu kārta runāt")).to_have_count(0)


class TestTourOrder(DemoLive):
    __test__ = True

    def test_the_order_is_rearranged_by_dragging_and_an_absent_person_is_skipped(
        self,
    ) -> None:
        console = self.browser.new_context().new_page()
        log_in(console, self.live_server_url, PASSWORD)
        console.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/live/")
        console.get_by_role("button", name=re.compile("Dalībnieku iepazīšanās")).click()
        names = console.locator("#speaking-order li .name")
        expect(names.first).to_have_text("Anita Bērziņa")
        first, second, third = (names.nth(i).inner_text() for i in range(3))

        console.locator("#speaking-order li").nth(2).drag_to(
            console.locator("#speaking-order li").nth(0))
        expect(names.first).to_have_text(third)
        expect(names.nth(1)).to_have_text(first)
        console.locator("#speaking-order li").first.get_by_role(
            "button", name="Izlaist").click()
        expect(console.locator(".skipped")).to_contain_text(third)
        expect(names.first).to_have_text(first)

        projector = self.browser.new_context().new_page()
        projector.goto(f"{self.live_server_url}/projector/{self.meeting.slug}/"
                       f"{self.meeting.projector_token}/")
        console.get_by_role("button", name="Sākt kārtu").click()
        expect(projector.locator(".speaker")).to_have_text(first)
        console.get_by_role("button", name="Nākamais runātājs ▶").click()
        expect(projector.locator(".speaker")).to_have_text(second)

        console.get_by_role("button", name="Atgriezt").click()  # a late arrival
        expect(console.locator(".skipped")).to_have_count(0)
        expect(names.first).to_have_text(third)  # back in the place they were given
