"""Phones at 360×740 (issue 15): who you joined as on every page, a character counter
that keeps a long paste and sends nothing too long, the sheet and column kept across a
reload, the shared sheet kept open and still while the facilitator moderates, the
responsibility taps on every factor, a clear message for a wrong code, and the scribe on
the console writing for a named person with the keyboard."""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from sanaksme.boards.models import Note, Sheet
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting

from .conftest import in_thread, join_as, log_in
from .test_tour_de_table import PASSWORD, DemoLive

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
         "locale": "lv-LV"}
BRAINSTORM = "Viedokļu apkopojums"
GROUP_WORK = "Darbs mazās grupās"
EXPERT = "Anita Bērziņa"
ROMA = "Aleksejs Dimitrijevs"  # asked for consent first
NOT_YOU = re.compile("^(Not you\\?|Tas neesat jūs\\?)$")
SEND = re.compile("^(Send|Sūtīt)$")
ADD = re.compile("^(Add|Pievienot)$")


def _shot(page: Page, name: str) -> None:
    """A full-page PNG in $SANAKSME_SHOTS (to look at), when it is set."""
    folder = os.environ.get("SANAKSME_SHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


class PhoneCase(DemoLive):
    def _phone(self, name: str) -> Page:
        page: Page = self.browser.new_context(**PHONE).new_page()
        join_as(page, self.live_server_url, self.meeting, name)
        return page

    def _open(self, title: str) -> AgendaItem:
        def run() -> AgendaItem:
            from sanaksme.live.opening import current_item_set

            item = AgendaItem.objects.get(day__meeting=self.meeting, title__startswith=title)
            current_item_set(meeting=Meeting.objects.get(pk=self.meeting.pk), item=item)
            return item
        return in_thread(run)

    def _console(self) -> Page:
        page: Page = self.browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
        log_in(page, self.live_server_url, PASSWORD)
        page.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/live/")
        return page

    def _sheets(self, item: AgendaItem) -> list[Sheet]:
        return in_thread(lambda: list(Sheet.objects.filter(item=item).order_by("position")))


class TestNotYouOnEveryPage(PhoneCase):
    __test__ = True

    def test_who_you_joined_as_is_on_the_consent_live_and_my_data_pages(self) -> None:
        page: Page = self.browser.new_context(**PHONE).new_page()
        person = in_thread(lambda: Participant.objects.get(meeting=self.meeting, name=ROMA))
        page.goto(f"{self.live_server_url}/j/{self.meeting.join_code}/{person.join_token}/")
        page.get_by_role("button", name=re.compile("^(Pievienoties|Join)$")).click()

        for where in ("consent", "live", "me"):
            if where == "live":
                page.get_by_role("button", name=re.compile("^(Piekrītu|I agree)$")).click()
            elif where == "me":
                page.locator(".joined-as a").click()
            expect(page.locator(".joined-as .who")).to_contain_text(ROMA)
            expect(page.get_by_role("button", name=NOT_YOU)).to_be_visible()
            _shot(page, f"not-you-{where}")

        page.get_by_role("button", name=NOT_YOU).click()
        expect(page).to_have_url(re.compile(f"/j/{self.meeting.join_code}/$"))


class TestWrongCode(PhoneCase):
    __test__ = True

    def test_a_wrong_code_in_the_link_says_so_and_keeps_it_to_correct(self) -> None:
        page: Page = self.browser.new_context(**PHONE).new_page()

        page.goto(f"{self.live_server_url}/j/wrong/")

        expect(page.get_by_role("alert")).to_contain_text("WRONG")
        expect(page.locator("input[name=code]")).to_have_value("WRONG")
        _shot(page, "wrong-code")


class TestLongPaste(PhoneCase):
    __test__ = True

    def test_a_long_paste_stays_says_the_limit_and_is_not_sent(self) -> None:
        item = self._open(BRAINSTORM)
        phone = self._phone(EXPERT)
        phone.get_by_role("button", name=re.compile("Sociālo lietu")).click()
        phone.get_by_role("button", name=re.compile("Problēmas")).click()
        area = phone.locator("#note-text")
        counter = phone.locator("#note-text-count")

        area.fill("Trūkst romu mediatora")
        expect(counter).to_have_text("21/280")
        area.fill("ā" * 5000)  # a paste: the field keeps all of it

        expect(counter).to_have_class(re.compile(r"\bover\b"))
        expect(counter).to_contain_text("5000/280")
        expect(counter).to_contain_text("280")
        expect(phone.get_by_role("button", name=SEND)).to_be_disabled()
        assert len(area.input_value()) == 5000
        _shot(phone, "counter-over")
        area.press("Enter")  # a phone's Enter is a new line; nothing goes out either way

        area.fill("ā" * 270)
        expect(counter).to_have_class(re.compile(r"\bnear\b"))
        phone.get_by_role("button", name=SEND).click()
        expect(phone.locator(".mine .sent")).to_have_count(1)
        texts = in_thread(lambda: list(Note.objects.filter(sheet__item=item)
                                       .values_list("text", flat=True)))
        assert [len(t) for t in texts] == [270]


class TestReloadKeepsTheChoice(PhoneCase):
    __test__ = True

    def test_the_sheet_and_column_survive_a_reload(self) -> None:
        item = self._open(BRAINSTORM)
        second = self._sheets(item)[1]
        phone = self._phone(EXPERT)
        phone.get_by_role("button", name=re.compile(re.escape(second.title[:12]))).click()
        phone.get_by_role("button", name=re.compile("Problēmas")).click()

        phone.reload()

        sheet_choice = phone.locator(".choices-sheet .choice[aria-pressed=true]")
        expect(sheet_choice).to_contain_text(second.title[:12])
        expect(phone.locator(".choices-column .choice[aria-pressed=true]")).to_contain_text("Problēmas")
        phone.get_by_label("Jūsu piezīme").fill("Pēc pārlādes")
        phone.get_by_role("button", name=SEND).click()
        expect(phone.locator(".mine .sent")).to_have_count(1)
        note = in_thread(lambda: Note.objects.get(text="Pēc pārlādes"))
        assert (note.sheet_id, note.column) == (second.pk, "problem")


class TestSharedSheetStaysOpen(PhoneCase):
    __test__ = True

    def _fill(self, sheet: Sheet) -> list[Note]:
        from sanaksme.boards.services import note_create, sheet_reveal

        sheet_reveal(sheet=sheet, revealed=True)
        return [note_create(sheet=sheet, column="problem", text=f"Piezīme numur {i}: " + "vārds " * 8,
                            client_id=f"fill-{i}", typed_by_facilitator=True)[0]
                for i in range(14)]

    def test_hiding_a_note_keeps_the_open_sheet_open_and_the_page_still(self) -> None:
        item = self._open(BRAINSTORM)
        first = self._sheets(item)[0]
        notes = in_thread(lambda: self._fill(first))
        phone = self._phone(EXPERT)
        shared = phone.locator("details.shared")
        shared.locator("summary").click()
        expect(shared).to_have_attribute("open", "")
        expect(shared.locator(".note")).to_have_count(14)
        before = phone.evaluate("() => { window.scrollTo(0, 600); return window.scrollY; }")
        assert before > 0

        def hide() -> None:
            from django.contrib.auth import get_user_model

            from sanaksme.boards.services import note_hide
            note_hide(note=notes[13], actor=get_user_model().objects.get(username="facilitator"),
                      reason="Atkārtojas")
        in_thread(hide)

        expect(shared.locator(".note")).to_have_count(13)
        expect(shared).to_have_attribute("open", "")
        assert phone.evaluate("window.scrollY") == before

        def resync() -> None:  # a change the phones take as a whole new state
            from sanaksme.boards.services import note_create, sheet_reveal

            sheet_reveal(sheet=self._sheets(item)[1], revealed=True)
            note_create(sheet=first, column="problem", text="Pēc jaunā stāvokļa",
                        client_id="after-sync", typed_by_facilitator=True)
        in_thread(resync)

        expect(shared.locator(".note", has_text="Pēc jaunā stāvokļa")).to_have_count(1)
        expect(shared).to_have_attribute("open", "")
        assert phone.evaluate("window.scrollY") == before
        _shot(phone, "shared-open")


class TestTapsOnEveryFactor(PhoneCase):
    __test__ = True

    def test_the_responsibility_taps_show_on_each_factor_without_unfolding(self) -> None:
        def draw() -> None:
            from sanaksme.groups.services.formation import groups_draw
            from sanaksme.live.opening import current_item_set

            self.meeting.participants.update(present=True)
            item = AgendaItem.objects.get(day__meeting=self.meeting, title__startswith=GROUP_WORK)
            current_item_set(meeting=Meeting.objects.get(pk=self.meeting.pk), item=item)
            groups_draw(item=item, seed=7)
        in_thread(draw)
        phone = self._phone(EXPERT)
        worksheet = phone.locator(".worksheet")
        for text in ("Zema motivācija mācīties", "Nav transporta"):
            worksheet.get_by_role("textbox").first.fill(text)
            worksheet.get_by_role("button", name=ADD).first.click()
            expect(worksheet.locator(".factor:not(.pending)", has_text=text)).to_be_visible()

        factors = worksheet.locator(".factor")
        expect(factors).to_have_count(2)
        for i in range(2):
            expect(factors.nth(i).locator(".weigh-row")).to_have_count(3)
            expect(factors.nth(i).locator(".weigh-row button")).to_have_count(6)
        plus = factors.nth(1).locator(".weigh-row").nth(2).locator("button").nth(1)
        box = plus.bounding_box()
        assert box is not None
        assert min(box["height"], box["width"]) >= 44
        plus.click()
        expect(factors.nth(1).locator(".dots i.on")).to_have_count(1)
        expect(plus).to_be_focused()
        _shot(phone, "worksheet-taps")


class TestScribe(PhoneCase):
    __test__ = True

    def test_the_scribe_writes_for_a_named_person_with_the_keyboard(self) -> None:
        item = self._open(BRAINSTORM)
        console = self._console()
        expect(console.locator("#composer")).to_contain_text("Alt+N")
        console.locator("#composer .composer-toggle").click()  # the console's composer is folded
        expect(console.locator("#note-text")).to_be_visible()
        console.locator("#composer .choices-column .choice", has_text="Problēmas").click()

        console.keyboard.press("Alt+n")
        expect(console.locator("#note-author")).to_be_focused()
        console.keyboard.type("olg")
        expect(console.locator("#author-matches")).to_contain_text("Olga")
        console.keyboard.press("Enter")
        expect(console.locator("#note-text")).to_be_focused()
        expect(console.locator("#author-now")).to_contain_text("Olga")
        console.keyboard.type("Vajag vairāk mediatoru")
        console.keyboard.press("Enter")

        expect(console.locator(".note", has_text="Vajag vairāk mediatoru")).to_have_count(1)
        note = in_thread(lambda: Note.objects.select_related("author").get(
            sheet__item=item, text="Vajag vairāk mediatoru"))
        assert note.author is not None
        assert note.author.name == "Olga Ivanova"
        assert not note.anonymous
        _shot(console, "scribe")

