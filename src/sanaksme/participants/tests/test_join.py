"""Joining from a phone: the code form, picking a name, adding oneself."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from sanaksme.participants.join import WRONG_CODES_ALLOWED
from sanaksme.participants.models import Participant
from sanaksme.participants.selectors import session_key
from sanaksme.programme.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """Wrong-code counters live in the cache; no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def phone() -> Client:
    """A phone browser with English chosen (messages are then predictable)."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def person(demo_meeting: Meeting) -> Participant:
    return demo_meeting.participants.filter(category="roma_community").order_by("pk")[0]


def names_part(html: str) -> str:
    """The list of names to tap, without the self-register form below it."""
    start = html.index('<ul class="names">')
    return html[start:html.index("</ul>", start)]


# The code ------------------------------------------------------------------------------


def test_the_code_form_is_shown(phone: Client) -> None:
    response = phone.get("/j/")

    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


def test_a_wrong_code_is_404_with_a_message(phone: Client, demo_meeting: Meeting) -> None:
    response = phone.post("/j/", {"code": "NOPE42"})

    assert response.status_code == 404
    assert "There is no meeting with this code" in response.content.decode()


def test_the_eleventh_wrong_code_from_one_address_is_429(phone: Client,
                                                        demo_meeting: Meeting) -> None:
    for _ in range(WRONG_CODES_ALLOWED):
        assert phone.post("/j/", {"code": "NOPE42"}).status_code == 404

    response = phone.post("/j/", {"code": "NOPE42"})

    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()


def test_the_right_code_is_refused_too_once_throttled(phone: Client,
                                                      demo_meeting: Meeting) -> None:
    for _ in range(WRONG_CODES_ALLOWED):
        phone.post("/j/", {"code": "NOPE42"})

    response = phone.post("/j/", {"code": demo_meeting.join_code})

    assert response.status_code == 429


def test_wrong_codes_from_another_address_do_not_count(phone: Client,
                                                       demo_meeting: Meeting) -> None:
    for _ in range(WRONG_CODES_ALLOWED):
        phone.post("/j/", {"code": "NOPE42"}, REMOTE_ADDR="10.0.0.1")

    response = phone.post("/j/", {"code": "NOPE42"}, REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 404


def test_the_right_code_redirects_to_the_meeting(phone: Client,
                                                 demo_meeting: Meeting) -> None:
    response = phone.post("/j/", {"code": demo_meeting.join_code})

    assert response.status_code == 302
    assert response["Location"] == f"/j/{demo_meeting.join_code}/"


def test_a_lowercase_code_with_spaces_works(phone: Client, demo_meeting: Meeting) -> None:
    response = phone.post("/j/", {"code": f" {demo_meeting.join_code.lower()} "})

    assert response.status_code == 302
    assert response["Location"] == f"/j/{demo_meeting.join_code}/"


def test_the_code_in_the_query_string_works(phone: Client, demo_meeting: Meeting) -> None:
    response = phone.get("/j/", {"code": demo_meeting.join_code.lower()})

    assert response["Location"] == f"/j/{demo_meeting.join_code}/"


def test_an_unknown_code_in_the_link_goes_back_to_the_form(phone: Client,
                                                            demo_meeting: Meeting) -> None:
    response = phone.get("/j/NOPE42/")

    assert response.status_code == 302
    assert response["Location"] == "/j/"


# The name -------------------------------------------------------------------------------


def test_the_join_page_lists_names_without_categories(phone: Client, person: Participant,
                                                      demo_meeting: Meeting) -> None:
    response = phone.get(f"/j/{demo_meeting.join_code}/")

    names = names_part(response.content.decode())
    assert person.name in names
    assert "roma_community" not in names
    assert "Roma community" not in names
    assert "Romu kopienas" not in names


def test_the_join_page_does_not_list_organisers(phone: Client,
                                                demo_meeting: Meeting) -> None:
    organiser = demo_meeting.participants.filter(category="organiser").first()

    response = phone.get(f"/j/{demo_meeting.join_code}/")

    assert organiser is not None
    assert organiser.name not in names_part(response.content.decode())


def test_the_join_page_works_with_a_lowercase_code(phone: Client,
                                                   demo_meeting: Meeting) -> None:
    response = phone.get(f"/j/{demo_meeting.join_code.lower()}/")

    assert response.status_code == 200


def test_picking_a_name_joins_and_marks_present(phone: Client, person: Participant,
                                                demo_meeting: Meeting) -> None:
    response = phone.post(f"/j/{demo_meeting.join_code}/", {"participant": person.pk})

    assert response.status_code == 302
    assert response["Location"] == f"/p/{demo_meeting.join_code}/"
    assert phone.session[session_key(demo_meeting)] == person.pk
    person.refresh_from_db()
    assert person.present is True


def test_after_joining_the_phone_page_opens(phone: Client, person: Participant,
                                            demo_meeting: Meeting) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/", {"participant": person.pk})

    response = phone.get(f"/p/{demo_meeting.join_code}/")

    assert response.status_code == 200


def test_picking_someone_of_another_meeting_is_refused(
    phone: Client, demo_meeting: Meeting, participant_factory: object,
) -> None:
    stranger = participant_factory()  # type: ignore[operator]

    response = phone.post(f"/j/{demo_meeting.join_code}/", {"participant": stranger.pk})

    assert response.status_code == 400
    assert session_key(demo_meeting) not in phone.session


def test_a_garbled_participant_id_is_refused(phone: Client, demo_meeting: Meeting) -> None:
    response = phone.post(f"/j/{demo_meeting.join_code}/", {"participant": "abc"})

    assert response.status_code == 400


def test_the_phone_page_without_a_session_goes_to_the_join_page(
    phone: Client, demo_meeting: Meeting,
) -> None:
    response = phone.get(f"/p/{demo_meeting.join_code}/")

    assert response.status_code == 302
    assert response["Location"] == f"/j/{demo_meeting.join_code}/"


def test_the_phone_page_of_an_unknown_code_is_404(phone: Client,
                                                  demo_meeting: Meeting) -> None:
    response = phone.get("/p/NOPE42/")

    assert response.status_code == 404


# Adding oneself --------------------------------------------------------------------------


def test_self_register_creates_a_participant_and_joins(phone: Client,
                                                       demo_meeting: Meeting) -> None:
    response = phone.post(f"/j/{demo_meeting.join_code}/", {
        "name": "Jānis Jaunais", "category": "municipal", "institution": "Dome"})

    assert response.status_code == 302
    assert response["Location"] == f"/p/{demo_meeting.join_code}/"
    person = demo_meeting.participants.get(name="Jānis Jaunais")
    assert (person.category, person.institution, person.present) == ("municipal", "Dome",
                                                                      True)
    assert phone.session[session_key(demo_meeting)] == person.pk


def test_self_register_cannot_choose_organiser(phone: Client,
                                               demo_meeting: Meeting) -> None:
    response = phone.post(f"/j/{demo_meeting.join_code}/", {
        "name": "Jānis Jaunais", "category": "organiser"})

    assert response.status_code == 400
    assert not demo_meeting.participants.filter(name="Jānis Jaunais").exists()


def test_self_register_without_a_name_is_refused(phone: Client,
                                                 demo_meeting: Meeting) -> None:
    count = demo_meeting.participants.count()

    response = phone.post(f"/j/{demo_meeting.join_code}/", {"name": "",
                                                            "category": "municipal"})

    assert response.status_code == 400
    assert demo_meeting.participants.count() == count
