"""Small groups live: form the groups, write worksheets on phones, present, compare."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from sanaksme.groups.services.formation import groups_draw
from sanaksme.groups.services.worksheets import factor_add
from sanaksme.live.opening import current_item_set
from sanaksme.programme.models import AgendaItem

from .conftest import in_thread, join_as, log_in
from .test_tour_de_table import PASSWORD, DemoLive

GROUP_WORK = "Darbs mazās grupās"
PRESENTATIONS = "Grupu darba rezultātu prezentācijas un salīdzinājums"
EXPERT = "Anita Bērziņa"  # a regional expert: drawn into one of groups 1-3
ROMA = "Aleksejs Dimitrijevs"  # a Roma community representative: the dedicated group
EXPERT_FACTOR = "Zema motivācija mācīties"
ROMA_FACTOR = "Bērni negrib iet uz skolu, neredz jēgu"
ROMA_FACTOR_2 = "Nav naudas apaviem un grāmatām"
# The UI strings in English or Latvian: the translations may not be compiled yet.
FORM_GROUPS = re.compile("Form the groups|Veidot grupas")
ADD = re.compile("^(Add|Pievienot)$")
START = re.compile("Start the presentations|Sākt prezentācijas")
NEXT_GROUP = re.compile("Next group|Nākamā grupa")
PROPOSE = re.compile("Propose themes|Piedāvāt tēmas")
UNDO = re.compile("^(Undo|Atcelt|Atsaukt)$")
SHOW_COMPARISON = re.compile("Show the comparison on the projector|"
                             "Rādīt salīdzinājumu uz ekrāna")


class TestGroups(DemoLive):
    __test__ = True

    def setUp(self) -> None:
        super().setUp()
        in_thread(self._everyone_present)

    def _everyone_present(self) -> None:
        """The registration desk has ticked everyone: the draw uses the whole room."""
        self.meeting.participants.update(present=True)

    def _console(self) -> Page:
        page: Page = self.browser.new_context(viewport={"width": 1400, "height": 900}
                                              ).new_page()
        log_in(page, self.live_server_url, PASSWORD)
        page.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/live/")
        return page

    def _projector(self) -> Page:
        page: Page = self.browser.new_context(viewport={"width": 1280, "height": 720}
                                              ).new_page()
        page.goto(f"{self.live_server_url}/projector/{self.meeting.slug}/"
                  f"{self.meeting.projector_token}/")
        return page

    def _phone(self, name: str) -> Page:
        page: Page = self.browser.new_context(viewport={"width": 390, "height": 800},
                                              is_mobile=True).new_page()
        join_as(page, self.live_server_url, self.meeting, name)
        return page

    @staticmethod
    def _add_factor(phone: Page, text: str) -> None:
        worksheet = phone.locator(".worksheet")
        worksheet.get_by_role("textbox").fill(text)
        worksheet.get_by_role("button", name=ADD).click()
        expect(worksheet.locator(".factor:not(.pending)", has_text=text)).to_be_visible()

    def test_groups_write_present_and_are_compared_on_every_screen(self) -> None:
        console = self._console()
        projector = self._projector()
        expert = self._phone(EXPERT)
        roma = self._phone(ROMA)
        console.locator(".goto-item", has_text=GROUP_WORK).click()
        form = console.get_by_role("button", name=FORM_GROUPS)
        expect(form).to_be_visible()

        form.click()

        cards = projector.locator(".group-card")
        expect(cards).to_have_count(4)
        dedicated = projector.locator(".group-card.dedicated")
        expect(dedicated).to_have_count(1)
        expect(dedicated.locator(".member")).to_have_count(0)  # only a count, no names
        expect(dedicated.locator(".hint")).to_have_text(re.compile("^(People|Cilvēki): 8$"))
        expect(dedicated).not_to_contain_text(ROMA)
        expect(projector.locator(".group-card:not(.dedicated)", has_text=EXPERT)
               ).to_have_count(1)
        expect(roma.locator(".big-number")).to_have_text("4")
        expect(expert.locator(".big-number")).to_have_text(re.compile("^[123]$"))
        expert_group = expert.locator(".worksheet h2").inner_text()  # e.g. "2. grupa"
        roma_group = roma.locator(".worksheet h2").inner_text()

        self._add_factor(roma, ROMA_FACTOR)
        self._add_factor(roma, ROMA_FACTOR_2)
        self._add_factor(expert, EXPERT_FACTOR)  # last: any news of group 4 came before

        sheets = console.locator(".worksheet-grid")
        for text in (EXPERT_FACTOR, ROMA_FACTOR, ROMA_FACTOR_2):
            expect(sheets.locator(".factor", has_text=text)).to_have_count(1)
        expect(expert.locator(".worksheet")).to_have_count(1)  # its own worksheet only
        expect(expert.get_by_text(ROMA_FACTOR)).to_have_count(0)
        expect(expert.get_by_text(ROMA_FACTOR_2)).to_have_count(0)
        expect(roma.get_by_text(EXPERT_FACTOR)).to_have_count(0)

        console.locator(".goto-item", has_text=PRESENTATIONS).click()
        order = console.locator("ol.speaking-order > li")
        expect(order).to_have_count(4)
        names = order.all_inner_texts()
        assert names[-1] == roma_group, names  # the community's group presents last
        start = console.get_by_role("button", name=START)
        expect(start).to_be_visible()

        speaker = projector.locator(".speaker")
        worksheet = projector.locator(".worksheet.big")
        for turn, name in enumerate(names):
            if turn == 0:
                start.click()
            else:
                console.get_by_role("button", name=NEXT_GROUP).click()
            expect(speaker).to_have_text(name)
            expect(worksheet.locator("h2")).to_have_text(name)
            expect(console.locator("ol.speaking-order > li.current")).to_have_text(
                re.compile(f"^{re.escape(name)}"))  # before clicking on: no double step
            if name == expert_group:
                expect(worksheet).to_contain_text(EXPERT_FACTOR)
        expect(worksheet).to_contain_text(ROMA_FACTOR)
        expect(worksheet).to_contain_text(ROMA_FACTOR_2)

        comparison = console.locator("#comparison")
        comparison.get_by_role("button", name=PROPOSE).click()
        common = comparison.locator(".column.common .theme")
        joined = common.filter(has_text=EXPERT_FACTOR).filter(has_text=ROMA_FACTOR)
        expect(joined).to_have_count(1)
        themes = comparison.locator(".theme")
        expect(themes).not_to_have_count(0)
        before = themes.count()
        assert before >= 2, "nothing to merge: every factor went into one theme"
        label = joined.locator(".theme-head .label").inner_text()
        other = themes.filter(has_not_text=EXPERT_FACTOR).first
        other.locator(".merge-into").select_option(label=label)

        expect(themes).to_have_count(before - 1)
        expect(common.filter(has_text=ROMA_FACTOR_2)).to_have_count(1)
        show = comparison.get_by_label(SHOW_COMPARISON)
        show.click()
        expect(show).to_be_checked()
        shown = projector.locator("#comparison .column.common")
        expect(shown.locator(".theme")).to_have_count(1)
        expect(shown.locator(".theme")).to_contain_text(label)


class _Written(DemoLive):
    """The groups have written their factors and the presentations are current."""

    WRITTEN = {1: ["Zema motivācija mācīties", "Trūkst romu mediatoru skolās"],
               2: ["Nabadzība ģimenēs", "Valodas barjera"],
               3: ["Bērniem nav motivācijas mācīties"],
               4: ["bērni negrib iet uz skolu, neredz jēgu", "Nav naudas apģērbam un grāmatām"]}

    def setUp(self) -> None:
        super().setUp()
        in_thread(self._written_and_presented)

    def _written_and_presented(self) -> None:
        item = AgendaItem.objects.get(day__meeting=self.meeting, method="group_work")
        group_set = groups_draw(item=item, seed=1)
        for number, texts in self.WRITTEN.items():
            for i, text in enumerate(texts):
                factor_add(group=group_set.groups.get(number=number), text=text,
                           client_id=f"f{number}-{i}")
        current_item_set(meeting=self.meeting, item=AgendaItem.objects.get(
            day__meeting=self.meeting, method="group_presentations"))

    def _proposed(self) -> tuple[Page, Locator]:
        """The facilitator's console on the presentations, the comparison proposed."""
        console: Page = self.browser.new_context(viewport={"width": 1400, "height": 900}
                                                 ).new_page()
        log_in(console, self.live_server_url, PASSWORD)
        console.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/live/")
        comparison = console.locator("#comparison")
        comparison.get_by_role("button", name=PROPOSE).click()
        return console, comparison


