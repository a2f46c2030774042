"""The projector the back row can read: the welcome screen, sizes from the viewport at
four resolutions, the console's choice of what the board shows, and every note of the
recorded meeting's brainstorm shown in turn."""

from __future__ import annotations

import re
from typing import Any

import pytest
from channels.testing import ChannelsLiveServerTestCase
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import note_create, sheet_reveal, sheets_ensure
from sanaksme.live.opening import current_item_set
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.tests.demo import demo_get_or_import

from .conftest import in_thread, log_in

VIEWPORTS = [(1024, 768), (1280, 720), (1920, 1080), (3840, 2160)]
PASSWORD = "correct horse battery"
PROJECTOR_SHOWS = re.compile("^(Projektorā redzams|The projector shows)")

# Every shown text node's font size, every shown box, against the viewport and the strip.
MEASURE = """() => {
  const vh = window.innerHeight, vw = window.innerWidth;
  const strip = document.querySelector('.strip').getBoundingClientRect();
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const notes = Array.from(document.querySelectorAll('li.note')).filter(shown);
  const box = (e) => { const r = e.getBoundingClientRect();
                       return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
  return {vh, vw, strip: box(document.querySelector('.strip')),
          badge: box(document.querySelector('#badge')),
          notes: notes.map((n) => ({id: n.id, size: parseFloat(getComputedStyle(n).fontSize),
                                    listBottom: n.parentNode.getBoundingClientRect().bottom,
                                    ...box(n)})),
          columns: Array.from(document.querySelectorAll('.column')).filter(shown).map(box),
          stripTop: strip.top};
}"""


class ProjectorCase(ChannelsLiveServerTestCase):
    """One test per class (each class gets its own live server)."""

    @pytest.fixture(autouse=True)
    def _browser(self, browser: Any) -> None:
        self.browser = browser

    def _projector(self, meeting: Meeting, size: tuple[int, int], query: str = "") -> Any:
        page = self.browser.new_context(viewport={"width": size[0], "height": size[1]}).new_page()
        page.goto(f"{self.live_server_url}/projector/{meeting.slug}/"
                  f"{meeting.projector_token}/{query}")
        expect(page.locator("#conn")).to_have_text("Savienots")
        return page


class TestWelcome(ProjectorCase):
    def test_the_welcome_screen_shows_title_date_place_code_and_qr_at_every_size(self) -> None:
        meeting = in_thread(demo_get_or_import)
        page = self._projector(meeting, VIEWPORTS[0])

        for width, height in VIEWPORTS:
            page.set_viewport_size({"width": width, "height": height})

            expect(page.get_by_role("heading", name=meeting.full_title)).to_be_visible()
            expect(page.locator(".welcome-when")).to_have_text(re.compile(r"2017\. gada"))
            expect(page.locator(".welcome-where")).to_have_text(meeting.place)
            expect(page.locator(".welcome-join .join-code")).to_contain_text(meeting.join_code)
            qr = page.locator(".welcome .qr svg").bounding_box()
            assert qr is not None
            assert qr["height"] >= 0.35 * height, (width, qr)
            assert qr["y"] + qr["height"] <= height
            assert qr["x"] + qr["width"] <= width
            expect(page.locator("#badge")).to_be_hidden()


def _demo_with_notes() -> tuple[Meeting, AgendaItem, list[Sheet]]:
    meeting = demo_get_or_import()
    item = AgendaItem.objects.get(day__meeting=meeting, method="brainstorm")
    current_item_set(meeting=meeting, item=item)
    sheets = sheets_ensure(item=item)
    for sheet in sheets:
        sheet_reveal(sheet=sheet, revealed=True)
    texts = ["Skolotāja palīgs romu bērniem katrā klasē", "Pagarinātās dienas grupa līdz 17.00",
             "Vecākiem trūkst informācijas par skolu, par ko vajadzētu runāt katru mēnesi "
             "sapulcē kopā ar mediatoru un skolotājiem",
             "Transports uz skolu no attālākiem ciemiem"]
    for i in range(18):
        for column in sheets[0].columns:
            note_create(sheet=sheets[0], column=column, text=f"{i + 1}. {texts[i % 4]}",
                        client_id=f"c-{column}-{i}")
    return meeting, item, sheets


