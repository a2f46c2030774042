"""The brainstorm live: console, projector and two phones; one phone goes offline."""

from __future__ import annotations

import re
from typing import Any

import pytest
from channels.testing import ChannelsLiveServerTestCase
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from sanaksme.programme.models import Meeting
from sanaksme.programme.tests.demo import demo_get_or_import

from .conftest import in_thread, join_as, log_in

PASSWORD = "correct horse battery"
PHONE = {"viewport": {"width": 390, "height": 800}, "is_mobile": True, "has_touch": True}


class BrainstormCase(ChannelsLiveServerTestCase):
    """One test per class: each class gets its own live server (a second test in the same
    class sees its server's SQLite file fail)."""

    @pytest.fixture(autouse=True)
    def _browser(self, browser: Any) -> None:
        self.browser = browser

    def setUp(self) -> None:
        super().setUp()
        self.meeting: Meeting = in_thread(self._load_demo)

    @staticmethod
    def _load_demo() -> Meeting:
        meeting = demo_get_or_import()
        user = get_user_model().objects.create_user("facilitator", password=PASSWORD)
        meeting.organisation.members.add(user)
        return meeting

    def _console(self) -> Any:
        page = self.browser.new_context().new_page()
        log_in(page, self.live_server_url, PASSWORD)
        page.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/live/")
        return page

    def _phone(self, name: str) -> Any:
        context = self.browser.new_context(**PHONE)
        page = context.new_page()
        page.goto(f"{self.live_server_url}/j/")
        page.get_by_label("Ierakstiet kodu, kas redzams uz ekrāna").fill(
            self.meeting.join_code.lower())
        page.get_by_role("button", name="Pievienoties").click()
        expect(page).to_have_url(re.compile(f"/j/{self.meeting.join_code}/$"))
        join_as(page, self.live_server_url, self.meeting, name)
        expect(page.locator("#conn")).to_have_text("Savienots")
        return page

    @staticmethod
    def _post(phone: Any, sheet: str, column: str, text: str) -> None:
        phone.get_by_role("button", name=re.compile(sheet)).click()
        phone.get_by_role("button", name=re.compile(column)).click()
        phone.get_by_label("Jūsu piezīme").fill(text)
        phone.get_by_role("button", name="Sūtīt").click()

    def _reveal_all_sheets(self) -> None:
        from sanaksme.boards.models import Sheet
        from sanaksme.boards.services import sheet_reveal

        meeting = Meeting.objects.get(pk=self.meeting.pk)
        for sheet in Sheet.objects.filter(item_id=meeting.current_item_id):
            sheet_reveal(sheet=sheet, revealed=True)


class TestLiveBrainstorm(BrainstormCase):
    def test_notes_reach_every_screen_once_even_from_an_offline_phone(self) -> None:
        console = self._console()
        console.get_by_role("button", name=re.compile("Viedokļu apkopojums")).click()
        projector = self.browser.new_context(viewport={"width": 1600, "height": 900}).new_page()
        projector.goto(f"{self.live_server_url}/projector/{self.meeting.slug}/"
                       f"{self.meeting.projector_token}/")
        expect(projector.locator("#live h1")).to_contain_text("Viedokļu apkopojums")
        anita = self._phone("Anita Bērziņa")
        roberts = self._phone("Roberts Kozlovskis")

        self._post(anita, "Sociālo lietu", "Problēmas", "<b>Trūkst</b> romu mediatora")
        roberts.context.set_offline(True)
        expect(roberts.locator("#conn")).to_contain_text("Nav savienojuma")
        self._post(roberts, "26. pirmsskolas", "Pozitīvais", "Bērni labprāt nāk uz bērnudārzu")
        expect(roberts.locator(".mine .pending")).to_have_count(1)
        roberts.context.set_offline(False)

        expect(roberts.locator(".mine .sent")).to_have_count(1)
        for screen in (projector, console):
            expect(screen.locator(".note")).to_have_count(2)
            expect(screen.locator(".note", has_text="<b>Trūkst</b> romu mediatora")).to_have_count(1)
            expect(screen.locator(".note", has_text="Bērni labprāt")).to_have_count(1)
        projector.reload()
        expect(projector.locator(".note")).to_have_count(2)


class TestDraftSurvives(BrainstormCase):
    def test_a_half_written_note_survives_another_phones_note(self) -> None:
        console = self._console()
        console.get_by_role("button", name=re.compile("Viedokļu apkopojums")).click()
        expect(console.locator("#live h1")).to_contain_text("Viedokļu apkopojums")
        in_thread(self._reveal_all_sheets)
        anita = self._phone("Anita Bērziņa")
        roberts = self._phone("Roberts Kozlovskis")

        anita.get_by_role("button", name=re.compile("Sociālo lietu")).click()
        anita.get_by_role("button", name=re.compile("Problēmas")).click()
        anita.locator("details.shared summary").click()
        expect(anita.locator("details.shared")).to_have_attribute("open", "")
        draft = anita.get_by_label("Jūsu piezīme")
        draft.fill("Trūkst skolotāju palīgu")
        draft.evaluate("area => area.setSelectionRange(6, 6)")

        self._post(roberts, "Sociālo lietu", "Problēmas", "Nav transporta uz skolu")
        expect(anita.locator("details.shared .note", has_text="Nav transporta")).to_have_count(1)
        expect(draft).to_have_value("Trūkst skolotāju palīgu")
        expect(draft).to_be_focused()
        expect(anita.locator("details.shared")).to_have_attribute("open", "")
        anita.keyboard.type(" vēl")  # the caret is where it was
        expect(draft).to_have_value("Trūkst vēl skolotāju palīgu")
