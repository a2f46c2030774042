"""Every screen works under the strict Content-Security-Policy, with no violation.

Chromium reports each blocked inline script, style or handler on the console as
"Refused to … because it violates the following Content Security Policy directive".
Each test opens one kind of page, waits until it works (a live element appears) and
asserts that nothing was refused.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from channels.testing import ChannelsLiveServerTestCase
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.tests.demo import demo_get_or_import

from .conftest import in_thread, join_as, log_in

PASSWORD = "correct horse battery"
CONNECTED = "Savienots"


class CSPCase(ChannelsLiveServerTestCase):
    """One test per class (one live server each): a second test against the same
    server process met "disk I/O error" from SQLite here, whatever the pages."""

    serve_static = True

    @pytest.fixture(autouse=True)
    def _browser(self, browser: Any) -> None:
        self.browser = browser

    def setUp(self) -> None:
        super().setUp()
        self.meeting: Meeting = in_thread(self._load_demo)
        self.violations: list[str] = []

    @staticmethod
    def _load_demo() -> Meeting:
        meeting = demo_get_or_import()
        user = get_user_model().objects.create_user(
            "facilitator", password=PASSWORD, is_staff=True, is_superuser=True)
        meeting.organisation.members.add(user)
        return meeting

    def _page(self, **context: Any) -> Page:
        browser_context = self.browser.new_context(**context)
        self.addCleanup(browser_context.close)  # no socket outlives its test
        page: Page = browser_context.new_page()
        page.on("console", self._record)
        return page

    def _record(self, message: Any) -> None:
        if "Content Security Policy" in message.text:
            self.violations.append(message.text)

    def _facilitator(self) -> Page:
        page = self._page()
        log_in(page, self.live_server_url, PASSWORD)
        expect(page.get_by_role("heading", name="Sanāksmes")).to_be_visible()
        return page

    def _presentation(self) -> AgendaItem:
        item = in_thread(lambda: AgendaItem.objects.filter(
            day__meeting=self.meeting, method="presentation").first())
        assert item is not None
        return item


class TestConsole(CSPCase):
    def test_console_live_screen_connects_without_violations(self) -> None:
        page = self._facilitator()

        page.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/live/")

        expect(page.locator("#conn")).to_have_text(CONNECTED)
        assert self.violations == []


class TestProjector(CSPCase):
    def test_projector_connects_without_violations(self) -> None:
        page = self._page()

        page.goto(f"{self.live_server_url}/projector/{self.meeting.slug}/"
                  f"{self.meeting.projector_token}/")

        expect(page.locator("#conn")).to_have_text(CONNECTED)
        expect(page.locator(".qr svg")).to_be_visible()
        assert self.violations == []


class TestPhone(CSPCase):
    def test_phone_joins_and_connects_without_violations(self) -> None:
        page = self._page(viewport={"width": 390, "height": 800}, is_mobile=True)

        join_as(page, self.live_server_url, self.meeting, "Anita Bērziņa")

        expect(page.locator("#conn")).to_have_text(CONNECTED)
        assert self.violations == []


class TestDesigner(CSPCase):
    def test_designer_and_materials_pages_work_without_violations(self) -> None:
        page = self._facilitator()
        item = self._presentation()

        page.get_by_role("link", name=re.compile("Reģionālo ekspertu sanāksme")).click()
        page.get_by_role("link", name="Dalībnieku iepazīšanās").click()
        expect(page.get_by_label("Minūtes katram runātājam")).to_be_visible()
        page.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/items/"
                  f"{item.pk}/materials/")

        expect(page.get_by_role("button", name="Augšupielādēt slaidus")).to_be_visible()
        assert self.violations == []


class TestReportPreview(CSPCase):
    def test_report_preview_is_styled_without_violations(self) -> None:
        page = self._facilitator()

        page.get_by_role("link", name=re.compile("Reģionālo ekspertu sanāksme")).click()
        page.get_by_role("link", name="Pārskati").click()

        preview = page.frame_locator("iframe[title='Sanāksmes pārskata priekšskatījums']")
        expect(preview.locator(".title-page h1")).to_be_visible()
        # The screen rules of the hashed inline <style> apply: the page is a column.
        expect(preview.locator("body")).to_have_css("max-width", re.compile(r"px$"))
        assert self.violations == []


class TestAdmin(CSPCase):
    def test_admin_pages_work_without_violations(self) -> None:
        page = self._facilitator()

        page.goto(f"{self.live_server_url}/admin/auth/user/add/")

        expect(page.get_by_label("Lietotājvārds")).to_be_visible()
        page.goto(f"{self.live_server_url}/admin/")
        expect(page.locator("#content")).to_be_visible()
        assert self.violations == []
