"""Every label of the live screens in the screen's language (issue 15, "Words" and
"Russian").

For each method of the demo meeting (the states of test_accessibility.py), the console
(1366×768), a phone (360×740) and the projector (1920×1080) are opened with the UI in
English, then the console and a phone in Russian. Every string a screen shows (text,
aria-label, title, placeholder) is collected, minus what people typed or imported
(titles, notes, names: every text the meeting's rows hold); what is left must not be
Latvian (a Latvian letter, or a Latvian translation of a msgid), and in Russian not
English where a Russian translation exists. The projector shows the meeting's
language, so for the English run the meeting's language is English; a meeting cannot be
Russian (reports are Latvian or English), so the Russian run leaves the projector out.

A second test: a newcomer joins and follows a meeting in Russian on a phone.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import polib
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation
from playwright.sync_api import Page, expect

from sanaksme.boards.models import Sheet
from sanaksme.participants.models import Participant
from sanaksme.programme.labels import option_label
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.speaking.services import hand_raise, round_get_or_create, turn_next

from .conftest import in_thread, join_as
from .test_accessibility import (
    COMMUNITY,
    CONSOLE,
    EXPERT,
    PHONE,
    PROJECTOR,
    STATES,
    AccessibilityCase,
    _open,
)
from .test_tour_de_table import PASSWORD

LOCALE = Path(settings.LOCALE_PATHS[0])
LATVIAN_LETTERS = re.compile("[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")
PRODUCT = "Sanāksme"  # the product's name is a name, in every language
DATA_APPS = ("programme", "participants", "boards", "groups", "presenting", "speaking")


def _catalogue(language: str) -> dict[str, str]:
    """msgid → msgstr of one language, where the translation differs from the msgid."""
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    found: dict[str, str] = {}
    for entry in po.translated_entries():
        pairs = ([(entry.msgid, entry.msgstr)] if not entry.msgid_plural
                 else [(entry.msgid_plural, s) for s in entry.msgstr_plural.values()])
        found.update((m, s) for m, s in pairs if s and s != m)
    return found


LATVIAN = set(_catalogue("lv").values())
RUSSIAN = _catalogue("ru")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def user_content() -> list[str]:
    """Everything people typed or imported: every text and JSON value of the rows of
    the data apps (choices' keys aside), longest first."""
    found: set[str] = set()
    for label in DATA_APPS:
        for model in apps.get_app_config(label).get_models():
            fields = [f.name for f in model._meta.concrete_fields
                      if isinstance(f, models.CharField | models.TextField | models.JSONField)
                      and not f.choices]
            for row in model.objects.values_list(*fields) if fields else ():
                found.update(s.strip() for v in row for s in _strings(v))
    found.update(m.full_title for m in Meeting.objects.all())
    found.add(PRODUCT)
    return sorted((s for s in found if len(s) > 1), key=len, reverse=True)


SHOWN = """() => {
  const out = [];
  const visible = (el) => el && el.checkVisibility({visibilityProperty: true});
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (text && visible(node.parentElement) && !node.parentElement.closest("script, style, [lang]:not(html)"))
      out.push(text);
  }
  for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
    if (!visible(el) || el.closest("[lang]:not(html)")) continue;
    for (const name of ["aria-label", "title", "placeholder"]) {
      const value = (el.getAttribute(name) || "").trim();
      if (value) out.push(value);
    }
  }
  return out;
}"""


def leftovers(page: Page, content: list[str], language: str) -> list[str]:
    """The screen's strings, user content removed, that are not in `language`."""
    wrong = []
    for text in page.evaluate(SHOWN):
        rest = text
        for piece in content:
            if piece in rest:
                rest = rest.replace(piece, " ")
        rest = rest.strip(" \n\t·:—–-,.()«»“”\"'")
        if not rest:
            continue
        if LATVIAN_LETTERS.search(rest) or rest in LATVIAN:
            wrong.append(f"Latvian: {text!r}")
        elif language == "ru" and rest in RUSSIAN:
            wrong.append(f"English (ru: {RUSSIAN[rest]!r}): {text!r}")
    return sorted(set(wrong))


def _discussion(meeting: Meeting) -> AgendaItem:
    """Two hands up, one speaking (test_accessibility's own names one not in the demo)."""
    item = _open(meeting, "discussion")
    round_ = round_get_or_create(item=item)
    for name in (EXPERT, COMMUNITY):
        hand_raise(round_=round_,
                   participant_id=Participant.objects.get(meeting=meeting, name=name).pk)
    turn_next(round_=round_, expected=None)
    return item


LOCAL_STATES = {"discussion": _discussion}


class LanguagesCase(AccessibilityCase):
    def _in(self, language: str, options: dict[str, Any]) -> Page:
        context = self.browser.new_context(
            **{**options, "locale": {"en": "en-GB", "ru": "ru-RU"}[language]})
        self.addCleanup(context.close)
        context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language,
                              "url": self.live_server_url}])
        page: Page = context.new_page()
        return page

    def _console_in(self, language: str) -> Page:
        page = self._in(language, CONSOLE)
        page.goto(f"{self.live_server_url}/login/")
        page.locator("input[name=username]").fill("facilitator")
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("form button[type=submit]").last.click()
        expect(page).not_to_have_url(re.compile("/login/"))
        page.goto(f"{self.live_server_url}/console/m/{self.meeting.slug}/live/")
        return page

    def _phone_in(self, language: str, name: str) -> Page:
        page = self._in(language, PHONE)
        if language != "ru":
            join_as(page, self.live_server_url, self.meeting, name)
            return page
        person = in_thread(lambda: Participant.objects.get(meeting=self.meeting, name=name))
        page.goto(f"{self.live_server_url}/j/{self.meeting.join_code}/{person.join_token}/")
        page.get_by_role("button", name="Войти").click()
        if person.needs_consent:
            page.get_by_role("button", name="Я согласен(на)").click()
        return page


