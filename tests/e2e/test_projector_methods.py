"""The projector in every method, at 1024×768, 1280×720, 1920×1080 and 3840×2160: body
text at least 3.5 % of the screen's height, nothing outside the screen or under the
strip, the page never scrolls; long lists paged and every group shown in turn; a note
too long for its column cut into pieces; the welcome screen before a participatory item
until something happens; the break screen.

With SHOTS=<dir> in the environment each size is saved as a PNG (for looking at)."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable
from typing import Any

from playwright.sync_api import expect

from sanaksme.boards.models import Sheet
from sanaksme.boards.services import (
    note_create,
    reply_create,
    sheet_reveal,
    sheets_ensure,
)
from sanaksme.groups.models import Group
from sanaksme.groups.services.comparison import comparison_propose
from sanaksme.groups.services.formation import groups_draw, worksheets_set_open
from sanaksme.groups.services.showing import (
    comparison_show,
    group_set_for,
    showing_get_or_create,
    showing_next,
)
from sanaksme.groups.services.worksheets import factor_add, solution_add
from sanaksme.live.opening import current_item_set
from sanaksme.participants.models import Participant
from sanaksme.presenting.services import summary_show, summary_write
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.tests.demo import demo_get_or_import
from sanaksme.speaking.services import (
    hand_raise,
    round_get_or_create,
    round_show_key_points,
    turn_next,
    turn_write,
)

from .conftest import in_thread
from .test_projector import ProjectorCase

VIEWPORTS = [(1024, 768), (1280, 720), (1920, 1080), (3840, 2160)]

# Every shown text of the screen the projector shows (welcome, break or live part):
# its font size and box, the area it must stay in, the strip.
MEASURE = """() => {
  const body = document.body.classList;
  const area = document.querySelector(body.contains('show-welcome') ? '#welcome'
                                      : body.contains('show-break') ? '#break' : '#live');
  const box = (e) => { const r = e.getBoundingClientRect();
                       return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
  const small = '.item .method, .count, .page, .shares .seg, .shares .seg *';
  const texts = [];
  for (const e of area.querySelectorAll('*')) {
    if (!e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') continue;
    if (!Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    texts.push({text: e.textContent.trim().slice(0, 50), cls: String(e.className),
                size: parseFloat(getComputedStyle(e).fontSize), small: e.matches(small),
                clipped: !!e.closest('.cut'), ...box(e)});
  }
  return {area: box(area), strip: box(document.querySelector('.strip')), texts,
          cuts: Array.from(area.querySelectorAll('.cut')).filter((e) => e.getClientRects().length).map(box),
          scroll: document.scrollingElement.scrollHeight, vh: window.innerHeight};
}"""

# Everything that was on the screen while the projector paged: group cards, factors,
# themes, key points and notes (cut notes by piece).
COLLECT = """() => {
  window.seen = new Set();
  const look = () => {
    for (const e of document.querySelectorAll('.group-card, .factor, .theme, .key-points p, li.note')) {
      const r = e.getBoundingClientRect();
      if (r.height > 0 && r.bottom <= window.innerHeight) window.seen.add(e.id || e.textContent.trim());
    }
  };
  new MutationObserver(look).observe(document, {subtree: true, childList: true, attributes: true,
                                                attributeFilter: ['hidden', 'style']});
}"""

# Each piece of a cut note as it comes on the screen.
PIECES = """() => {
  window.pieces = [];
  new MutationObserver(() => {
    const li = document.querySelector('li.note.cut:not([hidden])');
    if (li) window.pieces.push({top: li.scrollTop, height: li.clientHeight, full: li.scrollHeight,
                                more: li.classList.contains('cut-more'),
                                size: parseFloat(getComputedStyle(li).fontSize)});
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['style']});
}"""

LONG = ("Romu bērniem vajag skolotāja palīgu katrā klasē, pagarinātās dienas grupu līdz "
        "vakaram, transportu no attālākiem ciemiem un mediatoru, kas runā ar vecākiem "
        "viņu valodā; bez tā bērni pamet skolu jau pamatskolā un neatgriežas")


def _item(meeting: Meeting, method: str) -> AgendaItem:
    return AgendaItem.objects.filter(day__meeting=meeting, method=method).order_by("pk").first()


def _people(meeting: Meeting) -> list[Participant]:
    return list(Participant.objects.filter(meeting=meeting).order_by("pk"))


def _open(method: str) -> tuple[Meeting, AgendaItem]:
    meeting = demo_get_or_import()
    item = _item(meeting, method)
    current_item_set(meeting=meeting, item=item)
    return meeting, item


def tour_de_table() -> Meeting:
    meeting, item = _open("tour_de_table")
    round_ = round_get_or_create(item=item)
    turn_next(round_=round_, expected=None)
    turn_next(round_=round_, expected=round_get_or_create(item=item).current_id)
    return meeting


def discussion() -> Meeting:
    meeting, item = _open("discussion")
    round_ = round_get_or_create(item=item)
    people = _people(meeting)
    for person in people[:6]:
        hand_raise(round_=round_, participant_id=person.pk)
    turn_next(round_=round_, expected=None)
    round_ = round_get_or_create(item=item)
    turn_write(round_=round_, turn_id=round_.current_id, minutes="",
               key_points=[f"{i + 1}. {LONG[: 60 + 9 * i]}" for i in range(12)])
    round_show_key_points(round_=round_, show=True)
    return meeting


def presentation() -> Meeting:
    return _open("presentation")[0]


def summary() -> Meeting:
    meeting, item = _open("summary")
    summary_write(item=item, text="\n".join(f"{i + 1}. {LONG}." for i in range(12)))
    summary_show(item=item, shown=True)
    return meeting


def _board(method: str, count: int, long_note: bool = False) -> Meeting:
    meeting, item = _open(method)
    sheets = sheets_ensure(item=item)
    for sheet in sheets:
        sheet_reveal(sheet=sheet, revealed=True)
    sheet = Sheet.objects.get(pk=sheets[0].pk)
    for i in range(count):
        for column in sheet.columns:
            note_create(sheet=sheet, column=column, text=f"{i + 1}. {LONG[: 40 + 7 * i]}",
                        client_id=f"c-{column}-{i}")
    if long_note:
        note = _long_note(sheet)
        for k, kind in enumerate(item.params["reply_kinds"][:2]):
            reply_create(note=note, kind=kind, text=LONG[: 270], client_id=f"r-{k}")
    return meeting


def _long_note(sheet: Sheet) -> Any:
    return note_create(sheet=sheet, column=sheet.columns[0], text=LONG[:280],
                       client_id="long")[0]


def feedback() -> Meeting:
    return _board("feedback", 5)


def long_note() -> Meeting:
    return _board("brainstorm", 2, long_note=True)


def break_() -> Meeting:
    meeting = demo_get_or_import()
    item = AgendaItem.objects.filter(day__meeting=meeting, method="break",
                                     title="Kafijas pauze").first()
    current_item_set(meeting=meeting, item=item)
    return meeting


def _groups(meeting: Meeting, random_groups: int = 3) -> AgendaItem:
    meeting.participants.update(present=True)
    item = _item(meeting, "group_work")
    if random_groups != item.params["random_groups"]:  # the programme asks for more groups
        item.params = {**item.params, "random_groups": random_groups}
        item.save(update_fields=["params"])
    groups_draw(item=item, seed=7)
    return item


def group_work() -> Meeting:
    meeting = _open("group_work")[0]
    _groups(meeting)
    return meeting


def five_groups() -> Meeting:
    meeting = _open("group_work")[0]
    _groups(meeting, random_groups=4)
    return meeting


def group_work_sheets() -> Meeting:
    meeting, item = _open("group_work")
    _groups(meeting)
    group_set = group_set_for(item)
    assert group_set is not None
    worksheets_set_open(group_set=group_set, is_open=True)
    for group in Group.objects.filter(group_set=group_set):
        for i in range(4):
            factor_add(group=group, text=f"{LONG[: 50 + 11 * i]}", client_id=f"f-{group.pk}-{i}")
    return meeting


def _presentations(factors: int) -> tuple[Meeting, AgendaItem]:
    meeting = demo_get_or_import()
    work = _groups(meeting)
    group_set = group_set_for(work)
    assert group_set is not None
    for group in Group.objects.filter(group_set=group_set):
        for i in range(factors):
            factor = factor_add(group=group, text=f"{i + 1}. {LONG[: 40 + 9 * i]}",
                                client_id=f"f-{group.pk}-{i}")
            solution_add(factor=factor, text=LONG[:70], client_id=f"s-{factor.pk}")
    item = _item(meeting, "group_presentations")
    current_item_set(meeting=meeting, item=item)
    return meeting, item


def group_presentation() -> Meeting:
    meeting, item = _presentations(8)
    showing_next(showing=showing_get_or_create(item=item), expected=None)
    return meeting


def comparison() -> Meeting:
    meeting, item = _presentations(8)
    showing = showing_get_or_create(item=item)
    comparison_propose(group_set=showing.group_set)
    comparison_show(showing=showing, shown=True)
    return meeting


class MethodCase(ProjectorCase):
    """One method on the projector at every size. One test per class (each class gets
    its own live server)."""

    __test__ = False
    setup: Callable[[], Meeting]
    name = ""
    shown = "#live"      # what the screen shows (welcome, break or the live part)
    ready = ""           # a locator that is there once the state is drawn

    def _check(self, page: Any, label: str) -> None:
        for width, height in VIEWPORTS:
            page.set_viewport_size({"width": width, "height": height})
            expect(page.locator(self.shown)).to_be_visible()
            if self.ready:
                expect(page.locator(self.ready).first).to_be_visible()
            for paged in page.locator("[data-size]").all():  # laid out for this size
                expect(paged).to_have_attribute("data-size", f"{width}x{height}")
            m = page.evaluate(MEASURE)
            shots = os.environ.get("SHOTS")
            if shots:
                os.makedirs(shots, exist_ok=True)
                page.screenshot(path=os.path.join(shots, f"{label}-{width}x{height}.png"))
            assert m["texts"], (label, width)
            assert m["scroll"] <= height, (label, width, m["scroll"])
            bottom = min(m["area"]["bottom"], m["strip"]["top"]) + 0.5
            for t in m["texts"]:
                where = (label, width, height, t)
                if not t["small"]:
                    assert t["size"] >= 0.035 * height, where
                if t["clipped"]:
                    continue
                assert t["top"] >= -0.5, where
                assert t["bottom"] <= bottom, where
                assert t["left"] >= -0.5, where
                assert t["right"] <= width + 0.5, where
            for cut in m["cuts"]:
                assert cut["top"] >= -0.5, (label, width, cut)
                assert cut["bottom"] <= bottom, (label, width, cut)
            self._check_more(page, width, height, m)

    def _check_more(self, page: Any, width: int, height: int, m: dict[str, Any]) -> None:
        """A method's own checks at each size (m: what MEASURE found)."""

    def test_fits_every_size(self) -> None:
        meeting = in_thread(type(self).setup)
        page = self._projector(meeting, VIEWPORTS[0], "?pace=600")
        self._check(page, self.name)


# The font of a text the back row reads: its size and whether its digits are tabular.
FONT = """(e) => { const s = getComputedStyle(e);
                   return {size: parseFloat(s.fontSize), numeric: s.fontVariantNumeric}; }"""

# The title card's title: its box and font size, and the strip's top.
CARD_TITLE = """(e) => { const r = e.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          size: parseFloat(getComputedStyle(e).fontSize), align: getComputedStyle(e).textAlign,
          strip: document.querySelector('.strip').getBoundingClientRect().top}; }"""


def _elapsed_readable(page: Any, height: int) -> None:
    """The speaker's elapsed time ("Runā jau 0:04") is read from the back: at least
    3.5 % of the height, digits that do not jump as they tick."""
    elapsed = page.locator("#elapsed")
    expect(elapsed).to_have_text(re.compile(r"\d+:\d\d$"))
    font = elapsed.evaluate(FONT)
    assert font["size"] >= 0.035 * height, (height, font)
    assert "tabular-nums" in font["numeric"], font


class TestTourDeTable(MethodCase):
    __test__ = True
    setup = staticmethod(tour_de_table)
    name, ready = "tour-de-table", ".speaker"

    def _check_more(self, page: Any, width: int, height: int, m: dict[str, Any]) -> None:
        _elapsed_readable(page, height)


class TestDiscussion(MethodCase):
    __test__ = True
    setup = staticmethod(discussion)
    name, ready = "discussion", ".key-points p"

    def _check_more(self, page: Any, width: int, height: int, m: dict[str, Any]) -> None:
        _elapsed_readable(page, height)


class TestPresentation(MethodCase):
    """A presentation with nothing up: a title card, the title large and centred, the
    topic, the time and the meeting's title; the small header steps aside."""

    __test__ = True
    setup = staticmethod(presentation)
    name, ready = "presentation", ".title-card .card-title"

    def _check_more(self, page: Any, width: int, height: int, m: dict[str, Any]) -> None:
        card = page.locator(".title-card")
        expect(card.locator(".card-title")).to_have_text("Romu mediatoru darbs")
        expect(card.locator(".card-topic")).to_contain_text("Romu mediatoru darba misija")
        expect(card.locator(".card-time")).to_have_text("13:00–13:20")
        expect(card.locator(".card-meeting")).to_contain_text("Reģionālo ekspertu sanāksme")
        expect(page.locator(".item")).to_be_hidden()
        title = card.locator(".card-title").evaluate(CARD_TITLE)
        assert title["size"] >= 0.05 * height, (width, height, title)
        assert title["align"] == "center", title
        middle = (title["left"] + title["right"]) / 2
        assert abs(middle - width / 2) <= 0.02 * width, (width, height, title)
        assert title["top"] >= 0.15 * title["strip"], (width, height, title)  # not at the top


class TestSummary(MethodCase):
    __test__ = True
    setup = staticmethod(summary)
    name, ready = "summary", ".summary-text p"


class TestFeedback(MethodCase):
    __test__ = True
    setup = staticmethod(feedback)
    name, ready = "feedback", "li.note"


class TestBreak(MethodCase):
    __test__ = True
    setup = staticmethod(break_)
    name, shown, ready = "break", "#break", "#break-title"

    def test_fits_every_size(self) -> None:
        super().test_fits_every_size()


class TestGroupWork(MethodCase):
    __test__ = True
    setup = staticmethod(group_work)
    name, ready = "group-work", ".group-card"


class TestGroupWorkSheets(MethodCase):
    __test__ = True
    setup = staticmethod(group_work_sheets)
    name, ready = "group-work-sheets", ".group-card"


class TestGroupPresentation(MethodCase):
    __test__ = True
    setup = staticmethod(group_presentation)
    name, ready = "group-presentation", ".worksheet.big .factor"


class TestComparison(MethodCase):
    __test__ = True
    setup = staticmethod(comparison)
    name, ready = "comparison", ".comparison .theme"


class TestLongNote(MethodCase):
    __test__ = True
    setup = staticmethod(long_note)
    name, ready = "long-note", "li.note"


class TestFiveGroupsInTurn(MethodCase):
    __test__ = True
    setup = staticmethod(five_groups)

    def test_fits_every_size(self) -> None:
        """At 4:3 five groups do not fit one screen: they are paged, each shown in turn."""
        meeting = in_thread(five_groups)
        groups = in_thread(lambda: list(Group.objects.filter(
            group_set__item__day__meeting=meeting).values_list("pk", flat=True)))
        assert len(groups) == 5
        page = self.browser.new_context(viewport={"width": 1024, "height": 768}).new_page()
        page.add_init_script(f"({COLLECT})();")
        page.goto(f"{self.live_server_url}/projector/{meeting.slug}/"
                  f"{meeting.projector_token}/?pace=0.5")
        part = page.locator(".part-groups")
        expect(part).to_have_attribute("data-steps", re.compile("^[2-9]"))
        expect(page.locator("#room-page")).to_have_text(re.compile(r"^1/\d$"))
        expect(part).to_have_attribute("data-rounds", "1")
        seen = set(page.evaluate("() => Array.from(window.seen)"))
        assert {f"group-{pk}" for pk in groups} <= seen
        self._check(page, "five-groups")


class TestLongNoteInPieces(MethodCase):
    __test__ = True
    setup = staticmethod(long_note)

    def test_fits_every_size(self) -> None:
        """A note higher than its column is cut at line boundaries, never set smaller:
        every piece in turn, a "…" while more follows."""
        meeting = in_thread(long_note)
        page = self.browser.new_context(viewport={"width": 1024, "height": 768}).new_page()
        page.add_init_script(f"({PIECES})();")
        page.goto(f"{self.live_server_url}/projector/{meeting.slug}/"
                  f"{meeting.projector_token}/?pace=0.5")
        cut = page.locator("li.note.cut-more")
        expect(cut).to_be_visible()
        expect(cut.locator(".more")).to_be_visible()
        shots = os.environ.get("SHOTS")
        if shots:
            page.screenshot(path=os.path.join(shots, "long-note-cut-1024x768.png"))
        expect(page.locator(".room-board")).to_have_attribute("data-rounds", "1")
        pieces = {p["top"]: p for p in page.evaluate("() => window.pieces")}
        ordered = [pieces[top] for top in sorted(pieces)]
        assert len(ordered) >= 2, ordered
        assert ordered[0]["top"] == 0
        for piece in ordered:
            assert piece["size"] >= 0.035 * 768, piece
        for before, after in itertools.pairwise(ordered):
            assert before["more"], before
            assert after["top"] <= before["top"] + before["height"], (before, after)
        assert not ordered[-1]["more"]
        end = ordered[-1]  # to the last line (its half-leading below may stay out)
        assert end["top"] + end["height"] >= end["full"] - 0.3 * end["size"], end


def discussion_opened() -> Meeting:
    return _open("discussion")[0]


def group_work_opened() -> Meeting:
    return _open("group_work")[0]


def _raise_a_hand(meeting: Meeting) -> None:
    item = _item(meeting, "discussion")
    hand_raise(round_=round_get_or_create(item=item), participant_id=_people(meeting)[0].pk)


def _draw(meeting: Meeting) -> None:
    _groups(meeting)


class WelcomeCase(MethodCase):
    """A participatory item just opened: the welcome screen with the item's title, the
    join code large; once something happens in it, the live part and the corner badge."""

    __test__ = False
    happen: Callable[[Meeting], None]
    title = ""

    def test_fits_every_size(self) -> None:
        meeting = in_thread(type(self).setup)
        page = self._projector(meeting, (1280, 720))
        expect(page.locator("#welcome")).to_be_visible()
        expect(page.locator("#welcome-item")).to_contain_text(self.title)
        expect(page.locator(".welcome-join .join-code")).to_contain_text(meeting.join_code)
        expect(page.locator("#badge")).to_be_hidden()
        self._check(page, self.name + "-welcome")
        in_thread(lambda: type(self).happen(meeting))
        expect(page.locator("#welcome")).to_be_hidden()
        expect(page.locator("#badge")).to_be_visible()
        expect(page.locator(".item h1")).to_have_text(self.title)


class TestWelcomeBeforeDiscussion(WelcomeCase):
    __test__ = True
    setup = staticmethod(discussion_opened)
    happen = staticmethod(_raise_a_hand)
    name, shown = "discussion", "#welcome"
    title = "Diskusija par romu mediatoru darba nepieciešamību pašvaldībās"


class TestWelcomeBeforeGroupWork(WelcomeCase):
    __test__ = True
    setup = staticmethod(group_work_opened)
    happen = staticmethod(_draw)
    name, shown = "group-work", "#welcome"
    title = "Darbs mazās grupās"


class TestWorksheetsAfterTheGroups(MethodCase):
    __test__ = True
    setup = staticmethod(group_work_sheets)

    def test_fits_every_size(self) -> None:
        """Once the worksheets are open to all, they follow the groups' cards in turn."""
        meeting = in_thread(group_work_sheets)
        page = self._projector(meeting, VIEWPORTS[0], "?pace=1")
        part = page.locator(".part-groups")
        expect(part).to_have_attribute("data-phase", "worksheets")
        expect(page.locator(".worksheet-grid .worksheet").first).to_be_visible()
        expect(page.locator(".group-grid")).to_be_hidden()
        self._check(page, "group-work-worksheets")
