"""A facilitator changes the tour de table and finds the change in the printed programme."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from channels.testing import ChannelsLiveServerTestCase
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from pypdf import PdfReader

from sanaksme.programme.tests.demo import demo_get_or_import

from .conftest import in_thread, log_in

PASSWORD = "correct horse battery"


class TestProgrammeDesigner(ChannelsLiveServerTestCase):
    serve_static = True

    @pytest.fixture(autouse=True)
    def _browser(self, browser: Any) -> None:
        self.browser = browser

    def setUp(self) -> None:
        super().setUp()
        in_thread(self._load_demo)

    @staticmethod
    def _load_demo() -> None:
        meeting = demo_get_or_import()
        user = get_user_model().objects.create_user("facilitator", password=PASSWORD)
        meeting.organisation.members.add(user)

    def _login(self, page: Any) -> None:
        log_in(page, self.live_server_url, PASSWORD)
        expect(page.get_by_role("heading", name="Sanāksmes")).to_be_visible()

    def test_changed_minutes_per_speaker_appear_in_the_pdf(self) -> None:
        context = self.browser.new_context(accept_downloads=True)
        page = context.new_page()
        self._login(page)

        page.get_by_role("link", name=re.compile("Reģionālo ekspertu sanāksme")).click()
        page.get_by_role("link", name="Dalībnieku iepazīšanās").click()
        minutes = page.get_by_label("Minūtes katram runātājam")
        expect(minutes).to_have_value("3")
        minutes.fill("4")
        page.get_by_role("button", name="Saglabāt").click()
        expect(page.get_by_text("4 min katram runātājam")).to_be_visible()
        with page.expect_download() as download_info:
            page.get_by_role("link", name="Lejupielādēt PDF").click()
        pdf = download_info.value.path().read_bytes()

        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        text = re.sub(r"\s+", " ", text)
        assert "4 minūtes" in text
        assert "3 minūtes" not in text
        context.close()

    def test_planning_check_warns_when_the_tour_does_not_fit(self) -> None:
        page = self.browser.new_page()
        self._login(page)
        page.goto(f"{self.live_server_url}/console/m/daugavpils-2017/")
        page.get_by_role("link", name="Dalībnieku iepazīšanās").click()

        page.get_by_label("Minūtes katram runātājam").fill("5")
        page.get_by_role("button", name="Saglabāt").click()

        expect(page.locator("#checks")).to_contain_text("28 reģistrēti × 5 min = 140 min")
        page.close()
