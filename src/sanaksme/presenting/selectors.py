"""The presenting part of a live screen's state: decks, videos, what is shown, summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import AgendaItem

from .domain.media import video_link, video_position
from .models import Deck, Projection, Video

PRESENTING_METHODS = (Method.PRESENTATION.value, Method.GROUP_PRESENTATIONS.value,
                      Method.SUMMARY.value)

UrlFor = Callable[[str], str]


def has_presenting(item: AgendaItem) -> bool:
    """Whether the live screens show the presenting panel for this item."""
    return (item.method in PRESENTING_METHODS or Deck.objects.filter(item=item).exists()
            or Video.objects.filter(item=item).exists())


def _video(video: Video, url_for: UrlFor) -> dict[str, Any]:
    if video.kind == Video.Kind.FILE:
        return {"kind": "file", "src": url_for(f"video/{video.key}.{video.extension}")}
    link = video_link(video.url)
    if link is None:  # a link stored before the rules tightened: show it as text only
        return {"kind": "none", "src": ""}
    return {"kind": link.kind, "src": link.src}


def presenting_state(item: AgendaItem, *, url_for: UrlFor, console: bool = False,
                     now: dt.datetime | None = None) -> dict[str, Any]:
    """Slides and videos of the item, what the projector shows, and the summary (on the
    console always; elsewhere only when the facilitator shows it). Video playback is
    given as absolute times, like the speaking countdown."""
    projection = Projection.objects.filter(item=item).select_related("deck", "video").first()
    decks = list(Deck.objects.filter(item=item))
    videos = list(Video.objects.filter(item=item))
    showing: dict[str, Any] | None = None
    if projection and projection.video:
        video = projection.video
        showing = {"kind": "video", "video_id": video.pk, "title": video.title,
                   **_video(video, url_for),
                   "playing": projection.playing_since is not None,
                   "playing_since": (projection.playing_since.isoformat()
                                     if projection.playing_since else None),
                   "played": video_position(played_seconds=projection.played_seconds,
                                            playing_since=None, now=now or timezone.now())}
    elif projection and projection.deck:
        deck, page = projection.deck, projection.page
        showing = {"kind": "slide", "deck_id": deck.pk, "title": deck.title,
                   "page": page, "pages": deck.pages,
                   "src": url_for(f"slides/{deck.key}/p{page}.webp"),
                   "next_src": (url_for(f"slides/{deck.key}/p{page + 1}.webp")
                                if page < deck.pages else None)}
    summary_shown = bool(projection and projection.summary_shown)
    state: dict[str, Any] = {
        "showing": showing,
        "summary_shown": summary_shown,
        "summary": projection.summary if projection and (console or summary_shown) else "",
        "is_summary": item.method == Method.SUMMARY.value,
        "topic": str(item.params.get("topic") or ""),  # a presentation's (the title card)
    }
    if console:
        state["decks"] = [{"id": d.pk, "title": d.title, "pages": d.pages,
                           "thumb": url_for(f"slides/{d.key}/p1.webp")} for d in decks]
        state["videos"] = [{"id": v.pk, "title": v.title, "kind": v.kind} for v in videos]
    return state
