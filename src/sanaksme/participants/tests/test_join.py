"""Joining from a phone: the code form, the personal link, name + PIN, the facilitator's
approval, adding oneself, consent, "not you?". (Attacks: tests/security/test_join.py.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from sanaksme.participants.models import ConsentEvent, JoinClaim, Participant
from sanaksme.participants.selectors import session_key
from sanaksme.programme.models import Meeting

WRONG_CODES_ALLOWED = 10

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


# The code ------------------------------------------------------------------------------


def test_the_code_form_is_shown(phone: Client) -> None:
    response = phone.get("/j/")

    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {a} {b} ", "{a}-{b}"])
def test_a_code_is_accepted_in_any_case_with_spaces_or_a_dash(
    phone: Client, demo_meeting: Meeting, typed: str,
) -> None:
    code = demo_meeting.join_code
    text = typed.format(code=code, lower=code.lower(), a=code[:3], b=code[3:].lower())

    response = phone.post("/j/", {"code": text})

    assert response.status_code == 302
    assert response["Location"] == f"/j/{code}/"


def test_a_wrong_code_is_404_with_a_message(phone: Client, demo_meeting: Meeting) -> None:
    response = phone.post("/j/", {"code": "NOPE42"})

    assert response.status_code == 404
    assert "No meeting has the code NOPE42. Check the code on the screen." in (
        response.content.decode())


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


def test_an_unknown_code_in_the_link_shows_the_form_with_a_message(
        phone: Client, demo_meeting: Meeting) -> None:
    response = phone.get("/j/nope-42/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "No meeting has the code NOPE42. Check the code on the screen." in html
    assert 'name="code"' in html
    assert 'value="NOPE42"' in html  # the code tried, to correct


def test_a_closed_meeting_in_the_link_says_it_has_ended(phone: Client,
                                                        demo_meeting: Meeting) -> None:
    Meeting.objects.filter(pk=demo_meeting.pk).update(closed_at=timezone.now())

    for url in (f"/j/{demo_meeting.join_code}/", f"/p/{demo_meeting.join_code}/"):
        response = phone.get(url)

        html = response.content.decode()
        assert response.status_code == 410
        assert "This meeting has ended. The code no longer works." in html
        assert 'name="code"' in html


def test_the_consent_and_my_data_pages_say_who_joined_with_not_you(
        phone: Client, person: Participant, demo_meeting: Meeting) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/{person.join_token}/")

    for page in ("consent", "me"):
        html = phone.get(f"/j/{demo_meeting.join_code}/{page}/").content.decode()

        assert f"You joined as {person.name}" in html
        assert "Not you?" in html


# The personal link, the name and the PIN ----------------------------------------------


def test_the_join_page_asks_for_a_name(phone: Client, demo_meeting: Meeting) -> None:
    response = phone.get(f"/j/{demo_meeting.join_code}/")

    assert response.status_code == 200
    assert 'name="name"' in response.content.decode()


def test_the_join_page_works_with_a_lowercase_code(phone: Client,
                                                   demo_meeting: Meeting) -> None:
    response = phone.get(f"/j/{demo_meeting.join_code.lower()}/")

    assert response.status_code == 200


def test_the_personal_link_asks_one_tap_and_names_the_person(
        phone: Client, person: Participant, demo_meeting: Meeting) -> None:
    response = phone.get(f"/j/{demo_meeting.join_code}/{person.join_token}/")

    assert response.status_code == 200
    assert person.name in response.content.decode()
    assert session_key(demo_meeting) not in phone.session


def test_the_personal_link_joins_and_marks_present(phone: Client, person: Participant,
                                                   demo_meeting: Meeting) -> None:
    response = phone.post(f"/j/{demo_meeting.join_code}/{person.join_token}/")

    assert response.status_code == 302
    assert phone.session[session_key(demo_meeting)] == person.pk
    person.refresh_from_db()
    assert person.present is True
    assert person.device == phone.session["sanaksme.device"]


def test_a_wrong_personal_link_is_404(phone: Client, demo_meeting: Meeting) -> None:
    response = phone.post(f"/j/{demo_meeting.join_code}/not-a-real-key-00/")

    assert response.status_code == 404
    assert session_key(demo_meeting) not in phone.session


def test_a_typed_name_waits_for_the_facilitator(phone: Client, person: Participant,
                                                demo_meeting: Meeting) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/", {"name": f"  {person.name.upper()} "})

    response = phone.get(f"/j/{demo_meeting.join_code}/wait/")

    assert "ask them to confirm" in response.content.decode()
    claim = JoinClaim.objects.get(meeting=demo_meeting)
    assert (claim.participant, claim.status) == (person, "pending")


def test_the_right_pin_joins(phone: Client, person: Participant,
                             demo_meeting: Meeting) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/", {"name": person.name})

    response = phone.post(f"/j/{demo_meeting.join_code}/wait/", {"pin": person.pin})

    assert response.status_code == 302
    assert phone.session[session_key(demo_meeting)] == person.pk


def test_a_wrong_pin_is_refused_with_a_message(phone: Client, person: Participant,
                                               demo_meeting: Meeting) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/", {"name": person.name})
    wrong = "0000" if person.pin != "0000" else "1111"

    response = phone.post(f"/j/{demo_meeting.join_code}/wait/", {"pin": wrong})

    assert response.status_code == 400
    assert "This PIN is not right" in response.content.decode()


def test_an_approved_claim_lets_the_waiting_phone_in(
        phone: Client, person: Participant, demo_meeting: Meeting,
        facilitator_client: Client) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/", {"name": "olga typo"})
    claim = JoinClaim.objects.get(meeting=demo_meeting)
    facilitator_client.post(f"/console/m/{demo_meeting.slug}/participants/claims/"
                            f"{claim.pk}/approve/", {"participant": person.pk})

    response = phone.get(f"/j/{demo_meeting.join_code}/wait/", HTTP_HX_REQUEST="true")

    assert response["HX-Redirect"] in (f"/p/{demo_meeting.join_code}/",
                                       f"/j/{demo_meeting.join_code}/consent/")
    assert phone.session[session_key(demo_meeting)] == person.pk


def test_a_refused_claim_says_so(phone: Client, person: Participant,
                                 demo_meeting: Meeting, facilitator_client: Client) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/", {"name": person.name})
    claim = JoinClaim.objects.get(meeting=demo_meeting)
    facilitator_client.post(f"/console/m/{demo_meeting.slug}/participants/claims/"
                            f"{claim.pk}/refuse/")

    response = phone.get(f"/j/{demo_meeting.join_code}/wait/")

    assert "did not confirm" in response.content.decode()
    assert session_key(demo_meeting) not in phone.session


def test_the_console_lists_waiting_phones(phone: Client, person: Participant,
                                          demo_meeting: Meeting,
                                          facilitator_client: Client) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/", {"name": "Somebody <b>New</b>"})

    response = facilitator_client.get(f"/console/m/{demo_meeting.slug}/participants/claims/")

    assert "Somebody &lt;b&gt;New&lt;/b&gt;" in response.content.decode()


def test_the_phone_page_says_who_joined_with_not_you(
        phone: Client, demo_meeting: Meeting) -> None:
    expert = demo_meeting.participants.filter(category="expert").first()
    assert expert is not None
    phone.post(f"/j/{demo_meeting.join_code}/{expert.join_token}/")

    html = phone.get(f"/p/{demo_meeting.join_code}/").content.decode()

    assert f"You joined as {expert.name}" in html
    assert "Not you?" in html


def test_not_you_lets_go_of_the_identity(phone: Client, person: Participant,
                                         demo_meeting: Meeting) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/{person.join_token}/")

    response = phone.post(f"/j/{demo_meeting.join_code}/leave/")

    assert response["Location"] == f"/j/{demo_meeting.join_code}/"
    person.refresh_from_db()
    assert person.device == ""
    assert session_key(demo_meeting) not in phone.session


# Consent at join --------------------------------------------------------------------------


def test_a_community_member_without_consent_is_asked_first(
        phone: Client, person: Participant, demo_meeting: Meeting) -> None:
    response = phone.post(f"/j/{demo_meeting.join_code}/{person.join_token}/")

    assert response["Location"] == f"/j/{demo_meeting.join_code}/consent/"
    assert phone.get(f"/p/{demo_meeting.join_code}/")["Location"] == (
        f"/j/{demo_meeting.join_code}/consent/")


def test_agreeing_on_the_phone_records_the_consent(phone: Client, person: Participant,
                                                   demo_meeting: Meeting) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/{person.join_token}/")

    phone.post(f"/j/{demo_meeting.join_code}/consent/", {"answer": "yes"})

    person.refresh_from_db()
    assert (person.category, person.consent_method) == ("roma_community", "phone")
    assert person.consent_at is not None
    assert ConsentEvent.objects.filter(participant=person, action="given",
                                       by_person=True).exists()


def test_declining_on_the_phone_removes_the_category(phone: Client, person: Participant,
                                                     demo_meeting: Meeting) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/{person.join_token}/")

    response = phone.post(f"/j/{demo_meeting.join_code}/consent/", {"answer": "no"})

    assert response["Location"] == f"/p/{demo_meeting.join_code}/"
    person.refresh_from_db()
    assert (person.category, person.is_roma_mediator) == ("not_stated", False)
    assert person.consent_withdrawn_at is not None
    assert ConsentEvent.objects.filter(participant=person, action="withdrawn").exists()


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
    response = phone.post(f"/j/{demo_meeting.join_code}/new/", {
        "name": "Jānis Jaunais", "category": "municipal", "institution": "Dome"})

    assert response.status_code == 302
    assert response["Location"] == f"/p/{demo_meeting.join_code}/"
    person = demo_meeting.participants.get(name="Jānis Jaunais")
    assert (person.category, person.institution, person.present) == ("municipal", "Dome",
                                                                      True)
    assert phone.session[session_key(demo_meeting)] == person.pk


def test_self_register_cannot_choose_organiser(phone: Client,
                                               demo_meeting: Meeting) -> None:
    response = phone.post(f"/j/{demo_meeting.join_code}/new/", {
        "name": "Jānis Jaunais", "category": "organiser"})

    assert response.status_code == 400
    assert not demo_meeting.participants.filter(name="Jānis Jaunais").exists()


def test_self_register_without_a_name_is_refused(phone: Client,
                                                 demo_meeting: Meeting) -> None:
    count = demo_meeting.participants.count()

    response = phone.post(f"/j/{demo_meeting.join_code}/new/", {"name": "",
                                                                "category": "municipal"})

    assert response.status_code == 400
    assert demo_meeting.participants.count() == count


def test_self_register_in_the_community_category_needs_consent(
        phone: Client, demo_meeting: Meeting) -> None:
    response = phone.post(f"/j/{demo_meeting.join_code}/new/", {
        "name": "Jānis Jaunais", "category": "roma_community"})

    assert response.status_code == 400
    assert not demo_meeting.participants.filter(name="Jānis Jaunais").exists()


def test_self_register_in_the_community_category_records_the_consent(
        phone: Client, demo_meeting: Meeting) -> None:
    phone.post(f"/j/{demo_meeting.join_code}/new/", {
        "name": "Jānis Jaunais", "category": "roma_community", "consent": "on"})

    person = demo_meeting.participants.get(name="Jānis Jaunais")
    assert (person.consent_method, person.needs_consent) == ("phone", False)


def test_self_register_with_a_registered_name_waits_like_a_typed_name(
        phone: Client, person: Participant, demo_meeting: Meeting) -> None:
    response = phone.post(f"/j/{demo_meeting.join_code}/new/", {
        "name": person.name, "category": "expert", "institution": person.institution})

    assert response["Location"] == f"/j/{demo_meeting.join_code}/wait/"
    assert session_key(demo_meeting) not in phone.session


def test_the_code_of_a_closed_meeting_works_again_once_reopened(
        phone: Client, demo_meeting: Meeting, facilitator_client: Client) -> None:
    facilitator_client.post(f"/console/m/{demo_meeting.slug}/join/close/")
    assert phone.post("/j/", {"code": demo_meeting.join_code}).status_code == 410

    facilitator_client.post(f"/console/m/{demo_meeting.slug}/join/reopen/")

    assert phone.post("/j/", {"code": demo_meeting.join_code}).status_code == 302
