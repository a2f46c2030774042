"""Away from the laptop (issue 18): a phone at a site visit keeps working without the server.

The demo meeting's current item is the first good-practice visit, whose site has a sheet
on the day-2 brainstorm. A phone joins and opens the visit; the network goes; the page is
reloaded from the phone's cache (the service worker) and still shows the visit with its
buttons; three observations are written; the browser is closed and started again (the
same profile), still offline, and the page, again from the cache, says three notes wait.
Back online, the outbox sends them; on the day-2 brainstorm the facilitator reveals the
visit's observations and the projector shows exactly those three, once; the database
holds exactly three notes from the visit.

The phone is a persistent Chromium profile (launch_persistent_context), so that closing
and reopening it is a browser restart with the same storage and service worker. The live
server listens on localhost, a secure context, so the service worker is allowed.
"""

from __future__ import annotations

import contextlib
import re
import tempfile

from playwright.sync_api import BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.visits import visit_reveal, visit_sheet
from sanaksme.core.tests.waiting import wait_for
from sanaksme.live.opening import current_item_set
from sanaksme.programme.models import AgendaItem, Meeting

from .conftest import CHROMIUM_ARGS, chromium_path, in_thread, join_as
from .test_tour_de_table import DemoLive

PHONE = {"locale": "lv-LV", "viewport": {"width": 390, "height": 800}, "is_mobile": True,
         "has_touch": True}
EXPERT = "Anita Bērziņa"  # joins without a consent question
OBSERVATIONS = [("positive", "Skolotāju palīgi strādā katrā klasē"),
                ("problem", "Trūkst romu mediatora"),
                ("possible_solution", "Vecāku dienas divreiz gadā")]


def _visit_and_sheet(meeting: Meeting) -> tuple[AgendaItem, Sheet]:
    """The first visit on the screens; its site's sheet on the day-2 brainstorm."""
    visit = (AgendaItem.objects.filter(day__meeting=meeting, method="site_visit")
             .order_by("day__date", "position").first())
    assert visit is not None
    current_item_set(meeting=meeting, item=visit)
    sheet = visit_sheet(visit, create=True)
    assert sheet is not None, "the demo's brainstorm lists every visited site"
    return visit, sheet


def _to_the_brainstorm_and_reveal(meeting: Meeting, sheet: Sheet) -> None:
    current_item_set(meeting=meeting, item=sheet.item)
    visit_reveal(sheet=Sheet.objects.get(pk=sheet.pk), revealed=True)


class TestVisitOffline(DemoLive):
    __test__ = True
    serve_static = True

    def _launch(self, profile: str, *, offline: bool = False) -> BrowserContext:
        path = chromium_path()
        assert path is not None  # the `browser` fixture has skipped or failed already
        context: BrowserContext = self.browser.browser_type.launch_persistent_context(
            profile, executable_path=path, args=CHROMIUM_ARGS, offline=offline, **PHONE)
        return context

    @staticmethod
    def _page(context: BrowserContext) -> Page:
        return context.pages[0] if context.pages else context.new_page()

    @staticmethod
    def _write(page: Page, column: str, text: str) -> None:
        page.locator(f".visit-col[data-column={column}]").click()
        page.locator("#visit-text").fill(text)
        page.locator("#visit-composer button[type=submit]").click()

    def test_notes_written_offline_survive_a_restart_and_reach_the_projector_once(self) -> None:
        _visit, sheet = in_thread(lambda: _visit_and_sheet(self.meeting))
        profile = tempfile.mkdtemp(prefix="sanaksme-phone-")
        phone_url = f"{self.live_server_url}/p/{self.meeting.join_code}/"

        context = self._launch(profile)
        phone = self._page(context)
        join_as(phone, self.live_server_url, self.meeting, EXPERT)
        expect(phone.locator("#conn")).to_have_text("Savienots")
        expect(phone.locator(".visit-col")).to_have_count(4)
        # The service worker has kept this page: from now on it loads without the server.
        expect(phone.locator("body[data-offline=ready]")).to_be_attached()

        context.set_offline(True)
        response = phone.reload()
        assert response is not None
        assert response.from_service_worker
        expect(phone.locator("#conn")).to_contain_text("Nav savienojuma")
        expect(phone.locator(".visit-col")).to_have_count(4)  # drawn from the kept state
        for column, text in OBSERVATIONS:
            self._write(phone, column, text)
        expect(phone.locator(".visit-note.pending")).to_have_count(3)
        expect(phone.locator("#waiting-banner .waiting-count")).to_have_text("3")
        context.close()

        context = self._launch(profile, offline=True)  # the browser restarts, still offline
        self.addCleanup(context.close)
        phone = self._page(context)
        response = phone.goto(phone_url)
        assert response is not None
        assert response.from_service_worker
        expect(phone.locator("#waiting-banner .waiting-count")).to_have_text("3")
        expect(phone.locator("#waiting-banner")).to_be_visible()
        expect(phone.locator(".visit-note.pending")).to_have_count(3)

        context.set_offline(False)  # back in the hall
        expect(phone.locator("#conn")).to_have_text("Savienots")
        expect(phone.locator(".visit-note.pending")).to_have_count(0)
        expect(phone.locator("#waiting-banner")).to_be_hidden()

        projector = self.browser.new_context(locale="lv-LV").new_page()
        self.addCleanup(projector.context.close)
        projector.goto(f"{self.live_server_url}/projector/{self.meeting.slug}/"
                       f"{self.meeting.projector_token}/")
        in_thread(lambda: _to_the_brainstorm_and_reveal(self.meeting, sheet))
        for _column, text in OBSERVATIONS:
            expect(projector.locator(f"#sheet-{sheet.pk} .note",
                                     has_text=text)).to_have_count(1)
        expect(projector.locator(f"#sheet-{sheet.pk} .note")).to_have_count(3)

        stored = in_thread(lambda: list(Note.objects.filter(sheet=sheet, from_visit=True)
                                        .values_list("client_id", "column", "text")))
        assert sorted((column, text) for _id, column, text in stored) == sorted(OBSERVATIONS)
        assert len({client_id for client_id, _c, _t in stored}) == 3


