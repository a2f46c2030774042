"""A phone and a projector in Chromium through nginx in front of two workers.

The pages, their scripts and styles (from nginx), the join form (CSRF behind the proxy)
and live.js's WebSocket all go through the proxy; the phone's note shows on the
projector. Scale-out suite only; a browser test (Chromium, like tests/e2e).
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest

from .conftest import SCALEOUT_ONLY, Hosted, brainstorm

pytestmark = [SCALEOUT_ONLY, pytest.mark.e2e]

JOIN = re.compile("^(Pievienoties|Join)$")
AGREE = re.compile("^(Piekrītu|I agree)$")
PHONE = {"viewport": {"width": 390, "height": 800}, "is_mobile": True, "has_touch": True,
         "locale": "lv-LV"}


def _chromium() -> str:
    from tests.e2e.conftest import chromium_path

    path = chromium_path()
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium is not installed (apt-get install -y chromium).")
        pytest.skip("Chromium is not installed: apt-get install -y chromium")
    return path


def test_a_phone_in_a_browser_reaches_the_projector_through_nginx(hosted: Hosted) -> None:
    # The database first: Playwright's sync API then keeps a loop in this thread.
    data: dict[str, Any] = brainstorm()
    path = _chromium()
    from playwright.sync_api import expect, sync_playwright

    from tests.e2e.conftest import CHROMIUM_ARGS, EXPECT_TIMEOUT_MS

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            projector = browser.new_context(viewport={"width": 1600, "height": 900},
                                            locale="lv-LV").new_page()
            projector.goto(f"{hosted.url}{data['projector_page']}")
            expect(projector.locator("#live h1")).not_to_be_empty()

            phone = browser.new_context(**PHONE).new_page()
            phone.goto(f"{hosted.url}{data['join_link']}")
            phone.get_by_role("button", name=JOIN).click()  # a form POST: CSRF via nginx
            if data["needs_consent"]:
                phone.get_by_role("button", name=AGREE).click()
            expect(phone.locator("#conn")).to_have_text("Savienots")

            phone.get_by_role("button", name=re.compile("Sociālo lietu")).click()
            phone.get_by_role("button", name=re.compile("Problēmas")).click()
            phone.get_by_label("Jūsu piezīme").fill("Caur nginx uz projektoru")
            phone.get_by_role("button", name="Sūtīt").click()

            expect(phone.locator(".mine .sent")).to_have_count(1)
            expect(projector.locator(".note", has_text="Caur nginx uz projektoru")
                   ).to_have_count(1)
        finally:
            browser.close()