def _languages_test(method: str) -> type[LanguagesCase]:
    def test(self: LanguagesCase) -> None:
        in_thread(lambda: Meeting.objects.filter(pk=self.meeting.pk).update(
            language="en", languages=["lv", "en", "ru"]))
        item = in_thread(lambda: LOCAL_STATES.get(method, STATES[method])(self.meeting))
        content = in_thread(user_content)
        english = {"console": self._console_in("en"),
                   "phone (expert)": self._phone_in("en", EXPERT),
                   "projector": self._in("en", PROJECTOR)}
        english["projector"].goto(f"{self.live_server_url}/projector/{self.meeting.slug}/"
                                  f"{self.meeting.projector_token}/")
        russian = {"console": self._console_in("ru"),
                   "phone (community)": self._phone_in("ru", COMMUNITY)}
        problems = []
        for language, screens in (("en", english), ("ru", russian)):
            for name, page in screens.items():
                if item is None:
                    expect(page.locator("#conn")).to_have_text(
                        "Connected" if language == "en" else ru("Connected"))
                else:
                    expect(page.locator("#live h1")).to_have_text(item.title)
                expect(page.locator("html")).to_have_attribute("lang", language)
                problems += [f"{method}, {name} ({language}): {p}"
                             for p in leftovers(page, content, language)]
        assert not problems, "\n".join(problems)

    name = f"TestLanguages_{method}"
    return type(name, (LanguagesCase,), {
        "__test__": True, "__module__": __name__, "__qualname__": name,
        f"test_{method}_screens_speak_the_screens_language": test})


for _method in STATES:
    globals()[f"TestLanguages_{_method}"] = _languages_test(_method)


def ru(msgid: str) -> str:
    return RUSSIAN[msgid]


class TestNewcomerInRussian(LanguagesCase):
    """A phone whose browser speaks Russian joins and follows a brainstorm, a
    discussion and group work, every screen in Russian."""

    __test__ = True

    def _no_latvian(self, page: Page, where: str) -> None:
        expect(page.locator("html")).to_have_attribute("lang", "ru")
        content = in_thread(user_content)
        assert not leftovers(page, content, "ru"), (where, leftovers(page, content, "ru"))

    def test_a_newcomer_follows_a_meeting_in_russian(self) -> None:
        context = self.browser.new_context(**{**PHONE, "locale": "ru-RU"})  # no choice made
        self.addCleanup(context.close)
        phone = context.new_page()
        phone.goto(f"{self.live_server_url}/j/")
        phone.locator("input[name=code]").fill(self.meeting.join_code.lower())
        phone.get_by_role("button", name=ru("Join")).click()
        expect(phone).to_have_url(re.compile(f"/j/{self.meeting.join_code}/$"))
        menu = phone.locator("details.lang-menu > summary")
        expect(menu).to_have_text(re.compile("RU$"))
        bar = phone.locator("header.bar").bounding_box()
        assert bar is not None
        assert bar["height"] < 70, bar  # one row at 360 px
        menu.click()  # one row in the bar: the current code opens the list
        switch = phone.locator("form.langs button")
        expect(switch).to_have_text(["Latviešu", "English", "Русский"])
        expect(phone.locator("form.langs [aria-current]")).to_have_text("Русский")
        self._no_latvian(phone, "join page")

        person = in_thread(lambda: Participant.objects.get(meeting=self.meeting,
                                                           name=EXPERT))
        phone.goto(f"{self.live_server_url}/j/{self.meeting.join_code}/{person.join_token}/")
        phone.get_by_role("button", name=ru("Join")).click()
        if person.needs_consent:
            phone.get_by_role("button", name=ru("I agree")).click()
        expect(phone.locator("#conn")).to_have_text(ru("Connected"))

        item = in_thread(lambda: _open(self.meeting, "brainstorm"))
        expect(phone.locator("#live h1")).to_have_text(item.title)
        sheet = in_thread(lambda: Sheet.objects.filter(item=item).order_by("position").first())
        assert sheet is not None
        with translation.override("ru"):
            column = str(option_label(sheet.columns[0]))
        phone.get_by_role("button", name=re.compile(re.escape(sheet.title))).click()
        phone.get_by_role("button", name=re.compile(re.escape(column))).click()
        phone.get_by_label(ru("Your note")).fill("Детям нужен медиатор")
        phone.get_by_role("button", name=ru("Send")).click()
        expect(phone.locator(".mine .sent")).to_have_count(1)
        self._no_latvian(phone, "brainstorm")

        item = in_thread(lambda: _open(self.meeting, "discussion"))
        expect(phone.locator("#live h1")).to_have_text(item.title)
        phone.get_by_role("button", name=ru("Raise my hand")).click()
        expect(phone.get_by_text(re.compile(ru("Your place in the queue")))).to_be_visible()
        self._no_latvian(phone, "discussion")

        item = in_thread(lambda: STATES["group_work"](self.meeting))
        expect(phone.locator("#live h1")).to_have_text(item.title)
        worksheet = phone.locator(".worksheet")
        worksheet.get_by_role("textbox").fill("Нет денег на обувь")
        worksheet.get_by_role("button", name=ru("Add"), exact=True).click()
        expect(worksheet.locator(".factor:not(.pending)", has_text="Нет денег на обувь")
               ).to_be_visible()
        self._no_latvian(phone, "group work")

        phone.locator("details.lang-menu > summary").click()
        phone.locator("form.langs button", has_text="English").click()
        expect(phone.locator("html")).to_have_attribute("lang", "en")
        expect(phone.locator("#conn")).to_have_text("Connected")
