"""Each screen's language: a phone its own (choice, browser, meeting), the console its
user's, the projector the meeting's; live state is built in the connection's language."""

from __future__ import annotations

from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client
from django.utils import translation

from sanaksme.config.asgi import application
from sanaksme.core.exceptions import ImportRejected
from sanaksme.live.channel_groups import Audience
from sanaksme.live.languages import Wish, phone_language
from sanaksme.live.state import state_for
from sanaksme.participants.models import Participant
from sanaksme.participants.tests.factories import phone_session
from sanaksme.programme.forms import MeetingForm
from sanaksme.programme.models import Meeting
from sanaksme.programme.selectors import programme_as_dict
from sanaksme.programme.yaml_io import dump_programme, parse_programme

from .test_consumers import ORIGIN, open_, run_async


def test_a_phone_keeps_its_own_choice() -> None:
    assert phone_language("en", "ru-RU,ru;q=0.9", ["lv", "en", "ru"], "lv") == "en"


def test_without_a_choice_a_phone_follows_its_browser_if_the_meeting_offers_it() -> None:
    assert phone_language("", "ru-RU,ru;q=0.9,en;q=0.5", ["lv", "ru"], "lv") == "ru"
    assert phone_language("", "de-DE,en;q=0.5", ["lv", "ru"], "lv") == "lv"


def test_a_choice_the_meeting_does_not_offer_falls_back_to_the_meeting() -> None:
    assert phone_language("en", "", ["lv", "ru"], "lv") == "lv"


def test_the_console_speaks_its_users_language_and_the_projector_the_meetings() -> None:
    wish = Wish(cookie="en", accept="ru")
    assert wish.language(Audience.CONSOLE, "lv", ["lv"]) == "en"
    assert wish.language(Audience.PROJECTOR, "lv", ["lv", "en"]) == "lv"
    assert wish.language(Audience.PHONE, "lv", ["lv", "ru"]) == "ru"


@pytest.mark.django_db
def test_live_labels_are_built_per_language(live_meeting: Meeting) -> None:
    english, language = state_for(live_meeting.pk, Audience.CONSOLE, wish=Wish("en"))
    russian, _ = state_for(live_meeting.pk, Audience.CONSOLE, wish=Wish("ru"))
    latvian, _ = state_for(live_meeting.pk, Audience.CONSOLE, wish=Wish(""))

    assert language == "en"
    assert '"method_label": "Brainstorm"' in english
    assert '"method_label": "Мозговой штурм"' in russian
    assert '"method_label": "Prāta vētra"' in latvian


@pytest.mark.django_db
def test_the_join_page_offers_the_meetings_languages_in_their_own_names(
        client: Client, demo_meeting: Meeting) -> None:
    Meeting.objects.filter(pk=demo_meeting.pk).update(languages=["lv", "ru"])

    page = client.get(f"/j/{demo_meeting.join_code}/",
                      headers={"accept-language": "ru,en;q=0.8"}).content.decode()

    assert '<html lang="ru">' in page
    assert 'lang="lv">Latviešu</button>' in page
    assert "Русский</button>" in page
    assert "English</button>" not in page


@pytest.mark.django_db
def test_the_projector_page_speaks_the_meetings_language(
        client: Client, demo_meeting: Meeting) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"

    page = client.get(f"/projector/{demo_meeting.slug}/{demo_meeting.projector_token}/")

    assert '<html lang="lv">' in page.content.decode()


@pytest.mark.django_db(transaction=True)
@run_async
async def test_a_phone_socket_gets_its_state_in_its_own_language(
        live_meeting: Meeting) -> None:
    person = await database_sync_to_async(
        lambda: Participant.objects.filter(meeting=live_meeting).exclude(
            category="organiser").order_by("pk")[0])()
    session = await database_sync_to_async(phone_session)(person)
    cookie = f"{settings.SESSION_COOKIE_NAME}={session}; {settings.LANGUAGE_COOKIE_NAME}=ru"
    phone = WebsocketCommunicator(application, f"/ws/phone/{live_meeting.join_code}/",
                                  headers=[*ORIGIN, (b"cookie", cookie.encode())])

    state = await open_(phone)

    assert state["item"]["method_label"] == "Мозговой штурм"
    await phone.disconnect()


@pytest.mark.django_db
def test_the_meeting_form_needs_at_least_one_language(demo_meeting: Meeting) -> None:
    data: dict[str, Any] = {
        "slug": "x", "title": "X", "language": "lv", "place": "Rīga",
        "starts_on": "2026-01-01", "ends_on": "2026-01-01"}
    empty = MeetingForm(data, organisation=demo_meeting.organisation)
    chosen = MeetingForm({**data, "languages": ["ru", "lv"]},
                         organisation=demo_meeting.organisation)

    assert "languages" in empty.errors
    assert chosen.is_valid(), chosen.errors
    assert chosen.cleaned_data["languages"] == ["lv", "ru"]


@pytest.mark.django_db
def test_the_programme_file_keeps_the_meetings_languages(demo_meeting: Meeting) -> None:
    demo_meeting.languages = ["lv", "ru"]
    text = dump_programme(programme_as_dict(demo_meeting))

    assert parse_programme(text).meeting["languages"] == ["lv", "ru"]
    with translation.override("en"), pytest.raises(ImportRejected) as rejected:
        parse_programme(text.replace("languages:\n  - lv\n  - ru", "languages: []"))
    assert any("meeting.languages" in e and "at least one" in e
               for e in rejected.value.errors)
