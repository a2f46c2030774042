"""The console on a laptop (issue 15): the live panel in view without scrolling, tools
at least 32 px high, day headings in the agenda, the count of connected phones, the
facilitator's idle wording; the brainstorm's composer folded into one bar (opened by
Alt+digit and Alt+N, the name's matches over the page) so the board's first notes show
without scrolling; the discussion's question and the speaker's elapsed time on every
screen; taking back a confirmed theme in the comparison, whose tools fit one row."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from sanaksme.groups.models import GroupSet, Theme
from sanaksme.groups.services.comparison import comparison_confirm, comparison_propose
from sanaksme.groups.services.formation import groups_draw
from sanaksme.groups.services.worksheets import factor_add
from sanaksme.live.opening import current_item_set
from sanaksme.programme.models import AgendaItem

from .conftest import in_thread, join_as, log_in
from .test_tour_de_table import PASSWORD, DemoLive

LAPTOPS = [(1366, 768), (1280, 720), (1920, 1080)]
BRAINSTORM = "Viedokļu apkopojums par labās prakses vizītēs redzēto"
DISCUSSION = "Diskusija par romu mediatoru darba nepieciešamību pašvaldībās"
QUESTION = "Vai un kāpēc pašvaldībām ir nepieciešams romu mediators?"
MEDIATOR = "Roberts Kozlovskis"
PHONES = re.compile(r"^(Phones connected|Pieslēgti tālruņi): 1$")
IDLE = re.compile("No item is running|Pašlaik nekas nenotiek")
UNCONFIRM = re.compile("^(Unconfirm|Atcelt apstiprinājumu)")
WRITE_FOR = re.compile("^(Write a note for someone|Uzrakstīt piezīmi kāda vārdā)")
RENAME = re.compile("^(Rename the theme|Pārdēvēt tēmu)")

# Each theme card's tools: [text, how many rows they take, overflowing?].
THEME_TOOLS = """() => [...document.querySelectorAll('#comparison .theme-tools')].map((row) => [
  row.textContent.trim().slice(0, 20),
  new Set([...row.children].map((c) => Math.round(c.getBoundingClientRect().top))).size,
  row.scrollWidth > row.clientWidth])"""

# Every visible tool on the live panel and the side, and how tall it is.
SMALL_TOOLS = """() => [...document.querySelectorAll(
    '#live button, #live select, .live-side button, .agenda-now button')]
  .filter((b) => b.offsetParent !== null)
  .map((b) => [b.textContent.trim().slice(0, 30), b.getBoundingClientRect().height])
  .filter(([, height]) => height < 32)"""


def login(page: Page, server: str, slug: str) -> None:
    log_in(page, server, PASSWORD)
    page.goto(f"{server}/console/m/{slug}/live/")


class TestConsoleOnALaptop(DemoLive):
    __test__ = True

    def _check_layout(self, console: Page, width: int, height: int) -> None:
        console.set_viewport_size({"width": width, "height": height})
        console.reload()  # as the facilitator opens it: not scrolled
        expect(console.locator("#live .note", has_text="Nav telpu")).to_be_visible()
        top = console.evaluate(  # from the page's top: where it is before any scrolling
            "() => document.getElementById('live').getBoundingClientRect().top + window.scrollY")
        assert 0 < top < height / 3, f"{width}×{height}: the live panel starts at {top} px"
        scroll = console.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll[0] <= scroll[1], f"{width}×{height}: scrolls sideways {scroll}"
        assert console.evaluate(SMALL_TOOLS) == [], f"{width}×{height}: tools under 32 px"
        # The composer is one bar: the board's first note shows without scrolling.
        expect(console.locator("#composer-body")).to_be_hidden()
        expect(console.locator("#live .note", has_text="Nav telpu")).to_be_in_viewport(ratio=1)

    def test_the_live_panel_fits_a_laptop_and_counts_phones(self) -> None:
        console: Page = self.browser.new_context(viewport={"width": 1366, "height": 768}
                                                 ).new_page()
        login(console, self.live_server_url, self.meeting.slug)
        days = console.locator(".agenda-day")
        expect(days).to_have_count(2)
        expect(days.first).to_contain_text("2017. gada 26. janvāris")
        expect(days.nth(1)).to_contain_text("2017. gada 27. janvāris")
        expect(console.locator("#live .waiting")).to_have_text(IDLE)
        console.locator(".goto-item", has_text=BRAINSTORM).click()
        composer = console.locator("#composer")
        toggle = composer.get_by_role("button", name=WRITE_FOR)
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(console.locator("#note-text")).to_be_hidden()

        console.keyboard.press("Alt+Digit2")  # a column: the composer opens, the text has the focus
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(composer.get_by_role("button", name=re.compile("Problēmas"))).to_have_attribute(
            "aria-pressed", "true")
        expect(console.locator("#note-text")).to_be_focused()
        text_top = console.locator("#note-text").bounding_box()
        console.keyboard.press("Alt+KeyN")
        expect(console.locator("#note-author")).to_be_focused()
        console.keyboard.type("rob")
        expect(console.locator("#author-matches .author-choice").first).to_have_text(MEDIATOR)
        # The matches lie over the page: the text box below did not move.
        assert console.locator("#note-text").bounding_box() == text_top
        console.keyboard.press("Enter")
        expect(console.locator("#author-now")).to_contain_text(MEDIATOR)
        expect(console.locator("#note-text")).to_be_focused()
        console.keyboard.type("Nav telpu nodarbībām pēc stundām")
        console.keyboard.press("Enter")
        expect(console.locator("#live .note", has_text="Nav telpu")).to_be_visible()
        # Open and written in, the composer still leaves the note in view.
        expect(console.locator("#live .note", has_text="Nav telpu")).to_be_in_viewport(ratio=1)
        toggle.click()
        expect(console.locator("#note-text")).to_be_hidden()

        for width, height in LAPTOPS:
            self._check_layout(console, width, height)

        phone: Page = self.browser.new_context(viewport={"width": 390, "height": 800},
                                               is_mobile=True).new_page()
        join_as(phone, self.live_server_url, self.meeting, MEDIATOR)
        expect(console.locator("#phones-count")).to_have_text(PHONES)


class TestDiscussionQuestionAndElapsedTime(DemoLive):
    __test__ = True

    def test_the_question_is_on_every_screen_and_the_speakers_time_runs(self) -> None:
        console: Page = self.browser.new_context(viewport={"width": 1366, "height": 768}
                                                 ).new_page()
        login(console, self.live_server_url, self.meeting.slug)
        console.get_by_role("button", name=re.compile(DISCUSSION)).click()
        projector: Page = self.browser.new_context(viewport={"width": 1280, "height": 720}
                                                   ).new_page()
        projector.goto(f"{self.live_server_url}/projector/{self.meeting.slug}/"
                       f"{self.meeting.projector_token}/")
        phone: Page = self.browser.new_context(viewport={"width": 390, "height": 800},
                                               is_mobile=True).new_page()
        join_as(phone, self.live_server_url, self.meeting, MEDIATOR)
        for page in (console, projector, phone):
            expect(page.locator(".speaking .question")).to_have_text(QUESTION)
        raised = console.locator(".slot-add form")  # a hand raised in the room
        raised.locator("select").select_option(label=MEDIATOR)
        raised.get_by_role("button").click()
        console.locator("ol.queue > li").first.get_by_role("button", name="Dot vārdu").click()

        for page in (console, projector):
            elapsed = page.locator("#elapsed")
            expect(elapsed).to_have_text(re.compile(r"\d+:\d\d$"))
            first = elapsed.inner_text()
            expect(elapsed).not_to_have_text(first)  # it ticks on its own
        expect(phone.locator("#elapsed")).to_have_count(0)


class TestUnconfirmATheme(DemoLive):
    __test__ = True

    def _confirmed_comparison(self) -> int:
        item = AgendaItem.objects.get(day__meeting=self.meeting, method="group_work")
        group_set: GroupSet = groups_draw(item=item, seed=1)
        written = {1: "Zema motivācija mācīties", 2: "Nabadzība ģimenēs",
                   4: "bērni negrib iet uz skolu, neredz jēgu"}
        for number, text in written.items():
            factor_add(group=group_set.groups.get(number=number), text=text,
                       client_id=f"f{number}")
        comparison_propose(group_set=group_set)
        comparison_confirm(group_set=group_set)
        current_item_set(meeting=self.meeting, item=AgendaItem.objects.get(
            day__meeting=self.meeting, method="group_presentations"))
        return Theme.objects.filter(group_set=group_set).count()

    def test_a_confirmed_theme_can_be_taken_back(self) -> None:
        themes: Any = in_thread(self._confirmed_comparison)
        console: Page = self.browser.new_context(viewport={"width": 1366, "height": 768}
                                                 ).new_page()
        login(console, self.live_server_url, self.meeting.slug)
        confirmed = console.locator("#comparison .theme.confirmed")
        expect(confirmed).to_have_count(themes)
        expect(console.locator("#comparison .column-empty")).not_to_have_count(0)

        rows = console.evaluate(THEME_TOOLS)
        assert rows, "no theme tools"
        assert all(n == 1 and not over for _, n, over in rows), f"tools wrap or overflow: {rows}"
        assert console.evaluate(SMALL_TOOLS) == []
        rename = confirmed.first.get_by_role("button", name=RENAME)
        expect(rename).to_have_attribute("title", re.compile(".+"))

        confirmed.first.get_by_role("button", name=UNCONFIRM).click()

        expect(confirmed).to_have_count(themes - 1)
        expect(console.locator("#comparison .theme:not(.confirmed)")).to_have_count(1)
