"""Browser tests: Playwright driving Debian's Chromium against a live Daphne server.

Chromium cannot download its own browser here, so we launch /usr/bin/chromium (or
$CHROMIUM). With CI=true a missing browser fails the run instead of skipping it.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")

T = TypeVar("T")

EXPECT_TIMEOUT_MS = 20_000

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if os.path.exists(candidate) else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e" in str(item.path):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium is not installed (apt-get install -y chromium); "
                        "browser tests must run in CI.")
        pytest.skip("Chromium is not installed: apt-get install -y chromium")
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait for what the server does (a broadcast, a job); 5 s, Playwright's
    # default, is too short on a loaded two-core machine. Passing ones do not wait longer.
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        latvian_by_default(browser)
        yield browser
        browser.close()


def latvian_by_default(browser: Any) -> None:
    """A phone without a language of its own follows its browser's (live/languages.py),
    and Playwright's browsers speak en-US: here they speak Latvian, as in the room,
    unless a test gives a `locale`."""
    for name in ("new_context", "new_page"):
        original = getattr(browser, name)

        def with_locale(*args: Any, _original: Any = original, **options: Any) -> Any:
            options.setdefault("locale", "lv-LV")
            return _original(*args, **options)

        setattr(browser, name, with_locale)


def in_thread(action: Callable[[], T]) -> T:
    """Run database set-up outside the main thread.

    Playwright's sync API keeps an asyncio loop running in the main thread, and Django's
    on-commit broadcasts use async_to_sync, which refuses to run beside a live loop.
    """
    from django.db import connection

    def run() -> T:
        try:
            return action()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


JOIN = re.compile("^(Pievienoties|Join)$")
AGREE = re.compile("^(Piekrītu|I agree)$")


def join_as(page: Any, server_url: str, meeting: Any, name: str) -> None:
    """A phone joins as `name` the quickest way: the personal link from the badge (one
    tap), then the consent question if the person's category needs one."""
    from sanaksme.participants.models import Participant

    person = in_thread(lambda: Participant.objects.get(meeting=meeting, name=name))
    page.goto(f"{server_url}/j/{meeting.join_code}/{person.join_token}/")
    page.get_by_role("button", name=JOIN).click()
    if person.needs_consent:
        page.get_by_role("button", name=AGREE).click()


def log_in(page: Any, server_url: str, password: str, username: str = "facilitator") -> None:
    """The facilitator logs in on the (Latvian) login page."""
    page.goto(f"{server_url}/login/")
    page.get_by_label("Lietotājvārds").fill(username)
    page.get_by_label("Parole").fill(password)
    page.get_by_role("button", name="Pieteikties").click()
