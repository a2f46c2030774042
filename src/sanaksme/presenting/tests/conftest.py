"""Fixtures for slides and videos: PDFs made in memory, media in a temporary folder."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from sanaksme.programme.models import AgendaItem, Meeting


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def pdf_bytes(pages: int = 3, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=960, height=540)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def pdf() -> Callable[..., SimpleUploadedFile]:
    def make(pages: int = 3, name: str = "slides.pdf", password: str | None = None,
             data: bytes | None = None) -> SimpleUploadedFile:
        return SimpleUploadedFile(name, data if data is not None
                                  else pdf_bytes(pages, password), "application/pdf")
    return make


@pytest.fixture
def presentation(demo_meeting: Meeting) -> AgendaItem:
    """The study presentation of the demo meeting (day 2, 14:45)."""
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="presentation",
                                  title__startswith="Pētījuma")


@pytest.fixture
def summary_item(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="summary")


MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
WEBM_HEAD = b"\x1a\x45\xdf\xa3" + b"\x00" * 64
