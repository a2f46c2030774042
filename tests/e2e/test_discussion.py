"""A discussion live: hands from phones, invited speakers first, key points on screen."""

from __future__ import annotations

import re
from typing import Any

import pytest
from channels.testing import ChannelsLiveServerTestCase
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from sanaksme.programme.models import Meeting
from sanaksme.programme.tests.demo import demo_get_or_import

from .conftest import in_thread, join_as, log_in

PASSWORD = "correct horse battery"
DISCUSSION = "Diskusija par romu mediatoru darba nepieciešamību pašvaldībās"
EXPERT = "Dace Liepiņa"  # no mediator experience: waits her turn
MEDIATOR = "Roberts Kozlovskis"  # a Roma mediator: invited to speak first


class TestDiscussion(ChannelsLiveServerTestCase):
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

    def _console(self) -> Page:
        page: Page = self.browser.new_context().new_page()
        log_in(page, self.live_server_url, PASSWORD)
        page.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/live/")
        return page

    def _phone(self, name: str) -> Page:
        page: Page = self.browser.new_context(viewport={"width": 390, "height": 800},
                                              is_mobile=True).new_page()
        join_as(page, self.live_server_url, self.meeting, name)
        return page

    def test_the_mediator_is_invited_first_and_key_points_reach_the_projector(self) -> None:
        console = self._console()
        console.get_by_role("button", name=re.compile(DISCUSSION)).click()
        expect(console.get_by_role("button", name="Nākamais no rindas ▶")).to_be_visible()
        projector: Page = self.browser.new_context().new_page()
        projector.goto(f"{self.live_server_url}/projector/{self.meeting.slug}/"
                       f"{self.meeting.projector_token}/")
        # Nothing has happened yet: the welcome screen with the item (docs/projector.md).
        expect(projector.locator("#welcome-item")).to_contain_text(DISCUSSION)
        expert = self._phone(EXPERT)
        expert.get_by_role("button", name="Paceļu roku").click()
        expect(expert.get_by_text("Jūsu vieta rindā: 1")).to_be_visible()
        mediator = self._phone(MEDIATOR)
        mediator.get_by_role("button", name="Paceļu roku").click()

        expect(mediator.get_by_text("Jūsu vieta rindā: 1")).to_be_visible()
        expect(expert.get_by_text("Jūsu vieta rindā: 2")).to_be_visible()
        queue = console.locator("ol.queue > li")
        expect(queue).to_have_text([re.compile(f"^★ {MEDIATOR}"),
                                    re.compile(f"^{EXPERT}")])
        expect(projector.get_by_text(f"Gaida vārdu: {MEDIATOR}, {EXPERT}")).to_be_visible()
        queue.first.get_by_role("button", name="Dot vārdu").click()

        expect(projector.locator(".speaker")).to_have_text(MEDIATOR)
        expect(mediator.get_by_text("Jūsu kārta runāt")).to_be_visible()
        expect(mediator.get_by_role("button", name="Paceļu roku")).to_have_count(0)
        expect(expert.get_by_text("Jūsu vieta rindā: 1")).to_be_visible()
        expect(queue).to_have_text([re.compile(f"^{EXPERT}")])

        expect(console.get_by_label(f"Protokols: {MEDIATOR}")).to_be_visible()
        console.get_by_label("Galvenās atziņas (katra savā rindā)").fill(
            "Mediators veido uzticēšanos starp skolu un ģimenēm")
        console.get_by_role("button", name="Saglabāt").click()
        expect(console.locator(".minutes-log")).to_contain_text("Mediators veido uzticēšanos")
        expect(projector.locator(".key-points")).to_have_count(0)
        show = console.get_by_label("Rādīt galvenās atziņas uz projektora")
        show.click()

        expect(show).to_be_checked()

        key_points = projector.locator(".key-points")
        expect(key_points.get_by_role("heading", name="Galvenās atziņas")).to_be_visible()
        expect(key_points).to_contain_text(
            "Mediators veido uzticēšanos starp skolu un ģimenēm")
