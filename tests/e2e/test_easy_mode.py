"""The simple view (pictures and short words) on a 360×740 phone, in the demo meeting,
which offers it (Meeting.easy_mode): a phone chooses pictures, taps the "problem"
picture of sheet 2 and writes a note; it is stored on sheet 2 / problem."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from sanaksme.boards.models import Note, Sheet
from sanaksme.programme.models import Meeting

from .conftest import in_thread, join_as
from .test_live_brainstorm import BrainstormCase

SMALL_PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
               "locale": "lv-LV"}
SHOTS = Path(tempfile.gettempdir()) / "shots" / "easy"  # looked at by hand
# What would tell a neighbour who is in the community category: its label or its code.
CATEGORY_HINTS = re.compile(r"romu kopien|roma_community|community", re.IGNORECASE)


def _sheets_of_current_item(meeting_id: int) -> list[Sheet]:
    item_id = Meeting.objects.get(pk=meeting_id).current_item_id
    return list(Sheet.objects.filter(item_id=item_id).order_by("position", "id"))


class TestEasyBrainstorm(BrainstormCase):
    def _small_phone(self, name: str) -> Any:
        page = self.browser.new_context(**SMALL_PHONE).new_page()
        join_as(page, self.live_server_url, self.meeting, name)
        expect(page.locator("#conn")).to_have_text("Savienots")
        return page

    def _shot(self, page: Any, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"))

    @staticmethod
    def _assert_targets(page: Any, selector: str, least: int) -> None:
        for box in page.locator(selector).evaluate_all(
                "nodes => nodes.filter(n => n.offsetParent).map(n => n.getBoundingClientRect())"
                ".map(r => [r.width, r.height])"):
            assert min(box) >= least, (selector, box)

    def test_a_phone_chooses_pictures_and_posts_to_sheet_2_problem(self) -> None:
        console = self._console()
        console.get_by_role("button", name=re.compile("Viedokļu apkopojums")).click()
        expect(console.locator("#live h1")).to_contain_text("Viedokļu apkopojums")
        roberts = self._small_phone("Roberts Kozlovskis")
        anita = self._small_phone("Anita Bērziņa")
        for phone in (roberts, anita):  # every phone: the same question and toggle
            expect(phone.locator("#easy-ask")).to_be_visible()
            expect(phone.locator("#easy-toggle")).to_have_attribute("aria-pressed", "false")
        self._shot(roberts, "1-ask")

        roberts.locator("#easy-ask [data-view=pictures]").click()
        expect(roberts.locator(".easy-sheets")).to_be_visible()
        expect(roberts.locator("#easy-toggle")).to_have_attribute("aria-pressed", "true")
        expect(roberts.locator("#easy-ask")).to_have_count(0)
        self._shot(roberts, "2-sheets")
        self._assert_targets(roberts, ".easy-sheet, #easy-toggle", 44)
        roberts.locator(".easy-sheet").nth(1).click()
        expect(roberts.locator(".easy-pic")).to_have_count(4)
        self._shot(roberts, "3-pictures")
        self._assert_targets(roberts, ".easy-pic", 64)
        self._assert_targets(roberts, ".easy-back", 44)
        roberts.locator(".easy-pic[data-column=problem]").click()
        expect(roberts.locator(".easy-chosen")).to_contain_text("Problēma")
        roberts.get_by_label("Raksti").fill("Nav autobusa uz skolu")
        self._shot(roberts, "4-write")
        self._assert_targets(roberts, ".easy-send", 64)
        roberts.locator(".easy-send").click()

        expect(roberts.locator(".easy-thanks")).to_be_visible()
        expect(roberts.locator(".easy-mine .sent", has_text="Nav autobusa")).to_have_count(1)
        self._shot(roberts, "5-sent")
        sheets = in_thread(lambda: _sheets_of_current_item(self.meeting.pk))
        expect(console.locator(f"#col-{sheets[1].pk}-problem .note",
                               has_text="Nav autobusa uz skolu")).to_have_count(1)
        note = in_thread(lambda: Note.objects.get(text="Nav autobusa uz skolu"))
        assert (note.sheet_id, note.column) == (sheets[1].pk, "problem")
        for phone in (roberts, anita):
            assert not CATEGORY_HINTS.search(phone.locator("body").inner_text())
            for shown in ("header.bar", "main"):
                assert not CATEGORY_HINTS.search(phone.locator(shown).evaluate("n => n.outerHTML"))
        bar = r"n => n.outerHTML.replace(/aria-pressed=.\w+./, '')"
        assert roberts.locator("#easy-toggle").evaluate(bar) == anita.locator(
            "#easy-toggle").evaluate(bar)  # the same toggle on every phone
