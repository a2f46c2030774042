"""The simple view (pictures and short words) on a 360×740 phone, in the demo meeting,
which offers it (Meeting.easy_mode): a phone chooses pictures, taps the "problem"
picture of sheet 2 and writes a note; it is stored on sheet 2 / problem. Then each
method in pictures: the tour and the discussion (your turn, the hand in the console's
queue), group work (a factor and a weight reach the console), feedback (what everyone
wrote, once shown), and an open phone following the meeting's setting."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import sheet_reveal
from sanaksme.programme.models import Meeting
from sanaksme.programme.services import meeting_update

from .conftest import in_thread, join_as
from .test_accessibility import COMMUNITY, _groups_at_work, _open
from .test_live_brainstorm import BrainstormCase

SMALL_PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
               "locale": "lv-LV"}
SHOTS = Path(tempfile.gettempdir()) / "shots" / "easy2"  # looked at by hand
# What would tell a neighbour who is in the community category: its label or its code.
ANITA = "Anita Bērziņa"
DISCUSSION = "Diskusija par romu mediatoru darba nepieciešamību pašvaldībās"
QUESTION = "Vai un kāpēc pašvaldībām ir nepieciešams romu mediators?"
FACTOR = "Nav transporta uz skolu"
ADVICE = "Vairāk attēlu uz ekrāna"
CATEGORY_HINTS = re.compile(r"romu kopien|roma_community|community", re.IGNORECASE)


def _easy_mode(meeting_id: int, *, on: bool) -> None:
    meeting_update(meeting=Meeting.objects.get(pk=meeting_id), easy_mode=on)


def _sheets_of_current_item(meeting_id: int) -> list[Sheet]:
    item_id = Meeting.objects.get(pk=meeting_id).current_item_id
    return list(Sheet.objects.filter(item_id=item_id).order_by("position", "id"))


class EasyCase(BrainstormCase):
    """Phones at 360×740 in the demo meeting, which offers the simple view."""

    def _small_phone(self, name: str) -> Any:
        page = self.browser.new_context(**SMALL_PHONE).new_page()
        join_as(page, self.live_server_url, self.meeting, name)
        expect(page.locator("#conn")).to_have_text("Savienots")
        return page

    def _shot(self, page: Any, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"))

    def _pictures_phone(self, name: str) -> Any:
        """A 360×740 phone whose owner chose the pictures."""
        page = self._small_phone(name)
        page.locator("#easy-ask [data-view=pictures]").click()
        expect(page.locator("body.easy-on")).to_be_attached()
        expect(page.locator("#conn")).to_have_text("Savienots")
        return page

    @staticmethod
    def _assert_on_first_screen(page: Any, selector: str) -> None:
        """Every `selector` is whole within the first screen, and the page is at its top."""
        assert page.evaluate("scrollY") == 0
        height = page.evaluate("innerHeight")
        bottoms = page.locator(selector).evaluate_all(
            "nodes => nodes.map(n => n.getBoundingClientRect().bottom + scrollY)")
        assert bottoms, selector
        assert max(bottoms) <= height, (selector, bottoms, height)

    @staticmethod
    def _assert_targets(page: Any, selector: str, least: int) -> None:
        for box in page.locator(selector).evaluate_all(
                "nodes => nodes.filter(n => n.offsetParent).map(n => n.getBoundingClientRect())"
                ".map(r => [r.width, r.height])"):
            assert min(box) >= least, (selector, box)


class TestEasyBrainstorm(EasyCase):
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
        self._assert_on_first_screen(roberts, ".easy-pic, .joined-as")
        expect(roberts.locator(".joined-as")).to_contain_text("Roberts Kozlovskis")
        expect(roberts.get_by_role("button", name="Tas neesat jūs?")).to_be_visible()
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
        self._assert_on_first_screen(roberts, ".easy-pic")
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


class TestEasySpeaking(EasyCase):
    def test_tour_and_discussion_in_pictures_your_turn_and_the_hand_reach_the_console(
        self,
    ) -> None:
        console = self._console()
        console.get_by_role("button", name=re.compile("Dalībnieku iepazīšanās")).click()
        console.get_by_role("button", name="Sākt kārtu").click()
        anita = self._pictures_phone(ANITA)  # the tour's first speaker

        expect(anita.locator(".easy-turn.mine")).to_contain_text("Jūsu kārta runāt")
        expect(anita.locator(".easy-hand")).to_be_hidden()  # a tour has no hands
        self._shot(anita, "6-tour-your-turn")
        console.get_by_role("button", name="Nākamais runātājs ▶").click()
        expect(anita.locator(".easy-turn:not(.mine) .easy-name")).to_have_text("Dace Liepiņa")
        self._shot(anita, "7-tour-listen")

        console.get_by_role("button", name=re.compile(DISCUSSION)).click()
        hand = anita.get_by_role("button", name="Gribu runāt")
        expect(hand).to_be_visible()
        expect(anita.locator(".easy-question")).to_have_text(QUESTION)
        self._shot(anita, "8-discussion")
        self._assert_targets(anita, ".easy-hand", 64)
        self._assert_on_first_screen(anita, ".easy-hand")
        hand.click()

        queue = console.locator("ol.queue > li")
        expect(queue).to_have_text([re.compile(f"^(★ )?{ANITA}")])
        expect(anita.locator(".easy-place")).to_have_text("Jūsu vieta rindā: 1")
        expect(anita.locator(".easy-hand")).to_have_attribute("aria-pressed", "true")
        self._shot(anita, "9-hand-up")
        anita.get_by_role("button", name="Nolaist roku").click()
        expect(queue).to_have_count(0)
        expect(anita.locator(".easy-place")).to_be_hidden()
        anita.get_by_role("button", name="Gribu runāt").click()
        queue.first.get_by_role("button", name="Dot vārdu").click()

        expect(anita.locator(".easy-turn.mine")).to_contain_text("Jūsu kārta runāt")
        expect(anita.locator(".easy-hand")).to_be_hidden()
        expect(queue).to_have_count(0)
        self._shot(anita, "10-discussion-your-turn")


class TestEasyGroupWork(EasyCase):
    def test_a_factor_added_and_weighed_with_pictures_reaches_the_console(self) -> None:
        in_thread(lambda: _groups_at_work(Meeting.objects.get(pk=self.meeting.pk)))
        console = self._console()
        phone = self._pictures_phone(COMMUNITY)
        expect(phone.locator(".easy-group")).to_have_text("Jūsu grupa 4")

        phone.get_by_label("Kas ir problēma?").fill(FACTOR)
        phone.locator(".easy-groups .easy-send").click()

        card = phone.locator(".easy-factor:not(.pending)", has_text=FACTOR)
        expect(card).to_be_visible()
        on_console = console.locator(".worksheet-grid .factor", has_text=FACTOR)
        expect(on_console).to_have_count(1)
        self._shot(phone, "11-group-factor")
        self._assert_targets(phone, ".easy-tap", 44)
        community = card.locator(".easy-weigh.tone-community")
        before = int(community.locator(".easy-value").inner_text())
        community.get_by_role("button", name="Kopiena +").click()

        expect(community.locator(".easy-value")).to_have_text(str(before + 1))
        expect(on_console.locator(".dots[data-part=community]")).to_have_attribute(
            "aria-label", re.compile(f": {before + 1}$"))
        self._shot(phone, "12-group-weighed")


class TestEasyFeedback(EasyCase):
    def test_feedback_in_pictures_then_what_everyone_wrote_once_shown(self) -> None:
        item = in_thread(lambda: _open(Meeting.objects.get(pk=self.meeting.pk), "feedback"))
        console = self._console()
        phone = self._pictures_phone(ANITA)
        expect(phone.locator(".easy-pic")).to_have_count(2)
        expect(phone.locator(".easy-see")).to_have_count(0)  # collected, shown later
        self._shot(phone, "13-feedback")
        self._assert_on_first_screen(phone, ".easy-pic")

        phone.locator(".easy-pic[data-column=suggestion]").click()
        expect(phone.locator(".easy-chosen")).to_contain_text("Mans ieteikums")
        phone.get_by_label("Raksti").fill(ADVICE)
        phone.locator(".easy-send").click()

        expect(phone.locator(".easy-mine .sent", has_text=ADVICE)).to_have_count(1)
        expect(phone.locator(".easy-mine li")).to_have_count(1)  # no earlier item's notes
        sheet = in_thread(lambda: Sheet.objects.get(item=item))
        expect(console.locator(f"#col-{sheet.pk}-suggestion .note", has_text=ADVICE)
               ).to_have_count(1)
        in_thread(lambda: sheet_reveal(sheet=Sheet.objects.get(pk=sheet.pk), revealed=True))
        phone.locator(".easy-see").click()
        board = phone.locator(".easy-board-col.tone-idea")
        expect(board.locator(".easy-board-head")).not_to_contain_text("Mans")  # not "my"
        expect(board.locator(".easy-board-note", has_text=ADVICE)).to_have_count(1)
        self._shot(phone, "14-feedback-board")


class TestEasyFollowsTheSetting(EasyCase):
    def test_an_open_phone_gets_and_loses_the_toggle_when_the_setting_changes(self) -> None:
        in_thread(lambda: _easy_mode(self.meeting.pk, on=False))
        phone = self._small_phone(ANITA)
        expect(phone.locator("#live h1, #live .waiting")).not_to_have_count(0)
        expect(phone.locator("#easy-toggle")).to_have_count(0)

        in_thread(lambda: _easy_mode(self.meeting.pk, on=True))

        expect(phone.locator("#easy-toggle")).to_be_visible()
        expect(phone.locator("#easy-ask")).to_be_visible()
        in_thread(lambda: _easy_mode(self.meeting.pk, on=False))
        expect(phone.locator("#easy-toggle")).to_have_count(0)
        expect(phone.locator("#easy-ask")).to_have_count(0)
