"""A facilitator opens the Reports page after the meeting and downloads the report."""

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
from sanaksme.reports.tests.simulated import run_meeting

from .conftest import in_thread, log_in

PASSWORD = "correct horse battery"
# Rendering the PDF takes 3-7 s on a loaded machine: wait for the job's outcome, generously.
JOB_DONE_MS = 60_000


class TestReports(ChannelsLiveServerTestCase):
    serve_static = True

    @pytest.fixture(autouse=True)
    def _browser(self, browser: Any) -> None:
        self.browser = browser

    def setUp(self) -> None:
        super().setUp()
        in_thread(self._run_meeting)

    @staticmethod
    def _run_meeting() -> None:
        meeting = demo_get_or_import()
        user = get_user_model().objects.create_user("facilitator", password=PASSWORD)
        meeting.organisation.members.add(user)
        run_meeting(meeting)

    def test_report_is_previewed_and_downloaded_as_pdf(self) -> None:
        context = self.browser.new_context(accept_downloads=True)
        page = context.new_page()
        log_in(page, self.live_server_url, PASSWORD)
        page.get_by_role("link", name=re.compile("Reģionālo ekspertu sanāksme")).click()
        page.get_by_role("link", name="Pārskati").click()

        preview = page.frame_locator("iframe[title='Sanāksmes pārskata priekšskatījums']")
        expect(preview.get_by_role("heading", name="Dalība skaitļos")).to_be_visible()
        report = page.get_by_role("region", name="Sanāksmes pārskats")
        report.get_by_role("button", name="PDF", exact=True).click()
        link = page.get_by_role("link", name=re.compile("Lejupielādēt"))
        expect(link).to_be_visible(timeout=JOB_DONE_MS)  # the PDF job has finished
        with page.expect_download() as download_info:
            link.click()
        pdf = download_info.value.path().read_bytes()

        text = re.sub(r"\s+", " ", "\n".join(
            p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
        assert "Sanāksmes pārskats" in text
        assert "28 no 30 reģistrētajiem dalībniekiem piedalījās." in text
        assert "Roberts Kozlovskis" not in text
        context.close()
