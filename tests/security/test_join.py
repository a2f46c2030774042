"""Attacks on joining: becoming someone else, learning who is registered (and who is
in the community category), guessing codes and PINs, a closed meeting's code.

docs/security.md, "Joining proves who you are".
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client, override_settings
from django.utils import timezone

from sanaksme.config.asgi import application
from sanaksme.core.clients import client_address
from sanaksme.groups.selectors import groups_state
from sanaksme.groups.services.formation import groups_draw
from sanaksme.participants.models import (
    PIN_ATTEMPTS,
    Attendance,
    JoinClaim,
    Participant,
)
from sanaksme.participants.selectors import session_key
from sanaksme.participants.tests.factories import phone_session
from sanaksme.programme.models import AgendaItem, Meeting

ORIGIN = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]
WRONG_PER_CLIENT = 10


def new_phone(address: str = "203.0.113.7") -> Client:
    """A phone browser (English, so messages are predictable) at a network address."""
    client = Client(REMOTE_ADDR=address)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def community_member(meeting: Meeting) -> Participant:
    return meeting.participants.filter(category="roma_community").order_by("pk")[0]


def holds(client: Client, meeting: Meeting, person: Participant) -> bool:
    """The phone's session is `person` and the phone page opens for it (after the
    consent question, for a category that needs one)."""
    page = client.get(f"/p/{meeting.join_code}/")
    return client.session.get(session_key(meeting)) == person.pk and (
        page.status_code == 200
        or page.get("Location") == f"/j/{meeting.join_code}/consent/")


def join_with_link(client: Client, meeting: Meeting, person: Participant) -> Any:
    return client.post(f"/j/{meeting.join_code}/{person.join_token}/")


def join_with_pin(client: Client, meeting: Meeting, name: str, pin: str) -> Any:
    client.post(f"/j/{meeting.join_code}/", {"name": name})
    return client.post(f"/j/{meeting.join_code}/wait/", {"pin": pin})


def run_async(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        async_to_sync(test)(*args, **kwargs)

    return wrapper


# Becoming someone else ----------------------------------------------------------------


@pytest.mark.django_db
def test_posting_a_participant_id_does_not_join_as_that_person(
        demo_meeting: Meeting) -> None:
    olga, attacker = community_member(demo_meeting), new_phone()

    attacker.post(f"/j/{demo_meeting.join_code}/", {"participant": olga.pk})

    assert session_key(demo_meeting) not in attacker.session
    assert not Attendance.objects.filter(participant=olga).exists()
    olga.refresh_from_db()
    assert olga.present is False


@pytest.mark.django_db
def test_a_second_phone_with_the_personal_link_waits_for_the_facilitator(
        demo_meeting: Meeting) -> None:
    olga, hers, other = community_member(demo_meeting), new_phone(), new_phone()
    join_with_link(hers, demo_meeting, olga)

    response = join_with_link(other, demo_meeting, olga)

    assert response["Location"] == f"/j/{demo_meeting.join_code}/wait/"
    assert not holds(other, demo_meeting, olga)
    assert holds(hers, demo_meeting, olga)


@pytest.mark.django_db
def test_a_second_phone_with_the_right_pin_cannot_take_a_held_identity(
        demo_meeting: Meeting) -> None:
    olga, hers, other = community_member(demo_meeting), new_phone(), new_phone()
    join_with_link(hers, demo_meeting, olga)

    response = join_with_pin(other, demo_meeting, olga.name, olga.pin)

    assert response.status_code == 409
    assert not holds(other, demo_meeting, olga)
    assert holds(hers, demo_meeting, olga)


@pytest.mark.django_db
def test_when_the_facilitator_moves_an_identity_the_old_phone_loses_it(
        demo_meeting: Meeting, facilitator_client: Client) -> None:
    olga, old, new = community_member(demo_meeting), new_phone(), new_phone()
    join_with_link(old, demo_meeting, olga)
    join_with_link(new, demo_meeting, olga)
    claim = JoinClaim.objects.get(participant=olga, status="pending")

    facilitator_client.post(f"/console/m/{demo_meeting.slug}/participants/claims/"
                            f"{claim.pk}/approve/", {"participant": olga.pk})

    assert new.get(f"/j/{demo_meeting.join_code}/wait/").status_code == 302
    assert holds(new, demo_meeting, olga)
    assert old.get(f"/p/{demo_meeting.join_code}/").status_code == 302


@pytest.mark.django_db
def test_pin_guesses_for_a_person_stop_working_after_the_limit(
        demo_meeting: Meeting) -> None:
    olga = community_member(demo_meeting)
    wrong = "0000" if olga.pin != "0000" else "1111"
    for number in range(PIN_ATTEMPTS):
        join_with_pin(new_phone(f"198.51.100.{number}"), demo_meeting, olga.name, wrong)
    phone = new_phone("192.0.2.99")

    response = join_with_pin(phone, demo_meeting, olga.name, olga.pin)

    assert response.status_code == 400
    assert not holds(phone, demo_meeting, olga)


@run_async
@pytest.mark.django_db(transaction=True)
async def test_a_websocket_session_that_does_not_hold_the_identity_is_refused(
        demo_meeting: Meeting) -> None:
    from channels.db import database_sync_to_async

    olga = await database_sync_to_async(community_member)(demo_meeting)
    session = await database_sync_to_async(phone_session)(olga, holds=False)
    communicator = WebsocketCommunicator(
        application, f"/ws/phone/{demo_meeting.join_code}/", headers=[
            *ORIGIN, (b"cookie", f"{settings.SESSION_COOKIE_NAME}={session}".encode())])

    connected, code = await communicator.connect()

    assert (connected, code) == (False, 4403)


# Learning who is registered, and who is in the community category ---------------------


@pytest.mark.django_db
def test_the_join_page_lists_no_registered_names(demo_meeting: Meeting) -> None:
    names = list(demo_meeting.participants.values_list("name", flat=True))

    html = new_phone().get(f"/j/{demo_meeting.join_code}/").content.decode()

    assert not [name for name in names if name in html]


@pytest.mark.django_db
def test_a_typed_name_gets_the_same_answer_whether_registered_or_not(
        demo_meeting: Meeting) -> None:
    olga = community_member(demo_meeting)
    code = demo_meeting.join_code

    answers = [new_phone().post(f"/j/{code}/", {"name": name})
               for name in (olga.name, "Nobody Registered")]

    assert [(a.status_code, a["Location"]) for a in answers] == [
        (302, f"/j/{code}/wait/")] * 2


@pytest.mark.django_db
def test_a_community_members_phone_is_not_told_who_else_is_in_their_group(
        demo_meeting: Meeting) -> None:
    demo_meeting.participants.update(present=True)
    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="group_work")
    group_set = groups_draw(item=item, seed=1)
    olga = community_member(demo_meeting)
    own = group_set.memberships.get(participant=olga).group_id

    state = groups_state(item, audience="phone", group_id=own)

    names = {m["name"] for g in state["groups"] for m in g["members"]}
    assert names == set()


# Guessing ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_wrong_codes_lock_out_one_phone_while_another_on_the_same_network_joins(
        demo_meeting: Meeting) -> None:
    guesser, neighbour = new_phone(), new_phone()
    for _ in range(WRONG_PER_CLIENT):
        guesser.post("/j/", {"code": "NOPE42"})

    locked = guesser.post("/j/", {"code": "NOPE43"})
    response = neighbour.post("/j/", {"code": demo_meeting.join_code})

    assert locked.status_code == 429
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_guesser_dropping_its_cookies_is_bounded_per_address(
        demo_meeting: Meeting) -> None:
    for _ in range(settings.SANAKSME_THROTTLE_WRONG_PER_ADDRESS):
        new_phone().post("/j/", {"code": "NOPE42"})

    response = new_phone().post("/j/", {"code": "NOPE43"})

    assert response.status_code == 429


@pytest.mark.django_db
def test_the_phone_page_counts_wrong_codes(demo_meeting: Meeting) -> None:
    guesser = new_phone()
    for number in range(WRONG_PER_CLIENT):
        guesser.get(f"/p/NOPE{number:02d}/")

    response = guesser.get("/p/NOPE99/")

    assert response.status_code == 429


@pytest.mark.django_db
def test_self_registration_is_capped_per_phone(demo_meeting: Meeting) -> None:
    phone = new_phone()
    for number in range(3):
        phone.post(f"/j/{demo_meeting.join_code}/new/",
                   {"name": f"Bot {number}", "category": "expert"})
    count = demo_meeting.participants.count()

    response = phone.post(f"/j/{demo_meeting.join_code}/new/",
                          {"name": "Bot 99", "category": "expert"})

    assert response.status_code == 429
    assert demo_meeting.participants.count() == count


@run_async
@pytest.mark.django_db(transaction=True)
async def test_websocket_joins_with_wrong_codes_lock_the_client_out(
        demo_meeting: Meeting) -> None:
    from channels.db import database_sync_to_async

    olga = await database_sync_to_async(community_member)(demo_meeting)
    headers = [*ORIGIN, (b"cookie", f"{settings.SESSION_COOKIE_NAME}="
                         f"{await database_sync_to_async(phone_session)(olga)}".encode())]
    for number in range(WRONG_PER_CLIENT):
        await WebsocketCommunicator(application, f"/ws/phone/NOPE{number:02d}/",
                                    headers=headers).connect()
    communicator = WebsocketCommunicator(
        application, f"/ws/phone/{demo_meeting.join_code}/", headers=headers)

    connected, _code = await communicator.connect()

    assert connected is False


@pytest.mark.django_db
@override_settings(SANAKSME_TRUSTED_PROXIES=0)
def test_a_forged_forwarded_for_is_ignored_without_a_trusted_proxy() -> None:
    request = Client().get("/j/", HTTP_X_FORWARDED_FOR="10.9.9.9",
                           REMOTE_ADDR="203.0.113.7").wsgi_request

    assert client_address(request) == "203.0.113.7"


@pytest.mark.django_db
@override_settings(SANAKSME_TRUSTED_PROXIES=1)
def test_behind_one_proxy_the_address_it_saw_is_the_client() -> None:
    request = Client().get("/j/", HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.4",
                           REMOTE_ADDR="127.0.0.1").wsgi_request

    assert client_address(request) == "198.51.100.4"


# A closed meeting ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_closed_meeting_refuses_its_code(demo_meeting: Meeting) -> None:
    Meeting.objects.filter(pk=demo_meeting.pk).update(closed_at=timezone.now())

    response = new_phone().post("/j/", {"code": demo_meeting.join_code})

    assert response.status_code == 410
    assert "This meeting has ended" in response.content.decode()


@pytest.mark.django_db
def test_a_closed_meeting_refuses_a_personal_link(demo_meeting: Meeting) -> None:
    olga, phone = community_member(demo_meeting), new_phone()
    Meeting.objects.filter(pk=demo_meeting.pk).update(closed_at=timezone.now())

    response = join_with_link(phone, demo_meeting, olga)

    assert response.status_code == 410
    assert session_key(demo_meeting) not in phone.session


@run_async
@pytest.mark.django_db(transaction=True)
async def test_a_phone_of_a_closed_meeting_is_refused_on_reconnect(
        demo_meeting: Meeting) -> None:
    from channels.db import database_sync_to_async

    olga = await database_sync_to_async(community_member)(demo_meeting)
    session = await database_sync_to_async(phone_session)(olga)
    await database_sync_to_async(Meeting.objects.filter(pk=demo_meeting.pk).update)(
        closed_at=timezone.now())
    communicator = WebsocketCommunicator(
        application, f"/ws/phone/{demo_meeting.join_code}/", headers=[
            *ORIGIN, (b"cookie", f"{settings.SESSION_COOKIE_NAME}={session}".encode())])

    connected, _code = await communicator.connect()

    assert connected is False
