"""The designer's panel of the previous meeting's suggestions (reports.series_views)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from sanaksme.boards.models import Note, SuggestionUptake
from sanaksme.boards.tests.factories import (
    SeriesFactory,
    add_note,
    feedback_sheet,
    series_meeting,
)
from sanaksme.boards.uptake import suggestion_take_up
from sanaksme.programme.models import Meeting, Organisation
from sanaksme.programme.tests.factories import MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _english_pages(facilitator_client: Client) -> None:
    """Pages in English (the console's default is Latvian)."""
    facilitator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def first(organisation: Organisation) -> Meeting:
    series = SeriesFactory.create(organisation=organisation)
    return series_meeting(series, dt.date(2017, 1, 26), title="Daugavpils")


@pytest.fixture
def second(first: Meeting) -> Meeting:
    assert first.series is not None
    return series_meeting(first.series, dt.date(2017, 5, 18), title="Jelgava")


@pytest.fixture
def suggestion(first: Meeting) -> Note:
    return add_note(feedback_sheet(first), "suggestion", "Invite <b>school</b> heads")


def panel_url(meeting: Meeting) -> str:
    return reverse("reports:suggestions", args=[meeting.slug])


def toggle_url(meeting: Meeting, note: Note) -> str:
    return reverse("reports:suggestion-toggle", args=[meeting.slug, note.pk])


def test_the_panel_needs_a_login(second: Meeting) -> None:
    response = Client().get(panel_url(second))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_another_organisations_facilitator_gets_404(second: Meeting, db: None) -> None:
    stranger = get_user_model().objects.create_user("stranger", password="x")
    client = Client()
    client.force_login(stranger)

    response = client.get(panel_url(second))

    assert response.status_code == 404


def test_the_panel_lists_the_previous_meetings_suggestions(
        facilitator_client: Client, second: Meeting, suggestion: Note) -> None:
    response = facilitator_client.get(panel_url(second), **HTMX)  # type: ignore[arg-type]

    body = response.content.decode()
    assert response.status_code == 200
    assert "Suggestions from the previous meeting" in body
    assert "Invite &lt;b&gt;school&lt;/b&gt; heads" in body
    assert "Mark as taken up" in body
    assert toggle_url(second, suggestion) in body


def test_the_panel_is_empty_without_a_series(facilitator_client: Client,
                                             organisation: Organisation) -> None:
    lone = MeetingFactory.create(organisation=organisation)

    response = facilitator_client.get(panel_url(lone), **HTMX)  # type: ignore[arg-type]

    assert response.status_code == 200
    assert response.content.decode().strip() == ""


def test_the_panel_is_empty_when_the_previous_meeting_made_no_suggestions(
        facilitator_client: Client, second: Meeting, first: Meeting) -> None:
    add_note(feedback_sheet(first), "feedback", "Good lunch")

    response = facilitator_client.get(panel_url(second), **HTMX)  # type: ignore[arg-type]

    assert response.content.decode().strip() == ""


def test_take_marks_the_suggestion_with_the_comment(
        facilitator_client: Client, facilitator: Any, second: Meeting,
        suggestion: Note) -> None:
    response = facilitator_client.post(
        toggle_url(second, suggestion), {"action": "take", "comment": "Two came"},
        **HTMX)  # type: ignore[arg-type]

    uptake = SuggestionUptake.objects.get()
    assert (uptake.meeting, uptake.note, uptake.comment, uptake.taken_by) == (
        second, suggestion, "Two came", facilitator)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Taken up" in body
    assert "Two came" in body
    assert "Undo" in body


def test_drop_undoes_the_uptake(facilitator_client: Client, second: Meeting,
                                suggestion: Note) -> None:
    suggestion_take_up(meeting=second, note=suggestion)

    response = facilitator_client.post(toggle_url(second, suggestion), {"action": "drop"},
                                       **HTMX)  # type: ignore[arg-type]

    assert response.status_code == 200
    assert not SuggestionUptake.objects.exists()
    assert "Mark as taken up" in response.content.decode()


def test_without_htmx_the_toggle_goes_back_to_the_designer(
        facilitator_client: Client, second: Meeting, suggestion: Note) -> None:
    response = facilitator_client.post(toggle_url(second, suggestion), {"action": "take"})

    assert response.status_code == 302
    assert response["Location"] == reverse("programme:meeting-detail", args=[second.slug])
    assert SuggestionUptake.objects.filter(meeting=second, note=suggestion).exists()


def test_a_note_that_is_no_suggestion_is_refused_with_400(
        facilitator_client: Client, first: Meeting, second: Meeting) -> None:
    feedback = add_note(feedback_sheet(first), "feedback", "Good lunch")

    response = facilitator_client.post(toggle_url(second, feedback), {"action": "take"})

    assert response.status_code == 400
    assert "Only a visible suggestion" in response.content.decode()
    assert not SuggestionUptake.objects.exists()


def test_htmx_gets_the_refusal_inside_the_panel(
        facilitator_client: Client, first: Meeting, second: Meeting) -> None:
    feedback = add_note(feedback_sheet(first), "feedback", "Good lunch")

    response = facilitator_client.post(toggle_url(second, feedback), {"action": "take"},
                                       **HTMX)  # type: ignore[arg-type]

    assert response.status_code == 200  # htmx does not swap 4xx responses in
    assert 'role="alert"' in response.content.decode()
    assert "Only a visible suggestion" in response.content.decode()


def test_a_later_meetings_suggestion_is_refused(
        facilitator_client: Client, first: Meeting, second: Meeting) -> None:
    later = add_note(feedback_sheet(second), "suggestion", "More breaks")

    response = facilitator_client.post(toggle_url(first, later), {"action": "take"})

    assert response.status_code == 400
    assert "earlier meeting of the same series" in response.content.decode()


def test_an_unknown_action_is_refused(facilitator_client: Client, second: Meeting,
                                      suggestion: Note) -> None:
    response = facilitator_client.post(toggle_url(second, suggestion), {"action": "x"})

    assert response.status_code == 400
    assert not SuggestionUptake.objects.exists()


def test_another_organisations_note_is_404(facilitator_client: Client,
                                           second: Meeting) -> None:
    other = series_meeting(SeriesFactory.create(), dt.date(2017, 1, 1))
    note = add_note(feedback_sheet(other), "suggestion", "Elsewhere")

    response = facilitator_client.post(toggle_url(second, note), {"action": "take"})

    assert response.status_code == 404


def test_the_toggle_accepts_only_post(facilitator_client: Client, second: Meeting,
                                      suggestion: Note) -> None:
    assert facilitator_client.get(toggle_url(second, suggestion)).status_code == 405


def test_the_designer_loads_the_panel(facilitator_client: Client, second: Meeting) -> None:
    response = facilitator_client.get(reverse("programme:meeting-detail",
                                              args=[second.slug]))

    body = response.content.decode()
    assert f'hx-get="{panel_url(second)}"' in body
    assert 'hx-trigger="load"' in body
