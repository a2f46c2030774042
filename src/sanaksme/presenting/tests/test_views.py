"""The materials page and serving slides and videos: only to the meeting's own screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from sanaksme.presenting.models import Deck, Video
from sanaksme.presenting.services import deck_upload, video_upload
from sanaksme.programme.models import AgendaItem, Meeting

from .conftest import MP4_HEAD

pytestmark = pytest.mark.django_db
Pdf = Callable[..., SimpleUploadedFile]


def body(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def materials_url(item: AgendaItem) -> str:
    return reverse("presenting:materials", args=[item.day.meeting.slug, item.pk])


def test_uploading_slides_from_the_materials_page(facilitator_client: Client,
                                                  presentation: AgendaItem, pdf: Pdf) -> None:
    response = facilitator_client.post(materials_url(presentation), {
        "kind": "deck", "title": "Romi Latvijā", "file": pdf(2)}, follow=True)

    assert response.status_code == 200
    assert "Romi Latvijā" in response.content.decode()
    assert Deck.objects.get(item=presentation).pages == 2


def test_a_bad_upload_gets_a_clear_message_and_changes_nothing(
    facilitator_client: Client, presentation: AgendaItem, settings: Any,
) -> None:
    facilitator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = facilitator_client.post(materials_url(presentation), {
        "kind": "deck", "file": SimpleUploadedFile("x.pdf", b"GIF89a")})

    assert response.status_code == 400
    assert "not a PDF file" in response.content.decode()
    assert not Deck.objects.exists()


def test_another_organisations_facilitator_cannot_see_the_materials(
    client: Client, django_user_model: Any, presentation: AgendaItem,
) -> None:
    client.force_login(django_user_model.objects.create_user("stranger"))
    assert client.get(materials_url(presentation)).status_code == 404


def test_the_projector_gets_slide_images_with_its_token_only(
    client: Client, demo_meeting: Meeting, presentation: AgendaItem, pdf: Pdf,
) -> None:
    deck = deck_upload(item=presentation, upload=pdf(2))
    key = f"slides/{deck.key}/p2.webp"
    good = reverse("presenting:projector-file",
                   args=[demo_meeting.slug, demo_meeting.projector_token, key])
    bad = reverse("presenting:projector-file", args=[demo_meeting.slug, "wrong", key])

    response = client.get(good)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert client.get(bad).status_code == 404


@pytest.mark.parametrize("key", [
    "slides/../../secret_key", "../sanaksme.sqlite3", "slides/{key}/p9.webp",
    "slides/{key}/p1.png", "slides/00000000-0000-0000-0000-000000000000/p1.webp",
])
def test_paths_that_are_not_a_known_file_are_not_found(
    facilitator_client: Client, demo_meeting: Meeting, presentation: AgendaItem, pdf: Pdf,
    key: str,
) -> None:
    deck = deck_upload(item=presentation, upload=pdf(2))
    address = reverse("presenting:console-file",
                      args=[demo_meeting.slug, key.format(key=deck.key)])
    assert facilitator_client.get(address).status_code == 404


def test_the_original_pdf_is_a_download_never_shown_inline(
    facilitator_client: Client, demo_meeting: Meeting, presentation: AgendaItem, pdf: Pdf,
) -> None:
    deck = deck_upload(item=presentation, upload=pdf(1, name="romi.pdf"))
    response = facilitator_client.get(reverse(
        "presenting:console-file", args=[demo_meeting.slug, f"slides/{deck.key}/original.pdf"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_a_video_can_be_fetched_in_ranges_for_seeking(
    client: Client, demo_meeting: Meeting, presentation: AgendaItem,
) -> None:
    video = video_upload(item=presentation,
                         upload=SimpleUploadedFile("v.mp4", MP4_HEAD, "video/mp4"))
    address = reverse("presenting:projector-file", args=[
        demo_meeting.slug, demo_meeting.projector_token, f"video/{video.key}.mp4"])

    response = client.get(address, headers={"Range": "bytes=4-11"})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 4-11/{len(MP4_HEAD)}"
    assert body(response) == MP4_HEAD[4:12]
    assert client.get(address, headers={"Range": "bytes=9999-"}).status_code == 416
    whole = client.get(address)
    assert whole.status_code == 200
    assert body(whole) == MP4_HEAD
    assert Video.objects.count() == 1
