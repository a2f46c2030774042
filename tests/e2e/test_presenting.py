"""Slides on the projector: upload on the materials page, turn pages from the console."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from channels.testing import ChannelsLiveServerTestCase
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from sanaksme.presenting.tests.conftest import pdf_bytes
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.tests.demo import demo_get_or_import

from .conftest import in_thread, join_as, log_in

PASSWORD = "correct horse battery"


class TestPresenting(ChannelsLiveServerTestCase):
    @pytest.fixture(autouse=True)
    def _browser(self, browser: Any, tmp_path: Path) -> None:
        self.browser = browser
        self.slides = tmp_path / "romi-latvija.pdf"
        self.slides.write_bytes(pdf_bytes(3))

    def setUp(self) -> None:
        super().setUp()
        self.meeting, self.item = in_thread(self._load_demo)

    @staticmethod
    def _load_demo() -> tuple[Meeting, AgendaItem]:
        meeting = demo_get_or_import()
        user = get_user_model().objects.create_user("facilitator", password=PASSWORD)
        meeting.organisation.members.add(user)
        item = AgendaItem.objects.get(day__meeting=meeting, title__startswith="Pētījuma")
        return meeting, item

    def test_the_console_turns_the_slides_on_the_projector(self) -> None:
        console = self.browser.new_context().new_page()
        log_in(console, self.live_server_url, PASSWORD)
        console.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/items/"
                     f"{self.item.pk}/materials/")
        console.get_by_label("Nosaukums").first.fill("Romi Latvijā")
        console.get_by_label("Slaidi (PDF)").set_input_files(str(self.slides))
        console.get_by_role("button", name="Augšupielādēt slaidus").click()
        expect(console.get_by_text("“Romi Latvijā” ir gatavs: 3 slaidi.")).to_be_visible()

        console.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/live/")
        console.get_by_role("button", name=re.compile("Pētījuma “Romi Latvijā”")).click()
        projector = self.browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
        projector.goto(f"{self.live_server_url}/projector/{self.meeting.slug}/"
                       f"{self.meeting.projector_token}/")
        phone = self.browser.new_context(viewport={"width": 390, "height": 800},
                                         is_mobile=True).new_page()
        join_as(phone, self.live_server_url, self.meeting, "Anita Bērziņa")

        console.get_by_role("button", name="Rādīt", exact=True).click()
        slide = projector.locator("img.slide")
        expect(slide).to_have_attribute("src", re.compile(r"/p1\.webp$"))
        expect(projector.locator("#badge")).to_be_hidden()  # the slide fills the screen
        projector.wait_for_function(  # the page image is the full-HD rendering
            "() => { const i = document.querySelector('img.slide');"
            " return i && i.complete && i.naturalWidth === 1920; }")

        console.locator("body").press("ArrowRight")
        expect(slide).to_have_attribute("src", re.compile(r"/p2\.webp$"))
        expect(console.locator("#slide-number")).to_contain_text("2 / 3")
        expect(phone.get_by_text("Slaids 2 / 3")).to_be_visible()

        console.get_by_role("button", name="Noņemt no ekrāna").click()
        expect(projector.locator("img.slide")).to_have_count(0)
        expect(projector.locator("#badge")).to_be_visible()
