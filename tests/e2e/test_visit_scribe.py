"""The scribe types a site's observations on the console at keyboard speed; the projector
shows them on the day-2 brainstorm only once the facilitator reveals them."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from sanaksme.boards.models import Note

from .conftest import in_thread, log_in
from .test_tour_de_table import PASSWORD, DemoLive

NAMED = "Skolā strādā romu mediators"
ANONYMOUS = "Trūkst skolotāja palīgu"


def _authors(meeting_id: int) -> dict[str, tuple[str | None, bool, bool]]:
    return {n.text: (n.author.name if n.author else None, n.from_visit,
                     n.typed_by_facilitator)
            for n in Note.objects.filter(meeting_id=meeting_id).select_related("author")}


class TestVisitScribe(DemoLive):
    __test__ = True

    def test_the_scribe_types_two_observations_and_reveals_them(self) -> None:
        console = self.browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
        log_in(console, self.live_server_url, PASSWORD)
        console.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/live/")
        console.get_by_role("button", name=re.compile("Vizīte J. Raiņa")).click()
        scribe = console.locator("#visit-scribe")
        expect(scribe).to_be_visible()

        # One line said by Anita (Alt+N, first letters, Enter), one anonymous; the
        # column is chosen once and stays; Enter sends.
        console.keyboard.press("Alt+1")
        console.keyboard.press("Alt+N")
        expect(console.locator("#visit-author")).to_be_focused()
        console.keyboard.type("ani")
        console.keyboard.press("Enter")
        expect(console.locator("#visit-text")).to_be_focused()
        console.keyboard.type(NAMED)
        console.keyboard.press("Enter")
        expect(console.locator("#visit-text")).to_have_value("")
        console.keyboard.press("Alt+N")
        console.keyboard.press("Enter")  # empty: anonymous
        console.keyboard.type(ANONYMOUS)
        console.keyboard.press("Enter")
        expect(console.locator("#visit-count")).to_contain_text(" 2. ")
        meeting_id = self.meeting.pk
        assert in_thread(lambda: _authors(meeting_id)) == {
            NAMED: ("Anita Bērziņa", True, True), ANONYMOUS: (None, True, True)}

        # Day 2: the brainstorm starts with the school's sheet; the projector does not
        # show the observations until they are revealed.
        console.get_by_role("button", name=re.compile("Viedokļu apkopojums")).click()
        projector = self.browser.new_context(viewport={"width": 1600, "height": 900}).new_page()
        projector.goto(f"{self.live_server_url}/projector/{self.meeting.slug}/"
                       f"{self.meeting.projector_token}/")
        marked = console.locator(".note.from-visit")
        expect(marked).to_have_count(2)
        expect(marked.first.locator(".visit-mark")).to_contain_text(re.compile(r"\d\d:\d\d"))
        expect(projector.locator(".welcome-item-title")).to_contain_text("Viedokļu apkopojums")
        expect(projector.get_by_text(NAMED)).to_have_count(0)  # (an empty board: welcome)

        console.locator(".visit-reveal").click()

        expect(projector.get_by_text(NAMED)).to_be_visible()
        expect(projector.get_by_text(ANONYMOUS)).to_be_visible()
        expect(console.locator(".visit-reveal")).to_have_text(re.compile("Hide|Paslēpt"))