class TestSizes(ProjectorCase):
    def test_text_is_big_enough_and_nothing_overflows_or_hides_behind_the_badge(self) -> None:
        meeting, _item, sheets = in_thread(_demo_with_notes)
        page = self._projector(meeting, VIEWPORTS[0])
        expect(page.locator("#welcome")).to_be_hidden()
        expect(page.locator("#badge")).to_be_visible()

        for width, height in VIEWPORTS:
            page.set_viewport_size({"width": width, "height": height})
            expect(page.locator(f"#sheet-{sheets[0].id} li.note:visible").first).to_be_visible()
            m = page.evaluate(MEASURE)

            assert m["notes"], (width, height)
            for note in m["notes"]:
                assert note["size"] >= 0.035 * height, (width, height, note)
                assert note["left"] >= 0, (width, note)
                assert note["right"] <= width, (width, note)
                assert note["top"] >= 0, (width, note)
                assert note["bottom"] <= m["stripTop"] + 0.5, (width, note)
                assert note["bottom"] <= note["listBottom"] + 0.5, (width, note)  # not cut
            for column in m["columns"]:
                assert column["bottom"] <= m["stripTop"] + 0.5
                assert column["right"] <= width
            assert m["badge"]["bottom"] <= height
            assert m["badge"]["right"] <= width
            pages = page.locator(f"#sheet-{sheets[0].id} .column h3 .page").first
            expect(pages).to_have_text(re.compile(r"^1/\d+$"))


class TestConsoleChoosesTheView(ProjectorCase):
    def test_the_console_shows_one_column_on_the_projector(self) -> None:
        meeting, _item, sheets = in_thread(_demo_with_notes)

        def facilitator() -> None:
            user = get_user_model().objects.create_user("facilitator", password=PASSWORD)
            meeting.organisation.members.add(user)

        in_thread(facilitator)
        projector = self._projector(meeting, (1280, 720))
        console = self.browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
        log_in(console, self.live_server_url, PASSWORD)
        console.goto(f"{self.live_server_url}/console/m/{meeting.slug}/live/")

        console.get_by_label(PROJECTOR_SHOWS).select_option(
            f"column:{sheets[0].id}:problem")

        board = projector.locator(".room-board")
        expect(board).to_have_class(re.compile("mode-column"))
        expect(projector.locator(".room-board .column")).to_have_count(1)
        expect(projector.locator(".room-board .column h3 .label")).to_have_text("Problēmas")
        expect(console.get_by_label(PROJECTOR_SHOWS)).to_have_value(
            f"column:{sheets[0].id}:problem")


COLLECT = """() => {
  window.seenNotes = new Set();
  const look = () => {
    for (const li of document.querySelectorAll('.room-board section:not([hidden]) li.note:not([hidden])')) {
      const r = li.getBoundingClientRect();
      if (r.height > 0 && r.bottom <= window.innerHeight) window.seenNotes.add(li.id);
    }
  };
  new MutationObserver(look).observe(document, {subtree: true, childList: true,
                                                     attributes: true, attributeFilter: ['hidden']});
}"""


def _recorded_brainstorm() -> tuple[Meeting, int]:
    from sanaksme.replay.run import EXAMPLES_DIR, replay_record

    meeting = (Meeting.objects.filter(slug="daugavpils-2017-ieraksts").first()
               or replay_record((EXAMPLES_DIR / "daugavpils-2017-record.yaml")
                                .read_text(encoding="utf-8")))
    item = AgendaItem.objects.get(day__meeting=meeting, method="brainstorm")
    current_item_set(meeting=meeting, item=item)
    visible = Note.objects.filter(sheet__item=item, sheet__revealed=True, hidden=False,
                                  merged_into__isnull=True).count()
    return Meeting.objects.get(pk=meeting.pk), visible


class TestRecordedMeetingInTurn(ProjectorCase):
    def test_every_visible_note_of_the_recorded_brainstorm_is_shown_in_turn(self) -> None:
        meeting, visible = in_thread(_recorded_brainstorm)
        assert visible >= 200
        page = self.browser.new_context(viewport={"width": 1024, "height": 768}).new_page()
        page.add_init_script(f"({COLLECT})();")
        page.goto(f"{self.live_server_url}/projector/{meeting.slug}/"
                  f"{meeting.projector_token}/?pace=0.15")

        expect(page.locator(".room-board")).to_have_attribute("data-rounds", "1",
                                                              timeout=120_000)

        seen = page.evaluate("() => Array.from(window.seenNotes)")
        assert len(set(seen)) == visible
