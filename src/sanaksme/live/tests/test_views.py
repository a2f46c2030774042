"""The live pages: the facilitator's console, the projector and the current item."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sanaksme.programme.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db


def console_url(meeting: Meeting, rest: str = "") -> str:
    return f"/console/m/{meeting.slug}/live/{rest}"


def projector_url(meeting: Meeting, token: str | None = None) -> str:
    return f"/projector/{meeting.slug}/{meeting.projector_token if token is None else token}/"


# Console ---------------------------------------------------------------------------


def test_the_live_console_needs_login(client: Client, demo_meeting: Meeting) -> None:
    response = client.get(console_url(demo_meeting))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_live_console_opens_for_the_facilitator(facilitator_client: Client,
                                                    demo_meeting: Meeting) -> None:
    response = facilitator_client.get(console_url(demo_meeting))

    assert response.status_code == 200
    assert f"/ws/console/{demo_meeting.slug}/" in response.content.decode()


def test_the_live_console_of_another_organisation_is_404(
    facilitator_client: Client, meeting_factory: Any, organisation_factory: Any,
) -> None:
    other = meeting_factory(organisation=organisation_factory(name="Other"))

    response = facilitator_client.get(console_url(other))

    assert response.status_code == 404


def test_posting_the_current_item_sets_it(facilitator_client: Client,
                                          demo_meeting: Meeting,
                                          brainstorm: AgendaItem) -> None:
    response = facilitator_client.post(console_url(demo_meeting, "current/"),
                                       {"item": brainstorm.pk})

    assert response.status_code == 302
    demo_meeting.refresh_from_db()
    assert demo_meeting.current_item_id == brainstorm.pk


def test_posting_no_item_clears_the_current_item(facilitator_client: Client,
                                                 demo_meeting: Meeting,
                                                 brainstorm: AgendaItem) -> None:
    facilitator_client.post(console_url(demo_meeting, "current/"), {"item": brainstorm.pk})

    facilitator_client.post(console_url(demo_meeting, "current/"), {"item": ""})

    demo_meeting.refresh_from_db()
    assert demo_meeting.current_item_id is None


def test_an_item_of_another_meeting_is_404(facilitator_client: Client,
                                           demo_meeting: Meeting,
                                           agenda_item: AgendaItem) -> None:
    response = facilitator_client.post(console_url(demo_meeting, "current/"),
                                       {"item": agenda_item.pk})

    assert response.status_code == 404
    demo_meeting.refresh_from_db()
    assert demo_meeting.current_item_id is None


def test_a_garbled_item_is_404(facilitator_client: Client, demo_meeting: Meeting) -> None:
    response = facilitator_client.post(console_url(demo_meeting, "current/"),
                                       {"item": "abc"})

    assert response.status_code == 404


def test_setting_the_current_item_needs_login(client: Client, demo_meeting: Meeting,
                                              brainstorm: AgendaItem) -> None:
    response = client.post(console_url(demo_meeting, "current/"), {"item": brainstorm.pk})

    assert response.status_code == 302
    demo_meeting.refresh_from_db()
    assert demo_meeting.current_item_id is None


def test_setting_the_current_item_needs_post(facilitator_client: Client,
                                             demo_meeting: Meeting) -> None:
    response = facilitator_client.get(console_url(demo_meeting, "current/"))

    assert response.status_code == 405


# Projector -------------------------------------------------------------------------


def test_the_projector_shows_the_join_code_and_a_qr_code(client: Client,
                                                         demo_meeting: Meeting) -> None:
    response = client.get(projector_url(demo_meeting))

    html = response.content.decode()
    assert response.status_code == 200
    assert demo_meeting.join_code in html
    assert "<svg" in html


def test_the_projector_needs_no_login(client: Client, demo_meeting: Meeting) -> None:
    response = client.get(projector_url(demo_meeting))

    assert response.status_code == 200


def test_the_projector_with_a_wrong_token_is_404(client: Client,
                                                 demo_meeting: Meeting) -> None:
    response = client.get(projector_url(demo_meeting, token="wrong"))

    assert response.status_code == 404


def test_the_projector_of_an_unknown_meeting_is_404(client: Client,
                                                    demo_meeting: Meeting) -> None:
    response = client.get(f"/projector/nope/{demo_meeting.projector_token}/")

    assert response.status_code == 404
