"""Uploading slides and videos, and what the projector shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sanaksme.core.exceptions import DomainError
from sanaksme.live.events import Event
from sanaksme.presenting.models import Deck, Projection, Video
from sanaksme.presenting.selectors import presenting_state
from sanaksme.presenting.services import (
    deck_remove,
    deck_upload,
    screen_clear,
    slide_show,
    summary_show,
    summary_write,
    video_add_link,
    video_play,
    video_show,
    video_upload,
)
from sanaksme.programme.models import AgendaItem

from .conftest import MP4_HEAD

pytestmark = pytest.mark.django_db
Pdf = Callable[..., SimpleUploadedFile]


def url(key: str) -> str:
    return f"/files/{key}"


def test_a_pdf_becomes_one_image_per_page(presentation: AgendaItem, pdf: Pdf,
                                          media: Path) -> None:
    deck = deck_upload(item=presentation, upload=pdf(3, name="romi.pdf"), title="")

    assert deck.pages == 3
    assert deck.title == "romi"
    folder = media / deck.folder
    assert sorted(p.name for p in folder.iterdir()) == [
        "original.pdf", "p1.webp", "p2.webp", "p3.webp"]
    assert (folder / "p1.webp").read_bytes()[8:12] == b"WEBP"


@pytest.mark.parametrize(("upload", "message"), [
    (SimpleUploadedFile("slides.pdf", b"MZ\x90 not a pdf"), "not a PDF"),
    (SimpleUploadedFile("slides.pdf", b"%PDF-1.4 broken"), "could not be read"),
    (SimpleUploadedFile("slides.pdf", b""), "empty"),
])
def test_a_file_that_is_not_a_readable_pdf_is_refused_and_nothing_is_kept(
    presentation: AgendaItem, upload: SimpleUploadedFile, message: str, media: Path,
    english: None,
) -> None:
    with pytest.raises(DomainError, match=message):
        deck_upload(item=presentation, upload=upload)

    assert not Deck.objects.exists()
    assert not any(media.rglob("*.webp"))


def test_a_password_protected_pdf_is_refused(presentation: AgendaItem, pdf: Pdf,
                                             english: None) -> None:
    with pytest.raises(DomainError, match="password"):
        deck_upload(item=presentation, upload=pdf(2, password="secret"))


def test_too_many_pages_or_too_big_a_file_is_refused_with_the_numbers(
    presentation: AgendaItem, pdf: Pdf, settings: Any, english: None,
) -> None:
    settings.SANAKSME_MAX_SLIDE_PAGES = 2
    with pytest.raises(DomainError, match="3 pages; at most 2"):
        deck_upload(item=presentation, upload=pdf(3))
    settings.SANAKSME_MAX_SLIDES_MB = 0
    with pytest.raises(DomainError, match="at most 0 MB"):
        deck_upload(item=presentation, upload=pdf(1))
    assert not Deck.objects.exists()


def test_showing_a_slide_is_announced_and_every_screen_sees_the_page(
    presentation: AgendaItem, pdf: Pdf, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    deck = deck_upload(item=presentation, upload=pdf(3))
    with django_capture_on_commit_callbacks(execute=True):
        slide_show(item=presentation, deck_id=deck.pk, page=2)

    assert broadcasts[-1].type == "presenting.changed"
    shown = presenting_state(presentation, url_for=url)["showing"]
    assert shown["page"] == 2
    assert shown["pages"] == 3
    assert shown["src"] == f"/files/slides/{deck.key}/p2.webp"
    assert shown["next_src"] == f"/files/slides/{deck.key}/p3.webp"


def test_two_consoles_asking_for_the_same_page_agree(presentation: AgendaItem,
                                                     pdf: Pdf) -> None:
    deck = deck_upload(item=presentation, upload=pdf(3))
    slide_show(item=presentation, deck_id=deck.pk, page=2)
    slide_show(item=presentation, deck_id=deck.pk, page=2)

    assert Projection.objects.get(item=presentation).page == 2


def test_a_page_beyond_the_deck_shows_the_last_page(presentation: AgendaItem,
                                                    pdf: Pdf) -> None:
    deck = deck_upload(item=presentation, upload=pdf(3))
    assert slide_show(item=presentation, deck_id=deck.pk, page=99).page == 3


def test_a_deck_of_another_item_cannot_be_shown(presentation: AgendaItem,
                                                summary_item: AgendaItem, pdf: Pdf) -> None:
    deck = deck_upload(item=summary_item, upload=pdf(1))
    with pytest.raises(DomainError):
        slide_show(item=presentation, deck_id=deck.pk)


def test_removing_a_deck_takes_it_off_the_screen_and_deletes_its_files(
    presentation: AgendaItem, pdf: Pdf, media: Path, django_capture_on_commit_callbacks: Any,
) -> None:
    deck = deck_upload(item=presentation, upload=pdf(2))
    slide_show(item=presentation, deck_id=deck.pk)
    with django_capture_on_commit_callbacks(execute=True):
        deck_remove(deck=deck)

    assert presenting_state(presentation, url_for=url)["showing"] is None
    assert not (media / deck.folder).exists()


def test_a_video_file_is_kept_under_a_name_sanaksme_chose(presentation: AgendaItem,
                                                           media: Path) -> None:
    upload = SimpleUploadedFile("../../etc/evil.mp4", MP4_HEAD, "video/mp4")
    video = video_upload(item=presentation, upload=upload, title="Mediatori")

    assert video.path == f"meetings/{presentation.day.meeting_id}/video/{video.key}.mp4"
    assert (media / video.path).read_bytes() == MP4_HEAD
    assert video.original_name == "evil.mp4"


def test_a_video_that_is_not_mp4_or_webm_is_refused(presentation: AgendaItem,
                                                    english: None) -> None:
    upload = SimpleUploadedFile("film.mp4", b"<html><script>alert(1)</script>", "video/mp4")
    with pytest.raises(DomainError, match="not an MP4 or WebM"):
        video_upload(item=presentation, upload=upload)
    assert not Video.objects.exists()


def test_a_link_that_is_not_a_video_is_refused(presentation: AgendaItem) -> None:
    with pytest.raises(DomainError):
        video_add_link(item=presentation, url="javascript:alert(1)")


def test_a_paused_video_keeps_its_place_for_a_reconnecting_projector(
    presentation: AgendaItem,
) -> None:
    video = video_add_link(item=presentation, url="https://youtu.be/dQw4w9WgXcQ")
    start = dt.datetime(2017, 1, 27, 13, 5, tzinfo=dt.UTC)
    video_show(item=presentation, video_id=video.pk)
    video_play(item=presentation, playing=True, now=start)
    video_play(item=presentation, playing=False, now=start + dt.timedelta(seconds=42))

    shown = presenting_state(presentation, url_for=url)["showing"]
    assert shown["kind"] == "embed"
    assert shown["playing"] is False
    assert shown["played"] == 42


def test_clearing_the_screen_takes_the_slide_away(presentation: AgendaItem,
                                                  pdf: Pdf) -> None:
    deck = deck_upload(item=presentation, upload=pdf(1))
    slide_show(item=presentation, deck_id=deck.pk)
    screen_clear(item=presentation)
    assert presenting_state(presentation, url_for=url)["showing"] is None


def test_the_summary_reaches_the_projector_only_when_shown(summary_item: AgendaItem) -> None:
    summary_write(item=summary_item, text="Mediatori ir vajadzīgi.\n<b>ne HTML</b>")

    assert presenting_state(summary_item, url_for=url, console=True)["summary"].startswith(
        "Mediatori")
    assert presenting_state(summary_item, url_for=url)["summary"] == ""
    summary_show(item=summary_item, shown=True)
    assert presenting_state(summary_item, url_for=url)["summary"].endswith("<b>ne HTML</b>")


def test_a_summary_too_long_is_refused(summary_item: AgendaItem) -> None:
    with pytest.raises(DomainError):
        summary_write(item=summary_item, text="x" * 20_001)
    assert not Projection.objects.filter(item=summary_item).exclude(summary="").exists()