class TestNotYouForgetsTheKeptScreens(DemoLive):
    """After "This is not me: leave", the next person holding the phone cannot see the
    last person's screen without the network: the kept page and state are gone."""

    __test__ = True
    serve_static = True

    def test_leaving_forgets_the_kept_phone_page_and_state(self) -> None:
        in_thread(lambda: _visit_and_sheet(self.meeting))
        profile = tempfile.mkdtemp(prefix="sanaksme-phone-")
        path = chromium_path()
        assert path is not None
        context: BrowserContext = self.browser.browser_type.launch_persistent_context(
            profile, executable_path=path, args=CHROMIUM_ARGS, **PHONE)
        self.addCleanup(context.close)
        phone = context.pages[0] if context.pages else context.new_page()
        join_as(phone, self.live_server_url, self.meeting, EXPERT)
        expect(phone.locator("body[data-offline=ready]")).to_be_attached()
        expect(phone.get_by_text(EXPERT).first).to_be_visible()

        phone.goto(f"{self.live_server_url}/j/{self.meeting.join_code}/me/")
        phone.get_by_role("button", name=re.compile("This is not me|Tas neesmu es")).click()
        expect(phone).to_have_url(re.compile(f"/j/{self.meeting.join_code}/$"))
        phone.wait_for_function("() => !Object.keys(localStorage).some("
                                "(k) => k.startsWith('sanaksme.state.'))")
        phone.wait_for_function("""async () => {
            for (const name of await caches.keys()) {
              const cache = await caches.open(name);
              for (const r of await cache.keys()) {
                if (new URL(r.url).pathname.match(/^\\/p\\/[^/]+\\/$/)) return false;
              }
            }
            return true;
        }""")

        context.set_offline(True)
        with contextlib.suppress(PlaywrightError):  # nothing kept: the browser's offline page
            phone.goto(f"{self.live_server_url}/p/{self.meeting.join_code}/")
        expect(phone.get_by_text(EXPERT)).to_have_count(0)


class TestNotYouKeepsTheLastPersonsNotes(DemoLive):
    """A phone's waiting notes are its person's: after "This is not me: leave" the next
    person on the same phone does not send them as their own; they wait for their
    author."""

    __test__ = True
    serve_static = True

    def test_the_next_person_does_not_send_the_last_persons_waiting_notes(self) -> None:
        _visit, sheet = in_thread(lambda: _visit_and_sheet(self.meeting))
        context = self.browser.new_context(**PHONE)
        self.addCleanup(context.close)
        phone = context.new_page()
        join_as(phone, self.live_server_url, self.meeting, EXPERT)
        expect(phone.locator(".visit-col")).to_have_count(4)
        me = phone.evaluate("() => JSON.parse(document.getElementById('live-config')"
                            ".textContent).me")
        key = f"sanaksme.outbox./ws/phone/{self.meeting.join_code}/.{me}"
        my_data = f"{self.live_server_url}/j/{self.meeting.join_code}/me/"
        phone.goto(my_data)
        expect(phone.locator("#waiting-here")).to_be_hidden()  # nothing waits yet
        # What Anita left waiting on the phone (written offline, never sent).
        phone.evaluate("([key, entry]) => localStorage.setItem(key, JSON.stringify([entry]))",
                       [key, {"action": "visit_note_add", "client_id": "left-by-anita",
                              "sheet": sheet.pk, "column": "positive",
                              "text": "Anitas piezīme", "written_at": "2017-01-26T10:30:00+02:00"}])
        phone.goto(my_data)
        # Before she leaves, she is told her note waits here and is not lost.
        expect(phone.locator("#waiting-here .waiting-count")).to_have_text("1")
        expect(phone.locator("#waiting-here")).to_contain_text("paliks drošībā šajā tālrunī")
        phone.get_by_role("button", name=re.compile("This is not me|Tas neesmu es")).click()

        join_as(phone, self.live_server_url, self.meeting, "Māris Ozoliņš")
        expect(phone.locator("#conn")).to_have_text("Savienots")
        phone.locator(".visit-col[data-column=problem]").click()
        phone.locator("#visit-text").fill("Mārim redzētais")
        phone.locator("#visit-composer button[type=submit]").click()

        def stored() -> list[tuple[str, str]]:
            return in_thread(lambda: list(Note.objects.filter(sheet=sheet).values_list(
                "text", "author__name")))

        wait_for(stored, seconds=30, what="Māris's observation stored")
        expect(phone.locator(".visit-note.pending")).to_have_count(0)
        # The outbox sends in order: had Anita's note been his, it would be stored first.
        assert stored() == [("Mārim redzētais", "Māris Ozoliņš")]
        waiting = phone.evaluate("(key) => JSON.parse(localStorage.getItem(key))", key)
        assert [entry["client_id"] for entry in waiting] == ["left-by-anita"]