class TestComparisonCorrections(_Written):
    """The facilitator moves a factor: it stays where it was put, the rest is proposed
    again, and Undo brings the themes back."""

    __test__ = True

    def test_a_moved_factor_is_marked_and_undo_brings_the_themes_back(self) -> None:
        console, comparison = self._proposed()
        themes = comparison.locator(".theme")
        poverty = themes.filter(has_text="Nabadzība ģimenēs")
        language = comparison.locator(".chip", has_text="Valodas barjera")
        expect(poverty).to_have_count(1)
        expect(poverty.locator(".chip")).to_have_count(2)
        expect(themes).to_have_count(4)
        expect(comparison.get_by_role("button", name=UNDO)).to_be_visible()

        data = console.evaluate_handle("() => new DataTransfer()")
        language.dispatch_event("dragstart", {"dataTransfer": data})
        poverty.dispatch_event("dragover", {"dataTransfer": data})
        poverty.dispatch_event("drop", {"dataTransfer": data})

        expect(poverty.locator(".chip", has_text="Valodas barjera")).to_be_visible()
        expect(poverty.locator(".chip.moved")).to_have_text(re.compile("Valodas barjera"))
        expect(themes).to_have_count(3)
        comparison.get_by_role("button", name=UNDO).click()
        expect(themes).to_have_count(4)
        expect(poverty.locator(".chip")).to_have_count(2)
        expect(themes.filter(has=console.locator(".chip", has_text="Valodas barjera"))
               .locator(".chip")).to_have_text(
            [re.compile("Valodas barjera")])


class TestComparisonWithoutDragging(_Written):
    """A factor moves from the keyboard (or a touch screen): ⇄, then "Move here"."""

    __test__ = True

    def test_a_factor_moves_without_dragging_from_the_keyboard(self) -> None:
        console, comparison = self._proposed()
        poverty = comparison.locator(".theme").filter(has=console.locator(
            ".chip", has_text="Nabadzība ģimenēs"))
        expect(poverty.locator(".chip")).to_have_count(2)

        comparison.get_by_role("button", name=re.compile(
            "^(Move to another theme|Pārvietot uz citu tēmu): Valodas barjera")).press("Enter")
        move_here = poverty.get_by_role("button", name=re.compile("Move here|Pārvietot šeit"))
        move_here.focus()
        console.keyboard.press("Enter")

        expect(poverty.locator(".chip.moved")).to_have_text(re.compile("Valodas barjera"))
        expect(poverty.locator(".chip")).to_have_count(3)
        expect(comparison.locator(".place")).to_have_count(0)
        expect(comparison.get_by_role("status")).to_have_text(re.compile(
            "stay as they were|paliek, kā bija|re-placed|Pārvietoti"))
