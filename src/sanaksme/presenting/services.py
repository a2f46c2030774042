"""Slides, videos and the summary: uploads checked before anything is kept, and every
change to what the projector shows announced with the meeting's next seq."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.core.text import reject_control_chars
from sanaksme.live.broadcast import broadcast_on_commit
from sanaksme.live.events import PresentationChanged
from sanaksme.programme.models import AgendaItem
from sanaksme.programme.services import meeting_next_seq

from .domain.media import (
    clamp_page,
    is_pdf,
    video_extension,
    video_link,
    video_position,
)
from .models import Deck, Projection, Video
from .pdfworker import Rendered, render_pdf

log = logging.getLogger(__name__)
MB = 1024 * 1024
TITLE_MAX = 200
SUMMARY_MAX = 20_000


def _limits() -> tuple[int, int, int]:
    return (settings.SANAKSME_MAX_SLIDES_MB, settings.SANAKSME_MAX_SLIDE_PAGES,
            settings.SANAKSME_MAX_VIDEO_MB)


def _title(title: str, fallback: str) -> str:
    title = " ".join((title or "").split())[:TITLE_MAX]
    return title or Path(fallback).stem[:TITLE_MAX] or _("Untitled")


def _announce(item: AgendaItem) -> None:
    meeting_id = item.day.meeting_id
    seq = meeting_next_seq(meeting_id=meeting_id)
    broadcast_on_commit(PresentationChanged(meeting_id=meeting_id, seq=seq,
                                            item_id=item.pk))


def _read_head(upload: UploadedFile, size: int = 1024) -> bytes:
    upload.seek(0)
    head: bytes = upload.read(size)
    upload.seek(0)
    return head


# Slides -------------------------------------------------------------------------------


def deck_upload(*, item: AgendaItem, upload: UploadedFile, title: str = "",
                actor: Any = None) -> Deck:
    """Check a PDF (type, size, page count, readable), render every page to an image
    for the projector, and keep it with the meeting. Nothing is kept if any step fails.
    The PDF is opened only in a child process with CPU, memory and time limits."""
    max_mb, max_pages, _video = _limits()
    size = upload.size or 0
    if size == 0:
        raise DomainError(_("The file is empty."), field="file")
    if size > max_mb * MB:
        raise DomainError(_("The file is %(size)s MB; slides may be at most %(max)s MB.")
                          % {"size": round(size / MB, 1), "max": max_mb}, field="file")
    if not is_pdf(_read_head(upload)):
        raise DomainError(_("This is not a PDF file. Save the slides as PDF and upload "
                            "that."), field="file")
    with tempfile.TemporaryDirectory(prefix="sanaksme-pdf-") as work:
        original = Path(work) / "original.pdf"
        digest = hashlib.sha256()
        with original.open("wb") as out:
            for chunk in upload.chunks():
                digest.update(chunk)
                out.write(chunk)
        rendered = render_pdf(
            original, Path(work), max_pages=max_pages,
            memory_mb=settings.SANAKSME_PDF_WORKER_MEMORY_MB,
            cpu_seconds=settings.SANAKSME_PDF_WORKER_CPU_SECONDS,
            timeout=settings.SANAKSME_PDF_WORKER_TIMEOUT)
        if rendered.error is not None:
            raise DomainError(_render_refusal(rendered, max_pages), field="file")
        deck = Deck(meeting_id=item.day.meeting_id, item=item, pages=rendered.pages,
                    size=size, title=_title(title, upload.name or ""),
                    original_name=Path(upload.name or "").name[:255],
                    sha256=digest.hexdigest(),
                    uploaded_by=actor if getattr(actor, "pk", None) else None)
        try:
            _store(Path(work), deck)
            with transaction.atomic():
                deck.save()
                _announce(item)
        except Exception:
            _remove_folder(deck.folder)
            log.exception("storing slides failed")
            raise DomainError(_("The PDF could not be turned into slides."),
                              field="file") from None
    return deck


def _render_refusal(rendered: Rendered, max_pages: int) -> str:
    if rendered.error == "unreadable":
        return _("The PDF could not be read: it is damaged or protected by a password.")
    if rendered.error == "no_pages":
        return _("The PDF has no pages.")
    if rendered.error == "too_many_pages":
        return (_("The PDF has %(pages)s pages; at most %(max)s are shown.")
                % {"pages": rendered.pages, "max": max_pages})
    return _("The PDF needs more time or memory to display than slides may take. Save "
             "it again as a simpler PDF (for example with images reduced) and upload "
             "that.")


def _store(work: Path, deck: Deck) -> None:
    with (work / "original.pdf").open("rb") as original:
        default_storage.save(f"{deck.folder}/original.pdf", File(original))
    for page in range(1, deck.pages + 1):
        with (work / f"{page}.webp").open("rb") as image:
            default_storage.save(deck.page_path(page), File(image))


def _remove_folder(folder: str) -> None:
    path = Path(default_storage.path(folder))
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


def deck_remove(*, deck: Deck) -> None:
    """Take a deck away from the item (its files too); the projector stops showing it."""
    item = deck.item
    folder = deck.folder
    with transaction.atomic():
        deck.delete()
        _announce(item)
    transaction.on_commit(lambda: _remove_folder(folder))


# Videos -------------------------------------------------------------------------------


def video_upload(*, item: AgendaItem, upload: UploadedFile, title: str = "") -> Video:
    """Keep an MP4 or WebM file (checked by its content, not its name)."""
    _max_mb, _pages, max_mb = _limits()
    size = upload.size or 0
    if size == 0:
        raise DomainError(_("The file is empty."), field="file")
    if size > max_mb * MB:
        raise DomainError(_("The file is %(size)s MB; a video may be at most %(max)s MB.")
                          % {"size": round(size / MB, 1), "max": max_mb}, field="file")
    extension = video_extension(_read_head(upload, 16))
    if extension is None:
        raise DomainError(_("This is not an MP4 or WebM video."), field="file")
    video = Video(meeting_id=item.day.meeting_id, item=item, kind=Video.Kind.FILE,
                  title=_title(title, upload.name or ""), extension=extension, size=size,
                  original_name=Path(upload.name or "").name[:255])
    stored = default_storage.save(video.path, upload)
    if stored != video.path:  # the storage never renames our random key; be sure
        default_storage.delete(stored)
        raise DomainError(_("The video could not be stored."), field="file")
    try:
        with transaction.atomic():
            video.save()
            _announce(item)
    except Exception:
        default_storage.delete(video.path)
        raise
    return video


def video_add_link(*, item: AgendaItem, url: str, title: str = "") -> Video:
    """Keep a YouTube, Vimeo or direct video link."""
    url = (url or "").strip()
    if len(url) > 500 or video_link(url) is None:
        raise DomainError(_("Use a YouTube or Vimeo link, or a direct link to an .mp4 or "
                            ".webm file (http or https)."), field="url")
    with transaction.atomic():
        video = Video.objects.create(meeting_id=item.day.meeting_id, item=item,
                                     kind=Video.Kind.LINK, url=url,
                                     title=_title(title, "") if title.strip() else url[:200])
        _announce(item)
    return video


def video_remove(*, video: Video) -> None:
    item, path, kind = video.item, video.path, video.kind
    with transaction.atomic():
        video.delete()
        _announce(item)
    if kind == Video.Kind.FILE:
        transaction.on_commit(lambda: default_storage.delete(path))


# What the projector shows -------------------------------------------------------------


def _projection(item: AgendaItem) -> Projection:
    projection, _created = Projection.objects.select_for_update().get_or_create(
        item=item, defaults={"meeting_id": item.day.meeting_id})
    return projection


def _save(item: AgendaItem, projection: Projection, *fields: str) -> Projection:
    projection.save(update_fields=[*fields, "updated_at"])
    _announce(item)
    return projection


def _stop_video(projection: Projection) -> None:
    projection.video = None
    projection.playing_since = None
    projection.played_seconds = 0


def slide_show(*, item: AgendaItem, deck_id: int, page: int = 1) -> Projection:
    """Put a page of one of the item's decks on the projector. The console sends the
    page it wants (not "one more"), so two facilitators pressing at once agree."""
    deck = Deck.objects.filter(pk=deck_id, item=item).first()
    if deck is None:
        raise DomainError(_("That slide deck is not part of this agenda item."))
    with transaction.atomic():
        projection = _projection(item)
        _stop_video(projection)
        projection.deck, projection.page = deck, clamp_page(page, deck.pages)
        return _save(item, projection, "deck", "page", "video", "playing_since",
                     "played_seconds")


def video_show(*, item: AgendaItem, video_id: int) -> Projection:
    """Put a video on the projector, paused at its start."""
    video = Video.objects.filter(pk=video_id, item=item).first()
    if video is None:
        raise DomainError(_("That video is not part of this agenda item."))
    with transaction.atomic():
        projection = _projection(item)
        projection.video, projection.playing_since, projection.played_seconds = video, None, 0
        return _save(item, projection, "video", "playing_since", "played_seconds")


def video_play(*, item: AgendaItem, playing: bool,
               now: dt.datetime | None = None) -> Projection:
    """Play or pause the video on the projector; the position is kept."""
    now = now or timezone.now()
    with transaction.atomic():
        projection = _projection(item)
        if projection.video_id is None:
            raise DomainError(_("No video is on the projector."))
        if playing and projection.playing_since is None:
            projection.playing_since = now
        elif not playing and projection.playing_since is not None:
            projection.played_seconds = video_position(
                played_seconds=projection.played_seconds,
                playing_since=projection.playing_since, now=now)
            projection.playing_since = None
        else:
            return projection
        return _save(item, projection, "playing_since", "played_seconds")


def screen_clear(*, item: AgendaItem) -> Projection:
    """Take slides and video off the projector (the item's title stays)."""
    with transaction.atomic():
        projection = _projection(item)
        _stop_video(projection)
        projection.deck = None
        return _save(item, projection, "deck", "video", "playing_since", "played_seconds")


def summary_write(*, item: AgendaItem, text: str) -> Projection:
    """The facilitator's notes for the day's summary (the report uses them)."""
    reject_control_chars(text)
    if len(text) > SUMMARY_MAX:
        raise DomainError(_("The summary may be at most %(max)s characters.")
                          % {"max": SUMMARY_MAX})
    with transaction.atomic():
        projection = _projection(item)
        if projection.summary == text:
            return projection
        projection.summary = text
        return _save(item, projection, "summary")


def summary_show(*, item: AgendaItem, shown: bool) -> Projection:
    with transaction.atomic():
        projection = _projection(item)
        projection.summary_shown = shown
        return _save(item, projection, "summary_shown")
