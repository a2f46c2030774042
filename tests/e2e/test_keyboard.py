"""The console with the keyboard only (WCAG 2.1.1 Keyboard, 2.4.7 Focus Visible).

The facilitator reaches every control with Tab / Shift+Tab and presses it with Enter or
Space: opens the brainstorm from the agenda, hides a note (the reason is typed into the
browser's prompt), opens the tour de table from the agenda, starts it and gives the
floor to the next speaker. Every control that receives focus on the way must show a
focus indicator: a computed outline (any style but none, wider than 0) or a box-shadow.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from playwright.sync_api import Locator, Page, expect

from sanaksme.boards.services import note_create, sheets_ensure
from sanaksme.participants.models import Participant
from sanaksme.programme.models import Meeting

from .conftest import in_thread
from .test_accessibility import EXPERT, AccessibilityCase, _item

NOTE = "Trūkst romu mediatora"
BRAINSTORM = "Viedokļu apkopojums"
TOUR = "Dalībnieku iepazīšanās"
MOST_TABS = 400  # the whole console page, both days of the agenda, is far fewer

# The focused element, and whether it shows where the focus is.
FOCUS = """() => {
    const node = document.activeElement;
    if (!node || node === document.body) return null;
    const style = getComputedStyle(node);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    const name = (node.getAttribute("aria-label") || node.textContent || node.name || "")
        .trim().replace(/\\s+/g, " ").slice(0, 40);
    return {what: `${node.tagName.toLowerCase()} "${name}"`, shown: outline || shadow};
}"""


def _note_in_brainstorm(meeting: Meeting) -> None:
    sheet = sheets_ensure(item=_item(meeting, "brainstorm"))[0]
    note_create(sheet=sheet, column=sheet.columns[1], text=NOTE,
                client_id=uuid.uuid4().hex, rate_limited=False,
                author=Participant.objects.get(meeting=meeting, name=EXPERT))


class TestKeyboardOnlyConsole(AccessibilityCase):
    __test__ = True

    def setUp(self) -> None:
        super().setUp()
        self.unmarked: list[str] = []

    def _tab_to(self, page: Page, target: Locator, backwards: bool = False) -> None:
        """Press Tab (Shift+Tab) until `target` has the focus, noting every control on
        the way that shows no focus indicator."""
        expect(target).to_be_visible()
        handle = target.element_handle()
        for _ in range(MOST_TABS):
            page.keyboard.press("Shift+Tab" if backwards else "Tab")
            focused: dict[str, Any] | None = page.evaluate(FOCUS)
            if focused is not None and not focused["shown"]:
                self.unmarked.append(focused["what"])
            if handle.evaluate("node => node === document.activeElement"):
                return
        raise AssertionError(f"{target} never received the focus from the keyboard")

    def test_facilitator_opens_an_item_hides_a_note_and_advances_the_tour(self) -> None:
        in_thread(lambda: _note_in_brainstorm(self.meeting))
        console = self._console()
        agenda = console.locator("ol.goto")

        self._tab_to(console, agenda.get_by_role("button", name=re.compile(BRAINSTORM)))
        console.keyboard.press("Enter")
        expect(console.locator("#live h1")).to_contain_text(BRAINSTORM)

        note = console.locator("#live .note", has_text=NOTE)
        self._tab_to(console, note.get_by_role("button", name="Slēpt"))
        console.once("dialog", lambda dialog: dialog.accept("Personas dati"))
        console.keyboard.press("Enter")
        expect(note.get_by_role("button", name="Rādīt atkal")).to_be_visible()

        # Back up the page to the agenda: Shift+Tab works as well as Tab.
        self._tab_to(console, agenda.get_by_role("button", name=re.compile(TOUR)),
                     backwards=True)
        console.keyboard.press("Enter")
        expect(console.locator("#live h1")).to_contain_text(TOUR)
        self._tab_to(console, console.get_by_role("button", name="Sākt kārtu"))
        console.keyboard.press("Space")
        speaker = console.locator("#live .speaker")
        expect(speaker).to_have_text(EXPERT)
        self._tab_to(console, console.get_by_role("button", name=re.compile(
            "^Nākamais runātājs")))
        console.keyboard.press("Enter")
        expect(speaker).not_to_have_text(EXPERT)

        assert self.unmarked == [], f"focused without a visible indicator: {self.unmarked}"
