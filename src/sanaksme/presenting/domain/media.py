"""Rules for slides and videos. Pure Python: bytes and strings in, answers out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

PDF_MAGIC = b"%PDF-"
WEBM_MAGIC = b"\x1a\x45\xdf\xa3"
VIDEO_SUFFIXES = (".mp4", ".webm", ".m4v", ".ogv")
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def is_pdf(head: bytes) -> bool:
    """A PDF starts with `%PDF-` (some writers put a few bytes of junk before it)."""
    return PDF_MAGIC in head[:1024]


def video_extension(head: bytes) -> str | None:
    """`mp4` or `webm` from the file's first bytes, never from its name; None otherwise."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(WEBM_MAGIC):
        return "webm"
    return None


@dataclass(frozen=True)
class VideoLink:
    """How the projector plays a link: an embedded player, or a video element."""

    kind: str  # "embed" or "file"
    src: str


def video_link(url: str) -> VideoLink | None:
    """YouTube and Vimeo links become privacy-friendly embeds; a direct link to an
    .mp4/.webm file plays as is. Anything else (or not http/https) is None."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.").removeprefix("m.")
    path = parts.path
    video_id = None
    if host == "youtu.be":
        video_id = path.strip("/").split("/")[0]
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if path == "/watch":
            video_id = (parse_qs(parts.query).get("v") or [""])[0]
        elif path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = path.split("/")[2]
    if video_id is not None:
        if not _YOUTUBE_ID.match(video_id):
            return None
        return VideoLink("embed", f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0")
    if host in ("vimeo.com", "player.vimeo.com"):
        number = path.rstrip("/").split("/")[-1]
        if not number.isdigit():
            return None
        return VideoLink("embed", f"https://player.vimeo.com/video/{number}?autoplay=1")
    if path.lower().endswith(VIDEO_SUFFIXES):
        return VideoLink("file", parts.geturl())
    return None


def clamp_page(page: int, pages: int) -> int:
    """A page number within the deck (1-based)."""
    return max(1, min(page, max(pages, 1)))


def video_position(*, played_seconds: float, playing_since: dt.datetime | None,
                   now: dt.datetime) -> float:
    """Where the video is now: what was played before, plus the time since it resumed."""
    if playing_since is None:
        return played_seconds
    return played_seconds + max((now - playing_since).total_seconds(), 0.0)


def render_scale(width_pt: float, height_pt: float, *, max_width: int = 1920,
                 max_height: int = 1080) -> float:
    """The pdfium scale (pixels per point) that fits a page into a full-HD projector."""
    if width_pt <= 0 or height_pt <= 0:
        return 1.0
    return min(max_width / width_pt, max_height / height_pt)
