"""The pure rules for slides and videos."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanaksme.presenting.domain.media import (
    clamp_page,
    is_pdf,
    render_scale,
    video_extension,
    video_link,
    video_position,
)

from .conftest import MP4_HEAD, WEBM_HEAD


def test_a_pdf_is_recognised_by_its_content() -> None:
    assert is_pdf(b"%PDF-1.7\n...")
    assert not is_pdf(b"MZ\x90\x00 an exe named slides.pdf")


def test_a_video_is_recognised_by_its_content_not_its_name() -> None:
    assert video_extension(MP4_HEAD) == "mp4"
    assert video_extension(WEBM_HEAD) == "webm"
    assert video_extension(b"<html><script>") is None


@pytest.mark.parametrize(("url", "kind", "src"), [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "embed",
     "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"),
    ("https://youtu.be/dQw4w9WgXcQ", "embed",
     "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"),
    ("https://vimeo.com/76979871", "embed", "https://player.vimeo.com/video/76979871?autoplay=1"),
    ("http://192.168.1.10/video/mediatori.mp4", "file",
     "http://192.168.1.10/video/mediatori.mp4"),
])
def test_video_links_become_a_player_the_projector_can_use(url: str, kind: str,
                                                            src: str) -> None:
    link = video_link(url)
    assert link is not None
    assert (link.kind, link.src) == (kind, src)


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "file:///etc/passwd", "https://example.com/page",
    "https://www.youtube.com/watch?v=<script>", "ftp://host/v.mp4", "not a link",
])
def test_other_links_are_refused(url: str) -> None:
    assert video_link(url) is None


@given(st.integers(min_value=-1000, max_value=1000), st.integers(min_value=0, max_value=500))
def test_a_page_is_always_within_the_deck(page: int, pages: int) -> None:
    assert 1 <= clamp_page(page, pages) <= max(pages, 1)


def test_a_playing_video_moves_on_with_the_clock_and_a_paused_one_does_not() -> None:
    start = dt.datetime(2017, 1, 27, 13, 5, tzinfo=dt.UTC)
    later = start + dt.timedelta(seconds=30)
    assert video_position(played_seconds=10, playing_since=start, now=later) == 40
    assert video_position(played_seconds=10, playing_since=None, now=later) == 10


def test_a_slide_fits_a_full_hd_projector() -> None:
    assert render_scale(960, 540) == 2.0  # 16:9 at 1920 × 1080
    assert render_scale(595, 842) == pytest.approx(1080 / 842)  # A4 portrait: by height
