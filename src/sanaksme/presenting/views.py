"""Slides and videos of an agenda item: the materials page, and serving the files.

Files are served only to this meeting's facilitators and its projector, by keys looked
up in the database (never by a path from the URL), with types Sanāksme chose: slide
pages as images, videos inline, the original PDF as a download."""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanaksme.core.exceptions import DomainError
from sanaksme.programme.models import Meeting
from sanaksme.programme.permissions import access_agenda_item, access_meeting

from .forms import DeckForm, VideoForm
from .models import Deck, Video
from .ranges import ranged_file_response
from .services import (
    deck_remove,
    deck_upload,
    video_add_link,
    video_remove,
    video_upload,
)

_SLIDE = re.compile(r"^slides/(?P<key>[0-9a-f-]{36})/(?:p(?P<page>\d{1,4})\.webp|original\.pdf)$")
_VIDEO = re.compile(r"^video/(?P<key>[0-9a-f-]{36})\.(?:mp4|webm)$")
_VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}


@login_required
def materials(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    item = access_agenda_item(request.user, slug, item_id)
    deck_form, video_form = DeckForm(), VideoForm()
    if request.method == "POST":
        kind = request.POST.get("kind")
        try:
            if kind == "deck":
                deck_form = DeckForm(request.POST, request.FILES)
                if deck_form.is_valid():
                    deck = deck_upload(item=item, upload=deck_form.cleaned_data["file"],
                                       title=deck_form.cleaned_data["title"],
                                       actor=request.user)
                    messages.success(request, _("“%(title)s” is ready: %(pages)s slides.")
                                     % {"title": deck.title, "pages": deck.pages})
                    return redirect(request.path)
            elif kind == "video":
                video_form = VideoForm(request.POST, request.FILES)
                if video_form.is_valid():
                    data = video_form.cleaned_data
                    if data.get("file"):
                        video_upload(item=item, upload=data["file"], title=data["title"])
                    else:
                        video_add_link(item=item, url=data["url"], title=data["title"])
                    messages.success(request, _("The video is added."))
                    return redirect(request.path)
        except DomainError as error:
            form: Any = deck_form if kind == "deck" else video_form
            form.add_error(error.field if error.field in form.fields else None, error.message)
    meeting = item.day.meeting

    def url(key: str) -> str:
        return reverse("presenting:console-file", args=[meeting.slug, key])

    decks = [{"deck": d, "thumb": url(f"slides/{d.key}/p1.webp"),
              "pdf": url(f"slides/{d.key}/original.pdf")} for d in Deck.objects.filter(item=item)]
    videos = [{"video": v, "src": url(f"video/{v.key}.{v.extension}")
               if v.kind == Video.Kind.FILE else v.url} for v in Video.objects.filter(item=item)]
    return render(request, "presenting/materials.html", {
        "meeting": meeting, "item": item, "deck_form": deck_form, "video_form": video_form,
        "decks": decks, "videos": videos,
    }, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def remove(request: HttpRequest, slug: str, item_id: int, kind: str, pk: int) -> HttpResponse:
    item = access_agenda_item(request.user, slug, item_id)
    if kind == "deck":
        deck = Deck.objects.filter(pk=pk, item=item).first()
        if deck is None:
            raise Http404
        deck_remove(deck=deck)
    else:
        video = Video.objects.filter(pk=pk, item=item).first()
        if video is None:
            raise Http404
        video_remove(video=video)
    messages.success(request, _("Removed."))
    return redirect("presenting:materials", slug=slug, item_id=item.pk)


def _serve(request: HttpRequest, meeting: Meeting, key: str) -> HttpResponseBase:
    match = _SLIDE.match(key)
    if match:
        deck = Deck.objects.filter(key=match["key"], meeting=meeting).first()
        if deck is None:
            raise Http404
        if match["page"] is None:
            path, content_type = f"{deck.folder}/original.pdf", "application/pdf"
        elif 1 <= int(match["page"]) <= deck.pages:
            path, content_type = deck.page_path(int(match["page"])), "image/webp"
        else:
            raise Http404
        if not default_storage.exists(path):
            raise Http404
        response: HttpResponseBase = FileResponse(
            default_storage.open(path, "rb"), content_type=content_type,
            as_attachment=content_type == "application/pdf",
            filename=deck.original_name or "slides.pdf")
        response["Cache-Control"] = "private, max-age=86400, immutable"
    else:
        match = _VIDEO.match(key)
        video = (Video.objects.filter(key=match["key"], meeting=meeting,
                                      kind=Video.Kind.FILE).first() if match else None)
        if video is None or not default_storage.exists(video.path):
            raise Http404
        response = ranged_file_response(request, default_storage.path(video.path),
                                        _VIDEO_TYPES[video.extension])
        response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def console_file(request: HttpRequest, slug: str, key: str) -> HttpResponseBase:
    return _serve(request, access_meeting(request.user, slug), key)


def projector_file(request: HttpRequest, slug: str, token: str,
                   key: str) -> HttpResponseBase:
    meeting = Meeting.objects.filter(slug=slug).first()
    if meeting is None or not secrets.compare_digest(meeting.projector_token, token):
        raise Http404
    return _serve(request, meeting, key)
